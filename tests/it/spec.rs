//! Tests of the spec area: catalog families (orders, structure), named groups (declared
//! orders, aliases), products, generator strings, JSON documents, and every bad input.
//! Reference class data: `tests/data/reference` (GAP 4.12, see tests/data/PROVENANCE.md).

use num_bigint::BigUint;
use plrep::group::catalog::{self, catalog_names, named_groups};
use plrep::group::spec::{group_from_json, parse_generators, parse_group};
use plrep::group::{ConjugacyClasses, Limits, Perm, PermGroup};
use plrep::Error;
use std::collections::BTreeMap;

fn order(spec: &str) -> BigUint {
    parse_group(spec)
        .unwrap_or_else(|e| panic!("{spec}: {e}"))
        .order()
}

fn factorial(n: u64) -> BigUint {
    (1..=n).map(BigUint::from).product()
}

/// Multiset of (class size, element order) of a group.
fn class_stats(g: &PermGroup) -> BTreeMap<(u64, u64), usize> {
    let e = g.enumerate(&Limits::default()).unwrap();
    let c = ConjugacyClasses::compute(&e, g.generators());
    let mut m = BTreeMap::new();
    for i in 0..c.len() {
        *m.entry((c.sizes[i], c.orders[i])).or_insert(0) += 1;
    }
    m
}

fn is_bad(r: Result<PermGroup, Error>) -> String {
    match r {
        Err(Error::BadInput { what, hint }) => {
            assert!(!hint.is_empty(), "no hint for {what}");
            assert!(!what.contains('\n') && !hint.contains('\n'));
            format!("{what} ({hint})")
        }
        Err(e) => panic!("expected bad input, got {e}"),
        Ok(g) => panic!("expected bad input, got a group of order {}", g.order()),
    }
}

#[test]
fn family_orders() {
    for n in 1..=12u64 {
        assert_eq!(order(&format!("C{n}")), BigUint::from(n));
        assert_eq!(order(&format!("S{n}")), factorial(n));
        let a = if n <= 1 {
            BigUint::from(1u32)
        } else {
            factorial(n) / 2u32
        };
        assert_eq!(order(&format!("A{n}")), a, "A{n}");
        assert_eq!(
            order(&format!("D{}", 2 * n)),
            BigUint::from(2 * n),
            "D{}",
            2 * n
        );
    }
    for n in 2..=12u64 {
        assert_eq!(order(&format!("Q{}", 4 * n)), BigUint::from(4 * n));
        assert_eq!(order(&format!("Dic{n}")), BigUint::from(4 * n));
    }
    for p in [2u64, 3, 5, 7, 11, 13, 17, 31] {
        let expected = p * (p * p - 1) / if p == 2 { 1 } else { 2 };
        assert_eq!(
            order(&format!("PSL(2,{p})")),
            BigUint::from(expected),
            "PSL(2,{p})"
        );
        assert_eq!(order(&format!("PSL2_{p}")), BigUint::from(expected));
        assert_eq!(
            parse_group(&format!("PSL(2,{p})")).unwrap().degree(),
            (p + 1) as usize
        );
    }
    assert_eq!(order("S20").to_string(), "2432902008176640000");
}

#[test]
fn dihedral_named_by_order() {
    let d8 = parse_group("D8").unwrap();
    assert_eq!(d8.degree(), 4);
    assert!(!d8.is_abelian());
    let d2 = parse_group("D2").unwrap();
    assert_eq!((d2.degree(), d2.order()), (2, BigUint::from(2u32)));
    let d4 = parse_group("D4").unwrap();
    assert!(d4.is_abelian());
    assert_eq!(class_stats(&d4), BTreeMap::from([((1, 1), 1), ((1, 2), 3)]));
}

#[test]
fn dicyclic_structure() {
    // Generalized quaternion groups have exactly one involution; Q8 has 6 elements of
    // order 4 in 3 classes.
    for order in [8u64, 16, 32] {
        let g = parse_group(&format!("Q{order}")).unwrap();
        let stats = class_stats(&g);
        let involutions: usize = stats
            .iter()
            .filter(|((_, o), _)| *o == 2)
            .map(|((s, _), k)| *s as usize * k)
            .sum();
        assert_eq!(involutions, 1, "Q{order}");
    }
    assert_eq!(
        class_stats(&parse_group("Q8").unwrap()),
        BTreeMap::from([((1, 1), 1), ((1, 2), 1), ((2, 4), 3)])
    );
    // Dic<n> = Q<4n>; the named Dic3 is the same group as Q12.
    assert_eq!(
        class_stats(&parse_group("Dic3").unwrap()),
        class_stats(&parse_group("Q12").unwrap())
    );
    assert_eq!(
        class_stats(&parse_group("Dic5").unwrap()),
        class_stats(&parse_group("Q20").unwrap())
    );
}

#[test]
fn products() {
    let g = parse_group("C2xS3").unwrap();
    assert_eq!((g.degree(), g.order()), (5, BigUint::from(12u32)));
    assert_eq!(g.name(), Some("C2xS3"));
    assert_eq!(g.orbits(), vec![vec![0, 1], vec![2, 3, 4]]);
    let g = parse_group("PSL(2,7)xC6").unwrap();
    assert_eq!((g.degree(), g.order()), (14, BigUint::from(1008u32)));
    assert_eq!(class_stats(&g).values().sum::<usize>(), 36); // as the GAP bench file says
    let g = parse_group("C2xC2xC2").unwrap();
    assert_eq!(g.order(), BigUint::from(8u32));
    assert!(g.is_abelian());
    let g = parse_group("M11xSL(2,3)").unwrap();
    assert_eq!(g.order(), BigUint::from(7920u64 * 24));
    let g = parse_group("C1xC1").unwrap();
    assert_eq!(g.order(), BigUint::from(1u32));
}

#[test]
fn named_groups_have_their_declared_orders() {
    let named = named_groups();
    assert!(named.len() >= 20);
    for n in &named {
        let g = parse_group(&n.name).unwrap();
        assert_eq!(g.order(), BigUint::from(n.order), "{}", n.name);
        assert_eq!(g.degree(), n.degree, "{}", n.name);
        assert_eq!(g.name(), Some(n.name.as_str()));
        assert!(!n.provenance.is_empty());
        for a in &n.aliases {
            assert_eq!(parse_group(a).unwrap().order(), g.order(), "alias {a}");
        }
    }
    for name in [
        "M11", "M12", "M22", "M23", "M24", "PSL(3,4)", "SL(2,3)", "GL(2,3)", "SL2_3", "GL2_3",
        "PSL3_4",
    ] {
        assert!(parse_group(name).is_ok(), "{name}");
    }
    assert_eq!(order("M24"), BigUint::from(244823040u64));
    assert_eq!(order("M23"), BigUint::from(10200960u64));
}

#[test]
fn gl23_is_smallgroup_48_29() {
    assert_eq!(
        class_stats(&parse_group("GL(2,3)").unwrap()),
        class_stats(&parse_group("SG48_29").unwrap())
    );
    assert_eq!(
        class_stats(&parse_group("SL(2,3)").unwrap()),
        class_stats(&parse_group("SL2_3").unwrap())
    );
}

/// Every reference group of GAP is reachable by its file name through the catalog, and
/// the catalog's group has the same classes (sizes and element orders) as GAP's.
#[test]
fn reference_names_resolve_to_the_same_groups() {
    let dir = crate::support::data("reference");
    let names: Vec<String> = crate::support::reference_files()
        .iter()
        .map(|p| crate::support::stem(p))
        .collect();
    assert_eq!(names.len(), 43);
    for name in names {
        let text = std::fs::read_to_string(dir.join(format!("{name}.json"))).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        let mut expected = BTreeMap::new();
        for c in v["classes"].as_array().unwrap() {
            *expected
                .entry((
                    c["size"].as_u64().unwrap(),
                    c["element_order"].as_u64().unwrap(),
                ))
                .or_insert(0) += 1;
        }
        let g = parse_group(&name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(class_stats(&g), expected, "{name}");
        // The file itself, read as a JSON group document, gives the same group.
        let f = group_from_json(&text, "fallback").unwrap();
        assert_eq!(f.name(), Some(name.as_str()));
        assert_eq!(f.order(), g.order(), "{name}");
    }
}

#[test]
fn generator_strings() {
    let g = parse_group("(1,2,3)(4,5),(1,2)").unwrap();
    assert_eq!(g.degree(), 5);
    assert_eq!(g.order(), BigUint::from(12u32));
    let h = parse_group("perm: (1,2,3)(4,5) , (1,2)").unwrap();
    assert_eq!(h.generators(), g.generators());
    assert_eq!(g.generators()[1], Perm::parse_gap("(1,2)", 5).unwrap());
    let trivial = parse_group("()").unwrap();
    assert_eq!(
        (trivial.degree(), trivial.order()),
        (1, BigUint::from(1u32))
    );
    let gens = parse_generators("(1,2),(3,4)", 6).unwrap();
    assert!(gens.iter().all(|p| p.degree() == 6));
    // Cycles multiply left to right, as GAP reads them.
    let p = &parse_generators("(1,2)(2,3)", 0).unwrap()[0];
    assert_eq!(p.to_string(), "(1,3,2)");
}

#[test]
fn bad_generator_strings() {
    for (spec, needle) in [
        ("(0,1)", "point 0"),
        ("(-1,2)", "point -1"),
        ("(1,2,1)", "repeated"),
        ("(1,2", "unbalanced"),
        ("(1,2))", "unbalanced"),
        ("((1,2))", "unbalanced"),
        ("(a,b)", "not a point"),
        ("(1,2),,(3,4)", "empty generator"),
        ("(1,2)x", "expected '('"),
        ("perm:", "no generators"),
        ("(1,,2)", "not a point"),
    ] {
        let msg = is_bad(parse_group(spec));
        assert!(msg.contains(needle), "{spec}: {msg}");
    }
}

#[test]
fn bad_catalog_names() {
    for (spec, needle) in [
        ("X17", "C<n>"),
        ("C0", "n >= 1"),
        ("S0", "n >= 1"),
        ("A0", "n >= 1"),
        ("D7", "named by their order, which is even"),
        ("D0", "even"),
        ("Q4", "4n >= 8"),
        ("Q10", "4n >= 8"),
        ("PSL(2,4)", "prime"),
        ("PSL(2,1)", "prime"),
        ("PSL(2,x)", "not a non-negative integer"),
        ("C2xX17", "C<n>"),
        ("C2x", "empty factor"),
        ("m12", "M12"),
        ("", "empty"),
        ("C99999999999999999999999", "too large"),
        ("S2000000", "too large"),
    ] {
        let msg = is_bad(parse_group(spec));
        assert!(msg.contains(needle), "{spec}: {msg}");
    }
}

#[test]
fn json_documents() {
    let g = group_from_json(r#"{"generators": ["(1,2,3)", "(1,2)"], "name": "S3"}"#, "x").unwrap();
    assert_eq!((g.name(), g.order()), (Some("S3"), BigUint::from(6u32)));
    let g = group_from_json(r#"{"generators": ["(1,2)"]}"#, "stem").unwrap();
    assert_eq!(g.name(), Some("stem"));
    let g = group_from_json(r#"{"generators": ["()"], "degree": 3}"#, "t").unwrap();
    assert_eq!((g.degree(), g.order()), (3, BigUint::from(1u32)));
    let g = group_from_json(r#"{"generators": []}"#, "t").unwrap();
    assert_eq!(g.order(), BigUint::from(1u32));
    for (text, needle) in [
        ("{", "malformed JSON"),
        ("[1,2]", "not an object"),
        (r#"{"name": "x"}"#, "no \"generators\""),
        (r#"{"generators": "(1,2)"}"#, "not an array"),
        (r#"{"generators": [12]}"#, "not a string"),
        (r#"{"generators": ["(1,2,2)"]}"#, "repeated"),
        (
            r#"{"generators": ["(1,5)"], "degree": 3}"#,
            "beyond the declared",
        ),
        (r#"{"generators": ["(1,2)"], "name": 7}"#, "not a string"),
        (r#"{"generators": ["(1,2)"], "degree": -1}"#, "degree"),
    ] {
        let msg = is_bad(group_from_json(text, "x"));
        assert!(msg.contains(needle), "{text}: {msg}");
    }
}

#[test]
fn catalog_listing() {
    let names = catalog_names();
    let has = |n: &str| names.iter().any(|e| e.name == n);
    for n in [
        "C<n>", "D<2n>", "Q<4n>", "S<n>", "A<n>", "PSL(2,p)", "AxB", "M12", "SL(2,3)", "GL(2,3)",
        "SG48_29",
    ] {
        assert!(has(n), "{n}");
    }
    assert!(names.iter().all(|e| !e.description.is_empty()));
    // Direct constructors.
    assert_eq!(
        catalog::symmetric(5).unwrap().order(),
        BigUint::from(120u32)
    );
    let p = catalog::direct_product(&[catalog::cyclic(2).unwrap(), catalog::cyclic(3).unwrap()])
        .unwrap();
    assert_eq!(p.orbits(), vec![vec![0, 1], vec![2, 3, 4]]);
}
