//! `plrep enumerate` and `plrep subgroups`: every transitive module of a group, each
//! graph certified; the number of modules is GAP's number of subgroup classes; the
//! coset modules agree with the same G-sets built directly (regular, natural).

use crate::cli::{fails, json, stdout};
use crate::solver::reference_groups;
use plrep::enumerate::Enumeration;
use plrep::graph::InteractionGraph;
use plrep::group::gset::ActionSpec;
use plrep::group::{spec::parse_group, Limits};
use plrep::pl::{Activation, PlModule, SolverOptions};
use std::collections::BTreeSet;

fn enumerate(name: &str, act: &str) -> Enumeration {
    Enumeration::compute(
        &parse_group(name).unwrap(),
        &SolverOptions::new(Activation::parse(act).unwrap()),
        &Limits::default(),
    )
    .unwrap()
}

fn edges(g: &InteractionGraph) -> BTreeSet<(String, String)> {
    g.edge_labels().into_iter().collect()
}

/// Laws of every enumerated module: certified, nothing unresolved, |X| = |G:H|, the
/// simples' dimensions times multiplicities add up to |X|, edges within the PL-Schur
/// bound, and the pairs partition into edges and kinds of non-edges.
fn check_laws(e: &Enumeration) {
    for m in &e.modules {
        let g = &m.graph;
        assert!(g.is_certified());
        assert_eq!(
            g.unresolved(),
            0,
            "{} H of order {}",
            e.group_name,
            m.subgroup.order
        );
        assert_eq!(g.points as u64, m.subgroup.index);
        let dim: u64 = g.graph.node_weights().map(|v| v.dim * v.multiplicity).sum();
        assert_eq!(dim, m.subgroup.index);
        let s = &m.stats;
        assert_eq!(s.edges, g.edge_labels().len());
        assert!(s.edges <= s.pl_schur_bound);
        let by_kind = s.linear + s.kernel_explained + s.centralizer_explained + s.unexplained;
        assert_eq!(by_kind, s.non_edges);
        assert_eq!(s.g_hat_mattered, s.centralizer_explained + s.unexplained);
        assert_eq!(s.edges + s.non_edges + s.unresolved, s.pairs);
        assert_eq!(m.stats.pairs, m.stats.simples * m.stats.simples);
    }
}

#[test]
fn module_counts_are_gap_subgroup_class_counts() {
    let text = std::fs::read_to_string(crate::solver::data("subgroup-classes.json")).unwrap();
    let gap: serde_json::Value = serde_json::from_str(&text).unwrap();
    let count = |file: &str| {
        gap["groups"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["file"] == file)
            .unwrap()["classes"]
            .as_u64()
            .unwrap() as usize
    };
    let wanted = [
        "S4", "D8", "Q8", "A5", "A4", "D12", "C12", "Dic3", "SL2_3", "C2xC2xC2", "C3xS3", "Q16",
        "PSL2_7",
    ];
    let groups = reference_groups();
    for name in wanted {
        let g = &groups.iter().find(|(n, _)| n == name).unwrap().1;
        for act in ["relu", "abs"] {
            let e = Enumeration::compute(
                g,
                &SolverOptions::new(Activation::parse(act).unwrap()),
                &Limits::default(),
            )
            .unwrap();
            assert_eq!(e.modules.len(), count(name), "{name}");
            check_laws(&e);
        }
    }
    // The numbers, stated independently of the data file.
    for (name, n) in [("S4", 11), ("D8", 8), ("Q8", 6), ("A5", 9)] {
        assert_eq!(enumerate(name, "relu").modules.len(), n);
    }
}

#[test]
fn coset_modules_agree_with_the_same_gsets_built_directly() {
    for name in ["S4", "A5", "D8", "Q8", "C6"] {
        let g = parse_group(name).unwrap();
        let e = enumerate(name, "relu");
        let options = SolverOptions::new(Activation::Relu);
        let direct = |action: &str| {
            let m =
                PlModule::new(&g, &ActionSpec::parse(action).unwrap(), &Limits::default()).unwrap();
            InteractionGraph::certified(&m, &options).unwrap()
        };
        // H = 1 is the regular module, H = G the trivial one.
        assert_eq!(e.modules[0].subgroup.order, 1);
        assert_eq!(
            edges(&e.modules[0].graph),
            edges(&direct("regular")),
            "{name}"
        );
        let top = e.modules.last().unwrap();
        assert_eq!(top.subgroup.index, 1);
        assert_eq!(
            edges(&top.graph),
            BTreeSet::from([("L0".to_string(), "L0".to_string())])
        );
        // The natural action of a transitive group is G/Stab(1): some class of index
        // `degree` with the same graph (transitive groups only).
        if g.orbits().len() == 1 {
            let natural = direct("natural");
            assert!(
                e.modules
                    .iter()
                    .filter(|m| m.subgroup.index as usize == g.degree())
                    .any(|m| edges(&m.graph) == edges(&natural)
                        && m.graph.graph.node_count() == natural.graph.node_count()),
                "{name}"
            );
        }
    }
}

#[test]
fn pair_summary_is_the_union_of_the_module_graphs() {
    let e = enumerate("S4", "relu");
    let occ = e.pair_occurrences();
    for (i, m) in e.modules.iter().enumerate() {
        for (a, b) in edges(&m.graph) {
            let key = (
                e.simples.iter().position(|s| s.label == a).unwrap(),
                e.simples.iter().position(|s| s.label == b).unwrap(),
            );
            assert!(occ[&key].edge_in.contains(&i));
        }
    }
    let total_edges: usize = e.modules.iter().map(|m| m.stats.edges).sum();
    assert_eq!(
        total_edges,
        occ.values().map(|o| o.edge_in.len()).sum::<usize>()
    );
    // S4 on the cosets of a double transposition's group: the centralizer (N(H)/H of
    // order 4) excludes edges the kernels of S4 allow.
    assert!(e.modules.iter().any(|m| m.stats.g_hat_mattered > 0));
}

#[test]
fn enumerate_snapshots() {
    insta::assert_snapshot!("enumerate_s4_relu", stdout(&["enumerate", "S4"]));
    insta::assert_snapshot!(
        "enumerate_d8_abs_markdown",
        stdout(&[
            "enumerate",
            "D8",
            "--activation",
            "abs",
            "--format",
            "markdown"
        ])
    );
    insta::assert_snapshot!(
        "enumerate_q8_latex",
        stdout(&["enumerate", "Q8", "--format", "latex"])
    );
    insta::assert_snapshot!("subgroups_a5", stdout(&["subgroups", "A5"]));
}

#[test]
fn enumerate_json_document() {
    let doc = json(&["enumerate", "S3", "--activation", "abs"]);
    assert_eq!(doc["schema"], "plrep.enumerate.v1");
    assert_eq!(doc["group"]["order"], 6);
    let subs = doc["subgroups"].as_array().unwrap();
    assert_eq!(subs.len(), 4);
    let orders: Vec<u64> = subs.iter().map(|s| s["order"].as_u64().unwrap()).collect();
    assert_eq!(orders, [1, 2, 3, 6]);
    for s in subs {
        assert_eq!(s["graph"]["schema"], "plrep.graph.v1");
        assert_eq!(s["graph"]["certified"], true);
        assert_eq!(
            s["order"].as_u64().unwrap() * s["index"].as_u64().unwrap(),
            6
        );
        assert_eq!(s["graph"]["action"]["points"], s["index"]);
    }
    let sub = json(&["subgroups", "S4"]);
    assert_eq!(sub["schema"], "plrep.subgroups.v1");
    assert_eq!(sub["classes"], 11);
    assert_eq!(sub["subgroups"], 30);
    // Same input, same bytes.
    assert_eq!(
        stdout(&["enumerate", "A4", "--format", "json"]),
        stdout(&["enumerate", "A4", "--format", "json"])
    );
}

#[test]
fn enumerate_errors_are_one_line() {
    let e = fails(&["enumerate", "S4", "--format", "svg"], 2);
    assert!(e.contains("enumerate"), "{e}");
    let e = fails(&["enumerate", "S4", "--max-subgroups", "3"], 3);
    assert!(e.contains("--max-subgroups"), "{e}");
    fails(&["enumerate", "S4", "--activation", "tanh"], 2);
    fails(&["subgroups", "NoSuchGroup"], 2);
}

/// The subgroup form of T0–T2 (pl::centralizer) is sound — it never excludes a certified
/// edge — and it subsumes the single-element centralizer reasons: on every transitive
/// module of these groups, every pair explained by a centralizer element is also
/// excluded by the subgroup rule.
#[test]
fn centralizer_subgroup_rule_is_sound_and_subsumes_single_elements() {
    use plrep::pl::centralizer::CentralizerAction;
    use plrep::pl::{GroupData, ReasonKind, Verdict};
    let limits = Limits::default();
    let mut excluded = 0;
    for name in ["S4", "A5", "PSL2_7", "S5", "SL2_3"] {
        let g = parse_group(name).unwrap();
        let data = GroupData::new(&g, &limits).unwrap();
        let e = g.enumerate(&limits).unwrap();
        let subgroups =
            plrep::group::subgroups::SubgroupClasses::compute(&g, &e, &data.classes, &limits)
                .unwrap();
        for act in ["relu", "abs", "hardtanh"] {
            let options = SolverOptions::new(Activation::parse(act).unwrap());
            for h in &subgroups.classes {
                let module = PlModule::on(&data, &h.action(), &limits).unwrap();
                let Some(all) = CentralizerAction::compute(&module) else {
                    continue;
                };
                // Scalars from traces agree with the per-point test on the generators.
                for (k, eps) in plrep::pl::centralizer::generator_scalars(&module) {
                    let i = all.elements.binary_search(&k).unwrap();
                    assert_eq!(all.scalars[i], eps, "{name} |H|={}", h.order);
                }
                let solution = plrep::pl::solve(&module, &options).unwrap();
                for p in &solution.pairs {
                    let rule = plrep::pl::reason::sign_rule(
                        &options.activation,
                        options.bias.as_ref(),
                        p.from == p.to,
                    );
                    let k = all.excludes(&module, rule, p.from, p.to);
                    if matches!(p.verdict, Verdict::Edge(_)) {
                        assert!(
                            k.is_none(),
                            "{name} {act} |H|={}: excludes an edge",
                            h.order
                        );
                    }
                    if p.reason_kind == Some(ReasonKind::Centralizer) {
                        assert!(k.is_some(), "{name} {act} |H|={}", h.order);
                    }
                    excluded += usize::from(k.is_some());
                }
            }
        }
    }
    assert!(excluded > 20, "{excluded}");
}

#[test]
fn every_activation_and_bias_and_intransitive_groups() {
    for act in ["hardtanh", "square", "identity", "leaky:1/3"] {
        let e = enumerate("S4", act);
        check_laws(&e);
        if act == "identity" {
            assert!(e.modules.iter().all(|m| m.stats.edges == m.stats.simples));
        }
    }
    let biased = Enumeration::compute(
        &parse_group("D8").unwrap(),
        &SolverOptions::new(Activation::Relu).with_bias(Some(plrep::arith::Q::from_int(1))),
        &Limits::default(),
    )
    .unwrap();
    check_laws(&biased);
    // C2 x C3 acting on 2 + 3 points: the transitive modules are those of C6.
    let g = parse_group("(1,2),(3,4,5)").unwrap();
    let e = Enumeration::compute(
        &g,
        &SolverOptions::new(Activation::Relu),
        &Limits::default(),
    )
    .unwrap();
    assert_eq!(e.modules.len(), 4);
    check_laws(&e);
    let e = fails(&["enumerate", "C200", "--max-points", "10"], 3);
    assert!(e.contains("--max-points"), "{e}");
}

/// Class representatives are pairwise non-conjugate (checked by conjugating element
/// sets, independently of the search's bookkeeping).
#[test]
fn class_representatives_are_pairwise_non_conjugate() {
    use plrep::group::{subgroups::SubgroupClasses, ConjugacyClasses};
    for name in ["S4", "A5", "D12", "SL2_3"] {
        let g = parse_group(name).unwrap();
        let el = g.enumerate(&Limits::default()).unwrap();
        let cc = ConjugacyClasses::compute(&el, g.generators());
        let s = SubgroupClasses::compute(&g, &el, &cc, &Limits::default()).unwrap();
        let sets: Vec<BTreeSet<u32>> = s
            .classes
            .iter()
            .map(|h| h.elements.iter().copied().collect())
            .collect();
        for (i, a) in sets.iter().enumerate() {
            for b in &sets[i + 1..] {
                if a.len() != b.len() {
                    continue;
                }
                let conjugate = (0..el.len()).any(|t| {
                    let ti = el.inv(t);
                    a.iter()
                        .map(|&x| el.mul(el.mul(ti, x as usize), t) as u32)
                        .collect::<BTreeSet<u32>>()
                        == *b
                });
                assert!(!conjugate, "{name}: two conjugate representatives");
            }
        }
    }
}
