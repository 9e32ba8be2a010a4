//! `plrep survey`: many groups and modules in one batch, in parallel, resumable and
//! shardable. The library (`plrep::survey`) computes the records and the summaries; this
//! file writes the files, runs the thread pool and draws the progress.
//!
//! Exit status: 0 when every record of this shard is ok with no unresolved pair, 1 when
//! some record of this shard is an error record or has unresolved pairs (the survey
//! still completes and writes every file), 2 bad input (including a manifest mismatch),
//! as every command.
//!
//! Size: one subcommand: its arguments, the thread pool, the progress bar and the files
//! it writes follow one run from start to end.

use crate::Format;
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use plrep::group::Limits;
use plrep::survey::groups::{expand_seeds_within, GroupSeed};
use plrep::survey::layout::{group_file_name, is_group_file, Manifest, Shard};
use plrep::survey::record::{survey_group_lines, ActionChoice, SurveyOptions, SurveyRecord};
use plrep::survey::slurm::ArrayJob;
use plrep::survey::summary;
use plrep::{Error, LimitKind, Result};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The options of `plrep survey`.
#[derive(Debug, Args)]
pub(crate) struct SurveyArgs {
    /// Catalog names (S4, PSL(2,7), SG24_12), ranges (C1..C60, D2..D40, S3..S6, Q8..Q24,
    /// PSL2_5..PSL2_13; SG1..SG100: every SmallGroup of order 1..100; SG24: all of order
    /// 24), JSON group files, or directories of them.
    #[arg(required = true, value_name = "GROUPS")]
    groups: Vec<String>,
    /// regular, transitive (every R^{G/H}, one per class of subgroups H), or an action
    /// spec (natural, subsets:K, tuples:K, conjugation, cosets:<generators>, trivial:K,
    /// and their sums A + B and products A * B); repeat the flag for several.
    #[arg(long = "actions", value_name = "ACTION", default_value = "regular")]
    actions: Vec<String>,
    #[command(flatten)]
    solver: crate::activation::ActivationOpts,
    /// The survey directory (created if missing; a run into an existing survey
    /// directory resumes it).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Worker threads (default: the available parallelism).
    #[arg(long, value_name = "N")]
    jobs: Option<usize>,
    /// Run only shard i of n (1-based): the groups at positions p with p % n == i - 1.
    #[arg(long, value_name = "i/n")]
    shard: Option<String>,
    /// Recompute the group files present in DIR that hold error records.
    #[arg(long)]
    retry_errors: bool,
    /// No progress bar and no closing report on stderr.
    #[arg(long)]
    quiet: bool,
    /// Also record for every module the depth closure of the network of at most K equal
    /// layers of it (stopping where the alive sets cycle), against the PL-Schur bound.
    #[arg(long, value_name = "K")]
    depth: Option<usize>,
    /// Compute nothing: write DIR/slurm/array.sh, an sbatch job array of N tasks (task i
    /// runs shard i/N with --jobs CPUs, default 1), and DIR/slurm/submit.sh, which submits
    /// it and then `plrep survey-merge DIR`.
    #[arg(long, value_name = "N")]
    slurm: Option<usize>,
    /// One more #SBATCH option for the --slurm scripts (repeatable), e.g.
    /// --sbatch=--partition=long --sbatch=--time=4:00:00.
    #[arg(
        long,
        value_name = "OPTION",
        allow_hyphen_values = true,
        requires = "slurm"
    )]
    sbatch: Vec<String>,
    /// Write only the group files, not the summaries (a job array's tasks: `plrep
    /// survey-merge DIR` writes them once every shard is in).
    #[arg(long)]
    no_summary: bool,
}

/// Largest `--depth` accepted (as `plrep network`).
const MAX_DEPTH: usize = 64;

/// Run the survey and return the exit status.
pub(crate) fn run(
    args: &SurveyArgs,
    format: Format,
    output: Option<&Path>,
    limits: &Limits,
) -> i32 {
    match survey(args, format, output, limits) {
        Ok(code) => code,
        Err(e) => crate::report(&e),
    }
}

pub(crate) fn io_err(what: &str, path: &Path, e: std::io::Error) -> Error {
    Error::Io(format!("cannot {what} '{}': {e}", path.display()))
}

/// Write `text` to `path` through a temporary file in the same directory and a rename,
/// so that a file present under its final name is always complete.
pub(crate) fn write_atomic(path: &Path, text: &str) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let tmp = dir.join(format!(".{name}.tmp.{}", std::process::id()));
    std::fs::write(&tmp, text).map_err(|e| io_err("write", &tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| io_err("rename into", path, e))
}

/// A file written line by line under a temporary name in the same directory and renamed
/// into place by [`AtomicFile::finish`] (as [`write_atomic`]): a file present under its
/// final name is always complete. Dropped unfinished, the temporary file is removed.
struct AtomicFile {
    tmp: PathBuf,
    path: PathBuf,
    out: Option<std::io::BufWriter<std::fs::File>>,
}

impl AtomicFile {
    fn create(path: &Path) -> Result<AtomicFile> {
        let dir = path.parent().unwrap_or(Path::new("."));
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
        let tmp = dir.join(format!(".{name}.tmp.{}", std::process::id()));
        let f = std::fs::File::create(&tmp).map_err(|e| io_err("create", &tmp, e))?;
        Ok(AtomicFile {
            out: Some(std::io::BufWriter::new(f)),
            tmp,
            path: path.to_path_buf(),
        })
    }

    /// Write `line` and a newline.
    fn write_line(&mut self, line: &str) -> Result<()> {
        let out = self.out.as_mut().expect("written before finish");
        out.write_all(line.as_bytes())
            .and_then(|()| out.write_all(b"\n"))
            .map_err(|e| io_err("write", &self.tmp, e))
    }

    /// Flush and rename into place.
    fn finish(mut self) -> Result<()> {
        let out = self.out.take().expect("finished once");
        out.into_inner()
            .map_err(|e| io_err("write", &self.tmp, e.into_error()))?;
        std::fs::rename(&self.tmp, &self.path).map_err(|e| io_err("rename into", &self.path, e))
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.out.take().is_some() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// Append one group's timings to `DIR/timings.tsv` in one write (with the header when
/// the file is new).
fn append_timings(dir: &Path, lines: &str) -> Result<()> {
    let path = dir.join("timings.tsv");
    // Append mode for the header too: another thread's lines may land between the
    // creation and the header write, and must not be overwritten.
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .append(true)
        .create_new(true)
        .open(&path)
    {
        f.write_all(b"file\tgroup\tmodule\tseconds\n")
            .map_err(|e| io_err("write", &path, e))?;
    }
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .map_err(|e| io_err("open", &path, e))?;
    f.write_all(lines.as_bytes())
        .map_err(|e| io_err("write", &path, e))
}

/// The names of the group files present in `dir`, sorted.
pub(crate) fn group_file_names(dir: &Path) -> Result<Vec<String>> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| io_err("read the directory", dir, e))?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| is_group_file(n))
        .collect();
    names.sort();
    Ok(names)
}

/// The summary rows of the group files present in `dir` (only those named in `only`,
/// if given), per file, sorted by file name. One line is held at a time, and the
/// graphs are skipped: memory is the rows', not the records'.
pub(crate) fn group_rows(
    dir: &Path,
    only: Option<&std::collections::HashSet<&str>>,
) -> Result<Vec<(String, Vec<summary::Row>)>> {
    group_file_names(dir)?
        .into_iter()
        .filter(|n| only.map_or(true, |o| o.contains(n.as_str())))
        .map(|n| {
            let p = dir.join(&n);
            let f = std::fs::File::open(&p).map_err(|e| io_err("read", &p, e))?;
            let rows = std::io::BufRead::lines(std::io::BufReader::new(f))
                .enumerate()
                .map(|(k, line)| {
                    summary::line_row(&n, k, &line.map_err(|e| io_err("read", &p, e))?)
                })
                .collect::<Result<Vec<_>>>()?;
            Ok((n, rows))
        })
        .collect()
}

/// Write `DIR/summary.{md,tex,csv}` of the rows of every group file present.
pub(crate) fn write_summaries(dir: &Path, rows: &[summary::Row]) -> Result<()> {
    write_atomic(
        &dir.join("summary.md"),
        &plrep::report::survey_summary::markdown(rows),
    )?;
    write_atomic(
        &dir.join("summary.tex"),
        &plrep::report::survey_summary::latex(rows),
    )?;
    write_atomic(
        &dir.join("summary.csv"),
        &plrep::report::survey_summary::csv(rows),
    )
}

/// The most worker threads a survey starts, whatever `--jobs` says.
const MAX_JOBS: usize = 256;

/// One computed group.
struct Done {
    name: String,
    seconds: f64,
}

fn survey(a: &SurveyArgs, format: Format, output: Option<&Path>, limits: &Limits) -> Result<i32> {
    let started = Instant::now();
    format.require("survey", &[Format::Text])?;
    if output.is_some() {
        return Err(Error::bad(
            "survey writes its files into --out DIR, not -o",
            "drop -o; the results are DIR/*.jsonl and DIR/summary.{md,tex,csv}",
        ));
    }
    let solver = a.solver.solver_options()?;
    match a.depth {
        Some(0) => {
            return Err(Error::bad(
                "--depth 0 has no layer",
                "use --depth 1 or more",
            ))
        }
        Some(k) if k > MAX_DEPTH => {
            return Err(Error::limit(
                format!("depth {k}"),
                MAX_DEPTH,
                LimitKind::Depth,
            ))
        }
        _ => {}
    }
    let actions = a
        .actions
        .iter()
        .map(|s| ActionChoice::parse(s))
        .collect::<Result<Vec<_>>>()?;
    let shard = a
        .shard
        .as_deref()
        .map(Shard::parse)
        .transpose()?
        .unwrap_or(Shard::ALL);
    let jobs = match a.jobs {
        Some(0) => {
            return Err(Error::bad(
                "--jobs 0 runs nothing",
                "use --jobs 1 or more (default: the available parallelism)",
            ))
        }
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    // Names and generators only: each worker builds its group and drops it after.
    let groups = expand_seeds_within(&a.groups, limits)?;
    if let Some(n) = a.slurm {
        check_slurm(a, n, groups.len())?;
    }
    let dir = &a.out;
    std::fs::create_dir_all(dir).map_err(|e| io_err("create the directory", dir, e))?;
    let manifest = Manifest {
        groups: a.groups.clone(),
        expanded: groups.iter().map(|g| g.name.clone()).collect(),
        actions: actions.iter().map(|x| x.to_string()).collect(),
        activation: solver.activation.name(),
        bias: solver.bias.as_ref().map(|q| q.to_string()),
        seeds: solver.seeds,
        depth: a.depth,
    };
    let manifest_path = dir.join("survey.json");
    if manifest_path.exists() {
        let old = std::fs::read_to_string(&manifest_path)
            .map_err(|e| io_err("read", &manifest_path, e))?;
        manifest.check(&old, &dir.display().to_string())?;
    } else {
        write_atomic(&manifest_path, &manifest.to_json())?;
    }
    if let Some(n) = a.slurm {
        return slurm_setup(a, n, &groups, limits);
    }

    // This shard's groups: those whose file is present are done (resume).
    let total = groups.len();
    let mine: Vec<(usize, &GroupSeed, String)> = groups
        .iter()
        .enumerate()
        .filter(|(p, _)| shard.contains(*p))
        .map(|(p, g)| (p, g, group_file_name(p, total, &g.name)))
        .collect();
    let mut todo = Vec::new();
    let mut present = 0usize;
    for (p, g, file) in &mine {
        let path = dir.join(file);
        let redo = path.exists()
            && a.retry_errors
            && std::fs::read_to_string(&path)
                .map_err(|e| io_err("read", &path, e))?
                .lines()
                .enumerate()
                .any(|(n, l)| {
                    SurveyRecord::<serde::de::IgnoredAny>::parse_line(file, n, l)
                        .map_or(true, |r| !r.is_ok())
                });
        if path.exists() && !redo {
            present += 1;
        } else {
            todo.push((*p, *g, file.clone()));
        }
    }

    let options = SurveyOptions {
        actions,
        solver,
        limits: limits.clone(),
    };
    let bar = ProgressBar::with_draw_target(
        Some(todo.len() as u64),
        if !a.quiet && std::io::stderr().is_terminal() {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        },
    );
    if let Ok(style) = ProgressStyle::with_template(
        "{elapsed_precise} [{bar:30}] {pos}/{len} groups, eta {eta} {msg}",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    // More threads than groups to compute (or than MAX_JOBS) only cost memory.
    let jobs = jobs.min(todo.len()).clamp(1, MAX_JOBS);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| Error::Io(format!("cannot start the thread pool: {e}")))?;
    // Panics inside a group or module are caught and recorded as error records: report
    // each on one line (above the progress bar) instead of the default hook's message.
    let hook = std::panic::take_hook();
    let bar_for_hook = bar.clone();
    std::panic::set_hook(Box::new(move |info| {
        let at = info
            .location()
            .map_or(String::new(), |l| format!(" at {}:{}", l.file(), l.line()));
        let payload = info.payload();
        let msg = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default()
            .replace(['\n', '\r'], " ");
        bar_for_hook.suspend(|| {
            eprintln!("warning: internal panic{at}: {msg} (recorded as an error record; please report this)")
        });
    }));
    let results: Vec<Result<Done>> = pool.install(|| {
        todo.par_iter()
            .map(|(_, g, file)| {
                let t = Instant::now();
                let group = g.load()?;
                // Each record goes to the file as soon as its batch is solved: a group
                // of thousands of modules never holds its records at once.
                let path = dir.join(file);
                let mut out = AtomicFile::create(&path)?;
                let mut timings = String::new();
                survey_group_lines(&g.name, &group, &options, a.depth, &mut |m| {
                    out.write_line(&m.line)?;
                    timings.push_str(&format!(
                        "{file}\t{}\t{}\t{:.6}\n",
                        g.name, m.action, m.seconds
                    ));
                    Ok(())
                })?;
                drop(group);
                out.finish()?;
                append_timings(dir, &timings)?;
                bar.set_message(g.name.clone());
                bar.inc(1);
                Ok(Done {
                    name: g.name.clone(),
                    seconds: t.elapsed().as_secs_f64(),
                })
            })
            .collect()
    });
    std::panic::set_hook(hook);
    bar.finish_and_clear();
    // A group whose file could not be written is reported after the summaries of the
    // files that were: the batch's other results are never lost.
    let mut done = Vec::new();
    let mut failed = None;
    for r in results {
        match r {
            Ok(d) => done.push(d),
            Err(e) => failed = failed.or(Some(e)),
        }
    }

    // Summaries of every group file present (all shards), and this shard's counts.
    let my_files: std::collections::HashSet<&str> =
        mine.iter().map(|(_, _, f)| f.as_str()).collect();
    let files = group_rows(dir, a.no_summary.then_some(&my_files))?;
    if !a.no_summary {
        let all: Vec<summary::Row> = files.iter().flat_map(|(_, r)| r.iter().cloned()).collect();
        write_summaries(dir, &all)?;
    }
    let my_rows: Vec<&summary::Row> = files
        .iter()
        .filter(|(n, _)| my_files.contains(n.as_str()))
        .flat_map(|(_, r)| r)
        .collect();
    let errors = my_rows
        .iter()
        .filter(|r| r.status() == summary::RowStatus::Error)
        .count();
    let unresolved = my_rows
        .iter()
        .filter(|r| r.status() == summary::RowStatus::Unresolved)
        .count();
    if !a.quiet {
        let shard_text = if shard == Shard::ALL {
            String::new()
        } else {
            format!(" in shard {}/{}", shard.index, shard.count)
        };
        eprintln!(
            "survey: {} groups{shard_text}: {} computed, {present} already present; {} records: {} ok, {errors} error records, {unresolved} with unresolved pairs",
            mine.len(),
            done.len(),
            my_rows.len(),
            my_rows.len() - errors - unresolved
        );
        if !a.no_summary {
            eprintln!(
                "summaries of the {} group files in {}: summary.md, summary.tex, summary.csv",
                files.len(),
                dir.display()
            );
        }
        let mut slow: Vec<&Done> = done.iter().collect();
        slow.sort_by(|x, y| y.seconds.total_cmp(&x.seconds));
        let slowest: Vec<String> = slow
            .iter()
            .take(5)
            .map(|d| format!("{} {:.2} s", d.name, d.seconds))
            .collect();
        eprintln!(
            "total {:.2} s{}",
            started.elapsed().as_secs_f64(),
            if slowest.is_empty() {
                String::new()
            } else {
                format!("; slowest groups: {}", slowest.join(", "))
            }
        );
    }
    if let Some(e) = failed {
        return Err(e);
    }
    if errors + unresolved > 0 {
        if a.quiet {
            eprintln!(
                "survey: {errors} error records, {unresolved} with unresolved pairs (see {})",
                dir.join("summary.md").display()
            );
        }
        return Ok(1);
    }
    Ok(0)
}

/// Check `--slurm N` before anything is written.
fn check_slurm(a: &SurveyArgs, n: usize, groups: usize) -> Result<()> {
    if a.shard.is_some() {
        return Err(Error::bad(
            "--slurm and --shard together",
            "--slurm N writes N tasks, task i running --shard i/N; drop --shard",
        ));
    }
    if n == 0 || n > groups {
        return Err(Error::bad(
            format!("--slurm {n} asks for {n} array tasks for {groups} groups"),
            format!("use --slurm 1 to --slurm {groups}"),
        ));
    }
    Ok(())
}

/// `--slurm N`: write the job array's scripts into `DIR/slurm/` (the manifest is already
/// written, so the tasks share it) and compute nothing.
fn slurm_setup(a: &SurveyArgs, n: usize, groups: &[GroupSeed], limits: &Limits) -> Result<i32> {
    let cpus = a.jobs.unwrap_or(1).clamp(1, MAX_JOBS);
    let dir = std::fs::canonicalize(&a.out).map_err(|e| io_err("resolve", &a.out, e))?;
    let workdir = std::env::current_dir()
        .map_err(|e| Error::Io(format!("cannot read the current directory: {e}")))?;
    let plrep = std::env::current_exe()
        .map_err(|e| Error::Io(format!("cannot find the plrep binary: {e}")))?;
    let job = ArrayJob {
        plrep: plrep.display().to_string(),
        workdir: workdir.display().to_string(),
        dir: dir.display().to_string(),
        survey_args: task_args(a, limits)?,
        shards: n,
        cpus,
        sbatch: a.sbatch.clone(),
    };
    let array = job.array_script()?;
    let slurm_dir = dir.join("slurm");
    std::fs::create_dir_all(&slurm_dir)
        .map_err(|e| io_err("create the directory", &slurm_dir, e))?;
    let submit = slurm_dir.join("submit.sh");
    write_atomic(&slurm_dir.join("array.sh"), &array)?;
    write_atomic(&submit, &job.submit_script())?;
    write_atomic(&slurm_dir.join("slurm.json"), &job.info_json())?;
    if !a.quiet {
        eprintln!(
            "survey: {} groups in {n} array tasks ({cpus} CPU each): submit with\n  bash {}\n(or sbatch {}, then plrep survey-merge {})",
            groups.len(),
            submit.display(),
            slurm_dir.join("array.sh").display(),
            dir.display()
        );
    }
    Ok(0)
}

/// The survey options a task repeats (everything the manifest records, and the limits
/// that differ from the defaults), in canonical spellings.
fn task_args(a: &SurveyArgs, limits: &Limits) -> Result<Vec<String>> {
    let mut v: Vec<String> = a.groups.clone();
    for x in &a.actions {
        v.push("--actions".into());
        v.push(ActionChoice::parse(x)?.to_string());
    }
    v.push("--activation".into());
    v.push(a.solver.activation.name());
    if let Some(b) = a.solver.uniform_bias()? {
        v.push(format!("--bias={b}"));
    }
    v.push("--seeds".into());
    v.push(a.solver.seeds.to_string());
    if let Some(k) = a.depth {
        v.push("--depth".into());
        v.push(k.to_string());
    }
    if a.retry_errors {
        v.push("--retry-errors".into());
    }
    let d = Limits::default();
    for (flag, value, default) in [
        (
            "--max-order",
            limits.max_order.to_string(),
            d.max_order.to_string(),
        ),
        (
            "--max-points",
            limits.max_points.to_string(),
            d.max_points.to_string(),
        ),
        (
            "--max-classes",
            limits.max_classes.to_string(),
            d.max_classes.to_string(),
        ),
        (
            "--max-subgroups",
            limits.max_subgroups.to_string(),
            d.max_subgroups.to_string(),
        ),
        (
            "--max-memory-mb",
            limits.max_memory_mb.to_string(),
            d.max_memory_mb.to_string(),
        ),
        (
            "--max-degree",
            limits.max_degree.to_string(),
            d.max_degree.to_string(),
        ),
        (
            "--max-generators",
            limits.max_generators.to_string(),
            d.max_generators.to_string(),
        ),
        (
            "--max-input-mb",
            limits.max_input_mb.to_string(),
            d.max_input_mb.to_string(),
        ),
    ] {
        if value != default {
            v.push(flag.into());
            v.push(value.to_string());
        }
    }
    Ok(v)
}
