//! Layered drawings of small directed graphs, rendered by plrep itself as SVG (no
//! graphviz needed), and exported as DOT and TikZ.
//!
//! Nodes carry a layer (0 is drawn at the top); within a layer nodes are ordered by a
//! deterministic barycentre heuristic (Sugiyama, Tagawa, Toda 1981) to reduce crossings.

use crate::report::escape::latex_escape;
use std::fmt::Write as _;

/// How an edge is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum EdgeStyle {
    /// A solid arrow.
    Solid,
    /// A dashed arrow (e.g. an edge present only in one of two compared graphs).
    Dashed,
    /// A plain line without arrow head (e.g. a Hasse diagram).
    Plain,
}

#[derive(Clone, Debug)]
struct Node {
    label: String,
    sublabel: String,
    layer: usize,
}

/// A graph with nodes on horizontal layers, ready to be rendered.
#[derive(Clone, Debug, Default)]
pub struct LayeredDrawing {
    title: String,
    nodes: Vec<Node>,
    edges: Vec<(usize, usize, EdgeStyle)>,
}

/// Width allowed per title character (15 px bold sans serif).
const TITLE_CHAR_W: f64 = 9.5;
const NODE_W: f64 = 96.0;
const NODE_H: f64 = 40.0;
const GAP_X: f64 = 36.0;
const GAP_Y: f64 = 84.0;
const MARGIN: f64 = 40.0;

impl LayeredDrawing {
    /// An empty drawing with a title (shown at the top of the SVG).
    pub fn new(title: impl Into<String>) -> Self {
        LayeredDrawing {
            title: title.into(),
            nodes: Vec::new(),
            edges: Vec::new(),
        }
    }

    /// Add a node on `layer` (0 at the top) with a main label and a small second line;
    /// returns its index.
    pub fn add_node(
        &mut self,
        label: impl Into<String>,
        sublabel: impl Into<String>,
        layer: usize,
    ) -> usize {
        self.nodes.push(Node {
            label: label.into(),
            sublabel: sublabel.into(),
            layer,
        });
        self.nodes.len() - 1
    }

    /// Add an edge (`from == to` draws a self-loop).
    pub fn add_edge(&mut self, from: usize, to: usize, style: EdgeStyle) {
        self.edges.push((from, to, style));
    }

    /// The order of the nodes within each layer: layers top to bottom, each a list of
    /// node indices left to right. Deterministic: start in insertion order, then four
    /// barycentre sweeps (down, up, down, up) with ties kept stable.
    pub fn layer_order(&self) -> Vec<Vec<usize>> {
        let nlayers = self.nodes.iter().map(|n| n.layer + 1).max().unwrap_or(0);
        let mut layers: Vec<Vec<usize>> = vec![Vec::new(); nlayers];
        for (i, n) in self.nodes.iter().enumerate() {
            layers[n.layer].push(i);
        }
        let neighbours = |v: usize| -> Vec<usize> {
            let mut out: Vec<usize> = self
                .edges
                .iter()
                .filter_map(|&(a, b, _)| {
                    if a == v && b != v {
                        Some(b)
                    } else if b == v && a != v {
                        Some(a)
                    } else {
                        None
                    }
                })
                .collect();
            out.sort_unstable();
            out.dedup();
            out
        };
        for sweep in 0..4 {
            let order: Vec<usize> = if sweep % 2 == 0 {
                (1..nlayers).collect()
            } else {
                (0..nlayers.saturating_sub(1)).rev().collect()
            };
            for l in order {
                let reference = if sweep % 2 == 0 { l - 1 } else { l + 1 };
                let pos: Vec<(usize, f64)> = layers[reference]
                    .iter()
                    .enumerate()
                    .map(|(p, &v)| (v, p as f64))
                    .collect();
                let mut keyed: Vec<(f64, usize, usize)> = layers[l]
                    .iter()
                    .enumerate()
                    .map(|(p, &v)| {
                        let ps: Vec<f64> = neighbours(v)
                            .into_iter()
                            .filter_map(|u| pos.iter().find(|(w, _)| *w == u).map(|(_, x)| *x))
                            .collect();
                        let key = if ps.is_empty() {
                            p as f64
                        } else {
                            ps.iter().sum::<f64>() / ps.len() as f64
                        };
                        (key, p, v)
                    })
                    .collect();
                keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
                layers[l] = keyed.into_iter().map(|(_, _, v)| v).collect();
            }
        }
        layers
    }

    fn positions(&self) -> (Vec<(f64, f64)>, f64, f64) {
        let layers = self.layer_order();
        let widest = layers.iter().map(Vec::len).max().unwrap_or(1).max(1) as f64;
        let width = (2.0 * MARGIN + widest * NODE_W + (widest - 1.0) * GAP_X)
            .max(2.0 * MARGIN + self.title_width());
        let mut pos = vec![(0.0, 0.0); self.nodes.len()];
        for (l, layer) in layers.iter().enumerate() {
            let row = layer.len() as f64 * NODE_W + (layer.len() as f64 - 1.0).max(0.0) * GAP_X;
            let x0 = (width - row) / 2.0 + NODE_W / 2.0;
            for (p, &v) in layer.iter().enumerate() {
                pos[v] = (
                    x0 + p as f64 * (NODE_W + GAP_X),
                    MARGIN + 30.0 + NODE_H / 2.0 + l as f64 * (NODE_H + GAP_Y),
                );
            }
        }
        let height = MARGIN * 2.0
            + 30.0
            + layers.len() as f64 * NODE_H
            + (layers.len() as f64 - 1.0).max(0.0) * GAP_Y;
        (pos, width, height)
    }

    /// A generous estimate of the title's rendered width in the SVG (15 px bold sans
    /// serif): `TITLE_CHAR_W` per character, wider than Helvetica Bold's average glyph.
    pub fn title_width(&self) -> f64 {
        self.title.chars().count() as f64 * TITLE_CHAR_W
    }

    /// Render as a standalone SVG document (deterministic bytes); the width fits the
    /// nodes and the title.
    pub fn to_svg(&self) -> String {
        let (pos, width, height) = self.positions();
        let mut s = String::new();
        let _ = writeln!(
            s,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.0} {h:.0}" font-family="Helvetica, Arial, sans-serif">"#,
            w = width,
            h = height
        );
        s.push_str(concat!(
            "<defs>",
            r##"<marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#333"/></marker>"##,
            "</defs>\n"
        ));
        let _ = writeln!(s, r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
        let _ = writeln!(
            s,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="15" font-weight="bold" fill="#222">{}</text>"##,
            width / 2.0,
            MARGIN,
            xml_escape(&self.title)
        );
        let mut edges = self.edges.clone();
        edges.sort();
        edges.dedup();
        for &(a, b, style) in &edges {
            let dash = if style == EdgeStyle::Dashed {
                r#" stroke-dasharray="6,4""#
            } else {
                ""
            };
            let marker = if style == EdgeStyle::Plain {
                ""
            } else {
                r#" marker-end="url(#arrow)""#
            };
            let (xa, ya) = pos[a];
            let (xb, yb) = pos[b];
            if a == b {
                // Self-loop: an arc on the right-hand side of the node.
                let x = xa + NODE_W / 2.0;
                let _ = writeln!(
                    s,
                    r##"<path d="M {:.1} {:.1} C {:.1} {:.1}, {:.1} {:.1}, {:.1} {:.1}" fill="none" stroke="#333" stroke-width="1.4"{dash}{marker}/>"##,
                    x,
                    ya - 8.0,
                    x + 34.0,
                    ya - 30.0,
                    x + 34.0,
                    ya + 30.0,
                    x,
                    ya + 8.0
                );
                continue;
            }
            // Clip the segment to the node boxes.
            let (sx, sy) = clip(xa, ya, xb, yb);
            let (tx, ty) = clip(xb, yb, xa, ya);
            if (ya - yb).abs() < 1e-9 {
                // Same layer: bow the edge upwards so that it does not cross the nodes between.
                let mx = (sx + tx) / 2.0;
                let my = ya - NODE_H / 2.0 - 28.0 - (xa - xb).abs() / 12.0;
                let _ = writeln!(
                    s,
                    r##"<path d="M {:.1} {:.1} Q {:.1} {:.1} {:.1} {:.1}" fill="none" stroke="#333" stroke-width="1.4"{dash}{marker}/>"##,
                    xa,
                    ya - NODE_H / 2.0,
                    mx,
                    my,
                    xb,
                    yb - NODE_H / 2.0
                );
            } else if (self.nodes[a].layer as i64 - self.nodes[b].layer as i64).abs() > 1 {
                // A long edge would run through the boxes of the layers between: bow it
                // outwards, away from the centre line, more for longer spans.
                let span = (self.nodes[a].layer as f64 - self.nodes[b].layer as f64).abs();
                let (mx, my) = ((xa + xb) / 2.0, (ya + yb) / 2.0);
                let side = if mx < width / 2.0 - 1e-9 || (mx <= width / 2.0 + 1e-9 && xa <= xb) {
                    -1.0
                } else {
                    1.0
                };
                let cx = mx + side * (NODE_W * 0.75 + 18.0 * (span - 1.0));
                let (sx, sy) = clip(xa, ya, cx, my);
                let (tx, ty) = clip(xb, yb, cx, my);
                let _ = writeln!(
                    s,
                    r##"<path d="M {sx:.1} {sy:.1} Q {cx:.1} {my:.1} {tx:.1} {ty:.1}" fill="none" stroke="#333" stroke-width="1.4"{dash}{marker}/>"##
                );
            } else {
                let _ = writeln!(
                    s,
                    r##"<line x1="{sx:.1}" y1="{sy:.1}" x2="{tx:.1}" y2="{ty:.1}" stroke="#333" stroke-width="1.4"{dash}{marker}/>"##
                );
            }
        }
        for (i, n) in self.nodes.iter().enumerate() {
            let (x, y) = pos[i];
            let _ = writeln!(
                s,
                r##"<rect x="{:.1}" y="{:.1}" width="{NODE_W:.0}" height="{NODE_H:.0}" rx="10" fill="#eef3fb" stroke="#2b4f81" stroke-width="1.5"/>"##,
                x - NODE_W / 2.0,
                y - NODE_H / 2.0
            );
            let (ly, sub) = if n.sublabel.is_empty() {
                (y + 5.0, None)
            } else {
                (y - 2.0, Some(y + 13.0))
            };
            let _ = writeln!(
                s,
                r##"<text x="{x:.1}" y="{ly:.1}" text-anchor="middle" font-size="14" fill="#111">{}</text>"##,
                xml_escape(&n.label)
            );
            if let Some(sy) = sub {
                let _ = writeln!(
                    s,
                    r##"<text x="{x:.1}" y="{sy:.1}" text-anchor="middle" font-size="10" fill="#555">{}</text>"##,
                    xml_escape(&n.sublabel)
                );
            }
        }
        s.push_str("</svg>\n");
        s
    }

    /// Render as Graphviz DOT (`rank=same` per layer), deterministic.
    pub fn to_dot(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "digraph \"{}\" {{", dot_escape(&self.title));
        s.push_str("  rankdir=TB;\n  node [shape=box, style=rounded];\n");
        for (i, n) in self.nodes.iter().enumerate() {
            let label = if n.sublabel.is_empty() {
                n.label.clone()
            } else {
                format!("{}\\n{}", n.label, n.sublabel)
            };
            let _ = writeln!(
                s,
                "  n{i} [label=\"{}\"];",
                dot_escape(&label).replace("\\\\n", "\\n")
            );
        }
        for layer in self.layer_order() {
            if layer.len() > 1 {
                let ids: Vec<String> = layer.iter().map(|v| format!("n{v}")).collect();
                let _ = writeln!(s, "  {{ rank=same; {} }}", ids.join("; "));
            }
        }
        let mut edges = self.edges.clone();
        edges.sort();
        edges.dedup();
        for (a, b, style) in edges {
            let attr = match style {
                EdgeStyle::Solid => "",
                EdgeStyle::Dashed => " [style=dashed]",
                EdgeStyle::Plain => " [arrowhead=none]",
            };
            let _ = writeln!(s, "  n{a} -> n{b}{attr};");
        }
        s.push_str("}\n");
        s
    }

    /// Render as a TikZ picture (needs `\usetikzlibrary{arrows.meta}`), coordinates from
    /// the same layout as the SVG, in centimetres.
    pub fn to_tikz(&self) -> String {
        let (pos, _, _) = self.positions();
        let scale = 1.0 / 60.0;
        let mut s = String::new();
        let _ = writeln!(s, "% {}", self.title);
        s.push_str("\\begin{tikzpicture}[>={Stealth}, every node/.style={draw, rounded corners, align=center, font=\\small}]\n");
        for (i, n) in self.nodes.iter().enumerate() {
            let (x, y) = pos[i];
            let label = if n.sublabel.is_empty() {
                latex_escape(&n.label)
            } else {
                format!(
                    "{}\\\\{{\\scriptsize {}}}",
                    latex_escape(&n.label),
                    latex_escape(&n.sublabel)
                )
            };
            let _ = writeln!(
                s,
                "  \\node (n{i}) at ({:.2},{:.2}) {{{label}}};",
                x * scale,
                -y * scale
            );
        }
        let mut edges = self.edges.clone();
        edges.sort();
        edges.dedup();
        for (a, b, style) in edges {
            let opt = match style {
                EdgeStyle::Solid => "->",
                EdgeStyle::Dashed => "->, dashed",
                EdgeStyle::Plain => "-",
            };
            if a == b {
                let _ = writeln!(s, "  \\draw[{opt}] (n{a}) to[loop right] (n{a});");
            } else {
                let _ = writeln!(s, "  \\draw[{opt}] (n{a}) -- (n{b});");
            }
        }
        s.push_str("\\end{tikzpicture}\n");
        s
    }
}

/// The point where the segment from the centre `(x, y)` towards `(tx, ty)` leaves the node box.
fn clip(x: f64, y: f64, tx: f64, ty: f64) -> (f64, f64) {
    let (dx, dy) = (tx - x, ty - y);
    let sx = if dx.abs() > 1e-12 {
        (NODE_W / 2.0) / dx.abs()
    } else {
        f64::INFINITY
    };
    let sy = if dy.abs() > 1e-12 {
        (NODE_H / 2.0) / dy.abs()
    } else {
        f64::INFINITY
    };
    let t = sx.min(sy).min(1.0);
    (x + dx * t, y + dy * t)
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn dot_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn barycentre_order_uncrosses_a_simple_bipartite_graph() {
        let mut d = LayeredDrawing::new("t");
        let a = d.add_node("a", "", 0);
        let b = d.add_node("b", "", 0);
        let x = d.add_node("x", "", 1);
        let y = d.add_node("y", "", 1);
        d.add_edge(a, y, EdgeStyle::Solid);
        d.add_edge(b, x, EdgeStyle::Solid);
        let order = d.layer_order();
        assert_eq!(order[0], vec![a, b]);
        assert_eq!(order[1], vec![y, x]);
    }

    #[test]
    fn outputs_are_deterministic_and_escape_labels() {
        let mut d = LayeredDrawing::new("G < H & K");
        let a = d.add_node("L_1", "dim 2", 0);
        let b = d.add_node("L0", "", 1);
        d.add_edge(a, b, EdgeStyle::Solid);
        d.add_edge(a, a, EdgeStyle::Dashed);
        let svg = d.to_svg();
        assert_eq!(svg, d.clone().to_svg());
        assert!(svg.contains("G &lt; H &amp; K"));
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>\n"));
        assert_eq!(svg.matches("<rect x=").count(), 2);
        assert!(d.to_dot().contains("n0 -> n1;"));
        assert!(d.to_tikz().contains("L\\_1"));
        assert!(d.to_tikz().contains("loop right"));
    }
}
