//! Character tables as text (laid out like GAP's `Display`), Markdown, LaTeX and JSON
//! (`plrep.table.v1`, docs/cli.md).
//!
//! Irrational values are abbreviated by letters in the text, Markdown and LaTeX forms,
//! as GAP does: `A`, `B`, ... for new values, `/A` for the complex conjugate of `A`, `-A`
//! and `-/A` for the negatives; a legend below the table gives each letter's exact value
//! in GAP notation and a decimal approximation (printed only, never used).

use crate::arith::modp::prime_factors;
use crate::arith::Cyclotomic;
use crate::character::{CharacterTable, RealSimple, RealSimples};
use crate::group::PermGroup;
use crate::lattice::NormalLattice;
use crate::record::graph::GroupRecord;
use crate::record::table::{
    CharacterRecord, ClassRecord, NormalSubgroupRecord, RealSimpleRecord, TableRecord, TABLE_SCHEMA,
};
use crate::record::Count;
use crate::report::names::letters;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// GAP's class names: element order followed by a letter (`1a`, `2a`, `2b`, `4a`, ...),
/// letters counting the classes of the same element order in table order.
pub fn class_names(table: &CharacterTable) -> Vec<String> {
    let mut names = Vec::with_capacity(table.num_classes());
    for (i, &o) in table.orders.iter().enumerate() {
        let before = table.orders[..i].iter().filter(|&&x| x == o).count();
        names.push(format!("{o}{}", letters(before)));
    }
    names
}

/// The abbreviations of irrational values, in order of first appearance.
#[derive(Debug, Default)]
pub(crate) struct Legend {
    /// The letters with their values, in order of first appearance.
    pub(crate) letters: Vec<(String, Cyclotomic)>,
    /// Every value already named (a letter, its negative, conjugate and negative
    /// conjugate) with its short form: one hash lookup per table entry.
    known: std::collections::HashMap<Cyclotomic, String>,
}

impl Legend {
    /// The short form of `v`: itself when rational, else a letter expression.
    pub(crate) fn short(&mut self, v: &Cyclotomic) -> String {
        if v.is_rational() {
            return v.to_string();
        }
        if let Some(s) = self.known.get(v) {
            return s.clone();
        }
        let name = letters(self.letters.len()).to_uppercase();
        self.letters.push((name.clone(), v.clone()));
        let c = v.conj();
        // Insert in reverse order of preference so that the simplest form wins when two
        // coincide (e.g. -A = /A for A = E(4)).
        self.known.insert(-&c, format!("-/{name}"));
        self.known.insert(c, format!("/{name}"));
        self.known.insert(-v, format!("-{name}"));
        self.known.insert(v.clone(), name.clone());
        name
    }

    pub(crate) fn lines(&self) -> Vec<String> {
        self.letters
            .iter()
            .map(|(name, v)| {
                let (re, im) = v.to_complex();
                let approx = if v.is_real() {
                    format!("{re:.4}")
                } else {
                    format!("{re:.4}{im:+.4}i")
                };
                format!("{name} = {v} ≈ {approx}")
            })
            .collect()
    }
}

pub(crate) fn valuation(mut n: u64, p: u64) -> u32 {
    let mut v = 0;
    while n > 0 && n % p == 0 {
        n /= p;
        v += 1;
    }
    v
}

/// Which rows a rendered table shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rows {
    /// The complex irreducible characters `X.1, X.2, ...`.
    Complex,
    /// The real simples `L0, L1, ...` with their real characters.
    Real,
}

struct Body {
    labels: Vec<String>,
    extra: Vec<String>,
    cells: Vec<Vec<String>>,
    legend: Legend,
}

fn body(table: &CharacterTable, real: &RealSimples, rows: Rows) -> Body {
    let mut legend = Legend::default();
    let (labels, extra, values): (Vec<String>, Vec<String>, Vec<&Vec<Cyclotomic>>) = match rows {
        Rows::Complex => (
            (1..=table.characters.len())
                .map(|i| format!("X.{i}"))
                .collect(),
            table
                .characters
                .iter()
                .map(|c| {
                    format!("{:+}", c.indicator)
                        .replace("+0", "o")
                        .replace("+1", "+")
                        .replace("-1", "-")
                })
                .collect(),
            table.characters.iter().map(|c| &c.values).collect(),
        ),
        Rows::Real => (
            real.simples.iter().map(|l| l.label.clone()).collect(),
            real.simples
                .iter()
                .map(|l| l.kind.name()[..1].to_string())
                .collect(),
            real.simples.iter().map(|l| &l.values).collect(),
        ),
    };
    let cells = values
        .iter()
        .map(|vals| {
            vals.iter()
                .map(|v| {
                    if v.is_zero() {
                        ".".to_string()
                    } else {
                        legend.short(v)
                    }
                })
                .collect()
        })
        .collect();
    Body {
        labels,
        extra,
        cells,
        legend,
    }
}

/// The cells of a rendered table, for renderers outside this file (the atlas's HTML).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableCells {
    /// GAP's class names (`1a`, `2a`, ...).
    pub class_names: Vec<String>,
    /// Row labels (`X.1`, ... or `L0`, ...).
    pub labels: Vec<String>,
    /// The second column: indicator (`+`, `o`, `-`) or real type (`r`, `c`, `q`).
    pub extra: Vec<String>,
    /// The values, `.` for 0 and letters for irrationalities.
    pub cells: Vec<Vec<String>>,
    /// The legend lines (`A = E(3)+... ≈ ...`, the decimal printed only).
    pub legend: Vec<String>,
}

/// The cells of the table as the text form shows them (see [`table_text`]).
///
/// Complexity: one hash lookup per entry.
pub fn table_cells(table: &CharacterTable, real: &RealSimples, rows: Rows) -> TableCells {
    let b = body(table, real, rows);
    TableCells {
        class_names: class_names(table),
        labels: b.labels,
        extra: b.extra,
        cells: b.cells,
        legend: b.legend.lines(),
    }
}

/// The table as text, laid out like GAP's `Display`: centralizer orders factored by the
/// primes dividing `|G|`, class names, power maps, one row per character (`.` for 0),
/// the Frobenius–Schur indicator (`+`, `o`, `-`) or the real type (`r`, `c`, `q`) in the
/// second column, and a legend of irrationalities.
pub fn table_text(title: &str, table: &CharacterTable, real: &RealSimples, rows: Rows) -> String {
    let names = class_names(table);
    let b = body(table, real, rows);
    let mut width = names.iter().map(String::len).max().unwrap_or(1);
    for row in &b.cells {
        width = width.max(row.iter().map(String::len).max().unwrap_or(1));
    }
    let lw = b.labels.iter().map(String::len).max().unwrap_or(3).max(4) + 3;
    let mut s = String::new();
    let _ = writeln!(s, "{title}\n");
    for p in prime_factors(table.order) {
        let _ = write!(s, "{:>w$}", p, w = lw);
        for &c in &table.centralizer_orders {
            let v = valuation(c, p);
            let cell = if v == 0 {
                ".".to_string()
            } else {
                v.to_string()
            };
            let _ = write!(s, " {cell:>width$}");
        }
        s.push('\n');
    }
    s.push('\n');
    let _ = write!(s, "{:>w$}", "", w = lw);
    for n in &names {
        let _ = write!(s, " {n:>width$}");
    }
    s.push('\n');
    for p in prime_factors(table.order) {
        let pm = table.power_map(p as i64);
        let _ = write!(s, "{:>w$}", format!("{p}P"), w = lw);
        for &c in &pm {
            let _ = write!(s, " {:>width$}", names[c]);
        }
        s.push('\n');
    }
    s.push('\n');
    for (i, row) in b.cells.iter().enumerate() {
        let _ = write!(
            s,
            "{:<w$}",
            format!("{} {}", b.labels[i], b.extra[i]),
            w = lw
        );
        for cell in row {
            let _ = write!(s, " {cell:>width$}");
        }
        s.push('\n');
    }
    s.push('\n');
    match rows {
        Rows::Complex => s.push_str(
            "Second column: Frobenius-Schur indicator (+ real, o not real, - quaternionic).\n",
        ),
        Rows::Real => s.push_str(
            "Second column: type of the real simple (r real, c complex, q quaternionic).\n",
        ),
    }
    let legend = b.legend.lines();
    if !legend.is_empty() {
        s.push('\n');
        for l in legend {
            let _ = writeln!(s, "{l}");
        }
    }
    s.push_str(&labels_text(table, &names, rows));
    s
}

/// The partition labels of a combinatorial table (`S_n`, `A_n`): cycle type of each
/// class and partition of each character, one per line; empty for other tables.
fn labels_text(table: &CharacterTable, names: &[String], rows: Rows) -> String {
    let mut s = String::new();
    if !table.class_labels.is_empty() {
        s.push_str("\nCycle types:\n");
        for (n, l) in names.iter().zip(&table.class_labels) {
            let _ = writeln!(s, "{n} {l}");
        }
    }
    if rows == Rows::Complex && !table.character_labels.is_empty() {
        s.push_str("\nPartitions:\n");
        for (i, l) in table.character_labels.iter().enumerate() {
            let _ = writeln!(s, "X.{} {l}", i + 1);
        }
    }
    s
}

/// The table as a Markdown pipe table (irrationalities abbreviated, legend below).
pub fn table_markdown(
    title: &str,
    table: &CharacterTable,
    real: &RealSimples,
    rows: Rows,
) -> String {
    let names = class_names(table);
    let b = body(table, real, rows);
    let mut s = String::new();
    let _ = writeln!(s, "**{title}**\n");
    let second = if rows == Rows::Complex { "ind" } else { "type" };
    let _ = writeln!(s, "| | {second} | {} |", names.join(" | "));
    let _ = writeln!(s, "|---|---|{}", "---:|".repeat(names.len()));
    let _ = writeln!(
        s,
        "| \\|C(g)\\| | | {} |",
        table
            .centralizer_orders
            .iter()
            .map(u64::to_string)
            .collect::<Vec<_>>()
            .join(" | ")
    );
    for (i, row) in b.cells.iter().enumerate() {
        let _ = writeln!(
            s,
            "| {} | {} | {} |",
            b.labels[i],
            b.extra[i],
            row.join(" | ").replace('*', "\\*")
        );
    }
    let legend = b.legend.lines();
    if !legend.is_empty() {
        s.push('\n');
        for l in legend {
            let _ = writeln!(
                s,
                "- `{}",
                l.replacen(" = ", "` = `", 1).replacen(" ≈ ", "` ≈ ", 1)
            );
        }
    }
    s
}

/// A cyclotomic number in LaTeX, with `\zeta_n = e^{2\pi i/n}`.
pub fn cyclotomic_latex(v: &Cyclotomic) -> String {
    let gap = v.to_string();
    // GAP notation: terms like `-3/2*E(8)^3`; rewrite E(n)^k -> \zeta_{n}^{k}.
    let mut out = String::new();
    let mut rest = gap.as_str();
    while let Some(pos) = rest.find("E(") {
        out.push_str(&rest[..pos].replace('*', ""));
        rest = &rest[pos + 2..];
        let close = rest.find(')').unwrap_or(rest.len());
        let n = &rest[..close];
        rest = &rest[(close + 1).min(rest.len())..];
        let _ = write!(out, "\\zeta_{{{n}}}");
        if let Some(r) = rest.strip_prefix('^') {
            let end = r.find(|c: char| !c.is_ascii_digit()).unwrap_or(r.len());
            let _ = write!(out, "^{{{}}}", &r[..end]);
            rest = &r[end..];
        }
    }
    out.push_str(rest);
    // Fractions p/q -> \frac{p}{q} for readability.
    let mut res = String::new();
    let chars: Vec<char> = out.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i < chars.len()
                && chars[i] == '/'
                && i + 1 < chars.len()
                && chars[i + 1].is_ascii_digit()
            {
                let num: String = chars[start..i].iter().collect();
                i += 1;
                let ds = i;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                let den: String = chars[ds..i].iter().collect();
                let _ = write!(res, "\\frac{{{num}}}{{{den}}}");
            } else {
                res.extend(&chars[start..i]);
            }
        } else {
            res.push(chars[i]);
            i += 1;
        }
    }
    res
}

/// The table as a ready LaTeX `tabular` (needs no packages; `\zeta_n = e^{2\pi i/n}`),
/// irrationalities abbreviated with a legend.
pub fn table_latex(title: &str, table: &CharacterTable, real: &RealSimples, rows: Rows) -> String {
    let names = class_names(table);
    let b = body(table, real, rows);
    let mut s = String::new();
    let _ = writeln!(s, "% {title}");
    let _ = writeln!(s, "\\begin{{tabular}}{{l|{}}}", "r".repeat(names.len()));
    let _ = writeln!(
        s,
        " & {} \\\\",
        names
            .iter()
            .map(|n| format!("${n}$"))
            .collect::<Vec<_>>()
            .join(" & ")
    );
    let _ = writeln!(
        s,
        "$|C_G(g)|$ & {} \\\\",
        table
            .centralizer_orders
            .iter()
            .map(u64::to_string)
            .collect::<Vec<_>>()
            .join(" & ")
    );
    s.push_str("\\hline\n");
    for (i, row) in b.cells.iter().enumerate() {
        let label = match rows {
            Rows::Complex => format!("$\\chi_{{{}}}$", i + 1),
            Rows::Real => format!("$L_{{{}}}$", &b.labels[i][1..]),
        };
        let cells: Vec<String> = row
            .iter()
            .map(|c| {
                if c == "." {
                    "$\\cdot$".to_string()
                } else if let Some(letter) = c.strip_prefix("-/") {
                    format!("$-\\overline{{{letter}}}$")
                } else if let Some(letter) = c.strip_prefix('/') {
                    format!("$\\overline{{{letter}}}$")
                } else {
                    format!("${c}$")
                }
            })
            .collect();
        let _ = writeln!(s, "{label} & {} \\\\", cells.join(" & "));
    }
    s.push_str("\\end{tabular}\n");
    let legend = &b.legend.letters;
    if !legend.is_empty() {
        s.push('\n');
        for (name, v) in legend {
            let _ = writeln!(s, "${name} = {}$\\\\", cyclotomic_latex(v));
        }
    }
    s
}

/// The classes of a table as records: GAP class name, representative, size, element
/// order, centralizer order (and the cycle type of a table by partitions).
pub fn class_records(table: &CharacterTable) -> Vec<ClassRecord> {
    let names = class_names(table);
    (0..table.num_classes())
        .map(|i| ClassRecord {
            centralizer_order: Count::Small(table.centralizer_orders[i]),
            cycle_type: table.class_labels.get(i).cloned(),
            name: names[i].clone(),
            order: table.orders[i],
            rep: table.reps[i].to_string(),
            size: Count::Small(table.sizes[i]),
        })
        .collect()
}

/// The group part of the table and lattice documents: name (`""` when unnamed), order,
/// degree, generators.
pub fn group_record(group: &PermGroup) -> GroupRecord {
    GroupRecord {
        degree: group.degree(),
        generators: group.generators().iter().map(ToString::to_string).collect(),
        name: group.name().unwrap_or("").to_string(),
        order: Count::of(&group.order()),
    }
}

/// The power maps of a table document, keyed by the primes' decimal texts.
pub fn power_maps_record(maps: BTreeMap<u64, Vec<usize>>) -> BTreeMap<String, Vec<usize>> {
    maps.into_iter().map(|(p, m)| (p.to_string(), m)).collect()
}

/// The normal subgroups of a table document (without the lattice document's `covers`
/// and `quotient_simples`).
pub fn normal_subgroup_records(lattice: &NormalLattice) -> Vec<NormalSubgroupRecord> {
    let labels = lattice.labels();
    lattice
        .subgroups
        .iter()
        .zip(labels)
        .map(|(n, label)| NormalSubgroupRecord {
            classes: n.classes.clone(),
            covers: None,
            label,
            names: n.names.clone(),
            order: n.order,
            quotient_simples: None,
        })
        .collect()
}

/// The record of character `i` of `table`, its values as `V` (a vector, or a list
/// formatted as it is written).
pub fn character_record<V>(table: &CharacterTable, i: usize, values: V) -> CharacterRecord<V> {
    let c = &table.characters[i];
    CharacterRecord {
        degree: c.degree,
        indicator: c.indicator,
        label: format!("X.{}", i + 1),
        partition: table.character_labels.get(i).cloned(),
        values,
    }
}

/// The record of real simple `l`, its values as `V`.
pub fn real_simple_record<V>(l: &RealSimple, values: V) -> RealSimpleRecord<V> {
    RealSimpleRecord {
        characters: l.characters.clone(),
        dim: l.dim,
        kernel: l.kernel.clone(),
        label: l.label.clone(),
        minus_kernel: l.minus_kernel.clone(),
        kind: l.kind.name().to_string(),
        values,
    }
}

/// The full table document `plrep.table.v1` (docs/cli.md, docs/schemas.md), with the
/// extensions `classes[].name`, `classes[].centralizer_order`, `power_maps`, `method` and
/// `normal_subgroups[].names`. [`super::table_stream::TableDoc`] streams the same bytes.
///
/// Complexity: the size of the table.
pub fn table_record(
    group: &PermGroup,
    table: &CharacterTable,
    real: &RealSimples,
    lattice: &NormalLattice,
) -> TableRecord {
    let texts = |v: &[Cyclotomic]| v.iter().map(ToString::to_string).collect::<Vec<_>>();
    TableRecord {
        characters: (0..table.characters.len())
            .map(|i| character_record(table, i, texts(&table.characters[i].values)))
            .collect(),
        classes: class_records(table),
        group: group_record(group),
        method: table.method.to_string(),
        normal_subgroups: Some(normal_subgroup_records(lattice)),
        power_maps: power_maps_record(table.prime_power_maps()),
        real_simples: Some(
            real.simples
                .iter()
                .map(|l| real_simple_record(l, texts(&l.values)))
                .collect(),
        ),
        schema: TABLE_SCHEMA.to_string(),
    }
}

/// [`table_record`] as a JSON value.
pub fn table_json(
    group: &PermGroup,
    table: &CharacterTable,
    real: &RealSimples,
    lattice: &NormalLattice,
) -> Value {
    serde_json::to_value(table_record(group, table, real, lattice))
        .expect("a table record serialises")
}
