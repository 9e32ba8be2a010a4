//! The Fourier series of `ReLU(sin x)` and `|sin x|` (two examples, one computation).

use super::ExampleOutput;
use crate::arith::Cyclotomic;
use crate::fourier::fourier_series;
use crate::group::Limits;
use crate::pl::Activation;
use crate::Result;

pub(super) fn fourier_relu(_: &Limits) -> Result<ExampleOutput> {
    fourier_example(Activation::Relu)
}

pub(super) fn fourier_abs(_: &Limits) -> Result<ExampleOutput> {
    fourier_example(Activation::parse("abs")?)
}

fn fourier_example(act: Activation) -> Result<ExampleOutput> {
    let mut o = ExampleOutput::new();
    o.line(format!("Claim: {}(sin x) has only a constant term, at most the fundamental, and even harmonics, each", act.name()));
    o.line("coefficient a rational plus a rational multiple of 1/pi: information flows to higher frequencies.");
    o.line("");
    let s = fourier_series(&act, 12)?;
    o.text.push_str(&s.text());
    for c in &s.coefficients {
        o.put(
            format!("cos{}_rational", c.k),
            Cyclotomic::from_q(c.cos.rational.clone()),
        );
        o.put(
            format!("cos{}_over_pi", c.k),
            Cyclotomic::from_q(c.cos.over_pi.clone()),
        );
        o.put(
            format!("sin{}_rational", c.k),
            Cyclotomic::from_q(c.sin.rational.clone()),
        );
        o.put(
            format!("sin{}_over_pi", c.k),
            Cyclotomic::from_q(c.sin.over_pi.clone()),
        );
    }
    Ok(o)
}
