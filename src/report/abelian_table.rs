//! The character table of an abelian group from its compact form
//! ([`AbelianTable`]) as text and JSON, written as it is formatted: `C4096` has
//! 16.7 million values, none of which is ever held (each is `E(e)^phi`, its text looked
//! up among the `e` texts of the powers of `E(e)`). The bytes are those of
//! [`super::table::table_text`] and [`super::table_stream::TableDoc`] on the expanded
//! table (checked by the tests).

use super::names::letters;
use super::table::{group_record, normal_subgroup_records, power_maps_record, valuation, Legend};
use crate::arith::modp::prime_factors;
use crate::arith::Cyclotomic;
use crate::character::abelian_real::{abelian_real_simples, AbelianRealSimple};
use crate::character::abelian_table::AbelianTable;
use crate::character::SimpleType;
use crate::group::PermGroup;
use crate::lattice::NormalLattice;
use crate::record::table::{
    CharacterRecord, ClassRecord, RealSimpleRecord, TableRecord, TABLE_SCHEMA,
};
use crate::record::Count;
use serde::ser::{SerializeSeq, Serializer};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::io::{Result, Write};

/// GAP's class names (`1a`, `2a`, ...), as [`super::table::class_names`].
pub fn abelian_class_names(t: &AbelianTable) -> Vec<String> {
    let mut seen: HashMap<u64, usize> = HashMap::new();
    t.classes
        .orders
        .iter()
        .map(|&o| {
            let k = seen.entry(o).or_insert(0);
            let name = format!("{o}{}", letters(*k));
            *k += 1;
            name
        })
        .collect()
}

/// `E(e)^s` exactly, in the form the ordinary table holds it (reduced order).
fn root(e: u64, s: u64) -> Cyclotomic {
    let g = crate::arith::ntheory::gcd(e, s);
    Cyclotomic::root_of_unity(e / g, (s / g) as i64)
}

/// The power maps for the primes dividing `|G|`.
fn prime_power_maps(t: &AbelianTable) -> BTreeMap<u64, Vec<usize>> {
    prime_factors(t.classes.order)
        .into_iter()
        .map(|p| (p, t.power_map(p as i64)))
        .collect()
}

/// The table as text, laid out as [`super::table::table_text`] with complex rows
/// (GAP's `Display`): a first pass over the values names the irrationalities in order of
/// first appearance and finds the column width, the second writes the rows.
///
/// Complexity: two passes of `O(|G|^2 r)` word operations; memory `O(|G| + e)`.
pub fn abelian_table_text(w: &mut dyn Write, title: &str, t: &AbelianTable) -> Result<()> {
    let n = t.num_classes();
    let e = t.exponent();
    let names = abelian_class_names(t);
    // Pass 1: the short text of every power of E(e) in order of first appearance.
    let mut legend = Legend::default();
    let mut short: Vec<Option<String>> = vec![None; e as usize];
    let mut width = names.iter().map(String::len).max().unwrap_or(1);
    for chi in 0..n {
        for c in 0..n {
            let s = t.phi(chi, c) as usize;
            if short[s].is_none() {
                let text = legend.short(&root(e, s as u64));
                width = width.max(text.len());
                short[s] = Some(text);
            }
        }
    }
    let cells: Vec<String> = short
        .iter()
        .map(|s| format!(" {:>width$}", s.as_deref().unwrap_or("")))
        .collect();
    let lw = format!("X.{n}").len().max(4) + 3;
    writeln!(w, "{title}\n")?;
    let primes = prime_factors(t.classes.order);
    for &p in &primes {
        write!(w, "{:>lw$}", p)?;
        for &c in &t.classes.centralizer_orders {
            let v = valuation(c, p);
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
    for name in &names {
        write!(w, " {name:>width$}")?;
    }
    writeln!(w)?;
    for &p in &primes {
        write!(w, "{:>lw$}", format!("{p}P"))?;
        for c in t.power_map(p as i64) {
            write!(w, " {:>width$}", names[c])?;
        }
        writeln!(w)?;
    }
    writeln!(w)?;
    let mut line = String::new();
    for chi in 0..n {
        line.clear();
        let extra = if t.indicator(chi) == 1 { "+" } else { "o" };
        line.push_str(&format!("{:<lw$}", format!("X.{} {extra}", chi + 1)));
        for c in 0..n {
            line.push_str(&cells[t.phi(chi, c) as usize]);
        }
        line.push('\n');
        w.write_all(line.as_bytes())?;
    }
    writeln!(w)?;
    w.write_all(
        b"Second column: Frobenius-Schur indicator (+ real, o not real, - quaternionic).\n",
    )?;
    let lines = legend.lines();
    if !lines.is_empty() {
        writeln!(w)?;
        for l in lines {
            writeln!(w, "{l}")?;
        }
    }
    Ok(())
}

/// The texts of `E(e)^s` (`values`) and of `E(e)^s + E(e)^-s` (`real`) for every `s`.
struct Texts {
    values: Vec<String>,
    real: Vec<String>,
}

impl Texts {
    fn new(e: u64) -> Self {
        let roots: Vec<Cyclotomic> = (0..e).map(|s| root(e, s)).collect();
        Texts {
            values: roots.iter().map(ToString::to_string).collect(),
            real: (0..e as usize)
                .map(|s| (&roots[s] + &roots[(e as usize - s) % e as usize]).to_string())
                .collect(),
        }
    }
}

/// The values of one character, formatted when written.
struct CharacterValues<'a>(&'a AbelianTable, &'a Texts, usize);

impl Serialize for CharacterValues<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let (t, texts, chi) = (self.0, self.1, self.2);
        let mut seq = s.serialize_seq(Some(t.num_classes()))?;
        for c in 0..t.num_classes() {
            seq.serialize_element(&texts.values[t.phi(chi, c) as usize])?;
        }
        seq.end()
    }
}

/// The characters, one record at a time.
struct Characters<'a>(&'a AbelianTable, &'a Texts);

impl Serialize for Characters<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.num_classes()))?;
        for chi in 0..self.0.num_classes() {
            seq.serialize_element(&CharacterRecord {
                degree: 1,
                indicator: self.0.indicator(chi),
                label: format!("X.{}", chi + 1),
                partition: None,
                values: CharacterValues(self.0, self.1, chi),
            })?;
        }
        seq.end()
    }
}

/// The values of one real simple, formatted when written.
struct SimpleValues<'a>(&'a AbelianTable, &'a Texts, &'a AbelianRealSimple);

impl Serialize for SimpleValues<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let (t, texts, l) = (self.0, self.1, self.2);
        let list = match l.kind {
            SimpleType::Complex => &texts.real,
            _ => &texts.values,
        };
        let mut seq = s.serialize_seq(Some(t.num_classes()))?;
        for c in 0..t.num_classes() {
            seq.serialize_element(&list[l.phi(t, c) as usize])?;
        }
        seq.end()
    }
}

/// The real simples, one record at a time.
struct Simples<'a>(&'a AbelianTable, &'a Texts, &'a [AbelianRealSimple]);

impl Serialize for Simples<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.2.len()))?;
        for l in self.2 {
            seq.serialize_element(&RealSimpleRecord {
                characters: l.characters.clone(),
                dim: l.dim,
                kernel: l.kernel.clone(),
                label: l.label.clone(),
                minus_kernel: l.minus_kernel.clone(),
                kind: l.kind.name().to_string(),
                values: SimpleValues(self.0, self.1, l),
            })?;
        }
        seq.end()
    }
}

/// The classes, one record at a time (a representative of `C4096` is 20 kB of text).
struct Classes<'a>(&'a AbelianTable, &'a [String]);

impl Serialize for Classes<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let d = &self.0.classes;
        let mut seq = s.serialize_seq(Some(d.len()))?;
        for (c, name) in self.1.iter().enumerate() {
            seq.serialize_element(&ClassRecord {
                centralizer_order: Count::Small(d.centralizer_orders[c]),
                cycle_type: None,
                name: name.clone(),
                order: d.orders[c],
                rep: d.reps[c].to_string(),
                size: Count::Small(d.sizes[c]),
            })?;
        }
        seq.end()
    }
}

/// The normal-subgroup lattice of an abelian group (every subgroup), as
/// [`super::lattice::normal_lattice`] finds it: the intersections of the kernels of the
/// real simples, `Z(G) = G`, `G' = 1`.
pub fn abelian_lattice(t: &AbelianTable, simples: &[AbelianRealSimple]) -> NormalLattice {
    let kernels: Vec<Vec<usize>> = simples.iter().map(|l| l.kernel.clone()).collect();
    let mut lattice = NormalLattice::from_kernels(&t.classes.sizes, &kernels);
    let centre: Vec<usize> = (0..t.num_classes()).collect();
    lattice.name_centre_and_derived(&centre, &[0]);
    lattice
}

/// The `plrep.table.v1` document of an abelian group, the bytes of
/// [`super::table_stream::TableDoc`] on the expanded table, written as serialised.
///
/// Complexity: the output's size; memory `O(|G| + e)` texts beyond the compact table.
pub fn abelian_table_json(w: &mut dyn Write, group: &PermGroup, t: &AbelianTable) -> Result<()> {
    let texts = Texts::new(t.exponent());
    let simples = abelian_real_simples(t);
    let lattice = abelian_lattice(t, &simples);
    let names = abelian_class_names(t);
    let doc = TableRecord {
        characters: Characters(t, &texts),
        classes: Classes(t, &names),
        group: group_record(group),
        method: crate::character::Method::Abelian.to_string(),
        normal_subgroups: Some(normal_subgroup_records(&lattice)),
        power_maps: power_maps_record(prime_power_maps(t)),
        real_simples: Some(Simples(t, &texts, &simples)),
        schema: TABLE_SCHEMA.to_string(),
    };
    serde_json::to_writer_pretty(&mut *w, &doc).map_err(std::io::Error::from)?;
    writeln!(w)
}
