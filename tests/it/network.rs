//! Tests of equivariant networks (THEORY §10): the C8 depth-2 example, agreement of the
//! exact reached sets with a floating-point simulation of random networks, soundness of
//! the upper bound against the one-layer solver, and the certificate checker.

use plrep::group::gset::ActionSpec;
use plrep::group::spec::parse_group;
use plrep::group::Limits;
use plrep::network::{analyze, certify_network, Network, NetworkOptions, Status};
use plrep::pl::{Activation, Bias, GroupData};

fn net(group: &str, layers: &[&str]) -> (GroupData, Network) {
    let lim = Limits::default();
    let d = GroupData::new(&parse_group(group).unwrap(), &lim).unwrap();
    let specs: Vec<ActionSpec> = layers
        .iter()
        .map(|s| ActionSpec::parse(s).unwrap())
        .collect();
    let n = Network::new(&d, &specs, &lim).unwrap();
    (d, n)
}

fn labels(d: &GroupData, set: &[usize]) -> Vec<String> {
    set.iter()
        .map(|&i| d.simples.simples[i].label.clone())
        .collect()
}

#[test]
fn c8_relu_l1_reaches_l3_at_depth_two() {
    let (d, n) = net("C8", &["regular", "regular", "regular"]);
    let l1 = d.simples.find("L1").unwrap();
    let res = analyze(
        &n,
        &NetworkOptions::new(Activation::Relu, Bias::None),
        &[vec![l1]],
    )
    .unwrap();
    let s = &res.sources[0];
    assert_eq!(labels(&d, &s.alive[1]), ["L0", "L1", "L2", "L4"]);
    let l3 = d.simples.find("L3").unwrap();
    assert!(matches!(s.status_at(1, l3), Some(Status::Excluded(_))));
    assert!(s.reached_at(2, l3));
    assert_eq!(s.first_depth(l3), Some((2, true)));
    assert_eq!(res.unresolved(), 0);
    let rep = certify_network(&n, &res).unwrap();
    assert!(rep.reaches >= 9);
}

#[test]
fn c8_depth_two_proof_snapshot() {
    let (d, n) = net("C8", &["regular", "regular", "regular"]);
    let l1 = d.simples.find("L1").unwrap();
    let res = analyze(
        &n,
        &NetworkOptions::new(Activation::Relu, Bias::None),
        &[vec![l1]],
    )
    .unwrap();
    certify_network(&n, &res).unwrap();
    insta::assert_snapshot!(
        "c8_relu_l1_depth2",
        plrep::report::network::network_text(&n, &res, true)
    );
}

#[test]
fn joint_layer_reaches_what_single_sources_do_not() {
    // C8, ReLU: from L1 alone no L3; from L1 + L2 jointly, L3 (frequencies 1 and 2 make 3).
    let (d, n) = net("C8", &["regular", "regular"]);
    let (l1, l2, l3) = (
        d.simples.find("L1").unwrap(),
        d.simples.find("L2").unwrap(),
        d.simples.find("L3").unwrap(),
    );
    let opts = NetworkOptions::new(Activation::Relu, Bias::None);
    let res = plrep::network::analyze_layer(&n, &opts, &[vec![l1], vec![l1, l2]]).unwrap();
    assert!(matches!(
        res.sources[0].status_at(1, l3),
        Some(Status::Excluded(_))
    ));
    assert!(res.sources[1].reached_at(1, l3));
    certify_network(&n, &res).unwrap();
}

#[test]
fn single_source_joint_layer_agrees_with_the_one_layer_solver() {
    // The joint engine on one source must give the certified interaction graph.
    use plrep::pl::{solve, PlModule, SolverOptions};
    for (g, a, act) in [
        ("C8", "regular", "relu"),
        ("S4", "subsets:2", "abs"),
        ("D8", "regular", "hardtanh"),
        ("A4", "natural", "square"),
    ] {
        let (d, n) = net(g, &[a, a]);
        let act = Activation::parse(act).unwrap();
        let srcs: Vec<Vec<usize>> = n.simples_of(0).into_iter().map(|l| vec![l]).collect();
        let res =
            plrep::network::analyze_layer(&n, &NetworkOptions::new(act.clone(), Bias::None), &srcs)
                .unwrap();
        certify_network(&n, &res).unwrap();
        let m =
            PlModule::new(&d.group, &ActionSpec::parse(a).unwrap(), &Limits::default()).unwrap();
        let sol = solve(&m, &SolverOptions::new(act)).unwrap();
        for p in &sol.pairs {
            let src = res.sources.iter().find(|s| s.sources == [p.from]).unwrap();
            let st = src.status_at(1, p.to).unwrap();
            match &p.verdict {
                plrep::pl::Verdict::Edge(_) => assert!(
                    matches!(st, Status::Reached(_)),
                    "{g} {a} {}->{}",
                    p.from,
                    p.to
                ),
                plrep::pl::Verdict::NonEdge(_) => assert!(
                    matches!(st, Status::Excluded(_)),
                    "{g} {a} {}->{}",
                    p.from,
                    p.to
                ),
                _ => {}
            }
        }
    }
}

// The shared generator for the float simulation (independent of the search's).
use crate::support::Lcg;

/// `P_L` in floating point from the characters: `c_L sum_g psi_L(g) rho(g)`.
fn float_projector(m: &plrep::pl::PlModule, l: usize) -> Vec<Vec<f64>> {
    let n = m.points();
    let s = &m.simples.simples[l];
    let c = s.dim as f64 / (s.kind.endomorphism_dim() as f64 * m.order() as f64);
    let psi: Vec<f64> = s.values.iter().map(|v| v.to_f64()).collect();
    let mut p = vec![vec![0.0; n]; n];
    for g in 0..m.order() {
        let v = psi[m.classes.class_of[g] as usize] * c;
        for (y, row) in p.iter_mut().enumerate() {
            row[m.image(g, y)] += v;
        }
    }
    p
}

/// The orbitals of `Y × X` by brute force over the group elements.
fn float_orbitals(my: &plrep::pl::PlModule, mx: &plrep::pl::PlModule) -> Vec<Vec<(usize, usize)>> {
    let (ny, nx) = (my.points(), mx.points());
    let mut seen = vec![false; ny * nx];
    let mut out = Vec::new();
    for y in 0..ny {
        for x in 0..nx {
            if seen[y * nx + x] {
                continue;
            }
            let mut orb = Vec::new();
            for g in 0..my.order() {
                let (a, b) = (my.image(g, y), mx.image(g, x));
                if !seen[a * nx + b] {
                    seen[a * nx + b] = true;
                    orb.push((a, b));
                }
            }
            out.push(orb);
        }
    }
    out
}

/// Random float networks: every simple whose component is clearly nonzero must be in the
/// exact reached set; the exact reached set lies in the upper bound.
fn float_agrees(group: &str, layers: &[&str], act: &str, generic_bias: bool, seeds: u64) {
    let (d, n) = net(group, layers);
    let act = Activation::parse(act).unwrap();
    let bias = if generic_bias {
        Bias::Generic
    } else {
        Bias::None
    };
    let srcs: Vec<Vec<usize>> = n.simples_of(0).into_iter().map(|l| vec![l]).collect();
    let res = analyze(&n, &NetworkOptions::new(act.clone(), bias), &srcs).unwrap();
    assert_eq!(res.unresolved(), 0, "{group} {layers:?}");
    let depth = n.depth();
    let orbitals: Vec<_> = (1..=depth)
        .map(|l| float_orbitals(n.layer(l), n.layer(l - 1)))
        .collect();
    let sig = |x: f64| {
        act.eval_q(&plrep::arith::Q::zero()).to_f64() * 0.0
            + match &act {
                Activation::Relu => x.max(0.0),
                Activation::Abs => x.abs(),
                Activation::Hardtanh => x.clamp(-1.0, 1.0),
                Activation::Square => x * x,
                Activation::Identity => x,
                Activation::Leaky(p) => {
                    if x >= 0.0 {
                        x
                    } else {
                        p.to_f64() * x
                    }
                }
            }
    };
    for src in &res.sources {
        let l = src.sources[0];
        let p0 = float_projector(n.layer(0), l);
        let mut seen = vec![std::collections::BTreeSet::new(); depth + 1];
        for seed in 0..seeds {
            let mut rng = Lcg(seed * 7919 + l as u64 * 104729 + 1);
            let n0 = n.layer(0).points();
            let r: Vec<f64> = (0..n0).map(|_| rng.unit()).collect();
            let mut v: Vec<f64> = (0..n0)
                .map(|y| (0..n0).map(|x| p0[y][x] * r[x]).sum())
                .collect();
            let mut z = vec![0.0; n0];
            for lay in 1..=depth {
                let my = n.layer(lay);
                let w: Vec<f64> = orbitals[lay - 1].iter().map(|_| rng.unit()).collect();
                let orbs = my.gset.orbits();
                let b: Vec<f64> = orbs
                    .iter()
                    .map(|_| if generic_bias { rng.unit() } else { 0.0 })
                    .collect();
                let mut bias = vec![0.0; my.points()];
                for (o, bo) in orbs.iter().zip(&b) {
                    for &x in o {
                        bias[x] = *bo;
                    }
                }
                let apply = |v: &[f64]| -> Vec<f64> {
                    let mut u = bias.clone();
                    for (orb, wt) in orbitals[lay - 1].iter().zip(&w) {
                        for &(y, x) in orb {
                            u[y] += wt * v[x];
                        }
                    }
                    u.into_iter().map(sig).collect()
                };
                v = apply(&v);
                z = apply(&z);
                let diff: Vec<f64> = v.iter().zip(&z).map(|(a, b)| a - b).collect();
                let scale = diff.iter().map(|x| x * x).sum::<f64>().sqrt().max(1e-300);
                for m in n.simples_of(lay) {
                    let pm = float_projector(my, m);
                    let comp: f64 = pm
                        .iter()
                        .map(|row| {
                            row.iter()
                                .zip(&diff)
                                .map(|(a, b)| a * b)
                                .sum::<f64>()
                                .powi(2)
                        })
                        .sum::<f64>()
                        .sqrt();
                    if comp > 1e-6 * scale && scale > 1e-9 {
                        seen[lay].insert(m);
                    }
                }
            }
        }
        for lay in 1..=depth {
            for &m in &seen[lay] {
                assert!(
                    src.reached_at(lay, m),
                    "{group} {layers:?} {act}: float simulation reaches {} at depth {lay} from {}, exact analysis does not",
                    d.simples.simples[m].label,
                    d.simples.simples[l].label
                );
            }
            for (m, st) in &src.status[lay] {
                if matches!(st, Status::Reached(_)) {
                    assert!(src.alive[lay].contains(m));
                }
            }
        }
    }
    certify_network(&n, &res).unwrap();
}

#[test]
fn float_simulation_agrees_on_regular_natural_subsets_tuples_cosets() {
    float_agrees("C8", &["regular", "regular", "regular"], "relu", false, 12);
    float_agrees("C6", &["regular", "regular", "regular"], "abs", true, 12);
    float_agrees(
        "S4",
        &["natural", "subsets:2", "natural"],
        "relu",
        false,
        12,
    );
    float_agrees("S4", &["natural", "tuples:2", "natural"], "abs", true, 8);
    float_agrees(
        "D8",
        &["regular", "cosets:(1,3)", "regular"],
        "relu",
        true,
        8,
    );
    float_agrees("A4", &["natural", "regular"], "hardtanh", false, 8);
    float_agrees("C5", &["regular", "regular", "regular"], "relu", false, 12);
}

#[test]
fn float_simulation_agrees_on_unions_and_products() {
    float_agrees(
        "S3",
        &["natural", "natural * natural", "natural"],
        "relu",
        false,
        10,
    );
    float_agrees(
        "S3",
        &["natural + trivial:1", "natural + regular", "natural"],
        "abs",
        true,
        8,
    );
    float_agrees(
        "C4",
        &["regular", "regular * regular", "regular"],
        "relu",
        false,
        6,
    );
}

#[test]
fn equal_layers_cycle_proves_never() {
    let (d, n) = net("C8", &["regular"; 5]);
    let l2 = d.simples.find("L2").unwrap();
    let res = analyze(
        &n,
        &NetworkOptions::new(Activation::Relu, Bias::None),
        &[vec![l2]],
    )
    .unwrap();
    let s = &res.sources[0];
    assert_eq!(s.cycle, Some((1, 2)));
    for lab in ["L1", "L3"] {
        assert_eq!(s.first_depth(d.simples.find(lab).unwrap()), None);
    }
    certify_network(&n, &res).unwrap();
}

#[test]
fn per_orbit_and_generic_biases() {
    let (d, n) = net("S3", &["natural + trivial:1", "natural + trivial:1"]);
    let opts = |b: &str| NetworkOptions::new(Activation::Relu, Bias::parse(b).unwrap());
    let srcs: Vec<Vec<usize>> = n.simples_of(0).into_iter().map(|l| vec![l]).collect();
    for b in ["1,-1", "generic", "1/2"] {
        let res = analyze(&n, &opts(b), &srcs).unwrap();
        assert_eq!(res.unresolved(), 0, "{b}");
        certify_network(&n, &res).unwrap();
    }
    assert!(analyze(&n, &opts("1,2,3"), &srcs).is_err());
    let _ = d;
}

#[test]
fn network_examples_values() {
    use plrep::examples::run;
    let lim = Limits::default();
    let v = |name: &str, key: &str| -> i64 {
        run(name, &lim)
            .unwrap()
            .value(key)
            .unwrap()
            .to_q()
            .unwrap()
            .to_i64()
            .unwrap()
    };
    assert_eq!(v("network-c8-depth2", "first depth L1 -> L3"), 2);
    assert_eq!(v("network-c8-depth2", "depth-1 targets of L1"), 4);
    for n in 2..=6 {
        assert_eq!(
            v(
                "network-sn-point-cloud",
                &format!("hom S{n} natural natural")
            ),
            2
        );
    }
    assert_eq!(v("network-sn-point-cloud", "unresolved"), 0);
    assert_eq!(v("network-bottleneck", "targets reached from L2"), 0);
    assert_eq!(v("network-bottleneck", "hom subsets:2 natural"), 2);
    assert!(v("network-cnn-c4xc4", "stable depth") >= 2);
}
