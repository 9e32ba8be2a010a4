//! Parsing of `--activation` names (for the coming `graph`, `solve` and `survey`
//! commands). Kept here until the `pl/` module owns activations; it refuses unknown
//! names now so that scripts fail early and clearly.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{Signed, Zero};
use plrep::pl::{parse_bias, Activation, SolverOptions};
use plrep::{Error, Result};

/// The activation options of every solving command (graph, solve, compare, enumerate,
/// survey).
#[derive(Debug, clap::Args)]
pub(crate) struct ActivationOpts {
    /// relu, abs, identity, leaky:<p>, hardtanh, square.
    #[arg(long, default_value = "relu", allow_hyphen_values = true)]
    pub activation: String,
    /// Add an invariant bias before the activation: q*(1,...,1) (rational q); for graph,
    /// solve and network also q1,q2,... (one per orbit) or 'generic' (some invariant bias).
    #[arg(long, value_name = "q", allow_hyphen_values = true)]
    pub bias: Option<String>,
    /// Random vectors the witness search tries per source simple.
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub seeds: u64,
}

impl ActivationOpts {
    /// The solver options these flags ask for.
    pub fn solver_options(&self) -> Result<SolverOptions> {
        solver_options(&self.activation, self.bias.as_deref(), self.seeds)
    }
}

/// Parse `--activation`, `--bias` and `--seeds` into solver options (bad input: exit 2).
pub(crate) fn solver_options(
    activation: &str,
    bias: Option<&str>,
    seeds: u64,
) -> Result<SolverOptions> {
    let activation = Activation::parse(activation)?;
    let bias = bias.map(parse_bias).transpose()?;
    if seeds == 0 {
        return Err(Error::bad(
            "--seeds 0 allows no witness search",
            "use --seeds 1 or more (default 8)",
        ));
    }
    let mut options = SolverOptions::new(activation).with_bias(bias);
    options.seeds = seeds;
    Ok(options)
}

const HINT: &str = "activations are relu, abs, identity, leaky:<p> (rational slope, e.g. leaky:1/100), hardtanh, square";

/// Parse an activation name and return its canonical spelling: `relu`, `abs`,
/// `identity`, `hardtanh`, `square`, or `leaky:<p>` with `p` a rational number written
/// `a/b`, as an integer or as a decimal (`leaky:0.01` is `leaky:1/100`).
pub fn parse_activation_name(text: &str) -> Result<String> {
    let s = text.trim();
    match s {
        "relu" | "abs" | "identity" | "hardtanh" | "square" => return Ok(s.to_string()),
        _ => {}
    }
    if let Some(p) = s.strip_prefix("leaky:") {
        let q = parse_rational(p.trim()).ok_or_else(|| {
            Error::bad(
                format!("'{p}' in the activation '{s}' is not a rational number"),
                "write the slope like leaky:1/100 or leaky:0.01",
            )
        })?;
        return Ok(format!("leaky:{q}"));
    }
    Err(Error::bad(format!("unknown activation '{s}'"), HINT))
}

/// `a/b`, `a` or a decimal `a.b` (optional sign) as an exact rational.
fn parse_rational(s: &str) -> Option<BigRational> {
    if let Some((a, b)) = s.split_once('/') {
        let a: BigInt = parse_int(a)?;
        let b: BigInt = parse_int(b)?;
        if b.is_zero() {
            return None;
        }
        return Some(BigRational::new(a, b));
    }
    if let Some((int, frac)) = s.split_once('.') {
        if frac.is_empty() || !frac.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let negative = int.starts_with('-');
        let int_part: BigInt = if int.is_empty() || int == "-" || int == "+" {
            BigInt::zero()
        } else {
            parse_int(int)?
        };
        let frac_part: BigInt = frac.parse().ok()?;
        let den = num_traits::pow(BigInt::from(10), frac.len());
        let mag = int_part.abs() * &den + frac_part;
        let num = if negative { -mag } else { mag };
        return Some(BigRational::new(num, den));
    }
    Some(BigRational::from_integer(parse_int(s)?))
}

fn parse_int(s: &str) -> Option<BigInt> {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_names() {
        for n in ["relu", "abs", "identity", "hardtanh", "square"] {
            assert_eq!(parse_activation_name(n).unwrap(), n);
        }
        assert_eq!(parse_activation_name("leaky:1/100").unwrap(), "leaky:1/100");
        assert_eq!(parse_activation_name("leaky:2/200").unwrap(), "leaky:1/100");
        assert_eq!(parse_activation_name("leaky:0.01").unwrap(), "leaky:1/100");
        assert_eq!(parse_activation_name("leaky:-1/2").unwrap(), "leaky:-1/2");
        assert_eq!(parse_activation_name("leaky:-0.5").unwrap(), "leaky:-1/2");
        assert_eq!(parse_activation_name("leaky:3").unwrap(), "leaky:3");
    }

    #[test]
    fn invalid_names() {
        for n in [
            "ReLU",
            "sigmoid",
            "leaky:",
            "leaky:1/0",
            "leaky:x",
            "leaky:1.",
            "leaky:1/2/3",
            "",
            "relu ",
        ] {
            if n == "relu " {
                continue; // trimmed, valid
            }
            let e = parse_activation_name(n).unwrap_err();
            assert_eq!(e.exit_code(), 2, "{n}");
        }
    }
}
