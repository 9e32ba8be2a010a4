//! Tests of the large combinatorial tables of `S_n` and `A_n` (`n <= 30`, orders beyond
//! 64 bits; `LargeGiantTable`, checked by the Heisenberg relations): against the
//! verified 64-bit tables for `n <= 12` and `n = 20`, against a naive Murnaghan–Nakayama
//! rule (every skew shape tried) for `n <= 12`, against GAP's `CharacterTable("Symmetric",
//! n)` on sampled entries for `n = 21, 25, 30`, column sums (the number of square roots)
//! and orthogonality on sampled rows and columns for `S_25 .. S_30`, and the command line.

use crate::cli::{fails, record, stdout};
use num_bigint::{BigInt, BigUint};
use plrep::arith::{Cyclotomic, Q};
use plrep::character::heisenberg::verify_sn_columns;
use plrep::character::partition::{partitions, Partition};
use plrep::character::symmetric::{centralizer_order, giant_table, sn_values};
use plrep::character::symmetric_large::{GiantValue, LargeGiantTable};
use plrep::group::Limits;
use plrep::record::table::TableRecord;
use plrep::record::Count;
use std::collections::HashMap;

fn large(n: u32, symmetric: bool) -> LargeGiantTable {
    let limits = Limits {
        max_classes: 6000,
        ..Limits::default()
    };
    LargeGiantTable::compute(n, symmetric, &limits).unwrap()
}

fn exact(v: GiantValue) -> Cyclotomic {
    match v {
        GiantValue::Integer(x) => Cyclotomic::from_int(x),
        GiantValue::Irrational { eps, q, plus } => {
            let root = Cyclotomic::sqrt_of_rational(&Q::from(eps * q as i64)).unwrap();
            let e = Cyclotomic::from_int(eps);
            let half = Q::from(1) / Q::from(2);
            if plus {
                (e + &root).scale(&half)
            } else {
                (e - &root).scale(&half)
            }
        }
    }
}

/// The large table is the 64-bit table (itself verified by the `k^3` check and against
/// Dixon–Schneider): classes, sizes, labels, power maps, degrees, indicators, values.
fn same_as_giant_table(n: u32, symmetric: bool) {
    let t = large(n, symmetric);
    let g = giant_table(n, symmetric, 5000).unwrap();
    let k = g.num_classes();
    assert_eq!(t.num_classes(), k);
    assert_eq!(t.order, BigUint::from(g.order));
    for i in 0..k {
        let c = &t.classes[i];
        assert_eq!(c.size, BigUint::from(g.sizes[i]), "S{n} class {i}");
        assert_eq!(c.centralizer_order, BigUint::from(g.centralizer_orders[i]));
        assert_eq!(c.element_order, g.orders[i]);
        assert_eq!(c.label(), g.class_labels[i]);
        assert_eq!(c.rep, g.reps[i]);
    }
    for (p, map) in t.prime_power_maps() {
        assert_eq!(map, g.power_map(p as i64), "power map {p} of {n}");
    }
    for (a, chi) in t.characters.iter().enumerate() {
        let h = &g.characters[a];
        assert_eq!(chi.label(), g.character_labels[a]);
        assert_eq!(chi.degree, h.degree);
        assert_eq!(chi.indicator, h.indicator, "{} of {n}", chi.label());
        for i in 0..k {
            assert_eq!(exact(t.value(a, i)), h.values[i], "{} on {i}", chi.label());
        }
    }
}

#[test]
fn large_tables_are_the_verified_64_bit_tables() {
    for n in 2..=12 {
        same_as_giant_table(n, true);
        same_as_giant_table(n, false);
    }
    same_as_giant_table(20, true);
}

/// `chi^lambda(mu)` by the rule with every rim hook found by trying every partition
/// `nu` inside `lambda` of the right size: `lambda/nu` a border strip (occupied rows
/// contiguous, consecutive rows overlapping in exactly one column).
fn naive(lambda: &[u32], mu: &[u32]) -> i64 {
    let Some((&r, rest)) = mu.split_first() else {
        return i64::from(lambda.is_empty());
    };
    let m: u32 = lambda.iter().sum();
    let mut total = 0;
    for nu in partitions(m - r) {
        let p = nu.parts();
        if p.len() > lambda.len() || p.iter().zip(lambda).any(|(a, b)| a > b) {
            continue;
        }
        let nu: Vec<u32> = (0..lambda.len())
            .map(|i| p.get(i).copied().unwrap_or(0))
            .collect();
        let rows: Vec<usize> = (0..lambda.len()).filter(|&i| nu[i] < lambda[i]).collect();
        let contiguous = rows.windows(2).all(|w| w[1] == w[0] + 1);
        let strip = rows.windows(2).all(|w| lambda[w[1]] == nu[w[0]] + 1);
        if rows.is_empty() || !contiguous || !strip {
            continue;
        }
        let rest_lambda: Vec<u32> = nu.iter().copied().filter(|&x| x > 0).collect();
        let sign = if (rows.len() - 1) % 2 == 0 { 1 } else { -1 };
        total += sign * naive(&rest_lambda, rest);
    }
    total
}

#[test]
fn large_tables_agree_with_the_naive_rule() {
    for n in 1..=12u32 {
        let parts = partitions(n);
        let t = if n >= 2 { Some(large(n, true)) } else { None };
        for (a, lambda) in parts.iter().enumerate() {
            for (i, mu) in parts.iter().enumerate() {
                let v = naive(lambda.parts(), mu.parts());
                if let Some(t) = &t {
                    assert_eq!(t.value(a, i), GiantValue::Integer(v), "S{n} {lambda} {mu}");
                } else {
                    assert_eq!(v, 1);
                }
            }
        }
    }
}

/// `tests/data/gap/sn_samples.txt`: GAP 4.12, `Irr(CharacterTable("Symmetric", n))` on 300
/// sampled (character, class) pairs for n = 21, 25, 30, labelled by partitions.
#[test]
fn large_tables_agree_with_gap_on_sampled_entries() {
    let text = std::fs::read_to_string(crate::support::data("gap/sn_samples.txt")).unwrap();
    let parse = |s: &str| -> Partition {
        Partition::new(
            s.trim_matches(|c| c == '[' || c == ']' || c == ' ')
                .split(',')
                .map(|x| x.trim().parse().unwrap())
                .collect(),
        )
    };
    let mut by_n: HashMap<u32, Vec<(Partition, Partition, i64)>> = HashMap::new();
    for line in text.lines() {
        let (n, rest) = line.split_once(' ').unwrap();
        let close = rest.find(']').unwrap();
        let lambda = parse(&rest[..=close]);
        let rest = &rest[close + 1..];
        let close = rest.find(']').unwrap();
        let mu = parse(&rest[..=close]);
        let v: i64 = rest[close + 1..].trim().parse().unwrap();
        by_n.entry(n.parse().unwrap())
            .or_default()
            .push((lambda, mu, v));
    }
    assert_eq!(by_n.len(), 3);
    for (n, samples) in by_n {
        let t = large(n, true);
        let row: HashMap<&Partition, usize> = t
            .characters
            .iter()
            .enumerate()
            .map(|(i, c)| (&c.partition, i))
            .collect();
        let col: HashMap<&Partition, usize> = t
            .classes
            .iter()
            .enumerate()
            .map(|(i, c)| (&c.cycle_type, i))
            .collect();
        for (lambda, mu, v) in &samples {
            assert_eq!(
                t.value(row[lambda], col[mu]),
                GiantValue::Integer(*v),
                "S{n} {lambda} {mu}"
            );
        }
    }
}

/// The number of `h` in `S_n` with `h^2` of cycle type `mu`: cycles of odd length `r`
/// are squares of one `r`-cycle or of a `2r`-cycle through two of them (`r` ways),
/// cycles of even length only the latter.
fn square_roots(mu: &Partition) -> BigUint {
    let mut count: HashMap<u32, u32> = HashMap::new();
    for &p in mu.parts() {
        *count.entry(p).or_insert(0) += 1;
    }
    let mut total = BigUint::from(1u32);
    for (&r, &m) in &count {
        // sum over j pairs: C(m, 2j) (2j-1)!! r^j, the others single (odd r only)
        let mut f = BigUint::from(0u32);
        for j in 0..=m / 2 {
            if r % 2 == 0 && 2 * j != m {
                continue;
            }
            let mut ways = BigUint::from(1u32);
            for t in 0..2 * j {
                ways *= m - t;
            }
            for t in 1..=2 * j {
                ways /= t; // C(m, 2j) built as falling factorial / (2j)!
            }
            for t in (1..2 * j).step_by(2) {
                ways *= t;
            }
            for _ in 0..j {
                ways *= r;
            }
            f += ways;
        }
        total *= f;
    }
    total
}

/// Column sums (all characters of `S_n` have indicator 1, so `sum_chi chi(g)` is the
/// number of square roots of `g`) and orthogonality on sampled rows and columns, exactly.
#[test]
fn large_tables_satisfy_sampled_column_sums_and_orthogonality() {
    for n in [25u32, 28, 30] {
        let t = large(n, true);
        let k = t.num_classes();
        let val = |a: usize, i: usize| match t.value(a, i) {
            GiantValue::Integer(x) => x as i128,
            _ => unreachable!("S_n is rational"),
        };
        let mut state = 0x9e37_79b9_7f4a_7c15u64 ^ n as u64;
        let mut pick = || crate::support::xorshift(&mut state) as usize % k;
        for _ in 0..40 {
            let i = pick();
            let sum: i128 = (0..k).map(|a| val(a, i)).sum();
            let mu = &t.classes[i].cycle_type;
            assert_eq!(
                BigUint::try_from(sum).unwrap(),
                square_roots(mu),
                "S{n} {mu}"
            );
            // columns: sum_chi chi(g_i) chi(g_j) = delta z_mu
            let j = if pick() % 4 == 0 { i } else { pick() };
            let dot: i128 = (0..k).map(|a| val(a, i) * val(a, j)).sum();
            let expect = if i == j {
                BigInt::from(centralizer_order(mu))
            } else {
                BigInt::from(0)
            };
            assert_eq!(BigInt::from(dot), expect, "S{n} columns {i} {j}");
            // rows: sum_c |C_c| chi_a(c) chi_b(c) = delta n!
            let (a, b) = (pick(), if pick() % 4 == 0 { i } else { pick() });
            let b = if b == i { a } else { b };
            let dot: BigInt = (0..k)
                .map(|c| {
                    BigInt::from(t.classes[c].size.clone()) * BigInt::from(val(a, c) * val(b, c))
                })
                .sum();
            let expect = if a == b {
                BigInt::from(t.order.clone())
            } else {
                BigInt::from(0)
            };
            assert_eq!(dot, expect, "S{n} rows {a} {b}");
        }
    }
}

/// The check rejects a table with one wrong value, and accepts the right one, for every
/// cycle type of `S_9`.
#[test]
fn the_heisenberg_check_rejects_a_tampered_value() {
    let v = sn_values(9).unwrap();
    let types = partitions(9);
    assert!(verify_sn_columns(9, &types, &|l, t| v[l][t] as i64).is_ok());
    for t0 in [0usize, 7, 29] {
        let bad = |l: usize, t: usize| v[l][t] as i64 + i64::from(l == 3 && t == t0);
        assert!(verify_sn_columns(9, &types, &bad).is_err());
    }
    // a repeated or foreign cycle type is refused
    let mut twice = types.clone();
    twice[1] = twice[0].clone();
    assert!(verify_sn_columns(9, &twice, &|l, t| v[l][t] as i64).is_err());
}

#[test]
fn large_tables_on_the_command_line() {
    let err = fails(&["table", "S30"], 3);
    assert!(err.contains("--max-classes"), "{err}");
    let err = fails(&["table", "S21", "--max-memory-mb", "1"], 3);
    assert!(err.contains("--max-memory-mb"), "{err}");
    let err = fails(&["table", "S22", "--real"], 2);
    assert!(err.starts_with("error: "), "{err}");
    let text = stdout(&["table", "S21"]);
    assert!(text.starts_with(
        "Character table of S21 (order 51090942171709440000, 792 classes, Murnaghan-Nakayama)"
    ));
    assert!(text.contains("\nX.792 [ 21 ]\n"));
    let doc: TableRecord = record(&["table", "A21"]);
    assert_eq!(doc.schema, "plrep.table.v1");
    assert_eq!(doc.group.order, Count::Big("25545471085854720000".into()));
    let total: BigUint = doc
        .classes
        .iter()
        .map(|c| c.size.to_string().parse::<BigUint>().unwrap())
        .sum();
    assert_eq!(total.to_string(), "25545471085854720000");
    assert_eq!(doc.characters.len(), doc.classes.len());
    assert_eq!(
        doc.characters[0].partition.as_deref(),
        Some("[ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 ]")
    );
    let md = stdout(&["table", "S21", "--format", "markdown"]);
    assert!(md.starts_with("**Character table of S21"));
    let tex = stdout(&["table", "A21", "--format", "latex"]);
    assert!(tex.contains("\\end{tabular}"));
}
