//! Partition labels for the simples of an `S_n`-module `R^X` when `S_n` has too many
//! cycle types to list (theory.md §16.5): if every point `x` of `X` is fixed by
//! `Sym(F_x)` with `|F_x| >= n - k`, Young's rule puts every simple of `R^X` among the
//! `S^lambda` with `lambda_1 >= n - k`; a simple is named `lambda` when `lambda` is the
//! only such candidate with its dimension (hook lengths) and its character values
//! (Murnaghan–Nakayama, `n <= 60`) on the cycle types of support at most `2k`, evaluated
//! on the module as `tr(e_L g) / m_L`.

use super::module::CommutantModule;
use crate::character::partition::{partitions, Partition};
use crate::character::symmetric::{hook_degree, MurnaghanNakayama, MAX_DEGREE};
use crate::error::Result;
use crate::group::Perm;
use num_bigint::BigUint;

/// Largest Young bound `k` tried (the candidates and test cycle types grow with `k`).
const MAX_K: usize = 6;

/// `n - |F|` for the largest `F` found with `Sym(F)` fixing `x`: `F = {f} ∪ {i : (f i)
/// fixes x}` (the transpositions `(f i)` generate `Sym(F)`), over a few choices of `f`.
fn young_bound(m: &CommutantModule, n: usize) -> Result<usize> {
    let reps: Vec<usize> = m.gset.orbits().iter().map(|o| o[0]).collect();
    let mut best = vec![n; reps.len()];
    for f in [n - 1, 0, n / 2] {
        let mut row = Vec::with_capacity(n);
        for i in 0..n {
            row.push(if i == f {
                None
            } else {
                Some(m.gset.act(&Perm::from_cycles(n, &[vec![f, i]])?)?)
            });
        }
        for (r, &x) in reps.iter().enumerate() {
            let size = 1 + row.iter().flatten().filter(|t| t.apply(x) == x).count();
            best[r] = best[r].min(n - size);
        }
    }
    Ok(best.into_iter().max().unwrap_or(0))
}

/// The partitions `(n - j, mu)` with `mu ⊢ j <= k`, `mu_1 <= n - j`.
fn candidates(n: usize, k: usize) -> Vec<Partition> {
    let mut out = Vec::new();
    for j in 0..=k.min(n) {
        for mu in partitions(j as u32) {
            if mu.parts().first().is_some_and(|&p| p as usize > n - j) {
                continue;
            }
            let mut parts = vec![(n - j) as u32];
            parts.extend_from_slice(mu.parts());
            out.push(Partition::new(parts));
        }
    }
    out
}

/// The partition of each simple of an `S_n`-module (Young bound at most 6; for `n > 60`
/// by the dimensions alone),
/// `None` for a group other than `S_n` or a simple without a unique match.
///
/// Errors: none in practice (the actions of transpositions and cycle-type
/// representatives on `X`).
///
/// Complexity: `3n` transpositions acted on `X`; per test cycle type one action and
/// `O(|X|)` per simple; Murnaghan–Nakayama per candidate and test type.
pub fn young_labels(m: &CommutantModule) -> Result<Option<Vec<Option<String>>>> {
    let n = m.group.degree();
    if m.giant != Some(true) || n < 2 {
        return Ok(None);
    }
    let k = young_bound(m, n)?;
    if k > MAX_K {
        return Ok(None);
    }
    let cands = candidates(n, k);
    // Test cycle types: nu with parts >= 2, |nu| <= min(2k, n), padded with fixed points.
    // Beyond Murnaghan–Nakayama's degree the dimensions alone must decide.
    let mut tests: Vec<Partition> = Vec::new();
    let top = if n > MAX_DEGREE as usize {
        1
    } else {
        (2 * k).min(n)
    };
    for s in 2..=top {
        for nu in partitions(s as u32) {
            if nu.parts().iter().all(|&p| p >= 2) {
                let mut parts = nu.parts().to_vec();
                parts.extend(vec![1; n - s]);
                tests.push(Partition::new(parts));
            }
        }
    }
    let mut values = Vec::with_capacity(tests.len());
    for t in &tests {
        let p: Vec<usize> = t.parts().iter().map(|&c| c as usize).collect();
        let g = super::module::cycle_type_rep(n, &p)?;
        values.push(
            (0..m.simples.len())
                .map(|l| m.character_value(l, &g))
                .collect::<Result<Vec<_>>>()?,
        );
    }
    let mut mn = MurnaghanNakayama::new();
    let labels = (0..m.simples.len())
        .map(|l| {
            let dim = BigUint::from(m.simples[l].dim);
            let found: Vec<&Partition> = cands
                .iter()
                .filter(|lambda| {
                    hook_degree(lambda) == dim
                        && tests.iter().zip(&values).all(|(t, v)| {
                            v[l].to_i64()
                                .is_some_and(|x| mn.value(lambda, t) == x as i128)
                        })
                })
                .collect();
            (found.len() == 1).then(|| found[0].to_string())
        })
        .collect();
    Ok(Some(labels))
}
