//! The `plrep.survey.v1` record (one JSON line per group and module of a survey; the
//! fields are documented in [`crate::survey::record`]): written by the survey, read back
//! by its summaries, `--retry-errors`, `survey merge` and the atlas, all through
//! [`SurveyRecord`]. Its `graph` is a [`super::graph::GraphRecord`] document.

use super::Count;
use crate::error::{Error, Result};
use crate::graph::GraphStats;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The records' schema.
pub const SCHEMA: &str = "plrep.survey.v1";

/// `|G|` in a record: a number, or its decimal text when it does not fit in `u64`.
pub type GroupOrder = Count;

/// The subgroup `H` of a transitive module `R^{G/H}` in a record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubgroupRecord {
    /// The 1-based class number (ascending `|H|`, the labels `H1, H2, ...`).
    pub class: u64,
    /// `|H|`.
    pub order: u64,
    /// `|G:H|`.
    pub index: u64,
    /// Generators of `H` in cycle notation.
    #[serde(default)]
    pub generators: Vec<String>,
    /// `|N_G(H)|`.
    #[serde(default)]
    pub normalizer_order: u64,
}

/// One `plrep.survey.v1` record: the one type every writer and reader of survey records
/// uses (the survey, its summaries, `--retry-errors`, the atlas).
///
/// `G` is the type the graph is read into: [`Value`] (the atlas draws it), or
/// [`serde::de::IgnoredAny`] to skip it (summaries: the graph is most of the bytes).
/// Records are written through [`SurveyRecord::to_line`], which orders every object's
/// keys alphabetically (the bytes of the format since its first version).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SurveyRecord<G = Value> {
    /// [`SCHEMA`].
    pub schema: String,
    /// The group's name.
    pub group: String,
    /// `|G|`.
    pub group_order: GroupOrder,
    /// The action spec (or the requested action, for a group-level error).
    pub action: String,
    /// The subgroup of a transitive module.
    pub subgroup: Option<SubgroupRecord>,
    /// The activation's canonical name.
    pub activation: String,
    /// The bias `p/q`, if any.
    pub bias: Option<String>,
    /// `ok` or `error`.
    pub status: String,
    /// The error message of an error record.
    pub error: Option<String>,
    /// `bad_input`, `limit`, `verification`, `io` or `panic` for an error record.
    pub error_kind: Option<String>,
    /// The statistics of an ok record.
    pub stats: Option<GraphStats>,
    /// The certified graph (`plrep.graph.v1`) of an ok record, `null` otherwise.
    #[serde(default)]
    pub graph: G,
    /// The depth statistics (`--depth` only; absent otherwise, so records without it
    /// keep their bytes): `survey::depth::DepthStats`, or a [`DepthErrorRecord`] when
    /// the network analysis failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub depth: Option<Value>,
}

/// The `depth` of an ok record whose network analysis failed (the graph stays recorded):
/// the error and its kind, as in an error record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DepthErrorRecord {
    /// The error message.
    pub error: String,
    /// `bad_input`, `limit`, `verification`, `io` or `panic`.
    pub error_kind: String,
}

impl DepthErrorRecord {
    /// The record as a JSON value (the `depth` of a [`SurveyRecord`]).
    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

impl<G> SurveyRecord<G> {
    /// Whether this is an ok record.
    pub fn is_ok(&self) -> bool {
        self.status == "ok"
    }
}

impl SurveyRecord<Value> {
    /// The record as a JSON value (keys sorted).
    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// The record's line in a group file (without the newline): compact JSON, every
    /// object's keys in alphabetical order.
    pub fn to_line(&self) -> String {
        self.to_value().to_string()
    }
}

impl<G: serde::de::DeserializeOwned + Default> SurveyRecord<G> {
    /// Parse line `n` (0-based) of the group file `file`.
    ///
    /// Errors: bad input naming the file and line (with the hint to delete the file so
    /// that a re-run recomputes it) for a line that is not a `plrep.survey.v1` record,
    /// including an ok record without statistics.
    ///
    /// Complexity: linear in the line.
    ///
    /// ```
    /// use plrep::survey::record::SurveyRecord;
    /// use serde::de::IgnoredAny;
    /// let line = r#"{"schema":"plrep.survey.v1","group":"C2","group_order":2,"action":"regular","subgroup":null,"activation":"relu","bias":null,"status":"error","error":"boom","error_kind":"panic","stats":null,"graph":null}"#;
    /// let r = SurveyRecord::<IgnoredAny>::parse_line("0000-C2.jsonl", 0, line).unwrap();
    /// assert_eq!((r.group.as_str(), r.is_ok()), ("C2", false));
    /// assert!(SurveyRecord::<IgnoredAny>::parse_line("0000-C2.jsonl", 0, "{}").is_err());
    /// ```
    pub fn parse_line(file: &str, n: usize, line: &str) -> Result<SurveyRecord<G>> {
        let bad = || {
            Error::bad(
                format!("{file} line {} is not a {SCHEMA} record", n + 1),
                format!("delete {file} and re-run the survey to recompute it"),
            )
        };
        let r: SurveyRecord<G> = serde_json::from_str(line).map_err(|_| bad())?;
        if r.schema != SCHEMA || (r.is_ok() && r.stats.is_none()) {
            return Err(bad());
        }
        Ok(r)
    }
}
