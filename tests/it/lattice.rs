//! Tests of the normal-subgroup lattice.

use plrep::lattice::NormalLattice;
use std::collections::BTreeSet;
use std::path::PathBuf;

/// Lattice laws: closed under intersection, contains 1 and G, sorted, Hasse diagram is
/// exactly the covering relation.
pub fn check_lattice_laws(l: &NormalLattice, class_sizes: &[u64]) {
    let n = l.subgroups.len();
    assert!(n >= 1);
    assert_eq!(l.subgroups[0].classes, vec![0], "trivial subgroup first");
    assert_eq!(
        l.subgroups[n - 1].classes,
        (0..class_sizes.len()).collect::<Vec<_>>(),
        "G last"
    );
    let order: u64 = class_sizes.iter().sum();
    for s in &l.subgroups {
        assert_eq!(
            s.order,
            s.classes.iter().map(|&c| class_sizes[c]).sum::<u64>()
        );
        assert_eq!(order % s.order, 0, "Lagrange");
    }
    for w in l.subgroups.windows(2) {
        assert!((w[0].order, &w[0].classes) < (w[1].order, &w[1].classes));
    }
    for a in &l.subgroups {
        for b in &l.subgroups {
            let i: Vec<usize> = a
                .classes
                .iter()
                .copied()
                .filter(|c| b.contains_class(*c))
                .collect();
            assert!(l.find(&i).is_some(), "closed under intersection");
        }
    }
    for b in 0..n {
        let covers = l.lower_covers(b);
        for a in 0..n {
            let proper = a != b && l.subgroups[a].is_subgroup_of(&l.subgroups[b]);
            let maximal = proper
                && !(0..n).any(|c| {
                    c != a
                        && c != b
                        && l.subgroups[a].is_subgroup_of(&l.subgroups[c])
                        && l.subgroups[c].is_subgroup_of(&l.subgroups[b])
                });
            assert_eq!(covers.contains(&a), maximal, "Hasse edge {a}->{b}");
        }
    }
}

/// GAP's class sizes and character kernels from a reference document.
fn sizes_and_kernels(v: &serde_json::Value) -> (Vec<u64>, Vec<Vec<usize>>) {
    let sizes = v["classes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["size"].as_u64().unwrap())
        .collect();
    let kernels = v["kernels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            k.as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_u64().unwrap() as usize)
                .collect()
        })
        .collect();
    (sizes, kernels)
}

#[test]
fn lattice_from_reference_kernels_matches_gap_normal_subgroups() {
    let mut checked = 0;
    for path in crate::support::reference_files() {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let (sizes, kernels) = sizes_and_kernels(&v);
        let l = NormalLattice::from_kernels(&sizes, &kernels);
        check_lattice_laws(&l, &sizes);
        let ours: BTreeSet<Vec<usize>> = l.subgroups.iter().map(|s| s.classes.clone()).collect();
        let gap: BTreeSet<Vec<usize>> = v["normal_subgroups"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| {
                let mut s: Vec<usize> = k
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_u64().unwrap() as usize)
                    .collect();
                s.sort_unstable();
                s
            })
            .collect();
        assert_eq!(ours, gap, "{}", path.display());
        checked += 1;
    }
    assert_eq!(checked, 43);
}

#[test]
fn names_and_labels_are_unique_and_deterministic() {
    // C2 x C2: classes 1, a, b, ab; kernels of the four linear characters.
    let sizes = [1, 1, 1, 1];
    let kernels = vec![vec![0, 1, 2, 3], vec![0, 1], vec![0, 2], vec![0, 3]];
    let mut l = NormalLattice::from_kernels(&sizes, &kernels);
    l.name_centre_and_derived(&[0, 1, 2, 3], &[0]);
    assert_eq!(l.labels(), vec!["1", "N2a", "N2b", "N2c", "G"]);
    assert_eq!(l.subgroups[4].names, vec!["G", "Z(G)"]);
    assert_eq!(l.subgroups[0].names, vec!["1", "G'"]);
    assert_eq!(l.lower_covers(4), vec![1, 2, 3]);
    assert_eq!(l.lower_covers(1), vec![0]);
}

#[test]
fn trivial_group_lattice_has_one_subgroup_named_both() {
    let l = NormalLattice::from_kernels(&[1], &[vec![0]]);
    assert_eq!(l.len(), 1);
    assert_eq!(l.labels(), vec!["G"]);
    assert!(l.subgroups[0].names.contains(&"1".to_string()));
}

#[test]
fn lattice_drawing_has_a_node_per_subgroup_and_an_edge_per_cover() {
    // D8 from the reference data: 6 normal subgroups.
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/reference/D8.json");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let (sizes, kernels) = sizes_and_kernels(&v);
    let l = NormalLattice::from_kernels(&sizes, &kernels);
    assert_eq!(l.len(), 6);
    let d = l.drawing("D8");
    let svg = d.to_svg();
    assert_eq!(svg.matches("<rect x=").count(), 6);
    assert_eq!(svg.matches("<line ").count(), l.hasse.edge_count());
    // The layers: order 8 | 4 4 4 | 2 | 1.
    let layers: Vec<usize> = d.layer_order().iter().map(Vec::len).collect();
    assert_eq!(layers, vec![1, 3, 1, 1]);
}
