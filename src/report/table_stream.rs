//! The character-table document `plrep.table.v1` serialised as it is produced (issue
//! 13.4): `plrep table C1000 --format json` is 52 MB, and [`super::table::table_json`]
//! builds it as a `serde_json::Value` tree and then one string. [`TableDoc`] implements
//! `Serialize` directly over the table, so `serde_json::to_writer_pretty` writes every
//! character's values as it formats them; the bytes are those of `table_json` (the same
//! [`crate::record::table::TableRecord`], its two long lists built one entry at a time —
//! checked by the tests).

use super::table::{
    character_record, class_records, group_record, normal_subgroup_records, power_maps_record,
    real_simple_record,
};
use crate::character::{CharacterTable, RealSimples};
use crate::group::PermGroup;
use crate::lattice::NormalLattice;
use crate::record::table::{TableRecord, TABLE_SCHEMA};
use serde::ser::{SerializeSeq, Serializer};
use serde::Serialize;

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

/// The characters, one [`crate::record::table::CharacterRecord`] built and written at a
/// time.
struct Characters<'a>(&'a CharacterTable);

impl Serialize for Characters<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.characters.len()))?;
        for (i, c) in self.0.characters.iter().enumerate() {
            seq.serialize_element(&character_record(self.0, i, Texts(&c.values)))?;
        }
        seq.end()
    }
}

/// The real simples, one [`crate::record::table::RealSimpleRecord`] at a time.
struct Simples<'a>(&'a RealSimples);

impl Serialize for Simples<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.simples.len()))?;
        for l in &self.0.simples {
            seq.serialize_element(&real_simple_record(l, Texts(&l.values)))?;
        }
        seq.end()
    }
}

impl Serialize for TableDoc<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        TableRecord {
            characters: Characters(self.table),
            classes: class_records(self.table),
            group: group_record(self.group),
            method: self.table.method.to_string(),
            normal_subgroups: Some(normal_subgroup_records(self.lattice)),
            power_maps: power_maps_record(self.table.prime_power_maps()),
            real_simples: Some(Simples(self.real)),
            schema: TABLE_SCHEMA.to_string(),
        }
        .serialize(s)
    }
}
