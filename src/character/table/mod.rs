//! The exact character table, its construction and its verification.
//!
//! A [`CharacterTable`] is only handed out after [`check_character_table`] (or, for the
//! abelian fast path on many classes, the structural certificate of
//! [`super::abelian`]) has proved it correct; a failed check is
//! [`Error::Verification`], never an output.
//!
//! **Character order (deterministic, canonical):** the trivial character first, then by
//! degree, then lexicographically by the row of values in root-sum form
//! ([`RootSum`]: for each class in class order, the reduced order of the roots, then the
//! exponents and multiplicities of the eigenvalues). The root-sum form of `chi(g)` is the
//! list of eigenvalue multiplicities of `rho(g)`, which depends only on `chi` and the
//! class, so the order depends only on the table (given the class order), not on the
//! algorithm or the prime used.

use super::abelian;
use super::dixon;
use super::large::{class_info, LargeStructure};
use super::rootsum::RootSum;
use super::structure::{ClassInfo, GroupOps, StructureRows, StructureSource};
use crate::arith::mix::MixMap;
use crate::arith::Cyclotomic;
use crate::error::{Error, LimitKind, Result};
use crate::group::lexclasses::LargeClasses;
use crate::group::{ClassData, ConjugacyClasses, EnumeratedGroup, Limits, Perm, PermGroup};
use std::collections::BTreeMap;
use std::sync::Arc;

mod product;
mod verify;
pub use product::PRODUCT_MIN_CLASSES;
pub use verify::{
    check_character_table, check_integer_table, verify_central_characters,
    verify_central_characters_with_rows,
};

/// The largest number of classes for which a table is built by default (the table has
/// `k^2` entries). Raised with `--max-classes` ([`CharacterTable::compute_with`]).
pub const DEFAULT_MAX_CLASSES: usize = 5000;

/// Groups of at most this order keep the enumerated route even above `--max-order`
/// (which then reports the limit, as before).
pub const LARGE_ROUTE_MIN_ORDER: u64 = 1_000_000;

/// Which algorithm produced a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Method {
    /// Abelian groups: characters from a decomposition into cyclic factors, no linear
    /// algebra.
    Abelian,
    /// Dixon–Schneider over a prime field with the exact lift.
    DixonSchneider,
    /// Symmetric and alternating groups in their natural action: classes by cycle
    /// type, characters by partitions, values by the Murnaghan–Nakayama rule
    /// ([`super::symmetric`]).
    MurnaghanNakayama,
    /// A direct product on disjoint orbits with at least [`PRODUCT_MIN_CLASSES`]
    /// classes: the products of its factors' characters (docs/theory.md §29).
    DirectProduct,
}

impl std::fmt::Display for Method {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Method::Abelian => "abelian",
            Method::DixonSchneider => "Dixon-Schneider",
            Method::MurnaghanNakayama => "Murnaghan-Nakayama",
            Method::DirectProduct => "direct product",
        })
    }
}

/// One irreducible character.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Character {
    /// `chi(1)`.
    pub degree: u64,
    /// The exact values on the classes, in class order.
    pub values: Vec<Cyclotomic>,
    /// The same values as sums of roots of unity (eigenvalue multiplicities of `rho(g)`).
    pub root_sums: Vec<RootSum>,
    /// The Frobenius–Schur indicator `1/|G| sum_g chi(g^2)`: 1 (real), 0 (not real),
    /// -1 (quaternionic).
    pub indicator: i8,
}

/// An exact, verified character table of a finite group.
///
/// # Example
/// ```
/// use plrep::character::{CharacterTable, Method};
/// use plrep::group::{Limits, Perm, PermGroup};
/// let s3 = PermGroup::new(3, vec![Perm::parse_gap("(1,2,3)", 3)?, Perm::parse_gap("(1,2)", 3)?])?;
/// let t = CharacterTable::compute(&s3, &Limits::default())?;
/// assert_eq!(t.method, Method::DixonSchneider);
/// let degrees: Vec<u64> = t.characters.iter().map(|c| c.degree).collect();
/// assert_eq!(degrees, vec![1, 1, 2]);
/// # Ok::<(), plrep::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct CharacterTable {
    /// The class data (`|G|`, exponent, class sizes, element orders, centralizer
    /// orders, representatives, power maps), shared with the conjugacy classes the table
    /// was computed from and reached through `Deref`: `t.order`, `t.sizes`, `t.orders`,
    /// `t.reps`, ... All values lie in `Q(E(t.exponent))`.
    pub classes: Arc<ClassData>,
    /// The irreducible characters, in the canonical order of the module documentation.
    pub characters: Vec<Character>,
    /// The algorithm that ran.
    pub method: Method,
    /// Labels of the characters (partitions, GAP notation, for
    /// [`Method::MurnaghanNakayama`]); empty when the characters carry no label.
    pub character_labels: Vec<String>,
    /// Labels of the classes (cycle types, `+`/`-` for the split classes of `A_n`);
    /// empty when the classes carry no label.
    pub class_labels: Vec<String>,
}

impl std::ops::Deref for CharacterTable {
    type Target = ClassData;
    fn deref(&self) -> &ClassData {
        &self.classes
    }
}

impl CharacterTable {
    /// Enumerate `group`, compute its classes and its character table.
    ///
    /// # Arguments
    /// * `group` — a permutation group;
    /// * `limits` — `max_order` bounds the enumeration (`--max-order`).
    ///
    /// # Returns
    /// The verified table, or [`Error::Limit`] (group too large, or more than
    /// [`DEFAULT_MAX_CLASSES`] classes), or [`Error::Verification`] (a bug).
    ///
    /// # Complexity
    /// Enumeration and classes `O(|G| * degree)`; then see [`CharacterTable::from_classes`].
    pub fn compute(group: &PermGroup, limits: &Limits) -> Result<CharacterTable> {
        Self::compute_with(group, limits, limits.max_classes)
    }

    /// [`CharacterTable::compute`] with an explicit class-count limit (`--max-classes`).
    pub fn compute_with(
        group: &PermGroup,
        limits: &Limits,
        max_classes: usize,
    ) -> Result<CharacterTable> {
        if Self::takes_large_route(group, limits) {
            return Self::compute_large(group, limits, max_classes);
        }
        let e = group.enumerate(limits)?;
        let cc = ConjugacyClasses::compute(&e, group.generators());
        if cc.len() > max_classes {
            return Err(Error::limit(
                format!("number of classes {}", cc.len()),
                max_classes,
                LimitKind::Classes,
            ));
        }
        Self::from_group_classes(group, &e, &cc, limits)
    }

    /// [`CharacterTable::from_classes`], from the tables of two factors when `group` is
    /// a non-abelian direct product on disjoint orbits with at least
    /// [`PRODUCT_MIN_CLASSES`] classes ([`Method::DirectProduct`], docs/theory.md §29;
    /// the same table). `limits` bound the factors' enumerations; a factor beyond them
    /// falls back to Dixon–Schneider.
    ///
    /// # Complexity
    /// Product route: the factors' tables, one look-up per class and factor, `k^2`
    /// products of root sums and the check of [`check_character_table`].
    ///
    /// ```
    /// use plrep::character::{CharacterTable, Method};
    /// use plrep::group::{spec::parse_group, ConjugacyClasses, Limits};
    /// let g = parse_group("S3xC30").unwrap();
    /// let limits = Limits::default();
    /// let e = g.enumerate(&limits).unwrap();
    /// let cc = ConjugacyClasses::compute(&e, g.generators());
    /// let t = CharacterTable::from_group_classes(&g, &e, &cc, &limits).unwrap();
    /// assert_eq!(t.method, Method::DirectProduct);
    /// let dixon = CharacterTable::from_classes(&e, &cc).unwrap();
    /// assert_eq!(t.characters, dixon.characters);
    /// ```
    pub fn from_group_classes(
        group: &PermGroup,
        elements: &EnumeratedGroup,
        classes: &ConjugacyClasses,
        limits: &Limits,
    ) -> Result<CharacterTable> {
        let ci = ClassInfo::new(elements, classes);
        if let Some(t) = product::product_table(group, &ci, limits)? {
            return Ok(t);
        }
        Self::from_shared_class_info(elements, &ci)
    }

    /// Whether [`CharacterTable::compute_with`] takes the route without enumeration
    /// ([`CharacterTable::compute_large`]): a non-abelian group of order above both
    /// `--max-order` (where enumerating is refused) and [`LARGE_ROUTE_MIN_ORDER`], below
    /// `2^64`, on at most 256 points.
    pub fn takes_large_route(group: &PermGroup, limits: &Limits) -> bool {
        group.degree() <= 256
            && group
                .order_u64()
                .is_some_and(|o| o > limits.max_order && o > LARGE_ROUTE_MIN_ORDER)
            && !group.is_abelian()
    }

    /// The table without enumerating the group: classes by random elements and
    /// canonical conjugates ([`LargeClasses`]), class matrix rows counted over single
    /// classes ([`LargeStructure`]), then Dixon–Schneider, the lift and the same two
    /// verifications as [`CharacterTable::from_classes`] (docs/theory.md §17). The same
    /// classes, representatives, order and table as the enumerated route.
    ///
    /// Errors: [`Error::Limit`] for more than `max_classes` classes, for an enumerated
    /// class above `--max-memory-mb`, or a canonical-form search too large;
    /// [`Error::Verification`] (a bug).
    ///
    /// # Complexity
    /// A canonical-form search per random element and per ambiguous product; for every
    /// class matrix row used, one enumeration of the smaller class and one product per
    /// orbit of a subgroup of the other representative's centralizer on it.
    pub fn compute_large(
        group: &PermGroup,
        limits: &Limits,
        max_classes: usize,
    ) -> Result<CharacterTable> {
        let classes = LargeClasses::compute(group, max_classes)?;
        if classes.len() as u64 == classes.order {
            return Err(Error::bad(
                "the route without enumeration is for non-abelian groups",
                "raise --max-order to enumerate the group",
            ));
        }
        let ci = class_info(&classes);
        let source = LargeStructure::new(group, &classes, limits)?;
        Self::from_structure(&source, &ci)
    }

    /// The character table of an enumerated group with its conjugacy classes; the
    /// characters' values are given on the classes in the order of `classes`.
    ///
    /// Dispatch: abelian groups (every class a singleton) take the abelian fast path
    /// ([`super::abelian`]); all others Dixon–Schneider ([`super::dixon`]). The table is
    /// verified before it is returned.
    ///
    /// # Complexity
    /// Dixon–Schneider: `sum_j |C_j| k` group products for the class matrices actually
    /// used, `O(k^3)` field operations for the splitting, `O(sum m^2)` per character for
    /// the lift (`m` over the orders of the rational classes), `O(k^3)` for the check.
    /// Abelian: `O(|G|)` group products and `O(|G|^2)` table entries.
    pub fn from_classes(
        group: &EnumeratedGroup,
        classes: &ConjugacyClasses,
    ) -> Result<CharacterTable> {
        let ci = ClassInfo::new(group, classes);
        Self::from_shared_class_info(group, &ci)
    }

    /// The table from any [`GroupOps`] implementation and its [`ClassInfo`] (used by
    /// tests on brute-force groups; `reps` are the class representatives to record).
    pub fn from_class_info(
        group: &impl GroupOps,
        ci: &ClassInfo,
        reps: Vec<Perm>,
    ) -> Result<CharacterTable> {
        if reps == ci.reps {
            return Self::from_shared_class_info(group, ci);
        }
        let mut ci = ci.clone();
        Arc::make_mut(&mut ci.data).reps = reps;
        Self::from_shared_class_info(group, &ci)
    }

    /// The table whose class record is the one of `ci` (shared, not copied).
    fn from_shared_class_info(group: &impl GroupOps, ci: &ClassInfo) -> Result<CharacterTable> {
        let k = ci.len();
        if k as u64 == ci.order {
            let (rows, certificate_checked) = abelian::abelian_characters(group, ci)?;
            let table = assemble(ci, rows, Method::Abelian, None)?;
            // The structural certificate proves the table; the generic check is run in
            // addition when it is cheap (k^3 field operations).
            if !certificate_checked || k <= abelian::GENERIC_CHECK_MAX_CLASSES {
                check_character_table(&table)?;
            }
            return Ok(table);
        }
        Self::from_structure(group, ci)
    }

    /// Dixon–Schneider, the exact lift and both verifications, from any source of class
    /// matrix rows ([`StructureSource`]) and the class data (not for abelian groups).
    fn from_structure(group: &impl StructureSource, ci: &ClassInfo) -> Result<CharacterTable> {
        let mut structure = StructureRows::default();
        let modular = dixon::dixon_schneider_with_rows(group, ci, &mut structure)?;
        let rows = dixon::lift(ci, &modular)?;
        let ind = indicators_mod_p(ci, &modular);
        let table = assemble(ci, rows, Method::DixonSchneider, Some(ind))?;
        check_character_table(&table)?;
        verify_central_characters_with_rows(group, ci, &table, &mut structure)?;
        Ok(table)
    }

    /// A table given by its class data and characters (computed without the group,
    /// e.g. by [`super::symmetric`]); [`check_character_table`] runs before it is
    /// returned, a failure is [`Error::Verification`].
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn from_combinatorial_parts(
        order: u64,
        exponent: u64,
        class_sizes: Vec<u64>,
        element_orders: Vec<u64>,
        class_reps: Vec<Perm>,
        characters: Vec<Character>,
        powers: Vec<Vec<u32>>,
        method: Method,
        character_labels: Vec<String>,
        class_labels: Vec<String>,
    ) -> Result<CharacterTable> {
        let table = CharacterTable {
            classes: Arc::new(ClassData::new(
                order,
                class_sizes,
                element_orders,
                class_reps,
                Some(powers),
            )),
            characters,
            method,
            character_labels,
            class_labels,
        };
        debug_assert_eq!(table.exponent, exponent, "exponent of the class data");
        let integral = table.characters.iter().all(|c| {
            c.values.iter().all(Cyclotomic::is_integral)
                && c.values.iter().all(Cyclotomic::is_rational)
        });
        if integral {
            check_integer_table(&table)?;
        } else {
            check_character_table(&table)?;
        }
        Ok(table)
    }

    /// Number of classes (= number of characters).
    pub fn num_classes(&self) -> usize {
        self.classes.len()
    }

    /// The class data for a change (copied first if shared): tests corrupt tables with it
    /// to exercise the checks.
    pub fn classes_mut(&mut self) -> &mut ClassData {
        Arc::make_mut(&mut self.classes)
    }

    /// The power maps for the primes dividing `|G|`, keyed by the prime.
    pub fn prime_power_maps(&self) -> BTreeMap<u64, Vec<usize>> {
        crate::arith::modp::prime_factors(self.order)
            .into_iter()
            .map(|p| (p, self.power_map(p as i64)))
            .collect()
    }

    /// The degrees of the characters, in table order.
    pub fn degrees(&self) -> Vec<u64> {
        self.characters.iter().map(|c| c.degree).collect()
    }
}

/// Frobenius–Schur indicators from the residues: `nu = |G|^-1 sum_i |C_i| chi(g_i^2)`
/// lies in `{-1, 0, 1}`, so its residue determines it.
fn indicators_mod_p(ci: &ClassInfo, t: &dixon::ModularTable) -> Vec<i8> {
    let f = t.field;
    let sq = ci.power_map(2);
    let inv_order = f.inv(f.from_u64(ci.order));
    t.characters
        .iter()
        .map(|chi| {
            let mut s = 0;
            for i in 0..ci.len() {
                s = f.mul_add(f.from_u64(ci.sizes[i]), chi.values[sq[i]], s);
            }
            f.to_symmetric(f.mul(s, inv_order)).clamp(-1, 1) as i8
        })
        .collect()
}

/// Convert root sums to cyclotomics, sharing the conversion of repeated values; single
/// roots of unity `E(m)^s` are looked up by `(m, s)` without hashing.
#[derive(Default)]
struct CyclotomicCache {
    map: MixMap<RootSum, Cyclotomic>,
    roots: MixMap<u64, Vec<Option<Cyclotomic>>>,
    /// The table of the order used last (values of one class share it).
    last_root: (u64, Vec<Option<Cyclotomic>>),
}

impl CyclotomicCache {
    fn get(&mut self, r: &RootSum) -> Cyclotomic {
        self.get_ref(r).clone()
    }

    /// [`CyclotomicCache::get`] without the copy (for comparisons).
    fn get_ref(&mut self, r: &RootSum) -> &Cyclotomic {
        if let Some((m, s)) = r.as_root() {
            if self.last_root.0 != m {
                let table = self
                    .roots
                    .remove(&m)
                    .unwrap_or_else(|| vec![None; m as usize]);
                let old = std::mem::replace(&mut self.last_root, (m, table));
                if old.0 != 0 {
                    self.roots.insert(old.0, old.1);
                }
            }
            let slot = &mut self.last_root.1[s as usize];
            return slot.get_or_insert_with(|| Cyclotomic::root_of_unity(m, s as i64));
        }
        self.map
            .entry(r.clone())
            .or_insert_with(|| r.to_cyclotomic())
    }
}

/// Row `i` of a class matrix as `(i, [(column, nonzero count)])`.
type SparseRow = (usize, Vec<(usize, u64)>);

/// A row being assembled: degree, root sums, indicator.
type Row = (u64, Vec<RootSum>, i8);

/// Build the table from lifted rows (in any order), sorting them canonically.
/// `indicators`, when given, are aligned with `rows`; otherwise they are computed for
/// linear characters (abelian case: 1 if the character is real, else 0).
fn assemble(
    ci: &ClassInfo,
    rows: Vec<Vec<RootSum>>,
    method: Method,
    indicators: Option<Vec<i8>>,
) -> Result<CharacterTable> {
    let k = ci.len();
    let chars: Vec<Row> = rows
        .into_iter()
        .enumerate()
        .map(|(a, row)| {
            let degree = row[0].count().max(0) as u64;
            let ind = match &indicators {
                Some(v) => v[a],
                None => i8::from(row.iter().all(|r| r.order() <= 2)),
            };
            (degree, row, ind)
        })
        .collect();
    let one = RootSum::integer(1);
    let mut keyed: Vec<(bool, Row)> = chars
        .into_iter()
        .map(|c| (!c.1.iter().all(|r| *r == one), c))
        .collect();
    keyed.sort_by(|a, b| (a.0, a.1 .0, &a.1 .1).cmp(&(b.0, b.1 .0, &b.1 .1)));
    // The conversion to cyclotomics (one allocation per value) runs on two threads for
    // large tables; the result does not depend on the split.
    let convert = |part: Vec<(bool, Row)>| -> Vec<Character> {
        let mut cache = CyclotomicCache::default();
        part.into_iter()
            .map(|(_, (degree, root_sums, indicator))| Character {
                degree,
                values: root_sums.iter().map(|r| cache.get(r)).collect(),
                root_sums,
                indicator,
            })
            .collect()
    };
    let characters: Vec<Character> = if k >= 200 {
        let second = keyed.split_off(keyed.len() / 2);
        std::thread::scope(|scope| {
            let h = scope.spawn(|| convert(second));
            let mut first = convert(keyed);
            first.extend(h.join().expect("conversion thread panicked"));
            first
        })
    } else {
        convert(keyed)
    };
    Ok(CharacterTable {
        classes: Arc::clone(&ci.data),
        characters,
        method,
        character_labels: Vec::new(),
        class_labels: Vec::new(),
    })
}
