//! The `plrep.compare.v1` document (docs/cli.md, `plrep compare`): two interaction
//! graphs, whether they are isomorphic, and the edge diff under the best matching.
//! Written by the binary's `compare` command. Fields in the alphabetical order of their
//! keys.

use serde::{Deserialize, Serialize};

/// The schema name of the compare document.
pub const COMPARE_SCHEMA: &str = "plrep.compare.v1";

/// A `plrep.compare.v1` document (the fields of `graph::Comparison` and the two titles).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompareRecord {
    /// Graph A: group, order, action, activation and bias in words.
    pub a: String,
    /// Graph B, likewise.
    pub b: String,
    /// Whether every matching was tried.
    pub exhaustive: bool,
    /// Whether the graphs are isomorphic (respecting dimensions and kernel orders).
    pub isomorphic: bool,
    /// The best matching, `[label in A, label in B]` pairs.
    pub matching: Vec<(String, String)>,
    /// Edges of A without an image in B, `[from, to]` label pairs.
    pub only_in_a: Vec<(String, String)>,
    /// Edges of B without a preimage in A.
    pub only_in_b: Vec<(String, String)>,
    /// Whether the vertices agree (simples present, dimensions, kernel orders).
    pub same_vertices: bool,
    /// Always [`COMPARE_SCHEMA`].
    pub schema: String,
}
