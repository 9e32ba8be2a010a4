//! The orbital algebra `End_G(R^X)` (theory.md §13.1): the orbital matrices
//! `A_1, …, A_r` of `G` on `X × X` are a basis (the counting lemma), and
//! `A_i A_j = sum_k c_ij^k A_k` with the intersection numbers
//! `c_ij^k = #{z : (y, z) in O_i, (z, x) in O_j}` for any `(y, x)` in `O_k`.
//! Elements are coefficient vectors over the orbitals; nothing enumerates `G`.

use crate::arith::Q;
use crate::error::Result;
use crate::group::gset::GSet;
use crate::group::limits::{table_size, Limits};
use crate::group::orbitals::Orbitals;

/// The orbital algebra of `G` on `X` with its structure constants.
#[derive(Clone, Debug)]
pub struct OrbitalAlgebra {
    /// The orbitals of `G` on `X × X`.
    pub orbitals: Orbitals,
    /// `consts[(i * r + j) * r + k] = c_ij^k`.
    consts: Vec<u32>,
    /// The orbital of the transposed pairs.
    transpose: Vec<usize>,
    /// The largest number of `x` with `(y, x)` in `O` over `y` (row sums of `A_O`).
    out_degree: Vec<u64>,
}

impl OrbitalAlgebra {
    /// The orbitals of `G` on `X × X` (generator orbit algorithm) and the intersection
    /// numbers.
    ///
    /// Errors: the `|X|^2` orbital table or the `r^3` constants above `--max-memory-mb`
    /// (limit), checked before allocating.
    ///
    /// Complexity: `O(|X|^2 #generators)` for the orbitals, `O(r |X|)` for the constants.
    pub fn new(x: &GSet, limits: &Limits) -> Result<OrbitalAlgebra> {
        let orbitals = Orbitals::compute(x, x, limits)?;
        let r = orbitals.len();
        let n = x.len();
        limits.check_memory(table_size(&[4, r as u128, r as u128, r as u128]), || {
            format!("structure constants of an orbital algebra of dimension {r}")
        })?;
        let mut consts = vec![0u32; r * r * r];
        for k in 0..r {
            let (y, xx) = orbitals.representative(k);
            for z in 0..n {
                let (i, j) = (orbitals.orbit_of(y, z), orbitals.orbit_of(z, xx));
                consts[(i * r + j) * r + k] += 1;
            }
        }
        let transpose = (0..r)
            .map(|o| {
                let (y, xx) = orbitals.representative(o);
                orbitals.orbit_of(xx, y)
            })
            .collect();
        // Row y of A_O has c_{O,O^T}^{diag(y)} ones: the out-degree from the orbit of y.
        let out_degree = (0..r)
            .map(|o| {
                let (y, xx) = orbitals.representative(o);
                let t = orbitals.orbit_of(xx, y);
                let d = orbitals.orbit_of(y, y);
                consts[(o * r + t) * r + d] as u64
            })
            .collect();
        Ok(OrbitalAlgebra {
            orbitals,
            consts,
            transpose,
            out_degree,
        })
    }

    /// The dimension `r` (number of orbitals).
    pub fn dim(&self) -> usize {
        self.orbitals.len()
    }

    /// `|X|`.
    pub fn points(&self) -> usize {
        self.orbitals.from_points
    }

    /// The intersection number `c_ij^k`.
    pub fn constant(&self, i: usize, j: usize, k: usize) -> u32 {
        let r = self.dim();
        self.consts[(i * r + j) * r + k]
    }

    /// The orbital of the transposed pairs of `O`.
    pub fn transpose(&self, o: usize) -> usize {
        self.transpose[o]
    }

    /// The largest row sum of `A_O`.
    pub fn out_degree(&self, o: usize) -> u64 {
        self.out_degree[o]
    }

    /// Whether `O` lies on the diagonal.
    pub fn is_diagonal(&self, o: usize) -> bool {
        let (y, x) = self.orbitals.representative(o);
        y == x
    }

    /// The identity: the sum of the diagonal orbitals.
    pub fn one(&self) -> Vec<Q> {
        (0..self.dim())
            .map(|o| {
                if self.is_diagonal(o) {
                    Q::one()
                } else {
                    Q::zero()
                }
            })
            .collect()
    }

    /// The basis element `A_o`.
    pub fn basis(&self, o: usize) -> Vec<Q> {
        let mut v = vec![Q::zero(); self.dim()];
        v[o] = Q::one();
        v
    }

    /// The product `ab`. Complexity: `O(nnz(a) nnz(b) r)`.
    pub fn mul(&self, a: &[Q], b: &[Q]) -> Vec<Q> {
        let r = self.dim();
        let mut out = vec![Q::zero(); r];
        for (i, ai) in a.iter().enumerate().filter(|p| !p.1.is_zero()) {
            for (j, bj) in b.iter().enumerate().filter(|p| !p.1.is_zero()) {
                let ab = ai * bj;
                let row = &self.consts[(i * r + j) * r..(i * r + j + 1) * r];
                for (k, &c) in row.iter().enumerate() {
                    if c != 0 {
                        out[k].add_mul_assign(&ab, &Q::from_int(c as i64));
                    }
                }
            }
        }
        out
    }

    /// Multiplication by `z` as a matrix on coefficient vectors: `(z b)_k = sum_j m[k][j]
    /// b_j` with `m[k][j] = sum_i z_i c_ij^k`. Repeated products by one element (powers,
    /// polynomials in `z`) then cost `O(r^2)` each instead of [`Self::mul`]'s `O(r^3)`;
    /// the entries are summed in integers when `z` is integral.
    ///
    /// Complexity: `O(nnz(z) r^2)`.
    pub fn left_multiplication(&self, z: &[Q]) -> Vec<Vec<Q>> {
        let r = self.dim();
        let integral: Option<Vec<i64>> = z.iter().map(|q| q.to_i64()).collect();
        match integral {
            Some(zi) => {
                let mut m = vec![vec![0i128; r]; r];
                for (i, &c) in zi.iter().enumerate().filter(|p| *p.1 != 0) {
                    for j in 0..r {
                        let row = &self.consts[(i * r + j) * r..(i * r + j + 1) * r];
                        for (k, &n) in row.iter().enumerate() {
                            if n != 0 {
                                m[k][j] += c as i128 * n as i128;
                            }
                        }
                    }
                }
                m.into_iter()
                    .map(|row| {
                        row.into_iter()
                            .map(|v| Q::from(num_bigint::BigInt::from(v)))
                            .collect()
                    })
                    .collect()
            }
            None => {
                let mut m = vec![vec![Q::zero(); r]; r];
                for (i, c) in z.iter().enumerate().filter(|p| !p.1.is_zero()) {
                    for j in 0..r {
                        let row = &self.consts[(i * r + j) * r..(i * r + j + 1) * r];
                        for (k, &n) in row.iter().enumerate() {
                            if n != 0 {
                                m[k][j].add_mul_assign(c, &Q::from_int(n as i64));
                            }
                        }
                    }
                }
                m
            }
        }
    }

    /// The trace `sum over diagonal orbitals O of a_O |O|`.
    pub fn trace(&self, a: &[Q]) -> Q {
        (0..self.dim())
            .filter(|&o| self.is_diagonal(o))
            .map(|o| &a[o] * &Q::from_int(self.orbitals.size(o) as i64))
            .sum()
    }

    /// Whether the algebra is commutative (`R^X` multiplicity-free).
    pub fn is_commutative(&self) -> bool {
        let r = self.dim();
        (0..r).all(|i| {
            (0..i).all(|j| (0..r).all(|k| self.constant(i, j, k) == self.constant(j, i, k)))
        })
    }

    /// The matrix `a` applied to a vector: `(a v)(y) = sum_x a[orbital(y, x)] v(x)`.
    /// Sums per orbital first, in integers when `v` is integral.
    ///
    /// Complexity: `O(|X|^2 + |X| r)`.
    pub fn apply(&self, a: &[Q], v: &[Q]) -> Vec<Q> {
        let n = self.points();
        let r = self.dim();
        let integral: Option<Vec<i64>> = v.iter().map(|q| q.to_i64()).collect();
        let mut out = Vec::with_capacity(n);
        let mut sums_i = vec![0i128; r];
        let mut sums_q = vec![Q::zero(); r];
        for y in 0..n {
            match &integral {
                Some(vi) => {
                    sums_i.iter_mut().for_each(|s| *s = 0);
                    for (x, &value) in vi.iter().enumerate() {
                        sums_i[self.orbitals.orbit_of(y, x)] += value as i128;
                    }
                    let mut acc = Q::zero();
                    for (o, &s) in sums_i.iter().enumerate() {
                        if s != 0 && !a[o].is_zero() {
                            acc += &(&a[o] * &Q::from(num_bigint::BigInt::from(s)));
                        }
                    }
                    out.push(acc);
                }
                None => {
                    sums_q.iter_mut().for_each(|s| *s = Q::zero());
                    for (x, value) in v.iter().enumerate() {
                        if !value.is_zero() {
                            sums_q[self.orbitals.orbit_of(y, x)] += value;
                        }
                    }
                    let mut acc = Q::zero();
                    for (o, s) in sums_q.iter().enumerate() {
                        if !s.is_zero() && !a[o].is_zero() {
                            acc += &(&a[o] * s);
                        }
                    }
                    out.push(acc);
                }
            }
        }
        out
    }

    /// Coordinate `y` of [`Self::apply`]: `sum_x a[orbital(y, x)] v(x)`. `O(|X| + r)`.
    pub fn apply_row(&self, a: &[Q], v: &[Q], y: usize) -> Q {
        let mut sums = vec![Q::zero(); self.dim()];
        for (x, value) in v.iter().enumerate() {
            if !value.is_zero() {
                sums[self.orbitals.orbit_of(y, x)] += value;
            }
        }
        sums.iter()
            .zip(a)
            .filter(|(s, c)| !s.is_zero() && !c.is_zero())
            .map(|(s, c)| s * c)
            .sum()
    }

    /// A basis of the centre: all of it when commutative, else the nullspace of
    /// `a -> (a A_j - A_j a)_j`.
    ///
    /// Complexity: `O(r^3)` equations reduced exactly (`O(r^4)` worst case).
    pub fn centre(&self) -> Vec<Vec<Q>> {
        let r = self.dim();
        if self.is_commutative() {
            return (0..r).map(|o| self.basis(o)).collect();
        }
        let mut rows: Vec<Vec<Q>> = Vec::new();
        for j in 0..r {
            for k in 0..r {
                let row: Vec<Q> = (0..r)
                    .map(|i| {
                        Q::from_int(self.constant(i, j, k) as i64 - self.constant(j, i, k) as i64)
                    })
                    .collect();
                if row.iter().any(|q| !q.is_zero()) {
                    rows.push(row);
                }
            }
            // Keep the system small: reduce after each generator's equations.
            super::linalg::rref(&mut rows, r);
        }
        super::linalg::nullspace(&rows, r)
    }
}
