//! The commutant route against the enumeration (character-table) route on modules where
//! both run (build + solve + certify, ReLU), and the commutant route alone on the
//! point-cloud examples of issue 16.

mod common;
use common::group;

use criterion::{criterion_group, criterion_main, Criterion};
use plrep::group::gset::ActionSpec;
use plrep::group::Limits;
use plrep::pl::certify::certify_commutant;
use plrep::pl::commutant::{solve_commutant, CommutantModule};
use plrep::pl::{certify, solve, Activation, PlModule, SolverOptions};

fn bench(c: &mut Criterion) {
    let opts = SolverOptions::new(Activation::Relu);
    let mut grp = c.benchmark_group("routes");
    grp.sample_size(10);
    for (name, action) in [
        ("S6", "natural * natural"),
        ("S7", "subsets:3"),
        ("S8", "natural"),
        ("A8", "subsets:2"),
    ] {
        let g = group(name);
        let spec = ActionSpec::parse(action).unwrap();
        grp.bench_function(format!("table/{name}/{action}"), |b| {
            b.iter(|| {
                let m = PlModule::new(&g, &spec, &Limits::default()).unwrap();
                let s = solve(&m, &opts).unwrap();
                certify(&m, &s).unwrap();
            })
        });
        grp.bench_function(format!("commutant/{name}/{action}"), |b| {
            b.iter(|| {
                let m = CommutantModule::new(&g, &spec, &Limits::default()).unwrap();
                let s = solve_commutant(&m, &opts).unwrap();
                certify_commutant(&m, &s).unwrap();
            })
        });
    }
    for (name, action) in [
        ("S100", "natural"),
        ("S12", "subsets:3"),
        ("S30", "natural * natural"),
    ] {
        let g = group(name);
        let spec = ActionSpec::parse(action).unwrap();
        grp.bench_function(format!("commutant/{name}/{action}"), |b| {
            b.iter(|| {
                let m = CommutantModule::new(&g, &spec, &Limits::default()).unwrap();
                let s = solve_commutant(&m, &opts).unwrap();
                certify_commutant(&m, &s).unwrap();
            })
        });
    }
    grp.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
