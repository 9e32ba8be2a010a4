//! The certified solver on a [`CommutantModule`]: every ordered pair `(L, L')` of
//! simples present is an edge with an exact witness, a non-edge with an obstruction, or
//! unresolved — the rules of [`crate::pl::solver`] (theory.md §7), with the projectors
//! `P_L` given by the rational central idempotents (theory.md §13.4) instead of class
//! sums over the enumerated group.

use super::module::CommutantModule;
use crate::arith::{Cyclotomic, Q};
use crate::error::Result;
use crate::pl::blocks::BlockKind;
use crate::pl::solver::{block_kind, Obstruction, SolverOptions, Verdict};
use crate::pl::witness::{random_vector, Witness, RANGE};
use crate::pl::Activation;
use std::collections::HashMap;

/// The verdict on one ordered pair of simples of a [`CommutantModule`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommutantPair {
    /// Source simple (index into [`CommutantModule::simples`]).
    pub from: usize,
    /// Target simple.
    pub to: usize,
    /// Edge, non-edge or unresolved, with the certificate.
    pub verdict: Verdict,
    /// `ker L ⊆ ker L'` (necessary for any edge), when the kernels are known.
    pub kernel_rule: Option<bool>,
}

/// The solver's answer: every ordered pair, `(from, to)` ascending.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommutantSolution {
    /// The options used.
    pub options: SolverOptions,
    /// All ordered pairs.
    pub pairs: Vec<CommutantPair>,
}

impl CommutantSolution {
    /// The certified edges `(from, to)`.
    pub fn edges(&self) -> Vec<(usize, usize)> {
        self.pairs
            .iter()
            .filter(|p| matches!(p.verdict, Verdict::Edge(_)))
            .map(|p| (p.from, p.to))
            .collect()
    }

    /// The number of unresolved pairs.
    pub fn unresolved(&self) -> usize {
        self.pairs
            .iter()
            .filter(|p| matches!(p.verdict, Verdict::Unresolved { .. }))
            .count()
    }
}

/// The zero set and `≈`-classes of `V_L` from the entries of `P_L` (as
/// [`crate::pl::BlockSpace::compute`], rows compared through `P[x][x]`, `P[x0][x]`).
///
/// Complexity: `O(|X| #classes)`.
pub fn block_space(m: &CommutantModule, l: usize) -> (Vec<usize>, Vec<Vec<(usize, i8)>>) {
    // The comparisons of entries are of the index of each orbital's value among the
    // distinct values of `P_L` (and of its negative), not of rationals.
    let e = &m.simples[l].idempotent;
    let mut index: HashMap<&Q, usize> = HashMap::new();
    let id: Vec<usize> = e
        .iter()
        .map(|q| {
            let next = index.len();
            *index.entry(q).or_insert(next)
        })
        .collect();
    let neg: Vec<usize> = e
        .iter()
        .map(|q| index.get(&-q).copied().unwrap_or(usize::MAX))
        .collect();
    let orbitals = &m.algebra.orbitals;
    let mut zero_set = Vec::new();
    let mut classes: Vec<Vec<(usize, i8)>> = Vec::new();
    for x in 0..m.points() {
        let ox = orbitals.orbit_of(x, x);
        if e[ox].is_zero() {
            zero_set.push(x);
            continue;
        }
        let (dx, minus) = (id[ox], neg[ox]);
        let mut placed = false;
        for class in classes.iter_mut() {
            let x0 = class[0].0;
            if id[orbitals.orbit_of(x0, x0)] != dx {
                continue;
            }
            let p = id[orbitals.orbit_of(x0, x)];
            if p == dx {
                class.push((x, 1));
            } else if p == minus {
                class.push((x, -1));
            } else {
                continue;
            }
            placed = true;
            break;
        }
        if !placed {
            classes.push(vec![(x, 1)]);
        }
    }
    (zero_set, classes)
}

fn basis(classes: &[Vec<(usize, i8)>], kind: BlockKind) -> Vec<Vec<(usize, i8)>> {
    match kind {
        BlockKind::Odd => classes.to_vec(),
        BlockKind::Abs => classes
            .iter()
            .map(|c| c.iter().map(|&(x, _)| (x, 1)).collect())
            .collect(),
        BlockKind::Plus => classes
            .iter()
            .flat_map(|c| {
                [1i8, -1].into_iter().filter_map(move |s| {
                    let part: Vec<(usize, i8)> = c
                        .iter()
                        .filter(|p| p.1 == s)
                        .map(|&(x, _)| (x, 1))
                        .collect();
                    (!part.is_empty()).then_some(part)
                })
            })
            .collect(),
    }
}

/// `sum_u u^T P_{L'} u` over the spanning set of the block space: zero iff `P_{L'}` kills
/// it (a sum of squares `|P_{L'} u|^2`).
fn block_quadratic(
    m: &CommutantModule,
    classes: &[Vec<(usize, i8)>],
    kind: BlockKind,
    l2: usize,
) -> Q {
    let r = m.algebra.dim();
    let mut counts = vec![0i64; r];
    for u in basis(classes, kind) {
        for &(x, sx) in &u {
            for &(y, sy) in &u {
                counts[m.algebra.orbitals.orbit_of(x, y)] += (sx * sy) as i64;
            }
        }
    }
    counts
        .iter()
        .zip(&m.simples[l2].idempotent)
        .filter(|(c, _)| **c != 0)
        .map(|(&c, e)| e * &Q::from_int(c))
        .sum()
}

/// `sum_{y,z} P_{L'}[y][z] P_L[y][z]^2` (zero iff the square activation has no edge).
fn hadamard_sum(m: &CommutantModule, l: usize, l2: usize) -> Q {
    let (a, b) = (&m.simples[l].idempotent, &m.simples[l2].idempotent);
    (0..m.algebra.dim())
        .map(|o| &(&(&a[o] * &a[o]) * &b[o]) * &Q::from_int(m.algebra.orbitals.size(o) as i64))
        .sum()
}

/// `sigma(w + q) - sigma(q)` pointwise.
fn activate(w: &[Q], act: &Activation, bias: Option<&Q>) -> Vec<Q> {
    let q = bias.cloned().unwrap_or_else(Q::zero);
    let sq = act.eval_q(&q);
    w.iter().map(|x| act.eval_q(&(x + &q)) - &sq).collect()
}

/// Solve every ordered pair of simples of `m`.
///
/// Complexity: per source, the block space (`O(|X| #classes)`), one scalar per target,
/// and for predicted edges up to `8 seeds` exact projections of `O(|X|^2)` each.
pub fn solve_commutant(m: &CommutantModule, options: &SolverOptions) -> Result<CommutantSolution> {
    let act = &options.activation;
    let bias = options.bias.as_ref();
    let s = m.simples.len();
    let linear = act.homogeneous_parts().is_some_and(|(_, b)| b.is_zero());
    let mut pairs = Vec::new();
    for l in 0..s {
        let mut verdicts: Vec<Option<Verdict>> = vec![None; s];
        let mut pending = Vec::new();
        let mut blocks = None;
        for l2 in 0..s {
            let same = l == l2;
            if linear && !same {
                verdicts[l2] = Some(Verdict::NonEdge(Obstruction::Linear));
                continue;
            }
            if linear {
                pending.push(l2);
                continue;
            }
            if *act == Activation::Square && (bias.is_none() || !same) {
                if hadamard_sum(m, l, l2).is_zero() {
                    verdicts[l2] = Some(Verdict::NonEdge(Obstruction::Hadamard));
                } else {
                    pending.push(l2);
                }
                continue;
            }
            let Some(kind) = block_kind(options, same) else {
                pending.push(l2);
                continue;
            };
            // Shared by every non-edge from `l` (one copy per source).
            let (zero_set, classes) = blocks.get_or_insert_with(|| {
                let (z, c) = block_space(m, l);
                (std::sync::Arc::new(z), std::sync::Arc::new(c))
            });
            if block_quadratic(m, classes, kind, l2).is_zero() {
                verdicts[l2] = Some(Verdict::NonEdge(Obstruction::Blocks {
                    kind,
                    zero_set: zero_set.clone(),
                    classes: classes.clone(),
                }));
            } else {
                pending.push(l2);
            }
        }
        let found = witnesses(m, l, &pending, act, bias, options.seeds);
        for (&l2, w) in pending.iter().zip(found) {
            verdicts[l2] = Some(match w {
                Some(w) => Verdict::Edge(w),
                None => Verdict::Unresolved {
                    reason: crate::pl::UnresolvedReason::NoWitnessFound,
                    tried: format!(
                        "{} seeds of random integer vectors in [-{RANGE},{RANGE}], w and -w, several scales",
                        options.seeds
                    ),
                    potential_counterexample: true,
                },
            });
        }
        for (l2, v) in verdicts.into_iter().enumerate() {
            let kernel_rule = match (m.simples[l].kernel, m.simples[l2].kernel) {
                (Some(a), Some(b)) => Some(a <= b),
                _ => None,
            };
            pairs.push(CommutantPair {
                from: l,
                to: l2,
                verdict: v.expect("every pair decided"),
                kernel_rule,
            });
        }
    }
    Ok(CommutantSolution {
        options: options.clone(),
        pairs,
    })
}

/// Witnesses `w = t P_L r` for the targets: the first exact nonzero coordinate of
/// `P_{L'}(sigma(w + q) - sigma(q))`.
fn witnesses(
    m: &CommutantModule,
    l: usize,
    targets: &[usize],
    act: &Activation,
    bias: Option<&Q>,
    seeds: u64,
) -> Vec<Option<Witness>> {
    let mut found: Vec<Option<Witness>> = vec![None; targets.len()];
    let n = m.points();
    let homogeneous = act.is_homogeneous() && bias.is_none();
    for seed in 0..seeds {
        if found.iter().all(Option::is_some) {
            break;
        }
        let r0 = random_vector(seed, n);
        for sign in [1i64, -1] {
            let r: std::sync::Arc<Vec<i64>> =
                std::sync::Arc::new(r0.iter().map(|&v| sign * v).collect());
            let rq: Vec<Q> = r.iter().map(|&v| Q::from_int(v)).collect();
            let w = m.algebra.apply(&m.simples[l].idempotent, &rq);
            let top = w.iter().map(Q::abs).max().unwrap_or_else(Q::zero);
            if top.is_zero() {
                continue;
            }
            let scales: Vec<Q> = if homogeneous {
                vec![Q::one()]
            } else {
                let inv = top.inv();
                [(1, 2), (1, 1), (2, 1), (1, 8), (8, 1)]
                    .iter()
                    .map(|&(a, b)| &inv * &Q::new(a, b))
                    .chain([Q::one()])
                    .collect()
            };
            for t in scales {
                if found.iter().all(Option::is_some) {
                    break;
                }
                let wt: Vec<Q> = w.iter().map(|x| x * &t).collect();
                let u = activate(&wt, act, bias);
                for (i, &l2) in targets.iter().enumerate() {
                    if found[i].is_some() {
                        continue;
                    }
                    // The first nonzero coordinate, row by row (usually the first row).
                    let e2 = &m.simples[l2].idempotent;
                    if let Some((x, v)) = (0..n)
                        .map(|x| (x, m.algebra.apply_row(e2, &u, x)))
                        .find(|(_, v)| !v.is_zero())
                    {
                        found[i] = Some(Witness {
                            seed,
                            r: r.clone(),
                            scale: t.clone(),
                            point: x,
                            value: Cyclotomic::from_q(v).into(),
                        });
                    }
                }
            }
        }
    }
    found
}
