//! Modules of groups too large to enumerate, through the commutant `End_G(R^X)`
//! (theory.md §13): the orbital algebra and its structure constants, the primitive
//! central idempotents over `Q` (the isotypic projectors), the simples present with
//! dimension, multiplicity, type, kernel and character values, and the certified solver
//! on them. Checked independently by [`crate::pl::certify::certify_commutant`].
//!
//! ```
//! use plrep::pl::commutant::{CommutantModule, solve_commutant};
//! use plrep::pl::{certify::certify_commutant, Activation, SolverOptions};
//! use plrep::group::{spec::parse_group, gset::ActionSpec, Limits};
//! let g = parse_group("S12").unwrap();
//! let m = CommutantModule::new(&g, &ActionSpec::parse("natural").unwrap(), &Limits::default()).unwrap();
//! assert_eq!(m.simples.iter().map(|s| s.dim).collect::<Vec<_>>(), vec![1, 11]);
//! let s = solve_commutant(&m, &SolverOptions::new(Activation::Relu)).unwrap();
//! certify_commutant(&m, &s).unwrap();
//! ```

pub mod algebra;
pub mod idempotents;
pub mod linalg;
pub mod module;
pub mod solver;

pub use algebra::OrbitalAlgebra;
pub use module::{CommutantModule, GiantKernel, Isotypic};
pub use solver::{solve_commutant, CommutantPair, CommutantSolution};
