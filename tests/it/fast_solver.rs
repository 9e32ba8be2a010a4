//! The on-demand solver (class sums one point at a time, block classes by orbital
//! relations, block tests on class weights; theory.md §14) against the former dense path
//! kept as `solve_dense`: the same `Solution` — every verdict, witness and obstruction —
//! on every reference group, on modules beyond the regular one, with and without bias,
//! and accepted by the independent checker.

use crate::solver::reference_groups;
use plrep::arith::Q;
use plrep::group::gset::ActionSpec;
use plrep::group::spec::parse_group;
use plrep::group::{Limits, PermGroup};
use plrep::pl::{
    certify, solve, solve_dense, witness, Activation, BlockKind, BlockSpace, PlModule,
    SolverOptions,
};

fn module(g: &PermGroup, action: &str) -> PlModule {
    PlModule::new(g, &ActionSpec::parse(action).unwrap(), &Limits::default()).unwrap()
}

fn same(m: &PlModule, options: &SolverOptions, what: &str) {
    let fast = solve(m, options).unwrap();
    let dense = solve_dense(m, options).unwrap();
    assert_eq!(fast, dense, "{what}");
    certify(m, &fast).unwrap();
}

#[test]
fn regular_modules_of_reference_groups_agree() {
    for (name, g) in reference_groups() {
        if g.order() > 120u32.into() {
            continue;
        }
        let m = module(&g, "regular");
        for a in ["relu", "abs", "square", "hardtanh"] {
            let opts = SolverOptions::new(Activation::parse(a).unwrap());
            same(&m, &opts, &format!("{name} regular {a}"));
        }
    }
}

#[test]
fn other_modules_and_biases_agree() {
    let cases = [
        ("S4", "natural"),
        ("S4", "subsets:2"),
        ("A5", "natural"),
        ("D12", "natural"),
        ("S3xS3", "regular"),
        ("SL(2,3)", "regular"),
        ("C12", "regular"),
        ("S5", "natural"),
    ];
    for (g, action) in cases {
        let m = module(&parse_group(g).unwrap(), action);
        for a in ["relu", "abs", "leaky:1/4", "square"] {
            for bias in [None, Some(Q::new(1, 2))] {
                let opts =
                    SolverOptions::new(Activation::parse(a).unwrap()).with_bias(bias.clone());
                same(&m, &opts, &format!("{g} {action} {a} {bias:?}"));
            }
        }
    }
}

#[test]
fn block_spaces_and_class_weights_agree() {
    for g in ["C30", "D20", "A4", "S4", "Q8", "C2xC2xC2", "SL(2,3)"] {
        let m = module(&parse_group(g).unwrap(), "regular");
        for &(l, _) in &m.present {
            let fast = BlockSpace::compute(&m, l);
            assert_eq!(fast, BlockSpace::compute_dense(&m, l), "{g} L{l}");
            for kind in [BlockKind::Abs, BlockKind::Plus, BlockKind::Odd] {
                let counts = fast.orbital_counts(&m, kind);
                let weights = BlockSpace::class_weights(&m, &counts);
                for &(l2, _) in &m.present {
                    assert_eq!(
                        BlockSpace::killed_by_classes(&m, &weights, l2),
                        BlockSpace::killed_by(&m.field, &counts, &m.orbital_values(l2)),
                        "{g} L{l} -> L{l2} {kind:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn witness_searches_agree_target_by_target() {
    // Including targets with no witness (isotypic components are orthogonal under a
    // linear map), where the on-demand search visits every point and must still agree.
    let m = module(&parse_group("D10").unwrap(), "regular");
    let verts: Vec<usize> = m.present.iter().map(|p| p.0).collect();
    for a in ["relu", "identity", "hardtanh"] {
        let act = Activation::parse(a).unwrap();
        for &l in &verts {
            let fast = witness::search_with_stats(&m, l, &verts, &act, None, 3).unwrap();
            let dense = witness::search_dense(&m, l, &verts, &act, None, 3).unwrap();
            assert_eq!(fast, dense, "{a} L{l}");
        }
    }
    // the identity is linear: no edge between different simples is ever found.
    let id = Activation::parse("identity").unwrap();
    let found = witness::search(&m, verts[1], &verts, &id, None, 2).unwrap();
    for (i, w) in found.iter().enumerate() {
        assert_eq!(w.is_some(), verts[i] == verts[1], "target {}", verts[i]);
    }
}
