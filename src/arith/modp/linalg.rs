//! Dense linear algebra over a prime field.

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
