//! Plain-text tables with aligned columns (two spaces between columns, no trailing
//! blanks), shared by the command-line reports.

use std::fmt::Write as _;

/// Render `header` and `rows` as aligned text, one line each. Column `j` is
/// right-aligned when `right(j)` holds, else left-aligned; widths count characters.
///
/// ```
/// use plrep::report::columns::aligned;
/// let t = aligned(&["k", "value"], &[vec!["1".into(), "1/2".into()]], |j| j == 0);
/// assert_eq!(t, "k  value\n1  1/2\n");
/// ```
pub fn aligned<H: AsRef<str>, R: AsRef<[String]>>(
    header: &[H],
    rows: &[R],
    right: impl Fn(usize) -> bool,
) -> String {
    let mut width: Vec<usize> = header.iter().map(|h| h.as_ref().chars().count()).collect();
    for r in rows {
        for (j, cell) in r.as_ref().iter().enumerate() {
            if j < width.len() {
                width[j] = width[j].max(cell.chars().count());
            }
        }
    }
    let mut out = String::new();
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        let mut s = String::new();
        for (j, c) in cells.enumerate() {
            if j > 0 {
                s.push_str("  ");
            }
            let w = width.get(j).copied().unwrap_or(0);
            if right(j) {
                let _ = write!(s, "{c:>w$}");
            } else {
                let _ = write!(s, "{c:<w$}");
            }
        }
        let _ = writeln!(out, "{}", s.trim_end());
    };
    line(&mut header.iter().map(|h| h.as_ref()));
    for r in rows {
        line(&mut r.as_ref().iter().map(String::as_str));
    }
    out
}
