//! Character tables of `S_n` and `A_n` whose order exceeds 64 bits (`21 <= n <= 30`):
//! classes by cycle type with sizes and centralizer orders as big integers, values by
//! the Murnaghan–Nakayama rule on the abacus, one column at a time, verified exactly by
//! the Heisenberg relations of the rim-hook operators ([`super::heisenberg`];
//! docs/theory.md §15.5).
//!
//! The table holds integers only (`k^2` of them, 251 MB for `S_30`): no root sums and no
//! real simples, which [`super::CharacterTable`] keeps per value. Classes, characters
//! and labels are in the order of [`super::symmetric::giant_table`] (GAP's).
//!
//! # Method
//! The column of cycle type `mu = (mu_1 >= ... >= mu_l)` is `A_{mu_1} ... A_{mu_l} e_()`,
//! where `A_r` adds a rim hook of length `r` with sign `(-1)^height` (the transpose of
//! the Murnaghan–Nakayama removal; Macdonald I.7, the Frobenius formula
//! `p_mu = sum chi^lambda(mu) s_lambda` with `p_r s_lambda = sum (-1)^ht s_{lambda+R}`).
//! The types are visited as a tree (a type's parent is the type without its largest part)
//! depth first, so every partial product is computed once and only `n` vectors are alive.
//! On the abacus with `n` beads a partition of `m <= n` is a 64-bit mask and adding an
//! `r`-hook is moving a bead from `b` to an empty `b + r`, the height the number of beads
//! strictly between.
//!
//! Size: one algorithm (Murnaghan–Nakayama on the abacus with big-integer class data)
//! and its exact verification, which share the abacus representation and the column
//! order; splitting would expose both across files.

use super::heisenberg::verify_sn_columns;
use super::partition::{partitions, Partition};
use super::symmetric::{
    alternating_conjugate, centralizer_order, cycle_type_representative, hook_degree, is_even_type,
    lcm_parts, power_type, splits_in_alternating,
};
use crate::error::{Error, LimitKind, Result};
use crate::group::{Limits, Perm};
use num_bigint::BigUint;
use std::collections::{BTreeMap, HashMap};

/// The largest degree of a large combinatorial table (beads fit a 64-bit mask and values
/// an `i64`).
pub const MAX_LARGE_DEGREE: u32 = 30;

/// One class of a large `S_n` or `A_n` table.
#[derive(Clone, Debug)]
pub struct GiantClass {
    /// The cycle type.
    pub cycle_type: Partition,
    /// `None` for an unsplit class, `Some(true)` for `+`, `Some(false)` for `-`
    /// (split classes of `A_n`, docs/theory.md §15.3).
    pub split: Option<bool>,
    /// A representative (`(1..mu_1)(...)...`, conjugated by `(1,2)` for `-`).
    pub rep: Perm,
    /// `|C_i|`.
    pub size: BigUint,
    /// `|C_G(g_i)|`.
    pub centralizer_order: BigUint,
    /// The order of the elements.
    pub element_order: u64,
}

impl GiantClass {
    /// The cycle type in GAP notation, `+`/`-` for a split class.
    pub fn label(&self) -> String {
        match self.split {
            None => self.cycle_type.gap(),
            Some(true) => format!("{}+", self.cycle_type.gap()),
            Some(false) => format!("{}-", self.cycle_type.gap()),
        }
    }
}

/// One character of a large table.
#[derive(Clone, Debug)]
pub struct GiantCharacter {
    /// The partition.
    pub partition: Partition,
    /// `None`, or `Some(true)`/`Some(false)` for the constituents `lambda+`/`lambda-` of
    /// a self-conjugate `lambda` in `A_n`.
    pub split: Option<bool>,
    /// `chi(1)`.
    pub degree: u64,
    /// The Frobenius–Schur indicator: 1 for a real character, 0 otherwise (every real
    /// character of `S_n` and `A_n` has Schur index 1, docs/theory.md §15.5).
    pub indicator: i8,
    /// For `lambda±`: the first of the two classes of type `h(lambda)`, `eps` and `q`
    /// (the values there are `(eps ± sqrt(eps q))/2`, docs/theory.md §15.3).
    special: Option<(usize, i64, u64)>,
}

impl GiantCharacter {
    /// The partition in GAP notation, `+`/`-` for the constituents of a split pair.
    pub fn label(&self) -> String {
        match self.split {
            None => self.partition.gap(),
            Some(true) => format!("{}+", self.partition.gap()),
            Some(false) => format!("{}-", self.partition.gap()),
        }
    }
}

/// A value of a large table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GiantValue {
    /// A rational integer.
    Integer(i64),
    /// `(eps + sqrt(eps q))/2` (`plus`) or `(eps - sqrt(eps q))/2`, `sqrt` positive or
    /// positive imaginary.
    Irrational {
        /// `±1`.
        eps: i64,
        /// The product of the diagonal hook lengths.
        q: u64,
        /// Which sign.
        plus: bool,
    },
}

/// The verified character table of `S_n` or `A_n` for `n <= 30` (see the module
/// documentation).
#[derive(Clone, Debug)]
pub struct LargeGiantTable {
    /// `n`.
    pub n: u32,
    /// `S_n` (true) or `A_n`.
    pub symmetric: bool,
    /// `|G|`.
    pub order: BigUint,
    /// The classes, in GAP's order.
    pub classes: Vec<GiantClass>,
    /// The characters, in GAP's order.
    pub characters: Vec<GiantCharacter>,
    /// Row-major integer values (halved for `lambda±`; the two special classes are
    /// [`GiantValue::Irrational`]).
    values: Vec<i64>,
}

/// Partitions of `0..=n` as abacus masks with `n` beads, and the rim-hook adding
/// operators between them.
struct Abacus {
    n: u32,
    /// Masks of the partitions of each size, in GAP's order.
    by_size: Vec<Vec<u64>>,
    index: HashMap<u64, u32>,
}

/// A sparse operator: for each source, its `(target, negative)` entries.
struct Sparse {
    start: Vec<u32>,
    entries: Vec<(u32, bool)>,
}

impl Abacus {
    fn new(n: u32) -> Self {
        let mut by_size = Vec::new();
        let mut index = HashMap::new();
        for m in 0..=n {
            let masks: Vec<u64> = partitions(m).iter().map(|p| mask(p, n)).collect();
            for (i, &b) in masks.iter().enumerate() {
                index.insert(b, i as u32);
            }
            by_size.push(masks);
        }
        Abacus { n, by_size, index }
    }

    /// `A_r` on the partitions of `m` (`m + r <= n`).
    fn add_hooks(&self, m: u32, r: u32) -> Result<Sparse> {
        let mut start = vec![0u32];
        let mut entries = Vec::new();
        for &b in &self.by_size[m as usize] {
            let mut beads = b;
            while beads != 0 {
                let x = beads.trailing_zeros();
                beads &= beads - 1;
                let t = x + r;
                if t >= 2 * self.n || b >> t & 1 == 1 {
                    continue;
                }
                let between = (b >> (x + 1)) & ((1u64 << (r - 1)) - 1);
                let target = b ^ (1u64 << x) ^ (1u64 << t);
                let &i = self.index.get(&target).ok_or_else(|| {
                    Error::verification("an added rim hook leaves the partitions of n")
                })?;
                entries.push((i, between.count_ones() % 2 == 1));
            }
            start.push(entries.len() as u32);
        }
        Ok(Sparse { start, entries })
    }
}

/// The abacus mask of `p` with `beads` beads.
fn mask(p: &Partition, beads: u32) -> u64 {
    let parts = p.parts();
    (0..beads).fold(0u64, |m, i| {
        let part = parts.get(i as usize).copied().unwrap_or(0);
        m | 1u64 << (part + beads - 1 - i)
    })
}

/// `y = A x` (wrapping: the exact values are below `2^54`, docs/theory.md §15.5).
fn apply(a: &Sparse, x: &[i64], len: usize) -> Vec<i64> {
    let mut y = vec![0i64; len];
    for (s, &v) in x.iter().enumerate() {
        if v == 0 {
            continue;
        }
        for &(t, neg) in &a.entries[a.start[s] as usize..a.start[s + 1] as usize] {
            let t = t as usize;
            y[t] = if neg {
                y[t].wrapping_sub(v)
            } else {
                y[t].wrapping_add(v)
            };
        }
    }
    y
}

/// The columns of the `S_n` table for the cycle types accepted by `want`, each passed to
/// `emit(type, column)` (values indexed like [`partitions`]`(n)`), depth first over the
/// tree of types (a type's children add a part at least its largest).
fn for_each_column(
    n: u32,
    sizes: &[usize],
    ops: &Operators,
    want: &dyn Fn(&Partition) -> bool,
    emit: &mut dyn FnMut(&Partition, &[i64]) -> Result<()>,
) -> Result<()> {
    struct Walk<'a> {
        n: u32,
        sizes: &'a [usize],
        ops: &'a Operators,
        want: &'a dyn Fn(&Partition) -> bool,
        ty: Vec<u32>,
    }
    fn rec(
        w: &mut Walk<'_>,
        m: u32,
        min: u32,
        x: &[i64],
        emit: &mut dyn FnMut(&Partition, &[i64]) -> Result<()>,
    ) -> Result<()> {
        let n = w.n;
        for r in min..=n - m {
            let m2 = m + r;
            // a proper prefix needs room for a next part >= r
            if m2 < n && n - m2 < r {
                continue;
            }
            w.ty.push(r);
            let leaf = (m2 == n).then(|| Partition::new(w.ty.clone()));
            if leaf.as_ref().map_or(true, |p| (w.want)(p)) {
                let y = apply(&w.ops[&(m, r)], x, w.sizes[m2 as usize]);
                match leaf {
                    Some(p) => emit(&p, &y)?,
                    None => rec(w, m2, r, &y, emit)?,
                }
            }
            w.ty.pop();
        }
        Ok(())
    }
    let mut w = Walk {
        n,
        sizes,
        ops,
        want,
        ty: Vec::new(),
    };
    rec(&mut w, 0, 1, &[1], emit)
}

/// `A_r` for all `m + r <= n`, keyed `(m, r)`.
type Operators = HashMap<(u32, u32), Sparse>;

fn operators(ab: &Abacus) -> Result<Operators> {
    let mut ops = HashMap::new();
    for m in 0..ab.n {
        for r in 1..=ab.n - m {
            ops.insert((m, r), ab.add_hooks(m, r)?);
        }
    }
    Ok(ops)
}

/// Transpose a `k x k` matrix in place, by blocks (cache-friendly).
fn transpose_square(v: &mut [i64], k: usize) {
    const B: usize = 64;
    for bi in (0..k).step_by(B) {
        for bj in (bi..k).step_by(B) {
            for i in bi..(bi + B).min(k) {
                let from = if bi == bj { i + 1 } else { bj };
                for j in from..(bj + B).min(k) {
                    v.swap(i * k + j, j * k + i);
                }
            }
        }
    }
}

fn factorial(n: u32) -> BigUint {
    (2..=n).fold(BigUint::from(1u32), |a, k| a * k)
}

/// Power maps of the classes for the primes up to `n` (the primes dividing `|G|`): the
/// class of `g^p` is that of its cycle type, and for a split type (then `p` is prime to
/// the element order) the one `g^p` is `A_n`-conjugate to.
fn power_maps(classes: &[GiantClass]) -> BTreeMap<u64, Vec<usize>> {
    let n = classes[0].rep.degree() as u64;
    let mut first: HashMap<&Partition, usize> = HashMap::new();
    for (i, c) in classes.iter().enumerate().rev() {
        first.insert(&c.cycle_type, i);
    }
    let primes = (2..=n).filter(|&p| (2..p).all(|d| p % d != 0));
    primes
        .map(|p| {
            let map = classes
                .iter()
                .map(|c| {
                    let t = power_type(&c.cycle_type, p);
                    let i = first[&t];
                    match classes[i].split {
                        Some(_)
                            if !alternating_conjugate(&classes[i].rep, &c.rep.pow(p as i64)) =>
                        {
                            i + 1
                        }
                        _ => i,
                    }
                })
                .collect();
            (p, map)
        })
        .collect()
}

impl LargeGiantTable {
    /// The table of `S_n` (`symmetric`) or `A_n`, `2 <= n <= 30` (the CLI uses it for
    /// `n >= 21`; smaller `n` are for comparison with [`super::symmetric::giant_table`]), verified before it is
    /// returned ([`super::heisenberg::verify_sn_columns`], hook-length degrees, class
    /// sizes adding up to `|G|`).
    ///
    /// Limits (checked before anything is allocated): the number of classes
    /// (`--max-classes`) and the `8 k^2` bytes of values (`--max-memory-mb`).
    ///
    /// # Complexity
    /// One sparse product per node of the tree of types (about `p(n)^2` times the number
    /// of rim hooks of a partition), the same again for the check; `S_30` takes about a
    /// second.
    ///
    /// # Example
    /// ```
    /// use plrep::character::symmetric_large::LargeGiantTable;
    /// use plrep::group::Limits;
    /// let t = LargeGiantTable::compute(21, true, &Limits::default())?;
    /// assert_eq!(t.classes.len(), 792);
    /// assert_eq!(t.order.to_string(), "51090942171709440000");
    /// # Ok::<(), plrep::Error>(())
    /// ```
    pub fn compute(n: u32, symmetric: bool, limits: &Limits) -> Result<LargeGiantTable> {
        if !(2..=MAX_LARGE_DEGREE).contains(&n) {
            return Err(Error::bad(
                format!(
                    "no large combinatorial table for {}{n}",
                    if symmetric { "S" } else { "A" }
                ),
                "n from 2 to 30",
            ));
        }
        let alternating = !symmetric;
        let k = crate::group::giant::giant_class_count(n as usize, alternating);
        if k > BigUint::from(limits.max_classes) {
            return Err(Error::limit(
                format!("number of classes {k}"),
                limits.max_classes,
                LimitKind::Classes,
            ));
        }
        let k = u64::try_from(&k).expect("at most max_classes") as u128;
        limits.check_memory(k * k * 8, || format!("the {k} x {k} character values"))?;
        let fact = factorial(n);
        let order = if symmetric {
            fact.clone()
        } else {
            &fact / 2u32
        };
        let parts = partitions(n);
        // classes
        let swap = Perm::from_cycles(n as usize, &[vec![0, 1]])?;
        let mut classes = Vec::new();
        for mu in &parts {
            if alternating && !is_even_type(mu) {
                continue;
            }
            let z = centralizer_order(mu);
            let size = &fact / &z;
            let rep = cycle_type_representative(mu);
            let o = lcm_parts(mu);
            if alternating && splits_in_alternating(mu) {
                let minus = rep.conjugate_by(&swap);
                for (sign, r) in [(true, rep), (false, minus)] {
                    classes.push(GiantClass {
                        cycle_type: mu.clone(),
                        split: Some(sign),
                        rep: r,
                        size: &size / 2u32,
                        centralizer_order: z.clone(),
                        element_order: o,
                    });
                }
            } else {
                let centralizer_order = if alternating { &z / 2u32 } else { z };
                classes.push(GiantClass {
                    cycle_type: mu.clone(),
                    split: None,
                    rep,
                    size,
                    centralizer_order,
                    element_order: o,
                });
            }
        }
        let total: BigUint = classes.iter().map(|c| &c.size).sum();
        if total != order {
            return Err(Error::verification("class sizes do not add up to |G|"));
        }
        // characters (rows) and the row of each partition of n
        let mut characters = Vec::new();
        let position: HashMap<&Partition, usize> =
            parts.iter().enumerate().map(|(i, p)| (p, i)).collect();
        let mut first_class: HashMap<&Partition, usize> = HashMap::new();
        for (i, c) in classes.iter().enumerate().rev() {
            first_class.insert(&c.cycle_type, i);
        }
        for lambda in &parts {
            let conj = lambda.conjugate();
            if alternating && conj < *lambda {
                continue;
            }
            let degree = u64::try_from(hook_degree(lambda)).expect("below sqrt(30!)");
            if !alternating || conj != *lambda {
                characters.push(GiantCharacter {
                    partition: lambda.clone(),
                    split: None,
                    degree,
                    indicator: 1,
                    special: None,
                });
                continue;
            }
            let h = Partition::new(lambda.diagonal_hooks());
            let d = h.parts().len() as u32;
            let eps: i64 = if ((n - d) / 2) % 2 == 0 { 1 } else { -1 };
            let q: u64 = h.parts().iter().map(|&x| x as u64).product();
            let col = *first_class
                .get(&h)
                .ok_or_else(|| Error::verification("no class of the diagonal hook type"))?;
            for sign in [true, false] {
                characters.push(GiantCharacter {
                    partition: lambda.clone(),
                    split: Some(sign),
                    degree: degree / 2,
                    indicator: i8::from(eps == 1),
                    special: Some((col, eps, q)),
                });
            }
        }
        let (rows, cols) = (characters.len(), classes.len());
        // the S_n row feeding each character, and the column of each cycle type
        let source: Vec<usize> = characters.iter().map(|c| position[&c.partition]).collect();
        let column_of: HashMap<&Partition, usize> = first_class.clone();
        let ab = Abacus::new(n);
        let ops = operators(&ab)?;
        let sizes: Vec<usize> = ab.by_size.iter().map(Vec::len).collect();
        let mut values = vec![0i64; rows * cols];
        let mut halving_failed = false;
        for_each_column(
            n,
            &sizes,
            &ops,
            &|mu| !alternating || is_even_type(mu),
            &mut |mu, x| {
                let c = column_of[mu];
                let split = classes[c].split.is_some();
                for (i, chi) in characters.iter().enumerate() {
                    let v = x[source[i]];
                    let v = if chi.split.is_some() {
                        if v % 2 != 0 && !(split && chi.special.map(|s| s.0) == Some(c)) {
                            halving_failed = true;
                        }
                        v / 2
                    } else {
                        v
                    };
                    // column-major while computing and checking (contiguous)
                    values[c * cols + i] = v;
                    if split {
                        values[(c + 1) * cols + i] = v;
                    }
                }
                Ok(())
            },
        )?;
        if halving_failed {
            return Err(Error::verification(
                "a self-conjugate character is odd on an unsplit class",
            ));
        }
        if rows != cols {
            return Err(Error::verification("the table is not square"));
        }
        let mut table = LargeGiantTable {
            n,
            symmetric,
            order,
            classes,
            characters,
            values,
        };
        table.verify(&parts)?;
        transpose_square(&mut table.values, cols);
        Ok(table)
    }

    /// (Called on the column-major values, before they are transposed.) The check of docs/theory.md §15.5: degrees by the hook length formula, and the full `S_n` columns
    /// implied by the table (`chi^{lambda'} = chi^lambda` on even classes, `lambda±`
    /// doubled, `eps` on the type `h(lambda)`) equal to the products of rim-hook
    /// operators that satisfy the Heisenberg relations.
    fn verify(&self, parts: &[Partition]) -> Result<()> {
        let cols = self.classes.len();
        for (i, chi) in self.characters.iter().enumerate() {
            let d = self.values[i];
            let expect = match chi.split {
                None => chi.degree,
                Some(_) => 2 * chi.degree,
            };
            if d as u64 != chi.degree || BigUint::from(expect) != hook_degree(&chi.partition) {
                return Err(Error::verification(format!(
                    "the degree of {} is not the hook length formula's",
                    chi.label()
                )));
            }
        }
        // the row carrying each partition of n (lambda or its conjugate for A_n)
        let mut row_of: HashMap<&Partition, usize> = HashMap::new();
        for (i, chi) in self.characters.iter().enumerate().rev() {
            row_of.insert(&chi.partition, i);
        }
        let rows: Vec<usize> = parts
            .iter()
            .map(|p| {
                row_of
                    .get(p)
                    .or_else(|| row_of.get(&p.conjugate()))
                    .copied()
                    .ok_or_else(|| Error::verification("a partition of n has no character"))
            })
            .collect::<Result<_>>()?;
        // one column per cycle type (the first of a split pair)
        let types: Vec<(Partition, usize)> = self
            .classes
            .iter()
            .enumerate()
            .filter(|(_, c)| c.split != Some(false))
            .map(|(i, c)| (c.cycle_type.clone(), i))
            .collect();
        let value = |lambda: usize, t: usize| -> i64 {
            let (i, c) = (rows[lambda], types[t].1);
            let chi = &self.characters[i];
            match chi.special {
                Some((col, eps, _)) if col == c => eps,
                Some(_) => 2 * self.values[c * cols + i],
                None => self.values[c * cols + i],
            }
        };
        let mu: Vec<Partition> = types.iter().map(|t| t.0.clone()).collect();
        verify_sn_columns(self.n, &mu, &value)?;
        // the two classes of a split pair carry the same integer values
        for (i, chi) in self.characters.iter().enumerate() {
            for (c, class) in self.classes.iter().enumerate() {
                if class.split == Some(false)
                    && chi.special.map(|s| s.0) != Some(c - 1)
                    && self.values[c * cols + i] != self.values[(c - 1) * cols + i]
                {
                    return Err(Error::verification("a split pair of classes differs"));
                }
            }
        }
        Ok(())
    }

    /// Number of classes (= number of characters).
    pub fn num_classes(&self) -> usize {
        self.classes.len()
    }

    /// The value of character `i` on class `c`.
    pub fn value(&self, i: usize, c: usize) -> GiantValue {
        let chi = &self.characters[i];
        if let Some((col, eps, q)) = chi.special {
            if c == col || c == col + 1 {
                // lambda+ takes +sqrt on the + class
                let plus = (c == col) == (chi.split == Some(true));
                return GiantValue::Irrational { eps, q, plus };
            }
        }
        GiantValue::Integer(self.values[i * self.classes.len() + c])
    }

    /// The power maps for the primes dividing `|G|` (the primes up to `n`), keyed by the
    /// prime. `O(k n)` per prime.
    pub fn prime_power_maps(&self) -> BTreeMap<u64, Vec<usize>> {
        power_maps(&self.classes)
    }
}
