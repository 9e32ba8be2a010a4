//! Fast exact arithmetic in one fixed cyclotomic field `Q(zeta_m)` for the solver's hot
//! loops (ALGORITHMS "Cyclotomic numbers": work in the smallest field containing the
//! values, convert to [`Cyclotomic`] only at the boundary).
//!
//! An element is an integer vector `v` of length `m` meaning `sum_k v[k] zeta_m^k`: a
//! *redundant* representation (the `m` powers are linearly dependent), in which sums of
//! roots of unity — character values — have small integer coordinates, addition is
//! coordinatewise and multiplication by `zeta_m^j` is a rotation. Equality and zero tests
//! reduce modulo the cyclotomic polynomial `Phi_m` (monic, integer, so the remainder is an
//! exact canonical form of length `phi(m)`). Denominators are kept outside, by the caller.
//! Coordinates are `i128`; callers bound magnitudes before long computations
//! ([`Field::check_magnitude`]).

use crate::arith::{Cyclotomic, Q};
use crate::error::{Error, LimitKind, Result};
use num_bigint::BigInt;
use std::cmp::Ordering;

/// A sparse scalar `sum c zeta_m^k` as `(k, c)` pairs (character values).
pub type Sparse = Vec<(usize, i128)>;

/// The field `Q(zeta_m)` with its cyclotomic polynomial.
#[derive(Clone, Debug)]
pub struct Field {
    m: usize,
    /// Coefficients of `Phi_m`, lowest degree first (monic, degree `phi(m)`).
    phi: Vec<i128>,
    /// The nonzero coefficients of `Phi_m` below the leading one (`Phi_m` is often sparse,
    /// e.g. `Phi_200 = x^80 - x^60 + x^40 - x^20 + 1`), for [`Field::reduce`].
    phi_terms: Vec<(usize, i128)>,
}

/// Largest coordinate magnitude allowed before a projection (leaves ample headroom in
/// `i128` for the `|G| * dim * m` growth of one projection).
pub const MAX_MAGNITUDE: i128 = 1 << 80;

fn poly_div_exact(num: &[i128], den: &[i128]) -> Vec<i128> {
    // den is monic; exact division of integer polynomials.
    let mut r = num.to_vec();
    let dd = den.len() - 1;
    let mut q = vec![0i128; num.len() - dd];
    for i in (0..q.len()).rev() {
        let c = r[i + dd];
        q[i] = c;
        if c != 0 {
            for j in 0..=dd {
                r[i + j] -= c * den[j];
            }
        }
    }
    q
}

fn cyclotomic_poly(m: usize) -> Vec<i128> {
    // Phi_m = (x^m - 1) / prod_{d | m, d < m} Phi_d.
    let mut p = vec![0i128; m + 1];
    p[0] = -1;
    p[m] = 1;
    for d in 1..m {
        if m % d == 0 {
            p = poly_div_exact(&p, &cyclotomic_poly(d));
        }
    }
    p
}

impl Field {
    /// The field `Q(zeta_m)` (`m >= 1`).
    pub fn new(m: usize) -> Field {
        assert!(m >= 1);
        Field {
            m,
            phi_terms: Vec::new(),
            phi: cyclotomic_poly(m),
        }
        .with_terms()
    }

    /// The smallest field containing all the given values (lcm of their conductors).
    pub fn containing<'a>(values: impl IntoIterator<Item = &'a Cyclotomic>) -> Field {
        let mut m = 1u64;
        for v in values {
            let c = v.conductor();
            m = m / num_integer::gcd(m, c) * c;
        }
        Field::new(m as usize)
    }

    fn with_terms(mut self) -> Field {
        let d = self.phi.len() - 1;
        self.phi_terms = (0..d)
            .filter(|&j| self.phi[j] != 0)
            .map(|j| (j, self.phi[j]))
            .collect();
        self
    }

    /// `m`.
    pub fn m(&self) -> usize {
        self.m
    }

    /// `phi(m)`, the degree of the field.
    pub fn degree(&self) -> usize {
        self.phi.len() - 1
    }

    /// The sparse form of a cyclotomic number with integral Zumbroich coordinates (e.g. a
    /// character value) whose conductor divides `m`; `None` otherwise.
    pub fn sparse(&self, c: &Cyclotomic) -> Option<Sparse> {
        let n = c.conductor() as usize;
        if self.m % n != 0 {
            return None;
        }
        let f = self.m / n;
        c.terms()
            .iter()
            .map(|(k, q)| {
                let i = q.to_i64()?;
                Some((*k as usize * f, i as i128))
            })
            .collect()
    }

    /// `dst += s * src` (elements of length `m`).
    #[inline]
    pub fn mul_acc(&self, dst: &mut [i128], s: &[(usize, i128)], src: &[i128]) {
        let m = self.m;
        for &(j, c) in s {
            let (a, b) = src.split_at(m - j);
            // Character values are sums of roots of unity: coefficients `±1` are the rule,
            // and an `i128` addition is far cheaper than a product.
            match c {
                1 => {
                    for (d, x) in dst[j..].iter_mut().zip(a) {
                        *d += x;
                    }
                    for (d, x) in dst[..j].iter_mut().zip(b) {
                        *d += x;
                    }
                }
                -1 => {
                    for (d, x) in dst[j..].iter_mut().zip(a) {
                        *d -= x;
                    }
                    for (d, x) in dst[..j].iter_mut().zip(b) {
                        *d -= x;
                    }
                }
                _ => {
                    for (d, x) in dst[j..].iter_mut().zip(a) {
                        *d += c * x;
                    }
                    for (d, x) in dst[..j].iter_mut().zip(b) {
                        *d += c * x;
                    }
                }
            }
        }
    }

    /// A shorter sparse form of the same element: for each prime `p | m` and each coset
    /// `a + (m/p) Z` the `p` powers `zeta_m^(a + i m/p)` sum to zero (`zeta_m^(m/p)` is a
    /// primitive `p`-th root of unity), so subtracting the most frequent coefficient of a
    /// coset from all its `p` coordinates keeps the element and removes terms whenever
    /// that coefficient occurs more often than zero. Repeated while it shortens.
    ///
    /// The products [`Field::mul_acc`] cost one rotation per term: a character value
    /// `zeta^j + zeta^-j` that the Zumbroich basis writes with up to `2 (p - 1)` terms
    /// per odd prime comes back to its 2 roots of unity (theory.md §14.7).
    ///
    /// Complexity: `O(t log t)` per round for `t` terms; at most `t` rounds.
    ///
    /// ```
    /// use plrep::pl::field::Field;
    /// let f = Field::new(5);
    /// // -(z + z^2 + z^3 + z^4) = 1
    /// assert_eq!(f.shorten(&[(1, -1), (2, -1), (3, -1), (4, -1)]), vec![(0, 1)]);
    /// ```
    pub fn shorten(&self, s: &[(usize, i128)]) -> Sparse {
        use std::collections::BTreeMap;
        let m = self.m;
        let mut cur: BTreeMap<usize, i128> = BTreeMap::new();
        for &(k, c) in s {
            *cur.entry(k % m).or_insert(0) += c;
        }
        cur.retain(|_, c| *c != 0);
        let primes: Vec<usize> = (2..=m)
            .filter(|&p| m % p == 0 && (2..p).take_while(|d| d * d <= p).all(|d| p % d != 0))
            .collect();
        loop {
            let before = cur.len();
            for &p in &primes {
                let step = m / p;
                let mut cosets: BTreeMap<usize, Vec<i128>> = BTreeMap::new();
                for (&k, &c) in &cur {
                    cosets.entry(k % step).or_default().push(c);
                }
                for (a, mut cs) in cosets {
                    let zeros = p - cs.len();
                    cs.sort_unstable();
                    // The most frequent nonzero coefficient (the smallest on ties).
                    let (mut best, mut best_f, mut i) = (0i128, 0usize, 0usize);
                    while i < cs.len() {
                        let j = cs[i..].iter().take_while(|&&c| c == cs[i]).count();
                        if j > best_f {
                            (best, best_f) = (cs[i], j);
                        }
                        i += j;
                    }
                    if best_f > zeros {
                        for t in 0..p {
                            let e = cur.entry(a + t * step).or_insert(0);
                            *e -= best;
                        }
                    }
                }
                cur.retain(|_, c| *c != 0);
            }
            if cur.len() >= before {
                break;
            }
        }
        cur.into_iter().collect()
    }

    /// `dst += a * b` for two dense elements (convolution modulo `x^m - 1`).
    pub fn mul_dense_acc(&self, dst: &mut [i128], a: &[i128], b: &[i128]) {
        let s: Sparse = a
            .iter()
            .enumerate()
            .filter(|(_, c)| **c != 0)
            .map(|(k, c)| (k, *c))
            .collect();
        self.mul_acc(dst, &s, b);
    }

    /// The canonical form: the remainder modulo `Phi_m`, length `phi(m)`.
    pub fn reduce(&self, v: &[i128]) -> Vec<i128> {
        let d = self.degree();
        let mut r = v.to_vec();
        for i in (d..self.m).rev() {
            let c = r[i];
            if c != 0 {
                // x^i = x^(i-d) (x^d - Phi_m): the leading term cancels exactly.
                r[i] = 0;
                for &(j, p) in &self.phi_terms {
                    r[i - d + j] -= c * p;
                }
            }
        }
        r.truncate(d);
        r
    }

    /// Exact zero test.
    pub fn is_zero(&self, v: &[i128]) -> bool {
        if v.iter().all(|c| *c == 0) {
            return true;
        }
        if self.m == 1 {
            return false;
        }
        self.reduce(v).iter().all(|c| *c == 0)
    }

    /// The exact value `scale * sum v[k] zeta_m^k` as a [`Cyclotomic`].
    pub fn to_cyclotomic(&self, v: &[i128], scale: &Q) -> Cyclotomic {
        let terms: Vec<(i64, Q)> = v
            .iter()
            .enumerate()
            .filter(|(_, c)| **c != 0)
            .map(|(k, c)| (k as i64, Q::from(BigInt::from(*c)) * scale))
            .collect();
        if terms.is_empty() {
            return Cyclotomic::zero();
        }
        Cyclotomic::from_terms(self.m as u64, terms)
    }

    /// The certified sign of a real element: the certified `f64` enclosure on the dense
    /// form, then [`Cyclotomic::try_sign`] when that does not decide.
    ///
    /// Errors: a non-real element that reaches the exact stage (a caller bug; reported
    /// as a verification failure).
    pub fn sign(&self, v: &[i128]) -> Result<Ordering> {
        if self.m == 1 {
            return Ok(v[0].cmp(&0));
        }
        if v.iter().all(|c| *c == 0) {
            return Ok(Ordering::Equal);
        }
        // The element is real (a value of a real projection), so it equals the sum of
        // its coefficients' cosine parts: the certified `f64` enclosure on the dense form
        // decides most signs without the canonical form.
        if let Some(s) = crate::arith::dense_f64_sign(self.m as u64, v) {
            return Ok(s);
        }
        self.to_cyclotomic(v, &Q::one())
            .try_sign()
            .ok_or_else(|| Error::verification("sign of a non-real solver value"))
    }

    /// Error unless every coordinate is below [`MAX_MAGNITUDE`] (overflow guard).
    pub fn check_magnitude(&self, v: &[i128]) -> Result<()> {
        if v.iter().any(|c| c.unsigned_abs() > MAX_MAGNITUDE as u128) {
            return Err(Error::limit_with_note(
                "exact coordinate size in the PL solver",
                "2^80",
                LimitKind::Order,
                "(use a smaller group or module)",
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cyclotomic_polynomials() {
        assert_eq!(cyclotomic_poly(1), vec![-1, 1]);
        assert_eq!(cyclotomic_poly(4), vec![1, 0, 1]);
        assert_eq!(cyclotomic_poly(6), vec![1, -1, 1]);
        assert_eq!(cyclotomic_poly(12), vec![1, 0, -1, 0, 1]);
    }

    #[test]
    fn shorten_keeps_the_element() {
        // Every sparse form with small coefficients in Q(zeta_m) for a few m: the short
        // form is never longer and reduces to the same canonical remainder.
        for m in [1usize, 4, 6, 12, 15, 20, 30, 36, 60] {
            let f = Field::new(m);
            let mut state = 0x2545_f491_4f6c_dd1du64;
            for _ in 0..200 {
                let s: Sparse = (0..m)
                    .filter_map(|k| {
                        state ^= state << 13;
                        state ^= state >> 7;
                        state ^= state << 17;
                        let c = (state % 5) as i128 - 2;
                        (c != 0 && state % 3 == 0).then_some((k, c))
                    })
                    .collect();
                let t = f.shorten(&s);
                assert!(t.len() <= s.len(), "m = {m}: {s:?} -> {t:?}");
                let (mut a, mut b) = (vec![0i128; m], vec![0i128; m]);
                f.mul_acc(&mut a, &s, &{
                    let mut one = vec![0i128; m];
                    one[0] = 1;
                    one
                });
                for &(k, c) in &t {
                    b[k] += c;
                }
                assert_eq!(f.reduce(&a), f.reduce(&b), "m = {m}: {s:?} -> {t:?}");
            }
        }
    }

    #[test]
    fn zero_and_sign() {
        let f = Field::new(5);
        assert!(f.is_zero(&[1, 1, 1, 1, 1]));
        assert!(!f.is_zero(&[0, 1, 0, 0, 1]));
        assert_eq!(f.sign(&[0, 1, 0, 0, 1]).unwrap(), Ordering::Greater);
        assert_eq!(f.sign(&[0, 0, -1, -1, 0]).unwrap(), Ordering::Greater);
        let e = Cyclotomic::e(5);
        let s = f.sparse(&(&e + &e.pow(4))).unwrap();
        let mut d = vec![0; 5];
        f.mul_acc(&mut d, &s, &[1, 0, 0, 0, 0]);
        assert_eq!(f.to_cyclotomic(&d, &Q::one()), &e + &e.pow(4));
    }
}
