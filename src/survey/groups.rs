//! The group list of a survey: every GROUPS argument expanded, in order, without
//! duplicates.
//!
//! An argument is
//! * a range `FAMa..FAMb` of a catalog family with one integer parameter (`C1..C60`,
//!   `D2..D40`, `S3..S6`, `Q8..Q24`, `A4..A6`, `Dic2..Dic6`, `PSL2_5..PSL2_13`); the
//!   members are the family's names between the endpoints (inclusive, ascending): every
//!   `n` for `C`, `S`, `A`, `Dic`; the even `n` for `D` (dihedral groups are named by
//!   their order); the multiples of 4 for `Q`; the primes for `PSL2_`. The endpoints
//!   must be members themselves (`D3..D9` is an error naming `D3`). `C1..60` is short
//!   for `C1..C60`;
//! * `SG<a>..SG<b>`: every group of the SmallGroups library of order `a..b` (`b <= 100`),
//!   named `SG<n>_<i>`, and `SG<n>`: every group of order `n`;
//! * a directory: every `*.json` group file in it, sorted by file name;
//! * anything [`crate::group::spec::load_group`] accepts: a catalog name (`S4`, `PSL(2,7)`, `C2xS3`), a JSON
//!   group file, or generators in GAP notation.
//!
//! An argument is read as a range when it contains `..`, has no path separator and is
//! not an existing path.

use crate::arith::ntheory::is_prime;
use crate::error::{Error, Result};
use crate::group::catalog;
use crate::group::smallgroups;
use crate::group::spec::{load_group_within, read_group_file_within};
use crate::group::Limits;
use crate::group::{Perm, PermGroup};
use rayon::prelude::*;
use std::path::Path;

/// Most members one range may have (a typo like `C1..C1000000` should be an error).
pub const MAX_RANGE_MEMBERS: u64 = 10_000;

/// The range families (prefixes).
const FAMILIES: &[&str] = &["C", "D", "Q", "S", "A", "Dic", "PSL2_"];

const RANGE_HINT: &str = "write FAMILY<a>..FAMILY<b> with a <= b, e.g. C1..C60, D2..D40, S3..S6, SG1..SG100; range families are C, D, Q, S, A, Dic, PSL2_, SG";

/// One group of a survey.
#[derive(Clone, Debug)]
pub struct SurveyGroup {
    /// Its name (catalog name, the file's `"name"` or stem, or the generator text).
    pub name: String,
    /// Where it came from: the argument, the range member, or the file path.
    pub source: String,
    /// The group.
    pub group: PermGroup,
}

/// A survey group without its group: the name, source and generators a worker needs to
/// rebuild it ([`GroupSeed::load`]). A survey keeps these for every group and builds
/// each group in the worker that computes it, which drops it after: the groups' chains
/// and caches (filled while the group is computed) never accumulate over a survey.
#[derive(Clone, Debug)]
pub struct GroupSeed {
    /// The group's name.
    pub name: String,
    /// Where it came from.
    pub source: String,
    degree: usize,
    generators: Vec<Perm>,
    order: num_bigint::BigUint,
    /// The group's own display name (a catalog name such as `Dic3` for `SG12_1`: the
    /// graphs record it), which may differ from the survey's `name`.
    display: Option<String>,
}

impl GroupSeed {
    /// The seed of a group (its generators and order; the group itself is dropped by the
    /// caller).
    pub fn of(g: &SurveyGroup) -> GroupSeed {
        GroupSeed {
            name: g.name.clone(),
            source: g.source.clone(),
            degree: g.group.degree(),
            generators: g.group.generators().to_vec(),
            order: g.group.order(),
            display: g.group.name().map(str::to_string),
        }
    }

    /// Build the group again: the same degree, generators and display name, with the
    /// order proved before as random Schreier–Sims's stopping rule
    /// ([`PermGroup::with_known_order`]).
    ///
    /// Errors: none for a seed of a group that was built (kept a `Result` for safety).
    ///
    /// Complexity: one random Schreier–Sims run.
    ///
    /// ```
    /// use plrep::survey::groups::{expand_seeds_within, GroupSeed};
    /// use plrep::group::Limits;
    /// let seeds = expand_seeds_within(&["S4".to_string()], &Limits::default()).unwrap();
    /// assert_eq!(seeds[0].load().unwrap().order_u64(), Some(24));
    /// ```
    pub fn load(&self) -> Result<PermGroup> {
        let g =
            PermGroup::with_known_order(self.degree, self.generators.clone(), self.order.clone())?;
        Ok(match &self.display {
            Some(name) => g.with_name(name.clone()),
            None => g,
        })
    }
}

/// [`expand_within`] as [`GroupSeed`]s: every group is built once (to check it and find
/// duplicates) and dropped at once, so that the list costs its generators only.
///
/// Errors and complexity: as [`expand_within`].
pub fn expand_seeds_within(args: &[String], limits: &Limits) -> Result<Vec<GroupSeed>> {
    expand_into(args, limits, |g| GroupSeed::of(&g))
}

/// Whether `arg` is read as a range (contains `..`, no path separator, not an existing
/// path).
///
/// ```
/// use plrep::survey::groups::is_range;
/// assert!(is_range("C1..C6"));
/// assert!(!is_range("S4"));
/// assert!(!is_range("../groups"));
/// ```
pub fn is_range(arg: &str) -> bool {
    arg.contains("..")
        && !arg.contains('/')
        && !arg.contains(std::path::MAIN_SEPARATOR)
        && !Path::new(arg).exists()
}

fn split_number(s: &str) -> (&str, Option<u64>) {
    let prefix = s.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = &s[prefix.len()..];
    (prefix, digits.parse::<u64>().ok())
}

/// The member names of a range `FAMa..FAMb` (see the module documentation).
///
/// # Arguments
/// * `arg` — the range text, e.g. `C1..C6`.
///
/// # Returns
/// The member names, ascending (`D2..D8` → `D2, D4, D6, D8`).
///
/// # Errors
/// Bad input (with a hint) for malformed ranges, unknown families, different families
/// on the two sides, `a > b`, and more than [`MAX_RANGE_MEMBERS`] members. Whether
/// each member is a valid catalog name is checked by [`expand`], not here.
///
/// # Complexity
/// `O(b - a)` (trial division for `PSL2_`).
///
/// ```
/// use plrep::survey::groups::range_members;
/// assert_eq!(range_members("D2..D8").unwrap(), ["D2", "D4", "D6", "D8"]);
/// assert_eq!(range_members("C3..5").unwrap(), ["C3", "C4", "C5"]);
/// assert_eq!(range_members("PSL2_4..PSL2_7").unwrap(), ["PSL2_4", "PSL2_5", "PSL2_7"]);
/// assert!(range_members("C5..C2").is_err());
/// assert!(range_members("C2..S5").is_err());
/// ```
pub fn range_members(arg: &str) -> Result<Vec<String>> {
    let bad = |what: String| Error::bad(what, RANGE_HINT);
    if let Some(n) = smallgroups::order_of_all(arg) {
        return smallgroups::names_of_orders(n, n);
    }
    let Some((a, b)) = arg.split_once("..") else {
        return Err(bad(format!("'{arg}' is not a range")));
    };
    let (fam, lo) = split_number(a.trim());
    let (fam_b, hi) = split_number(b.trim());
    let (Some(lo), Some(hi)) = (lo, hi) else {
        return Err(bad(format!("bad range '{arg}': both ends need a number")));
    };
    if fam.is_empty() {
        return Err(bad(format!("bad range '{arg}': no family before {lo}")));
    }
    if !fam_b.is_empty() && fam_b != fam {
        return Err(bad(format!(
            "bad range '{arg}': the ends are in different families ({fam} and {fam_b})"
        )));
    }
    if fam == "SG" && lo <= hi {
        // Every SmallGroups id of the orders lo..hi (the file's order: by order, then id).
        return smallgroups::names_of_orders(lo, hi);
    }
    if !FAMILIES.contains(&fam) {
        return Err(bad(format!(
            "bad range '{arg}': '{fam}' is not a range family"
        )));
    }
    if lo > hi {
        return Err(bad(format!("bad range '{arg}': {lo} > {hi}")));
    }
    if hi - lo >= MAX_RANGE_MEMBERS {
        return Err(bad(format!(
            "the range '{arg}' has more than {MAX_RANGE_MEMBERS} members"
        )));
    }
    let member = |n: u64| match fam {
        "D" => n % 2 == 0,
        "Q" => n % 4 == 0,
        "PSL2_" => is_prime(n),
        _ => true,
    };
    // The endpoints are always listed, so that an invalid one is reported by name.
    Ok((lo..=hi)
        .filter(|&n| n == lo || n == hi || member(n))
        .map(|n| format!("{fam}{n}"))
        .collect())
}

/// The `*.json` files of a directory, sorted by file name.
fn json_files(dir: &Path) -> Result<Vec<std::path::PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        Error::Io(format!(
            "cannot read the directory '{}': {e}",
            dir.display()
        ))
    })?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| {
            Error::Io(format!(
                "cannot read the directory '{}': {e}",
                dir.display()
            ))
        })?;
        let p = entry.path();
        if p.is_file() && p.extension().is_some_and(|x| x == "json") {
            files.push(p);
        }
    }
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    if files.is_empty() {
        return Err(Error::bad(
            format!(
                "the directory '{}' has no *.json group files",
                dir.display()
            ),
            "a group file is {\"generators\": [\"(1,2,3)\", ...], \"name\": ...}",
        ));
    }
    Ok(files)
}

/// Expand the GROUPS arguments of `plrep survey` into the survey's group list.
///
/// # Arguments
/// * `args` — the arguments as given (see the module documentation).
///
/// # Returns
/// The groups in the order given (ranges ascending, directories by file name), each
/// once: a later group with the same name and generators as an earlier one is dropped.
///
/// # Errors
/// Bad input for an empty list, a malformed range, a range member the catalog rejects
/// (named, with the range), unknown names and malformed files; [`Error::Io`] for
/// unreadable files and directories.
///
/// # Complexity
/// One Schreier–Sims run per group (no enumeration, no tables).
///
/// ```
/// use plrep::survey::groups::expand;
/// let args: Vec<String> = ["C2..C4", "S3", "C3"].iter().map(|s| s.to_string()).collect();
/// let g = expand(&args).unwrap();
/// let names: Vec<&str> = g.iter().map(|g| g.name.as_str()).collect();
/// assert_eq!(names, ["C2", "C3", "C4", "S3"]);
/// assert!(expand(&["D2..D5".to_string()]).unwrap_err().to_string().contains("D5"));
/// ```
pub fn expand(args: &[String]) -> Result<Vec<SurveyGroup>> {
    expand_within(args, &Limits::default())
}

/// [`expand`] with group files and generators read within `limits` (`--max-input-mb`,
/// `--max-degree`, `--max-generators`).
pub fn expand_within(args: &[String], limits: &Limits) -> Result<Vec<SurveyGroup>> {
    expand_into(args, limits, |g| g)
}

/// The expansion, each group turned by `keep` into what the caller keeps as soon as it
/// is built and checked for duplicates.
fn expand_into<T: Send>(
    args: &[String],
    limits: &Limits,
    keep: impl Fn(SurveyGroup) -> T + Sync,
) -> Result<Vec<T>> {
    if args.is_empty() {
        return Err(Error::bad(
            "no GROUPS given",
            "e.g. plrep survey C1..C12 S4 --out DIR",
        ));
    }
    let mut out: Vec<T> = Vec::new();
    // Seen (name, degree, generators): a set, so long lists stay linear.
    let mut seen: std::collections::HashSet<(String, usize, Vec<String>)> = Default::default();
    let mut push = |g: SurveyGroup| {
        let gens = g.group.generators().iter().map(|p| p.to_string()).collect();
        if seen.insert((g.name.clone(), g.group.degree(), gens)) {
            out.push(keep(g));
        }
    };
    for arg in args {
        let path = Path::new(arg);
        if path.is_dir() {
            for f in json_files(path)? {
                let group = read_group_file_within(&f, limits)?;
                push(SurveyGroup {
                    name: group.name().unwrap_or("group").to_string(),
                    source: f.display().to_string(),
                    group,
                });
            }
        } else if is_range(arg) || smallgroups::order_of_all(arg).is_some() {
            // Members are built in parallel (a Schreier–Sims run each); the first failing
            // member in range order is reported.
            let members = range_members(arg)?;
            let groups: Vec<Result<PermGroup>> = members
                .par_iter()
                .map(|m| {
                    catalog::lookup(m).map_err(|e| match e {
                        Error::BadInput { what, hint } => Error::bad(
                            format!(
                                "{m} (a member of the range {arg}) is not in the catalog: {what}"
                            ),
                            hint,
                        ),
                        e => e,
                    })
                })
                .collect();
            for (m, group) in members.into_iter().zip(groups) {
                push(SurveyGroup {
                    name: m.clone(),
                    source: m,
                    group: group?,
                });
            }
        } else {
            let group = load_group_within(arg, limits)?;
            push(SurveyGroup {
                name: group.name().unwrap_or("group").to_string(),
                source: arg.clone(),
                group,
            });
        }
    }
    Ok(out)
}
