//! Surveys: interaction graphs of many groups and modules in one batch (`plrep survey`).
//!
//! * [`groups`] expands the GROUPS arguments (catalog names, ranges like `C1..C60`,
//!   group files and directories) into the survey's ordered group list;
//! * [`record`] solves and certifies every module of one group into `plrep.survey.v1`
//!   records with their statistics (PL-Schur bound, where the `ker^±` rule is not
//!   enough, where `Ĝ` mattered);
//! * [`depth`] adds the depth closure of every module (`--depth K`, theory.md §10.1);
//! * [`summary`] reads the records back as summary rows (the Markdown, LaTeX and CSV
//!   tables are [`crate::report::survey_summary`]'s);
//! * [`layout`] names the files of a survey directory, its manifest and its shards;
//! * [`slurm`] writes the Slurm job array of a sharded survey and checks the merge.
//!
//! The library computes records and texts; the `plrep` binary writes the files, runs
//! the thread pool and draws the progress.
//!
//! ```
//! use plrep::pl::{Activation, SolverOptions};
//! use plrep::group::Limits;
//! use plrep::survey::{groups::expand, record::{survey_group, ActionChoice, SurveyOptions}, summary};
//! let options = SurveyOptions {
//!     actions: vec![ActionChoice::Regular],
//!     solver: SolverOptions::new(Activation::Relu),
//!     limits: Limits::default(),
//! };
//! let mut files = Vec::new();
//! for (i, g) in expand(&["C2..C3".to_string()]).unwrap().iter().enumerate() {
//!     let lines: String = survey_group(&g.name, &g.group, &options)
//!         .iter()
//!         .map(|m| m.record.to_string() + "\n")
//!         .collect();
//!     files.push((plrep::survey::layout::group_file_name(i, 2, &g.name), lines));
//! }
//! let rows = summary::rows(&files).unwrap();
//! assert_eq!(rows.len(), 2);
//! assert!(plrep::report::survey_summary::csv(&rows).lines().count() == 3);
//! ```

pub mod depth;
pub mod groups;
pub mod layout;
pub mod record;
pub mod slurm;
pub mod summary;
