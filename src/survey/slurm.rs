//! A survey as a Slurm job array (`plrep survey ... --slurm N`): the batch scripts that
//! run one shard per array task, and the merge that writes the summaries once every
//! shard is in (`plrep survey-merge DIR`).
//!
//! ```text
//! DIR/slurm/array.sh      #SBATCH --array=1-N: task i runs `plrep survey ... --shard i/N`
//! DIR/slurm/submit.sh     submits array.sh, then `plrep survey-merge DIR` after it
//! DIR/slurm/slurm.json    the shard count (plrep.survey.slurm.v1), for the merge's errors
//! DIR/slurm/task-<i>.out  each task's output (written by Slurm)
//! ```
//!
//! A task writes only its group files (`--no-summary`): the shards are disjoint, each
//! group file is written under a temporary name and renamed, so the tasks never write
//! the same file. A task that fails or is cancelled can be re-run alone (the group files
//! already present are skipped), and the merge refuses to summarise until every group
//! of the manifest has its file.

use crate::error::{Error, Result};
use crate::survey::layout::group_file_name;
use serde::{Deserialize, Serialize};

/// The schema of `DIR/slurm/slurm.json`.
pub const SLURM_SCHEMA: &str = "plrep.survey.slurm.v1";

/// What the array scripts run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArrayJob {
    /// The absolute path of the `plrep` binary.
    pub plrep: String,
    /// The directory the survey was set up from (relative GROUPS arguments are read
    /// from it, as in the original command).
    pub workdir: String,
    /// The survey directory, absolute.
    pub dir: String,
    /// The survey's own arguments (GROUPS, `--actions`, `--activation`, limits, ...),
    /// without `--out`, `--shard`, `--jobs` and `--slurm`.
    pub survey_args: Vec<String>,
    /// The number of array tasks (shards), `>= 1`.
    pub shards: usize,
    /// CPUs per task (the task's `--jobs`).
    pub cpus: usize,
    /// Extra `#SBATCH` lines, each one option (`--partition=long`, `--time=2:00:00`).
    pub sbatch: Vec<String>,
}

/// Quote one word for a POSIX shell: bare when it is made of `[A-Za-z0-9_./:=+,@%-]`,
/// single-quoted otherwise.
///
/// ```
/// use plrep::survey::slurm::shell_word;
/// assert_eq!(shell_word("SG1..SG24"), "SG1..SG24");
/// assert_eq!(shell_word("PSL(2,7)"), "'PSL(2,7)'");
/// assert_eq!(shell_word("it's"), r"'it'\''s'");
/// ```
pub fn shell_word(arg: &str) -> String {
    let safe = !arg.is_empty()
        && arg
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-./:=+,@%".contains(c));
    if safe {
        arg.to_string()
    } else {
        format!("'{}'", arg.replace('\'', r"'\''"))
    }
}

fn words(args: &[String]) -> String {
    args.iter()
        .map(|a| shell_word(a))
        .collect::<Vec<_>>()
        .join(" ")
}

impl ArrayJob {
    /// The `sbatch --array=1-N` script: task `i` runs shard `i/N` into the survey
    /// directory with `--no-summary --quiet`.
    ///
    /// Errors: bad input when an extra `#SBATCH` option holds a line break (it would end
    /// the directive).
    ///
    /// ```
    /// use plrep::survey::slurm::ArrayJob;
    /// let job = ArrayJob { plrep: "/bin/plrep".into(), workdir: "/w".into(), dir: "/w/out".into(),
    ///     survey_args: vec!["C1..C9".into()], shards: 3, cpus: 2, sbatch: vec![] };
    /// let s = job.array_script().unwrap();
    /// assert!(s.contains("#SBATCH --array=1-3\n"));
    /// assert!(s.contains("--shard \"${SLURM_ARRAY_TASK_ID}/3\""));
    /// ```
    pub fn array_script(&self) -> Result<String> {
        let mut s = String::new();
        s.push_str("#!/bin/bash\n");
        s.push_str(
            "# One shard of a plrep survey per array task (written by plrep survey --slurm).\n",
        );
        s.push_str(&format!(
            "# Submit with: bash {}   (this array, then the merge after it)\n",
            shell_word(&format!("{}/slurm/submit.sh", self.dir))
        ));
        s.push_str("#SBATCH --job-name=plrep-survey\n");
        s.push_str(&format!("#SBATCH --array=1-{}\n", self.shards));
        s.push_str("#SBATCH --ntasks=1\n");
        s.push_str(&format!("#SBATCH --cpus-per-task={}\n", self.cpus));
        s.push_str(&format!(
            "#SBATCH --output={}/slurm/task-%a.out\n",
            self.dir
        ));
        for extra in &self.sbatch {
            if extra.contains(['\n', '\r']) {
                return Err(Error::bad(
                    "an --sbatch option holds a line break",
                    "give one #SBATCH option per --sbatch, e.g. --sbatch --partition=long",
                ));
            }
            s.push_str(&format!("#SBATCH {extra}\n"));
        }
        s.push_str("set -eu\n");
        s.push_str(&format!("cd {}\n", shell_word(&self.workdir)));
        s.push_str(&format!(
            "exec {} survey {} --out {} --shard \"${{SLURM_ARRAY_TASK_ID}}/{}\" --jobs \"${{SLURM_CPUS_PER_TASK:-{}}}\" --no-summary --quiet\n",
            shell_word(&self.plrep),
            words(&self.survey_args),
            shell_word(&self.dir),
            self.shards,
            self.cpus
        ));
        Ok(s)
    }

    /// The submission script: `sbatch --parsable` of the array, then the merge as a job
    /// that starts after every task has ended (`afterany`: a task with error records
    /// exits 1 but has written its files; a missing shard makes the merge fail, naming
    /// it). Prints both job ids.
    ///
    /// ```
    /// use plrep::survey::slurm::ArrayJob;
    /// let job = ArrayJob { plrep: "/bin/plrep".into(), workdir: "/w".into(), dir: "/w/out".into(),
    ///     survey_args: vec!["C1..C9".into()], shards: 3, cpus: 1, sbatch: vec![] };
    /// assert!(job.submit_script().contains("--dependency=afterany:"));
    /// ```
    pub fn submit_script(&self) -> String {
        let slurm = format!("{}/slurm", self.dir);
        let extra: String = self
            .sbatch
            .iter()
            .map(|o| format!(" {}", shell_word(o)))
            .collect();
        format!(
            "#!/bin/bash\n\
             # Submit the survey's job array, then its merge (written by plrep survey --slurm).\n\
             set -eu\n\
             array=$(sbatch --parsable {array})\n\
             array=${{array%%;*}}\n\
             merge=$(sbatch --parsable --job-name=plrep-survey-merge --dependency=afterany:\"$array\" --ntasks=1 --cpus-per-task=1{extra} --output={out} --wrap={wrap})\n\
             echo \"array job $array, merge job $merge\"\n",
            array = shell_word(&format!("{slurm}/array.sh")),
            out = shell_word(&format!("{slurm}/merge.out")),
            wrap = shell_word(&format!(
                "{} survey-merge {}",
                shell_word(&self.plrep),
                shell_word(&self.dir)
            )),
        )
    }

    /// The `DIR/slurm/slurm.json` document (pretty JSON, final newline).
    pub fn info_json(&self) -> String {
        let info = SlurmInfo {
            schema: SLURM_SCHEMA.to_string(),
            shards: self.shards,
        };
        serde_json::to_string_pretty(&info).unwrap_or_default() + "\n"
    }
}

/// `DIR/slurm/slurm.json`: the shard count of a survey set up with `--slurm`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlurmInfo {
    /// [`SLURM_SCHEMA`].
    pub schema: String,
    /// The number of array tasks.
    pub shards: usize,
}

impl SlurmInfo {
    /// Parse `DIR/slurm/slurm.json`; `None` for anything else.
    pub fn parse(text: &str) -> Option<SlurmInfo> {
        serde_json::from_str::<SlurmInfo>(text)
            .ok()
            .filter(|i| i.schema == SLURM_SCHEMA && i.shards >= 1)
    }
}

/// The group files of a survey's expanded list that are not in `present`, as
/// `(position, file name)`.
///
/// Complexity: `O(n log n)` in the number of groups.
///
/// ```
/// use plrep::survey::slurm::missing_files;
/// let expanded = vec!["C1".to_string(), "C2".into(), "C3".into()];
/// let present = vec!["0001-C2.jsonl".to_string()];
/// assert_eq!(missing_files(&expanded, &present), [(0, "0000-C1.jsonl".to_string()), (2, "0002-C3.jsonl".to_string())]);
/// ```
pub fn missing_files(expanded: &[String], present: &[String]) -> Vec<(usize, String)> {
    let present: std::collections::HashSet<&str> = present.iter().map(String::as_str).collect();
    expanded
        .iter()
        .enumerate()
        .map(|(p, name)| (p, group_file_name(p, expanded.len(), name)))
        .filter(|(_, f)| !present.contains(f.as_str()))
        .collect()
}

/// The error of a merge with missing group files: one line naming how many are missing,
/// the shards they belong to when the shard count is known, and the first few files.
///
/// ```
/// use plrep::survey::slurm::missing_error;
/// let e = missing_error("out", 3, &[(0, "0000-C1.jsonl".to_string()), (2, "0002-C3.jsonl".to_string())], Some(2));
/// let text = e.to_string();
/// assert!(text.contains("2 of 3 group files") && text.contains("shard 1/2"));
/// ```
pub fn missing_error(
    dir: &str,
    total: usize,
    missing: &[(usize, String)],
    shards: Option<usize>,
) -> Error {
    let files: Vec<&str> = missing.iter().take(5).map(|(_, f)| f.as_str()).collect();
    let more = if missing.len() > files.len() {
        format!(", ... ({} more)", missing.len() - files.len())
    } else {
        String::new()
    };
    let (shard_text, hint) = match shards {
        Some(n) => {
            // Position p belongs to shard p % n + 1 (Shard::contains).
            let mut ids: Vec<usize> = missing.iter().map(|(p, _)| p % n + 1).collect();
            ids.sort_unstable();
            ids.dedup();
            let named: Vec<String> = ids.iter().map(|i| format!("{i}/{n}")).collect();
            let list: Vec<String> = ids.iter().map(|i| i.to_string()).collect();
            (
                format!(
                    " (shard{} {})",
                    if ids.len() == 1 { "" } else { "s" },
                    named.join(", ")
                ),
                format!(
                    "wait for the array tasks, or re-run them: sbatch --array={} {dir}/slurm/array.sh; then run survey-merge again",
                    list.join(",")
                ),
            )
        }
        None => (
            String::new(),
            "run the missing shards (plrep survey ... --shard i/n), then survey-merge again"
                .to_string(),
        ),
    };
    Error::bad(
        format!(
            "{} of {total} group files are missing in {dir}{shard_text}: {}{more}",
            missing.len(),
            files.join(", ")
        ),
        hint,
    )
}
