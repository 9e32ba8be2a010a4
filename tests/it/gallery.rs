//! The gallery in docs/ never drifts from the code: every picture listed in
//! docs/gallery/manifest.tsv equals, byte for byte, what plrep produces now (regenerate
//! with docs/gallery/regenerate.sh), and docs/gallery.md shows each of them.

use std::path::PathBuf;
use std::process::Command;

#[test]
fn gallery_pictures_are_what_the_code_draws() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let manifest = std::fs::read_to_string(root.join("docs/gallery/manifest.tsv")).unwrap();
    let page = std::fs::read_to_string(root.join("docs/gallery.md")).unwrap();
    let mut checked = 0;
    for line in manifest
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 3, "manifest line: {line}");
        let (file, title, args) = (fields[0], fields[1], fields[2]);
        let out = Command::new(env!("CARGO_BIN_EXE_plrep"))
            .args(args.split_whitespace())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "plrep {args}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let committed = std::fs::read(root.join("docs/gallery").join(file)).unwrap_or_default();
        assert!(
            committed == out.stdout,
            "docs/gallery/{file} is stale: run docs/gallery/regenerate.sh"
        );
        assert!(
            page.contains(&format!("![{title}](gallery/{file})")),
            "docs/gallery.md does not show {file}"
        );
        checked += 1;
    }
    assert!(checked >= 12, "the gallery lists {checked} pictures");
}
