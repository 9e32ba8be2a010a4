//! The `plrep.decompose.v1` document (docs/cli.md, `plrep decompose`): the isotypic
//! energies of the rows of a float array, in float64. Written by the binary's `decompose`
//! command. Fields in the alphabetical order of their keys.

use serde::{Deserialize, Serialize};

/// The schema name of the decompose document.
pub const DECOMPOSE_SCHEMA: &str = "plrep.decompose.v1";

/// A `plrep.decompose.v1` document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DecomposeRecord {
    /// The action spec.
    pub action: String,
    /// Per row, its energies.
    pub energy_of_row: Vec<RowEnergyRecord>,
    /// The group's name (`"group"` when unnamed).
    pub group: String,
    /// How the energies are computed, in words.
    pub note: String,
    /// `|X|`.
    pub points: usize,
    /// The number of rows.
    pub rows: usize,
    /// Always [`DECOMPOSE_SCHEMA`].
    pub schema: String,
    /// Each simple's share of the total energy (0 when the total is 0).
    pub shares: Vec<f64>,
    /// The simples present in `R^X`, in the order of the energies.
    pub simples: Vec<DecomposeSimpleRecord>,
    /// Each simple's energy summed over the rows.
    pub totals: Vec<f64>,
}

/// The energies of one row `v`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RowEnergyRecord {
    /// `||P_L v||^2` for each simple `L`.
    pub energy: Vec<f64>,
    /// `||v||^2`.
    pub norm2: f64,
}

/// A simple of `R^X`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecomposeSimpleRecord {
    /// `dim_R L`.
    pub dim: u64,
    /// `L0`, `L1`, ...
    pub label: String,
    /// Multiplicity of `L` in `R^X`.
    pub multiplicity: u64,
}
