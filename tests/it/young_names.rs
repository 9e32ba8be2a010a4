//! Tests of the partition labels by Young's rule (docs/theory.md §15.6): the small-support
//! values against the Murnaghan–Nakayama table, the naming against every candidate, and
//! the labels of commutant modules against the labels from every cycle type (`n <= 12`,
//! where both run).

use num_bigint::{BigInt, BigUint};
use plrep::character::partition::{partitions, Partition};
use plrep::character::symmetric::sn_character;
use plrep::character::young_names::{name_by_young, value_small_support, young_candidates, Memo};
use plrep::group::gset::ActionSpec;
use plrep::group::{spec::parse_group, Limits};
use plrep::pl::commutant::CommutantModule;

fn padded(rho: &[u32], n: u32) -> Partition {
    let mut parts = rho.to_vec();
    parts.extend(std::iter::repeat(1).take((n - rho.iter().sum::<u32>()) as usize));
    Partition::new(parts)
}

#[test]
fn small_support_values_are_the_murnaghan_nakayama_values() {
    for n in 2..=11u32 {
        for rho in partitions(n.min(7))
            .iter()
            .chain(partitions(n.min(5)).iter())
        {
            let rho: Vec<u32> = rho.parts().iter().copied().filter(|&x| x > 1).collect();
            let mut memo = Memo::new();
            for lambda in partitions(n) {
                let v = value_small_support(&lambda, &rho, &mut memo);
                let w = sn_character(&lambda, &padded(&rho, n));
                assert_eq!(v, BigInt::from(w), "{lambda} on {rho:?}");
            }
        }
    }
}

#[test]
fn every_candidate_is_named_back_from_its_character() {
    for (n, k) in [(9u32, 9u32), (12, 4), (40, 3)] {
        let cands = young_candidates(n, k).unwrap();
        assert!(cands.iter().all(|l| l.parts()[0] >= n - k));
        if k == n {
            assert_eq!(cands, partitions(n));
        }
        for lambda in &cands {
            let d = plrep::character::young_names::degree(lambda);
            let mut psi =
                |rho: &[u32]| Ok(Some(value_small_support(lambda, rho, &mut Memo::new())));
            let name = name_by_young(n, &cands, &d, &mut psi).unwrap();
            // (for n <= 14 the classes searched are all of them)
            assert_eq!(name.as_ref(), Some(lambda), "S{n}");
        }
    }
    // a wrong degree names nothing
    let cands = young_candidates(10, 2).unwrap();
    let name = name_by_young(10, &cands, &BigUint::from(7u32), &mut |_| Ok(None)).unwrap();
    assert_eq!(name, None);
}

#[test]
fn young_labels_agree_with_the_labels_from_every_cycle_type() {
    let limits = Limits::default();
    for (group, action) in [
        ("S8", "natural"),
        ("S8", "subsets:2"),
        ("S9", "tuples:2"),
        ("S8", "natural * natural"),
        ("S10", "subsets:3"),
        ("S7", "subsets:3"),
    ] {
        let g = parse_group(group).unwrap();
        let a = ActionSpec::parse(action).unwrap();
        let m = CommutantModule::new(&g, &a, &limits).unwrap();
        let values = m.cycle_type_values(1000).unwrap().unwrap();
        let full = m.partition_labels(&values).unwrap();
        assert!(full.iter().all(Option::is_some), "{group} {action}");
        let young = m.young_partition_labels().unwrap().unwrap();
        assert_eq!(young, full, "{group} on {action}");
    }
}
