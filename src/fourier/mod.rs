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
//!
//! Files: `activation` (which activations the view covers, and parsing them), `series`
//! (the continuous series), `cyclic` (the discrete components on `C_n`); the radical form
//! of a quadratic irrational lives with [`Cyclotomic`](crate::arith::Cyclotomic), and the
//! text and JSON renderings in [`crate::report::fourier`].

mod activation;
mod cyclic;
mod series;

pub use crate::arith::cyclotomic::quadratic_radical;
pub(crate) use activation::parts_or_zero;
pub use activation::{parse_activation, require_homogeneous};
pub use cyclic::{cyclic_components, CyclicComponent, CyclicFourier};
pub use series::{fourier_series, FourierCoefficient, FourierSeries, PiForm};

/// Largest `--terms` accepted by [`fourier_series`].
pub const MAX_TERMS: usize = 100_000;

/// Largest `n` accepted by [`cyclic_components`] (the cost grows like `n^2` products in
/// `Q(E(n))`).
pub const MAX_CYCLIC: u64 = 256;
