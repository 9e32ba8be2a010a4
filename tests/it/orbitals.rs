//! Orbitals by Schreier joins (theory.md §27.1) against the definition: a breadth-first
//! search over pairs `(y, x)` along the generators, numbered by first pair. The whole
//! table, the representatives and the sizes must agree, on modules with several orbits
//! of rows, with `X != Y`, and with more than 256 orbitals (the two-byte table).

use plrep::group::gset::{ActionSpec, GSet};
use plrep::group::orbitals::Orbitals;
use plrep::group::spec::parse_group;
use plrep::group::Limits;

/// The orbit number of every pair by a queue of pairs, numbered by first pair in the
/// order `(y, x)` lexicographic; and each orbit's size.
fn naive(x: &GSet, y: &GSet) -> (Vec<usize>, Vec<u64>) {
    let (nx, ny) = (x.len(), y.len());
    let mut orbit = vec![usize::MAX; nx * ny];
    let mut sizes = Vec::new();
    for start in 0..nx * ny {
        if orbit[start] != usize::MAX {
            continue;
        }
        let id = sizes.len();
        orbit[start] = id;
        let mut queue = vec![start];
        let mut i = 0;
        while i < queue.len() {
            let (yy, xx) = (queue[i] / nx, queue[i] % nx);
            for (gx, gy) in x.generators().iter().zip(y.generators()) {
                let q = gy.apply(yy) * nx + gx.apply(xx);
                if orbit[q] == usize::MAX {
                    orbit[q] = id;
                    queue.push(q);
                }
            }
            i += 1;
        }
        sizes.push(queue.len() as u64);
    }
    (orbit, sizes)
}

fn gset(group: &str, action: &str) -> GSet {
    let g = parse_group(group).unwrap();
    GSet::new(&g, &ActionSpec::parse(action).unwrap(), &Limits::default()).unwrap()
}

#[test]
fn schreier_joins_give_the_orbits_of_pairs() {
    let cases = [
        ("S4", "natural", "natural"),
        ("S4", "natural + subsets:2", "natural + subsets:2"),
        ("S4", "natural", "natural * natural"),
        ("S5", "subsets:2", "trivial:2 + natural"),
        ("D8", "regular", "conjugation"),
        ("A5", "cosets:(1,2)(3,4)", "natural"),
        ("S6", "tuples:3", "tuples:3"),
        ("M11", "natural", "subsets:2"),
        ("C300", "regular", "regular"),
        ("C2xC2xC3", "natural * natural", "regular"),
    ];
    let mut wide = false;
    for (group, from, to) in cases {
        let (x, y) = (gset(group, from), gset(group, to));
        let o = Orbitals::compute(&x, &y, &Limits::default()).unwrap();
        let (orbit, sizes) = naive(&x, &y);
        assert_eq!(o.len(), sizes.len(), "{group}: {from} -> {to}");
        wide |= o.len() > 256;
        for yy in 0..y.len() {
            let mut row = Vec::new();
            o.for_row(yy, |xx, c| row.push((xx, c)));
            assert_eq!(row.len(), x.len());
            for (xx, c) in row {
                assert_eq!(c, orbit[yy * x.len() + xx], "{group}: ({yy}, {xx})");
                assert_eq!(o.orbit_of(yy, xx), c);
            }
        }
        for (c, &s) in sizes.iter().enumerate() {
            assert_eq!(o.size(c), s, "{group}: size of orbital {c}");
            let (ry, rx) = o.representative(c);
            assert_eq!(orbit[ry * x.len() + rx], c);
            // The representative is the orbit's first pair.
            assert!(orbit[..ry * x.len() + rx].iter().all(|&d| d != c));
        }
    }
    assert!(wide, "no case with a two-byte table");
}

/// The limit is checked before the tables are allocated, on their narrowest widths.
#[test]
fn orbital_tables_above_the_memory_limit_are_refused() {
    // 720 points: 720^2 pairs of two-byte bijections and one-byte orbitals, 1.5 MiB.
    let x = gset("S10", "tuples:3");
    let limits = |max_memory_mb| Limits {
        max_memory_mb,
        ..Limits::default()
    };
    let err = Orbitals::compute(&x, &x, &limits(1)).unwrap_err();
    assert!(err.to_string().contains("2 MiB of orbital tables"), "{err}");
    assert!(err.to_string().contains("--max-memory-mb"), "{err}");
    // The same tables fit under 2 MiB: the refusal is the limit, not the module.
    let ok = Orbitals::compute(&x, &x, &limits(2)).expect("1.5 MiB fits in 2 MiB");
    assert_eq!(ok.len(), naive(&x, &x).1.len());
}
