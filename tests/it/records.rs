//! The output records (`plrep::record`): each round-trips on real outputs (serialise ->
//! deserialise -> serialise gives the same bytes, the bytes the writers produce), and the
//! domain modules import no presentation (the arrows of docs/architecture.md).

use plrep::graph::{CommutantGraph, InteractionGraph};
use plrep::group::{gset::ActionSpec, spec::parse_group, Limits};
use plrep::pl::commutant::{solve_commutant, CommutantModule};
use plrep::pl::{solve, Activation, PlModule, SolverOptions};
use plrep::record::graph::{CommutantGraphRecord, GraphRecord};
use serde::{de::DeserializeOwned, Serialize};

/// `text` parses as `T` and writes back as `text`; returns the record.
fn round_trip<T: Serialize + DeserializeOwned>(text: &str) -> T {
    let r: T = serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text:.300}"));
    assert_eq!(serde_json::to_string_pretty(&r).unwrap(), text);
    r
}

/// Modules with edges, non-edges of every kind (linear, blocks, Hadamard) and a bias.
const GRAPHS: [(&str, &str, Activation, Option<&str>); 8] = [
    ("C8", "regular", Activation::Abs, None),
    ("S4", "natural", Activation::Relu, None),
    ("S4", "regular", Activation::Relu, Some("1/2")),
    ("D8", "regular", Activation::Abs, None),
    ("Q8", "regular", Activation::Relu, None),
    ("A4", "regular", Activation::Abs, Some("-1")),
    ("S3", "regular", Activation::Identity, None),
    ("C6", "regular", Activation::Square, None),
];

fn options(a: Activation, bias: Option<&str>) -> SolverOptions {
    let mut o = SolverOptions::new(a);
    o.bias = bias.map(|b| b.parse().unwrap());
    o
}

#[test]
fn graph_records_round_trip_on_real_graphs() {
    let mut kinds = std::collections::BTreeSet::new();
    for (group, action, a, bias) in GRAPHS {
        let m = PlModule::new(
            &parse_group(group).unwrap(),
            &ActionSpec::parse(action).unwrap(),
            &Limits::default(),
        )
        .unwrap();
        let g = InteractionGraph::build(&m, &solve(&m, &options(a, bias)).unwrap());
        let text = serde_json::to_string_pretty(&g.to_json()).unwrap();
        assert_eq!(serde_json::to_string_pretty(&g.json_doc()).unwrap(), text);
        let r: GraphRecord = round_trip(&text);
        assert_eq!(r, g.to_record(), "{group} {action}");
        kinds.extend(r.non_edges.iter().map(|e| e.obstruction.kind.clone()));
    }
    assert!(
        kinds.contains("blocks") && kinds.contains("linear"),
        "{kinds:?}"
    );
}

#[test]
fn commutant_graph_records_round_trip_on_real_graphs() {
    for (group, action) in [("S5", "natural"), ("S6", "subsets:2"), ("A5", "natural")] {
        let g = parse_group(group).unwrap();
        let c = CommutantModule::new(&g, &ActionSpec::parse(action).unwrap(), &Limits::default())
            .unwrap();
        let s = solve_commutant(&c, &SolverOptions::new(Activation::Relu)).unwrap();
        let graph = CommutantGraph::build(&c, &s).unwrap();
        let text = serde_json::to_string_pretty(&graph.to_json()).unwrap();
        let r: CommutantGraphRecord = round_trip(&text);
        assert_eq!(r, graph.to_record(), "{group} {action}");
        assert_eq!(r.route.as_deref(), Some("commutant"));
    }
}

/// The domain modules name neither `report` nor `record` in code (doc comments may point
/// to where their presentation lives): presentation sits on top. `survey` writes and
/// reads records, so it may name `record`, never `report`.
#[test]
fn domain_modules_import_no_presentation() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut bad = Vec::new();
    for dir in [
        "graph",
        "lattice",
        "pl",
        "group",
        "character",
        "arith",
        "fourier",
        "survey",
    ] {
        let mut stack = vec![root.join(dir)];
        while let Some(p) = stack.pop() {
            if p.is_dir() {
                stack.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            let text = std::fs::read_to_string(&p).unwrap();
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                let record = dir != "survey" && code.contains("crate::record");
                if code.contains("crate::report") || record {
                    bad.push(format!("{}:{}", p.display(), n + 1));
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "domain modules importing presentation: {bad:?}"
    );
}

#[test]
fn survey_records_round_trip_on_real_records() {
    use plrep::group::catalog::lookup;
    use plrep::record::survey::SurveyRecord;
    use plrep::survey::record::{survey_group, ActionChoice, SurveyOptions};
    let options = SurveyOptions {
        actions: vec![ActionChoice::Transitive],
        solver: SolverOptions::new(Activation::Relu),
        limits: Limits::default(),
    };
    for name in ["S3", "D8"] {
        for m in survey_group(name, &lookup(name).unwrap(), &options) {
            let line = m.record.to_string();
            let r =
                SurveyRecord::<serde_json::Value>::parse_line("0000-x.jsonl", 0, &line).unwrap();
            assert_eq!(r.to_line(), line);
            if !r.is_ok() {
                continue;
            }
            // The graph inside is a graph record.
            let graph = serde_json::to_string_pretty(&r.graph).unwrap();
            let _: GraphRecord = round_trip(&graph);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Table, lattice, Fourier, decompose, compare, examples, exists and subgroups documents
// (issue 15.1, branch records-a): each round-trips on real outputs, the command line's
// included.

use plrep::character::{CharacterTable, RealSimples};
use plrep::record::table::TableRecord;

/// [`round_trip`] for documents with floats: `serde_json` (without its `float_roundtrip`
/// feature) may read a float one unit in the last place off, so a line that differs must
/// hold a float within two units in the last place of the original.
fn round_trip_floats<T: Serialize + DeserializeOwned>(text: &str) -> T {
    let r: T = serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text:.300}"));
    let back = serde_json::to_string_pretty(&r).unwrap();
    assert_eq!(back.lines().count(), text.lines().count());
    let number = |l: &str| -> f64 {
        let v = l.trim().trim_end_matches(',');
        let v = v.rsplit(": ").next().unwrap();
        v.parse().unwrap_or_else(|_| panic!("not a float: {l}"))
    };
    for (a, b) in back.lines().zip(text.lines()) {
        if a != b {
            let (x, y) = (number(a), number(b));
            assert!(
                (x - y).abs() <= 2.0 * f64::EPSILON * y.abs(),
                "{a} against {b}"
            );
        }
    }
    r
}

/// The standard output of a successful `plrep` run, without its final newline.
fn cli_doc(args: &[&str]) -> String {
    let out = crate::cli::plrep(args);
    assert!(out.status.success(), "{args:?}: {:?}", out.status);
    let text = String::from_utf8(out.stdout).unwrap();
    text.strip_suffix('\n').unwrap().to_string()
}

#[test]
fn table_and_lattice_records_round_trip_on_real_tables() {
    use plrep::record::lattice::LatticeRecord;
    use plrep::report::lattice::{lattice_record, normal_lattice};
    use plrep::report::table::table_record;
    use plrep::report::table_stream::TableDoc;
    // Rational, irrational, quaternionic, partition-labelled tables and an unnamed group.
    for group in ["S4", "A5", "Q8", "C12", "S6", "A8", "(1,2,3),(1,2)"] {
        let g = parse_group(group).unwrap();
        let t = CharacterTable::compute(&g, &Limits::default()).unwrap();
        let r = RealSimples::from_table(&t);
        let l = normal_lattice(&t, &r);
        let record = table_record(&g, &t, &r, &l);
        let text = serde_json::to_string_pretty(&record).unwrap();
        let streamed = TableDoc {
            group: &g,
            table: &t,
            real: &r,
            lattice: &l,
        };
        assert_eq!(serde_json::to_string_pretty(&streamed).unwrap(), text);
        let back: TableRecord = round_trip(&text);
        assert_eq!(back, record, "{group}");
        let _: TableRecord = round_trip(&cli_doc(&["table", group, "--format", "json"]));
        let lattice = lattice_record(&g, &t, &r, &l);
        let text = serde_json::to_string_pretty(&lattice).unwrap();
        let back: LatticeRecord = round_trip(&text);
        assert_eq!(back, lattice, "{group}");
        assert!(back.normal_subgroups.iter().all(|n| n.covers.is_some()));
        let _: LatticeRecord = round_trip(&cli_doc(&["lattice", group, "--format", "json"]));
    }
}

/// The large tables (`S_n`, `A_n`, `n >= 21`): classes with cycle types and counts beyond
/// `u64`, no real simples or normal subgroups.
#[test]
fn large_table_records_round_trip() {
    use plrep::record::Count;
    for group in ["S21", "A21"] {
        let text = cli_doc(&["table", group, "--format", "json"]);
        let r: TableRecord = round_trip(&text);
        assert!(r.real_simples.is_none() && r.normal_subgroups.is_none());
        assert_eq!(r.characters.len(), r.classes.len());
        assert!(r.classes.iter().all(|c| c.cycle_type.is_some()));
        // |S21| > 2^64: the identity's centralizer order is a decimal string.
        assert!(
            matches!(r.classes[0].centralizer_order, Count::Big(_)),
            "{group}"
        );
    }
}

#[test]
fn fourier_records_round_trip() {
    use plrep::fourier::{cyclic_components, fourier_series};
    use plrep::record::fourier::{CyclicFourierRecord, FourierRecord};
    for a in ["relu", "abs", "leaky:1/10", "identity"] {
        let act: Activation = a.parse().unwrap();
        let s = fourier_series(&act, 8).unwrap();
        let text = serde_json::to_string_pretty(&s.record()).unwrap();
        let r: FourierRecord = round_trip(&text);
        assert_eq!(r, s.record());
        assert_eq!(serde_json::to_string_pretty(&s.json()).unwrap(), text);
        for n in [1, 5, 8, 12] {
            let c = cyclic_components(&act, n).unwrap();
            let text = serde_json::to_string_pretty(&c.record()).unwrap();
            let r: CyclicFourierRecord = round_trip_floats(&text);
            assert_eq!(r.components.len(), c.components.len(), "{a} C{n}");
        }
    }
    let r: FourierRecord = round_trip(&cli_doc(&["fourier", "--format", "json"]));
    assert_eq!(r.activation, "relu");
    let cli = cli_doc(&["fourier", "--cyclic", "8", "--format", "json"]);
    let r: CyclicFourierRecord = round_trip_floats(&cli);
    assert_eq!(r.n, 8);
}

#[test]
fn command_records_round_trip_on_cli_outputs() {
    use plrep::record::compare::CompareRecord;
    use plrep::record::decompose::DecomposeRecord;
    use plrep::record::examples::{ExampleListRecord, ExampleRecord};
    use plrep::record::exists::ExistsRecord;
    use plrep::record::subgroups::SubgroupsRecord;
    for (a, b) in [("C8", "D8"), ("S4", "S4")] {
        let r: CompareRecord = round_trip(&cli_doc(&["compare", a, b, "--format", "json"]));
        assert_eq!(r.isomorphic, a == b);
    }
    let list: ExampleListRecord = round_trip(&cli_doc(&["examples", "--format", "json"]));
    assert!(!list.examples.is_empty());
    for name in ["c8-relu", "counting-lemma", "sn-standard-trivial"] {
        let r: ExampleRecord = round_trip(&cli_doc(&["examples", name, "--format", "json"]));
        assert_eq!(r.name, name);
    }
    for group in ["S4", "Q8", "(1,2,3),(1,2)"] {
        let r: ExistsRecord = round_trip(&cli_doc(&["exists", group, "--format", "json"]));
        assert_eq!(r.pairs.len(), r.simples.len() * r.simples.len(), "{group}");
        let r: SubgroupsRecord = round_trip(&cli_doc(&["subgroups", group, "--format", "json"]));
        assert_eq!(r.subgroup_classes.len(), r.classes, "{group}");
    }
    // Rows whose energies are exact and one that is not.
    let data = [
        1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.1, -0.7, 0.3, 2.5, 0.0, 1.0,
    ];
    let dir = std::env::temp_dir().join(format!("plrep-records-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("rows.npy");
    std::fs::write(&p, plrep::report::npy::encode_f64(&[3, 6], &data)).unwrap();
    let args = [
        "decompose",
        "S4",
        "--action",
        "subsets:2",
        "--format",
        "json",
    ];
    let text = cli_doc(&[&args[..], &["--input", p.to_str().unwrap()]].concat());
    let r: DecomposeRecord = round_trip_floats(&text);
    assert_eq!((r.rows, r.energy_of_row.len(), r.points), (3, 3, 6));
    std::fs::remove_dir_all(&dir).unwrap();
}

// ---- records-b: network, joint, pair, enumerate, export and survey-manifest documents,
// each round-tripped on the bytes the binary writes.

/// The JSON the binary prints for `args` (exit 0, or 1 for unresolved pairs), without
/// its final newline.
fn cli_json(args: &[&str]) -> String {
    let out = crate::cli::plrep(args);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    text.strip_suffix('\n').unwrap_or(&text).to_string()
}

#[test]
fn network_records_round_trip_on_real_networks() {
    use plrep::record::network::{NetworkRecord, JOINT_SCHEMA, NETWORK_SCHEMA};
    let mut kinds = std::collections::BTreeSet::new();
    let mut reached_values = 0;
    for args in [
        &["network", "C8", "--depth", "2", "--from", "L1", "--certify"][..],
        &[
            "network",
            "S4",
            "--layers",
            "natural; natural * natural; natural",
            "--bias",
            "generic",
        ],
        &["network", "S4", "--layers", "subsets:2; natural"],
        &[
            "network",
            "S4",
            "--layers",
            "natural; subsets:2; natural",
            "--activation",
            "abs",
        ],
        &["network", "C8", "--depth", "2", "--activation", "square"],
        &["network", "C6", "--depth", "2", "--activation", "identity"],
        &[
            "network",
            "A4",
            "--depth",
            "2",
            "--activation",
            "hardtanh",
            "--seeds",
            "1",
        ],
    ] {
        let text = cli_json(&[args, &["--format", "json"]].concat());
        let r: NetworkRecord = round_trip(&text);
        assert_eq!(r.schema, NETWORK_SCHEMA, "{args:?}");
        for d in r.sources.iter().flat_map(|s| &s.layers) {
            kinds.extend(d.excluded.iter().map(|e| e.obstruction.kind.clone()));
            reached_values += d.reached.iter().filter(|x| x.value.is_some()).count();
        }
    }
    assert!(reached_values > 0);
    for k in ["kernel", "blocks", "hadamard", "linear"] {
        assert!(kinds.contains(k), "{k} missing from {kinds:?}");
    }
    // The joint-source graph is the same record under its own schema name.
    for args in [
        &["graph", "C8", "--from", "L1,L2", "--certify"][..],
        &["graph", "S4", "--action", "subsets:2", "--bias", "generic"],
    ] {
        let text = cli_json(&[args, &["--format", "json"]].concat());
        let r: NetworkRecord = round_trip(&text);
        assert_eq!((r.schema.as_str(), r.depth), (JOINT_SCHEMA, 1), "{args:?}");
    }
}

#[test]
fn commutant_network_records_round_trip_on_real_networks() {
    use plrep::record::network::CommutantNetworkRecord;
    for args in [
        &[
            "network",
            "S50",
            "--layers",
            "natural; natural * natural; natural",
            "--certify",
        ][..],
        &[
            "network",
            "S8",
            "--layers",
            "natural; subsets:2; natural",
            "--max-order",
            "100",
            "--from",
            "[7,1]",
        ],
        &[
            "network",
            "S7",
            "--layers",
            "natural; subsets:2; natural",
            "--max-order",
            "100",
            "--activation",
            "abs",
        ],
    ] {
        let text = cli_json(&[args, &["--format", "json"]].concat());
        let r: CommutantNetworkRecord = round_trip(&text);
        assert_eq!(
            (r.route.as_str(), r.layers.len()),
            ("commutant", 3),
            "{args:?}"
        );
        assert!(r.layers[1..].iter().all(|l| l.cross_orbitals.is_some()));
    }
}

#[test]
fn pair_records_round_trip_on_real_pairs() {
    use plrep::record::pair::{JointPairRecord, PairRecord};
    let mut verdicts = std::collections::BTreeSet::new();
    for args in [
        &["solve", "C8", "--from", "L1", "--to", "L3", "--certify"][..],
        &["solve", "C8", "--from", "L1", "--to", "L0"],
        &["solve", "S4", "--from", "L2", "--to", "L3", "--bias", "1/2"],
        &[
            "solve",
            "C6",
            "--from",
            "L1",
            "--to",
            "L2",
            "--activation",
            "square",
        ],
        &[
            "solve",
            "S4",
            "--activation",
            "hardtanh",
            "--seeds",
            "1",
            "--from",
            "L2",
            "--to",
            "L0",
        ],
    ] {
        let text = cli_json(&[args, &["--format", "json"]].concat());
        let r: PairRecord = round_trip(&text);
        verdicts.insert(r.verdict.kind);
    }
    assert_eq!(verdicts.len(), 3, "{verdicts:?}");
    let mut verdicts = std::collections::BTreeSet::new();
    for args in [
        &["solve", "C8", "--from", "L1,L2", "--to", "L3"][..],
        &[
            "solve",
            "S4",
            "--action",
            "subsets:2",
            "--bias",
            "generic",
            "--from",
            "L0",
            "--to",
            "L2",
        ],
        &[
            "solve",
            "C8",
            "--from",
            "L1,L2",
            "--to",
            "L3",
            "--activation",
            "identity",
        ],
    ] {
        let text = cli_json(&[args, &["--format", "json"]].concat());
        let r: JointPairRecord = round_trip(&text);
        verdicts.insert(r.verdict.kind);
    }
    assert_eq!(verdicts.len(), 2, "{verdicts:?}");
}

#[test]
fn enumerate_records_round_trip_on_real_enumerations() {
    use plrep::enumerate::Enumeration;
    use plrep::record::enumerate::EnumerateRecord;
    for (group, a, bias) in [
        ("S4", Activation::Relu, None),
        ("D8", Activation::Abs, None),
        ("Q8", Activation::Relu, Some("1/2")),
    ] {
        let e = Enumeration::compute(
            &parse_group(group).unwrap(),
            &options(a, bias),
            &Limits::default(),
        )
        .unwrap();
        let text = serde_json::to_string_pretty(&e.to_json()).unwrap();
        let r: EnumerateRecord = round_trip(&text);
        assert_eq!(r, e.to_record(), "{group}");
        assert_eq!(r.subgroups.len(), e.modules.len());
    }
    // The binary writes the same bytes.
    let text = cli_json(&["enumerate", "S3", "--format", "json"]);
    let _: EnumerateRecord = round_trip(&text);
}

#[test]
fn export_records_round_trip_on_real_exports() {
    use plrep::record::export::{
        BasisFileRecord, ExportEntryRecord, ExportManifestRecord, HomFileRecord,
        ProjectorFileRecord,
    };
    let dir = std::env::temp_dir().join(format!("plrep-records-export-{}", std::process::id()));
    let read = |sub: &str, file: &str| {
        let text = std::fs::read_to_string(dir.join(sub).join(file)).unwrap();
        text.strip_suffix('\n').unwrap_or(&text).to_string()
    };
    let mut entries = 0;
    for (sub, args) in [
        (
            "p-npy",
            &[
                "S4",
                "--action",
                "subsets:2",
                "--what",
                "projectors",
                "--format",
                "npy",
            ][..],
        ),
        (
            "p-json",
            &[
                "S4",
                "--action",
                "subsets:2",
                "--what",
                "projectors",
                "--format",
                "json",
            ],
        ),
        ("b-npy", &["C5", "--what", "basis", "--format", "npy"]),
        ("b-json", &["C5", "--what", "basis", "--format", "json"]),
        (
            "h-npy",
            &[
                "S4",
                "--action",
                "natural",
                "--what",
                "hom",
                "--to",
                "subsets:2",
                "--format",
                "npy",
            ],
        ),
        (
            "h-json",
            &[
                "S4",
                "--action",
                "natural",
                "--what",
                "hom",
                "--to",
                "subsets:2",
                "--format",
                "json",
            ],
        ),
    ] {
        let out = dir.join(sub);
        let out = out.to_str().unwrap();
        cli_json(&[&["export"], args, &["-o", out]].concat());
        let m: ExportManifestRecord = round_trip(&read(sub, "manifest.json"));
        for e in &m.files {
            entries += 1;
            let (file, kind) = match e {
                ExportEntryRecord::Part(p) => (&p.file, p.kind.as_str()),
                ExportEntryRecord::Hom(h) => (&h.file, "hom"),
            };
            if !file.ends_with(".json") {
                continue;
            }
            let text = read(sub, file);
            match kind {
                "projector" => drop(round_trip::<ProjectorFileRecord>(&text)),
                "basis" => drop(round_trip::<BasisFileRecord>(&text)),
                _ => drop(round_trip::<HomFileRecord>(&text)),
            }
        }
    }
    assert!(entries >= 8, "{entries}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn manifest_and_depth_error_records_round_trip() {
    use plrep::record::manifest::ManifestRecord;
    use plrep::record::survey::DepthErrorRecord;
    use plrep::survey::layout::Manifest;
    for depth in [None, Some(3)] {
        let m = Manifest {
            groups: vec!["C1..C4".into()],
            expanded: (1..=4).map(|n| format!("C{n}")).collect(),
            actions: vec!["regular".into(), "natural".into()],
            activation: "relu".into(),
            bias: depth.map(|_| "1/2".to_string()),
            seeds: 8,
            depth,
        };
        let text = m.to_json();
        let r: ManifestRecord = round_trip(text.strip_suffix('\n').unwrap());
        assert_eq!(r, m.to_record());
        assert_eq!(Manifest::parse(&text, "out").unwrap(), m);
    }
    let e = DepthErrorRecord {
        error: "boom".into(),
        error_kind: "limit".into(),
    };
    assert_eq!(
        e.to_value().to_string(),
        r#"{"error":"boom","error_kind":"limit"}"#
    );
}
