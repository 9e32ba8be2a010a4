//! The rows of a survey's summary, one per group and module, read from the group files'
//! text only, so that any run (any shard, or a re-run with nothing left to compute)
//! summarises every group file present. The tables themselves (Markdown, LaTeX, CSV) are
//! presentation and live in [`crate::report::survey_summary`], on top of these rows.

use crate::error::Result;
use crate::graph::GraphStats;
use crate::survey::record::SurveyRecord;
use serde::de::IgnoredAny;
use serde_json::Value;

/// One summary row: one record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The group's position in the survey (from its file name, `0007-...`).
    pub position: String,
    /// The group's name.
    pub group: String,
    /// `|G|` as text.
    pub group_order: String,
    /// The action spec.
    pub action: String,
    /// `(class number, |H|, |G:H|)` for a transitive module (the class number is the
    /// 1-based position in the group's list of subgroup classes, ascending `|H|`, as the
    /// labels `H1, H2, ...` of `plrep enumerate`).
    pub subgroup: Option<(u64, u64, u64)>,
    /// The activation's name.
    pub activation: String,
    /// The bias, if any.
    pub bias: Option<String>,
    /// The statistics (`None` for an error record).
    pub stats: Option<GraphStats>,
    /// The error message of an error record.
    pub error: Option<String>,
    /// The depth statistics (`--depth`): a [`crate::survey::depth::DepthStats`] object
    /// or `{"error", "error_kind"}`; `None` without `--depth`.
    pub depth: Option<Value>,
}

/// The status of one survey record, as the summary tables print it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RowStatus {
    /// Every pair resolved.
    Ok,
    /// An error record (no statistics).
    Error,
    /// An ok record with unresolved pairs.
    Unresolved,
}

impl RowStatus {
    /// `ok`, `error` or `UNRESOLVED` (the word in the tables).
    pub fn as_str(self) -> &'static str {
        match self {
            RowStatus::Ok => "ok",
            RowStatus::Error => "error",
            RowStatus::Unresolved => "UNRESOLVED",
        }
    }
}

impl std::fmt::Display for RowStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Row {
    /// [`RowStatus::Error`], [`RowStatus::Unresolved`] (an ok record with unresolved
    /// pairs) or [`RowStatus::Ok`].
    pub fn status(&self) -> RowStatus {
        match &self.stats {
            None => RowStatus::Error,
            Some(s) if s.unresolved > 0 => RowStatus::Unresolved,
            Some(_) => RowStatus::Ok,
        }
    }

    /// The module as shown in the tables: the action spec, or `G/H<c>, |H| = o, index i`
    /// (`c` the subgroup class number).
    pub fn module(&self) -> String {
        match self.subgroup {
            Some((c, o, i)) => format!("G/H{c}, |H| = {o}, index {i}"),
            None => self.action.clone(),
        }
    }
}

/// Parse the rows of group files.
///
/// # Arguments
/// * `files` — `(file name, file text)` pairs, in survey order (file name order).
///
/// # Returns
/// One [`Row`] per record line.
///
/// # Errors
/// Bad input naming the file and line for a line that is not a `plrep.survey.v1`
/// record (with the hint to delete the file so that a re-run recomputes it).
///
/// # Complexity
/// Linear in the text (the graphs are parsed and dropped).
///
/// ```
/// use plrep::survey::summary::{rows, RowStatus};
/// let line = r#"{"schema":"plrep.survey.v1","group":"C2","group_order":2,"action":"regular","subgroup":null,"activation":"relu","bias":null,"status":"error","error":"boom","error_kind":"panic","stats":null,"graph":null}"#;
/// let r = rows(&[("0000-C2.jsonl".to_string(), format!("{line}\n"))]).unwrap();
/// assert_eq!((r[0].position.as_str(), r[0].status()), ("0000", RowStatus::Error));
/// assert!(rows(&[("0000-C2.jsonl".to_string(), "{}\n".to_string())]).is_err());
/// ```
pub fn rows(files: &[(String, String)]) -> Result<Vec<Row>> {
    let mut out = Vec::new();
    for (file, text) in files {
        out.extend(file_rows(file, text)?);
    }
    Ok(out)
}

/// The rows of one group file (`rows` of one file): a caller that reads the files one
/// at a time holds one file's text at a time (a survey's graphs are most of its bytes,
/// and they are skipped here, never built).
///
/// Errors: as [`rows`].
///
/// Complexity: linear in the text.
pub fn file_rows(file: &str, text: &str) -> Result<Vec<Row>> {
    text.lines()
        .enumerate()
        .map(|(n, line)| line_row(file, n, line))
        .collect()
}

/// The summary row of line `n` (0-based) of the group file `file` (the graph skipped):
/// [`file_rows`] one line at a time, for a reader that never holds a whole file.
///
/// Errors: as [`rows`].
///
/// Complexity: linear in the line.
pub fn line_row(file: &str, n: usize, line: &str) -> Result<Row> {
    let position = file.split('-').next().unwrap_or("").to_string();
    let r = SurveyRecord::<IgnoredAny>::parse_line(file, n, line)?;
    let stats = if r.is_ok() { r.stats } else { None };
    Ok(Row {
        position,
        group: r.group,
        group_order: r.group_order.to_string(),
        action: r.action,
        subgroup: r.subgroup.map(|h| (h.class, h.order, h.index)),
        activation: r.activation,
        bias: r.bias,
        stats,
        error: r.error,
        depth: r.depth,
    })
}
