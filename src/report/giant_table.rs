//! The large combinatorial tables of `S_n` and `A_n` (`21 <= n <= 30`,
//! [`LargeGiantTable`]) as text, Markdown, LaTeX and JSON, written as they are formatted
//! (`S_30` is 5604 × 5604 values). The layouts are those of [`super::table`] — GAP's
//! `Display` for text, `plrep.table.v1` for JSON — with sizes and centralizer orders
//! beyond 64 bits as decimal strings in JSON; the JSON document has no `real_simples`
//! and `normal_subgroups` (docs/cli.md, "Large symmetric and alternating groups").

use super::names::letters;
use super::table::Legend;
use super::table::{group_record, power_maps_record};
use crate::arith::{Cyclotomic, Q};
use crate::character::symmetric_large::{GiantValue, LargeGiantTable};
use crate::group::PermGroup;
use crate::record::table::{CharacterRecord, ClassRecord, TableRecord, TABLE_SCHEMA};
use crate::record::Count;
use num_bigint::BigUint;
use serde::ser::{SerializeSeq, Serializer};
use serde::Serialize;
use std::collections::HashMap;
use std::io::{Result, Write};

/// GAP's class names (`1a`, `2a`, ...), as [`super::table::class_names`].
pub fn giant_class_names(t: &LargeGiantTable) -> Vec<String> {
    let mut seen: HashMap<u64, usize> = HashMap::new();
    t.classes
        .iter()
        .map(|c| {
            let k = seen.entry(c.element_order).or_insert(0);
            let name = format!("{}{}", c.element_order, letters(*k));
            *k += 1;
            name
        })
        .collect()
}

/// The exact value `(eps ± sqrt(eps q))/2`.
fn irrational(eps: i64, q: u64, plus: bool) -> Cyclotomic {
    let root = Cyclotomic::sqrt_of_rational(&Q::from(eps * q as i64))
        .expect("a square root of a rational is cyclotomic");
    let half = Q::from(1) / Q::from(2);
    let e = Cyclotomic::from_int(eps);
    if plus {
        (e + &root).scale(&half)
    } else {
        (e - &root).scale(&half)
    }
}

/// Cell texts: `.` for 0, integers, legend letters for the irrational values (named in
/// order of first appearance, row by row, as the other tables do).
struct Cells {
    legend: Legend,
    named: HashMap<(i64, u64, bool), String>,
    width: usize,
}

impl Cells {
    fn new(t: &LargeGiantTable, names: &[String]) -> Cells {
        let mut c = Cells {
            legend: Legend::default(),
            named: HashMap::new(),
            width: names.iter().map(String::len).max().unwrap_or(1),
        };
        for i in 0..t.num_classes() {
            for j in 0..t.num_classes() {
                let w = match t.value(i, j) {
                    GiantValue::Integer(x) => decimal_width(x),
                    v => c.cell(v).len(),
                };
                c.width = c.width.max(w);
            }
        }
        c
    }

    fn cell(&mut self, v: GiantValue) -> String {
        match v {
            GiantValue::Integer(0) => ".".to_string(),
            GiantValue::Integer(x) => x.to_string(),
            GiantValue::Irrational { eps, q, plus } => {
                if let Some(s) = self.named.get(&(eps, q, plus)) {
                    return s.clone();
                }
                let s = self.legend.short(&irrational(eps, q, plus));
                self.named.insert((eps, q, plus), s.clone());
                s
            }
        }
    }
}

/// The length of `x.to_string()` (`.` for 0), without formatting it.
fn decimal_width(x: i64) -> usize {
    if x == 0 {
        return 1;
    }
    let mut a = x.unsigned_abs();
    let mut d = usize::from(x < 0);
    while a > 0 {
        a /= 10;
        d += 1;
    }
    d
}

fn valuation(x: &BigUint, p: u64) -> u32 {
    let mut v = 0;
    let mut x = x.clone();
    let p = BigUint::from(p);
    while x > BigUint::from(0u32) && (&x % &p) == BigUint::from(0u32) {
        x /= &p;
        v += 1;
    }
    v
}

fn indicator(i: i8) -> &'static str {
    if i == 1 {
        "+"
    } else {
        "o"
    }
}

/// The table as text, laid out like GAP's `Display` (as [`super::table::table_text`]).
///
/// Complexity: two passes over the `k^2` values; memory `O(k)` beyond the table.
pub fn giant_table_text(w: &mut dyn Write, title: &str, t: &LargeGiantTable) -> Result<()> {
    let names = giant_class_names(t);
    let mut cells = Cells::new(t, &names);
    let width = cells.width;
    let k = t.num_classes();
    let lw = format!("X.{k}").len().max(4) + 3;
    writeln!(w, "{title}\n")?;
    let maps = t.prime_power_maps();
    for &p in maps.keys() {
        write!(w, "{:>lw$}", p)?;
        for c in &t.classes {
            let v = valuation(&c.centralizer_order, p);
            let cell = if v == 0 {
                ".".to_string()
            } else {
                v.to_string()
            };
            write!(w, " {cell:>width$}")?;
        }
        writeln!(w)?;
    }
    writeln!(w)?;
    write!(w, "{:>lw$}", "")?;
    for n in &names {
        write!(w, " {n:>width$}")?;
    }
    writeln!(w)?;
    for (p, map) in &maps {
        write!(w, "{:>lw$}", format!("{p}P"))?;
        for &c in map {
            write!(w, " {:>width$}", names[c])?;
        }
        writeln!(w)?;
    }
    writeln!(w)?;
    let mut line: Vec<u8> = Vec::with_capacity(k * (width + 1) + lw + 1);
    for (i, chi) in t.characters.iter().enumerate() {
        line.clear();
        let label = format!("X.{} {}", i + 1, indicator(chi.indicator));
        line.extend_from_slice(format!("{label:<lw$}").as_bytes());
        for c in 0..k {
            // (by hand: `write!` with padding costs more than the table itself)
            let mut digits = [0u8; 24];
            let text: &[u8] = match t.value(i, c) {
                GiantValue::Integer(0) => b".",
                GiantValue::Integer(x) => {
                    let mut a = x.unsigned_abs();
                    let mut at = digits.len();
                    while a > 0 {
                        at -= 1;
                        digits[at] = b'0' + (a % 10) as u8;
                        a /= 10;
                    }
                    if x < 0 {
                        at -= 1;
                        digits[at] = b'-';
                    }
                    &digits[at..]
                }
                v => {
                    let s = cells.cell(v);
                    let at = digits.len() - s.len();
                    digits[at..].copy_from_slice(s.as_bytes());
                    &digits[at..]
                }
            };
            line.push(b' ');
            line.extend(std::iter::repeat(b' ').take(width.saturating_sub(text.len())));
            line.extend_from_slice(text);
        }
        line.push(b'\n');
        w.write_all(&line)?;
    }
    writeln!(w)?;
    writeln!(
        w,
        "Second column: Frobenius-Schur indicator (+ real, o not real, - quaternionic)."
    )?;
    let legend = cells.legend.lines();
    if !legend.is_empty() {
        writeln!(w)?;
        for l in legend {
            writeln!(w, "{l}")?;
        }
    }
    writeln!(w, "\nCycle types:")?;
    for (n, c) in names.iter().zip(&t.classes) {
        writeln!(w, "{n} {}", c.label())?;
    }
    writeln!(w, "\nPartitions:")?;
    for (i, chi) in t.characters.iter().enumerate() {
        writeln!(w, "X.{} {}", i + 1, chi.label())?;
    }
    Ok(())
}

/// The table as a Markdown pipe table (as [`super::table::table_markdown`]).
pub fn giant_table_markdown(w: &mut dyn Write, title: &str, t: &LargeGiantTable) -> Result<()> {
    let names = giant_class_names(t);
    let mut cells = Cells::new(t, &names);
    writeln!(w, "**{title}**\n")?;
    writeln!(w, "| | ind | {} |", names.join(" | "))?;
    writeln!(w, "|---|---|{}", "---:|".repeat(names.len()))?;
    let cent: Vec<String> = t
        .classes
        .iter()
        .map(|c| c.centralizer_order.to_string())
        .collect();
    writeln!(w, "| \\|C(g)\\| | | {} |", cent.join(" | "))?;
    for (i, chi) in t.characters.iter().enumerate() {
        let row: Vec<String> = (0..t.num_classes())
            .map(|c| cells.cell(t.value(i, c)))
            .collect();
        writeln!(
            w,
            "| X.{} | {} | {} |",
            i + 1,
            indicator(chi.indicator),
            row.join(" | ").replace('*', "\\*")
        )?;
    }
    let legend = cells.legend.lines();
    if !legend.is_empty() {
        writeln!(w)?;
        for l in legend {
            writeln!(
                w,
                "- `{}",
                l.replacen(" = ", "` = `", 1).replacen(" ≈ ", "` ≈ ", 1)
            )?;
        }
    }
    Ok(())
}

/// The table as a LaTeX `tabular` (as [`super::table::table_latex`]).
pub fn giant_table_latex(w: &mut dyn Write, title: &str, t: &LargeGiantTable) -> Result<()> {
    let names = giant_class_names(t);
    let mut cells = Cells::new(t, &names);
    writeln!(w, "% {title}")?;
    writeln!(w, "\\begin{{tabular}}{{l|{}}}", "r".repeat(names.len()))?;
    let heads: Vec<String> = names.iter().map(|n| format!("${n}$")).collect();
    writeln!(w, " & {} \\\\", heads.join(" & "))?;
    let cent: Vec<String> = t
        .classes
        .iter()
        .map(|c| c.centralizer_order.to_string())
        .collect();
    writeln!(w, "$|C_G(g)|$ & {} \\\\", cent.join(" & "))?;
    writeln!(w, "\\hline")?;
    for i in 0..t.num_classes() {
        let row: Vec<String> = (0..t.num_classes())
            .map(|c| {
                let s = cells.cell(t.value(i, c));
                if s == "." {
                    "$\\cdot$".to_string()
                } else if let Some(l) = s.strip_prefix("-/") {
                    format!("$-\\overline{{{l}}}$")
                } else if let Some(l) = s.strip_prefix('/') {
                    format!("$\\overline{{{l}}}$")
                } else {
                    format!("${s}$")
                }
            })
            .collect();
        writeln!(w, "$\\chi_{{{}}}$ & {} \\\\", i + 1, row.join(" & "))?;
    }
    writeln!(w, "\\end{{tabular}}")?;
    if !cells.legend.letters.is_empty() {
        writeln!(w)?;
        for (name, v) in &cells.legend.letters {
            writeln!(w, "${name} = {}$\\\\", super::table::cyclotomic_latex(v))?;
        }
    }
    Ok(())
}

/// The characters of a large table, one [`CharacterRecord`] built and written at a time;
/// the texts of the irrational values are formatted once each.
struct GiantCharacters<'a>(&'a LargeGiantTable);

impl Serialize for GiantCharacters<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let t = self.0;
        let k = t.num_classes();
        let mut exact: HashMap<(i64, u64, bool), String> = HashMap::new();
        let mut seq = s.serialize_seq(Some(t.characters.len()))?;
        for (i, chi) in t.characters.iter().enumerate() {
            let values: Vec<String> = (0..k)
                .map(|c| match t.value(i, c) {
                    GiantValue::Integer(x) => x.to_string(),
                    GiantValue::Irrational { eps, q, plus } => exact
                        .entry((eps, q, plus))
                        .or_insert_with(|| irrational(eps, q, plus).to_string())
                        .clone(),
                })
                .collect();
            seq.serialize_element(&CharacterRecord {
                degree: chi.degree,
                indicator: chi.indicator,
                label: format!("X.{}", i + 1),
                partition: Some(chi.label()),
                values,
            })?;
        }
        seq.end()
    }
}

/// The `plrep.table.v1` document of a large table ([`TableRecord`] without
/// `normal_subgroups` and `real_simples`), pretty-printed with a final newline and
/// written as it is serialised, one character at a time: `characters` (with
/// `partition`), `classes` (with `cycle_type`; sizes and centralizer orders as strings
/// beyond 64 bits), `group`, `method`, `power_maps`, `schema`.
///
/// Complexity: the output's size; memory `O(|classes|)` beyond the table.
pub fn giant_table_json(w: &mut dyn Write, group: &PermGroup, t: &LargeGiantTable) -> Result<()> {
    let names = giant_class_names(t);
    let classes = t
        .classes
        .iter()
        .zip(names)
        .map(|(c, name)| ClassRecord {
            centralizer_order: Count::of(&c.centralizer_order),
            cycle_type: Some(c.label()),
            name,
            order: c.element_order,
            rep: c.rep.to_string(),
            size: Count::of(&c.size),
        })
        .collect();
    let doc: TableRecord<GiantCharacters<'_>> = TableRecord {
        characters: GiantCharacters(t),
        classes,
        group: group_record(group),
        method: "Murnaghan-Nakayama".to_string(),
        normal_subgroups: None,
        power_maps: power_maps_record(t.prime_power_maps()),
        real_simples: None,
        schema: TABLE_SCHEMA.to_string(),
    };
    serde_json::to_writer_pretty(&mut *w, &doc).map_err(std::io::Error::from)?;
    writeln!(w)
}
