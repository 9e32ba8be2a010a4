//! Benchmarks of `CharacterTable::compute` (enumeration, classes, table, verification)
//! on the 15 benchmark groups of `tests/data/bench`.
//!
//! GAP 4.12's times for `Irr(Group(gens))` on the reference machine, in ms (A8 and M12
//! with `IrrDixonSchneider`): S8 304, A8 156, PSL2_31 658, M11 360, M12 90, D400 1489,
//! C1000 237, SG384_5000 597, S4wrC2 36, PSL2_7xC6 82, S9 1599, M22 199, PSL2_49 7821,
//! PSL3_4 203, D1000 26378. Run `cargo bench --bench tables [-- NAME]`.

use criterion::{criterion_group, criterion_main, Criterion};
use plrep::character::symmetric::{giant_table, sn_values};
use plrep::character::CharacterTable;
use plrep::group::{Limits, PermGroup};
use std::path::Path;
use std::time::Duration;

fn load(path: &Path) -> (String, PermGroup) {
    let text = std::fs::read_to_string(path).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    (
        v["name"].as_str().unwrap().to_string(),
        plrep::group::spec::group_from_json(&text, "bench").unwrap(),
    )
}

fn tables(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bench");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let mut group = c.benchmark_group("character_table");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(200))
        .measurement_time(Duration::from_secs(2));
    for path in paths {
        let (name, g) = load(&path);
        group.bench_function(name, |b| {
            b.iter(|| CharacterTable::compute(&g, &Limits::default()).unwrap())
        });
    }
    group.finish();
}

/// The combinatorial tables of `S_n`/`A_n` (Murnaghan–Nakayama, verified), and the bare
/// value table of `S30` (beyond the 64-bit tables). Issue 16 measured GAP 4.12 on the
/// reference machine: `Irr` of `A11` 0.58 s, `S11` 2.2 s (see benches/gap_compare.sh
/// for a side-by-side run).
fn giant_tables(c: &mut Criterion) {
    let mut group = c.benchmark_group("giant_table");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(200))
        .measurement_time(Duration::from_secs(2));
    for (n, symmetric) in [(11, true), (11, false), (20, true)] {
        let name = format!("{}{n}", if symmetric { "S" } else { "A" });
        group.bench_function(name, |b| {
            b.iter(|| giant_table(n, symmetric, 5000).unwrap())
        });
    }
    group.bench_function("S30 values", |b| b.iter(|| sn_values(30).unwrap()));
    // The large tables (big-integer class data, Heisenberg check; GAP 4.12's
    // CharacterTable("Symmetric", 25) + Irr took 1.95 s, "Alternating" 1.54 s, on the
    // reference machine: docs/theory.md §15.5).
    let limits = plrep::group::Limits::default();
    for (n, symmetric) in [(25, true), (25, false)] {
        let name = format!("large {}{n}", if symmetric { "S" } else { "A" });
        group.bench_function(name, |b| {
            b.iter(|| {
                plrep::character::symmetric_large::LargeGiantTable::compute(n, symmetric, &limits)
                    .unwrap()
            })
        });
    }
    group.finish();
}

/// The route without enumeration (docs/theory.md §17): `M23` at the default limits, and
/// the large route forced on `M12` (compare with `character_table/M12`). GAP 4.12's
/// `Irr(CharacterTable(MathieuGroup(23)))` took 3.4 s on the reference machine.
fn large_tables(c: &mut Criterion) {
    let mut group = c.benchmark_group("large_table");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(200))
        .measurement_time(Duration::from_secs(2));
    let limits = Limits::default();
    let m12 = plrep::group::catalog::lookup("M12").unwrap();
    group.bench_function("M12 forced", |b| {
        b.iter(|| CharacterTable::compute_large(&m12, &limits, 5000).unwrap())
    });
    // The route with 1 MiB for class lists (products in Galois orbits split evenly, the
    // rest identified by canonical forms, passes evicted: docs/theory.md §19), as a
    // ratio to "M12 forced" and to the enumerated `character_table/M12` run alongside.
    let tight = Limits {
        max_memory_mb: 1,
        ..Limits::default()
    };
    group.bench_function("M12 forced, 1 MiB", |b| {
        b.iter(|| CharacterTable::compute_large(&m12, &tight, 5000).unwrap())
    });
    group.bench_function("M12 enumerated", |b| {
        b.iter(|| CharacterTable::compute(&m12, &limits).unwrap())
    });
    let m23 = plrep::group::catalog::lookup("M23").unwrap();
    group.bench_function("M23", |b| {
        b.iter(|| CharacterTable::compute(&m23, &limits).unwrap())
    });
    // `M24` at the default limits: Galois pairs proved without a class matrix pass and
    // no irrational class matrix in the splitting (docs/theory.md §26), about 2 s CPU
    // where the previous route took 150 s; compare with "M23" and "M12 forced" run
    // alongside (GAP 4.12: 4.1 s CPU on the same machine).
    let m24 = plrep::group::catalog::lookup("M24").unwrap();
    group.bench_function("M24", |b| {
        b.iter(|| CharacterTable::compute(&m24, &limits).unwrap())
    });
    group.finish();
}

/// Abelian tables in compact form (docs/theory.md §21):
/// the compact table and its text, written to a sink, against the ordinary route
/// (`CharacterTable::compute` and `table_text`) run alongside on `C1000` — the ratio is
/// the figure; `C4096` compact alone (the ordinary route needs 4 GB). GAP 4.12's
/// `Irr(CharacterTable(CyclicGroup(4096)))` took about 5 s CPU on the same machine.
fn abelian_tables(c: &mut Criterion) {
    use plrep::character::abelian_table::AbelianTable;
    use plrep::character::RealSimples;
    use plrep::report::abelian_table::abelian_table_text;
    use plrep::report::table::{table_text, Rows};
    let mut group = c.benchmark_group("abelian_table");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(200))
        .measurement_time(Duration::from_secs(3));
    let limits = Limits::default();
    for name in ["C1000", "C4096"] {
        let g = plrep::group::catalog::lookup(name).unwrap();
        group.bench_function(format!("{name} compact + text"), |b| {
            b.iter(|| {
                let t = AbelianTable::compute(&g, &limits).unwrap();
                abelian_table_text(&mut std::io::sink(), "title", &t).unwrap();
            })
        });
    }
    let g = plrep::group::catalog::lookup("C1000").unwrap();
    group.bench_function("C1000 ordinary + text", |b| {
        b.iter(|| {
            let t = CharacterTable::compute(&g, &limits).unwrap();
            let r = RealSimples::from_table(&t);
            table_text("title", &t, &r, Rows::Complex).len()
        })
    });
    group.finish();
}

criterion_group!(benches, tables, giant_tables, large_tables, abelian_tables);
criterion_main!(benches);
