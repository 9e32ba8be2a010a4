//! The output layer's records: one `Serialize`/`Deserialize` type per object of each JSON
//! schema plrep writes (docs/schemas.md lists schema names -> types), used by every writer
//! and every reader (survey resume and merge included), so an object has one encoding per
//! schema and the schemas are documented from the types.
//!
//! Arrows run one way: the records sit on top of the domain (`graph`, `pl`, `lattice`, ...)
//! and below the writers (`report`, `survey`, `enumerate`, the binary). A domain module
//! imports neither `record` nor `report`; the conversions from a domain type to its record
//! live here as inherent methods (`InteractionGraph::to_record`), the way petgraph's
//! `dot::Dot` sits on top of its graphs.
//!
//! Byte compatibility: the documents were first written with `serde_json::json!`, whose
//! objects are sorted maps, so every record declares its fields in the alphabetical order of
//! their keys; optional keys that some encodings omit are `skip_serializing_if`.
//! `tests/it/records.rs` round-trips each record on real outputs.
//!
//! Also here: `table`, `lattice`, `fourier`, `decompose`, `compare`, `examples`, `exists`
//! and `subgroups`, the documents of the commands of those names; `network`
//! (`plrep.network.v1` of both routes and `plrep.joint.v1`), `pair` (`plrep.pair.v1`),
//! `enumerate`, `export` (`plrep.export*.v1`) and `manifest` (`plrep.survey.manifest.v1`).

pub mod compare;
pub mod decompose;
pub mod enumerate;
pub mod examples;
pub mod exists;
pub mod export;
pub mod fourier;
pub mod graph;
pub mod lattice;
pub mod manifest;
pub mod network;
pub mod pair;
pub mod subgroups;
pub mod survey;
pub mod table;

use serde::{Deserialize, Deserializer, Serialize};

/// A count that may exceed `u64` (the order of `S_30`, a kernel of a giant): written as a
/// JSON number when it fits in `u64`, as a decimal string otherwise.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Count {
    /// Fits in `u64`: a JSON number.
    Small(u64),
    /// Beyond `u64`: its decimal digits.
    Big(String),
}

impl std::fmt::Display for Count {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Count::Small(n) => write!(f, "{n}"),
            Count::Big(s) => f.write_str(s),
        }
    }
}

impl Count {
    /// The encoding of `x`.
    pub fn of(x: &num_bigint::BigUint) -> Count {
        use num_traits::ToPrimitive;
        match x.to_u64() {
            Some(v) => Count::Small(v),
            None => Count::Big(x.to_string()),
        }
    }
}

/// Deserialize a present key of an `Option<Option<T>>` field as `Some(value)` (with
/// `#[serde(default)]` an absent key is `None`), so "absent" and "`null`" stay apart.
pub(crate) fn some<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> std::result::Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}
