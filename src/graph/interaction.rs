//! The interaction graph `Gamma(G, X, sigma)` of one equivariant layer (theory.md §7): a
//! petgraph [`DiGraph`] whose vertices are the real simples present in `R^X` and whose
//! edges carry their exact witnesses; the non-edges and unresolved pairs are kept with
//! their obstructions and reasons. Exports: JSON (`plrep.graph.v1`, docs/cli.md), a
//! text summary, and DOT / TikZ / SVG drawings in the paper's layout (faithful simples at
//! the top, the trivial simple at the bottom, layered by kernel order).

use crate::arith::{Cyclotomic, Q};
use crate::error::Result;
use crate::pl::{
    CertifiedSolution, FourierWitness, Obstruction, PairResult, PlModule, Solution, SolverOptions,
    Verdict, Witness,
};
use crate::report::{EdgeStyle, LayeredDrawing};
use petgraph::graph::{DiGraph, NodeIndex};
use serde_json::{json, Value};
use std::fmt::Write as _;

/// A vertex: one real simple present in `R^X`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Vertex {
    /// Index of the simple among all real simples of `G`.
    pub simple: usize,
    /// Its label (`L0`, `L1`, ...).
    pub label: String,
    /// `dim_R L`.
    pub dim: u64,
    /// Multiplicity of `L` in `R^X`.
    pub multiplicity: u64,
    /// `real`, `complex` or `quaternionic`.
    pub kind: String,
    /// The real character on the classes.
    pub values: Vec<Cyclotomic>,
    /// `ker L` as class indices.
    pub kernel: Vec<usize>,
    /// `|ker L|`.
    pub kernel_order: u64,
}

/// A conjugacy class as recorded in the graph document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassRecord {
    /// Representative in GAP notation.
    pub rep: String,
    /// Size.
    pub size: u64,
    /// Element order.
    pub order: u64,
}

/// The certificate an edge of the graph carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EdgeWitness {
    /// An exact witness (theory.md §7).
    Exact(Witness),
    /// A Fourier residue (the regular module of a large cyclic group, theory.md §17).
    Fourier(FourierWitness),
}

/// A certified interaction graph.
#[derive(Clone, Debug)]
pub struct InteractionGraph {
    /// Group name (or the generators when unnamed).
    pub group_name: String,
    /// `|G|`.
    pub group_order: u64,
    /// Degree of the permutation group.
    pub degree: usize,
    /// Generators in GAP notation.
    pub generators: Vec<String>,
    /// The action spec (`regular`, ...).
    pub action: String,
    /// `|X|`.
    pub points: usize,
    /// Labels of the points of `X` (for witnesses).
    pub point_labels: Vec<String>,
    /// The activation's name.
    pub activation: String,
    /// The bias, if any.
    pub bias: Option<Q>,
    /// Whether every certificate was re-checked by [`crate::pl::certify()`]: set only
    /// by [`InteractionGraph::from_certified`] (see [`InteractionGraph::is_certified`]).
    certified: bool,
    /// The classes.
    pub classes: Vec<ClassRecord>,
    /// The graph: vertices are simples, edges carry witnesses.
    pub graph: DiGraph<Vertex, EdgeWitness>,
    /// Every ordered pair with its verdict, `(from, to)` in vertex order.
    pub pairs: Vec<PairResult>,
    /// The vertex id of every simple (`usize::MAX` when absent): an `O(1)` look-up for
    /// the text and JSON writers, which name both ends of every pair.
    vertex_of: Vec<usize>,
}

impl InteractionGraph {
    /// Assemble the graph of a solved module, not certified (see
    /// [`InteractionGraph::from_certified`] for a graph whose certificates were re-checked).
    ///
    /// ```
    /// use plrep::pl::{PlModule, Activation, SolverOptions, solve};
    /// use plrep::graph::InteractionGraph;
    /// use plrep::group::{spec::parse_group, gset::ActionSpec, Limits};
    /// let m = PlModule::new(&parse_group("C8").unwrap(), &ActionSpec::parse("regular").unwrap(), &Limits::default()).unwrap();
    /// let g = InteractionGraph::build(&m, &solve(&m, &SolverOptions::new(Activation::Abs)).unwrap());
    /// assert!(!g.is_certified());
    /// assert!(g.to_text().contains("L1 -> L0 L2 L4"));
    /// ```
    pub fn build(module: &PlModule, solution: &Solution) -> InteractionGraph {
        InteractionGraph::assemble(module, solution, false)
    }

    /// Assemble the certified graph of a module from the checker's return value
    /// ([`crate::pl::check`]), the only source of a certified graph.
    ///
    /// ```
    /// use plrep::pl::{PlModule, Activation, SolverOptions, solve, check};
    /// use plrep::graph::InteractionGraph;
    /// use plrep::group::{spec::parse_group, gset::ActionSpec, Limits};
    /// let m = PlModule::new(&parse_group("C4").unwrap(), &ActionSpec::parse("regular").unwrap(), &Limits::default()).unwrap();
    /// let s = solve(&m, &SolverOptions::new(Activation::Relu)).unwrap();
    /// let g = InteractionGraph::from_certified(&m, &check(&m, s).unwrap());
    /// assert!(g.is_certified());
    /// ```
    pub fn from_certified(module: &PlModule, certified: &CertifiedSolution) -> InteractionGraph {
        InteractionGraph::assemble(module, certified.solution(), true)
    }

    /// Whether every certificate was re-checked by the independent checker.
    pub fn is_certified(&self) -> bool {
        self.certified
    }

    fn assemble(module: &PlModule, solution: &Solution, certified: bool) -> InteractionGraph {
        let mut graph = DiGraph::new();
        let mut index = std::collections::HashMap::new();
        for &(l, mult) in &module.present {
            let s = &module.simples.simples[l];
            let kernel_order = s.kernel.iter().map(|&c| module.classes.sizes[c]).sum();
            let v = Vertex {
                simple: l,
                label: s.label.clone(),
                dim: s.dim,
                multiplicity: mult,
                kind: s.kind.name().to_string(),
                values: s.values.clone(),
                kernel: s.kernel.clone(),
                kernel_order,
            };
            index.insert(l, graph.add_node(v));
        }
        for p in &solution.pairs {
            let w = match &p.verdict {
                Verdict::Edge(w) => EdgeWitness::Exact(w.clone()),
                Verdict::FourierEdge(w) => EdgeWitness::Fourier(w.clone()),
                _ => continue,
            };
            graph.add_edge(index[&p.from], index[&p.to], w);
        }
        let group_name = module.group.name().map(str::to_string).unwrap_or_else(|| {
            module
                .group
                .generators()
                .iter()
                .map(|g| g.to_string())
                .collect::<Vec<_>>()
                .join(",")
        });
        InteractionGraph {
            group_name,
            group_order: module.order() as u64,
            degree: module.group.degree(),
            generators: module
                .group
                .generators()
                .iter()
                .map(|g| g.to_string())
                .collect(),
            action: module.gset.action().to_string(),
            points: module.points(),
            point_labels: module.gset.labels().to_vec(),
            activation: solution.options.activation.name(),
            bias: solution.options.bias.clone(),
            certified,
            classes: (0..module.classes.len())
                .map(|c| ClassRecord {
                    rep: module.classes.reps[c].to_string(),
                    size: module.classes.sizes[c],
                    order: module.classes.orders[c],
                })
                .collect(),
            vertex_of: {
                let mut v = vec![usize::MAX; module.simples.simples.len()];
                for (i, n) in graph.node_indices().enumerate() {
                    v[graph[n].simple] = i;
                }
                v
            },
            graph,
            pairs: solution.pairs.clone(),
        }
    }

    /// Solve every ordered pair of `module`, re-check every certificate with the
    /// independent checker, and assemble the certified graph.
    ///
    /// Errors: those of [`crate::pl::solve`]; a certificate the checker rejects
    /// (verification: the graph is withheld).
    ///
    /// Complexity: that of the solver plus the checker (see `docs/architecture.md`).
    ///
    /// ```
    /// use plrep::pl::{PlModule, Activation, SolverOptions};
    /// use plrep::graph::InteractionGraph;
    /// use plrep::group::{spec::parse_group, gset::ActionSpec, Limits};
    /// let m = PlModule::new(&parse_group("C4").unwrap(), &ActionSpec::parse("regular").unwrap(), &Limits::default()).unwrap();
    /// let g = InteractionGraph::certified(&m, &SolverOptions::new(Activation::Relu)).unwrap();
    /// assert!(g.is_certified() && g.unresolved() == 0);
    /// ```
    pub fn certified(module: &PlModule, options: &SolverOptions) -> Result<InteractionGraph> {
        let solution = crate::pl::solve(module, options)?;
        let certified = crate::pl::check(module, solution)?;
        Ok(InteractionGraph::from_certified(module, &certified))
    }

    /// The vertex id (position in the vertex list) of a simple.
    fn vid(&self, simple: usize) -> usize {
        // The cached id, confirmed against the graph (whose field is public and may
        // have been replaced), else the scan.
        match self.vertex_of.get(simple) {
            Some(&v)
                if self.graph.node_weight(NodeIndex::new(v)).map(|w| w.simple) == Some(simple) =>
            {
                v
            }
            _ => self
                .graph
                .node_indices()
                .position(|i| self.graph[i].simple == simple)
                .expect("vertex"),
        }
    }

    fn label_of(&self, simple: usize) -> &str {
        &self.graph[NodeIndex::new(self.vid(simple))].label
    }

    /// The certified edges as `(from label, to label)` in vertex order.
    pub fn edge_labels(&self) -> Vec<(String, String)> {
        self.pairs
            .iter()
            .filter(|p| p.is_edge())
            .map(|p| {
                (
                    self.label_of(p.from).to_string(),
                    self.label_of(p.to).to_string(),
                )
            })
            .collect()
    }

    /// The number of unresolved pairs.
    pub fn unresolved(&self) -> usize {
        self.pairs
            .iter()
            .filter(|p| matches!(p.verdict, Verdict::Unresolved { .. }))
            .count()
    }

    /// One line per vertex: `L1 -> L0 L1 L2 L4`, after a header; unresolved pairs and
    /// potential counterexamples are listed prominently.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let bias = self
            .bias
            .as_ref()
            .map_or("no bias".to_string(), |q| format!("bias {q}"));
        let _ = writeln!(
            s,
            "interaction graph of {} (order {}) on {} ({} points), activation {}, {}{}",
            self.group_name,
            self.group_order,
            self.action,
            self.points,
            self.activation,
            bias,
            if self.certified { ", certified" } else { "" }
        );
        for i in self.graph.node_indices() {
            let v = &self.graph[i];
            let _ = writeln!(
                s,
                "  {}: dim {}, multiplicity {}, {}, |ker| {}",
                v.label, v.dim, v.multiplicity, v.kind, v.kernel_order
            );
        }
        // The targets of every source in one pass over the pairs (in pair order, as a
        // filter per source would list them).
        let mut targets: Vec<Vec<&str>> = vec![Vec::new(); self.graph.node_count()];
        for p in self.pairs.iter().filter(|p| p.is_edge()) {
            targets[self.vid(p.from)].push(self.label_of(p.to));
        }
        for (i, t) in self.graph.node_indices().zip(&targets) {
            let _ = writeln!(s, "{} -> {}", self.graph[i].label, t.join(" "));
        }
        let edges = self.pairs.iter().filter(|p| p.is_edge()).count();
        let unresolved = self.unresolved();
        let _ = writeln!(
            s,
            "edges {edges}, non-edges {}, unresolved {unresolved}",
            self.pairs.len() - edges - unresolved
        );
        for p in &self.pairs {
            if let Verdict::Unresolved {
                reason,
                potential_counterexample,
                ..
            } = &p.verdict
            {
                let flag = if *potential_counterexample {
                    "POTENTIAL COUNTEREXAMPLE to the span conjecture: "
                } else {
                    ""
                };
                let _ = writeln!(
                    s,
                    "!! {flag}{} -> {} unresolved: {reason}",
                    self.label_of(p.from),
                    self.label_of(p.to)
                );
            }
        }
        s
    }

    fn witness_json(&self, w: &Witness) -> Value {
        json!({
            "seed": w.seed,
            "r": w.r,
            "scale": w.scale.to_string(),
            "point": w.point,
            "point_label": self.point_labels.get(w.point),
            "value": w.value.to_string(),
        })
    }

    fn obstruction_json(&self, p: &PairResult, o: &Obstruction) -> Value {
        let mut v = obstruction_core_json(o);
        v["group_reason"] = json!(p.explanation);
        v["reason_kind"] = json!(match (o, p.reason_kind) {
            (Obstruction::Linear, _) => "linear",
            (_, Some(k)) => k.name(),
            (_, None) => "certificate",
        });
        v["rule_a"] = json!(p.rule_a);
        v["kernel_rule"] = json!(p.kernel_rule);
        v
    }

    /// The JSON document `plrep.graph.v1` (docs/cli.md). `from`/`to` are vertex ids;
    /// every ordered pair appears in exactly one of `edges`, `non_edges`, `unresolved`.
    ///
    /// The whole document as one value: for a large graph (`C256`'s is 250 MB of text)
    /// write [`InteractionGraph::json_doc`] instead, which serialises the same bytes as
    /// it goes.
    pub fn to_json(&self) -> Value {
        let vertices: Vec<Value> = self
            .graph
            .node_indices()
            .map(|i| self.vertex_json(i))
            .collect();
        let (mut edges, mut non_edges, mut unresolved) = (Vec::new(), Vec::new(), Vec::new());
        for p in &self.pairs {
            let list = match PairList::of(p) {
                PairList::Edges => &mut edges,
                PairList::NonEdges => &mut non_edges,
                PairList::Unresolved => &mut unresolved,
            };
            list.push(self.pair_json(p));
        }
        let mut doc = self.head_json();
        doc["vertices"] = Value::Array(vertices);
        doc["edges"] = Value::Array(edges);
        doc["non_edges"] = Value::Array(non_edges);
        doc["unresolved"] = Value::Array(unresolved);
        doc
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
    ///     serde_json::to_string_pretty(&g.to_json()).unwrap()
    /// );
    /// ```
    pub fn json_doc(&self) -> GraphDoc<'_> {
        GraphDoc(self)
    }

    /// The document's small entries (every key but the vertex and pair lists).
    fn head_json(&self) -> Value {
        json!({
            "schema": "plrep.graph.v1",
            "group": {"name": self.group_name, "order": self.group_order, "degree": self.degree, "generators": self.generators},
            "action": {"spec": self.action, "points": self.points},
            "activation": self.activation,
            "bias": self.bias.as_ref().map(|q| q.to_string()),
            "certified": self.certified,
            "classes": self.classes.iter().map(|c| json!({"rep": c.rep, "size": c.size, "order": c.order})).collect::<Vec<_>>(),
        })
    }

    /// Vertex `i`'s entry in `vertices`.
    fn vertex_json(&self, i: NodeIndex) -> Value {
        let v = &self.graph[i];
        json!({
            "id": i.index(),
            "label": v.label,
            "dim": v.dim,
            "multiplicity": v.multiplicity,
            "type": v.kind,
            "values": v.values.iter().map(|x| x.to_string()).collect::<Vec<_>>(),
            "kernel": v.kernel,
            "kernel_order": v.kernel_order,
        })
    }

    /// Pair `p`'s entry in its list ([`PairList::of`]).
    fn pair_json(&self, p: &PairResult) -> Value {
        let (from, to) = (self.vid(p.from), self.vid(p.to));
        let names = (self.label_of(p.from), self.label_of(p.to));
        match &p.verdict {
            Verdict::Edge(w) => {
                json!({"from": from, "to": to, "from_label": names.0, "to_label": names.1, "witness": self.witness_json(w)})
            }
            Verdict::FourierEdge(w) => {
                json!({"from": from, "to": to, "from_label": names.0, "to_label": names.1, "witness": fourier_witness_json(w)})
            }
            Verdict::NonEdge(o) => {
                json!({"from": from, "to": to, "from_label": names.0, "to_label": names.1, "obstruction": self.obstruction_json(p, o)})
            }
            Verdict::Unresolved {
                reason,
                tried,
                potential_counterexample,
            } => json!({
                "from": from, "to": to, "from_label": names.0, "to_label": names.1,
                "reason": reason, "tried": tried, "potential_counterexample": potential_counterexample,
            }),
        }
    }

    /// A layered drawing: layer by kernel order (smallest kernel — faithful — on top,
    /// the trivial simple at the bottom); self-loops drawn.
    pub fn drawing(&self) -> LayeredDrawing {
        let bias = self
            .bias
            .as_ref()
            .map_or(String::new(), |q| format!(", bias {q}"));
        let mut d = LayeredDrawing::new(format!(
            "{} (order {}), {}, {}{}",
            self.group_name, self.group_order, self.action, self.activation, bias
        ));
        let mut orders: Vec<u64> = self.graph.node_weights().map(|v| v.kernel_order).collect();
        orders.sort_unstable();
        orders.dedup();
        let mut ids = Vec::new();
        for v in self.graph.node_weights() {
            let layer = orders.iter().position(|&o| o == v.kernel_order).unwrap();
            ids.push(d.add_node(
                v.label.clone(),
                format!("dim {}, x{}", v.dim, v.multiplicity),
                layer,
            ));
        }
        for e in self.graph.edge_indices() {
            let (a, b) = self.graph.edge_endpoints(e).unwrap();
            d.add_edge(ids[a.index()], ids[b.index()], EdgeStyle::Solid);
        }
        d
    }

    /// SVG drawn by plrep.
    pub fn to_svg(&self) -> String {
        self.drawing().to_svg()
    }

    /// Graphviz DOT.
    pub fn to_dot(&self) -> String {
        self.drawing().to_dot()
    }

    /// TikZ.
    pub fn to_tikz(&self) -> String {
        self.drawing().to_tikz()
    }
}

/// The JSON of a Fourier-residue witness (theory.md §17), shared by both routes' graphs.
pub(crate) fn fourier_witness_json(w: &FourierWitness) -> Value {
    json!({
        "type": "fourier_residue",
        "generator": w.generator,
        "source_frequency": w.source_frequency,
        "target_frequency": w.target_frequency,
        "phase": w.phase,
        "period": w.period,
        "prime": w.prime,
        "root": w.root,
        "residue": w.residue,
    })
}

/// The JSON of an obstruction itself (type, block data, explanation), shared by the
/// graphs of both routes; each adds its own pair-level fields.
pub(crate) fn obstruction_core_json(o: &Obstruction) -> Value {
    let mut v = match o {
        Obstruction::Linear => json!({"type": "linear"}),
        Obstruction::Hadamard => json!({"type": "hadamard"}),
        Obstruction::Blocks {
            kind,
            zero_set,
            classes,
        } => json!({
            "type": "blocks",
            "space": kind.name(),
            "zero_set": zero_set,
            "classes": classes.iter().map(|c| c.iter().map(|&(x, s)| json!([x, s])).collect::<Vec<_>>()).collect::<Vec<_>>(),
        }),
    };
    v["explanation"] = json!(o.describe());
    v
}

/// The list of the `plrep.graph.v1` document a pair goes to.
#[derive(Clone, Copy, PartialEq, Eq)]
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

/// The `plrep.graph.v1` document of an [`InteractionGraph`], serialised as it is
/// produced ([`InteractionGraph::json_doc`]): the keys of every object in alphabetical
/// order, as [`InteractionGraph::to_json`]'s value orders them, so the bytes are the same.
#[derive(Clone, Copy, Debug)]
pub struct GraphDoc<'a>(&'a InteractionGraph);

/// The entries of one of the document's lists, each built when it is written.
struct Entries<'a>(&'a InteractionGraph, Option<PairList>);

impl serde::Serialize for Entries<'_> {
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
                    seq.serialize_element(&g.vertex_json(i))?;
                }
            }
            Some(l) => {
                for p in g.pairs.iter().filter(|p| PairList::of(p) == l) {
                    seq.serialize_element(&g.pair_json(p))?;
                }
            }
        }
        seq.end()
    }
}

impl serde::Serialize for GraphDoc<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let g = self.0;
        let Value::Object(head) = g.head_json() else {
            unreachable!("the head is an object")
        };
        let lists = [
            ("edges", Entries(g, Some(PairList::Edges))),
            ("non_edges", Entries(g, Some(PairList::NonEdges))),
            ("unresolved", Entries(g, Some(PairList::Unresolved))),
            ("vertices", Entries(g, None)),
        ];
        // Merge the head's keys (sorted) with the lists' (sorted): one object, sorted.
        let mut map = s.serialize_map(Some(head.len() + lists.len()))?;
        let mut head = head.iter().peekable();
        for (key, entries) in &lists {
            while let Some((k, v)) = head.next_if(|(k, _)| k.as_str() < *key) {
                map.serialize_entry(k, v)?;
            }
            map.serialize_entry(key, entries)?;
        }
        for (k, v) in head {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}
