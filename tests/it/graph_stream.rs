//! Streamed graph JSON (issue 13.4): `plrep graph --format json` writes the
//! `plrep.graph.v1` document as it serialises it ([`InteractionGraph::json_doc`]); the
//! bytes must be those of the document built as one value ([`InteractionGraph::to_json`]).

use plrep::graph::InteractionGraph;
use plrep::group::{gset::ActionSpec, spec::parse_group, Limits};
use plrep::pl::{check, solve, Activation, PlModule, SolverOptions};
use std::process::Command;

fn graph(group: &str, action: &str, activation: Activation, certify: bool) -> InteractionGraph {
    let g = parse_group(group).unwrap();
    let m = PlModule::new(&g, &ActionSpec::parse(action).unwrap(), &Limits::default()).unwrap();
    let s = solve(&m, &SolverOptions::new(activation)).unwrap();
    if certify {
        InteractionGraph::from_certified(&m, &check(&m, s).unwrap())
    } else {
        InteractionGraph::build(&m, &s)
    }
}

fn plrep(args: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_plrep"))
        .args(args)
        .output()
        .expect("run plrep");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Edges, non-edges of every kind (block spaces, kernel rules, linear) and empty lists.
#[test]
fn streamed_document_is_the_value_document() {
    for (group, action, activation) in [
        ("S4", "natural", Activation::Relu),
        ("A4", "regular", Activation::Abs),
        ("D6", "subsets:2", Activation::Relu),
        ("C12", "regular", Activation::Identity),
        ("C1", "regular", Activation::Relu),
    ] {
        for certify in [false, true] {
            let g = graph(group, action, activation.clone(), certify);
            let value = serde_json::to_string_pretty(&g.to_json()).unwrap();
            let streamed = serde_json::to_string_pretty(&g.json_doc()).unwrap();
            assert_eq!(streamed, value, "{group} {action} certify={certify}");
            let compact = serde_json::to_string(&g.json_doc()).unwrap();
            assert_eq!(compact, g.to_json().to_string(), "{group} {action}");
        }
    }
}

/// The command's output (to standard output and to `-o FILE`) is the value document's
/// pretty text and a newline, on both routes (the commutant route beyond --max-order).
#[test]
fn graph_json_command_writes_the_value_document() {
    let g = graph("S4", "natural", Activation::Relu, true);
    let expected = serde_json::to_string_pretty(&g.to_json()).unwrap() + "\n";
    let stdout = plrep(&[
        "graph",
        "S4",
        "--action",
        "natural",
        "--certify",
        "--format",
        "json",
    ]);
    assert_eq!(String::from_utf8(stdout).unwrap(), expected);
    let file = std::env::temp_dir().join(format!("plrep-graph-stream-{}.json", std::process::id()));
    let path = file.to_str().unwrap();
    plrep(&[
        "graph",
        "S4",
        "--action",
        "natural",
        "--certify",
        "--format",
        "json",
        "-o",
        path,
    ]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), expected);
    // The commutant route: the same bytes to a file as to standard output, valid JSON.
    let args = [
        "graph",
        "S4",
        "--max-order",
        "10",
        "--action",
        "natural",
        "--format",
        "json",
    ];
    let stdout = plrep(&args);
    let mut with_o = args.to_vec();
    with_o.extend(["-o", path]);
    plrep(&with_o);
    assert_eq!(std::fs::read(&file).unwrap(), stdout);
    let v: serde_json::Value = serde_json::from_slice(&stdout).unwrap();
    assert_eq!(v["action"]["spec"], "natural");
    let _ = std::fs::remove_file(&file);
}
