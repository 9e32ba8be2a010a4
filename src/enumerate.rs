//! All transitive permutation modules of a group at once: for every conjugacy class of
//! subgroups `H`, the module `R^{G/H}`, its real simples and its certified interaction
//! graph (`plrep enumerate`). Every transitive `G`-set is `G/H` for exactly one class of
//! `H`, so this lists the one-layer PL maps of every transitive layer of a `G`-equivariant
//! network.
//!
//! The summary answers two questions a reader of the tables asks: for each ordered pair
//! `L -> L'` of real simples of `G`, in which modules is it an edge; and which certified
//! non-edges are *not* explained by the character table of `G` (ker / ker^± of `G`,
//! theory.md §7, T1 and rule (a)) but only by the centralizer of `G` in `Sym(G/H)` (the group
//! `Ĝ`, T0–T2) or only by the block-space certificate (T4).
//!
//! Its JSON document `plrep.enumerate.v1` is `record::enumerate`'s
//! (`Enumeration::to_record`, `Enumeration::to_json`).

use crate::arith::Q;
use crate::character::SimpleType;
use crate::error::Result;
use crate::graph::InteractionGraph;
use crate::graph::{non_edge_kind, GraphStats, NonEdgeKind};
use crate::group::subgroups::{SubgroupClass, SubgroupClasses};
use crate::group::{Limits, PermGroup};
use crate::pl::{GroupData, PlModule, SolverOptions};
use std::collections::BTreeMap;

/// One transitive module `R^{G/H}`.
#[derive(Clone, Debug)]
pub struct EnumeratedModule {
    /// The class of `H` (label `H1`, `H2`, ... in the order of the list).
    pub subgroup: SubgroupClass,
    /// Its certified interaction graph.
    pub graph: InteractionGraph,
    /// Its counts.
    pub stats: GraphStats,
}

/// A real simple of `G` as listed in the enumeration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SimpleInfo {
    /// `L0`, `L1`, ...
    pub label: String,
    /// `dim_R L`.
    pub dim: u64,
    /// Real, complex or quaternionic type (printed `real`, `complex`, `quaternionic`).
    pub kind: SimpleType,
    /// `|ker L|`.
    pub kernel_order: u64,
    /// `|ker^± L|`.
    pub pm_kernel_order: u64,
}

/// The enumeration of all transitive modules of one group.
#[derive(Clone, Debug)]
pub struct Enumeration {
    /// Group name.
    pub group_name: String,
    /// `|G|`.
    pub group_order: u64,
    /// Generators in GAP notation.
    pub generators: Vec<String>,
    /// The activation's name.
    pub activation: String,
    /// The bias, if any.
    pub bias: Option<Q>,
    /// All real simples of `G`.
    pub simples: Vec<SimpleInfo>,
    /// One module per conjugacy class of subgroups, ascending by `|H|`.
    pub modules: Vec<EnumeratedModule>,
}

/// For one ordered pair of simples, where it is an edge and where a non-edge.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PairOccurrence {
    /// Module positions (0-based) where the pair is an edge.
    pub edge_in: Vec<usize>,
    /// Module positions where both simples are present and the pair is a certified
    /// non-edge, with the kind.
    pub non_edge_in: Vec<(usize, NonEdgeKind)>,
}

impl Enumeration {
    /// Solve and certify `R^{G/H}` for every conjugacy class of subgroups `H` of `group`.
    ///
    /// Arguments: the group, the solver options (activation, bias, seeds), the limits.
    ///
    /// Returns the enumeration, modules in the order of [`SubgroupClasses::compute`].
    ///
    /// Errors: those of the character table, of the subgroup classes
    /// (`--max-subgroups`), of the module (`--max-points`, `--max-order`), and any
    /// certificate the independent checker rejects (verification).
    ///
    /// Complexity: one character table, the subgroup classes, then per class one solve
    /// and one certification of a module with `|G : H|` points (the regular module,
    /// `H = 1`, dominates).
    ///
    /// Reference: theory.md §7; Gibson, Tubbenhauer, Williamson, arXiv:2408.00949.
    ///
    /// ```
    /// use plrep::enumerate::Enumeration;
    /// use plrep::group::{spec::parse_group, Limits};
    /// use plrep::pl::{Activation, SolverOptions};
    /// let e = Enumeration::compute(&parse_group("S3").unwrap(), &SolverOptions::new(Activation::Relu), &Limits::default()).unwrap();
    /// assert_eq!(e.modules.len(), 4); // 1, C2, C3, S3
    /// assert!(e.modules.iter().all(|m| m.graph.is_certified() && m.stats.unresolved == 0));
    /// ```
    pub fn compute(
        group: &PermGroup,
        options: &SolverOptions,
        limits: &Limits,
    ) -> Result<Enumeration> {
        // H = 1 gives the regular module, the largest: refuse early if it is too big.
        crate::pl::check_module_size(group, &crate::group::gset::ActionSpec::Regular, limits)?;
        let (elements, classes) = GroupData::classes(group, limits)?;
        crate::pl::check_module_memory(&elements, &classes, elements.len() as u128, limits)?;
        let data = GroupData::from_classes(group, elements, classes)?;
        let subgroups =
            SubgroupClasses::compute(&data.group, &data.elements, &data.classes, limits)?;
        let mut modules = Vec::with_capacity(subgroups.classes.len());
        for class in subgroups.classes {
            let module = PlModule::on(&data, &class.action(), limits)?;
            let graph = InteractionGraph::certified(&module, options)?;
            let stats = GraphStats::of(&graph, &data.simples)?;
            modules.push(EnumeratedModule {
                subgroup: class,
                graph,
                stats,
            });
        }
        let order_of = |c: &[usize]| c.iter().map(|&k| data.classes.sizes[k]).sum::<u64>();
        let simples = data
            .simples
            .simples
            .iter()
            .map(|s| SimpleInfo {
                label: s.label.clone(),
                dim: s.dim,
                kind: s.kind,
                kernel_order: order_of(&s.kernel),
                pm_kernel_order: order_of(&s.pm_kernel()),
            })
            .collect();
        let group_name = group.name().map(str::to_string).unwrap_or_else(|| {
            let g: Vec<String> = group.generators().iter().map(|g| g.to_string()).collect();
            g.join(",")
        });
        Ok(Enumeration {
            group_name,
            group_order: data.elements.len() as u64,
            generators: group.generators().iter().map(|g| g.to_string()).collect(),
            activation: options.activation.name(),
            bias: options.bias.clone(),
            simples,
            modules,
        })
    }

    /// The label of module `i`: `H1`, `H2`, ...
    pub fn subgroup_label(i: usize) -> String {
        format!("H{}", i + 1)
    }

    /// For every ordered pair `(L, L')` (indices into [`Enumeration::simples`]) present together in some module, where
    /// it is an edge and where a non-edge; keys in the order of the simples.
    pub fn pair_occurrences(&self) -> BTreeMap<(usize, usize), PairOccurrence> {
        let mut out: BTreeMap<(usize, usize), PairOccurrence> = BTreeMap::new();
        for (m, module) in self.modules.iter().enumerate() {
            for p in &module.graph.pairs {
                // Pairs name simples by their index among all real simples of G.
                let entry = out.entry((p.from, p.to)).or_default();
                if p.is_edge() {
                    entry.edge_in.push(m);
                } else if let Some(k) = non_edge_kind(p) {
                    entry.non_edge_in.push((m, k));
                }
            }
        }
        out
    }
}
