//! An exact check of `S_n` character values for tables too large for the `k^3`
//! orthogonality check (docs/theory.md §15.5): the rim-hook operators satisfy the
//! Heisenberg relations, and the claimed columns are their products, hence orthogonal
//! with norms `z_mu`.
//!
//! Independent of the computation in [`super::symmetric_large`]: partitions are Young
//! diagrams here (not abacus masks), rim hooks are found by the hook lengths of the
//! diagram's cells, and the walk over cycle types is this file's own.

use super::partition::{partitions, Partition};
use crate::error::{Error, Result};
use std::collections::HashMap;

/// For each partition of one size, its `(target, negative)` entries.
type Lists = Vec<Vec<(u32, bool)>>;

/// The partitions of `0..=n` as diagrams, indexed per size, and all their rim hooks.
struct Hooks {
    by_size: Vec<Vec<Vec<u32>>>,
    /// For each size and partition: `(r, index of the partition without the hook,
    /// (-1)^height negative)` for every rim hook (one per cell: its hook length).
    remove: Vec<Vec<Vec<(u32, u32, bool)>>>,
    /// `add[(m, s)][lambda]`: `(kappa, negative)` for the partitions `kappa` of `m + s`
    /// with a rim hook of length `s` leaving `lambda` (the transpose of `remove`).
    add: HashMap<(u32, u32), Lists>,
}

/// The partition left by removing the rim hook of cell `(i, j)` (0-based) of `p`, whose
/// conjugate is `c`, and its height (the leg length `c_j - i - 1`).
fn remove_rim_hook(p: &[u32], c: &[u32], i: usize, j: usize) -> (Vec<u32>, u32) {
    let leg = c[j] as usize - i - 1;
    let mut q = p.to_vec();
    for t in i..i + leg {
        q[t] = p[t + 1] - 1;
    }
    q[i + leg] = j as u32;
    q.retain(|&x| x > 0);
    (q, leg as u32)
}

fn conjugate(p: &[u32]) -> Vec<u32> {
    let first = p.first().copied().unwrap_or(0);
    (1..=first)
        .map(|j| p.iter().filter(|&&x| x >= j).count() as u32)
        .collect()
}

impl Hooks {
    fn new(n: u32) -> Result<Hooks> {
        let by_size: Vec<Vec<Vec<u32>>> = (0..=n)
            .map(|m| partitions(m).iter().map(|p| p.parts().to_vec()).collect())
            .collect();
        let index: Vec<HashMap<&[u32], u32>> = by_size
            .iter()
            .map(|ps| {
                ps.iter()
                    .enumerate()
                    .map(|(i, p)| (p.as_slice(), i as u32))
                    .collect()
            })
            .collect();
        let mut remove = Vec::with_capacity(by_size.len());
        for (m, ps) in by_size.iter().enumerate() {
            let mut lists = Vec::with_capacity(ps.len());
            for p in ps {
                let c = conjugate(p);
                let mut list = Vec::with_capacity(m);
                for (i, &row) in p.iter().enumerate() {
                    for j in 0..row as usize {
                        let h = row - j as u32 + c[j] - i as u32 - 1;
                        let (q, height) = remove_rim_hook(p, &c, i, j);
                        let &t = index[m - h as usize].get(q.as_slice()).ok_or_else(|| {
                            Error::verification("a rim hook leaves a non-partition")
                        })?;
                        list.push((h, t, height % 2 == 1));
                    }
                }
                lists.push(list);
            }
            remove.push(lists);
        }
        let mut add = HashMap::new();
        for m in 0..n {
            for s in 1..=n - m {
                let mut lists: Lists = vec![Vec::new(); by_size[m as usize].len()];
                for (kappa, list) in remove[(m + s) as usize].iter().enumerate() {
                    for &(r, lambda, neg) in list {
                        if r == s {
                            lists[lambda as usize].push((kappa as u32, neg));
                        }
                    }
                }
                add.insert((m, s), lists);
            }
        }
        Ok(Hooks {
            by_size,
            remove,
            add,
        })
    }

    /// The Heisenberg relations `A_r^T A_s - A_s A_r^T = r delta_{rs}` on the partitions
    /// of every `m` with `m + s <= n` (all `r`), exactly (the coefficients are small
    /// integers).
    fn check_relations(&self, n: u32) -> Result<()> {
        let mut terms: Vec<(u32, u32, i64)> = Vec::new();
        for m in 0..n {
            for s in 1..=n - m {
                let add_s = &self.add[&(m, s)];
                for lambda in 0..self.by_size[m as usize].len() {
                    terms.clear();
                    // A_r^T A_s e_lambda
                    for &(kappa, neg) in &add_s[lambda] {
                        for &(r, mu, neg2) in &self.remove[(m + s) as usize][kappa as usize] {
                            terms.push((r, mu, if neg == neg2 { 1 } else { -1 }));
                        }
                    }
                    // - A_s A_r^T e_lambda
                    for &(r, mu, neg) in &self.remove[m as usize][lambda] {
                        for &(nu, neg2) in &self.add[&(m - r, s)][mu as usize] {
                            terms.push((r, nu, if neg == neg2 { -1 } else { 1 }));
                        }
                    }
                    // - s e_lambda for r = s
                    terms.push((s, lambda as u32, -(s as i64)));
                    terms.sort_unstable_by_key(|t| (t.0, t.1));
                    let mut i = 0;
                    while i < terms.len() {
                        let mut j = i;
                        let mut sum = 0i64;
                        while j < terms.len()
                            && terms[j].0 == terms[i].0
                            && terms[j].1 == terms[i].1
                        {
                            sum += terms[j].2;
                            j += 1;
                        }
                        if sum != 0 {
                            return Err(Error::verification(format!(
                                "Heisenberg relation fails for r = {}, s = {s} on {:?}",
                                terms[i].0, self.by_size[m as usize][lambda]
                            )));
                        }
                        i = j;
                    }
                }
            }
        }
        Ok(())
    }
}

/// Verify claimed character values of `S_n` (`n <= 30`): `value(lambda, t)` is the claim
/// for the `lambda`-th partition of [`partitions`]`(n)` on the cycle type `types[t]`.
/// `Ok(())` proves that these columns are `A_{mu_1} ... A_{mu_l} e_()` for rim-hook
/// operators satisfying the Heisenberg relations, hence (docs/theory.md §15.5) that they
/// are orthogonal with `sum_lambda value(lambda, t)^2 = z_mu`, and — the operators being
/// those of the Murnaghan–Nakayama rule — the values `chi^lambda(mu)`.
///
/// Errors: [`Error::Verification`] naming the first failure; bad input (types that are
/// not distinct partitions of `n`, `n > 30`) is a verification failure too.
///
/// # Complexity
/// The relations: `sum_m p(m) (n - m)` partitions times their rim hooks squared; the
/// columns: one sparse product per prefix of a requested type (about `p(n)` times the
/// rim hooks per column).
///
/// # Example
/// ```
/// use plrep::character::heisenberg::verify_sn_columns;
/// use plrep::character::partition::partitions;
/// use plrep::character::symmetric::sn_values;
/// let v = sn_values(6)?;
/// let types = partitions(6);
/// assert!(verify_sn_columns(6, &types, &|l, t| v[l][t] as i64).is_ok());
/// assert!(verify_sn_columns(6, &types, &|l, t| v[l][t] as i64 + i64::from(l == 3 && t == 2)).is_err());
/// # Ok::<(), plrep::Error>(())
/// ```
pub fn verify_sn_columns(
    n: u32,
    types: &[Partition],
    value: &dyn Fn(usize, usize) -> i64,
) -> Result<()> {
    if n > 30 {
        return Err(Error::verification("the Heisenberg check covers n <= 30"));
    }
    let mut wanted: HashMap<Vec<u32>, usize> = HashMap::new();
    for (t, mu) in types.iter().enumerate() {
        if mu.size() != n || wanted.insert(mu.parts().to_vec(), t).is_some() {
            return Err(Error::verification(format!(
                "cycle type {mu} is not a new partition of {n}"
            )));
        }
    }
    let hooks = Hooks::new(n)?;
    hooks.check_relations(n)?;
    let len = hooks.by_size[n as usize].len();
    let mut seen = 0usize;
    // Depth first over the types written with their largest part first: the vector of
    // (nu_1, ..., nu_l) is A_{nu_1} applied to that of (nu_2, ..., nu_l).
    let mut stack: Vec<(Vec<u32>, Vec<i64>)> = vec![(Vec::new(), vec![1])];
    while let Some((nu, x)) = stack.pop() {
        let m: u32 = nu.iter().sum();
        let first = nu.first().copied().unwrap_or(1);
        for r in first..=n - m {
            let size = m + r;
            if size < n && n - size < r {
                continue;
            }
            let mut mu = Vec::with_capacity(nu.len() + 1);
            mu.push(r);
            mu.extend_from_slice(&nu);
            let target = if size == n {
                match wanted.get(&mu) {
                    Some(&t) => Some(t),
                    None => continue,
                }
            } else {
                None
            };
            let lists = &hooks.add[&(m, r)];
            let mut y = vec![0i64; hooks.by_size[size as usize].len()];
            for (lambda, &v) in x.iter().enumerate() {
                if v != 0 {
                    for &(kappa, neg) in &lists[lambda] {
                        let k = kappa as usize;
                        y[k] = if neg {
                            y[k].wrapping_sub(v)
                        } else {
                            y[k].wrapping_add(v)
                        };
                    }
                }
            }
            match target {
                Some(t) => {
                    seen += 1;
                    if let Some(l) = (0..len).find(|&l| value(l, t) != y[l]) {
                        return Err(Error::verification(format!(
                            "the value of {:?} on {mu:?} is not the Murnaghan–Nakayama value {}",
                            hooks.by_size[n as usize][l], y[l]
                        )));
                    }
                }
                None => stack.push((mu, y)),
            }
        }
    }
    if seen != types.len() {
        return Err(Error::verification("a cycle type was not reached"));
    }
    Ok(())
}
