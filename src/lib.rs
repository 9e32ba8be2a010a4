//! # plrep — exact piecewise linear representation theory of finite groups
//!
//! plrep computes, exactly and with proof, how the activation layers of an equivariant
//! neural network move information between the simple representations of its symmetry
//! group (Gibson, Tubbenhauer, Williamson, *Equivariant neural networks and piecewise
//! linear representation theory*, arXiv:2408.00949).
//!
//! Data flows one way:
//! group spec → [`group::PermGroup`] → [`group::ConjugacyClasses`] → character table →
//! real simples → normal lattice → solver → interaction graph → exports.
//!
//! ## Conventions
//! * Points are `0..n` internally and `1..n` in text (GAP cycle notation).
//! * Permutations act on the right: `x^(gh) = (x^g)^h`, as in GAP.
//! * `E(n)` is `exp(2 pi i / n)`; cyclotomic values print in GAP notation.
//! * Dihedral groups are named by their order: `D8` has order 8.
//!
//! The library does no I/O beyond reading group files and directories named on the
//! command line ([`group::spec::load_group`], [`survey::groups`]); the `plrep` binary
//! is a thin command line over it (it writes every file, runs the threads and draws the
//! progress).

pub mod arith;
pub mod character;
pub mod contour;
pub mod enumerate;
pub mod error;
pub mod examples;
pub mod fourier;
pub mod graph;
pub mod group;
pub mod lattice;
pub mod network;
pub mod pl;
pub mod report;
pub mod survey;

pub use error::{Error, Result};
