//! Permutation groups, their elements and conjugacy classes, group specifications and
//! G-sets.

pub mod action_spec;
pub mod catalog;
pub mod classes;
pub mod elements;
pub mod giant;
pub mod gset;
pub mod lexclasses;
pub mod limits;
pub mod naming;
pub mod orbitals;
pub mod perm;
pub mod permgroup;
pub mod smallgroups;
pub mod spec;

pub use classes::{ClassData, ConjugacyClasses};
pub use elements::EnumeratedGroup;
pub use limits::Limits;
pub use perm::Perm;
pub use permgroup::PermGroup;
pub mod stabchain;
pub mod subgroup_transporters;
pub mod subgroups;
pub use stabchain::StabChain;
