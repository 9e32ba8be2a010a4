//! Tests of the combinatorial tables of `S_n` and `A_n` (Murnaghan–Nakayama): against
//! Dixon–Schneider on the enumerated groups, against GAP's reference tables, exact
//! orthogonality up to `n = 20`, degrees against a naive hook length formula, character
//! names, and the command line.

use crate::cli::{fails, json, stdout};
use plrep::arith::Cyclotomic;
use plrep::character::partition::{partitions, Partition};
use plrep::character::symmetric::{
    centralizer_order, cycle_type_representative, giant_table, hook_degree, name_sn_simple,
    sn_character, sn_values,
};
use plrep::character::{check_character_table, CharacterTable, Method};
use plrep::group::{catalog, ConjugacyClasses, Limits};
use std::path::Path;

/// The combinatorial table agrees with Dixon–Schneider on the enumerated group: classes
/// matched by conjugacy of the representatives (a bijection preserving sizes, orders
/// and power maps), characters as a set of rows under that matching.
fn agrees_with_dixon_schneider(name: &str, n: u32, symmetric: bool) {
    let g = catalog::lookup(name).unwrap();
    let e = g.enumerate(&Limits::default()).unwrap();
    let cc = ConjugacyClasses::compute(&e, g.generators());
    let ds = CharacterTable::compute(&g, &Limits::default()).unwrap();
    assert_eq!(ds.method, Method::DixonSchneider);
    let mn = giant_table(n, symmetric, 5000).unwrap();
    assert_eq!(mn.method, Method::MurnaghanNakayama);
    assert_eq!(mn.order, ds.order, "{name}");
    let k = mn.num_classes();
    assert_eq!(k, ds.num_classes(), "{name}");
    // MN class i is DS class map[i]
    let map: Vec<usize> = mn
        .reps
        .iter()
        .map(|r| cc.class_of_perm(&e, r).expect("rep in the group"))
        .collect();
    let mut seen = map.clone();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), k, "{name}: classes not matched one to one");
    for i in 0..k {
        assert_eq!(mn.sizes[i], ds.sizes[map[i]], "{name} class {i}");
        assert_eq!(mn.orders[i], ds.orders[map[i]]);
    }
    for p in [2i64, 3, 5, 7, -1] {
        let (pm, pd) = (mn.power_map(p), ds.power_map(p));
        for i in 0..k {
            assert_eq!(map[pm[i]], pd[map[i]], "{name}: power map {p} at class {i}");
        }
    }
    let mut ds_rows: Vec<Vec<Cyclotomic>> =
        ds.characters.iter().map(|c| c.values.clone()).collect();
    for (a, chi) in mn.characters.iter().enumerate() {
        let row: Vec<Cyclotomic> = (0..k)
            .map(|j| {
                let i = map.iter().position(|&m| m == j).unwrap();
                chi.values[i].clone()
            })
            .collect();
        let pos = ds_rows.iter().position(|r| *r == row).unwrap_or_else(|| {
            panic!(
                "{name}: character {a} ({}) not in the DS table",
                mn.character_labels[a]
            )
        });
        ds_rows.remove(pos);
        assert_eq!(
            chi.indicator,
            ds.characters
                .iter()
                .find(|c| c.values == row)
                .unwrap()
                .indicator
        );
    }
    assert!(ds_rows.is_empty());
}

#[test]
fn symmetric_groups_agree_with_dixon_schneider() {
    for n in 3..=8 {
        agrees_with_dixon_schneider(&format!("S{n}"), n, true);
    }
}

#[test]
fn alternating_groups_agree_with_dixon_schneider() {
    for n in 4..=8 {
        agrees_with_dixon_schneider(&format!("A{n}"), n, false);
    }
}

/// GAP's tables (tests/data/reference, GAP 4.12): for each character of GAP's table of
/// `S4..S6`, `A4..A6`, a row of ours with the same values on the classes matched by
/// cycle type (and, for the split classes, by conjugacy in the enumerated group).
#[test]
fn against_gap_reference_tables() {
    for name in ["S4", "S5", "S6", "A4", "A5", "A6"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/reference")
            .join(format!("{name}.json"));
        let text = std::fs::read_to_string(path).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        let g = plrep::group::spec::group_from_json(&text, "reference").unwrap();
        let e = g.enumerate(&Limits::default()).unwrap();
        let cc = ConjugacyClasses::compute(&e, g.generators());
        let n: u32 = name[1..].parse().unwrap();
        let t = giant_table(n, name.starts_with('S'), 5000).unwrap();
        let ours_class: Vec<usize> = t
            .reps
            .iter()
            .map(|r| cc.class_of_perm(&e, r).unwrap())
            .collect();
        let gap_class: Vec<usize> = v["classes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                let p =
                    plrep::group::Perm::parse_gap(c["rep"].as_str().unwrap(), n as usize).unwrap();
                cc.class_of_perm(&e, &p).unwrap()
            })
            .collect();
        let gap_rows: Vec<Vec<Cyclotomic>> = v["characters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                r.as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_str().unwrap().parse().unwrap())
                    .collect()
            })
            .collect();
        assert_eq!(gap_rows.len(), t.num_classes());
        for row in gap_rows {
            // GAP's value on our class i: GAP's class with the same enumerated class
            let ours: Vec<Cyclotomic> = (0..t.num_classes())
                .map(|i| {
                    let j = gap_class.iter().position(|&c| c == ours_class[i]).unwrap();
                    row[j].clone()
                })
                .collect();
            assert!(
                t.characters.iter().any(|c| c.values == ours),
                "{name}: GAP's character {ours:?} missing"
            );
        }
    }
}

/// GAP's `CharacterTable("Symmetric", n)` order: classes and characters by
/// `Partitions(n)`, the sign character first; `A_n` characters by `lambda <= lambda'`.
#[test]
fn gap_order_and_labels() {
    let t = giant_table(4, true, 5000).unwrap();
    assert_eq!(
        t.character_labels,
        [
            "[ 1, 1, 1, 1 ]",
            "[ 2, 1, 1 ]",
            "[ 2, 2 ]",
            "[ 3, 1 ]",
            "[ 4 ]"
        ]
    );
    assert_eq!(t.orders, [1, 2, 2, 3, 4]);
    let sign: Vec<String> = t.characters[0]
        .values
        .iter()
        .map(|v| v.to_string())
        .collect();
    assert_eq!(sign, ["1", "-1", "1", "1", "-1"]);
    let a = giant_table(7, false, 5000).unwrap();
    assert_eq!(
        a.character_labels,
        [
            "[ 1, 1, 1, 1, 1, 1, 1 ]",
            "[ 2, 1, 1, 1, 1, 1 ]",
            "[ 2, 2, 1, 1, 1 ]",
            "[ 2, 2, 2, 1 ]",
            "[ 3, 1, 1, 1, 1 ]",
            "[ 3, 2, 1, 1 ]",
            "[ 3, 2, 2 ]",
            "[ 4, 1, 1, 1 ]+",
            "[ 4, 1, 1, 1 ]-"
        ]
    );
    assert_eq!(a.class_labels[7], "[ 7 ]+");
    assert_eq!(a.class_labels[8], "[ 7 ]-");
    // GAP: [ 6, 2, 3, -1, 0, 0, 1, -1, -1 ] for [ 2, 1, 1, 1, 1, 1 ]
    let x2: Vec<String> = a.characters[1]
        .values
        .iter()
        .map(|v| v.to_string())
        .collect();
    assert_eq!(x2, ["6", "2", "3", "-1", "0", "0", "1", "-1", "-1"]);
}

/// Column orthogonality, exactly (checked `i128`), and row orthogonality with the class
/// sizes `n!/z_mu` for the integer tables `sn_values(n)`, `n <= 20` (rows for `n <= 16`).
#[test]
fn orthogonality_up_to_20() {
    for n in 1..=20u32 {
        let parts = partitions(n);
        let v = sn_values(n).unwrap();
        let k = parts.len();
        let z: Vec<i128> = parts
            .iter()
            .map(|mu| i128::try_from(centralizer_order(mu)).unwrap())
            .collect();
        for i in 0..k {
            for j in i..k {
                let s = (0..k).try_fold(0i128, |acc, a| {
                    acc.checked_add(v[a][i].checked_mul(v[a][j])?)
                });
                assert_eq!(
                    s,
                    Some(if i == j { z[i] } else { 0 }),
                    "S{n}: columns {i}, {j}"
                );
            }
        }
        if n <= 16 {
            let order: i128 = (1..=n as i128).product();
            for a in 0..k {
                for b in a..k {
                    let s: i128 = (0..k).map(|i| order / z[i] * v[a][i] * v[b][i]).sum();
                    assert_eq!(s, if a == b { order } else { 0 }, "S{n}: rows {a}, {b}");
                }
            }
        }
    }
}

/// Degrees: `chi^lambda(1)` by Murnaghan–Nakayama equals `n!/prod hooks` with the hook
/// lengths counted box by box on the diagram (naive), and `hook_degree`.
#[test]
fn degrees_by_naive_hook_formula() {
    for n in 1..=14u32 {
        let one = Partition::new(vec![1; n as usize]);
        for lambda in partitions(n) {
            let rows = lambda.parts();
            let mut prod: u128 = 1;
            for (i, &r) in rows.iter().enumerate() {
                for j in 0..r as usize {
                    let arm = r as usize - j - 1;
                    let leg = rows[i + 1..].iter().filter(|&&x| x as usize > j).count();
                    prod *= (arm + leg + 1) as u128;
                }
            }
            let fact: u128 = (1..=n as u128).product();
            let d = sn_character(&lambda, &one);
            assert_eq!(d as u128, fact / prod, "{lambda}");
            assert_eq!(hook_degree(&lambda), num_bigint::BigUint::from(fact / prod));
        }
    }
}

/// Known values: `[n-1,1]` is (fixed points - 1), the sign character is the sign, the
/// character of a hook on an `n`-cycle is `(-1)^leg`, 0 for non-hooks.
#[test]
fn known_values() {
    for n in 2..=12u32 {
        let std = Partition::new(vec![n - 1, 1]);
        let sign = Partition::new(vec![1; n as usize]);
        let cycle = Partition::new(vec![n]);
        for mu in partitions(n) {
            let fixed = mu.parts().iter().filter(|&&p| p == 1).count() as i128;
            assert_eq!(sn_character(&std, &mu), fixed - 1);
            let odd = (n as usize - mu.parts().len()) % 2 == 1;
            assert_eq!(sn_character(&sign, &mu), if odd { -1 } else { 1 });
        }
        for lambda in partitions(n) {
            let is_hook = lambda.parts().len() < 2 || lambda.parts()[1] <= 1;
            let leg = lambda.parts().len() as i128 - 1;
            let expect = if is_hook {
                if leg % 2 == 0 {
                    1
                } else {
                    -1
                }
            } else {
                0
            };
            assert_eq!(sn_character(&lambda, &cycle), expect, "{lambda}");
        }
    }
    // representatives have the right cycle type
    let mu = Partition::new(vec![3, 2, 2, 1]);
    assert_eq!(
        cycle_type_representative(&mu).to_string(),
        "(1,2,3)(4,5)(6,7)"
    );
}

/// Every irreducible of `S_n` (n <= 8) is named by its own values; a non-character is
/// not named.
#[test]
fn names_of_simples() {
    for n in 1..=8u32 {
        let parts = partitions(n);
        for lambda in &parts {
            let values: Vec<i64> = parts
                .iter()
                .map(|mu| sn_character(lambda, mu) as i64)
                .collect();
            assert_eq!(name_sn_simple(n, &values).as_ref(), Some(lambda));
        }
    }
    assert_eq!(
        name_sn_simple(4, &[2, 0, 2, -1, 0]),
        Some(Partition::new(vec![2, 2]))
    );
    assert_eq!(name_sn_simple(4, &[2, 0, 2, 2, 0]), None);
}

/// Tables up to n = 20 pass the generic check too (where it is affordable) and have
/// `p(n)` classes and the right degrees.
#[test]
fn tables_pass_the_generic_check() {
    for n in [9u32, 10, 12] {
        let t = giant_table(n, true, 5000).unwrap();
        check_character_table(&t).unwrap();
        let a = giant_table(n, false, 5000).unwrap();
        check_character_table(&a).unwrap();
        assert_eq!(a.order * 2, t.order);
    }
    let t = giant_table(20, true, 5000).unwrap();
    assert_eq!(t.num_classes(), 627);
    assert!(giant_table(20, true, 600).is_err());
    assert!(giant_table(21, true, 5000).is_err());
}

/// The command line: `table S9`/`A9` use the combinatorial table (no enumeration) with
/// partition labels in text and JSON; `S21` and beyond exit 2 with a hint.
#[test]
fn cli_tables_of_giants() {
    let text = stdout(&["table", "A9"]);
    assert!(text.contains("Murnaghan-Nakayama"));
    assert!(text.contains("X.1 [ 1, 1, 1, 1, 1, 1, 1, 1, 1 ]"));
    assert!(text.contains("Cycle types:"));
    let v = json(&["table", "S12", "--max-order", "10"]);
    assert_eq!(v["method"], "Murnaghan-Nakayama");
    assert_eq!(v["characters"].as_array().unwrap().len(), 77);
    assert_eq!(v["characters"][76]["partition"], "[ 12 ]");
    assert_eq!(
        v["classes"][1]["cycle_type"],
        "[ 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 ]"
    );
    // S30 is a large table now (tests/it/symmetric_large.rs): 5604 classes need the flag
    let line = fails(&["table", "S30"], 3);
    assert!(line.contains("--max-classes"), "{line}");
    let line = fails(&["table", "S31"], 2);
    assert!(line.contains("S31"), "{line}");
}

#[test]
fn table_a8_snapshot() {
    insta::assert_snapshot!(stdout(&["table", "A8"]));
}

/// The exact integer check rejects tampered tables: a changed value (with its root
/// sum), two swapped class sizes, a wrong indicator.
#[test]
fn integer_check_rejects_tampering() {
    use plrep::character::{check_integer_table, RootSum};
    let t = giant_table(6, true, 5000).unwrap();
    check_integer_table(&t).unwrap();
    let mut bad = t.clone();
    // X.6 = [ 3, 2, 1 ] (degree 16) on the class [ 3, 3 ]: -2 -> 1, a valid sum of 16
    // roots of unity of order 3 (6 + 5 E(3) + 5 E(3)^2) but not a character value there
    let i = t.class_labels.iter().position(|l| l == "[ 3, 3 ]").unwrap();
    assert_eq!(t.characters[5].values[i], Cyclotomic::from_int(-2));
    bad.characters[5].values[i] = Cyclotomic::from_int(1);
    bad.characters[5].root_sums[i] = RootSum::from_multiplicities(3, &[6, 5, 5]);
    assert!(check_integer_table(&bad).is_err());
    let mut bad = t.clone();
    bad.classes_mut().sizes.swap(1, 2);
    assert!(check_integer_table(&bad).is_err());
    let mut bad = t.clone();
    bad.characters[0].indicator = 0;
    assert!(check_integer_table(&bad).is_err());
}
