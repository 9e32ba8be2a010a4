//! `plrep atlas SURVEY_DIR... --out SITE_DIR`: the static website of one or more survey
//! directories. The library (`plrep::report::atlas`) builds every page as text; this
//! file reads the surveys and writes the site.

use clap::Args;
use plrep::group::Limits;
use plrep::report::atlas::{build, SurveySource};
use plrep::survey::layout::is_group_file;
use plrep::{Error, Result};
use std::path::{Path, PathBuf};

/// The options of `plrep atlas`.
#[derive(Debug, Args)]
pub(crate) struct AtlasArgs {
    /// Survey directories written by `plrep survey --out DIR` (e.g. a ReLU and an abs
    /// survey of the same groups).
    #[arg(required = true, value_name = "SURVEY_DIR")]
    surveys: Vec<PathBuf>,
    /// The site directory (created if missing; files of the same name are overwritten).
    #[arg(long, value_name = "SITE_DIR")]
    out: PathBuf,
}

fn io_err(what: &str, path: &Path, e: std::io::Error) -> Error {
    Error::Io(format!("cannot {what} '{}': {e}", path.display()))
}

/// A survey directory's manifest and group files.
fn read_survey(dir: &Path) -> Result<SurveySource> {
    if !dir.is_dir() {
        return Err(Error::bad(
            format!("'{}' is not a survey directory", dir.display()),
            "give directories written by plrep survey GROUPS --out DIR",
        ));
    }
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| io_err("read the directory", dir, e))?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| is_group_file(n))
        .collect();
    names.sort();
    if names.is_empty() {
        return Err(Error::bad(
            format!(
                "'{}' holds no survey group files (NNNN-name.jsonl)",
                dir.display()
            ),
            "give directories written by plrep survey GROUPS --out DIR",
        ));
    }
    let files = names
        .into_iter()
        .map(|n| {
            let p = dir.join(&n);
            let text = std::fs::read_to_string(&p).map_err(|e| io_err("read", &p, e))?;
            Ok((n, text))
        })
        .collect::<Result<Vec<_>>>()?;
    let manifest_path = dir.join("survey.json");
    let manifest = if manifest_path.is_file() {
        Some(
            std::fs::read_to_string(&manifest_path)
                .map_err(|e| io_err("read", &manifest_path, e))?,
        )
    } else {
        None
    };
    Ok(SurveySource {
        label: dir.display().to_string(),
        manifest,
        files,
    })
}

/// Build and write the site; returns the closing line.
pub(crate) fn run(args: &AtlasArgs, limits: &Limits) -> Result<String> {
    let sources = args
        .surveys
        .iter()
        .map(|d| read_survey(d))
        .collect::<Result<Vec<_>>>()?;
    let resolve = |name: &str| plrep::group::spec::load_group(name).ok();
    let site = build(&sources, &resolve, limits)?;
    for (rel, text) in &site {
        let path = args.out.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io_err("create", parent, e))?;
        }
        std::fs::write(&path, text).map_err(|e| io_err("write", &path, e))?;
    }
    let pages = site.iter().filter(|(p, _)| p.ends_with(".html")).count();
    let svgs = site.iter().filter(|(p, _)| p.ends_with(".svg")).count();
    Ok(format!(
        "atlas: {pages} pages and {svgs} drawings in {} (open {})\n",
        args.out.display(),
        args.out.join("index.html").display()
    ))
}
