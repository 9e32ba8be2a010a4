//! The certified module-free route on the regular module of a non-cyclic abelian group
//! (theory.md §25): `plrep graph G --certify` prints, from the compact table, the cyclic
//! quotients and the checker of `certify/abelian_quotient.rs`, the bytes of the module's
//! certified graph; the checker agrees with the exact solver and rejects wrong claims;
//! memory is refused before allocation.

use plrep::character::abelian_real::{abelian_real_simples, AbelianRealSimple};
use plrep::character::abelian_table::AbelianTable;
use plrep::group::{gset::ActionSpec, spec::parse_group, Limits};
use plrep::pl::certify::{check_abelian_quotients, CertifiedAbelian};
use plrep::pl::cyclic_graph::{compact_abelian_verdicts, CompactAbelianClaim};
use plrep::pl::{solver, Activation, GroupData, PlModule, SolverOptions, Verdict};
use std::process::Command;

fn plrep(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_plrep"))
        .args(args)
        .output()
        .expect("run plrep")
}

/// The compact table, its real simples and the classes of the group's generators.
fn compact(group: &str) -> (AbelianTable, Vec<AbelianRealSimple>, Vec<usize>) {
    let g = parse_group(group).unwrap();
    let (elements, classes) = GroupData::classes(&g, &Limits::default()).unwrap();
    let gens = g
        .generators()
        .iter()
        .map(|s| classes.class_of[elements.index_of(s).unwrap()] as usize)
        .collect();
    let t = AbelianTable::from_classes(&elements, &classes, &g).unwrap();
    let simples = abelian_real_simples(&t);
    (t, simples, gens)
}

fn claim(group: &str, act: &Activation) -> CompactAbelianClaim {
    let (t, s, _) = compact(group);
    compact_abelian_verdicts(&t, &s, &SolverOptions::new(act.clone())).expect("decided")
}

fn checked(
    group: &str,
    act: &Activation,
    c: CompactAbelianClaim,
) -> plrep::Result<CertifiedAbelian> {
    let (t, s, gens) = compact(group);
    check_abelian_quotients(&t, &s, &gens, c.0, c.1, act, None)
}

/// `graph --certify` is the module's certified graph byte for byte (the module path's
/// solver and checker), on the groups of order 300 to 324 and three activations;
/// `C4xC81` is cyclic and keeps the cyclic route.
#[test]
fn certified_text_is_the_module_certified_graph() {
    for (group, act) in [
        ("C4xC81", "relu"),
        ("C2xC150", "relu"),
        ("C2xC150", "leaky:1/3"),
        ("C6xC60", "abs"),
        ("C6xC60", "relu"),
        ("C2xC2xC75", "leaky:1/3"),
        ("C3xC105", "abs"),
        ("C3xC105", "relu"),
    ] {
        let out = plrep(&["graph", group, "--activation", act, "--certify"]);
        assert_eq!(out.status.code(), Some(0), "{group}");
        let text = String::from_utf8(out.stdout).unwrap();
        let expected = crate::support::module_path_certified_text(group, act);
        assert!(expected.contains(", certified\n"));
        assert_eq!(text, expected, "{group} {act}");
    }
}

/// The checked verdicts and vertices agree with the exact solver and the module's
/// simples pair by pair on small non-cyclic abelian groups (where the claim's producer
/// and the checker both run below the CLI's order threshold).
#[test]
fn checked_verdicts_match_the_exact_solver() {
    for name in [
        "C2xC2", "C2xC4", "C2xC6", "C3xC3", "C4xC4", "C2xC2xC2", "C3xC6", "C2xC2xC6",
    ] {
        for act in [
            Activation::Relu,
            Activation::Abs,
            Activation::parse("leaky:1/3").unwrap(),
        ] {
            let g = parse_group(name).unwrap();
            let m = PlModule::new(&g, &ActionSpec::Regular, &Limits::default()).unwrap();
            let exact = solver::solve(&m, &SolverOptions::new(act.clone())).unwrap();
            let c = checked(name, &act, claim(name, &act)).unwrap();
            let mut edges = vec![Vec::new(); c.targets().len()];
            for p in &exact.pairs {
                assert!(!matches!(p.verdict, Verdict::Unresolved { .. }), "{name}");
                if p.is_edge() {
                    edges[p.from].push(p.to as u32);
                }
            }
            assert_eq!(edges, c.targets(), "{name} {act:?}");
            let r = c.report();
            let pairs = edges.len() * edges.len();
            assert_eq!(r.edges + r.kernel_non_edges + r.quotient_non_edges, pairs);
            for (l, s) in m.simples.simples.iter().enumerate() {
                let (dim, real, ker) = c.vertex(l);
                assert_eq!((s.dim, real), (dim, s.kind.name() == "real"), "{name} L{l}");
                let kernel: u64 = s.kernel.iter().map(|&k| m.classes.sizes[k]).sum();
                assert_eq!(kernel, ker, "{name} L{l}");
            }
        }
    }
}

/// Every kind of wrong claim is rejected: an edge added or dropped, a source missing, a
/// quotient's residue changed, a quotient missing, repeated or of an order no kernel
/// has, the verdicts of another activation, generators that do not generate, a bias.
#[test]
fn wrong_claims_are_rejected() {
    let relu = Activation::Relu;
    let group = "C2xC150";
    let good = claim(group, &relu);
    let c = checked(group, &relu, good.clone()).unwrap();
    assert!(c.report().kernel_non_edges > 0 && c.report().quotient_non_edges > 0);
    assert_eq!(c.report().quotients, good.1.len());
    let rejected = |w: CompactAbelianClaim, act: &Activation| {
        let e = checked(group, act, w).unwrap_err();
        let s = e.to_string();
        assert!(s.contains("route"), "{s}");
    };
    // An edge dropped; a kernel non-edge claimed; a quotient non-edge claimed.
    let mut w = good.clone();
    w.0[6].pop();
    rejected(w, &relu);
    let mut w = good.clone();
    w.0[1].push(4); // L1 has kernel C150, L4 is not trivial on it
    w.0[1].sort_unstable();
    rejected(w, &relu);
    let mut w = good.clone();
    let (a, b) = (0..w.0.len())
        .flat_map(|a| (0..w.0.len()).map(move |b| (a, b)))
        .find(|&(a, b)| !good.0[a].contains(&(b as u32)) && a > 3 && b > 3 && b != a)
        .unwrap();
    w.0[a].push(b as u32);
    w.0[a].sort_unstable();
    rejected(w, &relu);
    // A source missing.
    let mut w = good.clone();
    w.0.pop();
    rejected(w, &relu);
    // A residue of a quotient changed: the cyclic checker rejects it.
    let mut w = good.clone();
    let q = w.1.iter_mut().find(|q| q.edges() > 3).unwrap();
    q.residues[1][0].1 ^= 1;
    rejected(w, &relu);
    // A quotient missing, repeated, or of an order that is no |G/ker L|.
    let mut w = good.clone();
    w.1.pop();
    rejected(w, &relu);
    let mut w = good.clone();
    w.1.push(w.1[0].clone());
    rejected(w, &relu);
    let mut w = good.clone();
    let seven = plrep::pl::cyclic_verdicts(7, &SolverOptions::new(relu.clone())).unwrap();
    w.1.push(seven);
    rejected(w, &relu);
    // The relu claim is not the abs graph (abs refutes what relu connects).
    rejected(good.clone(), &Activation::Abs);
    // Generators that do not generate: every simple reads as the trivial character.
    let (t, s, _) = compact(group);
    let e = check_abelian_quotients(&t, &s, &[0], good.0.clone(), good.1.clone(), &relu, None)
        .unwrap_err();
    assert!(e.to_string().contains("route"), "{e}");
    let bias = plrep::arith::Q::one();
    let (t, s, gens) = compact(group);
    let e = check_abelian_quotients(&t, &s, &gens, good.0, good.1, &relu, Some(&bias)).unwrap_err();
    assert!(e.to_string().contains("bias"), "{e}");
}

/// Large orders take the route at the default limits; above `--max-memory-mb` the
/// tables are refused (exit 3 naming the flag) before they are built.
#[test]
fn large_orders_and_the_memory_limit() {
    let out = plrep(&["graph", "C4xC1000", "--certify"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.lines().next().unwrap().ends_with("no bias, certified"));
    assert!(text.ends_with("unresolved 0\n"));
    for mb in ["1", "40"] {
        let out = plrep(&["graph", "C2xC2048", "--certify", "--max-memory-mb", mb]);
        assert_eq!(out.status.code(), Some(3), "{mb}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("--max-memory-mb"), "{err}");
    }
}
