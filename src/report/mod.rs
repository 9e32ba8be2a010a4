//! Presentation: layered drawings (SVG, DOT, TikZ) shared by lattices and interaction
//! graphs. Everything here returns strings; the library does no I/O.

pub mod abelian_table;
pub mod atlas;
pub mod columns;
pub mod commutant_network;
pub mod dihedral_route;
pub mod enumeration;
pub mod escape;
pub mod fourier;
pub mod giant_table;
pub mod graph;
pub mod lattice;
pub mod layered;
pub mod names;
pub mod network;
pub mod network_record;
pub mod npy;
pub mod regular_route;
pub mod survey_summary;
pub mod table;
pub mod table_stream;

pub use layered::{EdgeStyle, LayeredDrawing};
