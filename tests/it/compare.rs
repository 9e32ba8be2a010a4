//! Graph comparison by VF2: relabelled graphs are isomorphic (also beyond any brute-force
//! cap), graphs with equal degree sequences need not be.

use plrep::graph::compare::{isomorphism, VertexLabel};
use plrep::graph::{compare, InteractionGraph};
use plrep::group::gset::ActionSpec;
use plrep::group::spec::parse_group;
use plrep::group::Limits;
use plrep::pl::{solve, Activation, PlModule, SolverOptions};
use std::collections::BTreeSet;

fn label(d: u64) -> VertexLabel {
    (d, 1, "real".to_string())
}

/// A deterministic pseudo-random permutation of `0..n`.
fn shuffle(n: usize, seed: u64) -> Vec<usize> {
    let mut p: Vec<usize> = (0..n).collect();
    let mut rng = crate::support::Lcg(seed);
    for i in (1..n).rev() {
        p.swap(i, rng.below(i as u64 + 1) as usize);
    }
    p
}

/// `(labels, edges)` relabelled by `p` (vertex `i` becomes `p[i]`).
fn relabel(
    labels: &[VertexLabel],
    edges: &[(usize, usize)],
    p: &[usize],
) -> (Vec<VertexLabel>, Vec<(usize, usize)>) {
    let mut l = vec![label(0); labels.len()];
    for (i, x) in labels.iter().enumerate() {
        l[p[i]] = x.clone();
    }
    (l, edges.iter().map(|&(x, y)| (p[x], p[y])).collect())
}

fn check_map(a: &[(usize, usize)], b: &[(usize, usize)], map: &[usize]) {
    let b: BTreeSet<_> = b.iter().copied().collect();
    let mapped: BTreeSet<_> = a.iter().map(|&(x, y)| (map[x], map[y])).collect();
    assert_eq!(mapped, b);
}

#[test]
fn relabelled_graphs_are_isomorphic_at_any_size() {
    // 14 vertices with one label (14! bijections), a circulant digraph with self-loops.
    for n in [5usize, 14, 40] {
        let labels: Vec<VertexLabel> = (0..n).map(|i| label(1 + (i % 2) as u64)).collect();
        let mut edges = Vec::new();
        for i in 0..n {
            edges.push((i, (i + 2) % n));
            edges.push((i, (i + 5) % n));
            if i % 3 == 0 {
                edges.push((i, i));
            }
        }
        for seed in 0..3 {
            let p = shuffle(n, seed);
            let (lb, eb) = relabel(&labels, &edges, &p);
            let map = isomorphism(&labels, &edges, &lb, &eb).expect("relabelled");
            check_map(&edges, &eb, &map);
            for i in 0..n {
                assert_eq!(labels[i], lb[map[i]]);
            }
        }
    }
}

#[test]
fn equal_degree_sequences_do_not_make_an_isomorphism() {
    let sym = |e: &[(usize, usize)]| -> Vec<(usize, usize)> {
        e.iter().flat_map(|&(x, y)| [(x, y), (y, x)]).collect()
    };
    let l: Vec<VertexLabel> = (0..6).map(|_| label(1)).collect();
    // A 6-cycle and two triangles: every vertex has degree 2 in both.
    let hexagon = sym(&[(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 0)]);
    let triangles = sym(&[(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3)]);
    assert!(isomorphism(&l, &hexagon, &l, &triangles).is_none());
    assert!(isomorphism(&l, &hexagon, &l, &hexagon).is_some());
    // Directed: a 4-cycle vs two 2-cycles (in- and out-degree 1 everywhere).
    let l4: Vec<VertexLabel> = (0..4).map(|_| label(1)).collect();
    let cycle = [(0, 1), (1, 2), (2, 3), (3, 0)];
    let two = [(0, 1), (1, 0), (2, 3), (3, 2)];
    assert!(isomorphism(&l4, &cycle, &l4, &two).is_none());
    // Same shape, labels that cannot be matched.
    let mut l2 = l.clone();
    l2[0] = label(2);
    assert!(isomorphism(&l, &hexagon, &l2, &hexagon).is_none());
}

fn graph(group: &str, action: &str, activation: &str) -> InteractionGraph {
    let g = parse_group(group).unwrap();
    let m = PlModule::new(&g, &ActionSpec::parse(action).unwrap(), &Limits::default()).unwrap();
    let s = solve(
        &m,
        &SolverOptions::new(Activation::parse(activation).unwrap()),
    )
    .unwrap();
    InteractionGraph::build(&m, &s)
}

#[test]
fn interaction_graphs_compare_up_to_relabelling() {
    let a = graph("S4", "regular", "relu");
    // The same graph with its vertices stored in reverse order.
    let mut b = a.clone();
    let mut g = petgraph::graph::DiGraph::new();
    let n = a.graph.node_count();
    let nodes: Vec<_> = a.graph.node_indices().collect();
    let mut new_index = vec![petgraph::graph::NodeIndex::new(0); n];
    for &v in nodes.iter().rev() {
        new_index[v.index()] = g.add_node(a.graph[v].clone());
    }
    for e in a.graph.edge_indices() {
        let (x, y) = a.graph.edge_endpoints(e).unwrap();
        g.add_edge(
            new_index[x.index()],
            new_index[y.index()],
            a.graph[e].clone(),
        );
    }
    b.graph = g;
    let c = compare(&a, &b);
    assert!(c.same_vertices && c.isomorphic && c.exhaustive);
    assert!(c.only_in_a.is_empty() && c.only_in_b.is_empty());
    let edges: BTreeSet<(String, String)> = a.edge_labels().into_iter().collect();
    let to_b = |l: &str| c.matching.iter().find(|m| m.0 == l).unwrap().1.clone();
    for (x, y) in &edges {
        assert!(edges.contains(&(to_b(x), to_b(y))));
    }
    // relu and abs on S4 differ in the self-loops at least.
    let c = compare(&a, &graph("S4", "regular", "abs"));
    assert!(c.same_vertices && !c.isomorphic);
    assert!(!c.only_in_a.is_empty());
}

/// All permutations of `0..n` (Heap's algorithm), for the naive isomorphism test.
fn permutations(n: usize) -> Vec<Vec<usize>> {
    fn heap(k: usize, a: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        if k <= 1 {
            out.push(a.clone());
            return;
        }
        for i in 0..k {
            heap(k - 1, a, out);
            let j = if k % 2 == 0 { i } else { 0 };
            a.swap(j, k - 1);
        }
    }
    let mut out = Vec::new();
    heap(n, &mut (0..n).collect(), &mut out);
    out
}

#[test]
fn vf2_agrees_with_brute_force_on_small_digraphs_with_loops() {
    let mut rng = crate::support::Lcg(12345);
    let mut next = |m: u64| rng.below(m);
    let (mut iso, mut non) = (0, 0);
    for _ in 0..400 {
        let n = 2 + next(5) as usize;
        let labels: Vec<VertexLabel> = (0..n).map(|_| label(1 + next(2))).collect();
        let edges: Vec<(usize, usize)> = (0..n)
            .flat_map(|x| (0..n).map(move |y| (x, y)))
            .filter(|_| next(3) == 0)
            .collect();
        let p = shuffle(n, next(1000));
        let (lb, mut eb) = relabel(&labels, &edges, &p);
        if next(2) == 0 {
            // Move one edge's head: often (not always) no longer isomorphic.
            if let Some(e) = eb.first_mut() {
                e.1 = (e.1 + 1) % n;
            }
        }
        let a: BTreeSet<_> = edges.iter().copied().collect();
        let b: BTreeSet<_> = eb.iter().copied().collect();
        let naive = permutations(n).into_iter().any(|m| {
            (0..n).all(|i| labels[i] == lb[m[i]])
                && a.len() == b.len()
                && a.iter().all(|&(x, y)| b.contains(&(m[x], m[y])))
        });
        let found = isomorphism(&labels, &edges, &lb, &eb);
        assert_eq!(
            found.is_some(),
            naive,
            "{labels:?} {edges:?} / {lb:?} {eb:?}"
        );
        if naive {
            iso += 1
        } else {
            non += 1
        }
    }
    assert!(iso > 50 && non > 50, "{iso} {non}");
}
