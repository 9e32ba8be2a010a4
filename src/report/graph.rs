//! Drawings of an interaction graph in the paper's layout (faithful simples at the top,
//! the trivial simple at the bottom, layered by kernel order): SVG drawn by plrep, DOT and
//! TikZ. Inherent methods of [`InteractionGraph`] defined here, so the arrow runs
//! presentation -> domain (as petgraph's `dot::Dot` sits on top of its graphs).

use crate::graph::InteractionGraph;
use crate::report::{EdgeStyle, LayeredDrawing};

impl InteractionGraph {
    /// A layered drawing: layer by kernel order (smallest kernel — faithful — on top,
    /// the trivial simple at the bottom); self-loops drawn.
    pub fn drawing(&self) -> LayeredDrawing {
        let bias = self
            .bias
            .as_ref()
            .map_or(String::new(), |q| format!(", bias {q}"));
        let mut d = LayeredDrawing::new(format!(
            "{} (order {}), {}, {}{}",
            self.group_name, self.group_order, self.action, self.activation, bias
        ));
        let mut orders: Vec<u64> = self.graph.node_weights().map(|v| v.kernel_order).collect();
        orders.sort_unstable();
        orders.dedup();
        let mut ids = Vec::new();
        for v in self.graph.node_weights() {
            let layer = orders.iter().position(|&o| o == v.kernel_order).unwrap();
            ids.push(d.add_node(
                v.label.clone(),
                format!("dim {}, x{}", v.dim, v.multiplicity),
                layer,
            ));
        }
        for e in self.graph.edge_indices() {
            let (a, b) = self.graph.edge_endpoints(e).unwrap();
            d.add_edge(ids[a.index()], ids[b.index()], EdgeStyle::Solid);
        }
        d
    }

    /// SVG drawn by plrep.
    pub fn to_svg(&self) -> String {
        self.drawing().to_svg()
    }

    /// Graphviz DOT.
    pub fn to_dot(&self) -> String {
        self.drawing().to_dot()
    }

    /// TikZ.
    pub fn to_tikz(&self) -> String {
        self.drawing().to_tikz()
    }
}
