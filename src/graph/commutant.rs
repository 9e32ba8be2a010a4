//! The interaction graph of a module solved through its commutant (theory.md §13): the
//! same verdicts as [`super::InteractionGraph`], for groups whose elements and classes
//! are never listed — vertices carry dimension, multiplicity, type, kernel (for the
//! giants) and, when `S_n` has few enough cycle types, the character on each cycle type
//! (for naming the simples by partitions). Exports text; its JSON (`plrep.graph.v1`
//! with `"route": "commutant"`, docs/cli.md) is [`crate::record::graph`]'s.

use crate::error::Result;
use crate::pl::certify::CertifiedCommutant;
use crate::pl::commutant::module::CycleTypeValues;
use crate::pl::commutant::{CommutantModule, CommutantSolution};
use crate::pl::Verdict;
use std::fmt::Write as _;

/// Largest number of cycle types on which the characters are listed.
pub const MAX_CYCLE_TYPES: usize = 1000;

/// A certified graph of the commutant route.
#[derive(Clone, Debug)]
pub struct CommutantGraph<'a> {
    module: &'a CommutantModule,
    solution: &'a CommutantSolution,
    certified: bool,
    /// `(cycle type, value per simple)`, when available.
    pub characters: Option<Vec<CycleTypeValues>>,
    /// The partition naming each simple of `S_n`: from the listed cycle types, or (more
    /// than [`MAX_CYCLE_TYPES`] of them) by Young's rule and a few classes.
    pub partitions: Option<Vec<Option<String>>>,
}

impl<'a> CommutantGraph<'a> {
    /// Assemble the uncertified graph (and the characters on cycle types, up to
    /// [`MAX_CYCLE_TYPES`] of them); [`CommutantGraph::from_certified`] is the only way
    /// to a certified one.
    ///
    /// Errors: those of [`CommutantModule::cycle_type_values`].
    pub fn build(
        module: &'a CommutantModule,
        solution: &'a CommutantSolution,
    ) -> Result<CommutantGraph<'a>> {
        Self::assemble(module, solution, false)
    }

    /// The graph of a solution that passed the independent checker
    /// ([`crate::pl::certify::check_commutant`]), marked certified.
    ///
    /// Errors: those of [`CommutantModule::cycle_type_values`].
    pub fn from_certified(
        module: &'a CommutantModule,
        certified: &CertifiedCommutant<'a>,
    ) -> Result<CommutantGraph<'a>> {
        Self::assemble(module, certified.solution(), true)
    }

    fn assemble(
        module: &'a CommutantModule,
        solution: &'a CommutantSolution,
        certified: bool,
    ) -> Result<CommutantGraph<'a>> {
        let characters = module.cycle_type_values(MAX_CYCLE_TYPES)?;
        let partitions = match characters.as_deref() {
            Some(v) => module.partition_labels(v),
            // too many cycle types to list: Young's rule and a few classes
            None => module.young_partition_labels()?,
        };
        Ok(CommutantGraph {
            module,
            solution,
            certified,
            characters,
            partitions,
        })
    }

    /// The group's name, or its generators joined by `,`.
    pub(crate) fn group_name(&self) -> String {
        self.module.group.name_or_generators()
    }

    /// Simple `l`'s kernel by name and order (giants only).
    pub(crate) fn kernel(&self, l: usize) -> Option<(String, num_bigint::BigUint)> {
        let (n, s) = (self.module.group.degree(), self.module.giant?);
        let k = self.module.simples[l].kernel?;
        Some((k.name(n, s), k.order(n, s)))
    }

    /// The module.
    pub(crate) fn module(&self) -> &'a CommutantModule {
        self.module
    }

    /// The solution.
    pub(crate) fn solution(&self) -> &'a CommutantSolution {
        self.solution
    }

    /// Whether the independent checker re-checked every certificate.
    pub fn is_certified(&self) -> bool {
        self.certified
    }

    /// The partition naming simple `l`, if known.
    pub fn partition(&self, l: usize) -> Option<&str> {
        self.partitions.as_ref()?.get(l)?.as_deref()
    }

    /// The text summary, in the layout of [`super::InteractionGraph::to_text`].
    pub fn to_text(&self) -> String {
        let m = self.module;
        let mut s = String::new();
        let bias = self
            .solution
            .options
            .bias
            .as_ref()
            .map_or("no bias".to_string(), |q| format!("bias {q}"));
        let _ = writeln!(
            s,
            "interaction graph of {} (order {}) on {} ({} points), activation {}, {}{}",
            self.group_name(),
            m.group.order(),
            m.gset.action(),
            m.points(),
            self.solution.options.activation.name(),
            bias,
            if self.certified { ", certified" } else { "" }
        );
        let _ = writeln!(
            s,
            "  by the commutant: {} orbitals, {} simples (no character table)",
            m.algebra.dim(),
            m.simples.len()
        );
        for (l, v) in m.simples.iter().enumerate() {
            let ker = self
                .kernel(l)
                .map_or("ker not computed".to_string(), |(name, _)| {
                    format!("ker {name}")
                });
            let name = self
                .partition(l)
                .map_or(String::new(), |p| format!(", partition {p}"));
            let _ = writeln!(
                s,
                "  {}: dim {}, multiplicity {}, {}, {ker}{name}",
                v.label, v.dim, v.mult, v.kind
            );
        }
        for (l, v) in m.simples.iter().enumerate() {
            let targets: Vec<&str> = self
                .solution
                .pairs
                .iter()
                .filter(|p| {
                    p.from == l && matches!(p.verdict, Verdict::Edge(_) | Verdict::FourierEdge(_))
                })
                .map(|p| m.simples[p.to].label.as_str())
                .collect();
            let _ = writeln!(s, "{} -> {}", v.label, targets.join(" "));
        }
        let edges = self.solution.edges().len();
        let unresolved = self.solution.unresolved();
        let _ = writeln!(
            s,
            "edges {edges}, non-edges {}, unresolved {unresolved}",
            self.solution.pairs.len() - edges - unresolved
        );
        for p in &self.solution.pairs {
            if let Verdict::Unresolved { reason, .. } = &p.verdict {
                let _ = writeln!(
                    s,
                    "!! POTENTIAL COUNTEREXAMPLE to the span conjecture: {} -> {} unresolved: {reason}",
                    m.simples[p.from].label, m.simples[p.to].label
                );
            }
        }
        s
    }
}
