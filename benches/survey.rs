//! Benchmark of a survey's throughput and memory (issue 13.2): modules per second and
//! peak resident memory on a fixed list (`SG1..SG24 SG32_51`, every transitive module:
//! 74 groups; `SG32_51 = C2^5` has 374 modules in one group, where holding a group's
//! records mattered), for the way `plrep survey` runs now (groups built by the worker from
//! [`GroupSeed`]s and dropped, each record written to its group file as soon as its
//! batch of modules is solved (`survey_group_lines`), the summary read back one line at
//! a time without the graphs) against the baseline of the first survey (every group
//! built up front and kept, every group's records held as JSON values, every file's
//! text kept for the summary, which parsed the graphs too). Both runs happen in this process, one after
//! the other, with the peak reset in between (`/proc/self/clear_refs`, Linux).
//!
//! `cargo bench --bench survey` (a few minutes on 2 cores); `SURVEY_BENCH_GROUPS=SG1..SG12`
//! for another list (GROUPS arguments separated by spaces). Peak memory is not reported where `/proc` is missing.

use plrep::group::Limits;
use plrep::pl::{Activation, SolverOptions};
use plrep::survey::groups::{expand_seeds_within, expand_within};
use plrep::survey::layout::group_file_name;
use plrep::survey::record::{survey_group, survey_group_lines, ActionChoice, SurveyOptions};
use plrep::survey::summary;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::time::Instant;

/// The peak resident set size so far, in MiB (`VmHWM`).
fn peak_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Reset the peak to the current resident size (Linux >= 4.0); false if impossible.
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

struct Run {
    modules: usize,
    seconds: f64,
    peak: Option<f64>,
    summary: String,
}

fn options() -> SurveyOptions {
    SurveyOptions {
        actions: vec![ActionChoice::Transitive],
        solver: SolverOptions::new(Activation::Relu),
        limits: Limits::default(),
    }
}

/// Today's survey: seeds, one group alive at a time, files on disk, streamed summary.
fn streaming(args: &[String], dir: &std::path::Path) -> Run {
    let t = Instant::now();
    let seeds = expand_seeds_within(args, &Limits::default()).unwrap();
    let options = options();
    let mut modules = 0;
    for (p, s) in seeds.iter().enumerate() {
        let group = s.load().unwrap();
        let path = dir.join(group_file_name(p, seeds.len(), &s.name));
        let mut out = BufWriter::new(std::fs::File::create(path).unwrap());
        survey_group_lines(&s.name, &group, &options, None, &mut |m| {
            modules += 1;
            out.write_all(m.line.as_bytes())
                .and_then(|()| out.write_all(b"\n"))
                .map_err(|e| plrep::Error::Io(e.to_string()))
        })
        .unwrap();
        out.flush().unwrap();
    }
    let mut rows = Vec::new();
    for (p, s) in seeds.iter().enumerate() {
        let name = group_file_name(p, seeds.len(), &s.name);
        let file = BufReader::new(std::fs::File::open(dir.join(&name)).unwrap());
        for (n, line) in file.lines().enumerate() {
            rows.push(summary::line_row(&name, n, &line.unwrap()).unwrap());
        }
    }
    Run {
        modules,
        seconds: t.elapsed().as_secs_f64(),
        peak: peak_mib(),
        summary: plrep::report::survey_summary::markdown(&rows),
    }
}

/// The baseline: every group built and kept, every file's text kept, the summary parsed
/// from all texts with the graphs (serde_json `Value`s, as the first summary did).
fn eager(args: &[String]) -> Run {
    let t = Instant::now();
    let groups = expand_within(args, &Limits::default()).unwrap();
    let options = options();
    let mut files = Vec::new();
    let mut modules = 0;
    for (p, g) in groups.iter().enumerate() {
        let out = survey_group(&g.name, &g.group, &options);
        modules += out.len();
        let text: String = out.iter().map(|m| m.record.to_string() + "\n").collect();
        files.push((group_file_name(p, groups.len(), &g.name), text));
    }
    let values: Vec<serde_json::Value> = files
        .iter()
        .flat_map(|(_, t)| t.lines().map(|l| serde_json::from_str(l).unwrap()))
        .collect();
    let rows = summary::rows(&files).unwrap();
    assert_eq!(values.len(), rows.len());
    Run {
        modules,
        seconds: t.elapsed().as_secs_f64(),
        peak: peak_mib(),
        summary: plrep::report::survey_summary::markdown(&rows),
    }
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument that is not ours skips the run.
    if std::env::args()
        .skip(1)
        .any(|a| !a.starts_with('-') && a != "survey")
    {
        return;
    }
    let list = std::env::var("SURVEY_BENCH_GROUPS").unwrap_or_else(|_| "SG1..SG24 SG32_51".into());
    let args: Vec<String> = list.split_whitespace().map(String::from).collect();
    let dir = std::env::temp_dir().join(format!("plrep-bench-survey-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let resettable = reset_peak();
    let now = streaming(&args, &dir);
    let _ = std::fs::remove_dir_all(&dir);
    reset_peak();
    let base = eager(&args);
    assert_eq!(now.summary, base.summary, "both runs give the same summary");
    let mib = |p: Option<f64>| p.map_or("n/a".to_string(), |m| format!("{m:.0} MiB"));
    println!(
        "survey {list} --actions transitive ({} modules)",
        now.modules
    );
    for (label, r) in [("streaming (now)", &now), ("eager (baseline)", &base)] {
        println!(
            "  {label:17} {:8.1} modules/s  {:7.1} s  peak {}",
            r.modules as f64 / r.seconds,
            r.seconds,
            mib(r.peak)
        );
    }
    if let (true, Some(a), Some(b)) = (resettable, now.peak, base.peak) {
        println!("  peak memory ratio now/baseline: {:.2}", a / b);
    }
    println!(
        "  throughput ratio now/baseline: {:.2}",
        (now.modules as f64 / now.seconds) / (base.modules as f64 / base.seconds)
    );
}
