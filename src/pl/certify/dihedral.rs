//! The checker of the dihedral route (theory.md §20, §23), written apart from
//! `pl/dihedral_graph.rs` and the cyclic route: it reads the claim [`DihedralVerdicts`]
//! (elements `r`, `t`, the shape of every simple, the edges) and re-derives every edge
//! and every non-edge from the group's elements and the real characters.
//!
//! 1. `|G| = 2n`, `n >= 3`, `r` of order `n` (its powers), `t^-1 r t = r^-1`, and the
//!    `2n` elements `r^a`, `t r^a` are distinct (so `G = <r> ∪ t<r>`).
//! 2. Each simple's shape from its character at `r` and `t`, in canonical cyclotomic
//!    arithmetic: `psi(r) = E(n)^k + E(n)^-k` (twice that for quaternionic type,
//!    `0 < k < n/2`), or `psi = ±1` at `r` and `t` (dimension 1), or `psi(r) = ±2`,
//!    `psi(t) = 0` (complex type of dimension 2).
//! 3. A source `rho_k`: its self-loop is an edge when `a = (c_+ + c_-)/2 != 0`
//!    (`sigma(w) - sigma(-w) = 2 a w`); `z = r^(n/gcd(2k, n))` must act by `±1`
//!    (`psi(z) = ±dim`); any other target
//!    whose character at `z` is not its dimension is a non-edge (rule (a)); every other
//!    target must be a claimed edge, and the checker's own residue
//!    `sum_a sigma(cos(2 pi (4 k a + s)/4n)) rho^(-4 j a)` modulo its own prime `p`
//!    (`rho` of order exactly `4n`) must be nonzero for some phase `s` in `1, 3, 2, 5` and
//!    one of two primes, `j` the target's frequency on `R` (`0` or `n/2` for a linear
//!    target with `r -> ±1`).
//! 4. A linear source: `sigma` of the vectors `±psi/2` and `±psi(. t^-1)/2` of its
//!    isotypic part (`±psi` in dimension 1), point by point; each image must be fixed by
//!    `r^2` (no rotation target: `r^2` fixes no nonzero vector of `rho_j`, `2j != 0 mod n`),
//!    and its coset sums against each linear target decide that target exactly; the set
//!    must equal the claim.

use super::super::dihedral_graph::{DihedralVerdicts, Shape};
use super::super::projector::GroupData;
use super::super::solver::SolverOptions;
use super::residue::rational_mod;
use crate::arith::ntheory::{gcd, is_prime, pow_mod, prime_factors};
use crate::arith::{Cyclotomic, Q};
use crate::character::real::SimpleType;
use crate::error::{Error, Result};

/// The phases tried, in order.
const PHASES: [u64; 4] = [1, 3, 2, 5];

/// Two primes `p = 1 mod period` above `2^30` with a root of order exactly `period`.
fn two_primes(period: u64) -> Vec<(u64, u64)> {
    let qs = prime_factors(period);
    let mut out = Vec::new();
    let mut p = ((1u64 << 30) / period + 1) * period + 1;
    while out.len() < 2 {
        if is_prime(p) {
            let root = (2..p)
                .map(|h| pow_mod(h, (p - 1) / period, p))
                .find(|&x| qs.iter().all(|&q| pow_mod(x, period / q, p) != 1));
            if let Some(root) = root {
                out.push((p, root));
            }
        }
        p += period;
    }
    out
}

/// A failure of the checker.
fn fail(what: String) -> Error {
    Error::verification(format!("dihedral route: {what}"))
}

/// One prime's data: `p`, the powers of the root (`4n` of them), `c_+`, `c_-`, `1/2`.
struct Ring {
    p: u64,
    powers: Vec<u64>,
    coef: (u64, u64, u64),
}

/// Check every verdict of `v` on the regular module of `data`'s group under `options`.
///
/// Complexity: `O(n)` group products, `O(#simples)` cyclotomic comparisons for the shapes
/// and one per pair for the kernels, `O(n)` per edge from a rotation simple, `O(n)` per
/// linear simple; memory `O(n)` per phase and prime.
///
/// Errors: a verification error naming the first claim that does not hold.
pub fn check_dihedral(
    data: &GroupData,
    v: &DihedralVerdicts,
    options: &SolverOptions,
) -> Result<()> {
    let act = &options.activation;
    if options.bias.is_some() || act.homogeneous_parts().is_none() {
        return Err(fail(
            "the activation is not positively homogeneous without bias".into(),
        ));
    }
    let cp = act.eval_q(&Q::one());
    let cm = -act.eval_q(&Q::from_int(-1));
    let linear_part = !(&cp + &cm).is_zero();
    let e = &data.elements;
    let n = v.n;
    if e.len() as u64 != 2 * n || n < 3 || v.r >= e.len() || v.t >= e.len() {
        return Err(fail("the group is not of order 2n with n >= 3".into()));
    }
    // 1. The powers of r, the coset t<r>, and the inversion.
    let one = e.mul(v.r, e.inv(v.r));
    let mut pr = Vec::with_capacity(n as usize);
    let mut x = one;
    for _ in 0..n {
        pr.push(x);
        x = e.mul(x, v.r);
    }
    if x != one || pr[1..].contains(&one) {
        return Err(fail(format!("r does not have order {n}")));
    }
    if e.mul(e.mul(e.inv(v.t), v.r), v.t) != e.inv(v.r) {
        return Err(fail("t does not invert r".into()));
    }
    let tr: Vec<usize> = pr.iter().map(|&y| e.mul(v.t, y)).collect();
    let mut seen = vec![false; e.len()];
    for &y in pr.iter().chain(&tr) {
        if std::mem::replace(&mut seen[y], true) {
            return Err(fail("<r> and t<r> overlap".into()));
        }
    }
    // 2. The shapes.
    let simples = &data.simples.simples;
    if v.shapes.len() != simples.len() || v.targets.len() != simples.len() {
        return Err(fail("one shape and one target list per simple".into()));
    }
    let class = |y: usize| data.classes.class_of[y] as usize;
    let (cr, ct) = (class(v.r), class(v.t));
    let int = Cyclotomic::from_int;
    for (l, (s, shape)) in simples.iter().zip(&v.shapes).enumerate() {
        let ok = match *shape {
            Shape::Linear { eps, tau } => {
                s.dim == 1 && s.values[cr] == int(eps as i64) && s.values[ct] == int(tau as i64)
            }
            Shape::LinearPair { eps } => {
                s.dim == 2
                    && s.kind == SimpleType::Complex
                    && s.values[cr] == int(2 * eps as i64)
                    && s.values[ct].is_zero()
            }
            Shape::Rotation { k } => {
                let c = match (s.dim, s.kind) {
                    (2, SimpleType::Real) => 1,
                    (4, SimpleType::Quaternionic) => 2,
                    _ => 0,
                };
                let z = &Cyclotomic::root_of_unity(n, k as i64)
                    + &Cyclotomic::root_of_unity(n, -(k as i64));
                c > 0 && k > 0 && 2 * k < n && s.values[cr] == z.scale(&Q::from_int(c))
            }
        };
        if !ok {
            return Err(fail(format!("{} is not of the claimed shape", s.label)));
        }
        if v.targets[l].windows(2).any(|w| w[0] >= w[1])
            || v.targets[l].iter().any(|&b| b as usize >= simples.len())
        {
            return Err(fail(format!(
                "the targets of {} are not ascending",
                s.label
            )));
        }
    }
    let freq: Vec<u64> = v
        .shapes
        .iter()
        .map(|s| match *s {
            Shape::Rotation { k } => k,
            Shape::Linear { eps, .. } | Shape::LinearPair { eps } => {
                if eps == 1 {
                    0
                } else {
                    n / 2
                }
            }
        })
        .collect();
    let dims: Vec<Cyclotomic> = simples.iter().map(|s| int(s.dim as i64)).collect();
    let period = 4 * n;
    let rings: Vec<Ring> = two_primes(period)
        .into_iter()
        .filter_map(|(p, root)| {
            let mut powers = Vec::with_capacity(period as usize);
            let mut y = 1u64;
            for _ in 0..period {
                powers.push(y);
                y = ((y as u128 * root as u128) % p as u128) as u64;
            }
            Some(Ring {
                p,
                powers,
                coef: (
                    rational_mod(&cp, p)?,
                    rational_mod(&cm, p)?,
                    pow_mod(2, p - 2, p),
                ),
            })
        })
        .collect();
    for (l, shape) in v.shapes.iter().enumerate() {
        let claimed = &v.targets[l];
        match *shape {
            Shape::Rotation { k } => {
                // 3. Rule (a) at z = r^(n / gcd(2k, n)), then the residues.
                let cz = class(pr[((n / gcd(2 * k, n)) % n) as usize]);
                let dim = dims[l].clone();
                if simples[l].values[cz] != dim && simples[l].values[cz] != -dim {
                    return Err(fail(format!(
                        "{}: r^(n/gcd(2k,n)) is not ±1",
                        simples[l].label
                    )));
                }
                let mut is_claimed = vec![false; simples.len()];
                for &b in claimed {
                    is_claimed[b as usize] = true;
                }
                let mut sums: Vec<Option<Vec<u64>>> = vec![None; PHASES.len() * rings.len()];
                for (b, target) in simples.iter().enumerate() {
                    let edge = is_claimed[b];
                    if b == l && linear_part {
                        // sigma(w) - sigma(-w) = 2 a w: the self-loop (theory.md §7).
                        if !edge {
                            return Err(fail(format!("{} -> itself is an edge", target.label)));
                        }
                        continue;
                    }
                    if target.values[cz] != dims[b] {
                        if edge {
                            return Err(fail(format!(
                                "{} -> {} violates rule (a)",
                                simples[l].label, target.label
                            )));
                        }
                        continue;
                    }
                    if !edge {
                        return Err(fail(format!(
                            "{} -> {} is claimed a non-edge without a reason",
                            simples[l].label, target.label
                        )));
                    }
                    let mut nonzero = false;
                    'tries: for (pi, &s) in PHASES.iter().enumerate() {
                        for (ri, ring) in rings.iter().enumerate() {
                            let slot = &mut sums[pi * rings.len() + ri];
                            let f = slot.get_or_insert_with(|| witness_image(ring, n, k, s));
                            if residue_sum(ring, f, n, freq[b]) != 0 {
                                nonzero = true;
                                break 'tries;
                            }
                        }
                    }
                    if !nonzero {
                        return Err(fail(format!(
                            "no nonzero residue for {} -> {}",
                            simples[l].label, target.label
                        )));
                    }
                }
            }
            Shape::Linear { .. } | Shape::LinearPair { .. } => {
                let mine = linear_targets(data, v, l, &pr, &tr, (&cp, &cm))?;
                if &mine != claimed {
                    return Err(fail(format!(
                        "the targets of {} are not those of its witnesses",
                        simples[l].label
                    )));
                }
            }
        }
    }
    Ok(())
}

/// `sigma(cos(2 pi (4 k a + s)/4n))` modulo `p` for `0 <= a < n`: the sign of the cosine
/// from the integer `u = 4 k a + s mod 4n` (positive iff `u < n` or `u > 3n`).
fn witness_image(ring: &Ring, n: u64, k: u64, s: u64) -> Vec<u64> {
    let (p, period) = (ring.p as u128, 4 * n);
    (0..n)
        .map(|a| {
            let u = ((4 * k % period) * a + s) % period;
            let coef = if u == n || u == 3 * n {
                0
            } else if u > n && u < 3 * n {
                ring.coef.1
            } else {
                ring.coef.0
            };
            let c = (ring.powers[u as usize] as u128
                + ring.powers[((period - u) % period) as usize] as u128)
                % p
                * ring.coef.2 as u128
                % p;
            (c * coef as u128 % p) as u64
        })
        .collect()
}

/// `sum_a f(a) rho^(-4 j a) mod p`.
fn residue_sum(ring: &Ring, f: &[u64], n: u64, j: u64) -> u64 {
    let period = 4 * n;
    let step = (period - (4 * j) % period) % period;
    let mut idx = 0u64;
    let mut acc = 0u128;
    for &fa in f {
        acc += fa as u128 * ring.powers[idx as usize] as u128;
        idx += step;
        if idx >= period {
            idx -= period;
        }
    }
    (acc % ring.p as u128) as u64
}

/// The targets of the linear simple `l`, from `sigma` of its witnesses on the elements
/// (`r^a` in `pr`, `t r^a` in `tr`).
fn linear_targets(
    data: &GroupData,
    v: &DihedralVerdicts,
    l: usize,
    pr: &[usize],
    tr: &[usize],
    (cp, cm): (&Q, &Q),
) -> Result<Vec<u32>> {
    let e = &data.elements;
    let simples = &data.simples.simples;
    let s = &simples[l];
    let class = |y: usize| data.classes.class_of[y] as usize;
    let scale = s.dim as i64;
    // The value of psi/scale at an element: ±1 or 0.
    let unit = |y: usize| -> Result<i64> {
        let val = &s.values[class(y)];
        if val.is_zero() {
            Ok(0)
        } else if *val == Cyclotomic::from_int(scale) {
            Ok(1)
        } else if *val == Cyclotomic::from_int(-scale) {
            Ok(-1)
        } else {
            Err(fail(format!(
                "{} is not a sum of linear characters",
                s.label
            )))
        }
    };
    let all: Vec<usize> = pr.iter().chain(tr).copied().collect();
    let mut base: Vec<Vec<i64>> = vec![all.iter().map(|&y| unit(y)).collect::<Result<_>>()?];
    if s.dim == 2 {
        let tinv = e.inv(v.t);
        let w2: Vec<i64> = all
            .iter()
            .map(|&y| unit(e.mul(y, tinv)))
            .collect::<Result<_>>()?;
        // w1 lives on <r>, w2 on t<r>.
        let n = pr.len();
        if base[0][n..].iter().any(|&x| x != 0) || w2[..n].iter().any(|&x| x != 0) {
            return Err(fail(format!(
                "{}: witnesses not on one coset each",
                s.label
            )));
        }
        base.push(w2);
    }
    let index_of: std::collections::HashMap<usize, usize> =
        all.iter().enumerate().map(|(i, &y)| (y, i)).collect();
    let r2: Vec<usize> = all.iter().map(|&y| index_of[&e.mul(y, pr[2])]).collect();
    let sigma = |x: i64| match x {
        1 => cp.clone(),
        -1 => -cm.clone(),
        _ => Q::zero(),
    };
    let n = pr.len();
    let mut out = Vec::new();
    let mut reached = vec![false; simples.len()];
    for w in &base {
        for sign in [1i64, -1] {
            let img: Vec<Q> = w.iter().map(|&x| sigma(sign * x)).collect();
            if (0..all.len()).any(|i| img[r2[i]] != img[i]) {
                return Err(fail(format!("{}: an image not fixed by r^2", s.label)));
            }
            for (b, shape) in v.shapes.iter().enumerate() {
                let (eps, tau) = match *shape {
                    Shape::Linear { eps, tau } => (eps as i64, Some(tau as i64)),
                    Shape::LinearPair { eps } => (eps as i64, None),
                    Shape::Rotation { .. } => continue,
                };
                let (mut a, mut bsum) = (Q::zero(), Q::zero());
                let mut pw = 1i64;
                for i in 0..n {
                    let f = Q::from_int(pw);
                    a = &a + &(&img[i] * &f);
                    bsum = &bsum + &(&img[n + i] * &f);
                    pw *= eps;
                }
                let hit = match tau {
                    Some(tau) => !(&a + &(&bsum * &Q::from_int(tau))).is_zero(),
                    None => !a.is_zero() || !bsum.is_zero(),
                };
                reached[b] |= hit;
            }
        }
    }
    for (b, &hit) in reached.iter().enumerate() {
        if hit {
            out.push(b as u32);
        }
    }
    Ok(out)
}
