//! Interaction graphs of one equivariant layer: the certified graph (petgraph), its text
//! summary and comparison of two graphs. Its JSON is in [`crate::record::graph`], its
//! drawings in [`crate::report::graph`]: this module imports no presentation.

pub mod commutant;
pub mod compare;
pub mod interaction;
pub mod stats;

pub use commutant::CommutantGraph;
pub use compare::{compare, Comparison};
pub use interaction::{InteractionGraph, Vertex};
pub use stats::{non_edge_kind, GraphStats, NonEdgeKind};
