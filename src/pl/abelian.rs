//! The cyclic route: the regular module of a cyclic group decided by Fourier residues
//! (theory.md §18).
//!
//! For `G = <g>` of order `n` acting regularly on `X` (the point `x = 0^(g^a)` has
//! exponent `a(x)`), the real simples are `L_k` (`0 <= k <= n/2`) with
//! `psi_k(g) = E(n)^k + E(n)^-k` (or `E(n)^k` when `L_k` is one-dimensional). For a
//! positively homogeneous activation (`sigma(t) = c_+ t` for `t > 0`, `c_- t` for
//! `t < 0`) without bias:
//!
//! * non-edges are exactly the pairs failing rule (a) (`gcd(2k, n) | j`; T4 and rule (a)
//!   coincide on the regular module), certified by the block space of `V_{L_k}`, whose
//!   classes are the cosets of `ker^± L_k`, built here in `O(|X|)` per source;
//! * an edge `L_k -> L_j` is certified by `w(x) = cos(2 pi (4 k a(x) + s) / 4n)` in
//!   `V_{L_k}` and a nonzero image of the Fourier coefficient
//!   `hat v(j) = sum_x sigma(w)(x) E(n)^(-j a(x))` under a ring map `Z[E(4n)] -> F_p`
//!   (`p = 1 mod 4n` prime, `E(4n) -> rho` of order `4n`): a nonzero residue proves
//!   `hat v(j) != 0`, hence `P_{L_j} sigma(w) != 0`;
//! * all residues of one source come from one table per divisor `d = gcd(k, n)`
//!   (`hat v(d j') = d H_d(j' k'^-1 mod n/d)`, a DFT of length `n/d`), so a whole graph
//!   costs `O(n^2)` residue operations per phase and prime;
//! * a pair whose residues all vanish (for every phase and prime tried) goes to the
//!   exact solver ([`super::solver::solve_from`]): nothing is guessed.
//!
//! The certificates are re-derived by `pl/certify/residue.rs`, which shares no code with
//! this file.

use super::activation::Activation;
use super::blocks::BlockKind;
use super::projector::PlModule;
use super::reason::Reason;
use super::sign_rule::{sign_rule, SignRule};
use super::solver::{Obstruction, PairResult, ReasonKind, Solution, SolverOptions, Verdict};
use super::witness::FourierWitness;
use crate::arith::ntheory::{gcd, is_prime, mul_mod as mul, pow_mod as pow, prime_factors};
use crate::arith::zumbroich::inv_mod as inverse;
use crate::arith::{Cyclotomic, Q};
use crate::error::Result;
use crate::group::gset::ActionSpec;
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::sync::Arc;

/// The smallest order for which [`super::solve`] takes the cyclic route: every group the
/// snapshots, the reference survey and the gallery show is smaller, so their bytes come
/// from the exact witnesses of theory.md §7 as before.
pub const ROUTE_MIN_ORDER: usize = 300;

/// Phases `s` tried (the witness `cos(2 pi (4 k a + s) / 4n)`), in order.
pub(super) const PHASES: [u64; 4] = [1, 3, 2, 5];

/// How many primes are tried per phase.
pub(super) const PRIMES: usize = 2;

/// The cyclic structure of a regular module found by the solver (a guide for the route;
/// the checker re-derives what it needs).
struct Cyclic {
    n: u64,
    generator: usize,
    /// Exponent `a(x)` of every point.
    exponent: Vec<u64>,
    /// Exponent of the element of every class (abelian: one element per class).
    class_exponent: Vec<u64>,
    /// Frequency `k` of every simple.
    frequency: Vec<u64>,
}

/// The first `count` primes `p = 1 mod period` above `2^30`, each with an element of
/// order exactly `period`.
pub(super) fn primes_with_roots(period: u64, count: usize) -> Vec<(u64, u64)> {
    let factors = prime_factors(period);
    let mut out = Vec::new();
    let mut p = (1u64 << 30) / period * period + 1;
    while out.len() < count {
        p += period;
        if !is_prime(p) {
            continue;
        }
        for h in 2..p {
            let rho = pow(h, (p - 1) / period, p);
            if factors.iter().all(|&q| pow(rho, period / q, p) != 1) {
                out.push((p, rho));
                break;
            }
        }
    }
    out
}

pub(super) fn q_mod(q: &Q, p: u64) -> Option<u64> {
    let pb = BigInt::from(p);
    let num = (q.numer() % &pb + &pb) % &pb;
    let den = (q.denom() % &pb + &pb) % &pb;
    let (num, den) = (num.to_u64()?, den.to_u64()?);
    (den != 0).then(|| mul(num, inverse(den, p), p))
}

/// `(c_+, c_-) = (sigma(1), -sigma(-1))` of a positively homogeneous non-linear
/// activation, from [`Activation::slopes`] (`None` for a linear one).
pub(super) fn slopes(act: &Activation) -> Option<(Q, Q)> {
    let (plus, minus) = act.slopes()?;
    let minus = -minus;
    (plus != minus).then_some((plus, minus))
}

/// The bytes [`solve_cyclic`] keeps for `module` with `n = |X|` points: per ordered
/// pair of present simples one [`PairResult`] and a non-edge's explanation (at most 192
/// bytes: the class is named by its index, not written out on `X`), per source its block
/// classes (`16 n`) and the working tables (`8 n` per divisor table, phase and prime).
/// The exact fallback's field vectors are reserved by [`PlModule::new`].
pub fn answer_bytes(module: &PlModule) -> u128 {
    let n = module.points() as u128;
    let pairs = (module.present.len() as u128).pow(2);
    let per_pair = std::mem::size_of::<PairResult>() as u128 + 192;
    pairs
        .saturating_mul(per_pair)
        .saturating_add((module.present.len() as u128).saturating_mul(16 * n))
        .saturating_add((PHASES.len() * PRIMES) as u128 * 64 * n)
}

/// Whether [`solve_cyclic`] applies: the regular module of a cyclic group, a positively
/// homogeneous non-linear activation without bias.
pub fn applies(module: &PlModule, options: &SolverOptions) -> bool {
    options.bias.is_none()
        && slopes(&options.activation).is_some()
        && *module.gset.action() == ActionSpec::Regular
        && module.points() == module.order()
        && module.classes.len() == module.order()
        && cyclic(module).is_some()
}

fn cyclic(module: &PlModule) -> Option<Cyclic> {
    let n = module.order();
    let g =
        (0..n).find(|&e| module.classes.orders[module.classes.class_of[e] as usize] == n as u64)?;
    let mut exponent = vec![u64::MAX; n];
    let mut x = 0usize;
    for a in 0..n {
        if exponent[x] != u64::MAX {
            return None;
        }
        exponent[x] = a as u64;
        x = module.image(g, x);
    }
    let mut class_exponent = vec![0u64; n];
    for e in 0..n {
        class_exponent[module.classes.class_of[e] as usize] = exponent[module.image(e, 0)];
    }
    let cg = module.classes.class_of[g] as usize;
    let nn = n as u64;
    let mut frequency = Vec::new();
    for s in &module.simples.simples {
        let k = frequency_at(&s.values[cg], s.dim, nn)?;
        frequency.push(k);
    }
    Some(Cyclic {
        n: nn,
        generator: g,
        exponent,
        class_exponent,
        frequency,
    })
}

/// `m` in `0..=e/2` with `psi(x0) = E(e)^m + E(e)^-m` (two-dimensional `psi`) or
/// `psi(x0) = E(e)^m` (one-dimensional), exactly; the float only guides the guess.
pub(super) fn frequency_at(value: &Cyclotomic, dim: u64, e: u64) -> Option<u64> {
    let guess = if dim == 1 {
        if value.is_one() {
            0
        } else {
            e / 2
        }
    } else {
        let c = (value.to_f64() / 2.0).clamp(-1.0, 1.0);
        (c.acos() * e as f64 / (2.0 * std::f64::consts::PI)).round() as u64
    };
    let exact = |m: u64| {
        let z = Cyclotomic::root_of_unity(e, m as i64);
        let expect = if dim == 1 {
            z
        } else {
            &z + &Cyclotomic::root_of_unity(e, -(m as i64))
        };
        *value == expect
    };
    [guess, guess + 1, guess.wrapping_sub(1)]
        .into_iter()
        .find(|&m| m <= e / 2 && exact(m))
}

/// The index in `tables` of the residue tables for `phase` and the prime `p` with root
/// `rho`, built on first use; `None` when the slopes `(c_+, c_-)` do not reduce modulo `p`.
pub(super) fn tables_for(
    tables: &mut Vec<Tables>,
    n: u64,
    phase: u64,
    (p, rho): (u64, u64),
    (cp, cm): (&Q, &Q),
) -> Option<usize> {
    if let Some(t) = tables.iter().position(|t| t.phase == phase && t.prime == p) {
        return Some(t);
    }
    let (a, b) = (q_mod(cp, p)?, q_mod(cm, p)?);
    tables.push(Tables::new(n, phase, p, rho, (a, b)));
    Some(tables.len() - 1)
}

/// The residue tables `d H_d(m)` of one phase and prime, per divisor `d` (computed when
/// first needed).
pub(super) struct Tables {
    pub(super) phase: u64,
    pub(super) prime: u64,
    pub(super) root: u64,
    /// `rho^e` for `0 <= e < 4n`.
    powers: Vec<u64>,
    /// `(c_+, c_-, 1/2)` modulo `p`.
    coef: (u64, u64, u64),
    by_divisor: Vec<Option<Vec<u64>>>,
}

impl Tables {
    pub(super) fn new(n: u64, phase: u64, prime: u64, root: u64, coef: (u64, u64)) -> Tables {
        let period = 4 * n;
        let mut powers = Vec::with_capacity(period as usize);
        let mut x = 1u64;
        for _ in 0..period {
            powers.push(x);
            x = mul(x, root, prime);
        }
        Tables {
            phase,
            prime,
            root,
            powers,
            coef: (coef.0, coef.1, inverse(2, prime)),
            by_divisor: vec![None; n as usize + 1],
        }
    }

    /// `d H_d(m)` for `m < n/d`: `H_d(m) = sum_u f(d u) rho^(-4 d m u)` with
    /// `f(b) = sigma(cos(2 pi (4 b + s)/4n))` mapped to `F_p`.
    pub(super) fn table(&mut self, n: u64, d: u64) -> &[u64] {
        if self.by_divisor[d as usize].is_none() {
            let (p, period) = (self.prime, 4 * n);
            let len = n / d;
            let f: Vec<u64> = (0..len)
                .map(|u| {
                    let t = (4 * d * u + self.phase) % period;
                    // cos(2 pi t / 4n) > 0 iff t < n or t > 3n; 0 iff t = n or t = 3n.
                    let c = if t == n || t == 3 * n {
                        0
                    } else if (n..3 * n).contains(&t) {
                        self.coef.1
                    } else {
                        self.coef.0
                    };
                    let cos = mul(
                        (self.powers[t as usize] + self.powers[((period - t) % period) as usize])
                            % p,
                        self.coef.2,
                        p,
                    );
                    mul(c, cos, p)
                })
                .collect();
            let out: Vec<u64> = (0..len)
                .map(|m| {
                    let step = (period - (4 * d * m) % period) % period;
                    let (mut e, mut acc) = (0u64, 0u64);
                    for &fu in &f {
                        acc = (acc + mul(fu, self.powers[e as usize], p)) % p;
                        e = (e + step) % period;
                    }
                    mul(acc, d % p, p)
                })
                .collect();
            self.by_divisor[d as usize] = Some(out);
        }
        self.by_divisor[d as usize].as_deref().unwrap()
    }
}

/// Solve the regular module of a cyclic group by Fourier residues (theory.md §18); the
/// same verdicts as [`super::solve`]'s exact path, edges certified by
/// [`FourierWitness`]es, non-edges by the same block-space obstructions, pairs no residue
/// decides by the exact path.
///
/// Errors: those of the exact path on undecided pairs; `None` is never returned for a
/// module where [`applies`] holds (else the module is refused as bad input).
///
/// Complexity: `O(|X|)` per source for the block classes, `O(n^2)` residue operations
/// per phase and prime tried for all tables, `O(1)` per pair; memory `O(|X|)` per source
/// plus the answer.
pub fn solve_cyclic(module: &PlModule, options: &SolverOptions) -> Result<Solution> {
    let Some(c) = cyclic(module) else {
        return Err(crate::error::Error::bad(
            "the cyclic route needs the regular module of a cyclic group",
            "use plrep::pl::solve",
        ));
    };
    let (cp, cm) = slopes(&options.activation).expect("checked by applies");
    let n = c.n;
    let vertices: Vec<usize> = module.present.iter().map(|p| p.0).collect();
    let primes = primes_with_roots(4 * n, PRIMES);
    let mut tables: Vec<Tables> = Vec::new();
    let mut pairs = Vec::with_capacity(vertices.len() * vertices.len());
    let simples = &module.simples.simples;
    for &l in &vertices {
        let k = c.frequency[l];
        // The block classes of V_{L_k}: points with the same 2 k a mod n, signs by k a.
        let mut class_of_key = vec![u32::MAX; n as usize];
        let mut classes: Vec<Vec<(usize, i8)>> = Vec::new();
        for x in 0..n as usize {
            let ka = (k * c.exponent[x]) % n;
            let key = (2 * ka) % n;
            let ci = class_of_key[key as usize];
            if ci == u32::MAX {
                class_of_key[key as usize] = classes.len() as u32;
                classes.push(vec![(x, 1)]);
            } else {
                let first = classes[ci as usize][0].0;
                let s = if (k * c.exponent[first]) % n == ka {
                    1
                } else {
                    -1
                };
                classes[ci as usize].push((x, s));
            }
        }
        let classes = Arc::new(classes);
        let zero_set = Arc::new(Vec::new());
        let pm_classes: Vec<usize> = (0..c.class_exponent.len())
            .filter(|&cl| (2 * k * c.class_exponent[cl]) % n == 0)
            .collect();
        let d = gcd(k, n);
        let (kp, np) = (k / d, n / d);
        let kinv = if np == 1 { 0 } else { inverse(kp, np) };
        let mut undecided = Vec::new();
        let start = pairs.len();
        for &l2 in &vertices {
            let j = c.frequency[l2];
            let same = l == l2;
            let rule_a = j % gcd(2 * k, n) == 0;
            let kernel_rule = j % d == 0;
            let kind = super::solver::block_kind(options, same);
            let mut result = PairResult {
                from: l,
                to: l2,
                verdict: Verdict::Unresolved {
                    reason: super::solver::UnresolvedReason::NoWitnessFound,
                    tried: String::new(),
                    potential_counterexample: false,
                },
                rule_a,
                kernel_rule,
                explanation: None,
                reason_kind: None,
                reason: None,
            };
            if kind == Some(BlockKind::Abs) && !rule_a {
                result.verdict = Verdict::NonEdge(Obstruction::Blocks {
                    kind: BlockKind::Abs,
                    zero_set: zero_set.clone(),
                    classes: classes.clone(),
                });
                if sign_rule(&options.activation, None, same) == SignRule::Even {
                    if let Some(&cl) = pm_classes
                        .iter()
                        .find(|&&cl| (j * c.class_exponent[cl]) % n != 0)
                    {
                        let (a, b) = (&simples[l].label, &simples[l2].label);
                        result.reason = Some(Reason::Kernel {
                            class: cl,
                            plus_minus: true,
                        });
                        result.reason_kind = Some(ReasonKind::Kernel);
                        result.explanation = Some(format!(
                            "the element of class {cl} (g^{}) lies in ker^± {a} but not in ker {b}: F(w) is fixed by the normal subgroup ker^± {a}, which has no nonzero fixed vectors in {b}",
                            c.class_exponent[cl]
                        ));
                    }
                }
                pairs.push(result);
                continue;
            }
            if (kind.is_some() && kind != Some(BlockKind::Abs)) || j % d != 0 {
                undecided.push(pairs.len());
                pairs.push(result);
                continue;
            }
            let m = ((j / d) % np * kinv) % np;
            let mut found = None;
            'tries: for &phase in &PHASES {
                for pi in 0..PRIMES {
                    let Some(t) = tables_for(&mut tables, n, phase, primes[pi], (&cp, &cm)) else {
                        continue;
                    };
                    let r = tables[t].table(n, d)[m as usize];
                    if r != 0 {
                        found = Some(FourierWitness {
                            generator: c.generator,
                            source_frequency: k,
                            target_frequency: j,
                            phase,
                            period: 4 * n,
                            prime: tables[t].prime,
                            root: tables[t].root,
                            residue: r,
                        });
                        break 'tries;
                    }
                }
            }
            match found {
                Some(w) => result.verdict = Verdict::FourierEdge(w),
                None => undecided.push(pairs.len()),
            }
            pairs.push(result);
        }
        if !undecided.is_empty() {
            let targets: Vec<usize> = undecided.iter().map(|&i| pairs[i].to).collect();
            let exact = super::solver::solve_from(module, options, l, &targets)?;
            for (i, r) in undecided.into_iter().zip(exact) {
                pairs[i] = r;
            }
        }
        debug_assert_eq!(pairs.len() - start, vertices.len());
    }
    Ok(Solution {
        options: options.clone(),
        vertices,
        pairs,
        symmetry: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn primes_and_roots() {
        assert!(is_prime(1_000_000_007) && !is_prime(1_000_000_007 * 3));
        for n in [1u64, 2, 7, 12, 250, 4096] {
            for (p, rho) in primes_with_roots(4 * n, 2) {
                assert!(is_prime(p) && p % (4 * n) == 1);
                assert_eq!(pow(rho, 4 * n, p), 1);
                assert!((1..4 * n).all(|e| (4 * n) % e != 0 || pow(rho, e, p) != 1));
            }
        }
        assert_eq!(mul(inverse(7, 12), 7, 12), 1);
    }
}
