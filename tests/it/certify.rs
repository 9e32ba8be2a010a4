//! The independent checker: it imports nothing of the search but its data types, and it
//! rejects every kind of wrong claim (witness, obstruction, block space, reason).

use plrep::arith::Cyclotomic;
use plrep::group::gset::ActionSpec;
use plrep::group::spec::parse_group;
use plrep::group::{Limits, Perm};
use plrep::pl::{
    certify, solve, Activation, BlockKind, Obstruction, PlModule, Reason, ReasonKind, Solution,
    SolverOptions, Verdict,
};
use std::path::PathBuf;

fn module(g: &str, action: &str) -> PlModule {
    PlModule::new(
        &parse_group(g).unwrap(),
        &ActionSpec::parse(action).unwrap(),
        &Limits::default(),
    )
    .unwrap()
}

fn solved(g: &str, action: &str, act: &str) -> (PlModule, Solution) {
    let m = module(g, action);
    let s = solve(&m, &SolverOptions::new(Activation::parse(act).unwrap())).unwrap();
    certify(&m, &s).unwrap();
    (m, s)
}

/// The checker's source files, without comments.
fn checker_sources() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/pl/certify");
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        let text = std::fs::read_to_string(&p).unwrap();
        let code: Vec<&str> = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect();
        out.push((p.display().to_string(), code.join("\n")));
    }
    assert!(out.len() >= 3, "the checker lives in src/pl/certify/");
    out
}

#[test]
fn checker_imports_only_data_types_of_the_search() {
    const SEARCH: [&str; 10] = [
        "symmetry",
        "abelian",
        "cyclic_graph",
        "dihedral_graph",
        "solver",
        "witness",
        "blocks",
        "field",
        "centralizer",
        "reason",
    ];
    const DATA: [&str; 13] = [
        "Symmetry",
        "CyclicVerdicts",
        "DihedralVerdicts",
        "Shape",
        "FourierWitness",
        "Obstruction",
        "PairResult",
        "Solution",
        "SolverOptions",
        "Verdict",
        "Witness",
        "BlockKind",
        "Reason",
    ];
    // Names of search code (functions, tables) and of PlModule's solver methods.
    const FORBIDDEN: [&str; 26] = [
        "solve_cyclic",
        "cyclic_verdicts",
        "primes_with_roots",
        "block_kind",
        "BlockSpace",
        "hadamard_vanishes",
        "search",
        "Field",
        "CentralizerAction",
        "generator_scalars",
        "Explainer",
        "sign_rule",
        "SignRule",
        "orbital",
        "class_sums",
        "project_",
        "projector_scale",
        "multiplicity",
        ".psi(",
        ".image(",
        "module.present",
        "m.present",
        "apply_activation",
        "random_vector",
        "solve(",
        "solve_",
    ];
    for (path, code) in checker_sources() {
        for f in FORBIDDEN {
            assert!(!code.contains(f), "{path} names search code: {f}");
        }
        let mut in_use = vec![0usize; SEARCH.len()];
        for stmt in code.split(';') {
            let t = stmt.trim_start();
            let Some(stmt) = t
                .strip_prefix("use ")
                .or_else(|| t.strip_prefix("pub use "))
            else {
                continue;
            };
            let segments: Vec<&str> = stmt
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .filter(|s| !s.is_empty())
                .collect();
            if let Some(pos) = segments.iter().position(|s| SEARCH.contains(s)) {
                in_use[SEARCH.iter().position(|s| *s == segments[pos]).unwrap()] += 1;
                for name in &segments[pos + 1..] {
                    assert!(
                        DATA.contains(name),
                        "{path} imports {name} from the search module {}",
                        segments[pos]
                    );
                }
            }
        }
        // No path into a search module outside those imports.
        for (s, n) in SEARCH.iter().zip(in_use) {
            assert_eq!(code.matches(&format!("{s}::")).count(), n, "{path}: {s}::");
        }
    }
}

/// The modules of `pl` import each other without a cycle (the solver and the
/// centralizer used to import each other).
#[test]
fn pl_modules_form_no_import_cycle() {
    use std::collections::{BTreeMap, BTreeSet};
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/pl");
    let mut deps: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut add = |module: &str, text: &str, prefixes: &[&str]| {
        let code: Vec<&str> = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect();
        let code = code.join("\n");
        for prefix in prefixes {
            for (at, _) in code.match_indices(prefix) {
                let name: String = code[at + prefix.len()..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() && name != module {
                    deps.entry(module.to_string()).or_default().insert(name);
                }
            }
        }
    };
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        let stem = p.file_stem().unwrap().to_string_lossy().to_string();
        if p.is_dir() {
            for f in std::fs::read_dir(&p).unwrap() {
                let f = f.unwrap().path();
                let text = std::fs::read_to_string(&f).unwrap();
                // In a directory module's mod.rs `super::x` is `pl::x`; in its other
                // files `super::super::x` is.
                let prefix = if f.ends_with("mod.rs") {
                    "super::"
                } else {
                    "super::super::"
                };
                add(&stem, &text, &[prefix, "crate::pl::"]);
            }
        } else if stem != "mod" {
            let text = std::fs::read_to_string(&p).unwrap();
            add(&stem, &text, &["super::", "crate::pl::"]);
        }
    }
    assert!(deps["solver"].contains("reason") && deps["centralizer"].contains("sign_rule"));
    // Depth-first search for a back edge.
    fn visit(
        m: &str,
        deps: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) {
        match state.get(m) {
            Some(2) => return,
            Some(1) => panic!("import cycle: {} -> {m}", path.join(" -> ")),
            _ => {}
        }
        state.insert(m.to_string(), 1);
        path.push(m.to_string());
        for d in deps.get(m).into_iter().flatten() {
            visit(d, deps, state, path);
        }
        path.pop();
        state.insert(m.to_string(), 2);
    }
    let mut state = BTreeMap::new();
    for m in deps.keys() {
        visit(m, &deps, &mut state, &mut Vec::new());
    }
}

#[test]
fn a_wrong_witness_is_rejected() {
    let (m, s) = solved("D8", "regular", "relu");
    let i = s.pairs.iter().position(|p| p.is_edge()).unwrap();
    for change in 0..4 {
        let mut t = s.clone();
        let Verdict::Edge(w) = &mut t.pairs[i].verdict else {
            unreachable!()
        };
        match change {
            0 => w.value = (&*w.value + &Cyclotomic::one()).into(),
            1 => std::sync::Arc::make_mut(&mut w.r)[0] += 1,
            2 => w.point = m.points(),
            _ => w.scale = &w.scale * &plrep::arith::Q::from_int(2),
        }
        let e = certify(&m, &t).unwrap_err().to_string();
        assert!(e.contains("edge"), "{change}: {e}");
    }
}

#[test]
fn a_wrong_obstruction_is_rejected() {
    // An edge claimed as a non-edge, with each kind of obstruction.
    let (m, s) = solved("C8", "regular", "relu");
    let (i, blocks) = s
        .pairs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.is_edge())
        .find_map(|(i, e)| {
            s.pairs.iter().find_map(|p| match &p.verdict {
                Verdict::NonEdge(o @ Obstruction::Blocks { .. }) if p.from == e.from => {
                    Some((i, o.clone()))
                }
                _ => None,
            })
        })
        .unwrap();
    for o in [Obstruction::Linear, Obstruction::Hadamard, blocks] {
        let mut t = s.clone();
        t.pairs[i].verdict = Verdict::NonEdge(o.clone());
        assert!(certify(&m, &t).is_err(), "{o:?}");
    }
    // Square: a true Hadamard non-edge stays, a Hadamard claim on an edge does not.
    let (m, s) = solved("S3", "regular", "square");
    let i = s.pairs.iter().position(|p| p.is_edge()).unwrap();
    let mut t = s.clone();
    t.pairs[i].verdict = Verdict::NonEdge(Obstruction::Hadamard);
    assert!(certify(&m, &t).is_err());
    // A kernel flag flipped.
    let mut t = s.clone();
    t.pairs[0].kernel_rule = !t.pairs[0].kernel_rule;
    assert!(certify(&m, &t).is_err());
}

#[test]
fn a_wrong_block_space_is_rejected() {
    let many = |s: &Solution| {
        s.pairs.iter().position(|p| {
            matches!(&p.verdict, Verdict::NonEdge(Obstruction::Blocks { classes, .. }) if classes.len() > 1)
        })
    };
    let (m, s, j) = [
        ("D8", "relu"),
        ("C8", "relu"),
        ("S4", "relu"),
        ("C12", "abs"),
    ]
    .into_iter()
    .find_map(|(g, a)| {
        let (m, s) = solved(g, "regular", a);
        many(&s).map(|j| (m, s, j))
    })
    .expect("a block space with two classes");
    let mutate = |f: &BlockMutation| {
        let mut t = s.clone();
        if let Verdict::NonEdge(Obstruction::Blocks {
            kind,
            zero_set,
            classes,
        }) = &mut t.pairs[j].verdict
        {
            f(
                kind,
                std::sync::Arc::make_mut(zero_set),
                std::sync::Arc::make_mut(classes),
            );
        }
        certify(&m, &t)
    };
    // Two classes merged.
    let e = mutate(&|_, _, c| {
        let second = c.remove(1);
        c[0].extend(second);
    });
    assert!(e.is_err());
    // A point moved into the zero set.
    let e = mutate(&|_, z, c| {
        let (x, _) = c[0].pop().unwrap();
        z.push(x);
        z.sort();
    });
    assert!(e.is_err());
    // A sign flipped.
    let e = mutate(&|_, _, c| c[0][0].1 = -c[0][0].1);
    assert!(e.is_err());
    // A point dropped, or listed in two classes: no longer a partition of X.
    let e = mutate(&|_, _, c| {
        c[1].pop();
    });
    assert!(e.unwrap_err().to_string().contains("partition"));
    let e = mutate(&|_, _, c| {
        let x = c[0][0];
        c[1].push(x);
    });
    assert!(e.is_err());
    // A class split in two describes V_L still (a finer partition, a larger space):
    // only P_L' may reject it, never the rows.
    let e = mutate(&|_, _, c| {
        if c[0].len() > 1 {
            let (x, _) = c[0].pop().unwrap();
            c.push(vec![(x, 1)]);
        }
    });
    if let Err(e) = e {
        assert!(e.to_string().contains("does not kill"), "{e}");
    }
    // The odd space, which need not contain relu's values.
    let e = mutate(&|k, _, _| *k = BlockKind::Odd);
    assert!(e.unwrap_err().to_string().contains("block space"));
    // Unchanged, it holds.
    assert!(mutate(&|_, _, _| {}).is_ok());
}

#[test]
fn a_wrong_reason_is_rejected() {
    // S4 on the cosets of a double transposition: centralizer reasons occur.
    let (m, s) = solved("S4", "cosets:(1,2)(3,4)", "relu");
    let j = s
        .pairs
        .iter()
        .position(|p| p.reason_kind == Some(ReasonKind::Centralizer))
        .expect("a centralizer reason");
    let Some(Reason::Centralizer { generators }) = &s.pairs[j].reason else {
        panic!("structured reason")
    };
    let n = m.points();
    // The identity (acts by +1 everywhere: excludes nothing).
    let mut t = s.clone();
    t.pairs[j].reason = Some(Reason::Centralizer {
        generators: vec![Perm::identity(n)],
    });
    assert!(certify(&m, &t).is_err());
    // A permutation that does not commute with G.
    let mut t = s.clone();
    let swap = Perm::from_images(
        (0..n as u32)
            .map(|x| if x < 2 { 1 - x } else { x })
            .collect(),
    )
    .unwrap();
    t.pairs[j].reason = Some(Reason::Centralizer {
        generators: vec![swap],
    });
    assert!(certify(&m, &t).is_err());
    // The right generators on a pair they do not explain (an edge's endpoints).
    let e = s.pairs.iter().position(|p| p.is_edge()).unwrap();
    let mut t = s.clone();
    t.pairs[e].reason = s.pairs[j].reason.clone();
    t.pairs[e].reason_kind = s.pairs[j].reason_kind;
    t.pairs[e].explanation = s.pairs[j].explanation.clone();
    assert!(certify(&m, &t).is_err());
    // A kernel reason naming a class outside ker L (the identity is in every kernel,
    // so it is never outside ker L').
    let mut t = s.clone();
    t.pairs[j].reason = Some(Reason::Kernel {
        class: 0,
        plus_minus: false,
    });
    t.pairs[j].reason_kind = Some(ReasonKind::Kernel);
    assert!(certify(&m, &t).is_err());
    // A kind that disagrees with the claim.
    let mut t = s.clone();
    t.pairs[j].reason_kind = Some(ReasonKind::Kernel);
    assert!(certify(&m, &t).is_err());
    assert!(!generators.is_empty());
}

/// Every reason the solver gives on the reference modules is re-derived.
#[test]
fn every_reason_is_checked() {
    let mut reasons = 0;
    for (g, action) in [
        ("S4", "cosets:(1,2)(3,4)"),
        ("S4", "regular"),
        ("A4", "regular"),
        ("D8", "regular"),
        ("Q8", "regular"),
    ] {
        for act in ["relu", "abs", "hardtanh", "square", "leaky:1/3"] {
            let m = module(g, action);
            let s = solve(&m, &SolverOptions::new(Activation::parse(act).unwrap())).unwrap();
            let rep = certify(&m, &s).unwrap_or_else(|e| panic!("{g} {action} {act}: {e}"));
            assert_eq!(
                rep.reasons,
                s.pairs.iter().filter(|p| p.reason.is_some()).count()
            );
            reasons += rep.reasons;
        }
    }
    assert!(reasons > 50, "{reasons}");
}

/// A change to a claimed block space: its kind, zero set and signed classes.
type BlockMutation = dyn Fn(&mut BlockKind, &mut Vec<usize>, &mut Vec<Vec<(usize, i8)>>);

/// The group-ring sums of the checker (theory.md §24) and the term-by-term sums agree:
/// both accept every true solution with the same report, and both reject a witness value
/// changed by a small cyclotomic amount, on groups with irrational characters, modules
/// beyond the regular one and activations with a bias.
#[test]
fn group_ring_checker_agrees_with_term_by_term() {
    use plrep::pl::certify::certify_term_by_term;
    let cases = [
        ("S3xC10", "regular", "relu", None),
        ("Q8xC5", "regular", "abs", None),
        ("A5", "regular", "hardtanh", Some("1/2")),
        ("SL2_3", "regular", "leaky:1/3", Some("-1")),
        ("S4", "subsets:2", "relu", None),
        ("C7xS3", "regular", "square", None),
    ];
    for (g, action, act, bias) in cases {
        let m = module(g, action);
        let opts = SolverOptions::new(Activation::parse(act).unwrap())
            .with_bias(bias.map(|b| b.parse::<plrep::arith::Q>().unwrap()));
        let s = solve(&m, &opts).unwrap();
        let fast = certify(&m, &s).unwrap();
        assert_eq!(fast, certify_term_by_term(&m, &s).unwrap(), "{g} {act}");
        assert!(fast.edges > 0, "{g} {act}");
        let i = s.pairs.iter().position(|p| p.is_edge()).unwrap();
        let mut t = s.clone();
        let Verdict::Edge(w) = &mut t.pairs[i].verdict else {
            unreachable!()
        };
        w.value = (&*w.value + &Cyclotomic::e(5).scale(&plrep::arith::Q::new(1, 7))).into();
        assert!(certify(&m, &t).is_err(), "{g} {act}");
        assert!(certify_term_by_term(&m, &t).is_err(), "{g} {act}");
    }
}
