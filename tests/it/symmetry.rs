//! Verdicts carried along automorphisms of `G` (theory.md §28) against the dense path,
//! which solves every source: the same verdict kind on every pair, the same obstruction
//! (zero set and block classes in canonical order) on every non-edge, the same reasons
//! and kernel flags; accepted by the checker, which rejects carried claims, automorphisms
//! and paths that were tampered with.

use plrep::arith::Q;
use plrep::group::gset::ActionSpec;
use plrep::group::spec::parse_group;
use plrep::group::Limits;
use plrep::pl::symmetry::Symmetry;
use plrep::pl::{
    certify, solve, solve_dense, Activation, PlModule, Solution, SolverOptions, Verdict,
};
use std::sync::Arc;

fn regular(group: &str) -> PlModule {
    let g = parse_group(group).unwrap();
    PlModule::new(&g, &ActionSpec::Regular, &Limits::default()).unwrap()
}

fn carried_sources(s: &Solution) -> usize {
    s.symmetry
        .as_ref()
        .map_or(0, |y| y.origins.iter().filter(|o| o.is_some()).count())
}

#[test]
fn carried_verdicts_equal_the_dense_path() {
    let cases = [
        ("S3xC50", "relu", None),
        ("D10xC30", "abs", None),
        ("A4xC30", "leaky:1/3", None),
        ("Q8xC40", "relu", Some(Q::from_int(1))),
        // Two generators of one order: transpositions of generators are tried too.
        ("S3xS3xC10", "abs", None),
    ];
    for (group, act, bias) in cases {
        let m = regular(group);
        let opts = SolverOptions::new(Activation::parse(act).unwrap()).with_bias(bias);
        let fast = solve(&m, &opts).unwrap();
        assert!(carried_sources(&fast) > 0, "{group}: nothing carried");
        let dense = solve_dense(&m, &opts).unwrap();
        assert!(dense.symmetry.is_none());
        assert_eq!(fast.vertices, dense.vertices);
        assert_eq!(fast.pairs.len(), dense.pairs.len());
        for (a, b) in fast.pairs.iter().zip(&dense.pairs) {
            let what = format!("{group} {act}: {} -> {}", a.from, a.to);
            assert_eq!((a.from, a.to), (b.from, b.to), "{what}");
            assert_eq!(a.is_edge(), b.is_edge(), "{what}");
            if let (Verdict::NonEdge(x), Verdict::NonEdge(y)) = (&a.verdict, &b.verdict) {
                assert_eq!(x, y, "{what}");
            }
            assert_eq!(
                matches!(a.verdict, Verdict::Unresolved { .. }),
                matches!(b.verdict, Verdict::Unresolved { .. }),
                "{what}"
            );
            assert_eq!(
                (a.rule_a, a.kernel_rule),
                (b.rule_a, b.kernel_rule),
                "{what}"
            );
            assert_eq!(a.explanation, b.explanation, "{what}");
        }
        certify(&m, &fast).unwrap();
    }
}

#[test]
fn small_groups_carry_nothing() {
    // Below order 256 every source is solved: snapshots keep their bytes.
    let m = regular("S3xC40");
    let s = solve(&m, &SolverOptions::new(Activation::Relu)).unwrap();
    assert!(s.symmetry.is_none());
    assert_eq!(
        s,
        solve_dense(&m, &SolverOptions::new(Activation::Relu)).unwrap()
    );
}

fn with_symmetry(s: &Solution, f: impl FnOnce(&mut Symmetry)) -> Solution {
    let mut y = (**s.symmetry.as_ref().unwrap()).clone();
    f(&mut y);
    Solution {
        symmetry: Some(Arc::new(y)),
        ..s.clone()
    }
}

#[test]
fn the_checker_rejects_tampered_transports() {
    let m = regular("S3xC50");
    let s = solve(&m, &SolverOptions::new(Activation::Relu)).unwrap();
    certify(&m, &s).unwrap();
    let y = s.symmetry.clone().unwrap();
    let carried = |l: usize| y.origins[l].is_some();

    // A carried witness at another point.
    let mut bad = s.clone();
    let i = bad
        .pairs
        .iter()
        .position(|p| carried(p.from) && p.is_edge())
        .unwrap();
    if let Verdict::Edge(w) = &mut bad.pairs[i].verdict {
        w.point = (w.point + 1) % m.points();
    }
    let e = certify(&m, &bad).unwrap_err().to_string();
    assert!(e.contains("not the image"), "{e}");

    // A carried edge claimed as the solved source's non-edge.
    let mut bad = s.clone();
    let j = bad
        .pairs
        .iter()
        .position(|p| carried(p.from) && !p.is_edge())
        .unwrap();
    let non_edge = bad.pairs[j].verdict.clone();
    bad.pairs[i].verdict = non_edge;
    assert!(certify(&m, &bad).is_err());

    // A simple map that swaps two simples the automorphism does not swap.
    let bad = with_symmetry(&s, |y| y.automorphisms[0].simples.swap(1, 2));
    let e = certify(&m, &bad).unwrap_err().to_string();
    assert!(e.contains("automorphism"), "{e}");

    // A point map that is not the automorphism's.
    let bad = with_symmetry(&s, |y| y.automorphisms[0].points.swap(0, 1));
    let e = certify(&m, &bad).unwrap_err().to_string();
    assert!(e.contains("intertwine"), "{e}");

    // A path that does not lead to the simple it is recorded for.
    let bad = with_symmetry(&s, |y| {
        let l = (0..y.origins.len())
            .find(|&l| y.origins[l].is_some())
            .unwrap();
        let k = (l + 1..y.origins.len())
            .find(|&k| y.origins[k].is_some() && y.origins[k] != y.origins[l])
            .unwrap();
        y.origins.swap(l, k);
    });
    let e = certify(&m, &bad).unwrap_err().to_string();
    assert!(e.contains("does not lead"), "{e}");
}
