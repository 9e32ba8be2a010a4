//! Tests of the module algebra of `--action` (`A + B`, `A * B`, `trivial:K`, parentheses):
//! parsing and the canonical form (round trip), errors and limits, the action of unions
//! and products (a homomorphism; orbits; permutation characters add and multiply), and
//! interaction graphs on intransitive modules (a union's edges are its summands' edges).

use plrep::graph::InteractionGraph;
use plrep::group::gset::{ActionSpec, GSet};
use plrep::group::spec::parse_group;
use plrep::group::{ConjugacyClasses, Limits, PermGroup};
use plrep::pl::{check, solve, Activation, GroupData, PlModule, SolverOptions};
use plrep::Error;
use proptest::prelude::*;
use std::collections::BTreeSet;

fn spec(text: &str) -> ActionSpec {
    ActionSpec::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

#[test]
fn precedence_whitespace_and_flattening() {
    use ActionSpec::*;
    assert_eq!(
        spec("natural+subsets:2*natural"),
        Union(vec![Natural, Product(vec![Subsets(2), Natural])])
    );
    assert_eq!(
        spec(" ( natural + subsets : 2 ) *natural "),
        Product(vec![Union(vec![Natural, Subsets(2)]), Natural])
    );
    assert_eq!(
        spec("(natural + regular) + trivial:2"),
        Union(vec![Natural, Regular, Trivial(2)])
    );
    assert_eq!(
        spec("natural * (regular * trivial:2)"),
        Product(vec![Natural, Regular, Trivial(2)])
    );
    assert_eq!(spec("((natural))"), Natural);
    // tuples:2 stays the pairs of distinct points.
    assert_eq!(spec("tuples:2"), Tuples(2));
}

#[test]
fn cosets_generators_end_at_operators_and_outer_parentheses() {
    use ActionSpec::*;
    let h = match spec("cosets:(1,2),(3,4)") {
        Cosets(h) => h,
        other => panic!("{other:?}"),
    };
    assert_eq!(h.len(), 2);
    assert_eq!(
        spec("cosets:(1,2),(3,4) + natural"),
        Union(vec![Cosets(h.clone()), Natural])
    );
    assert_eq!(
        spec("(cosets:(1,2),(3,4))*natural"),
        Product(vec![Cosets(h.clone()), Natural])
    );
    assert_eq!(
        spec("natural * (natural + cosets:(1,2),(3,4))"),
        Product(vec![Natural, Union(vec![Natural, Cosets(h)])])
    );
    assert_eq!(
        spec("cosets:() + natural").to_string(),
        "cosets:() + natural"
    );
}

#[test]
fn bad_specs_are_bad_input_with_one_line() {
    for text in [
        "",
        "   ",
        "orbits",
        "natural +",
        "+ natural",
        "natural * * natural",
        "(natural",
        "natural)",
        "natural natural",
        "()",
        "trivial:0",
        "trivial",
        "trivial:-1",
        "subsets:0",
        "subsets:x + natural",
        "natural:2",
        "cosets:",
        "cosets: + natural",
        "cosets:(1,2",
        "cosets:((1,2))",
        "regular - natural",
        "natürlich",
        &"(".repeat(100_000),
        &format!("{}natural{}", "(".repeat(65), ")".repeat(65)),
    ] {
        match ActionSpec::parse(text) {
            Err(Error::BadInput { what, hint }) => {
                assert!(
                    !what.contains('\n') && !hint.contains('\n'),
                    "{text}: {what}"
                );
                assert!(!hint.is_empty(), "{text}");
            }
            other => panic!("{text:?}: {other:?}"),
        }
    }
    // 64 levels of parentheses are fine.
    assert_eq!(
        spec(&format!("{}natural{}", "(".repeat(64), ")".repeat(64))),
        ActionSpec::Natural
    );
}

/// Atoms whose canonical text is what the strategy writes.
const ATOMS: &[&str] = &[
    "regular",
    "natural",
    "conjugation",
    "subsets:1",
    "subsets:3",
    "tuples:2",
    "trivial:1",
    "trivial:7",
    "cosets:()",
    "cosets:(1,2)",
    "cosets:(1,2,3),(4,5)",
    "cosets:(1,2)(3,4)",
];

fn arb_spec() -> impl Strategy<Value = ActionSpec> {
    let leaf = prop::sample::select(ATOMS).prop_map(spec);
    leaf.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 2..4).prop_map(ActionSpec::union),
            prop::collection::vec(inner, 2..4).prop_map(ActionSpec::product),
        ]
    })
}

/// The same spec written with redundant parentheses and irregular whitespace.
fn noisy(a: &ActionSpec, salt: usize) -> String {
    let ws = [" ", "", "  ", "\t"][salt % 4];
    match a {
        ActionSpec::Union(p) | ActionSpec::Product(p) => {
            let op = if matches!(a, ActionSpec::Union(_)) {
                "+"
            } else {
                "*"
            };
            let parts: Vec<String> = p
                .iter()
                .enumerate()
                .map(|(i, q)| format!("({ws}{}{ws})", noisy(q, salt + i + 1)))
                .collect();
            parts.join(&format!("{ws}{op}{ws}"))
        }
        atom => atom.to_string(),
    }
}

proptest! {
    #[test]
    fn canonical_form_round_trips(a in arb_spec(), salt in 0usize..8) {
        let text = a.to_string();
        prop_assert_eq!(ActionSpec::parse(&text).unwrap(), a.clone());
        prop_assert_eq!(ActionSpec::parse(&noisy(&a, salt)).unwrap(), a.clone());
        // Canonical: printing the parsed text gives the text again.
        prop_assert_eq!(ActionSpec::parse(&text).unwrap().to_string(), text);
    }
}

fn gset(g: &PermGroup, text: &str) -> GSet {
    GSet::new(g, &spec(text), &Limits::default()).unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// Groups and atoms of the character tests; `cosets:` only where the generators lie in G.
fn cases() -> Vec<(&'static str, Vec<&'static str>)> {
    let common = vec![
        "natural",
        "regular",
        "conjugation",
        "subsets:2",
        "tuples:2",
        "trivial:2",
    ];
    let with = |extra: &[&'static str]| {
        let mut v = common.clone();
        v.extend_from_slice(extra);
        v
    };
    vec![
        ("C4", common.clone()),
        ("C6", common.clone()),
        ("S3", with(&["cosets:(1,2)"])),
        ("D8", common.clone()),
        ("Q8", common.clone()),
        ("A4", with(&["cosets:(1,2)(3,4)", "cosets:(1,2,3)"])),
        (
            "S4",
            with(&["cosets:(1,2)", "cosets:(1,2,3,4)", "subsets:3"]),
        ),
        ("C2xS3", common.clone()),
        ("D10", common.clone()),
    ]
}

/// `pi_{A+B} = pi_A + pi_B`, `pi_{A*B} = pi_A pi_B` (computed from fixed points of the
/// composite action, not from the parts); orbits counted by Burnside's lemma; the real
/// multiplicities of `PlModule` add up and the sizes match.
#[test]
fn permutation_characters_add_and_multiply() {
    let limits = Limits::default();
    for (name, atoms) in cases() {
        let g = parse_group(name).unwrap();
        let data = GroupData::new(&g, &limits).unwrap();
        let classes: &ConjugacyClasses = &data.classes;
        let pi = |x: &GSet| x.permutation_character(classes).unwrap();
        for (i, a) in atoms.iter().enumerate() {
            for b in &atoms[i..] {
                let (xa, xb) = (gset(&g, a), gset(&g, b));
                let (pa, pb) = (pi(&xa), pi(&xb));
                let sum = gset(&g, &format!("{a} + {b}"));
                let prod = gset(&g, &format!("({a}) * {b}"));
                assert_eq!(sum.len(), xa.len() + xb.len());
                assert_eq!(prod.len(), xa.len() * xb.len());
                let ps: Vec<u64> = pa.iter().zip(&pb).map(|(x, y)| x + y).collect();
                let pp: Vec<u64> = pa.iter().zip(&pb).map(|(x, y)| x * y).collect();
                assert_eq!(pi(&sum), ps, "{name}: {a} + {b}");
                assert_eq!(pi(&prod), pp, "{name}: {a} * {b}");
                // Burnside: #orbits = (1/|G|) sum_K |K| pi(K).
                for (x, p) in [(&sum, &ps), (&prod, &pp)] {
                    let total: u64 = p.iter().zip(&classes.sizes).map(|(v, s)| v * s).sum();
                    assert_eq!(
                        x.orbits().len() as u64,
                        total / classes.order,
                        "{name}: orbits of {}",
                        x.action()
                    );
                }
                // Real multiplicities: those of the sum add up.
                let ma = data.simples.decompose_permutation_character(&pa).unwrap();
                let mb = data.simples.decompose_permutation_character(&pb).unwrap();
                let m = PlModule::on(&data, sum.action(), &limits).unwrap();
                for l in 0..data.simples.len() {
                    let get = |v: &[(usize, u64)]| v.iter().find(|p| p.0 == l).map_or(0, |p| p.1);
                    assert_eq!(m.multiplicity(l), get(&ma) + get(&mb), "{name} {a} + {b}");
                }
                // The product's simples fill it: sum of m_L dim L = |A| |B|.
                let mp = data.simples.decompose_permutation_character(&pp).unwrap();
                let filled: u64 = mp
                    .iter()
                    .map(|&(l, k)| k * data.simples.simples[l].dim)
                    .sum();
                assert_eq!(filled as usize, prod.len(), "{name} {a} * {b}");
            }
        }
    }
}

/// The action of a composite set is a homomorphism (`x^(gh) = (x^g)^h`) and every label is
/// distinct.
#[test]
fn composite_actions_are_actions() {
    let limits = Limits::default();
    for (name, text) in [
        ("S4", "natural * subsets:2 + conjugation"),
        ("D8", "(regular + natural) * trivial:2 * natural"),
        ("A4", "cosets:(1,2)(3,4) * natural + trivial:3"),
        ("Q8", "regular * regular"),
    ] {
        let g = parse_group(name).unwrap();
        let e = g.enumerate(&limits).unwrap();
        let x = gset(&g, text);
        let labels: BTreeSet<&String> = x.labels().iter().collect();
        assert_eq!(labels.len(), x.len(), "{name} {text}: labels");
        for i in (0..e.len()).step_by(3) {
            for j in (0..e.len()).step_by(5) {
                let (a, b) = (e.element(i), e.element(j));
                let ab = x.act(&(&a * &b)).unwrap();
                assert_eq!(
                    ab,
                    &x.act(&a).unwrap() * &x.act(&b).unwrap(),
                    "{name} {text}"
                );
            }
        }
    }
}

#[test]
fn products_include_the_diagonal() {
    for n in 2..=5 {
        let g = parse_group(&format!("S{n}")).unwrap();
        let nn = gset(&g, "natural * natural");
        assert_eq!(nn.len(), n * n);
        // The diagonal and the off-diagonal pairs.
        assert_eq!(nn.orbits().len(), 2);
        assert_eq!(nn.labels()[0], "(1;1)");
        assert_eq!(nn.labels()[1], "(1;2)");
        let t = gset(&g, "tuples:2");
        assert_eq!(t.len(), n * (n - 1));
        assert_eq!(t.orbits().len(), 1);
        // Three channels of R^n.
        let c = gset(&g, "trivial:3 * natural");
        assert_eq!((c.len(), c.orbits().len()), (3 * n, 3));
    }
    let g = parse_group("S4").unwrap();
    let u = gset(&g, "natural + subsets:2");
    assert_eq!(u.labels()[0], "1:1");
    assert_eq!(u.labels()[4], "2:{1,2}");
    assert_eq!(u.orbits(), vec![vec![0, 1, 2, 3], vec![4, 5, 6, 7, 8, 9]]);
}

#[test]
fn sizes_are_checked_before_building() {
    let g = parse_group("S6").unwrap();
    let limits = Limits::default();
    for text in [
        "regular * regular * regular",
        "natural * natural * natural * natural * natural * natural * natural",
        "trivial:100001",
        "trivial:18446744073709551615",
        "natural + trivial:99995",
        "(regular * regular * regular * regular * regular * regular * regular * regular) + natural",
    ] {
        match GSet::new(&g, &spec(text), &limits) {
            Err(Error::Limit { kind, .. }) => assert_eq!(kind.flag(), "--max-points", "{text}"),
            other => panic!("{text}: {:?}", other.map(|x| x.len())),
        }
    }
    // Exactly at the limit is fine.
    assert_eq!(gset(&g, "natural + trivial:99994").len(), 100_000);
    // Bad input inside a part is reported even next to an oversize part.
    assert!(matches!(
        GSet::new(
            &g,
            &spec("regular * regular * regular + subsets:9"),
            &limits
        ),
        Err(Error::BadInput { .. })
    ));
}

fn edges(g: &PermGroup, text: &str, activation: &str) -> BTreeSet<(String, String)> {
    let m = PlModule::new(g, &spec(text), &Limits::default()).unwrap();
    let s = solve(
        &m,
        &SolverOptions::new(Activation::parse(activation).unwrap()),
    )
    .unwrap();
    let c = check(&m, s).unwrap_or_else(|e| panic!("{text}: {e}"));
    let graph = InteractionGraph::from_certified(&m, &c);
    assert_eq!(graph.unresolved(), 0, "{text}");
    graph.edge_labels().into_iter().collect()
}

/// Without bias `sigma` acts coordinatewise on `R^{A+B} = R^A + R^B` and fixes 0, so the
/// certified edges of a union are the union of its summands' edges, and `trivial:K * A`
/// (K copies of `A`) has the edges of `A`.
#[test]
fn graphs_of_unions_are_unions_of_graphs() {
    for (name, a, b) in [
        ("S4", "natural", "subsets:2"),
        ("C4", "regular", "natural"),
        ("D8", "natural", "conjugation"),
        ("A4", "natural", "cosets:(1,2)(3,4)"),
        ("C6", "subsets:2", "natural"),
    ] {
        let g = parse_group(name).unwrap();
        for act in ["relu", "abs"] {
            let ea = edges(&g, a, act);
            let eb = edges(&g, b, act);
            let union: BTreeSet<_> = ea.union(&eb).cloned().collect();
            assert_eq!(
                edges(&g, &format!("{a} + {b}"), act),
                union,
                "{name} {a} + {b} {act}"
            );
            assert_eq!(
                edges(&g, &format!("trivial:2 * {a}"), act),
                ea,
                "{name} 2 x {a}"
            );
        }
    }
    // The products of the brief build and solve.
    let g = parse_group("C4").unwrap();
    assert!(!edges(&g, "regular * natural", "relu").is_empty());
}
