//! Exact linear algebra over `Q` for the small systems of the orbital algebra (its
//! dimension is the number of orbitals `r`, tens to a few hundred): reduced echelon form, nullspace and
//! membership in a span, by Gaussian elimination.

use crate::arith::Q;

/// Row-reduce `rows` in place to reduced echelon form; returns the pivot columns.
///
/// Complexity: `O(#rows * #cols * rank)` exact operations.
pub fn rref(rows: &mut Vec<Vec<Q>>, cols: usize) -> Vec<usize> {
    let mut pivots = Vec::new();
    let mut top = 0;
    for c in 0..cols {
        let Some(p) = (top..rows.len()).find(|&i| !rows[i][c].is_zero()) else {
            continue;
        };
        rows.swap(top, p);
        let inv = rows[top][c].inv();
        for v in rows[top].iter_mut() {
            *v = &*v * &inv;
        }
        let pivot_row = rows[top].clone();
        for (i, row) in rows.iter_mut().enumerate() {
            if i != top && !row[c].is_zero() {
                let f = row[c].clone();
                for (v, pv) in row.iter_mut().zip(&pivot_row) {
                    if !pv.is_zero() {
                        *v -= &(&f * pv);
                    }
                }
            }
        }
        pivots.push(c);
        top += 1;
        if top == rows.len() {
            break;
        }
    }
    rows.truncate(top);
    pivots
}

/// A basis of `{a : sum_c rows[i][c] a[c] = 0 for all i}`: one vector per free column,
/// with a 1 there (the reduced echelon basis, deterministic).
pub fn nullspace(rows: &[Vec<Q>], cols: usize) -> Vec<Vec<Q>> {
    let mut m = rows.to_vec();
    let pivots = rref(&mut m, cols);
    let mut out = Vec::new();
    for free in (0..cols).filter(|c| !pivots.contains(c)) {
        let mut v = vec![Q::zero(); cols];
        v[free] = Q::one();
        for (row, &p) in m.iter().zip(&pivots) {
            v[p] = -&row[free];
        }
        out.push(v);
    }
    out
}

/// Coefficients `a` with `sum_i a[i] vectors[i] = target`, if `target` lies in the span
/// (vectors assumed linearly independent).
pub fn solve_in_span(vectors: &[Vec<Q>], target: &[Q]) -> Option<Vec<Q>> {
    let k = vectors.len();
    let cols = target.len();
    // Augmented system: column i is vectors[i], last column the target.
    let mut rows: Vec<Vec<Q>> = (0..cols)
        .map(|c| {
            let mut row: Vec<Q> = vectors.iter().map(|v| v[c].clone()).collect();
            row.push(target[c].clone());
            row
        })
        .collect();
    let pivots = rref(&mut rows, k + 1);
    if pivots.contains(&k) {
        return None;
    }
    let mut a = vec![Q::zero(); k];
    for (row, &p) in rows.iter().zip(&pivots) {
        a[p] = row[k].clone();
    }
    Some(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(v: &[i64]) -> Vec<Q> {
        v.iter().map(|&x| Q::from_int(x)).collect()
    }

    #[test]
    fn rank_nullspace_and_span_agree() {
        let rows = vec![q(&[1, 2, 3]), q(&[2, 4, 6]), q(&[0, 1, 1])];
        assert_eq!(rref(&mut rows.clone(), 3).len(), 2);
        let ns = nullspace(&rows, 3);
        assert_eq!(ns.len(), 1);
        for r in &rows {
            let dot: Q = r.iter().zip(&ns[0]).map(|(a, b)| a * b).sum();
            assert!(dot.is_zero());
        }
        let a = solve_in_span(&[q(&[1, 0, 1]), q(&[0, 1, 1])], &q(&[2, 3, 5])).unwrap();
        assert_eq!(a, q(&[2, 3]));
        assert!(solve_in_span(&[q(&[1, 0, 1])], &q(&[0, 1, 0])).is_none());
    }
}
