//! Benchmarks of the permutation-group core: element enumeration plus conjugacy
//! classes for the groups of `tests/data/bench`, and the Schreier–Sims order of `S_20`.
//!
//! Run briefly with
//! `cargo bench --bench classes -- --warm-up-time 1 --measurement-time 3`.

use criterion::{criterion_group, criterion_main, Criterion};
use plrep::group::{ConjugacyClasses, Limits, Perm, PermGroup};
use std::hint::black_box;

fn load(name: &str) -> PermGroup {
    let path = format!(
        "{}/tests/data/bench/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    plrep::group::spec::group_from_json(&std::fs::read_to_string(path).unwrap(), name).unwrap()
}

fn classes(c: &mut Criterion) {
    let mut grp = c.benchmark_group("classes");
    grp.sample_size(10);
    for name in [
        "M12", "S9", "D1000", "C1000", "PSL2_49", "M22", "S8", "PSL3_4",
    ] {
        let g = load(name);
        grp.bench_function(name, |b| {
            b.iter(|| {
                let e = g.enumerate(&Limits::default()).unwrap();
                let cc = ConjugacyClasses::compute(&e, g.generators());
                black_box(cc.len())
            })
        });
    }
    grp.finish();
}

fn schreier_sims(c: &mut Criterion) {
    let n = 20;
    let cyc = format!(
        "({})",
        (1..=n).map(|i| i.to_string()).collect::<Vec<_>>().join(",")
    );
    let gens = vec![
        Perm::parse_gap(&cyc, n).unwrap(),
        Perm::parse_gap("(1,2)", n).unwrap(),
    ];
    c.bench_function("schreier_sims/S20_order", |b| {
        b.iter(|| black_box(PermGroup::new(n, gens.clone()).unwrap().order()))
    });
    let m22 = load("M22");
    c.bench_function("schreier_sims/M22_order", |b| {
        b.iter(|| {
            black_box(
                PermGroup::new(m22.degree(), m22.generators().to_vec())
                    .unwrap()
                    .order(),
            )
        })
    });
}

criterion_group!(benches, classes, schreier_sims);
criterion_main!(benches);
