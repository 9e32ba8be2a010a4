//! The `plrep.lattice.v1` document (docs/cli.md): the group, its classes and its normal
//! subgroups with their covers and quotient simples, written by
//! `report::lattice::lattice_record`. Fields in the alphabetical order of their keys (the
//! bytes of the `serde_json::json!` documents it replaced).

use super::graph::GroupRecord;
use super::table::{ClassRecord, NormalSubgroupRecord};
use serde::{Deserialize, Serialize};

/// The schema name of the lattice document.
pub const LATTICE_SCHEMA: &str = "plrep.lattice.v1";

/// A `plrep.lattice.v1` document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LatticeRecord {
    /// The conjugacy classes, as in the table document.
    pub classes: Vec<ClassRecord>,
    /// The group (an unnamed group has the name `""`, as in the table document).
    pub group: GroupRecord,
    /// The normal subgroups, each with `covers` and `quotient_simples`.
    pub normal_subgroups: Vec<NormalSubgroupRecord>,
    /// Always [`LATTICE_SCHEMA`].
    pub schema: String,
}
