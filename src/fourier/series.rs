//! The exact Fourier series of `sigma(sin x)`: every coefficient is `r + s/pi` with `r, s`
//! rational ([`PiForm`]).

use std::fmt;

use super::activation::{parts_or_zero, require_homogeneous};
use super::MAX_TERMS;
use crate::arith::Q;
use crate::pl::Activation;
use crate::{Error, Result};

/// A real number `rational + over_pi / pi` with rational parts: the form of every
/// Fourier coefficient of `sigma(sin x)`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PiForm {
    /// The rational part `r`.
    pub rational: Q,
    /// The coefficient `s` of `1/pi`.
    pub over_pi: Q,
}

impl PiForm {
    /// Zero.
    pub fn zero() -> PiForm {
        PiForm::default()
    }

    /// Whether both parts vanish (the form is unique because `pi` is irrational).
    pub fn is_zero(&self) -> bool {
        self.rational.is_zero() && self.over_pi.is_zero()
    }

    /// A floating-point approximation (for display and checks only).
    pub fn to_f64(&self) -> f64 {
        self.rational.to_f64() + self.over_pi.to_f64() / std::f64::consts::PI
    }

    /// The same number with the sign flipped.
    pub(crate) fn neg(&self) -> PiForm {
        PiForm {
            rational: -&self.rational,
            over_pi: -&self.over_pi,
        }
    }

    /// The sign of the leading (rational, else `1/pi`) part, for printing a series.
    pub(crate) fn is_negative_lead(&self) -> bool {
        if !self.rational.is_zero() {
            self.rational.signum() < 0
        } else {
            self.over_pi.signum() < 0
        }
    }

    /// `s/pi` written `s/pi`, `p/(q pi)`, `-p/(q pi)`.
    fn over_pi_text(s: &Q) -> String {
        let num = s.numer();
        let den = s.denom();
        if s.is_integer() {
            format!("{num}/pi")
        } else {
            format!("{num}/({den}pi)")
        }
    }
}

impl fmt::Display for PiForm {
    /// `0`, `1/2`, `1/pi`, `-2/(3pi)`, `1/2 + 1/pi`, `1/2 - 2/(3pi)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.rational.is_zero(), self.over_pi.is_zero()) {
            (true, true) => write!(f, "0"),
            (false, true) => write!(f, "{}", self.rational),
            (true, false) => write!(f, "{}", PiForm::over_pi_text(&self.over_pi)),
            (false, false) => {
                let s = &self.over_pi;
                let sep = if s.signum() < 0 { " - " } else { " + " };
                write!(
                    f,
                    "{}{sep}{}",
                    self.rational,
                    PiForm::over_pi_text(&s.abs())
                )
            }
        }
    }
}

/// A number `one + pi * pi_part` (values of the basic integrals).
#[derive(Debug, Clone)]
struct QPi {
    one: Q,
    pi: Q,
}

impl QPi {
    fn rational(q: Q) -> QPi {
        QPi {
            one: q,
            pi: Q::zero(),
        }
    }
    fn pi(q: Q) -> QPi {
        QPi {
            one: Q::zero(),
            pi: q,
        }
    }
    fn scale(&self, q: &Q) -> QPi {
        QPi {
            one: &self.one * q,
            pi: &self.pi * q,
        }
    }
    fn add(&self, o: &QPi) -> QPi {
        QPi {
            one: &self.one + &o.one,
            pi: &self.pi + &o.pi,
        }
    }
    /// `self / pi` as `r + s/pi`.
    fn over_pi(&self) -> PiForm {
        PiForm {
            rational: self.pi.clone(),
            over_pi: self.one.clone(),
        }
    }
}

/// `(-1)^m`.
fn parity_sign(m: i64) -> i64 {
    if m.rem_euclid(2) == 0 {
        1
    } else {
        -1
    }
}

/// `∫_0^pi cos(m x) dx`: `pi` for `m = 0`, else `sin(m pi)/m = 0`.
fn int_cos(m: i64) -> QPi {
    if m == 0 {
        QPi::pi(Q::one())
    } else {
        QPi::rational(Q::zero())
    }
}

/// `∫_0^pi sin(m x) dx`: `0` for `m = 0`, else `(1 - cos(m pi))/m = (1 - (-1)^m)/m`.
fn int_sin(m: i64) -> QPi {
    if m == 0 {
        QPi::rational(Q::zero())
    } else {
        QPi::rational(Q::new(1 - parity_sign(m), m))
    }
}

/// `∫_0^pi sin x cos kx dx = (1/2) ∫_0^pi (sin (1+k)x + sin (1-k)x) dx`; for `k = 1` the
/// second frequency is `0` (the integrand is `sin 2x / 2`), handled by [`int_sin`].
fn int_sin_cos(k: i64) -> QPi {
    int_sin(1 + k).add(&int_sin(1 - k)).scale(&Q::new(1, 2))
}

/// `∫_0^pi sin x sin kx dx = (1/2) ∫_0^pi (cos (1-k)x - cos (1+k)x) dx`; `pi/2` for
/// `k = 1` (the constant `cos 0x`), `0` otherwise.
fn int_sin_sin(k: i64) -> QPi {
    int_cos(1 - k)
        .add(&int_cos(1 + k).scale(&Q::from_int(-1)))
        .scale(&Q::new(1, 2))
}

/// One coefficient pair of the series: `a_k cos kx + b_k sin kx` (`k = 0`: the constant
/// term in `cos`, `sin = 0`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FourierCoefficient {
    /// The frequency.
    pub k: usize,
    /// `a_k` (for `k = 0` the constant term `a_0`).
    pub cos: PiForm,
    /// `b_k`.
    pub sin: PiForm,
}

/// The Fourier series of `sigma(sin x)` on `[0, 2 pi)`, frequencies `0..terms`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FourierSeries {
    /// The activation `sigma`.
    pub activation: Activation,
    /// `coefficients[k]` for `k = 0..terms`.
    pub coefficients: Vec<FourierCoefficient>,
}

/// The exact Fourier coefficients `k = 0..terms` of `f(x) = sigma(sin x)` on `[0, 2 pi)`:
/// `f(x) = a_0 + sum_{k>=1} (a_k cos kx + b_k sin kx)`, each `a_k, b_k` of the form
/// `r + s/pi` with `r, s` rational.
///
/// Method: with `p = sigma(1)`, `q = sigma(-1)` (homogeneity), `f = p sin x` on
/// `[0, pi]` and `f = -q sin x` on `[pi, 2 pi]`; the substitution `x = y + pi` gives
/// `∫_0^{2pi} f(x) cos kx dx = (p + (-1)^k q) ∫_0^pi sin y cos ky dy` (and likewise with
/// `sin ky`), and the half-period integrals are evaluated in closed form by the
/// product-to-sum formulas, the frequency `0` (`k = 1`) separately. Then
/// `a_0 = (1/2pi) ∫ f`, `a_k = (1/pi) ∫ f cos kx`, `b_k = (1/pi) ∫ f sin kx`.
///
/// Arguments: `activation`, `terms >= 1` the number of frequencies (`k = 0..terms`).
/// Returns the series; errors ([`Error::BadInput`]) for `terms = 0` or
/// `terms > MAX_TERMS`, and for an activation that is not positively homogeneous
/// (`hardtanh`, `square`; see [`require_homogeneous`]).
///
/// Complexity: `O(terms)` operations on small rationals.
///
/// ```
/// use plrep::fourier::fourier_series;
/// use plrep::pl::Activation;
/// let s = fourier_series(&Activation::Relu, 3).unwrap();
/// assert_eq!(s.coefficients[0].cos.to_string(), "1/pi");
/// assert_eq!(s.coefficients[1].sin.to_string(), "1/2");
/// assert_eq!(s.coefficients[2].cos.to_string(), "-2/(3pi)");
/// ```
pub fn fourier_series(activation: &Activation, terms: usize) -> Result<FourierSeries> {
    if terms == 0 {
        return Err(Error::bad(
            "--terms 0 asks for no coefficients",
            "use --terms N with N >= 1: the frequencies k = 0..N-1",
        ));
    }
    if terms > MAX_TERMS {
        return Err(Error::bad(
            format!("--terms {terms} is too many"),
            format!("use at most {MAX_TERMS} terms"),
        ));
    }
    require_homogeneous(activation)?;
    let (p, q) = activation.slopes().unwrap_or_default();
    let coefficients = (0..terms)
        .map(|k| {
            let ki = k as i64;
            // ∫_0^{2pi} f(x) cos kx dx and ∫_0^{2pi} f(x) sin kx dx.
            let weight = &p + &(&q * &Q::from_int(parity_sign(ki)));
            let ic = int_sin_cos(ki).scale(&weight);
            let is = int_sin_sin(ki).scale(&weight);
            if k == 0 {
                FourierCoefficient {
                    k,
                    cos: ic.scale(&Q::new(1, 2)).over_pi(),
                    sin: PiForm::zero(),
                }
            } else {
                FourierCoefficient {
                    k,
                    cos: ic.over_pi(),
                    sin: is.over_pi(),
                }
            }
        })
        .collect();
    Ok(FourierSeries {
        activation: activation.clone(),
        coefficients,
    })
}

impl FourierSeries {
    /// The partial sum at `x` (floating point; for checks and plots only).
    pub fn eval_partial(&self, x: f64) -> f64 {
        self.coefficients
            .iter()
            .map(|c| {
                let kx = c.k as f64 * x;
                c.cos.to_f64() * kx.cos() + c.sin.to_f64() * kx.sin()
            })
            .sum()
    }

    /// A bound on `sup_x |sigma(sin x) - partial sum|`: the omitted coefficients are
    /// `-4b/(pi(4m^2 - 1))` at the even frequencies `2m >= terms` (and `a` at frequency 1
    /// if `terms = 1`); `sum_{m > M} 1/(4m^2 - 1) = 1/(2(2M + 1))` (telescoping).
    pub fn tail_bound(&self) -> f64 {
        let (a, b) = parts_or_zero(&self.activation);
        let terms = self.coefficients.len();
        let big_m = ((terms.max(1) - 1) / 2) as f64;
        let fundamental = if terms <= 1 { a.abs().to_f64() } else { 0.0 };
        fundamental + 2.0 * b.abs().to_f64() / (std::f64::consts::PI * (2.0 * big_m + 1.0))
    }

    /// The frequencies with a nonzero coefficient.
    pub fn nonzero_frequencies(&self) -> Vec<usize> {
        self.coefficients
            .iter()
            .filter(|c| !c.cos.is_zero() || !c.sin.is_zero())
            .map(|c| c.k)
            .collect()
    }
}
