//! Interaction graphs of one equivariant layer: the certified graph (petgraph), its
//! exports (JSON `plrep.graph.v1`, text, DOT, TikZ, SVG) and comparison of two graphs.

pub mod commutant;
pub mod compare;
pub mod interaction;
pub mod stats;

pub use commutant::CommutantGraph;
pub use compare::{compare, Comparison};
pub use interaction::{GraphDoc, InteractionGraph, Vertex};
pub use stats::{non_edge_kind, GraphStats, NonEdgeKind};
