//! The checker of Fourier-residue edges (theory.md §18), written apart from the search
//! (`pl/abelian.rs`): it reads the claim [`FourierWitness`] and re-derives everything
//! from the group's elements, the `G`-set's action and the real characters.
//!
//! For the claim `L -> L'` with generator `g`, frequencies `k`, `j`, phase `s`, prime `p`,
//! root `rho` and residue `r` it checks:
//! 1. `|X| = |G| = n` and the orbit of the point 0 under `g` has `n` points (so `G = <g>`
//!    is cyclic and `X` is its regular `G`-set, the point `0^(g^a)` having exponent `a`);
//! 2. `psi_L(g) = E(n)^k + E(n)^-k` (`E(n)^k` when `psi_L(1) = 1`), and the same for `L'`
//!    with `j`, in canonical cyclotomic arithmetic (so `V_L` holds `w`, and `V_{L'}` is
//!    spanned by the real and imaginary parts of `x -> E(n)^(j a(x))`);
//! 3. `p` is prime (trial division), `p` does not divide `4n` nor the slopes'
//!    denominators, and `rho` has order exactly `4n` modulo `p` (a root of `Phi_4n`, so
//!    `E(4n) -> rho` is a ring map);
//! 4. the activation is positively homogeneous without bias, with slopes read from its
//!    values at `1` and `-1`;
//! 5. its own sum `sum_a sigma(cos(2 pi (4 k a + s)/4n)) rho^(-4 j a) mod p`, the sign of
//!    each cosine decided by comparing integers, equals `r`, and `r != 0`.

use super::super::activation::Activation;
use super::super::witness::FourierWitness;
use crate::arith::{Cyclotomic, Q};
use crate::group::Perm;
use std::collections::HashMap;

use super::super::projector::PlModule;

/// `(k, s, p, rho, n)`: what the cached values of `sigma(w)` depend on.
type SumKey = (u64, u64, u64, u64, u64);

/// What the residue checker caches across the edges of one solution.
#[derive(Default)]
pub(super) struct ResidueChecker {
    /// Generators whose orbit on the point 0 was checked: `g -> ok`.
    generators: HashMap<usize, bool>,
    /// `(simple, g, frequency) -> ok`.
    frequencies: HashMap<(usize, usize, u64), bool>,
    /// `(p, rho, period) -> ok`.
    primes: HashMap<(u64, u64, u64), bool>,
    /// `sigma(w)(a)` modulo `p` for the latest `(k, s, p, rho, n)`.
    values: Option<(SumKey, Vec<u64>)>,
}

// The checkers share the project's modular arithmetic (not search code).
pub(super) use crate::arith::ntheory::{mul_mod as mulmod, pow_mod as powmod};

/// Trial division (`p < 2^62`).
pub(super) fn prime(p: u64) -> bool {
    if p < 2 {
        return false;
    }
    let mut q = 2u64;
    while q.saturating_mul(q) <= p {
        if p % q == 0 {
            return false;
        }
        q += 1;
    }
    true
}

/// Whether `p` is a prime above `period` (and below `2^62`) and `rho` has order exactly
/// `period` modulo `p`: `rho^period = 1` and `rho^(period/q) != 1` for each prime
/// `q | period` (so `E(period) -> rho` is a ring map, theory.md §18).
///
/// Complexity: trial division of `p` and of `period`, `O(sqrt p + period)`.
pub(super) fn root_of_order(p: u64, rho: u64, period: u64) -> bool {
    if !prime(p) || p <= period || p >= 1 << 62 || rho == 0 || rho >= p {
        return false;
    }
    if powmod(rho, period, p) != 1 {
        return false;
    }
    let mut m = period;
    let mut q = 2;
    while m > 1 {
        if m % q == 0 {
            if powmod(rho, period / q, p) == 1 {
                return false;
            }
            while m % q == 0 {
                m /= q;
            }
        }
        q += 1;
    }
    true
}

/// `x` modulo `p` for a rational `x` whose denominator `p` does not divide.
pub(super) fn rational_mod(x: &Q, p: u64) -> Option<u64> {
    let pb = num_bigint::BigInt::from(p);
    let reduce = |v: num_bigint::BigInt| -> Option<u64> {
        let r = ((v % &pb) + &pb) % &pb;
        num_traits::ToPrimitive::to_u64(&r)
    };
    let (num, den) = (reduce(x.numer())?, reduce(x.denom())?);
    if den == 0 {
        return None;
    }
    // den^(p-2) is its inverse (Fermat; p prime was checked first).
    Some(mulmod(num, powmod(den, p - 2, p), p))
}

impl ResidueChecker {
    /// Check the claim; `Err` names what fails.
    pub(super) fn check(
        &mut self,
        module: &PlModule,
        from: usize,
        to: usize,
        w: &FourierWitness,
        activation: &Activation,
        bias: Option<&Q>,
    ) -> Result<(), String> {
        let n = module.elements.len();
        if module.gset.len() != n || w.generator >= n {
            return Err("the module is not the regular module of the claimed generator".into());
        }
        let nn = n as u64;
        // 1. the generator's orbit on the point 0
        let gen_ok = *self.generators.entry(w.generator).or_insert_with(|| {
            let Ok(perm): Result<Perm, _> = module.gset.act(&module.elements.element(w.generator))
            else {
                return false;
            };
            let mut seen = vec![false; n];
            let mut x = 0usize;
            for _ in 0..n {
                if seen[x] {
                    return false;
                }
                seen[x] = true;
                x = perm.apply(x);
            }
            x == 0
        });
        if !gen_ok {
            return Err("the generator's orbit is not all of X".into());
        }
        // 2. the frequencies, exactly
        let class = module.classes.class_of[w.generator] as usize;
        for (simple, freq) in [(from, w.source_frequency), (to, w.target_frequency)] {
            let ok = *self
                .frequencies
                .entry((simple, w.generator, freq))
                .or_insert_with(|| {
                    let s = &module.simples.simples[simple];
                    if 2 * freq > nn {
                        return false;
                    }
                    let z = Cyclotomic::root_of_unity(nn, freq as i64);
                    let expected = if s.dim == 1 {
                        z
                    } else {
                        &z + &Cyclotomic::root_of_unity(nn, -(freq as i64))
                    };
                    let one_dim = s.dim == 1;
                    // a one-dimensional L needs E(n)^k real: k = 0 or 2k = n
                    (!one_dim || freq == 0 || 2 * freq == nn) && s.values[class] == expected
                });
            if !ok {
                return Err(format!(
                    "psi({}) at the generator is not the claimed frequency {freq}",
                    module.simples.simples[simple].label
                ));
            }
        }
        // 3. the prime and the root
        let period = 4 * nn;
        if w.period != period {
            return Err(format!("the period {} is not 4|G| = {period}", w.period));
        }
        let p = w.prime;
        let prime_ok = *self
            .primes
            .entry((p, w.root, period))
            .or_insert_with(|| root_of_order(p, w.root, period));
        if !prime_ok {
            return Err(format!(
                "{p} is not a prime with {} of order {period}",
                w.root
            ));
        }
        // 4. the activation
        if bias.is_some() || !activation.is_homogeneous() {
            return Err(
                "a Fourier residue needs a positively homogeneous activation without bias".into(),
            );
        }
        let up = activation.eval_q(&Q::one());
        let down = -activation.eval_q(&-Q::one());
        let (Some(up), Some(down)) = (rational_mod(&up, p), rational_mod(&down, p)) else {
            return Err("the activation's slopes have a denominator divisible by p".into());
        };
        // 5. the sum
        if w.phase >= period {
            return Err("the phase is not below 4n".into());
        }
        let key = (w.source_frequency, w.phase, p, w.root, nn);
        if self.values.as_ref().map(|v| v.0) != Some(key) {
            let half = powmod(2, p - 2, p);
            let vals = (0..nn)
                .map(|a| {
                    let t = ((4 * w.source_frequency % period) * a + w.phase) % period;
                    // cos(2 pi t / 4n) = cos(2 pi u / 4n) with u = min(t, 4n - t) in [0, 2n]
                    let u = t.min(period - t);
                    let slope = match u.cmp(&nn) {
                        std::cmp::Ordering::Less => up,
                        std::cmp::Ordering::Equal => 0,
                        std::cmp::Ordering::Greater => down,
                    };
                    let c = (powmod(w.root, t, p) + powmod(w.root, period - t, p)) % p;
                    mulmod(slope, mulmod(c, half, p), p)
                })
                .collect();
            self.values = Some((key, vals));
        }
        let vals = &self.values.as_ref().expect("just set").1;
        let step = powmod(w.root, period - (4 * w.target_frequency) % period, p);
        let (mut z, mut acc) = (1u64, 0u64);
        for &v in vals {
            acc = (acc + mulmod(v, z, p)) % p;
            z = mulmod(z, step, p);
        }
        if acc == 0 || acc != w.residue {
            return Err(format!(
                "recomputed residue {acc} differs from the recorded {} or is zero",
                w.residue
            ));
        }
        Ok(())
    }
}
