//! `plrep graph`: the interaction graph (a thin wrapper over `plrep::pl` and
//! `plrep::graph`; the output is produced after all computations succeeded).

use crate::common::load_group;
use crate::layer::LayerArgs;
use crate::Format;
use plrep::graph::{CommutantGraph, InteractionGraph};
use plrep::group::gset::ActionSpec;
use plrep::group::Limits;
use plrep::pl::certify::check_commutant;
use plrep::pl::commutant::{solve_commutant, CommutantModule};
use plrep::pl::{solve, PlModule};
use plrep::{Error, Result};
use serde_json::Value;
use std::path::Path;

/// A computed graph, before it is written.
enum Built {
    /// The module's interaction graph.
    Graph(Box<InteractionGraph>),
    /// A group beyond `--max-order`, through its commutant: the JSON document.
    CommutantJson(Value),
    /// A group beyond `--max-order`, through its commutant: the text.
    CommutantText(String),
    /// The regular module of a large cyclic group, by the cyclic route without the
    /// module (`plrep::pl::cyclic_graph`): the text.
    CyclicText(String),
}

/// `plrep graph`.
pub(crate) fn graph(
    a: &LayerArgs<'_>,
    check: bool,
    format: Format,
    limits: &Limits,
) -> Result<String> {
    Ok(match build(a, check, format, limits)? {
        Built::Graph(g) => match format {
            Format::Json => crate::common::to_json(&g.json_doc())?,
            Format::Dot => g.to_dot(),
            Format::Svg => g.to_svg(),
            Format::Tikz => g.to_tikz(),
            _ => g.to_text(),
        },
        Built::CommutantJson(v) => crate::common::to_json(&v)?,
        Built::CommutantText(t) | Built::CyclicText(t) => t,
    })
}

/// `plrep graph --format json`, written to `output` (or standard output) as it is
/// serialised: the bytes of [`graph`], without the document or its text held
/// (`C256`'s is 250 MB; issue 13.4).
pub(crate) fn graph_json_streamed(
    a: &LayerArgs<'_>,
    check: bool,
    output: Option<&Path>,
    limits: &Limits,
) -> Result<()> {
    match build(a, check, Format::Json, limits)? {
        Built::Graph(g) => crate::common::write_json(&g.json_doc(), output),
        Built::CommutantJson(v) => crate::common::write_json(&v, output),
        Built::CommutantText(_) | Built::CyclicText(_) => unreachable!("JSON was asked for"),
    }
}

/// Solve (and with `check`, certify) the module of `a`.
fn build(a: &LayerArgs<'_>, check: bool, format: Format, limits: &Limits) -> Result<Built> {
    format.require("graph", &Format::DRAWINGS)?;
    let action = ActionSpec::parse(a.action)?;
    let group = load_group(a.group, limits)?;
    if group.order() > limits.max_order.into() && CommutantModule::applies(&action) {
        return commutant_graph(a, &group, &action, check, format, limits);
    }
    let options = crate::activation::solver_options(a.activation, a.bias, a.seeds)?;
    if format == Format::Text && !check {
        if let Some(text) = cyclic_text(&group, &action, &options, limits)? {
            return Ok(Built::CyclicText(text));
        }
    }
    let module = PlModule::new(&group, &action, limits)?;
    plrep::pl::check_solve_memory(&module, &options, limits)?;
    let solution = solve(&module, &options)?;
    Ok(Built::Graph(Box::new(if check {
        InteractionGraph::from_certified(&module, &plrep::pl::check(&module, solution)?)
    } else {
        InteractionGraph::build(&module, &solution)
    })))
}

/// The text of `plrep graph` on the regular module of a cyclic group of order at least
/// `ROUTE_MIN_ORDER` (the orders where `solve` takes the cyclic route), from the route's
/// verdicts alone, without the module's character table or action table
/// (theory.md §20): the same bytes as the module's graph. `None` when that does not
/// apply or some pair needs the exact path; then the caller builds the module.
///
/// Errors: `--max-memory-mb` for the route's tables, checked before they are built.
fn cyclic_text(
    group: &plrep::group::PermGroup,
    action: &ActionSpec,
    options: &plrep::pl::SolverOptions,
    limits: &Limits,
) -> Result<Option<String>> {
    use plrep::pl::cyclic_graph::{cyclic_verdict_bytes, cyclic_verdicts, is_cyclic};
    use std::fmt::Write;
    let Some(n) = group.order_u64() else {
        return Ok(None);
    };
    // Above --max-points or --max-classes the module path gives its own error.
    if *action != ActionSpec::Regular
        || (n as usize) < plrep::pl::abelian::ROUTE_MIN_ORDER
        || n > limits.max_points
        || n as usize > limits.max_classes
        || options.bias.is_some()
    {
        return Ok(None);
    }
    if !is_cyclic(group) {
        return abelian_text(group, action, options, limits);
    }
    limits.check_memory(cyclic_verdict_bytes(n), || {
        format!("the cyclic route's residue tables and edges for the regular module of order {n}")
    })?;
    let Some(v) = cyclic_verdicts(n, options) else {
        return Ok(None);
    };
    let name = group_name(group);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "interaction graph of {name} (order {n}) on {action} ({n} points), activation {}, no bias",
        options.activation.name()
    );
    for k in 0..v.simples() as u64 {
        let (dim, real, ker) = v.simple(k);
        let kind = if real { "real" } else { "complex" };
        let _ = writeln!(s, "  L{k}: dim {dim}, multiplicity 1, {kind}, |ker| {ker}");
    }
    for (k, t) in v.targets.iter().enumerate() {
        let _ = write!(s, "L{k} -> ");
        for (i, j) in t.iter().enumerate() {
            let _ = write!(s, "{}L{j}", if i == 0 { "" } else { " " });
        }
        s.push('\n');
    }
    let (pairs, edges) = (v.simples() * v.simples(), v.edges());
    let _ = writeln!(
        s,
        "edges {edges}, non-edges {}, unresolved 0",
        pairs - edges
    );
    Ok(Some(s))
}

/// The text of `plrep graph` on the regular module of a non-cyclic abelian group of
/// order at least `ROUTE_MIN_ORDER` (theory.md §20): the character table and real
/// simples (for the labels), no action table, orbitals or solver tables. `None` when that
/// does not apply or some pair needs the exact path.
///
/// Errors: `--max-memory-mb` for the table, checked before it is built; those of the
/// table's verification.
fn abelian_text(
    group: &plrep::group::PermGroup,
    action: &ActionSpec,
    options: &plrep::pl::SolverOptions,
    limits: &Limits,
) -> Result<Option<String>> {
    use plrep::pl::cyclic_graph::{abelian_table_bytes, abelian_verdicts, is_abelian};
    use plrep::pl::GroupData;
    use std::fmt::Write;
    if !is_abelian(group) {
        return Ok(None);
    }
    let (elements, classes) = GroupData::classes(group, limits)?;
    let n = elements.len() as u64;
    limits.check_memory(abelian_table_bytes(n), || {
        format!("the character table of an abelian group of order {n}")
    })?;
    let data = GroupData::from_classes(group, elements, classes)?;
    let Some(targets) = abelian_verdicts(&data, options) else {
        return Ok(None);
    };
    let mut s = String::new();
    let _ = writeln!(
        s,
        "interaction graph of {} (order {n}) on {action} ({n} points), activation {}, no bias",
        group_name(group),
        options.activation.name()
    );
    let simples = &data.simples.simples;
    for l in simples {
        let ker: u64 = l.kernel.iter().map(|&c| data.classes.sizes[c]).sum();
        let _ = writeln!(
            s,
            "  {}: dim {}, multiplicity {}, {}, |ker| {ker}",
            l.label,
            l.dim,
            l.regular_multiplicity(),
            l.kind.name()
        );
    }
    let mut edges = 0;
    for (l, t) in simples.iter().zip(&targets) {
        let names: Vec<&str> = t
            .iter()
            .map(|&b| simples[b as usize].label.as_str())
            .collect();
        let _ = writeln!(s, "{} -> {}", l.label, names.join(" "));
        edges += t.len();
    }
    let pairs = simples.len() * simples.len();
    let _ = writeln!(
        s,
        "edges {edges}, non-edges {}, unresolved 0",
        pairs - edges
    );
    Ok(Some(s))
}

/// The name `plrep graph` prints for `group`: its own, or its generators.
fn group_name(group: &plrep::group::PermGroup) -> String {
    group.name().map(str::to_string).unwrap_or_else(|| {
        group
            .generators()
            .iter()
            .map(|g| g.to_string())
            .collect::<Vec<_>>()
            .join(",")
    })
}

/// `plrep graph` on a group beyond `--max-order`: the module through its commutant
/// (theory.md §13), text or JSON.
fn commutant_graph(
    a: &LayerArgs<'_>,
    group: &plrep::group::PermGroup,
    action: &ActionSpec,
    check: bool,
    format: Format,
    limits: &Limits,
) -> Result<Built> {
    if !matches!(format, Format::Text | Format::Json) {
        return Err(Error::bad(
            format!("the group's order {} is above --max-order, and the commutant route writes text or JSON only", group.order()),
            "use --format text or --format json, or raise --max-order",
        ));
    }
    let options = crate::activation::solver_options(a.activation, a.bias, a.seeds)?;
    let module = CommutantModule::new(group, action, limits)?;
    let solution = solve_commutant(&module, &options)?;
    let certified;
    let g = if check {
        certified = check_commutant(&module, &solution)?;
        CommutantGraph::from_certified(&module, &certified)?
    } else {
        CommutantGraph::build(&module, &solution)?
    };
    Ok(match format {
        Format::Json => Built::CommutantJson(g.to_json()),
        _ => Built::CommutantText(g.to_text()),
    })
}
