//! The lattice of normal subgroups, read off the character table (theory.md §3):
//! every normal subgroup is an intersection of kernels of irreducible characters.

pub mod normal;

pub use normal::{NormalLattice, NormalSubgroup};
