//! Snapshot tests of the printed tables and lattices (insta; CI fails on a missing or
//! changed snapshot), plus exact checks of what the snapshots show.

use plrep::character::{CharacterTable, RealSimples};
use plrep::group::spec::parse_group;
use plrep::report::lattice::{lattice_json, lattice_text, normal_lattice};
use plrep::report::table::{
    class_names, table_json, table_latex, table_markdown, table_text, Rows,
};

use plrep::record::table::TableRecord;
use plrep::record::Count;

fn setup(name: &str) -> (plrep::group::PermGroup, CharacterTable, RealSimples) {
    let g = parse_group(name).unwrap();
    let t = CharacterTable::compute(&g, &Default::default()).unwrap();
    let r = RealSimples::from_table(&t);
    (g, t, r)
}

#[test]
fn table_snapshots() {
    for name in ["S4", "A5", "Q8", "C8"] {
        let (_, t, r) = setup(name);
        insta::assert_snapshot!(
            format!("table_text_{name}"),
            table_text(name, &t, &r, Rows::Complex)
        );
        insta::assert_snapshot!(
            format!("table_real_text_{name}"),
            table_text(name, &t, &r, Rows::Real)
        );
        insta::assert_snapshot!(
            format!("table_markdown_{name}"),
            table_markdown(name, &t, &r, Rows::Complex)
        );
        insta::assert_snapshot!(
            format!("table_latex_{name}"),
            table_latex(name, &t, &r, Rows::Complex)
        );
    }
}

#[test]
fn lattice_snapshots_d8() {
    let (_, t, r) = setup("D8");
    let l = normal_lattice(&t, &r);
    insta::assert_snapshot!("lattice_text_D8", lattice_text("D8", &t, &r, &l));
    insta::assert_snapshot!(
        "lattice_svg_D8",
        l.drawing("Normal subgroups of D8 (order 8)").to_svg()
    );
    insta::assert_snapshot!("lattice_dot_D8", l.drawing("D8").to_dot());
}

#[test]
fn class_names_follow_gap() {
    let (_, t, _) = setup("S4");
    assert_eq!(class_names(&t), vec!["1a", "2a", "2b", "3a", "4a"]);
    let (_, t, _) = setup("C8");
    assert_eq!(
        class_names(&t),
        vec!["1a", "2a", "4a", "4b", "8a", "8b", "8c", "8d"]
    );
}

#[test]
fn table_json_matches_the_schema_and_parses_back() {
    let (g, t, r) = setup("A5");
    let l = normal_lattice(&t, &r);
    let text = serde_json::to_string(&table_json(&g, &t, &r, &l)).unwrap();
    let v: TableRecord = serde_json::from_str(&text).unwrap();
    assert_eq!(v.schema, "plrep.table.v1");
    assert_eq!(v.group.order, Count::Small(60));
    assert_eq!(v.classes.len(), 5);
    assert_eq!(v.characters.len(), 5);
    // Every value parses back to the exact table value.
    for (i, c) in v.characters.iter().enumerate() {
        for (j, s) in c.values.iter().enumerate() {
            let parsed: plrep::arith::Cyclotomic = s.parse().unwrap();
            assert_eq!(parsed, t.characters[i].values[j]);
        }
    }
    let rs = v.real_simples.as_ref().unwrap();
    assert_eq!(rs.len(), 5);
    assert!(rs.iter().all(|x| x.kind == "real"));
    assert_eq!(v.normal_subgroups.as_ref().map(Vec::len), Some(2));
    // Deterministic bytes, and the record writes them back.
    assert_eq!(
        text,
        serde_json::to_string(&table_json(&g, &t, &r, &l)).unwrap()
    );
    assert_eq!(serde_json::to_string(&v).unwrap(), text);
    let lj = lattice_json(&g, &t, &r, &l);
    assert_eq!(lj["schema"], "plrep.lattice.v1");
    assert_eq!(lj["normal_subgroups"][1]["covers"], serde_json::json!([0]));
}
