//! Which activations the Fourier view covers (the positively homogeneous ones), and
//! parsing them from text with hints that name the accepted spellings.

use crate::arith::Q;
use crate::pl::Activation;
use crate::{Error, Result};

const ACTIVATION_HINT: &str = "the fourier command accepts relu, abs, identity and leaky:<p> with p rational (e.g. leaky:1/10 or leaky:0.01)";

const HOMOGENEOUS_HINT: &str = "the Fourier view covers the positively homogeneous activations relu, abs, identity and leaky:<p> (p rational, e.g. leaky:1/10 or leaky:0.01)";

/// Parse the activation of the Fourier view: `relu`, `abs`, `identity` or `leaky:<p>`
/// (`p` written `a/b`, as an integer, or as a decimal: `leaky:0.01` is `leaky:1/100`),
/// spelled as for [`Activation::parse`].
///
/// Errors: [`Error::BadInput`] with a one-line hint for an unknown name, a slope that is
/// not rational, and for `hardtanh` and `square`, which are not positively homogeneous
/// (see [`require_homogeneous`]).
///
/// ```
/// use plrep::fourier::parse_activation;
/// use plrep::pl::Activation;
/// use plrep::arith::Q;
/// assert_eq!(parse_activation("leaky:0.1").unwrap(), Activation::Leaky(Q::new(1, 10)));
/// assert!(parse_activation("tanh").is_err());
/// assert!(parse_activation("square").is_err());
/// ```
pub fn parse_activation(text: &str) -> Result<Activation> {
    let s = text.trim();
    let act = Activation::parse(s).map_err(|_| match s.strip_prefix("leaky:") {
        Some(p) => Error::bad(
            format!("'{p}' in the activation '{s}' is not a rational number"),
            "write the slope like leaky:1/100 or leaky:0.01",
        ),
        None => Error::bad(
            format!("unknown activation '{s}' for the Fourier view"),
            ACTIVATION_HINT,
        ),
    })?;
    require_homogeneous(&act)?;
    Ok(act)
}

/// `(a, b)` with `sigma(t) = a t + b |t|` (see [`Activation::homogeneous_parts`]), for
/// the activations the Fourier view covers.
///
/// Errors: [`Error::BadInput`] for `hardtanh` and `square`, which are not positively
/// homogeneous: the closed forms of [`fourier_series`], [`cyclic_components`] and the
/// contour picture need `sigma(t x) = t sigma(x)` for `t > 0`.
///
/// ```
/// use plrep::fourier::require_homogeneous;
/// use plrep::pl::Activation;
/// use plrep::arith::Q;
/// assert_eq!(require_homogeneous(&Activation::Abs).unwrap(), (Q::zero(), Q::one()));
/// assert!(require_homogeneous(&Activation::Hardtanh).is_err());
/// ```
pub fn require_homogeneous(activation: &Activation) -> Result<(Q, Q)> {
    activation.homogeneous_parts().ok_or_else(|| {
        Error::bad(
            format!(
                "the activation '{}' is not positively homogeneous",
                activation.name()
            ),
            HOMOGENEOUS_HINT,
        )
    })
}

/// `(a, b)` of an activation stored in a series, `(0, 0)` (as if `sigma = 0`) for a
/// non-homogeneous one, which the constructors reject.
pub(crate) fn parts_or_zero(activation: &Activation) -> (Q, Q) {
    activation.homogeneous_parts().unwrap_or_default()
}
