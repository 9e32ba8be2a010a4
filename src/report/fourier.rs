//! Text and JSON renderings of the Fourier view ([`crate::fourier`]): the series formula,
//! the coefficient tables and the `plrep.fourier.v1` / `plrep.fourier.cyclic.v1` documents.

use std::fmt::Write as _;

use serde_json::Value;

use crate::arith::cyclotomic::quadratic_radical;
use crate::fourier::{parts_or_zero, CyclicFourier, FourierSeries, PiForm};
use crate::record::fourier::{
    CyclicComponentRecord, CyclicFourierRecord, FourierCoefficientRecord, FourierRecord,
    FOURIER_CYCLIC_SCHEMA, FOURIER_SCHEMA,
};

impl FourierSeries {
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

    /// The document `plrep.fourier.v1` (docs/schemas.md): the activation and, per
    /// frequency `k`, the coefficients of `cos kx` and `sin kx` as `rational + over_pi/pi`,
    /// values as `"p/q"` strings.
    pub fn record(&self) -> FourierRecord {
        FourierRecord {
            activation: self.activation.name(),
            coefficients: self
                .coefficients
                .iter()
                .map(|c| FourierCoefficientRecord {
                    cos_over_pi: c.cos.over_pi.to_string(),
                    cos_rational: c.cos.rational.to_string(),
                    k: c.k,
                    sin_over_pi: c.sin.over_pi.to_string(),
                    sin_rational: c.sin.rational.to_string(),
                })
                .collect(),
            schema: FOURIER_SCHEMA.to_string(),
        }
    }

    /// [`FourierSeries::record`] as a JSON value.
    pub fn json(&self) -> Value {
        serde_json::to_value(self.record()).expect("a Fourier record serialises")
    }
}

impl CyclicFourier {
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

    /// The document `plrep.fourier.cyclic.v1` (docs/schemas.md): `n`, the activation
    /// and per `k` the component on `L_k` (exact values in GAP notation, `approx` the
    /// decimal value of `cos`, printed only).
    pub fn record(&self) -> CyclicFourierRecord {
        CyclicFourierRecord {
            activation: self.activation.name(),
            components: self
                .components
                .iter()
                .map(|c| CyclicComponentRecord {
                    approx: c.cos.to_f64(),
                    cos: c.cos.to_string(),
                    k: c.k,
                    label: c.label(),
                    sin: c.sin.to_string(),
                })
                .collect(),
            n: self.n,
            schema: FOURIER_CYCLIC_SCHEMA.to_string(),
        }
    }

    /// [`CyclicFourier::record`] as a JSON value.
    pub fn json(&self) -> Value {
        serde_json::to_value(self.record()).expect("a Fourier record serialises")
    }
}
