//! Rational numbers with an `i64` fast path and a `BigRational` fallback.
//!
//! `BigRational` allocates for every value and is roughly 25 times slower than machine
//! integers on the small values that dominate character tables, so [`Q`] keeps a value as a
//! pair of `i64` whenever it fits and only falls back to a boxed `BigRational` when an
//! operation overflows. Every result is normalised back to the small form when it fits, so
//! the representation is canonical and the derived `Eq`/`Hash` are value equality.
//!
//! Size: one type with its small/big representation, normalisation, parsing and every
//! operator impl; splitting would expose the private representation across files.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::{Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Sub, SubAssign};
use std::str::FromStr;

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::error::Error;

/// An exact rational number in lowest terms with positive denominator.
///
/// Invariant (checked by [`Q::check_invariants`]): the value is stored as
/// `Small(n, d)` with `d > 0`, `gcd(n, d) = 1` and `n != i64::MIN` whenever numerator and
/// denominator fit that range; only otherwise as a reduced `BigRational`. Excluding
/// `i64::MIN` keeps `abs` and negation of the small form overflow-free.
///
/// Arithmetic: `+ - * /` and unary `-` on any mix of owned and borrowed operands, plus the
/// `*Assign` forms. Like integer division, `/` panics on a zero divisor; use
/// [`Q::checked_inv`] where zero may occur.
///
/// ```
/// use plrep::arith::Q;
/// let a = Q::new(1, 2) + Q::new(1, 3);
/// assert_eq!(a, Q::new(5, 6));
/// assert_eq!(a.to_string(), "5/6");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Q(Repr);

#[derive(Clone, PartialEq, Eq)]
enum Repr {
    Small(i64, i64),
    Big(Box<BigRational>),
}

/// Does `v` fit the small form (`|v| <= i64::MAX`)?
fn small_i128(v: i128) -> Option<i64> {
    if v > i64::MAX as i128 || v < -(i64::MAX as i128) {
        None
    } else {
        Some(v as i64)
    }
}

use super::ntheory::gcd;

impl Q {
    /// Build from an already reduced `i128` pair with positive denominator, falling back to
    /// the big form when it does not fit.
    fn from_reduced_i128(n: i128, d: i128) -> Q {
        debug_assert!(d > 0);
        match (small_i128(n), small_i128(d)) {
            (Some(n), Some(d)) => Q(Repr::Small(n, d)),
            _ => Q(Repr::Big(Box::new(BigRational::new_raw(
                BigInt::from(n),
                BigInt::from(d),
            )))),
        }
    }

    /// The rational `n/d` from `i128` parts (`d != 0`, neither equal to `i128::MIN`).
    pub(crate) fn from_i128(n: i128, d: i128) -> Q {
        Q::from_i128_pair(n, d)
    }

    /// Reduce an arbitrary `i128` fraction (`d != 0`).
    fn from_i128_pair(n: i128, d: i128) -> Q {
        debug_assert!(d != 0);
        let g = gcd(n.unsigned_abs(), d.unsigned_abs());
        // g >= 1 because d != 0; g fits i128 unless both are i128::MIN, which callers avoid.
        let (mut n, mut d) = if g == 1 {
            (n, d)
        } else {
            let g = g as i128;
            (n / g, d / g)
        };
        if d < 0 {
            n = -n;
            d = -d;
        }
        Q::from_reduced_i128(n, d)
    }

    /// Normalise a `BigRational` (already reduced) to the canonical form.
    fn from_big_reduced(r: BigRational) -> Q {
        if let (Some(n), Some(d)) = (r.numer().to_i64(), r.denom().to_i64()) {
            if n != i64::MIN && d != i64::MIN {
                return Q(Repr::Small(n, d));
            }
        }
        Q(Repr::Big(Box::new(r)))
    }

    /// The rational `n/d` in lowest terms.
    ///
    /// # Panics
    /// If `d == 0` (like integer division); use [`Q::checked_new`] on untrusted input.
    ///
    /// ```
    /// use plrep::arith::Q;
    /// assert_eq!(Q::new(4, -6), Q::new(-2, 3));
    /// ```
    pub fn new(n: i64, d: i64) -> Q {
        Q::checked_new(n, d).expect("Q::new: zero denominator")
    }

    /// The rational `n/d` in lowest terms, or `None` if `d == 0`.
    pub fn checked_new(n: i64, d: i64) -> Option<Q> {
        if d == 0 {
            return None;
        }
        Some(Q::from_i128_pair(n as i128, d as i128))
    }

    /// The integer `n`.
    pub fn from_int(n: i64) -> Q {
        if n == i64::MIN {
            Q(Repr::Big(Box::new(BigRational::from_integer(
                BigInt::from(n),
            ))))
        } else {
            Q(Repr::Small(n, 1))
        }
    }

    /// Zero.
    pub fn zero() -> Q {
        Q(Repr::Small(0, 1))
    }

    /// One.
    pub fn one() -> Q {
        Q(Repr::Small(1, 1))
    }

    /// Is this zero?
    pub fn is_zero(&self) -> bool {
        matches!(self.0, Repr::Small(0, _))
    }

    /// Is this one?
    pub fn is_one(&self) -> bool {
        matches!(self.0, Repr::Small(1, 1))
    }

    /// Is this an integer (denominator 1)?
    pub fn is_integer(&self) -> bool {
        match &self.0 {
            Repr::Small(_, d) => *d == 1,
            Repr::Big(r) => r.is_integer(),
        }
    }

    /// The numerator (sign carried here).
    pub fn numer(&self) -> BigInt {
        match &self.0 {
            Repr::Small(n, _) => BigInt::from(*n),
            Repr::Big(r) => r.numer().clone(),
        }
    }

    /// The (positive) denominator.
    pub fn denom(&self) -> BigInt {
        match &self.0 {
            Repr::Small(_, d) => BigInt::from(*d),
            Repr::Big(r) => r.denom().clone(),
        }
    }

    /// Numerator and denominator as `i64` when the value is in the small form.
    pub fn as_small(&self) -> Option<(i64, i64)> {
        match self.0 {
            Repr::Small(n, d) => Some((n, d)),
            Repr::Big(_) => None,
        }
    }

    /// The value as an `i64` if it is an integer in range.
    pub fn to_i64(&self) -> Option<i64> {
        match &self.0 {
            Repr::Small(n, 1) => Some(*n),
            Repr::Small(..) => None,
            Repr::Big(r) => {
                if r.is_integer() {
                    r.numer().to_i64()
                } else {
                    None
                }
            }
        }
    }

    /// The value as an exact `BigRational`.
    pub fn to_big(&self) -> BigRational {
        match &self.0 {
            Repr::Small(n, d) => BigRational::new_raw(BigInt::from(*n), BigInt::from(*d)),
            Repr::Big(r) => (**r).clone(),
        }
    }

    /// A floating-point approximation (nearest-ish; not for deciding anything exactly).
    pub fn to_f64(&self) -> f64 {
        match &self.0 {
            Repr::Small(n, d) => *n as f64 / *d as f64,
            Repr::Big(r) => r.to_f64().unwrap_or(f64::NAN),
        }
    }

    /// The sign: `-1`, `0` or `1`.
    pub fn signum(&self) -> i32 {
        match &self.0 {
            Repr::Small(n, _) => n.signum() as i32,
            Repr::Big(r) => {
                if r.is_negative() {
                    -1
                } else if r.is_zero() {
                    0
                } else {
                    1
                }
            }
        }
    }

    /// The absolute value.
    pub fn abs(&self) -> Q {
        match &self.0 {
            // Never overflows: the small form excludes i64::MIN.
            Repr::Small(n, d) => Q(Repr::Small(n.abs(), *d)),
            Repr::Big(r) => Q(Repr::Big(Box::new(r.abs()))),
        }
    }

    /// The inverse `1/self`, or `None` for zero.
    pub fn checked_inv(&self) -> Option<Q> {
        match &self.0 {
            Repr::Small(0, _) => None,
            Repr::Small(n, d) => {
                let (n, d) = if *n < 0 { (-*d, -*n) } else { (*d, *n) };
                Some(Q(Repr::Small(n, d)))
            }
            Repr::Big(r) => Some(Q::from_big_reduced(r.recip())),
        }
    }

    /// The inverse `1/self`.
    ///
    /// # Panics
    /// On zero (like integer division); use [`Q::checked_inv`] where zero may occur.
    pub fn inv(&self) -> Q {
        self.checked_inv().expect("Q::inv: division by zero")
    }

    /// `self^e` by repeated squaring; negative `e` inverts.
    ///
    /// # Panics
    /// On `0^e` with `e < 0`.
    pub fn pow(&self, e: i64) -> Q {
        let mut base = if e < 0 { self.inv() } else { self.clone() };
        let mut e = e.unsigned_abs();
        let mut acc = Q::one();
        while e > 0 {
            if e & 1 == 1 {
                acc *= &base;
            }
            e >>= 1;
            if e > 0 {
                base = &base * &base;
            }
        }
        acc
    }

    /// Check the representation invariant: lowest terms, positive denominator, and the
    /// small form used whenever the value fits it. Used by the tests after every operation.
    pub fn check_invariants(&self) -> Result<(), String> {
        match &self.0 {
            Repr::Small(n, d) => {
                if *d <= 0 {
                    return Err(format!("non-positive denominator in {n}/{d}"));
                }
                if *n == i64::MIN || *d == i64::MIN {
                    return Err(format!("i64::MIN in small form {n}/{d}"));
                }
                if gcd(n.unsigned_abs(), d.unsigned_abs()) != 1 {
                    return Err(format!("{n}/{d} not in lowest terms"));
                }
                Ok(())
            }
            Repr::Big(r) => {
                if !r.denom().is_positive() {
                    return Err(format!("non-positive denominator in {r}"));
                }
                if !r.numer().gcd(r.denom()).is_one() {
                    return Err(format!("{r} not in lowest terms"));
                }
                let fits = |b: &BigInt| matches!(b.to_i64(), Some(v) if v != i64::MIN);
                if fits(r.numer()) && fits(r.denom()) {
                    return Err(format!("{r} fits the small form but is stored big"));
                }
                Ok(())
            }
        }
    }

    /// `self + a * b` in place: the accumulation used by dot products and cyclotomic
    /// multiplication, with an allocation-free path when everything is a small integer.
    pub fn add_mul_assign(&mut self, a: &Q, b: &Q) {
        if let (Repr::Small(s, 1), Repr::Small(x, 1), Repr::Small(y, 1)) = (&self.0, &a.0, &b.0) {
            if let Some(v) = x.checked_mul(*y).and_then(|p| p.checked_add(*s)) {
                if v != i64::MIN {
                    self.0 = Repr::Small(v, 1);
                    return;
                }
            }
        }
        let p = a * b;
        *self += &p;
    }
}

impl Default for Q {
    fn default() -> Self {
        Q::zero()
    }
}

impl Hash for Q {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // Canonical representation: hashing the variant's parts is consistent with Eq.
        match &self.0 {
            Repr::Small(n, d) => {
                0u8.hash(state);
                n.hash(state);
                d.hash(state);
            }
            Repr::Big(r) => {
                1u8.hash(state);
                r.numer().hash(state);
                r.denom().hash(state);
            }
        }
    }
}

impl fmt::Debug for Q {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Q({self})")
    }
}

impl fmt::Display for Q {
    /// `p/q`, or `p` for integers (GAP's notation).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Repr::Small(n, 1) => write!(f, "{n}"),
            Repr::Small(n, d) => write!(f, "{n}/{d}"),
            Repr::Big(r) => {
                if r.is_integer() {
                    write!(f, "{}", r.numer())
                } else {
                    write!(f, "{}/{}", r.numer(), r.denom())
                }
            }
        }
    }
}

impl FromStr for Q {
    type Err = Error;

    /// Parse `p`, `-p`, `p/q`, `-p/q` (one optional sign, surrounding spaces allowed);
    /// see [`Q::parse_decimal`] for decimals too.
    fn from_str(s: &str) -> Result<Q, Error> {
        parse_rational_text(s, false).ok_or_else(|| {
            Error::bad(
                format!("cannot parse rational {s:?}"),
                "expected a rational like 3, -2/5 or 7/12",
            )
        })
    }
}

impl Q {
    /// The one parser of user-given rational numbers (biases, leaky slopes): an integer,
    /// a fraction `a/b` or a finite decimal `a.b`, with at most one sign in front, any
    /// number of digits (exact: big integers), surrounding spaces allowed and nothing
    /// else (`+-1.5`, `1.`, `.5`, `1/-2`, `1e3` are errors).
    ///
    /// Errors: `None` for anything else (callers phrase the error for their flag).
    ///
    /// Complexity: quadratic in the number of digits at worst (big-integer parsing).
    ///
    /// ```
    /// use plrep::arith::Q;
    /// assert_eq!(Q::parse_decimal("-0.25"), Some(Q::new(-1, 4)));
    /// assert_eq!(Q::parse_decimal("+6/4"), Some(Q::new(3, 2)));
    /// assert_eq!(Q::parse_decimal("+-1.5"), None);
    /// assert_eq!(Q::parse_decimal("0.1000000000000000000001").unwrap().to_string(),
    ///            "1000000000000000000001/10000000000000000000000");
    /// ```
    pub fn parse_decimal(text: &str) -> Option<Q> {
        parse_rational_text(text, true)
    }
}

/// `sign? digits ('/' digits | '.' digits)?` (the `.` form only with `decimals`), with
/// whitespace allowed only around the whole.
fn parse_rational_text(text: &str, decimals: bool) -> Option<Q> {
    let t = text.trim();
    let (negative, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let digits = |x: &str| -> Option<BigInt> {
        if x.is_empty() || !x.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        x.parse::<BigInt>().ok()
    };
    let value = if let Some((a, b)) = body.split_once('/') {
        let (n, d) = (digits(a)?, digits(b)?);
        if d.is_zero() {
            return None;
        }
        BigRational::new(n, d)
    } else if let Some((a, b)) = body.split_once('.').filter(|_| decimals) {
        let (int, frac) = (digits(a)?, digits(b)?);
        let den = num_traits::pow(BigInt::from(10), b.len());
        BigRational::new(int * &den + frac, den)
    } else {
        BigRational::from_integer(digits(body)?)
    };
    Some(Q::from_big_reduced(if negative { -value } else { value }))
}

impl From<i64> for Q {
    fn from(n: i64) -> Q {
        Q::from_int(n)
    }
}

impl From<i32> for Q {
    fn from(n: i32) -> Q {
        Q::from_int(n as i64)
    }
}

impl From<BigInt> for Q {
    fn from(n: BigInt) -> Q {
        Q::from_big_reduced(BigRational::from_integer(n))
    }
}

impl From<BigRational> for Q {
    fn from(r: BigRational) -> Q {
        // `BigRational` values are kept reduced by num-rational's constructors.
        Q::from_big_reduced(r)
    }
}

impl PartialOrd for Q {
    fn partial_cmp(&self, other: &Q) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Q {
    /// Exact comparison (cross multiplication in `i128`, or big integers).
    fn cmp(&self, other: &Q) -> Ordering {
        match (&self.0, &other.0) {
            (Repr::Small(a, b), Repr::Small(c, d)) => {
                ((*a as i128) * (*d as i128)).cmp(&((*c as i128) * (*b as i128)))
            }
            _ => self.to_big().cmp(&other.to_big()),
        }
    }
}

// ---- arithmetic, written once on references ----

fn add_ref(a: &Q, b: &Q) -> Q {
    if let (Repr::Small(n1, d1), Repr::Small(n2, d2)) = (&a.0, &b.0) {
        let (n1, d1, n2, d2) = (*n1, *d1, *n2, *d2);
        if d1 == 1 && d2 == 1 {
            return Q::from_reduced_i128(n1 as i128 + n2 as i128, 1);
        }
        // Knuth 4.5.1: with g = gcd(d1, d2) the only common factor left is in g.
        let g = gcd(d1 as u64, d2 as u64) as i128;
        let (n1, d1, n2, d2) = (n1 as i128, d1 as i128, n2 as i128, d2 as i128);
        if g == 1 {
            return Q::from_reduced_i128(n1 * d2 + n2 * d1, d1 * d2);
        }
        let t = n1 * (d2 / g) + n2 * (d1 / g);
        let g2 = gcd(t.unsigned_abs(), g as u128) as i128;
        return Q::from_reduced_i128(t / g2, (d1 / g) * (d2 / g2));
    }
    Q::from_big_reduced(a.to_big() + b.to_big())
}

fn neg_ref(a: &Q) -> Q {
    match &a.0 {
        Repr::Small(n, d) => Q(Repr::Small(-n, *d)),
        Repr::Big(r) => Q::from_big_reduced(-(**r).clone()),
    }
}

fn sub_ref(a: &Q, b: &Q) -> Q {
    if let Repr::Small(..) = b.0 {
        add_ref(a, &neg_ref(b))
    } else {
        Q::from_big_reduced(a.to_big() - b.to_big())
    }
}

fn mul_ref(a: &Q, b: &Q) -> Q {
    if let (Repr::Small(n1, d1), Repr::Small(n2, d2)) = (&a.0, &b.0) {
        let (n1, d1, n2, d2) = (*n1, *d1, *n2, *d2);
        if d1 == 1 && d2 == 1 {
            return Q::from_reduced_i128(n1 as i128 * n2 as i128, 1);
        }
        // Cross-cancel first so the product is already reduced.
        let g1 = gcd(n1.unsigned_abs(), d2 as u64) as i64;
        let g2 = gcd(n2.unsigned_abs(), d1 as u64) as i64;
        let (g1, g2) = (g1.max(1), g2.max(1));
        let n = (n1 / g1) as i128 * (n2 / g2) as i128;
        let d = (d1 / g2) as i128 * (d2 / g1) as i128;
        if n == 0 {
            return Q::zero();
        }
        return Q::from_reduced_i128(n, d);
    }
    Q::from_big_reduced(a.to_big() * b.to_big())
}

fn div_ref(a: &Q, b: &Q) -> Q {
    mul_ref(a, &b.inv())
}

/// Forward the owned and mixed operator forms to the one written on references.
macro_rules! forward_binop {
    ($ty:ty, $imp:ident, $method:ident, $f:path, $assign_imp:ident, $assign:ident) => {
        impl $imp<&$ty> for &$ty {
            type Output = $ty;
            fn $method(self, rhs: &$ty) -> $ty {
                $f(self, rhs)
            }
        }
        impl $imp<$ty> for $ty {
            type Output = $ty;
            fn $method(self, rhs: $ty) -> $ty {
                $f(&self, &rhs)
            }
        }
        impl $imp<&$ty> for $ty {
            type Output = $ty;
            fn $method(self, rhs: &$ty) -> $ty {
                $f(&self, rhs)
            }
        }
        impl $imp<$ty> for &$ty {
            type Output = $ty;
            fn $method(self, rhs: $ty) -> $ty {
                $f(self, &rhs)
            }
        }
        impl $assign_imp<&$ty> for $ty {
            fn $assign(&mut self, rhs: &$ty) {
                *self = $f(self, rhs);
            }
        }
        impl $assign_imp<$ty> for $ty {
            fn $assign(&mut self, rhs: $ty) {
                *self = $f(self, &rhs);
            }
        }
    };
}
pub(crate) use forward_binop;

forward_binop!(Q, Add, add, add_ref, AddAssign, add_assign);
forward_binop!(Q, Sub, sub, sub_ref, SubAssign, sub_assign);
forward_binop!(Q, Mul, mul, mul_ref, MulAssign, mul_assign);
// Division panics on a zero divisor, like integer division; see `Q::checked_inv`.
forward_binop!(Q, Div, div, div_ref, DivAssign, div_assign);

impl Neg for &Q {
    type Output = Q;
    fn neg(self) -> Q {
        neg_ref(self)
    }
}

impl Neg for Q {
    type Output = Q;
    fn neg(self) -> Q {
        neg_ref(&self)
    }
}

impl std::iter::Sum for Q {
    fn sum<I: Iterator<Item = Q>>(iter: I) -> Q {
        iter.fold(Q::zero(), |a, b| a + b)
    }
}

impl<'a> std::iter::Sum<&'a Q> for Q {
    fn sum<I: Iterator<Item = &'a Q>>(iter: I) -> Q {
        iter.fold(Q::zero(), |a, b| a + b)
    }
}
