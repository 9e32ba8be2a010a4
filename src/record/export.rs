//! The documents of `plrep export` (docs/cli.md): the manifest `plrep.export.v1`
//! ([`ExportManifestRecord`], `manifest.json`) listing the files written, and the exact
//! JSON files `plrep.export.projector.v1` ([`ProjectorFileRecord`]),
//! `plrep.export.basis.v1` ([`BasisFileRecord`]) and `plrep.export.hom.v1`
//! ([`HomFileRecord`]). Fields in the alphabetical order of their keys. The `.npy` files
//! are bytes (`report::npy`), not records.

use serde::{Deserialize, Serialize};

/// The schema name of the manifest.
pub const EXPORT_SCHEMA: &str = "plrep.export.v1";
/// The schema name of an exact projector file.
pub const PROJECTOR_SCHEMA: &str = "plrep.export.projector.v1";
/// The schema name of an exact basis file.
pub const BASIS_SCHEMA: &str = "plrep.export.basis.v1";
/// The schema name of an exact hom-basis file.
pub const HOM_SCHEMA: &str = "plrep.export.hom.v1";

/// The manifest `manifest.json` of an export directory.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportManifestRecord {
    /// The action spec of `X`.
    pub action: String,
    /// One entry per file written (besides the manifest).
    pub files: Vec<ExportEntryRecord>,
    /// How float64 values relate to the exact ones.
    pub floats: String,
    /// `npy` or `json`.
    pub format: String,
    /// Generators of the group in GAP notation.
    pub generators: Vec<String>,
    /// The group's name, or `"group"`.
    pub group: String,
    /// `|G|` in decimal.
    pub order: String,
    /// `|X|`.
    pub points: usize,
    /// Always [`EXPORT_SCHEMA`].
    pub schema: String,
    /// `projectors`, `basis` or `hom`.
    pub what: String,
}

/// A manifest entry: an isotypic part's file (projector or basis) or the hom basis's,
/// told apart by their fields.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ExportEntryRecord {
    /// The projector or basis of one isotypic part.
    Part(PartEntryRecord),
    /// The orbital basis of `Hom_G(R^X, R^Y)`.
    Hom(HomEntryRecord),
}

/// The manifest entry of an isotypic part's file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartEntryRecord {
    /// `dim_R L`.
    pub dim: u64,
    /// `float64` (npy) or `exact` (JSON).
    pub dtype: String,
    /// Whether the file's values are exact.
    pub exact: bool,
    /// The file's name.
    pub file: String,
    /// `projector` or `basis`.
    pub kind: String,
    /// Multiplicity of `L` in `R^X`.
    pub multiplicity: u64,
    /// A note on the values (the npy basis: orthonormal rows).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The rank of `P_L` (the part's dimension).
    pub rank: usize,
    /// Whether the projector's entries are rational.
    pub rational: bool,
    /// `[|X|, |X|]` (projector) or `[rank, |X|]` (basis).
    pub shape: (usize, usize),
    /// The simple's label.
    pub simple: String,
}

/// The manifest entry of the hom basis's file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomEntryRecord {
    /// The number of basis elements (orbitals of `G` on `Y × X`).
    pub count: usize,
    /// `float64` (npy) or `exact` (JSON).
    pub dtype: String,
    /// Always `true` (0/1 matrices are exact in float64).
    pub exact: bool,
    /// The file's name.
    pub file: String,
    /// The action spec of `X`, as given.
    pub from: String,
    /// Always `hom`.
    pub kind: String,
    /// A note on the values (npy only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// `[count, |Y|, |X|]`.
    pub shape: (usize, usize, usize),
    /// The action spec of `Y`, as given (`X`'s by default).
    pub to: String,
}

/// An exact projector file: `P_L` as rows of GAP cyclotomics.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectorFileRecord {
    /// The rows of `P_L`.
    pub exact: Vec<Vec<String>>,
    /// Always [`PROJECTOR_SCHEMA`].
    pub schema: String,
    /// `[|X|, |X|]`.
    pub shape: (usize, usize),
    /// The simple's label.
    pub simple: String,
}

/// An exact basis file: an exactly orthogonal basis of an isotypic part.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BasisFileRecord {
    /// How the basis is built and normalised.
    pub note: String,
    /// The 1-based points `x` with `u_j` built from `P_L e_x`.
    pub pivots: Vec<usize>,
    /// Always [`BASIS_SCHEMA`].
    pub schema: String,
    /// `[rank, |X|]`.
    pub shape: (usize, usize),
    /// The simple's label.
    pub simple: String,
    /// `<u_j, u_j>`, GAP cyclotomics.
    pub squared_norms: Vec<String>,
    /// The rows `u_j`, GAP cyclotomics.
    pub vectors: Vec<Vec<String>>,
}

/// An exact hom-basis file: the orbital of every pair `(y, x)`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomFileRecord {
    /// How to read `orbit`.
    pub note: String,
    /// `orbit[y][x]`: the basis element that has its 1 at `(y, x)`.
    pub orbit: Vec<Vec<u32>>,
    /// Always [`HOM_SCHEMA`].
    pub schema: String,
    /// `[count, |Y|, |X|]`.
    pub shape: (usize, usize, usize),
}
