//! The checker's sums of cyclotomic numbers with one reduction at the end: elements of
//! `Q(zeta_m)` held as integer multiplicities of the powers `E(m)^e` over one common
//! denominator, i.e. elements of the group ring `Z[x]/(x^m - 1)` scaled by `1/den`
//! (theory.md §24, the checker's group-ring sums).
//!
//! `x -> E(m)` is a ring map `Z[x]/(x^m - 1) -> Z[zeta_m]`, so a sum (or a sum of
//! products) computed in the group ring and mapped once by
//! [`Cyclotomic::from_root_multiplicities`] is the canonical value of the same sum
//! computed term by term in [`Cyclotomic`] arithmetic: equal values have equal canonical
//! forms. The accumulators are `i128` with every addition and product checked; when a
//! check fails (or the field is larger than [`MAX_DENSE_ORDER`]) the caller falls back to
//! term-by-term [`Cyclotomic`] arithmetic, so the result never depends on the route.
//!
//! The checker owns this code: it shares nothing with the search's field
//! (`pl/field.rs`).

use crate::arith::ntheory::lcm;
use crate::arith::{Cyclotomic, Q};

/// Largest `m` held densely (the accumulators have `m` entries).
pub(super) const MAX_DENSE_ORDER: u64 = 1 << 14;

/// A list of elements of `Q(zeta_m)`: entry `i` is `(1/den) sum_{(e, c)} c E(m)^e`.
#[derive(Clone, Debug)]
pub(super) struct DenseList {
    /// The order of the root of unity.
    pub m: u64,
    /// The common denominator (positive).
    pub den: i128,
    /// The nonzero multiplicities `(e, c)`, `e < m`, of every entry, one after the
    /// other (entry `i` is `terms[starts[i]..starts[i + 1]]`: one allocation, read in
    /// order by a weighted sum).
    terms: Vec<(u32, i64)>,
    starts: Vec<usize>,
    /// The largest `sum |c|` of an entry: bounds every accumulator of a weighted sum.
    l1: i128,
}

impl DenseList {
    /// The list with entries `rows` (nonzero multiplicities `(e, c)`, `e < m`).
    fn from_rows(m: u64, den: i128, rows: Vec<Vec<(u32, i64)>>) -> DenseList {
        let mut starts = Vec::with_capacity(rows.len() + 1);
        starts.push(0);
        let mut l1 = 0i128;
        for r in &rows {
            starts.push(starts.last().expect("nonempty") + r.len());
            l1 = l1.max(r.iter().map(|&(_, c)| c.unsigned_abs() as i128).sum());
        }
        DenseList {
            m,
            den,
            terms: rows.concat(),
            starts,
            l1,
        }
    }

    /// The number of entries.
    pub fn entries(&self) -> usize {
        self.starts.len() - 1
    }

    /// The multiplicities of entry `i`.
    pub fn entry(&self, i: usize) -> &[(u32, i64)] {
        &self.terms[self.starts[i]..self.starts[i + 1]]
    }

    /// The canonical `values` as one list over `E(m)`, `m` the lcm of their conductors.
    /// `None` when `m` exceeds [`MAX_DENSE_ORDER`] or a numerator or the denominator
    /// leaves `i64`.
    ///
    /// Complexity: `O(sum of the numbers of terms)`.
    pub fn of(values: &[Cyclotomic]) -> Option<DenseList> {
        let mut m = 1u64;
        let mut den: i64 = 1;
        for v in values {
            m = lcm(m, v.conductor())?;
            if m > MAX_DENSE_ORDER {
                return None;
            }
            for (_, c) in v.terms() {
                let (_, d) = c.as_small()?;
                den = i64::try_from(lcm(den as u64, d as u64)?).ok()?;
            }
        }
        let terms = values
            .iter()
            .map(|v| {
                let step = m / v.conductor();
                v.terms()
                    .iter()
                    .map(|(k, c)| {
                        let (a, d) = c.as_small()?;
                        Some((
                            u32::try_from(*k as u64 * step).ok()?,
                            a.checked_mul(den / d)?,
                        ))
                    })
                    .collect::<Option<Vec<_>>>()
            })
            .collect::<Option<Vec<_>>>()?;
        Some(DenseList::from_rows(m, den as i128, terms))
    }

    /// `sum_i weight[i] entry_i`, canonical; `None` on overflow (the caller then sums
    /// term by term). `buf` is scratch space.
    ///
    /// Complexity: `O(sum over weight[i] != 0 of the terms of entry i + m log m)`.
    pub fn combine(&self, weights: &[i64], buf: &mut Vec<i128>) -> Option<Cyclotomic> {
        buf.clear();
        buf.resize(self.m as usize, 0);
        // Every accumulator is at most `sum |w_i| * l1` in size: when that is below
        // 2^126 no check can fail, and the sums are formed unchecked.
        let wsum: u128 = weights.iter().map(|w| w.unsigned_abs() as u128).sum();
        let safe = wsum
            .checked_mul(self.l1 as u128)
            .is_some_and(|b| b < 1 << 126);
        if safe {
            // Without a test for zero weights: a zero adds nothing, and the test was an
            // unpredictable branch per class (most of the time of a sum).
            for (i, &w) in weights.iter().enumerate().take(self.entries()) {
                for &(e, c) in self.entry(i) {
                    buf[e as usize] += c as i128 * w as i128;
                }
            }
        } else {
            for (i, &w) in weights.iter().enumerate().take(self.entries()) {
                if w == 0 {
                    continue;
                }
                for &(e, c) in self.entry(i) {
                    let x = &mut buf[e as usize];
                    *x = x.checked_add((c as i128).checked_mul(w as i128)?)?;
                }
            }
        }
        finish(self.m, buf, self.den)
    }

    /// `sum_i a_i b_i` over the entries of two lists of the same length, canonical;
    /// `None` on overflow or when the common order exceeds [`MAX_DENSE_ORDER`].
    ///
    /// Complexity: `O(sum_i |terms a_i| |terms b_i| + m log m)`.
    pub fn inner(&self, other: &DenseList, buf: &mut Vec<i128>) -> Option<Cyclotomic> {
        let m = lcm(self.m, other.m).filter(|&m| m <= MAX_DENSE_ORDER)?;
        let (sa, sb) = (m / self.m, m / other.m);
        buf.clear();
        buf.resize(m as usize, 0);
        for i in 0..self.entries().min(other.entries()) {
            let (ta, tb) = (self.entry(i), other.entry(i));
            for &(ea, ca) in ta {
                let ea = ea as u64 * sa;
                for &(eb, cb) in tb {
                    let e = ((ea + eb as u64 * sb) % m) as usize;
                    let p = (ca as i128).checked_mul(cb as i128)?;
                    buf[e] = buf[e].checked_add(p)?;
                }
            }
        }
        finish(m, buf, self.den.checked_mul(other.den)?)
    }

    /// The sums `sum_{i : bucket(i) = b} entry_i` for `b < buckets`, as a list over the
    /// same `E(m)` and denominator (not reduced: the group ring's sums).
    ///
    /// Complexity: `O(sum of the terms + buckets m)`.
    pub fn bucket_sums(
        &self,
        entries: impl Iterator<Item = (usize, usize)>,
        buckets: usize,
    ) -> Option<DenseList> {
        let m = self.m as usize;
        let mut acc = vec![0i64; buckets * m];
        for (b, i) in entries {
            for &(e, c) in self.entry(i) {
                let x = &mut acc[b * m + e as usize];
                *x = x.checked_add(c)?;
            }
        }
        let terms: Vec<Vec<(u32, i64)>> = acc
            .chunks(m)
            .map(|row| {
                row.iter()
                    .enumerate()
                    .filter(|(_, c)| **c != 0)
                    .map(|(e, &c)| (e as u32, c))
                    .collect()
            })
            .collect();
        Some(DenseList::from_rows(self.m, self.den, terms))
    }
}

/// The canonical value of `(1/den) sum_e buf[e] E(m)^e`.
fn finish(m: u64, buf: &[i128], den: i128) -> Option<Cyclotomic> {
    let mult: Vec<i64> = buf
        .iter()
        .map(|&x| i64::try_from(x).ok())
        .collect::<Option<_>>()?;
    let v = Cyclotomic::from_root_multiplicities(m, &mult);
    if den == 1 {
        return Some(v);
    }
    Some(v.scale(&Q::checked_new(1, i64::try_from(den).ok()?)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Cyclotomic {
        s.parse().unwrap()
    }

    #[test]
    fn group_ring_sums_are_the_canonical_sums() {
        let vals = vec![
            c("E(5)+E(5)^4"),
            c("1/2*E(4)"),
            c("-3"),
            c("E(3)-2/3*E(3)^2"),
        ];
        let d = DenseList::of(&vals).unwrap();
        assert_eq!(d.m, 60);
        let mut buf = Vec::new();
        let w = [2i64, -1, 5, 3];
        let expect = vals.iter().zip(w).fold(Cyclotomic::zero(), |acc, (v, w)| {
            &acc + &v.scale(&Q::from_int(w))
        });
        assert_eq!(d.combine(&w, &mut buf).unwrap(), expect);
        let other = DenseList::of(&[c("E(7)"), c("2"), c("E(5)"), c("1/5")]).unwrap();
        let expect = vals
            .iter()
            .zip([c("E(7)"), c("2"), c("E(5)"), c("1/5")])
            .fold(Cyclotomic::zero(), |acc, (a, b)| &acc + &(a * &b));
        assert_eq!(d.inner(&other, &mut buf).unwrap(), expect);
        let sums = d
            .bucket_sums([(0, 0), (1, 1), (0, 2), (1, 3)].into_iter(), 2)
            .unwrap();
        assert_eq!(
            sums.combine(&[1, 0], &mut buf).unwrap(),
            &vals[0] + &vals[2]
        );
        assert_eq!(
            sums.combine(&[0, 1], &mut buf).unwrap(),
            &vals[1] + &vals[3]
        );
    }

    #[test]
    fn overflow_and_large_fields_fall_back() {
        let big = Cyclotomic::from_int(i64::MAX);
        let d = DenseList::of(&[big.clone(), big]).unwrap();
        let mut buf = Vec::new();
        assert!(d.combine(&[2, 0], &mut buf).is_none());
        assert!(DenseList::of(&[Cyclotomic::e(MAX_DENSE_ORDER + 1)]).is_none());
    }
}
