//! `plrep network` and the joint-source forms of `graph` and `solve` (`--from L1,L2`,
//! per-orbit and generic biases): thin wrappers over `plrep::network`.

use crate::common::load_group;
use crate::Format;
use plrep::group::gset::ActionSpec;
use plrep::group::Limits;
use plrep::network::{
    analyze, analyze_layer, certify_network, exact_values, stable_depth, Network, NetworkOptions,
    NetworkResult, Status,
};
use plrep::pl::{Activation, Bias, GroupData, PlModule};
use plrep::record::network::{NetworkRecord, JOINT_SCHEMA};
use plrep::report::network as rep;
use plrep::{Error, LimitKind, Result};
use std::fmt::Write as _;

/// The arguments of `plrep network`.
#[derive(Debug, clap::Args)]
pub(crate) struct NetworkArgs {
    /// The group (catalog name, generators, or JSON file).
    pub group: String,
    /// The layers X0; X1; ...; Xk (each a module spec), e.g. "natural; subsets:2; natural".
    #[arg(long, conflicts_with = "action")]
    pub layers: Option<String>,
    /// One module for every layer (with --depth).
    #[arg(long)]
    pub action: Option<String>,
    /// The number of layers after the input (with --action; the largest depth tried with
    /// --until-stable).
    #[arg(long, value_name = "K")]
    pub depth: Option<usize>,
    /// Stop at the depth where the alive sets of every source repeat (equal layers): the
    /// simples never reached are then never reached at any depth.
    #[arg(long)]
    pub until_stable: bool,
    /// Source simples of layer 0 (a comma list is one joint source); default: each simple.
    #[arg(long)]
    pub from: Option<String>,
    #[command(flatten)]
    pub solver: crate::activation::ActivationOpts,
    /// Re-check every certificate independently (cyclotomic simulation; exit 4 on failure).
    #[arg(long)]
    pub certify: bool,
}

/// Largest depth `--until-stable` tries without `--depth`.
const STABLE_DEPTH: usize = 16;
/// Largest depth accepted.
const MAX_DEPTH: usize = 64;

pub(crate) fn options(
    activation: &Activation,
    bias: Option<&Bias>,
    seeds: u64,
) -> Result<NetworkOptions> {
    let activation = activation.clone();
    let bias = bias.cloned().unwrap_or(Bias::None);
    if seeds == 0 {
        return Err(Error::bad(
            "--seeds 0 allows no witness search",
            "use --seeds 1 or more (default 8)",
        ));
    }
    let mut o = NetworkOptions::new(activation, bias);
    o.seeds = seeds;
    Ok(o)
}

fn specs(a: &NetworkArgs) -> Result<Vec<ActionSpec>> {
    if let Some(layers) = &a.layers {
        if a.until_stable {
            return Err(Error::bad(
                "--until-stable needs equal layers",
                "use --action X (with --depth K as the largest depth to try)",
            ));
        }
        if a.depth.is_some() {
            return Err(Error::bad(
                "--depth is given by the number of --layers",
                "drop --depth, or use --action X --depth K",
            ));
        }
        return layers
            .split(';')
            .enumerate()
            .map(|(i, s)| {
                if s.trim().is_empty() {
                    return Err(Error::bad(
                        format!("layer {i} of --layers is empty"),
                        "separate module specs by ';', e.g. --layers \"natural; natural\"",
                    ));
                }
                ActionSpec::parse(s.trim())
            })
            .collect();
    }
    let action = ActionSpec::parse(a.action.as_deref().unwrap_or("regular"))?;
    let depth = a
        .depth
        .unwrap_or(if a.until_stable { STABLE_DEPTH } else { 2 });
    if depth == 0 {
        return Err(Error::bad(
            "--depth 0 has no layer",
            "use --depth 1 or more",
        ));
    }
    if depth > MAX_DEPTH {
        return Err(Error::limit(
            format!("depth {depth}"),
            MAX_DEPTH,
            LimitKind::Depth,
        ));
    }
    Ok(vec![action; depth + 1])
}

/// Resolve `--from`: one joint source set (labels of simples present in `module`), or
/// every simple present, one by one.
pub(crate) fn sources(
    module: &PlModule,
    from: Option<&str>,
    what: &str,
) -> Result<Vec<Vec<usize>>> {
    let present: Vec<usize> = module.present.iter().map(|p| p.0).collect();
    let names: Vec<&str> = present
        .iter()
        .map(|&l| module.simples.simples[l].label.as_str())
        .collect();
    let Some(from) = from else {
        return Ok(present.iter().map(|&l| vec![l]).collect());
    };
    let mut set = Vec::new();
    for label in from.split(',') {
        let label = label.trim();
        match module.simples.find(label) {
            Some(l) if present.contains(&l) => {
                if !set.contains(&l) {
                    set.push(l)
                }
            }
            Some(_) => {
                return Err(Error::bad(
                    format!("{label} does not occur in {what}"),
                    format!("--from takes labels among {}", names.join(", ")),
                ))
            }
            None => {
                return Err(Error::bad(
                    format!("unknown simple '{label}'"),
                    format!("--from takes labels among {}", names.join(", ")),
                ))
            }
        }
    }
    set.sort_unstable();
    Ok(vec![set])
}

/// `plrep network`; returns the output and whether something is unresolved (exit 1).
pub(crate) fn network(a: &NetworkArgs, format: Format, limits: &Limits) -> Result<(String, bool)> {
    format.require(
        "network",
        &[
            Format::Text,
            Format::Json,
            Format::Markdown,
            Format::Latex,
            Format::Svg,
            Format::Tikz,
        ],
    )?;
    let opts = options(&a.solver.activation, a.solver.bias.as_ref(), a.solver.seeds)?;
    let specs = specs(a)?;
    let group = load_group(&a.group, limits)?;
    if group.order() > limits.max_order.into()
        && specs
            .iter()
            .all(plrep::pl::commutant::CommutantModule::applies)
    {
        return commutant_network(a, &group, &specs, &opts, format, limits);
    }
    // Sizes before the character table.
    for s in &specs {
        plrep::pl::check_module_size(&group, s, limits)?;
    }
    let data = GroupData::new(&group, limits)?;
    let mut net = Network::new(&data, &specs, limits)?;
    let src = sources(net.layer(0), a.from.as_deref(), "layer 0")?;
    for l in 1..=net.depth() {
        let orbits = net.layer(l).gset.orbits().len();
        opts.bias.per_point(&net.layer(l).gset.orbits()).map_err(|_| {
            Error::bad(
                format!("--bias lists one value per orbit, but layer {l} ({}) has {orbits} orbit{}", net.layer(l).gset.action(), if orbits == 1 { "" } else { "s" }),
                "a per-orbit bias needs layers 1..k with the same number of orbits; use --bias q or --bias generic otherwise",
            )
        })?;
    }
    if a.until_stable {
        match stable_depth(&net, &opts, &src)? {
            Some(d) => {
                net.layer_module.truncate(d + 1);
                net.layer_cross.truncate(d);
            }
            None => {
                return Err(Error::limit(
                    "alive sets that do not repeat",
                    format!("depth {}", net.depth()),
                    LimitKind::Depth,
                ))
            }
        }
    }
    let res = analyze(&net, &opts, &src)?;
    if a.certify {
        certify_network(&net, &res)?;
    }
    let unresolved = res.unresolved() > 0;
    let out = match format {
        Format::Json => {
            let values = res
                .sources
                .iter()
                .map(|s| exact_values(&net, &opts, s))
                .collect::<Result<Vec<_>>>()?;
            crate::common::to_json(&rep::network_record(&net, &res, &values, a.certify))?
        }
        Format::Markdown => rep::depth_table_markdown(&net, &res),
        Format::Latex => rep::depth_table_latex(&net, &res),
        Format::Svg => rep::flow_svg(&net, &res),
        Format::Tikz => rep::flow_tikz(&net, &res),
        _ => rep::network_text(&net, &res, a.certify),
    };
    Ok((out, unresolved))
}

/// Whether `graph`/`solve` need the joint engine: several sources, or a bias that is
/// neither none nor one uniform value.
pub(crate) fn needs_joint(from: Option<&str>, bias: Option<&Bias>) -> Result<bool> {
    let bias = bias.cloned().unwrap_or(Bias::None);
    Ok(from.is_some_and(|f| f.contains(',')) || bias.as_uniform().is_none())
}

fn joint(
    group: &str,
    action: &str,
    activation: &Activation,
    bias: Option<&Bias>,
    seeds: u64,
    from: Option<&str>,
    limits: &Limits,
) -> Result<(Network, NetworkResult, NetworkOptions)> {
    let opts = options(activation, bias, seeds)?;
    let spec = ActionSpec::parse(action)?;
    let group = load_group(group, limits)?;
    plrep::pl::check_module_size(&group, &spec, limits)?;
    let data = GroupData::new(&group, limits)?;
    let net = Network::new(&data, &[spec.clone(), spec], limits)?;
    opts.bias.per_point(&net.layer(1).gset.orbits())?;
    let src = sources(net.layer(0), from, "R^X for this action")?;
    let res = analyze_layer(&net, &opts, &src)?;
    Ok((net, res, opts))
}

/// `plrep graph` with joint sources or a per-orbit/generic bias: the targets of every
/// source set, each with its witness or obstruction.
#[allow(clippy::too_many_arguments)]
pub(crate) fn joint_graph(
    group: &str,
    action: &str,
    activation: &Activation,
    bias: Option<&Bias>,
    seeds: u64,
    from: Option<&str>,
    check: bool,
    format: Format,
    limits: &Limits,
) -> Result<String> {
    format.require(
        "graph with --from L1,L2 or a per-orbit/generic bias",
        &[Format::Text, Format::Json],
    )?;
    let (net, res, opts) = joint(group, action, activation, bias, seeds, from, limits)?;
    if check {
        certify_network(&net, &res)?;
    }
    let m = net.layer(0);
    if format == Format::Json {
        let values = res
            .sources
            .iter()
            .map(|s| exact_values(&net, &opts, s))
            .collect::<Result<Vec<_>>>()?;
        let doc = NetworkRecord {
            schema: JOINT_SCHEMA.to_string(),
            ..rep::network_record(&net, &res, &values, check)
        };
        return crate::common::to_json(&doc);
    }
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}: sigma(w + b) for w in the sum of the isotypic parts of the sources",
        layer_header(m, &opts)
    );
    for src in &res.sources {
        let name: Vec<&str> = src
            .sources
            .iter()
            .map(|&l| m.simples.simples[l].label.as_str())
            .collect();
        let _ = writeln!(s, "from {}:", name.join("+"));
        for (t, st) in &src.status[1] {
            let tl = &m.simples.simples[*t].label;
            let line = match st {
                Status::Reached(r) => format!(
                    "  -> {tl}: edge (witness seed {}, point {})",
                    src.networks[r.network].seed,
                    m.gset.labels()[r.point]
                ),
                Status::Excluded(o) => format!("  -> {tl}: no edge: {}", o.describe(m)),
                Status::Unresolved => format!(
                    "  -> {tl}: UNRESOLVED (no obstruction applies and no witness was found)"
                ),
            };
            let _ = writeln!(s, "{line}");
        }
    }
    if check {
        let _ = writeln!(s, "certificates re-checked independently: ok");
    }
    Ok(s)
}

/// `plrep solve` with joint sources or a per-orbit/generic bias: one target in full.
#[allow(clippy::too_many_arguments)]
pub(crate) fn joint_solve(
    group: &str,
    action: &str,
    activation: &Activation,
    bias: Option<&Bias>,
    seeds: u64,
    from: &str,
    to: &str,
    check: bool,
    format: Format,
    limits: &Limits,
) -> Result<String> {
    format.require("solve", &[Format::Text, Format::Json])?;
    let (net, res, opts) = joint(group, action, activation, bias, seeds, Some(from), limits)?;
    let m = net.layer(0);
    let t = match m.simples.find(to.trim()) {
        Some(t) if m.multiplicity(t) > 0 => t,
        _ => {
            let names: Vec<&str> = m
                .present
                .iter()
                .map(|p| m.simples.simples[p.0].label.as_str())
                .collect();
            return Err(Error::bad(
                format!("'{to}' is not a simple of R^X for this action"),
                format!("--to takes one of {}", names.join(", ")),
            ));
        }
    };
    if check {
        certify_network(&net, &res)?;
    }
    let src = &res.sources[0];
    let st = src.status_at(1, t).expect("target present");
    let from_label: Vec<&str> = src
        .sources
        .iter()
        .map(|&l| m.simples.simples[l].label.as_str())
        .collect();
    let labels = m.gset.labels();
    let value = match st {
        Status::Reached(_) => exact_values(&net, &opts, src)?
            .into_iter()
            .find(|x| x.0 == (1, t))
            .and_then(|x| x.1),
        _ => None,
    };
    if format == Format::Json {
        let doc = plrep::report::network_record::joint_pair_record(
            m,
            &opts,
            src,
            t,
            value.as_ref(),
            check,
        );
        return crate::common::to_json(&doc);
    }
    let mut s = String::new();
    let _ = writeln!(s, "{}", layer_header(m, &opts));
    let _ = writeln!(
        s,
        "{} -> {}",
        from_label.join("+"),
        m.simples.simples[t].label
    );
    match st {
        Status::Reached(r) => {
            let wn = &src.networks[r.network];
            let _ = writeln!(
                s,
                "EDGE: P_M(sigma(w + b) - sigma(b)) is not zero for w = t sum_L P_L r"
            );
            let _ = writeln!(
                s,
                "  r (seed {}) = [{}], t = {}",
                wn.seed,
                wn.r.iter()
                    .map(|x| x.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
                wn.scale
            );
            let b: Vec<String> = wn.layers[0]
                .bias
                .iter()
                .map(|(x, q)| format!("{} on the orbit of {}", q, labels[*x]))
                .collect();
            if !b.is_empty() {
                let _ = writeln!(s, "  bias: {}", b.join(", "));
            }
            if let Some(v) = value {
                let _ = writeln!(s, "  at the point {}: {v}", labels[r.point]);
            }
        }
        Status::Excluded(o) => {
            let _ = writeln!(s, "NO EDGE: {}", o.describe(m));
        }
        Status::Unresolved => {
            let _ = writeln!(
                s,
                "UNRESOLVED: no obstruction applies and no witness was found"
            );
        }
    }
    if check {
        let _ = writeln!(s, "certificate re-checked independently: ok");
    }
    Ok(s)
}

/// The first line of the joint-source reports: group, module, activation and bias.
fn layer_header(m: &PlModule, opts: &NetworkOptions) -> String {
    format!(
        "{} (order {}) on {} ({} points), activation {}, {}",
        m.group.name().unwrap_or("group"),
        m.order(),
        m.gset.action(),
        m.points(),
        opts.activation,
        opts.bias
    )
}

/// `plrep network` on a group beyond `--max-order` whose layers are point actions: the
/// layers through their commutants (theory.md §16); text, Markdown or JSON.
fn commutant_network(
    a: &NetworkArgs,
    group: &plrep::group::PermGroup,
    specs: &[ActionSpec],
    opts: &NetworkOptions,
    format: Format,
    limits: &Limits,
) -> Result<(String, bool)> {
    use plrep::network::commutant::{
        analyze_commutant, certify_commutant_network, CommutantNetwork,
    };
    use plrep::report::commutant_network as crep;
    if !matches!(format, Format::Text | Format::Json | Format::Markdown) {
        return Err(Error::bad(
            format!("the group's order {} is above --max-order, and the commutant route writes text, Markdown or JSON only", group.order()),
            "use --format text, markdown or json, or raise --max-order",
        ));
    }
    if a.until_stable {
        return Err(Error::bad(
            "--until-stable is not available on the commutant route",
            "give --depth K, or raise --max-order",
        ));
    }
    let net = CommutantNetwork::new(group, specs, limits)?;
    for l in 1..=net.depth() {
        let orbits = net.layer(l).gset.orbits();
        opts.bias.per_point(&orbits).map_err(|_| {
            Error::bad(
                format!("--bias lists one value per orbit, but layer {l} ({}) has {} orbit{}", net.layer(l).gset.action(), orbits.len(), if orbits.len() == 1 { "" } else { "s" }),
                "a per-orbit bias needs layers 1..k with the same number of orbits; use --bias q or --bias generic otherwise",
            )
        })?;
    }
    let present = net.simples_of(0);
    let src: Vec<Vec<usize>> = match a.from.as_deref() {
        None => present.iter().map(|&t| vec![t]).collect(),
        Some(from) => {
            let names: Vec<&str> = present
                .iter()
                .map(|&t| net.types[t].label.as_str())
                .collect();
            let mut set = Vec::new();
            for label in split_labels(from) {
                match net.find(label) {
                    Some(t) if present.contains(&t) => {
                        if !set.contains(&t) {
                            set.push(t)
                        }
                    }
                    _ => {
                        return Err(Error::bad(
                            format!("{label} is not a simple of layer 0"),
                            format!("--from takes labels among {}", names.join(", ")),
                        ))
                    }
                }
            }
            set.sort_unstable();
            vec![set]
        }
    };
    let res = analyze_commutant(&net, opts, &src)?;
    if a.certify {
        certify_commutant_network(&net, &res)?;
    }
    let unresolved = res.unresolved() > 0;
    let out = match format {
        Format::Json => {
            crate::common::to_json(&crep::commutant_network_record(&net, &res, a.certify))?
        }
        Format::Markdown => crep::commutant_depth_table_markdown(&net, &res),
        _ => crep::commutant_network_text(&net, &res, a.certify),
    };
    Ok((out, unresolved))
}

/// Split a `--from` list at the commas outside brackets (partition labels such as
/// `[7,1]` contain commas).
fn split_labels(from: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, c) in from.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            ',' if depth == 0 => {
                out.push(from[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(from[start..].trim());
    out
}
