//! Worked examples of networks (theory.md §10) for `plrep examples`: each certified by
//! [`certify_network`] before it is reported.

use super::{
    analyze, certify_network, exact_values, find_cycle, Network, NetworkOptions, NetworkResult,
    Status,
};
use crate::arith::Cyclotomic;
use crate::examples::ExampleOutput;
use crate::group::gset::ActionSpec;
use crate::group::spec::parse_group;
use crate::group::Limits;
use crate::pl::{Activation, Bias, GroupData};
use crate::Result;
use std::fmt::Write as _;

fn build(group: &str, layers: &[&str], limits: &Limits) -> Result<(GroupData, Network)> {
    let data = GroupData::new(&parse_group(group)?, limits)?;
    let specs = layers
        .iter()
        .map(|s| ActionSpec::parse(s))
        .collect::<Result<Vec<_>>>()?;
    let net = Network::new(&data, &specs, limits)?;
    Ok((data, net))
}

fn run(net: &Network, opts: &NetworkOptions) -> Result<NetworkResult> {
    let srcs: Vec<Vec<usize>> = net.simples_of(0).into_iter().map(|l| vec![l]).collect();
    let res = analyze(net, opts, &srcs)?;
    certify_network(net, &res)?;
    Ok(res)
}

fn lab(d: &GroupData, l: usize) -> &str {
    &d.simples.simples[l].label
}

/// The depth table as text (first depth per target, `never` / `never*`).
fn table(d: &GroupData, net: &Network, res: &NetworkResult) -> String {
    let mut targets: Vec<usize> = (1..=net.depth()).flat_map(|l| net.simples_of(l)).collect();
    targets.sort_unstable();
    targets.dedup();
    let header: String = targets
        .iter()
        .map(|&t| format!("{:<8}", lab(d, t)))
        .collect();
    let mut s = format!("  {:<6}{}\n", "from", header.trim_end());
    for src in &res.sources {
        let name: Vec<&str> = src.sources.iter().map(|&l| lab(d, l)).collect();
        let cells: String = targets
            .iter()
            .map(|&t| {
                let e = match src.first_depth(t) {
                    Some((k, true)) => k.to_string(),
                    Some((k, false)) => format!("<={k}"),
                    None if src.cycle.is_some() => "never*".into(),
                    None => "never".into(),
                };
                format!("{e:<8}")
            })
            .collect();
        let _ = writeln!(s, "  {:<6}{}", name.join("+"), cells.trim_end());
    }
    s
}

fn int(k: usize) -> Cyclotomic {
    Cyclotomic::from_int(k as i64)
}

/// C8, ReLU, no bias, three regular layers: `L1` reaches `L3` at depth 2.
pub(crate) fn c8_depth2(limits: &Limits) -> Result<ExampleOutput> {
    let (d, net) = build("C8", &["regular", "regular", "regular"], limits)?;
    let opts = NetworkOptions::new(Activation::Relu, Bias::None);
    let res = run(&net, &opts)?;
    let (l1, l3) = (
        d.simples.find("L1").expect("L1"),
        d.simples.find("L3").expect("L3"),
    );
    let src = res
        .sources
        .iter()
        .find(|s| s.sources == [l1])
        .expect("source L1");
    let vals = exact_values(&net, &opts, src)?;
    let v13 = vals
        .iter()
        .find(|x| x.0 == (2, l3))
        .and_then(|x| x.1.clone())
        .unwrap_or_else(Cyclotomic::zero);
    let mut t = String::from(
        "Claim: the one-layer ReLU graph of C8 from L1 is {L0, L1, L2, L4} and its transitive\n\
         closure never reaches L3, but a two-layer equivariant network fed with L1 does:\n\
         ReLU(v1 + v2) with v1 in V_L1, v2 in V_L2 has an L3 component (1 + 2 = 3).\n\n",
    );
    let _ = writeln!(t, "depth 1 from L1: {}", names(&d, src, 1));
    let _ = writeln!(t, "depth 2 from L1: {}", names(&d, src, 2));
    if let Some(Status::Excluded(o)) = src.status_at(1, l3) {
        let _ = writeln!(t, "not L3 at depth 1: {}", o.describe(net.layer(1)));
    }
    if let Some(Status::Reached(r)) = src.status_at(2, l3) {
        let wn = &src.networks[r.network];
        let _ = writeln!(
            t,
            "witness network: r = {:?} (seed {}), {} and {} orbital weights, L3 component at point {} = {}",
            wn.r,
            wn.seed,
            wn.layers[0].weights.len(),
            wn.layers[1].weights.len(),
            net.layer(2).gset.labels()[r.point],
            v13
        );
    }
    let _ = writeln!(
        t,
        "\nfirst depths (every certificate re-checked):\n{}",
        table(&d, &net, &res)
    );
    let first = src.first_depth(l3).map_or(0, |x| x.0);
    Ok(ExampleOutput {
        text: t,
        values: vec![
            ("first depth L1 -> L3".into(), int(first)),
            ("L3 component at depth 2".into(), v13),
            ("depth-1 targets of L1".into(), int(src.alive[1].len())),
        ],
    })
}

fn names(d: &GroupData, src: &super::SourceResult, l: usize) -> String {
    let v: Vec<&str> = src.status[l]
        .iter()
        .filter(|x| matches!(x.1, Status::Reached(_)))
        .map(|x| lab(d, x.0))
        .collect();
    format!("{{{}}}", v.join(", "))
}

/// `S_n` point clouds: `natural ; natural * natural ; natural` (2-IGN layers), and the
/// DeepSets count `dim Hom_{S_n}(R^n, R^n) = 2`.
pub(crate) fn sn_point_cloud(limits: &Limits) -> Result<ExampleOutput> {
    let mut t = String::from(
        "Claim: DeepSets layers R^n -> R^n have dim Hom = 2 for every n >= 2; a point-cloud\n\
         network natural -> natural * natural -> natural of S4 (ReLU, generic bias) carries\n\
         the standard representation through the pair layer and back.\n\n",
    );
    let mut values = Vec::new();
    for n in 2..=6 {
        let (_, net) = build(&format!("S{n}"), &["natural", "natural"], limits)?;
        let _ = writeln!(t, "dim Hom_S{n}(R^{n}, R^{n}) = {}", net.cross(1).len());
        values.push((format!("hom S{n} natural natural"), int(net.cross(1).len())));
    }
    let (d, net) = build("S4", &["natural", "natural * natural", "natural"], limits)?;
    let res = run(&net, &NetworkOptions::new(Activation::Relu, Bias::Generic))?;
    let _ = writeln!(
        t,
        "\nS4: dim Hom(natural, natural * natural) = {}, dim Hom(natural * natural, natural) = {}",
        net.cross(1).len(),
        net.cross(2).len()
    );
    for src in &res.sources {
        let _ = writeln!(
            t,
            "from {}: depth 1 {}, depth 2 {}",
            lab(&d, src.sources[0]),
            names(&d, src, 1),
            names(&d, src, 2)
        );
    }
    let _ = writeln!(t, "\nfirst depths:\n{}", table(&d, &net, &res));
    values.push((
        "hom S4 natural natural*natural".into(),
        int(net.cross(1).len()),
    ));
    values.push(("unresolved".into(), int(res.unresolved())));
    Ok(ExampleOutput { text: t, values })
}

/// The periodic image CNN on `C4 x C4` (regular module, ReLU, no bias) until the alive
/// sets repeat: which frequencies appear at which depth, and which never.
pub(crate) fn cnn_c4xc4(limits: &Limits) -> Result<ExampleOutput> {
    let (d, mut net) = build("C4xC4", &["regular"; 7], limits)?;
    let opts = NetworkOptions::new(Activation::Relu, Bias::None);
    let srcs: Vec<Vec<usize>> = net.simples_of(0).into_iter().map(|l| vec![l]).collect();
    let depth = super::stable_depth(&net, &opts, &srcs)?.unwrap_or(net.depth());
    net.layer_module.truncate(depth + 1);
    net.layer_cross.truncate(depth);
    let res = run(&net, &opts)?;
    let never: usize = res
        .sources
        .iter()
        .map(|s| {
            let mut t: Vec<usize> = net.simples_of(1);
            t.retain(|&m| s.first_depth(m).is_none());
            t.len()
        })
        .sum();
    let deepest = res
        .sources
        .iter()
        .flat_map(|s| {
            net.simples_of(1)
                .into_iter()
                .filter_map(|m| s.first_depth(m).map(|x| x.0))
        })
        .max()
        .unwrap_or(0);
    let cycles = res
        .sources
        .iter()
        .filter(|s| find_cycle(&s.alive).is_some())
        .count();
    let mut t = String::from(
        "Claim: a periodic convolutional network on the 4 x 4 torus (the regular module of\n\
         C4 x C4, any equivariant linear maps, ReLU) moves information only to frequencies\n\
         whose kernels contain the source's (theory.md §10, N3), reaches everything it can within\n\
         a few layers, and the alive sets repeat, so the rest is never reached (N4).\n\n",
    );
    let _ = writeln!(
        t,
        "alive sets repeat by depth {depth} for all {} sources ({cycles} with a cycle)",
        res.sources.len()
    );
    let _ = writeln!(
        t,
        "first depths (never* = at no depth at all):\n{}",
        table(&d, &net, &res)
    );
    Ok(ExampleOutput {
        text: t,
        values: vec![
            ("stable depth".into(), int(depth)),
            ("deepest first depth".into(), int(deepest)),
            ("never pairs".into(), int(never)),
        ],
    })
}

/// A bottleneck: `R^{subsets:2} -> R^{natural}` of S4 kills `L2`, whatever the weights.
pub(crate) fn bottleneck(limits: &Limits) -> Result<ExampleOutput> {
    let (d, net) = build("S4", &["subsets:2", "natural"], limits)?;
    let res = run(&net, &NetworkOptions::new(Activation::Relu, Bias::Generic))?;
    let l2 = d.simples.find("L2").expect("L2");
    let src = res
        .sources
        .iter()
        .find(|s| s.sources == [l2])
        .expect("L2 source");
    let reached = src.status[1]
        .iter()
        .filter(|x| matches!(x.1, Status::Reached(_)))
        .count();
    let mut t = String::from(
        "Claim: R^{subsets:2} = L0 + L2 + L4 and R^{natural} = L0 + L4 for S4; every\n\
         equivariant A maps V_L2 into V_L2(natural) = 0 (Schur), so a layer\n\
         subsets:2 -> natural kills the information of L2 for all weights and biases.\n\n",
    );
    let _ = writeln!(
        t,
        "dim Hom(R^subsets:2, R^natural) = {}",
        net.cross(1).len()
    );
    let _ = writeln!(t, "from L2 (generic bias): depth 1 {}", names(&d, src, 1));
    if let Some((_, Status::Excluded(o))) = src.status[1].first() {
        let _ = writeln!(t, "proof: {}", o.describe(net.layer(1)));
    }
    let _ = writeln!(t, "\nfirst depths:\n{}", table(&d, &net, &res));
    Ok(ExampleOutput {
        text: t,
        values: vec![
            ("targets reached from L2".into(), int(reached)),
            ("hom subsets:2 natural".into(), int(net.cross(1).len())),
        ],
    })
}
