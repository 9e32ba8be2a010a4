//! The cyclic route (theory.md §18) against the exact solver: the same verdict on every
//! ordered pair, the same non-edge certificates, every Fourier residue re-derived by the
//! checker, tampered residues rejected, and a float simulation of the Fourier
//! coefficients agreeing with the edges.

use plrep::group::{gset::ActionSpec, spec::parse_group, Limits};
use plrep::pl::{
    abelian, certify, solve, solve_cyclic, solver, Activation, FourierWitness, PlModule,
    SolverOptions, Verdict,
};

fn regular(name: &str) -> PlModule {
    PlModule::new(
        &parse_group(name).unwrap(),
        &ActionSpec::Regular,
        &Limits::default(),
    )
    .unwrap()
}

fn kind(v: &Verdict) -> &'static str {
    match v {
        Verdict::Edge(_) | Verdict::FourierEdge(_) => "edge",
        Verdict::NonEdge(_) => "non-edge",
        Verdict::Unresolved { .. } => "unresolved",
    }
}

fn compare(name: &str, act: &str) -> usize {
    let m = regular(name);
    let opts = SolverOptions::new(Activation::parse(act).unwrap());
    assert!(abelian::applies(&m, &opts), "{name}");
    let exact = solver::solve(&m, &opts).unwrap();
    let fast = solve_cyclic(&m, &opts).unwrap();
    assert_eq!(exact.vertices, fast.vertices, "{name}");
    assert_eq!(exact.pairs.len(), fast.pairs.len(), "{name}");
    let mut residues = 0;
    for (e, f) in exact.pairs.iter().zip(&fast.pairs) {
        assert_eq!((e.from, e.to), (f.from, f.to), "{name}");
        assert_eq!(
            kind(&e.verdict),
            kind(&f.verdict),
            "{name} {act} {}->{}",
            e.from,
            e.to
        );
        assert_eq!(
            (e.rule_a, e.kernel_rule),
            (f.rule_a, f.kernel_rule),
            "{name}"
        );
        if let Verdict::NonEdge(o) = &e.verdict {
            // The same obstruction (zero set and classes) and the same kernel reason.
            assert_eq!(Verdict::NonEdge(o.clone()), f.verdict, "{name} {act}");
            assert_eq!(
                (&e.reason, e.reason_kind),
                (&f.reason, f.reason_kind),
                "{name}"
            );
        }
        residues += usize::from(matches!(f.verdict, Verdict::FourierEdge(_)));
    }
    let rep = certify(&m, &fast).unwrap();
    assert_eq!(rep.edges + rep.non_edges, fast.pairs.len(), "{name}");
    residues
}

#[test]
fn the_cyclic_route_gives_the_exact_verdicts() {
    let mut residues = 0;
    for n in (1..=40).chain([48, 60, 64, 81, 96, 100, 128]) {
        for act in ["relu", "abs", "leaky:1/3"] {
            if n > 64 && act != "relu" {
                continue;
            }
            residues += compare(&format!("C{n}"), act);
        }
    }
    // The residues decide (nearly) every edge; the exact path is only the fallback.
    assert!(residues > 1000, "{residues}");
}

#[test]
fn the_route_applies_to_cyclic_regular_modules_only() {
    let opts = SolverOptions::new(Activation::Relu);
    for (name, yes) in [
        ("C12", true),
        ("C2xC6", false),
        ("S3", false),
        ("C3xC4", true),
    ] {
        assert_eq!(abelian::applies(&regular(name), &opts), yes, "{name}");
    }
    let m = regular("C12");
    assert!(!abelian::applies(
        &m,
        &opts.clone().with_bias(Some(plrep::arith::Q::new(1, 2)))
    ));
    assert!(!abelian::applies(
        &m,
        &SolverOptions::new(Activation::Square)
    ));
    assert!(!abelian::applies(
        &m,
        &SolverOptions::new(Activation::Identity)
    ));
    let nat = PlModule::new(
        &parse_group("C12").unwrap(),
        &ActionSpec::parse("natural").unwrap(),
        &Limits::default(),
    )
    .unwrap();
    // C12 on 12 points is regular too, but only `regular` takes the route.
    assert!(!abelian::applies(&nat, &opts));
    // Below the threshold `solve` keeps the exact witnesses (every snapshot's bytes).
    let s = solve(&m, &opts).unwrap();
    assert!(s
        .pairs
        .iter()
        .all(|p| !matches!(p.verdict, Verdict::FourierEdge(_))));
    assert!(std::hint::black_box(abelian::ROUTE_MIN_ORDER) > 256);
}

fn residue_edge(name: &str) -> (PlModule, plrep::pl::Solution, usize) {
    let m = regular(name);
    let s = solve_cyclic(&m, &SolverOptions::new(Activation::Relu)).unwrap();
    let i = s
        .pairs
        .iter()
        .position(|p| p.from != p.to && matches!(p.verdict, Verdict::FourierEdge(_)))
        .unwrap();
    (m, s, i)
}

#[test]
fn tampered_residues_are_rejected() {
    let (m, s, i) = residue_edge("C30");
    certify(&m, &s).unwrap();
    for change in 0..9 {
        let mut t = s.clone();
        let Verdict::FourierEdge(w) = &mut t.pairs[i].verdict else {
            unreachable!()
        };
        match change {
            0 => w.residue = (w.residue + 1) % w.prime,
            1 => w.residue = 0,
            // not prime (a multiple of the prime, and an odd composite = 1 mod 4n)
            2 => w.prime *= 3,
            3 => w.prime = 1 + w.period * 9 * 25,
            // a root of the wrong order: rho^2 has order 2n
            4 => w.root = (w.root as u128 * w.root as u128 % w.prime as u128) as u64,
            5 => w.target_frequency += 1,
            6 => w.source_frequency = (w.source_frequency + 1) % 16,
            7 => w.period *= 2,
            _ => w.phase = w.period,
        }
        let err = certify(&m, &t).unwrap_err().to_string();
        assert!(err.contains("edge"), "{change}: {err}");
    }
    // A residue claim on a non-cyclic group is refused.
    let other = regular("C2xC6");
    let mut t = solver::solve(&other, &SolverOptions::new(Activation::Relu)).unwrap();
    let j = t
        .pairs
        .iter()
        .position(|p| p.is_edge() && p.from != p.to)
        .unwrap();
    let Verdict::FourierEdge(w) = &s.pairs[i].verdict else {
        unreachable!()
    };
    t.pairs[j].verdict = Verdict::FourierEdge(FourierWitness {
        generator: 1,
        period: 48,
        ..w.clone()
    });
    assert!(certify(&other, &t).is_err());
}

/// The Fourier coefficient `sum_a sigma(cos(2 pi (4 k a + s)/4n)) e^(-2 pi i j a/n)` in
/// floating point.
fn float_coefficient(n: u64, k: u64, j: u64, s: u64, relu: bool) -> f64 {
    let (mut re, mut im) = (0.0f64, 0.0f64);
    for a in 0..n {
        let c = (2.0 * std::f64::consts::PI * (4 * k * a + s) as f64 / (4 * n) as f64).cos();
        let v = if relu { c.max(0.0) } else { c.abs() };
        let t = -2.0 * std::f64::consts::PI * (j * a % n) as f64 / n as f64;
        re += v * t.cos();
        im += v * t.sin();
    }
    re.hypot(im)
}

#[test]
fn float_coefficients_agree_with_the_residues() {
    for (name, act) in [("C24", "relu"), ("C35", "abs"), ("C64", "relu")] {
        let m = regular(name);
        let relu = act == "relu";
        let s = solve_cyclic(&m, &SolverOptions::new(Activation::parse(act).unwrap())).unwrap();
        let n = m.order() as u64;
        for p in &s.pairs {
            if let Verdict::FourierEdge(w) = &p.verdict {
                let f = float_coefficient(n, w.source_frequency, w.target_frequency, w.phase, relu);
                assert!(f > 1e-9, "{name} {}->{}: {f}", p.from, p.to);
            }
        }
        // Non-edges: for every source and phase, the coefficient at a non-edge target
        // vanishes (rule (a) in floating point).
        let edges: std::collections::BTreeSet<(u64, u64)> = s
            .pairs
            .iter()
            .filter_map(|p| match &p.verdict {
                Verdict::FourierEdge(w) => Some((w.source_frequency, w.target_frequency)),
                _ => None,
            })
            .collect();
        for k in 1..=n / 2 {
            for j in 0..=n / 2 {
                let g = gcd(2 * k, n);
                // (relu's self-loop is an edge through its linear part a w)
                if j % g != 0 && !(relu && j == k) {
                    for s in [1, 2, 3] {
                        assert!(float_coefficient(n, k, j, s, relu) < 1e-9, "{name} {k} {j}");
                    }
                    assert!(!edges.contains(&(k, j)));
                }
            }
        }
    }
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}
