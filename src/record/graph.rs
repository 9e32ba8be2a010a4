//! The `plrep.graph.v1` document (docs/cli.md) of both routes: the enumerated route's
//! [`InteractionGraph`] and the commutant route's [`CommutantGraph`] (`"route":
//! "commutant"`). One record type per object of the document; every field is declared in
//! the alphabetical order of its key, the order in which the documents have always been
//! written (`serde_json` objects are sorted maps), so the bytes are unchanged.
//!
//! The two routes share the document, the group, the action, the pair entries, the
//! witness and the obstruction; they differ in the vertex ([`VertexRecord`] against
//! [`CommutantVertexRecord`]), in `classes` (enumerated route only), `route` (commutant
//! only) and in the pair-level fields of an obstruction (see [`ObstructionRecord`]).
//!
//! Past 600 lines on purpose: one schema, whose record types and the two routes'
//! conversions share the pair, witness and obstruction encoders; splitting them would
//! put one document's key order in two files.

use super::{some, Count};
use crate::graph::{CommutantGraph, InteractionGraph};
use crate::pl::{FourierWitness, Obstruction, PairResult, Verdict, Witness};
use petgraph::graph::NodeIndex;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The schema name of the graph document.
pub const GRAPH_SCHEMA: &str = "plrep.graph.v1";

/// A `plrep.graph.v1` document. The four lists are type parameters so that the same type
/// describes the document read back (vectors, the defaults) and the one streamed by
/// [`InteractionGraph::json_doc`] (lists built one entry at a time).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GraphRecord<
    V = Vec<VertexRecord>,
    E = Vec<EdgeRecord>,
    N = Vec<NonEdgeRecord>,
    U = Vec<UnresolvedRecord>,
> {
    /// The action: its spec, `|X|` and (commutant route) the number of orbitals.
    pub action: ActionRecord,
    /// The activation's name.
    pub activation: String,
    /// The bias as an exact rational, or `null`.
    pub bias: Option<String>,
    /// Whether the independent checker re-checked every certificate.
    pub certified: bool,
    /// The conjugacy classes (enumerated route only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classes: Option<Vec<GraphClassRecord>>,
    /// The edges, each with its witness.
    pub edges: E,
    /// The group.
    pub group: GroupRecord,
    /// The non-edges, each with its obstruction.
    pub non_edges: N,
    /// `"commutant"` on the commutant route, absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route: Option<String>,
    /// Always [`GRAPH_SCHEMA`].
    pub schema: String,
    /// The pairs neither proved nor refuted.
    pub unresolved: U,
    /// The vertices (real simples present in `R^X`).
    pub vertices: V,
}

/// The graph document of the commutant route.
pub type CommutantGraphRecord = GraphRecord<Vec<CommutantVertexRecord>>;

/// The group of a graph document. `name` is the catalog name, or the generators joined by
/// `,` when the group has none (the table and lattice documents encode an unnamed group
/// differently: docs/schemas.md lists the encodings).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupRecord {
    /// Degree of the permutation group.
    pub degree: usize,
    /// Generators in GAP notation.
    pub generators: Vec<String>,
    /// Name (see the type's documentation).
    pub name: String,
    /// `|G|`.
    pub order: Count,
}

/// The action of a graph document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionRecord {
    /// Number of orbitals of `G` on `X × X` (commutant route only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub orbitals: Option<usize>,
    /// `|X|`.
    pub points: usize,
    /// The action spec.
    pub spec: String,
}

/// A conjugacy class of a graph document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GraphClassRecord {
    /// Element order.
    pub order: u64,
    /// Representative in GAP notation.
    pub rep: String,
    /// Class size.
    pub size: u64,
}

/// A vertex of the enumerated route.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VertexRecord {
    /// `dim_R L`.
    pub dim: u64,
    /// Vertex id (the `from`/`to` of the pairs).
    pub id: usize,
    /// `ker L` as class indices.
    pub kernel: Vec<usize>,
    /// `|ker L|`.
    pub kernel_order: u64,
    /// `L0`, `L1`, ...
    pub label: String,
    /// Multiplicity of `L` in `R^X`.
    pub multiplicity: u64,
    /// `real`, `complex` or `quaternionic`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The real character on the classes, in GAP notation.
    pub values: Vec<String>,
}

/// A vertex of the commutant route.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommutantVertexRecord {
    /// The character on each cycle type, when they are few enough to list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub characters: Option<Vec<CycleTypeValueRecord>>,
    /// `dim_R L`.
    pub dim: u64,
    /// Vertex id (the index of the simple).
    pub id: usize,
    /// The kernel by name (`1`, `A_n`, `S_n`), for the giants; `null` otherwise.
    pub kernel: Option<String>,
    /// `|ker L|` (a number, or a decimal string beyond `u64`), or `null`.
    pub kernel_order: Option<Count>,
    /// `L0`, `L1`, ...
    pub label: String,
    /// Multiplicity of `L` in `R^X`.
    pub multiplicity: u64,
    /// The partition naming the simple of `S_n`, or `null`.
    pub partition: Option<String>,
    /// The central idempotent in the orbital basis.
    pub projector: ProjectorRecord,
    /// `real`, `complex` or `quaternionic`.
    #[serde(rename = "type")]
    pub kind: String,
}

/// One value of a character on a cycle type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CycleTypeValueRecord {
    /// The cycle type (a partition of the degree).
    pub cycle_type: Vec<usize>,
    /// The value, an exact rational.
    pub value: String,
}

/// A central idempotent in the orbital basis: the value on each orbital, named by a
/// representative pair.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectorRecord {
    /// A representative pair of each orbital.
    pub pairs: Vec<(usize, usize)>,
    /// The values, exact rationals.
    pub values: Vec<String>,
}

/// An edge entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EdgeRecord {
    /// Source vertex id.
    pub from: usize,
    /// Source label.
    pub from_label: String,
    /// Target vertex id.
    pub to: usize,
    /// Target label.
    pub to_label: String,
    /// The witness: exact, or a Fourier residue.
    pub witness: EdgeWitnessRecord,
}

/// An edge's certificate: an exact witness (theory.md §7) or a Fourier residue (the
/// regular module of a large cyclic group, theory.md §18), told apart by their fields.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum EdgeWitnessRecord {
    /// An exact witness.
    Exact(WitnessRecord),
    /// A Fourier residue.
    Fourier(FourierWitnessRecord),
}

/// A Fourier-residue witness (`"type": "fourier_residue"`, theory.md §18): the fields
/// of [`FourierWitness`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FourierWitnessRecord {
    /// The element of order `n` (index into the group's elements).
    pub generator: usize,
    /// `4n`, the period of the phase and the order of the root.
    pub period: u64,
    /// The phase `s`.
    pub phase: u64,
    /// The prime `p = 1 mod 4n`.
    pub prime: u64,
    /// The image of the target's Fourier coefficient in `F_p`, nonzero.
    pub residue: u64,
    /// The image of `E(4n)` in `F_p`.
    pub root: u64,
    /// The source's frequency `k`.
    pub source_frequency: u64,
    /// The target's frequency `j`.
    pub target_frequency: u64,
    /// Always `"fourier_residue"`.
    #[serde(rename = "type")]
    pub kind: String,
}

impl FourierWitnessRecord {
    /// The record of `w`.
    pub fn of(w: &FourierWitness) -> FourierWitnessRecord {
        FourierWitnessRecord {
            generator: w.generator,
            period: w.period,
            phase: w.phase,
            prime: w.prime,
            residue: w.residue,
            root: w.root,
            source_frequency: w.source_frequency,
            target_frequency: w.target_frequency,
            kind: "fourier_residue".to_string(),
        }
    }
}

/// An exact witness of an edge (theory.md §7).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WitnessRecord {
    /// The point of `X` read off.
    pub point: usize,
    /// Its label, or `null` when out of range.
    pub point_label: Option<String>,
    /// The integer vector.
    pub r: Vec<i64>,
    /// The scale, an exact rational.
    pub scale: String,
    /// The seed that drew `r`.
    pub seed: u64,
    /// The nonzero value, in GAP notation.
    pub value: String,
}

/// A non-edge entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NonEdgeRecord {
    /// Source vertex id.
    pub from: usize,
    /// Source label.
    pub from_label: String,
    /// The obstruction.
    pub obstruction: ObstructionRecord,
    /// Target vertex id.
    pub to: usize,
    /// Target label.
    pub to_label: String,
}

/// The obstruction of a non-edge in a graph document: the obstruction itself (`type`,
/// for blocks `space`, `zero_set`, `classes`, and `explanation`) and the pair-level
/// fields. Two encodings exist and are kept byte for byte: the enumerated route writes
/// `group_reason`, `reason_kind`, `rule_a` and `kernel_rule`; the commutant route only
/// `kernel_rule` (the other three are `None` and absent). The network documents describe a
/// joint obstruction differently again (docs/schemas.md).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObstructionRecord {
    /// Blocks only: the sign classes, `[point, sign]` pairs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classes: Option<Vec<Vec<(usize, i8)>>>,
    /// The obstruction in words.
    pub explanation: String,
    /// Enumerated route: the group-theoretic reason, or `null`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "some"
    )]
    pub group_reason: Option<Option<String>>,
    /// Whether the kernel rule alone refutes the pair (`null` when the commutant route
    /// did not decide it).
    pub kernel_rule: Option<bool>,
    /// Enumerated route: `linear`, a reason kind, or `certificate`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_kind: Option<String>,
    /// Enumerated route: whether rule (a) refutes the pair.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_a: Option<bool>,
    /// Blocks only: the block space (`T`, `T+`, `T_odd`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub space: Option<String>,
    /// `linear`, `blocks` or `hadamard`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Blocks only: the zero set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zero_set: Option<Vec<usize>>,
}

/// An unresolved pair entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnresolvedRecord {
    /// Source vertex id.
    pub from: usize,
    /// Source label.
    pub from_label: String,
    /// The block rule predicts an edge (a potential counterexample to the span conjecture).
    pub potential_counterexample: bool,
    /// Why the pair is unresolved, in words.
    pub reason: String,
    /// Target vertex id.
    pub to: usize,
    /// Target label.
    pub to_label: String,
    /// What was tried.
    pub tried: String,
}

impl WitnessRecord {
    /// The record of witness `w` on points labelled `labels`.
    pub fn of(w: &Witness, labels: &[String]) -> WitnessRecord {
        WitnessRecord {
            point: w.point,
            point_label: labels.get(w.point).cloned(),
            r: w.r.to_vec(),
            scale: w.scale.to_string(),
            seed: w.seed,
            value: w.value.to_string(),
        }
    }
}

impl ObstructionRecord {
    /// The obstruction itself, without pair-level fields beyond `kernel_rule` (the
    /// commutant route's encoding).
    pub fn core(o: &Obstruction, kernel_rule: Option<bool>) -> ObstructionRecord {
        let (space, zero_set, classes) = match o {
            Obstruction::Blocks {
                kind,
                zero_set,
                classes,
            } => (
                Some(kind.name().to_string()),
                Some(zero_set.to_vec()),
                Some(classes.to_vec()),
            ),
            Obstruction::Linear | Obstruction::Hadamard => (None, None, None),
        };
        let kind = match o {
            Obstruction::Linear => "linear",
            Obstruction::Hadamard => "hadamard",
            Obstruction::Blocks { .. } => "blocks",
        };
        ObstructionRecord {
            classes,
            explanation: o.describe(),
            group_reason: None,
            kernel_rule,
            reason_kind: None,
            rule_a: None,
            space,
            kind: kind.to_string(),
            zero_set,
        }
    }

    /// The enumerated route's encoding: the obstruction with pair `p`'s reasons.
    pub fn of_pair(p: &PairResult, o: &Obstruction) -> ObstructionRecord {
        let reason_kind = match (o, p.reason_kind) {
            (Obstruction::Linear, _) => "linear",
            (_, Some(k)) => k.name(),
            (_, None) => "certificate",
        };
        ObstructionRecord {
            group_reason: Some(p.explanation.clone()),
            reason_kind: Some(reason_kind.to_string()),
            rule_a: Some(p.rule_a),
            ..ObstructionRecord::core(o, Some(p.kernel_rule))
        }
    }
}

/// A pair's entry in one of the three lists.
enum PairEntry {
    Edge(EdgeRecord),
    NonEdge(NonEdgeRecord),
    Unresolved(UnresolvedRecord),
}

impl Serialize for PairEntry {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            PairEntry::Edge(e) => e.serialize(s),
            PairEntry::NonEdge(e) => e.serialize(s),
            PairEntry::Unresolved(e) => e.serialize(s),
        }
    }
}

/// The entry of a pair with verdict `verdict` between vertices `ids` labelled `names`,
/// witnesses read on points labelled `labels`; `obstruction` encodes a non-edge's
/// obstruction.
fn pair_entry(
    verdict: &Verdict,
    ids: (usize, usize),
    names: (&str, &str),
    labels: &[String],
    obstruction: impl FnOnce(&Obstruction) -> ObstructionRecord,
) -> PairEntry {
    let (from, to) = ids;
    let (from_label, to_label) = (names.0.to_string(), names.1.to_string());
    match verdict {
        Verdict::Edge(w) => PairEntry::Edge(EdgeRecord {
            from,
            from_label,
            to,
            to_label,
            witness: EdgeWitnessRecord::Exact(WitnessRecord::of(w, labels)),
        }),
        Verdict::FourierEdge(w) => PairEntry::Edge(EdgeRecord {
            from,
            from_label,
            to,
            to_label,
            witness: EdgeWitnessRecord::Fourier(FourierWitnessRecord::of(w)),
        }),
        Verdict::NonEdge(o) => PairEntry::NonEdge(NonEdgeRecord {
            from,
            from_label,
            obstruction: obstruction(o),
            to,
            to_label,
        }),
        Verdict::Unresolved {
            reason,
            tried,
            potential_counterexample,
        } => PairEntry::Unresolved(UnresolvedRecord {
            from,
            from_label,
            potential_counterexample: *potential_counterexample,
            reason: reason.to_string(),
            to,
            to_label,
            tried: tried.clone(),
        }),
    }
}

/// The list of the document a pair goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PairList {
    Edges,
    NonEdges,
    Unresolved,
}

impl PairList {
    fn of(p: &PairResult) -> PairList {
        match p.verdict {
            Verdict::Edge(_) | Verdict::FourierEdge(_) => PairList::Edges,
            Verdict::NonEdge(_) => PairList::NonEdges,
            Verdict::Unresolved { .. } => PairList::Unresolved,
        }
    }
}

/// The streamed `plrep.graph.v1` document of an [`InteractionGraph`]
/// ([`InteractionGraph::json_doc`]): a [`GraphRecord`] whose lists are built one entry at
/// a time as they are written, so the bytes are those of [`InteractionGraph::to_json`].
pub type GraphDoc<'a> = GraphRecord<Entries<'a>, Entries<'a>, Entries<'a>, Entries<'a>>;

/// The entries of one list of a streamed graph document, each built when it is written.
#[derive(Clone, Copy, Debug)]
pub struct Entries<'a>(&'a InteractionGraph, Option<PairList>);

impl Serialize for Entries<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let Entries(g, list) = *self;
        let len = match list {
            None => g.graph.node_count(),
            Some(l) => g.pairs.iter().filter(|p| PairList::of(p) == l).count(),
        };
        let mut seq = s.serialize_seq(Some(len))?;
        match list {
            None => {
                for i in g.graph.node_indices() {
                    seq.serialize_element(&g.vertex_record(i))?;
                }
            }
            Some(l) => {
                for p in g.pairs.iter().filter(|p| PairList::of(p) == l) {
                    seq.serialize_element(&g.pair_entry(p))?;
                }
            }
        }
        seq.end()
    }
}

impl InteractionGraph {
    /// The JSON document `plrep.graph.v1` (docs/cli.md) as a value. `from`/`to` are
    /// vertex ids; every ordered pair appears in exactly one of `edges`, `non_edges`,
    /// `unresolved`.
    ///
    /// The whole document as one value: for a large graph (`C256`'s is 250 MB of text)
    /// write [`InteractionGraph::json_doc`] instead, which serialises the same bytes as
    /// it goes.
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self.json_doc()).expect("a graph record serialises")
    }

    /// The document as a record (every list built).
    pub fn to_record(&self) -> GraphRecord {
        let (mut edges, mut non_edges, mut unresolved) = (Vec::new(), Vec::new(), Vec::new());
        for p in &self.pairs {
            match self.pair_entry(p) {
                PairEntry::Edge(e) => edges.push(e),
                PairEntry::NonEdge(e) => non_edges.push(e),
                PairEntry::Unresolved(e) => unresolved.push(e),
            }
        }
        let vertices = self.graph.node_indices().map(|i| self.vertex_record(i));
        self.head(vertices.collect(), edges, non_edges, unresolved)
    }

    /// The streamed `plrep.graph.v1` document: serialising it (e.g.
    /// `serde_json::to_writer_pretty`) gives the bytes of [`InteractionGraph::to_json`],
    /// building one vertex or pair at a time, never the whole document.
    ///
    /// Complexity: the output's size; memory: one pair's entry.
    ///
    /// ```
    /// use plrep::pl::{PlModule, Activation, SolverOptions, solve};
    /// use plrep::graph::InteractionGraph;
    /// use plrep::group::{spec::parse_group, gset::ActionSpec, Limits};
    /// let m = PlModule::new(&parse_group("S4").unwrap(), &ActionSpec::parse("natural").unwrap(), &Limits::default()).unwrap();
    /// let g = InteractionGraph::build(&m, &solve(&m, &SolverOptions::new(Activation::Relu)).unwrap());
    /// assert_eq!(
    ///     serde_json::to_string_pretty(&g.json_doc()).unwrap(),
    ///     serde_json::to_string_pretty(&g.to_record()).unwrap()
    /// );
    /// ```
    pub fn json_doc(&self) -> GraphDoc<'_> {
        self.head(
            Entries(self, None),
            Entries(self, Some(PairList::Edges)),
            Entries(self, Some(PairList::NonEdges)),
            Entries(self, Some(PairList::Unresolved)),
        )
    }

    /// The document around the given lists.
    fn head<V, E, N, U>(
        &self,
        vertices: V,
        edges: E,
        non_edges: N,
        unresolved: U,
    ) -> GraphRecord<V, E, N, U> {
        GraphRecord {
            action: ActionRecord {
                orbitals: None,
                points: self.points,
                spec: self.action.clone(),
            },
            activation: self.activation.clone(),
            bias: self.bias.as_ref().map(|q| q.to_string()),
            certified: self.is_certified(),
            classes: Some(
                self.classes
                    .iter()
                    .map(|c| GraphClassRecord {
                        order: c.order,
                        rep: c.rep.clone(),
                        size: c.size,
                    })
                    .collect(),
            ),
            edges,
            group: GroupRecord {
                degree: self.degree,
                generators: self.generators.clone(),
                name: self.group_name.clone(),
                order: Count::Small(self.group_order),
            },
            non_edges,
            route: None,
            schema: GRAPH_SCHEMA.to_string(),
            unresolved,
            vertices,
        }
    }

    /// Vertex `i`'s entry in `vertices`.
    fn vertex_record(&self, i: NodeIndex) -> VertexRecord {
        let v = &self.graph[i];
        VertexRecord {
            dim: v.dim,
            id: i.index(),
            kernel: v.kernel.clone(),
            kernel_order: v.kernel_order,
            label: v.label.clone(),
            multiplicity: v.multiplicity,
            kind: v.kind.clone(),
            values: v.values.iter().map(|x| x.to_string()).collect(),
        }
    }

    /// Pair `p`'s entry in its list.
    fn pair_entry(&self, p: &PairResult) -> PairEntry {
        pair_entry(
            &p.verdict,
            (self.vid(p.from), self.vid(p.to)),
            (self.label_of(p.from), self.label_of(p.to)),
            &self.point_labels,
            |o| ObstructionRecord::of_pair(p, o),
        )
    }
}

impl CommutantGraph<'_> {
    /// The JSON document (`plrep.graph.v1`, `"route": "commutant"`) as a value: no
    /// `classes`; each vertex has its kernel by name and, when listed, `characters` on
    /// cycle types.
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self.to_record()).expect("a graph record serialises")
    }

    /// The document as a record.
    pub fn to_record(&self) -> CommutantGraphRecord {
        let (m, solution) = (self.module(), self.solution());
        let vertices = m
            .simples
            .iter()
            .enumerate()
            .map(|(l, v)| {
                let kernel = self.kernel(l);
                CommutantVertexRecord {
                    characters: self.characters.as_ref().map(|c| {
                        c.iter()
                            .map(|(p, vals)| CycleTypeValueRecord {
                                cycle_type: p.clone(),
                                value: vals[l].to_string(),
                            })
                            .collect()
                    }),
                    dim: v.dim,
                    id: l,
                    kernel: kernel.as_ref().map(|k| k.0.clone()),
                    kernel_order: kernel.as_ref().map(|k| Count::of(&k.1)),
                    label: v.label.clone(),
                    multiplicity: v.mult,
                    partition: self.partition(l).map(str::to_string),
                    projector: ProjectorRecord {
                        pairs: m.pair_reps.clone(),
                        values: v.idempotent.iter().map(|q| q.to_string()).collect(),
                    },
                    kind: v.kind.name().to_string(),
                }
            })
            .collect();
        let (mut edges, mut non_edges, mut unresolved) = (Vec::new(), Vec::new(), Vec::new());
        for p in &solution.pairs {
            let names = (&*m.simples[p.from].label, &*m.simples[p.to].label);
            let entry = pair_entry(&p.verdict, (p.from, p.to), names, m.gset.labels(), |o| {
                ObstructionRecord::core(o, p.kernel_rule)
            });
            match entry {
                PairEntry::Edge(e) => edges.push(e),
                PairEntry::NonEdge(e) => non_edges.push(e),
                PairEntry::Unresolved(e) => unresolved.push(e),
            }
        }
        GraphRecord {
            action: ActionRecord {
                orbitals: Some(m.algebra.dim()),
                points: m.points(),
                spec: m.gset.action().to_string(),
            },
            activation: solution.options.activation.name().to_string(),
            bias: solution.options.bias.as_ref().map(|q| q.to_string()),
            certified: self.is_certified(),
            classes: None,
            edges,
            group: GroupRecord {
                degree: m.group.degree(),
                generators: m.group.generators().iter().map(|g| g.to_string()).collect(),
                name: self.group_name(),
                order: Count::of(&m.group.order()),
            },
            non_edges,
            route: Some("commutant".to_string()),
            schema: GRAPH_SCHEMA.to_string(),
            unresolved,
            vertices,
        }
    }
}
