//! Small naming helpers shared by the reports.

/// Spreadsheet-style letters for a 0-based index: `a, b, ..., z, aa, ab, ...` (GAP's class
/// name suffixes, and suffixes that keep labels unique).
///
/// ```
/// use plrep::report::names::letters;
/// assert_eq!(letters(0), "a");
/// assert_eq!(letters(25), "z");
/// assert_eq!(letters(26), "aa");
/// ```
pub fn letters(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push((b'a' + (i % 26) as u8) as char);
        i /= 26;
        if i == 0 {
            break;
        }
        i -= 1;
    }
    s.iter().rev().collect()
}

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
