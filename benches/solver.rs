//! Benchmarks of the certified interaction graph of the regular module (solve + certify).

mod common;
use common::group;

use criterion::{criterion_group, criterion_main, Criterion};
use plrep::group::gset::ActionSpec;
use plrep::group::Limits;
use plrep::pl::{certify, solve, Activation, PlModule, SolverOptions};

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

criterion_group!(benches, bench);
criterion_main!(benches);
