//! The `plrep.subgroups.v1` document (docs/cli.md, `plrep subgroups`): the conjugacy
//! classes of subgroups of a group. Written by the binary's `subgroups` command. Fields
//! in the alphabetical order of their keys.

use serde::{Deserialize, Serialize};

/// The schema name of the subgroups document.
pub const SUBGROUPS_SCHEMA: &str = "plrep.subgroups.v1";

/// A `plrep.subgroups.v1` document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubgroupsRecord {
    /// The number of classes of subgroups.
    pub classes: usize,
    /// The group.
    pub group: SubgroupsGroupRecord,
    /// Always [`SUBGROUPS_SCHEMA`].
    pub schema: String,
    /// The classes, by ascending `|H|` (labels `H1, H2, ...`).
    pub subgroup_classes: Vec<SubgroupClassRecord>,
    /// The number of subgroups.
    pub subgroups: u64,
}

/// The group of a subgroups document (an unnamed group has the spec given as its name).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubgroupsGroupRecord {
    /// Generators in GAP notation.
    pub generators: Vec<String>,
    /// Its name.
    pub name: String,
    /// `|G|`.
    pub order: usize,
}

/// A conjugacy class of subgroups `H` (the fields of `group::subgroups::SubgroupClass`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubgroupClassRecord {
    /// The number of conjugates `|G:N_G(H)|`.
    pub conjugates: u64,
    /// Generators of `H` in GAP notation.
    pub generators: Vec<String>,
    /// `|G:H|`.
    pub index: u64,
    /// `H1`, `H2`, ...
    pub label: String,
    /// Whether `H` is normal.
    pub normal: bool,
    /// Generators of `N_G(H)`.
    pub normalizer_generators: Vec<String>,
    /// `|N_G(H)|`.
    pub normalizer_order: u64,
    /// `|H|`.
    pub order: u64,
}
