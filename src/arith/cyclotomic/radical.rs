//! Radical form of quadratic irrationals (`(1 + sqrt(2))/8`), for display next to GAP
//! notation.

use std::cmp::Ordering;

use super::Cyclotomic;
use crate::arith::Q;

/// The value of a real cyclotomic `x` of degree at most 2 as a radical, e.g.
/// `(1 + sqrt(2))/8`, `-sqrt(3)/6`, `1/4`; `None` if `x` is not real or has degree `> 2`
/// (or the square-free part is too large to find by trial division).
///
/// Method: collect the Galois conjugates `sigma_k(x)`; if there is exactly one other,
/// `x'`, then `r = (x + x')/2` and `D = ((x - x')/2)^2` are rational and
/// `x = r ± sqrt(D)`, the sign from the certified sign of `x - r`. The result is checked
/// by rebuilding it with [`Cyclotomic::sqrt_of_rational`].
///
/// Complexity: up to `phi(N)` Galois images for the conductor `N` of `x`.
///
/// ```
/// use plrep::arith::{Cyclotomic, Q};
/// use plrep::fourier::quadratic_radical;
/// let x = (Cyclotomic::one() + Cyclotomic::sqrt_of_rational(&Q::from_int(2)).unwrap()).scale(&Q::new(1, 8));
/// assert_eq!(quadratic_radical(&x).unwrap(), "(1 + sqrt(2))/8");
/// assert_eq!(quadratic_radical(&Cyclotomic::e(7)), None);
/// ```
pub fn quadratic_radical(x: &Cyclotomic) -> Option<String> {
    use num_integer::Integer;
    use num_traits::{One, Signed, ToPrimitive, Zero};
    if let Some(q) = x.to_q() {
        return Some(q.to_string());
    }
    if !x.is_real() {
        return None;
    }
    let n = x.conductor();
    let mut other: Option<Cyclotomic> = None;
    for k in 2..n {
        if k.gcd(&n) != 1 {
            continue;
        }
        let y = x.galois(k as i64);
        if &y == x {
            continue;
        }
        match &other {
            None => other = Some(y),
            Some(o) if *o == y => {}
            Some(_) => return None,
        }
    }
    let other = other?;
    let half = Q::new(1, 2);
    let r = (x + &other).scale(&half).to_q()?;
    let diff = (x - &other).scale(&half);
    let d_q = (&diff * &diff).to_q()?;
    if d_q.signum() <= 0 {
        return None;
    }
    // sqrt(p/q) = sqrt(p q)/q, p q = f^2 * d with d square-free.
    let m = (d_q.numer() * d_q.denom()).to_u128()?;
    let (mut rest, mut f, mut d) = (m, 1u128, 1u128);
    let mut p = 2u128;
    while p * p <= rest {
        if p > 1 << 24 {
            return None;
        }
        let mut e = 0;
        while rest % p == 0 {
            rest /= p;
            e += 1;
        }
        f *= p.pow(e / 2);
        if e % 2 == 1 {
            d *= p;
        }
        p += 1;
    }
    d *= rest;
    let big = |v: u128| -> Option<Q> { Some(Q::from(num_bigint::BigInt::from(v))) };
    let mut c = big(f)? * Q::from(d_q.denom()).inv();
    if (x - Cyclotomic::from_q(r.clone())).sign() == Ordering::Less {
        c = -c;
    }
    let dq = big(d)?;
    let rebuilt = Cyclotomic::from_q(r.clone()) + Cyclotomic::sqrt_of_rational(&dq)?.scale(&c);
    if &rebuilt != x {
        return None;
    }
    // Common denominator: x = (R + C sqrt(d))/L.
    let l = r.denom().lcm(&c.denom());
    let big_l = Q::from(l.clone());
    let rr = (&r * &big_l).numer();
    let cc = (&c * &big_l).numer();
    let root = if cc.abs().is_one() {
        format!("sqrt({d})")
    } else {
        format!("{} sqrt({d})", cc.abs())
    };
    let body = if rr.is_zero() {
        if cc.is_negative() {
            format!("-{root}")
        } else {
            root
        }
    } else {
        format!("{rr} {} {root}", if cc.is_negative() { "-" } else { "+" })
    };
    Some(if l.is_one() {
        body
    } else if rr.is_zero() {
        format!("{body}/{l}")
    } else {
        format!("({body})/{l}")
    })
}
