//! The SmallGroups catalog: every group of order at most [`MAX_SMALL_ORDER`] of GAP's
//! SmallGroups library (Besche, Eick, O'Brien, *A millennium project: constructing
//! small groups*, IJAC 12 (2002)), as small-degree permutation generators exported by
//! `data/smallgroups.g` into `data/smallgroups.json` (provenance: `data/PROVENANCE.md`).
//!
//! The file is embedded with `include_str!` (the library does no I/O) and parsed once,
//! on first use, so that commands that never name a small group do not pay for it.
//!
//! Names: `SmallGroup(n,i)` and `SG<n>_<i>` are the `i`-th group of order `n`; in a
//! survey, `SG<n>` is every group of order `n` and `SG<a>..SG<b>` every group of order
//! `a..b` (see [`crate::survey::groups`]).
//!
//! ```
//! use plrep::group::smallgroups::{small_group, parse_small_group_name};
//! assert_eq!(parse_small_group_name("SmallGroup(24, 12)"), Some((24, 12)));
//! assert_eq!(parse_small_group_name("SG24_12"), Some((24, 12)));
//! let g = small_group(24, 12).unwrap(); // S4
//! assert_eq!(g.order_u64(), Some(24));
//! assert_eq!(g.name(), Some("SG24_12"));
//! ```

use crate::error::{Error, Result};
use crate::group::perm::Perm;
use crate::group::permgroup::PermGroup;
use serde::Deserialize;

/// The largest order in the embedded file.
pub const MAX_SMALL_ORDER: u64 = 100;

const FILE: &str = include_str!("../../data/smallgroups.json");

/// One group of the SmallGroups library as stored in `data/smallgroups.json`.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct SmallGroupEntry {
    /// The library id `[n, i]`: the `i`-th group of order `n`.
    pub id: (u64, u64),
    /// `|G| = n`.
    pub order: u64,
    /// The number of points of the stored permutation representation.
    pub degree: usize,
    /// The number of conjugacy classes (from GAP).
    pub classes: usize,
    /// The number of conjugacy classes of subgroups (from GAP).
    pub subgroup_classes: usize,
    /// GAP's `StructureDescription` (not an isomorphism invariant in general, a name).
    pub structure: String,
    /// Generators in GAP cycle notation on `1..degree`.
    pub generators: Vec<String>,
}

impl SmallGroupEntry {
    /// The canonical plrep name, `SG<n>_<i>`.
    pub fn name(&self) -> String {
        format!("SG{}_{}", self.id.0, self.id.1)
    }

    /// The permutation group, named [`SmallGroupEntry::name`].
    ///
    /// Complexity: Schreier–Sims on at most a handful of generators of degree <= 100.
    pub fn group(&self) -> Result<PermGroup> {
        let gens = self
            .generators
            .iter()
            .map(|g| Perm::parse_gap(g, self.degree))
            .collect::<Result<Vec<_>>>()?;
        Ok(PermGroup::new(self.degree, gens)?.with_name(self.name()))
    }
}

/// Every entry of the embedded file, ordered by id (parsed once per process).
pub fn small_groups() -> &'static [SmallGroupEntry] {
    static CACHE: std::sync::OnceLock<Vec<SmallGroupEntry>> = std::sync::OnceLock::new();
    CACHE.get_or_init(|| {
        // The file is part of the source tree and checked by the tests: a parse failure
        // is a build defect, and an empty catalog then makes every lookup a clean error.
        serde_json::from_str(FILE).unwrap_or_default()
    })
}

/// The number of groups of order `n` in the file (`None` beyond [`MAX_SMALL_ORDER`]).
///
/// ```
/// use plrep::group::smallgroups::number_of_groups;
/// assert_eq!(number_of_groups(24), Some(15));
/// assert_eq!(number_of_groups(64), Some(267));
/// assert_eq!(number_of_groups(101), None);
/// ```
pub fn number_of_groups(n: u64) -> Option<u64> {
    if n == 0 || n > MAX_SMALL_ORDER {
        return None;
    }
    Some(small_groups().iter().filter(|e| e.order == n).count() as u64)
}

/// The entry of `SmallGroup(n, i)`, if the file has it.
pub fn entry(n: u64, i: u64) -> Option<&'static SmallGroupEntry> {
    let all = small_groups();
    all.binary_search_by(|e| e.id.cmp(&(n, i)))
        .ok()
        .map(|k| &all[k])
}

/// Parse `SmallGroup(n,i)` (spaces allowed) or `SG<n>_<i>` into `(n, i)`; `None` for
/// anything else (including `SG<n>` without an index).
pub fn parse_small_group_name(name: &str) -> Option<(u64, u64)> {
    let name = name.trim();
    let num = |s: &str| {
        let s = s.trim();
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u64>().ok())
            .flatten()
    };
    if let Some(args) = name
        .strip_prefix("SmallGroup(")
        .and_then(|r| r.strip_suffix(')'))
    {
        let (n, i) = args.split_once(',')?;
        return Some((num(n)?, num(i)?));
    }
    let (n, i) = name.strip_prefix("SG")?.split_once('_')?;
    Some((num(n)?, num(i)?))
}

/// Whether `name` is `SG<n>` (all groups of order `n`), returning `n`.
///
/// ```
/// use plrep::group::smallgroups::order_of_all;
/// assert_eq!(order_of_all("SG24"), Some(24));
/// assert_eq!(order_of_all("SG24_1"), None);
/// ```
pub fn order_of_all(name: &str) -> Option<u64> {
    let rest = name.trim().strip_prefix("SG")?;
    (!rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()))
        .then(|| rest.parse().ok())
        .flatten()
}

/// The names `SG<n>_1 .. SG<n>_k` of every group of order `n`, for `lo <= n <= hi`.
///
/// Errors: bad input when an order is 0 or beyond [`MAX_SMALL_ORDER`].
///
/// ```
/// use plrep::group::smallgroups::names_of_orders;
/// assert_eq!(names_of_orders(4, 6).unwrap(), ["SG4_1", "SG4_2", "SG5_1", "SG6_1", "SG6_2"]);
/// assert!(names_of_orders(1, 101).is_err());
/// ```
pub fn names_of_orders(lo: u64, hi: u64) -> Result<Vec<String>> {
    if lo == 0 || hi > MAX_SMALL_ORDER {
        return Err(Error::bad(
            format!("SmallGroups of order {lo}..{hi} are not in the catalog"),
            format!("plrep ships the SmallGroups library for orders 1..{MAX_SMALL_ORDER}"),
        ));
    }
    Ok(small_groups()
        .iter()
        .filter(|e| (lo..=hi).contains(&e.order))
        .map(SmallGroupEntry::name)
        .collect())
}

/// The group `SmallGroup(n, i)` from the file, named `SG<n>_<i>`.
///
/// Errors: bad input (with the number of groups of order `n` as hint) when `(n, i)` is
/// not in the file.
pub fn small_group(n: u64, i: u64) -> Result<PermGroup> {
    match entry(n, i) {
        Some(e) => e.group(),
        None => Err(not_found(n, i)),
    }
}

fn not_found(n: u64, i: u64) -> Error {
    match number_of_groups(n) {
        Some(k) => Error::bad(
            format!("SmallGroup({n},{i}) does not exist"),
            format!("there are {k} groups of order {n}: SG{n}_1 .. SG{n}_{k}"),
        ),
        None => Error::bad(
            format!("SmallGroup({n},{i}) is not in the catalog"),
            format!("plrep ships the SmallGroups library for orders 1..{MAX_SMALL_ORDER}"),
        ),
    }
}

/// The catalog hook: the group for a small-group name (`SmallGroup(n,i)`, `SG<n>_<i>`),
/// `None` when `name` is not of that form. `SG<n>` alone is an error whose hint says
/// that it names a whole order (accepted by `plrep survey`).
pub fn lookup(name: &str) -> Option<Result<PermGroup>> {
    if let Some((n, i)) = parse_small_group_name(name) {
        return Some(small_group(n, i));
    }
    let n = order_of_all(name)?;
    Some(Err(match number_of_groups(n) {
        Some(k) => Error::bad(
            format!("{name} is all {k} groups of order {n}, not one group"),
            format!(
                "name one as SG{n}_1 .. SG{n}_{k}; plrep survey accepts {name} for all of them"
            ),
        ),
        None => not_found(n, 1),
    }))
}
