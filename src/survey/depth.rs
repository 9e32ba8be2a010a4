//! Depth statistics of a survey module (`plrep survey --depth K`, theory.md §10.1).
//!
//! For a module `R^X` the network `X -> X -> ... -> X` of `K` equal layers is analysed
//! with `--until-stable` semantics ([`crate::network::stable_depth`]): the depth is cut
//! where the alive sets of every source cycle (at most `K`), every simple present is a
//! source on its own, and the survey's activation and bias are used. The record then
//! compares the *depth closure* (for each source `L`, the simples reached at some depth)
//! with the PL-Schur bound `{M : ker L ⊆ ker M}` (theory.md §7, T3), which bounds every
//! depth (theory.md §10).

use crate::error::Result;
use crate::group::gset::ActionSpec;
use crate::group::Limits;
use crate::network::{analyze, stable_depth, Network, NetworkOptions};
use crate::pl::{exists_table, Bias, GroupData, SolverOptions};
use serde::Serialize;

/// One source's depth closure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SourceClosure {
    /// The source simple's label.
    pub source: String,
    /// The labels reached at some depth `1..=analysed_depth`, in label order.
    pub reached: Vec<String>,
    /// The labels reached first at depth `>= 2` (not one-layer edges), in label order.
    pub only_through_depth: Vec<String>,
    /// The labels `M` present with `ker L ⊆ ker M` (the PL-Schur bound), in label order.
    pub pl_schur: Vec<String>,
}

/// The depth statistics of one module.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DepthStats {
    /// The largest depth asked for (`--depth K`).
    pub max_depth: usize,
    /// The depth at which the alive sets of every source have repeated (`None` when they
    /// do not within `max_depth`; the closure is then the one of `max_depth` layers).
    pub stable_depth: Option<usize>,
    /// The depth analysed: `stable_depth`, or `max_depth`.
    pub analysed_depth: usize,
    /// One entry per simple present, in label order.
    pub sources: Vec<SourceClosure>,
    /// Pairs `(L, M)` reached at some depth.
    pub closure_pairs: usize,
    /// Pairs `(L, M)` with `ker L ⊆ ker M` (both present).
    pub pl_schur_pairs: usize,
    /// Whether the closure equals the PL-Schur bound for every source.
    pub closure_equals_pl_schur: bool,
    /// Pairs reached at some depth but not at depth 1.
    pub only_through_depth: usize,
    /// `(source, layer, M)` in the upper bound without a witness.
    pub unresolved: usize,
}

/// The network options of a survey's solver options (a uniform bias or none).
pub fn network_options(solver: &SolverOptions) -> NetworkOptions {
    let bias = match &solver.bias {
        Some(q) => Bias::Uniform(q.clone()),
        None => Bias::None,
    };
    let mut o = NetworkOptions::new(solver.activation.clone(), bias);
    o.seeds = solver.seeds.max(1);
    o
}

/// The depth statistics of the module `R^X` (`action`) with at most `max_depth` layers.
///
/// # Complexity
/// One network analysis of `analysed_depth` layers with every simple as a source
/// ([`analyze`]).
///
/// Errors: `max_depth == 0` (bad input); as [`Network::new`] and [`analyze`].
///
/// ```
/// use plrep::group::{spec::parse_group, gset::ActionSpec, Limits};
/// use plrep::pl::{GroupData, Activation, SolverOptions};
/// use plrep::survey::depth::depth_stats;
/// let lim = Limits::default();
/// let d = GroupData::new(&parse_group("C8").unwrap(), &lim).unwrap();
/// let s = depth_stats(&d, &ActionSpec::Regular, &SolverOptions::new(Activation::Relu), 4, &lim).unwrap();
/// let l1 = s.sources.iter().find(|c| c.source == "L1").unwrap();
/// assert!(l1.only_through_depth.contains(&"L3".to_string()));
/// ```
pub fn depth_stats(
    data: &GroupData,
    action: &ActionSpec,
    solver: &SolverOptions,
    max_depth: usize,
    limits: &Limits,
) -> Result<DepthStats> {
    if max_depth == 0 {
        return Err(crate::error::Error::bad(
            "--depth 0 has no layer",
            "use --depth 1 or more",
        ));
    }
    let opts = network_options(solver);
    let mut net = Network::new(data, &vec![action.clone(); max_depth + 1], limits)?;
    let present = net.simples_of(0);
    let src: Vec<Vec<usize>> = present.iter().map(|&l| vec![l]).collect();
    let stable = stable_depth(&net, &opts, &src)?;
    if let Some(d) = stable {
        net.layer_module.truncate(d + 1);
        net.layer_cross.truncate(d);
    }
    let depth = net.depth();
    let res = analyze(&net, &opts, &src)?;
    let simples = &data.simples;
    let k = simples.simples.len();
    let table = exists_table(simples);
    let label = |i: usize| simples.simples[i].label.clone();
    let mut out = DepthStats {
        max_depth,
        stable_depth: stable,
        analysed_depth: depth,
        sources: Vec::new(),
        closure_pairs: 0,
        pl_schur_pairs: 0,
        closure_equals_pl_schur: true,
        only_through_depth: 0,
        unresolved: res.unresolved(),
    };
    for (s, &l) in res.sources.iter().zip(&present) {
        let reached: Vec<usize> = present
            .iter()
            .copied()
            .filter(|&m| (1..=depth).any(|d| s.reached_at(d, m)))
            .collect();
        let late: Vec<usize> = reached
            .iter()
            .copied()
            .filter(|&m| !s.reached_at(1, m))
            .collect();
        let bound: Vec<usize> = present
            .iter()
            .copied()
            .filter(|&m| table[l * k + m].nonzero)
            .collect();
        out.closure_pairs += reached.len();
        out.pl_schur_pairs += bound.len();
        out.only_through_depth += late.len();
        out.closure_equals_pl_schur &= reached == bound;
        out.sources.push(SourceClosure {
            source: label(l),
            reached: reached.into_iter().map(label).collect(),
            only_through_depth: late.into_iter().map(label).collect(),
            pl_schur: bound.into_iter().map(label).collect(),
        });
    }
    Ok(out)
}
