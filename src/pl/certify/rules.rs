//! What the activation allows the checker to conclude, derived in the checker from the
//! activation's definition (its exact values [`Activation::eval_q`] and where its pieces
//! change), not from the solver's rule.
//!
//! With `g(t) = sigma(t + q) - sigma(q)` (`q` the bias, 0 without) the map on `V_L` is
//! `F(w) = P_{L'} g(w)` coordinatewise. Identities of `g` hold for every real `t` when
//! they hold on the test points: `0`, the breakpoints of `t -> g(t)` and `t -> g(-t)`,
//! and three points beyond the outermost one on each side. Between consecutive test
//! points both sides of a piecewise linear identity are affine, so agreeing at the ends
//! they agree throughout; on an unbounded piece two points fix an affine function, and
//! three fix a quadratic (a piecewise linear `g` equals `c t^2 + a t` with `c != 0` at no
//! three points of one piece); for `square`, `g` is a quadratic polynomial and three
//! points decide any identity of degree <= 2.

use super::super::activation::Activation;
use crate::arith::Q;

/// The conclusions valid for one ordered pair `L -> L'`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Allowed {
    /// `g(t) = a t` and `L != L'`: `F = a P_{L'} = 0` on `V_L` (orthogonal components).
    pub linear: bool,
    /// `g` odd: `F(-w) = -F(w)`; `T^odd(V_L)` contains every `g(w)`.
    pub odd: bool,
    /// `g(t) - a t` even and (`a = 0` or `L != L'`): `F(-w) = F(w)`, and `F(w) =
    /// P_{L'} e(w)` with `e(w)` in `T(V_L)`.
    pub even: bool,
    /// `g(t) = c t^2 + a t` and (`a = 0` or `L != L'`): `F(w) = c P_{L'}(w ∘ w)`.
    pub quadratic: bool,
}

/// Where `sigma` changes from one piece to the next, or `None` for a polynomial of
/// degree <= 2. Every variant is listed, so a new activation must be placed here.
fn breakpoints(act: &Activation) -> Option<Vec<Q>> {
    match act {
        Activation::Relu | Activation::Abs | Activation::Identity | Activation::Leaky(_) => {
            Some(vec![Q::zero()])
        }
        Activation::Hardtanh => Some(vec![-Q::one(), Q::one()]),
        Activation::Square => None,
    }
}

/// The conclusions for `act` with optional `bias` on a pair (`same`: `L = L'`).
///
/// Complexity: `O(#breakpoints)` exact evaluations.
pub(super) fn allowed(act: &Activation, bias: Option<&Q>, same: bool) -> Allowed {
    let q = bias.cloned().unwrap_or_else(Q::zero);
    let sq = act.eval_q(&q);
    let g = |t: &Q| act.eval_q(&(t + &q)) - &sq;
    let mut points = vec![Q::zero()];
    for b in breakpoints(act).unwrap_or_default() {
        let s = &b - &q;
        points.push(-&s);
        points.push(s);
    }
    let far = points.iter().map(Q::abs).max().unwrap_or_else(Q::zero);
    for k in 1..=3 {
        let t = &far + &Q::from_int(k);
        points.push(-&t);
        points.push(t);
    }
    let holds = |f: &dyn Fn(&Q) -> bool| points.iter().all(f);
    let (g1, gm1) = (g(&Q::one()), g(&-Q::one()));
    let two = Q::from_int(2);
    let a = (&g1 - &gm1) / &two;
    let c = (&g1 + &gm1) / &two;
    let a_killed = a.is_zero() || !same;
    Allowed {
        linear: !same && holds(&|t| g(t) == &g1 * t),
        odd: holds(&|t| (g(t) + g(&-t)).is_zero()),
        even: a_killed && holds(&|t| g(t) - g(&-t) == &(&two * &a) * t),
        quadratic: a_killed && holds(&|t| g(t) == &(&c * t) * t + &a * t),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn act(s: &str) -> Activation {
        Activation::parse(s).unwrap()
    }

    #[test]
    fn conclusions_follow_the_definitions() {
        let off = |s: &str| allowed(&act(s), None, false);
        let diag = |s: &str| allowed(&act(s), None, true);
        assert!(off("relu").even && !off("relu").odd && !off("relu").linear);
        assert!(!diag("relu").even && !diag("relu").odd);
        assert!(diag("abs").even && !diag("abs").odd);
        assert!(diag("hardtanh").odd && !diag("hardtanh").even);
        assert!(diag("square").quadratic && diag("square").even && !diag("square").odd);
        assert!(off("identity").linear && diag("identity").odd && !diag("identity").linear);
        assert!(!off("hardtanh").quadratic && !off("relu").quadratic);
        let one = Q::one();
        let biased = |s: &str, same| allowed(&act(s), Some(&one), same);
        assert!(!biased("relu", false).even && !biased("hardtanh", true).odd);
        assert!(!biased("abs", false).even);
        assert!(biased("square", false).quadratic && !biased("square", true).quadratic);
        assert!(biased("identity", false).linear);
    }
}
