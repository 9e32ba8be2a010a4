//! The `plrep.enumerate.v1` document (docs/cli.md, `plrep enumerate --format json`): every
//! transitive module `R^{G/H}` of one group with its certified graph, and for every
//! ordered pair of simples the modules where it is an edge or a non-edge. Built from an
//! [`Enumeration`] by [`Enumeration::to_record`] (the domain module `enumerate` builds no
//! presentation). Fields in the alphabetical order of their keys.

use super::graph::GraphRecord;
use crate::enumerate::Enumeration;
use crate::graph::GraphStats;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;

/// The schema name of the enumeration document.
pub const ENUMERATE_SCHEMA: &str = "plrep.enumerate.v1";

/// A `plrep.enumerate.v1` document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EnumerateRecord {
    /// The activation's name.
    pub activation: String,
    /// The bias as an exact rational, or `null`.
    pub bias: Option<String>,
    /// Always `true`: every module's graph is certified.
    pub certified: bool,
    /// The group.
    pub group: EnumerateGroupRecord,
    /// Every ordered pair of simples present together in some module.
    pub pairs: Vec<PairOccurrenceRecord>,
    /// Always [`ENUMERATE_SCHEMA`].
    pub schema: String,
    /// All real simples of `G`.
    pub simples: Vec<EnumeratedSimpleRecord>,
    /// One module per conjugacy class of subgroups `H`, ascending by `|H|`.
    pub subgroups: Vec<EnumeratedModuleRecord>,
}

/// The group of an enumeration document (an unnamed group is named by its generators
/// joined by `,`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnumerateGroupRecord {
    /// Generators in GAP notation.
    pub generators: Vec<String>,
    /// The name.
    pub name: String,
    /// `|G|`.
    pub order: u64,
}

/// A real simple of `G`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnumeratedSimpleRecord {
    /// `dim_R L`.
    pub dim: u64,
    /// `|ker L|`.
    pub kernel_order: u64,
    /// `L0`, `L1`, ...
    pub label: String,
    /// `|ker^± L|`.
    pub pm_kernel_order: u64,
    /// `real`, `complex` or `quaternionic`.
    #[serde(rename = "type")]
    pub kind: String,
}

/// The module `R^{G/H}` of one class of subgroups `H`: the class (the keys of a
/// `plrep.subgroups.v1` class, docs/schemas.md) and the module's simples, statistics and
/// graph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EnumeratedModuleRecord {
    /// `|N_G(H) : H|`, the order of the centralizer of `G` in `Sym(G/H)`.
    pub centralizer_order: u64,
    /// The number of conjugates `|G : N_G(H)|`.
    pub conjugates: u64,
    /// Generators of `H` in GAP notation.
    pub generators: Vec<String>,
    /// The module's certified graph (`plrep.graph.v1`).
    pub graph: GraphRecord,
    /// `|G : H|`.
    pub index: u64,
    /// `H1`, `H2`, ...
    pub label: String,
    /// Whether `H` is normal.
    pub normal: bool,
    /// Generators of `N_G(H)`.
    pub normalizer_generators: Vec<String>,
    /// `|N_G(H)|`.
    pub normalizer_order: u64,
    /// `|H|`.
    pub order: u64,
    /// The simples present, `[label, multiplicity]`.
    pub simples: Vec<(String, u64)>,
    /// The module's counts (written with their keys in alphabetical order).
    #[serde(serialize_with = "sorted")]
    pub stats: GraphStats,
}

/// Serialise `x` with its keys in alphabetical order (through a JSON value, whose maps
/// are sorted), for a domain type whose fields are declared in another order.
fn sorted<T: Serialize, S: Serializer>(x: &T, s: S) -> std::result::Result<S::Ok, S::Error> {
    serde_json::to_value(x)
        .map_err(serde::ser::Error::custom)?
        .serialize(s)
}

/// Where one ordered pair of simples is an edge and where a non-edge.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairOccurrenceRecord {
    /// The modules (labels `H<i>`) where the pair is an edge.
    pub edge_in: Vec<String>,
    /// The source's label.
    pub from: String,
    /// The modules where it is a certified non-edge, `[label, kind]` (`linear`, `kernel`,
    /// `centralizer`, `certificate`).
    pub non_edge_in: Vec<(String, String)>,
    /// The target's label.
    pub to: String,
}

impl Enumeration {
    /// The document `plrep.enumerate.v1` as a record.
    ///
    /// Complexity: the size of the document (every module's graph record).
    pub fn to_record(&self) -> EnumerateRecord {
        let label = |i: usize| self.simples[i].label.clone();
        let perms = |p: &[crate::group::Perm]| p.iter().map(|g| g.to_string()).collect();
        let subgroups = self
            .modules
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let h = &m.subgroup;
                EnumeratedModuleRecord {
                    centralizer_order: h.weyl_order(),
                    conjugates: h.length,
                    generators: perms(&h.generators),
                    graph: m.graph.to_record(),
                    index: h.index,
                    label: Self::subgroup_label(i),
                    normal: h.is_normal(),
                    normalizer_generators: perms(&h.normalizer_generators),
                    normalizer_order: h.normalizer_order,
                    order: h.order,
                    simples: m
                        .graph
                        .graph
                        .node_weights()
                        .map(|v| (v.label.clone(), v.multiplicity))
                        .collect(),
                    stats: m.stats.clone(),
                }
            })
            .collect();
        let pairs = self
            .pair_occurrences()
            .into_iter()
            .map(|((a, b), o)| PairOccurrenceRecord {
                edge_in: o.edge_in.iter().map(|&m| Self::subgroup_label(m)).collect(),
                from: label(a),
                non_edge_in: o
                    .non_edge_in
                    .iter()
                    .map(|&(m, k)| (Self::subgroup_label(m), k.name().to_string()))
                    .collect(),
                to: label(b),
            })
            .collect();
        EnumerateRecord {
            activation: self.activation.clone(),
            bias: self.bias.as_ref().map(|b| b.to_string()),
            certified: true,
            group: EnumerateGroupRecord {
                generators: self.generators.clone(),
                name: self.group_name.clone(),
                order: self.group_order,
            },
            pairs,
            schema: ENUMERATE_SCHEMA.to_string(),
            simples: self
                .simples
                .iter()
                .map(|s| EnumeratedSimpleRecord {
                    dim: s.dim,
                    kernel_order: s.kernel_order,
                    label: s.label.clone(),
                    pm_kernel_order: s.pm_kernel_order,
                    kind: s.kind.name().to_string(),
                })
                .collect(),
            subgroups,
        }
    }

    /// The document `plrep.enumerate.v1` as a JSON value (the bytes of
    /// [`Enumeration::to_record`]).
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self.to_record()).expect("an enumeration record serialises")
    }
}
