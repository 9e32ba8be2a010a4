//! The character-table document `plrep.table.v1` serialised as it is produced (issue
//! 13.4): `plrep table C1000 --format json` is 52 MB, and [`super::table::table_json`]
//! builds it as a `serde_json::Value` tree and then one string. [`TableDoc`] implements
//! `Serialize` directly over the table, so `serde_json::to_writer_pretty` writes every
//! character's values as it formats them; the bytes are those of `table_json` (every
//! object's keys in alphabetical order, as a `Value` orders them — checked by the tests).

use super::table::{classes_json, group_json};
use crate::character::{CharacterTable, RealSimples};
use crate::group::PermGroup;
use crate::lattice::NormalLattice;
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::Serialize;
use serde_json::{json, Value};

/// The `plrep.table.v1` document of a group's character table, real simples and normal
/// lattice, serialised on the fly (see the module documentation).
///
/// Complexity: the output's size; memory `O(|classes|)` beyond the table.
///
/// ```
/// use plrep::character::{CharacterTable, RealSimples};
/// use plrep::group::{spec::parse_group, Limits};
/// use plrep::report::{lattice::normal_lattice, table::table_json, table_stream::TableDoc};
/// let g = parse_group("S4").unwrap();
/// let t = CharacterTable::compute(&g, &Limits::default()).unwrap();
/// let r = RealSimples::from_table(&t);
/// let l = normal_lattice(&t, &r);
/// let streamed = serde_json::to_string_pretty(&TableDoc { group: &g, table: &t, real: &r, lattice: &l }).unwrap();
/// assert_eq!(streamed, serde_json::to_string_pretty(&table_json(&g, &t, &r, &l)).unwrap());
/// ```
#[derive(Clone, Copy, Debug)]
pub struct TableDoc<'a> {
    /// The group.
    pub group: &'a PermGroup,
    /// Its character table.
    pub table: &'a CharacterTable,
    /// Its real simples.
    pub real: &'a RealSimples,
    /// Its normal-subgroup lattice.
    pub lattice: &'a NormalLattice,
}

/// A sequence of the `Display` texts of `items`, each formatted when written.
struct Texts<'a, T>(&'a [T]);

impl<T: std::fmt::Display> Serialize for Texts<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for v in self.0 {
            seq.serialize_element(&v.to_string())?;
        }
        seq.end()
    }
}

struct Characters<'a>(&'a CharacterTable);

impl Serialize for Characters<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.characters.len()))?;
        for (i, c) in self.0.characters.iter().enumerate() {
            seq.serialize_element(&Character {
                degree: c.degree,
                indicator: c.indicator,
                label: format!("X.{}", i + 1),
                partition: self.0.character_labels.get(i).map(String::as_str),
                values: Texts(&c.values),
            })?;
        }
        seq.end()
    }
}

/// One character, fields in alphabetical order (as a `Value` writes them).
#[derive(Serialize)]
struct Character<'a> {
    degree: u64,
    indicator: i8,
    label: String,
    /// The partition of a combinatorial (`S_n`, `A_n`) table's character.
    #[serde(skip_serializing_if = "Option::is_none")]
    partition: Option<&'a str>,
    values: Texts<'a, crate::arith::Cyclotomic>,
}

struct Simples<'a>(&'a RealSimples);

impl Serialize for Simples<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.simples.len()))?;
        for l in &self.0.simples {
            seq.serialize_element(&Simple {
                characters: &l.characters,
                dim: l.dim,
                kernel: &l.kernel,
                label: &l.label,
                minus_kernel: &l.minus_kernel,
                kind: l.kind.name(),
                values: Texts(&l.values),
            })?;
        }
        seq.end()
    }
}

/// One real simple, fields in alphabetical order of their JSON names.
#[derive(Serialize)]
struct Simple<'a> {
    characters: &'a [usize],
    dim: u64,
    kernel: &'a [usize],
    label: &'a str,
    minus_kernel: &'a [usize],
    #[serde(rename = "type")]
    kind: &'a str,
    values: Texts<'a, crate::arith::Cyclotomic>,
}

impl Serialize for TableDoc<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let labels = self.lattice.labels();
        let normal: Vec<Value> = self
            .lattice
            .subgroups
            .iter()
            .enumerate()
            .map(|(i, n)| {
                json!({"label": labels[i], "names": n.names, "order": n.order, "classes": n.classes})
            })
            .collect();
        // A Map orders its keys as text ("11" before "2"), as in table_json.
        let power_maps: serde_json::Map<String, Value> = self
            .table
            .prime_power_maps()
            .into_iter()
            .map(|(p, m)| (p.to_string(), json!(m)))
            .collect();
        let mut m = s.serialize_map(Some(8))?;
        m.serialize_entry("characters", &Characters(self.table))?;
        m.serialize_entry("classes", &classes_json(self.table))?;
        m.serialize_entry("group", &group_json(self.group))?;
        m.serialize_entry("method", &self.table.method.to_string())?;
        m.serialize_entry("normal_subgroups", &normal)?;
        m.serialize_entry("power_maps", &power_maps)?;
        m.serialize_entry("real_simples", &Simples(self.real))?;
        m.serialize_entry("schema", "plrep.table.v1")?;
        m.end()
    }
}
