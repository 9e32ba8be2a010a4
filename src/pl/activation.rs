//! Coordinatewise activations `sigma: R -> R` of an equivariant layer (theory.md §7).
//!
//! A positively homogeneous piecewise linear `sigma` is `sigma(x) = a x + b |x|`
//! (ReLU `a = b = 1/2`, abs `a = 0, b = 1`, leaky ReLU with negative slope `p`:
//! `a = (1+p)/2, b = (1-p)/2`, identity `a = 1, b = 0`). `hardtanh` (clip to `[-1, 1]`)
//! is odd and not homogeneous; `square` is even and not piecewise linear (it is decided
//! exactly by bilinear algebra). An optional bias `q` adds `q·(1,…,1)` before `sigma`.

use crate::arith::{Cyclotomic, Q};
use crate::error::{Error, Result};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// The valid activation names, for hints.
pub const ACTIVATION_NAMES: &str =
    "relu, abs, identity, leaky:<p> (e.g. leaky:1/100), hardtanh, square";

/// A coordinatewise activation function.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Activation {
    /// `max(x, 0)`.
    Relu,
    /// `|x|`.
    Abs,
    /// `x`.
    Identity,
    /// `x` for `x >= 0`, `p x` for `x < 0` (rational slope `p`).
    Leaky(Q),
    /// `min(1, max(-1, x))`.
    Hardtanh,
    /// `x^2`.
    Square,
}

/// Parity of an activation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Parity {
    /// `sigma(-x) = -sigma(x)`.
    Odd,
    /// `sigma(-x) = sigma(x)`.
    Even,
    /// Neither.
    Neither,
}

impl Activation {
    /// Parse `relu`, `abs`, `identity` (or `id`), `leaky:<p>`, `hardtanh`, `square`:
    /// the one activation parser (the command line's flags parse through it). Names are
    /// exact (lowercase); the slope `p` is read by [`Q::parse_decimal`] (`leaky:1/100`,
    /// `leaky:0.01`, `leaky:-1/2`; one sign at most). Spaces around the whole are ignored.
    ///
    /// ```
    /// use plrep::pl::Activation;
    /// use plrep::arith::Q;
    /// assert_eq!(Activation::parse("leaky:1/100").unwrap(), Activation::Leaky(Q::new(1, 100)));
    /// assert!(Activation::parse("tanh").is_err());
    /// assert!(Activation::parse("leaky:+-0.5").is_err());
    /// assert!(Activation::parse("ReLU").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Activation> {
        let t = text.trim();
        Ok(match t {
            "relu" => Activation::Relu,
            "abs" => Activation::Abs,
            "identity" | "id" => Activation::Identity,
            "hardtanh" => Activation::Hardtanh,
            "square" => Activation::Square,
            _ => {
                let p = t.strip_prefix("leaky:").ok_or_else(|| {
                    Error::bad(
                        format!("unknown activation '{t}'"),
                        format!("valid: {ACTIVATION_NAMES}"),
                    )
                })?;
                let p = parse_rational(p).ok_or_else(|| {
                    Error::bad(
                        format!("'{p}' in the activation '{t}' is not a rational number"),
                        "write the slope like leaky:1/100 or leaky:0.01 (one sign at most)",
                    )
                })?;
                Activation::Leaky(p)
            }
        })
    }

    /// The canonical name (`parse(name())` gives back `self`).
    pub fn name(&self) -> String {
        match self {
            Activation::Relu => "relu".into(),
            Activation::Abs => "abs".into(),
            Activation::Identity => "identity".into(),
            Activation::Leaky(p) => format!("leaky:{p}"),
            Activation::Hardtanh => "hardtanh".into(),
            Activation::Square => "square".into(),
        }
    }

    /// `(a, b)` with `sigma(x) = a x + b |x|` when `sigma` is positively homogeneous
    /// piecewise linear (relu, abs, identity, leaky), else `None` (hardtanh, square).
    ///
    /// Errors: none; the non-homogeneous activations give `None`.
    ///
    /// ```
    /// use plrep::pl::Activation;
    /// use plrep::arith::Q;
    /// let half = Q::new(1, 2);
    /// assert_eq!(Activation::Relu.homogeneous_parts(), Some((half.clone(), half)));
    /// assert_eq!(Activation::Abs.homogeneous_parts(), Some((Q::zero(), Q::one())));
    /// assert_eq!(Activation::Identity.homogeneous_parts(), Some((Q::one(), Q::zero())));
    /// assert_eq!(
    ///     Activation::Leaky(Q::new(1, 3)).homogeneous_parts(),
    ///     Some((Q::new(2, 3), Q::new(1, 3)))
    /// );
    /// assert_eq!(Activation::Square.homogeneous_parts(), None);
    /// assert_eq!(Activation::Hardtanh.homogeneous_parts(), None);
    /// ```
    pub fn homogeneous_parts(&self) -> Option<(Q, Q)> {
        let half = Q::new(1, 2);
        match self {
            Activation::Relu => Some((half.clone(), half)),
            Activation::Abs => Some((Q::zero(), Q::one())),
            Activation::Identity => Some((Q::one(), Q::zero())),
            Activation::Leaky(p) => Some(((Q::one() + p) * &half, (Q::one() - p) * &half)),
            Activation::Hardtanh | Activation::Square => None,
        }
    }

    /// `(sigma(1), sigma(-1))` for a positively homogeneous `sigma`, else `None`: then
    /// `sigma(t) = t sigma(1)` for `t >= 0` and `sigma(t) = |t| sigma(-1)` for `t <= 0`.
    ///
    /// Errors: none; hardtanh and square give `None`.
    ///
    /// ```
    /// use plrep::pl::Activation;
    /// use plrep::arith::Q;
    /// assert_eq!(Activation::Relu.slopes(), Some((Q::one(), Q::zero())));
    /// assert_eq!(Activation::Leaky(Q::new(1, 10)).slopes(), Some((Q::one(), Q::new(-1, 10))));
    /// assert_eq!(Activation::Hardtanh.slopes(), None);
    /// ```
    pub fn slopes(&self) -> Option<(Q, Q)> {
        let (a, b) = self.homogeneous_parts()?;
        Some((&a + &b, &b - &a))
    }

    /// The name used in formulas: `ReLU`, `abs`, `id`, `LeakyReLU[p]`, `HardTanh`,
    /// `square` (the canonical spelling for parsing is [`Activation::name`]).
    ///
    /// Errors: none.
    ///
    /// ```
    /// use plrep::pl::Activation;
    /// use plrep::arith::Q;
    /// assert_eq!(Activation::Relu.symbol(), "ReLU");
    /// assert_eq!(Activation::Leaky(Q::new(1, 100)).symbol(), "LeakyReLU[1/100]");
    /// assert_eq!(Activation::Square.symbol(), "square");
    /// ```
    pub fn symbol(&self) -> String {
        match self {
            Activation::Relu => "ReLU".into(),
            Activation::Abs => "abs".into(),
            Activation::Identity => "id".into(),
            Activation::Leaky(p) => format!("LeakyReLU[{p}]"),
            Activation::Hardtanh => "HardTanh".into(),
            Activation::Square => "square".into(),
        }
    }

    /// Whether `sigma(t x) = t sigma(x)` for `t > 0`.
    pub fn is_homogeneous(&self) -> bool {
        self.homogeneous_parts().is_some()
    }

    /// Odd, even or neither.
    pub fn parity(&self) -> Parity {
        match self.homogeneous_parts() {
            Some((a, b)) if b.is_zero() => {
                let _ = a;
                Parity::Odd
            }
            Some((a, _)) if a.is_zero() => Parity::Even,
            Some(_) => Parity::Neither,
            None => match self {
                Activation::Hardtanh => Parity::Odd,
                _ => Parity::Even,
            },
        }
    }

    /// Exact value at a rational point.
    pub fn eval_q(&self, x: &Q) -> Q {
        match self {
            Activation::Square => x * x,
            Activation::Hardtanh => {
                if *x > Q::one() {
                    Q::one()
                } else if *x < -Q::one() {
                    -Q::one()
                } else {
                    x.clone()
                }
            }
            _ => {
                let (a, b) = self.homogeneous_parts().expect("homogeneous");
                &a * x + &b * &x.abs()
            }
        }
    }

    /// Exact value at a real cyclotomic number; every comparison is a certified sign.
    ///
    /// Errors: a non-real argument (bad input).
    ///
    /// ```
    /// use plrep::pl::Activation;
    /// use plrep::arith::Cyclotomic;
    /// let x: Cyclotomic = "E(5)+E(5)^4".parse().unwrap();   // 2cos(2pi/5) ≈ 0.618
    /// assert_eq!(Activation::Relu.eval(&(-&x)).unwrap(), Cyclotomic::zero());
    /// assert_eq!(Activation::Hardtanh.eval(&x).unwrap(), x);
    /// ```
    pub fn eval(&self, x: &Cyclotomic) -> Result<Cyclotomic> {
        let sign = |y: &Cyclotomic| {
            y.try_sign()
                .ok_or_else(|| Error::bad("activation of a non-real number", "inputs must be real"))
        };
        match self {
            Activation::Square => Ok(x * x),
            Activation::Hardtanh => {
                let one = Cyclotomic::one();
                if sign(&(x - &one))? == Ordering::Greater {
                    Ok(one)
                } else if sign(&(x + &one))? == Ordering::Less {
                    Ok(-one)
                } else {
                    Ok(x.clone())
                }
            }
            _ => {
                let (a, b) = self.homogeneous_parts().expect("homogeneous");
                let abs = if sign(x)? == Ordering::Less {
                    -x
                } else {
                    x.clone()
                };
                Ok(x.scale(&a) + abs.scale(&b))
            }
        }
    }
}

impl FromStr for Activation {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Activation::parse(s)
    }
}

impl fmt::Display for Activation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

/// Parse a rational written `a/b`, `a`, or as a finite decimal `a.b` (exactly): the
/// one parser [`Q::parse_decimal`].
pub fn parse_rational(text: &str) -> Option<Q> {
    Q::parse_decimal(text)
}

/// Parse a bias `q` (a rational number such as `1`, `-1/2`, `0.25`).
///
/// ```
/// use plrep::pl::parse_bias;
/// use plrep::arith::Q;
/// assert_eq!(parse_bias("0.25").unwrap(), Q::new(1, 4));
/// assert_eq!(parse_bias("-1/2").unwrap(), Q::new(-1, 2));
/// assert!(parse_bias("x").is_err());
/// ```
pub fn parse_bias(text: &str) -> Result<Q> {
    parse_rational(text).ok_or_else(|| {
        Error::bad(
            format!("bad bias '{text}'"),
            "the bias is a rational number, e.g. 1, -1/2 or 0.25 (one sign at most)",
        )
    })
}
