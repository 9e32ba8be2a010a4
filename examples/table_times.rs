//! Quick timing of the character-table pipeline on the benchmark groups (phase by phase).
//! `cargo run --release --example table_times [-- NAME...] [--modp]`
use plrep::character::{dixon, CharacterTable, ClassInfo};
use plrep::group::{ConjugacyClasses, Limits, PermGroup};
use std::time::Instant;

fn load(path: &std::path::Path) -> PermGroup {
    let text = std::fs::read_to_string(path).unwrap();
    plrep::group::spec::group_from_json(&text, "bench").unwrap()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let modp_only = args.iter().any(|a| a == "--modp");
    let full_only = args.iter().any(|a| a == "--full");
    let names: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let mut paths: Vec<_> = std::fs::read_dir("tests/data/bench")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for path in paths {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        if !names.is_empty() && !names.iter().any(|n| **n == name) {
            continue;
        }
        let g = load(&path);
        if full_only {
            full_compute(&name, &g);
            continue;
        }
        let t0 = Instant::now();
        let e = g.enumerate(&Limits::default()).unwrap();
        let t1 = Instant::now();
        let cc = ConjugacyClasses::compute(&e, g.generators());
        let t2 = Instant::now();
        let ci = ClassInfo::new(&e, &cc);
        let t3 = Instant::now();
        if (ci.len() as u64) < ci.order {
            let m = dixon::dixon_schneider_mod_p(&e, &ci).unwrap();
            let t4 = Instant::now();
            let _rows = dixon::lift(&ci, &m).unwrap();
            let t5 = Instant::now();
            let table = CharacterTable::from_classes(&e, &cc).unwrap();
            let t6 = Instant::now();
            plrep::character::check_character_table(&table).unwrap();
            let t7 = Instant::now();
            plrep::character::table::verify_central_characters(&e, &ci, &table).unwrap();
            println!(
                "{name:12} from_classes {:7.1} check {:7.1} central (fresh rows) {:7.1} ms",
                (t6 - t5).as_secs_f64() * 1e3,
                (t7 - t6).as_secs_f64() * 1e3,
                t7.elapsed().as_secs_f64() * 1e3
            );
            println!(
                "{name:12} |G|={:8} k={:4} e={:6} p={:8} enum {:7.1} classes {:7.1} info {:7.1} ds {:7.1} (cols {}) lift {:7.1} ms",
                ci.order, ci.len(), ci.exponent, m.field.p(),
                (t1 - t0).as_secs_f64() * 1e3, (t2 - t1).as_secs_f64() * 1e3, (t3 - t2).as_secs_f64() * 1e3,
                (t4 - t3).as_secs_f64() * 1e3, m.columns_used.len(), (t5 - t4).as_secs_f64() * 1e3
            );
        }
        if !modp_only {
            full_compute(&name, &g);
        }
    }
}

/// Time the whole table computation, as a user calls it.
fn full_compute(name: &str, g: &plrep::group::PermGroup) {
    let t = Instant::now();
    let table = CharacterTable::compute(g, &Limits::default()).unwrap();
    println!(
        "{name:12} full compute {:8.1} ms ({}, {} classes)",
        t.elapsed().as_secs_f64() * 1e3,
        table.method,
        table.num_classes()
    );
}
