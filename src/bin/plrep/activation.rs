//! The activation options of the solving commands. Values are parsed by clap through
//! the library's one parser ([`Activation`]'s `FromStr`, [`Bias::parse`]), so a bad
//! `--activation` or `--bias` is a usage error (exit 2) before any work.

use plrep::pl::{Activation, Bias, SolverOptions};
use plrep::{Error, Result};

/// The activation options of every solving command (graph, solve, network, compare,
/// enumerate, survey).
#[derive(Debug, clap::Args)]
pub(crate) struct ActivationOpts {
    /// relu, abs, identity, leaky:<p>, hardtanh, square.
    #[arg(long, default_value = "relu", allow_hyphen_values = true)]
    pub activation: Activation,
    /// Add an invariant bias before the activation: q*(1,...,1) (rational q: 1, -1/2,
    /// 0.25); for graph, solve and network also q1,q2,... (one per orbit) or 'generic'
    /// (some invariant bias).
    #[arg(long, value_name = "q", allow_hyphen_values = true, value_parser = Bias::parse)]
    pub bias: Option<Bias>,
    /// Random vectors the witness search tries per source simple.
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub seeds: u64,
}

impl ActivationOpts {
    /// The solver options these flags ask for (a uniform bias or none: the commands that
    /// take one solver for many modules, where per-orbit lists have no fixed length).
    pub fn solver_options(&self) -> Result<SolverOptions> {
        solver_options(&self.activation, self.uniform_bias()?.as_ref(), self.seeds)
    }

    /// The bias as one rational value (or none); per-orbit and generic biases are bad
    /// input here.
    pub fn uniform_bias(&self) -> Result<Option<plrep::arith::Q>> {
        match &self.bias {
            None => Ok(None),
            Some(b) => b.as_uniform().ok_or_else(|| {
                Error::bad(
                    format!("--bias {b} is not one value for every point"),
                    "this command takes --bias q; per-orbit lists and 'generic' are for graph, solve and network",
                )
            }),
        }
    }
}

/// The solver options of an activation, bias and `--seeds` (bad input: exit 2).
pub(crate) fn solver_options(
    activation: &Activation,
    bias: Option<&plrep::arith::Q>,
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
