//! The compact table of abelian groups ([`AbelianTable`], theory.md §21) against the ordinary route: the same classes, characters (values,
//! root sums, indicators, order), real simples, normal subgroups, and the same bytes as
//! text and JSON, on standard output too; limits refused before the group is
//! enumerated.

use super::cli::plrep;
use plrep::character::abelian_real::abelian_real_simples;
use plrep::character::abelian_table::AbelianTable;
use plrep::character::{CharacterTable, RealSimples};
use plrep::group::{spec::parse_group, Limits};
use plrep::report::abelian_table::{abelian_lattice, abelian_table_json, abelian_table_text};
use plrep::report::lattice::normal_lattice;
use plrep::report::table::{normal_subgroup_records, table_text, Rows};
use plrep::report::table_stream::TableDoc;

/// Cyclic groups of prime-power, odd, even and composite order, products with repeated
/// primes, the trivial group, an elementary abelian group and a non-catalog product.
const GROUPS: &[&str] = &[
    "C1",
    "C2",
    "C3",
    "C4",
    "C8",
    "C9",
    "C12",
    "C30",
    "C64",
    "C105",
    "C2xC2",
    "C2xC4",
    "C2xC2xC2",
    "C3xC9",
    "C6xC6",
    "C4xC6",
    "C2xC10",
    "C5xC5",
    "C2xC2xC3xC3",
];

#[test]
fn the_compact_table_expands_to_the_ordinary_table() {
    for name in GROUPS {
        let g = parse_group(name).unwrap();
        let compact = AbelianTable::compute(&g, &Limits::default()).unwrap();
        let ordinary = CharacterTable::compute(&g, &Limits::default()).unwrap();
        let expanded = compact.to_table();
        assert_eq!(expanded.method, ordinary.method, "{name}");
        assert_eq!(expanded.characters, ordinary.characters, "{name}");
        assert_eq!(*expanded.classes, *ordinary.classes, "{name}");
        for p in [2, 3, 5, 7, -1] {
            assert_eq!(
                compact.power_map(p),
                ordinary.power_map(p),
                "{name} power {p}"
            );
        }
        // The real simples and the lattice without a single exact value.
        let real = RealSimples::from_table(&ordinary);
        let simples = abelian_real_simples(&compact);
        assert_eq!(simples.len(), real.simples.len(), "{name}");
        for (a, b) in simples.iter().zip(&real.simples) {
            assert_eq!(
                (
                    &a.label,
                    a.kind,
                    a.dim,
                    &a.characters,
                    &a.kernel,
                    &a.minus_kernel,
                    a.frequency
                ),
                (
                    &b.label,
                    b.kind,
                    b.dim,
                    &b.characters,
                    &b.kernel,
                    &b.minus_kernel,
                    b.frequency
                ),
                "{name}"
            );
        }
        assert_eq!(
            normal_subgroup_records(&abelian_lattice(&compact, &simples)),
            normal_subgroup_records(&normal_lattice(&ordinary, &real)),
            "{name}"
        );
    }
}

#[test]
fn the_compact_table_writes_the_bytes_of_the_ordinary_table() {
    for name in GROUPS {
        let g = parse_group(name).unwrap();
        let t = CharacterTable::compute(&g, &Limits::default()).unwrap();
        let real = RealSimples::from_table(&t);
        let lattice = normal_lattice(&t, &real);
        let head = format!(
            "Character table of {name} (order {}, {} classes, abelian)",
            t.order,
            t.num_classes()
        );
        let compact = AbelianTable::compute(&g, &Limits::default()).unwrap();
        let mut text = Vec::new();
        abelian_table_text(&mut text, &head, &compact).unwrap();
        assert_eq!(
            String::from_utf8(text).unwrap(),
            table_text(&head, &t, &real, Rows::Complex),
            "{name} text"
        );
        let mut json = Vec::new();
        abelian_table_json(&mut json, &g, &compact).unwrap();
        let doc = TableDoc {
            group: &g,
            table: &t,
            real: &real,
            lattice: &lattice,
        };
        assert_eq!(
            String::from_utf8(json).unwrap(),
            serde_json::to_string_pretty(&doc).unwrap() + "\n",
            "{name} json"
        );
    }
}

#[test]
fn plrep_table_of_an_abelian_group_is_the_ordinary_table() {
    for name in ["C24", "C2xC6"] {
        let g = parse_group(name).unwrap();
        let t = CharacterTable::compute(&g, &Limits::default()).unwrap();
        let real = RealSimples::from_table(&t);
        let head = format!(
            "Character table of {name} (order {}, {} classes, abelian)",
            t.order,
            t.num_classes()
        );
        let out = plrep(&["table", name]);
        assert_eq!(out.status.code(), Some(0), "{name}");
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            table_text(&head, &t, &real, Rows::Complex),
            "{name}"
        );
        // --real, Markdown and LaTeX keep the ordinary route.
        let out = plrep(&["table", name, "--real"]);
        assert_eq!(out.status.code(), Some(0), "{name}");
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            table_text(
                &head.replace("Character table", "Real simples"),
                &t,
                &real,
                Rows::Real
            ),
            "{name}"
        );
    }
}

#[test]
fn too_many_classes_are_refused_before_the_group_is_enumerated() {
    // C6000 fits --max-order; its 6000 classes do not fit the default --max-classes.
    let out = plrep(&["table", "C6000"]);
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("number of classes 6000"), "{err}");
    assert!(err.contains("--max-classes"), "{err}");
    // The order limit is still reported first.
    let out = plrep(&["table", "C6000", "--max-order", "5000"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("--max-order"));
    let g = parse_group("C6000").unwrap();
    let limits = Limits {
        max_classes: 100,
        ..Limits::default()
    };
    assert!(AbelianTable::compute(&g, &limits).is_err());
    // A non-abelian group is refused, not tabulated.
    assert!(AbelianTable::compute(&parse_group("S3").unwrap(), &Limits::default()).is_err());
}
