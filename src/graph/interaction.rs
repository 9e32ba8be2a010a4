//! The interaction graph `Gamma(G, X, sigma)` of one equivariant layer (theory.md §7): a
//! petgraph [`DiGraph`] whose vertices are the real simples present in `R^X` and whose
//! edges carry their exact witnesses; the non-edges and unresolved pairs are kept with
//! their obstructions and reasons, and a text summary. The presentation sits on top: the
//! JSON document `plrep.graph.v1` is [`crate::record::graph`]'s, the DOT / TikZ / SVG
//! drawings [`crate::report::graph`]'s; this module imports neither.

use crate::arith::{Cyclotomic, Q};
use crate::error::Result;
use crate::pl::{
    CertifiedSolution, FourierWitness, PairResult, PlModule, Solution, SolverOptions, Verdict,
    Witness,
};
use petgraph::graph::{DiGraph, NodeIndex};
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
    /// A Fourier residue (the regular module of a large cyclic group, theory.md §18).
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
        let group_name = module.group.name_or_generators();
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

    /// The vertex id (position in the vertex list) of simple `simple`.
    pub(crate) fn vid(&self, simple: usize) -> usize {
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

    /// The label of simple `simple`.
    pub(crate) fn label_of(&self, simple: usize) -> &str {
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
}
