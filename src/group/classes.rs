//! Conjugacy classes of an enumerated group, with element orders, centralizer orders,
//! power maps and inverse classes.
//!
//! Classes are the orbits of the conjugation action of the generators on element
//! indices, found by breadth-first search with a visited bitmap (each element is
//! conjugated by each generator once: `O(|G| * #generators * m^2)` for base length
//! `m`, see [`EnumeratedGroup::index_from_base_images`]). The base images of a
//! conjugate `s^-1 x s` are `s(x(s^-1(b)))`, with `x(.)` evaluated from the
//! coordinates of `x`, so no permutation is ever formed.
//!
//! **Class order (deterministic, documented):** classes are sorted by
//! 1. element order (so the identity class comes first),
//! 2. class size,
//! 3. the representative's image array, lexicographically,
//!
//! and the representative of a class is its element with the lexicographically
//! smallest image array (`[x^g for x in 0..n]`). Both depend only on the group as a
//! set of permutations, not on its generators or stabilizer chain.

use crate::error::{Error, Result};
use crate::group::elements::EnumeratedGroup;
use crate::group::perm::Perm;
use crate::group::permgroup::PermGroup;
use std::sync::{Arc, OnceLock};

/// The class record of a group, independent of how its elements are stored: the one
/// copy of the class data that [`ConjugacyClasses`], the character algorithms'
/// [`crate::character::ClassInfo`] and [`crate::character::CharacterTable`] share
/// (through an [`Arc`], like the attributes of one GAP character table object).
///
/// Classes are in the order of the module documentation; class 0 is the identity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassData {
    /// `|G|`.
    pub order: u64,
    /// The exponent of `G` (lcm of the element orders).
    pub exponent: u64,
    /// `|C_i|`.
    pub sizes: Vec<u64>,
    /// The order of the elements of `C_i`.
    pub orders: Vec<u64>,
    /// `|C_G(g_i)| = |G| / |C_i|`.
    pub centralizer_orders: Vec<u64>,
    /// A representative `g_i` of each class.
    pub reps: Vec<Perm>,
    /// `powers[i][l]` = class of `g_i^l` for `l in 0..orders[i]` (every power map):
    /// `sum_i orders[i]` entries, so filled only when a character table is computed
    /// ([`ClassData::powers_or_init`]).
    powers: OnceLock<Vec<Vec<u32>>>,
}

impl ClassData {
    /// The record from its sizes, element orders and representatives, and the powers
    /// when they are known; the centralizer orders and the exponent are derived. `O(k)`.
    pub fn new(
        order: u64,
        sizes: Vec<u64>,
        orders: Vec<u64>,
        reps: Vec<Perm>,
        powers: Option<Vec<Vec<u32>>>,
    ) -> ClassData {
        let cell = OnceLock::new();
        if let Some(p) = powers {
            let _ = cell.set(p);
        }
        ClassData {
            order,
            exponent: orders.iter().fold(1, |a, &o| num_integer::lcm(a, o)),
            centralizer_orders: sizes.iter().map(|&s| order / s.max(1)).collect(),
            sizes,
            orders,
            reps,
            powers: cell,
        }
    }

    /// The powers of the representatives (`powers()[i][l]` = class of `g_i^l`,
    /// `l in 0..orders[i]`); empty until computed ([`Self::powers_or_init`]; always
    /// computed in a character table).
    pub fn powers(&self) -> &[Vec<u32>] {
        self.powers.get().map_or(&[], Vec::as_slice)
    }

    /// The powers, computed by `compute` on first use (once, shared by every holder of
    /// this record).
    pub fn powers_or_init(&self, compute: impl FnOnce() -> Vec<Vec<u32>>) -> &[Vec<u32>] {
        self.powers.get_or_init(compute)
    }

    /// Number of classes.
    pub fn len(&self) -> usize {
        self.sizes.len()
    }

    /// Whether there are no classes (never, for a group).
    pub fn is_empty(&self) -> bool {
        self.sizes.is_empty()
    }

    /// The class of `g_i^t` for any integer `t`. `O(1)`. Panics if the powers were not
    /// computed ([`Self::powers`]).
    pub fn power(&self, i: usize, t: i64) -> usize {
        let m = self.orders[i] as i64;
        self.powers()[i][t.rem_euclid(m) as usize] as usize
    }

    /// The power map `i -> class(g_i^t)` for any integer `t`. `O(k)`. Panics if the
    /// powers were not computed.
    pub fn power_map(&self, t: i64) -> Vec<usize> {
        (0..self.len()).map(|i| self.power(i, t)).collect()
    }

    /// The class of inverses of each class. `O(k)`. Panics if the powers were not
    /// computed.
    pub fn inverse_classes(&self) -> Vec<usize> {
        self.power_map(-1)
    }
}

/// The conjugacy classes of a group, in a deterministic documented order
/// (class 0 is the identity): the shared [`ClassData`] (reached through `Deref`:
/// `cc.sizes`, `cc.orders`, `cc.reps`, ...) and the element-indexed data of the
/// enumerated group.
///
/// # Example
/// ```
/// use plrep::group::{ConjugacyClasses, Limits, Perm, PermGroup};
/// let g = PermGroup::new(4, vec![Perm::parse_gap("(1,2,3,4)", 4)?, Perm::parse_gap("(1,2)", 4)?])?;
/// let e = g.enumerate(&Limits::default())?;
/// let cc = ConjugacyClasses::compute(&e, g.generators());
/// assert_eq!(cc.len(), 5);
/// assert_eq!(cc.sizes, vec![1, 3, 6, 8, 6]);
/// assert_eq!(cc.orders, vec![1, 2, 2, 3, 4]);
/// assert_eq!(cc.reps[1].to_string(), "(1,2)(3,4)");
/// assert_eq!(cc.exponent, 12);
/// # Ok::<(), plrep::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct ConjugacyClasses {
    /// The class record (sizes, orders, representatives, power maps), shared with the
    /// character table computed from these classes.
    pub data: Arc<ClassData>,
    /// Index of each representative in the enumerated group.
    pub rep_indices: Vec<usize>,
    /// For every element index of the enumerated group, its class.
    pub class_of: Vec<u32>,
    /// Members of all classes, class by class, each class ascending.
    members_flat: Vec<u32>,
    /// Class `c` occupies `members_flat[offsets[c]..offsets[c + 1]]`.
    offsets: Vec<usize>,
}

impl std::ops::Deref for ConjugacyClasses {
    type Target = ClassData;
    fn deref(&self) -> &ClassData {
        &self.data
    }
}

impl ConjugacyClasses {
    /// Compute the classes of an enumerated group (orbits of conjugation by generators).
    ///
    /// Arguments: the enumerated group and a generating set of it (permutations of the
    /// same degree, e.g. [`crate::group::PermGroup::generators`]). Returns the classes
    /// in the order documented in the module.
    ///
    /// Complexity: `O(|G| * (#generators * m^2 + degree))` time for base length `m`,
    /// `O(|G|)` words of memory. Reference: the orbit algorithm (Holt, Eick, O'Brien,
    /// *Handbook of Computational Group Theory*, 2005, §4.1) applied to conjugation.
    ///
    /// The generators must generate the enumerated group (pass the generators of the
    /// group that was enumerated); with a proper subgroup the result would be its
    /// orbits, not the classes. Panics if a generator is not in the group (a caller
    /// bug); [`Self::try_compute`] checks both and returns an error instead.
    pub fn compute(group: &EnumeratedGroup, generators: &[Perm]) -> Self {
        // Membership is checked (cheap); that the generators generate the whole group
        // is only checked by `try_compute` (a Schreier–Sims run, up to a third of the
        // time for large-degree cyclic groups).
        if let Some(s) = generators.iter().find(|s| group.index_of(s).is_none()) {
            panic!("ConjugacyClasses::compute: generator {s} is not in the enumerated group");
        }
        Self::compute_unchecked(group, generators)
    }

    /// Like [`Self::compute`], but checks that `generators` have the group's degree,
    /// lie in it and generate it (a Schreier–Sims run, negligible next to the class
    /// enumeration); bad input otherwise.
    ///
    /// # Example
    /// ```
    /// use plrep::group::{ConjugacyClasses, Limits, Perm, PermGroup};
    /// let s3 = PermGroup::new(3, vec![Perm::parse_gap("(1,2,3)", 3)?, Perm::parse_gap("(1,2)", 3)?])?;
    /// let e = s3.enumerate(&Limits::default())?;
    /// assert_eq!(ConjugacyClasses::try_compute(&e, s3.generators())?.len(), 3);
    /// // (1,2,3) alone generates a proper subgroup.
    /// assert!(ConjugacyClasses::try_compute(&e, &s3.generators()[..1]).is_err());
    /// # Ok::<(), plrep::Error>(())
    /// ```
    pub fn try_compute(group: &EnumeratedGroup, generators: &[Perm]) -> Result<Self> {
        for s in generators {
            if group.index_of(s).is_none() {
                return Err(Error::bad(
                    format!("generator {s} is not an element of the enumerated group"),
                    "pass the generators of the group that was enumerated",
                ));
            }
        }
        let h = PermGroup::new(group.degree(), generators.to_vec())?;
        if h.order_u64() != Some(group.len() as u64) {
            return Err(Error::bad(
                format!(
                    "the generators give a subgroup of order {} of a group of order {}",
                    h.order(),
                    group.len()
                ),
                "pass a generating set of the enumerated group",
            ));
        }
        Ok(Self::compute_unchecked(group, generators))
    }

    fn compute_unchecked(group: &EnumeratedGroup, generators: &[Perm]) -> Self {
        let n = group.degree();
        let len = group.len();
        let base = group.base().to_vec();
        // For each generator s: preimages s^-1(b) of the base points and the images of s,
        // so that the base images of s^-1 g s are s(g(s^-1(b))).
        let gens: Vec<GenData<'_>> = generators
            .iter()
            .filter(|s| !s.is_identity())
            .map(|s| {
                let si = s.images();
                let mut pre = vec![0u32; n];
                for (x, &y) in si.iter().enumerate() {
                    pre[y as usize] = x as u32;
                }
                (base.iter().map(|&b| pre[b as usize]).collect(), si)
            })
            .collect();
        let (members_flat, offsets, raw_reps) = conjugation_orbits(group, &gens);
        // Sort classes: element order, size, representative images.
        let k = raw_reps.len();
        let raw_orders: Vec<u64> = raw_reps.iter().map(|&r| group.element_order(r)).collect();
        let raw_sizes: Vec<u64> = (0..k)
            .map(|c| (offsets[c + 1] - offsets[c]) as u64)
            .collect();
        let mut perm: Vec<usize> = (0..k).collect();
        perm.sort_by(|&a, &c| {
            raw_orders[a]
                .cmp(&raw_orders[c])
                .then(raw_sizes[a].cmp(&raw_sizes[c]))
                .then_with(|| group.cmp_images(raw_reps[a], raw_reps[c]))
        });
        let mut class_of = vec![0u32; len];
        let mut flat = Vec::with_capacity(len);
        let mut offs = vec![0usize];
        for (new, &old) in perm.iter().enumerate() {
            for &i in &members_flat[offsets[old]..offsets[old + 1]] {
                class_of[i as usize] = new as u32;
            }
            flat.extend_from_slice(&members_flat[offsets[old]..offsets[old + 1]]);
            offs.push(flat.len());
        }
        let rep_indices: Vec<usize> = perm.iter().map(|&o| raw_reps[o]).collect();
        let sizes: Vec<u64> = perm.iter().map(|&o| raw_sizes[o]).collect();
        let orders: Vec<u64> = perm.iter().map(|&o| raw_orders[o]).collect();
        let reps = rep_indices.iter().map(|&i| group.element(i)).collect();
        ConjugacyClasses {
            data: Arc::new(ClassData::new(len as u64, sizes, orders, reps, None)),
            rep_indices,
            class_of,
            members_flat: flat,
            offsets: offs,
        }
    }

    /// The element indices in class `c`, ascending (copied from the stored lists).
    ///
    /// Complexity: `O(size of the class)`.
    pub fn members(&self, c: usize) -> Vec<usize> {
        self.members_slice(c).iter().map(|&i| i as usize).collect()
    }

    /// The element indices in class `c`, ascending, without copying.
    pub fn members_slice(&self, c: usize) -> &[u32] {
        &self.members_flat[self.offsets[c]..self.offsets[c + 1]]
    }

    /// The class of element index `i`.
    pub fn class_of_index(&self, i: usize) -> usize {
        self.class_of[i] as usize
    }

    /// The class of a permutation, or `None` if it is not in the group.
    ///
    /// Complexity: that of [`EnumeratedGroup::index_of`].
    pub fn class_of_perm(&self, group: &EnumeratedGroup, g: &Perm) -> Option<usize> {
        group.index_of(g).map(|i| self.class_of[i] as usize)
    }

    /// Power map: entry `c` is the class of `g^k` for `g` in class `c` (any integer `k`).
    ///
    /// Computed on the representatives by repeated squaring in the enumerated group.
    ///
    /// Complexity: `O(#classes * log(order) * m^2)`.
    ///
    /// # Example
    /// ```
    /// use plrep::group::{ConjugacyClasses, Limits, Perm, PermGroup};
    /// let c4 = PermGroup::new(4, vec![Perm::parse_gap("(1,2,3,4)", 4)?])?;
    /// let e = c4.enumerate(&Limits::default())?;
    /// let cc = ConjugacyClasses::compute(&e, c4.generators());
    /// // Classes: (), (1,3)(2,4), (1,2,3,4), (1,4,3,2).
    /// assert_eq!(cc.power_map(&e, 2), vec![0, 0, 1, 1]);
    /// assert_eq!(cc.inverse_classes(&e), vec![0, 1, 3, 2]);
    /// assert_eq!(cc.class_of_perm(&e, &Perm::parse_gap("(1,4,3,2)", 4)?), Some(3));
    /// # Ok::<(), plrep::Error>(())
    /// ```
    pub fn power_map(&self, group: &EnumeratedGroup, k: i64) -> Vec<usize> {
        self.rep_indices
            .iter()
            .zip(&self.orders)
            .map(|(&r, &o)| {
                let e = k.rem_euclid(o as i64);
                self.class_of[group.pow(r, e)] as usize
            })
            .collect()
    }

    /// The class of inverses of each class.
    pub fn inverse_classes(&self, group: &EnumeratedGroup) -> Vec<usize> {
        self.power_map(group, -1)
    }
}

/// Whether the element with coordinates `a` has a lexicographically smaller image
/// array than the one with coordinates `b` (images evaluated through the transversal
/// tables: comparisons usually end after a point or two, and never touch the element
/// store, which would be a cache miss per class member).
fn lex_less(group: &EnumeratedGroup, a: &[u32], b: &[u32]) -> bool {
    for x in 0..group.degree() {
        let (ya, yb) = (
            group.image_at_coordinates(a, x),
            group.image_at_coordinates(b, x),
        );
        if ya != yb {
            return ya < yb;
        }
    }
    false
}

/// Per generator `s`: the preimages `s^-1(b_l)` of the base points and the images of `s`.
type GenData<'a> = (Vec<u32>, &'a [u32]);

/// Conjugation orbits (members sorted within each class), class offsets, and the
/// member of each class with the lexicographically smallest image array.
///
/// The visited bitmap (`|G|/8` bytes) stays in cache where a `u32` class table would
/// not; `class_of` is written class by class afterwards. The images of the member
/// being expanded come from its coordinates through the (small, cache-resident)
/// transversal tables rather than from the element store: `O(m^2)` table look-ups
/// measured faster than one cache miss per member on M22 and S9.
fn conjugation_orbits(
    group: &EnumeratedGroup,
    gens: &[GenData<'_>],
) -> (Vec<u32>, Vec<usize>, Vec<usize>) {
    let len = group.len();
    let m = group.base().len();
    let mut visited = vec![0u64; len.div_ceil(64)];
    let mut members: Vec<u32> = Vec::with_capacity(len);
    let mut offsets = vec![0usize];
    let mut reps = Vec::new();
    let mut b = vec![0u32; m];
    let mut coords = vec![0u32; m];
    let mut rep_coords = vec![0u32; m];
    for start in 0..len {
        if visited[start >> 6] >> (start & 63) & 1 == 1 {
            continue;
        }
        let from = members.len();
        visited[start >> 6] |= 1 << (start & 63);
        members.push(start as u32);
        let mut pos = from;
        let mut rep = start;
        group.coordinates(start, &mut rep_coords);
        while pos < members.len() {
            let x = members[pos] as usize;
            group.coordinates(x, &mut coords);
            if x != start && lex_less(group, &coords, &rep_coords) {
                rep = x;
                rep_coords.copy_from_slice(&coords);
            }
            for (pre, si) in gens {
                for l in 0..m {
                    b[l] = si[group.image_at_coordinates(&coords, pre[l] as usize)];
                }
                let y = group
                    .index_from_base_images(&mut b)
                    .expect("generators checked to lie in the group");
                if visited[y >> 6] >> (y & 63) & 1 == 0 {
                    visited[y >> 6] |= 1 << (y & 63);
                    members.push(y as u32);
                }
            }
            pos += 1;
        }
        members[from..].sort_unstable();
        reps.push(rep);
        offsets.push(members.len());
    }
    (members, offsets, reps)
}
