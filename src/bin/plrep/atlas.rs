//! `plrep atlas SURVEY_DIR... --out SITE_DIR`: the static website of one or more survey
//! directories. The library (`plrep::report::atlas`) builds every page as text; this
//! file reads the surveys and writes the site.

use clap::Args;
use plrep::group::Limits;
use plrep::report::atlas::{group_key, AtlasBuilder, SurveyHeader};
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

/// A survey directory's header and its group files (paths, sorted by name).
fn list_survey(dir: &Path) -> Result<(SurveyHeader, Vec<PathBuf>)> {
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
    let manifest_path = dir.join("survey.json");
    let manifest = if manifest_path.is_file() {
        Some(
            std::fs::read_to_string(&manifest_path)
                .map_err(|e| io_err("read", &manifest_path, e))?,
        )
    } else {
        None
    };
    let header = SurveyHeader {
        label: dir.display().to_string(),
        manifest,
    };
    Ok((header, names.into_iter().map(|n| dir.join(n)).collect()))
}

fn write_files(out: &Path, files: &[(String, String)]) -> Result<()> {
    for (rel, text) in files {
        let path = out.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io_err("create", parent, e))?;
        }
        std::fs::write(&path, text).map_err(|e| io_err("write", &path, e))?;
    }
    Ok(())
}

/// Build and write the site, one group at a time (a census never sits in memory at
/// once); returns the closing line.
pub(crate) fn run(args: &AtlasArgs, limits: &Limits) -> Result<String> {
    let mut headers = Vec::new();
    // Group files by group key (the file name without its position), first appearance
    // first: the files of one group in the different surveys.
    let mut keys: Vec<(String, Vec<(usize, PathBuf)>)> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = Default::default();
    for (i, dir) in args.surveys.iter().enumerate() {
        let (header, files) = list_survey(dir)?;
        headers.push(header);
        for f in files {
            let name = f
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_string();
            let key = group_key(&name).to_string();
            let k = *index.entry(key.clone()).or_insert_with(|| {
                keys.push((key, Vec::new()));
                keys.len() - 1
            });
            keys[k].1.push((i, f));
        }
    }
    let resolve = |name: &str| plrep::group::spec::load_group(name).ok();
    let mut builder = AtlasBuilder::new(&headers, limits);
    let (mut pages, mut svgs) = (0usize, 0usize);
    let mut count = |files: &[(String, String)]| {
        pages += files.iter().filter(|(p, _)| p.ends_with(".html")).count();
        svgs += files.iter().filter(|(p, _)| p.ends_with(".svg")).count();
    };
    for (_, files) in &keys {
        let texts = files
            .iter()
            .map(|(i, p)| {
                let text = std::fs::read_to_string(p).map_err(|e| io_err("read", p, e))?;
                let name = p
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or_default()
                    .to_string();
                Ok((*i, name, text))
            })
            .collect::<Result<Vec<_>>>()?;
        let site = builder.add_group(&texts, &resolve)?;
        write_files(&args.out, &site)?;
        count(&site);
    }
    let site = builder.finish()?;
    write_files(&args.out, &site)?;
    count(&site);
    Ok(format!(
        "atlas: {pages} pages and {svgs} drawings in {} (open {})\n",
        args.out.display(),
        args.out.join("index.html").display()
    ))
}
