//! Small naming helpers shared by the reports (`letters` lives with the group naming,
//! which the lattice labels use too, and is re-exported here).

pub use crate::group::naming::letters;

/// `n` followed by the singular or plural noun: `1 class`, `2 classes`.
///
/// ```
/// use plrep::report::names::count;
/// assert_eq!(count(1, "class", "classes"), "1 class");
/// assert_eq!(count(0, "group", "groups"), "0 groups");
/// ```
pub fn count(n: u64, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}
