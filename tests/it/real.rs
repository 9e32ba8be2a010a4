//! Tests of real and rational simples, kernels, decompositions, and the lattice built
//! from our own tables.

use plrep::arith::Cyclotomic;
use plrep::character::{rational_simples, CharacterTable, RealSimples, SimpleType};
use plrep::group::gset::{ActionSpec, GSet};
use plrep::group::spec::parse_group;
use plrep::group::Limits;
use plrep::lattice::NormalLattice;

fn table(spec: &str) -> CharacterTable {
    CharacterTable::compute(&parse_group(spec).unwrap(), &Limits::default()).unwrap()
}

/// The permutation character of `x` on the classes of `t`: fixed points of each
/// class representative.
fn fixed_points(x: &GSet, t: &CharacterTable) -> Vec<u64> {
    t.reps
        .iter()
        .map(|rep| {
            let p = x.act(rep).unwrap();
            (0..x.len()).filter(|&i| p.apply(i) == i).count() as u64
        })
        .collect()
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// Laws every set of real simples satisfies.
pub fn check_real_simple_laws(t: &CharacterTable, r: &RealSimples) {
    // Each complex character is a constituent of exactly one real simple.
    let mut seen = vec![0; t.characters.len()];
    for l in &r.simples {
        for &c in &l.characters {
            seen[c] += 1;
        }
        let chi = &t.characters[l.characters[0]];
        let expected = match l.kind {
            SimpleType::Real => (1, chi.degree, 1),
            SimpleType::Complex => (0, 2 * chi.degree, 2),
            SimpleType::Quaternionic => (-1, 2 * chi.degree, 1),
        };
        assert_eq!(
            (chi.indicator, l.dim, l.characters.len()),
            expected,
            "{}",
            l.label
        );
        assert_eq!(l.values[0], Cyclotomic::from_int(l.dim as i64));
        assert!(l.values.iter().all(Cyclotomic::is_real), "real character");
        assert_eq!(l.kernel[0], 0);
        // ker^± is a normal subgroup containing ker with index 1 or 2.
        let order = |cl: &[usize]| cl.iter().map(|&c| t.sizes[c]).sum::<u64>();
        let (k, kpm) = (order(&l.kernel), order(&l.pm_kernel()));
        assert!(
            kpm == k || kpm == 2 * k,
            "{}: |ker| {k}, |ker±| {kpm}",
            l.label
        );
        assert_eq!(t.order % kpm, 0);
    }
    assert!(seen.iter().all(|&s| s == 1));
    assert!(r.simples[0].is_trivial() && r.simples[0].label == "L0");
    // The regular representation: multiplicities chi(1) (or chi(1)/2), summing to |G|.
    let mut reg = vec![0u64; t.num_classes()];
    reg[0] = t.order;
    let m = r.decompose_permutation_character(&reg).unwrap();
    assert_eq!(m.len(), r.len());
    let total: u64 = m.iter().map(|&(i, mult)| mult * r.simples[i].dim).sum();
    assert_eq!(total, t.order);
    for (i, mult) in m {
        assert_eq!(mult, r.simples[i].regular_multiplicity());
    }
}

#[test]
fn real_simples_of_all_reference_groups_and_lattices_match_gap() {
    use plrep::group::ConjugacyClasses;
    use std::collections::BTreeSet;
    for path in crate::support::reference_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        let g = plrep::group::spec::group_from_json(&text, "ref").unwrap();
        let t = CharacterTable::compute(&g, &Limits::default()).unwrap();
        let r = RealSimples::from_table(&t);
        check_real_simple_laws(&t, &r);
        // Number of real simples: real characters + complex pairs + quaternionic.
        let ind: Vec<i64> = v["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_i64().unwrap())
            .collect();
        let expected =
            ind.iter().filter(|&&i| i != 0).count() + ind.iter().filter(|&&i| i == 0).count() / 2;
        assert_eq!(r.len(), expected, "{}", path.display());
        // The lattice from our kernels has GAP's normal subgroups (by order multiset).
        let kernels: Vec<Vec<usize>> = r.simples.iter().map(|l| l.kernel.clone()).collect();
        let l = NormalLattice::from_kernels(&t.sizes, &kernels);
        let mut ours: Vec<u64> = l.subgroups.iter().map(|n| n.order).collect();
        let ref_sizes: Vec<u64> = v["classes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["size"].as_u64().unwrap())
            .collect();
        let mut gap: Vec<u64> = v["normal_subgroups"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| {
                n.as_array()
                    .unwrap()
                    .iter()
                    .map(|c| ref_sizes[c.as_u64().unwrap() as usize])
                    .sum()
            })
            .collect();
        ours.sort_unstable();
        gap.sort_unstable();
        assert_eq!(ours, gap, "{}", path.display());
        // Rational simples: as many as classes of cyclic subgroups (rational classes).
        let rat = rational_simples(&t);
        let total: usize = rat.iter().map(|x| x.characters.len()).sum();
        assert_eq!(total, t.characters.len());
        // Exactly GAP's normal subgroups and kernels, classes matched by conjugacy.
        let l = plrep::report::lattice::normal_lattice(&t, &r);
        // Match GAP's classes to ours through their representatives.
        let e = g.enumerate(&Limits::default()).unwrap();
        let cc = ConjugacyClasses::compute(&e, g.generators());
        assert_eq!(cc.reps, t.reps, "same class order as the table");
        let ours_of_gap: Vec<usize> = v["classes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                let p =
                    plrep::group::Perm::parse_gap(c["rep"].as_str().unwrap(), g.degree()).unwrap();
                cc.class_of_perm(&e, &p).unwrap()
            })
            .collect();
        let gap: BTreeSet<Vec<usize>> = v["normal_subgroups"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| in_our_classes(n, &ours_of_gap))
            .collect();
        let ours: BTreeSet<Vec<usize>> = l.subgroups.iter().map(|n| n.classes.clone()).collect();
        assert_eq!(ours, gap, "{}", path.display());
        // GAP's kernels of the characters are among ours, as sets of classes.
        let kernel_sets: BTreeSet<Vec<usize>> =
            r.simples.iter().map(|s| s.kernel.clone()).collect();
        for k in v["kernels"].as_array().unwrap() {
            let s = in_our_classes(k, &ours_of_gap);
            assert!(kernel_sets.contains(&s), "{}: kernel {s:?}", path.display());
        }
    }
}

#[test]
fn cyclic_groups_have_frequency_labels_and_gcd_kernels() {
    for n in 1..=24u64 {
        let t = table(&format!("C{n}"));
        let r = RealSimples::from_table(&t);
        assert_eq!(r.len() as u64, n / 2 + 1, "C{n}");
        for (k, l) in r.simples.iter().enumerate() {
            let k = k as u64;
            assert_eq!(l.label, format!("L{k}"));
            assert_eq!(l.frequency, Some(k));
            assert_eq!(l.kernel.len() as u64, gcd(n, k), "C{n} L{k}");
            let dim = if k == 0 || 2 * k == n { 1 } else { 2 };
            assert_eq!(l.dim, dim);
        }
    }
}

#[test]
fn dihedral_real_simple_counts_match_theory() {
    // D_{2n}: n = 2m has m + 3 real simples, n = 2m + 1 has m + 2 (theory.md §2).
    for n in 2..=15u64 {
        let r = RealSimples::from_table(&table(&format!("D{}", 2 * n)));
        let expected = if n % 2 == 0 {
            n / 2 + 3
        } else {
            (n - 1) / 2 + 2
        };
        assert_eq!(r.len() as u64, expected, "D{}", 2 * n);
        assert!(r.simples.iter().all(|l| l.kind == SimpleType::Real));
    }
}

#[test]
fn types_of_small_groups() {
    let q8 = RealSimples::from_table(&table("Q8"));
    let kinds: Vec<(SimpleType, u64)> = q8.simples.iter().map(|l| (l.kind, l.dim)).collect();
    assert_eq!(
        kinds
            .iter()
            .filter(|k| **k == (SimpleType::Quaternionic, 4))
            .count(),
        1
    );
    assert_eq!(q8.len(), 5);
    let c3 = RealSimples::from_table(&table("C3"));
    assert_eq!(c3.simples[1].kind, SimpleType::Complex);
    assert_eq!(c3.simples[1].values[0], Cyclotomic::from_int(2));
}

#[test]
fn permutation_characters_decompose_into_real_simples() {
    for n in 2..=6 {
        let g = parse_group(&format!("S{n}")).unwrap();
        let t = CharacterTable::compute(&g, &Limits::default()).unwrap();
        let r = RealSimples::from_table(&t);
        let x = GSet::new(
            &g,
            &ActionSpec::parse("natural").unwrap(),
            &Limits::default(),
        )
        .unwrap();
        let pi = fixed_points(&x, &t);
        let m = r.decompose_permutation_character(&pi).unwrap();
        // R^n = trivial + standard (dimension n-1).
        assert_eq!(m.len(), 2, "S{n}");
        assert_eq!(m[0], (0, 1));
        assert_eq!(r.simples[m[1].0].dim, (n - 1) as u64);
        // The counting lemma: <pi, pi> = 2 orbits on X x X.
        let sq: Vec<u64> = pi.iter().map(|v| v * v).collect();
        let m2 = r.decompose_permutation_character(&sq).unwrap();
        assert_eq!(m2.iter().find(|(i, _)| *i == 0).unwrap().1, 2);
    }
    // Not a character: an error, not a wrong answer.
    let r = RealSimples::from_table(&table("S3"));
    assert!(r.decompose_permutation_character(&[1, 0, 0]).is_err());
}

#[test]
fn quotient_simples_follow_the_lattice() {
    let t = table("D8");
    let r = RealSimples::from_table(&t);
    let kernels: Vec<Vec<usize>> = r.simples.iter().map(|l| l.kernel.clone()).collect();
    let l = NormalLattice::from_kernels(&t.sizes, &kernels);
    // The trivial subgroup: all simples; G: only the trivial one; the centre: the four
    // linear characters of D8/Z = C2 x C2.
    assert_eq!(r.simples_of_quotient(&l.subgroups[0]).len(), r.len());
    assert_eq!(r.simples_of_quotient(l.subgroups.last().unwrap()), vec![0]);
    let centre = l.subgroups.iter().find(|n| n.order == 2).unwrap();
    assert_eq!(r.simples_of_quotient(centre).len(), 4);
}

#[test]
fn every_gset_kind_decomposes_into_real_simples() {
    let limits = Limits::default();
    for (group, actions) in [
        (
            "S4",
            vec![
                "regular",
                "natural",
                "subsets:2",
                "tuples:2",
                "conjugation",
                "cosets:(1,2)",
                "cosets:(1,2,3,4),(1,3)",
            ],
        ),
        (
            "A5",
            vec![
                "natural",
                "subsets:2",
                "tuples:2",
                "cosets:(1,2,3)",
                "conjugation",
            ],
        ),
        ("Q8", vec!["regular", "conjugation"]),
    ] {
        let g = parse_group(group).unwrap();
        let t = CharacterTable::compute(&g, &limits).unwrap();
        let r = RealSimples::from_table(&t);
        for a in actions {
            let x = GSet::new(&g, &ActionSpec::parse(a).unwrap(), &limits).unwrap();
            let pi = fixed_points(&x, &t);
            let m = r.decompose_permutation_character(&pi).unwrap();
            let dim: u64 = m.iter().map(|&(i, k)| k * r.simples[i].dim).sum();
            assert_eq!(dim as usize, x.len(), "{group} {a}");
            // The trivial simple occurs once per orbit.
            assert_eq!(m[0], (0, x.orbits().len() as u64), "{group} {a}");
        }
    }
}

/// A list of GAP class positions (JSON) as our sorted class indices.
fn in_our_classes(list: &serde_json::Value, ours_of_gap: &[usize]) -> Vec<usize> {
    let mut s: Vec<usize> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| ours_of_gap[c.as_u64().unwrap() as usize])
        .collect();
    s.sort_unstable();
    s
}
