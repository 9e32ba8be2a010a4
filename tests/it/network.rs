//! Tests of equivariant networks (THEORY §10): the C8 depth-2 example, agreement of the
//! exact reached sets with a floating-point simulation of random networks, soundness of
//! the upper bound against the one-layer solver, and the certificate checker.

use plrep::group::gset::ActionSpec;
use plrep::group::spec::parse_group;
use plrep::group::Limits;
use plrep::network::{analyze, certify_network, Network, NetworkOptions, Status};
use plrep::pl::{Activation, Bias, GroupData};

fn net(group: &str, layers: &[&str]) -> (GroupData, Network) {
    let lim = Limits::default();
    let d = GroupData::new(&parse_group(group).unwrap(), &lim).unwrap();
    let specs: Vec<ActionSpec> = layers
        .iter()
        .map(|s| ActionSpec::parse(s).unwrap())
        .collect();
    let n = Network::new(&d, &specs, &lim).unwrap();
    (d, n)
}

fn labels(d: &GroupData, set: &[usize]) -> Vec<String> {
    set.iter()
        .map(|&i| d.simples.simples[i].label.clone())
        .collect()
}

#[test]
fn c8_relu_l1_reaches_l3_at_depth_two() {
    let (d, n) = net("C8", &["regular", "regular", "regular"]);
    let l1 = d.simples.find("L1").unwrap();
    let res = analyze(
        &n,
        &NetworkOptions::new(Activation::Relu, Bias::None),
        &[vec![l1]],
    )
    .unwrap();
    let s = &res.sources[0];
    assert_eq!(labels(&d, &s.alive[1]), ["L0", "L1", "L2", "L4"]);
    let l3 = d.simples.find("L3").unwrap();
    assert!(matches!(s.status_at(1, l3), Some(Status::Excluded(_))));
    assert!(s.reached_at(2, l3));
    assert_eq!(s.first_depth(l3), Some((2, true)));
    assert_eq!(res.unresolved(), 0);
    let rep = certify_network(&n, &res).unwrap();
    assert!(rep.reaches >= 9);
}
