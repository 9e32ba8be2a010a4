//! Polynomials over a prime field.

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
