//! Tests of the group area: Schreier–Sims against brute force, element enumeration
//! laws, conjugacy classes against GAP reference data (`tests/data/reference`, computed
//! by GAP 4.12) and the orders of the benchmark groups (`tests/data/bench`).

use plrep::group::{ConjugacyClasses, EnumeratedGroup, Limits, Perm, PermGroup};
use plrep::Error;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// Every `*.json` of a data directory, parsed, sorted by file name.
fn load_dir(sub: &str) -> Vec<(String, serde_json::Value)> {
    crate::support::json_files(sub)
        .into_iter()
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            let v: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            (name, v)
        })
        .collect()
}

fn group_of(v: &serde_json::Value) -> PermGroup {
    let degree = v["degree"].as_u64().unwrap() as usize;
    let gens = v["generators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| Perm::parse_gap(s.as_str().unwrap(), degree).unwrap())
        .collect();
    PermGroup::new(degree, gens).unwrap()
}

fn p(s: &str, n: usize) -> Perm {
    Perm::parse_gap(s, n).unwrap()
}

// The shared xorshift64* generator, so the random tests are reproducible.
use crate::support::XorShiftStar as Rng;

/// Random inputs for the group tests.
trait RandomPerm {
    fn perm(&mut self, n: usize) -> Perm;
}

impl RandomPerm for Rng {
    fn perm(&mut self, n: usize) -> Perm {
        let mut v: Vec<u32> = (0..n as u32).collect();
        for i in (1..n).rev() {
            v.swap(i, self.below(i + 1));
        }
        Perm::from_images(v).unwrap()
    }
}

/// Test-only reference: the closure of the generators under right multiplication.
fn brute_closure(n: usize, gens: &[Perm]) -> HashSet<Perm> {
    let mut set = HashSet::new();
    let id = Perm::identity(n);
    set.insert(id.clone());
    let mut queue = vec![id];
    while let Some(x) = queue.pop() {
        for g in gens {
            let y = &x * g;
            if set.insert(y.clone()) {
                queue.push(y);
            }
        }
    }
    set
}

#[test]
fn reference_groups_classes_match_gap() {
    let refs = load_dir("reference");
    assert_eq!(refs.len(), 43);
    for (name, v) in &refs {
        let g = group_of(v);
        let order = v["order"].as_u64().unwrap();
        assert_eq!(g.order_u64(), Some(order), "{name}: order");
        let e = g.enumerate(&Limits::default()).unwrap();
        assert_eq!(e.len() as u64, order, "{name}");
        let cc = ConjugacyClasses::compute(&e, g.generators());
        assert_eq!(cc.order, order);
        assert_eq!(
            cc.exponent,
            v["exponent"].as_u64().unwrap(),
            "{name}: exponent"
        );
        let ref_classes = v["classes"].as_array().unwrap();
        assert_eq!(cc.len(), ref_classes.len(), "{name}: number of classes");
        let mine: BTreeMap<(u64, u64), usize> = (0..cc.len()).fold(BTreeMap::new(), |mut m, c| {
            *m.entry((cc.sizes[c], cc.orders[c])).or_default() += 1;
            m
        });
        let theirs: BTreeMap<(u64, u64), usize> =
            ref_classes.iter().fold(BTreeMap::new(), |mut m, c| {
                *m.entry((
                    c["size"].as_u64().unwrap(),
                    c["element_order"].as_u64().unwrap(),
                ))
                .or_default() += 1;
                m
            });
        assert_eq!(mine, theirs, "{name}: (size, order) multiset");
        let mut hit = BTreeSet::new();
        for c in ref_classes {
            let rep = p(c["rep"].as_str().unwrap(), g.degree());
            let k = cc
                .class_of_perm(&e, &rep)
                .unwrap_or_else(|| panic!("{name}: rep {rep} not in group"));
            assert_eq!(
                cc.sizes[k],
                c["size"].as_u64().unwrap(),
                "{name}: size of class of {rep}"
            );
            assert_eq!(
                cc.orders[k],
                c["element_order"].as_u64().unwrap(),
                "{name}: order of {rep}"
            );
            assert!(hit.insert(k), "{name}: two reference reps in one class");
        }
        // Abelian, solvable and the derived subgroup (|G:G'| = number of linear characters).
        assert_eq!(
            g.is_abelian(),
            v["is_abelian"].as_bool().unwrap(),
            "{name}: abelian"
        );
        assert_eq!(
            g.is_solvable(),
            v["is_solvable"].as_bool().unwrap(),
            "{name}: solvable"
        );
        let linear = v["characters"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c[0] == "1")
            .count() as u64;
        assert_eq!(
            g.derived_subgroup().order_u64(),
            Some(order / linear),
            "{name}: derived subgroup"
        );
        // Normal closure of each reference rep = smallest reference normal subgroup
        // containing its class.
        let normals: Vec<Vec<usize>> = v["normal_subgroups"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| {
                n.as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c.as_u64().unwrap() as usize)
                    .collect()
            })
            .collect();
        for (ci, c) in ref_classes.iter().enumerate() {
            let rep = p(c["rep"].as_str().unwrap(), g.degree());
            let smallest = normals
                .iter()
                .filter(|n| n.contains(&ci))
                .map(|n| {
                    n.iter()
                        .map(|&k| ref_classes[k]["size"].as_u64().unwrap())
                        .sum::<u64>()
                })
                .min()
                .unwrap();
            assert_eq!(
                g.normal_closure(&[rep]).unwrap().order_u64(),
                Some(smallest),
                "{name}: normal closure"
            );
        }
        // Random elements are members, reproducible, and land in every class eventually
        // for small groups.
        let mut seen = BTreeSet::new();
        for seed in 0..(20 * order).min(2000) {
            let x = g.random_element(seed);
            assert_eq!(x, g.random_element(seed));
            seen.insert(cc.class_of_perm(&e, &x).expect("random element in group"));
        }
        if order <= 100 {
            assert_eq!(
                seen.len(),
                cc.len(),
                "{name}: random elements hit all classes"
            );
        }
        // Structural invariants.
        assert_eq!(cc.sizes.iter().sum::<u64>(), order);
        assert_eq!(cc.orders[0], 1);
        assert_eq!(cc.rep_indices[0], 0);
        for c in 0..cc.len() {
            assert_eq!(cc.sizes[c] * cc.centralizer_orders[c], order);
            assert_eq!(cc.members(c).len() as u64, cc.sizes[c]);
            assert_eq!(cc.class_of[cc.rep_indices[c]] as usize, c);
            assert_eq!(e.element(cc.rep_indices[c]), cc.reps[c]);
            // The representative is the lexicographically smallest member.
            let min = cc
                .members(c)
                .into_iter()
                .map(|i| e.element(i))
                .min()
                .unwrap();
            assert_eq!(min, cc.reps[c], "{name}: canonical rep");
        }
        assert!(
            cc.orders.windows(2).all(|w| w[0] <= w[1]),
            "{name}: class order"
        );
        // Power maps against brute force on members.
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ order);
        for k in [-1i64, 2, 3, 5, -7, 0, 1, 12] {
            let pm = cc.power_map(&e, k);
            for c in 0..cc.len() {
                let mem = cc.members_slice(c);
                for _ in 0..3 {
                    let x = mem[rng.below(mem.len())] as usize;
                    let y = e.element(x).pow(k);
                    assert_eq!(
                        cc.class_of_perm(&e, &y),
                        Some(pm[c]),
                        "{name}: power map {k}"
                    );
                }
            }
        }
        let inv = cc.inverse_classes(&e);
        for c in 0..cc.len() {
            assert_eq!(inv[inv[c]], c);
            assert_eq!(cc.sizes[inv[c]], cc.sizes[c]);
        }
    }
}

#[test]
fn bench_group_orders() {
    for (name, v) in load_dir("bench") {
        let g = group_of(&v);
        assert_eq!(g.order_u64(), v["order"].as_u64(), "{name}");
    }
}

#[test]
fn symmetric_group_20_order() {
    let n = 20;
    let cyc = format!(
        "({})",
        (1..=n).map(|i| i.to_string()).collect::<Vec<_>>().join(",")
    );
    let g = PermGroup::new(n, vec![p(&cyc, n), p("(1,2)", n)]).unwrap();
    assert_eq!(g.order().to_string(), "2432902008176640000");
    assert!(g.enumerate(&Limits::default()).is_err());
}

#[test]
fn enumerate_limit_error_names_flag() {
    let g = PermGroup::new(5, vec![p("(1,2,3,4,5)", 5), p("(1,2)", 5)]).unwrap();
    let lim = Limits {
        max_order: 100,
        ..Limits::default()
    };
    match g.enumerate(&lim) {
        Err(Error::Limit { kind, .. }) => assert_eq!(kind.flag(), "--max-order"),
        other => panic!("expected a limit error, got {other:?}"),
    }
}

#[test]
fn generator_beyond_degree_is_bad_input() {
    let r = PermGroup::new(3, vec![p("(1,4)", 4)]);
    assert!(matches!(r, Err(Error::BadInput { .. })));
    // Extension of smaller generators, and larger ones that fix the extra points.
    let g = PermGroup::new(5, vec![p("(1,2)", 2), Perm::parse_gap("(2,3)", 7).unwrap()]).unwrap();
    assert_eq!(g.order_u64(), Some(6));
    assert!(g.generators().iter().all(|x| x.degree() == 5));
}

#[test]
fn schreier_sims_matches_brute_force_in_s6() {
    let mut rng = Rng(12345);
    for trial in 0..120 {
        let n = 6;
        let k = 1 + trial % 3;
        let gens: Vec<Perm> = (0..k).map(|_| rng.perm(n)).collect();
        let g = PermGroup::new(n, gens.clone()).unwrap();
        let closure = brute_closure(n, &gens);
        assert_eq!(g.order_u64(), Some(closure.len() as u64), "{gens:?}");
        // Membership: all of S6 against the closure (720 perms).
        for _ in 0..60 {
            let x = rng.perm(n);
            assert_eq!(g.contains(&x), closure.contains(&x));
        }
        let e = g.enumerate(&Limits::default()).unwrap();
        let elems: HashSet<Perm> = (0..e.len()).map(|i| e.element(i)).collect();
        assert_eq!(elems, closure);
    }
}

#[test]
fn schreier_sims_matches_brute_force_degree_up_to_8() {
    let mut rng = Rng(777);
    for trial in 0..60 {
        let n = 2 + trial % 7;
        let k = 1 + trial % 2;
        // Sparse generators (products of few transpositions/cycles) give small groups too.
        let gens: Vec<Perm> = (0..k)
            .map(|_| {
                if rng.below(2) == 0 {
                    rng.perm(n)
                } else {
                    let a = rng.below(n);
                    let b = rng.below(n);
                    let mut v: Vec<u32> = (0..n as u32).collect();
                    v.swap(a, b);
                    Perm::from_images(v).unwrap()
                }
            })
            .collect();
        let g = PermGroup::new(n, gens.clone()).unwrap();
        let closure = brute_closure(n, &gens);
        assert_eq!(g.order_u64(), Some(closure.len() as u64), "{gens:?}");
        for x in closure.iter().take(200) {
            assert!(g.contains(x));
        }
    }
}

fn check_group_laws(e: &EnumeratedGroup, rng: &mut Rng, samples: usize) {
    let n = e.len();
    assert!(e.element(0).is_identity());
    for _ in 0..samples {
        let (a, b, c) = (rng.below(n), rng.below(n), rng.below(n));
        assert_eq!(e.mul(e.mul(a, b), c), e.mul(a, e.mul(b, c)));
        assert_eq!(e.mul(0, a), a);
        assert_eq!(e.mul(a, 0), a);
        assert_eq!(e.mul(a, e.inv(a)), 0);
        assert_eq!(e.index_of(&e.element(a)), Some(a));
        assert_eq!(e.element(e.mul(a, b)), e.element(a) * e.element(b));
        assert_eq!(e.element(e.inv(a)), e.element(a).inverse());
    }
}

#[test]
fn enumerated_group_laws() {
    let mut rng = Rng(42);
    for (name, v) in load_dir("bench") {
        let g = group_of(&v);
        if g.order_u64().unwrap() > 100_000 {
            continue;
        }
        let e = g.enumerate(&Limits::default()).unwrap();
        assert_eq!(e.len() as u64, g.order_u64().unwrap(), "{name}");
        check_group_laws(&e, &mut rng, 300);
        // Non-members are rejected.
        for _ in 0..50 {
            let x = rng.perm(g.degree());
            assert_eq!(e.index_of(&x).is_some(), g.contains(&x), "{name}");
        }
    }
}

#[test]
#[ignore]
fn timing_large_degree() {
    for n in [1000usize, 4000] {
        let rot = Perm::from_images((0..n as u32).map(|i| (i + 1) % n as u32).collect()).unwrap();
        let refl =
            Perm::from_images((0..n as u32).map(|i| (n as u32 - i) % n as u32).collect()).unwrap();
        let t = std::time::Instant::now();
        let g = PermGroup::new(n, vec![rot, refl]).unwrap();
        eprintln!("D{} order {} in {:?}", 2 * n, g.order(), t.elapsed());
    }
}

#[test]
fn images_computed_on_demand_agree_with_store() {
    let mut rng = Rng(99);
    for (name, v) in load_dir("bench") {
        let g = group_of(&v);
        if g.order_u64().unwrap() > 50_000 {
            continue;
        }
        let stored = g.enumerate(&Limits::default()).unwrap();
        assert!(stored.stores_images());
        let computed = stored.clone().without_store();
        assert!(!computed.stores_images());
        for _ in 0..200 {
            let i = rng.below(stored.len());
            assert_eq!(stored.element(i), computed.element(i), "{name}");
            let x = rng.below(g.degree());
            assert_eq!(stored.image(i, x), computed.image(i, x));
            let j = rng.below(stored.len());
            assert_eq!(stored.mul(i, j), computed.mul(i, j));
            assert_eq!(stored.cmp_images(i, j), computed.cmp_images(i, j));
        }
        let a = ConjugacyClasses::compute(&stored, g.generators());
        let b = ConjugacyClasses::compute(&computed, g.generators());
        assert_eq!(a.reps, b.reps, "{name}");
        assert_eq!(a.class_of, b.class_of, "{name}");
    }
}

#[test]
fn trivial_and_degree_zero_groups() {
    for n in [0usize, 1, 5] {
        let g = PermGroup::new(n, vec![]).unwrap();
        assert_eq!(g.order_u64(), Some(1));
        assert!(g.is_abelian() && g.is_solvable());
        assert!(g.base().is_empty());
        assert_eq!(g.orbits().len(), n);
        let e = g.enumerate(&Limits::default()).unwrap();
        assert_eq!(e.len(), 1);
        assert!(e.element(0).is_identity());
        assert_eq!(e.index_of(&Perm::identity(n)), Some(0));
        let cc = ConjugacyClasses::compute(&e, g.generators());
        assert_eq!((cc.len(), cc.exponent, cc.sizes.clone()), (1, 1, vec![1]));
        assert_eq!(cc.power_map(&e, -3), vec![0]);
    }
    // Identity generators are allowed and change nothing.
    let g = PermGroup::new(3, vec![Perm::identity(3), p("()", 1)]).unwrap();
    assert_eq!(g.order_u64(), Some(1));
}

#[test]
fn orbits_abelian_membership_edge_cases() {
    let g = PermGroup::new(7, vec![p("(1,2)(3,4)", 7), p("(3,4,5)", 7)]).unwrap();
    assert_eq!(
        g.orbits(),
        vec![vec![0, 1], vec![2, 3, 4], vec![5], vec![6]]
    );
    assert!(!g.is_abelian());
    let c = PermGroup::new(6, vec![p("(1,2,3)", 6), p("(4,5)", 6)]).unwrap();
    assert!(c.is_abelian());
    assert_eq!(c.order_u64(), Some(6));
    // Membership across degrees: smaller degree extended, larger must fix extra points.
    assert!(c.contains(&p("(1,3,2)", 3)));
    assert!(c.contains(&Perm::parse_gap("(4,5)", 9).unwrap()));
    assert!(!c.contains(&Perm::parse_gap("(4,5)(8,9)", 9).unwrap()));
    assert!(!c.contains(&p("(1,2)", 6)));
    let e = c.enumerate(&Limits::default()).unwrap();
    let cc = ConjugacyClasses::compute(&e, c.generators());
    assert_eq!(cc.class_of_perm(&e, &p("(1,2)", 6)), None);
    assert_eq!(
        cc.class_of_perm(&e, &p("(1,2)", 7)),
        None,
        "another degree is never a member"
    );
    assert_eq!(e.index_of(&p("(1,2)", 6)), None);
    // Element-level helpers.
    let i = e.index_of(&p("(1,2,3)(4,5)", 6)).unwrap();
    assert_eq!(e.element_order(i), 6);
    assert_eq!(e.element(e.pow(i, 5)), p("(1,3,2)(4,5)", 6));
    assert_eq!(e.pow(i, -1), e.inv(i));
    assert_eq!(e.conjugate(i, &p("(1,2,3)", 6)), Some(i));
    assert_eq!(cc.exponent, 6);
    assert!(cc.centralizer_orders.iter().all(|&z| z == 6));
}

#[test]
fn normal_closure_rejects_non_members() {
    let g = PermGroup::new(4, vec![p("(1,2,3,4)", 4)]).unwrap();
    assert!(matches!(
        g.normal_closure(&[p("(1,2)", 4)]),
        Err(Error::BadInput { .. })
    ));
    assert_eq!(
        g.normal_closure(&[p("(1,3)(2,4)", 4)]).unwrap().order_u64(),
        Some(2)
    );
    assert_eq!(g.normal_closure(&[]).unwrap().order_u64(), Some(1));
}

#[test]
fn strong_generating_set_and_chain_are_consistent() {
    for (name, v) in load_dir("bench") {
        let g = group_of(&v);
        let chain = g.stab_chain();
        // The strong generators generate the same group, every base point is moved by
        // some strong generator, and the orbit lengths multiply to the order.
        let h = PermGroup::new(g.degree(), g.strong_generators()).unwrap();
        assert_eq!(h.order(), g.order(), "{name}");
        assert!(g.generators().iter().all(|x| h.contains(x)));
        let prod: u64 = chain.orbit_lengths().iter().map(|&o| o as u64).product();
        assert_eq!(Some(prod), g.order_u64());
        for (l, level) in chain.levels().iter().enumerate() {
            assert_eq!(level.base_point(), g.base()[l]);
            assert!(level.tree_depth() <= 2 * 64, "{name}: shallow trees");
            for &q in level.orbit() {
                let u = level.transversal(q as usize);
                assert_eq!(u.apply(level.base_point()), q as usize);
                assert!(g.contains(&u));
                // u fixes the earlier base points.
                assert!(g.base()[..l].iter().all(|&b| u.apply(b) == b));
            }
        }
        // Sifting a member gives the identity, a non-member does not.
        let x = g.random_element(3);
        let (res, lvl) = chain.sift(&x);
        assert!(res.is_identity() && lvl == g.base().len());
    }
}

#[test]
fn deterministic_classes_independent_of_generators() {
    // The same group from two generating sets has the same classes in the same order.
    let a = PermGroup::new(5, vec![p("(1,2,3,4,5)", 5), p("(1,2)", 5)]).unwrap();
    let b = PermGroup::new(
        5,
        vec![p("(1,2)", 5), p("(2,3)", 5), p("(3,4)", 5), p("(4,5)", 5)],
    )
    .unwrap();
    let ea = a.enumerate(&Limits::default()).unwrap();
    let eb = b.enumerate(&Limits::default()).unwrap();
    let ca = ConjugacyClasses::compute(&ea, a.generators());
    let cb = ConjugacyClasses::compute(&eb, b.generators());
    assert_eq!(ca.reps, cb.reps);
    assert_eq!(ca.sizes, cb.sizes);
    assert_eq!(
        ca.reps.iter().map(|r| r.to_string()).collect::<Vec<_>>(),
        [
            "()",
            "(4,5)",
            "(2,3)(4,5)",
            "(3,4,5)",
            "(2,3,4,5)",
            "(1,2,3,4,5)",
            "(1,2)(3,4,5)"
        ]
    );
}

#[test]
#[ignore]
fn timing_symmetric() {
    for n in [20usize, 40, 60, 100] {
        let cyc = format!(
            "({})",
            (1..=n).map(|i| i.to_string()).collect::<Vec<_>>().join(",")
        );
        let t = std::time::Instant::now();
        let g = PermGroup::new(n, vec![p(&cyc, n), p("(1,2)", n)]).unwrap();
        eprintln!(
            "S{n} order {} in {:?} base {}",
            g.order(),
            t.elapsed(),
            g.base().len()
        );
    }
}

#[test]
#[ignore]
fn timing_classes() {
    let only = std::env::var("PLREP_GROUP").ok();
    for name in ["S9", "M22", "M12"] {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let v = load_dir("bench")
            .into_iter()
            .find(|(n, _)| n == name)
            .unwrap()
            .1;
        let g = group_of(&v);
        let t = std::time::Instant::now();
        let mut e = g.enumerate(&Limits::default()).unwrap();
        if std::env::var("PLREP_NO_STORE").is_ok() {
            e = e.without_store();
        }
        let t1 = t.elapsed();
        let cc = ConjugacyClasses::compute(&e, g.generators());
        eprintln!(
            "{name}: enumerate {t1:?}, classes {:?}, {} classes",
            t.elapsed() - t1,
            cc.len()
        );
    }
}

#[test]
fn classes_match_brute_force_on_random_groups() {
    let mut rng = Rng(2024);
    for trial in 0..40 {
        let n = 4 + trial % 4;
        let gens: Vec<Perm> = (0..1 + trial % 3).map(|_| rng.perm(n)).collect();
        let g = PermGroup::new(n, gens.clone()).unwrap();
        if g.order_u64().unwrap() > 2520 {
            continue;
        }
        let e = g.enumerate(&Limits::default()).unwrap();
        let cc = ConjugacyClasses::compute(&e, g.generators());
        let elems: Vec<Perm> = (0..e.len()).map(|i| e.element(i)).collect();
        // Brute force: the class of x is {h^-1 x h : h in G}.
        let mut covered = vec![false; e.len()];
        let mut count = 0;
        for (i, x) in elems.iter().enumerate() {
            if covered[i] {
                continue;
            }
            let class: BTreeSet<Perm> = elems.iter().map(|h| x.conjugate_by(h)).collect();
            count += 1;
            let c = cc.class_of[i] as usize;
            let mine: BTreeSet<Perm> = cc
                .members(c)
                .into_iter()
                .map(|j| elems[j].clone())
                .collect();
            assert_eq!(mine, class, "{gens:?}");
            assert_eq!(
                &cc.reps[c],
                class.iter().next().unwrap(),
                "canonical rep is the minimum"
            );
            for y in &class {
                covered[e.index_of(y).unwrap()] = true;
            }
        }
        assert_eq!(count, cc.len());
        // Extreme exponents in power maps.
        for k in [i64::MIN, i64::MAX, -1, 0] {
            let pm = cc.power_map(&e, k);
            for c in 0..cc.len() {
                let r = cc.reps[c].pow(k.rem_euclid(cc.orders[c] as i64));
                assert_eq!(cc.class_of_perm(&e, &r), Some(pm[c]));
            }
        }
    }
}

#[test]
#[ignore]
fn timing_psl2() {
    fn inv_mod(a: u64, p: u64) -> u64 {
        let (mut r, mut b, mut e) = (1u64, a % p, p - 2);
        while e > 0 {
            if e & 1 == 1 {
                r = r * b % p;
            }
            b = b * b % p;
            e >>= 1;
        }
        r
    }
    for p in [101u64, 401, 997] {
        let n = (p + 1) as usize;
        let t: Vec<u32> = (0..=p)
            .map(|x| if x == p { p } else { (x + 1) % p } as u32)
            .collect();
        let s: Vec<u32> = (0..=p)
            .map(|x| if x == p { 0 } else if x == 0 { p } else { (p - inv_mod(x, p)) % p } as u32)
            .collect();
        let gens = vec![Perm::from_images(t).unwrap(), Perm::from_images(s).unwrap()];
        let time = std::time::Instant::now();
        let g = PermGroup::new(n, gens).unwrap();
        eprintln!("PSL(2,{p}) order {} in {:?}", g.order(), time.elapsed());
        assert_eq!(g.order_u64(), Some(p * (p * p - 1) / 2));
    }
}
