//! Comparison of two interaction graphs: isomorphism respecting dimensions and kernel
//! orders, and the edge difference under the best such matching (e.g. relu vs abs,
//! regular vs subsets, `C8` vs `D8`).
//!
//! Brute force over the bijections that preserve `(dim, |ker|)` (fine for the small
//! graphs of interest), with a cap; beyond the cap the vertices are matched in order
//! within each bucket.

use super::interaction::InteractionGraph;
use std::collections::BTreeSet;

/// Most bijections tried before falling back to matching in order.
pub const MAX_BIJECTIONS: u64 = 200_000;

/// The result of [`compare`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// Whether the vertex invariants `(dim, |ker|)` agree as multisets.
    pub same_vertices: bool,
    /// Whether an invariant-preserving bijection maps the edges exactly.
    pub isomorphic: bool,
    /// The best matching found: `(label in A, label in B)` in A's vertex order; when the
    /// vertices differ, the shared labels with equal invariants.
    pub matching: Vec<(String, String)>,
    /// Edges of A missing in B under the matching (A's labels).
    pub only_in_a: Vec<(String, String)>,
    /// Edges of B missing in A under the matching (B's labels).
    pub only_in_b: Vec<(String, String)>,
    /// Whether the search was exhaustive.
    pub exhaustive: bool,
}

struct Side {
    labels: Vec<String>,
    inv: Vec<(u64, u64)>,
    edges: BTreeSet<(usize, usize)>,
}

fn side(g: &InteractionGraph) -> Side {
    let verts: Vec<_> = g.graph.node_weights().collect();
    let labels: Vec<String> = verts.iter().map(|v| v.label.clone()).collect();
    let pos = |l: &str| labels.iter().position(|x| x == l).unwrap();
    Side {
        inv: verts.iter().map(|v| (v.dim, v.kernel_order)).collect(),
        edges: g
            .edge_labels()
            .iter()
            .map(|(a, b)| (pos(a), pos(b)))
            .collect(),
        labels,
    }
}

fn cost(a: &Side, b: &Side, perm: &[usize]) -> usize {
    let mapped: BTreeSet<(usize, usize)> =
        a.edges.iter().map(|&(x, y)| (perm[x], perm[y])).collect();
    mapped.symmetric_difference(&b.edges).count()
}

/// Compare two interaction graphs.
///
/// Complexity: at most [`MAX_BIJECTIONS`] bijections, each `O(#edges log #edges)`.
///
/// ```
/// use plrep::pl::{PlModule, Activation, SolverOptions, solve};
/// use plrep::graph::{InteractionGraph, compare};
/// use plrep::group::{spec::parse_group, gset::ActionSpec, Limits};
/// let m = PlModule::new(&parse_group("C8").unwrap(), &ActionSpec::parse("regular").unwrap(), &Limits::default()).unwrap();
/// let relu = InteractionGraph::build(&m, &solve(&m, &SolverOptions::new(Activation::Relu)).unwrap(), false);
/// let abs = InteractionGraph::build(&m, &solve(&m, &SolverOptions::new(Activation::Abs)).unwrap(), false);
/// let c = compare(&relu, &abs);
/// assert!(!c.isomorphic);
/// assert_eq!(c.only_in_b.len(), 0);   // abs edges ⊆ relu edges: the self-loops differ
/// assert_eq!(c.only_in_a.len(), 4);
/// ```
pub fn compare(a: &InteractionGraph, b: &InteractionGraph) -> Comparison {
    let (sa, sb) = (side(a), side(b));
    let mut ia = sa.inv.clone();
    let mut ib = sb.inv.clone();
    ia.sort();
    ib.sort();
    if ia != ib {
        // Different simples: compare on the labels both graphs share with the same
        // invariants (e.g. the same group on two modules); edges touching other vertices
        // are listed as they are.
        let shared: Vec<(usize, usize)> = (0..sa.labels.len())
            .filter_map(|i| {
                sb.labels
                    .iter()
                    .position(|l| *l == sa.labels[i])
                    .filter(|&j| sb.inv[j] == sa.inv[i])
                    .map(|j| (i, j))
            })
            .collect();
        let to_b = |i: usize| shared.iter().find(|p| p.0 == i).map(|p| p.1);
        let to_a = |j: usize| shared.iter().find(|p| p.1 == j).map(|p| p.0);
        let only_in_a = sa
            .edges
            .iter()
            .filter(|&&(x, y)| match (to_b(x), to_b(y)) {
                (Some(u), Some(v)) => !sb.edges.contains(&(u, v)),
                _ => true,
            })
            .map(|&(x, y)| (sa.labels[x].clone(), sa.labels[y].clone()))
            .collect();
        let only_in_b = sb
            .edges
            .iter()
            .filter(|&&(x, y)| match (to_a(x), to_a(y)) {
                (Some(u), Some(v)) => !sa.edges.contains(&(u, v)),
                _ => true,
            })
            .map(|&(x, y)| (sb.labels[x].clone(), sb.labels[y].clone()))
            .collect();
        return Comparison {
            same_vertices: false,
            isomorphic: false,
            matching: shared
                .iter()
                .map(|&(i, j)| (sa.labels[i].clone(), sb.labels[j].clone()))
                .collect(),
            only_in_a,
            only_in_b,
            exhaustive: true,
        };
    }
    let n = sa.labels.len();
    // Count the bijections.
    let mut total: u64 = 1;
    let mut buckets = ia.clone();
    buckets.dedup();
    for inv in &buckets {
        let k = sa.inv.iter().filter(|x| *x == inv).count() as u64;
        for i in 2..=k {
            total = total.saturating_mul(i);
        }
    }
    let exhaustive = total <= MAX_BIJECTIONS;
    let mut best: Option<(usize, Vec<usize>)> = None;
    let mut perm = vec![usize::MAX; n];
    let mut used = vec![false; n];
    fn rec(
        i: usize,
        sa: &Side,
        sb: &Side,
        perm: &mut Vec<usize>,
        used: &mut Vec<bool>,
        best: &mut Option<(usize, Vec<usize>)>,
        all: bool,
    ) {
        if best.as_ref().is_some_and(|b| b.0 == 0) {
            return;
        }
        if i == perm.len() {
            let c = cost(sa, sb, perm);
            if best.as_ref().map_or(true, |b| c < b.0) {
                *best = Some((c, perm.clone()));
            }
            return;
        }
        for j in 0..perm.len() {
            if !used[j] && sb.inv[j] == sa.inv[i] {
                used[j] = true;
                perm[i] = j;
                rec(i + 1, sa, sb, perm, used, best, all);
                used[j] = false;
                if !all {
                    return;
                }
            }
        }
    }
    rec(0, &sa, &sb, &mut perm, &mut used, &mut best, exhaustive);
    let (c, perm) = best.expect("a bijection exists");
    let mapped: BTreeSet<(usize, usize)> =
        sa.edges.iter().map(|&(x, y)| (perm[x], perm[y])).collect();
    let inv_perm: Vec<usize> = (0..n)
        .map(|j| perm.iter().position(|&p| p == j).unwrap())
        .collect();
    Comparison {
        same_vertices: true,
        isomorphic: c == 0,
        matching: (0..n)
            .map(|i| (sa.labels[i].clone(), sb.labels[perm[i]].clone()))
            .collect(),
        only_in_a: mapped
            .difference(&sb.edges)
            .map(|&(x, y)| {
                (
                    sa.labels[inv_perm[x]].clone(),
                    sa.labels[inv_perm[y]].clone(),
                )
            })
            .collect(),
        only_in_b: sb
            .edges
            .difference(&mapped)
            .map(|&(x, y)| (sb.labels[x].clone(), sb.labels[y].clone()))
            .collect(),
        exhaustive,
    }
}
