//! The module-free cyclic route (`pl/cyclic_graph.rs`, theory.md §20): `plrep graph` on
//! the regular module of a large cyclic group prints, without building the module, the
//! bytes of the module's graph ([`InteractionGraph::to_text`] of [`solve`]); its
//! verdicts agree with the exact solver on small cyclic groups; it refuses, before
//! allocating, tables above `--max-memory-mb`.

use plrep::graph::InteractionGraph;
use plrep::group::{gset::ActionSpec, spec::parse_group, Limits};
use plrep::pl::cyclic_graph::{abelian_verdicts, cyclic_verdict_bytes, cyclic_verdicts, is_cyclic};
use plrep::pl::{
    check_cyclic, solve, solver, Activation, GroupData, PlModule, SolverOptions, Verdict,
};
use std::process::Command;

fn plrep(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_plrep"))
        .args(args)
        .output()
        .expect("run plrep")
}

fn module_text(group: &str, act: Activation) -> String {
    let g = parse_group(group).unwrap();
    let m = PlModule::new(&g, &ActionSpec::Regular, &Limits::default()).unwrap();
    let s = solve(&m, &SolverOptions::new(act)).unwrap();
    InteractionGraph::build(&m, &s).to_text()
}

/// The CLI's module-free text equals the module's graph (the §18 route through the
/// character table) byte for byte, on orders with many divisors, odd orders, several
/// activations, and a cyclic group not given as one cycle.
#[test]
fn module_free_text_is_the_module_graph() {
    for (group, act) in [
        ("C300", "relu"),
        ("C420", "relu"),
        ("C315", "abs"),
        ("C360", "leaky:1/3"),
        ("C4xC81", "relu"),
        // Non-cyclic abelian (§20); the module path is the exact solver here.
        ("C2xC150", "relu"),
        ("C6xC60", "abs"),
    ] {
        let out = plrep(&["graph", group, "--action", "regular", "--activation", act]);
        assert_eq!(out.status.code(), Some(0), "{group}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert_eq!(
            text,
            module_text(group, Activation::parse(act).unwrap()),
            "{group} {act}"
        );
    }
}

/// `graph --certify` from `n` alone (the checker of `certify/cyclic.rs`) prints the
/// bytes of the module's certified graph (the §18 route re-checked by the module's
/// checker), on the orders and activations of the text test.
#[test]
fn module_free_certified_text_is_the_module_certified_graph() {
    for (group, act) in [
        ("C300", "relu"),
        ("C420", "relu"),
        ("C315", "abs"),
        ("C360", "leaky:1/3"),
    ] {
        let out = plrep(&[
            "graph",
            group,
            "--action",
            "regular",
            "--activation",
            act,
            "--certify",
        ]);
        assert_eq!(out.status.code(), Some(0), "{group}");
        let text = String::from_utf8(out.stdout).unwrap();
        let expected = crate::support::module_path_certified_text(group, act);
        assert!(expected.contains(", certified\n"));
        assert_eq!(text, expected, "{group} {act}");
    }
}

/// The checker of the module-free route accepts the route's verdicts and rejects every
/// kind of wrong claim: a changed residue, a zero residue, a dropped or added edge, a
/// wrong root or prime, an activation without the route.
#[test]
fn the_cyclic_checker_rejects_wrong_claims() {
    let relu = Activation::Relu;
    for n in [12u64, 30, 300, 315] {
        for act in [Activation::Relu, Activation::Abs] {
            let v = cyclic_verdicts(n, &SolverOptions::new(act.clone())).unwrap();
            let c = check_cyclic(v.clone(), &act, None).unwrap();
            assert_eq!(c.report().edges, v.edges(), "C{n}");
            assert_eq!(
                c.report().non_edges + c.report().edges,
                v.simples() * v.simples()
            );
        }
    }
    let v = cyclic_verdicts(300, &SolverOptions::new(relu.clone())).unwrap();
    let rejected = |w: plrep::pl::CyclicVerdicts, act: &Activation| {
        let e = check_cyclic(w, act, None).unwrap_err();
        assert!(e.to_string().contains("cyclic route"), "{e}");
    };
    // A residue changed, or zero.
    let mut w = v.clone();
    w.residues[7][1].1 ^= 1;
    rejected(w, &relu);
    let mut w = v.clone();
    w.residues[7][0].1 = 0;
    rejected(w, &relu);
    // An edge dropped: the pair is not refuted by ker^± (rule (a) holds).
    let mut w = v.clone();
    w.targets[7].remove(1);
    w.residues[7].remove(1);
    rejected(w, &relu);
    // A non-edge claimed as an edge with some residue.
    let mut w = v.clone();
    let j = (0..=150u32).find(|j| !w.targets[7].contains(j)).unwrap();
    let pos = w.targets[7].partition_point(|&t| t < j);
    w.targets[7].insert(pos, j);
    w.residues[7].insert(pos, (0, 1));
    rejected(w, &relu);
    // A wrong root (order 2 only) or a composite modulus.
    let mut w = v.clone();
    w.tries[0].2 = w.tries[0].1 - 1;
    rejected(w, &relu);
    let mut w = v.clone();
    w.tries[0].1 += 4 * 300;
    rejected(w, &relu);
    // The relu verdicts are not those of abs (L_k -> L_k is not refuted for relu, and
    // abs refutes pairs relu connects), nor of a linear activation.
    rejected(v.clone(), &Activation::Abs);
    rejected(v.clone(), &Activation::Identity);
    let e = check_cyclic(v, &relu, Some(&plrep::arith::Q::one())).unwrap_err();
    assert!(e.to_string().contains("bias"), "{e}");
}

/// The verdicts from `n` alone agree with the exact solver's (no Fourier route: below
/// `ROUTE_MIN_ORDER` `solve` runs the exact witnesses of §7) on small cyclic groups.
#[test]
fn module_free_verdicts_match_the_exact_solver() {
    for n in [2u64, 5, 6, 8, 12, 15, 16, 18, 20, 24, 30] {
        for act in [Activation::Relu, Activation::Abs] {
            let g = parse_group(&format!("C{n}")).unwrap();
            let m = PlModule::new(&g, &ActionSpec::Regular, &Limits::default()).unwrap();
            let exact = solver::solve(&m, &SolverOptions::new(act.clone())).unwrap();
            let v = cyclic_verdicts(n, &SolverOptions::new(act.clone())).expect("decided");
            let mut edges = vec![Vec::new(); v.simples()];
            for p in &exact.pairs {
                assert!(!matches!(p.verdict, Verdict::Unresolved { .. }));
                if p.is_edge() {
                    edges[p.from].push(p.to as u32);
                }
            }
            assert_eq!(edges, v.targets, "C{n} {act:?}");
            for (l, s) in m.simples.simples.iter().enumerate() {
                let (dim, _, ker) = v.simple(l as u64);
                assert_eq!(s.dim, dim, "C{n}");
                let kernel = (0..m.order())
                    .filter(|&e| s.values[m.classes.class_of[e] as usize] == s.values[0])
                    .count() as u64;
                assert_eq!(kernel, ker, "C{n} L{l}");
            }
        }
    }
}

#[test]
fn cyclicity_from_generators() {
    assert!(is_cyclic(&parse_group("C4xC81").unwrap()));
    assert!(!is_cyclic(&parse_group("C2xC500").unwrap()));
    assert!(!is_cyclic(&parse_group("D1000").unwrap()));
}

/// Above `--max-memory-mb` the route's tables are refused with exit 3 naming the flag;
/// other limits keep the module path's errors.
#[test]
fn limits_are_checked_before_the_tables() {
    // The edge lists with their residue records (20 bytes per pair at most).
    assert!(cyclic_verdict_bytes(4096) < 128 << 20);
    // Refused before the module-free route (issue 13); now a text at the default limits.
    let out = plrep(&["graph", "C2000"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).ends_with("unresolved 0\n"));
    let out = plrep(&["graph", "C4096", "--max-memory-mb", "1"]);
    assert_eq!(out.status.code(), Some(3));
    // --certify: exit 3 before the module-free route (issue 13), now certified.
    let out = plrep(&["graph", "C4096", "--certify", "--max-memory-mb", "1"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--max-memory-mb"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--max-memory-mb"), "{err}");
    let out = plrep(&["graph", "C4096", "--max-points", "1000"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--max-points"));
}

/// §20: the verdicts of a non-cyclic abelian group, transported from the cyclic graphs
/// of its quotients, agree with the exact solver pair by pair.
#[test]
fn abelian_verdicts_match_the_exact_solver() {
    for name in [
        "C2xC2", "C2xC4", "C2xC6", "C3xC3", "C4xC4", "C2xC2xC2", "C3xC6", "C2xC2xC6",
    ] {
        for act in [
            Activation::Relu,
            Activation::Abs,
            Activation::parse("leaky:1/2").unwrap(),
        ] {
            let g = parse_group(name).unwrap();
            let m = PlModule::new(&g, &ActionSpec::Regular, &Limits::default()).unwrap();
            let exact = solver::solve(&m, &SolverOptions::new(act.clone())).unwrap();
            let data = GroupData::new(&g, &Limits::default()).unwrap();
            let v = abelian_verdicts(&data, &SolverOptions::new(act.clone())).expect("decided");
            let mut edges = vec![Vec::new(); v.len()];
            for p in &exact.pairs {
                assert!(!matches!(p.verdict, Verdict::Unresolved { .. }), "{name}");
                if p.is_edge() {
                    edges[p.from].push(p.to as u32);
                }
            }
            assert_eq!(edges, v, "{name} {act:?}");
        }
    }
    // Not abelian: no verdicts.
    let data = GroupData::new(&parse_group("S3").unwrap(), &Limits::default()).unwrap();
    assert!(abelian_verdicts(&data, &SolverOptions::new(Activation::Relu)).is_none());
}
