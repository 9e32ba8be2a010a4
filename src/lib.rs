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
//!
//! ## A first program
//!
//! From a group to its exact character table, then to a module and its certified
//! interaction graph (the independent checker re-derives every edge and non-edge):
//!
//! ```
//! use plrep::prelude::*;
//!
//! let g = parse_group("C8")?;
//! let table = CharacterTable::compute(&g, &Limits::default())?;
//! assert_eq!(table.num_classes(), 8);
//!
//! let module = PlModule::new(&g, &ActionSpec::parse("regular")?, &Limits::default())?;
//! let solution = solve(&module, &SolverOptions::new(Activation::Relu))?;
//! let certified = check(&module, solution)?; // an error, never a wrong graph
//! let graph = InteractionGraph::from_certified(&module, &certified);
//! assert!(graph.to_text().contains("L1 -> L0 L1 L2 L4"));
//! # Ok::<(), plrep::Error>(())
//! ```
//!
//! More programs are in the `examples/` directory (`cargo run --release --example NAME`).

#![deny(rustdoc::broken_intra_doc_links)]

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
pub mod record;
pub mod report;
pub mod survey;

pub use error::{Error, LimitKind, Result};

/// The types of a first program, in one import: `use plrep::prelude::*;`.
pub mod prelude {
    pub use crate::character::{CharacterTable, RealSimple, RealSimples};
    pub use crate::error::{Error, Result};
    pub use crate::graph::InteractionGraph;
    pub use crate::group::gset::{ActionSpec, GSet};
    pub use crate::group::spec::parse_group;
    pub use crate::group::{Limits, Perm, PermGroup};
    pub use crate::pl::{
        certify, check, solve, Activation, CertifiedSolution, PlModule, SolverOptions,
    };
}
