//! Fuzzing every parser with proptest: random bytes and random near-valid strings
//! (made of the parser's own alphabet) go into the group spec, cycle, JSON, action,
//! activation, bias, label, range and shard parsers. Each must return a value or a
//! clean error — bad input or a limit, one line of readable length — and never panic.
//! Cases are capped so the whole suite takes a few seconds; the limits used are small so
//! that a valid but large random input cannot make a case slow.

use plrep::arith::Q;
use plrep::group::gset::ActionSpec;
use plrep::group::spec::{group_from_json_within, parse_group_within};
use plrep::group::{Limits, Perm};
use plrep::pl::{parse_bias, Activation};
use plrep::survey::groups::range_members;
use plrep::survey::layout::Shard;
use plrep::survey::record::ActionChoice;
use proptest::prelude::*;

/// Small limits: a random valid input stays cheap.
fn small() -> Limits {
    Limits {
        max_degree: 64,
        max_generators: 16,
        max_order: 5000,
        max_points: 5000,
        ..Limits::default()
    }
}

/// An error is bad input (exit 2) or a limit (exit 3) with a one-line, short message.
fn clean<T>(r: plrep::Result<T>) -> std::result::Result<(), TestCaseError> {
    if let Err(e) = r {
        let code = e.exit_code();
        prop_assert!(code == 2 || code == 3, "exit {code}: {e}");
        let msg = e.to_string();
        prop_assert!(!msg.contains('\n') && !msg.contains('\r'), "{msg:?}");
        prop_assert!(msg.chars().count() < 1000, "{} chars", msg.chars().count());
    }
    Ok(())
}

/// Arbitrary text: any bytes, lossily decoded (parsers take `&str`).
fn bytes() -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<u8>(), 0..64)
        .prop_map(|b| String::from_utf8_lossy(&b).into_owned())
}

/// Near-valid cycle notation: the alphabet of cycles with spaces, signs and junk.
fn cycles() -> impl Strategy<Value = String> {
    "(perm:)?[(),0-9 \t+\\-x.]{0,40}"
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 200,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn cycle_notation(s in prop_oneof![bytes(), cycles()]) {
        let limits = small();
        clean(Perm::parse_gap_within(&s, 0, &limits))?;
        clean(parse_group_within(&s, &limits))?;
        // A permutation that parses prints and parses back to itself.
        if let Ok(p) = Perm::parse_gap_within(&s, 0, &limits) {
            let again = Perm::parse_gap_within(&p.to_string(), p.degree(), &limits).unwrap();
            prop_assert_eq!(again, p);
        }
    }

    #[test]
    fn group_specs(s in prop_oneof![
        bytes(),
        "[CDQSA][0-9]{1,2}",
        "[CDQSA][0-9](x[CDQSA][0-9]?){0,2}",
        "(PSL\\(2,|PSL2_|Dic|SG|M)[0-9]{0,2}\\)?",
        "[a-zA-Z0-9(),x_ ]{0,12}",
    ]) {
        clean(parse_group_within(&s, &small()))?;
    }

    #[test]
    fn json_documents(s in prop_oneof![
        bytes(),
        "\\{(\"(generators|degree|name)\": (\\[(\"[(),0-9 ]{0,12}\"(, )?){0,3}\\]|-?[0-9]{1,3}|null|\"x\"|\\{\\})(, )?){0,4}\\}",
    ]) {
        clean(group_from_json_within(&s, "fuzz", &small()))?;
    }

    #[test]
    fn actions(s in prop_oneof![
        bytes(),
        "(regular|natural|conjugation|transitive|subsets:|tuples:|cosets:)[-+0-9(), ]{0,12}",
    ]) {
        clean(ActionSpec::parse(&s))?;
        clean(ActionChoice::parse(&s))?;
    }

    #[test]
    fn activations_and_biases(s in prop_oneof![
        bytes(),
        "(relu|abs|identity|hardtanh|square|leaky:|ReLU|leaky)?[-+0-9./ e]{0,16}",
    ]) {
        clean(Activation::parse(&s))?;
        clean(parse_bias(&s))?;
        clean(s.parse::<Q>())?;
        // What parses prints in a form that parses to the same value.
        if let Ok(a) = Activation::parse(&s) {
            prop_assert_eq!(Activation::parse(&a.name()).unwrap(), a);
        }
        if let Some(q) = Q::parse_decimal(&s) {
            prop_assert_eq!(Q::parse_decimal(&q.to_string()), Some(q));
        }
    }

    #[test]
    fn ranges_shards_and_labels(s in prop_oneof![
        bytes(),
        "[CDQSA]?[0-9]{0,3}\\.\\.[CDQSA]?[0-9]{0,3}",
        "(PSL2_|Dic)[0-9]{0,2}\\.\\.(PSL2_|Dic)?[0-9]{0,2}",
        "[0-9]{0,3}/[0-9]{0,3}",
        "L[0-9]{0,3}[a-z']{0,2}",
    ]) {
        clean(range_members(&s))?;
        clean(Shard::parse(&s))?;
        // Labels: looking a label up never panics, and finds only real labels.
        let data = plrep::pl::GroupData::new(&plrep::group::spec::parse_group("S3").unwrap(), &Limits::default()).unwrap();
        if let Some(l) = data.simples.find(&s) {
            prop_assert_eq!(&data.simples.simples[l].label, &s);
        }
    }
}
