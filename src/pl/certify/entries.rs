//! The checker's own projector entries, from the definition
//! `P_L[y][x] = c_L sum_{g: y^g = x} psi_L(g)`, `c_L = dim L / (<psi_L, psi_L> |G|)`
//! (theory.md §2), with canonical [`Cyclotomic`] arithmetic.
//!
//! The action table is rebuilt from the `G`-set's own action of every element. Entry
//! `(y, x)` depends only on the counts `#{g in K : y^g = x}` per class `K`, so the pairs
//! are keyed by their count vector (interned once per module) and each value is computed
//! once per simple and key. Rows of `P_L` are then vectors of canonical value ids: equal
//! (or opposite) rows are equal (or negated) id vectors.

use super::super::projector::PlModule;
use crate::arith::mix::MixMap;
use crate::arith::{Cyclotomic, Q};
use crate::error::Result;
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// The rows of the action table sorted at once by [`Tables::new`] hold at most this
/// many entries (`|G|` per row): 12 MB.
const ROW_BLOCK_ENTRIES: usize = 1 << 20;

/// The rows of `P_L` as interned ids (see [`Tables::rows`]).
pub(super) struct Rows {
    /// `row[x]`: the id of the row `P_L e_x`.
    pub row: Vec<u32>,
    /// `neg[x]`: the id of `-P_L e_x`, when that is a row of `P_L` (else `None`).
    pub neg: Vec<Option<u32>>,
}

/// Projector entries of one module, computed lazily per simple. The action table and
/// the keys are shared by the checker's threads ([`Tables::fork`]); the entries computed
/// so far are each thread's own.
pub(super) struct Tables<'a> {
    pub module: &'a PlModule,
    pub n: usize,
    /// `images[g * n + x] = x^g`, from [`crate::group::gset::GSet::act`].
    pub images: Arc<Vec<u32>>,
    /// `keys[y * n + x]`: the count-vector id of the pair `(y, x)`; id 0 is the zero vector.
    pub keys: Arc<Vec<u32>>,
    /// The count vector `#{g in K : y^g = x}` of each key.
    counts: Arc<Vec<Vec<u32>>>,
    /// The number of pairs with each key.
    pub pairs: Arc<Vec<u64>>,
    /// `values[L][key]`: `P_L` on the pairs of that key.
    values: HashMap<usize, Vec<Option<Cyclotomic>>>,
    rows: HashMap<usize, Rows>,
    ids: HashMap<usize, Arc<ValueIds>>,
}

impl<'a> Tables<'a> {
    /// Build the action table and the keys.
    ///
    /// Complexity: `O(|G| |X| log |G| + |X|^2)` plus `O(#classes)` per distinct count
    /// vector (hashing of the nonzero counts).
    pub fn new(module: &'a PlModule) -> Result<Tables<'a>> {
        let n = module.gset.len();
        let order = module.elements.len();
        let k = module.classes.len();
        let images = module.gset.action_table(&module.elements)?;
        let class_of = &module.classes.class_of;
        // Count vectors are interned by their nonzero entries `(class, count)`, classes
        // ascending, ids in the order of first meeting (by `y`, then `x`). Each row `y`
        // is the sorted list of `(x^-1-image, class)` over the elements — `O(|G| log |G|)`,
        // rows in parallel, a block of rows at a time — and the interning is sequential;
        // a pair met by one element of its class (every pair of the regular module) is
        // looked up by its class alone.
        let mut ids: MixMap<Vec<(u32, u32)>, u32> = MixMap::default();
        let mut single: Vec<u32> = vec![u32::MAX; k];
        let mut counts = vec![vec![0u32; k]];
        let mut pairs = vec![0u64];
        let mut keys = vec![0u32; n * n];
        let block = (ROW_BLOCK_ENTRIES / order.max(1)).clamp(1, n.max(1));
        let mut sparse: Vec<(u32, u32)> = Vec::new();
        for y0 in (0..n).step_by(block) {
            let rows: Vec<Vec<(u32, u32, u32)>> = (y0..(y0 + block).min(n))
                .into_par_iter()
                .map(|y| {
                    let mut met: Vec<(u32, u32)> = (0..order)
                        .map(|g| (images[g * n + y], class_of[g]))
                        .collect();
                    met.sort_unstable();
                    let mut out: Vec<(u32, u32, u32)> = Vec::with_capacity(met.len());
                    for (x, c) in met {
                        match out.last_mut() {
                            Some(last) if (last.0, last.1) == (x, c) => last.2 += 1,
                            _ => out.push((x, c, 1)),
                        }
                    }
                    out
                })
                .collect();
            for (dy, row) in rows.iter().enumerate() {
                let y = y0 + dy;
                let mut met_points = 0usize;
                for group in row.chunk_by(|a, b| a.0 == b.0) {
                    met_points += 1;
                    let x = group[0].0 as usize;
                    let fresh = |counts: &mut Vec<Vec<u32>>, pairs: &mut Vec<u64>| {
                        let id = counts.len() as u32;
                        let mut v = vec![0u32; k];
                        for &(_, c, m) in group {
                            v[c as usize] = m;
                        }
                        counts.push(v);
                        pairs.push(0);
                        id
                    };
                    let id = if let [(_, c, 1)] = *group {
                        match single[c as usize] {
                            u32::MAX => {
                                let id = fresh(&mut counts, &mut pairs);
                                single[c as usize] = id;
                                id
                            }
                            id => id,
                        }
                    } else {
                        sparse.clear();
                        sparse.extend(group.iter().map(|&(_, c, m)| (c, m)));
                        match ids.get(sparse.as_slice()) {
                            Some(&id) => id,
                            None => {
                                let id = fresh(&mut counts, &mut pairs);
                                ids.insert(sparse.clone(), id);
                                id
                            }
                        }
                    };
                    keys[y * n + x] = id;
                    pairs[id as usize] += 1;
                }
                pairs[0] += (n - met_points) as u64;
            }
        }
        Ok(Tables {
            module,
            n,
            images: Arc::new(images),
            keys: Arc::new(keys),
            counts: Arc::new(counts),
            pairs: Arc::new(pairs),
            values: HashMap::new(),
            rows: HashMap::new(),
            ids: HashMap::new(),
        })
    }

    /// The same action table and keys (shared, not copied) with no entries computed yet:
    /// one per checker thread.
    pub fn fork(&self) -> Tables<'a> {
        Tables {
            module: self.module,
            n: self.n,
            images: Arc::clone(&self.images),
            keys: Arc::clone(&self.keys),
            counts: Arc::clone(&self.counts),
            pairs: Arc::clone(&self.pairs),
            values: HashMap::new(),
            rows: HashMap::new(),
            ids: HashMap::new(),
        }
    }

    /// `c_L = dim L / (<psi_L, psi_L> |G|)`.
    pub fn scale(&self, l: usize) -> Q {
        let s = &self.module.simples.simples[l];
        Q::new(
            s.dim as i64,
            (s.kind.endomorphism_dim() * self.module.elements.len() as u64) as i64,
        )
    }

    /// `c_L sum_K psi_L(K) counts[K]`.
    pub fn combine(&self, l: usize, counts: &[i64]) -> Cyclotomic {
        let psi = &self.module.simples.simples[l].values;
        let mut acc = Cyclotomic::zero();
        for (c, &v) in counts.iter().enumerate() {
            if v != 0 {
                acc += psi[c].scale(&Q::from_int(v));
            }
        }
        acc.scale(&self.scale(l))
    }

    /// `P_L` on the pairs of `key`.
    pub fn value(&mut self, l: usize, key: u32) -> Cyclotomic {
        let nkeys = self.counts.len();
        if let Some(v) = self.values.get(&l).and_then(|v| v[key as usize].as_ref()) {
            return v.clone();
        }
        let c: Vec<i64> = self.counts[key as usize]
            .iter()
            .map(|&c| c as i64)
            .collect();
        let v = self.combine(l, &c);
        self.values.entry(l).or_insert_with(|| vec![None; nkeys])[key as usize] = Some(v.clone());
        v
    }

    /// The number of keys.
    pub fn num_keys(&self) -> usize {
        self.counts.len()
    }

    /// `sum_key weight[key] P_L(key)` for integer weights per key.
    pub fn weighted(&mut self, l: usize, weight: &[i64]) -> Cyclotomic {
        let mut acc = Cyclotomic::zero();
        for (key, &w) in weight.iter().enumerate() {
            if w != 0 {
                acc += self.value(l, key as u32).scale(&Q::from_int(w));
            }
        }
        acc
    }

    /// The class weights `a(K) = sum_key weight[key] #{g in K : y^g = x}` of integer
    /// weights per key, so that `sum_key weight[key] P_L(key) = c_L sum_K a(K) psi_L(K)`
    /// (the finite sums swapped); `None` on overflow.
    ///
    /// Complexity: `O(#keys with a nonzero weight × #classes)` integer operations.
    pub fn class_weights(&self, weight: &[i64]) -> Option<Vec<i64>> {
        let mut a = vec![0i64; self.module.classes.len()];
        for (key, &w) in weight.iter().enumerate() {
            if w == 0 {
                continue;
            }
            for (x, &c) in a.iter_mut().zip(&self.counts[key]) {
                if c != 0 {
                    *x = x.checked_add(w.checked_mul(c as i64)?)?;
                }
            }
        }
        Some(a)
    }

    /// The value ids of `P_L` and `-P_L` per key (cached per simple).
    ///
    /// Complexity: `O(#keys #classes)` cyclotomic operations once per simple.
    pub fn value_ids(&mut self, l: usize) -> Arc<ValueIds> {
        if let Some(ids) = self.ids.get(&l) {
            return Arc::clone(ids);
        }
        let mut vid: HashMap<Cyclotomic, u32> = HashMap::new();
        let mut pos = Vec::with_capacity(self.num_keys());
        let mut neg = Vec::with_capacity(self.num_keys());
        for key in 0..self.num_keys() {
            let v = self.value(l, key as u32);
            let minus = -&v;
            let next = vid.len() as u32;
            pos.push(*vid.entry(v).or_insert(next));
            let next = vid.len() as u32;
            neg.push(*vid.entry(minus).or_insert(next));
        }
        let zero = vid[&Cyclotomic::zero()];
        let ids = Arc::new(ValueIds { pos, neg, zero });
        self.ids.insert(l, Arc::clone(&ids));
        ids
    }

    /// Whether row `y` of `P_L` is `e` (`±1`) times row `z` (`ids` of `L`).
    pub fn rows_agree(&self, ids: &ValueIds, y: usize, z: usize, e: i8) -> bool {
        let other = if e == 1 { &ids.pos } else { &ids.neg };
        row_ids(&self.keys, self.n, y, &ids.pos).eq(row_ids(&self.keys, self.n, z, other))
    }

    /// Whether row `y` of `P_L` is zero (`ids` of `L`).
    pub fn row_is_zero(&self, ids: &ValueIds, y: usize) -> bool {
        row_ids(&self.keys, self.n, y, &ids.pos).all(|v| v == ids.zero)
    }

    /// The rows of `P_L`, interned (equal rows share an id).
    ///
    /// Complexity: `O(#keys #classes)` cyclotomic operations once per simple, then
    /// `O(|X|^2)` id look-ups.
    pub fn rows(&mut self, l: usize) -> &Rows {
        if !self.rows.contains_key(&l) {
            let n = self.n;
            let ids = self.value_ids(l);
            let (key_vid, key_neg) = (&ids.pos, &ids.neg);
            // Rows are bucketed by a hash of their value ids and compared exactly within a
            // bucket: O(|X|^2) time, O(|X|) memory beyond the keys.
            let keys = &self.keys;
            // A multiply-rotate hash (rows are compared exactly within a bucket, so
            // only speed depends on it; SipHash was a quarter of the checker's time).
            let hash = |y: usize, map: &[u32]| {
                row_ids(keys, n, y, map).fold(0u64, |h, v| {
                    (h.rotate_left(5) ^ u64::from(v)).wrapping_mul(0x517c_c1b7_2722_0a95)
                })
            };
            let same = |y: usize, my: &[u32], z: usize| {
                row_ids(keys, n, y, my).eq(row_ids(keys, n, z, key_vid))
            };
            let mut buckets: HashMap<u64, Vec<(usize, u32)>> = HashMap::new();
            let mut row = Vec::with_capacity(n);
            let mut count = 0u32;
            for y in 0..n {
                let bucket = buckets.entry(hash(y, key_vid)).or_default();
                let id = match bucket.iter().find(|&&(z, _)| same(y, key_vid, z)) {
                    Some(&(_, id)) => id,
                    None => {
                        bucket.push((y, count));
                        count += 1;
                        count - 1
                    }
                };
                row.push(id);
            }
            let neg = (0..n)
                .map(|y| {
                    let bucket = buckets.get(&hash(y, key_neg))?;
                    bucket
                        .iter()
                        .find(|&&(z, _)| same(y, key_neg, z))
                        .map(|&(_, id)| id)
                })
                .collect();
            self.rows.insert(l, Rows { row, neg });
        }
        &self.rows[&l]
    }
}

/// The entries of `P_L` as canonical value ids per key (equal values, equal ids).
pub(super) struct ValueIds {
    /// The id of `P_L(key)`.
    pub pos: Vec<u32>,
    /// The id of `-P_L(key)`.
    pub neg: Vec<u32>,
    /// The id of zero.
    pub zero: u32,
}

/// The value ids of row `y` (`map` sends keys to value ids).
fn row_ids<'a>(
    keys: &'a [u32],
    n: usize,
    y: usize,
    map: &'a [u32],
) -> impl Iterator<Item = u32> + 'a {
    keys[y * n..(y + 1) * n]
        .iter()
        .map(move |&k| map[k as usize])
}
