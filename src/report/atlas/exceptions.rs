//! The exceptions page: every certified non-edge that no kernel rule of `G` explains
//! (reason kind `centralizer` or `certificate`), with the centralizer element or the
//! certificate, grouped by group and layer.

use super::html::{command, esc, page as frame};
use super::index::exceptions_anchor;
use super::module_page;
use super::Atlas;
use serde_json::Value;
use std::fmt::Write as _;

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        v => v.to_string(),
    }
}

/// Whether a non-edge is an exception: its reason is a centralizer element or a
/// certificate alone (no kernel rule of `G`, not a linear activation).
fn is_exception(non_edge: &Value) -> bool {
    let kind = &non_edge["obstruction"]["reason_kind"];
    kind == "centralizer" || kind == "certificate"
}

/// A graph document reduced to its exceptional non-edges (all the exceptions page reads).
pub(crate) fn keep_exceptions(graph: &Value) -> Value {
    let kept: Vec<Value> = graph["non_edges"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|e| is_exception(e))
        .cloned()
        .collect();
    serde_json::json!({ "non_edges": kept })
}

/// The exceptions page.
pub(crate) fn page(atlas: &Atlas) -> String {
    let mut s = String::new();
    s.push_str("<h1>Exceptions: non-edges beyond the kernel rules</h1>\n");
    s.push_str("<p>A pair L → L′ of real simples with ker L ⊆ ker L′ may carry a nonzero PL map (the PL-Schur bound); when in addition the kernel rule of the activation (ker<sup>±</sup> for even and homogeneous activations) allows an edge, the character table of G predicts one. These are the certified non-edges it does not predict: explained by an element of the centralizer of G in Sym(X) acting by incompatible scalars (a symmetry of Ĝ = ⟨G, C<sub>Sym(X)</sub>(G)⟩, not of G), or by a block-space certificate alone.</p>\n");
    let mut total = 0usize;
    let mut body = String::new();
    for g in &atlas.groups {
        for (layer, mods) in &g.layers {
            let mut rows = String::new();
            let mut count = 0usize;
            for m in mods {
                for e in m.graph["non_edges"].as_array().into_iter().flatten() {
                    if !is_exception(e) {
                        continue;
                    }
                    let o = &e["obstruction"];
                    let kind = text(&o["reason_kind"]);
                    count += 1;
                    let (from, to) = (text(&e["from_label"]), text(&e["to_label"]));
                    let cmd = module_page::solve_command(g, layer, m, &from, &to);
                    let why = match o["group_reason"].as_str() {
                        Some(r) if !r.is_empty() => r.to_string(),
                        _ => text(&o["explanation"]),
                    };
                    let _ = writeln!(
                        rows,
                        "<tr><th scope=\"row\" class=\"l\"><a href=\"{}#{}\">{}</a></th><td class=\"l\">{}</td><td class=\"l\">{}</td><td class=\"l\">{}</td><td class=\"l\">{}</td><td class=\"l\"><code>{}</code></td></tr>",
                        esc(&module_page::path(&g.slug, m)),
                        esc(&module_page::pair_anchor(layer, &from, &to)),
                        esc(&m.title()),
                        esc(&from),
                        esc(&to),
                        esc(&kind),
                        esc(&why),
                        esc(&command(&cmd))
                    );
                }
            }
            if count == 0 {
                continue;
            }
            total += count;
            let _ = write!(
                body,
                "<section aria-labelledby=\"{a}\">\n<h2 id=\"{a}\"><a href=\"{}\">{}</a> (order {}), {}: {count}</h2>\n\
                 <div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\" class=\"l\">module</th><th scope=\"col\" class=\"l\">from</th>\
                 <th scope=\"col\" class=\"l\">to</th><th scope=\"col\" class=\"l\">reason</th><th scope=\"col\" class=\"l\">element or certificate</th>\
                 <th scope=\"col\" class=\"l\">reproduce</th></tr></thead>\n<tbody>\n{rows}</tbody></table></div>\n</section>\n",
                esc(&g.page()),
                esc(&g.name),
                esc(&g.order),
                esc(&layer.title()),
                a = esc(&exceptions_anchor(g, layer)),
            );
        }
    }
    let _ = writeln!(s, "<p><strong>{total}</strong> exceptions in all.</p>");
    s.push_str(&body);
    frame("Exceptions — PL atlas", 0, &s, None)
}
