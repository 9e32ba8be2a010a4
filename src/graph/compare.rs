//! Comparison of two interaction graphs: isomorphism respecting dimensions and kernel
//! orders, and the edge difference under the best such matching (e.g. relu vs abs,
//! regular vs subsets, `C8` vs `D8`).
//!
//! Isomorphism is decided exactly, on graphs of any size, by VF2 (Cordella, Foggia,
//! Sansone, Vento 2004; `petgraph::algo`) with vertex labels `(dim, |ker|, type)`; a
//! reported isomorphism is re-verified edge by edge. When the graphs are not isomorphic,
//! the matching that minimises the edge difference is searched by brute force over the
//! label-preserving bijections, with a cap; beyond the cap the vertices are matched in
//! order within each bucket and the difference is not claimed minimal (`exhaustive`).

use super::interaction::InteractionGraph;
use petgraph::algo::subgraph_isomorphisms_iter;
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::BTreeSet;

/// Most bijections tried, when the graphs are not isomorphic, for the smallest edge
/// difference before falling back to matching in order.
pub const MAX_BIJECTIONS: u64 = 200_000;

/// The result of [`compare`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// Whether the vertex invariants `(dim, |ker|, type)` agree as multisets.
    pub same_vertices: bool,
    /// Whether an invariant-preserving bijection maps the edges exactly (exact: VF2).
    pub isomorphic: bool,
    /// The best matching found: `(label in A, label in B)` in A's vertex order; when the
    /// vertices differ, the shared labels with equal invariants.
    pub matching: Vec<(String, String)>,
    /// Edges of A missing in B under the matching (A's labels).
    pub only_in_a: Vec<(String, String)>,
    /// Edges of B missing in A under the matching (B's labels).
    pub only_in_b: Vec<(String, String)>,
    /// Whether the listed difference is proven minimal (isomorphic graphs, different
    /// vertices, or an exhaustive search of the bijections).
    pub exhaustive: bool,
}

/// The invariants of a vertex that an isomorphism must keep: dimension, kernel order,
/// type.
pub type VertexLabel = (u64, u64, String);

struct Side {
    labels: Vec<String>,
    inv: Vec<VertexLabel>,
    edges: BTreeSet<(usize, usize)>,
}

fn side(g: &InteractionGraph) -> Side {
    let verts: Vec<_> = g.graph.node_weights().collect();
    let labels: Vec<String> = verts.iter().map(|v| v.label.clone()).collect();
    let pos = |l: &str| labels.iter().position(|x| x == l).unwrap();
    Side {
        inv: verts
            .iter()
            .map(|v| (v.dim, v.kernel_order, v.kind.clone()))
            .collect(),
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

/// A label-preserving isomorphism of two directed graphs (self-loops allowed), by VF2:
/// `Some(map)` with `map[i]` the vertex of B for vertex `i` of A, verified to map the
/// edges of A exactly onto those of B; `None` when there is none.
///
/// Complexity: VF2, worst case exponential, in practice near `O(n^2)` on labelled graphs.
///
/// ```
/// use plrep::graph::compare::isomorphism;
/// let l = |d| (d, 1, "real".to_string());
/// // a -> b -> c versus c' <- b' <- a' listed in another order.
/// let m = isomorphism(&[l(1), l(2), l(3)], &[(0, 1), (1, 2)], &[l(3), l(2), l(1)], &[(2, 1), (1, 0)]);
/// assert_eq!(m, Some(vec![2, 1, 0]));
/// ```
pub fn isomorphism(
    a_labels: &[VertexLabel],
    a_edges: &[(usize, usize)],
    b_labels: &[VertexLabel],
    b_edges: &[(usize, usize)],
) -> Option<Vec<usize>> {
    let build = |labels: &[VertexLabel], edges: &[(usize, usize)]| {
        let mut g: DiGraph<VertexLabel, ()> = DiGraph::new();
        for l in labels {
            g.add_node(l.clone());
        }
        let set: BTreeSet<(usize, usize)> = edges.iter().copied().collect();
        for &(x, y) in &set {
            g.add_edge(NodeIndex::new(x), NodeIndex::new(y), ());
        }
        (g, set)
    };
    let (ga, ea) = build(a_labels, a_edges);
    let (gb, eb) = build(b_labels, b_edges);
    if ga.node_count() != gb.node_count() || ea.len() != eb.len() {
        return None;
    }
    let mut nm = |x: &VertexLabel, y: &VertexLabel| x == y;
    let mut em = |_: &(), _: &()| true;
    // With equal vertex and edge counts an induced-subgraph isomorphism is an isomorphism.
    let map = subgraph_isomorphisms_iter(&&ga, &&gb, &mut nm, &mut em)?.next()?;
    let ok = map.len() == a_labels.len()
        && (0..map.len()).all(|i| a_labels[i] == b_labels[map[i]])
        && ea.iter().all(|&(x, y)| eb.contains(&(map[x], map[y])));
    ok.then_some(map)
}

/// Compare two interaction graphs.
///
/// Complexity: [`isomorphism`]; when not isomorphic, at most [`MAX_BIJECTIONS`]
/// bijections, each `O(#edges log #edges)`.
///
/// ```
/// use plrep::pl::{PlModule, Activation, SolverOptions, solve};
/// use plrep::graph::{InteractionGraph, compare};
/// use plrep::group::{spec::parse_group, gset::ActionSpec, Limits};
/// let m = PlModule::new(&parse_group("C8").unwrap(), &ActionSpec::parse("regular").unwrap(), &Limits::default()).unwrap();
/// let relu = InteractionGraph::build(&m, &solve(&m, &SolverOptions::new(Activation::Relu)).unwrap());
/// let abs = InteractionGraph::build(&m, &solve(&m, &SolverOptions::new(Activation::Abs)).unwrap());
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
    let ea: Vec<(usize, usize)> = sa.edges.iter().copied().collect();
    let eb: Vec<(usize, usize)> = sb.edges.iter().copied().collect();
    if let Some(perm) = isomorphism(&sa.inv, &ea, &sb.inv, &eb) {
        return Comparison {
            same_vertices: true,
            isomorphic: true,
            matching: (0..n)
                .map(|i| (sa.labels[i].clone(), sb.labels[perm[i]].clone()))
                .collect(),
            only_in_a: Vec::new(),
            only_in_b: Vec::new(),
            exhaustive: true,
        };
    }
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
    debug_assert!(c > 0, "VF2 missed an isomorphism");
    Comparison {
        same_vertices: true,
        isomorphic: false,
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
