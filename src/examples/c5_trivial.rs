//! C5: `(1/5) sum ReLU(cos(2 pi j/5)) = (1 + sqrt 5)/10`, cross-checked with [`crate::fourier`].

use super::support::{cos_root, show};
use super::ExampleOutput;
use crate::arith::Cyclotomic;
use crate::arith::Q;
use crate::fourier::cyclic_components;
use crate::group::Limits;
use crate::pl::Activation;
use crate::Error;
use crate::Result;

pub(super) fn c5_trivial(_: &Limits) -> Result<ExampleOutput> {
    let mut o = ExampleOutput::new();
    o.line("Claim: (1/5) sum_{j=0..4} ReLU(cos(2 pi j/5)) = (1 + sqrt 5)/10.");
    o.line("");
    let mut sum = Cyclotomic::zero();
    for j in 0..5 {
        let c = cos_root(5, j);
        let r = Activation::Relu.eval(&c)?;
        o.line(format!(
            "  j = {j}: cos = {:<14} ReLU = {}",
            show(&c),
            show(&r)
        ));
        sum += &r;
    }
    let mean = sum.scale(&Q::new(1, 5));
    o.line(format!(
        "Mean (exact, in Q(E(5))): {}  [GAP: {mean}]",
        show(&mean)
    ));
    let lib = cyclic_components(&Activation::Relu, 5)?;
    o.line(format!(
        "Cross-check: the L0 component from plrep::fourier is {}; equal: {}",
        show(&lib.components[0].cos),
        lib.components[0].cos == mean
    ));
    if lib.components[0].cos != mean {
        return Err(Error::verification(
            "C5: the direct mean and the L0 component differ",
        ));
    }
    o.put("mean", mean);
    Ok(o)
}
