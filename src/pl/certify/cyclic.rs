//! The checker of the module-free cyclic route (theory.md §22), written apart from its search (`pl/cyclic_graph.rs`): it reads the claim [`CyclicVerdicts`] (the edges of
//! every source with the residue map and residue of each) and re-derives every verdict
//! of the regular module of `C_n` from `n` and the activation alone.
//!
//! * The residue maps: each `(s, p, rho)` has `s < 4n`, `p` prime with `4n < p < 2^62`,
//!   `rho` of order exactly `4n` modulo `p`, and the slopes `sigma(1)`, `-sigma(-1)` of a
//!   positively homogeneous activation without bias have denominators prime to `p`.
//! * Edges `L_k -> L_j`: with `d = gcd(k, n)`, `k = d k'`, and `u` a unit modulo `n` with
//!   `u k' = 1 (mod n/d)`, the substitution `a = u b` (a permutation of `Z/n`) gives
//!   `k a = d b (mod n)`, so `hat v_k(j) = hat v_d(j u mod n)`: the checker sums
//!   `hat v_d(m) = sum_{b < n} F(d b mod n) rho^(-4 m b)` over all `n` terms, once per
//!   divisor `d`, map and needed `m`, and compares with the recorded residue, which must
//!   be nonzero. The first edge of every source is also summed from the definition,
//!   `sum_{a < n} sigma(cos(2 pi (4 k a + s)/4n)) rho^(-4 j a)`, without the
//!   substitution. Signs of the cosines are decided on integers (`t` against `n`, `3n`).
//! * Non-edges: every other pair `(k, j)`; the activation must allow the even
//!   conclusion (`certify/rules.rs`: `F(w) = P_{L_j} e(w)` with `e(w)` in `T(V_{L_k})`),
//!   and with `c = n/gcd(2k, n)` the element `g^c` of `ker^± L_k` (`E(n)^(kc) = ±1`, so
//!   every `w` of `V_{L_k}` has `w(x^(g^c)) = ±w(x)` and `e(w)` is `g^c`-invariant) is not
//!   in `ker L_j` (`jc != 0 mod n`): a `g^c`-invariant vector has no component on
//!   `L_j`.
//! * Vertices: `dim L_k` is 1 for `k = 0, n/2` and 2 otherwise, and `|ker L_k|` is the
//!   number of `a < n` with `k a = 0 (mod n)`, counted.
//!
//! Cost: `O(n sigma(n))` products per residue map used (`sigma` the divisor sum),
//! `O(n)` per source, `O(1)` per pair.

use super::super::activation::Activation;
use super::super::cyclic_graph::CyclicVerdicts;
use super::residue::{mulmod, powmod, rational_mod, root_of_order};
use super::rules::allowed;
use crate::arith::ntheory::{gcd, inv_mod};
use crate::arith::Q;
use crate::error::{Error, Result};
use std::collections::HashMap;

/// What [`check_cyclic`] re-derived.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CyclicReport {
    /// Edges whose residue was recomputed.
    pub edges: usize,
    /// Edges also summed from the definition (the first of each source).
    pub direct: usize,
    /// Non-edges whose kernel obstruction was re-derived.
    pub non_edges: usize,
}

/// The verdicts of the module-free cyclic route after [`check_cyclic`] accepted them:
/// the only way to obtain one, so a certified graph cannot be written unchecked.
#[derive(Clone, Debug)]
pub struct CertifiedCyclic {
    verdicts: CyclicVerdicts,
    kernels: Vec<u64>,
    report: CyclicReport,
}

impl CertifiedCyclic {
    /// The checked verdicts.
    pub fn verdicts(&self) -> &CyclicVerdicts {
        &self.verdicts
    }

    /// What was checked.
    pub fn report(&self) -> &CyclicReport {
        &self.report
    }

    /// `(dim, real, |ker|)` of `L_k` as the checker derived them.
    pub fn vertex(&self, k: usize) -> (u64, bool, u64) {
        let n = self.verdicts.n;
        let real = k == 0 || 2 * k as u64 == n;
        (if real { 1 } else { 2 }, real, self.kernels[k])
    }

    /// The subgroup of the kernel obstruction of the non-edge `L_k -> L_j`: the
    /// exponent `c = n/gcd(2k, n)` of the generator `g^c` of `ker^± L_k`, and its order
    /// `gcd(2k, n)`.
    pub fn obstruction(&self, k: u64) -> (u64, u64) {
        let e = gcd(2 * k, self.verdicts.n);
        (self.verdicts.n / e, e)
    }
}

/// One residue map with the values `F(b) = sigma(cos(2 pi (4 b + s)/4n))` in `F_p`.
struct Map {
    p: u64,
    /// `rho^e`, `0 <= e < 4n`.
    powers: Vec<u64>,
    /// `F(b)`, `0 <= b < n`.
    f: Vec<u64>,
}

impl Map {
    fn new(
        n: u64,
        (s, p, rho): (u64, u64, u64),
        slopes: (&Q, &Q),
    ) -> std::result::Result<Map, String> {
        let period = 4 * n;
        if s >= period || !root_of_order(p, rho, period) {
            return Err(format!(
                "({s}, {p}, {rho}) is not a phase below 4n with a prime and a root of order {period}"
            ));
        }
        let (Some(up), Some(down)) = (rational_mod(slopes.0, p), rational_mod(slopes.1, p)) else {
            return Err(format!("the slopes have a denominator divisible by {p}"));
        };
        let mut powers = Vec::with_capacity(period as usize);
        let mut x = 1u64;
        for _ in 0..period {
            powers.push(x);
            x = mulmod(x, rho, p);
        }
        let half = powmod(2, p - 2, p);
        let value = |t: u64| {
            let t = t % period;
            let u = t.min(period - t);
            let slope = match u.cmp(&n) {
                std::cmp::Ordering::Less => up,
                std::cmp::Ordering::Equal => 0,
                std::cmp::Ordering::Greater => down,
            };
            let c = (powers[t as usize] + powers[((period - t) % period) as usize]) % p;
            mulmod(slope, mulmod(c, half, p), p)
        };
        let f = (0..n).map(|b| value(4 * b + s)).collect();
        Ok(Map { p, powers, f })
    }

    /// `sum_{b < n} f(b) rho^(-4 m b)` for a sequence `f` of length `n`.
    fn transform(&self, n: u64, f: impl Iterator<Item = u64>, m: u64) -> u64 {
        let period = 4 * n;
        let step = (period - (4 * (m % n)) % period) % period;
        let (mut e, mut acc) = (0u64, 0u64);
        for v in f {
            acc = (acc + mulmod(v, self.powers[e as usize], self.p)) % self.p;
            e = (e + step) % period;
        }
        acc
    }
}

/// Check every verdict of `claim`, the module-free cyclic route's answer on the regular
/// module of `C_n` under `activation` without bias (`bias` must be `None`), and return
/// the certified verdicts; an error names the first claim that fails.
///
/// Errors: verification (the verdicts are withheld).
///
/// Complexity: see the module documentation; memory `O(sigma(n))` per residue map.
pub fn check_cyclic(
    claim: CyclicVerdicts,
    activation: &Activation,
    bias: Option<&Q>,
) -> Result<CertifiedCyclic> {
    let fail = |what: String| Error::verification(format!("the cyclic route on C_n: {what}"));
    let n = claim.n;
    let half = n / 2;
    let simples = half as usize + 1;
    if n == 0 || claim.targets.len() != simples || claim.residues.len() != simples {
        return Err(fail(format!("{simples} sources expected")));
    }
    if bias.is_some() || !activation.is_homogeneous() {
        return Err(fail(
            "a residue needs a positively homogeneous activation without bias".into(),
        ));
    }
    let up = activation.eval_q(&Q::one());
    let down = -activation.eval_q(&-Q::one());
    let mut maps = Vec::with_capacity(claim.tries.len());
    for &t in &claim.tries {
        maps.push(Map::new(n, t, (&up, &down)).map_err(fail)?);
    }
    let even = [false, true].map(|same| allowed(activation, None, same).even);
    let mut report = CyclicReport::default();
    // hat v_d(m) per (map, d): m / d -> value, computed when first needed.
    let mut sums: HashMap<(usize, u64), Vec<Option<u64>>> = HashMap::new();
    let mut kernels = Vec::with_capacity(simples);
    for k in 0..=half {
        let (targets, residues) = (&claim.targets[k as usize], &claim.residues[k as usize]);
        if targets.len() != residues.len() || targets.windows(2).any(|w| w[0] >= w[1]) {
            return Err(fail(format!(
                "the targets of L{k} are not one ascending list"
            )));
        }
        kernels.push((0..n).filter(|a| k * a % n == 0).count() as u64);
        let d = gcd(k, n);
        let np = n / d;
        let Some(inv) = inv_mod(k / d, np) else {
            return Err(fail(format!("{} is not a unit modulo {np}", k / d)));
        };
        // Lift inv to a unit modulo n (CRT: some inv + t n/d with t < d is one).
        let Some(u) = (0..d).map(|t| inv + t * np).find(|&u| gcd(u, n) == 1) else {
            return Err(fail(format!("no unit lifts {inv} modulo {n}")));
        };
        let (c, ker_pm) = (n / gcd(2 * k, n), gcd(2 * k, n));
        let mut next = 0usize;
        for j in 0..=half {
            if targets.get(next) == Some(&(j as u32)) {
                let (map, r) = residues[next];
                next += 1;
                let Some(m) = maps.get(map as usize) else {
                    return Err(fail(format!("L{k} -> L{j} names no residue map")));
                };
                if j % d != 0 {
                    return Err(fail(format!("L{k} -> L{j} has j outside gcd(k, n) Z")));
                }
                let mm = j * u % n;
                let table = sums
                    .entry((map as usize, d))
                    .or_insert_with(|| vec![None; np as usize]);
                let value = *table[(mm / d) as usize].get_or_insert_with(|| {
                    m.transform(n, (0..n).map(|b| m.f[(d * b % n) as usize]), mm)
                });
                if value == 0 || value != r {
                    return Err(fail(format!(
                        "L{k} -> L{j}: recomputed residue {value} differs from the recorded {r} or is zero"
                    )));
                }
                if next == 1 {
                    let direct = m.transform(n, (0..n).map(|a| m.f[(k * a % n) as usize]), j);
                    if direct != r {
                        return Err(fail(format!(
                            "L{k} -> L{j}: the residue summed from the definition is {direct}, not {r}"
                        )));
                    }
                    report.direct += 1;
                }
                report.edges += 1;
            } else {
                // The kernel obstruction: g^c in ker^± L_k and not in ker L_j.
                if !even[(j == k) as usize] || (2 * k * c) % n != 0 || (j * c) % n == 0 {
                    return Err(fail(format!(
                        "L{k} -> L{j} is neither a residue edge nor refuted by ker^± L{k} (order {ker_pm})"
                    )));
                }
                report.non_edges += 1;
            }
        }
        if next != targets.len() {
            return Err(fail(format!("L{k} has a target above n/2")));
        }
    }
    Ok(CertifiedCyclic {
        verdicts: claim,
        kernels,
        report,
    })
}

/// The bytes [`check_cyclic`] allocates at most for order `n` and `maps` residue maps:
/// per map the powers of the root and the values `F` (`40 n`) and the sums
/// (`16 sigma(n)`, `sigma` the divisor sum), and the kernel orders (`8 n`).
pub fn check_cyclic_bytes(n: u64, maps: usize) -> u128 {
    let sigma: u128 = (1..=n)
        .take_while(|d| d * d <= n)
        .filter(|d| n % d == 0)
        .map(|d| d as u128 + if d * d != n { (n / d) as u128 } else { 0 })
        .sum();
    maps as u128 * (40 * n as u128 + 16 * sigma) + 8 * n as u128
}
