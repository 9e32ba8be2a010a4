//! The layout of a survey directory: the group files' names, the manifest
//! `survey.json` (the parameters a resumed or sharded run must share), and shards.
//!
//! ```text
//! DIR/survey.json              the manifest (plrep.survey.manifest.v1)
//! DIR/0000-C1.jsonl            one file per group: one plrep.survey.v1 record per module
//! DIR/0001-C2.jsonl            (NNNN = position in the expanded group list)
//! DIR/summary.{md,tex,csv}     summaries of every group file present
//! DIR/timings.tsv              wall-clock seconds per module (not deterministic)
//! ```

use crate::error::{Error, Result};
use crate::record::manifest::ManifestRecord;
pub use crate::record::manifest::MANIFEST_SCHEMA;
use serde_json::Value;

/// Replace every character outside `[A-Za-z0-9._-]` by `_`, collapse runs of `_`, trim
/// `_` and `.` at both ends and cut at 80 characters; `group` if nothing remains.
///
/// Complexity: linear.
///
/// ```
/// use plrep::survey::layout::sanitize;
/// assert_eq!(sanitize("PSL(2,7)"), "PSL_2_7");
/// assert_eq!(sanitize("(1,2,3),(1,2)"), "1_2_3_1_2");
/// assert_eq!(sanitize("C2xS3"), "C2xS3");
/// assert_eq!(sanitize("../"), "group");
/// ```
pub fn sanitize(name: &str) -> String {
    let mut s = String::new();
    for c in name.chars() {
        let c = if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
            c
        } else {
            '_'
        };
        if !(c == '_' && s.ends_with('_')) {
            s.push(c);
        }
    }
    let s: String = s
        .trim_matches(|c| c == '_' || c == '.')
        .chars()
        .take(80)
        .collect();
    if s.is_empty() {
        "group".to_string()
    } else {
        s
    }
}

/// The file of the group at 0-based `position` of a list of `total` groups:
/// `NNNN-<sanitized name>.jsonl`, the position zero-padded to at least 4 digits (more
/// if the list needs them), so that `ls` lists the files in survey order.
///
/// ```
/// use plrep::survey::layout::group_file_name;
/// assert_eq!(group_file_name(7, 30, "PSL(2,7)"), "0007-PSL_2_7.jsonl");
/// assert_eq!(group_file_name(7, 20000, "C8"), "00007-C8.jsonl");
/// ```
pub fn group_file_name(position: usize, total: usize, name: &str) -> String {
    let width = total.saturating_sub(1).to_string().len().max(4);
    format!("{position:0width$}-{}.jsonl", sanitize(name))
}

/// Whether a file name is a group file (`<digits>-<name>.jsonl`; temporary files start
/// with a dot and are not).
///
/// ```
/// use plrep::survey::layout::is_group_file;
/// assert!(is_group_file("0003-S4.jsonl"));
/// assert!(!is_group_file(".0003-S4.jsonl.tmp.17"));
/// assert!(!is_group_file("summary.md"));
/// ```
pub fn is_group_file(name: &str) -> bool {
    let Some(stem) = name.strip_suffix(".jsonl") else {
        return false;
    };
    match stem.split_once('-') {
        Some((digits, rest)) => {
            digits.len() >= 4 && digits.bytes().all(|b| b.is_ascii_digit()) && !rest.is_empty()
        }
        None => false,
    }
}

/// A shard `i/n` of a survey: the groups at 0-based positions `p` with
/// `p % n == i - 1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    /// `i`, 1-based.
    pub index: usize,
    /// `n`.
    pub count: usize,
}

impl Shard {
    /// The whole survey (`1/1`).
    pub const ALL: Shard = Shard { index: 1, count: 1 };

    /// Parse `i/n` with `1 <= i <= n`.
    ///
    /// Errors: bad input with a hint for anything else.
    ///
    /// ```
    /// use plrep::survey::layout::Shard;
    /// let s = Shard::parse("2/3").unwrap();
    /// assert!(s.contains(1) && s.contains(4) && !s.contains(0));
    /// assert!(Shard::parse("0/3").is_err() && Shard::parse("4/3").is_err() && Shard::parse("2").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Shard> {
        let hint = "write --shard i/n with 1 <= i <= n, e.g. --shard 2/3";
        let bad = || Error::bad(format!("bad shard '{text}'"), hint);
        let (i, n) = text.trim().split_once('/').ok_or_else(bad)?;
        let (i, n) = (
            i.trim().parse::<usize>().map_err(|_| bad())?,
            n.trim().parse::<usize>().map_err(|_| bad())?,
        );
        if n == 0 || i == 0 || i > n {
            return Err(bad());
        }
        Ok(Shard { index: i, count: n })
    }

    /// Whether the group at 0-based `position` belongs to this shard.
    pub fn contains(&self, position: usize) -> bool {
        position % self.count == self.index - 1
    }
}

/// The parameters of a survey that every run into the same directory must share. The
/// limits (`--max-order`, ...) are not among them: they only decide which modules fail
/// (an error record names the flag), so a later run may raise them and recompute the
/// error records with `--retry-errors`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Manifest {
    /// The GROUPS arguments as given.
    pub groups: Vec<String>,
    /// The expanded group names, in survey order.
    pub expanded: Vec<String>,
    /// The `--actions` values as given (canonical spellings).
    pub actions: Vec<String>,
    /// The activation's canonical name.
    pub activation: String,
    /// The bias (`p/q`), if any.
    pub bias: Option<String>,
    /// The witness budget.
    pub seeds: u64,
    /// `--depth K` (the field is written only when given, so older manifests match).
    pub depth: Option<usize>,
}

impl Manifest {
    /// The manifest document (`plrep.survey.manifest.v1`), pretty JSON with a final
    /// newline.
    ///
    /// ```
    /// use plrep::survey::layout::Manifest;
    /// let m = Manifest { groups: vec!["C2".into()], expanded: vec!["C2".into()], actions: vec!["regular".into()],
    ///     activation: "relu".into(), bias: None, seeds: 8, depth: None };
    /// assert!(m.to_json().contains("\"schema\": \"plrep.survey.manifest.v1\""));
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.to_record()).unwrap_or_default() + "\n"
    }

    /// The manifest document as a record.
    pub fn to_record(&self) -> ManifestRecord {
        ManifestRecord {
            actions: self.actions.clone(),
            activation: self.activation.clone(),
            bias: self.bias.clone(),
            depth: self.depth,
            expanded: self.expanded.clone(),
            groups: self.groups.clone(),
            record_schema: crate::survey::record::SCHEMA.to_string(),
            schema: MANIFEST_SCHEMA.to_string(),
            seeds: self.seeds,
        }
    }

    /// Read a manifest (the text of `DIR/survey.json`).
    ///
    /// Errors: bad input when the text is not a [`MANIFEST_SCHEMA`] document.
    ///
    /// ```
    /// use plrep::survey::layout::Manifest;
    /// let m = Manifest { groups: vec!["C2".into()], expanded: vec!["C2".into()], actions: vec!["regular".into()],
    ///     activation: "relu".into(), bias: None, seeds: 8, depth: Some(3) };
    /// assert_eq!(Manifest::parse(&m.to_json(), "out").unwrap(), m);
    /// assert!(Manifest::parse("{}", "out").is_err());
    /// ```
    pub fn parse(text: &str, dir: &str) -> Result<Manifest> {
        let bad = || {
            Error::bad(
                format!("{dir}/survey.json is not a {MANIFEST_SCHEMA} manifest"),
                "give the directory of a survey (plrep survey ... --out DIR)",
            )
        };
        let r: ManifestRecord = serde_json::from_str(text).map_err(|_| bad())?;
        if r.schema != MANIFEST_SCHEMA {
            return Err(bad());
        }
        Ok(Manifest {
            groups: r.groups,
            expanded: r.expanded,
            actions: r.actions,
            activation: r.activation,
            bias: r.bias,
            seeds: r.seeds,
            depth: r.depth,
        })
    }

    /// Check that an existing manifest (the text of `DIR/survey.json`) has the same
    /// parameters as this one.
    ///
    /// Errors: bad input naming the first parameter that differs (or an unreadable
    /// manifest), with the hint to use another `--out`.
    ///
    /// ```
    /// use plrep::survey::layout::Manifest;
    /// let m = Manifest { groups: vec!["C2".into()], expanded: vec!["C2".into()], actions: vec!["regular".into()],
    ///     activation: "relu".into(), bias: None, seeds: 8, depth: None };
    /// assert!(m.check(&m.to_json(), "out").is_ok());
    /// let mut other = m.clone();
    /// other.activation = "abs".into();
    /// assert!(m.check(&other.to_json(), "out").unwrap_err().to_string().contains("activation"));
    /// ```
    pub fn check(&self, existing: &str, dir: &str) -> Result<()> {
        let hint =
            format!("use another --out, or the parameters recorded in {dir}/survey.json to resume");
        let old: Value = serde_json::from_str(existing).map_err(|_| {
            Error::bad(
                format!("{dir}/survey.json is not a survey manifest"),
                hint.clone(),
            )
        })?;
        let new: Value = serde_json::from_str(&self.to_json()).unwrap_or(Value::Null);
        if old.get("schema") != new.get("schema") {
            return Err(Error::bad(
                format!("{dir}/survey.json is not a {MANIFEST_SCHEMA} manifest"),
                hint,
            ));
        }
        for key in [
            "record_schema",
            "groups",
            "expanded",
            "actions",
            "activation",
            "bias",
            "seeds",
            "depth",
        ] {
            if old.get(key) != new.get(key) {
                return Err(Error::bad(
                    format!(
                        "{dir} holds a survey with different {key} ({} there, {} now)",
                        short(old.get(key)),
                        short(new.get(key))
                    ),
                    hint,
                ));
            }
        }
        Ok(())
    }
}

fn short(v: Option<&Value>) -> String {
    let s = v.map_or("nothing".to_string(), |v| v.to_string());
    if s.chars().count() > 60 {
        s.chars().take(57).collect::<String>() + "..."
    } else {
        s
    }
}
