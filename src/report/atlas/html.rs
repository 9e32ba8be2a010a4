//! HTML helpers of the atlas: escaping, shell quoting of reproducing commands, the page
//! frame and the style sheet.

use std::fmt::Write as _;

/// Escape text for HTML element content and double-quoted attributes.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Quote one argument for a POSIX shell: unchanged when it has only safe characters,
/// else in single quotes (a `'` written `'\''`).
///
/// ```
/// use plrep::report::atlas::shell_quote;
/// assert_eq!(shell_quote("S4"), "S4");
/// assert_eq!(shell_quote("PSL(2,7)"), "'PSL(2,7)'");
/// assert_eq!(shell_quote("it's"), r#"'it'\''s'"#);
/// ```
pub fn shell_quote(arg: &str) -> String {
    let safe = !arg.is_empty()
        && arg
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-./:=+,@%".contains(c));
    if safe {
        arg.to_string()
    } else {
        format!("'{}'", arg.replace('\'', r"'\''"))
    }
}

/// A command line from its arguments, each quoted.
pub(crate) fn command<S: AsRef<str>>(args: &[S]) -> String {
    args.iter()
        .map(|a| shell_quote(a.as_ref()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `<p class="cmd">Reproduce: <code>...</code></p>`.
pub(crate) fn cmd_line<S: AsRef<str>>(args: &[S]) -> String {
    format!(
        "<p class=\"cmd\">Reproduce: <code>{}</code></p>\n",
        esc(&command(args))
    )
}

/// The SVG with a `<title>` as its first child (the accessible name of the drawing).
pub(crate) fn svg_with_title(svg: &str, title: &str) -> String {
    let t = format!("<title>{}</title>\n", esc(title).replace("&#39;", "&apos;"));
    match svg.find('>') {
        Some(i) if svg.starts_with("<svg") => {
            let (head, rest) = svg.split_at(i + 1);
            let rest = rest.strip_prefix('\n').unwrap_or(rest);
            format!(
                "{}\n{t}{rest}",
                head.replacen("<svg ", "<svg role=\"img\" ", 1)
            )
        }
        _ => svg.to_string(),
    }
}

/// A complete page: `depth` is how many directories below the root it lives (for the
/// style sheet and navigation links).
pub(crate) fn page(title: &str, depth: usize, body: &str, script: Option<&str>) -> String {
    let up = "../".repeat(depth);
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<link rel=\"stylesheet\" href=\"{up}style.css\">\n</head>\n<body>\n\
         <header><nav aria-label=\"Atlas\"><a href=\"{up}index.html\">Groups</a> \
         <a href=\"{up}exceptions.html\">Exceptions</a></nav></header>\n<main>\n",
        esc(title)
    );
    s.push_str(body);
    s.push_str("</main>\n<footer><p>Built by <code>plrep atlas</code> from certified survey records: every edge has an exact witness, every non-edge an obstruction re-checked by an independent checker.</p></footer>\n");
    if let Some(js) = script {
        let _ = write!(s, "<script>\n{js}</script>\n");
    }
    s.push_str("</body>\n</html>\n");
    s
}

/// `yes` / `no`.
pub(crate) fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

/// The style sheet.
pub(crate) const CSS: &str = r#"body { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 0; color: #1b1b1b; background: #fff; line-height: 1.45; }
header { background: #1f3a5f; padding: 0.5rem 1rem; }
header a { color: #fff; margin-right: 1.2rem; font-weight: 600; text-decoration: none; }
header a:hover, header a:focus { text-decoration: underline; }
main { padding: 0.5rem 1rem 2rem; max-width: 100%; }
footer { border-top: 1px solid #ccc; padding: 0.5rem 1rem; color: #555; font-size: 0.85rem; }
h1 { font-size: 1.6rem; margin: 0.6rem 0; }
h2 { font-size: 1.3rem; margin-top: 1.8rem; border-bottom: 1px solid #ddd; }
h3 { font-size: 1.1rem; margin-top: 1.4rem; }
table { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.9rem; }
th, td { border: 1px solid #ccc; padding: 0.15rem 0.45rem; text-align: right; vertical-align: top; }
th { background: #eef3fb; }
td.l, th.l { text-align: left; }
caption { text-align: left; font-weight: 600; padding: 0.2rem 0; }
.scroll { overflow-x: auto; max-width: 100%; }
.cmd { font-size: 0.85rem; color: #333; }
code { background: #f4f4f4; padding: 0 0.2rem; word-break: break-all; }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: 0.1rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
figure { margin: 0.5rem 0; }
figure img { max-width: 100%; height: auto; border: 1px solid #ddd; }
figcaption { font-size: 0.85rem; color: #444; }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: #1f3a5f; }
th[aria-sort="ascending"] button::after { content: " \25B2"; }
th[aria-sort="descending"] button::after { content: " \25BC"; }
.flag { color: #a40000; font-weight: 600; }
label { font-weight: 600; }
input[type=search] { font-size: 1rem; width: min(40rem, 90%); padding: 0.2rem; }
"#;
