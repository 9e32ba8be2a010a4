//! The `plrep.survey.manifest.v1` document: a survey directory's `survey.json`, the
//! parameters a resumed or sharded run must share (`survey::layout::Manifest`). Written
//! by `plrep survey`, read by `survey-merge`, a resumed survey and the atlas. Fields in
//! the alphabetical order of their keys.

use serde::{Deserialize, Serialize};

/// The manifest's schema.
pub const MANIFEST_SCHEMA: &str = "plrep.survey.manifest.v1";

/// A `plrep.survey.manifest.v1` document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestRecord {
    /// The `--actions` values as given (canonical spellings).
    pub actions: Vec<String>,
    /// The activation's canonical name.
    pub activation: String,
    /// The bias (`p/q`), or `null`.
    pub bias: Option<String>,
    /// `--depth K`, written only when given (older manifests have no such key).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub depth: Option<usize>,
    /// The expanded group names, in survey order.
    pub expanded: Vec<String>,
    /// The GROUPS arguments as given.
    pub groups: Vec<String>,
    /// The schema of the records (`plrep.survey.v1`).
    pub record_schema: String,
    /// Always [`MANIFEST_SCHEMA`].
    pub schema: String,
    /// The witness budget.
    pub seeds: u64,
}
