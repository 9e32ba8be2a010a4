//! Benchmarks of the exact arithmetic hot paths: building character values from
//! eigenvalue multiplicities, products in Q(E(n)), inverses and certified signs.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use plrep::arith::{Cyclotomic, Q};

fn bench(c: &mut Criterion) {
    let mult: Vec<i64> = (0..1000).map(|s| ((s * 37 + 11) % 7) as i64 - 3).collect();
    c.bench_function("from_root_multiplicities C1000 dense", |b| {
        b.iter(|| Cyclotomic::from_root_multiplicities(1000, black_box(&mult)))
    });
    let x = Cyclotomic::from_root_multiplicities(1000, &mult);
    c.bench_function("product dense Q(E(1000))", |b| {
        b.iter(|| black_box(&x) * black_box(&x))
    });
    let a: Cyclotomic = "E(7)+E(7)^2+E(7)^4".parse().unwrap();
    let e: Cyclotomic = "-E(5)^2-E(5)^3".parse().unwrap();
    c.bench_function("product small fields", |b| {
        b.iter(|| black_box(&a) * black_box(&e))
    });
    c.bench_function("sum small fields", |b| {
        b.iter(|| black_box(&a) + black_box(&e))
    });
    c.bench_function("inverse Q(E(35))", |b| {
        let y: Cyclotomic = "1+E(35)^2+E(35)^6".parse().unwrap();
        b.iter(|| black_box(&y).inv())
    });
    let r: Cyclotomic = "E(5)+E(5)^4".parse().unwrap();
    let near = &r - &Cyclotomic::from_q(Q::new(618033988749894848, 1000000000000000000));
    c.bench_function("sign f64 stage", |b| b.iter(|| black_box(&r).sign()));
    c.bench_function("sign refinement stage", |b| {
        b.iter(|| black_box(&near).sign())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
