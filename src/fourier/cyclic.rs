//! The discrete Fourier view: `sigma` applied to the `L1` vector of `C_n`, split into the
//! real simples `L_k`.

use super::activation::require_homogeneous;
use super::MAX_CYCLIC;
use crate::arith::{Cyclotomic, Q};
use crate::pl::Activation;
use crate::{Error, Result};

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
}
