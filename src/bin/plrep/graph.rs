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
    if format == Format::Text {
        if let Some(text) =
            plrep::report::dihedral_route::dihedral_text(&group, &action, &options, check, limits)?
        {
            return Ok(Built::CyclicText(text));
        }
        if let Some(text) =
            plrep::report::regular_route::regular_text(&group, &action, &options, check, limits)?
        {
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
