//! The prime field `F_p`: arithmetic on residues `0..p`.

use super::{is_prime, prime_factors};

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
    /// a debug assertion: callers obtain primes from [`prime_congruent_one`](super::prime_congruent_one)).
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
