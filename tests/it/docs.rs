//! The documentation is true: every `§` reference resolves to a heading of
//! docs/theory.md (format in its preamble), each command accepts exactly the formats
//! docs/cli.md lists, the survey example in docs/cli.md succeeds, and SVG drawings are
//! wide enough for their titles.

use super::cli::plrep;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files_under(&p, out);
        } else if p
            .extension()
            .is_some_and(|x| x == "rs" || x == "md" || x == "snap")
        {
            out.push(p);
        }
    }
}

/// The numbers of the `## N.` and `### N.M` headings of docs/theory.md.
fn theory_sections() -> BTreeSet<String> {
    let text = std::fs::read_to_string(root().join("docs/theory.md")).unwrap();
    text.lines()
        .filter_map(|l| l.strip_prefix("### ").or_else(|| l.strip_prefix("## ")))
        .filter_map(|l| l.split_once(' ').map(|(n, _)| n.trim_end_matches('.')))
        .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '.'))
        .map(str::to_string)
        .collect()
}

#[test]
fn every_section_reference_resolves_to_theory_md() {
    let sections = theory_sections();
    assert!(
        sections.contains("7") && sections.contains("9"),
        "{sections:?}"
    );
    let mut files = Vec::new();
    for d in ["src", "docs", "tests/it/snapshots"] {
        files_under(&root().join(d), &mut files);
    }
    files.push(root().join("README.md"));
    let year = |s: &str| {
        s.as_bytes()
            .windows(4)
            .any(|w| w.iter().all(u8::is_ascii_digit) && (w[0] == b'1' || w[0] == b'2'))
    };
    let mut checked = 0;
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let inside_theory = f.ends_with("docs/theory.md");
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            for (at, _) in line.match_indices('§') {
                let number: String = line[at + '§'.len_utf8()..]
                    .chars()
                    .take_while(|c| c.is_ascii_digit() || *c == '.')
                    .collect();
                let number = number.trim_end_matches('.').to_string();
                let before = &line[..at];
                let place = format!("{}:{}: {line}", f.display(), i + 1);
                let prev = if i > 0 { lines[i - 1] } else { "" };
                let context = format!("{prev} {before}");
                // Another source is named on this line or the previous one.
                let external =
                    year(&context) || context.contains('*') || context.contains("manual");
                // `theory.md §N`, or a list continuing one (`theory.md §2, §7`).
                let cites_theory = before.ends_with("theory.md ")
                    || ((before.ends_with(", ") || before.ends_with('–'))
                        && before.contains("theory.md §"));
                if cites_theory || (inside_theory && !external) {
                    assert!(sections.contains(&number), "{place}: no section {number}");
                    checked += 1;
                } else {
                    assert!(
                        external,
                        "{place}: a § reference that is neither `theory.md §N` nor names its source"
                    );
                }
            }
            for bad in ["THEORY §", "THEORY T", "ARCHITECTURE §"] {
                assert!(!line.contains(bad), "{}:{}: {bad}", f.display(), i + 1);
            }
        }
    }
    assert!(checked > 40, "{checked}");
}

/// `(command, arguments)` for trying every format.
const COMMANDS: [(&str, &[&str]); 13] = [
    ("info", &["C4"]),
    ("classes", &["C4"]),
    ("gset", &["C4"]),
    ("table", &["C4"]),
    ("lattice", &["C4"]),
    ("fourier", &["--cyclic", "4"]),
    ("graph", &["C4"]),
    ("solve", &["C4", "--from", "L1", "--to", "L0"]),
    ("exists", &["C4"]),
    ("subgroups", &["C4"]),
    ("enumerate", &["C4"]),
    ("compare", &["C4", "C4"]),
    ("examples", &["c5-trivial"]),
];

#[test]
fn every_command_accepts_exactly_its_documented_formats() {
    let cli = std::fs::read_to_string(root().join("docs/cli.md")).unwrap();
    let all = ["text", "json", "markdown", "latex", "dot", "svg", "tikz"];
    for (command, args) in COMMANDS {
        let row = cli
            .lines()
            .find(|l| l.starts_with(&format!("| `{command}` | `")))
            .unwrap_or_else(|| panic!("no format row for {command}"));
        let documented: BTreeSet<&str> = row
            .split('|')
            .nth(2)
            .unwrap()
            .split('`')
            .skip(1)
            .step_by(2)
            .collect();
        for f in all {
            let mut a = vec![command];
            a.extend_from_slice(args);
            a.extend_from_slice(&["--format", f]);
            let code = plrep(&a).status.code();
            let expected = if documented.contains(f) { 0 } else { 2 };
            assert_eq!(code, Some(expected), "plrep {}", a.join(" "));
        }
    }
}

#[test]
fn the_survey_example_of_cli_md_succeeds() {
    let cli = std::fs::read_to_string(root().join("docs/cli.md")).unwrap();
    let line = cli
        .lines()
        .find(|l| l.starts_with("plrep survey") && l.contains("subsets:2"))
        .unwrap();
    let dir = std::env::temp_dir().join(format!("plrep-docs-survey-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut args: Vec<String> = line.split_whitespace().skip(1).map(String::from).collect();
    let out = args.iter().position(|a| a == "--out").unwrap();
    args[out + 1] = dir.display().to_string();
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = plrep(&refs);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{line}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn svg_drawings_are_wide_enough_for_their_titles() {
    for args in [
        &["lattice", "S4", "--format", "svg"][..],
        &["lattice", "C2", "--format", "svg"],
        &["graph", "C2", "--format", "svg"],
        &["graph", "S4", "--action", "subsets:2", "--format", "svg"],
    ] {
        let o = plrep(args);
        assert_eq!(o.status.code(), Some(0));
        let svg = String::from_utf8(o.stdout).unwrap();
        let width: f64 = svg
            .split("width=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap()
            .parse()
            .unwrap();
        // The title is the first <text>; 15 px bold sans serif averages under 9 px a glyph.
        let title = svg.split("<text").nth(1).unwrap();
        let title = &title[title.find('>').unwrap() + 1..title.find("</text>").unwrap()];
        let estimate = 9.0 * title.chars().count() as f64;
        assert!(
            width >= estimate + 20.0,
            "{args:?}: width {width} for {title:?}"
        );
    }
}
