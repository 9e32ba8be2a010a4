//! `plrep survey-merge DIR`: the summaries of a sharded survey (a Slurm job array,
//! `plrep survey --slurm N`), written once every group of the manifest has its file.
//!
//! Re-runnable and idempotent: it only reads the group files and (re)writes
//! `summary.{md,tex,csv}`, the same bytes as a single-process survey of the same groups.
//! Exit status: 0, 1 when some record is an error record or has unresolved pairs (as
//! `survey`), 2 when group files are missing (naming the shards) or DIR is not a survey.

use crate::survey::{group_file_names, group_rows, io_err, write_summaries};
use crate::Format;
use clap::Args;
use plrep::survey::layout::Manifest;
use plrep::survey::slurm::{missing_error, missing_files, SlurmInfo};
use plrep::{Error, Result};
use std::path::{Path, PathBuf};

/// The options of `plrep survey-merge`.
#[derive(Debug, Args)]
pub(crate) struct MergeArgs {
    /// The survey directory (its survey.json names every group).
    #[arg(value_name = "DIR")]
    dir: PathBuf,
    /// No closing report on stderr.
    #[arg(long)]
    quiet: bool,
}

/// Merge and return the exit status.
pub(crate) fn run(args: &MergeArgs, format: Format, output: Option<&Path>) -> i32 {
    match merge(args, format, output) {
        Ok(code) => code,
        Err(e) => crate::report(&e),
    }
}

fn merge(a: &MergeArgs, format: Format, output: Option<&Path>) -> Result<i32> {
    format.require("survey-merge", &[Format::Text])?;
    if output.is_some() {
        return Err(Error::bad(
            "survey-merge writes DIR/summary.{md,tex,csv}, not -o",
            "drop -o",
        ));
    }
    let dir = &a.dir;
    let shown = dir.display().to_string();
    let manifest_path = dir.join("survey.json");
    if !manifest_path.is_file() {
        return Err(Error::bad(
            format!("{shown} has no survey.json: not a survey directory"),
            "give the --out DIR of plrep survey",
        ));
    }
    let text =
        std::fs::read_to_string(&manifest_path).map_err(|e| io_err("read", &manifest_path, e))?;
    let manifest = Manifest::parse(&text, &shown)?;
    let present = group_file_names(dir)?;
    let missing = missing_files(&manifest.expanded, &present);
    if !missing.is_empty() {
        let shards = std::fs::read_to_string(dir.join("slurm").join("slurm.json"))
            .ok()
            .and_then(|t| SlurmInfo::parse(&t))
            .map(|i| i.shards);
        return Err(missing_error(
            &shown,
            manifest.expanded.len(),
            &missing,
            shards,
        ));
    }
    let files = group_rows(dir, None)?;
    let rows: Vec<plrep::survey::summary::Row> = files.into_iter().flat_map(|(_, r)| r).collect();
    write_summaries(dir, &rows)?;
    let errors = rows
        .iter()
        .filter(|r| r.status() == plrep::survey::summary::RowStatus::Error)
        .count();
    let unresolved = rows
        .iter()
        .filter(|r| r.status() == plrep::survey::summary::RowStatus::Unresolved)
        .count();
    if !a.quiet {
        eprintln!(
            "survey-merge: {} groups, {} records: {} ok, {errors} error records, {unresolved} with unresolved pairs; summaries in {shown}: summary.md, summary.tex, summary.csv",
            manifest.expanded.len(),
            rows.len(),
            rows.len() - errors - unresolved
        );
    }
    Ok(if errors + unresolved > 0 { 1 } else { 0 })
}
