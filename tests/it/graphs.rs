//! Tests of interaction graphs: snapshots of the `C8` graphs and of the PL-Schur tables,
//! the `plrep.graph.v1` contract, drawings, and comparisons.

use plrep::character::{CharacterTable, RealSimples};
use plrep::graph::{compare, InteractionGraph};
use plrep::group::gset::ActionSpec;
use plrep::group::spec::parse_group;
use plrep::group::Limits;
use plrep::pl::{check, exists_table, exists_text, solve, Activation, PlModule, SolverOptions};
use std::collections::BTreeSet;

fn graph(group: &str, action: &str, activation: &str) -> InteractionGraph {
    let g = parse_group(group).unwrap();
    let m = PlModule::new(&g, &ActionSpec::parse(action).unwrap(), &Limits::default()).unwrap();
    let s = solve(
        &m,
        &SolverOptions::new(Activation::parse(activation).unwrap()),
    )
    .unwrap();
    InteractionGraph::from_certified(&m, &check(&m, s).unwrap())
}

#[test]
fn c8_graph_text_snapshots() {
    insta::assert_snapshot!("c8_relu_text", graph("C8", "regular", "relu").to_text());
    insta::assert_snapshot!("c8_abs_text", graph("C8", "regular", "abs").to_text());
}

#[test]
fn c8_relu_svg_snapshot() {
    insta::assert_snapshot!("c8_relu_svg", graph("C8", "regular", "relu").to_svg());
}

#[test]
fn exists_snapshots() {
    for name in ["C8", "D8"] {
        let t = CharacterTable::compute(&parse_group(name).unwrap(), &Limits::default()).unwrap();
        let r = RealSimples::from_table(&t);
        insta::assert_snapshot!(format!("exists_{name}"), exists_text(&r, &exists_table(&r)));
    }
}

#[test]
fn exists_matches_kernels_and_relu_edges() {
    // Every ReLU edge of a regular module is a nonzero PL map, so T3 allows it.
    for name in ["S4", "D12", "Q8", "C12"] {
        let g = graph(name, "regular", "relu");
        let t = CharacterTable::compute(&parse_group(name).unwrap(), &Limits::default()).unwrap();
        let r = RealSimples::from_table(&t);
        let e = exists_table(&r);
        for (a, b) in g.edge_labels() {
            let (i, j) = (r.find(&a).unwrap(), r.find(&b).unwrap());
            assert!(e[i * r.len() + j].nonzero, "{name}: {a} -> {b}");
        }
    }
}

#[test]
fn json_contract() {
    for (grp, action, act) in [
        ("C8", "regular", "relu"),
        ("S4", "subsets:2", "abs"),
        ("A4", "regular", "hardtanh"),
    ] {
        let g = graph(grp, action, act);
        let j = g.to_json();
        assert_eq!(j["schema"], "plrep.graph.v1");
        assert_eq!(j["group"]["order"].as_u64().unwrap(), g.group_order);
        let nv = j["vertices"].as_array().unwrap().len();
        let mut seen = BTreeSet::new();
        for list in ["edges", "non_edges", "unresolved"] {
            for e in j[list].as_array().unwrap() {
                assert!(
                    seen.insert((e["from"].as_u64().unwrap(), e["to"].as_u64().unwrap())),
                    "pair twice"
                );
            }
        }
        assert_eq!(seen.len(), nv * nv);
        // Deterministic output.
        assert_eq!(
            serde_json::to_string(&j).unwrap(),
            serde_json::to_string(&graph(grp, action, act).to_json()).unwrap()
        );
        assert!(g.to_dot().contains("digraph"));
        assert!(g.to_tikz().contains("tikzpicture"));
    }
}

#[test]
fn comparisons() {
    let relu = graph("C8", "regular", "relu");
    let abs = graph("C8", "regular", "abs");
    let c = compare(&relu, &relu);
    assert!(c.isomorphic && c.only_in_a.is_empty());
    let c = compare(&relu, &abs);
    assert!(!c.isomorphic);
    assert!(c.only_in_b.is_empty());
    // C8 and D8 have different simples: not even the same vertices.
    let d8 = graph("D8", "regular", "relu");
    assert!(!compare(&relu, &d8).same_vertices);
    // The regular module of C2xC2 and of C2xC4's quotient... isomorphic graphs under a
    // relabelling: C4 on its regular module vs the same group given by other generators.
    // Same group, two modules: compared on the shared simples; the subsets module of S4
    // loses edges, never gains one over the regular module here.
    let c = compare(
        &graph("S4", "regular", "relu"),
        &graph("S4", "subsets:2", "relu"),
    );
    assert!(!c.same_vertices && !c.matching.is_empty());
    assert!(c.only_in_b.is_empty() && !c.only_in_a.is_empty());
    let a = graph("C4", "regular", "relu");
    let b = graph("(1,3,2,4)", "regular", "relu");
    assert!(compare(&a, &b).isomorphic);
}

#[test]
fn unresolved_pairs_are_flagged_prominently() {
    // With no witness budget every predicted edge stays unresolved: never guessed, and
    // flagged as a potential counterexample to the span conjecture.
    let g = parse_group("C6").unwrap();
    let m = PlModule::new(
        &g,
        &ActionSpec::parse("regular").unwrap(),
        &Limits::default(),
    )
    .unwrap();
    let mut o = SolverOptions::new(Activation::Abs);
    o.seeds = 0;
    let s = solve(&m, &o).unwrap();
    assert_eq!(s.unresolved(), 6);
    assert_eq!(s.potential_counterexamples().len(), 6);
    let c = check(&m, s).unwrap();
    assert_eq!((c.report().edges, c.report().unresolved), (0, 6));
    let gr = InteractionGraph::from_certified(&m, &c);
    assert!(gr.to_text().contains("POTENTIAL COUNTEREXAMPLE"));
    let j = gr.to_json();
    assert_eq!(j["unresolved"].as_array().unwrap().len(), 6);
    assert_eq!(j["unresolved"][0]["potential_counterexample"], true);
}

// ---------------------------------------------------------------- command line

fn plrep(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plrep"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn cli_graph_solve_exists() {
    let (code, out, _) = plrep(&["graph", "C8", "--activation", "abs", "--certify"]);
    assert_eq!(code, 0);
    assert!(out.contains("L1 -> L0 L2 L4") && out.contains("certified"));
    let (code, out, _) = plrep(&["graph", "C8", "--bias", "1", "--format", "json"]);
    assert_eq!(code, 0);
    let j: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(j["schema"], "plrep.graph.v1");
    assert_eq!(j["bias"], "1");
    assert!(j["edges"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["from_label"] == "L1" && e["to_label"] == "L3"));
    let (code, out, _) = plrep(&["graph", "S4", "--action", "natural", "--format", "svg"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("<svg") || out.contains("<svg"));
    let (code, out, _) = plrep(&["solve", "C8", "--from", "L1", "--to", "L0", "--certify"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("EDGE") && out.contains("re-checked independently: ok"),
        "{out}"
    );
    let (code, out, _) = plrep(&["compare", "C8", "C8", "--activation-b", "abs"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("not isomorphic") && out.contains("only in A: L1->L1 L2->L2 L3->L3 L4->L4"),
        "{out}"
    );
    let (code, out, _) = plrep(&["compare", "C4", "(1,3,2,4)", "--format", "json"]);
    assert_eq!(code, 0);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&out).unwrap()["isomorphic"],
        true
    );
    let (code, out, _) = plrep(&["exists", "D8"]);
    assert_eq!(code, 0);
    assert!(out.contains("PL maps"));
}

#[test]
fn cli_solver_errors() {
    for (args, want) in [
        (vec!["graph", "C8", "--activation", "tanh"], 2),
        (vec!["graph", "C8", "--bias", "x"], 2),
        (vec!["graph", "C8", "--format", "latex"], 2),
        (vec!["solve", "C8", "--from", "L9", "--to", "L0"], 2),
        (
            vec!["graph", "A5", "--action", "tuples:2", "--max-points", "10"],
            3,
        ),
    ] {
        let (code, out, err) = plrep(&args);
        assert_eq!(code, want, "{args:?}: {err}");
        assert!(out.is_empty());
        assert!(
            err.starts_with("error: ") && err.trim_end().lines().count() == 1,
            "{err}"
        );
    }
}
