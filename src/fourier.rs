//! The Fourier view of one activation layer: the exact Fourier series of `sigma(sin x)`,
//! and its discrete analogue, the components of `sigma` applied to the `L1` vector of the
//! cyclic group `C_n` in every real simple `L_k`.
//!
//! Both show the same phenomenon (theory.md §8; Gibson–Tubbenhauer–Williamson,
//! *Equivariant neural networks and piecewise linear representation theory*,
//! arXiv:2408.00949): a pointwise nonlinearity sends a pure frequency to other
//! frequencies. For a positively homogeneous `sigma(t) = a t + b |t|` (no bias),
//!
//! ```text
//! sigma(sin x) = a sin x + b |sin x|,
//! |sin x| = 2/pi - (4/pi) sum_{m>=1} cos(2mx)/(4m^2 - 1),
//! ```
//!
//! so only the constant, the fundamental and the even harmonics appear: information
//! flows to higher frequencies. On `C_n` the frequencies wrap around (aliasing), and the
//! nonzero components are exactly the edges `L1 -> L_k` of the interaction graph.
//!
//! ## Conventions
//! * A coefficient of the continuous series is `r + s/pi` with `r, s` rational
//!   ([`PiForm`]); the series is `a_0 + sum_{k>=1} (a_k cos kx + b_k sin kx)` on
//!   `[0, 2 pi)`, and the entry `k = 0` is the constant term `a_0` itself.
//! * The discrete components are the expansion coefficients
//!   `sigma(v)_j = sum_{k=0}^{floor(n/2)} (alpha_k cos(2 pi jk/n) + beta_k sin(2 pi jk/n))`,
//!   i.e. `alpha_k = (2/n) sum_j sigma(v_j) cos(2 pi jk/n)` for `0 < k < n/2` and `1/n`
//!   instead of `2/n` for `k = 0` and `k = n/2` (the mean and the alternating mean).
//!   With it the `C_8` ReLU components are `(1 + sqrt 2)/8`, `1/2`, `1/4`, `0`,
//!   `(1 - sqrt 2)/8` (theory.md §8).
//!
//! The Fourier series of `|sin x|` is classical; see e.g. G. P. Tolstov, *Fourier
//! Series* (Dover, 1976), ch. 1, or E. M. Stein, R. Shakarchi, *Fourier Analysis: An
//! Introduction* (Princeton, 2003), ch. 2.

use crate::arith::{Cyclotomic, Q};
use crate::pl::Activation;
use crate::{Error, Result};
use serde_json::{json, Value};
use std::cmp::Ordering;
use std::fmt;
use std::fmt::Write as _;

/// Largest `--terms` accepted by [`fourier_series`].
pub const MAX_TERMS: usize = 100_000;

/// Largest `n` accepted by [`cyclic_components`] (the cost grows like `n^2` products in
/// `Q(E(n))`).
pub const MAX_CYCLIC: u64 = 256;

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
fn parts_or_zero(activation: &Activation) -> (Q, Q) {
    activation.homogeneous_parts().unwrap_or_default()
}

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
    fn neg(&self) -> PiForm {
        PiForm {
            rational: -&self.rational,
            over_pi: -&self.over_pi,
        }
    }

    /// The sign of the leading (rational, else `1/pi`) part, for printing a series.
    fn is_negative_lead(&self) -> bool {
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

    /// The series as one line, e.g.
    /// `ReLU(sin x) = 1/pi + 1/2 sin x - 2/(3pi) cos 2x - 2/(15pi) cos 4x - ...`.
    pub fn formula(&self) -> String {
        let mut out = format!("{}(sin x) = ", self.activation.symbol());
        let mut first = true;
        for c in &self.coefficients {
            let parts: Vec<(&PiForm, String)> = if c.k == 0 {
                vec![(&c.cos, String::new())]
            } else {
                let f = if c.k == 1 {
                    "x".to_string()
                } else {
                    format!("{}x", c.k)
                };
                vec![(&c.cos, format!("cos {f}")), (&c.sin, format!("sin {f}"))]
            };
            for (v, basis) in parts {
                if v.is_zero() {
                    continue;
                }
                let negative = v.is_negative_lead();
                let mag = if negative { v.neg() } else { v.clone() };
                if first {
                    if negative {
                        out.push('-');
                    }
                } else {
                    out.push_str(if negative { " - " } else { " + " });
                }
                first = false;
                let both = !mag.rational.is_zero() && !mag.over_pi.is_zero();
                let coeff = if both {
                    format!("({mag})")
                } else {
                    mag.to_string()
                };
                if basis.is_empty() {
                    out.push_str(&coeff);
                } else if mag.over_pi.is_zero() && mag.rational.is_one() {
                    out.push_str(&basis);
                } else {
                    let _ = write!(out, "{coeff} {basis}");
                }
            }
        }
        if first {
            out.push('0');
        }
        let (_, b) = parts_or_zero(&self.activation);
        if !b.is_zero() {
            out.push_str(" + ...");
        }
        out
    }

    /// The text report: the formula, the decomposition `a sin x + b |sin x|`, the remark
    /// on which frequencies appear, and the coefficient table.
    pub fn text(&self) -> String {
        let (a, b) = parts_or_zero(&self.activation);
        let terms = self.coefficients.len();
        let sym = self.activation.symbol();
        let mut out = String::new();
        let _ = writeln!(
            out,
            "Fourier series of {sym}(sin x) on [0, 2pi), frequencies k = 0..{} (exact; no bias)",
            terms - 1
        );
        let _ = writeln!(out, "{}", self.formula());
        let _ = writeln!(
            out,
            "sigma(t) = a t + b |t| with a = {a}, b = {b}, so {sym}(sin x) = a sin x + b |sin x|,"
        );
        let _ = writeln!(
            out,
            "  |sin x| = 2/pi - (4/pi) sum_{{m>=1}} cos(2mx)/(4m^2-1)."
        );
        let nz = self.nonzero_frequencies();
        let list = nz
            .iter()
            .map(|k| k.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(
            out,
            "Nonzero frequencies (k < {terms}): {}",
            if list.is_empty() { "none".into() } else { list }
        );
        let remark = match (a.is_zero(), b.is_zero()) {
            (_, true) if a.is_zero() => "sigma is zero: no frequency appears.".to_string(),
            (_, true) => "sigma is linear: only the fundamental appears (no new frequencies).".to_string(),
            (true, false) => "Only the constant and the even harmonics appear (the fundamental is lost, the self-loop L1 -> L1 is absent): information flows to higher frequencies.".to_string(),
            (false, false) => "Only the constant, the fundamental and the even harmonics appear: information flows to higher frequencies.".to_string(),
        };
        let _ = writeln!(out, "Remark: {remark}");
        let _ = writeln!(
            out,
            "Truncation error of the printed partial sum <= {:.3e} (tail bound).",
            self.tail_bound()
        );
        out.push('\n');
        let rows: Vec<[String; 5]> = self
            .coefficients
            .iter()
            .map(|c| {
                [
                    c.k.to_string(),
                    c.cos.to_string(),
                    c.sin.to_string(),
                    format!("{:.10}", c.cos.to_f64()),
                    format!("{:.10}", c.sin.to_f64()),
                ]
            })
            .collect();
        let header = ["k", "a_k (cos)", "b_k (sin)", "a_k approx", "b_k approx"];
        out.push_str(&crate::report::columns::aligned(&header, &rows, |i| {
            i == 0 || i >= 3
        }));
        out
    }

    /// The JSON document `{"schema": "plrep.fourier.v1", "activation", "coefficients":
    /// [{"k", "cos_rational", "cos_over_pi", "sin_rational", "sin_over_pi"}]}`, values as
    /// `"p/q"` strings.
    pub fn json(&self) -> Value {
        let coefficients: Vec<Value> = self
            .coefficients
            .iter()
            .map(|c| {
                json!({
                    "k": c.k,
                    "cos_rational": c.cos.rational.to_string(),
                    "cos_over_pi": c.cos.over_pi.to_string(),
                    "sin_rational": c.sin.rational.to_string(),
                    "sin_over_pi": c.sin.over_pi.to_string(),
                })
            })
            .collect();
        json!({"schema": "plrep.fourier.v1", "activation": self.activation.name(), "coefficients": coefficients})
    }
}

/// The component of `sigma(v)` in one real simple `L_k` of `C_n`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CyclicComponent {
    /// The frequency `k` (`0..=n/2`); the simple is `L_k`.
    pub k: u64,
    /// `alpha_k`, the coefficient of `cos(2 pi jk/n)`.
    pub cos: Cyclotomic,
    /// `beta_k`, the coefficient of `sin(2 pi jk/n)` (zero: `sigma(v)` is even in `j`).
    pub sin: Cyclotomic,
}

impl CyclicComponent {
    /// Whether the component is nonzero.
    pub fn is_nonzero(&self) -> bool {
        !self.cos.is_zero() || !self.sin.is_zero()
    }

    /// `L<k>`.
    pub fn label(&self) -> String {
        format!("L{}", self.k)
    }
}

/// `sigma` applied to the `L1` vector of the regular representation of `C_n`, split into
/// the real simples `L_0, ..., L_{floor(n/2)}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CyclicFourier {
    /// The order of the group.
    pub n: u64,
    /// The activation.
    pub activation: Activation,
    /// `components[k]` for `k = 0..=n/2`.
    pub components: Vec<CyclicComponent>,
}

/// The value of a real cyclotomic `x` of degree at most 2 as a radical, e.g.
/// `(1 + sqrt(2))/8`, `-sqrt(3)/6`, `1/4`; `None` if `x` is not real or has degree `> 2`
/// (or the square-free part is too large to find by trial division).
///
/// Method: collect the Galois conjugates `sigma_k(x)`; if there is exactly one other,
/// `x'`, then `r = (x + x')/2` and `D = ((x - x')/2)^2` are rational and
/// `x = r ± sqrt(D)`, the sign from the certified sign of `x - r`. The result is checked
/// by rebuilding it with [`Cyclotomic::sqrt_of_rational`].
///
/// Complexity: up to `phi(N)` Galois images for the conductor `N` of `x`.
///
/// ```
/// use plrep::arith::{Cyclotomic, Q};
/// use plrep::fourier::quadratic_radical;
/// let x = (Cyclotomic::one() + Cyclotomic::sqrt_of_rational(&Q::from_int(2)).unwrap()).scale(&Q::new(1, 8));
/// assert_eq!(quadratic_radical(&x).unwrap(), "(1 + sqrt(2))/8");
/// assert_eq!(quadratic_radical(&Cyclotomic::e(7)), None);
/// ```
pub fn quadratic_radical(x: &Cyclotomic) -> Option<String> {
    use num_integer::Integer;
    use num_traits::{One, Signed, ToPrimitive, Zero};
    if let Some(q) = x.to_q() {
        return Some(q.to_string());
    }
    if !x.is_real() {
        return None;
    }
    let n = x.conductor();
    let mut other: Option<Cyclotomic> = None;
    for k in 2..n {
        if k.gcd(&n) != 1 {
            continue;
        }
        let y = x.galois(k as i64);
        if &y == x {
            continue;
        }
        match &other {
            None => other = Some(y),
            Some(o) if *o == y => {}
            Some(_) => return None,
        }
    }
    let other = other?;
    let half = Q::new(1, 2);
    let r = (x + &other).scale(&half).to_q()?;
    let diff = (x - &other).scale(&half);
    let d_q = (&diff * &diff).to_q()?;
    if d_q.signum() <= 0 {
        return None;
    }
    // sqrt(p/q) = sqrt(p q)/q, p q = f^2 * d with d square-free.
    let m = (d_q.numer() * d_q.denom()).to_u128()?;
    let (mut rest, mut f, mut d) = (m, 1u128, 1u128);
    let mut p = 2u128;
    while p * p <= rest {
        if p > 1 << 24 {
            return None;
        }
        let mut e = 0;
        while rest % p == 0 {
            rest /= p;
            e += 1;
        }
        f *= p.pow(e / 2);
        if e % 2 == 1 {
            d *= p;
        }
        p += 1;
    }
    d *= rest;
    let big = |v: u128| -> Option<Q> { Some(Q::from(num_bigint::BigInt::from(v))) };
    let mut c = big(f)? * Q::from(d_q.denom()).inv();
    if (x - Cyclotomic::from_q(r.clone())).sign() == Ordering::Less {
        c = -c;
    }
    let dq = big(d)?;
    let rebuilt = Cyclotomic::from_q(r.clone()) + Cyclotomic::sqrt_of_rational(&dq)?.scale(&c);
    if &rebuilt != x {
        return None;
    }
    // Common denominator: x = (R + C sqrt(d))/L.
    let l = r.denom().lcm(&c.denom());
    let big_l = Q::from(l.clone());
    let rr = (&r * &big_l).numer();
    let cc = (&c * &big_l).numer();
    let root = if cc.abs().is_one() {
        format!("sqrt({d})")
    } else {
        format!("{} sqrt({d})", cc.abs())
    };
    let body = if rr.is_zero() {
        if cc.is_negative() {
            format!("-{root}")
        } else {
            root
        }
    } else {
        format!("{rr} {} {root}", if cc.is_negative() { "-" } else { "+" })
    };
    Some(if l.is_one() {
        body
    } else if rr.is_zero() {
        format!("{body}/{l}")
    } else {
        format!("({body})/{l}")
    })
}

/// `cos(2 pi m/n) = (E(n)^m + E(n)^-m)/2` exactly.
fn cos_root(n: u64, m: i64) -> Cyclotomic {
    (Cyclotomic::root_of_unity(n, m) + Cyclotomic::root_of_unity(n, -m)).scale(&Q::new(1, 2))
}

/// `sin(2 pi m/n) = (E(n)^m - E(n)^-m)/(2i) = -E(4)(E(n)^m - E(n)^-m)/2` exactly.
fn sin_root(n: u64, m: i64) -> Cyclotomic {
    let d = Cyclotomic::root_of_unity(n, m) - Cyclotomic::root_of_unity(n, -m);
    (Cyclotomic::e(4) * d).scale(&Q::new(-1, 2))
}

/// The exact components of `sigma(v)`, `v_j = cos(2 pi j/n)` (`j = 0..n`, the `L1`
/// vector of the regular representation `R^{C_n}`), in every real simple `L_k`,
/// `k = 0..=floor(n/2)`:
/// `sigma(v)_j = sum_k (alpha_k cos(2 pi jk/n) + beta_k sin(2 pi jk/n))` with
/// `alpha_k = (2/n) sum_j sigma(v_j) cos(2 pi jk/n)` (`1/n` for `k = 0` and `k = n/2`),
/// `beta_k` likewise with `sin`.
///
/// `sigma(v_j)` is evaluated exactly with the certified sign of the cyclotomic
/// `v_j`; the sine parts are computed and checked to vanish (`v` and hence `sigma(v)` are
/// symmetric under `j -> -j`; a nonzero one is reported as [`Error::Verification`]),
/// and the expansion is checked to reproduce `sigma(v)` coordinate by coordinate.
/// Nonzero components are the edges `L1 -> L_k` of the interaction graph
/// `Gamma(C_n, C_n, sigma)` (the `cos` vector is a witness).
///
/// Arguments: `activation`, `n` in `1..=MAX_CYCLIC`. Errors: [`Error::BadInput`] for
/// `n` out of range, and for an activation that is not positively homogeneous
/// (`hardtanh`, `square`; see [`require_homogeneous`]).
///
/// Complexity: `O(n^2)` additions in `Q(E(lcm(n, 4)))` (degree `<= 2 phi(n)`) and `n`
/// certified signs.
///
/// ```
/// use plrep::fourier::cyclic_components;
/// use plrep::pl::Activation;
/// use plrep::arith::{Cyclotomic, Q};
/// let c = cyclic_components(&Activation::Relu, 8).unwrap();
/// let sqrt2 = Cyclotomic::sqrt_of_rational(&Q::from_int(2)).unwrap();
/// assert_eq!(c.components[0].cos, (Cyclotomic::one() + sqrt2).scale(&Q::new(1, 8)));
/// assert_eq!(c.components[2].cos, Cyclotomic::from_q(Q::new(1, 4)));
/// ```
pub fn cyclic_components(activation: &Activation, n: u64) -> Result<CyclicFourier> {
    if n == 0 || n > MAX_CYCLIC {
        return Err(Error::bad(
            format!("--cyclic {n} is out of range"),
            format!("give the order n of C_n with 1 <= n <= {MAX_CYCLIC}"),
        ));
    }
    require_homogeneous(activation)?;
    let ni = n as i64;
    let cos: Vec<Cyclotomic> = (0..ni).map(|m| cos_root(n, m)).collect();
    let sin: Vec<Cyclotomic> = (0..ni).map(|m| sin_root(n, m)).collect();
    let values = cos
        .iter()
        .map(|v| activation.eval(v))
        .collect::<Result<Vec<Cyclotomic>>>()?;
    let mut components = Vec::new();
    for k in 0..=(ni / 2) {
        let weight = if k == 0 || 2 * k == ni {
            Q::new(1, ni)
        } else {
            Q::new(2, ni)
        };
        let mut alpha = Cyclotomic::zero();
        let mut beta = Cyclotomic::zero();
        for (j, s) in values.iter().enumerate() {
            if s.is_zero() {
                continue;
            }
            let m = ((j as i64) * k).rem_euclid(ni) as usize;
            alpha += s * &cos[m];
            beta += s * &sin[m];
        }
        let alpha = alpha.scale(&weight);
        let beta = beta.scale(&weight);
        if !beta.is_zero() {
            return Err(Error::verification(format!(
                "C{n}: the sine part of {} in L{k} is {beta}, not 0",
                activation.name()
            )));
        }
        components.push(CyclicComponent {
            k: k as u64,
            cos: alpha,
            sin: beta,
        });
    }
    // Check the expansion reproduces sigma(v) exactly.
    for (j, s) in values.iter().enumerate() {
        let mut sum = Cyclotomic::zero();
        for c in &components {
            let m = ((j as i64) * c.k as i64).rem_euclid(ni) as usize;
            sum = sum + &c.cos * &cos[m] + &c.sin * &sin[m];
        }
        if &sum != s {
            return Err(Error::verification(format!(
                "C{n}: the expansion of {}(v) at j = {j} is {sum}, not {s}",
                activation.name()
            )));
        }
    }
    Ok(CyclicFourier {
        n,
        activation: activation.clone(),
        components,
    })
}

impl CyclicFourier {
    /// The simples `L_k` with a nonzero component.
    pub fn nonzero(&self) -> Vec<u64> {
        self.components
            .iter()
            .filter(|c| c.is_nonzero())
            .map(|c| c.k)
            .collect()
    }

    /// The label of the source simple: `L1` (`L0` for `n = 1`, where `v` is constant).
    pub fn source_label(&self) -> String {
        format!("L{}", 1 % self.n)
    }

    fn role(&self, k: u64) -> &'static str {
        if k == 0 {
            "trivial"
        } else if 2 * k == self.n {
            "sign"
        } else {
            "dim 2"
        }
    }

    /// The text report: the convention, a table of exact components (GAP notation) with
    /// decimal approximations, and which `L_k` receive a nonzero component.
    pub fn text(&self) -> String {
        let n = self.n;
        let sym = self.activation.symbol();
        let mut out = String::new();
        let _ = writeln!(out, "C{n}: {sym} applied to the {} vector v_j = cos(2 pi j/{n}), j = 0..{} (regular representation, no bias)", self.source_label(), n - 1);
        let _ = writeln!(out, "Convention: {sym}(v)_j = sum_{{k=0}}^{{{}}} (alpha_k cos(2 pi jk/{n}) + beta_k sin(2 pi jk/{n})),", n / 2);
        let _ = writeln!(out, "  alpha_k = (2/{n}) sum_j {sym}(v_j) cos(2 pi jk/{n}) for 0 < k < {n}/2, with 1/{n} instead of 2/{n} for k = 0 and k = {n}/2;");
        let _ = writeln!(out, "  beta_k likewise with sin. Values exact in GAP notation (E(m) = exp(2 pi i/m)); approx is printed only;\n  the radical form is shown when alpha_k has degree <= 2 over Q.");
        out.push('\n');
        let rows: Vec<[String; 6]> = self
            .components
            .iter()
            .map(|c| {
                let radical = if c.sin.is_zero() {
                    quadratic_radical(&c.cos).unwrap_or_default()
                } else {
                    String::new()
                };
                [
                    c.k.to_string(),
                    format!("{} ({})", c.label(), self.role(c.k)),
                    c.cos.to_string(),
                    c.sin.to_string(),
                    format!("{:.10}", c.cos.to_f64()),
                    radical,
                ]
            })
            .collect();
        let header = [
            "k",
            "simple",
            "alpha_k (cos)",
            "beta_k (sin)",
            "approx",
            "alpha_k as a radical",
        ];
        out.push_str(&crate::report::columns::aligned(&header, &rows, |i| {
            i == 0 || i == 4
        }));
        out.push('\n');
        let nz: Vec<String> = self.nonzero().iter().map(|k| format!("L{k}")).collect();
        let zero: Vec<String> = self
            .components
            .iter()
            .filter(|c| !c.is_nonzero())
            .map(|c| c.label())
            .collect();
        let _ = writeln!(
            out,
            "Nonzero components: {} (edges {} -> L_k of the {sym} interaction graph of C{n}).",
            if nz.is_empty() {
                "none".to_string()
            } else {
                nz.join(", ")
            },
            self.source_label()
        );
        if !zero.is_empty() {
            let _ = writeln!(out, "Zero components: {}.", zero.join(", "));
        }
        let _ = writeln!(
            out,
            "The sine parts vanish: v and {sym}(v) are symmetric under j -> -j."
        );
        out
    }

    /// The JSON document `{"schema": "plrep.fourier.cyclic.v1", "n", "activation",
    /// "components": [{"k", "label", "cos", "sin", "approx"}]}` (exact values in GAP
    /// notation, `approx` the decimal value of `cos`).
    pub fn json(&self) -> Value {
        let components: Vec<Value> = self
            .components
            .iter()
            .map(|c| {
                json!({
                    "k": c.k,
                    "label": c.label(),
                    "cos": c.cos.to_string(),
                    "sin": c.sin.to_string(),
                    "approx": c.cos.to_f64(),
                })
            })
            .collect();
        json!({"schema": "plrep.fourier.cyclic.v1", "n": self.n, "activation": self.activation.name(), "components": components})
    }
}
