//! The worked examples (`plrep::examples`, arXiv:2408.00949): one snapshot per example, and the
//! exact values asserted independently of the report's wording.

use plrep::arith::{Cyclotomic, Q};
use plrep::examples::{examples, find, get, run, ExampleOutput};
use plrep::group::Limits;
use plrep::Error;
use std::sync::OnceLock;

fn sqrt(n: i64) -> Cyclotomic {
    Cyclotomic::sqrt_of_rational(&Q::from_int(n)).unwrap()
}

fn q(n: i64, d: i64) -> Cyclotomic {
    Cyclotomic::from_q(Q::new(n, d))
}

/// Every example run once (shared by the snapshot and value tests).
fn outputs() -> &'static Vec<(String, ExampleOutput)> {
    static OUT: OnceLock<Vec<(String, ExampleOutput)>> = OnceLock::new();
    OUT.get_or_init(|| {
        examples()
            .iter()
            .map(|e| (e.name.to_string(), run(e.name, &Limits::default()).unwrap()))
            .collect()
    })
}

fn out(name: &str) -> &'static ExampleOutput {
    &outputs().iter().find(|(n, _)| n == name).unwrap().1
}

fn val(name: &str, key: &str) -> Cyclotomic {
    out(name)
        .value(key)
        .unwrap_or_else(|| panic!("{name}: no value {key}"))
        .clone()
}

fn int(name: &str, key: &str) -> i64 {
    val(name, key)
        .to_q()
        .and_then(|q| q.to_i64())
        .unwrap_or_else(|| panic!("{name}: {key} is not an integer"))
}

#[test]
fn snapshots() {
    assert!(outputs().len() >= 12);
    for (name, o) in outputs() {
        insta::assert_snapshot!(format!("example_{name}"), o.text);
    }
}

#[test]
fn registry_is_sorted_unique_and_findable() {
    let names: Vec<&str> = examples().iter().map(|e| e.name).collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(names, sorted);
    assert!(names.len() >= 12);
    for n in &names {
        assert_eq!(find(n).unwrap().name, *n);
    }
    // Deterministic: a second run gives the same report.
    assert_eq!(
        &run("relu-commuting-matrices", &Limits::default()).unwrap(),
        out("relu-commuting-matrices")
    );
}

#[test]
fn unknown_example_is_bad_input_with_the_names() {
    assert!(find("nope").is_none());
    let e = get("nope").unwrap_err();
    assert!(matches!(e, Error::BadInput { .. }), "{e:?}");
    let msg = e.to_string();
    assert!(
        msg.contains("c8-relu") && msg.contains("filtration-d8"),
        "{msg}"
    );
    assert!(run("nope", &Limits::default()).is_err());
}

#[test]
fn cyclic_values() {
    assert_eq!(
        val("c8-relu", "L0"),
        (Cyclotomic::one() + sqrt(2)).scale(&Q::new(1, 8))
    );
    assert_eq!(
        val("c8-relu", "L4"),
        (Cyclotomic::one() - sqrt(2)).scale(&Q::new(1, 8))
    );
    assert_eq!(val("c8-relu", "L2"), q(1, 4));
    assert_eq!(val("c8-relu", "L1"), q(1, 2));
    assert_eq!(val("c8-relu", "L3"), q(0, 1));
    assert_eq!(int("c8-relu", "unresolved"), 0);
    assert_eq!(
        val("c5-trivial", "mean"),
        (Cyclotomic::one() + sqrt(5)).scale(&Q::new(1, 10))
    );
    assert_eq!(val("c3-c4-trivial", "c3_0_1"), q(1, 3));
    assert_eq!(
        val("c3-c4-trivial", "c3_1_0"),
        (sqrt(3).scale(&Q::from_int(2))).inv()
    );
    assert_eq!(val("c3-c4-trivial", "c4_0"), q(1, 4));
    assert_eq!(int("c3-c4-trivial", "c4_formula_holds"), 1);
}

#[test]
fn fourier_values() {
    let r = |k: &str| val("fourier-relu", k);
    assert_eq!(r("cos0_over_pi"), q(1, 1));
    assert_eq!(r("sin1_rational"), q(1, 2));
    for m in 1..=5i64 {
        assert_eq!(r(&format!("cos{}_over_pi", 2 * m)), q(-2, 4 * m * m - 1));
        assert_eq!(
            val("fourier-abs", &format!("cos{}_over_pi", 2 * m)),
            q(-4, 4 * m * m - 1)
        );
        assert_eq!(r(&format!("cos{}_over_pi", 2 * m + 1)), q(0, 1));
    }
    assert_eq!(val("fourier-abs", "cos0_over_pi"), q(2, 1));
    assert_eq!(val("fourier-abs", "sin1_rational"), q(0, 1));
}

#[test]
fn symmetric_and_counting_values() {
    assert_eq!(val("sn-standard-trivial", "n3_0"), q(1, 3));
    assert_eq!(int("sn-standard-trivial", "all_equal"), 1);
    for n in 2..=7 {
        assert_eq!(int("counting-lemma", &format!("sn_points_{n}")), 2, "S{n}");
    }
    for n in 3..=4 {
        for d in 1..=3i64 {
            for d2 in 1..=3i64 {
                assert_eq!(
                    int("counting-lemma", &format!("cloud_{n}_{d}_{d2}")),
                    2 * d * d2
                );
            }
        }
    }
    for n in 2..=5i64 {
        assert_eq!(int("counting-lemma", &format!("image_{n}")), n * n);
        assert_eq!(
            int("counting-lemma", &format!("image_{n}_linear")),
            n.pow(4)
        );
    }
}

#[test]
fn matrix_and_c2_values() {
    assert_eq!(int("relu-commuting-matrices", "monomial_commuting"), 4);
    assert_eq!(
        int("relu-commuting-matrices", "non_monomial_failures"),
        int("relu-commuting-matrices", "non_monomial_samples")
    );
    assert_eq!(int("c2-pl-hom", "triv_triv"), 2);
    assert_eq!(int("c2-pl-hom", "sign_sign"), 1);
    assert_eq!(int("c2-pl-hom", "sign_triv"), 1);
    assert_eq!(int("c2-pl-hom", "triv_sign"), 0);
}

#[test]
fn dihedral_values() {
    for n in 2..=12i64 {
        let m = n / 2;
        let (count, ones) = if n % 2 == 0 { (m + 3, 4) } else { (m + 2, 2) };
        assert_eq!(
            int("dihedral-counts", &format!("d{}_simples", 2 * n)),
            count,
            "n = {n}"
        );
        assert_eq!(
            int("dihedral-counts", &format!("d{}_dim1", 2 * n)),
            ones,
            "n = {n}"
        );
    }
}

#[test]
fn exists_and_filtration_values() {
    // By hand from the kernels (T3): C8 kernels G, 1, <a^4>, 1, <a^2>; D8/Q8: G, three of
    // index 2, 1; S4: G, A4, V4, 1, 1. Non-linear fails only for one-dim non-trivial L -> L.
    for (name, pairs, nonzero, nonlinear) in [
        ("exists-c8", 25, 16, 15),
        ("exists-d8", 25, 12, 9),
        ("exists-q8", 25, 12, 9),
        ("exists-s4", 25, 16, 15),
    ] {
        assert_eq!(int(name, "pairs"), pairs, "{name}");
        assert_eq!(int(name, "nonzero"), nonzero, "{name}");
        assert_eq!(int(name, "nonlinear"), nonlinear, "{name}");
    }
    assert_eq!(int("filtration-c12", "normal_subgroups"), 6); // the divisors of 12
    assert_eq!(int("filtration-d8", "normal_subgroups"), 6); // 1, Z, three of order 4, G
    assert_eq!(int("filtration-c12", "violations"), 0);
    assert_eq!(int("filtration-d8", "violations"), 0);
    assert!(int("filtration-c12", "edges") > 0 && int("filtration-d8", "edges") > 0);
}
