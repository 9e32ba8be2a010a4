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

/// A table of small non-negative integers in the narrowest of `u8`, `u16`, `u32` that
/// holds its largest value (chosen before allocating).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Table {
    U8(Vec<u8>),
    U16(Vec<u16>),
    U32(Vec<u32>),
}

impl Table {
    /// Bytes per entry for values below `bound`.
    fn width(bound: usize) -> u128 {
        if bound <= 1 << 8 {
            1
        } else if bound <= 1 << 16 {
            2
        } else {
            4
        }
    }

    /// `len` zeros, for values below `bound`.
    fn zeros(len: usize, bound: usize) -> Table {
        match Table::width(bound) {
            1 => Table::U8(vec![0; len]),
            2 => Table::U16(vec![0; len]),
            _ => Table::U32(vec![0; len]),
        }
    }

    #[inline]
    fn get(&self, i: usize) -> usize {
        match self {
            Table::U8(t) => t[i] as usize,
            Table::U16(t) => t[i] as usize,
            Table::U32(t) => t[i] as usize,
        }
    }

    #[inline]
    fn set(&mut self, i: usize, v: usize) {
        match self {
            Table::U8(t) => t[i] = v as u8,
            Table::U16(t) => t[i] = v as u16,
            Table::U32(t) => t[i] = v as u32,
        }
    }

    /// `f(j, t[start + j])` for `j` in `0..len`, with one dispatch on the width.
    #[inline]
    fn each(&self, start: usize, len: usize, mut f: impl FnMut(usize, usize)) {
        match self {
            Table::U8(t) => t[start..start + len]
                .iter()
                .enumerate()
                .for_each(|(j, &v)| f(j, v as usize)),
            Table::U16(t) => t[start..start + len]
                .iter()
                .enumerate()
                .for_each(|(j, &v)| f(j, v as usize)),
            Table::U32(t) => t[start..start + len]
                .iter()
                .enumerate()
                .for_each(|(j, &v)| f(j, v as usize)),
        }
    }
}

/// The root of `a` in a union-find forest, halving the path.
pub(crate) fn find(parent: &mut [u32], mut a: usize) -> usize {
    while parent[a] as usize != a {
        let p = parent[parent[a] as usize];
        parent[a] = p;
        a = p as usize;
    }
    a
}

/// The orbits of `G` on `Y × X`, numbered by their first pair in the order
/// `(y, x)` lexicographic (so the diagonal comes first when `X = Y`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Orbitals {
    /// `|X|` (columns of the basis matrices).
    pub from_points: usize,
    /// `|Y|` (rows of the basis matrices).
    pub to_points: usize,
    /// `orbit[y * |X| + x]`, in the narrowest integer type holding the number of orbitals.
    orbit: Table,
    /// The first pair `(y, x)` of each orbital.
    reps: Vec<(usize, usize)>,
    /// The number of pairs in each orbital.
    sizes: Vec<u64>,
}

impl Orbitals {
    /// The orbitals of `G` on `Y × X` without a queue of pairs (theory.md §27.1): for each
    /// orbit `Y_0` of `G` on `Y` with first point `y_0`, a breadth-first tree along the
    /// generators gives each `y` in `Y_0` a bijection `T_y` of `X` with `(y, x)` in the
    /// orbit of `(y_0, T_y(x))` (`T_{y_0} = 1`, `T_{g y}(g x) = T_y(x)` along tree edges);
    /// every other edge `y -> g y` joins `T_y(x)` and `T_{g y}(g x)` in a union-find on
    /// `X`, and by Schreier's lemma these joins generate the orbits of the stabilizer
    /// `G_{y_0}` on `X`, which are the orbitals met by row `y_0`. Then re-checked: every
    /// pair and its image under every generator lie in one orbital (a failure is a
    /// verification error).
    ///
    /// Errors: `x` and `y` built from different groups or generator lists (bad input);
    /// the tables above `limits.max_memory_mb` (limit, `--max-memory-mb`), checked before
    /// allocating: the bijections `T_y` (`|X| |Y|` entries of the narrowest integer type
    /// holding `|X|`) and the orbital table (`|X| |Y|` entries of the narrowest type
    /// holding the number of orbitals, at least one byte each).
    ///
    /// Complexity: `O(|X| |Y| #generators)` time (union-find on `|X|` points), at most
    /// `(w(|X|) + w(r)) |X| |Y|` bytes at the peak and `w(r) |X| |Y|` kept, `w` the
    /// width in bytes.
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
        let too_large = |bytes: u128| {
            Error::limit(
                format!(
                    "{} MiB of orbital tables for |X| = {nx}, |Y| = {ny}",
                    bytes.div_ceil(1 << 20)
                ),
                format!("{} MiB", limits.max_memory_mb),
                LimitKind::MemoryMb,
            )
        };
        // The bijections and an orbital table of at least one byte per pair.
        let first = pairs * (Table::width(nx) + 1);
        if first > (limits.max_memory_mb as u128) << 20 || pairs >= NONE as u128 {
            return Err(too_large(first));
        }
        let gx = x.generators();
        let gy = y.generators();
        let ngens = gx.len();
        // T_y, rewritten in place to the local orbital number once its orbit is done.
        let mut bij = Table::zeros(nx * ny, nx);
        // Per y: its orbit on Y and the tree edge into it (`NONE` at the roots).
        let mut row_orbit = vec![NONE; ny];
        let mut tree_edge = vec![NONE as u64; ny];
        // The first provisional number of each orbit's orbitals.
        let mut base: Vec<usize> = Vec::new();
        let mut parent: Vec<u32> = Vec::with_capacity(nx);
        let mut local = vec![NONE; nx];
        let mut members: Vec<usize> = Vec::new();
        let mut image = vec![0usize; nx];
        for y0 in 0..ny {
            if row_orbit[y0] != NONE {
                continue;
            }
            let id = base.len() as u32;
            row_orbit[y0] = id;
            (0..nx).for_each(|xx| bij.set(y0 * nx + xx, xx));
            members.clear();
            members.push(y0);
            let mut i = 0;
            while i < members.len() {
                let yy = members[i];
                for (gi, (sx, sy)) in gx.iter().zip(gy).enumerate() {
                    let y2 = sy.apply(yy);
                    if row_orbit[y2] == NONE {
                        row_orbit[y2] = id;
                        tree_edge[y2] = (yy * ngens + gi) as u64;
                        bij.each(yy * nx, nx, |xx, t| image[sx.apply(xx)] = t);
                        image
                            .iter()
                            .enumerate()
                            .for_each(|(xx, &t)| bij.set(y2 * nx + xx, t));
                        members.push(y2);
                    }
                }
                i += 1;
            }
            // The other edges: Schreier generators of G_{y0}, as joins on X.
            parent.clear();
            parent.extend(0..nx as u32);
            for &yy in &members {
                for (gi, (sx, sy)) in gx.iter().zip(gy).enumerate() {
                    let y2 = sy.apply(yy);
                    if tree_edge[y2] == (yy * ngens + gi) as u64 {
                        continue;
                    }
                    bij.each(y2 * nx, nx, |xx, t| image[xx] = t);
                    bij.each(yy * nx, nx, |xx, t| {
                        let a = find(&mut parent, t);
                        let b = find(&mut parent, image[sx.apply(xx)]);
                        if a != b {
                            parent[a.max(b)] = a.min(b) as u32;
                        }
                    });
                }
            }
            let mut count = 0usize;
            for z in 0..nx {
                let root = find(&mut parent, z);
                if local[root] == NONE {
                    local[root] = count as u32;
                    count += 1;
                }
                image[z] = local[root] as usize;
            }
            for z in 0..nx {
                local[z] = NONE;
            }
            for &yy in &members {
                for xx in 0..nx {
                    let p = yy * nx + xx;
                    bij.set(p, image[bij.get(p)]);
                }
            }
            base.push(base.last().map_or(0, |&b| b) + count);
        }
        drop(parent);
        drop(image);
        let r = base.last().copied().unwrap_or(0);
        let starts: Vec<usize> = std::iter::once(0)
            .chain(base.iter().copied())
            .take(base.len())
            .collect();
        let total = pairs * (Table::width(nx) + Table::width(r));
        if total > (limits.max_memory_mb as u128) << 20 {
            return Err(too_large(total));
        }
        // Renumber by first pair, row by row.
        let mut orbit = Table::zeros(nx * ny, r);
        let mut number = vec![NONE; r];
        let mut reps = Vec::new();
        let mut sizes: Vec<u64> = Vec::new();
        for yy in 0..ny {
            let start = starts[row_orbit[yy] as usize];
            for xx in 0..nx {
                let p = yy * nx + xx;
                let q = start + bij.get(p);
                if number[q] == NONE {
                    number[q] = reps.len() as u32;
                    reps.push((yy, xx));
                    sizes.push(0);
                }
                let o = number[q] as usize;
                sizes[o] += 1;
                orbit.set(p, o);
            }
        }
        drop(bij);
        // The re-check: each orbital is closed under every generator.
        for yy in 0..ny {
            for (sx, sy) in gx.iter().zip(gy) {
                let row = sy.apply(yy) * nx;
                let mut bad = None;
                orbit.each(yy * nx, nx, |xx, o| {
                    if bad.is_none() && orbit.get(row + sx.apply(xx)) != o {
                        bad = Some(xx);
                    }
                });
                if let Some(xx) = bad {
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

    /// `f(x, orbital of (y, x))` for every `x` in `X`, in order: row `y` of the table at
    /// one dispatch on its integer width.
    ///
    /// Complexity: `O(|X|)`.
    #[inline]
    pub fn for_row(&self, y: usize, f: impl FnMut(usize, usize)) {
        self.orbit.each(y * self.from_points, self.from_points, f);
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
        self.orbit.get(y * self.from_points + x)
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
            self.for_row(y, |x, o| *row += &(&weights[o] * &v[x]));
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
        for y in 0..self.to_points {
            self.for_row(y, |x, o| out[o].push((y, x)));
        }
        out
    }
}
