//! Escaping text for the output languages of the reports.

/// Escape text for LaTeX outside math mode (`±` and `Ĝ` become math).
///
/// ```
/// use plrep::report::escape::latex_escape;
/// assert_eq!(latex_escape("PSL2_7 ker^±"), "PSL2\\_7 ker\\^{}$\\pm$");
/// ```
pub fn latex_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '_' | '%' | '&' | '#' | '$' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '^' => out.push_str("\\^{}"),
            '~' => out.push_str("\\~{}"),
            '\\' => out.push_str("\\textbackslash{}"),
            '±' => out.push_str("$\\pm$"),
            'Ĝ' => out.push_str("$\\hat G$"),
            _ => out.push(c),
        }
    }
    out
}
