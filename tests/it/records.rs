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
