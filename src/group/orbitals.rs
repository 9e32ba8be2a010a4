//! Orbitals of two `G`-sets: the orbits of `G` on `Y × X` under `(y, x)^g = (y^g, x^g)`.
//!
//! Their indicator matrices `A_O[y][x] = [(y, x) in O]` are a basis of
//! `Hom_G(R^X, R^Y)` (the counting lemma, docs/theory.md §6.2): a `|Y| × |X|` matrix
//! commutes with the permutation actions iff it is constant on the orbitals.
//!
//! ```
//! use plrep::group::{catalog::lookup, gset::{ActionSpec, GSet}, orbitals::Orbitals, Limits};
//! let g = lookup("S5").unwrap();
//! let x = GSet::new(&g, &ActionSpec::Natural, &Limits::default()).unwrap();
//! let o = Orbitals::compute(&x, &x, &Limits::default()).unwrap();
//! assert_eq!(o.len(), 2); // the diagonal and the rest: DeepSets' two weights
//! ```

use crate::error::{Error, LimitKind, Result};
use crate::group::gset::GSet;
use crate::group::limits::Limits;
use std::ops::{AddAssign, Mul};

const NONE: u32 = u32::MAX;

/// The orbits of `G` on `Y × X`, numbered by their first pair in the order
/// `(y, x)` lexicographic (so the diagonal comes first when `X = Y`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Orbitals {
    /// `|X|` (columns of the basis matrices).
    pub from_points: usize,
    /// `|Y|` (rows of the basis matrices).
    pub to_points: usize,
    /// `orbit[y * |X| + x]`.
    orbit: Vec<u32>,
    /// The first pair `(y, x)` of each orbital.
    reps: Vec<(usize, usize)>,
    /// The number of pairs in each orbital.
    sizes: Vec<u64>,
}

impl Orbitals {
    /// The orbitals of `G` on `Y × X`, by breadth-first search from each unvisited pair
    /// along the generators, then re-checked: every pair and its image under every
    /// generator lie in one orbital (a failure is a verification error).
    ///
    /// Errors: `x` and `y` built from different groups or generator lists (bad input);
    /// the `|X| |Y|` table above `limits.max_memory_mb` (limit, `--max-memory-mb`),
    /// checked before allocating.
    ///
    /// Complexity: `O(|X| |Y| #generators)` time, `8 |X| |Y|` bytes.
    pub fn compute(x: &GSet, y: &GSet, limits: &Limits) -> Result<Orbitals> {
        if x.group().degree() != y.group().degree()
            || x.group().generators() != y.group().generators()
        {
            return Err(Error::bad(
                "the two G-sets belong to different groups",
                "build both G-sets from the same group",
            ));
        }
        let (nx, ny) = (x.len(), y.len());
        let pairs = nx as u128 * ny as u128;
        // The orbit table and the breadth-first queue, 4 bytes per pair each.
        if 8 * pairs > (limits.max_memory_mb as u128) << 20 || pairs >= NONE as u128 {
            return Err(Error::limit(
                format!(
                    "{} MiB of orbital tables for |X| = {nx}, |Y| = {ny}",
                    (8 * pairs).div_ceil(1 << 20)
                ),
                format!("{} MiB", limits.max_memory_mb),
                LimitKind::MemoryMb,
            ));
        }
        let gx = x.generators();
        let gy = y.generators();
        let mut orbit = vec![NONE; nx * ny];
        let mut reps = Vec::new();
        let mut sizes = Vec::new();
        let mut queue: Vec<u32> = Vec::new();
        for start in 0..nx * ny {
            if orbit[start] != NONE {
                continue;
            }
            let id = reps.len() as u32;
            reps.push((start / nx, start % nx));
            orbit[start] = id;
            queue.clear();
            queue.push(start as u32);
            let mut i = 0;
            while i < queue.len() {
                let p = queue[i] as usize;
                let (yy, xx) = (p / nx, p % nx);
                for (sx, sy) in gx.iter().zip(gy) {
                    let q = sy.apply(yy) * nx + sx.apply(xx);
                    if orbit[q] == NONE {
                        orbit[q] = id;
                        queue.push(q as u32);
                    }
                }
                i += 1;
            }
            sizes.push(queue.len() as u64);
        }
        drop(queue);
        // The re-check: each orbital is closed under every generator.
        for p in 0..nx * ny {
            let (yy, xx) = (p / nx, p % nx);
            for (sx, sy) in gx.iter().zip(gy) {
                if orbit[sy.apply(yy) * nx + sx.apply(xx)] != orbit[p] {
                    return Err(Error::verification(format!(
                        "orbital of ({yy}, {xx}) is not closed under the generators"
                    )));
                }
            }
        }
        Ok(Orbitals {
            from_points: nx,
            to_points: ny,
            orbit,
            reps,
            sizes,
        })
    }

    /// The number of orbitals, `dim Hom_G(R^X, R^Y)`.
    pub fn len(&self) -> usize {
        self.reps.len()
    }

    /// Whether there are no orbitals (only when `X` or `Y` is empty).
    pub fn is_empty(&self) -> bool {
        self.reps.is_empty()
    }

    /// The orbital of the pair `(y, x)`.
    pub fn orbit_of(&self, y: usize, x: usize) -> usize {
        self.orbit[y * self.from_points + x] as usize
    }

    /// The first pair `(y, x)` of orbital `o`.
    pub fn representative(&self, o: usize) -> (usize, usize) {
        self.reps[o]
    }

    /// The number of pairs in orbital `o` (the number of ones of its basis matrix).
    pub fn size(&self, o: usize) -> u64 {
        self.sizes[o]
    }

    /// `(sum_O weights[O] A_O) v` for `v` in `R^X`: the `G`-map with weight `weights[O]` on
    /// orbital `O`, applied to `v`; `T::default()` must be zero (as for `i64` and
    /// [`crate::arith::Q`]).
    ///
    /// Errors: `weights` not one per orbital or `v` not one per point of `X` (bad input).
    ///
    /// Complexity: `O(|X| |Y|)` ring operations.
    pub fn apply<T>(&self, weights: &[T], v: &[T]) -> Result<Vec<T>>
    where
        T: Clone + Default + for<'a> AddAssign<&'a T>,
        for<'a> &'a T: Mul<&'a T, Output = T>,
    {
        if weights.len() != self.len() || v.len() != self.from_points {
            return Err(Error::bad(
                format!(
                    "{} weights and a vector of length {} for {} orbitals on {} points",
                    weights.len(),
                    v.len(),
                    self.len(),
                    self.from_points
                ),
                "give one weight per orbital and one entry per point of X",
            ));
        }
        let mut out = vec![T::default(); self.to_points];
        for (y, row) in out.iter_mut().enumerate() {
            let orbits = &self.orbit[y * self.from_points..(y + 1) * self.from_points];
            for (&o, vx) in orbits.iter().zip(v) {
                *row += &(&weights[o as usize] * vx);
            }
        }
        Ok(out)
    }

    /// The orbital basis of `Hom_G(R^X, R^Y)` as sparse 0/1 matrices: for each orbital
    /// its pairs `(y, x)` (row, column), ascending.
    ///
    /// Complexity: `O(|X| |Y|)`.
    pub fn basis(&self) -> Vec<Vec<(usize, usize)>> {
        let mut out: Vec<Vec<(usize, usize)>> = self
            .sizes
            .iter()
            .map(|&s| Vec::with_capacity(s as usize))
            .collect();
        for (p, &o) in self.orbit.iter().enumerate() {
            out[o as usize].push((p / self.from_points, p % self.from_points));
        }
        out
    }
}
