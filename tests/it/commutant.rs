//! The commutant route (theory.md §13) against the character-table route on every group
//! and module where both run: the same simples (projectors entry by entry, dimension,
//! multiplicity, type, kernel order, character values on the classes) and the same
//! certified edges for several activations; the checker rejects tampered claims; the
//! point-cloud examples of issue 16 as snapshots.

use plrep::arith::{Cyclotomic, Q};
use plrep::group::gset::ActionSpec;
use plrep::group::spec::parse_group;
use plrep::group::Limits;
use plrep::pl::certify::certify_commutant;
use plrep::pl::commutant::{solve_commutant, CommutantModule};
use plrep::pl::{certify, solve, Activation, PlModule, SolverOptions, Verdict};
use std::path::PathBuf;

/// For each commutant simple, the index of the table-route simple with the same
/// projector (compared on every column `P e_x`).
fn matching(c: &CommutantModule, p: &PlModule) -> Vec<usize> {
    let n = c.points();
    c.simples
        .iter()
        .enumerate()
        .map(|(l, _)| {
            let found: Vec<usize> = p
                .present
                .iter()
                .map(|&(l2, _)| l2)
                .filter(|&l2| {
                    (0..n).all(|x| {
                        let mut e = vec![0i64; n];
                        e[x] = 1;
                        let col = p.project(l2, &e);
                        (0..n).all(|y| col[y] == Cyclotomic::from_q(c.entry(l, y, x).clone()))
                    })
                })
                .collect();
            assert_eq!(found.len(), 1, "simple {l} matches {found:?}");
            found[0]
        })
        .collect()
}

fn compare(group: &str, action: &str) {
    let limits = Limits::default();
    let g = parse_group(group).unwrap();
    let spec = ActionSpec::parse(action).unwrap();
    let c = CommutantModule::new(&g, &spec, &limits)
        .unwrap_or_else(|e| panic!("{group} {action}: {e}"));
    let p = PlModule::new(&g, &spec, &limits).unwrap();
    assert_eq!(c.simples.len(), p.present.len(), "{group} {action}");
    let map = matching(&c, &p);
    for (l, s) in c.simples.iter().enumerate() {
        let t = &p.simples.simples[map[l]];
        assert_eq!(
            (s.dim, s.mult, s.kind),
            (t.dim, p.multiplicity(map[l]), t.kind),
            "{group} {action} {l}"
        );
        if let Some(k) = s.kernel {
            let (n, sym) = (g.degree(), c.giant.unwrap());
            let order: u64 = t.kernel.iter().map(|&k| p.classes.sizes[k]).sum();
            assert_eq!(
                k.order(n, sym),
                order.into(),
                "{group} {action} kernel of {l}"
            );
        }
        for (k, rep) in p.classes.reps.iter().enumerate() {
            let v = c.character_value(l, rep).unwrap();
            assert_eq!(
                Cyclotomic::from_q(v),
                t.values[k],
                "{group} {action} character of {l}"
            );
        }
    }
    let acts = ["relu", "abs", "square", "hardtanh", "identity", "leaky:1/3"];
    for act in acts {
        for bias in [None, Some(Q::new(1, 2))] {
            let opts = SolverOptions::new(Activation::parse(act).unwrap()).with_bias(bias.clone());
            let sc = solve_commutant(&c, &opts).unwrap();
            certify_commutant(&c, &sc).unwrap_or_else(|e| panic!("{group} {action} {act}: {e}"));
            let sp = solve(&p, &opts).unwrap();
            certify(&p, &sp).unwrap();
            for pc in &sc.pairs {
                let (a, b) = (map[pc.from], map[pc.to]);
                let pp = sp.pairs.iter().find(|q| q.from == a && q.to == b).unwrap();
                let unresolved = |v: &Verdict| matches!(v, Verdict::Unresolved { .. });
                if unresolved(&pc.verdict) || unresolved(&pp.verdict) {
                    continue;
                }
                assert_eq!(
                    matches!(pc.verdict, Verdict::Edge(_)),
                    pp.is_edge(),
                    "{group} {action} {act} {bias:?}: {} -> {}",
                    pc.from,
                    pc.to
                );
                if let Some(rule) = pc.kernel_rule {
                    assert_eq!(rule, pp.kernel_rule, "{group} {action} kernel rule");
                }
            }
        }
    }
}

#[test]
fn routes_agree_on_symmetric_groups() {
    for n in 3..=6 {
        let g = format!("S{n}");
        for action in ["natural", "tuples:2", "subsets:2", "natural * natural"] {
            compare(&g, action);
        }
    }
    compare("S5", "subsets:2 + natural");
}

#[test]
fn routes_agree_on_alternating_groups_and_regular_modules() {
    for (g, action) in [
        ("A4", "natural"),
        ("A5", "natural"),
        ("A5", "subsets:2"),
        ("A6", "natural"),
        ("A6", "subsets:2"),
        ("S3", "regular"),
        ("D8", "regular"),
        ("Q8", "regular"),
        ("C2xC2xC2", "regular"),
        ("S4", "regular"),
    ] {
        compare(g, action);
    }
}

#[test]
fn quaternionic_type_is_read_off_the_commutant() {
    let c = CommutantModule::new(
        &parse_group("Q8").unwrap(),
        &ActionSpec::parse("regular").unwrap(),
        &Limits::default(),
    )
    .unwrap();
    let last = c.simples.last().unwrap();
    assert_eq!(
        (last.dim, last.mult, last.kind.name()),
        (4, 1, "quaternionic")
    );
}

#[test]
fn irrational_centres_are_refused_cleanly() {
    for (g, action) in [
        ("A5", "natural * natural"),
        ("C5", "regular"),
        ("C4", "regular"),
    ] {
        let e = CommutantModule::new(
            &parse_group(g).unwrap(),
            &ActionSpec::parse(action).unwrap(),
            &Limits::default(),
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .contains("not supported by the commutant route"),
            "{g}: {e}"
        );
    }
}

#[test]
fn checker_rejects_tampered_claims() {
    let g = parse_group("S7").unwrap();
    let c = CommutantModule::new(
        &g,
        &ActionSpec::parse("subsets:2").unwrap(),
        &Limits::default(),
    )
    .unwrap();
    let opts = SolverOptions::new(Activation::Relu);
    let s = solve_commutant(&c, &opts).unwrap();
    certify_commutant(&c, &s).unwrap();
    // A wrong projector value.
    let mut bad = c.clone();
    bad.simples[1].idempotent[0] += &Q::new(1, 7);
    assert!(certify_commutant(&bad, &s).is_err());
    // Two simples merged: still idempotent and central, but not primitive.
    let mut merged = c.clone();
    let (a, b) = (merged.simples[1].clone(), merged.simples.remove(2));
    for (x, y) in merged.simples[1].idempotent.iter_mut().zip(&b.idempotent) {
        *x += y;
    }
    merged.simples[1].dim = a.dim + b.dim;
    let sm = solve_commutant(&merged, &opts).unwrap();
    assert!(certify_commutant(&merged, &sm).is_err());
    // A wrong multiplicity, type, kernel.
    let mut wrong = c.clone();
    wrong.simples[2].mult = 2;
    assert!(certify_commutant(&wrong, &s).is_err());
    let mut wrong = c.clone();
    wrong.simples[2].kernel = Some(plrep::pl::commutant::GiantKernel::Alternating);
    assert!(certify_commutant(&wrong, &s).is_err());
    // A wrong witness value and a forged non-edge.
    for i in 0..s.pairs.len() {
        let mut t = s.clone();
        match &mut t.pairs[i].verdict {
            Verdict::Edge(w) => w.value = (&*w.value + &Cyclotomic::one()).into(),
            v => {
                *v = Verdict::Edge(plrep::pl::Witness {
                    seed: 0,
                    r: std::sync::Arc::new(vec![1; c.points()]),
                    scale: Q::one(),
                    point: 0,
                    value: Cyclotomic::one().into(),
                })
            }
        }
        assert!(certify_commutant(&c, &t).is_err(), "pair {i}");
    }
}

/// The checker of the commutant route imports nothing from the route's search code but
/// its data types.
#[test]
fn commutant_checker_imports_only_data_types() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/pl/certify/commutant.rs");
    let text = std::fs::read_to_string(path).unwrap();
    for stmt in text
        .split(';')
        .map(str::trim_start)
        .filter(|s| s.starts_with("use "))
    {
        if stmt.contains("commutant::") {
            for name in [
                "solve_commutant",
                "block_space",
                "OrbitalAlgebra",
                "primitive_central_idempotents",
                "linalg",
                "algebra",
                "idempotents",
            ] {
                assert!(!stmt.contains(name), "the checker imports {name}");
            }
        }
    }
    assert!(!text.contains(".algebra") && !text.contains("solve_commutant("));
}

fn plrep(args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plrep"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn point_cloud_examples() {
    insta::assert_snapshot!(
        "commutant_s12_natural",
        plrep(&["graph", "S12", "--action", "natural", "--certify"])
    );
    insta::assert_snapshot!(
        "commutant_s12_subsets3",
        plrep(&["graph", "S12", "--action", "subsets:3", "--certify"])
    );
    insta::assert_snapshot!(
        "commutant_s30_natural_natural",
        plrep(&["graph", "S30", "--action", "natural * natural", "--certify"])
    );
    insta::assert_snapshot!(
        "commutant_s100_natural",
        plrep(&["graph", "S100", "--action", "natural", "--certify"])
    );
    insta::assert_snapshot!(
        "commutant_a9_subsets2_abs",
        plrep(&[
            "graph",
            "A9",
            "--action",
            "subsets:2",
            "--activation",
            "abs",
            "--max-order",
            "1000",
            "--certify"
        ])
    );
}

#[test]
fn commutant_json_names_cycle_types() {
    let v: serde_json::Value = serde_json::from_str(&plrep(&[
        "--format",
        "json",
        "graph",
        "S8",
        "--action",
        "subsets:2",
        "--max-order",
        "100",
        "--certify",
    ]))
    .unwrap();
    assert_eq!(v["route"], "commutant");
    assert_eq!(v["certified"], true);
    let vs = v["vertices"].as_array().unwrap();
    assert_eq!(vs.len(), 3);
    // The standard simple [7,1]: character = fixed points - 1, so -1 on the 8-cycle.
    let std = &vs[1];
    assert_eq!(std["dim"], 7);
    let chars = std["characters"].as_array().unwrap();
    assert_eq!(chars.len(), 22);
    assert_eq!(chars[0]["cycle_type"], serde_json::json!([8]));
    assert_eq!(chars[0]["value"], "-1");
    assert_eq!(chars[21]["value"], "7");
    // Named by Murnaghan–Nakayama from those characters.
    let names: Vec<&str> = vs
        .iter()
        .map(|v| v["partition"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["[8]", "[7,1]", "[6,2]"]);
}

#[test]
fn route_is_refused_cleanly_where_it_does_not_apply() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plrep"))
        .args(["graph", "S12", "--action", "natural", "--format", "dot"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plrep"))
        .args(["graph", "S12", "--action", "regular"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plrep"))
        .args([
            "graph",
            "S300",
            "--action",
            "natural * natural",
            "--max-memory-mb",
            "64",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The example's characters at a transposition, against the content formula
/// `chi(t) = dim * 2 * (sum of contents) / (n (n - 1))` computed by hand:
/// S30: [30] 1, [29,1] 27, [28,2] 351, [28,1,1] 350; S12: [10,2] 36, [9,3] 84.
#[test]
fn point_cloud_example_characters_follow_the_content_formula() {
    let out = plrep::examples::run("point-clouds", &Limits::default()).unwrap();
    let v = |k: &str| out.value(k).unwrap().to_string();
    let s30 = "S30 natural * natural";
    assert_eq!(
        [
            v(&format!("{s30} L0 (1,2)")),
            v(&format!("{s30} L1 (1,2)")),
            v(&format!("{s30} L2 (1,2)")),
            v(&format!("{s30} L3 (1,2)"))
        ],
        ["1", "27", "351", "350"]
    );
    assert_eq!(v(&format!("{s30} L2 dim")), "405");
    assert_eq!(v("S12 subsets:3 L2 (1,2)"), "36");
    assert_eq!(v("S12 subsets:3 L3 (1,2)"), "84");
    assert_eq!(v("S100 natural L1 (1,2)"), "97");
}

/// Only the checker's token marks a commutant graph certified: the same graph without
/// `--certify` says `certified: false`, and the library's `build` never claims it.
#[test]
fn certification_comes_only_from_the_checker() {
    let v: serde_json::Value = serde_json::from_str(&plrep(&[
        "--format",
        "json",
        "graph",
        "S8",
        "--action",
        "subsets:2",
        "--max-order",
        "100",
    ]))
    .unwrap();
    assert_eq!(v["certified"], false);
    let g = parse_group("S8").unwrap();
    let a = ActionSpec::parse("subsets:2").unwrap();
    let m = CommutantModule::new(&g, &a, &Limits::default()).unwrap();
    let s = solve_commutant(&m, &SolverOptions::new(Activation::Relu)).unwrap();
    let plain = plrep::graph::CommutantGraph::build(&m, &s).unwrap();
    assert_eq!(plain.to_json()["certified"], false);
    let c = plrep::pl::certify::check_commutant(&m, &s).unwrap();
    let certified = plrep::graph::CommutantGraph::from_certified(&m, &c).unwrap();
    assert_eq!(certified.to_json()["certified"], true);
    assert_eq!(plain.to_json()["edges"], certified.to_json()["edges"]);
}
