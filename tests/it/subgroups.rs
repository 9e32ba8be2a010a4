//! Subgroup classes: against GAP's `ConjugacyClassesSubgroups` on the 43 reference groups
//! and against a naive enumeration (all subgroups as joins of cyclic subgroups, classes
//! as conjugation orbits) on the small ones.

use crate::solver::reference_groups;
use plrep::group::subgroups::{SubgroupClass, SubgroupClasses};
use plrep::group::{spec::parse_group, ConjugacyClasses, EnumeratedGroup, Limits, PermGroup};
use plrep::Error;
use std::collections::{BTreeMap, BTreeSet};

fn classes_of(g: &PermGroup) -> (EnumeratedGroup, SubgroupClasses) {
    let e = g.enumerate(&Limits::default()).unwrap();
    let c = ConjugacyClasses::compute(&e, g.generators());
    let s = SubgroupClasses::compute(g, &e, &c, &Limits::default()).unwrap();
    (e, s)
}

/// The laws every subgroup class must satisfy, checked from the permutations alone.
fn check_class_laws(g: &PermGroup, e: &EnumeratedGroup, h: &SubgroupClass) {
    let n = e.len() as u64;
    assert_eq!(h.elements.len() as u64, h.order);
    assert_eq!(h.order * h.index, n);
    assert_eq!(h.length * h.normalizer_order, n);
    assert!(
        h.elements.windows(2).all(|w| w[0] < w[1]),
        "sorted elements"
    );
    // The generators generate exactly the listed elements.
    let sub = PermGroup::new(g.degree(), h.generators.clone()).unwrap();
    assert_eq!(sub.order_u64(), Some(h.order));
    for gen in &h.generators {
        let i = e.index_of(gen).unwrap() as u32;
        assert!(h.elements.binary_search(&i).is_ok());
    }
    // The normalizer generators normalize H and generate a group of the stated order.
    let nsub = PermGroup::new(g.degree(), h.normalizer_generators.clone()).unwrap();
    assert_eq!(nsub.order_u64(), Some(h.normalizer_order));
    for s in &h.normalizer_generators {
        for gen in &h.generators {
            assert!(sub.contains(&(&(&s.inverse() * gen) * s)));
        }
    }
}

#[test]
fn reference_groups_match_gap_subgroup_classes() {
    let text = std::fs::read_to_string(crate::solver::data("subgroup-classes.json")).unwrap();
    let gap: serde_json::Value = serde_json::from_str(&text).unwrap();
    let gap: BTreeMap<String, &serde_json::Value> = gap["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["file"].as_str().unwrap().to_string(), r))
        .collect();
    let groups = reference_groups();
    assert_eq!(groups.len(), 43);
    for (name, g) in groups {
        let (e, s) = classes_of(&g);
        let r = gap[&name];
        assert_eq!(
            s.classes.len() as u64,
            r["classes"].as_u64().unwrap(),
            "{name}"
        );
        assert_eq!(
            s.subgroup_count(),
            r["subgroups"].as_u64().unwrap(),
            "{name}"
        );
        let mut ours: Vec<(u64, u64)> = s
            .classes
            .iter()
            .map(|h| (h.order, h.normalizer_order))
            .collect();
        ours.sort();
        let theirs: Vec<(u64, u64)> = r["order_normalizer_pairs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p[0].as_u64().unwrap(), p[1].as_u64().unwrap()))
            .collect();
        assert_eq!(ours, theirs, "{name}");
        assert!(s.classes.windows(2).all(|w| w[0].order <= w[1].order));
        for h in &s.classes {
            check_class_laws(&g, &e, h);
        }
    }
}

/// Naive: every subgroup is the join of its cyclic subgroups; close the set of cyclic
/// subgroups under joins, then group the subgroups into conjugation orbits.
fn naive_classes(e: &EnumeratedGroup) -> BTreeMap<(usize, usize), usize> {
    let n = e.len();
    let generate = |gens: &BTreeSet<usize>| -> BTreeSet<usize> {
        let mut set: BTreeSet<usize> = BTreeSet::from([0]);
        loop {
            let mut grown = set.clone();
            for &x in &set {
                for &g in gens {
                    grown.insert(e.mul(x, g));
                }
            }
            if grown == set {
                return set;
            }
            set = grown;
        }
    };
    let mut all: BTreeSet<BTreeSet<usize>> =
        (0..n).map(|g| generate(&BTreeSet::from([g]))).collect();
    loop {
        let list: Vec<BTreeSet<usize>> = all.iter().cloned().collect();
        let mut grown = all.clone();
        for a in &list {
            for b in &list {
                grown.insert(generate(&a.union(b).copied().collect()));
            }
        }
        if grown.len() == all.len() {
            break;
        }
        all = grown;
    }
    // (order, class length) -> number of classes
    let mut done: BTreeSet<BTreeSet<usize>> = BTreeSet::new();
    let mut out = BTreeMap::new();
    for h in &all {
        if done.contains(h) {
            continue;
        }
        let orbit: BTreeSet<BTreeSet<usize>> = (0..n)
            .map(|s| h.iter().map(|&x| e.mul(e.mul(e.inv(s), x), s)).collect())
            .collect();
        *out.entry((h.len(), orbit.len())).or_insert(0) += 1;
        done.extend(orbit);
    }
    out
}

#[test]
fn small_groups_match_naive_enumeration() {
    let mut checked = 0;
    for (name, g) in reference_groups()
        .into_iter()
        .filter(|(_, g)| g.order_u64().unwrap() <= 32)
        .chain(
            ["D18", "Q12", "C2xC2xC2xC2"]
                .iter()
                .map(|n| (n.to_string(), parse_group(n).unwrap())),
        )
    {
        let (e, s) = classes_of(&g);
        let mut ours = BTreeMap::new();
        for h in &s.classes {
            *ours
                .entry((h.order as usize, h.length as usize))
                .or_insert(0) += 1;
        }
        assert_eq!(ours, naive_classes(&e), "{name}");
        checked += 1;
    }
    assert!(checked >= 30);
}

#[test]
fn issue_counts_and_normal_subgroups() {
    for (name, count, normal) in [
        ("S4", 11, 4),
        ("D8", 8, 6),
        ("Q8", 6, 6),
        ("A5", 9, 2),
        ("S3", 4, 3),
        ("C12", 6, 6),
    ] {
        let (_, s) = classes_of(&parse_group(name).unwrap());
        assert_eq!(s.classes.len(), count, "{name}");
        assert_eq!(
            s.classes.iter().filter(|h| h.is_normal()).count(),
            normal,
            "{name}"
        );
    }
}

#[test]
fn deterministic_and_limit_names_its_flag() {
    let g = parse_group("S4").unwrap();
    let (_, a) = classes_of(&g);
    let (_, b) = classes_of(&g);
    assert_eq!(a, b);
    let e = g.enumerate(&Limits::default()).unwrap();
    let c = ConjugacyClasses::compute(&e, g.generators());
    let small = Limits {
        max_subgroups: 5,
        ..Limits::default()
    };
    match SubgroupClasses::compute(&g, &e, &c, &small) {
        Err(Error::Limit { kind, .. }) => assert_eq!(kind.flag(), "--max-subgroups"),
        other => panic!("expected a limit error, got {other:?}"),
    }
}
