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
