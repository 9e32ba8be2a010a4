//! The filtration of the certified ReLU graph by normal subgroups.

use super::support::regular_relu;
use super::ExampleOutput;
use crate::group::Limits;
use crate::lattice::NormalLattice;
use crate::Result;

pub(super) fn filtration(name: &str, limits: &Limits) -> Result<ExampleOutput> {
    let mut o = ExampleOutput::new();
    o.line(format!(
        "Claim: for every normal subgroup N of {name} and every edge L -> L' of the certified ReLU"
    ));
    o.line("interaction graph of the regular representation, N ⊆ ker L implies N ⊆ ker L': the simples of");
    o.line("G/N span a subgraph closed under outgoing edges (ReLU commutes with the action of N).");
    o.line("");
    let (m, graph) = regular_relu(name, limits)?;
    let r = &m.simples;
    let kernels: Vec<Vec<usize>> = r.simples.iter().map(|s| s.kernel.clone()).collect();
    let lattice = NormalLattice::from_kernels(&m.table.sizes, &kernels);
    let labels = lattice.labels();
    let edges: Vec<(usize, usize)> = graph
        .edge_labels()
        .iter()
        .map(|(a, b)| {
            (
                r.find(a).expect("edge label is a simple"),
                r.find(b).expect("edge label is a simple"),
            )
        })
        .collect();
    o.line(format!(
        "Edges ({}): {}",
        edges.len(),
        graph
            .edge_labels()
            .iter()
            .map(|(a, b)| format!("{a}->{b}"))
            .collect::<Vec<_>>()
            .join(" ")
    ));
    let mut violations = 0;
    for (i, n) in lattice.subgroups.iter().enumerate() {
        let quotient = r.simples_of_quotient(n);
        let inside = |l: usize| quotient.contains(&l);
        let leaving: Vec<String> = edges
            .iter()
            .filter(|&&(a, b)| inside(a) && !inside(b))
            .map(|&(a, b)| format!("{}->{}", r.simples[a].label, r.simples[b].label))
            .collect();
        violations += leaving.len();
        o.line(format!(
            "  N = {:<10} (order {:>2}): simples of G/N {{{}}}; edges leaving: {}",
            labels[i],
            n.order,
            quotient
                .iter()
                .map(|&l| r.simples[l].label.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            if leaving.is_empty() {
                "none".to_string()
            } else {
                leaving.join(" ")
            }
        ));
    }
    o.line(format!(
        "Normal subgroups: {}; violations: {violations}",
        lattice.len()
    ));
    o.put_int("normal_subgroups", lattice.len() as i64);
    o.put_int("edges", edges.len() as i64);
    o.put_int("violations", violations as i64);
    Ok(o)
}
