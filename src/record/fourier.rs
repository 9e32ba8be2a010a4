//! The Fourier documents (docs/cli.md, `plrep fourier`): `plrep.fourier.v1`, the exact
//! Fourier series of `sigma(sin x)`, and `plrep.fourier.cyclic.v1`, the components of
//! `sigma` applied to a cosine vector of the regular module of `C_n`. Written by
//! `FourierSeries::record` and `CyclicFourier::record` (src/report/fourier.rs). Fields in
//! the alphabetical order of their keys.

use serde::{Deserialize, Serialize};

/// The schema name of the series document.
pub const FOURIER_SCHEMA: &str = "plrep.fourier.v1";

/// The schema name of the cyclic document.
pub const FOURIER_CYCLIC_SCHEMA: &str = "plrep.fourier.cyclic.v1";

/// A `plrep.fourier.v1` document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FourierRecord {
    /// The activation's canonical name.
    pub activation: String,
    /// The coefficients for `k = 0, 1, ...`.
    pub coefficients: Vec<FourierCoefficientRecord>,
    /// Always [`FOURIER_SCHEMA`].
    pub schema: String,
}

/// The coefficients of `cos kx` and `sin kx`, each `rational + over_pi / pi` with exact
/// rationals written `"p/q"`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FourierCoefficientRecord {
    /// The `1/pi` part of `a_k`.
    pub cos_over_pi: String,
    /// The rational part of `a_k`.
    pub cos_rational: String,
    /// The frequency.
    pub k: usize,
    /// The `1/pi` part of `b_k`.
    pub sin_over_pi: String,
    /// The rational part of `b_k`.
    pub sin_rational: String,
}

/// A `plrep.fourier.cyclic.v1` document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CyclicFourierRecord {
    /// The activation's canonical name.
    pub activation: String,
    /// The components `k = 0 .. n/2`.
    pub components: Vec<CyclicComponentRecord>,
    /// The order of the cyclic group.
    pub n: u64,
    /// Always [`FOURIER_CYCLIC_SCHEMA`].
    pub schema: String,
}

/// The component of `sigma(v)` on the simple `L_k`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CyclicComponentRecord {
    /// The decimal value of `cos` (printed only, never used).
    pub approx: f64,
    /// `alpha_k`, exact in GAP notation.
    pub cos: String,
    /// The frequency.
    pub k: u64,
    /// `L0`, `L1`, ...
    pub label: String,
    /// `beta_k`, exact in GAP notation.
    pub sin: String,
}
