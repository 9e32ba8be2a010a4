//! Benchmarks of the subgroup classes (zuppo extension), of `enumerate` (every
//! transitive module solved and certified, sequentially) and of the survey's per-group
//! work (the same modules on the rayon pool). Report figures as ratios against a baseline
//! run at the same time (`cargo bench --bench subgroups -- --save-baseline before`, then
//! `--baseline before`).

mod common;
use common::group;

use criterion::{criterion_group, criterion_main, Criterion};
use plrep::enumerate::Enumeration;
use plrep::group::subgroups::{Method, SubgroupClasses};
use plrep::group::{ConjugacyClasses, Limits};
use plrep::pl::{Activation, SolverOptions};
use plrep::survey::record::{survey_group, ActionChoice, SurveyOptions};

fn bench(c: &mut Criterion) {
    let mut grp = c.benchmark_group("subgroup_classes");
    grp.sample_size(10);
    for name in ["S4", "SG96_64", "S6", "PSL2_13", "A7"] {
        let g = group(name);
        let limits = Limits::default();
        let e = g.enumerate(&limits).unwrap();
        let cc = ConjugacyClasses::compute(&e, g.generators());
        grp.bench_function(name, |b| {
            b.iter(|| SubgroupClasses::compute(&g, &e, &cc, &limits).unwrap())
        });
    }
    grp.finish();
    // The transporter method (the default above 2048 elements) against the
    // stored-conjugates baseline on the same group, as a ratio measured in one run; GAP's
    // side is benches/gap_compare.sh --subgroups.
    let mut grp = c.benchmark_group("subgroup_classes_methods");
    grp.sample_size(10);
    for name in ["PSL2_13", "A7", "M11"] {
        let g = group(name);
        let limits = Limits::default();
        let e = g.enumerate(&limits).unwrap();
        let cc = ConjugacyClasses::compute(&e, g.generators());
        for (label, method) in [
            ("transporters", Method::Transporters),
            ("stored_conjugates", Method::StoredConjugates),
        ] {
            grp.bench_function(format!("{name}/{label}"), |b| {
                b.iter(|| SubgroupClasses::compute_with(&g, &e, &cc, &limits, method).unwrap())
            });
        }
    }
    grp.finish();
    let mut grp = c.benchmark_group("enumerate_relu_certified");
    grp.sample_size(10);
    for name in ["S4", "SL2_3", "A5", "SG32_49", "S5"] {
        let g = group(name);
        grp.bench_function(name, |b| {
            b.iter(|| {
                Enumeration::compute(
                    &g,
                    &SolverOptions::new(Activation::Relu),
                    &Limits::default(),
                )
                .unwrap()
            })
        });
    }
    grp.finish();
    // The survey's per-group work (transitive modules in parallel on the rayon pool).
    let mut grp = c.benchmark_group("survey_transitive_relu");
    grp.sample_size(10);
    for name in ["S4", "A5", "SG32_49", "A6"] {
        let g = group(name);
        let options = SurveyOptions {
            actions: vec![ActionChoice::Transitive],
            solver: SolverOptions::new(Activation::Relu),
            limits: Limits::default(),
        };
        grp.bench_function(name, |b| b.iter(|| survey_group(name, &g, &options)));
    }
    grp.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
