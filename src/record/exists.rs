//! The `plrep.exists.v1` document (docs/cli.md, `plrep exists`): the PL-Schur table, for
//! each ordered pair of real simples whether a nonzero and a non-linear PL equivariant map
//! exists, and why. Written by the binary's `exists` command. Fields in the alphabetical
//! order of their keys.

use serde::{Deserialize, Serialize};

/// The schema name of the exists document.
pub const EXISTS_SCHEMA: &str = "plrep.exists.v1";

/// A `plrep.exists.v1` document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExistsRecord {
    /// The group.
    pub group: ExistsGroupRecord,
    /// The ordered pairs of simples (the fields of `pl::Existence`, simples by label).
    pub pairs: Vec<ExistencePairRecord>,
    /// Always [`EXISTS_SCHEMA`].
    pub schema: String,
    /// The real simples.
    pub simples: Vec<ExistsSimpleRecord>,
}

/// The group of an exists document (an unnamed group has the name `"group"`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExistsGroupRecord {
    /// Its name.
    pub name: String,
    /// `|G|`.
    pub order: u64,
}

/// One ordered pair of real simples.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExistencePairRecord {
    /// Source label.
    pub from: String,
    /// Whether a non-linear PL equivariant map exists.
    pub nonlinear: bool,
    /// Why (or why not).
    pub nonlinear_reason: String,
    /// Whether a nonzero PL equivariant map exists.
    pub nonzero: bool,
    /// Why (or why not).
    pub nonzero_reason: String,
    /// Target label.
    pub to: String,
}

/// A real simple of an exists document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExistsSimpleRecord {
    /// `dim_R L`.
    pub dim: u64,
    /// `ker L` as class indices.
    pub kernel: Vec<usize>,
    /// `L0`, `L1`, ...
    pub label: String,
}
