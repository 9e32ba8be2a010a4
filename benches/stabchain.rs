//! Schreier–Sims: the deterministic reference (`StabChain::new`) against random
//! Schreier–Sims with its proof of completeness (`StabChain::random`, without and with
//! the known order) on the same generators, run side by side so that the figures are
//! ratios measured at the same time; and `PermGroup::new` (the whole construction: giant
//! recognition or the fast chain) on the `plrep info` targets, which the reference
//! cannot build in reasonable time (minutes to hours: issue 12), so they have no
//! reference row. `cargo bench --bench stabchain`.

mod common;
use common::group;

use criterion::{criterion_group, criterion_main, Criterion};
use plrep::group::catalog::lookup;
use plrep::group::stabchain::StabChain;
use plrep::group::{Perm, PermGroup};

/// Seeded random elements of `S_n` (xorshift64*).
fn random_perms(n: usize, k: usize, seed: u64) -> Vec<Perm> {
    let mut s = seed;
    let mut next = move || {
        s ^= s >> 12;
        s ^= s << 25;
        s ^= s >> 27;
        s.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    (0..k)
        .map(|_| {
            let mut images: Vec<u32> = (0..n as u32).collect();
            for i in (1..n).rev() {
                images.swap(i, (next() % (i as u64 + 1)) as usize);
            }
            Perm::from_images(images).unwrap()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut cases: Vec<(String, usize, Vec<Perm>)> = Vec::new();
    for name in [
        "M24",
        "PSL(2,101)",
        "S30",
        "A40",
        "C5000",
        "D2000",
        "S4wrC2xPSL(2,13)",
    ] {
        let g = group(name);
        cases.push((name.to_string(), g.degree(), g.generators().to_vec()));
    }
    cases.push(("100 random of S_20".into(), 20, random_perms(20, 100, 7)));
    for (name, degree, gens) in &cases {
        let order = StabChain::new(*degree, gens).order();
        let mut grp = c.benchmark_group(format!("schreier_sims/{name}"));
        grp.sample_size(10);
        grp.bench_function("reference", |b| b.iter(|| StabChain::new(*degree, gens)));
        grp.bench_function("random+verify", |b| {
            b.iter(|| StabChain::random(*degree, gens, None))
        });
        grp.bench_function("random+known_order", |b| {
            b.iter(|| StabChain::random(*degree, gens, Some(&order)))
        });
        grp.finish();
    }
    let mut grp = c.benchmark_group("permgroup_new_info_targets");
    grp.sample_size(10);
    // As `plrep info` builds them: the catalog (formulas give PSL(2,p) and C_n their
    // known orders; S_n and A_n are recognised by Jordan's theorem).
    for name in ["S300", "S1000", "A1000", "C1000000", "PSL(2,100003)"] {
        grp.bench_function(name, |b| b.iter(|| lookup(name).unwrap()));
    }
    let gens = random_perms(50, 10_000, 11);
    // A group by generators only: no known order.
    grp.bench_function("10^4 random of S_50", |b| {
        b.iter(|| PermGroup::new(50, gens.clone()).unwrap())
    });
    grp.finish();

    // Issue 12, second round, measured with `plrep info` (release build, a loaded 2-core
    // machine; wall-clock seconds, before -> after, ratio):
    //   PSL(2,100003) as a JSON file of its 2 generators (no order): > 150 s (killed, never
    //     finished) -> 0.96 s to exit 3 naming --max-verify-work: ratio > 150;
    //   S3x...xS3, 300 factors: 13.2 s -> 0.14 s: ratio 94;
    //   S3x...xS3, 1000 factors: > 60 s (issue 12) -> 1.28 s: ratio > 47.
    // Side by side below: the former path (random Schreier–Sims stopped at the known
    // order 6^k on the product's generators) against the chain assembled from the
    // factors (`catalog::direct_product`), on a size where the former path is quick.
    let mut grp = c.benchmark_group("direct_product");
    grp.sample_size(10);
    for k in [30usize, 100] {
        let name = vec!["S3"; k].join("x");
        let assembled = lookup(&name).unwrap();
        let gens = assembled.generators().to_vec();
        let order = assembled.order();
        grp.bench_function(format!("S3^{k} random+known_order"), |b| {
            b.iter(|| PermGroup::with_known_order(3 * k, gens.clone(), order.clone()).unwrap())
        });
        grp.bench_function(format!("S3^{k} assembled"), |b| {
            b.iter(|| lookup(&name).unwrap())
        });
    }
    // A group of unknown order whose verification is refused up front (the time to the
    // refusal: the random phase and the estimate).
    let psl = lookup("PSL(2,100003)").unwrap();
    let psl_gens = psl.generators().to_vec();
    grp.bench_function("PSL(2,100003) generators only, refused", |b| {
        b.iter(|| PermGroup::new(100_004, psl_gens.clone()).unwrap_err())
    });
    grp.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
