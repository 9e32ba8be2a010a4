//! The `plrep.pair.v1` document (docs/cli.md, `plrep solve --format json`): one ordered
//! pair of simples with its certificate in full. Two encodings are kept byte for byte:
//! [`PairRecord`] (one source, the solver of `graph`: the witness is the graph document's
//! [`EdgeWitnessRecord`], the obstruction is in words with the block data under `detail`,
//! and the pair-level rules) and [`JointPairRecord`] (joint sources or a per-orbit or
//! generic bias, the network engine on one layer: `from` is a list, the witness is a
//! witness network's input with its bias, the obstruction a [`JointObstructionRecord`]).
//! Fields in the alphabetical order of their keys.

use super::graph::{ActionRecord, EdgeWitnessRecord};
use super::network::{BiasValueRecord, JointObstructionRecord, NamedGroupRecord};
use super::some;
use crate::pl::Obstruction;
use serde::{Deserialize, Serialize};

/// The schema name of the pair document.
pub const PAIR_SCHEMA: &str = "plrep.pair.v1";

/// A `plrep.pair.v1` document of `plrep solve` with one source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairRecord {
    /// The action (spec and `|X|`).
    pub action: ActionRecord,
    /// The activation's name.
    pub activation: String,
    /// The bias as an exact rational, or `null`.
    pub bias: Option<String>,
    /// Whether the independent checker re-checked the certificate (`false` when not asked,
    /// or when there was nothing to check).
    pub certified: bool,
    /// The source's label.
    pub from: String,
    /// The group.
    pub group: NamedGroupRecord,
    /// The group-theoretic reason, or `null`.
    pub group_reason: Option<String>,
    /// Whether the kernel rule refutes the pair.
    pub kernel_rule: bool,
    /// Whether rule (a) refutes the pair.
    pub rule_a: bool,
    /// Always [`PAIR_SCHEMA`].
    pub schema: String,
    /// The target's label.
    pub to: String,
    /// The verdict with its certificate.
    pub verdict: PairVerdictRecord,
}

/// The verdict of a [`PairRecord`]: `type` `edge` (with `witness`), `non_edge` (with
/// `obstruction` in words and `detail`) or `unresolved` (with `reason`, `tried`,
/// `potential_counterexample`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairVerdictRecord {
    /// Non-edge: the block data, or `null` for a linear or Hadamard obstruction.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "some"
    )]
    pub detail: Option<Option<BlockDetailRecord>>,
    /// Non-edge: the obstruction in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub obstruction: Option<String>,
    /// Unresolved: whether the block rule predicts an edge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub potential_counterexample: Option<bool>,
    /// Unresolved: why, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Unresolved: what was tried.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tried: Option<String>,
    /// `edge`, `non_edge` or `unresolved`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Edge: the witness (exact, or a Fourier residue).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub witness: Option<EdgeWitnessRecord>,
}

/// The block data of a block-space obstruction in a [`PairRecord`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockDetailRecord {
    /// The sign classes, `[point, sign]` pairs.
    pub classes: Vec<Vec<(usize, i8)>>,
    /// The block space (`T`, `T+`, `T_odd`).
    pub space: String,
    /// The zero set.
    pub zero_set: Vec<usize>,
}

impl BlockDetailRecord {
    /// The block data of `o`, `None` for a linear or Hadamard obstruction.
    pub fn of(o: &Obstruction) -> Option<BlockDetailRecord> {
        match o {
            Obstruction::Blocks {
                kind,
                zero_set,
                classes,
            } => Some(BlockDetailRecord {
                classes: classes.to_vec(),
                space: kind.name().to_string(),
                zero_set: zero_set.to_vec(),
            }),
            Obstruction::Linear | Obstruction::Hadamard => None,
        }
    }
}

/// A `plrep.pair.v1` document of `plrep solve` with joint sources or a per-orbit or
/// generic bias.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JointPairRecord {
    /// The action (spec and `|X|`).
    pub action: ActionRecord,
    /// The activation's name.
    pub activation: String,
    /// The bias mode in words.
    pub bias: String,
    /// Whether the network checker re-checked the certificate.
    pub certified: bool,
    /// The labels of the sources.
    pub from: Vec<String>,
    /// The group.
    pub group: NamedGroupRecord,
    /// Always [`PAIR_SCHEMA`].
    pub schema: String,
    /// The target's label.
    pub to: String,
    /// The verdict with its certificate.
    pub verdict: JointVerdictRecord,
}

/// The verdict of a [`JointPairRecord`]: `type` `edge` (with `witness`), `non_edge` (with
/// `obstruction` and `reason`) or `unresolved`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JointVerdictRecord {
    /// Non-edge: the joint obstruction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub obstruction: Option<JointObstructionRecord>,
    /// Non-edge: the obstruction in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// `edge`, `non_edge` or `unresolved`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Edge: the witness.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub witness: Option<JointWitnessRecord>,
}

/// The witness of a joint edge: `w = t sum_L P_L r`, the invariant bias, the point read
/// off and the exact value there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JointWitnessRecord {
    /// The bias, one value per orbit (named by a point), empty for none.
    pub bias: Vec<BiasValueRecord>,
    /// The point read off.
    pub point: usize,
    /// Its label.
    pub point_label: String,
    /// The integer vector `r`.
    pub r: Vec<i64>,
    /// The scale `t`, an exact rational.
    pub scale: String,
    /// The seed that drew `r`.
    pub seed: u64,
    /// The nonzero value in GAP notation, or `null` when not computed.
    pub value: Option<String>,
}
