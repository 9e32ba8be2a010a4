//! Certified sign of real cyclotomic numbers.
//!
//! A real `x = sum c_k E(n)^k` equals `sum c_k cos(2 pi k / n)` exactly (the sines cancel),
//! so its sign is decided from enclosures of cosines:
//! 1. `f64` evaluation against a cached table of cosines whose entries are derived from
//!    big-integer fixed point (not from the platform `cos`, whose accuracy Rust does not
//!    specify), with a rigorous bound on every rounding error;
//! 2. if that interval contains 0 and `x != 0` (exact test, the form is canonical),
//!    fixed-point big-integer evaluation at `W = 128, 256, 512, ...` bits, every cosine
//!    with a proven error bound in units of `2^-W`, until the interval excludes 0.
//!
//! Error bounds are tracked as integers ("ulps" of `2^-W`) through every truncating
//! operation, so the enclosures are proofs, not estimates. `pi` comes from Machin's formula
//! `pi/4 = 4 atan(1/5) - atan(1/239)`; cosines and sines from their Taylor series on
//! `[0, pi/4]` after exact reduction of the rational angle.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::q::Q;

/// A fixed-point enclosure: `|v - x * 2^w| <= err` for the real number `x` it stands for.
#[derive(Debug, Clone)]
pub(crate) struct Fixed {
    pub v: BigInt,
    pub err: u64,
}

fn ceil_div(a: u64, b: u64) -> u64 {
    a.div_ceil(b)
}

/// `atan(1/m) * 2^w` by its alternating series.
fn atan_inv(m: u64, w: u32) -> Fixed {
    let m2 = BigInt::from(m * m);
    let mut power = (BigInt::one() << w) / BigInt::from(m); // 2^w / m^(2i+1)
    let mut ep: u64 = 1; // error of `power`
    let mut sum = power.clone();
    let mut err = ep;
    let mut i: u64 = 1;
    loop {
        power = &power / &m2;
        ep = ceil_div(ep, m * m) + 1;
        if power.is_zero() {
            // True power <= ep; the rest is alternating with ratio <= 1/25: <= 2 ep.
            err += 2 * ep;
            break;
        }
        let term = &power / BigInt::from(2 * i + 1);
        err += ceil_div(ep, 2 * i + 1) + 1;
        if i % 2 == 1 {
            sum -= term;
        } else {
            sum += term;
        }
        i += 1;
    }
    Fixed { v: sum, err }
}

/// `pi * 2^w` with a proven error bound.
pub(crate) fn pi_fixed(w: u32) -> Fixed {
    let a = atan_inv(5, w);
    let b = atan_inv(239, w);
    Fixed {
        v: a.v * 16 - b.v * 4,
        err: 16 * a.err + 4 * b.err,
    }
}

/// `cos(2 pi k / n) * 2^w` with a proven error bound, given `pi` at the same `w`.
pub(crate) fn cos_turn(k: u64, n: u64, w: u32, pi: &Fixed) -> Fixed {
    // Exact reduction of the angle fraction a/b of a full turn to [0, 1/8].
    let (mut a, mut b) = (k % n, n);
    if 2 * a > b {
        a = b - a; // cos(2 pi (1 - f)) = cos(2 pi f)
    }
    let mut negate = false;
    if 4 * a > b {
        // cos(2 pi f) = -cos(2 pi (1/2 - f))
        (a, b) = (b - 2 * a, 2 * b);
        negate = true;
    }
    let use_sin = 8 * a > b;
    if use_sin {
        // cos(2 pi f) = sin(2 pi (1/4 - f))
        (a, b) = (b - 4 * a, 4 * b);
    }
    // theta = 2 pi a / b in [0, pi/4]
    let theta = (&pi.v * BigInt::from(2 * a)) / BigInt::from(b);
    let e_theta = ((2 * a as u128 * pi.err as u128).div_ceil(b as u128) as u64).saturating_add(1);
    let mut r = if use_sin {
        sin_series(&theta, e_theta, w)
    } else {
        cos_series(&theta, e_theta, w)
    };
    if negate {
        r.v = -r.v;
    }
    r
}

/// `theta^2 * 2^w` from `theta * 2^w` (theta < 1), with its error.
fn square(theta: &BigInt, e: u64, w: u32) -> (BigInt, u64) {
    let t2 = (theta * theta) >> w;
    // (t + e)^2 - t^2 = 2te + e^2, in ulps: <= 2e + e^2/2^w, plus 1 for the floor.
    let e2 = 2 * e + ((e as u128 * e as u128) >> w.min(127)) as u64 + 2;
    (t2, e2)
}

/// Taylor series of cos on [0, pi/4]: each term from the previous one by `theta^2/d`.
fn cos_series(theta: &BigInt, e_theta: u64, w: u32) -> Fixed {
    alternating_series(theta, e_theta, w, BigInt::one() << w, 0, 0)
}

/// Taylor series of sin on [0, pi/4].
fn sin_series(theta: &BigInt, e_theta: u64, w: u32) -> Fixed {
    alternating_series(theta, e_theta, w, theta.clone(), e_theta, 1)
}

/// `sum_i (-1)^i t_i` with `t_0 = first` (error `e_first` ulps) and
/// `t_i = t_{i-1} theta^2 / ((2i-1+shift)(2i+shift))`: cos for `shift = 0`, `first = 1`;
/// sin for `shift = 1`, `first = theta`. Returns the sum with a rigorous error bound.
fn alternating_series(
    theta: &BigInt,
    e_theta: u64,
    w: u32,
    first: BigInt,
    e_first: u64,
    shift: u64,
) -> Fixed {
    let (t2, e2) = square(theta, e_theta, w);
    let mut t = first;
    let mut et = e_first;
    let mut sum = t.clone();
    let mut err = et;
    let mut i: u64 = 1;
    loop {
        let d = (2 * i - 1 + shift) * (2 * i + shift);
        t = ((&t * &t2) >> w) / BigInt::from(d);
        // |t T2 - T Theta2| / 2^w <= et + e2 (both factors at most 1), then two floors.
        et = ceil_div(et + e2 + 1, d) + 1;
        if t.is_zero() {
            // True term <= et; later terms shrink by more than 2 each: tail <= 2 et.
            err += 2 * et;
            break;
        }
        if i % 2 == 1 {
            sum -= &t;
        } else {
            sum += &t;
        }
        err += et;
        i += 1;
    }
    Fixed { v: sum, err }
}

/// Cosines `cos(2 pi k / n)` as `f64`, each within `err` of the truth.
#[derive(Debug)]
struct CosTable {
    cos: Vec<f64>,
    err: f64,
}

/// Conductors up to this get a cached `f64` cosine table.
const TABLE_LIMIT: u64 = 1 << 16;
const TABLE_BITS: u32 = 80;

fn build_table(n: u64) -> CosTable {
    let pi = pi_fixed(TABLE_BITS);
    let mut cos = Vec::with_capacity(n as usize);
    let mut max_err: u64 = 0;
    for k in 0..n {
        let c = cos_turn(k, n, TABLE_BITS, &pi);
        max_err = max_err.max(c.err);
        // |c.v| <= 2^80 + err fits i128; `as f64` rounds to nearest (relative 2^-53) and
        // the power-of-two scaling is exact.
        let v = c.v.to_i128().expect("fixed-point cosine fits i128") as f64;
        cos.push(v * (2f64).powi(-(TABLE_BITS as i32)));
    }
    // Rounding of the conversion (|cos| <= 1 so at most 2^-53, doubled for the +err
    // excess) plus the fixed-point error, rounded up generously.
    let err = 2.0 * (2f64).powi(-53) + (max_err as f64 + 1.0) * (2f64).powi(-(TABLE_BITS as i32));
    CosTable {
        cos,
        err: err * 1.01,
    }
}

fn table(n: u64) -> Option<Arc<CosTable>> {
    if n > TABLE_LIMIT {
        return None;
    }
    static TABLES: OnceLock<Mutex<HashMap<u64, Arc<CosTable>>>> = OnceLock::new();
    let m = TABLES.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(t) = m.lock().unwrap_or_else(|e| e.into_inner()).get(&n) {
        return Some(t.clone());
    }
    // Built outside the lock; a concurrent duplicate build is harmless (same contents).
    let t = Arc::new(build_table(n));
    m.lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(n, t.clone());
    Some(t)
}

/// The `f64` stage: `Some(sign)` if the rigorous error bound excludes 0.
fn f64_sign(n: u64, terms: &[(u32, Q)]) -> Option<Ordering> {
    let tab = table(n)?;
    let mut s = 0.0f64;
    let mut abs = 0.0f64;
    for (k, c) in terms {
        let (num, den) = c.as_small()?;
        // |cf - c| <= 5u |cf| (two conversions and a division, each within u).
        let cf = num as f64 / den as f64;
        s += cf * tab.cos[*k as usize];
        abs += cf.abs();
    }
    enclosure_sign(s, abs, terms.len(), tab.err)
}

/// The sign of `s` if the rounding bound of an `f64` sum of `t` terms excludes 0: per
/// term `5u|cf|` (coefficient conversion) `+ 2 err|cf|` (table, with slack) `+ u|cf|`
/// (product), and recursive summation `<= 1.02 t u sum |cf|`; `abs = sum |cf|`. The factor
/// 1.01 absorbs the rounding of the bound's own evaluation.
fn enclosure_sign(s: f64, abs: f64, t: usize, err: f64) -> Option<Ordering> {
    let u = (2f64).powi(-53);
    let bound = abs * (6.0 * u + 2.0 * err + 1.02 * t as f64 * u) * 1.01;
    if s > bound {
        Some(Ordering::Greater)
    } else if s < -bound {
        Some(Ordering::Less)
    } else {
        None
    }
}

/// The `f64` stage on integer coefficients over `E(n)^0, ..., E(n)^(n-1)` in any (not
/// necessarily reduced) form: `Some(sign)` if the rigorous error bound excludes 0, `None`
/// if it does not (or a coefficient exceeds `2^53`). The caller guarantees the number
/// is real, so that it equals the sum of the cosine parts.
pub(crate) fn dense_f64_sign(n: u64, coefficients: &[i128]) -> Option<Ordering> {
    let tab = table(n)?;
    let (mut s, mut abs, mut t) = (0.0f64, 0.0f64, 0usize);
    for (k, &c) in coefficients.iter().enumerate() {
        if c == 0 {
            continue;
        }
        if c.unsigned_abs() > 1 << 53 {
            return None;
        }
        // Exact conversion: |c| <= 2^53.
        let cf = c as f64;
        s += cf * tab.cos[k];
        abs += cf.abs();
        t += 1;
    }
    // Exact coefficients: the bound of `f64_sign` covers this with room to spare.
    enclosure_sign(s, abs, t, tab.err)
}

/// The certified sign of the real number `sum c E(n)^k` (the caller guarantees reality:
/// only the cosine parts are evaluated).
pub(crate) fn certified_sign(n: u64, terms: &[(u32, Q)]) -> Ordering {
    if terms.is_empty() {
        return Ordering::Equal;
    }
    if let Some(s) = f64_sign(n, terms) {
        return s;
    }
    // Canonical form: a nonzero value has at least one term, so it is not zero here.
    // Integer coefficients A_k = c_k * D.
    let d = terms
        .iter()
        .fold(BigInt::one(), |acc, (_, c)| acc.lcm(&c.denom()));
    let a: Vec<(u64, BigInt)> = terms
        .iter()
        .map(|(k, c)| (*k as u64, c.numer() * (&d / c.denom())))
        .collect();
    let mut w: u32 = 128;
    loop {
        let pi = pi_fixed(w);
        let mut s = BigInt::zero();
        let mut e = BigInt::zero();
        for (k, ak) in &a {
            let c = cos_turn(*k, n, w, &pi);
            s += ak * &c.v;
            e += ak.abs() * BigInt::from(c.err);
        }
        if s.abs() > e {
            return if s.is_positive() {
                Ordering::Greater
            } else {
                Ordering::Less
            };
        }
        w = w
            .checked_mul(2)
            .expect("certified sign: precision overflow");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dense `f64` stage never contradicts the exact sign: random real elements
    /// `sum c_k (E(n)^k + E(n)^-k)` (and near-cancelling ones), in unreduced dense form.
    #[test]
    fn dense_sign_agrees_with_the_exact_sign() {
        use crate::arith::Cyclotomic;
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut decided = 0;
        for n in [3u64, 5, 7, 8, 12, 15, 20, 24, 60] {
            for trial in 0..300 {
                let mut v = vec![0i128; n as usize];
                for k in 0..n as usize {
                    let c = (next() % 7) as i128 - 3;
                    if trial % 3 == 0 && k > 2 {
                        continue; // sparse, often cancelling
                    }
                    v[k] += c;
                    v[(n as usize - k) % n as usize] += c;
                }
                let exact = {
                    let mut x = Cyclotomic::zero();
                    for (k, &c) in v.iter().enumerate() {
                        x += &(&Cyclotomic::root_of_unity(n, k as i64)
                            * &Cyclotomic::from_int(c as i64));
                    }
                    x.sign()
                };
                if let Some(s) = dense_f64_sign(n, &v) {
                    assert_eq!(s, exact, "n = {n}, {v:?}");
                    decided += 1;
                } else {
                    assert!(v.iter().any(|c| *c != 0) || exact == Ordering::Equal);
                }
            }
        }
        assert!(decided > 1000, "the fast stage decided only {decided}");
    }

    #[test]
    fn pi_enclosure() {
        let p = pi_fixed(200);
        // pi = 3.14159265358979323846264338327950288419716939937510...
        let approx = p.v.to_f64().unwrap() / (2f64).powi(200);
        assert!((approx - std::f64::consts::PI).abs() < 1e-15);
        assert!(p.err < 1 << 20);
    }

    #[test]
    fn cos_enclosures_match_f64() {
        for n in 1..40u64 {
            let pi = pi_fixed(100);
            for k in 0..n {
                let c = cos_turn(k, n, 100, &pi);
                let v = c.v.to_f64().unwrap() / (2f64).powi(100);
                let t = (std::f64::consts::TAU * k as f64 / n as f64).cos();
                assert!((v - t).abs() < 1e-14, "cos 2pi {k}/{n}: {v} vs {t}");
                assert!(c.err < 1 << 20);
            }
        }
    }
}
