//! The records of a survey: one `plrep.survey.v1` JSON object per group and module,
//! with the module's statistics and its certified interaction graph.
//!
//! A record is
//! ```text
//! {"schema": "plrep.survey.v1", "group": name, "group_order": |G|, "action": spec,
//!  "subgroup": {"class", "order", "index", "generators", "normalizer_order"} | null,
//!  "activation", "bias": "p/q" | null, "status": "ok" | "error",
//!  "error": message | null, "error_kind": "bad_input" | "limit" | "verification" |
//!  "io" | "panic" | null, "stats": {...} | null, "graph": plrep.graph.v1 | null}
//! ```
//! Everything in a record is deterministic (no timings): the same survey gives the same
//! bytes whatever the threads did.
//!
//! ## Statistics ([`GraphStats`])
//! Over the ordered pairs `(L, L')` of real simples present in `R^X`:
//! * `edges`, `non_edges`, `unresolved` (certified verdicts; `unresolved` should be 0);
//! * `pl_schur_bound`: pairs with `ker L ⊆ ker L'`, for which a nonzero PL map exists at
//!   all ([`crate::pl::exists_table`], theory.md §7, T3). Every edge is such a pair (checked:
//!   a violation is a verification error), so `edges <= pl_schur_bound`;
//! * `beyond_ker_pm`: non-edges with `ker^± L ⊆ ker L'` (rule (a) allows them): where the
//!   `ker^±` rule of `G` is not enough to predict the graph;
//! * `centralizer_explained`: non-edges whose group-theoretic reason (the solver's
//!   [`crate::pl::PairResult::reason_kind`]) is a centralizer element of `G` in `Sym(X)`
//!   acting by incompatible scalars — a symmetry of `Ĝ = <G, C_{Sym(X)}(G)>`, not of `G`;
//! * `unexplained`: non-edges certified by a block space or a Hadamard sum for which
//!   neither a kernel rule nor a centralizer scalar gives a reason;
//! * `g_hat_mattered = centralizer_explained + unexplained`: the non-edges that no
//!   kernel rule of `G` explains (the last count of `plrep enumerate`,
//!   [`GraphStats::g_hat_mattered`]) (the solver's kernel rule is `ker^±` for even and, off
//!   the diagonal, homogeneous activations without bias, `ker` otherwise). Non-edges of
//!   a linear activation (isotypic orthogonality) are never counted.

use crate::error::{Error, Result};
use crate::graph::GraphStats;
use crate::graph::InteractionGraph;
use crate::group::gset::ActionSpec;
use crate::group::subgroups::{SubgroupClass, SubgroupClasses};
use crate::group::{Limits, PermGroup};
use crate::pl::{GroupData, PlModule, SolverOptions};
use rayon::prelude::*;
use serde_json::Value;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

/// Which modules of each group a survey solves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionChoice {
    /// The regular module `R^G`.
    Regular,
    /// Every transitive module `R^{G/H}`, one per conjugacy class of subgroups `H`
    /// (ascending `|H|`).
    Transitive,
    /// One action spec (`natural`, `subsets:2`, `cosets:...`, ...).
    Spec(ActionSpec),
}

impl ActionChoice {
    /// Parse `regular`, `transitive`, or an action spec ([`ActionSpec::parse`]).
    ///
    /// Errors: bad input for an unknown action (the hint lists `transitive` too).
    ///
    /// ```
    /// use plrep::survey::record::ActionChoice;
    /// assert_eq!(ActionChoice::parse("transitive").unwrap(), ActionChoice::Transitive);
    /// assert_eq!(ActionChoice::parse("subsets:2").unwrap().to_string(), "subsets:2");
    /// assert!(ActionChoice::parse("nope").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<ActionChoice> {
        match text.trim() {
            "regular" => Ok(ActionChoice::Regular),
            "transitive" => Ok(ActionChoice::Transitive),
            s => ActionSpec::parse(s)
                .map(ActionChoice::Spec)
                .map_err(|e| match e {
                    Error::BadInput { what, hint } => Error::bad(
                        what,
                        format!("{hint}; a survey also takes transitive (every G/H)"),
                    ),
                    e => e,
                }),
        }
    }
}

impl std::fmt::Display for ActionChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ActionChoice::Regular => f.write_str("regular"),
            ActionChoice::Transitive => f.write_str("transitive"),
            ActionChoice::Spec(s) => write!(f, "{s}"),
        }
    }
}

/// What a survey computes for every group.
#[derive(Clone, Debug)]
pub struct SurveyOptions {
    /// The actions, in order (a module whose action spec was already listed for the
    /// group is not solved twice).
    pub actions: Vec<ActionChoice>,
    /// Activation, bias, witness budget.
    pub solver: SolverOptions,
    /// The size limits.
    pub limits: Limits,
}

/// One module's record and how long it took (the time stays out of the record).
#[derive(Clone, Debug)]
pub struct ModuleOutcome {
    /// The `plrep.survey.v1` record.
    pub record: Value,
    /// The action spec (or the requested action, for a group-level error).
    pub action: String,
    /// Wall-clock seconds spent on this module (the group's shared data is counted in
    /// its first module).
    pub seconds: f64,
}

impl ModuleOutcome {
    /// Whether the record is an error record.
    pub fn is_error(&self) -> bool {
        self.record["status"] != "ok"
    }
}

/// The message of a caught panic.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic without a message".to_string()
    }
}

/// Run `f`, turning a panic into an error (kind `panic`).
fn guarded<T>(f: impl FnOnce() -> Result<T>) -> std::result::Result<T, (String, String)> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err((kind_name(&e).to_string(), e.to_string())),
        Err(p) => Err((
            "panic".to_string(),
            format!(
                "internal error (panic): {} (please report this)",
                panic_message(&*p)
            ),
        )),
    }
}

fn kind_name(e: &Error) -> &'static str {
    match e {
        Error::BadInput { .. } => "bad_input",
        Error::Limit { .. } => "limit",
        Error::Verification(_) => "verification",
        Error::Io(_) => "io",
    }
}

pub use crate::record::survey::{
    DepthErrorRecord, GroupOrder, SubgroupRecord, SurveyRecord, SCHEMA,
};

fn group_order(g: &PermGroup) -> GroupOrder {
    match g.order_u64() {
        Some(o) => GroupOrder::Small(o),
        None => GroupOrder::Big(g.order().to_string()),
    }
}

struct Header<'a> {
    name: &'a str,
    order: GroupOrder,
    activation: String,
    bias: Option<String>,
}

impl Header<'_> {
    fn record(
        &self,
        action: &str,
        subgroup: Option<&(usize, SubgroupClass)>,
        outcome: std::result::Result<(GraphStats, Value), (String, String)>,
        depth: Option<Value>,
    ) -> Value {
        let subgroup = subgroup.map(|(class, h)| SubgroupRecord {
            class: *class as u64,
            order: h.order,
            index: h.index,
            generators: h.generators.iter().map(|p| p.to_string()).collect(),
            normalizer_order: h.normalizer_order,
        });
        let (status, error, error_kind, stats, graph) = match outcome {
            Ok((s, g)) => ("ok", None, None, Some(s), g),
            Err((kind, msg)) => ("error", Some(msg), Some(kind), None, Value::Null),
        };
        let mut record = SurveyRecord {
            schema: SCHEMA.to_string(),
            group: self.name.to_string(),
            group_order: self.order.clone(),
            action: action.to_string(),
            subgroup,
            activation: self.activation.clone(),
            bias: self.bias.clone(),
            status: status.to_string(),
            error,
            error_kind,
            stats,
            graph: Value::Null,
            depth,
        }
        .to_value();
        // The graph (most of the record) is moved in, not copied by the serialiser.
        record["graph"] = graph;
        record
    }
}

/// Survey one group: build its data once, then solve and certify every module the
/// options ask for (in parallel on the current rayon pool), each into one record.
///
/// # Arguments
/// * `name` — the group's name in the records;
/// * `group` — the group;
/// * `options` — actions, solver options, limits.
///
/// # Returns
/// One [`ModuleOutcome`] per module, in the order of `options.actions` (transitive
/// modules by ascending `|H|`). Failures never escape: an error or a panic while
/// building the group's data or listing its subgroup classes gives one error record per
/// affected action; one in a module gives that module's error record.
///
/// # Complexity
/// The character table (and, for `transitive`, the subgroup classes) once, plus per
/// module the solver and the independent checker.
///
/// ```
/// use plrep::pl::{Activation, SolverOptions};
/// use plrep::group::{catalog::lookup, Limits};
/// use plrep::survey::record::{survey_group, ActionChoice, SurveyOptions};
/// let options = SurveyOptions {
///     actions: vec![ActionChoice::Transitive],
///     solver: SolverOptions::new(Activation::Relu),
///     limits: Limits::default(),
/// };
/// let out = survey_group("S3", &lookup("S3").unwrap(), &options);
/// assert_eq!(out.len(), 4); // subgroups 1, C2, C3, S3 up to conjugacy
/// assert!(out.iter().all(|m| !m.is_error() && m.record["stats"]["unresolved"] == 0));
/// ```
pub fn survey_group(name: &str, group: &PermGroup, options: &SurveyOptions) -> Vec<ModuleOutcome> {
    survey_group_depth(name, group, options, None)
}

/// [`survey_group`] with the depth statistics of every module ([`super::depth`]) when
/// `depth` is `Some(K)`: each ok module's record then has a field `"depth"`, the
/// [`DepthStats`](super::depth::DepthStats) or `{"error", "error_kind"}` when the
/// network analysis fails (the graph stays recorded).
///
/// All records are held at once, as JSON values: for a group with thousands of
/// modules (`C2^6`: 2825) that is gigabytes; [`survey_group_lines`] hands them out one
/// line at a time instead.
///
/// # Complexity
/// As [`survey_group`], plus per module one network analysis of at most `K` layers.
pub fn survey_group_depth(
    name: &str,
    group: &PermGroup,
    options: &SurveyOptions,
    depth: Option<usize>,
) -> Vec<ModuleOutcome> {
    match prepare(name, group, options) {
        Prepared::Done(out) => out,
        Prepared::Jobs(p) => {
            let mut out: Vec<ModuleOutcome> = p
                .jobs
                .par_iter()
                .map(|j| p.run(j, options, depth))
                .collect();
            if let Some(first) = out.first_mut() {
                first.seconds += p.shared;
            }
            out
        }
    }
}

/// One module's record as its line in a group file, and how long it took.
#[derive(Clone, Debug)]
pub struct ModuleLine {
    /// The record's line ([`SurveyRecord::to_line`]: compact JSON, keys sorted), without
    /// the newline.
    pub line: String,
    /// The action spec (or the requested action, for a group-level error).
    pub action: String,
    /// Wall-clock seconds spent on this module (the group's shared data is counted in
    /// its first module).
    pub seconds: f64,
}

impl From<ModuleOutcome> for ModuleLine {
    fn from(m: ModuleOutcome) -> ModuleLine {
        ModuleLine {
            line: m.record.to_string(),
            action: m.action,
            seconds: m.seconds,
        }
    }
}

/// How many modules [`survey_group_lines`] solves in parallel before handing their lines
/// to the sink, per thread of the pool: enough to keep every thread busy between two
/// hand-overs, few enough that the lines held at once stay small.
const LINES_PER_THREAD: usize = 8;

/// [`survey_group_depth`] with bounded memory: the records are handed to `sink` in the
/// same order (the bytes of a group file are the same), each as its line, while at
/// most a few modules per thread of the current rayon pool are in flight. Only the
/// lines of one batch are held, never the records as JSON values.
///
/// Errors: the first error of `sink`, which stops the survey of the group (the modules
/// of the batch in flight are still computed).
///
/// # Complexity
/// As [`survey_group_depth`]; memory: the group's data plus `O(threads)` modules.
///
/// ```
/// use plrep::pl::{Activation, SolverOptions};
/// use plrep::group::{catalog::lookup, Limits};
/// use plrep::survey::record::{survey_group, survey_group_lines, ActionChoice, SurveyOptions};
/// let options = SurveyOptions {
///     actions: vec![ActionChoice::Transitive],
///     solver: SolverOptions::new(Activation::Relu),
///     limits: Limits::default(),
/// };
/// let s3 = lookup("S3").unwrap();
/// let mut lines = Vec::new();
/// survey_group_lines("S3", &s3, &options, None, &mut |m| {
///     lines.push(m.line);
///     Ok(())
/// })
/// .unwrap();
/// let values: Vec<String> = survey_group("S3", &s3, &options)
///     .iter()
///     .map(|m| m.record.to_string())
///     .collect();
/// assert_eq!(lines, values);
/// ```
pub fn survey_group_lines(
    name: &str,
    group: &PermGroup,
    options: &SurveyOptions,
    depth: Option<usize>,
    sink: &mut dyn FnMut(ModuleLine) -> Result<()>,
) -> Result<()> {
    match prepare(name, group, options) {
        Prepared::Done(out) => out.into_iter().try_for_each(|m| sink(m.into())),
        Prepared::Jobs(p) => {
            let batch = LINES_PER_THREAD * rayon::current_num_threads().max(1);
            let mut shared = p.shared;
            for chunk in p.jobs.chunks(batch) {
                let lines: Vec<ModuleLine> = chunk
                    .par_iter()
                    .map(|j| ModuleLine::from(p.run(j, options, depth)))
                    .collect();
                for mut m in lines {
                    m.seconds += std::mem::take(&mut shared);
                    sink(m)?;
                }
            }
            Ok(())
        }
    }
}

/// One module to solve: (action spec, subgroup) or a group-level error for one choice.
enum Job {
    Module(ActionSpec, Option<(usize, SubgroupClass)>),
    Failed(String, (String, String)),
}

/// A group ready to be surveyed module by module.
struct Modules<'a> {
    header: Header<'a>,
    data: GroupData,
    jobs: Vec<Job>,
    /// Seconds spent on the group's shared data (counted in its first module).
    shared: f64,
    limits: &'a Limits,
}

/// Either every record already (the group failed, or every module broke a limit), or
/// the modules to solve.
enum Prepared<'a> {
    Done(Vec<ModuleOutcome>),
    Jobs(Box<Modules<'a>>),
}

impl Modules<'_> {
    /// Solve, certify and record one module.
    fn run(&self, job: &Job, options: &SurveyOptions, depth: Option<usize>) -> ModuleOutcome {
        let (header, data, limits) = (&self.header, &self.data, self.limits);
        let t = Instant::now();
        match job {
            Job::Failed(action, e) => ModuleOutcome {
                record: header.record(action, None, Err(e.clone()), None),
                action: action.clone(),
                seconds: 0.0,
            },
            Job::Module(action, h) => {
                let outcome = guarded(|| {
                    let module = PlModule::on(data, action, limits)?;
                    let graph = InteractionGraph::certified(&module, &options.solver)?;
                    let stats = GraphStats::of(&graph, &data.simples)?;
                    Ok((stats, graph.to_json()))
                });
                let depth = match (depth, &outcome) {
                    (Some(k), Ok(_)) => Some(
                        match guarded(|| {
                            super::depth::depth_stats(data, action, &options.solver, k, limits)
                        }) {
                            Ok(d) => serde_json::to_value(d).unwrap_or(Value::Null),
                            Err((kind, msg)) => DepthErrorRecord {
                                error: msg,
                                error_kind: kind,
                            }
                            .to_value(),
                        },
                    ),
                    _ => None,
                };
                ModuleOutcome {
                    record: header.record(&action.to_string(), h.as_ref(), outcome, depth),
                    action: action.to_string(),
                    seconds: t.elapsed().as_secs_f64(),
                }
            }
        }
    }
}

/// Build the group's data and list its modules (limits checked first, failures turned
/// into error records).
fn prepare<'a>(name: &'a str, group: &PermGroup, options: &'a SurveyOptions) -> Prepared<'a> {
    let header = Header {
        name,
        order: group_order(group),
        activation: options.solver.activation.name(),
        bias: options.solver.bias.as_ref().map(|q| q.to_string()),
    };
    let limits = &options.limits;
    let start = Instant::now();
    // Modules whose size alone breaks a limit fail before the character table is built;
    // when every requested module does, the table is not computed at all.
    let mut too_big: Vec<Option<(String, String)>> = options
        .actions
        .iter()
        .map(|a| match a {
            ActionChoice::Regular => {
                guarded(|| crate::pl::check_module_size(group, &ActionSpec::Regular, limits)).err()
            }
            ActionChoice::Spec(s) => {
                guarded(|| crate::pl::check_module_size(group, s, limits)).err()
            }
            ActionChoice::Transitive => None,
        })
        .collect();
    let all_fail = |too_big: Vec<Option<(String, String)>>| -> Prepared<'a> {
        Prepared::Done(
            options
                .actions
                .iter()
                .zip(too_big)
                .map(|(a, e)| ModuleOutcome {
                    record: header.record(&a.to_string(), None, Err(e.expect("all fail")), None),
                    action: a.to_string(),
                    seconds: 0.0,
                })
                .collect(),
        )
    };
    if too_big.iter().all(Option::is_some) {
        return all_fail(too_big);
    }
    let group_failed = |e: (String, String)| -> Prepared<'a> {
        let seconds = start.elapsed().as_secs_f64();
        Prepared::Done(
            options
                .actions
                .iter()
                .map(|a| ModuleOutcome {
                    record: header.record(&a.to_string(), None, Err(e.clone()), None),
                    action: a.to_string(),
                    seconds,
                })
                .collect(),
        )
    };
    let (elements, classes) = match guarded(|| GroupData::classes(group, limits)) {
        Ok(x) => x,
        Err(e) => return group_failed(e),
    };
    // With the classes known, the solver's tables of the fixed modules can be estimated
    // (class sums grow with the classes and the field): refuse those before the table.
    for (a, slot) in options.actions.iter().zip(too_big.iter_mut()) {
        if slot.is_some() {
            continue;
        }
        *slot = match a {
            ActionChoice::Regular => guarded(|| {
                crate::pl::check_module_memory(&elements, &classes, elements.len() as u128, limits)
            })
            .err(),
            ActionChoice::Spec(s) => guarded(|| {
                let n = crate::group::gset::GSet::new(group, s, limits)?.len();
                crate::pl::check_module_memory(&elements, &classes, n as u128, limits)
            })
            .err(),
            ActionChoice::Transitive => None,
        };
    }
    if too_big.iter().all(Option::is_some) {
        return all_fail(too_big);
    }
    let data = match guarded(|| GroupData::from_classes(group, elements, classes)) {
        Ok(d) => d,
        Err(e) => return group_failed(e),
    };
    let mut jobs = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (choice, refused) in options.actions.iter().zip(too_big) {
        if let Some(e) = refused {
            jobs.push(Job::Failed(choice.to_string(), e));
            continue;
        }
        match choice {
            ActionChoice::Regular => jobs.push(Job::Module(ActionSpec::Regular, None)),
            ActionChoice::Spec(s) => jobs.push(Job::Module(s.clone(), None)),
            ActionChoice::Transitive => {
                match guarded(|| {
                    SubgroupClasses::compute(&data.group, &data.elements, &data.classes, limits)
                }) {
                    Ok(c) => jobs.extend(
                        c.classes
                            .into_iter()
                            .enumerate()
                            .map(|(i, h)| Job::Module(h.action(), Some((i + 1, h)))),
                    ),
                    Err(e) => jobs.push(Job::Failed("transitive".to_string(), e)),
                }
            }
        }
    }
    // The same module asked for twice is solved once; a transitive module and the same
    // action given as a spec are different records (one names its subgroup class).
    jobs.retain(|j| match j {
        Job::Module(a, h) => seen.insert((a.to_string(), h.is_some())),
        Job::Failed(..) => true,
    });
    Prepared::Jobs(Box::new(Modules {
        header,
        data,
        jobs,
        shared: start.elapsed().as_secs_f64(),
        limits,
    }))
}
