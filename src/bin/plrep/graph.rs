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

/// `plrep graph`.
pub(crate) fn graph(
    a: &LayerArgs<'_>,
    check: bool,
    format: Format,
    limits: &Limits,
) -> Result<String> {
    format.require("graph", &Format::DRAWINGS)?;
    let action = ActionSpec::parse(a.action)?;
    let group = load_group(a.group, limits)?;
    if group.order() > limits.max_order.into() && CommutantModule::applies(&action) {
        return commutant_graph(a, &group, &action, check, format, limits);
    }
    let options = crate::activation::solver_options(a.activation, a.bias, a.seeds)?;
    let module = PlModule::new(&group, &action, limits)?;
    plrep::pl::projector::check_solution_memory(&module, limits)?;
    let solution = solve(&module, &options)?;
    let g = if check {
        InteractionGraph::from_certified(&module, &plrep::pl::check(&module, solution)?)
    } else {
        InteractionGraph::build(&module, &solution)
    };
    Ok(match format {
        Format::Json => crate::common::to_json(&g.to_json())?,
        Format::Dot => g.to_dot(),
        Format::Svg => g.to_svg(),
        Format::Tikz => g.to_tikz(),
        _ => g.to_text(),
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
) -> Result<String> {
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
        Format::Json => crate::common::to_json(&g.to_json())?,
        _ => g.to_text(),
    })
}
