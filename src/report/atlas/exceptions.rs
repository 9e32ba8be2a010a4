//! The exceptions page: every certified non-edge that no kernel rule of `G` explains
//! (reason kind `centralizer` or `certificate`), with the centralizer element or the
//! certificate, grouped by group and layer.

use super::html::{command, esc, page as frame};
use super::index::exceptions_anchor;
use super::module_page;
use super::module_page::{group_reason, reason_kind};
use super::Atlas;
use crate::record::graph::{GraphRecord, NonEdgeRecord};
use std::fmt::Write as _;

/// Whether a non-edge is an exception: its reason is a centralizer element or a
/// certificate alone (no kernel rule of `G`, not a linear activation).
fn is_exception(non_edge: &NonEdgeRecord) -> bool {
    let kind = reason_kind(non_edge);
    kind == "centralizer" || kind == "certificate"
}

/// Reduce a graph to its exceptional non-edges (all the exceptions page reads).
pub(crate) fn keep_exceptions(graph: &mut Option<GraphRecord>) {
    if let Some(g) = graph {
        g.vertices = Vec::new();
        g.edges = Vec::new();
        g.unresolved = Vec::new();
        g.classes = None;
        g.non_edges.retain(is_exception);
        g.non_edges.shrink_to_fit();
    }
}

/// The exceptions page.
pub(crate) fn page(atlas: &Atlas) -> String {
    let mut s = String::new();
    s.push_str("<h1>Exceptions: non-edges beyond the kernel rules</h1>\n");
    s.push_str("<p>A pair L → L′ of real simples with ker L ⊆ ker L′ may carry a nonzero PL map (the PL-Schur bound); when in addition the kernel rule of the activation (ker<sup>±</sup> for even and homogeneous activations) allows an edge, the character table of G predicts one. These are the certified non-edges it does not predict: explained by an element of the centralizer of G in Sym(X) acting by incompatible scalars (a symmetry of Ĝ = ⟨G, C<sub>Sym(X)</sub>(G)⟩, not of G), or by a block-space certificate alone.</p>\n");
    let mut total = 0usize;
    let mut body = String::new();
    // Per layer title: (groups, modules, centralizer, certificate only), first appearance first.
    let mut per: Vec<(String, [usize; 4])> = Vec::new();
    for g in &atlas.groups {
        for (layer, mods) in &g.layers {
            let mut rows = String::new();
            let mut count = 0usize;
            let mut tally = [0usize; 4];
            for m in mods {
                let before = count;
                for e in m.non_edges() {
                    if !is_exception(e) {
                        continue;
                    }
                    let kind = reason_kind(e);
                    count += 1;
                    tally[if kind == "centralizer" { 2 } else { 3 }] += 1;
                    let (from, to) = (&e.from_label, &e.to_label);
                    let cmd = module_page::solve_command(g, layer, m, from, to);
                    let why = group_reason(e).unwrap_or(&e.obstruction.explanation);
                    let _ = writeln!(
                        rows,
                        "<tr><th scope=\"row\" class=\"l\"><a href=\"{}#{}\">{}</a></th><td class=\"l\">{}</td><td class=\"l\">{}</td><td class=\"l\">{}</td><td class=\"l\">{}</td><td class=\"l\"><code>{}</code></td></tr>",
                        esc(&module_page::path(&g.slug, m)),
                        esc(&module_page::pair_anchor(layer, from, to)),
                        esc(&m.title()),
                        esc(from),
                        esc(to),
                        esc(kind),
                        esc(why),
                        esc(&command(&cmd))
                    );
                }
                if count > before {
                    tally[1] += 1;
                }
            }
            if count == 0 {
                continue;
            }
            total += count;
            tally[0] = 1;
            let title = layer.title();
            let i = match per.iter().position(|(t, _)| *t == title) {
                Some(i) => i,
                None => {
                    per.push((title, [0; 4]));
                    per.len() - 1
                }
            };
            for (a, b) in per[i].1.iter_mut().zip(tally) {
                *a += b;
            }
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
    if !per.is_empty() {
        s.push_str(concat!(
            "<div class=\"scroll\"><table id=\"exceptions-summary\">\n<caption>Exceptions by activation and reason</caption>\n<thead><tr>",
            "<th scope=\"col\" class=\"l\">activation</th><th scope=\"col\">groups</th><th scope=\"col\">modules</th>",
            "<th scope=\"col\">centralizer element</th><th scope=\"col\">certificate only</th><th scope=\"col\">all</th></tr></thead>\n<tbody>\n"
        ));
        for (title, [groups, modules, centralizer, certificate]) in &per {
            let _ = writeln!(
                s,
                "<tr><th scope=\"row\" class=\"l\">{}</th><td>{groups}</td><td>{modules}</td><td>{centralizer}</td><td>{certificate}</td><td>{}</td></tr>",
                esc(title),
                centralizer + certificate
            );
        }
        s.push_str("</tbody></table></div>\n<p>Counted from the survey records (the <code>centralizer_explained</code> and <code>unexplained</code> counts of <code>plrep enumerate G --activation A</code>); each row below gives the command that reproduces its pair.</p>\n");
    }
    s.push_str(&body);
    frame("Exceptions — PL atlas", 0, &s, None)
}
