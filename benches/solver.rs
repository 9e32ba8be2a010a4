//! Benchmarks of the certified interaction graph of the regular module (solve + certify),
//! and of the on-demand solver against the former dense path (`solve_dense`), run side by
//! side on the same modules: the ratio `solve / solve_dense` is printed per group
//! (theory.md §14), so it does not depend on the machine's load.

mod common;
use common::group;

use criterion::{criterion_group, criterion_main, Criterion};
use plrep::group::gset::ActionSpec;
use plrep::group::Limits;
use plrep::pl::{certify, solve, solve_cyclic, solve_dense, Activation, PlModule, SolverOptions};
use std::time::{Duration, Instant};

fn bench(c: &mut Criterion) {
    let mut grp = c.benchmark_group("regular_relu_certified");
    grp.sample_size(10);
    for name in ["SL2_3", "S5", "SG96_64", "C40", "A6"] {
        let g = group(name);
        grp.bench_function(name, |b| {
            b.iter(|| {
                let m = PlModule::new(&g, &ActionSpec::Regular, &Limits::default()).unwrap();
                let s = solve(&m, &SolverOptions::new(Activation::Relu)).unwrap();
                certify(&m, &s).unwrap();
            })
        });
    }
    grp.finish();
}

/// The least of three runs of `f` (the module is built once, outside).
fn best(mut f: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap()
}

fn fast_vs_dense(c: &mut Criterion) {
    let opts = SolverOptions::new(Activation::Relu);
    let mut grp = c.benchmark_group("regular_relu_solve");
    grp.sample_size(10);
    for name in ["C64", "C128", "SG96_64", "A6", "S3xS3xS3"] {
        let g = group(name);
        let m = PlModule::new(&g, &ActionSpec::Regular, &Limits::default()).unwrap();
        let fast = best(|| drop(solve(&m, &opts).unwrap()));
        let dense = best(|| drop(solve_dense(&m, &opts).unwrap()));
        println!(
            "solve/solve_dense {name} (order {}): {:.3} s / {:.3} s = {:.3}",
            m.order(),
            fast.as_secs_f64(),
            dense.as_secs_f64(),
            fast.as_secs_f64() / dense.as_secs_f64()
        );
        grp.bench_function(format!("{name}_fast"), |b| {
            b.iter(|| solve(&m, &opts).unwrap())
        });
        grp.bench_function(format!("{name}_dense"), |b| {
            b.iter(|| solve_dense(&m, &opts).unwrap())
        });
    }
    grp.finish();
}

/// The cyclic route (Fourier residues, theory.md §18) against the exact solver on the
/// same module, side by side: the ratio `solve_cyclic / solver::solve`, and the same
/// with each answer certified by the checker.
fn cyclic_route(c: &mut Criterion) {
    let opts = SolverOptions::new(Activation::Relu);
    let mut grp = c.benchmark_group("regular_relu_cyclic_route");
    grp.sample_size(10);
    for name in ["C128", "C250"] {
        let g = group(name);
        let m = PlModule::new(&g, &ActionSpec::Regular, &Limits::default()).unwrap();
        let route = best(|| drop(solve_cyclic(&m, &opts).unwrap()));
        let exact = best(|| drop(plrep::pl::solver::solve(&m, &opts).unwrap()));
        let route_c = best(|| {
            certify(&m, &solve_cyclic(&m, &opts).unwrap()).unwrap();
        });
        let exact_c = best(|| {
            certify(&m, &plrep::pl::solver::solve(&m, &opts).unwrap()).unwrap();
        });
        println!(
            "solve_cyclic/solver::solve {name}: {:.3} s / {:.3} s = {:.4}; certified {:.3} s / {:.3} s = {:.4}",
            route.as_secs_f64(),
            exact.as_secs_f64(),
            route.as_secs_f64() / exact.as_secs_f64(),
            route_c.as_secs_f64(),
            exact_c.as_secs_f64(),
            route_c.as_secs_f64() / exact_c.as_secs_f64()
        );
        grp.bench_function(format!("{name}_route"), |b| {
            b.iter(|| solve_cyclic(&m, &opts).unwrap())
        });
    }
    grp.finish();
}

/// The cyclic route without the module (theory.md §20) against the route through the
/// module (character table, action table, `solve_cyclic`), side by side: the ratio of the
/// two times to the same verdicts.
fn module_free(c: &mut Criterion) {
    let opts = SolverOptions::new(Activation::Relu);
    let mut grp = c.benchmark_group("regular_relu_module_free");
    grp.sample_size(10);
    for n in [500u64, 1000] {
        let g = group(&format!("C{n}"));
        let free = best(|| drop(plrep::pl::cyclic_verdicts(n, &opts).unwrap()));
        let module = best(|| {
            let m = PlModule::new(&g, &ActionSpec::Regular, &Limits::default()).unwrap();
            drop(solve_cyclic(&m, &opts).unwrap());
        });
        println!(
            "cyclic_verdicts/(PlModule::new + solve_cyclic) C{n}: {:.3} s / {:.3} s = {:.4}",
            free.as_secs_f64(),
            module.as_secs_f64(),
            free.as_secs_f64() / module.as_secs_f64()
        );
        grp.bench_function(format!("C{n}_module_free"), |b| {
            b.iter(|| plrep::pl::cyclic_verdicts(n, &opts).unwrap())
        });
    }
    // Certified: the route and its checker (certify/cyclic.rs) against the module path
    // and the module's checker (the §7 checker on the block non-edges), C300 to keep
    // the module path's check within seconds.
    {
        let n = 300u64;
        let g = group(&format!("C{n}"));
        let free = best(|| {
            let v = plrep::pl::cyclic_verdicts(n, &opts).unwrap();
            drop(plrep::pl::check_cyclic(v, &opts.activation, None).unwrap());
        });
        let module = best(|| {
            let m = PlModule::new(&g, &ActionSpec::Regular, &Limits::default()).unwrap();
            drop(plrep::pl::check(&m, solve_cyclic(&m, &opts).unwrap()).unwrap());
        });
        println!(
            "certified: (cyclic_verdicts + check_cyclic)/(PlModule::new + solve_cyclic + check) C{n}: {:.3} s / {:.3} s = {:.4}",
            free.as_secs_f64(),
            module.as_secs_f64(),
            free.as_secs_f64() / module.as_secs_f64()
        );
        grp.bench_function(format!("C{n}_module_free_certified"), |b| {
            b.iter(|| {
                let v = plrep::pl::cyclic_verdicts(n, &opts).unwrap();
                plrep::pl::check_cyclic(v, &opts.activation, None).unwrap()
            })
        });
    }
    grp.finish();
}

/// The dihedral route without the module (theory.md §20, §23) against the module path
/// (character table, action table, the exact solver and its checker), side by side on
/// the same group: the ratio of the two times to the same certified verdicts.
fn dihedral_route(c: &mut Criterion) {
    use plrep::pl::dihedral_graph::{dihedral_verdicts, halving_pair};
    let opts = SolverOptions::new(Activation::Relu);
    let mut grp = c.benchmark_group("regular_relu_dihedral_route");
    grp.sample_size(10);
    for name in ["D300", "Q400"] {
        let g = group(name);
        let route = || {
            let (r, t) = halving_pair(&g).unwrap();
            let data = plrep::pl::GroupData::new(&g, &Limits::default()).unwrap();
            let (ri, ti) = (
                data.elements.index_of(&r).unwrap(),
                data.elements.index_of(&t).unwrap(),
            );
            let v = dihedral_verdicts(&data, ri, ti, &opts).unwrap();
            plrep::pl::certify::check_dihedral(&data, &v, &opts).unwrap();
        };
        let free = best(route);
        let module = best(|| {
            let m = PlModule::new(&g, &ActionSpec::Regular, &Limits::default()).unwrap();
            certify(&m, &solve(&m, &opts).unwrap()).unwrap();
        });
        println!(
            "dihedral route (certified)/(PlModule::new + solve + certify) {name}: {:.3} s / {:.3} s = {:.4}",
            free.as_secs_f64(),
            module.as_secs_f64(),
            free.as_secs_f64() / module.as_secs_f64()
        );
        grp.bench_function(format!("{name}_dihedral_route"), |b| b.iter(route));
    }
    grp.finish();
}

/// The checker's group-ring sums (theory.md §24) against the former term-by-term
/// [`Cyclotomic`](plrep::arith::Cyclotomic) sums, side by side on the same solution of a
/// non-abelian group with a large abelian factor: the ratio
/// `certify / certify_term_by_term`.
fn checker_group_ring(c: &mut Criterion) {
    use plrep::pl::certify::certify_term_by_term;
    let opts = SolverOptions::new(Activation::Relu);
    let mut grp = c.benchmark_group("regular_relu_checker");
    grp.sample_size(10);
    for name in ["S3xC20", "Q8xC15", "SL2_3xC10", "A5xC2"] {
        let g = group(name);
        let m = PlModule::new(&g, &ActionSpec::Regular, &Limits::default()).unwrap();
        let s = solve(&m, &opts).unwrap();
        let fast = best(|| {
            std::hint::black_box(certify(&m, &s).unwrap());
        });
        let old = best(|| {
            std::hint::black_box(certify_term_by_term(&m, &s).unwrap());
        });
        println!(
            "certify/certify_term_by_term {name} (order {}): {:.3} s / {:.3} s = {:.3}",
            m.order(),
            fast.as_secs_f64(),
            old.as_secs_f64(),
            fast.as_secs_f64() / old.as_secs_f64()
        );
        grp.bench_function(format!("{name}_certify"), |b| {
            b.iter(|| certify(&m, &s).unwrap())
        });
    }
    grp.finish();
}

/// abelian certified module-free vs module path: `graph G --certify` on a non-cyclic
/// abelian group through the compact table, the cyclic quotients and their checker
/// (theory.md §25) against the module path (module, solver, checker) to the same bytes,
/// side by side: the ratio of the two times.
fn abelian_certified(c: &mut Criterion) {
    use plrep::report::regular_route::regular_text;
    let opts = SolverOptions::new(Activation::Relu);
    let mut grp = c.benchmark_group("abelian certified module-free vs module path");
    grp.sample_size(10);
    for name in ["C2xC150", "C6xC60"] {
        let g = plrep::group::spec::parse_group(name).unwrap();
        let limits = Limits::default();
        let free = || regular_text(&g, &ActionSpec::Regular, &opts, true, &limits).unwrap();
        let module = || {
            let m = PlModule::new(&g, &ActionSpec::Regular, &limits).unwrap();
            let s = plrep::pl::check(&m, solve(&m, &opts).unwrap()).unwrap();
            plrep::graph::InteractionGraph::from_certified(&m, &s).to_text()
        };
        assert_eq!(free(), Some(module()), "{name}");
        let t_free = best(|| drop(free()));
        let t_module = best(|| drop(module()));
        println!(
            "abelian certified module-free/module path {name}: {:.3} s / {:.3} s = {:.4}",
            t_free.as_secs_f64(),
            t_module.as_secs_f64(),
            t_free.as_secs_f64() / t_module.as_secs_f64()
        );
        grp.bench_function(format!("{name}_module_free_certified"), |b| b.iter(free));
    }
    grp.finish();
}

criterion_group!(
    benches,
    bench,
    fast_vs_dense,
    cyclic_route,
    module_free,
    dihedral_route,
    checker_group_ring,
    abelian_certified
);
criterion_main!(benches);
