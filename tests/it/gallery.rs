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

/// The survey pages are the summaries a fresh survey of the 43 reference groups writes
/// now (all transitive modules, ReLU and abs): every module certified, none unresolved.
#[test]
fn gallery_survey_pages_are_what_a_fresh_survey_writes() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let page = std::fs::read_to_string(root.join("docs/gallery.md")).unwrap();
    for act in ["relu", "abs"] {
        let dir =
            std::env::temp_dir().join(format!("plrep-gallery-survey-{act}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let out = Command::new(env!("CARGO_BIN_EXE_plrep"))
            .current_dir(&root)
            .args(["survey", "tests/data/reference", "--actions", "transitive"])
            .args(["--activation", act, "--quiet", "--out"])
            .arg(&dir)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "survey {act}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let fresh = std::fs::read_to_string(dir.join("summary.md")).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        assert!(fresh.contains("43 groups, 579 modules: 579 ok, 0 errors, 0 with unresolved pairs"));
        let file = format!("survey-reference-transitive-{act}.md");
        let committed = std::fs::read_to_string(root.join("docs/gallery").join(&file)).unwrap();
        assert!(
            committed == fresh,
            "docs/gallery/{file} is stale: run docs/gallery/regenerate.sh"
        );
        assert!(page.contains(&format!("(gallery/{file})")));
    }
}

/// The enumeration pages are what `plrep enumerate` prints now.
#[test]
fn gallery_enumeration_pages_are_what_the_code_prints() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let page = std::fs::read_to_string(root.join("docs/gallery.md")).unwrap();
    for (file, group, act) in [
        ("enumerate-s4-relu.md", "S4", "relu"),
        ("enumerate-a5-abs.md", "A5", "abs"),
        ("enumerate-d8-relu.md", "D8", "relu"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_plrep"))
            .args([
                "enumerate",
                group,
                "--activation",
                act,
                "--format",
                "markdown",
            ])
            .output()
            .unwrap();
        assert!(out.status.success());
        let committed = std::fs::read(root.join("docs/gallery").join(file)).unwrap_or_default();
        assert!(
            committed == out.stdout,
            "docs/gallery/{file} is stale: run docs/gallery/regenerate.sh"
        );
        assert!(page.contains(&format!("(gallery/{file})")));
    }
}

/// The point-cloud pages (issue 16: S100 on points, S30 on pairs, S12 on triples, the
/// S50 network) are what plrep prints now, certified through the commutant.
#[test]
fn gallery_point_cloud_pages_are_what_the_code_prints() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let page = std::fs::read_to_string(root.join("docs/gallery.md")).unwrap();
    let script = std::fs::read_to_string(root.join("docs/gallery/regenerate.sh")).unwrap();
    let mut checked = 0;
    for line in script.lines().filter(|l| l.starts_with("point-cloud-")) {
        let (file, args) = line.split_once('|').unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_plrep"))
            .args(args.split_whitespace())
            .output()
            .unwrap();
        assert!(out.status.success(), "plrep {args}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains('[') && !text.contains("UNRESOLVED"), "{file}");
        let committed = std::fs::read(root.join("docs/gallery").join(file)).unwrap_or_default();
        assert!(
            committed == out.stdout,
            "docs/gallery/{file} is stale: run docs/gallery/regenerate.sh"
        );
        assert!(page.contains(&format!("(gallery/{file})")), "{file}");
        checked += 1;
    }
    assert_eq!(checked, 5);
}
