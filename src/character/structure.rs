//! Class data for character computations and the class structure constants
//! ("class matrices") of Dixon–Schneider.
//!
//! [`ClassInfo`] collects, from an enumerated group and its conjugacy classes, what the
//! character algorithms need: class sizes, element orders, inverse classes, the element
//! indices of each class and, for every class representative `g` of order `m`, the
//! classes of all its powers `g^0, ..., g^(m-1)` (every power map at once).
//!
//! The class matrix `M_j` of class `C_j` has entries `(M_j)_{i,k} = c_{ijk}`, the number of
//! `y in C_j` with `z_k y^-1 in C_i` for a fixed `z_k in C_k`. Since
//! `K_i K_j = sum_k c_{ijk} K_k` for the class sums, every central character `omega`
//! satisfies `M_j omega = omega_j omega`. One matrix costs `|C_j| * k` group products
//! (Dixon 1967; Schneider 1990): the algorithms compute them only for the few small
//! classes they need.

use crate::error::Result;
use crate::group::{ClassData, ConjugacyClasses, EnumeratedGroup};
use std::collections::HashMap;
use std::sync::Arc;

/// The group operations the character algorithms use, on element indices.
///
/// Implemented by [`EnumeratedGroup`]; tests implement it on brute-force groups.
pub trait GroupOps: Sync {
    /// Number of elements; index 0 is the identity.
    fn size(&self) -> usize;
    /// Index of the product (first `i`, then `j`).
    fn product(&self, i: usize, j: usize) -> usize;

    /// For every `y` in `ys`, add one to `counts[class_of[z * y]]`: the inner loop of
    /// the class structure constants. Implementations may override it with a faster
    /// product by a fixed left factor.
    fn count_classes_of_products(
        &self,
        z: usize,
        ys: &[u32],
        class_of: &[u32],
        counts: &mut [u32],
    ) {
        for &y in ys {
            counts[class_of[self.product(z, y as usize)] as usize] += 1;
        }
    }
}

impl GroupOps for EnumeratedGroup {
    fn size(&self) -> usize {
        self.len()
    }
    fn product(&self, i: usize, j: usize) -> usize {
        self.mul(i, j)
    }
    /// `z * y` sends the base point `b` to `y(z(b))`: the images `z(b)` are computed once,
    /// then each product is `m` look-ups and a sift of the base images (no allocation).
    fn count_classes_of_products(
        &self,
        z: usize,
        ys: &[u32],
        class_of: &[u32],
        counts: &mut [u32],
    ) {
        // The images of y are evaluated through the (small, cache-resident) transversal
        // tables from y's coordinates rather than read from the large element store.
        let zb: Vec<usize> = self
            .base()
            .iter()
            .map(|&b| self.image(z, b as usize))
            .collect();
        let mut buf = vec![0u32; zb.len()];
        let mut coords = vec![0u32; zb.len()];
        for &y in ys {
            self.coordinates(y as usize, &mut coords);
            for (slot, &x) in buf.iter_mut().zip(&zb) {
                *slot = self.image_at_coordinates(&coords, x) as u32;
            }
            let idx = self
                .index_from_base_images(&mut buf)
                .expect("products stay in the group");
            counts[class_of[idx] as usize] += 1;
        }
    }
}

/// Class data of one group for the character algorithms, in the order of its conjugacy
/// classes (class 0 is the identity class): the shared [`ClassData`] (reached through
/// `Deref`: `ci.order`, `ci.sizes`, `ci.orders`, `ci.powers()`, ...) with its powers
/// filled in, and the element-indexed data.
#[derive(Clone, Debug)]
pub struct ClassInfo {
    /// The class record, shared with the conjugacy classes it came from and with the
    /// character table computed from it.
    pub data: Arc<ClassData>,
    /// The class of each element index.
    pub class_of: Vec<u32>,
    /// Element index of the representative of each class.
    pub rep_indices: Vec<usize>,
    /// Element indices of each class, ascending.
    pub members: Vec<Vec<u32>>,
}

impl std::ops::Deref for ClassInfo {
    type Target = ClassData;
    fn deref(&self) -> &ClassData {
        &self.data
    }
}

/// `powers[i][l]` = class of `g_i^l` for `l in 0..orders[i]`: `sum_i orders[i]` products.
fn all_powers(
    group: &impl GroupOps,
    class_of: &[u32],
    rep_indices: &[usize],
    orders: &[u64],
) -> Vec<Vec<u32>> {
    rep_indices
        .iter()
        .zip(orders)
        .enumerate()
        .map(|(c, (&g, &m))| {
            let mut list = Vec::with_capacity(m as usize);
            let mut cur = 0usize; // identity
            for _ in 0..m {
                list.push(class_of[cur]);
                cur = group.product(cur, g);
            }
            debug_assert_eq!(cur, 0, "element order of class {c} is wrong");
            list
        })
        .collect()
}

impl ClassInfo {
    /// Collect the class data of an enumerated group, sharing the record of `classes`
    /// (its powers are computed here once). `O(|G| + sum_i orders[i])` group products.
    pub fn new(group: &impl GroupOps, classes: &ConjugacyClasses) -> Self {
        let data = Arc::clone(&classes.data);
        data.powers_or_init(|| {
            all_powers(
                group,
                &classes.class_of,
                &classes.rep_indices,
                &classes.orders,
            )
        });
        ClassInfo {
            data,
            members: (0..classes.len())
                .map(|c| classes.members_slice(c).to_vec())
                .collect(),
            class_of: classes.class_of.clone(),
            rep_indices: classes.rep_indices.clone(),
        }
    }

    /// From the class of every element, a representative index per class and the element
    /// orders; sizes, members and powers are derived. The record has no permutation
    /// representatives (the group need not be one: tests use brute-force groups).
    pub fn from_parts(
        group: &impl GroupOps,
        class_of: Vec<u32>,
        rep_indices: Vec<usize>,
        orders: Vec<u64>,
    ) -> Self {
        let k = rep_indices.len();
        let mut members = vec![Vec::new(); k];
        for (x, &c) in class_of.iter().enumerate() {
            members[c as usize].push(x as u32);
        }
        let sizes: Vec<u64> = members.iter().map(|m| m.len() as u64).collect();
        let powers = all_powers(group, &class_of, &rep_indices, &orders);
        let data = ClassData::new(
            class_of.len() as u64,
            sizes,
            orders,
            Vec::new(),
            Some(powers),
        );
        ClassInfo {
            data: Arc::new(data),
            class_of,
            rep_indices,
            members,
        }
    }

    /// The inverse classes.
    pub fn inverse(&self) -> Vec<usize> {
        self.data.inverse_classes()
    }

    /// The class matrix `M_j` as integer counts: `m[i][k] = c_{ijk}`.
    /// `O(|C_j| k)` group products.
    pub fn class_matrix(&self, group: &impl GroupOps, j: usize) -> Vec<Vec<u64>> {
        (0..self.len())
            .map(|i| self.class_matrix_row(group, j, i))
            .collect()
    }

    /// Row `i` of the class matrix `M_j`: `c_{ijk}` for all `k`, from one pass over a
    /// class.
    ///
    /// The counts `T(a, b, c) = #{(x, y, w) in C_a x C_b x C_c : x y w = 1}` are symmetric
    /// in their arguments and `c_{ijk} = T(i, j, k*) / |C_k|`; hence
    /// `c_{ijk} = |C_i| c_{j k* i*} / |C_k|`, and `c_{j l i*}` for all `l` counts the
    /// classes of `z y` for `y in C_{j*}`, `z` the representative of `C_{i*}`.
    ///
    /// As class sums commute, `c_{ijk} = c_{jik}`: row `i` of `M_j` is row `j` of `M_i`,
    /// and the pass goes over the smaller of the two classes (`min(|C_i|, |C_j|)`
    /// products).
    pub fn class_matrix_row(&self, group: &impl GroupOps, j: usize, i: usize) -> Vec<u64> {
        let (i, j) = if self.sizes[i] < self.sizes[j] || (self.sizes[i] == self.sizes[j] && i < j) {
            (j, i)
        } else {
            (i, j)
        };
        let k = self.len();
        let jinv = self.power(j, -1);
        let iinv = self.power(i, -1);
        let mut counts = vec![0u32; k];
        group.count_classes_of_products(
            self.rep_indices[iinv],
            &self.members[jinv],
            &self.class_of,
            &mut counts,
        );
        (0..k)
            .map(|kk| {
                let num = self.sizes[i] * counts[self.power(kk, -1)] as u64;
                debug_assert_eq!(num % self.sizes[kk], 0, "structure constant not integral");
                num / self.sizes[kk]
            })
            .collect()
    }
}

/// A source of class matrix rows: row `i` of `M_j` (`c_{ijk}` for all `k`).
///
/// Every [`GroupOps`] is one ([`ClassInfo::class_matrix_row`], a pass over the smaller
/// of two enumerated classes); groups that are not enumerated provide their own
/// ([`crate::character::large::LargeStructure`]).
pub trait StructureSource: Sync {
    /// Row `i` of the class matrix `M_j` as integer counts.
    fn structure_row(&self, ci: &ClassInfo, j: usize, i: usize) -> Result<Vec<u64>>;

    /// Whether the pass for row `i` of `M_j` needs so much memory (more than a quarter
    /// of `--max-memory-mb`) that it must run alone, with no other pass holding its
    /// lists meanwhile ([`StructureRows::fill`]). `false` by default (the enumerated
    /// group holds no lists). `O(1)`.
    fn runs_alone(&self, _ci: &ClassInfo, _j: usize, _i: usize) -> bool {
        false
    }
}

impl<G: GroupOps> StructureSource for G {
    fn structure_row(&self, ci: &ClassInfo, j: usize, i: usize) -> Result<Vec<u64>> {
        Ok(ci.class_matrix_row(self, j, i))
    }
}

/// Rows of class matrices computed so far, shared between Dixon–Schneider and the
/// verification (row `i` of `M_j` and row `j` of `M_i` are the same and stored once).
#[derive(Clone, Debug, Default)]
pub struct StructureRows {
    map: HashMap<(usize, usize), Vec<u64>>,
}

impl StructureRows {
    fn key(ci: &ClassInfo, j: usize, i: usize) -> (usize, usize) {
        if ci.sizes[i] < ci.sizes[j] || (ci.sizes[i] == ci.sizes[j] && i < j) {
            (i, j)
        } else {
            (j, i)
        }
    }

    /// Row `i` of `M_j` (computed on first use, [`ClassInfo::class_matrix_row`]).
    pub fn row(
        &mut self,
        group: &impl StructureSource,
        ci: &ClassInfo,
        j: usize,
        i: usize,
    ) -> Result<&Vec<u64>> {
        let key = Self::key(ci, j, i);
        if let std::collections::hash_map::Entry::Vacant(slot) = self.map.entry(key) {
            slot.insert(group.structure_row(ci, j, i)?);
        }
        Ok(&self.map[&key])
    }

    /// Compute the missing rows among `pairs` (`(j, i)`: row `i` of `M_j`) on two threads;
    /// the passes that [`StructureSource::runs_alone`] marks run one at a time afterwards.
    pub fn fill(
        &mut self,
        group: &impl StructureSource,
        ci: &ClassInfo,
        pairs: &[(usize, usize)],
    ) -> Result<()> {
        let mut missing: Vec<(usize, usize)> =
            pairs.iter().map(|&(j, i)| Self::key(ci, j, i)).collect();
        missing.sort_unstable();
        missing.dedup();
        missing.retain(|key| !self.map.contains_key(key));
        if missing.is_empty() {
            return Ok(());
        }
        // The passes too large to share the memory budget run one at a time, after the
        // others (two large lists are never held together by the two threads).
        let (alone, missing): (Vec<_>, Vec<_>) = missing
            .into_iter()
            .partition(|&(j, i)| group.runs_alone(ci, j, i));
        // Balance the two halves by cost (the pass is over the smaller class).
        let cost = |&(a, b): &(usize, usize)| ci.sizes[a].min(ci.sizes[b]);
        let total: u64 = missing.iter().map(cost).sum();
        let mut acc = 0;
        let split = missing.iter().position(|key| {
            acc += cost(key);
            2 * acc >= total
        });
        let split = split.map_or(missing.len(), |x| x + 1);
        let (left, right) = missing.split_at(split);
        type Computed = Vec<((usize, usize), Vec<u64>)>;
        let compute = |part: &[(usize, usize)]| -> Result<Computed> {
            part.iter()
                .map(|&(j, i)| Ok(((j, i), group.structure_row(ci, j, i)?)))
                .collect()
        };
        let results = std::thread::scope(|scope| {
            let h = scope.spawn(|| compute(right));
            let r = compute(left);
            let r2 = h.join().expect("structure constant thread panicked");
            r.and_then(|mut r| {
                r.extend(r2?);
                Ok(r)
            })
        })?;
        self.map.extend(results);
        for (j, i) in alone {
            let row = group.structure_row(ci, j, i)?;
            self.map.insert((j, i), row);
        }
        Ok(())
    }
}

/// A small brute-force group (all elements as image arrays, multiplication table by
/// hashing) for tests of the character algorithms independent of the group layer.
#[cfg(test)]
pub(crate) mod brute {
    use super::GroupOps;
    use std::collections::HashMap;

    #[derive(Debug)]
    pub struct BruteGroup {
        pub elements: Vec<Vec<u32>>,
        pub table: Vec<Vec<u32>>,
    }

    fn compose(a: &[u32], b: &[u32]) -> Vec<u32> {
        a.iter().map(|&x| b[x as usize]).collect()
    }

    impl BruteGroup {
        pub fn new(gens: &[Vec<u32>]) -> Self {
            let n = gens[0].len();
            let id: Vec<u32> = (0..n as u32).collect();
            let mut elements = vec![id.clone()];
            let mut index = HashMap::new();
            index.insert(id, 0);
            let mut i = 0;
            while i < elements.len() {
                for g in gens {
                    let h = compose(&elements[i], g);
                    if !index.contains_key(&h) {
                        index.insert(h.clone(), elements.len());
                        elements.push(h);
                    }
                }
                i += 1;
            }
            let table = elements
                .iter()
                .map(|a| {
                    elements
                        .iter()
                        .map(|b| index[&compose(a, b)] as u32)
                        .collect()
                })
                .collect();
            BruteGroup { elements, table }
        }

        pub fn inv(&self, i: usize) -> usize {
            (0..self.elements.len())
                .find(|&j| self.table[i][j] == 0)
                .unwrap()
        }

        /// (class_of, reps, orders), classes ordered by smallest element index.
        pub fn classes(&self) -> (Vec<u32>, Vec<usize>, Vec<u64>) {
            let n = self.elements.len();
            let mut class_of = vec![u32::MAX; n];
            let mut reps = Vec::new();
            let mut orders = Vec::new();
            for x in 0..n {
                if class_of[x] != u32::MAX {
                    continue;
                }
                let c = reps.len() as u32;
                reps.push(x);
                for g in 0..n {
                    let y = self.table[self.table[self.inv(g)][x] as usize][g] as usize;
                    class_of[y] = c;
                }
                let mut o = 1;
                let mut cur = x;
                while cur != 0 {
                    cur = self.table[cur][x] as usize;
                    o += 1;
                }
                orders.push(o);
            }
            (class_of, reps, orders)
        }
    }

    impl GroupOps for BruteGroup {
        fn size(&self) -> usize {
            self.elements.len()
        }
        fn product(&self, i: usize, j: usize) -> usize {
            self.table[i][j] as usize
        }
    }
}
