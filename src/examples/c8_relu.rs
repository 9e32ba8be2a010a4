//! C8: the certified ReLU interaction graph of the regular representation and the exact
//! components of `ReLU(cos)`.

use super::support::{regular_relu, show};
use super::ExampleOutput;
use crate::fourier::cyclic_components;
use crate::group::Limits;
use crate::pl::Activation;
use crate::Result;

pub(super) fn c8_relu(limits: &Limits) -> Result<ExampleOutput> {
    let mut o = ExampleOutput::new();
    o.line(
        "Claim: for C8 acting regularly on R^8, write v = (cos(2 pi j/8))_j, the cos vector of L1.",
    );
    o.line("ReLU(v) = v/2 + |v|/2 has trivial component (1 + sqrt 2)/8, L1 component 1/2 (the linear part v/2),");
    o.line("L2 component 1/4, no L3 component and sign component (1 - sqrt 2)/8.");
    o.line("The certified ReLU interaction graph of the regular representation follows (theory.md §7).");
    o.line("");
    let c = cyclic_components(&Activation::Relu, 8)?;
    o.line("Components of ReLU(v) = sum_k alpha_k cos(2 pi jk/8) (computed in Q(E(8)), expansion re-checked):");
    for comp in &c.components {
        o.line(format!(
            "  {}: alpha = {}  [GAP: {}]",
            comp.label(),
            show(&comp.cos),
            comp.cos
        ));
        o.put(comp.label(), comp.cos.clone());
    }
    o.line(format!(
        "Simples receiving a nonzero component: {}",
        c.nonzero()
            .iter()
            .map(|k| format!("L{k}"))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    o.line("");
    let (_, graph) = regular_relu("C8", limits)?;
    o.line("The certified interaction graph (every edge with an exact witness, every non-edge with an obstruction):");
    o.text.push_str(&graph.to_text());
    o.put_int("edges", graph.edge_labels().len() as i64);
    o.put_int("unresolved", graph.unresolved() as i64);
    Ok(o)
}
