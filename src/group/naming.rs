//! Suffix letters for names: GAP class names (`2a`, `2b`), lattice labels (`N4a`) and
//! legend letters. A naming rule of the domain, so the domain modules need no `report`.

/// Spreadsheet-style letters for a 0-based index: `a, b, ..., z, aa, ab, ...` (GAP's class
/// name suffixes, and suffixes that keep labels unique).
///
/// ```
/// use plrep::group::naming::letters;
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
