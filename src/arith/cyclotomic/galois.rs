//! The Galois action on [`Cyclotomic`] (GAP's `GaloisCyc`), and the inverse, computed
//! as a product of Galois conjugates (the norm trick).

use super::Cyclotomic;
use crate::arith::ntheory::{factor, gcd, mul_mod, pow_mod};
use crate::arith::q::Q;
use crate::arith::zumbroich::{field, inv_mod, sparse_to_basis};

impl Cyclotomic {
    /// The inverse, or `None` for zero.
    ///
    /// Method: for a decomposition of the Galois group `(Z/n)^*` into cyclic factors
    /// `<s_1> x ... x <s_r>` (primitive roots of the odd prime powers, `-1` and `5` for
    /// the 2-part), multiply `x` by `s_i(x) s_i^2(x) ... s_i^{N_i-1}(x)`; the product is
    /// fixed by `s_1..s_i`, and after all factors it is the norm, a rational. Each product
    /// of conjugates is formed by doubling (`O(log N_i)` multiplications), so the cost is
    /// `O(log phi(n))` multiplications in `Q(E(n))` instead of the `phi(n)` of the naive
    /// norm or the `phi(n)^3` of linear algebra.
    ///
    /// ```
    /// use plrep::arith::Cyclotomic;
    /// let x = Cyclotomic::from_int(2) + Cyclotomic::e(7);
    /// assert!((&x * &x.checked_inv().unwrap()).is_one());
    /// assert!(Cyclotomic::zero().checked_inv().is_none());
    /// ```
    pub fn checked_inv(&self) -> Option<Cyclotomic> {
        if self.is_zero() {
            return None;
        }
        if let Some(q) = self.to_q() {
            return Some(Cyclotomic::from_q(q.inv()));
        }
        if self.terms.len() == 1 {
            let (k, c) = &self.terms[0];
            let n = self.n as u64;
            let r = Cyclotomic::root_of_unity(n, -(*k as i64));
            return Some(r.scale(&c.inv()));
        }
        let n = self.n as u64;
        let mut x = self.clone();
        let mut cof = Cyclotomic::one();
        for (g, ord) in galois_generators(n) {
            if x.is_rational() {
                break;
            }
            // prod_{i=0}^{ord-2} s^i(x), then shift by s: prod_{i=1}^{ord-1} s^i(x).
            let p = conjugate_product(&x, g, ord - 1, n);
            let y = p.galois(g as i64);
            x = &x * &y;
            cof = &cof * &y;
        }
        let r = x.to_q().expect("norm of a cyclotomic number is rational");
        Some(cof.scale(&r.inv()))
    }

    /// The inverse.
    ///
    /// # Panics
    /// On zero (like integer division); use [`Cyclotomic::checked_inv`] where zero may occur.
    pub fn inv(&self) -> Cyclotomic {
        self.checked_inv()
            .expect("Cyclotomic::inv: division by zero")
    }

    /// Complex conjugation (`E(n) -> E(n)^-1`), a field automorphism.
    pub fn conj(&self) -> Cyclotomic {
        self.galois(-1)
    }

    /// The Galois action `E(n) -> E(n)^k` on the Zumbroich basis of the conductor `n`
    /// (GAP's `GaloisCyc`).
    ///
    /// For `k` coprime to the conductor this is the field automorphism `sigma_k`, and the
    /// result has the same conductor; `galois(a).galois(b) == galois(a*b)`. For other `k`
    /// it follows GAP: each basis root `E(n)^j` is replaced by `E(n)^(j*k)` and the sum is
    /// renormalised; this map is `Q`-linear but not multiplicative (e.g. `k ≡ 0` gives the
    /// sum of the coordinates).
    ///
    /// Cost: one sparse rewriting of the terms.
    ///
    /// ```
    /// use plrep::arith::Cyclotomic;
    /// let r5 = "E(5)-E(5)^2-E(5)^3+E(5)^4".parse::<Cyclotomic>().unwrap(); // sqrt 5
    /// assert_eq!(r5.galois(2), -r5.clone());
    /// assert_eq!(Cyclotomic::e(4).galois(-1).to_string(), "-E(4)");
    /// ```
    pub fn galois(&self, k: i64) -> Cyclotomic {
        let n = self.n as u64;
        let k = k.rem_euclid(n as i64) as u64;
        if n == 1 || k == 1 {
            return self.clone();
        }
        let t: Vec<(u64, Q)> = self
            .terms
            .iter()
            .map(|(j, c)| (mul_mod(*j as u64, k, n), c.clone()))
            .collect();
        if gcd(k, n) == 1 {
            // Automorphisms preserve the conductor: only the basis rewriting is needed.
            let (m, t) = sparse_to_basis(n, t);
            Cyclotomic::from_normal(m, t)
        } else {
            Cyclotomic::from_sparse(n, t)
        }
    }
}

/// Generators `(g, order)` of `(Z/n)^*` as a product of cyclic groups (one per odd prime
/// power via a primitive root, `-1` and `5` for the 2-part), each `g` lifted by CRT.
fn galois_generators(n: u64) -> Vec<(u64, u64)> {
    let f = field(n);
    let mut out = Vec::new();
    for part in &f.parts {
        let (p, q) = (part.p, part.q);
        let lift = |g: u64| -> u64 {
            // g mod q, 1 mod n/q.
            let r = n / q;
            if r == 1 {
                return g % q;
            }
            // x = 1 + r * t with 1 + r t ≡ g (mod q)
            let t = mul_mod((g + q - 1) % q, inv_mod(r % q, q), q);
            (1 + r * t) % n
        };
        if p == 2 {
            if q >= 4 {
                out.push((lift(q - 1), 2));
            }
            if q >= 8 {
                out.push((lift(5), q / 4));
            }
        } else {
            out.push((lift(primitive_root_prime_power(p, q)), q / p * (p - 1)));
        }
    }
    out
}

/// A primitive root modulo `q = p^e`, `p` odd.
fn primitive_root_prime_power(p: u64, q: u64) -> u64 {
    let fs = factor(p - 1);
    let mut g = 2;
    loop {
        if fs.iter().all(|(r, _)| pow_mod(g, (p - 1) / r, p) != 1) {
            break;
        }
        g += 1;
    }
    // g generates (Z/p^2)^* (hence (Z/p^e)^*) unless g^(p-1) ≡ 1 mod p^2; then g + p does.
    if q > p && pow_mod(g, p - 1, p * p) == 1 {
        g += p;
    }
    g
}

/// `prod_{i=0}^{m-1} s^i(x)` with `s = E(n) -> E(n)^g`, by doubling:
/// `P(a+b) = P(a) * s^a(P(b))`.
fn conjugate_product(x: &Cyclotomic, g: u64, m: u64, n: u64) -> Cyclotomic {
    if m == 0 {
        return Cyclotomic::one();
    }
    let mut acc = x.clone(); // P(1)
    let mut len = 1u64;
    let top = 63 - m.leading_zeros();
    for bit in (0..top).rev() {
        // P(2 len) = P(len) * s^len(P(len))
        let shifted = acc.galois(pow_mod(g, len, n) as i64);
        acc = &acc * &shifted;
        len *= 2;
        if (m >> bit) & 1 == 1 {
            // P(len + 1) = P(len) * s^len(x)
            let s = x.galois(pow_mod(g, len, n) as i64);
            acc = &acc * &s;
            len += 1;
        }
    }
    debug_assert_eq!(len, m);
    acc
}
