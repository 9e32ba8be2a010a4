//! Tests of the cli area: run the `plrep` binary. Every bad input exits 2 with one line
//! `error: <what> (<hint>)` on stderr and no panic; limits exit 3 naming the flag; JSON
//! outputs parse and carry the right numbers.

use std::path::PathBuf;
use std::process::{Command, Output};

pub(crate) fn plrep(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plrep"))
        .args(args)
        .output()
        .expect("run plrep")
}

pub(crate) fn stdout(args: &[&str]) -> String {
    let out = plrep(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

pub(crate) fn json(args: &[&str]) -> serde_json::Value {
    let mut a = args.to_vec();
    a.extend(["--format", "json"]);
    serde_json::from_str(&stdout(&a)).unwrap()
}

/// The `--format json` document of `args` read as its record type.
pub(crate) fn record<T: serde::de::DeserializeOwned>(args: &[&str]) -> T {
    let mut a = args.to_vec();
    a.extend(["--format", "json"]);
    serde_json::from_str(&stdout(&a)).unwrap()
}

/// Runs `args`, expects exit `code` and a single-line error; returns the line.
pub(crate) fn fails(args: &[&str], code: i32) -> String {
    let out = plrep(args);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
    assert!(out.stdout.is_empty(), "{args:?} printed output");
    assert!(!err.contains("panicked"), "{args:?}: {err}");
    assert!(!err.contains("RUST_BACKTRACE"), "{args:?}: {err}");
    assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    let line = err.trim_end().to_string();
    assert!(line.starts_with("error: "), "{args:?}: {line}");
    assert!(
        line.ends_with(')') && line.contains(" ("),
        "{args:?} has no hint: {line}"
    );
    line
}

fn tmp(name: &str, contents: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, contents).unwrap();
    p
}

#[test]
fn bad_inputs_exit_2_with_one_line() {
    let cases: &[(&[&str], &str)] = &[
        (&["info", "(0,1)"], "point 0"),
        (&["info", "(-1,2)"], "point -1"),
        (&["info", "(1,2,1)"], "repeated"),
        (&["info", "(1,2"], "unbalanced"),
        (&["info", "(1,2))"], "unbalanced"),
        (&["info", "(a,b)"], "not a point"),
        (&["info", "X17"], "unknown group 'X17'"),
        (&["info", "C0"], "C0"),
        (&["info", "S0"], "S0"),
        (&["info", "D7"], "dihedral groups are named by their order"),
        (&["info", "PSL(2,4)"], "not a prime"),
        (&["classes", "X17"], "unknown group"),
        (&["info", "no/such/file.json"], "cannot read"),
        (&["info", "missing.json"], "cannot read"),
        (&["gset", "S4", "--action", "subsets:9"], "does not apply"),
        (&["gset", "S4", "--action", "tuples:5"], "does not apply"),
        (&["gset", "S4", "--action", "subsets:0"], "positive integer"),
        (&["gset", "S4", "--action", "orbits"], "unknown action"),
        (
            &["gset", "A4", "--action", "cosets:(1,2)"],
            "not an element",
        ),
        (&["check-activation", "sigmoid"], "unknown activation"),
        (&["check-activation", "leaky:1/0"], "not a rational"),
        (&["check-activation", "ReLU"], "unknown activation"),
        (&["classes", "S4", "--format", "xml"], "invalid value"),
        (&["info", "S4", "--bogus"], "unexpected argument"),
        (&["frobnicate"], "unrecognized subcommand"),
        (&["info"], "required"),
        (&[], "no command"),
        (&["info", "S4", "--max-order", "-5"], ""),
    ];
    for (args, needle) in cases {
        let line = fails(args, 2);
        assert!(line.contains(needle), "{args:?}: {line}");
    }
}

#[test]
fn malformed_and_wrong_json_files() {
    let bad = tmp("malformed.json", "{\"generators\": [\"(1,2)\"");
    let line = fails(&["info", bad.to_str().unwrap()], 2);
    assert!(line.contains("malformed JSON"), "{line}");
    let wrong = tmp("nogens.json", "{\"name\": \"x\"}");
    assert!(fails(&["classes", wrong.to_str().unwrap()], 2).contains("generators"));
    let badperm = tmp("badperm.json", "{\"generators\": [\"(1,1)\"]}");
    assert!(fails(&["info", badperm.to_str().unwrap()], 2).contains("repeated"));
}

#[test]
fn limits_exit_3_naming_the_flag() {
    let line = fails(&["--max-order", "10", "classes", "S5"], 3);
    assert!(line.contains("--max-order"), "{line}");
    let line = fails(&["classes", "S5", "--max-order", "10"], 3);
    assert!(line.contains("--max-order"), "{line}");
    let line = fails(
        &["gset", "S8", "--action", "tuples:8", "--max-points", "1000"],
        3,
    );
    assert!(line.contains("--max-points"), "{line}");
    let line = fails(&["gset", "S20", "--action", "regular"], 3);
    assert!(line.contains("--max-points"), "{line}");
    let line = fails(&["classes", "S20"], 3);
    assert!(line.contains("--max-order"), "{line}");
}

#[test]
fn info_text_and_json() {
    let text = stdout(&["info", "S4"]);
    assert!(text.contains("order       24"), "{text}");
    assert!(text.contains("classes     5"));
    assert!(text.contains("solvable    yes"));
    let v = json(&["info", "M12"]);
    assert_eq!(v["schema"], "plrep.info.v1");
    assert_eq!(v["group"]["name"], "M12");
    assert_eq!(v["group"]["order"], 95040);
    assert_eq!(v["group"]["degree"], 12);
    assert_eq!(v["exponent"], 1320);
    assert_eq!(v["num_classes"], 15);
    assert_eq!(v["is_abelian"], false);
    assert_eq!(v["is_solvable"], false);
    let v = json(&["info", "C2xC3"]);
    assert_eq!(
        (v["is_abelian"].as_bool(), v["is_solvable"].as_bool()),
        (Some(true), Some(true))
    );
    let v = json(&["info", "SL(2,3)"]);
    assert_eq!(
        (v["num_classes"].as_u64(), v["is_solvable"].as_bool()),
        (Some(7), Some(true))
    );
    let v = json(&["info", "A5"]);
    assert_eq!(v["is_solvable"], false);
}

#[test]
fn info_s20_without_enumeration() {
    let text = stdout(&["info", "S20"]);
    assert!(text.contains("order       2432902008176640000"), "{text}");
    // A giant's exponent lcm(1..20) and class number p(20) need no enumeration.
    assert!(text.contains("exponent    232792560"), "{text}");
    assert!(text.contains("classes     627"), "{text}");
    let v = json(&["info", "S20"]);
    assert_eq!(v["group"]["order"].as_u64(), Some(2432902008176640000));
    // Above --max-order and neither abelian nor a giant: not computed.
    let text = stdout(&["info", "M24"]);
    assert!(
        text.contains("not computed (order above --max-order"),
        "{text}"
    );
    assert!(json(&["info", "M24"])["exponent"].is_null());
    // An order beyond u64 is a string.
    let v = json(&["info", "S25"]);
    assert_eq!(v["group"]["order"], "15511210043330985984000000");
}

#[test]
fn classes_json_matches_the_group() {
    let v = json(&["classes", "S4"]);
    assert_eq!(v["schema"], "plrep.classes.v1");
    assert_eq!(v["group"]["order"], 24);
    let classes = v["classes"].as_array().unwrap();
    assert_eq!(classes.len(), 5);
    let total: u64 = classes.iter().map(|c| c["size"].as_u64().unwrap()).sum();
    assert_eq!(total, 24);
    for c in classes {
        assert_eq!(
            c["size"].as_u64().unwrap() * c["centralizer_order"].as_u64().unwrap(),
            24
        );
        assert!(c["rep"].as_str().unwrap().starts_with('('));
    }
    assert_eq!(classes[0]["rep"], "()");
    let maps = v["power_maps"].as_array().unwrap();
    assert_eq!(
        maps.iter()
            .map(|m| m["prime"].as_u64().unwrap())
            .collect::<Vec<_>>(),
        vec![2, 3]
    );
    // Squares of 4-cycles are double transpositions.
    let sq = maps[0]["map"].as_array().unwrap();
    for (i, c) in classes.iter().enumerate() {
        if c["order"] == 4 {
            let j = sq[i].as_u64().unwrap() as usize;
            assert_eq!(classes[j]["order"], 2);
            assert_eq!(classes[j]["size"], 3);
        }
    }
    let v = json(&["classes", "M12"]);
    assert_eq!(v["classes"].as_array().unwrap().len(), 15);
    let text = stdout(&["classes", "D8"]);
    assert!(text.contains("5 classes") && text.contains("2P"), "{text}");
}

#[test]
fn group_from_file_and_generators() {
    let ref_a4 = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/reference/A4.json");
    let v = json(&["info", ref_a4.to_str().unwrap()]);
    assert_eq!(
        (v["group"]["name"].as_str(), v["group"]["order"].as_u64()),
        (Some("A4"), Some(12))
    );
    let f = tmp("mygroup.json", r#"{"generators": ["(1,2,3)", "(1,2)"]}"#);
    let v = json(&["info", f.to_str().unwrap()]);
    assert_eq!(v["group"]["name"], "mygroup");
    assert_eq!(v["group"]["order"], 6);
    let v = json(&["info", "(1,2,3)(4,5),(1,2)"]);
    assert_eq!(v["group"]["order"], 12);
    let v = json(&["info", "perm:(1,2)"]);
    assert_eq!(v["group"]["degree"], 2);
}

#[test]
fn output_file_and_determinism() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("classes-a5.json");
    let _ = std::fs::remove_file(&out);
    let printed = stdout(&[
        "classes",
        "A5",
        "--format",
        "json",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(printed.is_empty());
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(written, stdout(&["classes", "A5", "--format", "json"]));
    assert_eq!(
        stdout(&["gset", "S4", "--action", "subsets:2"]),
        stdout(&["gset", "S4", "--action", "subsets:2"])
    );
    let line = fails(&["info", "S4", "-o", "/nonexistent-dir/x.txt"], 2);
    assert!(line.contains("cannot write"), "{line}");
}

#[test]
fn gset_command() {
    let v = json(&["gset", "S4", "--action", "subsets:2"]);
    assert_eq!(v["schema"], "plrep.gset.v1");
    assert_eq!(v["action"]["spec"], "subsets:2");
    assert_eq!(v["action"]["points"], 6);
    assert_eq!(v["orbits"].as_array().unwrap().len(), 1);
    assert_eq!(v["centralizer"]["order"], 2);
    assert_eq!(v["hat_group"]["order"], 48);
    assert_eq!(v["labels"][0], "{1,2}");
    let pi: Vec<u64> = v["permutation_character"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap())
        .collect();
    assert_eq!(pi[0], 6);
    assert_eq!(pi.len(), v["classes"].as_array().unwrap().len());
    let v = json(&["gset", "C2xC3", "--action", "natural"]);
    assert_eq!(v["orbits"], serde_json::json!([[0, 1], [2, 3, 4]]));
    assert_eq!(v["centralizer"]["order"], 6);
    let v = json(&["gset", "D8"]); // regular by default
    assert_eq!(
        (
            v["action"]["points"].as_u64(),
            v["centralizer"]["order"].as_u64()
        ),
        (Some(8), Some(8))
    );
    let text = stdout(&["gset", "S5", "--action", "cosets:(1,2),(3,4),(1,3)(2,4)"]);
    assert!(text.contains("points       15"), "{text}");
}

#[test]
fn catalog_listing_and_activations() {
    let text = stdout(&["info", "--list"]);
    for n in ["C<n>", "D<2n>", "Q<4n>", "PSL(2,p)", "M12", "GL(2,3)"] {
        assert!(text.contains(n), "{n}");
    }
    let v = json(&["info", "--list"]);
    assert_eq!(v["schema"], "plrep.catalog.v1");
    assert_eq!(stdout(&["check-activation", "leaky:0.01"]), "leaky:1/100\n");
    for a in ["relu", "abs", "identity", "hardtanh", "square"] {
        assert_eq!(stdout(&["check-activation", a]).trim(), a);
    }
}

#[test]
fn help_and_version_exit_0() {
    assert!(stdout(&["--help"]).contains("info"));
    assert!(stdout(&["gset", "--help"]).contains("--action"));
    assert!(stdout(&["--version"]).starts_with("plrep"));
}

#[test]
fn table_and_lattice_commands() {
    let text = stdout(&["table", "A5"]);
    assert!(text.starts_with("Character table of A5 (order 60, 5 classes, Dixon-Schneider)"));
    assert!(text.contains("A = -E(5)^2-E(5)^3"));
    let real = stdout(&["table", "Q8", "--real"]);
    assert!(real.contains("L4 q     4 -4"), "{real}");
    let v: plrep::record::table::TableRecord = record(&["table", "S4"]);
    assert_eq!(v.schema, "plrep.table.v1");
    assert_eq!(v.characters.len(), 5);
    assert_eq!(v.normal_subgroups.map(|n| n.len()), Some(4));
    assert!(stdout(&["table", "C8", "--format", "latex"]).contains("\\begin{tabular}"));
    assert!(stdout(&["table", "C8", "--format", "markdown"]).contains("| X.1 |"));
    let l: plrep::record::lattice::LatticeRecord = record(&["lattice", "D8"]);
    assert_eq!(l.schema, "plrep.lattice.v1");
    assert_eq!(l.normal_subgroups.len(), 6);
    let svg = stdout(&["lattice", "D8", "--format", "svg"]);
    assert!(svg.starts_with("<svg") && svg.contains(">Z(G)</text>"));
    assert!(stdout(&["lattice", "D8", "--format", "dot"]).starts_with("digraph"));
    assert!(stdout(&["lattice", "D8", "--format", "tikz"]).contains("\\begin{tikzpicture}"));
    // Same input, same bytes.
    assert_eq!(
        stdout(&["table", "SL(2,3)", "--format", "json"]),
        stdout(&["table", "SL(2,3)", "--format", "json"])
    );
}

#[test]
fn table_and_lattice_errors() {
    assert!(fails(&["lattice", "D8", "--format", "markdown"], 2).contains("no --format markdown"));
    assert!(fails(&["table", "D8", "--format", "svg"], 2).contains("no --format svg"));
    assert!(fails(&["table", "S5", "--max-order", "100"], 3).contains("--max-order"));
    assert!(fails(&["table", "D7"], 2).contains("dihedral"));
}

#[test]
fn max_classes_limit_names_its_flag() {
    // C60 has 60 classes.
    assert!(fails(&["table", "C60", "--max-classes", "10"], 3).contains("--max-classes"));
    assert!(
        stdout(&["table", "C60", "--max-classes", "60", "--format", "json"])
            .contains("plrep.table.v1")
    );
}

#[test]
fn fourier_command() {
    let v: plrep::record::fourier::FourierRecord =
        record(&["fourier", "--activation", "relu", "--terms", "3"]);
    assert_eq!(v.schema, "plrep.fourier.v1");
    assert_eq!(v.coefficients[0].cos_over_pi, "1");
    assert_eq!(v.coefficients[1].sin_rational, "1/2");
    assert_eq!(v.coefficients[2].cos_over_pi, "-2/3");
    assert!(stdout(&["fourier", "--cyclic", "5"]).contains("(1 + sqrt(5))/10"));
    fails(&["fourier", "--activation", "leaky:abc"], 2);
    fails(&["fourier", "--format", "svg"], 2);
}

/// `hardtanh` and `square` are valid solver activations but not positively homogeneous:
/// every form of `plrep fourier` rejects them with one bad-input line (exit 2) whose hint
/// names the activations the Fourier view covers; unknown names keep their own message.
#[test]
fn fourier_rejects_non_homogeneous_activations() {
    for name in ["square", "hardtanh"] {
        for extra in [
            &[][..],
            &["--cyclic", "8"][..],
            &["--cyclic", "8", "--format", "svg"][..],
        ] {
            let mut args = vec!["fourier", "--activation", name];
            args.extend_from_slice(extra);
            let line = fails(&args, 2);
            assert!(
                line.contains(&format!("'{name}' is not positively homogeneous")),
                "{line}"
            );
            assert!(
                line.contains("the Fourier view covers the positively homogeneous activations relu, abs, identity and leaky:<p>"),
                "{line}"
            );
        }
    }
    let line = fails(&["fourier", "--activation", "tanh"], 2);
    assert!(
        line.contains("unknown activation 'tanh' for the Fourier view"),
        "{line}"
    );
}

#[test]
fn examples_command() {
    let list = stdout(&["examples"]);
    assert!(list.lines().count() >= 13, "{list}");
    assert!(list.contains("c8-relu"));
    let c8 = stdout(&["examples", "c8-relu"]);
    assert!(
        c8.contains("(1 + sqrt(2))/8") && c8.contains("unresolved 0"),
        "{c8}"
    );
    let v: plrep::record::examples::ExampleListRecord = record(&["examples"]);
    assert_eq!(v.schema, "plrep.examples.v1");
    assert!(v.examples.iter().any(|e| e.name == "c8-relu"));
    assert!(fails(&["examples", "no-such-example"], 2).contains("c8-relu"));
}

#[test]
fn fourier_contour_picture() {
    let svg = stdout(&["fourier", "--cyclic", "8", "--format", "svg"]);
    assert!(svg.starts_with("<svg"));
    // Four level sets, each a polygon with one vertex per kink line (8 for C8).
    assert_eq!(svg.matches("<polygon").count(), 4);
    assert!(fails(&["fourier", "--format", "svg"], 2).contains("--cyclic"));
    assert!(fails(
        &[
            "fourier",
            "--cyclic",
            "8",
            "--activation",
            "identity",
            "--format",
            "svg"
        ],
        2
    )
    .contains("not positive"));
}

#[test]
fn memory_ceilings_name_the_flag_that_raises_them() {
    // The solver's tables for the regular module of S7: 4 (|X|^2 + |G||X|) bytes.
    let e = fails(&["graph", "S7", "--max-memory-mb", "10"], 3);
    assert!(
        e.contains("--max-memory-mb") && e.contains("PL-solver tables"),
        "{e}"
    );
    let e = fails(&["enumerate", "S5", "--max-memory-mb", "0"], 3);
    assert!(e.contains("--max-memory-mb"), "{e}");
    // Raising the flag lifts it.
    stdout(&["graph", "S3", "--max-memory-mb", "1"]);
}

#[test]
fn network_bad_input_and_limits() {
    let l = fails(
        &[
            "network",
            "C8",
            "--layers",
            "regular; regular",
            "--bias",
            "1,2",
        ],
        2,
    );
    assert!(l.contains("1 orbit"), "{l}");
    let l = fails(&["network", "C8", "--layers", "regular; ; regular"], 2);
    assert!(l.contains("empty"), "{l}");
    let l = fails(&["network", "C8", "--from", "L9"], 2);
    assert!(l.contains("L0, L1"), "{l}");
    let l = fails(
        &[
            "network",
            "S4",
            "--layers",
            "natural; regular",
            "--from",
            "L2",
        ],
        2,
    );
    assert!(l.contains("--from"), "{l}");
    fails(&["network", "C8", "--layers", "regular; frobnicate"], 2);
    fails(&["network", "C8", "--depth", "0"], 2);
    fails(
        &[
            "network",
            "C8",
            "--layers",
            "regular; regular",
            "--until-stable",
        ],
        2,
    );
    let l = fails(&["network", "C8", "--depth", "1000"], 3);
    assert!(l.contains("--depth"), "{l}");
    let l = fails(
        &[
            "network",
            "S6",
            "--layers",
            "regular; regular",
            "--max-points",
            "100",
        ],
        3,
    );
    assert!(l.contains("--max-points"), "{l}");
    fails(&["graph", "C8", "--from", "L1,L7"], 2);
    fails(&["graph", "C8", "--bias", "generic", "--format", "svg"], 2);
}

#[test]
fn network_outputs() {
    let doc = json(&["network", "C8", "--depth", "2", "--from", "L1", "--certify"]);
    assert_eq!(doc["schema"], "plrep.network.v1");
    assert_eq!(doc["certified"], true);
    let s = &doc["sources"][0];
    let l3 = s["first_depth"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["label"] == "L3")
        .unwrap();
    assert_eq!(l3["depth"], "2");
    let reached = &s["layers"][1]["reached"];
    assert!(reached
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["value"].as_str().is_some_and(|v| v != "0")));
    let md = stdout(&[
        "network",
        "C8",
        "--action",
        "regular",
        "--until-stable",
        "--format",
        "markdown",
    ]);
    assert!(md.contains("never*"));
    let svg = stdout(&[
        "network", "C8", "--depth", "2", "--from", "L1", "--format", "svg",
    ]);
    assert!(svg.starts_with("<svg"));
    let t = stdout(&["graph", "C8", "--from", "L1,L2", "--certify"]);
    assert!(t.contains("-> L3: edge"), "{t}");
    let t = stdout(&[
        "solve", "C8", "--from", "L1", "--to", "L3", "--bias", "generic",
    ]);
    assert!(t.contains("EDGE") || t.contains("NO EDGE"), "{t}");
    // Unresolved pairs exit 1 (never here: C8 is decided).
    assert_eq!(plrep(&["network", "C8"]).status.code(), Some(0));
}
