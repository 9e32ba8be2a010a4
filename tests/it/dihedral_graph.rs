//! The dihedral and dicyclic route without the module (`pl/dihedral_graph.rs`, theory.md
//! §20, §23): `plrep graph` (and `--certify`) on the regular module of a large
//! dihedral or dicyclic group prints the bytes of the module's graph; its verdicts agree
//! with the exact solver on small groups; the checker (`pl/certify/dihedral.rs`) accepts
//! them and rejects tampered claims; limits are checked before the table.

use plrep::graph::InteractionGraph;
use plrep::group::{gset::ActionSpec, spec::parse_group, Limits};
use plrep::pl::certify::check_dihedral;
use plrep::pl::dihedral_graph::{dihedral_verdicts, halving_pair, DihedralVerdicts, Shape};
use plrep::pl::{check, solve, solver, Activation, GroupData, PlModule, SolverOptions, Verdict};
use std::process::Command;

fn plrep(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_plrep"))
        .args(args)
        .output()
        .expect("run plrep")
}

fn module_text(group: &str, act: Activation, certified: bool) -> String {
    let g = parse_group(group).unwrap();
    let m = PlModule::new(&g, &ActionSpec::Regular, &Limits::default()).unwrap();
    let s = solve(&m, &SolverOptions::new(act)).unwrap();
    if certified {
        InteractionGraph::from_certified(&m, &check(&m, s).unwrap()).to_text()
    } else {
        InteractionGraph::build(&m, &s).to_text()
    }
}

fn verdicts(name: &str, act: &Activation) -> (GroupData, Option<DihedralVerdicts>) {
    let g = parse_group(name).unwrap();
    let (r, t) = halving_pair(&g).expect("r, t");
    let data = GroupData::new(&g, &Limits::default()).unwrap();
    let (ri, ti) = (
        data.elements.index_of(&r).unwrap(),
        data.elements.index_of(&t).unwrap(),
    );
    let v = dihedral_verdicts(&data, ri, ti, &SolverOptions::new(act.clone()));
    (data, v)
}

/// The CLI's module-free text, plain and certified, equals the module's graph byte for
/// byte: odd and even `n`, dicyclic groups with `m` odd (a complex pair of linear
/// characters) and even, three activations.
#[test]
fn module_free_text_is_the_module_graph() {
    for (group, act) in [
        ("D300", "relu"),
        ("D302", "abs"),
        ("D330", "leaky:1/3"),
        ("Q300", "relu"),
        ("Q308", "abs"),
        ("Q400", "leaky:1/3"),
    ] {
        for certify in [false, true] {
            let mut args = vec!["graph", group, "--activation", act];
            if certify {
                args.push("--certify");
            }
            let out = plrep(&args);
            assert_eq!(out.status.code(), Some(0), "{group}");
            let text = String::from_utf8(out.stdout).unwrap();
            assert_eq!(
                text,
                module_text(group, Activation::parse(act).unwrap(), certify),
                "{group} {act} {certify}"
            );
        }
    }
}

/// The route's verdicts agree with the exact solver pair by pair on small dihedral and
/// dicyclic groups (the route runs at any order when called directly), and the checker
/// accepts them.
#[test]
fn verdicts_match_the_exact_solver() {
    for name in [
        "D6", "D8", "D10", "D12", "D14", "D16", "D18", "D20", "D24", "D30", "D36", "Q8", "Q12",
        "Q16", "Q20", "Q24", "Q28", "Q36",
    ] {
        for act in [
            Activation::Relu,
            Activation::Abs,
            Activation::parse("leaky:1/2").unwrap(),
        ] {
            let g = parse_group(name).unwrap();
            let m = PlModule::new(&g, &ActionSpec::Regular, &Limits::default()).unwrap();
            let exact = solver::solve(&m, &SolverOptions::new(act.clone())).unwrap();
            let (data, v) = verdicts(name, &act);
            let v = v.expect("decided");
            let mut edges = vec![Vec::new(); v.targets.len()];
            for p in &exact.pairs {
                assert!(!matches!(p.verdict, Verdict::Unresolved { .. }), "{name}");
                if p.is_edge() {
                    edges[p.from].push(p.to as u32);
                }
            }
            assert_eq!(edges, v.targets, "{name} {act:?}");
            check_dihedral(&data, &v, &SolverOptions::new(act.clone())).expect("checked");
        }
    }
}

/// Every kind of tampering is rejected: an edge dropped or added, a shape's frequency,
/// a wrong `t`, a linear source's targets.
#[test]
fn the_checker_rejects_tampered_claims() {
    let act = Activation::Relu;
    let o = SolverOptions::new(act.clone());
    for name in ["D24", "Q20"] {
        let (data, v) = verdicts(name, &act);
        let v = v.unwrap();
        check_dihedral(&data, &v, &o).unwrap();
        let rot = v
            .shapes
            .iter()
            .position(|s| matches!(s, Shape::Rotation { .. }))
            .unwrap();
        // Drop an edge of a rotation simple.
        let mut w = v.clone();
        w.targets[rot].remove(0);
        assert!(check_dihedral(&data, &w, &o).is_err(), "{name} drop");
        // Add every missing target to a rotation simple (one is a rule (a) non-edge).
        let mut w = v.clone();
        w.targets[rot] = (0..v.shapes.len() as u32).collect();
        assert!(check_dihedral(&data, &w, &o).is_err(), "{name} add");
        // Shift a frequency.
        let mut w = v.clone();
        if let Shape::Rotation { k } = w.shapes[rot] {
            w.shapes[rot] = Shape::Rotation { k: k + 1 };
        }
        assert!(check_dihedral(&data, &w, &o).is_err(), "{name} frequency");
        // t in <r>.
        let mut w = v.clone();
        w.t = w.r;
        assert!(check_dihedral(&data, &w, &o).is_err(), "{name} t");
        // A linear source reaching a rotation simple.
        let mut w = v.clone();
        w.targets[0].push(rot as u32);
        w.targets[0].sort_unstable();
        assert!(check_dihedral(&data, &w, &o).is_err(), "{name} linear");
        // A bias is refused.
        let mut b = o.clone();
        b.bias = Some(plrep::arith::Q::from_int(1));
        assert!(check_dihedral(&data, &v, &b).is_err(), "{name} bias");
    }
}

/// Not dihedral or dicyclic: no pair `(r, t)`, or no verdicts.
#[test]
fn other_groups_take_the_module_path() {
    for name in ["C12", "S4", "A5", "C2xC6"] {
        assert!(
            halving_pair(&parse_group(name).unwrap()).is_none(),
            "{name}"
        );
    }
    // The semidihedral group of order 16: <r> of index 2 but not inverted.
    let sd16 = parse_group("(1,2,3,4,5,6,7,8),(2,4)(3,7)(6,8)").unwrap();
    assert_eq!(sd16.order(), 16u32.into());
    assert!(halving_pair(&sd16).is_none());
}

/// Above `--max-memory-mb` the table is refused with exit 3 naming the flag; the large
/// groups of issue 13 run at the default limits.
#[test]
fn limits_are_checked_before_the_table() {
    let out = plrep(&["graph", "D1000"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).ends_with("unresolved 0\n"));
    let out = plrep(&["graph", "Q1000", "--certify"]);
    assert_eq!(out.status.code(), Some(0));
    let out = plrep(&["graph", "D2000", "--max-memory-mb", "10"]);
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--max-memory-mb"), "{err}");
}
