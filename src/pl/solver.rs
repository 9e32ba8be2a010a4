//! The certified solver: every ordered pair `(L, L')` of real simples present in `R^X`
//! is exactly one of edge (with a [`Witness`]), non-edge (with an [`Obstruction`]) or
//! unresolved (with the reason and what was tried) — never a guess (theory.md §7).
//!
//! Decision per pair, for `F(w) = P_{L'}(sigma(w + q1) - sigma(q)1)` on `V_L`:
//! 1. `sigma` linear (`b = 0`) and `L != L'`: no edge (isotypic components are orthogonal).
//! 2. `square` (without bias, or `L != L'`): decided exactly by the Hadamard sum
//!    ([`super::blocks::hadamard_vanishes`]); an edge still gets a witness.
//! 3. Otherwise the block space: `T(V_L)` for homogeneous `sigma` without bias (except the
//!    self-loop with `a != 0`, always an edge since `F(w) - F(-w) = 2 a w`), `T^odd(V_L)`
//!    for odd `sigma` without bias, `T⁺(V_L)` otherwise. If `P_{L'}` kills it: non-edge.
//! 4. Else a witness search; if it fails the pair is unresolved and, since the block rule
//!    predicts an edge, flagged as a potential counterexample to the span conjecture
//!    (theory.md §7, the span conjecture).

use super::activation::Activation;
use super::blocks::{hadamard_vanishes, BlockKind, BlockSpace};
use super::projector::PlModule;
pub use super::reason::ReasonKind;
use super::reason::{Explainer, Reason};
use super::symmetry::{self, Symmetry};
use super::witness::{search_cached, search_dense, search_with_stats, SeedSums, Witness};
use crate::arith::Q;
use crate::error::Result;
use std::sync::Arc;

/// A zero set shared by the non-edges of one source.
type SharedZeroSet = Arc<Vec<usize>>;
/// Block classes shared by the non-edges of one source.
type SharedClasses = Arc<Vec<Vec<(usize, i8)>>>;

/// Options of a solver run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SolverOptions {
    /// The activation.
    pub activation: Activation,
    /// The bias `q` (the invariant vector `q·(1,…,1)` added before `sigma`), if any.
    pub bias: Option<Q>,
    /// How many random vectors the witness search tries per source simple.
    pub seeds: u64,
}

impl SolverOptions {
    /// Options with the default witness budget (8 seeds) and no bias.
    pub fn new(activation: Activation) -> Self {
        SolverOptions {
            activation,
            bias: None,
            seeds: 8,
        }
    }

    /// With a bias (`Some(0)` is normalised to no bias).
    pub fn with_bias(mut self, bias: Option<Q>) -> Self {
        self.bias = bias.filter(|q| !q.is_zero());
        self
    }
}

/// Why there is no edge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Obstruction {
    /// `sigma` is linear and `L != L'`: `P_{L'} V_L = 0`.
    Linear,
    /// `P_{L'}` kills the block space of `V_L` of the given kind, which contains every
    /// `sigma(w + q1) - sigma(q)1` (or every `|w|`, for homogeneous `sigma`, `L != L'`).
    Blocks {
        /// Which space.
        kind: BlockKind,
        /// The zero set of `V_L` (shared by every non-edge from `L`: one copy per source,
        /// not per pair).
        zero_set: Arc<Vec<usize>>,
        /// The `≈`-classes with signs (see [`BlockSpace`]; shared like the zero set).
        classes: Arc<Vec<Vec<(usize, i8)>>>,
    },
    /// `square`: `sum_{y,z} P_{L'}[y][z] P_L[y][z]^2 = 0`, so `P_{L'}(u ∘ v) = 0` for all
    /// `u, v` in `V_L`.
    Hadamard,
}

impl Obstruction {
    /// A one-line description.
    pub fn describe(&self) -> String {
        match self {
            Obstruction::Linear => "sigma is linear and isotypic components are orthogonal".into(),
            Obstruction::Blocks {
                kind,
                zero_set,
                classes,
            } => format!(
                "P_L' kills the block space T{}(V_L) ({} classes, zero set of {} points)",
                match kind {
                    BlockKind::Abs => "",
                    BlockKind::Plus => "+",
                    BlockKind::Odd => "^odd",
                },
                classes.len(),
                zero_set.len()
            ),
            Obstruction::Hadamard => "P_L' kills every Hadamard product of vectors of V_L".into(),
        }
    }
}

/// The verdict on one ordered pair.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// An edge, with its exact witness.
    Edge(Witness),
    /// An edge of the regular module of a cyclic group, certified by a nonzero Fourier
    /// residue (theory.md §18; only [`solve`] on large cyclic groups gives it).
    FourierEdge(super::witness::FourierWitness),
    /// No edge, with its obstruction.
    NonEdge(Obstruction),
    /// Neither found.
    Unresolved {
        /// Why.
        reason: UnresolvedReason,
        /// What was tried.
        tried: String,
        /// The block rule predicts an edge: a potential counterexample to the span
        /// conjecture (theory.md §7).
        potential_counterexample: bool,
    },
}

/// Why a pair is unresolved. Displays (and serializes) as the sentence the reports print.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnresolvedReason {
    /// The block rule predicts an edge, no obstruction applies, and the witness search
    /// found nothing.
    NoWitnessFound,
}

impl std::fmt::Display for UnresolvedReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            UnresolvedReason::NoWitnessFound => {
                "no obstruction applies (the block rule predicts an edge) and no witness was found"
            }
        })
    }
}

impl serde::Serialize for UnresolvedReason {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The result for one ordered pair `L -> L'` (simple indices into the real simples).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PairResult {
    /// Source simple `L`.
    pub from: usize,
    /// Target simple `L'`.
    pub to: usize,
    /// The verdict.
    pub verdict: Verdict,
    /// Rule (a): `ker^± L ⊆ ker L'` (necessary for an abs edge; exact on regular modules).
    pub rule_a: bool,
    /// `ker L ⊆ ker L'` (necessary for any edge: the filtration, theory.md §7, T1 and T3).
    pub kernel_rule: bool,
    /// For a non-edge, the group-theoretic reason a mathematician reads (theory.md §7, T0–T2,
    /// rule (a)), when one of the simple ones applies; the certificate is the obstruction.
    pub explanation: Option<String>,
    /// What kind of group-theoretic reason [`PairResult::explanation`] is.
    pub reason_kind: Option<ReasonKind>,
    /// The checkable claim behind [`PairResult::explanation`] (re-derived by the checker).
    pub reason: Option<Reason>,
}

impl PairResult {
    /// Whether the pair is a certified edge.
    pub fn is_edge(&self) -> bool {
        matches!(self.verdict, Verdict::Edge(_) | Verdict::FourierEdge(_))
    }
}

/// The solver's answer for a whole module: every ordered pair of present simples, in the
/// order `(from, to)` ascending.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Solution {
    /// The options used.
    pub options: SolverOptions,
    /// The simples present (indices), ascending.
    pub vertices: Vec<usize>,
    /// All ordered pairs.
    pub pairs: Vec<PairResult>,
    /// The automorphisms along which the verdicts of some sources were transported from
    /// a solved source (theory.md §28), if any.
    pub symmetry: Option<Arc<Symmetry>>,
}

impl Solution {
    /// The number of unresolved pairs.
    pub fn unresolved(&self) -> usize {
        self.pairs
            .iter()
            .filter(|p| matches!(p.verdict, Verdict::Unresolved { .. }))
            .count()
    }

    /// The pairs flagged as potential counterexamples to the span conjecture.
    pub fn potential_counterexamples(&self) -> Vec<&PairResult> {
        self.pairs
            .iter()
            .filter(|p| {
                matches!(
                    p.verdict,
                    Verdict::Unresolved {
                        potential_counterexample: true,
                        ..
                    }
                )
            })
            .collect()
    }

    /// The certified edges as `(from, to)` simple indices.
    pub fn edges(&self) -> Vec<(usize, usize)> {
        self.pairs
            .iter()
            .filter(|p| p.is_edge())
            .map(|p| (p.from, p.to))
            .collect()
    }
}

/// Whether the ascending `a` is inside the ascending `b` (one merge pass).
fn subset(a: &[usize], b: &[usize]) -> bool {
    let mut rest = b.iter();
    a.iter().all(|x| rest.any(|y| y == x))
}

/// The block kind that obstructs `L -> L'` for these options (`None`: the self-loop of a
/// homogeneous `sigma` with `a != 0`, always an edge).
pub fn block_kind(options: &SolverOptions, same: bool) -> Option<BlockKind> {
    super::blocks::block_kind_for(&options.activation, options.bias.is_some(), same)
}

/// Solve every ordered pair of simples present in `R^X`.
///
/// # Arguments
/// * `module` — the permutation module; `options` — activation, bias, witness budget.
///
/// # Returns
/// A [`Solution`] with one verdict per ordered pair of present simples, every edge with
/// an exact [`Witness`]. (`plrep::pl::solve` calls this, or the cyclic route of
/// theory.md §18 on the regular module of a large cyclic group.)
///
/// # Complexity
/// Per source simple: the block space (`O(#orbitals m + |X| #classes phi(m))`), one
/// exact scalar per target, and for the predicted edges the witness search (see
/// [`super::witness::search`]).
///
/// # Reference
/// theory.md §7; Gibson, Tubbenhauer, Williamson, arXiv:2408.00949.
///
/// ```
/// use plrep::pl::{PlModule, Activation, SolverOptions, solve};
/// use plrep::group::{spec::parse_group, gset::ActionSpec, Limits};
/// let m = PlModule::new(&parse_group("C4").unwrap(), &ActionSpec::parse("regular").unwrap(), &Limits::default()).unwrap();
/// let s = solve(&m, &SolverOptions::new(Activation::Abs)).unwrap();
/// assert_eq!(s.edges(), vec![(0, 0), (1, 0), (1, 2), (2, 0)]);
/// ```
pub fn solve(module: &PlModule, options: &SolverOptions) -> Result<Solution> {
    solve_all(module, options, false)
}

/// [`solve`] by the former dense path (block spaces by first-match comparison, each
/// block test against the target's values on every orbital, witness search with the
/// class sums at every point): the baseline the tests and benches compare [`solve`]
/// against. Same [`Solution`], byte for byte.
pub fn solve_dense(module: &PlModule, options: &SolverOptions) -> Result<Solution> {
    solve_all(module, options, true)
}

fn solve_all(module: &PlModule, options: &SolverOptions, dense: bool) -> Result<Solution> {
    let vertices: Vec<usize> = module.present.iter().map(|p| p.0).collect();
    module.prepare_projections();
    // Shared seed sums (`8 |X| #classes` bytes a seed) for as many of the first seeds
    // (at most `CACHED_SEEDS`) as the budget the limits reserve for them holds
    // (`solver_bytes`); most sources find their witnesses with the first seeds, later
    // ones recompute theirs.
    let bytes = 8 * module.points() as u128 * module.classes.len() as u128;
    let cached_seeds = (super::projector::SEED_SUMS_BYTES / bytes.max(1))
        .min(options.seeds as u128)
        .min(super::projector::CACHED_SEEDS);
    let cache: Option<SeedSums> = (!dense && cached_seeds > 0)
        .then(|| (0..cached_seeds).map(|_| Default::default()).collect());
    // Sources are independent: solved in parallel, gathered in source order (the same
    // bytes as one after the other; the first error in that order is the one reported).
    // At most `SOLVER_THREADS` at once, as the memory limits reserve (`solver_bytes`);
    // one after the other if no pool can be built.
    use rayon::prelude::*;
    // Sources in one orbit of automorphisms of G (theory.md §28): only the least is
    // solved, the others carry its verdicts.
    let sym = if dense { None } else { symmetry::of(module) };
    let solved: Vec<usize> = match &sym {
        Some(s) => vertices
            .iter()
            .copied()
            .filter(|&l| s.origins[l].is_none())
            .collect(),
        None => vertices.clone(),
    };
    let one = |&l: &usize| solve_from_impl(module, options, l, &vertices, dense, cache.as_ref());
    // Already on a worker of a pool (a survey computing groups in parallel): solve one
    // source after the other. Installing a second pool from a worker makes that worker
    // steal other tasks of its own pool while it waits, so waits nest without bound and
    // overflow the worker's stack (`survey SG32 --jobs 2` aborted that way).
    let pool = (vertices.len() > 1 && rayon::current_thread_index().is_none())
        .then(|| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(super::projector::SOLVER_THREADS)
                .build()
                .ok()
        })
        .flatten();
    let per_source: Vec<Result<Vec<PairResult>>> = match &pool {
        Some(pool) => pool.install(|| solved.par_iter().map(one).collect()),
        None => solved.iter().map(one).collect(),
    };
    let mut by_source: Vec<Option<Vec<PairResult>>> = vec![None; module.simples.simples.len()];
    for (&l, p) in solved.iter().zip(per_source) {
        by_source[l] = Some(p?);
    }
    // The carried sources' verdicts, flags and reasons: independent, on the same pool.
    let gather = |&l: &usize| -> Vec<PairResult> {
        match sym
            .as_ref()
            .and_then(|s| s.origins[l].as_ref().map(|o| (s, o)))
        {
            None => by_source[l].clone().expect("solved"),
            Some((s, origin)) => {
                let c = s.compose(&origin.path);
                let mut inverse = vec![0usize; c.simples.len()];
                for (a, &b) in c.simples.iter().enumerate() {
                    inverse[b as usize] = a;
                }
                let from = by_source[origin.source].as_ref().expect("solved first");
                let mut carry = Transport::new(&c.points);
                let verdicts: Vec<Option<Verdict>> = vertices
                    .iter()
                    .map(|&l2| {
                        let p = &from[vertices.binary_search(&inverse[l2]).expect("present")];
                        Some(carry.verdict(&p.verdict))
                    })
                    .collect();
                finish(module, options, l, &vertices, verdicts)
            }
        }
    };
    let per_vertex: Vec<Vec<PairResult>> = match &pool {
        Some(pool) => pool.install(|| vertices.par_iter().map(gather).collect()),
        None => vertices.iter().map(gather).collect(),
    };
    let pairs: Vec<PairResult> = per_vertex.into_iter().flatten().collect();
    Ok(Solution {
        options: options.clone(),
        vertices,
        pairs,
        symmetry: sym,
    })
}

/// Solve the pairs `L -> L'` for one source `L` and the given targets (in that order).
pub fn solve_from(
    module: &PlModule,
    options: &SolverOptions,
    l: usize,
    targets: &[usize],
) -> Result<Vec<PairResult>> {
    solve_from_impl(module, options, l, targets, false, None)
}

fn solve_from_impl(
    module: &PlModule,
    options: &SolverOptions,
    l: usize,
    targets: &[usize],
    dense: bool,
    cache: Option<&SeedSums>,
) -> Result<Vec<PairResult>> {
    let act = &options.activation;
    let mut verdicts: Vec<Option<Verdict>> = vec![None; targets.len()];
    let linear = act.homogeneous_parts().is_some_and(|(_, b)| b.is_zero());
    // The block space of `L` with its zero set and classes behind `Arc`s: every non-edge
    // from `L` points at one copy (`O(|X|)` per source instead of per pair).
    let mut blocks: Option<(BlockSpace, SharedZeroSet, SharedClasses)> = None;
    let mut counts_cache: Vec<(BlockKind, Vec<i128>)> = Vec::new();
    let mut dense_counts: Vec<(BlockKind, Vec<i64>)> = Vec::new();
    let mut pending = Vec::new();
    for (i, &l2) in targets.iter().enumerate() {
        let same = l == l2;
        if linear && !same {
            verdicts[i] = Some(Verdict::NonEdge(Obstruction::Linear));
            continue;
        }
        if linear {
            pending.push(i);
            continue;
        }
        if *act == Activation::Square && (options.bias.is_none() || !same) {
            if hadamard_vanishes(module, l, l2) {
                verdicts[i] = Some(Verdict::NonEdge(Obstruction::Hadamard));
            } else {
                pending.push(i);
            }
            continue;
        }
        let Some(kind) = block_kind(options, same) else {
            pending.push(i);
            continue;
        };
        let (b, zero_set, classes) = blocks.get_or_insert_with(|| {
            let b = if dense {
                BlockSpace::compute_dense(module, l)
            } else {
                BlockSpace::compute(module, l)
            };
            let (z, c) = (Arc::new(b.zero_set.clone()), Arc::new(b.classes.clone()));
            (b, z, c)
        });
        if dense {
            let counts = match dense_counts.iter().find(|c| c.0 == kind) {
                Some(c) => &c.1,
                None => {
                    dense_counts.push((kind, b.orbital_counts(module, kind)));
                    &dense_counts.last().unwrap().1
                }
            };
            if BlockSpace::killed_by(&module.field, counts, &module.orbital_values(l2)) {
                verdicts[i] = Some(Verdict::NonEdge(Obstruction::Blocks {
                    kind,
                    zero_set: zero_set.clone(),
                    classes: classes.clone(),
                }));
            } else {
                pending.push(i);
            }
            continue;
        }
        let counts = match counts_cache.iter().find(|c| c.0 == kind) {
            Some(c) => &c.1,
            None => {
                let counts = b.orbital_counts(module, kind);
                counts_cache.push((kind, BlockSpace::class_weights(module, &counts)));
                &counts_cache.last().unwrap().1
            }
        };
        if BlockSpace::killed_by_classes(module, counts, l2) {
            verdicts[i] = Some(Verdict::NonEdge(Obstruction::Blocks {
                kind,
                zero_set: zero_set.clone(),
                classes: classes.clone(),
            }));
        } else {
            pending.push(i);
        }
    }
    if !pending.is_empty() {
        let t: Vec<usize> = pending.iter().map(|&i| targets[i]).collect();
        let (bias, seeds) = (options.bias.as_ref(), options.seeds);
        let (found, stats) = match cache {
            _ if dense => search_dense(module, l, &t, act, bias, seeds)?,
            Some(c) => search_cached(module, l, &t, act, bias, seeds, c)?,
            None => search_with_stats(module, l, &t, act, bias, seeds)?,
        };
        for (&i, w) in pending.iter().zip(found) {
            verdicts[i] = Some(match w {
                Some(w) => Verdict::Edge(w),
                None => Verdict::Unresolved {
                    reason: UnresolvedReason::NoWitnessFound,
                    tried: format!(
                        "{} seeds of random integer vectors in [-{},{}], w and -w, several scales: {} exact evaluations{}",
                        options.seeds,
                        super::witness::RANGE,
                        super::witness::RANGE,
                        stats.attempts,
                        if stats.skipped_overflow > 0 {
                            format!(", {} skipped by the coordinate size guard", stats.skipped_overflow)
                        } else {
                            String::new()
                        }
                    ),
                    potential_counterexample: true,
                },
            });
        }
    }
    Ok(finish(module, options, l, targets, verdicts))
}

/// The pair results of source `l` from its verdicts: the kernel flags and, for a block
/// or Hadamard non-edge, the group-theoretic reason.
fn finish(
    module: &PlModule,
    options: &SolverOptions,
    l: usize,
    targets: &[usize],
    verdicts: Vec<Option<Verdict>>,
) -> Vec<PairResult> {
    let act = &options.activation;
    let simples = &module.simples.simples;
    let mut explainer = Explainer::default();
    targets
        .iter()
        .zip(verdicts)
        .map(|(&l2, v)| {
            let verdict = v.expect("every pair decided");
            let reason = match &verdict {
                Verdict::NonEdge(Obstruction::Blocks { .. })
                | Verdict::NonEdge(Obstruction::Hadamard) => {
                    explainer.explain(module, act, options.bias.as_ref(), l, l2)
                }
                _ => None,
            };
            let (reason, explanation) = reason.unzip();
            PairResult {
                from: l,
                to: l2,
                verdict,
                rule_a: subset(explainer.pm_kernel(module, l), &simples[l2].kernel),
                kernel_rule: subset(&simples[l].kernel, &simples[l2].kernel),
                reason_kind: reason.as_ref().map(Reason::kind),
                explanation,
                reason,
            }
        })
        .collect()
}

/// Solve one ordered pair.
pub fn solve_pair(
    module: &PlModule,
    options: &SolverOptions,
    from: usize,
    to: usize,
) -> Result<PairResult> {
    Ok(solve_from(module, options, from, &[to])?.remove(0))
}

/// Carries verdicts by one `pi`, sharing the copies of shared vectors: every witness
/// vector `r` and every zero set with its classes is transported once and shared, as
/// the solver shares them between the pairs of one source.
#[derive(Debug)]
struct Transport<'a> {
    points: &'a [u32],
    vectors: Vec<(SharedVector, SharedVector)>,
    blocks: Vec<(SharedBlocks, SharedBlocks)>,
}

type SharedBlocks = (SharedZeroSet, SharedClasses);
/// A witness vector `r` shared by the witnesses of one attempt.
type SharedVector = Arc<Vec<i64>>;

impl<'a> Transport<'a> {
    /// A transport by the point permutation `points`.
    fn new(points: &'a [u32]) -> Self {
        Transport {
            points,
            vectors: Vec::new(),
            blocks: Vec::new(),
        }
    }

    /// The verdict on `(s L, s L')` carried from the verdict on `(L, L')`.
    fn verdict(&mut self, verdict: &Verdict) -> Verdict {
        let points = self.points;
        match verdict {
            Verdict::Edge(w) => {
                let r = match self.vectors.iter().find(|(a, _)| Arc::ptr_eq(a, &w.r)) {
                    Some((_, b)) => b.clone(),
                    None => {
                        let mut r = vec![0i64; w.r.len()];
                        for (x, &v) in w.r.iter().enumerate() {
                            r[points[x] as usize] = v;
                        }
                        let r = Arc::new(r);
                        self.vectors.push((w.r.clone(), r.clone()));
                        r
                    }
                };
                Verdict::Edge(Witness {
                    seed: w.seed,
                    r,
                    scale: w.scale.clone(),
                    point: points[w.point] as usize,
                    value: w.value.clone(),
                })
            }
            Verdict::NonEdge(Obstruction::Blocks {
                kind,
                zero_set,
                classes,
            }) => {
                let (z, c) = match self
                    .blocks
                    .iter()
                    .find(|((a, b), _)| Arc::ptr_eq(a, zero_set) && Arc::ptr_eq(b, classes))
                {
                    Some((_, t)) => t.clone(),
                    None => {
                        let (z, c) = BlockSpace::permuted(zero_set, classes, points);
                        let t = (Arc::new(z), Arc::new(c));
                        self.blocks
                            .push(((zero_set.clone(), classes.clone()), t.clone()));
                        t
                    }
                };
                Verdict::NonEdge(Obstruction::Blocks {
                    kind: *kind,
                    zero_set: z,
                    classes: c,
                })
            }
            other => other.clone(),
        }
    }
}
