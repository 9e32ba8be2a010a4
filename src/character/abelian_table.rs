//! The character table of an abelian group in compact form: every value is a root of
//! unity `chi_a(x) = E(e)^(phi_a(x))` with `phi_a(x) = <a, v(x)> mod e`, so the table is
//! stored as one coordinate vector per class and per character (`O(|G| r)` words for
//! `r` cyclic factors) instead of `|G|^2` exact values (docs/theory.md §21).
//!
//! * `v(x) in (Z/e)^r` are the coordinates of `x` in a basis of cyclic factors of
//!   prime-power orders `o_i` ([`super::abelian::abelian_basis_of`]), scaled by `e / o_i`;
//! * `a in prod Z/o_i` indexes the characters; the characters are listed in the
//!   canonical order of [`super::CharacterTable`] (trivial first, then lexicographically
//!   by the row of values in root-sum form), found by sorting with values computed on
//!   the fly.
//!
//! [`AbelianTable::verify`] proves the compact table to be the character table of the
//! group without forming a single value (the character-group argument of theory.md §21.2):
//! `v` is a bijective homomorphism onto `prod (e/o_i) Z/e`, checked on every product
//! of a generator with an element; the `a` are all of `prod Z/o_i`, once each; hence the
//! rows are `|G|` distinct homomorphisms `G -> C^*`, orthonormal, and so all of
//! `Irr(G)`. [`AbelianTable::to_table`] expands it into the ordinary
//! [`super::CharacterTable`] (the same table as [`super::abelian::abelian_characters`]
//! sorted canonically — checked by the tests).

use super::abelian::abelian_basis_of;
use super::rootsum::RootSum;
use super::structure::GroupOps;
use super::table::{Character, CharacterTable, Method};
use crate::arith::ntheory::gcd;
use crate::arith::Cyclotomic;
use crate::error::{Error, LimitKind, Result};
use crate::group::{ClassData, ConjugacyClasses, EnumeratedGroup, Limits, PermGroup};
use std::cmp::Ordering;
use std::sync::Arc;

/// An exact, verified character table of an abelian group in compact form (see the
/// module documentation).
///
/// # Example
/// ```
/// use plrep::character::abelian_table::AbelianTable;
/// use plrep::group::{spec::parse_group, Limits};
/// let t = AbelianTable::compute(&parse_group("C4")?, &Limits::default())?;
/// // Classes (), (1,3)(2,4), (1,2,3,4), (1,4,3,2); X.2 is the sign character.
/// assert_eq!(t.exponent(), 4);
/// assert_eq!((0..4).map(|c| t.phi(1, c)).collect::<Vec<_>>(), vec![0, 0, 2, 2]);
/// assert_eq!(t.indicator(1), 1);
/// # Ok::<(), plrep::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct AbelianTable {
    /// The class data (one class per element), shared with the conjugacy classes;
    /// its power maps are not filled in ([`AbelianTable::power_map`] computes them).
    pub classes: Arc<ClassData>,
    /// The orders `o_i` of the cyclic factors.
    moduli: Vec<u64>,
    /// `class_v[c * r + i] = v_i(g_c)` in `(e / o_i) Z / e`.
    class_v: Vec<u32>,
    /// The class of the element with coordinates `c` (mixed radix, `c_0` fastest).
    class_at: Vec<u32>,
    /// `chars[chi * r + i] = a_i` for the characters in table order.
    chars: Vec<u32>,
    /// The table index of the character `a` (mixed radix as `class_at`).
    char_at: Vec<u32>,
    /// The canonical rank of `E(e)^s` for `s in 0..e`: the order of the root-sum form
    /// `(m, s / (e / m))`, `m` the order of the root.
    rank: Vec<u32>,
}

impl AbelianTable {
    /// Enumerate an abelian `group`, compute its classes and its compact table.
    ///
    /// Errors: [`Error::Limit`] above `--max-order` (the enumeration) or for more than
    /// `limits.max_classes` classes, checked before the table is allocated;
    /// [`Error::BadInput`]-like error for a non-abelian group; [`Error::Verification`] (a
    /// bug).
    ///
    /// # Complexity
    /// Enumeration `O(|G| degree)`; then see [`AbelianTable::from_classes`].
    pub fn compute(group: &PermGroup, limits: &Limits) -> Result<AbelianTable> {
        // An abelian group has |G| classes: refuse before enumerating (the order limit,
        // reported by the enumeration, comes first as on the ordinary route).
        match group.order_u64() {
            Some(o) if o <= limits.max_order && o > limits.max_classes as u64 => {
                return Err(Error::limit(
                    format!("number of classes {o}"),
                    limits.max_classes,
                    LimitKind::Classes,
                ));
            }
            _ => {}
        }
        if !group.is_abelian() {
            return Err(Error::bad(
                "the compact table is for abelian groups",
                "use CharacterTable::compute",
            ));
        }
        let e = group.enumerate(limits)?;
        let cc = ConjugacyClasses::compute(&e, group.generators());
        if cc.len() > limits.max_classes {
            return Err(Error::limit(
                format!("number of classes {}", cc.len()),
                limits.max_classes,
                LimitKind::Classes,
            ));
        }
        Self::from_classes(&e, &cc, group)
    }

    /// The compact table of an enumerated abelian group with its classes, verified
    /// ([`AbelianTable::verify`]) before it is returned.
    ///
    /// # Complexity
    /// `O(|G| log |G|)` group products for the basis, `O(|G| #generators)` for the
    /// verification, `O(|G| log |G|)` comparisons for the canonical order (each
    /// comparison `O(r)` per class until the rows differ).
    pub fn from_classes(
        group: &EnumeratedGroup,
        classes: &ConjugacyClasses,
        perm_group: &PermGroup,
    ) -> Result<AbelianTable> {
        let gens: Vec<usize> = perm_group
            .generators()
            .iter()
            .map(|s| {
                group
                    .index_of(s)
                    .ok_or_else(|| Error::verification("a generator is not in the group"))
            })
            .collect::<Result<_>>()?;
        Self::from_parts(
            group,
            &classes.class_of,
            &classes.rep_indices,
            Arc::clone(&classes.data),
            &gens,
        )
    }

    /// The compact table from any [`GroupOps`] implementation: the class of every
    /// element, the representative of every class, the class record and the indices of
    /// a generating set (tests use brute-force groups).
    pub fn from_parts(
        group: &impl GroupOps,
        class_of: &[u32],
        rep_indices: &[usize],
        data: Arc<ClassData>,
        generators: &[usize],
    ) -> Result<AbelianTable> {
        let n = group.size();
        if data.len() != n {
            return Err(Error::verification(
                "abelian table requested for a non-abelian group",
            ));
        }
        let (basis, coords) = abelian_basis_of(group, class_of, &data.orders)?;
        let r = basis.len();
        let moduli: Vec<u64> = basis.iter().map(|&(_, o)| o).collect();
        let e = data.exponent;
        if e >= 1 << 32 {
            return Err(Error::verification("abelian table: exponent beyond 2^32"));
        }
        let mut class_v = vec![0u32; n * r];
        for (c, &x) in rep_indices.iter().enumerate() {
            for i in 0..r {
                class_v[c * r + i] = (coords[x * r + i] as u64 * (e / moduli[i])) as u32;
            }
        }
        drop(coords);
        let mut t = AbelianTable {
            moduli,
            class_v,
            class_at: Vec::new(),
            chars: Vec::new(),
            char_at: Vec::new(),
            rank: ranks(e),
            classes: data,
        };
        t.class_at = t.index_classes()?;
        let mut order: Vec<u32> = (0..n as u32).collect();
        let mut a = vec![0u32; r];
        let mut b = vec![0u32; r];
        order.sort_unstable_by(|&x, &y| {
            t.decode(x as usize, &mut a);
            t.decode(y as usize, &mut b);
            t.compare_rows(&a, &b)
        });
        let mut chars = vec![0u32; n * r];
        let mut char_at = vec![0u32; n];
        for (i, &x) in order.iter().enumerate() {
            t.decode(x as usize, &mut chars[i * r..(i + 1) * r]);
            char_at[x as usize] = i as u32;
        }
        t.chars = chars;
        t.char_at = char_at;
        t.verify(group, class_of, rep_indices, generators)?;
        Ok(t)
    }

    /// Number of classes (= number of characters = `|G|`).
    pub fn num_classes(&self) -> usize {
        self.classes.len()
    }

    /// The exponent `e`: every value is a power of `E(e)`.
    pub fn exponent(&self) -> u64 {
        self.classes.exponent
    }

    fn r(&self) -> usize {
        self.moduli.len()
    }

    /// The coordinates `a` with mixed-radix index `x` (`a_0` fastest).
    fn decode(&self, mut x: usize, out: &mut [u32]) {
        for (slot, &o) in out.iter_mut().zip(&self.moduli) {
            *slot = (x as u64 % o) as u32;
            x = (x as u64 / o) as usize;
        }
    }

    /// The mixed-radix index of the coordinates `c` (`c_i < o_i`).
    fn encode(&self, c: impl Iterator<Item = u64>) -> usize {
        let mut x = 0u64;
        let mut stride = 1u64;
        for (ci, &o) in c.zip(&self.moduli) {
            x += ci * stride;
            stride *= o;
        }
        x as usize
    }

    /// The class with each coordinate vector: an error unless `v` is a bijection of the
    /// classes onto `prod (e/o_i) Z/e`.
    fn index_classes(&self) -> Result<Vec<u32>> {
        let (n, r, e) = (self.num_classes(), self.r(), self.exponent());
        let mut at = vec![u32::MAX; n];
        for c in 0..n {
            let v = &self.class_v[c * r..(c + 1) * r];
            if v.iter()
                .zip(&self.moduli)
                .any(|(&vi, &o)| vi as u64 % (e / o) != 0 || vi as u64 >= e)
            {
                return Err(Error::verification(
                    "abelian table: coordinate out of range",
                ));
            }
            let x = self.encode(
                v.iter()
                    .zip(&self.moduli)
                    .map(|(&vi, &o)| vi as u64 / (e / o)),
            );
            if at[x] != u32::MAX {
                return Err(Error::verification(
                    "abelian table: two classes have the same coordinates",
                ));
            }
            at[x] = c as u32;
        }
        Ok(at)
    }

    /// `phi(a, c) = sum_i a_i v_i(g_c) mod e`.
    fn phi_of(&self, a: &[u32], c: usize) -> u64 {
        let r = self.r();
        let e = self.exponent();
        let v = &self.class_v[c * r..(c + 1) * r];
        a.iter()
            .zip(v)
            .fold(0u64, |acc, (&ai, &vi)| (acc + ai as u64 * vi as u64) % e)
    }

    /// The exponent of character `chi` (table order) on class `c`:
    /// `chi(g_c) = E(e)^phi`. `O(r)`.
    pub fn phi(&self, chi: usize, c: usize) -> u64 {
        let r = self.r();
        self.phi_of(&self.chars[chi * r..(chi + 1) * r], c)
    }

    /// The value of character `chi` on class `c` as a root sum.
    pub fn root_sum(&self, chi: usize, c: usize) -> RootSum {
        RootSum::root(self.exponent(), self.phi(chi, c))
    }

    /// The canonical comparison of two rows (root-sum forms class by class).
    fn compare_rows(&self, a: &[u32], b: &[u32]) -> Ordering {
        for c in 0..self.num_classes() {
            let (x, y) = (self.phi_of(a, c), self.phi_of(b, c));
            if x != y {
                return self.rank[x as usize].cmp(&self.rank[y as usize]);
            }
        }
        Ordering::Equal
    }

    /// The Frobenius–Schur indicator of `chi`: 1 if `chi` is real (`2a = 0`), else 0.
    pub fn indicator(&self, chi: usize) -> i8 {
        let r = self.r();
        let a = &self.chars[chi * r..(chi + 1) * r];
        i8::from(
            a.iter()
                .zip(&self.moduli)
                .all(|(&ai, &o)| 2 * ai as u64 % o == 0),
        )
    }

    /// The index of the complex conjugate of `chi` (the character `-a`).
    pub fn conjugate(&self, chi: usize) -> usize {
        let r = self.r();
        let a = &self.chars[chi * r..(chi + 1) * r];
        let x = self.encode(
            a.iter()
                .zip(&self.moduli)
                .map(|(&ai, &o)| (o - ai as u64) % o),
        );
        self.char_at[x] as usize
    }

    /// The class of `g_c^t`: the coordinates times `t`. `O(r)`.
    pub fn power(&self, c: usize, t: i64) -> usize {
        let (r, e) = (self.r(), self.exponent());
        let v = &self.class_v[c * r..(c + 1) * r];
        let x = self.encode(v.iter().zip(&self.moduli).map(|(&vi, &o)| {
            let ci = vi as u64 / (e / o);
            (ci as i128 * t as i128).rem_euclid(o as i128) as u64
        }));
        self.class_at[x] as usize
    }

    /// The power map `c -> class(g_c^t)`. `O(k r)`.
    pub fn power_map(&self, t: i64) -> Vec<usize> {
        (0..self.num_classes()).map(|c| self.power(c, t)).collect()
    }

    /// Check the compact table (docs/theory.md §21):
    /// 1. one class per element, `v` a bijection onto `prod (e/o_i) Z/e`, the class
    ///    orders those of the `v(g_c)`;
    /// 2. `v(s x) = v(s) + v(x)` for every generator `s` and element `x`, so `v` is a
    ///    homomorphism and every `chi_a` a linear character;
    /// 3. the characters are all of `prod Z/o_i`, once each, in strictly increasing
    ///    canonical order (trivial first).
    ///
    /// Then the rows are `|G|` distinct linear characters, orthonormal by the
    /// character-group argument, hence all of `Irr(G)`.
    ///
    /// # Complexity
    /// `O(|G| (#generators + 1) r)` group products and word operations, plus `|G| - 1`
    /// row comparisons.
    pub fn verify(
        &self,
        group: &impl GroupOps,
        class_of: &[u32],
        rep_indices: &[usize],
        generators: &[usize],
    ) -> Result<()> {
        let (n, r, e) = (self.num_classes(), self.r(), self.exponent());
        let fail = |what: &str| Err(Error::verification(format!("abelian table: {what}")));
        if group.size() != n
            || class_of.len() != n
            || self.moduli.iter().product::<u64>() != n as u64
        {
            return fail("the factors do not multiply to the group order");
        }
        if self.moduli.iter().fold(1, |l, &o| num_integer::lcm(l, o)) != e {
            return fail("the exponent is not that of the factors");
        }
        // 1. v is a bijection onto the coordinate group (recomputed), orders agree.
        let at = self.index_classes()?;
        if at != self.class_at {
            return fail("the coordinate index is stale");
        }
        for c in 0..n {
            if self.classes.sizes[c] != 1 || class_of[rep_indices[c]] as usize != c {
                return fail("a class is not a single element");
            }
            let v = &self.class_v[c * r..(c + 1) * r];
            let g = v.iter().fold(e, |g, &vi| gcd(g, vi as u64));
            if e / g != self.classes.orders[c] {
                return fail("an element order is not that of its coordinates");
            }
        }
        // 2. The homomorphism law on generators times elements.
        let mut rep_of = vec![0u32; n];
        for (c, &x) in rep_indices.iter().enumerate() {
            rep_of[c] = x as u32;
        }
        for &s in generators {
            let cs = class_of[s] as usize;
            for x in 0..n {
                let cx = class_of[x] as usize;
                let cy = class_of[group.product(s, x)] as usize;
                let ok = (0..r).all(|i| {
                    (self.class_v[cs * r + i] as u64 + self.class_v[cx * r + i] as u64) % e
                        == self.class_v[cy * r + i] as u64
                });
                if !ok {
                    return fail("the coordinates are not a homomorphism");
                }
            }
        }
        // The generators generate the group: their coordinates span prod Z/o_i iff the
        // closure under products reaches every element (checked on coordinates).
        let mut seen = vec![false; n];
        seen[0] = true;
        let mut queue = vec![0usize];
        let mut buf = vec![0u64; r];
        while let Some(x) = queue.pop() {
            for &s in generators {
                let cs = class_of[s] as usize;
                for i in 0..r {
                    buf[i] = (x as u64 / stride(&self.moduli, i) % self.moduli[i]
                        + self.class_v[cs * r + i] as u64 / (e / self.moduli[i]))
                        % self.moduli[i];
                }
                let y = self.encode(buf.iter().copied());
                if !seen[y] {
                    seen[y] = true;
                    queue.push(y);
                }
            }
        }
        if seen.iter().any(|&b| !b) {
            return fail("the generators do not generate the group");
        }
        // 3. The characters: every a once, in strictly increasing canonical order.
        if self.chars.len() != n * r || self.char_at.len() != n {
            return fail("wrong number of characters");
        }
        let mut hit = vec![false; n];
        for chi in 0..n {
            let a = &self.chars[chi * r..(chi + 1) * r];
            if a.iter().zip(&self.moduli).any(|(&ai, &o)| ai as u64 >= o) {
                return fail("a character index is out of range");
            }
            let x = self.encode(a.iter().map(|&ai| ai as u64));
            if hit[x] || self.char_at[x] as usize != chi {
                return fail("a character is listed twice");
            }
            hit[x] = true;
        }
        if self.chars[..r].iter().any(|&ai| ai != 0) {
            return fail("the first character is not trivial");
        }
        for chi in 1..n {
            let a = &self.chars[(chi - 1) * r..chi * r];
            let b = &self.chars[chi * r..(chi + 1) * r];
            if self.compare_rows(a, b) != Ordering::Less {
                return fail("the characters are not in canonical order");
            }
        }
        Ok(())
    }

    /// The ordinary [`CharacterTable`] (every value exact): the table of
    /// [`super::CharacterTable::compute`] for this group. `O(|G|^2)` values.
    pub fn to_table(&self) -> CharacterTable {
        let n = self.num_classes();
        let e = self.exponent();
        let roots: Vec<Cyclotomic> = (0..e)
            .map(|s| Cyclotomic::root_of_unity(e, s as i64))
            .collect();
        let characters = (0..n)
            .map(|chi| {
                let phis: Vec<u64> = (0..n).map(|c| self.phi(chi, c)).collect();
                Character {
                    degree: 1,
                    values: phis.iter().map(|&s| roots[s as usize].clone()).collect(),
                    root_sums: phis.iter().map(|&s| RootSum::root(e, s)).collect(),
                    indicator: self.indicator(chi),
                }
            })
            .collect();
        let data = Arc::clone(&self.classes);
        data.powers_or_init(|| {
            (0..n)
                .map(|c| {
                    (0..self.classes.orders[c] as i64)
                        .map(|t| self.power(c, t) as u32)
                        .collect()
                })
                .collect()
        });
        CharacterTable {
            classes: data,
            characters,
            method: Method::Abelian,
            character_labels: Vec::new(),
            class_labels: Vec::new(),
        }
    }
}

/// `prod_{j < i} o_j`.
fn stride(moduli: &[u64], i: usize) -> u64 {
    moduli[..i].iter().product()
}

/// The canonical rank of `E(e)^s` for every `s in 0..e`: the order of the root-sum
/// form `(m, s')` with `m = e / gcd(e, s)` the order and `s' = s / gcd(e, s)` (the
/// derived order of [`RootSum`] on single roots). `O(e log e)`.
fn ranks(e: u64) -> Vec<u32> {
    let key = |s: u64| {
        let g = gcd(e, s);
        (e / g, s / g)
    };
    let mut order: Vec<u64> = (0..e).collect();
    order.sort_unstable_by_key(|&s| key(s));
    let mut rank = vec![0u32; e as usize];
    for (i, &s) in order.iter().enumerate() {
        rank[s as usize] = i as u32;
    }
    rank
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::group::spec::parse_group;

    fn parts(name: &str) -> (EnumeratedGroup, ConjugacyClasses, Vec<usize>) {
        let g = parse_group(name).unwrap();
        let e = g.enumerate(&Limits::default()).unwrap();
        let cc = ConjugacyClasses::compute(&e, g.generators());
        let gens = g
            .generators()
            .iter()
            .map(|s| e.index_of(s).unwrap())
            .collect();
        (e, cc, gens)
    }

    fn check(t: &AbelianTable, p: &(EnumeratedGroup, ConjugacyClasses, Vec<usize>)) -> Result<()> {
        t.verify(&p.0, &p.1.class_of, &p.1.rep_indices, &p.2)
    }

    #[test]
    fn tampered_compact_tables_are_rejected() {
        let p = parts("C2xC6");
        let t = AbelianTable::from_parts(
            &p.0,
            &p.1.class_of,
            &p.1.rep_indices,
            Arc::clone(&p.1.data),
            &p.2,
        )
        .unwrap();
        assert!(check(&t, &p).is_ok());
        let r = t.r();
        // Two characters swapped: not in canonical order.
        let mut bad = t.clone();
        for i in 0..r {
            bad.chars.swap(3 * r + i, 4 * r + i);
        }
        bad.char_at.swap(
            t.encode(t.chars[3 * r..4 * r].iter().map(|&a| a as u64)),
            t.encode(t.chars[4 * r..5 * r].iter().map(|&a| a as u64)),
        );
        assert!(check(&bad, &p).is_err());
        // A character listed twice.
        let mut bad = t.clone();
        let (first, second) = bad.chars.split_at_mut(6 * r);
        second[..r].copy_from_slice(&first[5 * r..6 * r]);
        assert!(check(&bad, &p).is_err());
        // Coordinates of two classes exchanged: still a bijection, no homomorphism.
        let mut bad = t.clone();
        let (a, b) = (2, 5);
        for i in 0..r {
            bad.class_v.swap(a * r + i, b * r + i);
        }
        bad.class_at = bad.index_classes().unwrap();
        assert!(check(&bad, &p).is_err());
        // A proper generating set claimed.
        assert!(
            t.verify(&p.0, &p.1.class_of, &p.1.rep_indices, &p.2[..1])
                .is_err()
                || p.2.len() == 1
        );
    }

    #[test]
    fn ranks_follow_the_root_sum_order() {
        for e in [1u64, 2, 6, 12, 16] {
            let rank = ranks(e);
            for s in 0..e {
                for t in 0..e {
                    assert_eq!(
                        rank[s as usize].cmp(&rank[t as usize]),
                        RootSum::root(e, s).cmp(&RootSum::root(e, t)),
                        "e = {e}, {s} against {t}"
                    );
                }
            }
        }
    }
}
