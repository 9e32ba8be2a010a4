//! The solver's scale work (theory.md §14.7) against independent baselines on every
//! reference group of order <= 120: the short sums of roots of unity the projections use
//! are the character values of the verified table; the parallel solve with shared seed
//! sums gives the same pairs as each source solved alone, and the independent checker
//! accepts it; the memory estimate admits what the on-demand solver can hold and still
//! refuses what it cannot, naming the flag.

use crate::solver::reference_groups;
use plrep::arith::Q;
use plrep::group::gset::ActionSpec;
use plrep::group::{Limits, PermGroup};
use plrep::pl::check_solution_memory;
use plrep::pl::projector::{solution_bytes, solver_bytes};
use plrep::pl::{
    certify, check_module_memory, solve, solve_from, Activation, GroupData, PlModule, SolverOptions,
};

fn regular(g: &PermGroup) -> PlModule {
    PlModule::new(g, &ActionSpec::Regular, &Limits::default()).unwrap()
}

#[test]
fn short_character_sums_are_the_table_values() {
    for (name, g) in reference_groups() {
        if g.order() > 120u32.into() {
            continue;
        }
        let m = regular(&g);
        let f = &m.field;
        for (l, s) in m.simples.simples.iter().enumerate() {
            for (k, v) in s.values.iter().enumerate() {
                let short = m.psi(l, k);
                let mut dense = vec![0i128; f.m()];
                for &(j, c) in short {
                    dense[j] += c;
                }
                assert_eq!(
                    &f.to_cyclotomic(&dense, &Q::one()),
                    v,
                    "{name} L{l} class {k}"
                );
                // Never longer than the Zumbroich form it came from.
                assert!(
                    short.len() <= f.sparse(v).unwrap().len(),
                    "{name} L{l} class {k}"
                );
            }
        }
    }
}

#[test]
fn parallel_solve_equals_each_source_alone() {
    for (name, g) in reference_groups() {
        if g.order() > 120u32.into() {
            continue;
        }
        let m = regular(&g);
        for a in ["relu", "abs", "hardtanh"] {
            let opts = SolverOptions::new(Activation::parse(a).unwrap());
            let s = solve(&m, &opts).unwrap();
            let alone: Vec<_> = s
                .vertices
                .iter()
                .flat_map(|&l| solve_from(&m, &opts, l, &s.vertices).unwrap())
                .collect();
            assert_eq!(s.pairs, alone, "{name} {a}");
            certify(&m, &s).unwrap();
        }
    }
}

#[test]
fn memory_estimate_follows_the_on_demand_solver() {
    let limits = Limits::default();
    // The tables alone (checked when a module is built) no longer reserve the dense
    // class sums: these modules can be built ...
    for name in ["C500", "C1000", "D2000", "Q2000"] {
        let g = plrep::group::spec::parse_group(name).unwrap();
        let (e, c) = GroupData::classes(&g, &limits).unwrap();
        check_module_memory(&e, &c, e.len() as u128, &limits)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    // ... and their field vectors still refuse these, naming the flag.
    for name in ["C2000", "C4096"] {
        let g = plrep::group::spec::parse_group(name).unwrap();
        let (e, c) = GroupData::classes(&g, &limits).unwrap();
        let err = check_module_memory(&e, &c, e.len() as u128, &limits).unwrap_err();
        assert!(err.to_string().contains("--max-memory-mb"), "{name}: {err}");
    }
    // A full solve also holds its answer (witness values, explanations). The sources
    // carried along automorphisms share their values (theory.md §29.6): C500 (314 MB
    // resident with a bias, measured) fits the default now, D14xC71 too (145 MB, was
    // 870 MB), while C2xS3xC166 (order 1992) is refused and fits a raised limit.
    for name in ["C250", "C500", "D14xC71"] {
        let m = regular(&plrep::group::spec::parse_group(name).unwrap());
        check_solution_memory(&m, &limits).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let big = regular(&plrep::group::spec::parse_group("C2xS3xC166").unwrap());
    let err = check_solution_memory(&big, &limits).unwrap_err();
    assert!(err.to_string().contains("--max-memory-mb"), "{err}");
    let raised = Limits {
        max_memory_mb: 2048,
        ..Limits::default()
    };
    check_solution_memory(&big, &raised).unwrap();
    // The tables grow like |X| m and |X|^2, no longer |X| k m.
    let small = solver_bytes(500, 500, 500, 500, 500);
    let big = solver_bytes(1000, 1000, 1000, 1000, 1000);
    assert!(big < 5 * small, "{small} -> {big}");
    // The answer: a value per solved pair, a record and an explanation per pair.
    assert_eq!(
        solution_bytes(500, 10, 10, 200),
        10 * 48 * 200 + 10 * (8 * 500 + 256)
    );
    assert_eq!(
        solution_bytes(500, 10, 2, 200),
        2 * 48 * 200 + 10 * (8 * 500 + 256)
    );
}
