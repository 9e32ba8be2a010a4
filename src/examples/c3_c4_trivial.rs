//! C3 and C4: ReLU from `L1` to the trivial representation.

use super::support::{cos_root, show, sin_root, Lcg};
use super::ExampleOutput;
use crate::arith::Cyclotomic;
use crate::arith::Q;
use crate::group::Limits;
use crate::pl::Activation;
use crate::Result;

pub(super) fn c3_c4_trivial(_: &Limits) -> Result<ExampleOutput> {
    let mut o = ExampleOutput::new();
    o.line(
        "Convention: the point (a, b) of L1 in R^{C_n} is v_j = a sin(2 pi j/n) + b cos(2 pi j/n);",
    );
    o.line("the map is f(a, b) = (1/n) sum_j ReLU(v_j), the trivial component of ReLU(v).");
    o.line("Claim: C3: f(0,1) = 1/3 and f(1,0) = 1/(2 sqrt 3); C4: f(a,b) = (|a| + |b|)/4.");
    o.line("");
    for (key, a, b) in [("c3_0_1", 0, 1), ("c3_1_0", 1, 0)] {
        let v = trivial_of_l1(3, &Q::from_int(a), &Q::from_int(b))?;
        // 1/(2 sqrt 3) prints as sqrt(3)/6; show the reciprocal too so the claim reads directly.
        let recip = v
            .checked_inv()
            .map_or(String::new(), |r| format!("  (1/f = {})", show(&r)));
        o.line(format!(
            "  C3: f({a},{b}) = {}{recip}  [GAP: {v}]",
            show(&v)
        ));
        o.put(key, v);
    }
    o.line("");
    let mut rng = Lcg(4);
    let mut all = true;
    for i in 0..8 {
        let (a, b) = if i == 0 {
            (Q::one(), Q::zero())
        } else {
            (rng.q(), rng.q())
        };
        let v = trivial_of_l1(4, &a, &b)?;
        let formula = Cyclotomic::from_q((&a.abs() + &b.abs()) * Q::new(1, 4));
        let ok = v == formula;
        all &= ok;
        o.line(format!(
            "  C4: f({a}, {b}) = {}   (|a| + |b|)/4 = {}   equal: {ok}",
            show(&v),
            show(&formula)
        ));
        o.put(format!("c4_{i}"), v);
    }
    o.line(format!(
        "C4 formula holds exactly on all sampled points: {all}"
    ));
    o.put_int("c4_formula_holds", all as i64);
    Ok(o)
}

/// `(1/n) sum_j ReLU(a sin(2 pi j/n) + b cos(2 pi j/n))`: the trivial component of ReLU
/// applied to the point `(a, b)` of `L1`.
fn trivial_of_l1(n: u64, a: &Q, b: &Q) -> Result<Cyclotomic> {
    let mut sum = Cyclotomic::zero();
    for j in 0..n as i64 {
        let v = &sin_root(n, j).scale(a) + &cos_root(n, j).scale(b);
        sum += &Activation::Relu.eval(&v)?;
    }
    Ok(sum.scale(&Q::new(1, n as i64)))
}
