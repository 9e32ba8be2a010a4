//! The sign rule of the symmetry theorems (theory.md §7, T0–T2): how `F` changes when
//! `w` becomes `-w`. Written once and imported by [`super::centralizer`] and
//! [`super::reason`], so `centralizer` needs neither `reason` nor `solver` and the pl
//! modules import each other without a cycle.

use super::activation::{Activation, Parity};
use crate::arith::Q;

/// How `F(w) = P_{L'}(sigma(w + q1) - sigma(q)1)` on `V_L` changes when `w` becomes `-w`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignRule {
    /// `F(-w) = F(w)`: `sigma` even without bias, or homogeneous without bias off the
    /// diagonal (`sigma(-w) = sigma(w) - 2a w` and `P_{L'} w = 0`).
    Even,
    /// `F(-w) = -F(w)`: `sigma` odd without bias.
    Odd,
    /// Neither is known: only elements acting by `+1` on `V_L` constrain `F(w)`.
    Plain,
}

/// The [`SignRule`] of `activation` with optional `bias` on the pair `L -> L'` (`same`:
/// `L = L'`).
///
/// Complexity: `O(1)`.
pub fn sign_rule(activation: &Activation, bias: Option<&Q>, same: bool) -> SignRule {
    if bias.is_some() {
        return SignRule::Plain;
    }
    if activation.parity() == Parity::Even || (activation.is_homogeneous() && !same) {
        SignRule::Even
    } else if activation.parity() == Parity::Odd {
        SignRule::Odd
    } else {
        SignRule::Plain
    }
}
