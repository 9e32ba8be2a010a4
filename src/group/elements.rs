//! A group enumerated element by element: compact storage, index lookup, products by index.
//!
//! Elements are indexed by their *coordinates* in the stabilizer chain (Sims 1970;
//! Seress 2003, §4.1): with base `b_0..b_{m-1}` and transversals `T_l` (coset
//! representatives of `G^(l+1)` in `G^(l)`, listed in the breadth-first order of the
//! basic orbit, so `T_l[0]` is the identity), every element is uniquely
//! `g = t_{m-1} ··· t_1 t_0` with `t_l = T_l[c_l]` (right action: `t_{m-1}` applies
//! first), and its index is the mixed-radix number `sum_l c_l * stride_l`,
//! `stride_0 = 1`, `stride_{l+1} = stride_l * |T_l|`. Since `b_0^g = b_0^(t_0)`, the
//! coordinates are read off the images of the base points by sifting, in `O(m^2)`
//! table look-ups: no hashing and no full permutation products are needed for `mul`,
//! conjugation or `index_of`. Index 0 is the identity.

use crate::group::perm::Perm;
use crate::group::stabchain::StabChain;
use std::cmp::Ordering;

/// Sentinel in the orbit-position tables: the point is not in the basic orbit.
const ABSENT: u32 = u32::MAX;

/// Image arrays of all elements, flat (`len * degree` entries), in the narrowest type.
#[derive(Clone, Debug)]
enum Images {
    U8(Vec<u8>),
    U16(Vec<u16>),
    U32(Vec<u32>),
    /// Not stored (over the memory budget): evaluated through the transversal tables.
    Computed,
}

/// Borrowed view of all image arrays, flat: element `i` is `[i * degree..(i + 1) * degree]`.
///
/// Obtained from [`EnumeratedGroup::image_rows`]; lets hot loops monomorphise over the
/// point width instead of branching per access.
#[derive(Clone, Copy, Debug)]
pub enum ImageRows<'a> {
    /// Degree at most 256.
    U8(&'a [u8]),
    /// Degree at most 65536.
    U16(&'a [u16]),
    /// Larger degrees.
    U32(&'a [u32]),
    /// Not stored (the group is over the memory budget): use
    /// [`EnumeratedGroup::image_at_coordinates`].
    Computed,
}

/// The transversal tables, for enumerating all image arrays.
struct Tables<'a> {
    n: usize,
    m: usize,
    trans: &'a [u32],
    toff: &'a [usize],
    radix: &'a [usize],
}

impl Tables<'_> {
    /// All image arrays in index order, flat, converted by `conv`.
    ///
    /// Depth-first over the coordinates, deepest level outermost, so that indices come
    /// out in increasing order and partial products `t_{m-1} ··· t_l` are shared: each
    /// element costs one composition of `degree` points.
    fn enumerate<T>(&self, len: usize, conv: impl Fn(u32) -> T + Copy) -> Vec<T> {
        let n = self.n;
        let mut out = Vec::with_capacity(len * n);
        if self.m == 0 {
            out.extend((0..n as u32).map(conv));
            return out;
        }
        let mut partial: Vec<Vec<u32>> = vec![(0..n as u32).collect(); self.m + 1];
        self.dfs(self.m - 1, &mut partial, &mut out, conv);
        out
    }

    fn dfs<T>(
        &self,
        l: usize,
        partial: &mut [Vec<u32>],
        out: &mut Vec<T>,
        conv: impl Fn(u32) -> T + Copy,
    ) {
        let n = self.n;
        let (lower, upper) = partial.split_at_mut(l + 1);
        let prev = &upper[0];
        for c in 0..self.radix[l] {
            let k = self.toff[l] + c;
            let t = &self.trans[k * n..(k + 1) * n];
            if l == 0 {
                out.extend(prev.iter().map(|&y| conv(t[y as usize])));
            } else {
                let cur = &mut lower[l];
                for (z, &y) in cur.iter_mut().zip(prev.iter()) {
                    *z = t[y as usize];
                }
                self.dfs(l - 1, lower, out, conv);
            }
        }
    }
}

/// All elements of a permutation group, indexed `0..len()`; index 0 is the identity.
///
/// Build it with [`crate::group::PermGroup::enumerate`].
///
/// # Example
/// ```
/// use plrep::group::{Limits, Perm, PermGroup};
/// let g = PermGroup::new(3, vec![Perm::parse_gap("(1,2,3)", 3)?, Perm::parse_gap("(1,2)", 3)?])?;
/// let e = g.enumerate(&Limits::default())?;
/// assert_eq!(e.len(), 6);
/// assert!(e.element(0).is_identity());
/// let i = e.index_of(&Perm::parse_gap("(1,3)", 3)?).unwrap();
/// assert_eq!(e.mul(i, i), 0);
/// assert_eq!(e.inv(i), i);
/// # Ok::<(), plrep::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct EnumeratedGroup {
    degree: usize,
    len: usize,
    images: Images,
    /// Base points `b_0..b_{m-1}`.
    base: Vec<u32>,
    /// Point -> position in the basic orbit of level `l` (or `ABSENT`), at `l * degree + point`.
    orbit_pos: Vec<u32>,
    /// Transversal elements of all levels, flat: element `c` of level `l` occupies
    /// `trans[(toff[l] + c) * degree..][..degree]`.
    trans: Vec<u32>,
    /// Their inverses, same layout.
    tinv: Vec<u32>,
    /// First transversal element of each level in `trans`/`tinv`.
    toff: Vec<usize>,
    /// Mixed-radix strides per level.
    stride: Vec<usize>,
    /// Basic orbit lengths (the radices).
    radix: Vec<usize>,
    /// Index of the inverse of each element.
    inverse: Vec<u32>,
}

impl EnumeratedGroup {
    /// Enumerate the group of a stabilizer chain (the caller checked the order fits).
    ///
    /// Complexity: `O(|G| * degree)`.
    /// `store_budget`: the largest element store kept in memory, in bytes (the
    /// `--max-memory-mb` budget); bigger groups evaluate images on demand.
    pub(crate) fn from_chain(chain: &StabChain, store_budget: u128) -> Self {
        let n = chain.degree();
        let levels = chain.levels();
        let m = levels.len();
        let base: Vec<u32> = levels.iter().map(|l| l.base_point() as u32).collect();
        let mut orbit_pos = vec![ABSENT; m * n];
        let mut trans: Vec<u32> = Vec::new();
        let mut tinv: Vec<u32> = Vec::new();
        let mut toff = Vec::with_capacity(m);
        let mut stride = Vec::with_capacity(m);
        let mut radix = Vec::with_capacity(m);
        let mut len = 1usize;
        for (l, level) in levels.iter().enumerate() {
            let first = trans.len() / n.max(1);
            toff.push(first);
            // Breadth-first order puts every point after its Schreier-tree parent, so
            // u_q = u_p * x and u_q^-1 = x^-1 * u_p^-1 are built in O(degree) each.
            let orbit = level.orbit();
            for (k, &q) in orbit.iter().enumerate() {
                orbit_pos[l * n + q as usize] = k as u32;
                match level.schreier_parent(q as usize) {
                    None => {
                        trans.extend(0..n as u32);
                        tinv.extend(0..n as u32);
                    }
                    Some((p, x)) => {
                        let pk = first + orbit_pos[l * n + p] as usize;
                        let xi = x.images();
                        for y in 0..n {
                            let v = xi[trans[pk * n + y] as usize];
                            trans.push(v);
                        }
                        let xinv = x.inverse();
                        for y in 0..n {
                            let v = tinv[pk * n + xinv.apply(y)];
                            tinv.push(v);
                        }
                    }
                }
            }
            stride.push(len);
            radix.push(orbit.len());
            len *= orbit.len();
        }
        // Store the image arrays only within a memory budget; beyond it, images are
        // evaluated through the transversal tables on demand (O(m) per point).
        let width = if n <= 1 << 8 {
            1
        } else if n <= 1 << 16 {
            2
        } else {
            4
        };
        let images = if (len as u128) * (n as u128) * (width as u128) > store_budget {
            Images::Computed
        } else {
            let tb = Tables {
                n,
                m,
                trans: &trans,
                toff: &toff,
                radix: &radix,
            };
            match width {
                1 => Images::U8(tb.enumerate(len, |y| y as u8)),
                2 => Images::U16(tb.enumerate(len, |y| y as u16)),
                _ => Images::U32(tb.enumerate(len, |y| y)),
            }
        };
        let mut g = EnumeratedGroup {
            degree: n,
            len,
            images,
            base,
            orbit_pos,
            trans,
            tinv,
            toff,
            stride,
            radix,
            inverse: Vec::new(),
        };
        // Inverses: g^-1 = t_0^-1 t_1^-1 ... t_{m-1}^-1 (t_0^-1 applied first), so the base
        // images of g^-1 come from the inverse transversal tables alone.
        const UNKNOWN: u32 = u32::MAX;
        let mut inverse = vec![UNKNOWN; len];
        let mut b = vec![0u32; m];
        let mut coords = vec![0u32; m];
        for i in 0..len {
            if inverse[i] != UNKNOWN {
                continue;
            }
            g.coordinates(i, &mut coords);
            for (bl, &p) in b.iter_mut().zip(&g.base) {
                let mut y = p as usize;
                for (l, &c) in coords.iter().enumerate() {
                    y = g.tinv[(g.toff[l] + c as usize) * n + y] as usize;
                }
                *bl = y as u32;
            }
            let j = g
                .index_from_base_images(&mut b)
                .expect("inverse lies in the group");
            inverse[i] = j as u32;
            inverse[j] = i as u32;
        }
        g.inverse = inverse;
        g
    }

    /// Drop the stored image arrays, so that images are evaluated through the
    /// transversal tables (what happens automatically above the memory budget of
    /// 256 MiB). Results are identical; this exists to test that path.
    #[doc(hidden)]
    pub fn without_store(mut self) -> Self {
        self.images = Images::Computed;
        self
    }

    /// All image arrays at once, flat, in their stored width.
    ///
    /// # Example
    /// ```
    /// use plrep::group::{Limits, Perm, PermGroup};
    /// use plrep::group::elements::ImageRows;
    /// let c3 = PermGroup::new(3, vec![Perm::parse_gap("(1,2,3)", 3)?])?;
    /// let e = c3.enumerate(&Limits::default())?;
    /// let ImageRows::U8(rows) = e.image_rows() else { unreachable!() };
    /// assert_eq!(&rows[..3], &[0, 1, 2]); // element 0 is the identity
    /// # Ok::<(), plrep::Error>(())
    /// ```
    pub fn image_rows(&self) -> ImageRows<'_> {
        match &self.images {
            Images::U8(v) => ImageRows::U8(v),
            Images::U16(v) => ImageRows::U16(v),
            Images::U32(v) => ImageRows::U32(v),
            Images::Computed => ImageRows::Computed,
        }
    }

    /// Whether the image arrays are stored (`false` above the memory budget).
    pub fn stores_images(&self) -> bool {
        !matches!(self.images, Images::Computed)
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Never empty (the identity is always there).
    pub fn is_empty(&self) -> bool {
        false
    }

    /// The degree of the permutations.
    pub fn degree(&self) -> usize {
        self.degree
    }

    /// The base of the stabilizer chain the indices are built on.
    pub fn base(&self) -> &[u32] {
        &self.base
    }

    /// The image of point `x` under element `i`.
    #[inline]
    pub fn image(&self, i: usize, x: usize) -> usize {
        let k = i * self.degree + x;
        match &self.images {
            Images::U8(v) => v[k] as usize,
            Images::U16(v) => v[k] as usize,
            Images::U32(v) => v[k] as usize,
            Images::Computed => {
                let mut coords = vec![0u32; self.base.len()];
                self.coordinates(i, &mut coords);
                self.image_at_coordinates(&coords, x)
            }
        }
    }

    /// Write the image array of element `i` into `out` (length `degree()`).
    pub fn write_images(&self, i: usize, out: &mut [u32]) {
        let n = self.degree;
        let r = i * n..(i + 1) * n;
        match &self.images {
            Images::U8(v) => out.iter_mut().zip(&v[r]).for_each(|(o, &y)| *o = y as u32),
            Images::U16(v) => out.iter_mut().zip(&v[r]).for_each(|(o, &y)| *o = y as u32),
            Images::U32(v) => out.copy_from_slice(&v[r]),
            Images::Computed => {
                let mut coords = vec![0u32; self.base.len()];
                self.coordinates(i, &mut coords);
                for (x, o) in out.iter_mut().enumerate() {
                    *o = self.image_at_coordinates(&coords, x) as u32;
                }
            }
        }
    }

    /// Compare the image arrays of elements `i` and `j` lexicographically (the same
    /// order as [`Perm`]'s `Ord` on equal degrees).
    pub fn cmp_images(&self, i: usize, j: usize) -> Ordering {
        let n = self.degree;
        let (a, b) = (i * n..(i + 1) * n, j * n..(j + 1) * n);
        match &self.images {
            Images::U8(v) => v[a].cmp(&v[b]),
            Images::U16(v) => v[a].cmp(&v[b]),
            Images::U32(v) => v[a].cmp(&v[b]),
            Images::Computed => self.element(i).cmp(&self.element(j)),
        }
    }

    /// The element with index `i` as a permutation.
    pub fn element(&self, i: usize) -> Perm {
        let mut out = vec![0u32; self.degree];
        self.write_images(i, &mut out);
        Perm::from_images_unchecked(out)
    }

    /// The index of the element of the group with the given base images
    /// (`base_images[l] = b_l^g`), or `None` if no element has them. The slice is
    /// used as scratch space.
    ///
    /// Complexity: `O(m^2)` for base length `m` (sifting the base images only).
    pub fn index_from_base_images(&self, base_images: &mut [u32]) -> Option<usize> {
        let n = self.degree;
        let mut idx = 0usize;
        let mut rest = &mut base_images[..self.base.len()];
        let mut l = 0;
        while let Some((first, tail)) = rest.split_first_mut() {
            let pos = self.orbit_pos[l * n + *first as usize];
            if pos == ABSENT {
                return None;
            }
            let pos = pos as usize;
            idx += pos * self.stride[l];
            if !tail.is_empty() {
                let k = self.toff[l] + pos;
                let t = &self.tinv[k * n..(k + 1) * n];
                for y in tail.iter_mut() {
                    *y = t[*y as usize];
                }
            }
            rest = tail;
            l += 1;
        }
        Some(idx)
    }

    /// The coordinates of element `i`: `out[l]` is the position in the basic orbit of
    /// level `l` of its transversal factor (`out.len()` is the base length).
    ///
    /// Complexity: `O(m)`.
    #[inline]
    pub fn coordinates(&self, i: usize, out: &mut [u32]) {
        // u32 division is markedly cheaper than u64, and indices fit (len <= u32::MAX).
        let mut r = i as u32;
        for (o, &k) in out.iter_mut().zip(&self.radix) {
            let k = k as u32;
            *o = r % k;
            r /= k;
        }
    }

    /// The image of point `x` under the element with the given coordinates, evaluated
    /// through the transversal tables (small and cache-resident, unlike the element
    /// store; this is what keeps class enumeration fast).
    ///
    /// Complexity: `O(m)`.
    #[inline]
    pub fn image_at_coordinates(&self, coords: &[u32], x: usize) -> usize {
        let n = self.degree;
        let mut y = x;
        for l in (0..coords.len()).rev() {
            y = self.trans[(self.toff[l] + coords[l] as usize) * n + y] as usize;
        }
        y
    }

    /// The index of a permutation, or `None` if it is not in the group (a permutation
    /// of another degree is never in it).
    ///
    /// Complexity: `O(m^2 + degree)`.
    pub fn index_of(&self, g: &Perm) -> Option<usize> {
        if g.degree() != self.degree {
            return None;
        }
        let img = g.images();
        let mut b: Vec<u32> = self.base.iter().map(|&p| img[p as usize]).collect();
        let i = self.index_from_base_images(&mut b)?;
        // Base images determine an element of G, but g might lie outside G.
        (0..self.degree)
            .all(|x| self.image(i, x) == img[x] as usize)
            .then_some(i)
    }

    /// The indices of several permutations ([`Self::index_of`] of each), or `None` if
    /// one is not in the group: generators and class representatives as elements.
    ///
    /// Complexity: `O(#perms (m^2 + degree))`.
    pub fn indices_of(&self, perms: &[Perm]) -> Option<Vec<usize>> {
        perms.iter().map(|g| self.index_of(g)).collect()
    }

    /// Index of the product `elements[i] * elements[j]` (first `i`, then `j`).
    ///
    /// Complexity: `O(m^2)` for base length `m`.
    pub fn mul(&self, i: usize, j: usize) -> usize {
        // Short bases (all groups of interest) use a stack buffer: no allocation per
        // product, which dominates the subgroup search above the product-table size.
        let mut stack = [0u32; 32];
        let mut heap;
        let b: &mut [u32] = if self.base.len() <= stack.len() {
            &mut stack[..self.base.len()]
        } else {
            heap = vec![0u32; self.base.len()];
            &mut heap
        };
        for (slot, &p) in b.iter_mut().zip(&self.base) {
            *slot = self.image(j, self.image(i, p as usize)) as u32;
        }
        self.index_from_base_images(b)
            .expect("products stay in the group")
    }

    /// Index of the inverse.
    pub fn inv(&self, i: usize) -> usize {
        self.inverse[i] as usize
    }

    /// Index of `elements[i]^k` for any integer `k` (by repeated squaring on indices).
    ///
    /// Complexity: `O(log |k| * m^2)`.
    pub fn pow(&self, i: usize, k: i64) -> usize {
        let mut base = if k < 0 { self.inv(i) } else { i };
        let mut e = k.unsigned_abs();
        let mut acc = 0;
        while e > 0 {
            if e & 1 == 1 {
                acc = self.mul(acc, base);
            }
            base = self.mul(base, base);
            e >>= 1;
        }
        acc
    }

    /// Index of the conjugate `s^-1 g s` (GAP's `g^s`) of element `i` by an element `s`
    /// of the group (or of its normalizer) given as a permutation of the same degree.
    ///
    /// Complexity: `O(m^2)`.
    pub fn conjugate(&self, i: usize, s: &Perm) -> Option<usize> {
        let si = s.images();
        if si.len() != self.degree {
            return None;
        }
        let mut pre = vec![0u32; self.degree];
        for (x, &y) in si.iter().enumerate() {
            pre[y as usize] = x as u32;
        }
        let mut b: Vec<u32> = self
            .base
            .iter()
            .map(|&p| si[self.image(i, pre[p as usize] as usize)])
            .collect();
        self.index_from_base_images(&mut b)
    }

    /// The order of element `i`.
    ///
    /// Complexity: `O(degree)`.
    pub fn element_order(&self, i: usize) -> u64 {
        let mut row = vec![0u32; self.degree];
        self.write_images(i, &mut row);
        Perm::from_images_unchecked(row).order()
    }
}
