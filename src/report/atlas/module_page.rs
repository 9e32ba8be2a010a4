//! One page per module of a group (`groups/<slug>/<module>.html`): the subgroup, and per
//! layer (activation) the certified interaction graph (SVG), its counts, the edge table
//! with exact witnesses and the non-edge table with obstructions. Keeping these off the
//! group page keeps a group of order 64 (hundreds of modules) at a readable size.

use super::html::{cmd_line, command, esc, page as frame};
use super::{GroupEntry, Layer, Module};
use crate::record::graph::{EdgeWitnessRecord, NonEdgeRecord};
use std::fmt::Write as _;

/// The page of a module, relative to the site root.
pub(crate) fn path(slug: &str, m: &Module) -> String {
    format!("groups/{slug}/{}.html", m.key())
}

/// The graph drawing of a module in one layer, relative to the site root.
pub(crate) fn graph_file(slug: &str, layer: &Layer, m: &Module) -> String {
    format!("groups/{slug}/{}-{}.svg", layer.tag(), m.key())
}

/// The id of a non-edge's row on its module page (the exceptions page links to it).
pub(crate) fn pair_anchor(layer: &Layer, from: &str, to: &str) -> String {
    format!("{}-{from}-{to}", layer.tag())
}

/// A non-edge's reason kind (empty when the record has none).
pub(crate) fn reason_kind(e: &NonEdgeRecord) -> &str {
    e.obstruction.reason_kind.as_deref().unwrap_or("")
}

/// The group-theoretic reason of a non-edge, when it has a non-empty one.
pub(crate) fn group_reason(e: &NonEdgeRecord) -> Option<&str> {
    match &e.obstruction.group_reason {
        Some(Some(r)) if !r.is_empty() => Some(r),
        _ => None,
    }
}

/// The `plrep graph ... --certify` command that reproduces a module's graph in a layer.
pub(crate) fn graph_command(g: &GroupEntry, layer: &Layer, m: &Module) -> Vec<String> {
    let mut cmd = vec![
        "plrep".to_string(),
        "graph".into(),
        g.name.clone(),
        "--action".into(),
        m.action.clone(),
    ];
    cmd.extend(layer.flags());
    cmd.push("--certify".into());
    cmd
}

/// The `plrep solve` command of one pair of a module in a layer.
pub(crate) fn solve_command(
    g: &GroupEntry,
    layer: &Layer,
    m: &Module,
    from: &str,
    to: &str,
) -> Vec<String> {
    let mut cmd = vec![
        "plrep".to_string(),
        "solve".into(),
        g.name.clone(),
        "--from".into(),
        from.to_string(),
        "--to".into(),
        to.to_string(),
        "--action".into(),
        m.action.clone(),
    ];
    cmd.extend(layer.flags());
    cmd.push("--certify".into());
    cmd
}

fn edge_table(m: &Module) -> String {
    let mut s = String::new();
    let edges = m.edges();
    let _ = write!(
        s,
        "<p>Each edge L → L′ has an exact witness: w = t·P<sub>L</sub>r for the integer vector r drawn from the seed, and the nonzero value (P<sub>L′</sub>σ(w))(x) at the point x.</p>\n<div class=\"scroll\"><table>\n<caption>Edges ({})</caption>\n<thead><tr>\
         <th scope=\"col\" class=\"l\">from</th><th scope=\"col\" class=\"l\">to</th><th scope=\"col\">seed</th>\
         <th scope=\"col\">t</th><th scope=\"col\" class=\"l\">point</th><th scope=\"col\" class=\"l\">value</th></tr></thead>\n<tbody>\n",
        edges.len()
    );
    for e in edges {
        // A Fourier-residue certificate has no seed, scale, point or value: empty cells.
        let (seed, scale, point, value) = match &e.witness {
            EdgeWitnessRecord::Exact(w) => (
                w.seed.to_string(),
                w.scale.clone(),
                w.point_label.clone().unwrap_or_else(|| w.point.to_string()),
                w.value.clone(),
            ),
            EdgeWitnessRecord::Fourier(_) => Default::default(),
        };
        let _ = writeln!(
            s,
            "<tr><td class=\"l\">{}</td><td class=\"l\">{}</td><td>{}</td><td>{}</td><td class=\"l\">{}</td><td class=\"l\"><code>{}</code></td></tr>",
            esc(&e.from_label),
            esc(&e.to_label),
            esc(&seed),
            esc(&scale),
            esc(&point),
            esc(&value)
        );
    }
    s.push_str("</tbody></table></div>\n");
    s
}

fn non_edge_table(layer: &Layer, m: &Module) -> String {
    let mut s = String::new();
    let non_edges = m.non_edges();
    if non_edges.is_empty() {
        return s;
    }
    let _ = write!(
        s,
        "<div class=\"scroll\"><table>\n<caption>Non-edges ({}), each with a certified obstruction</caption>\n<thead><tr>\
         <th scope=\"col\" class=\"l\">from</th><th scope=\"col\" class=\"l\">to</th><th scope=\"col\" class=\"l\">reason</th>\
         <th scope=\"col\" class=\"l\">obstruction</th></tr></thead>\n<tbody>\n",
        non_edges.len()
    );
    for e in non_edges {
        let kind = reason_kind(e);
        let explanation = &e.obstruction.explanation;
        let why = match group_reason(e) {
            Some(r) => format!("{explanation} — {r}"),
            None => explanation.clone(),
        };
        let (from, to) = (&e.from_label, &e.to_label);
        let exceptional = kind == "centralizer" || kind == "certificate";
        // Exceptional rows carry an id: the exceptions page links to them.
        let id = if exceptional {
            format!(" id=\"{}\"", esc(&pair_anchor(layer, from, to)))
        } else {
            String::new()
        };
        let _ = writeln!(
            s,
            "<tr{id}><td class=\"l\">{}</td><td class=\"l\">{}</td><td class=\"l{}\">{}</td><td class=\"l\">{}</td></tr>",
            esc(from),
            esc(to),
            if exceptional { " flag" } else { "" },
            esc(kind),
            esc(&why)
        );
    }
    s.push_str("</tbody></table></div>\n");
    s
}

/// The section of one layer: counts, drawing, edges, non-edges, unresolved pairs.
fn layer_section(g: &GroupEntry, layer: &Layer, m: &Module) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<section aria-labelledby=\"{a}\">\n<h2 id=\"{a}\">{}</h2>",
        esc(&layer.title()),
        a = esc(&layer.tag())
    );
    let Some(st) = &m.stats else {
        let _ = writeln!(
            s,
            "<p class=\"flag\">This module's record is an error: {}</p>",
            esc(m.error.as_deref().unwrap_or("unknown"))
        );
        s.push_str(&cmd_line(&graph_command(g, layer, m)));
        s.push_str("</section>\n");
        return s;
    };
    let _ = write!(
        s,
        "<div class=\"scroll\"><table>\n<caption>Counts, {}</caption>\n<thead><tr>\
         <th scope=\"col\">simples</th><th scope=\"col\">ordered pairs</th><th scope=\"col\">edges</th>\
         <th scope=\"col\">PL-Schur bound</th><th scope=\"col\">non-edges</th><th scope=\"col\">linear</th>\
         <th scope=\"col\">kernel</th><th scope=\"col\">centralizer</th><th scope=\"col\">certificate only</th>\
         <th scope=\"col\">unresolved</th></tr></thead>\n<tbody>\n<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td{}>{}</td></tr>\n</tbody></table></div>\n",
        esc(&layer.title()),
        st.simples,
        st.pairs,
        st.edges,
        st.pl_schur_bound,
        st.non_edges,
        st.linear,
        st.kernel_explained,
        st.centralizer_explained,
        st.unexplained,
        if st.unresolved > 0 { " class=\"flag\"" } else { "" },
        st.unresolved
    );
    s.push_str(&cmd_line(&graph_command(g, layer, m)));
    let file = graph_file(&g.slug, layer, m);
    let rel = file.rsplit('/').next().unwrap_or(&file);
    let _ = writeln!(
        s,
        "<figure><img src=\"{}\" alt=\"Certified interaction graph, {}: {} edges among {} real simples\" loading=\"lazy\"><figcaption>Vertices are the real simples present, layered by the order of their kernel (faithful simples on top); an arrow L → L′ is a certified edge.</figcaption></figure>",
        esc(rel),
        esc(&layer.title()),
        st.edges,
        st.simples
    );
    s.push_str(&edge_table(m));
    s.push_str(&non_edge_table(layer, m));
    let unresolved = m.unresolved();
    if !unresolved.is_empty() {
        s.push_str("<ul class=\"flag\">\n");
        for u in unresolved {
            let _ = writeln!(
                s,
                "<li>{} → {} unresolved{}: {}</li>",
                esc(&u.from_label),
                esc(&u.to_label),
                if u.potential_counterexample {
                    " (potential counterexample to the span conjecture)"
                } else {
                    ""
                },
                esc(&u.reason)
            );
        }
        s.push_str("</ul>\n");
    }
    let _ = writeln!(
        s,
        "<p class=\"cmd\">Each pair: <code>{}</code></p>\n</section>",
        esc(&command(&solve_command(g, layer, m, "FROM", "TO")))
    );
    s
}

/// The page of one module, with a section per layer in which it was surveyed.
pub(crate) fn page(g: &GroupEntry, layers: &[(&Layer, &Module)]) -> String {
    let Some((_, m)) = layers.first() else {
        return String::new();
    };
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<p><a href=\"../{}.html\">{}</a> (order {}) › module {}</p>\n<h1>{}: {}</h1>",
        esc(&g.slug),
        esc(&g.name),
        esc(&g.order),
        esc(&m.key()),
        esc(&g.name),
        esc(&m.title())
    );
    if let Some(h) = &m.sub {
        let _ = writeln!(
            s,
            "<p>The transitive module R<sup>X</sup> on X = G/H{} with {} points: H{} = ⟨{}⟩, |H| = {}, |N<sub>G</sub>(H)| = {} (action <code>{}</code>).</p>",
            h.class,
            h.index,
            h.class,
            esc(&h.generators.join(", ")),
            h.order,
            h.normalizer_order,
            esc(&m.action)
        );
        s.push_str(&cmd_line(&["plrep", "subgroups", &g.name]));
    } else {
        let _ = writeln!(
            s,
            "<p>The module of the action <code>{}</code>.</p>",
            esc(&m.action)
        );
    }
    if layers.len() > 1 {
        s.push_str("<nav aria-label=\"Activations\"><ul>\n");
        for (layer, _) in layers {
            let _ = writeln!(
                s,
                "<li><a href=\"#{}\">{}</a></li>",
                esc(&layer.tag()),
                esc(&layer.title())
            );
        }
        s.push_str("</ul></nav>\n");
    }
    for (layer, m) in layers {
        s.push_str(&layer_section(g, layer, m));
    }
    frame(&format!("{} {} — PL atlas", g.name, m.key()), 2, &s, None)
}
