//! Networks through the commutants of their layers (theory.md §14) against the
//! enumerated route on every small group and layer chain where both run: the same
//! verdicts (reached / excluded / unresolved for every source, depth and simple, simples
//! matched by their characters), byte for byte; both certified; the checker rejects
//! tampered claims; the point-cloud network of S50 as a snapshot.

use plrep::arith::Cyclotomic;
use plrep::group::gset::ActionSpec;
use plrep::group::spec::parse_group;
use plrep::group::Limits;
use plrep::network::commutant::{analyze_commutant, certify_commutant_network, CommutantNetwork};
use plrep::network::{analyze, certify_network, Network, NetworkOptions, NetworkResult, Status};
use plrep::pl::{Activation, Bias, GroupData};
use plrep::report::commutant_network::{commutant_depth_table_markdown, commutant_network_text};

fn specs(layers: &str) -> Vec<ActionSpec> {
    layers
        .split(';')
        .map(|s| ActionSpec::parse(s.trim()).unwrap())
        .collect()
}

fn letter(s: &Status) -> char {
    match s {
        Status::Reached(_) => 'R',
        Status::Excluded(_) => 'E',
        Status::Unresolved => 'U',
    }
}

/// One line per source: per depth, `label:letter` for every simple present, sorted by
/// the enumerated route's labels.
fn verdicts(
    res: &NetworkResult,
    name: &dyn Fn(usize) -> String,
    order: &dyn Fn(usize) -> usize,
) -> Vec<String> {
    let mut lines: Vec<(usize, String)> = res
        .sources
        .iter()
        .map(|src| {
            let mut line = format!("{}:", name(src.sources[0]));
            for l in 1..src.status.len() {
                let mut cells: Vec<(usize, String)> = src.status[l]
                    .iter()
                    .map(|(t, st)| (order(*t), format!("{}={}", name(*t), letter(st))))
                    .collect();
                cells.sort();
                let cells: Vec<String> = cells.into_iter().map(|c| c.1).collect();
                line.push_str(&format!(" d{l}[{}]", cells.join(" ")));
            }
            (order(src.sources[0]), line)
        })
        .collect();
    lines.sort();
    lines.into_iter().map(|l| l.1).collect()
}

/// Compare both routes on one chain; `false` when the commutant route refuses the
/// modules (irrational centre).
fn compare(group: &str, layers: &str, act: Activation, bias: Bias) -> bool {
    let limits = Limits::default();
    let g = parse_group(group).unwrap();
    let sp = specs(layers);
    let Ok(cnet) = CommutantNetwork::new(&g, &sp, &limits) else {
        return false;
    };
    let data = GroupData::new(&g, &limits).unwrap();
    let enet = Network::new(&data, &sp, &limits).unwrap();
    let opts = NetworkOptions::new(act, bias);
    // The enumerated simple of each type, by the characters on the classes.
    let m0 = enet.layer(0);
    let map: Vec<usize> = cnet
        .types
        .iter()
        .map(|t| {
            let (mi, s) = t.first;
            let values: Vec<Cyclotomic> = m0
                .classes
                .reps
                .iter()
                .map(|g| Cyclotomic::from_q(cnet.modules[mi].character_value(s, g).unwrap()))
                .collect();
            let found: Vec<usize> = (0..m0.simples.simples.len())
                .filter(|&l| m0.simples.simples[l].values == values)
                .collect();
            assert_eq!(found.len(), 1, "{group} {layers}: type {}", t.label);
            found[0]
        })
        .collect();
    let csrc: Vec<Vec<usize>> = cnet.simples_of(0).iter().map(|&t| vec![t]).collect();
    let cres = analyze_commutant(&cnet, &opts, &csrc).unwrap();
    certify_commutant_network(&cnet, &cres)
        .unwrap_or_else(|e| panic!("{group} {layers} {opts:?}: {e}"));
    let esrc: Vec<Vec<usize>> = enet.simples_of(0).iter().map(|&l| vec![l]).collect();
    let eres = analyze(&enet, &opts, &esrc).unwrap();
    certify_network(&enet, &eres).unwrap();
    let label = |l: usize| m0.simples.simples[l].label.clone();
    let c = verdicts(&cres, &|t| label(map[t]), &|t| map[t]);
    let e = verdicts(&eres, &label, &|l| l);
    assert_eq!(c, e, "{group} {layers} {opts:?}");
    // Every type of a layer is a distinct simple present in that layer.
    for l in 0..=cnet.depth() {
        let mut ids: Vec<usize> = cnet.simples_of(l).iter().map(|&t| map[t]).collect();
        ids.sort_unstable();
        assert_eq!(ids, enet.simples_of(l), "{group} {layers} layer {l}");
    }
    true
}

const CHAINS: &[&str] = &[
    "natural; natural",
    "natural; subsets:2; natural",
    "natural; natural * natural; natural",
    "subsets:2; tuples:2; subsets:2",
    "tuples:2; natural; tuples:2",
];

#[test]
fn commutant_networks_agree_with_enumeration_relu() {
    let mut ran = 0;
    for g in ["S3", "S4", "S5", "S6", "A4", "A5", "D8"] {
        for chain in CHAINS {
            if g == "S6" && chain.contains("tuples") {
                continue; // 30 x 30 points: covered by the smaller groups
            }
            if compare(g, chain, Activation::Relu, Bias::None) {
                ran += 1;
            }
        }
    }
    // A4, A5 and D8 refuse some chains (irrational or complex centres); most run.
    assert_eq!(ran, 26, "chains compared");
}

#[test]
fn commutant_networks_agree_with_enumeration_other_activations() {
    let cases = [
        (Activation::Abs, Bias::None),
        (Activation::Square, Bias::None),
        (Activation::Identity, Bias::None),
        (Activation::Hardtanh, Bias::None),
        (Activation::Relu, Bias::parse("1/2").unwrap()),
        (Activation::Relu, Bias::Generic),
        (Activation::Square, Bias::parse("1").unwrap()),
    ];
    let mut ran = 0;
    for (act, bias) in cases {
        for g in ["S4", "D8", "S5"] {
            for chain in [
                "natural; subsets:2; natural",
                "natural; natural * natural; natural",
            ] {
                if compare(g, chain, act.clone(), bias.clone()) {
                    ran += 1;
                }
            }
        }
    }
    assert!(ran >= 28, "only {ran} chains compared");
}

fn s50() -> (CommutantNetwork, NetworkResult) {
    let g = parse_group("S50").unwrap();
    let net = CommutantNetwork::new(
        &g,
        &specs("natural; natural * natural; natural"),
        &Limits::default(),
    )
    .unwrap();
    let src: Vec<Vec<usize>> = net.simples_of(0).iter().map(|&t| vec![t]).collect();
    let res = analyze_commutant(
        &net,
        &NetworkOptions::new(Activation::Relu, Bias::None),
        &src,
    )
    .unwrap();
    (net, res)
}

#[test]
fn commutant_network_s50_point_cloud() {
    let (net, res) = s50();
    let cert = certify_commutant_network(&net, &res).unwrap();
    assert!(cert.report().reaches >= 7 && cert.report().exclusions >= 4);
    assert_eq!(res.unresolved(), 0);
    insta::assert_snapshot!(
        "commutant_network_s50_text",
        commutant_network_text(&net, &res, true)
    );
    insta::assert_snapshot!(
        "commutant_network_s50_markdown",
        commutant_depth_table_markdown(&net, &res)
    );
}

#[test]
fn commutant_network_checker_rejects_tampering() {
    let (net, res) = s50();
    // An exclusion claimed as a reach with another source's witness.
    let mut bad = res.clone();
    let st = &mut bad.sources[0].status[1];
    let i = st
        .iter()
        .position(|x| matches!(x.1, Status::Excluded(_)))
        .unwrap();
    st[i].1 = Status::Reached(plrep::network::Reach {
        network: 0,
        point: 0,
    });
    let t = st[i].0;
    bad.sources[0].alive[1].push(t);
    bad.sources[0].alive[1].sort_unstable();
    assert!(certify_commutant_network(&net, &bad).is_err());
    // A reach claimed as an exclusion with a borrowed obstruction.
    let mut bad = res.clone();
    let o = bad.sources[0].status[1]
        .iter()
        .find_map(|x| match &x.1 {
            Status::Excluded(o) => Some(o.clone()),
            _ => None,
        })
        .unwrap();
    let src1 = &mut bad.sources[1];
    src1.status[1][0].1 = Status::Excluded(o);
    let t = src1.status[1][0].0;
    src1.alive[1].retain(|&x| x != t);
    assert!(certify_commutant_network(&net, &bad).is_err());
    // A witness with a changed weight no longer reaches (or the checker says why).
    let mut bad = res.clone();
    for l in &mut bad.sources[1].networks[0].layers {
        for w in &mut l.weights {
            w.1 = plrep::arith::Q::zero();
        }
    }
    assert!(certify_commutant_network(&net, &bad).is_err());
}

/// Partition labels by Young's rule (candidates `lambda_1 >= n - k`, character values on
/// cycle types of small support) equal the labels from every cycle type where both run.
#[test]
fn young_labels_agree_with_all_cycle_types() {
    use plrep::pl::commutant::CommutantModule;
    for (g, action) in [
        ("S7", "subsets:3"),
        ("S8", "natural * natural"),
        ("S9", "tuples:2"),
        ("S10", "subsets:2"),
        ("S6", "tuples:3"),
    ] {
        let m = CommutantModule::new(
            &parse_group(g).unwrap(),
            &ActionSpec::parse(action).unwrap(),
            &Limits::default(),
        )
        .unwrap();
        let all = m
            .partition_labels(&m.cycle_type_values(1000).unwrap().unwrap())
            .unwrap();
        assert!(all.iter().all(Option::is_some), "{g} {action}");
        assert_eq!(
            m.young_partition_labels().unwrap().unwrap(),
            all,
            "{g} {action}"
        );
    }
}

fn plrep(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plrep"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The command line switches to the commutant route beyond --max-order, takes partition
/// labels in --from, and refuses what it cannot do with one clean line.
#[test]
fn commutant_network_cli() {
    let layers = "natural; subsets:2; natural";
    let (code, out, _) = plrep(&[
        "network",
        "S8",
        "--layers",
        layers,
        "--max-order",
        "100",
        "--from",
        "[7,1],[8]",
        "--certify",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("by the commutants of the layers"));
    assert!(out.contains("source [8]+[7,1]:"));
    assert!(out.contains("certificates re-checked independently: ok"));
    let (code, _, err) = plrep(&[
        "network",
        "S8",
        "--layers",
        layers,
        "--max-order",
        "100",
        "--from",
        "[4,4]",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: [4,4] is not a simple of layer 0"),
        "{err}"
    );
    let (code, _, err) = plrep(&[
        "network",
        "S8",
        "--layers",
        layers,
        "--max-order",
        "100",
        "--format",
        "svg",
    ]);
    assert_eq!((code, err.lines().count()), (2, 1), "{err}");
    let (code, _, err) = plrep(&[
        "network",
        "S60",
        "--layers",
        "natural; natural * natural",
        "--max-memory-mb",
        "1",
    ]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("--max-memory-mb"), "{err}");
    // Below --max-order the enumerated route still answers, with the same verdicts.
    let (code, out, _) = plrep(&["network", "S5", "--layers", layers, "--format", "markdown"]);
    assert_eq!(code, 0);
    let (code2, out2, _) = plrep(&[
        "network",
        "S5",
        "--layers",
        layers,
        "--format",
        "markdown",
        "--max-order",
        "10",
    ]);
    assert_eq!(code2, 0);
    let table = |s: &str| -> Vec<String> {
        s.lines()
            .filter(|l| l.starts_with("| L") || l.starts_with("| ["))
            .map(|l| {
                l.split('|')
                    .skip(2)
                    .map(str::trim)
                    .collect::<Vec<_>>()
                    .join("|")
            })
            .collect()
    };
    assert_eq!(table(&out).len(), table(&out2).len());
}

/// The point-clouds example's S50 network: the trivial source reaches only the trivial
/// simple; the standard one reaches every simple at depth 1 (hand-checked: ReLU of a
/// sum-zero vector has a mean, and the 2-IGN layer reaches [48,2], [48,1,1]).
#[test]
fn point_cloud_example_network_depths() {
    let out = plrep::examples::run("point-clouds", &Limits::default()).unwrap();
    let v = |k: &str| out.value(k).unwrap().to_string();
    assert_eq!(v("S50 network [50] -> [50]"), "1");
    assert_eq!(v("S50 network [50] -> [49,1]"), "0");
    assert_eq!(v("S50 network [50] -> [48,2]"), "0");
    for to in ["[50]", "[49,1]", "[48,2]", "[48,1,1]"] {
        assert_eq!(v(&format!("S50 network [49,1] -> {to}")), "1", "{to}");
    }
}

/// Per-orbit biases (one value per orbit of layers 1..) on both routes.
#[test]
fn commutant_networks_agree_with_enumeration_per_orbit_bias() {
    let chain = "natural; natural * natural; natural * natural";
    for (g, b) in [
        ("S4", "1,-1"),
        ("S5", "1,-1"),
        ("S5", "-1/2,1"),
        ("D8", "1,-1,1/2"),
    ] {
        assert!(
            compare(g, chain, Activation::Relu, Bias::parse(b).unwrap()),
            "{g}"
        );
    }
}
