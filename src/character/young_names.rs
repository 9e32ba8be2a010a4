//! Naming a simple `S_n`-module by its partition when `n` is too large to list the
//! character on every cycle type (`p(n)` classes): the candidates are cut down by
//! Young's rule and the degree, then told apart by the character on a few classes of
//! small support (docs/theory.md §15.6).

use super::partition::{partitions, Partition};
use crate::error::Result;
use num_bigint::{BigInt, BigUint};
use std::collections::HashMap;

/// The largest number of candidate partitions considered (`sum_{m <= k} p(m)`).
pub const MAX_CANDIDATES: usize = 100_000;

/// The largest support of a class used to tell candidates apart.
pub const MAX_SUPPORT: u32 = 14;

/// The partitions `lambda` of `n` with `lambda_1 >= n - k` (every constituent of a
/// permutation module whose points are each fixed by the pointwise stabilizer of `k`
/// points, by Young's rule), in GAP's order; `None` when there are more than
/// [`MAX_CANDIDATES`].
pub fn young_candidates(n: u32, k: u32) -> Option<Vec<Partition>> {
    let k = k.min(n);
    let mut out = Vec::new();
    for m in 0..=k {
        for nu in partitions(m) {
            if nu.parts().first().map_or(true, |&f| f <= n - m) {
                let mut parts = vec![n - m];
                parts.extend_from_slice(nu.parts());
                out.push(Partition::new(parts));
                if out.len() > MAX_CANDIDATES {
                    return None;
                }
            }
        }
    }
    out.sort();
    out.dedup();
    Some(out)
}

/// The degree `f^lambda` by the hook length formula.
pub fn degree(lambda: &Partition) -> BigUint {
    super::symmetric::hook_degree(lambda)
}

/// `chi^lambda(mu)` for any `n`, `mu` given by its parts above 1 (`rho`, decreasing; the
/// rest fixed points): the Murnaghan–Nakayama rule removes the rim hooks of the parts of
/// `rho` (Young diagrams, cells by hook length), and the value on the identity of what is
/// left is its degree. Memoised on `(partition, parts left)`.
///
/// Complexity: at most `h^{|rho|}` branches (`h` hooks per partition), hook formulas of
/// size `n`.
pub fn value_small_support(lambda: &Partition, rho: &[u32], memo: &mut Memo) -> BigInt {
    if rho.is_empty() {
        return BigInt::from(degree(lambda));
    }
    let key = (lambda.parts().to_vec(), rho.len());
    if let Some(v) = memo.get(&key) {
        return v.clone();
    }
    let r = rho[0];
    let p = lambda.parts();
    let c = lambda.conjugate();
    let c = c.parts();
    let mut total = BigInt::from(0);
    for (i, &row) in p.iter().enumerate() {
        for j in 0..row as usize {
            let h = row - j as u32 + c[j] - i as u32 - 1;
            if h != r {
                continue;
            }
            let leg = c[j] as usize - i - 1;
            let mut q = p.to_vec();
            for t in i..i + leg {
                q[t] = p[t + 1] - 1;
            }
            q[i + leg] = j as u32;
            let v = value_small_support(&Partition::new(q), &rho[1..], memo);
            if leg % 2 == 1 {
                total -= v;
            } else {
                total += v;
            }
        }
    }
    memo.insert(key, total.clone());
    total
}

/// The memo of [`value_small_support`] (valid for one `rho`).
pub type Memo = HashMap<(Vec<u32>, usize), BigInt>;

/// The cycle types of support `2..=MAX_SUPPORT` (at most `n`), as their parts above 1,
/// by increasing support, each support in GAP's order.
fn small_supports(n: u32) -> Vec<Vec<u32>> {
    let mut out = Vec::new();
    for s in 2..=MAX_SUPPORT.min(n) {
        for rho in partitions(s) {
            if rho.parts().iter().all(|&x| x > 1) {
                out.push(rho.parts().to_vec());
            }
        }
    }
    out
}

/// The partition of the irreducible character `psi` of `S_n` of degree `d`, known to be
/// one of `candidates`: the candidates of degree `d` are kept, and while more than one
/// is left, a class of small support on which they differ is found and `psi` evaluated
/// there (`psi(rho)`, `rho` the parts above 1; `None` when it cannot be evaluated), the
/// candidates disagreeing with it dropped. `Ok(None)` when no class of support up to
/// [`MAX_SUPPORT`] separates the remaining candidates, or none is left.
///
/// Proof: `psi` is `chi^lambda` for some candidate `lambda`; the true `lambda` has degree
/// `d` and agrees with `psi` everywhere, so it is never dropped; one left is it.
///
/// # Example
/// ```
/// use num_bigint::BigInt;
/// use plrep::character::young_names::{name_by_young, young_candidates};
/// // the standard module of S_100: degree 99, -1 ... on a transposition: 97
/// let cands = young_candidates(100, 1).unwrap();
/// let name = name_by_young(100, &cands, &99u32.into(), &mut |rho: &[u32]| {
///     Ok(Some(BigInt::from(if rho == [2] { 97 } else { 0 })))
/// })?;
/// assert_eq!(name.unwrap().to_string(), "[99,1]");
/// # Ok::<(), plrep::Error>(())
/// ```
pub fn name_by_young(
    n: u32,
    candidates: &[Partition],
    d: &BigUint,
    psi: &mut dyn FnMut(&[u32]) -> Result<Option<BigInt>>,
) -> Result<Option<Partition>> {
    let mut left: Vec<Partition> = candidates
        .iter()
        .filter(|l| l.size() == n && degree(l) == *d)
        .cloned()
        .collect();
    let supports = small_supports(n);
    let mut next = 0;
    while left.len() > 1 {
        // the first class (from `next` on) where the remaining candidates differ
        let mut found = None;
        while next < supports.len() {
            let rho = &supports[next];
            next += 1;
            let mut memo = Memo::new();
            let values: Vec<BigInt> = left
                .iter()
                .map(|l| value_small_support(l, rho, &mut memo))
                .collect();
            if values.iter().any(|v| *v != values[0]) {
                found = Some((rho.clone(), values));
                break;
            }
        }
        let Some((rho, values)) = found else {
            return Ok(None);
        };
        let Some(v) = psi(&rho)? else {
            return Ok(None);
        };
        left = left
            .into_iter()
            .zip(values)
            .filter(|(_, w)| *w == v)
            .map(|(l, _)| l)
            .collect();
    }
    Ok(left.pop())
}
