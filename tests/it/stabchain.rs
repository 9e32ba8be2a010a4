//! Random Schreier–Sims against the deterministic reference, giant recognition, and
//! `plrep info` on large groups: the fast chain must give the same orders and the same
//! membership answers as [`StabChain::new`] on catalog groups and on seeded random
//! groups; catalog orders must match GAP's reference data; info must finish (and never
//! exit 3 for exponent or classes) on groups far beyond `--max-order`.

use crate::cli::{json, stdout};
use num_bigint::BigUint;
use plrep::group::catalog::lookup;
use plrep::group::giant::{giant_class_count, giant_exponent};
use plrep::group::stabchain::StabChain;
use plrep::group::{ConjugacyClasses, Limits, Perm, PermGroup};

/// xorshift64*, so that the random groups are reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn perm(&mut self, n: usize) -> Perm {
        let mut images: Vec<u32> = (0..n as u32).collect();
        for i in (1..n).rev() {
            images.swap(i, (self.next() % (i as u64 + 1)) as usize);
        }
        Perm::from_images(images).unwrap()
    }
}

/// Same order from both algorithms (with and without the known order), and the same
/// membership answer on `tests`.
fn assert_same_chains(name: &str, degree: usize, gens: &[Perm], tests: &[Perm]) {
    let reference = StabChain::new(degree, gens);
    let fast = StabChain::random(degree, gens, None);
    let hinted = StabChain::random(degree, gens, Some(&reference.order()));
    assert_eq!(fast.order(), reference.order(), "{name}: order");
    assert_eq!(hinted.order(), reference.order(), "{name}: order with hint");
    let group = PermGroup::new(degree, gens.to_vec()).unwrap();
    assert_eq!(group.order(), reference.order(), "{name}: PermGroup order");
    for x in tests {
        let want = reference.contains(x);
        assert_eq!(fast.contains(x), want, "{name}: membership of {x}");
        assert_eq!(hinted.contains(x), want, "{name}: membership of {x} (hint)");
        assert_eq!(
            group.contains(x),
            want,
            "{name}: PermGroup membership of {x}"
        );
    }
    // Every generator is a member; the transversals of the fast chain are members that
    // map base points where they say.
    assert!(gens.iter().all(|g| fast.contains(g)), "{name}");
    for (l, level) in fast.levels().iter().enumerate() {
        for &q in level.orbit().iter().take(20) {
            let u = level.transversal(q as usize);
            assert_eq!(u.apply(level.base_point()), q as usize, "{name}");
            assert!(reference.contains(&u), "{name}: transversal at level {l}");
        }
    }
}

/// Test permutations: random ones of `S_degree` (mostly non-members) and members
/// (products of generators).
fn test_perms(rng: &mut Rng, degree: usize, gens: &[Perm]) -> Vec<Perm> {
    let mut out: Vec<Perm> = (0..20).map(|_| rng.perm(degree)).collect();
    let mut x = Perm::identity(degree);
    for _ in 0..20 {
        if !gens.is_empty() {
            x = &x * &gens[(rng.next() % gens.len() as u64) as usize];
        }
        out.push(x.clone());
        // A member times a transposition: a near miss.
        if degree >= 2 {
            let mut t: Vec<u32> = (0..degree as u32).collect();
            t.swap(0, degree - 1);
            out.push(&x * &Perm::from_images(t).unwrap());
        }
    }
    out
}

#[test]
fn random_schreier_sims_agrees_with_the_reference_on_catalog_groups() {
    let mut names: Vec<String> = Vec::new();
    for n in 1..=12 {
        names.push(format!("C{n}"));
        names.push(format!("S{}", n.min(9)));
        names.push(format!("A{}", n.min(10)));
    }
    for n in (2..=30).step_by(2) {
        names.push(format!("D{n}"));
    }
    for n in [8, 12, 16, 20, 32] {
        names.push(format!("Q{n}"));
    }
    for p in [2, 3, 5, 7, 11, 13, 17, 19, 23] {
        names.push(format!("PSL(2,{p})"));
    }
    for s in [
        "M11",
        "M12",
        "M22",
        "M23",
        "M24",
        "PSL(3,4)",
        "PSL(2,49)",
        "SL(2,3)",
        "GL(2,3)",
        "Dic3",
        "S4wrC2",
        "SG16_3",
        "SG16_13",
        "SG27_3",
        "SG27_4",
        "SG32_49",
        "SG64_100",
        "SG72_40",
        "SG96_64",
        "SG384_5000",
        "C2xS3",
        "S3xS3xC2",
        "PSL(2,7)xC6",
        "A5xA5",
        "C6xC10xC15",
    ] {
        names.push(s.to_string());
    }
    let mut rng = Rng(0x5EED);
    for name in names {
        let g = lookup(&name).unwrap_or_else(|e| panic!("{name}: {e}"));
        let tests = test_perms(&mut rng, g.degree(), g.generators());
        assert_same_chains(&name, g.degree(), g.generators(), &tests);
        // The catalog's group (known order, giant recognition) agrees too.
        assert_eq!(g.order(), g.stab_chain().order(), "{name}");
        for x in &tests {
            assert_eq!(g.contains(x), g.stab_chain().contains(x), "{name}: {x}");
        }
    }
}

#[test]
fn random_schreier_sims_agrees_with_the_reference_on_random_groups() {
    let mut rng = Rng(12);
    for round in 0..150 {
        let n = 2 + (rng.next() % 11) as usize; // 2..=12
        let k = 1 + (rng.next() % 3) as usize;
        let mut gens: Vec<Perm> = (0..k).map(|_| rng.perm(n)).collect();
        // Sometimes small subgroups: powers, or an element with a fixed block.
        if round % 3 == 0 {
            gens[0] = gens[0].pow(2 + (rng.next() % 3) as i64);
        }
        if round % 5 == 0 && n >= 4 {
            let mut images: Vec<u32> = (0..n as u32).collect();
            images.swap(0, 1);
            images.swap(2, 3);
            gens.push(Perm::from_images(images).unwrap());
        }
        let tests = test_perms(&mut rng, n, &gens);
        assert_same_chains(
            &format!("random group {round} on {n} points"),
            n,
            &gens,
            &tests,
        );
    }
}

/// Many generators (more than the random algorithm starts from) and redundant ones.
#[test]
fn many_generators_are_all_in_the_group() {
    let mut rng = Rng(99);
    let a = rng.perm(9).pow(3);
    let b = rng.perm(9).pow(2);
    let mut gens = vec![a.clone(), b.clone()];
    for _ in 0..40 {
        let x = &gens[(rng.next() % gens.len() as u64) as usize] * &gens[0];
        gens.push(x);
    }
    let tests = test_perms(&mut rng, 9, &gens);
    assert_same_chains("40 redundant generators", 9, &gens, &tests);
    // 500 random elements of S_12: the giant path, with membership by sign.
    let gens: Vec<Perm> = (0..500).map(|_| rng.perm(12)).collect();
    let g = PermGroup::new(12, gens.clone()).unwrap();
    assert_eq!(g.giant(), Some(true));
    assert_eq!(g.order(), g.stab_chain().order());
    for x in test_perms(&mut rng, 12, &gens) {
        assert_eq!(g.contains(&x), g.stab_chain().contains(&x));
    }
}

/// A wrong known order costs time, not correctness.
#[test]
fn wrong_known_orders_are_corrected() {
    let a5 = lookup("A5").unwrap();
    for wrong in [1u32, 30, 120, 7] {
        let g =
            PermGroup::with_known_order(5, a5.generators().to_vec(), BigUint::from(wrong)).unwrap();
        assert_eq!(g.order_u64(), Some(60), "hint {wrong}");
        let c = StabChain::random(5, a5.generators(), Some(&BigUint::from(wrong)));
        assert_eq!(c.order(), BigUint::from(60u32), "hint {wrong}");
    }
}

/// The catalog's orders (from formulas and Schreier–Sims) and the cheap invariants
/// agree with GAP's reference data.
#[test]
fn catalog_orders_and_cheap_invariants_match_gap() {
    let mut count = 0;
    for path in crate::support::reference_files() {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let g = lookup(&name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(g.order_u64(), v["order"].as_u64(), "{name}: order");
        assert_eq!(g.is_abelian(), v["is_abelian"].as_bool().unwrap(), "{name}");
        assert_eq!(
            g.is_solvable(),
            v["is_solvable"].as_bool().unwrap(),
            "{name}"
        );
        if let Some(b) = g.is_solvable_cheaply() {
            assert_eq!(b, v["is_solvable"].as_bool().unwrap(), "{name}: cheap");
        }
        if let Some(e) = g.exponent_cheaply() {
            assert_eq!(Some(e), v["exponent"].as_u64().map(BigUint::from), "{name}");
        }
        if let Some(c) = g.class_count_cheaply() {
            let want = v["classes"].as_array().unwrap().len();
            assert_eq!(c, BigUint::from(want), "{name}: classes");
        }
        count += 1;
    }
    assert_eq!(count, 43);
}

/// The giant formulas against enumeration (S_8, A_8, S_9, A_9 are recognised by
/// Jordan's theorem; their classes are computed by enumeration).
#[test]
fn giant_invariants_match_enumeration() {
    for name in ["S8", "A8", "S9", "A9"] {
        let g = lookup(name).unwrap();
        assert!(g.giant().is_some(), "{name}");
        let e = g.enumerate(&Limits::default()).unwrap();
        let c = ConjugacyClasses::compute(&e, g.generators());
        let alt = name.starts_with('A');
        let n = g.degree();
        assert_eq!(giant_exponent(n, alt), BigUint::from(c.exponent), "{name}");
        assert_eq!(giant_class_count(n, alt), BigUint::from(c.len()), "{name}");
        assert_eq!(
            g.derived_subgroup().order(),
            g.stab_chain().order() / if alt { 1u32 } else { 2 }
        );
    }
    // Transitive non-giants are not mistaken for giants.
    for name in ["M12", "M24", "PSL(2,13)", "PSL(3,4)", "D20", "S4wrC2"] {
        assert_eq!(lookup(name).unwrap().giant(), None, "{name}");
    }
}

#[test]
fn solvability_shortcuts_agree_with_the_derived_series() {
    // 2-transitive of composite degree (PSL(2,13) on 14 points), perfect (M11, A5xA5),
    // and groups with no shortcut (S4wrC2, SG384_5000: solvable; S3xS3xC2).
    for name in [
        "PSL(2,13)",
        "M11",
        "A5xA5",
        "S4wrC2",
        "SG384_5000",
        "S3xS3xC2",
        "A5xC2",
    ] {
        let g = lookup(name).unwrap();
        let mut d = g.clone();
        let solvable = loop {
            let next = d.derived_subgroup();
            if next.order_u64() == Some(1) {
                break true;
            }
            if next.order() == d.order() {
                break false;
            }
            d = next;
        };
        assert_eq!(g.is_solvable(), solvable, "{name}");
        if let Some(b) = g.is_solvable_cheaply() {
            assert_eq!(b, solvable, "{name}");
        }
    }
}

#[test]
fn info_on_large_groups_finishes_without_enumerating() {
    let text = stdout(&["info", "S1000"]);
    assert!(text.contains("solvable    no"), "{text}");
    assert!(text.contains("abelian     no"));
    let v = json(&["info", "A1000"]);
    let order = giant_order_string(1000, true);
    assert_eq!(v["group"]["order"].as_str(), Some(order.as_str()));
    assert_eq!(v["num_classes"].as_str().map(|s| s.len()), Some(32));
    let v = json(&["info", "C10000"]);
    assert_eq!(
        (v["exponent"].as_u64(), v["num_classes"].as_u64()),
        (Some(10000), Some(10000))
    );
    let v = json(&["info", "C100000", "--max-order", "10"]);
    assert_eq!(v["group"]["order"].as_u64(), Some(100000));
    assert_eq!(v["is_solvable"].as_bool(), Some(true));
    // Non-abelian, order within --max-order but tables beyond --max-memory-mb: reported.
    let text = stdout(&["info", "D20000"]);
    assert!(
        text.contains("not computed (enumeration tables above --max-memory-mb"),
        "{text}"
    );
    let v = json(&["info", "PSL(2,10007)"]);
    assert_eq!(
        v["group"]["order"].as_u64(),
        Some(10007 * (10007 * 10007 - 1) / 2)
    );
    assert_eq!(v["is_solvable"].as_bool(), Some(false));
}

fn giant_order_string(n: usize, alt: bool) -> String {
    plrep::group::giant::giant_order(n, alt).to_string()
}

#[test]
fn info_on_generated_files_with_a_long_cycle_and_many_generators() {
    let dir = std::env::temp_dir().join(format!("plrep-stabchain-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // One 200000-cycle.
    let n = 200_000;
    let cycle: Vec<String> = (1..=n).map(|i| i.to_string()).collect();
    let doc = serde_json::json!({ "generators": [format!("({})", cycle.join(","))] });
    let path = dir.join("long-cycle.json");
    std::fs::write(&path, doc.to_string()).unwrap();
    let v = json(&["info", path.to_str().unwrap()]);
    assert_eq!(v["group"]["order"].as_u64(), Some(n as u64));
    assert_eq!(v["exponent"].as_u64(), Some(n as u64));
    // 10^4 random elements of S_50 generate S_50 (some are odd).
    let mut rng = Rng(2024);
    let gens: Vec<String> = (0..10_000).map(|_| rng.perm(50).to_string()).collect();
    let doc = serde_json::json!({ "generators": gens, "degree": 50 });
    let path = dir.join("many-generators.json");
    std::fs::write(&path, doc.to_string()).unwrap();
    let v = json(&["info", path.to_str().unwrap()]);
    let s50 = giant_order_string(50, false);
    assert_eq!(v["group"]["order"].as_str(), Some(s50.as_str()));
    assert_eq!(v["num_classes"].as_u64(), Some(204226)); // p(50)
    assert_eq!(v["is_solvable"].as_bool(), Some(false));
    std::fs::remove_dir_all(&dir).unwrap();
}
