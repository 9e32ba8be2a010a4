//! One page per group: facts, real simples and character table, the normal lattice, and
//! per layer a table of the modules (one row each, linked to the module's own page).

use super::html::{cmd_line, esc, page as frame, yes_no};
use super::{module_page, GroupEntry, Layer, Module};
use crate::report::table::{table_cells, Rows, TableCells};
use std::fmt::Write as _;

/// The link from the group page to a module's section on its own page.
fn module_href(g: &GroupEntry, layer: &Layer, m: &Module) -> String {
    let page = module_page::path(&g.slug, m);
    let rel = page.strip_prefix("groups/").unwrap_or(&page);
    format!("{rel}#{}", layer.tag())
}

fn character_table(caption: &str, t: &TableCells, second: &str, centralizers: &[u64]) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        "<div class=\"scroll\"><table>\n<caption>{}</caption>\n<thead><tr><th scope=\"col\" class=\"l\">{}</th><th scope=\"col\">{second}</th>",
        esc(caption),
        if second == "type" { "simple" } else { "character" }
    );
    for c in &t.class_names {
        let _ = write!(s, "<th scope=\"col\">{}</th>", esc(c));
    }
    s.push_str("</tr>\n<tr><th scope=\"row\" class=\"l\">|C(g)|</th><td></td>");
    for c in centralizers {
        let _ = write!(s, "<td>{c}</td>");
    }
    s.push_str("</tr></thead>\n<tbody>\n");
    for (i, row) in t.cells.iter().enumerate() {
        let _ = write!(
            s,
            "<tr><th scope=\"row\" class=\"l\">{}</th><td>{}</td>",
            esc(&t.labels[i]),
            esc(&t.extra[i])
        );
        for v in row {
            let _ = write!(s, "<td>{}</td>", esc(v));
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tbody></table></div>\n");
    if !t.legend.is_empty() {
        s.push_str("<ul class=\"legend\">\n");
        for l in &t.legend {
            let _ = writeln!(s, "<li><code>{}</code></li>", esc(l));
        }
        s.push_str("</ul>\n");
    }
    s
}

fn module_summary(g: &GroupEntry, layer: &Layer, mods: &[Module]) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        "<div class=\"scroll\"><table>\n<caption>Modules, {}: each module's page has its graph, its edges with witnesses, its non-edges with obstructions, and its own command</caption>\n<thead><tr>\
         <th scope=\"col\" class=\"l\">module</th><th scope=\"col\">|X|</th><th scope=\"col\">simples</th>\
         <th scope=\"col\">edges</th><th scope=\"col\">non-edges</th><th scope=\"col\">PL-Schur bound</th>\
         <th scope=\"col\">kernel</th><th scope=\"col\">centralizer</th><th scope=\"col\">certificate</th>\
         <th scope=\"col\">unresolved</th></tr></thead>\n<tbody>\n",
        esc(&layer.title())
    );
    for m in mods {
        let name = format!(
            "<a href=\"{}\">{}</a>",
            esc(module_href(g, layer, m).as_str()),
            esc(&m.title())
        );
        match &m.stats {
            Some(st) => {
                let _ = writeln!(
                    s,
                    "<tr><th scope=\"row\" class=\"l\">{name}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td{}>{}</td></tr>",
                    st.points,
                    st.simples,
                    st.edges,
                    st.non_edges,
                    st.pl_schur_bound,
                    st.kernel_explained,
                    st.centralizer_explained,
                    st.unexplained,
                    if st.unresolved > 0 { " class=\"flag\"" } else { "" },
                    st.unresolved
                );
            }
            None => {
                let _ = writeln!(
                    s,
                    "<tr><th scope=\"row\" class=\"l\">{name}</th><td colspan=\"9\" class=\"l flag\">error: {}</td></tr>",
                    esc(m.error.as_deref().unwrap_or("unknown"))
                );
            }
        }
    }
    s.push_str("</tbody></table></div>\n");
    let mut cmd = vec!["plrep".to_string(), "enumerate".into(), g.name.clone()];
    cmd.extend(layer.flags());
    s.push_str(&cmd_line(&cmd));
    s
}

/// The real simples and the character table.
fn tables_html(
    g: &GroupEntry,
    table: &crate::character::CharacterTable,
    real: &crate::character::RealSimples,
) -> String {
    let mut s = String::new();
    s.push_str("<section aria-labelledby=\"simples\">\n<h2 id=\"simples\">Real simples</h2>\n");
    let rows = table_cells(table, real, Rows::Real);
    s.push_str("<p>The real simples L0, L1, … with their real characters; type r real, c complex, q quaternionic. They are the vertices of the modules' interaction graphs.</p>\n");
    s.push_str(&character_table(
        "Real simples",
        &rows,
        "type",
        &table.centralizer_orders,
    ));
    s.push_str(&cmd_line(&["plrep", "table", &g.name, "--real"]));
    s.push_str(
        "</section>\n<section aria-labelledby=\"table\">\n<h2 id=\"table\">Character table</h2>\n",
    );
    let complex = table_cells(table, real, Rows::Complex);
    s.push_str("<p>The irreducible complex characters; the second column is the Frobenius–Schur indicator.</p>\n");
    s.push_str(&character_table(
        "Character table",
        &complex,
        "ind",
        &table.centralizer_orders,
    ));
    s.push_str(&cmd_line(&["plrep", "table", &g.name]));
    s.push_str("</section>\n");
    s
}

/// The page of one group.
pub(crate) fn page(g: &GroupEntry) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<h1>{} <small>(order {})</small></h1>",
        esc(&g.name),
        esc(&g.order)
    );
    s.push_str("<section aria-labelledby=\"facts\">\n<h2 id=\"facts\">Structure</h2>\n<dl class=\"facts\">\n");
    let _ = writeln!(s, "<dt>Order</dt><dd>{}</dd>", esc(&g.order));
    if let Some((n, i)) = g.small_id {
        let _ = writeln!(
            s,
            "<dt>SmallGroups id</dt><dd><code>SmallGroup({n},{i})</code></dd>"
        );
    }
    if let Some(st) = &g.structure {
        let _ = writeln!(
            s,
            "<dt>Structure (GAP)</dt><dd><code>{}</code></dd>",
            esc(st)
        );
    }
    match &g.facts {
        Ok(f) => {
            let _ = write!(
                s,
                "<dt>Degree</dt><dd>{}</dd>\n<dt>Conjugacy classes</dt><dd>{}</dd>\n<dt>Real simples</dt><dd>{}</dd>\n\
                 <dt>Abelian</dt><dd>{}</dd>\n<dt>Solvable</dt><dd>{}</dd>\n<dt>|Z(G)|</dt><dd>{}</dd>\n\
                 <dt>|G′|</dt><dd>{}</dd>\n<dt>Exponent</dt><dd>{}</dd>\n<dt>Normal subgroups</dt><dd>{}</dd>\n</dl>\n",
                f.degree,
                f.classes,
                f.real_simples,
                yes_no(f.abelian),
                yes_no(f.solvable),
                f.centre_order,
                f.derived_order,
                f.exponent,
                f.normal_subgroups
            );
            s.push_str(&cmd_line(&["plrep", "info", &g.name]));
            s.push_str("</section>\n");
            if let Some((table, real)) = &f.tables {
                s.push_str(&tables_html(g, table, real));
            }
            s.push_str(
                "<section aria-labelledby=\"lattice\">\n<h2 id=\"lattice\">Normal subgroups</h2>\n",
            );
            let _ = writeln!(
                s,
                "<figure><img src=\"{}/lattice.svg\" alt=\"Hasse diagram of the {} normal subgroups of {}\"><figcaption>The lattice of normal subgroups, read off the kernels of the character table.</figcaption></figure>",
                esc(&g.slug),
                f.normal_subgroups,
                esc(&g.name)
            );
            s.push_str(&cmd_line(&["plrep", "lattice", &g.name, "--format", "svg"]));
            s.push_str("</section>\n");
        }
        Err(e) => {
            let _ = writeln!(
                s,
                "</dl>\n<p>No character table: {}</p>\n</section>",
                esc(e)
            );
        }
    }
    for (layer, mods) in &g.layers {
        let _ = writeln!(
            s,
            "<section aria-labelledby=\"{t}\">\n<h2 id=\"{t}\">Modules, {}</h2>",
            esc(&layer.title()),
            t = esc(&layer.tag())
        );
        s.push_str(&module_summary(g, layer, mods));
        s.push_str("</section>\n");
    }
    frame(&format!("{} — PL atlas", g.name), 1, &s, None)
}
