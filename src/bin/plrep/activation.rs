//! The activation options of the solving commands. Values are parsed by clap through
//! the library's one parser ([`Activation`]'s `FromStr`, [`parse_bias`]), so a bad
//! `--activation` or `--bias` is a usage error (exit 2) before any work.

use plrep::arith::Q;
use plrep::pl::{parse_bias, Activation, SolverOptions};
use plrep::{Error, Result};

/// The activation options of every solving command (graph, solve, compare, enumerate,
/// survey).
#[derive(Debug, clap::Args)]
pub(crate) struct ActivationOpts {
    /// relu, abs, identity, leaky:<p>, hardtanh, square.
    #[arg(long, default_value = "relu", allow_hyphen_values = true)]
    pub activation: Activation,
    /// Add the invariant vector q*(1,...,1) before the activation (rational q: 1, -1/2,
    /// 0.25).
    #[arg(long, value_name = "q", allow_hyphen_values = true, value_parser = parse_bias)]
    pub bias: Option<Q>,
    /// Random vectors the witness search tries per source simple.
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub seeds: u64,
}

impl ActivationOpts {
    /// The solver options these flags ask for.
    pub fn solver_options(&self) -> Result<SolverOptions> {
        solver_options(&self.activation, self.bias.as_ref(), self.seeds)
    }
}

/// The solver options of an activation, bias and `--seeds` (bad input: exit 2).
pub(crate) fn solver_options(
    activation: &Activation,
    bias: Option<&Q>,
    seeds: u64,
) -> Result<SolverOptions> {
    if seeds == 0 {
        return Err(Error::bad(
            "--seeds 0 allows no witness search",
            "use --seeds 1 or more (default 8)",
        ));
    }
    let mut options = SolverOptions::new(activation.clone()).with_bias(bias.cloned());
    options.seeds = seeds;
    Ok(options)
}
