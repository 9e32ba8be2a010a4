//! A second replay of hostile inputs (issue 12, second round): groups of unknown order
//! given by generators only, huge degrees, many generators, deep direct products, and bad
//! flags on every subcommand. Each run must exit 0, 1, 2, 3 or 4, write at most one line
//! to stderr (exactly one on failure), never panic, and stay bounded by the limits: the
//! `timeout` command is only a safety net that fails the test if it fires (no assertion
//! on speed).

use num_bigint::BigUint;
use plrep::group::catalog::psl2;
use std::path::PathBuf;
use std::process::{Command, Output};

/// Seconds after which the safety net kills a run (and the test fails): far above what
/// any bounded run needs, far below "minutes of Schreier–Sims".
const SAFETY_NET_SECONDS: &str = "120";

fn dir() -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("hostile2-tests");
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn tmp(name: &str, contents: &[u8]) -> String {
    let p = dir().join(name);
    std::fs::write(&p, contents).unwrap();
    p.to_str().unwrap().to_string()
}

/// Run the binary under `timeout`; a fired safety net fails the test.
fn run(args: &[&str]) -> Output {
    let out = Command::new("timeout")
        .arg(SAFETY_NET_SECONDS)
        .arg(env!("CARGO_BIN_EXE_plrep"))
        .args(args)
        .output()
        .expect("run timeout plrep");
    assert_ne!(
        out.status.code(),
        Some(124),
        "{args:?}: the {SAFETY_NET_SECONDS} s safety net fired (unbounded work)"
    );
    out
}

/// The contract: exit 0..=4, at most one stderr line (exactly one `error: ...` line on
/// failure), no panic. Returns the exit code and the stderr line.
fn clean(args: &[&str]) -> (i32, String) {
    check(args, &run(args))
}

fn check(args: &[&str], out: &Output) -> (i32, String) {
    let code = out.status.code().unwrap_or(-1);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!((0..=4).contains(&code), "{args:?}: exit {code}: {err}");
    assert!(!err.contains("panicked"), "{args:?}: {err}");
    assert!(!err.contains("RUST_BACKTRACE"), "{args:?}: {err}");
    if code == 0 {
        assert!(err.lines().count() <= 1, "{args:?}: {err}");
    } else {
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("error: "), "{args:?}: {err}");
        assert!(err.len() < 1000, "{args:?}: {} bytes", err.len());
    }
    (code, err.trim_end().to_string())
}

/// [`clean`], and the exit code is `code` and the line (or, for 0, stdout) names `needle`.
fn expect(args: &[&str], code: i32, needle: &str) -> String {
    let out = run(args);
    let (c, err) = check(args, &out);
    assert_eq!(c, code, "{args:?}: {err}");
    let text = if code == 0 {
        String::from_utf8_lossy(&out.stdout).into_owned()
    } else {
        err
    };
    assert!(text.contains(needle), "{args:?}: {needle:?} not in {text}");
    text
}

/// A JSON group file of the generators of `PSL(2,p)` and nothing else (no order hint).
fn psl2_file(p: u64) -> String {
    let g = psl2(p).unwrap();
    let gens: Vec<String> = g.generators().iter().map(|x| x.to_string()).collect();
    let doc = serde_json::json!({ "generators": gens });
    tmp(&format!("psl2_{p}.json"), doc.to_string().as_bytes())
}

fn product(factor: &str, k: usize) -> String {
    vec![factor; k].join("x")
}

#[test]
fn unknown_order_json_groups_finish_or_name_the_flag() {
    // PSL(2,100003): the verification needs about 10^11 point operations, refused up
    // front (it ran for minutes before).
    let big = psl2_file(100_003);
    expect(&["info", &big], 3, "--max-verify-work");
    for cmd in ["classes", "table", "lattice", "graph", "subgroups"] {
        expect(&[cmd, &big], 3, "--max-verify-work");
    }
    // PSL(2,1009): verified, and the order is p(p^2-1)/2 exactly.
    let small = psl2_file(1009);
    let p = BigUint::from(1009u32);
    let order = &p * (&p * &p - 1u32) / 2u32;
    expect(&["info", &small], 0, &format!("order       {order}"));
    // The same with a tiny budget: refused, naming the flag.
    expect(
        &["--max-verify-work", "1", "info", &small],
        3,
        "--max-verify-work",
    );
    // Mid-sized: finishes or names the flag, never minutes.
    for p in [10_007u64, 4001] {
        let f = psl2_file(p);
        let (code, err) = clean(&["info", &f]);
        assert!(code == 0 || err.contains("--max-verify-work"), "{p}: {err}");
    }
}

#[test]
fn generator_and_degree_limits_hold_on_every_path() {
    // Many generators in a file.
    let many: Vec<String> = (0..100_001).map(|_| "(1,2)".to_string()).collect();
    let f = tmp(
        "many.json",
        serde_json::json!({ "generators": many })
            .to_string()
            .as_bytes(),
    );
    expect(&["info", &f], 3, "--max-generators");
    expect(
        &["--max-generators", "2", "info", "(1,2),(2,3),(3,4)"],
        3,
        "--max-generators",
    );
    // Degrees: JSON, cycles, catalog families and products, checked from the names.
    let f = tmp(
        "deg.json",
        br#"{"generators": ["(1,2)"], "degree": 10000001}"#,
    );
    expect(&["info", &f], 3, "--max-degree");
    expect(&["info", "(1,10000001)"], 3, "--max-degree");
    expect(&["--max-degree", "10", "info", "C11"], 3, "--max-degree");
    expect(
        &["--max-degree", "10", "info", "PSL(2,11)"],
        3,
        "--max-degree",
    );
    expect(&["--max-degree", "5", "info", "S3xS3"], 3, "--max-degree");
    expect(&["--max-degree", "10", "info", "M11"], 3, "--max-degree");
    expect(&["--max-degree", "6", "info", "S3xS3"], 0, "order       36");
    // A product of huge factors is refused before one factor is built.
    expect(&["info", &product("C1000000", 100)], 2, "too large");
    expect(&["info", "C1000000xC2"], 2, "too large");
}

#[test]
fn deep_products_assemble_their_chains() {
    // S3^k: order 6^k, no Schreier–Sims on the product.
    for k in [2usize, 50, 300, 1000] {
        let order = BigUint::from(6u32).pow(k as u32);
        expect(
            &["info", &product("S3", k)],
            0,
            &format!("order       {order}"),
        );
    }
    // Mixed factors, giants and named groups among them.
    expect(&["info", "S10xC2xM11"], 0, "order       57480192000");
    expect(&["info", &product("PSL(2,7)", 100)], 0, "degree      800");
    expect(&["info", "A9xS3xD8xQ8xC1"], 0, "order       69672960");
    // 40000 factors C2: the chain would need tens of GB; refused before allocating.
    expect(&["info", &product("C2", 40_000)], 3, "--max-memory-mb");
    expect(
        &["--max-memory-mb", "16", "info", &product("S3", 1000)],
        3,
        "--max-memory-mb",
    );
    // Membership in an assembled chain: the product's elements act within blocks.
    let g = plrep::group::catalog::lookup("S3xC2xS3").unwrap();
    assert_eq!(g.order_u64(), Some(72));
    let inside = plrep::group::Perm::parse_gap("(1,2)(4,5)(6,8,7)", 8).unwrap();
    let across = plrep::group::Perm::parse_gap("(3,4)", 8).unwrap();
    assert!(g.contains(&inside));
    assert!(!g.contains(&across));
    assert!(!g.is_abelian());
    assert!(g.strong_generators().len() >= 3);
}

#[test]
fn bad_flags_on_every_subcommand() {
    let commands: Vec<Vec<&str>> = vec![
        vec!["info", "S4"],
        vec!["classes", "S4"],
        vec!["gset", "S4", "--action", "natural"],
        vec!["table", "S4"],
        vec!["lattice", "S4"],
        vec!["graph", "S4"],
        vec!["subgroups", "S4"],
        vec!["enumerate", "S3"],
        vec!["solve", "S3", "--from", "L0", "--to", "L1"],
        vec!["network", "S3", "--layers", "natural; natural"],
        vec!["compare", "C4", "C4"],
        vec!["exists", "S3"],
        vec!["hom", "S3", "--from", "natural", "--to", "natural"],
        vec!["examples"],
        vec!["fourier"],
        vec!["export", "S3", "--what", "projectors"],
        vec!["decompose", "S3", "--input", "/nonexistent.npy"],
        vec!["atlas", "/nonexistent", "--out", "/nonexistent/site"],
        vec!["survey", "C2", "--out", "/nonexistent/out"],
    ];
    let bad_globals: [&[&str]; 6] = [
        &["--max-verify-work", "-1"],
        &["--max-verify-work", "lots"],
        &["--max-degree", ""],
        &["--max-generators", "99999999999999999999999"],
        &["--no-such-flag"],
        &["--format", "pdf"],
    ];
    let mut n = 0;
    for cmd in &commands {
        for bad in bad_globals {
            let mut args = cmd.clone();
            args.extend_from_slice(bad);
            let (code, err) = clean(&args);
            assert_eq!(code, 2, "{args:?}: {err}");
            n += 1;
        }
    }
    assert!(n >= 100, "{n} cases");
}

#[test]
fn hostile_subcommand_arguments() {
    let text = tmp("notnpy.npy", b"this is not an npy file");
    let empty_dir = dir().join("empty-survey");
    std::fs::create_dir_all(&empty_dir).unwrap();
    let empty_dir = empty_dir.to_str().unwrap().to_string();
    let out = dir().join("out");
    let out = out.to_str().unwrap().to_string();
    let big = psl2_file(100_003);
    let huge = "9".repeat(40);
    let (s3_300, c2_14) = (product("S3", 300), product("C2", 14));
    let (s3_1000, c2_30) = (product("S3", 1000), product("C2", 30));
    let cases: Vec<Vec<&str>> = vec![
        // network
        vec!["network", "S3", "--layers", ""],
        vec!["network", "S3", "--layers", "natural;;natural"],
        vec!["network", "S3", "--layers", "natural; subsets:99999999999"],
        vec!["network", "S3", "--action", "natural", "--depth", "0"],
        vec!["network", "S3", "--action", "natural", "--depth", &huge],
        vec![
            "network",
            "S3",
            "--layers",
            "natural; natural",
            "--from",
            "L99",
        ],
        vec![
            "network",
            "S3",
            "--layers",
            "natural; natural",
            "--bias",
            "x",
        ],
        vec!["network", &big, "--layers", "natural; natural"],
        vec!["network", "C2000", "--layers", "regular; regular"],
        // hom
        vec!["hom", "S3", "--from", "nonsense", "--to", "natural"],
        vec!["hom", "S3", "--from", "natural", "--to", "tuples:99999999"],
        vec!["hom", "S30", "--from", "subsets:15", "--to", "subsets:15"],
        vec!["hom", &big, "--from", "natural", "--to", "natural"],
        vec!["hom", "S3", "--from", "cosets:(1,2,3,4)", "--to", "natural"],
        // export
        vec!["export", "S3", "--what", "bogus"],
        vec![
            "export",
            "S3",
            "--what",
            "projectors",
            "-o",
            "/nonexistent/dir",
        ],
        vec![
            "export",
            "S3",
            "--what",
            "hom",
            "--to",
            "subsets:99",
            "-o",
            &out,
        ],
        vec![
            "export", "S30", "--what", "basis", "--action", "regular", "-o", &out,
        ],
        vec!["export", &big, "--what", "projectors", "-o", &out],
        // decompose
        vec!["decompose", "S3", "--input", &text],
        vec!["decompose", "S3", "--input", "/dev/null"],
        vec!["decompose", "S3", "--input", &empty_dir],
        vec!["decompose", &big, "--input", &text],
        // atlas
        vec!["atlas", &empty_dir, "--out", &out],
        vec!["atlas", &text, "--out", &out],
        vec!["atlas", "/nonexistent", "--out", &out],
        // survey
        vec!["survey", "C2", "--jobs", "0", "--out", &out, "--quiet"],
        vec!["survey", "C2", "--jobs", &huge, "--out", &out, "--quiet"],
        vec![
            "survey",
            "C2",
            "--actions",
            "bogus",
            "--out",
            &out,
            "--quiet",
        ],
        vec!["survey", "C2", "--depth", &huge, "--out", &out, "--quiet"],
        vec!["survey", &big, "--out", &out, "--quiet"],
        vec!["survey", "S3x", "--out", &out, "--quiet"],
        // deep products elsewhere
        vec!["classes", &s3_300],
        vec!["graph", &c2_14],
        vec!["gset", &s3_1000, "--action", "natural"],
        vec!["subgroups", &c2_30],
    ];
    for args in &cases {
        clean(args);
    }
}
