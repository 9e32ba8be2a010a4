//! Tests of the survey area: group-list expansion, the records and their statistics,
//! and `plrep survey` end to end (files, determinism across thread counts, resume,
//! shards, error records, manifest mismatch, the Markdown summary).

use plrep::group::Limits;
use plrep::pl::{Activation, SolverOptions};
use plrep::survey::groups::{expand, range_members};
use plrep::survey::record::{survey_group, ActionChoice, SurveyOptions};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub(crate) fn plrep(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plrep"))
        .args(args)
        .output()
        .expect("run plrep")
}

/// A fresh, empty directory for one test.
pub(crate) fn fresh(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("survey-tests")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.parent().unwrap()).unwrap();
    dir
}

/// Run a survey into `dir`; returns the output after checking the exit status.
fn survey(dir: &Path, args: &[&str], code: i32) -> Output {
    let mut a = vec!["survey"];
    a.extend_from_slice(args);
    a.extend(["--out", dir.to_str().unwrap()]);
    let out = plrep(&a);
    assert_eq!(
        out.status.code(),
        Some(code),
        "{a:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Every file of a survey directory except `timings.tsv`, by name.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .map(|e| e.file_name().into_string().unwrap())
        .filter(|n| n != "timings.tsv")
        .map(|n| {
            let bytes = std::fs::read(dir.join(&n)).unwrap();
            (n, bytes)
        })
        .collect()
}

fn records(dir: &Path) -> Vec<Value> {
    files(dir)
        .iter()
        .filter(|(n, _)| n.ends_with(".jsonl"))
        .flat_map(|(_, b)| {
            String::from_utf8(b.clone())
                .unwrap()
                .lines()
                .map(|l| serde_json::from_str::<Value>(l).unwrap())
                .collect::<Vec<_>>()
        })
        .collect()
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

const SMALL: &[&str] = &["C2..C4", "S3", "D8", "Q8"];

#[test]
fn ranges_expand_in_order_and_bad_ranges_are_named() {
    assert_eq!(range_members("C1..C4").unwrap(), ["C1", "C2", "C3", "C4"]);
    assert_eq!(
        range_members("D2..D10").unwrap(),
        ["D2", "D4", "D6", "D8", "D10"]
    );
    assert_eq!(range_members("Q8..Q16").unwrap(), ["Q8", "Q12", "Q16"]);
    assert_eq!(range_members("S3..6").unwrap(), ["S3", "S4", "S5", "S6"]);
    assert_eq!(
        range_members("PSL2_5..PSL2_13").unwrap(),
        ["PSL2_5", "PSL2_7", "PSL2_11", "PSL2_13"]
    );
    for bad in [
        "C5..C2",
        "C2..S5",
        "X1..X4",
        "C..C4",
        "C1..",
        "..C4",
        "C1...C4",
        "C1..C20000",
    ] {
        let e = range_members(bad).unwrap_err();
        assert_eq!(e.exit_code(), 2, "{bad}: {e}");
    }
    // Order: as given, ranges ascending, duplicates dropped (first kept).
    let g = expand(&strings(&["S3", "C2..C4", "C3", "D2..D6", "S3"])).unwrap();
    let names: Vec<&str> = g.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["S3", "C2", "C3", "C4", "D2", "D4", "D6"]);
    // A member the catalog rejects is named, with its range.
    for (range, member) in [
        ("D3..D8", "D3"),
        ("D2..D7", "D7"),
        ("Q4..Q12", "Q4"),
        ("C0..C3", "C0"),
    ] {
        let e = expand(&strings(&[range])).unwrap_err().to_string();
        assert!(e.contains(member) && e.contains(range), "{e}");
    }
    // A directory: its *.json files sorted by file name.
    let dir = fresh("groups-dir");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("b.json"),
        r#"{"generators": ["(1,2,3)"], "name": "C3"}"#,
    )
    .unwrap();
    std::fs::write(dir.join("a.json"), r#"{"generators": ["(1,2)"]}"#).unwrap();
    std::fs::write(dir.join("notes.txt"), "not a group").unwrap();
    let g = expand(&strings(&[dir.to_str().unwrap()])).unwrap();
    let names: Vec<&str> = g.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["a", "C3"]);
}

#[test]
fn bad_survey_inputs_exit_2_with_one_line() {
    let dir = fresh("bad-inputs");
    let d = dir.to_str().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (&["survey", "C5..C2", "--out", d], "5 > 2"),
        (&["survey", "D2..D5", "--out", d], "D5"),
        (&["survey", "X9", "--out", d], "unknown group"),
        (&["survey", "C2", "--out", d, "--shard", "4/3"], "shard"),
        (&["survey", "C2", "--out", d, "--shard", "x"], "shard"),
        (&["survey", "C2", "--out", d, "--jobs", "0"], "--jobs"),
        (&["survey", "C2", "--out", d, "--actions", "bogus"], "bogus"),
        (
            &["survey", "C2", "--out", d, "--activation", "bogus"],
            "bogus",
        ),
        (&["survey", "C2", "--out", d, "--format", "json"], "format"),
        (&["survey", "C2"], "--out"),
    ];
    for (args, needle) in cases {
        let out = plrep(args);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(
            err.starts_with("error: ") && err.trim_end().ends_with(')'),
            "{err}"
        );
        assert!(err.contains(needle), "{args:?}: {err}");
    }
}

#[test]
fn survey_writes_one_certified_file_per_group() {
    let dir = fresh("files");
    let mut args = SMALL.to_vec();
    args.extend(["--actions", "regular", "--actions", "natural", "--quiet"]);
    let out = survey(&dir, &args, 0);
    assert!(out.stderr.is_empty() && out.stdout.is_empty());
    let names: Vec<String> = files(&dir).into_keys().collect();
    assert_eq!(
        names,
        [
            "0000-C2.jsonl",
            "0001-C3.jsonl",
            "0002-C4.jsonl",
            "0003-S3.jsonl",
            "0004-D8.jsonl",
            "0005-Q8.jsonl",
            "summary.csv",
            "summary.md",
            "summary.tex",
            "survey.json",
        ]
    );
    assert!(dir.join("timings.tsv").exists());
    let recs = records(&dir);
    // Q8 is regular on 8 points, so its natural action is the regular one again, but a
    // different spec: both are solved.
    assert_eq!(recs.len(), 12);
    for r in &recs {
        assert_eq!(r["schema"], "plrep.survey.v1");
        assert_eq!(r["status"], "ok", "{}", r["error"]);
        assert_eq!(r["graph"]["schema"], "plrep.graph.v1");
        assert_eq!(r["graph"]["certified"], true);
        let s = &r["stats"];
        assert_eq!(s["unresolved"], 0);
        let n = |k: &str| s[k].as_u64().unwrap();
        assert_eq!(n("edges") + n("non_edges") + n("unresolved"), n("pairs"));
        assert_eq!(n("simples") * n("simples"), n("pairs"));
        assert!(n("edges") <= n("pl_schur_bound"));
        assert_eq!(
            n("g_hat_mattered"),
            n("centralizer_explained") + n("unexplained")
        );
        assert_eq!(
            n("edges") as usize,
            r["graph"]["edges"].as_array().unwrap().len()
        );
        assert!(r["subgroup"].is_null());
    }
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("survey.json")).unwrap()).unwrap();
    assert_eq!(manifest["schema"], "plrep.survey.manifest.v1");
    assert_eq!(manifest["expanded"].as_array().unwrap().len(), 6);
    let csv = std::fs::read_to_string(dir.join("summary.csv")).unwrap();
    assert_eq!(csv.lines().count(), 13);
    let tex = std::fs::read_to_string(dir.join("summary.tex")).unwrap();
    assert!(tex.contains("\\toprule") && tex.contains("\\bottomrule"));
}

#[test]
fn survey_is_deterministic_across_thread_counts() {
    let (a, b) = (fresh("det-1"), fresh("det-2"));
    let mut args = SMALL.to_vec();
    args.extend(["--actions", "transitive", "--activation", "abs", "--quiet"]);
    let mut a1 = args.clone();
    a1.extend(["--jobs", "1"]);
    let mut a2 = args.clone();
    a2.extend(["--jobs", "3"]);
    survey(&a, &a1, 0);
    survey(&b, &a2, 0);
    assert_eq!(files(&a), files(&b));
}

/// Parallel workers do not nest: a solver called on a survey worker solves its sources
/// in that worker instead of installing a second pool, whose wait made the worker steal
/// other groups recursively until its stack overflowed (`survey SG32 --jobs 2` aborted).
/// Small worker stacks make the former nesting abort every time.
#[test]
fn parallel_survey_workers_do_not_nest_waits() {
    let dir = fresh("nested-pools");
    let out = Command::new(env!("CARGO_BIN_EXE_plrep"))
        .args([
            "survey",
            "SG16",
            "--actions",
            "transitive",
            "--jobs",
            "2",
            "--quiet",
        ])
        .arg("--out")
        .arg(&dir)
        .env("RUST_MIN_STACK", "262144")
        .output()
        .expect("run plrep");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let groups = files(&dir).keys().filter(|n| n.ends_with(".jsonl")).count();
    assert_eq!(groups, 14, "one record file per group of order 16");
    assert!(records(&dir).iter().all(|r| r["error"].is_null()));
}

#[test]
fn resume_computes_only_missing_groups() {
    let dir = fresh("resume");
    let args = [SMALL, &["--activation", "abs"]].concat();
    survey(&dir, &args, 0);
    let before = files(&dir);
    let mtime = |n: &str| std::fs::metadata(dir.join(n)).unwrap().modified().unwrap();
    let kept: Vec<(String, std::time::SystemTime)> = before
        .keys()
        .filter(|n| n.ends_with(".jsonl") && *n != "0003-S3.jsonl")
        .map(|n| (n.clone(), mtime(n)))
        .collect();
    std::fs::remove_file(dir.join("0003-S3.jsonl")).unwrap();
    let out = survey(&dir, &args, 0);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("6 groups: 1 computed, 5 already present"),
        "{err}"
    );
    assert_eq!(files(&dir), before);
    for (n, t) in kept {
        assert_eq!(mtime(&n), t, "{n} was rewritten");
    }
    // Nothing left to do: the summaries are rewritten identically.
    let out = survey(&dir, &args, 0);
    assert!(String::from_utf8_lossy(&out.stderr).contains("0 computed, 6 already present"));
    assert_eq!(files(&dir), before);
}

#[test]
fn shards_make_up_the_whole_survey() {
    let whole = fresh("shard-whole");
    let one = fresh("shard-one");
    let args = [SMALL, &["--quiet"]].concat();
    survey(&whole, &args, 0);
    let mut union: Vec<String> = Vec::new();
    for i in 1..=3 {
        let shard = format!("{i}/3");
        let with = [args.as_slice(), &["--shard", shard.as_str()]].concat();
        survey(&one, &with, 0);
        let own = fresh(&format!("shard-{i}"));
        survey(&own, &with, 0);
        let jsonl: Vec<String> = files(&own)
            .into_keys()
            .filter(|n| n.ends_with(".jsonl"))
            .collect();
        // Positions p with p % 3 == i - 1.
        assert_eq!(jsonl.len(), 2);
        assert!(jsonl
            .iter()
            .all(|n| n[..4].parse::<usize>().unwrap() % 3 == i - 1));
        union.extend(records(&own).iter().map(|r| r.to_string()));
    }
    // Into one DIR: the same files as the unsharded run (the last summary covers all).
    assert_eq!(files(&one), files(&whole));
    // Into separate DIRs: the union of the records is the whole.
    let mut all: Vec<String> = records(&whole).iter().map(|r| r.to_string()).collect();
    union.sort();
    all.sort();
    assert_eq!(union, all);
}

#[test]
fn a_failing_group_gives_an_error_record_and_the_rest_completes() {
    let dir = fresh("failing");
    let out = survey(&dir, &["C2", "S4", "C3", "--max-order", "10"], 1);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("2 ok, 1 error records"), "{err}");
    let recs = records(&dir);
    assert_eq!(recs.len(), 3);
    let s4 = recs.iter().find(|r| r["group"] == "S4").unwrap();
    assert_eq!(s4["status"], "error");
    assert_eq!(s4["error_kind"], "limit");
    assert!(s4["error"].as_str().unwrap().contains("--max-order"));
    assert!(s4["graph"].is_null() && s4["stats"].is_null());
    assert_eq!(recs.iter().filter(|r| r["status"] == "ok").count(), 2);
    let md = std::fs::read_to_string(dir.join("summary.md")).unwrap();
    assert!(md.contains("## Errors") && md.contains("| 0001 | S4 | 24 | regular | - |"));
    // Resuming keeps the error record; --retry-errors with a larger limit fixes it.
    survey(&dir, &["C2", "S4", "C3", "--quiet"], 1);
    survey(&dir, &["C2", "S4", "C3", "--quiet", "--retry-errors"], 0);
    assert!(records(&dir).iter().all(|r| r["status"] == "ok"));
}

#[test]
fn a_different_survey_in_the_same_directory_is_refused() {
    let dir = fresh("manifest");
    survey(&dir, &["C2", "C3", "--quiet"], 0);
    for other in [
        &["C2", "C3", "--activation", "abs"][..],
        &["C2", "C4"],
        &["C2", "C3", "--actions", "natural"],
        &["C2", "C3", "--bias", "1"],
    ] {
        let out = survey(&dir, other, 2);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("use another --out"), "{err}");
    }
}

#[test]
fn transitive_modules_and_where_g_hat_matters() {
    let options = |actions| SurveyOptions {
        actions,
        solver: SolverOptions::new(Activation::Relu),
        limits: Limits::default(),
    };
    let s3 = expand(&strings(&["S3"])).unwrap().remove(0);
    let out = survey_group(
        &s3.name,
        &s3.group,
        &options(vec![ActionChoice::Transitive]),
    );
    let orders: Vec<u64> = out
        .iter()
        .map(|m| m.record["subgroup"]["order"].as_u64().unwrap())
        .collect();
    assert_eq!(orders, [1, 2, 3, 6]);
    for m in &out {
        let h = &m.record["subgroup"];
        assert_eq!(
            h["order"].as_u64().unwrap() * h["index"].as_u64().unwrap(),
            6
        );
        assert_eq!(m.record["stats"]["points"], h["index"]);
    }
    // S4 on the 12 cosets of <(1,3)(2,4)>: the normalizer (order 8) gives a centralizer
    // in Sym(X) of order 4 whose scalars rule out 4 pairs the ker^± rule allows.
    let s4 = expand(&strings(&["S4"])).unwrap().remove(0);
    let spec = ActionChoice::parse("cosets:(1,3)(2,4)").unwrap();
    let out = survey_group(&s4.name, &s4.group, &options(vec![spec]));
    let s = &out[0].record["stats"];
    assert_eq!(s["beyond_ker_pm"], 4);
    assert_eq!(s["centralizer_explained"], 4);
    assert_eq!(s["g_hat_mattered"], 4);
    assert_eq!(s["unexplained"], 0);
    // The survey's transitive records carry the same statistics as `plrep enumerate`
    // (two pipelines over the same subgroup classes).
    let transitive = survey_group(
        &s4.name,
        &s4.group,
        &options(vec![ActionChoice::parse("transitive").unwrap()]),
    );
    let e = plrep::enumerate::Enumeration::compute(
        &s4.group,
        &SolverOptions::new(Activation::Relu),
        &Limits::default(),
    )
    .unwrap();
    assert_eq!(transitive.len(), e.modules.len());
    for (r, m) in transitive.iter().zip(&e.modules) {
        assert_eq!(r.record["stats"], serde_json::to_value(&m.stats).unwrap());
        assert_eq!(r.record["graph"], m.graph.to_json());
    }
    // On regular modules rule (a) is exact for abs: nothing beyond ker±.
    let abs = SurveyOptions {
        actions: vec![ActionChoice::Regular],
        solver: SolverOptions::new(Activation::Abs),
        limits: Limits::default(),
    };
    for g in expand(&strings(&["C2..C8", "D8", "Q8", "S3"])).unwrap() {
        let out = survey_group(&g.name, &g.group, &abs);
        assert_eq!(out[0].record["stats"]["beyond_ker_pm"], 0, "{}", g.name);
    }
}

#[test]
fn summary_markdown_snapshot() {
    let dir = fresh("snapshot");
    let args = [
        SMALL,
        &[
            "S4",
            "--actions",
            "regular",
            "--actions",
            "transitive",
            "--quiet",
        ],
    ]
    .concat();
    survey(&dir, &args, 0);
    let md = std::fs::read_to_string(dir.join("summary.md")).unwrap();
    insta::assert_snapshot!("survey_summary_md", md);
}

#[test]
fn a_spec_and_the_same_transitive_module_are_both_recorded() {
    let dir = fresh("spec-and-transitive");
    survey(
        &dir,
        &[
            "S3",
            "--actions",
            "cosets:(2,3)",
            "--actions",
            "transitive",
            "--quiet",
        ],
        0,
    );
    let recs = records(&dir);
    // One spec record (no subgroup class) and the four transitive ones (1, C2, C3, S3).
    assert_eq!(recs.len(), 5);
    assert_eq!(recs.iter().filter(|r| r["subgroup"].is_null()).count(), 1);
    let classes: Vec<u64> = recs
        .iter()
        .filter_map(|r| r["subgroup"]["class"].as_u64())
        .collect();
    assert_eq!(classes, [1, 2, 3, 4]);
    // The same spec twice is solved once.
    let dir = fresh("spec-twice");
    survey(
        &dir,
        &[
            "S3",
            "--actions",
            "natural",
            "--actions",
            "natural",
            "--quiet",
        ],
        0,
    );
    assert_eq!(records(&dir).len(), 1);
}

#[test]
fn oversize_modules_fail_as_limits_before_the_table() {
    let dir = fresh("oversize");
    survey(&dir, &["C2", "C1000", "--max-points", "10", "--quiet"], 1);
    let recs = records(&dir);
    let big = recs.iter().find(|r| r["group"] == "C1000").unwrap();
    assert_eq!(big["error_kind"], "limit");
    assert!(big["error"].as_str().unwrap().contains("--max-points"));
    assert_eq!(recs.iter().filter(|r| r["status"] == "ok").count(), 1);
    // The CSV names every count column, the four non-edge kinds included.
    let csv = std::fs::read_to_string(dir.join("summary.csv")).unwrap();
    let header = csv.lines().next().unwrap();
    for col in [
        "linear",
        "kernel_explained",
        "centralizer_explained",
        "unexplained",
    ] {
        assert!(header.split(',').any(|c| c == col), "{header}");
    }
    let widths: BTreeSet<usize> = csv.lines().map(|l| l.split(',').count()).collect();
    assert_eq!(widths.len(), 1, "ragged CSV: {csv}");
}
