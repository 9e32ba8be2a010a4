//! The arguments the solver commands (`graph`, `solve`, `compare`) share, and the module
//! they build from them.

use crate::common::load_group;
use plrep::group::gset::ActionSpec;
use plrep::group::Limits;
use plrep::pl::{PlModule, SolverOptions};
use plrep::Result;

/// What `graph`, `solve` and `compare` share.
pub(crate) struct LayerArgs<'a> {
    pub group: &'a str,
    pub action: &'a str,
    pub activation: &'a plrep::pl::Activation,
    pub bias: Option<&'a plrep::arith::Q>,
    pub seeds: u64,
}

pub(crate) fn setup(a: &LayerArgs<'_>, limits: &Limits) -> Result<(PlModule, SolverOptions)> {
    let options = crate::activation::solver_options(a.activation, a.bias, a.seeds)?;
    let action = ActionSpec::parse(a.action)?;
    let group = load_group(a.group, limits)?;
    let module = PlModule::new(&group, &action, limits)?;
    Ok((module, options))
}
