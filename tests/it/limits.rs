//! Tests of the input contract at the library level: every size check from
//! `group/limits.rs` fires before the allocation it protects and names its flag; the
//! strict parsers (cycles as GAP reads them, one rational parser, strict JSON) refuse
//! what they used to misread.

use plrep::arith::Q;
use plrep::group::gset::{ActionSpec, GSet};
use plrep::group::spec::{group_from_json, parse_generators, parse_group, read_group_file_within};
use plrep::group::{Limits, Perm};
use plrep::pl::field::Field;
use plrep::pl::projector::{real_conductor, solver_bytes};
use plrep::pl::{Activation, GroupData, PlModule};
use plrep::Error;

fn flag<T: std::fmt::Debug>(r: plrep::Result<T>) -> &'static str {
    match r {
        Err(Error::Limit { kind, .. }) => kind.flag(),
        other => panic!("expected a limit, got {other:?}"),
    }
}

fn bad<T: std::fmt::Debug>(r: plrep::Result<T>) -> String {
    match r {
        Err(e @ Error::BadInput { .. }) => e.to_string(),
        other => panic!("expected bad input, got {other:?}"),
    }
}

/// The pre-table estimate of the field of the real character values equals the field
/// the solver builds from the verified table (a naive recomputation from the values).
#[test]
fn real_conductor_matches_the_table() {
    let limits = Limits::default();
    for name in [
        "C1",
        "C2",
        "C3",
        "C5",
        "C6",
        "C7",
        "C8",
        "C10",
        "C12",
        "C15",
        "C16",
        "C30",
        "D8",
        "D10",
        "D12",
        "D14",
        "D30",
        "Q8",
        "Q12",
        "Q16",
        "Q20",
        "S3",
        "S4",
        "S5",
        "A4",
        "A5",
        "PSL(2,7)",
        "PSL(2,11)",
        "SL(2,3)",
        "C3xC3",
        "C4xC6",
        "C5xS3",
        "Dic3",
        "GL(2,3)",
    ] {
        let g = parse_group(name).unwrap();
        let (e, c) = GroupData::classes(&g, &limits).unwrap();
        let estimate = real_conductor(&e, &c);
        let data = GroupData::from_classes(&g, e, c).unwrap();
        let m = Field::containing(data.simples.simples.iter().flat_map(|l| l.values.iter())).m();
        assert_eq!(estimate, m as u64, "{name}");
    }
}

#[test]
fn pl_tables_are_refused_before_the_character_table() {
    let limits = Limits::default();
    // D2000 and Q2000 fit since the on-demand solver (theory.md §14.7); these do not.
    for name in ["C2000", "D4000", "D8000", "Q8000"] {
        let g = parse_group(name).unwrap();
        assert_eq!(
            flag(PlModule::new(&g, &ActionSpec::Regular, &limits)),
            "--max-memory-mb",
            "{name}"
        );
    }
    // C2000: two sources' field vectors alone are 2 x 80 B x 2000 points x 2000
    // coordinates; the former dense class sums (x 2000 classes) are no longer reserved.
    assert!(solver_bytes(2000, 2000, 2000, 2000, 2000) > 640_000_000);
    assert!(solver_bytes(2000, 2000, 2000, 2000, 2000) < 1_200_000_000);
    assert_eq!(solver_bytes(u128::MAX, 2, 1, 1, 1), u128::MAX);
    // Small modules still build, and a raised limit lets a refused one through.
    assert!(PlModule::new(&parse_group("C8").unwrap(), &ActionSpec::Regular, &limits).is_ok());
    let tight = Limits {
        max_memory_mb: 0,
        ..Limits::default()
    };
    assert_eq!(
        flag(PlModule::new(
            &parse_group("S3").unwrap(),
            &ActionSpec::Regular,
            &tight
        )),
        "--max-memory-mb"
    );
}

#[test]
fn max_classes_holds_for_the_solver() {
    let limits = Limits {
        max_classes: 4,
        ..Limits::default()
    };
    let g = parse_group("C8").unwrap();
    assert_eq!(flag(GroupData::new(&g, &limits)), "--max-classes");
    assert_eq!(
        flag(PlModule::new(&g, &ActionSpec::Regular, &limits)),
        "--max-classes"
    );
    assert!(GroupData::new(&parse_group("S3").unwrap(), &limits).is_ok());
}

#[test]
fn gset_sizes_use_checked_arithmetic() {
    let huge = Limits {
        max_points: u64::MAX,
        ..Limits::default()
    };
    // 30! > 2^64: the points limit, not a wrapped count.
    let s30 = parse_group("S30").unwrap();
    assert_eq!(
        flag(GSet::new(&s30, &ActionSpec::Tuples(30), &huge)),
        "--max-points"
    );
    // C(40,20) fits in u64 but not in memory.
    let s40 = parse_group("S40").unwrap();
    assert_eq!(
        flag(GSet::new(&s40, &ActionSpec::Subsets(20), &huge)),
        "--max-memory-mb"
    );
    // Exact sizes below the limits are unchanged.
    let s6 = parse_group("S6").unwrap();
    assert_eq!(
        GSet::new(&s6, &ActionSpec::Subsets(3), &huge)
            .unwrap()
            .len(),
        20
    );
    assert_eq!(
        GSet::new(&s6, &ActionSpec::Tuples(3), &huge).unwrap().len(),
        120
    );
}

#[test]
fn degrees_and_generators_are_checked_before_allocation() {
    let l = Limits::default();
    assert_eq!(flag(parse_group("(1,2147483647)")), "--max-degree");
    assert_eq!(flag(parse_group("(1,500000000)")), "--max-degree");
    assert_eq!(
        flag(parse_group("(1,99999999999999999999999999999999999999999)")),
        "--max-degree"
    );
    let raised = Limits {
        max_degree: 1_000_000_000,
        ..Limits::default()
    };
    assert_eq!(
        flag(
            Perm::parse_gap_within("(1,500000000)", 0, &raised)
                .and_then(|p| { raised.check_generators(1, p.degree() as u128).map(|_| p) })
        ),
        "--max-memory-mb"
    );
    assert_eq!(
        flag(plrep::group::spec::parse_group_within(
            "(1,500000000)",
            &raised
        )),
        "--max-memory-mb"
    );
    let few = Limits {
        max_generators: 2,
        ..Limits::default()
    };
    assert_eq!(
        flag(plrep::group::spec::parse_generators_within(
            "(1,2),(2,3),(3,4)",
            0,
            &few
        )),
        "--max-generators"
    );
    assert_eq!(parse_generators("(1,2),(2,3)", 0).unwrap().len(), 2);
    assert!(l.check_generators(2, 3).is_ok());
    // A long cycle and many disjoint cycles are linear in their length.
    let n = 200_000;
    let cycle = format!(
        "({})",
        (1..=n).map(|i| i.to_string()).collect::<Vec<_>>().join(",")
    );
    assert_eq!(Perm::parse_gap(&cycle, 0).unwrap().order(), n as u64);
    let swaps: String = (0..n / 2)
        .map(|i| format!("({},{})", 2 * i + 1, 2 * i + 2))
        .collect();
    assert_eq!(Perm::parse_gap(&swaps, 0).unwrap().order(), 2);
}

#[test]
fn cycles_are_read_as_gap_reads_them() {
    for (text, needle) in [
        ("(1 2 3)", "without a comma"),
        ("(1, 2 3)", "without a comma"),
        ("(1,2)(3 4)", "without a comma"),
        ("(1,+2)", "not a point"),
        ("(1,2.0)", "not a point"),
        ("(１,2)", "not a point"),
    ] {
        let msg = bad(parse_group(text));
        assert!(msg.contains(needle), "{text}: {msg}");
    }
    // Whitespace around tokens is fine, as in GAP.
    let g = parse_group(" ( 1 , 2 , 3 ) ( 4 , 5 ) , (1,2)").unwrap();
    assert_eq!(
        g.generators()[0],
        Perm::parse_gap("(1,2,3)(4,5)", 5).unwrap()
    );
    assert_eq!(g.degree(), 5);
    // Cycles sharing points multiply left to right.
    assert_eq!(
        Perm::parse_gap("(1,2)(2,3)", 0).unwrap().to_string(),
        "(1,3,2)"
    );
    assert_eq!(Perm::parse_gap("(1,2)(1,2)", 0).unwrap().to_string(), "()");
}

#[test]
fn one_rational_parser() {
    for (text, want) in [
        ("1", Q::from_int(1)),
        ("-1/2", Q::new(-1, 2)),
        ("+6/4", Q::new(3, 2)),
        ("0.25", Q::new(1, 4)),
        ("-0.5", Q::new(-1, 2)),
        (" 3 ", Q::from_int(3)),
    ] {
        assert_eq!(Q::parse_decimal(text), Some(want.clone()), "{text}");
        assert_eq!(plrep::pl::parse_bias(text).unwrap(), want, "{text}");
    }
    let many = format!("0.{}1", "0".repeat(40));
    assert_eq!(
        Q::parse_decimal(&many).unwrap().to_string(),
        format!("1/1{}", "0".repeat(41))
    );
    for text in [
        "+-1.5", "-+1", "--1", "1.", ".5", "1/-2", "1e3", "1 / 2", "0x10", "", "-", "1/0",
    ] {
        assert_eq!(Q::parse_decimal(text), None, "{text}");
        assert_eq!(plrep::pl::parse_bias(text).unwrap_err().exit_code(), 2);
    }
    assert!(Activation::parse("leaky:+-0.5").is_err());
    assert_eq!(
        Activation::parse("leaky:-0.5").unwrap(),
        Activation::Leaky(Q::new(-1, 2))
    );
}

#[test]
fn json_group_files_are_validated() {
    for (text, needle) in [
        (
            r#"{"generators": ["(1,2)"], "generators": ["(1,2,3)"]}"#,
            "duplicate key",
        ),
        (
            r#"{"generators": ["(1,2)"], "name": "a", "name": "b"}"#,
            "duplicate key",
        ),
        (
            r#"{"generators": ["(1,2)"], "x": {"k": 1, "k": 2}}"#,
            "duplicate key",
        ),
        (r#"{"generators": ["(1,2)"], "degree": 0}"#, "\"degree\" 0"),
        (
            r#"{"generators": ["(1,2,3)"], "degree": 2}"#,
            "beyond the declared",
        ),
        (r#"{"generators": ["(1,2)"], "degree": 2.5}"#, "degree"),
        (r#"{"generators": ["(1 2)"]}"#, "without a comma"),
    ] {
        let msg = bad(group_from_json(text, "x"));
        assert!(msg.contains(needle), "{text}: {msg}");
    }
    assert_eq!(
        flag(group_from_json(
            r#"{"generators": ["()"], "degree": 100000000}"#,
            "x"
        )),
        "--max-degree"
    );
    let g = group_from_json(r#"{"generators": ["(1,2)"], "degree": 4}"#, "x").unwrap();
    assert_eq!(g.degree(), 4);
}

#[test]
fn files_are_read_up_to_the_input_cap() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("limits-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("padded.json");
    let text = format!("{{\"generators\": [\"(1,2)\"]}}{}", " ".repeat(2 << 20));
    std::fs::write(&p, text).unwrap();
    let small = Limits {
        max_input_mb: 1,
        ..Limits::default()
    };
    assert_eq!(flag(read_group_file_within(&p, &small)), "--max-input-mb");
    assert!(read_group_file_within(&p, &Limits::default()).is_ok());
    if std::path::Path::new("/dev/zero").exists() {
        assert_eq!(
            flag(read_group_file_within(
                std::path::Path::new("/dev/zero"),
                &small
            )),
            "--max-input-mb"
        );
    }
}

#[test]
fn error_messages_are_one_short_line() {
    let long = format!("({})", "7".repeat(100_000));
    let msg = parse_group(&format!("(1,2)(3 {long}"))
        .unwrap_err()
        .to_string();
    assert!(msg.chars().count() < 500, "{} chars", msg.chars().count());
    assert!(!msg.contains('\n'));
    let json = format!("{{\"generators\": [\"(1 2{})\"]}}", ",3".repeat(1_000_000));
    let msg = group_from_json(&json, "x").unwrap_err().to_string();
    assert!(msg.chars().count() < 500, "{} chars", msg.chars().count());
}

/// Every kind of limit names a flag the command line documents (docs/cli.md is checked
/// against `--help` by `docs.rs`), and the message keeps its one-line form: the flag,
/// then the optional note, inside the parentheses.
#[test]
fn limit_kinds_name_documented_flags() {
    let cli = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/cli.md")).unwrap();
    for kind in plrep::LimitKind::ALL {
        assert!(
            cli.contains(kind.flag()),
            "{kind:?}: {} undocumented",
            kind.flag()
        );
        let e = Error::limit("a group of order 10", 5, kind);
        assert_eq!(e.limit_kind(), Some(kind));
        assert_eq!(e.exit_code(), 3);
        assert_eq!(
            e.to_string(),
            format!(
                "a group of order 10 exceeds the limit 5 (raise it with {})",
                kind.flag()
            )
        );
    }
    let e = Error::limit_with_note("x", "2^80", plrep::LimitKind::Order, "(use less)");
    assert_eq!(
        e.to_string(),
        "x exceeds the limit 2^80 (raise it with --max-order (use less))"
    );
}
