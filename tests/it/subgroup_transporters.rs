//! Subgroup classes by transporters (`Method::Transporters`, the method above 2048
//! elements): against GAP's `ConjugacyClassesSubgroups` on six larger catalog groups
//! (S7, M11, PSL(3,4), A8, S8, M12) and on the 43 reference groups, and against the
//! stored-conjugates baseline on the reference groups (the same classes, told apart by
//! order, normalizer order and the distribution of their elements over the element
//! classes).

use crate::solver::reference_groups;
use plrep::group::subgroups::{Method, SubgroupClasses};
use plrep::group::{spec::parse_group, ConjugacyClasses, EnumeratedGroup, Limits, PermGroup};
use plrep::Error;
use std::collections::BTreeMap;

fn classes_by(
    g: &PermGroup,
    method: Method,
) -> (EnumeratedGroup, ConjugacyClasses, SubgroupClasses) {
    let limits = Limits::default();
    let e = g.enumerate(&limits).unwrap();
    let c = ConjugacyClasses::compute(&e, g.generators());
    let s = SubgroupClasses::compute_with(g, &e, &c, &limits, method).unwrap();
    (e, c, s)
}

fn gap_records(file: &str) -> BTreeMap<String, serde_json::Value> {
    let text = std::fs::read_to_string(crate::solver::data(file)).unwrap();
    let gap: serde_json::Value = serde_json::from_str(&text).unwrap();
    gap["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["file"].as_str().unwrap().to_string(), r.clone()))
        .collect()
}

/// Number of classes, of subgroups, and the sorted `(|H|, |N_G(H)|)` pairs against GAP;
/// the generators of each representative generate a group of the stated order whose
/// elements are the listed ones, and the normalizer generators normalize it.
fn assert_matches_gap(
    name: &str,
    g: &PermGroup,
    s: &SubgroupClasses,
    e: &EnumeratedGroup,
    r: &serde_json::Value,
) {
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
    assert!(
        s.classes.windows(2).all(|w| w[0].order <= w[1].order),
        "{name}: ascending"
    );
    for h in &s.classes {
        let sub = PermGroup::new(g.degree(), h.generators.clone()).unwrap();
        assert_eq!(sub.order_u64(), Some(h.order), "{name}");
        assert_eq!(h.elements.len() as u64, h.order, "{name}");
        for &x in h.elements.iter().step_by(1 + h.elements.len() / 16) {
            assert!(
                sub.contains(&e.element(x as usize)),
                "{name}: listed element outside <gens>"
            );
        }
        for s in &h.normalizer_generators {
            for x in &h.generators {
                assert!(
                    sub.contains(&(&(&s.inverse() * x) * s)),
                    "{name}: normalizer"
                );
            }
        }
    }
}

#[test]
fn large_groups_match_gap() {
    let gap = gap_records("subgroup-classes-large.json");
    assert_eq!(gap.len(), 6);
    for (name, r) in &gap {
        let g = parse_group(name).unwrap();
        assert_eq!(g.order_u64(), r["order"].as_u64(), "{name}");
        // Method::Auto: these groups are above 2048 elements, so this is the new method.
        let (e, _, s) = classes_by(&g, Method::Auto);
        assert_matches_gap(name, &g, &s, &e, r);
    }
}

#[test]
fn reference_groups_match_gap_by_transporters() {
    let gap = gap_records("subgroup-classes.json");
    let groups = reference_groups();
    assert_eq!(groups.len(), 43);
    for (name, g) in groups {
        let (e, _, s) = classes_by(&g, Method::Transporters);
        assert_matches_gap(&name, &g, &s, &e, &gap[&name]);
    }
}

/// Per class: order, normalizer order, length and the number of its elements in each
/// element class — sorted, so that the two methods' outputs compare as multisets.
fn invariants(c: &ConjugacyClasses, s: &SubgroupClasses) -> Vec<(u64, u64, u64, Vec<u32>)> {
    let mut out: Vec<_> = s
        .classes
        .iter()
        .map(|h| {
            let mut dist = vec![0u32; c.len()];
            for &x in &h.elements {
                dist[c.class_of[x as usize] as usize] += 1;
            }
            (h.order, h.normalizer_order, h.length, dist)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn transporters_agree_with_stored_conjugates() {
    for (name, g) in reference_groups().into_iter().chain(
        ["S5", "PSL(2,11)", "GL(2,3)", "SG72_40xC2"]
            .map(|n| (n.to_string(), parse_group(n).unwrap())),
    ) {
        let (_, c, old) = classes_by(&g, Method::StoredConjugates);
        let (_, _, new) = classes_by(&g, Method::Transporters);
        assert_eq!(invariants(&c, &old), invariants(&c, &new), "{name}");
    }
}

#[test]
fn auto_keeps_the_stored_conjugates_output_on_small_groups() {
    for name in ["S4", "A5", "SG96_64"] {
        let g = parse_group(name).unwrap();
        let (_, _, old) = classes_by(&g, Method::StoredConjugates);
        let (_, _, auto) = classes_by(&g, Method::Auto);
        assert_eq!(old, auto, "{name}");
    }
}

#[test]
fn transporters_limit_names_its_flag_and_is_deterministic() {
    let g = parse_group("A6").unwrap();
    let (_, _, a) = classes_by(&g, Method::Transporters);
    let (_, _, b) = classes_by(&g, Method::Transporters);
    assert_eq!(a, b);
    let e = g.enumerate(&Limits::default()).unwrap();
    let c = ConjugacyClasses::compute(&e, g.generators());
    let small = Limits {
        max_subgroups: 5,
        ..Limits::default()
    };
    match SubgroupClasses::compute_with(&g, &e, &c, &small, Method::Transporters) {
        Err(Error::Limit { kind, .. }) => assert_eq!(kind.flag(), "--max-subgroups"),
        other => panic!("expected a limit error, got {other:?}"),
    }
}
