//! Field arithmetic on [`Cyclotomic`]: sums, products, quotients, powers, and the
//! operator impls for owned and borrowed operands.

use std::cmp::Ordering;
use std::ops::{Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Sub, SubAssign};

use num_bigint::BigInt;

use super::{conductor_overflow, Cyclotomic, MAX_CONDUCTOR};
use crate::arith::ntheory::lcm;
use crate::arith::q::{forward_binop, Q};
use crate::arith::zumbroich::{merge_terms, reduce_conductor, sparse_to_basis, Coef};

impl Cyclotomic {
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
