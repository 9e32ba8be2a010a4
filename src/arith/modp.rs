//! Arithmetic in prime fields `F_p` with `p < 2^63`, polynomials over `F_p` and dense
//! linear algebra over `F_p`: the exact modular engine of Dixon–Schneider
//! ([`crate::character`]).
//!
//! Elements are plain `u64` residues in `0..p`; a [`PrimeField`] carries the modulus and
//! does the reductions. Products use `u64` arithmetic when `p < 2^32` (the common case in
//! Dixon–Schneider, where `p` is a little larger than `2 sqrt|G|` and `≡ 1 mod e`) and
//! `u128` otherwise (the verification primes `q > |G|(|G|+1)`).
//!
//! Everything here is deterministic: root finding uses the fixed shifts `a = 1, 2, 3, ...`
//! in `gcd(f, (x + a)^((p-1)/2) - 1)` instead of random ones.
//!
//! References: H. Cohen, *A Course in Computational Algebraic Number Theory* (1993),
//! §1.4 (Miller–Rabin), §2.2 (Hessenberg characteristic polynomial), §3.4
//! (Cantor–Zassenhaus root finding); J. von zur Gathen, J. Gerhard, *Modern Computer
//! Algebra* (2013), ch. 14.

/// The prime field `F_p`.
///
/// # Example
/// ```
/// use plrep::arith::modp::PrimeField;
/// let f = PrimeField::new(13);
/// assert_eq!(f.mul(7, 9), 11);
/// assert_eq!(f.mul(f.inv(7), 7), 1);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PrimeField {
    p: u64,
    small: bool,
}

impl PrimeField {
    /// The field with `p` elements. `p` must be a prime below `2^63` (not checked beyond
    /// a debug assertion: callers obtain primes from [`prime_congruent_one`]).
    pub fn new(p: u64) -> Self {
        debug_assert!((2..(1 << 63)).contains(&p) && is_prime(p));
        PrimeField {
            p,
            small: p < (1 << 32),
        }
    }

    /// The characteristic `p`.
    #[inline]
    pub fn p(&self) -> u64 {
        self.p
    }

    /// `a + b` for residues `a, b < p`.
    #[inline]
    pub fn add(&self, a: u64, b: u64) -> u64 {
        let s = a + b;
        if s >= self.p {
            s - self.p
        } else {
            s
        }
    }

    /// `a - b` for residues `a, b < p`.
    #[inline]
    pub fn sub(&self, a: u64, b: u64) -> u64 {
        if a >= b {
            a - b
        } else {
            a + self.p - b
        }
    }

    /// `-a`.
    #[inline]
    pub fn neg(&self, a: u64) -> u64 {
        if a == 0 {
            0
        } else {
            self.p - a
        }
    }

    /// `a * b`.
    #[inline]
    pub fn mul(&self, a: u64, b: u64) -> u64 {
        if self.small {
            a * b % self.p
        } else {
            ((a as u128 * b as u128) % self.p as u128) as u64
        }
    }

    /// `a * b + c`.
    #[inline]
    pub fn mul_add(&self, a: u64, b: u64, c: u64) -> u64 {
        if self.small {
            (a * b + c) % self.p
        } else {
            ((a as u128 * b as u128 + c as u128) % self.p as u128) as u64
        }
    }

    /// The residue of an integer.
    #[inline]
    pub fn from_i64(&self, a: i64) -> u64 {
        let r = (a as i128).rem_euclid(self.p as i128);
        r as u64
    }

    /// The residue of an unsigned integer.
    #[inline]
    pub fn from_u64(&self, a: u64) -> u64 {
        a % self.p
    }

    /// The residue as the integer of least absolute value (in `(-p/2, p/2]`).
    #[inline]
    pub fn to_symmetric(&self, a: u64) -> i64 {
        if a > self.p / 2 {
            -((self.p - a) as i64)
        } else {
            a as i64
        }
    }

    /// `a^n` by square and multiply; `O(log n)` products.
    pub fn pow(&self, a: u64, mut n: u64) -> u64 {
        let mut base = a % self.p;
        let mut acc = 1 % self.p;
        while n > 0 {
            if n & 1 == 1 {
                acc = self.mul(acc, base);
            }
            base = self.mul(base, base);
            n >>= 1;
        }
        acc
    }

    /// The inverse of a nonzero residue (extended Euclid). Panics on zero, which is
    /// always a bug of the caller.
    pub fn inv(&self, a: u64) -> u64 {
        assert!(a % self.p != 0, "inverse of zero in F_{}", self.p);
        let (mut r0, mut r1) = (self.p as i128, (a % self.p) as i128);
        let (mut t0, mut t1) = (0i128, 1i128);
        while r1 != 0 {
            let q = r0 / r1;
            (r0, r1) = (r1, r0 - q * r1);
            (t0, t1) = (t1, t0 - q * t1);
        }
        debug_assert_eq!(r0, 1);
        t0.rem_euclid(self.p as i128) as u64
    }

    /// An element of multiplicative order exactly `e` (requires `e | p - 1`): the
    /// image of `zeta_e` in `F_p`. Deterministic: the first `x = 2, 3, ...` whose power
    /// `x^((p-1)/e)` has order `e`. `O(log p * (number of prime factors of e))` per trial.
    pub fn root_of_unity(&self, e: u64) -> u64 {
        assert!(
            e >= 1 && (self.p - 1) % e == 0,
            "{e} does not divide p - 1 = {}",
            self.p - 1
        );
        if e == 1 {
            return 1;
        }
        let primes = prime_factors(e);
        let mut x = 2;
        loop {
            let y = self.pow(x, (self.p - 1) / e);
            if primes.iter().all(|&r| self.pow(y, e / r) != 1) {
                return y;
            }
            x += 1;
        }
    }

    /// `[1, z, z^2, ..., z^(e-1)]` for the root of unity `z` of
    /// [`PrimeField::root_of_unity`]: the residues of `zeta_e^j`.
    pub fn root_of_unity_powers(&self, e: u64) -> Vec<u64> {
        let z = self.root_of_unity(e);
        let mut out = Vec::with_capacity(e as usize);
        let mut cur = 1;
        for _ in 0..e {
            out.push(cur);
            cur = self.mul(cur, z);
        }
        out
    }

    /// A generator of the multiplicative group `F_p^*` (needs the factorisation of `p-1`,
    /// by trial division: intended for `p < 2^50` or so).
    pub fn primitive_root(&self) -> u64 {
        self.root_of_unity(self.p - 1)
    }

    /// A square root of `a` if one exists (Tonelli–Shanks), the smaller of the two.
    pub fn sqrt(&self, a: u64) -> Option<u64> {
        let a = a % self.p;
        if a == 0 {
            return Some(0);
        }
        if self.p == 2 {
            return Some(a);
        }
        if self.pow(a, (self.p - 1) / 2) != 1 {
            return None;
        }
        let (mut q, mut s) = (self.p - 1, 0u32);
        while q % 2 == 0 {
            q /= 2;
            s += 1;
        }
        let mut z = 2;
        while self.pow(z, (self.p - 1) / 2) != self.p - 1 {
            z += 1;
        }
        let (mut m, mut c, mut t, mut r) = (
            s,
            self.pow(z, q),
            self.pow(a, q),
            self.pow(a, q.div_ceil(2)),
        );
        while t != 1 {
            let mut i = 0;
            let mut t2 = t;
            while t2 != 1 {
                t2 = self.mul(t2, t2);
                i += 1;
            }
            let b = self.pow(c, 1 << (m - i - 1));
            m = i;
            c = self.mul(b, b);
            t = self.mul(t, c);
            r = self.mul(r, b);
        }
        Some(r.min(self.p - r))
    }
}

pub use super::ntheory::{is_prime, prime_factors};

/// The smallest prime `p ≡ 1 (mod e)` with `p > lower` (and `p >= 3`). Panics if no such
/// prime is below `2^63` (never for the sizes plrep handles).
///
/// Dirichlet's theorem guarantees existence; in practice the search takes a handful of
/// Miller–Rabin tests.
///
/// # Example
/// ```
/// use plrep::arith::modp::prime_congruent_one;
/// assert_eq!(prime_congruent_one(12, 100), 109);
/// ```
pub fn prime_congruent_one(e: u64, lower: u64) -> u64 {
    assert!(e >= 1);
    let lower = lower.max(2);
    // First candidate 1 + t*e > lower.
    let mut t = lower / e;
    loop {
        let c = 1 + t * e;
        assert!(
            c < (1 << 63),
            "no prime = 1 mod {e} above {lower} below 2^63"
        );
        if c > lower && c >= 3 && is_prime(c) {
            return c;
        }
        t += 1;
    }
}

// ---------------------------------------------------------------------------------------
// Polynomials over F_p: coefficient vectors, lowest degree first, no trailing zeros
// (the zero polynomial is the empty vector).
// ---------------------------------------------------------------------------------------

/// Polynomials over a prime field as coefficient vectors (lowest degree first, trimmed:
/// the zero polynomial is empty).
pub mod poly {
    use super::PrimeField;

    /// Remove trailing zero coefficients.
    pub fn trim(f: &mut Vec<u64>) {
        while f.last() == Some(&0) {
            f.pop();
        }
    }

    /// Degree, `None` for the zero polynomial.
    pub fn degree(f: &[u64]) -> Option<usize> {
        if f.is_empty() {
            None
        } else {
            Some(f.len() - 1)
        }
    }

    /// Product, schoolbook `O(deg f * deg g)`.
    pub fn mul(k: &PrimeField, f: &[u64], g: &[u64]) -> Vec<u64> {
        if f.is_empty() || g.is_empty() {
            return Vec::new();
        }
        let mut out = vec![0u64; f.len() + g.len() - 1];
        for (i, &a) in f.iter().enumerate() {
            if a == 0 {
                continue;
            }
            for (j, &b) in g.iter().enumerate() {
                out[i + j] = k.mul_add(a, b, out[i + j]);
            }
        }
        trim(&mut out);
        out
    }

    /// Quotient and remainder of `f` by a nonzero `g`.
    pub fn divrem(k: &PrimeField, f: &[u64], g: &[u64]) -> (Vec<u64>, Vec<u64>) {
        assert!(!g.is_empty(), "division by the zero polynomial");
        let mut r = f.to_vec();
        trim(&mut r);
        if r.len() < g.len() {
            return (Vec::new(), r);
        }
        let dg = g.len() - 1;
        let lead_inv = k.inv(g[dg]);
        let mut q = vec![0u64; r.len() - dg];
        for i in (0..q.len()).rev() {
            let c = k.mul(r[i + dg], lead_inv);
            q[i] = c;
            if c != 0 {
                for j in 0..=dg {
                    r[i + j] = k.sub(r[i + j], k.mul(c, g[j]));
                }
            }
        }
        r.truncate(dg);
        trim(&mut r);
        trim(&mut q);
        (q, r)
    }

    /// Remainder of `f` modulo `g`.
    pub fn rem(k: &PrimeField, f: &[u64], g: &[u64]) -> Vec<u64> {
        divrem(k, f, g).1
    }

    /// Monic greatest common divisor (Euclid).
    pub fn gcd(k: &PrimeField, f: &[u64], g: &[u64]) -> Vec<u64> {
        let (mut a, mut b) = (f.to_vec(), g.to_vec());
        trim(&mut a);
        trim(&mut b);
        while !b.is_empty() {
            let r = rem(k, &a, &b);
            a = b;
            b = r;
        }
        make_monic(k, &mut a);
        a
    }

    /// Divide by the leading coefficient (no-op on zero).
    pub fn make_monic(k: &PrimeField, f: &mut [u64]) {
        if let Some(&l) = f.last() {
            let li = k.inv(l);
            for c in f.iter_mut() {
                *c = k.mul(*c, li);
            }
        }
    }

    /// `base^n mod m` (square and multiply, `O(log n * deg(m)^2)`).
    pub fn powmod(k: &PrimeField, base: &[u64], mut n: u64, m: &[u64]) -> Vec<u64> {
        let mut acc = rem(k, &[1], m);
        let mut b = rem(k, base, m);
        while n > 0 {
            if n & 1 == 1 {
                acc = rem(k, &mul(k, &acc, &b), m);
            }
            n >>= 1;
            if n > 0 {
                b = rem(k, &mul(k, &b, &b), m);
            }
        }
        acc
    }

    /// Evaluate at `x` (Horner).
    pub fn eval(k: &PrimeField, f: &[u64], x: u64) -> u64 {
        f.iter().rev().fold(0, |acc, &c| k.mul_add(acc, x, c))
    }

    /// Subtract: `f - g`.
    pub fn sub(k: &PrimeField, f: &[u64], g: &[u64]) -> Vec<u64> {
        let n = f.len().max(g.len());
        let mut out: Vec<u64> = (0..n)
            .map(|i| k.sub(*f.get(i).unwrap_or(&0), *g.get(i).unwrap_or(&0)))
            .collect();
        trim(&mut out);
        out
    }

    /// The distinct roots in `F_p` of a nonzero polynomial, ascending.
    ///
    /// First `g = gcd(f, x^p - x)` (the product of the distinct linear factors), then
    /// equal-degree splitting `gcd(g, (x + a)^((p-1)/2) - 1)` with the deterministic
    /// shifts `a = 0, 1, 2, ...` (Cantor–Zassenhaus; each shift splits a product of
    /// `r >= 2` linear factors with probability about `1 - 2^(1-r)` over `a`).
    /// Cost `O(deg(f)^2 log p)` expected. Requires `p` odd.
    ///
    /// # Example
    /// ```
    /// use plrep::arith::modp::{poly, PrimeField};
    /// let k = PrimeField::new(13);
    /// // (x - 2)(x - 5)^2 (x^2 + 2), and -2 is not a square mod 13
    /// let f = poly::mul(&k, &poly::mul(&k, &[11, 1], &poly::mul(&k, &[8, 1], &[8, 1])), &[2, 0, 1]);
    /// assert_eq!(poly::roots(&k, &f), vec![2, 5]);
    /// ```
    pub fn roots(k: &PrimeField, f: &[u64]) -> Vec<u64> {
        let mut f = f.to_vec();
        trim(&mut f);
        assert!(!f.is_empty(), "roots of the zero polynomial");
        if f.len() == 1 {
            return Vec::new();
        }
        make_monic(k, &mut f);
        let p = k.p();
        // x^p mod f, minus x.
        let xp = powmod(k, &[0, 1], p, &f);
        let g = gcd(k, &f, &sub(k, &xp, &[0, 1]));
        let mut out = Vec::new();
        split_linear(k, &g, &mut out);
        out.sort_unstable();
        out
    }

    /// Roots of a monic squarefree product of distinct linear factors.
    fn split_linear(k: &PrimeField, g: &[u64], out: &mut Vec<u64>) {
        match g.len() {
            0 | 1 => {}
            2 => out.push(k.neg(g[0])),
            _ => {
                let p = k.p();
                let mut a = 0u64;
                loop {
                    // h = gcd(g, (x + a)^((p-1)/2) - 1)
                    let t = powmod(k, &[a % p, 1], (p - 1) / 2, g);
                    let h = gcd(k, g, &sub(k, &t, &[1]));
                    if h.len() > 1 && h.len() < g.len() {
                        let (q, _) = divrem(k, g, &h);
                        let mut q = q;
                        make_monic(k, &mut q);
                        split_linear(k, &h, out);
                        split_linear(k, &q, out);
                        return;
                    }
                    a += 1;
                    assert!(
                        a < p,
                        "polynomial does not split into distinct linear factors"
                    );
                }
            }
        }
    }

    /// The multiplicity of the root `r` of the nonzero polynomial `f` (repeated
    /// synthetic division by `x - r`).
    pub fn root_multiplicity(k: &PrimeField, f: &[u64], r: u64) -> usize {
        let mut f = f.to_vec();
        trim(&mut f);
        let mut m = 0;
        while f.len() > 1 && eval(k, &f, r) == 0 {
            // synthetic division
            let n = f.len() - 1;
            let mut q = vec![0u64; n];
            let mut carry = 0u64;
            for i in (0..n).rev() {
                carry = k.mul_add(carry, r, f[i + 1]);
                q[i] = carry;
            }
            f = q;
            m += 1;
        }
        m
    }
}

// ---------------------------------------------------------------------------------------
// Dense linear algebra over F_p. Matrices are row-major `Vec<Vec<u64>>`.
// ---------------------------------------------------------------------------------------

/// Dense matrices over a prime field, row-major `Vec<Vec<u64>>`.
pub mod linalg {
    use super::PrimeField;

    /// Reduced row echelon form in place; returns the pivot columns (one per nonzero
    /// row; the zero rows are removed). `O(rows * cols * rank)`.
    pub fn rref(k: &PrimeField, m: &mut Vec<Vec<u64>>) -> Vec<usize> {
        let rows = m.len();
        if rows == 0 {
            return Vec::new();
        }
        let cols = m[0].len();
        let mut pivots = Vec::new();
        let mut r = 0;
        for c in 0..cols {
            if r == rows {
                break;
            }
            let Some(sel) = (r..rows).find(|&i| m[i][c] != 0) else {
                continue;
            };
            m.swap(r, sel);
            let inv = k.inv(m[r][c]);
            if inv != 1 {
                for x in m[r][c..].iter_mut() {
                    *x = k.mul(*x, inv);
                }
            }
            let pivot_row = std::mem::take(&mut m[r]);
            for (i, row) in m.iter_mut().enumerate() {
                if i == r {
                    continue;
                }
                let f = row[c];
                if f != 0 {
                    let nf = k.neg(f);
                    for j in c..cols {
                        if pivot_row[j] != 0 {
                            row[j] = k.mul_add(nf, pivot_row[j], row[j]);
                        }
                    }
                }
            }
            m[r] = pivot_row;
            pivots.push(c);
            r += 1;
        }
        m.truncate(r);
        pivots
    }

    /// A basis of the right nullspace `{x : m x = 0}` of a `rows x cols` matrix, in
    /// reduced echelon form (as rows). `O(rows * cols * rank)`.
    ///
    /// # Example
    /// ```
    /// use plrep::arith::modp::{linalg, PrimeField};
    /// let k = PrimeField::new(7);
    /// let ns = linalg::nullspace(&k, &[vec![1, 2, 3], vec![2, 4, 6]], 3);
    /// assert_eq!(ns.len(), 2);
    /// for v in &ns {
    ///     assert_eq!((v[0] + 2 * v[1] + 3 * v[2]) % 7, 0);
    /// }
    /// ```
    pub fn nullspace(k: &PrimeField, m: &[Vec<u64>], cols: usize) -> Vec<Vec<u64>> {
        let mut a: Vec<Vec<u64>> = m.to_vec();
        let pivots = rref(k, &mut a);
        let mut is_pivot = vec![usize::MAX; cols];
        for (r, &c) in pivots.iter().enumerate() {
            is_pivot[c] = r;
        }
        let mut basis = Vec::new();
        for free in 0..cols {
            if is_pivot[free] != usize::MAX {
                continue;
            }
            let mut v = vec![0u64; cols];
            v[free] = 1;
            for (r, &c) in pivots.iter().enumerate() {
                v[c] = k.neg(a[r][free]);
            }
            basis.push(v);
        }
        // Echelon form of the basis (for canonical coordinates).
        rref(k, &mut basis);
        basis
    }

    /// Matrix times column vector.
    pub fn mul_vec(k: &PrimeField, m: &[Vec<u64>], v: &[u64]) -> Vec<u64> {
        m.iter().map(|row| dot(k, row, v)).collect()
    }

    /// Dot product, with delayed reduction: as many products as fit in a `u64` (or, for
    /// `p >= 2^32`, a `u128`) are added before one reduction.
    #[inline]
    pub fn dot(k: &PrimeField, a: &[u64], b: &[u64]) -> u64 {
        let p = k.p();
        if p < (1 << 32) {
            let sq = (p - 1) * (p - 1);
            let per = u64::MAX
                .checked_div(sq)
                .map_or(usize::MAX, |x| x.max(1) as usize);
            if per >= a.len() {
                let mut acc: u64 = 0;
                for (x, y) in a.iter().zip(b) {
                    acc += x * y;
                }
                return acc % p;
            }
            let mut acc: u64 = 0;
            for (ca, cb) in a.chunks(per).zip(b.chunks(per)) {
                let mut s = 0u64;
                for (x, y) in ca.iter().zip(cb) {
                    s += x * y;
                }
                acc = (acc + s % p) % p;
            }
            acc
        } else {
            // products < 2^126: two fit in a u128
            let mut acc: u128 = 0;
            for (x, y) in a.iter().zip(b) {
                acc += *x as u128 * *y as u128;
                if acc >= 1 << 126 {
                    acc %= p as u128;
                }
            }
            (acc % p as u128) as u64
        }
    }

    /// The characteristic polynomial `det(x I - a)` of a square matrix (coefficients
    /// lowest first, monic), by reduction to Hessenberg form and the Hessenberg
    /// recurrence. `O(n^3)` (Cohen, *A Course in Computational Algebraic Number Theory*,
    /// Algorithm 2.2.9).
    pub fn charpoly(k: &PrimeField, a: &[Vec<u64>]) -> Vec<u64> {
        let n = a.len();
        let mut h: Vec<Vec<u64>> = a.to_vec();
        // Reduce to upper Hessenberg form by similarity transformations.
        for m in 1..n.saturating_sub(1) {
            let Some(i) = (m..n).find(|&i| h[i][m - 1] != 0) else {
                continue;
            };
            if i != m {
                h.swap(i, m);
                for row in h.iter_mut() {
                    row.swap(i, m);
                }
            }
            let t_inv = k.inv(h[m][m - 1]);
            for i in m + 1..n {
                let u = k.mul(h[i][m - 1], t_inv);
                if u == 0 {
                    continue;
                }
                // row_i -= u row_m
                let nu = k.neg(u);
                let (top, bottom) = h.split_at_mut(i);
                let rm = &top[m];
                let ri = &mut bottom[0];
                for j in 0..n {
                    ri[j] = k.mul_add(nu, rm[j], ri[j]);
                }
                // col_m += u col_i
                for row in h.iter_mut() {
                    row[m] = k.mul_add(u, row[i], row[m]);
                }
            }
        }
        // Recurrence: p_0 = 1, p_m = (x - h_mm) p_{m-1} - sum ...
        let mut ps: Vec<Vec<u64>> = vec![vec![1]];
        for m in 1..=n {
            // p_m = x p_{m-1} - h[m-1][m-1] p_{m-1}
            let prev = &ps[m - 1];
            let mut pm = vec![0u64; m + 1];
            for (d, &c) in prev.iter().enumerate() {
                pm[d + 1] = k.add(pm[d + 1], c);
                pm[d] = k.sub(pm[d], k.mul(h[m - 1][m - 1], c));
            }
            let mut t = 1u64;
            for i in 1..m {
                // t = prod_{j} h[m-j][m-j-1] for j = 1..i
                t = k.mul(t, h[m - i][m - i - 1]);
                if t == 0 {
                    break;
                }
                let coef = k.mul(t, h[m - i - 1][m - 1]);
                if coef == 0 {
                    continue;
                }
                for (d, &c) in ps[m - i - 1].iter().enumerate() {
                    pm[d] = k.sub(pm[d], k.mul(coef, c));
                }
            }
            ps.push(pm);
        }
        let mut out = ps.pop().unwrap();
        super::poly::trim(&mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn primes_and_roots_of_unity() {
        assert!(is_prime(2) && is_prime(3) && is_prime(97) && !is_prime(91) && !is_prime(1));
        assert!(is_prime((1 << 61) - 1));
        assert!(!is_prime(3_825_123_056_546_413_051));
        let p = prime_congruent_one(2520, 1000);
        assert_eq!(p % 2520, 1);
        let k = PrimeField::new(p);
        let z = k.root_of_unity(2520);
        assert_eq!(k.pow(z, 2520), 1);
        for r in [2, 3, 5, 7] {
            assert_ne!(k.pow(z, 2520 / r), 1);
        }
    }

    #[test]
    fn field_laws_small() {
        let k = PrimeField::new(31);
        for a in 0..31 {
            for b in 0..31 {
                assert_eq!(k.add(a, b), (a + b) % 31);
                assert_eq!(k.sub(k.add(a, b), b), a);
                assert_eq!(k.mul(a, b), a * b % 31);
                if b != 0 {
                    assert_eq!(k.mul(k.mul(a, b), k.inv(b)), a);
                }
            }
            if let Some(r) = k.sqrt(a) {
                assert_eq!(k.mul(r, r), a);
            }
        }
        let big = PrimeField::new((1 << 61) - 1);
        let a = 123_456_789_012_345_678u64;
        assert_eq!(big.mul(a, big.inv(a)), 1);
        assert_eq!(big.pow(a, big.p() - 1), 1);
    }

    #[test]
    fn roots_match_brute_force() {
        for p in [3u64, 5, 7, 11, 13, 17] {
            let k = PrimeField::new(p);
            // all monic polynomials of degree <= 3
            for d in 1..=3usize {
                let count = p.pow(d as u32);
                for code in 0..count {
                    let mut f: Vec<u64> = (0..d).map(|i| (code / p.pow(i as u32)) % p).collect();
                    f.push(1);
                    let brute: Vec<u64> = (0..p).filter(|&x| poly::eval(&k, &f, x) == 0).collect();
                    assert_eq!(poly::roots(&k, &f), brute, "p={p} f={f:?}");
                }
            }
        }
    }

    #[test]
    fn charpoly_and_nullspace() {
        let k = PrimeField::new(101);
        let a = vec![vec![2, 1, 0], vec![0, 2, 0], vec![0, 0, 3]];
        // (x-2)^2 (x-3) = x^3 - 7x^2 + 16x - 12
        assert_eq!(
            linalg::charpoly(&k, &a),
            vec![k.from_i64(-12), 16, k.from_i64(-7), 1]
        );
        let b = vec![
            vec![1, 2, 3, 4],
            vec![5, 6, 7, 8],
            vec![9, 10, 11, 13],
            vec![0, 1, 0, 1],
        ];
        // compare with the determinant expansion at a few points
        let cp = linalg::charpoly(&k, &b);
        for x in 0..10u64 {
            let m: Vec<Vec<u64>> = (0..4)
                .map(|i| {
                    (0..4)
                        .map(|j| k.sub(if i == j { x } else { 0 }, b[i][j]))
                        .collect()
                })
                .collect();
            assert_eq!(poly::eval(&k, &cp, x), det(&k, m));
        }
        let ns = linalg::nullspace(&k, &[vec![1, 1, 1, 1], vec![0, 1, 2, 3]], 4);
        assert_eq!(ns.len(), 2);
        for v in &ns {
            assert_eq!(linalg::dot(&k, v, &[1, 1, 1, 1]), 0);
            assert_eq!(linalg::dot(&k, v, &[0, 1, 2, 3]), 0);
        }
    }

    fn det(k: &PrimeField, mut m: Vec<Vec<u64>>) -> u64 {
        let n = m.len();
        let mut d = 1;
        for c in 0..n {
            let Some(r) = (c..n).find(|&r| m[r][c] != 0) else {
                return 0;
            };
            if r != c {
                m.swap(r, c);
                d = k.neg(d);
            }
            d = k.mul(d, m[c][c]);
            let inv = k.inv(m[c][c]);
            for i in c + 1..n {
                let f = k.mul(m[i][c], inv);
                for j in c..n {
                    m[i][j] = k.sub(m[i][j], k.mul(f, m[c][j]));
                }
            }
        }
        d
    }
}
