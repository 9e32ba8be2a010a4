//! Tests of the character area: exact tables against GAP's for the 43 reference groups,
//! a law suite run on every table built here, random small groups, tampering, limits,
//! and the modular engine.

use plrep::arith::modp::{linalg, poly, prime_congruent_one, PrimeField};
use plrep::arith::{Cyclotomic, Q};
use plrep::character::{check_character_table, dixon, CharacterTable, ClassInfo, Method, RootSum};
use plrep::group::{ConjugacyClasses, EnumeratedGroup, Limits, Perm, PermGroup};
use plrep::Error;
use std::path::Path;

fn load(path: &Path) -> (PermGroup, serde_json::Value) {
    let text = std::fs::read_to_string(path).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    (
        plrep::group::spec::group_from_json(&text, "reference").unwrap(),
        v,
    )
}

fn build(g: &PermGroup) -> (EnumeratedGroup, ConjugacyClasses, CharacterTable) {
    let e = g.enumerate(&Limits::default()).unwrap();
    let cc = ConjugacyClasses::compute(&e, g.generators());
    let t = CharacterTable::from_classes(&e, &cc).unwrap();
    (e, cc, t)
}

/// The law suite, run on every table the tests build.
fn check_laws(t: &CharacterTable) {
    check_character_table(t).unwrap();
    let k = t.num_classes();
    let n = t.order;
    assert_eq!(t.characters.len(), k);
    assert_eq!(t.degrees().iter().map(|d| d * d).sum::<u64>(), n);
    // trivial first, then by degree
    assert!(t.characters[0]
        .values
        .iter()
        .all(|v| *v == Cyclotomic::one()));
    assert!(t.degrees().windows(2).all(|w| w[0] <= w[1]));
    for chi in &t.characters {
        assert_eq!(
            n % chi.degree,
            0,
            "degree {} does not divide {n}",
            chi.degree
        );
        assert_eq!(chi.values[0], Cyclotomic::from_int(chi.degree as i64));
        // central character values |C| chi(g) / chi(1) are algebraic integers
        for i in 0..k {
            let omega = chi.values[i].scale(&Q::new(t.sizes[i] as i64, chi.degree as i64));
            assert!(omega.is_integral(), "omega = {omega} is not integral");
        }
        // indicator: nu = 1/|G| sum |C| chi(g^2), and real iff nu != 0
        let sq = t.power_map(2);
        let nu: Cyclotomic = (0..k)
            .map(|i| chi.values[sq[i]].scale(&Q::new(t.sizes[i] as i64, n as i64)))
            .sum();
        assert_eq!(nu, Cyclotomic::from_int(chi.indicator as i64));
        let real = chi.values.iter().all(|v| v.conj() == *v);
        assert_eq!(real, chi.indicator != 0);
    }
    // exact orthogonality in the cyclotomic field (small tables only: k^3 products)
    if k <= 40 {
        for a in 0..k {
            for b in a..k {
                let s: Cyclotomic = (0..k)
                    .map(|i| {
                        (&t.characters[a].values[i] * &t.characters[b].values[i].conj())
                            .scale(&Q::from_int(t.sizes[i] as i64))
                    })
                    .sum();
                let expect = if a == b {
                    Cyclotomic::from_int(n as i64)
                } else {
                    Cyclotomic::zero()
                };
                assert_eq!(s, expect, "rows {a}, {b}");
            }
        }
        for i in 0..k {
            for j in i..k {
                let s: Cyclotomic = t
                    .characters
                    .iter()
                    .map(|c| &c.values[i] * &c.values[j].conj())
                    .sum();
                let expect = if i == j {
                    Cyclotomic::from_int(t.centralizer_orders[i] as i64)
                } else {
                    Cyclotomic::zero()
                };
                assert_eq!(s, expect, "columns {i}, {j}");
            }
        }
    }
}

#[test]
fn reference_tables_equal_gap() {
    let paths = crate::support::reference_files();
    assert_eq!(paths.len(), 43);
    for path in paths {
        let (g, v) = load(&path);
        let name = v["name"].as_str().unwrap().to_string();
        let (e, cc, t) = build(&g);
        check_laws(&t);
        assert_eq!(t.order, v["order"].as_u64().unwrap(), "{name}");
        assert_eq!(t.exponent, v["exponent"].as_u64().unwrap(), "{name}");
        let ref_classes = v["classes"].as_array().unwrap();
        let k = t.num_classes();
        assert_eq!(ref_classes.len(), k, "{name}: number of classes");
        // match classes by conjugacy of the representatives
        let mut ours = vec![usize::MAX; k];
        let mut hit = vec![false; k];
        for (r, c) in ref_classes.iter().enumerate() {
            let rep = Perm::parse_gap(c["rep"].as_str().unwrap(), g.degree()).unwrap();
            let idx = cc.class_of_perm(&e, &rep).unwrap();
            assert!(
                !hit[idx],
                "{name}: two reference classes map to class {idx}"
            );
            hit[idx] = true;
            ours[r] = idx;
            assert_eq!(
                t.sizes[idx],
                c["size"].as_u64().unwrap(),
                "{name}: class size"
            );
            assert_eq!(
                t.orders[idx],
                c["element_order"].as_u64().unwrap(),
                "{name}: element order"
            );
        }
        // match characters as exact value vectors
        let ref_chars = v["characters"].as_array().unwrap();
        let ref_ind = v["indicators"].as_array().unwrap();
        assert_eq!(ref_chars.len(), k);
        let mut used = vec![false; k];
        for (a, row) in ref_chars.iter().enumerate() {
            let mut vals = vec![Cyclotomic::zero(); k];
            for (r, s) in row.as_array().unwrap().iter().enumerate() {
                vals[ours[r]] = s.as_str().unwrap().parse::<Cyclotomic>().unwrap();
            }
            let found = t.characters.iter().position(|c| c.values == vals);
            let Some(b) = found else {
                panic!("{name}: GAP's character {a} {row} is not in our table")
            };
            assert!(!used[b], "{name}: character matched twice");
            used[b] = true;
            assert_eq!(
                t.characters[b].indicator as i64,
                ref_ind[a].as_i64().unwrap(),
                "{name}: indicator of {a}"
            );
        }
        let abelian = v["is_abelian"].as_bool().unwrap();
        assert_eq!(t.method == Method::Abelian, abelian, "{name}: method");
    }
}

use crate::support::xorshift;

fn random_perm(n: usize, state: &mut u64) -> Perm {
    let mut images: Vec<u32> = (0..n as u32).collect();
    for i in (1..n).rev() {
        let j = (xorshift(state) % (i as u64 + 1)) as usize;
        images.swap(i, j);
    }
    Perm::from_images(images).unwrap()
}

#[test]
fn random_small_groups_satisfy_the_laws() {
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    for round in 0..40 {
        let n = 3 + (xorshift(&mut state) % 5) as usize; // 3..=7
        let gens = 2 + (xorshift(&mut state) % 2) as usize;
        let mut perms: Vec<Perm> = (0..gens).map(|_| random_perm(n, &mut state)).collect();
        if round % 3 == 0 {
            // make some smaller groups: a generator and a power of another
            perms[1] = perms[0].pow(2);
        }
        let g = PermGroup::new(n, perms).unwrap();
        let (_, _, t) = build(&g);
        check_laws(&t);
    }
}

#[test]
fn abelian_path_agrees_with_dixon_schneider() {
    // C2 x C4 x C6 and C3 x C9 on disjoint points
    for gens in [
        vec!["(1,2)", "(3,4,5,6)", "(7,8,9,10,11,12)"],
        vec!["(1,2,3)", "(4,5,6,7,8,9,10,11,12)"],
    ] {
        let perms: Vec<Perm> = gens
            .iter()
            .map(|s| Perm::parse_gap(s, 12).unwrap())
            .collect();
        let g = PermGroup::new(12, perms).unwrap();
        let (e, cc, t) = build(&g);
        assert_eq!(t.method, Method::Abelian);
        check_laws(&t);
        let ci = ClassInfo::new(&e, &cc);
        let m = dixon::dixon_schneider_mod_p(&e, &ci).unwrap();
        let mut rows = dixon::lift(&ci, &m).unwrap();
        rows.sort();
        let mut ours: Vec<Vec<RootSum>> =
            t.characters.iter().map(|c| c.root_sums.clone()).collect();
        ours.sort();
        assert_eq!(rows, ours);
    }
}

#[test]
fn tampered_tables_fail_the_check() {
    let s4 = PermGroup::new(
        4,
        vec![
            Perm::parse_gap("(1,2,3,4)", 4).unwrap(),
            Perm::parse_gap("(1,2)", 4).unwrap(),
        ],
    )
    .unwrap();
    let (_, _, t) = build(&s4);
    check_character_table(&t).unwrap();
    let is_verification = |r: plrep::Result<()>| matches!(r, Err(Error::Verification(_)));
    // a value changed consistently in both forms: orthogonality fails
    let mut bad = t.clone();
    let i = 2;
    let chi = &mut bad.characters[3];
    let other = if chi.root_sums[i] == RootSum::integer(0) {
        RootSum::integer(1)
    } else {
        RootSum::integer(0)
    };
    chi.root_sums[i] = other.clone();
    chi.values[i] = other.to_cyclotomic();
    assert!(is_verification(check_character_table(&bad)));
    // a value changed only in the cyclotomic form
    let mut bad = t.clone();
    bad.characters[1].values[1] = Cyclotomic::from_int(7);
    assert!(is_verification(check_character_table(&bad)));
    // a character dropped
    let mut bad = t.clone();
    bad.characters.pop();
    assert!(is_verification(check_character_table(&bad)));
    // a wrong indicator
    let mut bad = t.clone();
    bad.characters[4].indicator = -1;
    assert!(is_verification(check_character_table(&bad)));
    // a degree that does not match the value at the identity
    let mut bad = t;
    bad.characters[0].degree = 2;
    assert!(is_verification(check_character_table(&bad)));
}

#[test]
fn limits_are_enforced() {
    let s6 = PermGroup::new(
        6,
        vec![
            Perm::parse_gap("(1,2,3,4,5,6)", 6).unwrap(),
            Perm::parse_gap("(1,2)", 6).unwrap(),
        ],
    )
    .unwrap();
    let limits = Limits {
        max_order: 100,
        ..Limits::default()
    };
    match CharacterTable::compute(&s6, &limits) {
        Err(Error::Limit { kind, .. }) => assert_eq!(kind.flag(), "--max-order"),
        other => panic!("expected a limit error, got {other:?}"),
    }
    match CharacterTable::compute_with(&s6, &Limits::default(), 5) {
        Err(Error::Limit { kind, .. }) => assert_eq!(kind.flag(), "--max-classes"),
        other => panic!("expected a limit error, got {other:?}"),
    }
}

#[test]
fn trivial_group_and_power_maps() {
    let c1 = PermGroup::new(1, vec![Perm::identity(1)]).unwrap();
    let t = CharacterTable::compute(&c1, &Limits::default()).unwrap();
    assert_eq!(t.num_classes(), 1);
    check_laws(&t);
    let a5 = PermGroup::new(
        5,
        vec![
            Perm::parse_gap("(1,2,3,4,5)", 5).unwrap(),
            Perm::parse_gap("(1,2,3)", 5).unwrap(),
        ],
    )
    .unwrap();
    let t = CharacterTable::compute(&a5, &Limits::default()).unwrap();
    assert_eq!(t.degrees(), vec![1, 3, 3, 4, 5]);
    let maps = t.prime_power_maps();
    assert_eq!(maps.keys().copied().collect::<Vec<_>>(), vec![2, 3, 5]);
    assert!(maps[&5].iter().all(|&c| t.orders[c] != 5));
    assert_eq!(t.inverse_classes(), (0..5).collect::<Vec<_>>());
}

#[test]
fn modp_engine() {
    // field laws on a mid-size prime, roots against brute force, nullspace
    let p = prime_congruent_one(60, 1000);
    let f = PrimeField::new(p);
    let mut s = 12345u64;
    for _ in 0..200 {
        let (a, b, c) = (
            xorshift(&mut s) % p,
            xorshift(&mut s) % p,
            xorshift(&mut s) % p,
        );
        assert_eq!(f.mul(a, f.add(b, c)), f.add(f.mul(a, b), f.mul(a, c)));
        assert_eq!(f.mul(f.mul(a, b), c), f.mul(a, f.mul(b, c)));
        if a != 0 {
            assert_eq!(f.mul(a, f.inv(a)), 1);
        }
    }
    let z = f.root_of_unity(60);
    let small = PrimeField::new(61);
    for code in 0..2000u64 {
        let poly_: Vec<u64> = vec![code % 61, (code / 61) % 61, 1];
        let brute: Vec<u64> = (0..61)
            .filter(|&x| poly::eval(&small, &poly_, x) == 0)
            .collect();
        assert_eq!(poly::roots(&small, &poly_), brute);
    }
    // x^60 - 1 splits completely mod p
    let mut xe = vec![0u64; 61];
    xe[0] = p - 1;
    xe[60] = 1;
    assert_eq!(poly::roots(&f, &xe).len(), 60);
    assert_eq!(poly::eval(&f, &xe, z), 0);
    let m = vec![vec![1, 2, 3], vec![2, 4, 6], vec![1, 0, 1]];
    let ns = linalg::nullspace(&f, &m, 3);
    assert_eq!(ns.len(), 1);
    assert!(linalg::mul_vec(&f, &m, &ns[0]).iter().all(|&x| x == 0));
}

#[test]
fn more_classes_than_the_prime() {
    // C2^7 x S3: 384 classes, exponent 6, and Dixon-Schneider's prime is 103 < k:
    // eigenvalue multiplicities exceed p, which the root finding must survive.
    let mut gens: Vec<Perm> = (0..7)
        .map(|i| Perm::from_cycles(17, &[vec![2 * i, 2 * i + 1]]).unwrap())
        .collect();
    gens.push(Perm::from_cycles(17, &[vec![14, 15, 16]]).unwrap());
    gens.push(Perm::from_cycles(17, &[vec![14, 15]]).unwrap());
    let g = PermGroup::new(17, gens).unwrap();
    let (_, _, t) = build(&g);
    assert_eq!(t.num_classes(), 384);
    assert_eq!(t.method, Method::DixonSchneider);
    check_character_table(&t).unwrap();
    assert_eq!(t.degrees().iter().filter(|&&d| d == 2).count(), 128);
}

/// The table of a direct product (docs/theory.md §29) from its factors, against
/// Dixon–Schneider on the same classes: catalog products with consecutive factors, a
/// product whose factors' points interleave, and a fixed point that belongs to neither.
#[test]
fn direct_product_tables_equal_dixon_schneider() {
    let limits = Limits::default();
    let mut groups: Vec<(String, PermGroup)> = [
        "S3xC30",
        "D8xC20",
        "Q8xC16",
        "A4xC24",
        "S3xS3xC8",
        "D10xD10xC5",
    ]
    .iter()
    .map(|s| (s.to_string(), plrep::group::spec::parse_group(s).unwrap()))
    .collect();
    // S3 on {0, 2, 4}, C35 on {1, 3, 5, ..} and 40 (a 5-cycle and a 7-cycle), point 6 fixed.
    let p = |c: &[Vec<usize>]| Perm::from_cycles(41, c).unwrap();
    let odd: Vec<usize> = vec![1, 3, 5, 7, 9];
    let seven: Vec<usize> = vec![11, 13, 15, 17, 19, 21, 40];
    groups.push((
        "interleaved S3xC35".into(),
        PermGroup::new(
            41,
            vec![p(&[vec![0, 2, 4]]), p(&[vec![0, 2]]), p(&[odd, seven])],
        )
        .unwrap(),
    ));
    for (name, g) in groups {
        let e = g.enumerate(&limits).unwrap();
        let cc = ConjugacyClasses::compute(&e, g.generators());
        let t = CharacterTable::from_group_classes(&g, &e, &cc, &limits).unwrap();
        assert!(
            t.num_classes() >= plrep::character::table::PRODUCT_MIN_CLASSES,
            "{name}"
        );
        assert_eq!(t.method, Method::DirectProduct, "{name}");
        let dixon = CharacterTable::from_classes(&e, &cc).unwrap();
        assert_eq!(dixon.method, Method::DixonSchneider, "{name}");
        assert_eq!(t.characters, dixon.characters, "{name}");
        check_laws(&t);
    }
}

/// Groups the product route must leave to Dixon–Schneider: a subdirect product that is
/// not direct (the pairs of `S4 x S4` of equal sign: both projections are `S4`, the
/// order is half of `|S4|^2`), a product with fewer than `PRODUCT_MIN_CLASSES` classes,
/// and a transitive group.
#[test]
fn product_route_declines_what_is_not_a_large_direct_product() {
    let limits = Limits::default();
    let p = |c: &[Vec<usize>]| Perm::from_cycles(8, c).unwrap();
    let even_pairs = PermGroup::new(
        8,
        vec![
            p(&[vec![0, 1, 2]]),
            p(&[vec![4, 5, 6]]),
            p(&[vec![0, 1, 2, 3], vec![4, 5, 6, 7]]),
            p(&[vec![0, 1], vec![4, 5]]),
        ],
    )
    .unwrap();
    assert_eq!(even_pairs.order_u64(), Some(288));
    let small = plrep::group::spec::parse_group("S3xC4").unwrap();
    let transitive = plrep::group::spec::parse_group("SG96_64").unwrap();
    for g in [even_pairs, small, transitive] {
        let e = g.enumerate(&limits).unwrap();
        let cc = ConjugacyClasses::compute(&e, g.generators());
        let t = CharacterTable::from_group_classes(&g, &e, &cc, &limits).unwrap();
        assert_eq!(t.method, Method::DixonSchneider);
        check_laws(&t);
    }
}
