//! Tests of the Fourier view (`plrep::fourier`): the exact series of `sigma(sin x)`
//! against the closed forms (theory.md §8), a floating-point quadrature cross-check, the
//! discrete components on `C_n` against theory.md §8 and against the published interaction
//! graphs of `C_1..C_40`, JSON shapes, bad input, and snapshots.

use plrep::arith::{Cyclotomic, Q};
use plrep::fourier::{
    cyclic_components, fourier_series, parse_activation, quadratic_radical, require_homogeneous,
    PiForm, MAX_CYCLIC, MAX_TERMS,
};
use plrep::pl::Activation;
use plrep::Error;
use std::f64::consts::PI;

const TERMS: usize = 40;

fn q(s: &str) -> Q {
    s.parse().unwrap()
}

fn pf(rational: Q, over_pi: Q) -> PiForm {
    PiForm { rational, over_pi }
}

fn sqrt(n: i64) -> Cyclotomic {
    Cyclotomic::sqrt_of_rational(&Q::from_int(n)).unwrap()
}

fn cy(q: Q) -> Cyclotomic {
    Cyclotomic::from_q(q)
}

/// The closed form of `a sin x + b |sin x|` (theory.md §8):
/// `2b/pi + a sin x - (4b/pi) sum_m cos(2mx)/(4m^2-1)`.
fn closed_form(a: &Q, b: &Q, k: usize) -> (PiForm, PiForm) {
    let zero = PiForm::zero();
    match k {
        0 => (pf(Q::zero(), b * &Q::from_int(2)), zero),
        1 => (zero, pf(a.clone(), Q::zero())),
        k if k % 2 == 1 => (zero.clone(), zero),
        k => {
            let m = (k / 2) as i64;
            (pf(Q::zero(), b * &Q::new(-4, 4 * m * m - 1)), zero)
        }
    }
}

fn check_closed_form(name: &str, a: Q, b: Q) {
    let act = Activation::parse(name).unwrap();
    assert_eq!(
        act.homogeneous_parts(),
        Some((a.clone(), b.clone())),
        "{name}"
    );
    let s = fourier_series(&act, TERMS).unwrap();
    assert_eq!(s.coefficients.len(), TERMS);
    for c in &s.coefficients {
        let (cos, sin) = closed_form(&a, &b, c.k);
        assert_eq!((&c.cos, &c.sin), (&cos, &sin), "{name}: k = {}", c.k);
    }
}

#[test]
fn relu_closed_form_and_spec_values() {
    check_closed_form("relu", Q::new(1, 2), Q::new(1, 2));
    let s = fourier_series(&Activation::Relu, TERMS).unwrap();
    let c = &s.coefficients;
    assert_eq!(c[0].cos, pf(Q::zero(), Q::one())); // 1/pi
    assert_eq!(c[1].sin, pf(Q::new(1, 2), Q::zero()));
    assert_eq!(c[1].cos, PiForm::zero());
    assert_eq!(c[2].cos, pf(Q::zero(), Q::new(-2, 3)));
    assert_eq!(c[4].cos, pf(Q::zero(), Q::new(-2, 15)));
    for k in (3..TERMS).step_by(2) {
        assert!(c[k].cos.is_zero() && c[k].sin.is_zero(), "odd k = {k}");
    }
    assert_eq!(
        s.nonzero_frequencies(),
        [0, 1, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38]
    );
    assert!(
        s.formula().starts_with(
            "ReLU(sin x) = 1/pi + 1/2 sin x - 2/(3pi) cos 2x - 2/(15pi) cos 4x - 2/(35pi) cos 6x"
        ),
        "{}",
        s.formula()
    );
}

#[test]
fn abs_closed_form() {
    check_closed_form("abs", Q::zero(), Q::one());
    let s = fourier_series(&Activation::Abs, TERMS).unwrap();
    assert_eq!(s.coefficients[0].cos.to_string(), "2/pi");
    for m in 1..(TERMS as i64 / 2) {
        let c = &s.coefficients[2 * m as usize].cos;
        assert_eq!(c, &pf(Q::zero(), Q::new(-4, 4 * m * m - 1)), "m = {m}");
    }
    assert!(s.coefficients[1].sin.is_zero());
    assert!(s.text().contains("the fundamental is lost"));
}

#[test]
fn leaky_and_identity_closed_forms() {
    check_closed_form("leaky:1/10", Q::new(11, 20), Q::new(9, 20));
    check_closed_form("leaky:0.1", Q::new(11, 20), Q::new(9, 20));
    check_closed_form("leaky:-3/7", Q::new(2, 7), Q::new(5, 7));
    check_closed_form("leaky:2", Q::new(3, 2), Q::new(-1, 2));
    check_closed_form("leaky:1", Q::one(), Q::zero());
    check_closed_form("leaky:-1", Q::zero(), Q::one());
    check_closed_form("identity", Q::one(), Q::zero());
    let id = fourier_series(&Activation::Identity, 12).unwrap();
    assert_eq!(id.nonzero_frequencies(), [1]);
    assert_eq!(id.formula(), "id(sin x) = sin x");
    let leaky = fourier_series(&Activation::parse("leaky:1/10").unwrap(), 3).unwrap();
    assert_eq!(leaky.coefficients[0].cos.to_string(), "9/(10pi)");
    assert_eq!(
        leaky.formula(),
        "LeakyReLU[1/10](sin x) = 9/(10pi) + 11/20 sin x - 3/(5pi) cos 2x + ..."
    );
}

#[test]
fn pi_form_display() {
    assert_eq!(PiForm::zero().to_string(), "0");
    assert_eq!(pf(Q::new(1, 2), Q::zero()).to_string(), "1/2");
    assert_eq!(pf(Q::zero(), Q::one()).to_string(), "1/pi");
    assert_eq!(pf(Q::zero(), Q::new(-2, 3)).to_string(), "-2/(3pi)");
    assert_eq!(pf(Q::new(1, 2), Q::new(-2, 3)).to_string(), "1/2 - 2/(3pi)");
    assert_eq!(pf(Q::from_int(-1), Q::from_int(3)).to_string(), "-1 + 3/pi");
}

/// The exact coefficients against numerical quadrature (the midpoint rule on the periodic
/// integrand, 2^16 points), and the partial sums against `sigma(sin x)` within the tail
/// bound.
#[test]
fn floating_point_cross_check() {
    for name in ["relu", "abs", "leaky:1/10", "leaky:-2/3", "identity"] {
        let act = Activation::parse(name).unwrap();
        let (a, b) = act.homogeneous_parts().unwrap();
        let (a, b) = (a.to_f64(), b.to_f64());
        let sigma = |t: f64| a * t + b * t.abs();
        let s = fourier_series(&act, 24).unwrap();
        let n = 1 << 16;
        let h = 2.0 * PI / n as f64;
        for c in &s.coefficients {
            let k = c.k as f64;
            let (mut ic, mut is) = (0.0, 0.0);
            for i in 0..n {
                let x = (i as f64 + 0.5) * h;
                let f = sigma(x.sin());
                ic += f * (k * x).cos();
                is += f * (k * x).sin();
            }
            let (ac, bs) = if c.k == 0 {
                (ic * h / (2.0 * PI), 0.0)
            } else {
                (ic * h / PI, is * h / PI)
            };
            assert!(
                (ac - c.cos.to_f64()).abs() < 1e-7,
                "{name} a_{}: {ac} vs {}",
                c.k,
                c.cos
            );
            assert!(
                (bs - c.sin.to_f64()).abs() < 1e-7,
                "{name} b_{}: {bs} vs {}",
                c.k,
                c.sin
            );
        }
        for terms in [1, 2, 3, 12, 24] {
            let s = fourier_series(&act, terms).unwrap();
            let bound = s.tail_bound();
            for i in 0..=400 {
                let x = 2.0 * PI * i as f64 / 400.0;
                let err = (s.eval_partial(x) - sigma(x.sin())).abs();
                assert!(
                    err <= bound + 1e-12,
                    "{name}, {terms} terms, x = {x}: {err} > {bound}"
                );
            }
        }
        // The bound is attained at x = 0 (all omitted cosines equal 1) for homogeneous sigma.
        let s = fourier_series(&act, 12).unwrap();
        let err0 = (s.eval_partial(0.0) - sigma(0.0)).abs();
        assert!(
            (err0 - s.tail_bound()).abs() < 1e-12,
            "{name}: {err0} vs {}",
            s.tail_bound()
        );
    }
}

#[test]
fn fourier_json_shape() {
    let s = fourier_series(&Activation::Relu, 12).unwrap();
    let v = s.json();
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 3);
    assert_eq!(v["schema"], "plrep.fourier.v1");
    assert_eq!(v["activation"], "relu");
    let cs = v["coefficients"].as_array().unwrap();
    assert_eq!(cs.len(), 12);
    for (k, c) in cs.iter().enumerate() {
        let o = c.as_object().unwrap();
        assert_eq!(o.len(), 5);
        assert_eq!(c["k"], k);
        for f in ["cos_rational", "cos_over_pi", "sin_rational", "sin_over_pi"] {
            let text = c[f].as_str().unwrap();
            text.parse::<Q>().unwrap();
        }
    }
    assert_eq!(
        cs[0],
        serde_json::json!({"k": 0, "cos_rational": "0", "cos_over_pi": "1", "sin_rational": "0", "sin_over_pi": "0"})
    );
    assert_eq!(cs[1]["sin_rational"], "1/2");
    assert_eq!(cs[2]["cos_over_pi"], "-2/3");
    assert_eq!(cs[10]["cos_over_pi"], "-2/99");
    let leaky = fourier_series(&Activation::parse("leaky:0.01").unwrap(), 2)
        .unwrap()
        .json();
    assert_eq!(leaky["activation"], "leaky:1/100");
}

#[test]
fn bad_input() {
    for (text, needle) in [
        ("tanh", "unknown activation"),
        ("leaky:abc", "not a rational"),
        ("leaky:", "not a rational"),
        ("leaky:1/0", "not a rational"),
        ("", "unknown activation"),
    ] {
        match parse_activation(text) {
            Err(Error::BadInput { what, hint }) => {
                assert!(what.contains(needle), "{text}: {what}");
                assert!(!hint.is_empty());
            }
            other => panic!("{text}: {other:?}"),
        }
    }
    assert!(matches!(
        fourier_series(&Activation::Relu, 0),
        Err(Error::BadInput { .. })
    ));
    assert!(matches!(
        fourier_series(&Activation::Relu, MAX_TERMS + 1),
        Err(Error::BadInput { .. })
    ));
    assert!(fourier_series(&Activation::Relu, 1).is_ok());
    for n in [0, MAX_CYCLIC + 1] {
        match cyclic_components(&Activation::Relu, n) {
            Err(Error::BadInput { what, hint }) => {
                assert!(what.contains("--cyclic"), "{what}");
                assert!(hint.contains("1 <= n"), "{hint}");
            }
            other => panic!("n = {n}: {other:?}"),
        }
    }
}

#[test]
fn c8_relu_block() {
    let c = cyclic_components(&Activation::Relu, 8).unwrap();
    let cos: Vec<&Cyclotomic> = c.components.iter().map(|x| &x.cos).collect();
    let one = Cyclotomic::one();
    assert_eq!(cos.len(), 5);
    assert_eq!(*cos[0], (&one + &sqrt(2)).scale(&Q::new(1, 8)));
    assert_eq!(*cos[1], cy(Q::new(1, 2)));
    assert_eq!(*cos[2], cy(Q::new(1, 4)));
    assert!(cos[3].is_zero());
    assert_eq!(*cos[4], (&one - &sqrt(2)).scale(&Q::new(1, 8)));
    assert!(c.components.iter().all(|x| x.sin.is_zero()));
    assert_eq!(c.nonzero(), [0, 1, 2, 4]);
    // abs: the same without the self-loop (a = 0) and doubled even part.
    let a = cyclic_components(&Activation::Abs, 8).unwrap();
    assert_eq!(a.components[0].cos, (&one + &sqrt(2)).scale(&Q::new(1, 4)));
    assert!(a.components[1].cos.is_zero());
    assert_eq!(a.nonzero(), [0, 2, 4]);
}

#[test]
fn c3_c4_c5_trivial_components() {
    // C5: (1/5) sum_j ReLU(cos(2 pi j/5)) = (1 + sqrt 5)/10.
    let c5 = cyclic_components(&Activation::Relu, 5).unwrap();
    assert_eq!(
        c5.components[0].cos,
        (Cyclotomic::one() + sqrt(5)).scale(&Q::new(1, 10))
    );
    assert_eq!(c5.nonzero(), [0, 1, 2]);
    // C3: the cos vector (1, -1/2, -1/2) has trivial component 1/3; the sin vector
    // (0, sqrt3/2, -sqrt3/2) has 1/(2 sqrt 3) (the two coordinate vectors).
    let c3 = cyclic_components(&Activation::Relu, 3).unwrap();
    assert_eq!(c3.components[0].cos, cy(Q::new(1, 3)));
    let sin_vec: Vec<Cyclotomic> = (0..3)
        .map(|j| {
            (Cyclotomic::root_of_unity(3, j) - Cyclotomic::root_of_unity(3, -j))
                * Cyclotomic::e(4).scale(&Q::new(-1, 2))
        })
        .collect();
    let mean: Cyclotomic = sin_vec
        .iter()
        .map(|x| Activation::Relu.eval(x).unwrap())
        .sum::<Cyclotomic>()
        .scale(&Q::new(1, 3));
    assert_eq!(mean, sqrt(3).inv().scale(&Q::new(1, 2)));
    // C4: (|a| + |b|)/4 at a cos + b sin; the cos vector (a, b) = (1, 0) gives 1/4.
    let c4 = cyclic_components(&Activation::Relu, 4).unwrap();
    assert_eq!(c4.components[0].cos, cy(Q::new(1, 4)));
    assert_eq!(c4.components[1].cos, cy(Q::new(1, 2)));
    assert_eq!(c4.components[2].cos, cy(Q::new(1, 4)));
}

/// For a rational `x`, `eval` and `eval_q` agree (sanity of the two evaluations).
#[test]
fn apply_exact_on_rationals() {
    for name in ["relu", "abs", "identity", "leaky:1/3", "leaky:-5/2"] {
        let act = Activation::parse(name).unwrap();
        for x in ["-7/3", "0", "1/2", "5"] {
            assert_eq!(
                act.eval(&cy(q(x))).unwrap(),
                cy(act.eval_q(&q(x))),
                "{name}({x})"
            );
        }
    }
}

/// The nonzero components agree with the published ReLU and Abs interaction graphs of
/// `C_1..C_40` (edges out of `L1`; `L0` for `n = 1`).
#[test]
fn cyclic_components_match_published_graphs() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/cyclic-interaction-graphs.json"
    );
    let data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let graphs = data["graphs"].as_object().unwrap();
    assert_eq!(graphs.len(), 40);
    for n in 1..=40u64 {
        let g = &graphs[&n.to_string()];
        for (name, act) in [("relu", Activation::Relu), ("abs", Activation::Abs)] {
            let source = 1 % n;
            let mut expected: Vec<u64> = g[name]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| (e[0].as_u64().unwrap(), e[1].as_u64().unwrap()))
                .filter(|(k, _)| *k == source)
                .map(|(_, l)| l)
                .collect();
            expected.sort_unstable();
            let c = cyclic_components(&act, n).unwrap();
            assert_eq!(c.components.len() as u64, n / 2 + 1);
            assert!(
                c.components.iter().all(|x| x.sin.is_zero()),
                "C{n} {name}: sine part"
            );
            assert_eq!(c.nonzero(), expected, "C{n} {name}");
        }
    }
}

/// The discrete components are the aliased continuous coefficients: with
/// `sigma(cos x) = sum_m A_m cos mx`, `alpha_k = sum_{m folds to k} A_m` (floating point).
#[test]
fn cyclic_components_are_aliased_fourier_coefficients() {
    for name in ["relu", "abs", "leaky:1/10"] {
        let act = Activation::parse(name).unwrap();
        let (a, b) = act.homogeneous_parts().unwrap();
        let (a, b) = (a.to_f64(), b.to_f64());
        // sigma(cos x) = a cos x + b |cos x|, |cos x| = 2/pi + (4/pi) sum_m (-1)^(m+1) cos(2mx)/(4m^2-1).
        let coeff = |m: u64| -> f64 {
            match m {
                0 => 2.0 * b / PI,
                1 => a,
                m if m % 2 == 1 => 0.0,
                m => {
                    let h = (m / 2) as f64;
                    let sign = if (m / 2) % 2 == 1 { 1.0 } else { -1.0 };
                    4.0 * b * sign / (PI * (4.0 * h * h - 1.0))
                }
            }
        };
        for n in [2u64, 3, 5, 6, 8, 12, 15] {
            let c = cyclic_components(&act, n).unwrap();
            let mut alias = vec![0.0; (n / 2 + 1) as usize];
            for m in 0..400_000u64 {
                let r = m % n;
                let k = r.min(n - r);
                alias[k as usize] += coeff(m);
            }
            for comp in &c.components {
                let x = comp.cos.to_f64();
                assert!(
                    (x - alias[comp.k as usize]).abs() < 1e-4,
                    "{name} C{n} L{}: {x} vs {}",
                    comp.k,
                    alias[comp.k as usize]
                );
            }
        }
    }
}

#[test]
fn cyclic_json_shape() {
    let c = cyclic_components(&Activation::Relu, 8).unwrap();
    let v = c.json();
    assert_eq!(v.as_object().unwrap().len(), 4);
    assert_eq!(v["schema"], "plrep.fourier.cyclic.v1");
    assert_eq!(v["n"], 8);
    assert_eq!(v["activation"], "relu");
    let cs = v["components"].as_array().unwrap();
    assert_eq!(cs.len(), 5);
    for (k, x) in cs.iter().enumerate() {
        assert_eq!(x.as_object().unwrap().len(), 5);
        assert_eq!(x["k"], k);
        assert_eq!(x["label"], format!("L{k}"));
        assert_eq!(x["sin"], "0");
        let exact: Cyclotomic = x["cos"].as_str().unwrap().parse().unwrap();
        assert_eq!(exact, c.components[k].cos);
        assert!((x["approx"].as_f64().unwrap() - exact.to_f64()).abs() < 1e-12);
    }
    assert!((cs[0]["approx"].as_f64().unwrap() - (1.0 + 2f64.sqrt()) / 8.0).abs() < 1e-12);
    assert_eq!(cs[2]["cos"], "1/4");
}

#[test]
fn snapshot_relu_series_text() {
    let s = fourier_series(&Activation::Relu, 12).unwrap();
    insta::assert_snapshot!("fourier_relu_12", s.text());
}

#[test]
fn snapshot_c8_cyclic_text() {
    let c = cyclic_components(&Activation::Relu, 8).unwrap();
    insta::assert_snapshot!("fourier_cyclic_relu_C8", c.text());
}

#[test]
fn radical_forms() {
    let c5 = cyclic_components(&Activation::Relu, 5).unwrap();
    assert_eq!(
        quadratic_radical(&c5.components[0].cos).unwrap(),
        "(1 + sqrt(5))/10"
    );
    assert_eq!(
        quadratic_radical(&sqrt(3).inv().scale(&Q::new(-1, 2))).unwrap(),
        "-sqrt(3)/6"
    );
    assert_eq!(
        quadratic_radical(&(sqrt(12) + cy(Q::from_int(3)))).unwrap(),
        "3 + 2 sqrt(3)"
    );
    assert_eq!(
        quadratic_radical(&(sqrt(2) * sqrt(3)).scale(&Q::new(3, 4))).unwrap(),
        "3 sqrt(6)/4"
    );
    assert_eq!(quadratic_radical(&cy(Q::new(-7, 3))).unwrap(), "-7/3");
    // Degree 3 (the real subfield of Q(E(7))) and non-real numbers have none.
    let c7 = Cyclotomic::root_of_unity(7, 1) + Cyclotomic::root_of_unity(7, -1);
    assert_eq!(quadratic_radical(&c7), None);
    assert_eq!(quadratic_radical(&Cyclotomic::e(4)), None);
    // Every radical printed for C_1..C_24 evaluates to the component.
    for n in 1..=24u64 {
        for comp in cyclic_components(&Activation::Relu, n).unwrap().components {
            if let Some(text) = quadratic_radical(&comp.cos) {
                let v = eval_radical(&text);
                assert!(
                    (v - comp.cos.to_f64()).abs() < 1e-12,
                    "C{n} L{}: {text}",
                    comp.k
                );
            }
        }
    }
}

/// Evaluate `[(]R [+-] [C ]sqrt(d)[)]/L` or a rational (the forms `quadratic_radical` prints).
fn eval_radical(text: &str) -> f64 {
    let (body, den) = match text.rsplit_once(")/") {
        Some((b, l)) => (b.trim_start_matches('('), l.parse::<f64>().unwrap()),
        None => match text.rsplit_once("/") {
            Some((b, l)) if b.contains("sqrt") => (b, l.parse::<f64>().unwrap()),
            _ if !text.contains("sqrt") => return text.parse::<Q>().unwrap().to_f64(),
            _ => (text, 1.0),
        },
    };
    let (rational, radical) = match body.find(" + ").or(body.find(" - ")) {
        Some(i) => (body[..i].parse::<f64>().unwrap(), &body[i + 1..]),
        None => (0.0, body),
    };
    let radical = radical.replace(' ', "");
    let (sign, radical) = match radical.strip_prefix('-') {
        Some(r) => (-1.0, r.to_string()),
        None => (1.0, radical.trim_start_matches('+').to_string()),
    };
    let (coef, d) = radical.split_once("sqrt(").unwrap();
    let coef = if coef.is_empty() {
        1.0
    } else {
        coef.parse::<f64>().unwrap()
    };
    let d = d.trim_end_matches(')').parse::<f64>().unwrap();
    (rational + sign * coef * d.sqrt()) / den
}

/// `homogeneous_parts` is `(a, b)` with `sigma(t) = a t + b |t|` for the positively
/// homogeneous activations and `None` for hardtanh and square; the Fourier view rejects
/// the latter two everywhere with a bad-input error naming the activations it covers.
#[test]
fn homogeneous_parts_and_non_homogeneous_rejected() {
    let half = Q::new(1, 2);
    for (act, ab) in [
        (Activation::Relu, Some((half.clone(), half.clone()))),
        (Activation::Abs, Some((Q::zero(), Q::one()))),
        (Activation::Identity, Some((Q::one(), Q::zero()))),
        (
            Activation::Leaky(Q::new(1, 10)),
            Some((Q::new(11, 20), Q::new(9, 20))),
        ),
        (Activation::Hardtanh, None),
        (Activation::Square, None),
    ] {
        assert_eq!(act.homogeneous_parts(), ab, "{act}");
        assert_eq!(act.slopes().is_some(), ab.is_some(), "{act}");
    }
    assert_eq!(Activation::Relu.symbol(), "ReLU");
    assert_eq!(Activation::Abs.symbol(), "abs");
    assert_eq!(Activation::Identity.symbol(), "id");
    assert_eq!(Activation::Leaky(Q::new(1, 10)).symbol(), "LeakyReLU[1/10]");
    for name in ["hardtanh", "square"] {
        let act = Activation::parse(name).unwrap();
        let results = [
            parse_activation(name).map(|_| ()),
            require_homogeneous(&act).map(|_| ()),
            fourier_series(&act, 5).map(|_| ()),
            cyclic_components(&act, 8).map(|_| ()),
            plrep::contour::trivial_map_contours_svg(&act, 8).map(|_| ()),
        ];
        for r in results {
            match r {
                Err(Error::BadInput { what, hint }) => {
                    assert!(what.contains(name), "{what}");
                    assert!(what.contains("not positively homogeneous"), "{what}");
                    assert!(hint.contains("relu, abs, identity and leaky:<p>"), "{hint}");
                }
                other => panic!("{name}: {other:?}"),
            }
        }
    }
}
