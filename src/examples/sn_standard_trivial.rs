//! S_n: ReLU from the standard to the trivial representation is `(1/2n)|x|_1`, checked
//! three ways (mean, formula, the solver's projector).

use super::support::{group, relu_q, vec_text, Lcg};
use super::ExampleOutput;
use crate::arith::ntheory::gcd;
use crate::arith::Cyclotomic;
use crate::arith::Q;
use crate::group::gset::ActionSpec;
use crate::group::Limits;
use crate::pl::PlModule;
use crate::Error;
use crate::Result;

pub(super) fn sn_standard_trivial(limits: &Limits) -> Result<ExampleOutput> {
    let mut o = ExampleOutput::new();
    o.line("Claim: S_n on R^n = trivial + standard; for x in the standard representation (sum x_i = 0)");
    o.line("the trivial component of ReLU(x) is the constant (1/n) sum ReLU(x_i) = (1/2n) |x|_1.");
    o.line("Proof: sum x_i = 0 gives sum ReLU(x_i) = sum ReLU(-x_i), and their sum is |x|_1.");
    o.line("");
    o.line(
        "Each trivial component is also computed with the solver's projector P_L0 of the natural",
    );
    o.line("module (plrep::pl::PlModule::project), which must return that constant vector; \"all three\" = mean, (1/2n)|x|_1, projector.");
    o.line("");
    let mut rng = Lcg(7);
    let mut all = true;
    for n in 3..=6usize {
        let module = PlModule::new(&group(&format!("S{n}"))?, &ActionSpec::Natural, limits)?;
        for t in 0..4 {
            let x: Vec<Q> = if n == 3 && t == 0 {
                vec![Q::one(), Q::from_int(-1), Q::zero()]
            } else {
                let mut x: Vec<Q> = (0..n - 1).map(|_| rng.q()).collect();
                let s = x.iter().fold(Q::zero(), |acc, v| &acc + v);
                x.push(-s);
                x
            };
            let sum = x.iter().fold(Q::zero(), |acc, v| &acc + v);
            if !sum.is_zero() {
                return Err(Error::verification(
                    "a test vector is not in the standard representation",
                ));
            }
            // The projection onto the trivial representation is the mean of the coordinates.
            let trivial =
                x.iter().fold(Q::zero(), |acc, v| &acc + &relu_q(v)) * Q::new(1, n as i64);
            let l1 = x.iter().fold(Q::zero(), |acc, v| &acc + &v.abs()) * Q::new(1, 2 * n as i64);
            let projected = projected_trivial(&module, &x)?;
            let ok = trivial == l1
                && projected
                    .iter()
                    .all(|c| *c == Cyclotomic::from_q(trivial.clone()));
            all &= ok;
            o.line(format!("  n = {n}: x = {:<28} trivial component {:<8} (1/2n)|x|_1 = {:<8} all three equal: {ok}", vec_text(&x), trivial.to_string(), l1.to_string()));
            o.put(format!("n{n}_{t}"), Cyclotomic::from_q(trivial));
        }
    }
    o.line(format!("Equal on every sample: {all}"));
    o.put_int("all_equal", all as i64);
    Ok(o)
}

/// `P_L0 ReLU(x)` by the solver's projector of the natural module (integer input, so scale
/// `x` by the common denominator `D` and use `ReLU(Dx) = D ReLU(x)`). Returns the projected
/// vector divided by `D`.
fn projected_trivial(m: &PlModule, x: &[Q]) -> Result<Vec<Cyclotomic>> {
    let mut d = 1i64;
    for v in x {
        let (_, den) = v
            .as_small()
            .ok_or_else(|| Error::verification("test vector entry too large"))?;
        d = d / gcd(d, den) * den;
    }
    let r: Vec<i64> = x
        .iter()
        .map(|v| {
            relu_q(&(v * &Q::from_int(d)))
                .to_i64()
                .expect("integral after scaling")
        })
        .collect();
    let l0 = (0..m.simples.len())
        .find(|&l| m.simples.simples[l].is_trivial())
        .expect("the trivial simple occurs in R^n");
    Ok(m.project(l0, &r)
        .into_iter()
        .map(|c| c.scale(&Q::new(1, d)))
        .collect())
}
