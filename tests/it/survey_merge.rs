//! `plrep survey --slurm N` and `plrep survey-merge DIR`: the job array's scripts, the
//! tasks run by hand as Slurm would run them (tests/slurm/run.sh runs them on a real
//! one-node cluster), and the merge — refused with the missing shards named, then the
//! same bytes as a one-process survey, idempotent.

use super::survey::{fresh, plrep};
use std::path::Path;
use std::process::Output;

fn ok(out: &Output, code: i32, what: &str) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "{what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The command line of the array script's task `i` (the `exec` line, `$SLURM_...`
/// substituted), as words.
fn task_command(script: &str, i: usize) -> Vec<String> {
    let line = script
        .lines()
        .find(|l| l.starts_with("exec "))
        .expect("an exec line");
    let line = line
        .replace("${SLURM_ARRAY_TASK_ID}", &i.to_string())
        .replace("${SLURM_CPUS_PER_TASK:-1}", "1");
    // The words are bare or single-quoted (paths without quotes in the test directory).
    line.split_whitespace()
        .skip(2)
        .map(|w| w.trim_matches('"').trim_matches('\'').to_string())
        .collect()
}

#[test]
fn a_sharded_array_merges_to_the_one_process_survey_byte_for_byte() {
    let groups = ["C1..C6", "S3", "D8", "Q8"];
    let reference = fresh("merge-reference");
    let mut a = vec!["survey", "--quiet", "--actions", "transitive"];
    a.extend(groups);
    a.extend(["--out", reference.to_str().unwrap()]);
    ok(&plrep(&a), 0, "reference survey");

    let dir = fresh("merge-array");
    let mut a = vec!["survey", "--actions", "transitive"];
    a.extend(groups);
    a.extend([
        "--out",
        dir.to_str().unwrap(),
        "--slurm",
        "3",
        "--sbatch=--time=10",
    ]);
    let out = plrep(&a);
    ok(&out, 0, "survey --slurm");
    assert!(stderr(&out).contains("submit.sh"), "{}", stderr(&out));
    // Nothing computed, the manifest written, the scripts in DIR/slurm.
    assert!(!dir.join("0000-C1.jsonl").exists() && dir.join("survey.json").exists());
    let script = read(&dir, "slurm/array.sh");
    for line in [
        "#SBATCH --array=1-3",
        "#SBATCH --cpus-per-task=1",
        "#SBATCH --time=10",
    ] {
        assert!(script.lines().any(|l| l == line), "{line} in\n{script}");
    }
    assert!(script.contains("--no-summary"), "{script}");
    let submit = read(&dir, "slurm/submit.sh");
    assert!(submit.contains("--dependency=afterany:") && submit.contains("survey-merge"));

    // Before any task: refused, every shard named, no summary written.
    let out = plrep(&["survey-merge", dir.to_str().unwrap()]);
    ok(&out, 2, "merge before the tasks");
    let e = stderr(&out);
    assert_eq!(e.lines().count(), 1, "{e}");
    assert!(
        e.contains("9 of 9 group files are missing") && e.contains("shards 1/3, 2/3, 3/3"),
        "{e}"
    );
    assert!(!dir.join("summary.md").exists());

    // Tasks 1 and 3 only: shard 2 is named (C2, C5, D8 at positions 1, 4, 7).
    for i in [1, 3] {
        let words = task_command(&script, i);
        let args: Vec<&str> = words.iter().map(String::as_str).collect();
        ok(&plrep(&args), 0, &format!("task {i}"));
    }
    assert!(!dir.join("summary.md").exists(), "tasks write no summary");
    let out = plrep(&["survey-merge", dir.to_str().unwrap()]);
    ok(&out, 2, "merge without shard 2");
    let e = stderr(&out);
    assert!(
        e.contains("3 of 9") && e.contains("(shard 2/3)") && e.contains("0001-C2.jsonl"),
        "{e}"
    );
    assert!(e.contains("sbatch --array=2 "), "{e}");

    let words = task_command(&script, 2);
    let args: Vec<&str> = words.iter().map(String::as_str).collect();
    ok(&plrep(&args), 0, "task 2");
    for round in 0..2 {
        ok(
            &plrep(&["survey-merge", "--quiet", dir.to_str().unwrap()]),
            0,
            "merge",
        );
        for f in ["summary.md", "summary.tex", "summary.csv", "0008-Q8.jsonl"] {
            assert_eq!(read(&dir, f), read(&reference, f), "{f}, merge {round}");
        }
    }
}

#[test]
fn slurm_and_merge_refuse_bad_input_with_one_line() {
    let dir = fresh("merge-bad");
    let d = dir.to_str().unwrap();
    for (args, needle) in [
        (
            vec!["survey", "C1..C3", "--out", d, "--slurm", "4"],
            "--slurm 1 to --slurm 3",
        ),
        (
            vec!["survey", "C1..C3", "--out", d, "--slurm", "0"],
            "--slurm 0",
        ),
        (
            vec![
                "survey", "C1..C3", "--out", d, "--slurm", "2", "--shard", "1/2",
            ],
            "--slurm and --shard",
        ),
        (vec!["survey-merge", d], "not a survey directory"),
        (vec!["survey-merge", "/nonexistent/plrep"], "no survey.json"),
    ] {
        let out = plrep(&args);
        ok(&out, 2, &args.join(" "));
        let e = stderr(&out);
        assert!(e.starts_with("error: ") && e.lines().count() == 1, "{e}");
        assert!(e.contains(needle), "{args:?}: {e}");
    }
    // A survey directory with an unreadable manifest.
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("survey.json"), "{\"schema\": 1}").unwrap();
    let out = plrep(&["survey-merge", d]);
    ok(&out, 2, "bad manifest");
    assert!(stderr(&out).contains("is not a plrep.survey.manifest.v1 manifest"));
    // --sbatch without --slurm is a usage error.
    ok(
        &plrep(&["survey", "C1", "--out", d, "--sbatch=--time=1"]),
        2,
        "--sbatch alone",
    );
}

#[test]
fn a_merge_of_a_survey_with_error_records_exits_1_as_the_survey() {
    let dir = fresh("merge-errors");
    let d = dir.to_str().unwrap();
    ok(
        &plrep(&["survey", "C4", "C2000", "--quiet", "--out", d]),
        1,
        "survey",
    );
    let before = read(&dir, "summary.md");
    std::fs::remove_file(dir.join("summary.md")).unwrap();
    ok(&plrep(&["survey-merge", "--quiet", d]), 1, "merge");
    assert_eq!(read(&dir, "summary.md"), before);
}
