//! Exact cyclotomic numbers: elements of `Q(zeta_n)` for any `n`, in a canonical form.
//!
//! An element is stored as its coordinates on the Zumbroich basis (see
//! [`super::zumbroich`]) of its *conductor*, the smallest `n` with the value in
//! `Q(zeta_n)`. Both choices are canonical, so equal values have equal representations
//! whatever field they were computed in, and the derived `Eq`/`Hash` are value equality.
//! This is GAP's representation, which also makes printing match GAP exactly
//! (GAP reference manual, chapter "Cyclotomic Numbers"; T. Breuer, *Integral bases for
//! subfields of cyclotomic fields*, AAECC 8 (1997)).
//!
//! `E(n)` denotes `exp(2 pi i / n)`.

use std::cmp::Ordering;
use std::fmt;
use std::ops::{Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Sub, SubAssign};
use std::str::FromStr;

use num_bigint::BigInt;

use super::ntheory::{factor, gcd, lcm, mul_mod, pow_mod};
use super::q::{forward_binop, Q};
use super::zumbroich::{
    dense_to_basis, field, fold_dense, inv_mod, merge_terms, reduce_conductor, sparse_to_basis,
    Coef,
};
use crate::error::Error;

/// Largest conductor a [`Cyclotomic`] can have (exponents are stored as `u32`).
pub const MAX_CONDUCTOR: u64 = u32::MAX as u64;

/// Largest conductor accepted by the parser: a single `E(n)` may expand to `phi(n)` terms,
/// so untrusted input must not ask for astronomically large fields.
pub const MAX_PARSE_CONDUCTOR: u64 = 1 << 22;

/// An element of a cyclotomic field, canonical across fields (equal values have equal
/// representations), printed and parsed in GAP notation (`E(n)` = `exp(2 pi i / n)`).
///
/// Invariant (checked by [`Cyclotomic::check_invariants`]): `n` is the conductor
/// (`n ≢ 2 mod 4`, minimal), `terms` are `(k, c)` meaning `c * E(n)^k`, sorted by strictly
/// increasing `k < n`, every `E(n)^k` a Zumbroich basis element, no zero `c`. Zero is
/// `n = 1` with no terms; a nonzero rational `r` is `n = 1`, `terms = [(0, r)]`.
///
/// Arithmetic: `+ - * /` and unary `-` on any mix of owned and borrowed operands, `*` by a
/// [`Q`]. Like integer division, `/` panics on a zero divisor; library code that may meet
/// zero uses [`Cyclotomic::checked_inv`].
///
/// ```
/// use plrep::arith::Cyclotomic;
/// let e5 = Cyclotomic::e(5);
/// let golden = -(e5.pow(2) + e5.pow(3));           // (1 + sqrt 5) / 2
/// assert_eq!(golden.to_string(), "-E(5)^2-E(5)^3");
/// assert_eq!(&golden * &golden, &golden + &Cyclotomic::one());
/// assert_eq!("E(6)".parse::<Cyclotomic>().unwrap(), -Cyclotomic::e(3).pow(2));
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Cyclotomic {
    n: u32,
    terms: Vec<(u32, Q)>,
}

/// Panic message for conductors beyond `u32`: only reachable by combining fields whose
/// lcm exceeds four billion, far outside anything a character table produces.
fn conductor_overflow() -> ! {
    panic!("cyclotomic conductor exceeds {MAX_CONDUCTOR}")
}

impl Cyclotomic {
    // ---- construction ----

    /// Build from a normalised pair `(n, sorted basis terms)` coming out of the reducers.
    fn from_normal(n: u64, t: Vec<(u64, Q)>) -> Cyclotomic {
        if n > MAX_CONDUCTOR {
            conductor_overflow();
        }
        Cyclotomic {
            n: n as u32,
            terms: t.into_iter().map(|(k, c)| (k as u32, c)).collect(),
        }
    }

    /// Normalise an arbitrary sparse sum `sum c * E(n)^k` (`k < n`).
    fn from_sparse(n: u64, t: Vec<(u64, Q)>) -> Cyclotomic {
        let (n, t) = sparse_to_basis(n, t);
        let (n, t) = reduce_conductor(n, t);
        Cyclotomic::from_normal(n, t)
    }

    /// Normalise a dense vector `v[k]` = coefficient of `E(n)^k`.
    fn from_dense<C: Coef>(n: u64, v: Vec<C>) -> (u64, Vec<(u64, C)>) {
        let (n, mut v) = if n % 4 == 2 {
            (n / 2, fold_dense(n, v))
        } else {
            (n, v)
        };
        dense_to_basis(n, &mut v);
        let t: Vec<(u64, C)> = v
            .into_iter()
            .enumerate()
            .filter(|(_, c)| !c.is_zero())
            .map(|(k, c)| (k as u64, c))
            .collect();
        reduce_conductor(n, t)
    }

    /// Zero.
    pub fn zero() -> Cyclotomic {
        Cyclotomic {
            n: 1,
            terms: Vec::new(),
        }
    }

    /// One.
    pub fn one() -> Cyclotomic {
        Cyclotomic::from_q(Q::one())
    }

    /// The rational `q` as a cyclotomic number.
    pub fn from_q(q: Q) -> Cyclotomic {
        if q.is_zero() {
            Cyclotomic::zero()
        } else {
            Cyclotomic {
                n: 1,
                terms: vec![(0, q)],
            }
        }
    }

    /// The integer `k` as a cyclotomic number.
    pub fn from_int(k: i64) -> Cyclotomic {
        Cyclotomic::from_q(Q::from_int(k))
    }

    /// `E(n) = exp(2 pi i / n)`.
    ///
    /// # Panics
    /// If `n == 0` or `n > MAX_CONDUCTOR`.
    ///
    /// ```
    /// use plrep::arith::Cyclotomic;
    /// assert_eq!(Cyclotomic::e(4).to_string(), "E(4)");
    /// assert_eq!(Cyclotomic::e(9).to_string(), "-E(9)^4-E(9)^7");
    /// assert_eq!(Cyclotomic::e(2), Cyclotomic::from_int(-1));
    /// ```
    pub fn e(n: u64) -> Cyclotomic {
        Cyclotomic::root_of_unity(n, 1)
    }

    /// `E(n)^k` for any integer `k` (negative allowed).
    ///
    /// Cost: the rewriting of one root on the basis, at most `prod_{p | n odd} (p-1)` terms.
    ///
    /// # Panics
    /// If `n == 0` or `n > MAX_CONDUCTOR`.
    pub fn root_of_unity(n: u64, k: i64) -> Cyclotomic {
        assert!(
            (1..=MAX_CONDUCTOR).contains(&n),
            "root_of_unity: order {n} out of range"
        );
        let k = k.rem_euclid(n as i64) as u64;
        // Reduce to the order of the root first: E(n)^k = E(n/g)^(k/g).
        let g = gcd(k, n);
        let (n, k) = if k == 0 { (1, 0) } else { (n / g, k / g) };
        Cyclotomic::from_sparse(n, vec![(k, Q::one())])
    }

    /// `sum_s mult[s] * E(m)^s`: the exact value of a character on an element of order
    /// `m` whose eigenvalue `E(m)^s` has multiplicity `mult[s]` (`mult.len() == m`).
    ///
    /// Arguments: `m >= 1` the order, `mult` the multiplicities (any integers).
    /// Returns the canonical cyclotomic number.
    ///
    /// Complexity: `O(m * sum_{p | m} p)` integer operations (the dense rewriting on the
    /// Zumbroich basis, then the reduction to the conductor); no rational arithmetic and
    /// one allocation of `m` machine integers.
    ///
    /// Reference: the rewriting rules of GAP's `ConvertToBase` (GAP reference manual,
    /// "Cyclotomic Numbers"; Breuer 1997).
    ///
    /// # Panics
    /// If `mult.len() != m` or `m == 0` (a caller bug, not input).
    ///
    /// ```
    /// use plrep::arith::Cyclotomic;
    /// // The regular character of C5 on a generator: all eigenvalues once.
    /// assert!(Cyclotomic::from_root_multiplicities(5, &[1, 1, 1, 1, 1]).is_zero());
    /// // 2cos(2pi/5) = E(5) + E(5)^4
    /// let x = Cyclotomic::from_root_multiplicities(5, &[0, 1, 0, 0, 1]);
    /// assert_eq!(x.to_string(), "E(5)+E(5)^4");
    /// ```
    pub fn from_root_multiplicities(m: u64, mult: &[i64]) -> Cyclotomic {
        assert!(
            m >= 1 && mult.len() as u64 == m,
            "from_root_multiplicities: mult.len() != m"
        );
        assert!(
            m <= MAX_CONDUCTOR,
            "from_root_multiplicities: order {m} too large"
        );
        // The rewriting moves each coefficient to at most prod(p-1) < m places, so with
        // this bound i128 cannot overflow; otherwise take the exact rational path.
        let l1: u128 = mult.iter().map(|x| x.unsigned_abs() as u128).sum();
        if l1
            .checked_mul(m as u128)
            .is_some_and(|b| b < (1u128 << 125))
        {
            let v: Vec<i128> = mult.iter().map(|&x| x as i128).collect();
            let (n, t) = Cyclotomic::from_dense(m, v);
            let t = t
                .into_iter()
                .map(|(k, c)| {
                    let q = match i64::try_from(c) {
                        Ok(c) => Q::from_int(c),
                        Err(_) => Q::from(BigInt::from(c)),
                    };
                    (k, q)
                })
                .collect();
            Cyclotomic::from_normal(n, t)
        } else {
            let v: Vec<Q> = mult.iter().map(|&x| Q::from_int(x)).collect();
            let (n, t) = Cyclotomic::from_dense(m, v);
            Cyclotomic::from_normal(n, t)
        }
    }

    /// The principal square root of a rational: `sqrt(q) >= 0` for `q >= 0`, and
    /// `E(4) * sqrt(-q)` for `q < 0`. `None` if the square-free part of `numer * denom`
    /// cannot be found cheaply by trial division or if the result's field would exceed
    /// `E(MAX_PARSE_CONDUCTOR)`.
    ///
    /// Method: `sqrt(a/b) = sqrt(ab)/b`; `sqrt(ab) = s * prod sqrt(p)` over the primes of the
    /// square-free part, with `sqrt(2) = E(8) - E(8)^3` and, for odd `p`, the quadratic
    /// Gauss sum `g_p = sum_k (k/p) E(p)^k`, which is `sqrt(p)` for `p ≡ 1 mod 4` and
    /// `E(4) sqrt(p)` for `p ≡ 3 mod 4` (Gauss; e.g. Ireland–Rosen, *A Classical
    /// Introduction to Modern Number Theory*, ch. 6). GAP's `ER(n)`.
    ///
    /// ```
    /// use plrep::arith::{Cyclotomic, Q};
    /// let r = Cyclotomic::sqrt_of_rational(&Q::from_int(5)).unwrap();
    /// assert_eq!(r.to_string(), "E(5)-E(5)^2-E(5)^3+E(5)^4");
    /// assert_eq!(&r * &r, Cyclotomic::from_int(5));
    /// ```
    pub fn sqrt_of_rational(q: &Q) -> Option<Cyclotomic> {
        use num_traits::{Signed, ToPrimitive};
        if q.is_zero() {
            return Some(Cyclotomic::zero());
        }
        let den = q.denom();
        let m = (q.numer().abs() * &den).to_u128()?;
        // Split m = s^2 * f with f square-free.
        let mut rest = m;
        let mut s: u128 = 1;
        let mut f: Vec<u64> = Vec::new();
        let mut p: u128 = 2;
        while p * p <= rest {
            if p > (1 << 20) {
                // The remaining cofactor may not be prime-checked cheaply.
                if rest > (1u128 << 40) {
                    return None;
                }
            }
            if rest % p == 0 {
                let mut e = 0;
                while rest % p == 0 {
                    rest /= p;
                    e += 1;
                }
                s *= p.pow(e / 2);
                if e % 2 == 1 {
                    f.push(p as u64);
                }
            }
            p += if p == 2 { 1 } else { 2 };
        }
        if rest > 1 {
            if rest > MAX_CONDUCTOR as u128 {
                return None;
            }
            f.push(rest as u64);
        }
        // The result lies in Q(E(4 prod f)) (8 if 2 is among them): refuse huge fields,
        // a Gauss sum for p has p - 1 terms.
        let cond = f.iter().try_fold(8u64, |acc, p| acc.checked_mul(*p));
        if cond.map_or(true, |c| c > MAX_PARSE_CONDUCTOR) {
            return None;
        }
        let mut r = Cyclotomic::one();
        for p in f {
            let sp = if p == 2 {
                Cyclotomic::e(8) - Cyclotomic::root_of_unity(8, 3)
            } else {
                let g = Cyclotomic::from_terms(
                    p,
                    (1..p).map(|k| {
                        let leg = if pow_mod(k, (p - 1) / 2, p) == 1 {
                            1
                        } else {
                            -1
                        };
                        (k as i64, Q::from_int(leg))
                    }),
                );
                if p % 4 == 1 {
                    g
                } else {
                    // g = i sqrt(p)  =>  sqrt(p) = -i g
                    -(Cyclotomic::e(4) * g)
                }
            };
            r = &r * &sp;
        }
        let s = Q::from(BigInt::from(s)) / Q::from(den);
        r = r.scale(&s);
        if q.signum() < 0 {
            r *= Cyclotomic::e(4);
        }
        Some(r)
    }

    /// `sum c * E(n)^k` over the given `(k, c)` pairs (any exponents, repeats allowed).
    ///
    /// # Panics
    /// If `n == 0` or `n > MAX_CONDUCTOR`.
    pub fn from_terms<I: IntoIterator<Item = (i64, Q)>>(n: u64, terms: I) -> Cyclotomic {
        assert!(
            (1..=MAX_CONDUCTOR).contains(&n),
            "from_terms: order {n} out of range"
        );
        let t: Vec<(u64, Q)> = terms
            .into_iter()
            .map(|(k, c)| (k.rem_euclid(n as i64) as u64, c))
            .collect();
        Cyclotomic::from_sparse(n, t)
    }

    // ---- inspection ----

    /// The conductor: the smallest `n` with the value in `Q(E(n))` (1 for rationals;
    /// never `≡ 2 mod 4`).
    pub fn conductor(&self) -> u64 {
        self.n as u64
    }

    /// The coordinates `(k, c)` on the Zumbroich basis of `Q(E(conductor))`: the value is
    /// `sum c * E(conductor)^k`; sorted by `k`, no zero `c`.
    pub fn terms(&self) -> &[(u32, Q)] {
        &self.terms
    }

    /// Is this zero?
    pub fn is_zero(&self) -> bool {
        self.terms.is_empty()
    }

    /// Is this one?
    pub fn is_one(&self) -> bool {
        self.n == 1 && self.terms.len() == 1 && self.terms[0].1.is_one()
    }

    /// Is this rational?
    pub fn is_rational(&self) -> bool {
        self.n == 1
    }

    /// The rational value, if rational.
    pub fn to_q(&self) -> Option<Q> {
        if self.n != 1 {
            return None;
        }
        Some(self.terms.first().map_or_else(Q::zero, |t| t.1.clone()))
    }

    /// Is this an algebraic integer? (The Zumbroich basis is an integral basis, so this is
    /// "all coordinates are integers".)
    pub fn is_integral(&self) -> bool {
        self.terms.iter().all(|(_, c)| c.is_integer())
    }

    /// Is this real (equal to its complex conjugate)?
    pub fn is_real(&self) -> bool {
        self.n <= 2 || *self == self.conj()
    }

    /// A floating-point approximation `(re, im)`; for display and heuristics only, never
    /// for deciding (see [`Cyclotomic::try_sign`]).
    pub fn to_complex(&self) -> (f64, f64) {
        let n = self.n as f64;
        let mut re = 0.0;
        let mut im = 0.0;
        for (k, c) in &self.terms {
            let a = std::f64::consts::TAU * (*k as f64) / n;
            let c = c.to_f64();
            re += c * a.cos();
            im += c * a.sin();
        }
        (re, im)
    }

    /// A floating-point approximation of the real part (the value, for real elements).
    pub fn to_f64(&self) -> f64 {
        if let Some(q) = self.to_q() {
            return q.to_f64();
        }
        self.to_complex().0
    }

    /// Check the canonical-form invariant; used by the tests after every operation.
    pub fn check_invariants(&self) -> Result<(), String> {
        let n = self.n as u64;
        if n == 0 {
            return Err("conductor 0".into());
        }
        if n % 4 == 2 {
            return Err(format!("conductor {n} is 2 mod 4"));
        }
        let f = field(n);
        for (i, (k, c)) in self.terms.iter().enumerate() {
            if (*k as u64) >= n {
                return Err(format!("exponent {k} >= conductor {n}"));
            }
            if i > 0 && self.terms[i - 1].0 >= *k {
                return Err(format!("exponents not strictly increasing at {k}"));
            }
            if c.is_zero() {
                return Err(format!("zero coefficient stored for E({n})^{k}"));
            }
            c.check_invariants()?;
            if !f.is_basis(*k as u64) {
                return Err(format!("E({n})^{k} is not a Zumbroich basis element"));
            }
        }
        if self.terms.is_empty() && n != 1 {
            return Err(format!("zero stored with conductor {n}"));
        }
        let t: Vec<(u64, Q)> = self
            .terms
            .iter()
            .map(|(k, c)| (*k as u64, c.clone()))
            .collect();
        let (m, _) = reduce_conductor(n, t);
        if m != n {
            return Err(format!(
                "conductor {n} is not minimal (value lies in Q(E({m})))"
            ));
        }
        Ok(())
    }

    /// A total order on cyclotomic numbers for deterministic sorting, GAP's `<` on
    /// cyclotomics: first by conductor, then lexicographically by the coordinates on the
    /// Zumbroich basis (absent = 0). On rationals it is the usual order; on other values
    /// it has no meaning beyond being total and consistent with `==` (use
    /// [`Cyclotomic::cmp_real`] to compare real numbers).
    pub fn canonical_cmp(&self, other: &Cyclotomic) -> Ordering {
        if self.n != other.n {
            return self.n.cmp(&other.n);
        }
        let zero = Q::zero();
        let (mut i, mut j) = (0, 0);
        loop {
            let (a, b) = (self.terms.get(i), other.terms.get(j));
            let (ca, cb) = match (a, b) {
                (None, None) => return Ordering::Equal,
                (Some(x), Some(y)) if x.0 == y.0 => {
                    i += 1;
                    j += 1;
                    (&x.1, &y.1)
                }
                (Some(x), Some(y)) if x.0 < y.0 => {
                    i += 1;
                    (&x.1, &zero)
                }
                (Some(x), None) => {
                    i += 1;
                    (&x.1, &zero)
                }
                (_, Some(y)) => {
                    j += 1;
                    (&zero, &y.1)
                }
            };
            match ca.cmp(cb) {
                Ordering::Equal => continue,
                o => return o,
            }
        }
    }

    // ---- field operations ----

    /// Multiply by a rational.
    pub fn scale(&self, q: &Q) -> Cyclotomic {
        if q.is_zero() {
            return Cyclotomic::zero();
        }
        Cyclotomic {
            n: self.n,
            terms: self.terms.iter().map(|(k, c)| (*k, c * q)).collect(),
        }
    }

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

    /// `self^e` for any integer `e` (negative powers invert).
    ///
    /// # Panics
    /// On `0^e` with `e < 0`.
    pub fn pow(&self, e: i64) -> Cyclotomic {
        if self.terms.len() == 1 && self.n > 1 {
            // c E(n)^k: the power is one root, no multiplication needed.
            let (k, c) = &self.terms[0];
            let n = self.n as i64;
            let exp = ((*k as i128 * e as i128).rem_euclid(n as i128)) as i64;
            let coef = c.pow(e);
            return Cyclotomic::root_of_unity(n as u64, exp).scale(&coef);
        }
        let mut base = if e < 0 { self.inv() } else { self.clone() };
        let mut e = e.unsigned_abs();
        let mut acc = Cyclotomic::one();
        while e > 0 {
            if e & 1 == 1 {
                acc = &acc * &base;
            }
            e >>= 1;
            if e > 0 {
                base = &base * &base;
            }
        }
        acc
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

    // ---- certified sign ----

    /// The sign of a real element, certified: `None` if the element is not real.
    ///
    /// Method: evaluate `sum c_k cos(2 pi k/n)` in `f64` from a table of cosines computed
    /// with big-integer fixed point (each entry within `2^-50`), with a rigorous bound on
    /// all rounding errors; if the interval excludes 0 that decides. Otherwise the exact
    /// zero test (canonical form: zero has no terms), and if nonzero, evaluate with
    /// fixed-point big integers at `W = 128, 256, ...` bits with interval bounds on every
    /// cosine (series with tracked truncation errors, `pi` by Machin's formula) until the
    /// interval excludes 0. No decision is ever taken by an unbounded float comparison.
    ///
    /// Termination: with `D` the common denominator, `D x` is a nonzero algebraic integer
    /// (the Zumbroich basis is integral), so `|N(D x)| >= 1`; every conjugate has absolute
    /// value at most `M = sum |D c_k|`, hence `|D x| >= M^{-(phi(n)-1)}`, while the error
    /// bound at `W` bits is `O(M W 2^-W)`: the loop stops once `W ≳ phi(n) log2 M`.
    ///
    /// Cost: `O(#terms)` in the common case; refinement costs `O(#terms * W^2)` bit
    /// operations per round (plus building the cosine table once per conductor).
    ///
    /// Reference: the strategy of exact-sign algorithms for algebraic numbers, e.g.
    /// Yap, *Fundamental Problems of Algorithmic Algebra* (2000), ch. on root bounds.
    ///
    /// ```
    /// use plrep::arith::Cyclotomic;
    /// use std::cmp::Ordering;
    /// let x: Cyclotomic = "E(5)+E(5)^4".parse().unwrap();   // 2cos(2pi/5) > 0
    /// assert_eq!(x.try_sign(), Some(Ordering::Greater));
    /// assert_eq!(Cyclotomic::e(4).try_sign(), None);
    /// ```
    pub fn try_sign(&self) -> Option<Ordering> {
        if let Some(q) = self.to_q() {
            return Some(q.signum().cmp(&0));
        }
        if !self.is_real() {
            return None;
        }
        Some(super::sign::certified_sign(self.n as u64, &self.terms))
    }

    /// The certified sign of a real element (see [`Cyclotomic::try_sign`]).
    ///
    /// # Panics
    /// If the element is not real.
    pub fn sign(&self) -> Ordering {
        self.try_sign()
            .expect("Cyclotomic::sign of a non-real number")
    }

    /// Certified comparison of two real elements (sign of the difference); `None` if
    /// either is not real.
    pub fn try_cmp_real(&self, other: &Cyclotomic) -> Option<Ordering> {
        if !self.is_real() || !other.is_real() {
            return None;
        }
        (self - other).try_sign()
    }

    /// Certified comparison of two real elements.
    ///
    /// # Panics
    /// If either is not real.
    pub fn cmp_real(&self, other: &Cyclotomic) -> Ordering {
        self.try_cmp_real(other)
            .expect("Cyclotomic::cmp_real of a non-real number")
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

// ---- arithmetic on references ----

fn add_ref(a: &Cyclotomic, b: &Cyclotomic) -> Cyclotomic {
    if a.is_zero() {
        return b.clone();
    }
    if b.is_zero() {
        return a.clone();
    }
    if a.n == b.n {
        // Same basis: merge coordinates, then the sum may live in a smaller field.
        let mut t: Vec<(u64, Q)> = Vec::with_capacity(a.terms.len() + b.terms.len());
        let (mut i, mut j) = (0, 0);
        while i < a.terms.len() || j < b.terms.len() {
            let ord = match (a.terms.get(i), b.terms.get(j)) {
                (Some(x), Some(y)) => x.0.cmp(&y.0),
                (Some(_), None) => Ordering::Less,
                _ => Ordering::Greater,
            };
            match ord {
                Ordering::Less => {
                    t.push((a.terms[i].0 as u64, a.terms[i].1.clone()));
                    i += 1;
                }
                Ordering::Greater => {
                    t.push((b.terms[j].0 as u64, b.terms[j].1.clone()));
                    j += 1;
                }
                Ordering::Equal => {
                    let c = &a.terms[i].1 + &b.terms[j].1;
                    if !c.is_zero() {
                        t.push((a.terms[i].0 as u64, c));
                    }
                    i += 1;
                    j += 1;
                }
            }
        }
        let (n, t) = reduce_conductor(a.n as u64, t);
        return Cyclotomic::from_normal(n, t);
    }
    let l = lcm(a.n as u64, b.n as u64).filter(|l| *l <= MAX_CONDUCTOR);
    let l = l.unwrap_or_else(|| conductor_overflow());
    let (sa, sb) = (l / a.n as u64, l / b.n as u64);
    let mut t: Vec<(u64, Q)> = Vec::with_capacity(a.terms.len() + b.terms.len());
    t.extend(a.terms.iter().map(|(k, c)| (*k as u64 * sa, c.clone())));
    t.extend(b.terms.iter().map(|(k, c)| (*k as u64 * sb, c.clone())));
    Cyclotomic::from_sparse(l, t)
}

fn neg_ref(a: &Cyclotomic) -> Cyclotomic {
    Cyclotomic {
        n: a.n,
        terms: a.terms.iter().map(|(k, c)| (*k, -c)).collect(),
    }
}

fn sub_ref(a: &Cyclotomic, b: &Cyclotomic) -> Cyclotomic {
    add_ref(a, &neg_ref(b))
}

/// Integer coordinates: `x = (1/d) * sum a_k E(n)^k`.
enum IntForm {
    Small(i128, Vec<(u64, i128)>),
    Big(BigInt, Vec<(u64, BigInt)>),
}

fn int_form(x: &Cyclotomic) -> IntForm {
    // Small path: common denominator fits u64 and every coefficient is small.
    let mut d: u64 = 1;
    let mut small = true;
    for (_, c) in &x.terms {
        match c.as_small() {
            Some((_, den)) => match lcm(d, den as u64) {
                Some(l) if l <= i64::MAX as u64 => d = l,
                _ => {
                    small = false;
                    break;
                }
            },
            None => {
                small = false;
                break;
            }
        }
    }
    if small {
        let t = x
            .terms
            .iter()
            .map(|(k, c)| {
                let (num, den) = c.as_small().expect("checked small");
                (*k as u64, num as i128 * (d / den as u64) as i128)
            })
            .collect();
        return IntForm::Small(d as i128, t);
    }
    let d = x.terms.iter().fold(BigInt::from(1), |acc, (_, c)| {
        num_integer::Integer::lcm(&acc, &c.denom())
    });
    let t = x
        .terms
        .iter()
        .map(|(k, c)| (*k as u64, c.numer() * (&d / c.denom())))
        .collect();
    IntForm::Big(d, t)
}

fn big_terms(f: IntForm) -> (BigInt, Vec<(u64, BigInt)>) {
    match f {
        IntForm::Small(d, t) => (
            BigInt::from(d),
            t.into_iter().map(|(k, a)| (k, BigInt::from(a))).collect(),
        ),
        IntForm::Big(d, t) => (d, t),
    }
}

fn bits(x: i128) -> u32 {
    128 - x.unsigned_abs().leading_zeros()
}

/// Product: accumulate the products of integer coordinates (no rational arithmetic, no
/// gcds in the inner loop), rewrite on the basis, reduce the conductor, then divide by
/// the product of the common denominators once per coordinate.
fn mul_ref(a: &Cyclotomic, b: &Cyclotomic) -> Cyclotomic {
    if a.is_zero() || b.is_zero() {
        return Cyclotomic::zero();
    }
    if let Some(q) = a.to_q() {
        return b.scale(&q);
    }
    if let Some(q) = b.to_q() {
        return a.scale(&q);
    }
    let l = lcm(a.n as u64, b.n as u64).filter(|l| *l <= MAX_CONDUCTOR);
    let l = l.unwrap_or_else(|| conductor_overflow());
    let (sa, sb) = (l / a.n as u64, l / b.n as u64);
    let products = a.terms.len() as u64 * b.terms.len() as u64;
    let dense = l <= 256 || products * 4 >= l;
    let (fa, fb) = (int_form(a), int_form(b));
    if let (IntForm::Small(da, ta), IntForm::Small(db, tb)) = (&fa, &fb) {
        let ma = ta.iter().map(|x| bits(x.1)).max().unwrap_or(0);
        let mb = tb.iter().map(|x| bits(x.1)).max().unwrap_or(0);
        // Every partial sum is bounded by max|a| max|b| * #terms; the rewriting then moves
        // each coordinate to fewer than l places: keep the total below 2^126.
        let cnt = 64 - products.leading_zeros() + 64 - l.leading_zeros();
        if ma + mb + cnt <= 125 {
            let (n, t) = accumulate(ta, tb, sa, sb, l, dense);
            let d = da * db;
            let t = t
                .into_iter()
                .map(|(k, c)| (k, Q::from_i128(c, d)))
                .collect();
            return Cyclotomic::from_normal(n, t);
        }
    }
    let (da, ta) = big_terms(fa);
    let (db, tb) = big_terms(fb);
    let (n, t) = accumulate(&ta, &tb, sa, sb, l, dense);
    let d = da * db;
    let t = t
        .into_iter()
        .map(|(k, c)| (k, Q::from(num_rational::BigRational::new(c, d.clone()))))
        .collect();
    Cyclotomic::from_normal(n, t)
}

/// `sum a_i b_j E(l)^(i sa + j sb)`, normalised (basis, smallest conductor).
fn accumulate<C: Coef + for<'x> std::ops::AddAssign<&'x C>>(
    ta: &[(u64, C)],
    tb: &[(u64, C)],
    sa: u64,
    sb: u64,
    l: u64,
    dense: bool,
) -> (u64, Vec<(u64, C)>)
where
    for<'x> &'x C: std::ops::Mul<&'x C, Output = C>,
{
    if dense {
        let mut v = vec![C::zero(); l as usize];
        for (i, c) in ta {
            let ei = *i * sa;
            for (j, d) in tb {
                let e = (ei + *j * sb) % l;
                v[e as usize] += &(c * d);
            }
        }
        Cyclotomic::from_dense(l, v)
    } else {
        let mut t: Vec<(u64, C)> = Vec::with_capacity(ta.len() * tb.len());
        for (i, c) in ta {
            let ei = *i * sa;
            for (j, d) in tb {
                t.push(((ei + *j * sb) % l, c * d));
            }
        }
        let (n, t) = sparse_to_basis(l, merge_terms(t));
        reduce_conductor(n, t)
    }
}

fn div_ref(a: &Cyclotomic, b: &Cyclotomic) -> Cyclotomic {
    mul_ref(a, &b.inv())
}

forward_binop!(Cyclotomic, Add, add, add_ref, AddAssign, add_assign);
forward_binop!(Cyclotomic, Sub, sub, sub_ref, SubAssign, sub_assign);
forward_binop!(Cyclotomic, Mul, mul, mul_ref, MulAssign, mul_assign);
// Division panics on a zero divisor, like integer division; see `checked_inv`.
forward_binop!(Cyclotomic, Div, div, div_ref, DivAssign, div_assign);

impl Neg for &Cyclotomic {
    type Output = Cyclotomic;
    fn neg(self) -> Cyclotomic {
        neg_ref(self)
    }
}

impl Neg for Cyclotomic {
    type Output = Cyclotomic;
    fn neg(mut self) -> Cyclotomic {
        for (_, c) in self.terms.iter_mut() {
            *c = -&*c;
        }
        self
    }
}

fn mul_q_ref(a: &Cyclotomic, q: &Q) -> Cyclotomic {
    a.scale(q)
}

/// `Cyclotomic * Q` in all owned/borrowed forms.
macro_rules! forward_scalar {
    ($f:path) => {
        impl Mul<&Q> for &Cyclotomic {
            type Output = Cyclotomic;
            fn mul(self, q: &Q) -> Cyclotomic {
                $f(self, q)
            }
        }
        impl Mul<Q> for Cyclotomic {
            type Output = Cyclotomic;
            fn mul(self, q: Q) -> Cyclotomic {
                $f(&self, &q)
            }
        }
        impl Mul<&Q> for Cyclotomic {
            type Output = Cyclotomic;
            fn mul(self, q: &Q) -> Cyclotomic {
                $f(&self, q)
            }
        }
        impl Mul<Q> for &Cyclotomic {
            type Output = Cyclotomic;
            fn mul(self, q: Q) -> Cyclotomic {
                $f(self, &q)
            }
        }
        impl MulAssign<&Q> for Cyclotomic {
            fn mul_assign(&mut self, q: &Q) {
                *self = $f(self, q);
            }
        }
        impl MulAssign<Q> for Cyclotomic {
            fn mul_assign(&mut self, q: Q) {
                *self = $f(self, &q);
            }
        }
    };
}
forward_scalar!(mul_q_ref);

impl From<Q> for Cyclotomic {
    fn from(q: Q) -> Cyclotomic {
        Cyclotomic::from_q(q)
    }
}

impl From<i64> for Cyclotomic {
    fn from(k: i64) -> Cyclotomic {
        Cyclotomic::from_int(k)
    }
}

impl Default for Cyclotomic {
    fn default() -> Self {
        Cyclotomic::zero()
    }
}

impl std::iter::Sum for Cyclotomic {
    fn sum<I: Iterator<Item = Cyclotomic>>(iter: I) -> Cyclotomic {
        iter.fold(Cyclotomic::zero(), |a, b| a + b)
    }
}

impl<'a> std::iter::Sum<&'a Cyclotomic> for Cyclotomic {
    fn sum<I: Iterator<Item = &'a Cyclotomic>>(iter: I) -> Cyclotomic {
        iter.fold(Cyclotomic::zero(), |a, b| a + b)
    }
}

impl std::iter::Product for Cyclotomic {
    fn product<I: Iterator<Item = Cyclotomic>>(iter: I) -> Cyclotomic {
        iter.fold(Cyclotomic::one(), |a, b| a * b)
    }
}

// ---- GAP notation ----

impl fmt::Display for Cyclotomic {
    /// GAP's printing (`PrintCyc`): terms by increasing exponent; coefficient `1` and
    /// `-1` omitted, `+` between terms, `E(n)` for exponent 1, the rational term alone.
    /// Examples: `3`, `-1/4`, `E(5)`, `-E(5)^2-E(5)^3`, `1/2*E(8)+E(8)^3`, `-1+2*E(4)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.terms.is_empty() {
            return write!(f, "0");
        }
        let n = self.n;
        for (i, (k, c)) in self.terms.iter().enumerate() {
            let root = if *k == 1 {
                format!("E({n})")
            } else {
                format!("E({n})^{k}")
            };
            let positive = c.signum() > 0;
            if i > 0 && positive {
                write!(f, "+")?;
            }
            if *k == 0 {
                write!(f, "{c}")?;
            } else if c.is_one() {
                write!(f, "{root}")?;
            } else if (-c).is_one() {
                write!(f, "-{root}")?;
            } else {
                write!(f, "{c}*{root}")?;
            }
        }
        Ok(())
    }
}

impl fmt::Debug for Cyclotomic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Cyclotomic({self})")
    }
}

/// A recursive-descent parser for sums of products of rationals and powers `E(n)^k`.
struct Parser<'a> {
    s: &'a [u8],
    pos: usize,
    src: &'a str,
}

const PARSE_HINT: &str =
    "expected GAP notation: a sum of terms like 3, -1/2, E(5), 2*E(8)^3, -E(12)^7";

impl<'a> Parser<'a> {
    fn err(&self, what: &str) -> Error {
        Error::bad(
            format!(
                "cannot parse cyclotomic {:?}: {what} at position {}",
                self.src, self.pos
            ),
            PARSE_HINT,
        )
    }

    fn ws(&mut self) {
        while self.pos < self.s.len() && self.s[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.s.get(self.pos).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, c: u8) -> Result<(), Error> {
        if self.eat(c) {
            Ok(())
        } else {
            Err(self.err(&format!("expected '{}'", c as char)))
        }
    }

    fn digits(&mut self) -> Result<BigInt, Error> {
        self.ws();
        let start = self.pos;
        while self.pos < self.s.len() && self.s[self.pos].is_ascii_digit() {
            self.pos += 1;
        }
        if start == self.pos {
            return Err(self.err("expected a number"));
        }
        let text =
            std::str::from_utf8(&self.s[start..self.pos]).map_err(|_| self.err("bad digits"))?;
        text.parse::<BigInt>().map_err(|_| self.err("bad number"))
    }

    fn small(&mut self, what: &str) -> Result<i64, Error> {
        let v = self.digits()?;
        i64::try_from(v).map_err(|_| self.err(&format!("{what} too large")))
    }

    /// A signed integer exponent: `k`, `-k` or `(-k)`.
    fn exponent(&mut self) -> Result<i64, Error> {
        let paren = self.eat(b'(');
        let neg = self.eat(b'-');
        if !neg {
            self.eat(b'+');
        }
        let v = self.small("exponent")?;
        if paren {
            self.expect(b')')?;
        }
        Ok(if neg { -v } else { v })
    }

    /// One term: a product of factors with an optional leading sign handled by the caller.
    /// Returns `(n, k, c)` meaning `c * E(n)^k`.
    fn term(&mut self) -> Result<(u64, u64, Q, Vec<Cyclotomic>), Error> {
        let mut extra: Vec<Cyclotomic> = Vec::new();
        let mut n = 1u64;
        let mut k = 0u64;
        let mut c = Q::one();
        loop {
            match self.peek() {
                Some(b'E') if matches!(self.s.get(self.pos + 1), Some(b'R') | Some(b'I')) => {
                    // GAP's ER(n) = sqrt(n), EI(n) = sqrt(-n).
                    let imaginary = self.s[self.pos + 1] == b'I';
                    self.pos += 2;
                    self.expect(b'(')?;
                    let neg = self.eat(b'-');
                    let v = self.small("square root argument")?;
                    self.expect(b')')?;
                    let v = if neg != imaginary { -v } else { v };
                    let r = Cyclotomic::sqrt_of_rational(&Q::from_int(v))
                        .filter(|r| r.conductor() <= MAX_PARSE_CONDUCTOR)
                        .ok_or_else(|| self.err("square root argument too large"))?;
                    if self.eat(b'^') {
                        return Err(self.err("powers of ER/EI are not supported"));
                    }
                    extra.push(r);
                }
                Some(b'E') => {
                    self.pos += 1;
                    self.expect(b'(')?;
                    let m = self.small("root order")?;
                    if m < 1 || m as u64 > MAX_PARSE_CONDUCTOR {
                        return Err(self.err(&format!(
                            "root order must be between 1 and {MAX_PARSE_CONDUCTOR}"
                        )));
                    }
                    self.expect(b')')?;
                    let e = if self.eat(b'^') { self.exponent()? } else { 1 };
                    let m = m as u64;
                    let l = lcm(n, m)
                        .filter(|l| *l <= MAX_PARSE_CONDUCTOR)
                        .ok_or_else(|| {
                            self.err(&format!(
                                "field of the term exceeds E({MAX_PARSE_CONDUCTOR})"
                            ))
                        })?;
                    let e = (e as i128).rem_euclid(m as i128) as u64;
                    k = (k * (l / n) + e * (l / m)) % l;
                    n = l;
                }
                Some(b'0'..=b'9') => {
                    let v = self.digits()?;
                    c *= Q::from(v);
                }
                Some(b'(') => {
                    return Err(self.err("parentheses are only supported in exponents"));
                }
                _ => return Err(self.err("expected a number or E(n)")),
            }
            if self.eat(b'*') {
                continue;
            }
            if self.eat(b'/') {
                let d = self.digits()?;
                if d == BigInt::from(0) {
                    return Err(self.err("division by zero"));
                }
                c *= Q::from(d).inv();
                if self.eat(b'*') {
                    continue;
                }
            }
            return Ok((n, k, c, extra));
        }
    }

    fn sum(&mut self) -> Result<Cyclotomic, Error> {
        let mut terms: Vec<(u64, u64, Q)> = Vec::new();
        let mut first = true;
        loop {
            let neg = match self.peek() {
                Some(b'-') => {
                    self.pos += 1;
                    true
                }
                Some(b'+') => {
                    self.pos += 1;
                    false
                }
                None if first => return Err(self.err("empty input")),
                None => break,
                _ if first => false,
                _ => return Err(self.err("expected '+' or '-' between terms")),
            };
            first = false;
            let (n, k, c, extra) = self.term()?;
            let c = if neg { -c } else { c };
            if extra.is_empty() {
                terms.push((n, k, c));
            } else {
                // A term with square roots: multiply out now, add as its own terms.
                let root = Cyclotomic::root_of_unity(n, k as i64).scale(&c);
                let x = extra.iter().fold(root, |acc, r| &acc * r);
                let m = x.conductor();
                for (e, d) in x.terms() {
                    terms.push((m, *e as u64, d.clone()));
                }
            }
        }
        let mut l = 1u64;
        for (n, _, _) in &terms {
            l = lcm(l, *n)
                .filter(|l| *l <= MAX_PARSE_CONDUCTOR)
                .ok_or_else(|| self.err(&format!("field exceeds E({MAX_PARSE_CONDUCTOR})")))?;
        }
        let t = terms
            .into_iter()
            .map(|(n, k, c)| (k * (l / n), c))
            .collect();
        Ok(Cyclotomic::from_sparse(l, t))
    }
}

impl FromStr for Cyclotomic {
    type Err = Error;

    /// Parse GAP notation: sums of terms `c*E(n)^k` (also `E(n)^k*c`, `E(n)/2`, products
    /// of several `E(..)`, negative exponents `E(n)^-k` or `E(n)^(-k)`, GAP's square roots
    /// `ER(n)` = `sqrt(n)` and `EI(n)` = `sqrt(-n)` as factors, spaces anywhere).
    /// Errors are [`Error::BadInput`] with a hint; never panics.
    fn from_str(s: &str) -> Result<Cyclotomic, Error> {
        let mut p = Parser {
            s: s.as_bytes(),
            pos: 0,
            src: s,
        };
        p.sum()
    }
}
