//! The primitive central idempotents of the orbital algebra over `Q` (theory.md §13.2).
//!
//! Take an integral central element `z = sum c_O A_O` (a random small combination of a
//! basis of the centre `Z`, denominators cleared) and its minimal polynomial `mu`, found
//! from the powers of `z` in the algebra. `z` is an integer matrix, so `mu` is monic with
//! integer coefficients, squarefree (the algebra is semisimple), and its rational roots
//! are integers bounded by the largest row sum `R = max_y sum_x |z[y][x]|`. When `mu` has
//! `dim Z` distinct integer roots `lambda_i`, `Z ≅ Q^{dim Z}` and the Lagrange
//! polynomials `e_i = prod_{j != i} (z - lambda_j)/(lambda_i - lambda_j)` are the
//! primitive central idempotents. A root that is not an integer proves that `Z` is not
//! split over `Q` (non-rational characters): refused cleanly.
//!
//! Integer roots are found by evaluating `mu` modulo a 61-bit prime at every integer of
//! `[-R, R]` (a necessary condition) and confirming each candidate exactly.

use super::algebra::OrbitalAlgebra;
use super::linalg::solve_in_span;
use crate::arith::modp::PrimeField;
use crate::arith::Q;
use crate::error::{Error, Result};
use crate::pl::witness::SplitMix;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

/// Central elements tried before concluding none separates the blocks.
const TRIES: u64 = 24;
/// Largest root bound scanned.
pub const MAX_ROOT_BOUND: u64 = 200_000_000;
/// The prime of the scan, `2^61 - 1`.
const PRIME: u64 = (1 << 61) - 1;

/// The error for centres not split over `Q`.
pub fn not_rational() -> Error {
    Error::bad(
        "the commutant of this module has non-rational central idempotents (a simple present has irrational character values): not supported by the commutant route",
        "use --max-order to enumerate the group and use its character table",
    )
}

/// The primitive central idempotents of `algebra` (coefficient vectors), in the order of
/// the roots `lambda_i` ascending.
///
/// Errors: a centre not split over `Q` (bad input, [`not_rational`]); a root bound above
/// [`MAX_ROOT_BOUND`] or no separating element found (bad input).
///
/// Complexity: `O(dim Z)` products in the algebra per try, plus the scan of `2R + 1`
/// integers, `O(deg mu)` modular operations each.
pub fn primitive_central_idempotents(algebra: &OrbitalAlgebra) -> Result<Vec<Vec<Q>>> {
    let centre = algebra.centre();
    let s = centre.len();
    if s == 1 {
        return Ok(vec![algebra.one()]);
    }
    let r = algebra.dim();
    let mut rng = SplitMix::new(0xC0FF_EE00_5EED);
    for _ in 0..TRIES {
        let mut z = vec![Q::zero(); r];
        for b in &centre {
            let k = Q::from_int((rng.next_u64() % 7) as i64 + 1);
            for (zi, bi) in z.iter_mut().zip(b) {
                zi.add_mul_assign(&k, bi);
            }
        }
        let den = z.iter().fold(BigInt::from(1), |d, q| d.lcm(&q.denom()));
        let z: Vec<Q> = z.iter().map(|q| q * &Q::from(den.clone())).collect();
        // Powers until dependent: mu(x) = x^d - sum_i a_i x^i.
        // z is central and integral, so `z^(m+1) = z z^m` is one integer matrix product
        // (`O(r^2)`, no rational reductions); a dependence is looked for modulo PRIME (an
        // exact one survives reduction: the coefficients of the minimal polynomial of an
        // integer matrix are integers) and confirmed exactly.
        let times_z: Vec<Vec<BigInt>> = algebra
            .left_multiplication(&z)
            .iter()
            .map(|row| row.iter().map(|q| q.numer()).collect())
            .collect();
        let mut powers: Vec<Vec<BigInt>> = vec![algebra.one().iter().map(|q| q.numer()).collect()];
        let coeffs = loop {
            let next = apply(&times_z, powers.last().unwrap());
            if dependent_mod_prime(&powers, &next) {
                let as_q =
                    |v: &[BigInt]| -> Vec<Q> { v.iter().map(|c| Q::from(c.clone())).collect() };
                let vectors: Vec<Vec<Q>> = powers.iter().map(|v| as_q(v)).collect();
                if let Some(a) = solve_in_span(&vectors, &as_q(&next)) {
                    break a;
                }
            }
            powers.push(next);
            if powers.len() > s + 1 {
                return Err(Error::verification(
                    "a central element of degree above the dimension of the centre",
                ));
            }
        };
        let d = coeffs.len();
        if d < s {
            continue;
        }
        // mu with integer coefficients, low degree first, monic.
        let mut mu: Vec<BigInt> = Vec::with_capacity(d + 1);
        for a in &coeffs {
            if !a.is_integer() {
                return Err(Error::verification(
                    "minimal polynomial of an integer matrix not integral",
                ));
            }
            mu.push(-a.numer());
        }
        mu.push(BigInt::from(1));
        let bound: BigInt = (0..r)
            .map(|o| z[o].numer().abs() * BigInt::from(algebra.out_degree(o)))
            .sum();
        let bound = bound
            .to_u64()
            .filter(|&b| b <= MAX_ROOT_BOUND)
            .ok_or_else(|| {
                Error::bad(
                    "the eigenvalues of the central element are too large to scan",
                    "use --max-order to enumerate the group and use its character table",
                )
            })?;
        let roots = integer_roots(&mu, bound);
        if roots.len() < d {
            return Err(not_rational());
        }
        // d == s distinct integer roots: Lagrange idempotents
        // `e_i = prod_{j != i} (z - lambda_j)/(lambda_i - lambda_j)`, a polynomial of degree
        // `d - 1` in `z`, read on the powers `z^0, ..., z^(d-1)` already computed.
        let mut out = Vec::with_capacity(s);
        for (i, li) in roots.iter().enumerate() {
            // Coefficients of the Lagrange polynomial, low degree first.
            let mut poly = vec![Q::one()];
            for (j, lj) in roots.iter().enumerate() {
                if i == j {
                    continue;
                }
                let denom = Q::from(li - lj).inv();
                let shift = &Q::from(lj.clone()) * &denom;
                let mut next = vec![Q::zero(); poly.len() + 1];
                for (m, c) in poly.iter().enumerate() {
                    next[m + 1].add_mul_assign(c, &denom);
                    next[m] -= &(c * &shift);
                }
                poly = next;
            }
            // e = (sum_m P_m z^m) / D with integers P_m = D poly[m].
            let den = poly.iter().fold(BigInt::from(1), |d, q| d.lcm(&q.denom()));
            let mut num = vec![BigInt::zero(); r];
            for (c, power) in poly.iter().zip(&powers) {
                let pm = c.numer() * (&den / c.denom());
                if pm.is_zero() {
                    continue;
                }
                for (n, po) in num.iter_mut().zip(power) {
                    if !po.is_zero() {
                        *n += &pm * po;
                    }
                }
            }
            let den = Q::from(den).inv();
            let e: Vec<Q> = num.into_iter().map(|n| &Q::from(n) * &den).collect();
            out.push(e);
        }
        return Ok(out);
    }
    Err(Error::bad(
        "no central element separating the blocks of the commutant was found",
        "use --max-order to enumerate the group and use its character table",
    ))
}

/// The matrix `m` applied to `v`, in integers. Complexity: `O(r^2)`.
fn apply(m: &[Vec<BigInt>], v: &[BigInt]) -> Vec<BigInt> {
    m.iter()
        .map(|row| {
            let mut acc = BigInt::zero();
            for (a, b) in row.iter().zip(v) {
                if !a.is_zero() && !b.is_zero() {
                    acc += a * b;
                }
            }
            acc
        })
        .collect()
}

/// Whether `target` lies in the span of `vectors` modulo [`PRIME`] (a necessary
/// condition for an integral dependence). Complexity: `O(k^2 r)` for `k` vectors.
fn dependent_mod_prime(vectors: &[Vec<BigInt>], target: &[BigInt]) -> bool {
    let k = PrimeField::new(PRIME);
    let p = BigInt::from(PRIME);
    let reduce = |v: &[BigInt]| -> Vec<u64> {
        v.iter()
            .map(|c| c.mod_floor(&p).to_u64().expect("reduced"))
            .collect()
    };
    let mut m: Vec<Vec<u64>> = vectors.iter().map(|v| reduce(v)).collect();
    let before = crate::arith::modp::linalg::rref(&k, &mut m.clone()).len();
    m.push(reduce(target));
    crate::arith::modp::linalg::rref(&k, &mut m).len() == before
}

/// The integer roots of the monic integer polynomial `mu` (low degree first) in
/// `[-bound, bound]`, ascending, each confirmed exactly.
fn integer_roots(mu: &[BigInt], bound: u64) -> Vec<BigInt> {
    let k = PrimeField::new(PRIME);
    let p = BigInt::from(PRIME);
    let red: Vec<u64> = mu
        .iter()
        .map(|c| c.mod_floor(&p).to_u64().expect("reduced"))
        .collect();
    let mut roots = Vec::new();
    let b = bound as i64;
    for t in -b..=b {
        let x = k.from_i64(t);
        let v = red
            .iter()
            .rev()
            .fold(0u64, |acc, &c| k.add(k.mul(acc, x), c));
        if v == 0 {
            let tb = BigInt::from(t);
            let exact = mu.iter().rev().fold(BigInt::zero(), |acc, c| acc * &tb + c);
            if exact.is_zero() {
                roots.push(tb);
            }
        }
    }
    roots
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_roots_are_exact() {
        // (x - 3)(x + 2)(x^2 + 1) = x^4 - x^3 - 5x^2 - x - 6
        let mu: Vec<BigInt> = [-6, -1, -5, -1, 1]
            .iter()
            .map(|&c| BigInt::from(c))
            .collect();
        assert_eq!(
            integer_roots(&mu, 20),
            vec![BigInt::from(-2), BigInt::from(3)]
        );
    }
}
