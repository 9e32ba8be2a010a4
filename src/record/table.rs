//! The `plrep.table.v1` document (docs/cli.md): a group's character table, real simples
//! and normal subgroups. Written by `report::table::table_record` (as a whole),
//! `report::table_stream::TableDoc` (streamed, one [`CharacterRecord`] and one
//! [`RealSimpleRecord`] at a time) and `report::giant_table::giant_table_json` (the large
//! tables of `S_n`, `A_n`, streamed, without `normal_subgroups` and `real_simples`).
//! Every field is declared in the alphabetical order of its key, the order in which the
//! documents have always been written (`serde_json` objects are sorted maps).

use super::graph::GroupRecord;
use super::Count;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The schema name of the table document.
pub const TABLE_SCHEMA: &str = "plrep.table.v1";

/// A `plrep.table.v1` document. The three long lists are type parameters so that the
/// same type describes the document read back (vectors, the defaults) and the one
/// streamed (lists serialised one entry at a time).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TableRecord<C = Vec<CharacterRecord>, R = Vec<RealSimpleRecord>, K = Vec<ClassRecord>> {
    /// The complex irreducible characters `X.1, X.2, ...`.
    pub characters: C,
    /// The conjugacy classes, in table order.
    pub classes: K,
    /// The group; an unnamed group has the name `""` (docs/schemas.md lists the
    /// encodings of an unnamed group).
    pub group: GroupRecord,
    /// How the table was computed (`Dixon-Schneider`, `Murnaghan-Nakayama`, ...).
    pub method: String,
    /// The normal subgroups (absent from the large tables of `S_n`, `A_n`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub normal_subgroups: Option<Vec<NormalSubgroupRecord>>,
    /// For each prime `p` dividing `|G|` (keyed by its decimal text, keys ordered as
    /// text: `"11"` before `"2"`), the class of `g^p` for each class of `g`.
    pub power_maps: BTreeMap<String, Vec<usize>>,
    /// The real simples `L0, L1, ...` (absent from the large tables of `S_n`, `A_n`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub real_simples: Option<R>,
    /// Always [`TABLE_SCHEMA`].
    pub schema: String,
}

/// A conjugacy class of a table or lattice document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassRecord {
    /// `|C_G(g)|`: a number, or a decimal string beyond `u64` (large tables only).
    pub centralizer_order: Count,
    /// The cycle type (`S_n`, `A_n` tables by partitions only; `+`/`-` for a split class).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cycle_type: Option<String>,
    /// GAP's class name (`1a`, `2a`, ...).
    pub name: String,
    /// Element order.
    pub order: u64,
    /// Representative in GAP notation.
    pub rep: String,
    /// Class size: a number, or a decimal string beyond `u64` (large tables only).
    pub size: Count,
}

/// A complex irreducible character. `V` is the type of `values`: a vector read back, or
/// a list formatted as it is written when streamed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CharacterRecord<V = Vec<String>> {
    /// `chi(1)`.
    pub degree: u64,
    /// The Frobenius–Schur indicator: `1`, `0` or `-1`.
    pub indicator: i8,
    /// `X.1`, `X.2`, ...
    pub label: String,
    /// The partition (`S_n`, `A_n` tables by partitions only; `+`/`-` for a split pair).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partition: Option<String>,
    /// The values on the classes, in GAP notation.
    pub values: V,
}

/// A real simple of a table document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RealSimpleRecord<V = Vec<String>> {
    /// The complex characters (0-based indices) whose sum it affords.
    pub characters: Vec<usize>,
    /// `dim_R L`.
    pub dim: u64,
    /// `ker L` as class indices.
    pub kernel: Vec<usize>,
    /// `L0`, `L1`, ...
    pub label: String,
    /// The classes on which the character is `-dim` (as class indices).
    pub minus_kernel: Vec<usize>,
    /// `real`, `complex` or `quaternionic`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The real character on the classes, in GAP notation.
    pub values: V,
}

/// A normal subgroup of a table or lattice document (the lattice document adds `covers`
/// and `quotient_simples`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NormalSubgroupRecord {
    /// The classes it is the union of (class indices).
    pub classes: Vec<usize>,
    /// Lattice document only: its maximal normal subgroups (indices into the list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub covers: Option<Vec<usize>>,
    /// `N0`, `N1`, ...
    pub label: String,
    /// Its names (`1`, `G`, `Z(G)`, `G'`, kernels `ker L1`, ...).
    pub names: Vec<String>,
    /// `|N|`.
    pub order: u64,
    /// Lattice document only: the real simples of `G/N` (labels).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quotient_simples: Option<Vec<String>>,
}
