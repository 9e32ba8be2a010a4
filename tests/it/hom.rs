//! Tests of `Hom_G(R^X, R^Y)` (`plrep hom`): the dimension against a naive count of the
//! orbits on `Y × X` by enumerating the group; DeepSets (`S_n`, natural to natural: 2);
//! the orbital basis is equivariant and partitions `Y × X`; bottlenecks; the command line
//! (errors, limits, JSON contract, snapshots).

use crate::cli::{fails, json, stdout};
use plrep::group::gset::ActionSpec;
use plrep::group::spec::parse_group;
use plrep::group::{Limits, Perm, PermGroup};
use plrep::pl::hom::Hom;
use std::collections::HashSet;

fn hom(group: &str, from: &str, to: &str) -> Hom {
    let g = parse_group(group).unwrap();
    Hom::new(
        &g,
        &ActionSpec::parse(from).unwrap(),
        &ActionSpec::parse(to).unwrap(),
        &Limits::default(),
    )
    .unwrap_or_else(|e| panic!("{group} {from} -> {to}: {e}"))
}

/// The number of orbits of the whole (enumerated) group on `Y × X`: each pair is replaced
/// by the least pair of its orbit `{(y^g, x^g) : g in G}`.
fn naive_orbit_count(g: &PermGroup, h: &Hom) -> usize {
    let e = g.enumerate(&Limits::default()).unwrap();
    let acts: Vec<(Perm, Perm)> = (0..e.len())
        .map(|i| {
            let el = e.element(i);
            (h.from.act(&el).unwrap(), h.to.act(&el).unwrap())
        })
        .collect();
    let mut least = HashSet::new();
    for y in 0..h.to.len() {
        for x in 0..h.from.len() {
            let m = acts
                .iter()
                .map(|(ax, ay)| (ay.apply(y), ax.apply(x)))
                .min()
                .unwrap();
            least.insert(m);
        }
    }
    least.len()
}

#[test]
fn deep_sets_have_two_weights() {
    for n in 2..=7 {
        let h = hom(&format!("S{n}"), "natural", "natural");
        assert_eq!(h.dim, 2, "S{n}");
        assert!(h.bottlenecks.is_empty());
        // The identity and the all-ones matrix off the diagonal.
        let basis = h.orbitals.basis();
        assert_eq!(basis[0].len(), n);
        assert!(basis[0].iter().all(|&(y, x)| y == x));
        assert_eq!(basis[1].len(), n * (n - 1));
    }
}

#[test]
fn dimension_matches_naive_orbit_count() {
    let cases: &[(&str, &[&str])] = &[
        ("S3", &["natural", "regular", "cosets:(1,2)", "trivial:2"]),
        (
            "S4",
            &[
                "natural",
                "subsets:2",
                "tuples:2",
                "natural * natural",
                "natural + subsets:2",
                "cosets:(1,2,3,4)",
            ],
        ),
        (
            "D8",
            &["natural", "conjugation", "regular", "trivial:1 + natural"],
        ),
        (
            "Q8",
            &["regular", "conjugation", "cosets:(1,2,3,4)(5,8,7,6)"],
        ),
        ("A4", &["natural", "subsets:2", "cosets:(1,2)(3,4)"]),
        ("C6", &["regular", "subsets:2", "natural * natural"]),
        ("C2xS3", &["natural", "conjugation"]),
    ];
    for (group, modules) in cases {
        let g = parse_group(group).unwrap();
        for from in modules.iter() {
            for to in modules.iter() {
                let h = hom(group, from, to);
                assert_eq!(
                    h.dim as usize,
                    naive_orbit_count(&g, &h),
                    "{group}: {from} -> {to}"
                );
                // Symmetry: dim Hom(X, Y) = dim Hom(Y, X).
                assert_eq!(h.dim, hom(group, to, from).dim, "{group}: {to} -> {from}");
            }
        }
    }
    // Hom(R^G, R^G) is the group algebra: dimension |G|.
    assert_eq!(hom("D10", "regular", "regular").dim, 10);
}

/// `A (rho_X(g)) = rho_Y(g) A` for every basis matrix and generator, with
/// `(rho(g) f)(x) = f(x^g)`; the basis matrices are 0/1 and sum to the all-ones matrix.
#[test]
fn orbital_basis_is_equivariant_and_partitions_the_pairs() {
    for (group, from, to) in [
        ("S4", "natural", "natural * natural"),
        ("S4", "subsets:2", "natural + trivial:1"),
        ("D8", "regular", "conjugation"),
        ("A4", "cosets:(1,2)(3,4)", "natural"),
    ] {
        let h = hom(group, from, to);
        let (nx, ny) = (h.from.len(), h.to.len());
        let mut cover = vec![0u32; nx * ny];
        for b in h.orbitals.basis() {
            let mut a = vec![0i64; ny * nx];
            for &(y, x) in &b {
                a[y * nx + x] = 1;
                cover[y * nx + x] += 1;
            }
            for (sx, sy) in h.from.generators().iter().zip(h.to.generators()) {
                // rho(g)[x][x'] = [x' = x^g].
                let rho = |s: &Perm, n: usize| {
                    let mut m = vec![0i64; n * n];
                    for x in 0..n {
                        m[x * n + s.apply(x)] = 1;
                    }
                    m
                };
                let (rx, ry) = (rho(sx, nx), rho(sy, ny));
                for y in 0..ny {
                    for x in 0..nx {
                        let left: i64 = (0..nx).map(|k| a[y * nx + k] * rx[k * nx + x]).sum();
                        let right: i64 = (0..ny).map(|k| ry[y * ny + k] * a[k * nx + x]).sum();
                        assert_eq!(left, right, "{group} {from} -> {to}");
                    }
                }
            }
        }
        assert!(cover.iter().all(|&c| c == 1), "{group} {from} -> {to}");
    }
}

#[test]
fn bottlenecks_are_simples_of_x_missing_from_y() {
    let h = hom("S4", "subsets:2", "natural");
    let labels: Vec<&str> = h
        .bottlenecks
        .iter()
        .map(|&l| h.data.simples.simples[l].label.as_str())
        .collect();
    assert_eq!(labels, ["L2"]); // the 2-dimensional simple of S4/V4
    for s in &h.simples {
        assert_eq!(h.bottlenecks.contains(&s.simple), s.from > 0 && s.to == 0);
    }
    // Into the regular module nothing is lost.
    assert!(hom("S4", "subsets:2", "regular").bottlenecks.is_empty());
    // C8 onto two cosets of C4 keeps only L0 and L4 (the sign): L1, L2, L3 are lost.
    let h = hom("C8", "regular", "cosets:(1,3,5,7)(2,4,6,8)");
    assert_eq!(h.bottlenecks.len(), 3);
    assert_eq!(h.dim, 2);
}

#[test]
fn cli_hom_snapshots() {
    let args = [
        "hom",
        "S4",
        "--from",
        "natural",
        "--to",
        "natural * natural",
    ];
    insta::assert_snapshot!("hom_s4_natural_natural2_text", stdout(&args));
    let mut a = args.to_vec();
    a.extend(["--format", "json"]);
    insta::assert_snapshot!("hom_s4_natural_natural2_json", stdout(&a));
}

#[test]
fn cli_hom_contract() {
    let v = json(&["hom", "S5", "--from", "natural", "--to", "natural"]);
    assert_eq!(v["schema"], "plrep.hom.v1");
    assert_eq!(v["dim"], 2);
    assert_eq!(v["counts"]["character_inner_product"], 2);
    assert_eq!(v["basis"].as_array().unwrap().len(), 2);
    assert_eq!(v["basis"][0]["pairs"], 5);
    assert_eq!(v["from"]["points"], 5);
    let v = json(&["hom", "S4", "--from", "subsets:2", "--to", "natural"]);
    assert_eq!(v["bottlenecks"], serde_json::json!(["L2"]));
    assert!(
        stdout(&["hom", "S5", "--from", "natural", "--to", "natural"])
            .contains("dim Hom_G(R^X, R^Y) = 2")
    );
    for bad in [
        "trivial:0",
        "natural +",
        "orbits",
        "(natural",
        "cosets:(1,9)",
    ] {
        let line = fails(&["hom", "S4", "--from", "natural", "--to", bad], 2);
        assert!(line.starts_with("error: "), "{bad}: {line}");
        fails(&["hom", "S4", "--from", bad, "--to", "natural"], 2);
    }
    fails(&["hom", "S4", "--to", "natural"], 2);
    fails(
        &[
            "hom", "S4", "--from", "natural", "--to", "natural", "--format", "svg",
        ],
        2,
    );
    let line = fails(
        &[
            "hom",
            "S6",
            "--from",
            "natural",
            "--to",
            "regular * regular * regular",
        ],
        3,
    );
    assert!(line.contains("--max-points"), "{line}");
    let line = fails(
        &[
            "hom",
            "S6",
            "--from",
            "regular * natural * natural",
            "--to",
            "regular * natural * natural",
            "--max-memory-mb",
            "16",
        ],
        3,
    );
    assert!(line.contains("--max-memory-mb"), "{line}");
}

/// Invariant graph networks (Maron et al. 2019): for `n >= k + l`, `dim Hom_{S_n}(R^{n^k},
/// R^{n^l})` is the Bell number `B(k + l)`: 2 (DeepSets), 5 (`R^{n x n} -> R^n`), 15
/// (the 2-IGN layer).
#[test]
fn invariant_graph_network_layers_count_bell_numbers() {
    for n in 4..=6 {
        let s = format!("S{n}");
        assert_eq!(hom(&s, "natural", "natural").dim, 2);
        assert_eq!(hom(&s, "natural * natural", "natural").dim, 5);
        assert_eq!(hom(&s, "natural", "natural * natural").dim, 5);
        assert_eq!(hom(&s, "natural * natural", "natural * natural").dim, 15);
    }
    // Channels multiply the weights: trivial:2 * natural -> trivial:3 * natural has 2*3*2.
    assert_eq!(
        hom("S5", "trivial:2 * natural", "trivial:3 * natural").dim,
        12
    );
}

/// A weighted combination of the orbital basis is a `G`-map: `W (g.v) = g.(W v)` with
/// `(g.v)(x) = v(x^g)`, for exact rational weights and vectors.
#[test]
fn orbital_combinations_are_equivariant() {
    use plrep::arith::Q;
    let h = hom("S4", "natural + subsets:2", "natural * natural");
    let w: Vec<Q> = (0..h.orbitals.len())
        .map(|i| Q::new(i as i64 * 3 - 7, 2))
        .collect();
    let v: Vec<Q> = (0..h.from.len())
        .map(|x| Q::from((x * x) as i64 - 5))
        .collect();
    let act =
        |s: &Perm, f: &[Q]| -> Vec<Q> { (0..f.len()).map(|x| f[s.apply(x)].clone()).collect() };
    let wv = h.orbitals.apply(&w, &v).unwrap();
    assert!(wv.iter().any(|q| *q != Q::from(0)));
    for (sx, sy) in h.from.generators().iter().zip(h.to.generators()) {
        assert_eq!(h.orbitals.apply(&w, &act(sx, &v)).unwrap(), act(sy, &wv));
    }
    assert!(h.orbitals.apply(&w[1..], &v).is_err());
}
