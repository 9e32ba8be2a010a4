//! The character table of a direct product `A x B` acting on disjoint sets of orbits,
//! from the tables of its factors (docs/theory.md §29).
//!
//! When the orbits of `G` split into two unions `P_A`, `P_B` with
//! `|G| = |G|_{P_A}| |G|_{P_B}|`, `G` is the direct product of its two restrictions, its
//! classes are the products of theirs and its irreducible characters are the products
//! `chi x psi` (Isaacs, *Character Theory of Finite Groups*, Theorem 4.21). In the
//! root-sum form the value of `chi x psi` at `(a, b)` is the product of the two forms
//! (the eigenvalues of `rho(a) x sigma(b)` are the products of theirs), so the rows are
//! exactly the rows Dixon–Schneider would lift, and [`super::assemble`] puts them in the
//! same canonical order: the same table, in `O(k)` class look-ups and `k^2` products of
//! root sums instead of the class-matrix eigenspaces.

use super::verify::check_character_table_but_orthogonality;
use super::{assemble, check_character_table, Character, CharacterTable, Method};
use crate::character::abelian::GENERIC_CHECK_MAX_CLASSES;
use crate::character::rootsum::RootSum;
use crate::character::structure::ClassInfo;
use crate::error::{Error, Result};
use crate::group::{ConjugacyClasses, EnumeratedGroup, Limits, Perm, PermGroup};
use rayon::prelude::*;

/// Groups with fewer classes keep Dixon–Schneider (it is fast there, and their tables
/// keep naming it).
pub const PRODUCT_MIN_CLASSES: usize = 64;

/// The most orbit unions tried as the first factor (one Schreier–Sims pair each).
const MAX_SPLITS: usize = 16;

/// A factor: its points in `G`'s numbering (ascending) and their positions
/// ([`numbering`]), the restricted group's elements, classes and table.
struct Factor {
    points: Vec<usize>,
    local: Vec<u32>,
    elements: EnumeratedGroup,
    classes: ConjugacyClasses,
    table: CharacterTable,
}

/// `g` restricted to `points` (an ascending union of orbits), renumbered `0..`.
fn restrict(g: &Perm, points: &[usize], local: &[u32]) -> Perm {
    Perm::from_images_unchecked(points.iter().map(|&x| local[g.apply(x)]).collect())
}

/// The position of each point of `points` in it (`u32::MAX` elsewhere).
fn numbering(degree: usize, points: &[usize]) -> Vec<u32> {
    let mut local = vec![u32::MAX; degree];
    for (i, &x) in points.iter().enumerate() {
        local[x] = i as u32;
    }
    local
}

/// The restriction of `group` to `points` (positions `local`), with its generators
/// (identities dropped).
fn restriction(group: &PermGroup, points: &[usize], local: &[u32]) -> Result<PermGroup> {
    let gens: Vec<Perm> = group
        .generators()
        .iter()
        .map(|g| restrict(g, points, local))
        .filter(|g| !g.is_identity())
        .collect();
    PermGroup::new(points.len(), gens)
}

/// A side of a split: its points, their positions and the restricted group.
type Side = (Vec<usize>, Vec<u32>, PermGroup);

/// The first split of the non-trivial orbits of `group` (sorted by least point) into a
/// prefix `P_A` and the rest `P_B` with `|G| = |G|_{P_A}| |G|_{P_B}|`, as the two point
/// sets with their positions and restrictions.
fn split(group: &PermGroup) -> Option<[Side; 2]> {
    let order = group.order_u64()?;
    let mut orbits: Vec<Vec<usize>> = group.orbits().into_iter().filter(|o| o.len() > 1).collect();
    if orbits.len() < 2 || orbits.len() > MAX_SPLITS + 1 {
        return None;
    }
    orbits.sort_unstable_by_key(|o| o[0]);
    for t in 1..orbits.len() {
        let mut a: Vec<usize> = orbits[..t].concat();
        let mut b: Vec<usize> = orbits[t..].concat();
        a.sort_unstable();
        b.sort_unstable();
        let (la, lb) = (numbering(group.degree(), &a), numbering(group.degree(), &b));
        let (ga, gb) = (
            restriction(group, &a, &la).ok()?,
            restriction(group, &b, &lb).ok()?,
        );
        let (oa, ob) = (ga.order_u64()?, gb.order_u64()?);
        if oa > 1 && ob > 1 && oa.checked_mul(ob) == Some(order) {
            return Some([(a, la, ga), (b, lb, gb)]);
        }
    }
    None
}

fn factor((points, local, group): Side, limits: &Limits) -> Result<Factor> {
    let elements = group.enumerate(limits)?;
    let classes = ConjugacyClasses::compute(&elements, group.generators());
    let table = CharacterTable::from_group_classes(&group, &elements, &classes, limits)?;
    Ok(Factor {
        points,
        local,
        elements,
        classes,
        table,
    })
}

/// The table of `group` (enumerated, with classes `ci`) from the tables of two factors,
/// when `group` is a non-abelian direct product on disjoint orbits with at least
/// [`PRODUCT_MIN_CLASSES`] classes; `Ok(None)` otherwise, or when a factor exceeds
/// `limits` (the caller then runs Dixon–Schneider).
///
/// Verified: each factor's table by its own route; here that the classes of `G`
/// correspond one to one to the pairs of factor classes with multiplied sizes, then
/// [`check_character_table`] on the product. Errors: [`Error::Verification`] (a bug).
///
/// # Complexity
/// The factors' enumerations, classes and tables; one look-up per class of `G` and
/// factor; `k^2` products of root sums and their conversion.
pub(super) fn product_table(
    group: &PermGroup,
    ci: &ClassInfo,
    limits: &Limits,
) -> Result<Option<CharacterTable>> {
    let k = ci.len();
    if k < PRODUCT_MIN_CLASSES || k as u64 == ci.order {
        return Ok(None);
    }
    let Some([a, b]) = split(group) else {
        return Ok(None);
    };
    let factors = match (factor(a, limits), factor(b, limits)) {
        (Ok(a), Ok(b)) => [a, b],
        (Err(e @ Error::Verification(_)), _) | (_, Err(e @ Error::Verification(_))) => {
            return Err(e)
        }
        _ => return Ok(None),
    };
    // The class of each factor met by each class representative of `G`.
    let bad = |what: &str| Error::verification(format!("direct product table: {what}"));
    let mut pair_of = Vec::with_capacity(k);
    let mut seen = vec![false; factors[0].table.num_classes() * factors[1].table.num_classes()];
    for (c, rep) in ci.reps.iter().enumerate() {
        let mut pair = [0usize; 2];
        for (f, slot) in factors.iter().zip(pair.iter_mut()) {
            let r = restrict(rep, &f.points, &f.local);
            let i = f
                .elements
                .index_of(&r)
                .ok_or_else(|| bad("a representative restricts outside its factor"))?;
            *slot = f.classes.class_of[i] as usize;
        }
        let cell = pair[0] * factors[1].table.num_classes() + pair[1];
        let size = factors[0].table.sizes[pair[0]] * factors[1].table.sizes[pair[1]];
        if std::mem::replace(&mut seen[cell], true) || size != ci.sizes[c] {
            return Err(bad(
                "the classes are not the products of the factors' classes",
            ));
        }
        pair_of.push(pair);
    }
    if seen.len() != k {
        return Err(bad(
            "the classes are not the products of the factors' classes",
        ));
    }
    let (ta, tb) = (&factors[0].table, &factors[1].table);
    let pairs: Vec<(&Character, &Character)> = ta
        .characters
        .iter()
        .flat_map(|a| tb.characters.iter().map(move |b| (a, b)))
        .collect();
    let rows: Vec<Vec<RootSum>> = pairs
        .par_iter()
        .map(|(a, b)| {
            pair_of
                .iter()
                .map(|&[i, j]| a.root_sums[i].mul(&b.root_sums[j]))
                .collect()
        })
        .collect();
    let indicators: Vec<i8> = pairs
        .iter()
        .map(|(a, b)| a.indicator * b.indicator)
        .collect();
    let table = assemble(ci, rows, Method::DirectProduct, Some(indicators))?;
    // The class correspondence and the factors' verified tables prove the rows
    // irreducible characters (theory.md §29.2); the cubic orthogonality check is run in addition
    // when it is cheap, the quadratic checks always.
    if k <= GENERIC_CHECK_MAX_CLASSES {
        check_character_table(&table)?;
    } else {
        check_character_table_but_orthogonality(&table)?;
    }
    Ok(Some(table))
}
