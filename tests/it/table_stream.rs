//! `plrep table --format json` is written as it is serialised ([`TableDoc`]): the bytes
//! must be those of the `plrep.table.v1` document built as a `serde_json::Value`
//! (`table_json`, pretty, final newline), on standard output and with `-o`.

use super::cli::plrep;
use plrep::character::{CharacterTable, RealSimples};
use plrep::group::{spec::parse_group, Limits};
use plrep::report::lattice::normal_lattice;
use plrep::report::table::table_json;
use plrep::report::table_stream::TableDoc;

fn built(name: &str) -> String {
    let g = parse_group(name).unwrap();
    let t = CharacterTable::compute(&g, &Limits::default()).unwrap();
    let (streamed, value) = both_documents(&g, &t);
    assert_eq!(streamed, value, "{name}: TableDoc against table_json");
    value + "\n"
}

/// The streamed document and the `Value` document of one table.
fn both_documents(g: &plrep::group::PermGroup, t: &CharacterTable) -> (String, String) {
    let r = RealSimples::from_table(t);
    let l = normal_lattice(t, &r);
    let streamed = serde_json::to_string_pretty(&TableDoc {
        group: g,
        table: t,
        real: &r,
        lattice: &l,
    })
    .unwrap();
    let value = serde_json::to_string_pretty(&table_json(g, t, &r, &l)).unwrap();
    (streamed, value)
}

#[test]
fn the_streamed_table_is_the_value_document_byte_for_byte() {
    // Power maps of primes >= 11 ("11" sorts before "2"), quaternionic and complex
    // simples, a trivial group, a product with a name.
    for name in ["C1", "S4", "Q8", "C22", "PSL(2,11)", "SL(2,3)", "C3xS3"] {
        let expected = built(name);
        let out = plrep(&["table", name, "--format", "json"]);
        assert_eq!(out.status.code(), Some(0), "{name}");
        assert_eq!(String::from_utf8(out.stdout).unwrap(), expected, "{name}");
    }
}

#[test]
fn the_streamed_table_goes_to_o_and_errors_stay_one_line() {
    let path = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("table-stream-s5.json");
    let out = plrep(&[
        "table",
        "S5",
        "--format",
        "json",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), built("S5"));
    // Bad input and limits still exit before anything is written.
    let out = plrep(&["table", "nonsense", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let out = plrep(&["table", "C60", "--max-classes", "10", "--format", "json"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--max-classes"));
    let out = plrep(&[
        "table",
        "S4",
        "--format",
        "json",
        "-o",
        "/nonexistent/dir/t.json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("error: cannot write"));
}

/// A combinatorial table (Murnaghan–Nakayama) carries partitions and cycle types: the
/// streamed document must carry them exactly as the `Value` document does.
#[test]
fn the_streamed_giant_table_keeps_partitions() {
    let g = parse_group("S9").unwrap();
    let t = plrep::character::symmetric::giant_table(9, true, 5000).unwrap();
    let (streamed, value) = both_documents(&g, &t);
    assert!(value.contains("\"partition\": \"[ 9 ]\""));
    assert_eq!(streamed, value);
}
