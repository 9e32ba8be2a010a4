//! Snapshot tests of the printed tables and lattices (insta; CI fails on a missing or
//! changed snapshot), plus exact checks of what the snapshots show.

use plrep::character::{CharacterTable, RealSimples};
use plrep::group::spec::parse_group;
use plrep::report::lattice::{lattice_json, lattice_text, normal_lattice};
use plrep::report::table::{
    class_names, table_json, table_latex, table_markdown, table_text, Rows,
};

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
    let v = table_json(&g, &t, &r, &l);
    assert_eq!(v["schema"], "plrep.table.v1");
    assert_eq!(v["group"]["order"], 60);
    assert_eq!(v["classes"].as_array().unwrap().len(), 5);
    let chars = v["characters"].as_array().unwrap();
    assert_eq!(chars.len(), 5);
    // Every value parses back to the exact table value.
    for (i, c) in chars.iter().enumerate() {
        for (j, s) in c["values"].as_array().unwrap().iter().enumerate() {
            let parsed: plrep::arith::Cyclotomic = s.as_str().unwrap().parse().unwrap();
            assert_eq!(parsed, t.characters[i].values[j]);
        }
    }
    let rs = v["real_simples"].as_array().unwrap();
    assert_eq!(rs.len(), 5);
    assert!(rs.iter().all(|x| x["type"] == "real"));
    assert_eq!(v["normal_subgroups"].as_array().unwrap().len(), 2);
    // Deterministic bytes.
    assert_eq!(
        serde_json::to_string(&v).unwrap(),
        serde_json::to_string(&table_json(&g, &t, &r, &l)).unwrap()
    );
    let lj = lattice_json(&g, &t, &r, &l);
    assert_eq!(lj["schema"], "plrep.lattice.v1");
    assert_eq!(lj["normal_subgroups"][1]["covers"], serde_json::json!([0]));
}
