//! Counts of a certified interaction graph, shared by `plrep enumerate` and
//! `plrep survey`: edges against the PL-Schur bound, and the certified non-edges by the
//! kind of reason that explains them (theory.md §7, §9).

use crate::character::RealSimples;
use crate::error::{Error, Result};
use crate::graph::InteractionGraph;
use crate::pl::{exists_table, Obstruction, PairResult, ReasonKind, Verdict};
use serde::{Deserialize, Serialize};

/// Why a certified non-edge holds, coarsest reason first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NonEdgeKind {
    /// The activation is linear (isotypic components are orthogonal).
    Linear,
    /// `ker L` or `ker^± L` of `G` is not inside `ker L'`: the character table of `G`.
    Kernel,
    /// An element of `C_{Sym(X)}(G)`: the hidden symmetry `Ĝ`.
    Centralizer,
    /// Only the block-space (or Hadamard) certificate: no group element explains it.
    Certificate,
}

impl NonEdgeKind {
    /// All kinds, coarsest first.
    pub const ALL: [NonEdgeKind; 4] = [
        NonEdgeKind::Linear,
        NonEdgeKind::Kernel,
        NonEdgeKind::Centralizer,
        NonEdgeKind::Certificate,
    ];

    /// Short name: `linear`, `kernel`, `centralizer`, `certificate`.
    pub fn name(self) -> &'static str {
        match self {
            NonEdgeKind::Linear => "linear",
            NonEdgeKind::Kernel => "kernel",
            NonEdgeKind::Centralizer => "centralizer",
            NonEdgeKind::Certificate => "certificate",
        }
    }
}

/// The kind of a certified non-edge, `None` for edges and unresolved pairs.
pub fn non_edge_kind(p: &PairResult) -> Option<NonEdgeKind> {
    match &p.verdict {
        Verdict::NonEdge(Obstruction::Linear) => Some(NonEdgeKind::Linear),
        Verdict::NonEdge(_) => Some(match p.reason_kind {
            Some(ReasonKind::Kernel) => NonEdgeKind::Kernel,
            Some(ReasonKind::Centralizer) => NonEdgeKind::Centralizer,
            None => NonEdgeKind::Certificate,
        }),
        _ => None,
    }
}

/// The counts of one certified interaction graph (see the module documentation).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GraphStats {
    /// `|X|`.
    pub points: usize,
    /// The number of real simples present in `R^X` (the vertices).
    pub simples: usize,
    /// Ordered pairs of present simples (`simples^2`).
    pub pairs: usize,
    /// Certified edges.
    pub edges: usize,
    /// Certified non-edges.
    pub non_edges: usize,
    /// Unresolved pairs (should be 0).
    pub unresolved: usize,
    /// Unresolved pairs flagged as potential counterexamples to the span conjecture.
    pub potential_counterexamples: usize,
    /// Pairs with `ker L ⊆ ker L'` (a nonzero PL map exists at all).
    pub pl_schur_bound: usize,
    /// Non-edges that rule (a) (`ker^± L ⊆ ker L'`) allows.
    pub beyond_ker_pm: usize,
    /// Non-edges no kernel rule of `G` explains (`centralizer_explained + unexplained`).
    pub g_hat_mattered: usize,
    /// Non-edges of a linear activation (isotypic components are orthogonal).
    #[serde(default)]
    pub linear: usize,
    /// Non-edges explained by `ker L` or `ker^± L` of `G` (the character table of `G`).
    #[serde(default)]
    pub kernel_explained: usize,
    /// Non-edges explained by a centralizer element acting by incompatible scalars.
    pub centralizer_explained: usize,
    /// Block-space or Hadamard non-edges without any group-theoretic explanation.
    pub unexplained: usize,
}

impl GraphStats {
    /// Statistics of a certified graph, with the PL-Schur check.
    ///
    /// # Arguments
    /// * `graph` — the certified interaction graph of one module;
    /// * `simples` — the real simples of the group (they give the PL-Schur table).
    ///
    /// # Returns
    /// The [`GraphStats`].
    ///
    /// # Errors
    /// Verification: an edge between simples with `ker L ⊄ ker L'` (impossible by the
    /// PL Schur lemma), a pair whose `kernel_rule` disagrees with the PL-Schur table, or
    /// more edges than the PL-Schur bound.
    ///
    /// # Complexity
    /// `O(k^2 #classes)` for `k` real simples.
    ///
    /// ```
    /// use plrep::pl::{Activation, GroupData, PlModule, SolverOptions};
    /// use plrep::graph::InteractionGraph;
    /// use plrep::group::{spec::parse_group, gset::ActionSpec, Limits};
    /// use plrep::graph::GraphStats;
    /// let limits = Limits::default();
    /// let data = GroupData::new(&parse_group("C4").unwrap(), &limits).unwrap();
    /// let m = PlModule::on(&data, &ActionSpec::Regular, &limits).unwrap();
    /// let g = InteractionGraph::certified(&m, &SolverOptions::new(Activation::Abs)).unwrap();
    /// let s = GraphStats::of(&g, &data.simples).unwrap();
    /// assert_eq!((s.simples, s.edges, s.unresolved), (3, 4, 0));
    /// assert!(s.edges <= s.pl_schur_bound);
    /// ```
    pub fn of(graph: &InteractionGraph, simples: &RealSimples) -> Result<GraphStats> {
        let k = simples.len();
        let table = exists_table(simples);
        let label = |i: usize| &simples.simples[i].label;
        let mut s = GraphStats {
            points: graph.points,
            simples: graph.graph.node_count(),
            pairs: graph.pairs.len(),
            ..GraphStats::default()
        };
        for p in &graph.pairs {
            let nonzero = table[p.from * k + p.to].nonzero;
            if nonzero != p.kernel_rule {
                return Err(Error::verification(format!(
                    "the solver's kernel rule for {} -> {} disagrees with the PL-Schur table",
                    label(p.from),
                    label(p.to)
                )));
            }
            if nonzero {
                s.pl_schur_bound += 1;
            }
            match &p.verdict {
                Verdict::Edge(_) | Verdict::FourierEdge(_) => {
                    if !nonzero {
                        return Err(Error::verification(format!(
                            "an edge {} -> {} although ker L is not in ker L' (PL Schur lemma)",
                            label(p.from),
                            label(p.to)
                        )));
                    }
                    s.edges += 1;
                }
                Verdict::NonEdge(_) => {
                    s.non_edges += 1;
                    if p.rule_a {
                        s.beyond_ker_pm += 1;
                    }
                    match non_edge_kind(p) {
                        Some(NonEdgeKind::Linear) => s.linear += 1,
                        Some(NonEdgeKind::Kernel) => s.kernel_explained += 1,
                        Some(NonEdgeKind::Centralizer) => s.centralizer_explained += 1,
                        _ => s.unexplained += 1,
                    }
                }
                Verdict::Unresolved {
                    potential_counterexample,
                    ..
                } => {
                    s.unresolved += 1;
                    if *potential_counterexample {
                        s.potential_counterexamples += 1;
                    }
                }
            }
        }
        s.g_hat_mattered = s.centralizer_explained + s.unexplained;
        if s.edges > s.pl_schur_bound {
            return Err(Error::verification(format!(
                "{} edges exceed the PL-Schur bound {}",
                s.edges, s.pl_schur_bound
            )));
        }
        Ok(s)
    }
}
