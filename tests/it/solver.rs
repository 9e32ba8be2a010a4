//! Tests of the certified PL solver: published cyclic graphs, every reference group's
//! regular module against a floating-point computation, modules beyond the regular one,
//! biases, and rejection of tampered certificates.

use plrep::arith::{Cyclotomic, Q};
use plrep::group::gset::ActionSpec;
use plrep::group::spec::{group_from_json, parse_group};
use plrep::group::{Limits, PermGroup};
use plrep::pl::{
    certify, solve, solve_pair, Activation, BlockKind, BlockSpace, Obstruction, PlModule,
    SolverOptions, Verdict,
};
use std::collections::BTreeSet;

pub use crate::support::data;

fn module(g: &PermGroup, action: &str) -> PlModule {
    PlModule::new(g, &ActionSpec::parse(action).unwrap(), &Limits::default()).unwrap()
}

fn act(s: &str) -> Activation {
    Activation::parse(s).unwrap()
}

pub fn reference_groups() -> Vec<(String, PermGroup)> {
    crate::support::reference_files()
        .into_iter()
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().to_string();
            let g = group_from_json(&std::fs::read_to_string(&p).unwrap(), &name).unwrap();
            (name, g)
        })
        .collect()
}

/// Edges of a solution as pairs of simple labels.
fn edge_labels(m: &PlModule, s: &plrep::pl::Solution) -> BTreeSet<(String, String)> {
    s.edges()
        .into_iter()
        .map(|(a, b)| {
            (
                m.simples.simples[a].label.clone(),
                m.simples.simples[b].label.clone(),
            )
        })
        .collect()
}

// ---------------------------------------------------------------- floating-point oracle

/// Test-only floating-point interaction graph: generic Gaussian-like random vectors of
/// each isotypic component (both signs), dense float projectors.
fn float_graph(m: &PlModule, activation: &Activation, bias: f64) -> BTreeSet<(usize, usize)> {
    let n = m.points();
    let verts: Vec<usize> = m.present.iter().map(|p| p.0).collect();
    let proj: Vec<Vec<f64>> = verts
        .iter()
        .map(|&l| {
            let c = m.projector_scale(l).to_f64();
            let psi: Vec<f64> = m.simples.simples[l]
                .values
                .iter()
                .map(Cyclotomic::to_f64)
                .collect();
            let mut p = vec![0.0; n * n];
            for g in 0..m.order() {
                let v = c * psi[m.classes.class_of[g] as usize];
                for y in 0..n {
                    p[y * n + m.image(g, y)] += v;
                }
            }
            p
        })
        .collect();
    let apply = |p: &[f64], v: &[f64]| -> Vec<f64> {
        (0..n)
            .map(|y| (0..n).map(|x| p[y * n + x] * v[x]).sum())
            .collect()
    };
    let sigma = |x: f64| -> f64 {
        match activation {
            Activation::Relu => x.max(0.0),
            Activation::Abs => x.abs(),
            Activation::Identity => x,
            Activation::Leaky(p) => {
                if x >= 0.0 {
                    x
                } else {
                    p.to_f64() * x
                }
            }
            Activation::Hardtanh => x.clamp(-1.0, 1.0),
            Activation::Square => x * x,
        }
    };
    let mut seed = 12345u64;
    let mut rnd = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % 100_000) as f64 / 50_000.0 - 1.0
    };
    let mut edges = BTreeSet::new();
    for (i, &l) in verts.iter().enumerate() {
        for _ in 0..2 {
            let r: Vec<f64> = (0..n).map(|_| rnd()).collect();
            let w = apply(&proj[i], &r);
            let max = w.iter().fold(0.0f64, |a, x| a.max(x.abs())).max(1e-300);
            // Without a bias sigma is homogeneous or the scale 1 is generic enough; with
            // one, the kinks must be crossed: several scales relative to the bias.
            let scales: Vec<f64> = if bias == 0.0 {
                vec![1.0]
            } else {
                vec![1.0, 2.0 * bias.abs() / max, 5.0 * bias.abs() / max]
            };
            for (sgn, t) in [1.0, -1.0]
                .into_iter()
                .flat_map(|s| scales.iter().map(move |t| (s, *t)))
            {
                let s0 = sigma(bias);
                let v: Vec<f64> = w.iter().map(|x| sigma(sgn * t * x + bias) - s0).collect();
                for (j, &l2) in verts.iter().enumerate() {
                    let out = apply(&proj[j], &v);
                    if out.iter().map(|x| x * x).sum::<f64>().sqrt() > 1e-7 {
                        edges.insert((l, l2));
                    }
                }
            }
        }
    }
    edges
}

// ---------------------------------------------------------------- cyclic groups

#[test]
fn cyclic_graphs_match_the_published_ones() {
    let text = std::fs::read_to_string(data("cyclic-interaction-graphs.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    for n in 1..=40u64 {
        let g = parse_group(&format!("C{n}")).unwrap();
        let m = module(&g, "regular");
        let freq: Vec<u64> = m
            .simples
            .simples
            .iter()
            .map(|s| s.frequency.unwrap())
            .collect();
        let published = &v["graphs"][n.to_string()];
        for a in ["relu", "abs"] {
            let s = solve(&m, &SolverOptions::new(act(a))).unwrap();
            assert_eq!(s.unresolved(), 0, "C{n} {a}");
            let got: BTreeSet<(u64, u64)> = s
                .edges()
                .into_iter()
                .map(|(x, y)| (freq[x], freq[y]))
                .collect();
            let want: BTreeSet<(u64, u64)> = published[a]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| (e[0].as_u64().unwrap(), e[1].as_u64().unwrap()))
                .collect();
            assert_eq!(got, want, "C{n} {a}");
            let rep = certify(&m, &s).unwrap();
            assert_eq!(rep.edges + rep.non_edges, s.pairs.len());
        }
    }
}

#[test]
fn c8_worked_example_values() {
    // theory.md §8: trivial component of ReLU of the cos vector of L1 is (1 + sqrt 2)/8.
    let g = parse_group("C8").unwrap();
    let m = module(&g, "regular");
    let l1 = m.simples.find("L1").unwrap();
    let w = m.project(l1, &[4, 0, 0, 0, 0, 0, 0, 0]); // cos(2 pi j/8)
    assert_eq!(w[0], Cyclotomic::one());
    let relu: Vec<Cyclotomic> = w
        .iter()
        .map(|x| Activation::Relu.eval(x).unwrap())
        .collect();
    let mean: Cyclotomic = relu.iter().sum::<Cyclotomic>().scale(&Q::new(1, 8));
    let sqrt2: Cyclotomic = "E(8)-E(8)^3".parse().unwrap();
    assert_eq!(mean, (&Cyclotomic::one() + &sqrt2).scale(&Q::new(1, 8)));
}

// ---------------------------------------------------------------- reference groups

#[test]
fn reference_groups_regular_certified_and_match_floats() {
    let groups = reference_groups();
    assert_eq!(groups.len(), 43);
    for (name, g) in groups {
        let start = std::time::Instant::now();
        let m = module(&g, "regular");
        for a in ["relu", "abs"] {
            let s = solve(&m, &SolverOptions::new(act(a))).unwrap();
            assert_eq!(s.unresolved(), 0, "{name} {a}");
            certify(&m, &s).unwrap_or_else(|e| panic!("{name} {a}: {e}"));
            let exact: BTreeSet<(usize, usize)> = s.edges().into_iter().collect();
            assert_eq!(
                exact,
                float_graph(&m, &act(a), 0.0),
                "{name} {a}: exact vs float"
            );
            // Rule (a) is exact on regular modules (theory.md §7).
            for p in &s.pairs {
                let predicted = p.rule_a || (a == "relu" && p.from == p.to);
                assert_eq!(
                    p.is_edge(),
                    predicted,
                    "{name} {a} rule (a) {} -> {}",
                    p.from,
                    p.to
                );
            }
        }
        eprintln!(
            "{name}: order {}, relu+abs solved, certified and float-checked in {:?}",
            m.order(),
            start.elapsed()
        );
    }
}

#[test]
fn biased_and_other_activations_certified() {
    for (gname, action) in [
        ("C8", "regular"),
        ("S4", "natural"),
        ("D12", "regular"),
        ("A4", "subsets:2"),
    ] {
        let g = parse_group(gname).unwrap();
        let m = module(&g, action);
        for a in [
            "relu",
            "abs",
            "leaky:1/10",
            "hardtanh",
            "square",
            "identity",
        ] {
            for q in [Q::one(), Q::new(-1, 2)] {
                let s = solve(&m, &SolverOptions::new(act(a)).with_bias(Some(q.clone()))).unwrap();
                assert_eq!(s.unresolved(), 0, "{gname} {action} {a} bias {q}");
                certify(&m, &s).unwrap_or_else(|e| panic!("{gname} {action} {a} bias {q}: {e}"));
                // Certified edges are real; the float oracle must not see more.
                let exact: BTreeSet<(usize, usize)> = s.edges().into_iter().collect();
                let float = float_graph(&m, &act(a), q.to_f64());
                assert!(
                    float.is_subset(&exact),
                    "{gname} {action} {a} bias {q}: float {float:?} exact {exact:?}"
                );
            }
        }
    }
}

// ---------------------------------------------------------------- beyond regular

#[test]
fn modules_beyond_regular() {
    let cases = [
        ("S4", "natural"),
        ("S4", "subsets:2"),
        ("S4", "tuples:2"),
        ("S4", "conjugation"),
        ("A5", "tuples:2"),
        ("A5", "subsets:2"),
        ("PSL(2,7)", "natural"),
        ("S5", "subsets:2"),
        ("S5", "cosets:(1,2,3,4),(1,3)"),
        ("A6", "natural"),
        ("A6", "subsets:2"),
        // Intransitive modules: isotypic components with nonempty zero sets.
        ("(1,2,3),(4,5)", "natural"),
        ("(1,2,3,4),(5,6,7)", "natural"),
        ("(1,2)(3,4),(1,3)(2,4),(5,6,7)", "natural"),
    ];
    for (gname, action) in cases {
        let g = parse_group(gname).unwrap();
        let m = module(&g, action);
        for a in ["relu", "abs", "leaky:1/10", "hardtanh", "square"] {
            let s = solve(&m, &SolverOptions::new(act(a))).unwrap();
            assert_eq!(s.unresolved(), 0, "{gname} {action} {a}");
            certify(&m, &s).unwrap_or_else(|e| panic!("{gname} {action} {a}: {e}"));
            if a != "hardtanh" {
                let exact: BTreeSet<(usize, usize)> = s.edges().into_iter().collect();
                assert_eq!(
                    exact,
                    float_graph(&m, &act(a), 0.0),
                    "{gname} {action} {a}: exact vs float"
                );
            }
        }
    }
}

#[test]
fn intransitive_modules_have_zero_sets() {
    let g = parse_group("(1,2,3),(4,5)").unwrap();
    let m = module(&g, "natural");
    let zs: Vec<Vec<usize>> = m
        .present
        .iter()
        .map(|p| BlockSpace::compute(&m, p.0).zero_set)
        .collect();
    assert!(
        zs.contains(&vec![3, 4]) && zs.contains(&vec![0, 1, 2]),
        "{zs:?}"
    );
}

#[test]
fn a5_ordered_pairs_block_space_beats_rule_a() {
    let g = parse_group("A5").unwrap();
    let m = module(&g, "tuples:2");
    let s = solve(&m, &SolverOptions::new(act("abs"))).unwrap();
    certify(&m, &s).unwrap();
    let beaten: Vec<_> = s
        .pairs
        .iter()
        .filter(|p| p.rule_a && matches!(p.verdict, Verdict::NonEdge(Obstruction::Blocks { .. })))
        .collect();
    assert!(
        !beaten.is_empty(),
        "rule (a) predicts an edge that the block space rules out"
    );
    // Each is explained by the centralizer (the swap of the two entries of a pair acts as
    // a scalar on the components with incompatible signs: theory.md §7, T0–T2, rule (b)).
    for p in &beaten {
        let e = p.explanation.as_deref().unwrap_or("");
        assert!(e.contains("centralizer element"), "{e}");
    }
    let p = beaten[0];
    let (from, to) = (&m.simples.simples[p.from], &m.simples.simples[p.to]);
    eprintln!(
        "A5 tuples:2 abs: rule (a) allows {} -> {} (dims {} -> {}), blocks forbid",
        from.label, to.label, from.dim, to.dim
    );
    if let Verdict::NonEdge(Obstruction::Blocks {
        kind,
        classes,
        zero_set,
    }) = &p.verdict
    {
        assert_eq!(*kind, BlockKind::Abs);
        assert!(zero_set.is_empty());
        assert!(classes.len() < m.points());
    }
}

#[test]
fn s5_sylow2_cosets_block_space_beats_rule_a() {
    // theory.md §7: the standard 4-dimensional simple sits in functions pulled back from the
    // 5 points, so |w| does too, and no abs edge reaches the 5-dimensional simples.
    let g = parse_group("S5").unwrap();
    let m = module(&g, "cosets:(1,2,3,4),(1,3)");
    assert_eq!(m.points(), 15);
    let s = solve(&m, &SolverOptions::new(act("abs"))).unwrap();
    assert_eq!(s.unresolved(), 0);
    certify(&m, &s).unwrap();
    let simples = &m.simples.simples;
    let beaten: Vec<_> = s
        .pairs
        .iter()
        .filter(|p| p.rule_a && matches!(p.verdict, Verdict::NonEdge(Obstruction::Blocks { .. })))
        .map(|p| (simples[p.from].dim, simples[p.to].dim))
        .collect();
    assert!(beaten.contains(&(4, 5)), "{beaten:?}");
}

// ---------------------------------------------------------------- bias

#[test]
fn c8_relu_bias_reaches_l3_from_l1() {
    let g = parse_group("C8").unwrap();
    let m = module(&g, "regular");
    let (l1, l3) = (m.simples.find("L1").unwrap(), m.simples.find("L3").unwrap());
    let plain = SolverOptions::new(act("relu"));
    let p = solve_pair(&m, &plain, l1, l3).unwrap();
    assert!(matches!(p.verdict, Verdict::NonEdge(_)));
    let biased = SolverOptions::new(act("relu")).with_bias(Some(Q::one()));
    let p = solve_pair(&m, &biased, l1, l3).unwrap();
    assert!(p.is_edge(), "{:?}", p.verdict);
    let s = solve(&m, &biased).unwrap();
    assert_eq!(s.unresolved(), 0);
    certify(&m, &s).unwrap();
    assert!(s.edges().contains(&(l1, l3)));
    let exact: BTreeSet<(usize, usize)> = s.edges().into_iter().collect();
    assert_eq!(exact, float_graph(&m, &act("relu"), 1.0));
}

// ---------------------------------------------------------------- certificates

#[test]
fn tampered_certificates_are_rejected() {
    let g = parse_group("D8").unwrap();
    let m = module(&g, "regular");
    let s = solve(&m, &SolverOptions::new(act("relu"))).unwrap();
    certify(&m, &s).unwrap();
    // A witness with a changed value.
    let mut t = s.clone();
    let i = t.pairs.iter().position(|p| p.is_edge()).unwrap();
    if let Verdict::Edge(w) = &mut t.pairs[i].verdict {
        w.value = (&*w.value + &Cyclotomic::one()).into();
    }
    assert!(certify(&m, &t).is_err());
    // A witness with a changed vector r.
    let mut t = s.clone();
    if let Verdict::Edge(w) = &mut t.pairs[i].verdict {
        std::sync::Arc::make_mut(&mut w.r)[0] += 1;
    }
    assert!(certify(&m, &t).is_err());
    // A non-edge turned into a fake block certificate with merged classes.
    let mut t = s.clone();
    let j = t
        .pairs
        .iter()
        .position(|p| matches!(p.verdict, Verdict::NonEdge(Obstruction::Blocks { .. })))
        .unwrap();
    if let Verdict::NonEdge(Obstruction::Blocks { classes, .. }) = &mut t.pairs[j].verdict {
        let all: Vec<(usize, i8)> = classes.iter().flatten().map(|&(x, _)| (x, 1)).collect();
        *classes = vec![all].into();
    }
    let merged_ok = certify(&m, &t);
    // Merging classes is only valid if the rows really agree; for D8 some do not.
    assert!(merged_ok.is_err() || BlockSpace::compute(&m, t.pairs[j].from).classes.len() == 1);
    // An edge claimed as a non-edge with the true block space of its source.
    let mut t = s.clone();
    let b = BlockSpace::compute(&m, t.pairs[i].from);
    t.pairs[i].verdict = Verdict::NonEdge(Obstruction::Blocks {
        kind: BlockKind::Abs,
        zero_set: b.zero_set.into(),
        classes: b.classes.into(),
    });
    assert!(certify(&m, &t).is_err());
    // A true block certificate relabelled as the odd space, which does not contain |w|.
    let mut t = s.clone();
    if let Verdict::NonEdge(Obstruction::Blocks { kind, .. }) = &mut t.pairs[j].verdict {
        *kind = BlockKind::Odd;
    }
    assert!(certify(&m, &t).is_err());
    // A missing pair.
    let mut t = s.clone();
    t.pairs.pop();
    assert!(certify(&m, &t).is_err());
}

#[test]
fn activations_parse_and_decompose() {
    assert!(Activation::parse("softplus")
        .unwrap_err()
        .to_string()
        .contains("relu, abs"));
    assert_eq!(
        act("relu").homogeneous_parts(),
        Some((Q::new(1, 2), Q::new(1, 2)))
    );
    assert_eq!(
        act("leaky:1/3").homogeneous_parts(),
        Some((Q::new(2, 3), Q::new(1, 3)))
    );
    assert_eq!(act("abs").parity(), plrep::pl::Parity::Even);
    assert_eq!(act("hardtanh").parity(), plrep::pl::Parity::Odd);
    assert!(act("square").homogeneous_parts().is_none());
    assert_eq!(act("leaky:0.01"), Activation::Leaky(Q::new(1, 100)));
    // Names are exact, as on the command line (one parser).
    assert!(Activation::parse("LEAKY:-0.5").is_err());
    assert_eq!(act("leaky:-0.5"), Activation::Leaky(Q::new(-1, 2)));
    assert!(Activation::parse("leaky:1/0").is_err() && Activation::parse("leaky:").is_err());
    for a in [
        "relu",
        "abs",
        "identity",
        "leaky:-1/2",
        "hardtanh",
        "square",
    ] {
        assert_eq!(act(a).name(), a);
    }
}

#[test]
fn identity_and_square_graphs() {
    let g = parse_group("S4").unwrap();
    let m = module(&g, "regular");
    let s = solve(&m, &SolverOptions::new(act("identity"))).unwrap();
    let e = s.edges();
    assert!(e.iter().all(|(a, b)| a == b) && e.len() == m.present.len());
    certify(&m, &s).unwrap();
    let s = solve(&m, &SolverOptions::new(act("square"))).unwrap();
    assert_eq!(s.unresolved(), 0);
    certify(&m, &s).unwrap();
    let exact: BTreeSet<(usize, usize)> = s.edges().into_iter().collect();
    assert_eq!(exact, float_graph(&m, &act("square"), 0.0));
    let _ = edge_labels(&m, &s);
}

#[test]
fn survey_of_transitive_and_conjugation_modules() {
    // Issue 4: natural, subsets, tuples, conjugation and coset modules of several groups,
    // ReLU and abs, with no unresolved pair and every certificate re-checked.
    let sg48 = reference_groups()
        .into_iter()
        .find(|(n, _)| n == "SG48_29")
        .unwrap()
        .1;
    let groups: Vec<(String, PermGroup)> = ["S4", "A4", "A5", "S5", "PSL(2,7)", "A6"]
        .iter()
        .map(|n| (n.to_string(), parse_group(n).unwrap()))
        .chain(std::iter::once(("SG48_29".to_string(), sg48)))
        .collect();
    let mut modules = 0;
    for (name, g) in &groups {
        let mut actions = vec![
            "natural",
            "subsets:2",
            "tuples:2",
            "conjugation",
            "cosets:(1,2)",
        ];
        if name == "A6" {
            actions.retain(|a| *a != "conjugation");
        }
        for action in actions {
            let Ok(m) = PlModule::new(g, &ActionSpec::parse(action).unwrap(), &Limits::default())
            else {
                continue; // e.g. (1,2) not in the group
            };
            modules += 1;
            for a in ["relu", "abs"] {
                let s = solve(&m, &SolverOptions::new(act(a))).unwrap();
                assert_eq!(s.unresolved(), 0, "{name} {action} {a}");
                certify(&m, &s).unwrap_or_else(|e| panic!("{name} {action} {a}: {e}"));
            }
        }
    }
    assert!(modules >= 25, "{modules}");
}
