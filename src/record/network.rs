//! The `plrep.network.v1` document (docs/cli.md, `plrep network`) of both routes, and
//! `plrep.joint.v1` (the joint-source forms of `graph`: the enumerated route's document
//! with one layer after the input, under that schema name). One record type per object;
//! every field is declared in the alphabetical order of its key, the order in which the
//! documents were first written with `serde_json::json!` (sorted maps), so the bytes are
//! unchanged.
//!
//! The enumerated route ([`NetworkRecord`], written by `report::network`) and the
//! commutant route ([`CommutantNetworkRecord`], `"route": "commutant"`, written by
//! `report::commutant_network`) share the sources ([`SourceRecord`]: per depth the
//! reached, excluded and unresolved simples, and the witness networks) and the joint
//! obstruction ([`JointObstructionRecord`]); they differ in the group (the commutant
//! route writes its order as a string and its degree), the layers and their vertices, and
//! in what a reach and an obstruction carry (the enumerated route adds the point's label,
//! the exact value and, for the kernel rule, the element).

use super::graph::{ProjectorRecord, VertexRecord};
use super::some;
use crate::pl::joint::JointObstruction;
use crate::pl::PlModule;
use serde::{Deserialize, Serialize};

/// The schema name of the network document.
pub const NETWORK_SCHEMA: &str = "plrep.network.v1";

/// The schema name of the joint-source graph document (`plrep graph --from L1,L2`, or a
/// per-orbit or generic bias): a [`NetworkRecord`] with one layer after the input.
pub const JOINT_SCHEMA: &str = "plrep.joint.v1";

/// A `plrep.network.v1` (or `plrep.joint.v1`) document of the enumerated route.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkRecord {
    /// The activation's name.
    pub activation: String,
    /// The bias mode in words (`no bias`, `bias 1/2`, ...).
    pub bias: String,
    /// Whether the independent checker re-checked every certificate.
    pub certified: bool,
    /// The number of layers after the input.
    pub depth: usize,
    /// The group (an unnamed group is `"group"`).
    pub group: NamedGroupRecord,
    /// The layers `0..=depth`.
    pub layers: Vec<NetworkLayerRecord>,
    /// [`NETWORK_SCHEMA`] or [`JOINT_SCHEMA`].
    pub schema: String,
    /// One entry per source set.
    pub sources: Vec<SourceRecord>,
    /// The number of `(source, depth, target)` neither reached nor excluded.
    pub unresolved: usize,
}

/// The group of a network or pair document: its name (`"group"` when it has none) and
/// `|G|` as a number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedGroupRecord {
    /// Name, or `"group"`.
    pub name: String,
    /// `|G|`.
    pub order: u64,
}

/// A layer of the enumerated route.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkLayerRecord {
    /// The layer's action spec.
    pub action: String,
    /// `dim Hom_G(R^{X_{l-1}}, R^{X_l})` (layers after the input only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hom_dim: Option<usize>,
    /// The layer's index `l`.
    pub index: usize,
    /// The orbitals of `G` on `X_l × X_{l-1}` (layers after the input only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub orbitals: Option<Vec<OrbitalRecord>>,
    /// The number of orbits of `G` on `X_l`.
    pub orbits: usize,
    /// `|X_l|`.
    pub points: usize,
    /// The simples present, in the `plrep.graph.v1` vertex form (ids numbered per layer).
    pub vertices: Vec<VertexRecord>,
}

/// An orbital of `G` on `X_l × X_{l-1}`: a representative pair and its size.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrbitalRecord {
    /// A representative pair `(y, x)`.
    pub rep: (usize, usize),
    /// The number of pairs in the orbital.
    pub size: u64,
}

/// The results of one source set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRecord {
    /// `(i, j)` when the alive sets repeat (`U_i = U_j`), `null` otherwise.
    pub cycle: Option<(usize, usize)>,
    /// Per target, the first depth at which it is reached (the depth table's entry).
    pub first_depth: Vec<FirstDepthRecord>,
    /// Per depth `1..`, the statuses.
    pub layers: Vec<DepthRecord>,
    /// The witness networks the reaches refer to.
    pub networks: Vec<WitnessNetworkRecord>,
    /// The labels of the source simples.
    pub sources: Vec<String>,
}

/// A target's entry in the depth table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirstDepthRecord {
    /// The first depth, `≤d`, `never`, `never*` or `?`.
    pub depth: String,
    /// The target's label.
    pub label: String,
}

/// The statuses of one depth for one source set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DepthRecord {
    /// The alive set `U_l`.
    pub alive: Vec<String>,
    /// The depth `l`.
    pub depth: usize,
    /// The excluded targets with their obstructions.
    pub excluded: Vec<ExcludedRecord>,
    /// The reached targets with their witnesses.
    pub reached: Vec<ReachedRecord>,
    /// The targets neither reached nor excluded.
    pub unresolved: Vec<String>,
}

/// A reached target: the witness network and the point read off.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReachedRecord {
    /// The target's label.
    pub label: String,
    /// Index into the source's `networks`.
    pub network: usize,
    /// The point of `X_l` read off.
    pub point: usize,
    /// Enumerated route: the point's label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub point_label: Option<String>,
    /// Enumerated route: the exact nonzero value in GAP notation, or `null` when not
    /// computed.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "some"
    )]
    pub value: Option<Option<String>>,
}

/// An excluded target.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExcludedRecord {
    /// The target's label.
    pub label: String,
    /// Why it is not reached.
    pub obstruction: JointObstructionRecord,
}

/// A joint-step obstruction ([`JointObstruction`]): `type` (`empty`, `linear`, `kernel`,
/// `blocks`, `hadamard`) with the variant's fields, and in the network documents its
/// `reason` in words. Three encodings are kept byte for byte: the enumerated route adds
/// the kernel rule's `element`; the commutant route only the reason (without classes);
/// the joint `plrep.pair.v1` document neither (its verdict has the reason).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JointObstructionRecord {
    /// Kernel rule: the class index of the element.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<usize>,
    /// Blocks: the sign classes, `[point, sign]` pairs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classes: Option<Vec<Vec<(usize, i8)>>>,
    /// Kernel rule, enumerated route: the element (the class representative).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub element: Option<String>,
    /// Blocks: the space, `abs`, `plus` or `odd`.
    #[serde(rename = "kind", default, skip_serializing_if = "Option::is_none")]
    pub space: Option<String>,
    /// The obstruction in words (network documents).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Kernel rule: whether the `ker^±` refinement was used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<bool>,
    /// `empty`, `linear`, `kernel`, `blocks` or `hadamard`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Blocks: the points with a zero row of `P_S`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zero_set: Option<Vec<usize>>,
}

impl JointObstructionRecord {
    /// The obstruction alone: its type and fields, no reason (the joint `plrep.pair.v1`
    /// document's encoding).
    pub fn core(o: &JointObstruction) -> JointObstructionRecord {
        let mut r = JointObstructionRecord {
            class: None,
            classes: None,
            element: None,
            space: None,
            reason: None,
            signed: None,
            kind: String::new(),
            zero_set: None,
        };
        r.kind = match o {
            JointObstruction::Empty => "empty",
            JointObstruction::Linear => "linear",
            JointObstruction::Kernel { class, signed } => {
                (r.class, r.signed) = (Some(*class), Some(*signed));
                "kernel"
            }
            JointObstruction::Blocks {
                kind,
                zero_set,
                classes,
            } => {
                r.space = Some(kind.name().to_string());
                r.zero_set = Some(zero_set.clone());
                r.classes = Some(classes.clone());
                "blocks"
            }
            JointObstruction::Hadamard => "hadamard",
        }
        .to_string();
        r
    }

    /// The enumerated route's encoding: with the kernel rule's element and the reason,
    /// read from `module`'s classes.
    pub fn of(o: &JointObstruction, module: &PlModule) -> JointObstructionRecord {
        let element = match o {
            JointObstruction::Kernel { class, .. } => Some(module.classes.reps[*class].to_string()),
            _ => None,
        };
        JointObstructionRecord {
            element,
            reason: Some(o.describe(module)),
            ..JointObstructionRecord::core(o)
        }
    }

    /// The commutant route's encoding: with the reason, without classes.
    pub fn without_classes(o: &JointObstruction) -> JointObstructionRecord {
        JointObstructionRecord {
            reason: Some(o.describe_without_classes()),
            ..JointObstructionRecord::core(o)
        }
    }
}

/// A witness network: the input `w = t sum_L P_L r` and every layer's weights and bias.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WitnessNetworkRecord {
    /// The layers after the input, in order.
    pub layers: Vec<WitnessLayerRecord>,
    /// The integer vector `r`.
    pub r: Vec<i64>,
    /// The scale `t`, an exact rational.
    pub scale: String,
    /// The seed that drew `r`.
    pub seed: u64,
}

/// One layer of a witness network: weights on the orbitals and the bias per orbit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WitnessLayerRecord {
    /// The bias, one value per orbit (named by a point), empty for none.
    pub bias: Vec<BiasValueRecord>,
    /// The nonzero weights on the orbitals.
    pub weights: Vec<WeightRecord>,
}

/// A bias value on the orbit of a point.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BiasValueRecord {
    /// A point of the orbit.
    pub point: usize,
    /// The value, an exact rational.
    pub value: String,
}

/// A weight on an orbital.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeightRecord {
    /// The orbital's index.
    pub orbital: usize,
    /// Its representative pair.
    pub rep: (usize, usize),
    /// The weight, an exact rational.
    pub weight: String,
}

/// A `plrep.network.v1` document of the commutant route (`"route": "commutant"`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommutantNetworkRecord {
    /// The activation's name.
    pub activation: String,
    /// The bias mode in words.
    pub bias: String,
    /// Whether the independent checker re-checked every certificate.
    pub certified: bool,
    /// The number of layers after the input.
    pub depth: usize,
    /// The group.
    pub group: CommutantNetworkGroupRecord,
    /// The layers `0..=depth`.
    pub layers: Vec<CommutantNetworkLayerRecord>,
    /// Always `"commutant"`.
    pub route: String,
    /// Always [`NETWORK_SCHEMA`].
    pub schema: String,
    /// One entry per source set.
    pub sources: Vec<SourceRecord>,
    /// The isomorphism types of simples across the layers (vertices name them by index).
    pub types: Vec<TypeRecord>,
    /// The number of `(source, depth, target)` neither reached nor excluded.
    pub unresolved: usize,
}

/// The group of a commutant network document: `|G|` always as a decimal string.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommutantNetworkGroupRecord {
    /// The degree.
    pub degree: usize,
    /// Name, or `"group"`.
    pub name: String,
    /// `|G|`, in decimal.
    pub order: String,
}

/// An isomorphism type of simples across the layers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypeRecord {
    /// `dim_R L`.
    pub dim: u64,
    /// The partition (simples of `S_n`) or `L<i>`.
    pub label: String,
}

/// A layer of the commutant route.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommutantNetworkLayerRecord {
    /// The layer's action spec.
    pub action: String,
    /// The orbitals of `G` on `X_l × X_{l-1}` (layers after the input only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cross_orbitals: Option<Vec<OrbitalRecord>>,
    /// `dim Hom_G(R^{X_{l-1}}, R^{X_l})` (layers after the input only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hom_dim: Option<usize>,
    /// The layer's index `l`.
    pub index: usize,
    /// The number of orbitals of `G` on `X_l × X_l` (the commutant's dimension).
    pub orbitals: usize,
    /// The number of orbits of `G` on `X_l`.
    pub orbits: usize,
    /// `|X_l|`.
    pub points: usize,
    /// The simples present.
    pub vertices: Vec<CommutantNetworkVertexRecord>,
}

/// A simple of a layer of the commutant route.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommutantNetworkVertexRecord {
    /// `dim_R L`.
    pub dim: u64,
    /// The type's label.
    pub label: String,
    /// Multiplicity in `R^{X_l}`.
    pub multiplicity: u64,
    /// The central idempotent on the layer's orbitals.
    pub projector: ProjectorRecord,
    /// `real`, `complex` or `quaternionic`.
    pub real_type: String,
    /// The index of its isomorphism type (into `types`).
    #[serde(rename = "type")]
    pub type_index: usize,
}
