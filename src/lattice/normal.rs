//! Normal subgroups as unions of conjugacy classes, closed under intersection, with the
//! Hasse diagram of inclusion as a petgraph graph.

use petgraph::algo::tred::{dag_to_toposorted_adjacency_list, dag_transitive_reduction_closure};
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::BTreeSet;

/// A normal subgroup, stored as the sorted list of the conjugacy classes it is the union of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NormalSubgroup {
    /// The classes (indices into the table's classes), ascending.
    pub classes: Vec<usize>,
    /// Its order: the sum of the sizes of its classes.
    pub order: u64,
    /// Names that are obvious from the table: `1`, `G`, `Z(G)`, `G'`; empty otherwise.
    pub names: Vec<String>,
}

impl NormalSubgroup {
    /// Whether this subgroup contains class `c`.
    pub fn contains_class(&self, c: usize) -> bool {
        self.classes.binary_search(&c).is_ok()
    }

    /// Whether `self ⊆ other`.
    pub fn is_subgroup_of(&self, other: &NormalSubgroup) -> bool {
        self.classes.iter().all(|&c| other.contains_class(c))
    }

    /// The display name: the first obvious name, else `N<order>` with a suffix to keep
    /// names unique (assigned by [`NormalLattice`]).
    pub fn display_name(&self) -> Option<&str> {
        self.names.first().map(String::as_str)
    }
}

/// All normal subgroups of a group, sorted by order and then by class list, with the
/// Hasse diagram of inclusion.
#[derive(Clone, Debug)]
pub struct NormalLattice {
    /// The normal subgroups: index 0 is the trivial subgroup, the last is `G`.
    pub subgroups: Vec<NormalSubgroup>,
    /// Hasse diagram: node weights are indices into `subgroups`; an edge `a -> b` means
    /// `a` is a maximal proper normal subgroup of `b` (covering relation).
    pub hasse: DiGraph<usize, ()>,
}

impl NormalLattice {
    /// The normal-subgroup lattice from the kernels of the irreducible characters.
    ///
    /// # Arguments
    /// * `class_sizes` — the size of every conjugacy class (class 0 the identity);
    /// * `kernels` — for each irreducible character the classes of its kernel
    ///   (`chi(g) = chi(1)`), in any order.
    ///
    /// # Returns
    /// The closure of the kernels under intersection (plus `G` itself, the empty
    /// intersection), sorted by order then class list, with the Hasse diagram.
    ///
    /// # Complexity
    /// `O(m^2 k)` set operations for `m` normal subgroups and `k` classes, plus the
    /// transitive reduction of the inclusion order (`petgraph::algo::tred`, `O(m e)` for
    /// `e` inclusions).
    ///
    /// # Example
    /// ```
    /// use plrep::lattice::NormalLattice;
    /// // S3: classes 1, (1,2) [3], (1,2,3) [2]; kernels of trivial, sign, degree 2.
    /// let l = NormalLattice::from_kernels(&[1, 3, 2], &[vec![0, 1, 2], vec![0, 2], vec![0]]);
    /// let orders: Vec<u64> = l.subgroups.iter().map(|n| n.order).collect();
    /// assert_eq!(orders, vec![1, 3, 6]);
    /// ```
    ///
    /// # Reference
    /// Isaacs, *Character Theory of Finite Groups*, Prop. 2.2 and Lemma 2.21
    /// (`N` normal is the intersection of the kernels of the irreducibles of `G/N`).
    pub fn from_kernels(class_sizes: &[u64], kernels: &[Vec<usize>]) -> Self {
        let all: Vec<usize> = (0..class_sizes.len()).collect();
        let mut sets: BTreeSet<Vec<usize>> = BTreeSet::new();
        sets.insert(all);
        let mut frontier: Vec<Vec<usize>> = Vec::new();
        for k in kernels {
            let mut k = k.clone();
            k.sort_unstable();
            k.dedup();
            if sets.insert(k.clone()) {
                frontier.push(k);
            }
        }
        let gens: Vec<Vec<usize>> = sets.iter().cloned().collect();
        // Close under intersection: intersect every new set with every kernel.
        while let Some(s) = frontier.pop() {
            for k in &gens {
                let i: Vec<usize> = s
                    .iter()
                    .copied()
                    .filter(|c| k.binary_search(c).is_ok())
                    .collect();
                if sets.insert(i.clone()) {
                    frontier.push(i);
                }
            }
        }
        let mut subgroups: Vec<NormalSubgroup> = sets
            .into_iter()
            .map(|classes| {
                let order = classes.iter().map(|&c| class_sizes[c]).sum();
                NormalSubgroup {
                    classes,
                    order,
                    names: Vec::new(),
                }
            })
            .collect();
        subgroups.sort_by(|a, b| {
            a.order
                .cmp(&b.order)
                .then_with(|| a.classes.cmp(&b.classes))
        });
        let hasse = hasse_diagram(&subgroups);
        let mut lattice = NormalLattice { subgroups, hasse };
        lattice.name_trivial_and_whole();
        lattice
    }

    fn name_trivial_and_whole(&mut self) {
        let last = self.subgroups.len() - 1;
        if last > 0 {
            self.subgroups[0].names.push("1".into());
        }
        self.subgroups[last].names.push("G".into());
        if last == 0 {
            self.subgroups[0].names.push("1".into());
        }
    }

    /// Attach the names `Z(G)` (the union of the central classes) and `G'` (the
    /// intersection of the kernels of the linear characters) to the subgroups equal to
    /// `centre` and `derived`.
    pub fn name_centre_and_derived(&mut self, centre: &[usize], derived: &[usize]) {
        for (set, name) in [(centre, "Z(G)"), (derived, "G'")] {
            let mut s = set.to_vec();
            s.sort_unstable();
            if let Some(n) = self.subgroups.iter_mut().find(|n| n.classes == s) {
                if !n.names.iter().any(|x| x == name) {
                    n.names.push(name.into());
                }
            }
        }
    }

    /// Number of normal subgroups.
    pub fn len(&self) -> usize {
        self.subgroups.len()
    }

    /// Never empty (`G` is normal in `G`).
    pub fn is_empty(&self) -> bool {
        self.subgroups.is_empty()
    }

    /// The index of the normal subgroup with exactly these classes.
    pub fn find(&self, classes: &[usize]) -> Option<usize> {
        let mut s = classes.to_vec();
        s.sort_unstable();
        s.dedup();
        self.subgroups.iter().position(|n| n.classes == s)
    }

    /// Labels `N0, N1, ...`-free display names: the obvious name if any, else
    /// `N_<order>` with a letter suffix when several normal subgroups share an order.
    pub fn labels(&self) -> Vec<String> {
        let mut out = Vec::with_capacity(self.subgroups.len());
        for (i, n) in self.subgroups.iter().enumerate() {
            if let Some(name) = n.display_name() {
                out.push(name.to_string());
                continue;
            }
            let same: Vec<usize> = (0..self.subgroups.len())
                .filter(|&j| {
                    self.subgroups[j].order == n.order && self.subgroups[j].names.is_empty()
                })
                .collect();
            if same.len() == 1 {
                out.push(format!("N{}", n.order));
            } else {
                let pos = same.iter().position(|&j| j == i).unwrap_or(0);
                out.push(format!(
                    "N{}{}",
                    n.order,
                    crate::group::naming::letters(pos)
                ));
            }
        }
        out
    }

    /// The maximal proper normal subgroups of subgroup `i` (its lower covers).
    pub fn lower_covers(&self, i: usize) -> Vec<usize> {
        let mut v: Vec<usize> = self
            .hasse
            .neighbors_directed(NodeIndex::new(i), petgraph::Direction::Incoming)
            .map(|n| self.hasse[n])
            .collect();
        v.sort_unstable();
        v
    }
}

/// The covering relation of inclusion (transitive reduction), nodes in `subgroups` order.
fn hasse_diagram(subgroups: &[NormalSubgroup]) -> DiGraph<usize, ()> {
    let m = subgroups.len();
    let mut g = DiGraph::with_capacity(m, m);
    for i in 0..m {
        g.add_node(i);
    }
    let below: Vec<Vec<bool>> = (0..m)
        .map(|a| {
            (0..m)
                .map(|b| a != b && subgroups[a].is_subgroup_of(&subgroups[b]))
                .collect()
        })
        .collect();
    // Subgroups are sorted by order, so index order is a topological order of inclusion;
    // the covering relation is the transitive reduction of the inclusion DAG.
    let mut inclusion: DiGraph<(), ()> = DiGraph::with_capacity(m, 0);
    for _ in 0..m {
        inclusion.add_node(());
    }
    for (a, row) in below.iter().enumerate() {
        for (b, &inside) in row.iter().enumerate() {
            if inside {
                inclusion.add_edge(NodeIndex::new(a), NodeIndex::new(b), ());
            }
        }
    }
    let order: Vec<NodeIndex> = (0..m).map(NodeIndex::new).collect();
    let (list, _) = dag_to_toposorted_adjacency_list::<_, u32>(&inclusion, &order);
    let (reduction, _) = dag_transitive_reduction_closure(&list);
    let mut covers: Vec<(usize, usize)> = reduction
        .edge_indices()
        .filter_map(|e| reduction.edge_endpoints(e))
        .map(|(a, b)| (a as usize, b as usize))
        .collect();
    covers.sort_unstable();
    for (a, b) in covers {
        g.add_edge(NodeIndex::new(a), NodeIndex::new(b), ());
    }
    g
}
