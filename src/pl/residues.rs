//! The reduction of the module's field into a prime field (theory.md §30.1, §31.1):
//! `Z[zeta_m] -> F_p`, `zeta_m -> z`, for a prime `p = 1 mod m` above `2^61` and `z` of
//! order `m`. A ring homomorphism, so a nonzero residue proves a nonzero value, and
//! different residues prove different values; a zero residue proves nothing.
//!
//! Block spaces compare orbital values through it, and the witness search uses it to
//! find the points where a projection does not vanish before computing any exact value.

use super::field::Sparse;
use crate::arith::modp::{prime_congruent_one, PrimeField};
use std::sync::OnceLock;

/// Coordinates of at most this size take the batched path of [`Residues::of_points`].
const SMALL_COORDINATE: u128 = 1 << 62;

/// The residues of one module: the prime field, the powers of `z`, and the characters'
/// short forms reduced (one row per simple, built on first use).
#[derive(Debug)]
pub(crate) struct Residues {
    /// `F_p`, `p = 1 mod m`, `p > 2^61`.
    pub(crate) fq: PrimeField,
    /// `zpow[j] = z^j`, `0 <= j < m`.
    pub(crate) zpow: Vec<u64>,
    psi: Vec<OnceLock<Vec<u64>>>,
    /// Products of two residues (each below `(p - 1)^2`) summed in a `u128` before one
    /// reduction: as many as cannot overflow it.
    dot_batch: usize,
    /// Products of a coordinate below [`SMALL_COORDINATE`] and a residue summed in an
    /// `i128` before one reduction: as many as cannot overflow it.
    point_batch: usize,
}

impl Residues {
    /// The reduction for a field of conductor `m` and `simples` simples.
    pub(crate) fn new(m: usize, simples: usize) -> Residues {
        let fq = PrimeField::new(prime_congruent_one(m as u64, 1 << 61));
        let zpow = fq.root_of_unity_powers(m as u64);
        // p < 2^63, so both batches hold at least 4 terms.
        let top = (fq.p() - 1) as u128;
        let dot_batch = (u128::MAX / (top * top)).clamp(1, 64) as usize;
        let point_batch = (i128::MAX as u128 / (SMALL_COORDINATE * top)).clamp(1, 16) as usize;
        Residues {
            fq,
            zpow,
            psi: (0..simples).map(|_| OnceLock::new()).collect(),
            dot_batch,
            point_batch,
        }
    }

    /// The residue of a sparse field element `sum v zeta_m^j`.
    pub(crate) fn of_sparse(&self, terms: &Sparse) -> u64 {
        let p = self.fq.p() as i128;
        terms.iter().fold(0u64, |a, &(j, v)| {
            self.fq.mul_add(v.rem_euclid(p) as u64, self.zpow[j], a)
        })
    }

    /// The residues of `psi_L(K)` for every class `K` (row `l` of `psi`, computed once).
    pub(crate) fn psi(&self, l: usize, psi: &[Sparse]) -> &[u64] {
        self.psi[l].get_or_init(|| psi.iter().map(|t| self.of_sparse(t)).collect())
    }

    /// The residue of every point of a field vector (`m` integer coordinates per point
    /// over `zeta_m^0, ..., zeta_m^(m-1)`, not reduced).
    ///
    /// Complexity: `O(|X| m)` multiply-adds, one reduction per batch of terms when the
    /// coordinates are below [`SMALL_COORDINATE`].
    pub(crate) fn of_points(&self, v: &[i128]) -> Vec<u64> {
        let m = self.zpow.len();
        let p = self.fq.p() as i128;
        v.chunks_exact(m.max(1))
            .map(|x| {
                if x.iter().all(|c| c.unsigned_abs() < SMALL_COORDINATE) {
                    let mut acc = 0i128;
                    let b = self.point_batch;
                    for (cs, zs) in x.chunks(b).zip(self.zpow.chunks(b)) {
                        let s: i128 = cs.iter().zip(zs).map(|(c, z)| c * *z as i128).sum();
                        acc = (acc + s % p) % p;
                    }
                    acc.rem_euclid(p) as u64
                } else {
                    x.iter().zip(&self.zpow).fold(0u64, |a, (c, z)| {
                        self.fq.mul_add(c.rem_euclid(p) as u64, *z, a)
                    })
                }
            })
            .collect()
    }

    /// `sum a_i b_i mod p` of two residue vectors.
    pub(crate) fn dot(&self, a: &[u64], b: &[u64]) -> u64 {
        let p = self.fq.p() as u128;
        let mut acc = 0u128;
        let batch = self.dot_batch;
        for (ac, bc) in a.chunks(batch).zip(b.chunks(batch)) {
            let s: u128 = ac
                .iter()
                .zip(bc)
                .map(|(x, y)| *x as u128 * *y as u128)
                .sum();
            acc = (acc + s % p) % p;
        }
        acc as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fixed sequence of 64-bit numbers (SplitMix64).
    struct Numbers(u64);
    impl Numbers {
        fn next_u64(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let z = (self.0 ^ (self.0 >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            let z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }
    }

    /// The residue of one field element by the definition: `sum c_j z^j`, each term
    /// reduced on its own.
    fn naive(r: &Residues, x: &[i128]) -> u64 {
        let p = r.fq.p() as i128;
        x.iter().zip(&r.zpow).fold(0, |a, (c, z)| {
            r.fq.add(a, r.fq.mul(c.rem_euclid(p) as u64, *z))
        })
    }

    #[test]
    fn batched_residues_equal_the_definition() {
        let mut g = Numbers(7);
        for m in [1usize, 3, 8, 12, 60, 61, 120] {
            let r = Residues::new(m, 0);
            assert_eq!((r.fq.p() - 1) % m as u64, 0);
            // z has order exactly m: z^m = 1 and no smaller power is.
            let z = r.zpow.get(1).copied().unwrap_or(1);
            assert_eq!(r.fq.mul(r.zpow[m - 1], z), 1);
            for bits in [3u32, 40, 62, 63, 80] {
                let v: Vec<i128> = (0..5 * m)
                    .map(|_| {
                        let x = (g.next_u64() as i128) & ((1i128 << bits) - 1);
                        if g.next_u64() % 2 == 0 {
                            -x
                        } else {
                            x
                        }
                    })
                    .collect();
                let fast = r.of_points(&v);
                for (i, x) in v.chunks_exact(m).enumerate() {
                    assert_eq!(fast[i], naive(&r, x), "m {m} bits {bits} point {i}");
                }
                let a: Vec<u64> = (0..100).map(|_| g.next_u64() % r.fq.p()).collect();
                let b: Vec<u64> = (0..100).map(|_| g.next_u64() % r.fq.p()).collect();
                let dot = a
                    .iter()
                    .zip(&b)
                    .fold(0, |s, (x, y)| r.fq.add(s, r.fq.mul(*x, *y)));
                assert_eq!(r.dot(&a, &b), dot);
            }
            // The largest terms each batched path admits: no overflow.
            let top = (SMALL_COORDINATE - 1) as i128;
            for c in [top, -top] {
                let v = vec![c; 3 * m];
                let fast = r.of_points(&v);
                for (i, x) in v.chunks_exact(m).enumerate() {
                    assert_eq!(fast[i], naive(&r, x), "m {m} extreme {c} point {i}");
                }
            }
            let big = vec![r.fq.p() - 1; 200];
            let dot = big.iter().fold(0, |s, x| r.fq.add(s, r.fq.mul(*x, *x)));
            assert_eq!(r.dot(&big, &big), dot, "m {m} extreme residues");
        }
    }

    #[test]
    fn residues_are_a_ring_map() {
        // (1 + zeta_4)(1 - zeta_4) = 1 - zeta_4^2 = 2 in Z[zeta_4]: residues multiply.
        let r = Residues::new(4, 0);
        let res = |t: &Sparse| r.of_sparse(t);
        let a = res(&vec![(0, 1), (1, 1)]);
        let b = res(&vec![(0, 1), (1, -1)]);
        assert_eq!(r.fq.mul(a, b), 2);
        assert_eq!(res(&vec![(0, 1), (2, 1)]), 0, "1 + zeta_4^2 = 0");
    }
}
