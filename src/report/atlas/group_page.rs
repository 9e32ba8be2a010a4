//! One page per group: facts, real simples and character table, the normal lattice, and
//! every module of every layer with its certified graph and its edge and non-edge tables.

use super::html::{cmd_line, esc, page as frame, yes_no};
use super::{GroupEntry, Layer, Module};
use crate::report::table::{table_cells, Rows, TableCells};
use serde_json::Value;
use std::fmt::Write as _;

/// The graph file of a module, relative to the site root.
pub(crate) fn graph_file(slug: &str, layer: &Layer, m: &Module) -> String {
    format!("groups/{slug}/{}-{}.svg", layer.tag(), m.key())
}

/// The anchor of a module on its group page.
pub(crate) fn anchor(layer: &Layer, m: &Module) -> String {
    format!("{}-{}", layer.tag(), m.key())
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        v => v.to_string(),
    }
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
        "<div class=\"scroll\"><table>\n<caption>Modules, {}</caption>\n<thead><tr>\
         <th scope=\"col\" class=\"l\">module</th><th scope=\"col\">|X|</th><th scope=\"col\">simples</th>\
         <th scope=\"col\">edges</th><th scope=\"col\">non-edges</th><th scope=\"col\">PL-Schur bound</th>\
         <th scope=\"col\">kernel</th><th scope=\"col\">centralizer</th><th scope=\"col\">certificate</th>\
         <th scope=\"col\">unresolved</th></tr></thead>\n<tbody>\n",
        esc(&layer.title())
    );
    for m in mods {
        let name = format!(
            "<a href=\"#{}\">{}</a>",
            esc(&anchor(layer, m)),
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

fn module_section(g: &GroupEntry, layer: &Layer, m: &Module) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<section aria-labelledby=\"{a}\">\n<h3 id=\"{a}\">{} — {}</h3>",
        esc(&m.title()),
        esc(&layer.title()),
        a = esc(&anchor(layer, m))
    );
    if let Some(h) = &m.sub {
        let _ = writeln!(
            s,
            "<p>H{} = ⟨{}⟩, |H| = {}, |N(H)| = {}, X = G/H with {} points (action <code>{}</code>).</p>",
            h.class,
            esc(&h.generators.join(", ")),
            h.order,
            h.normalizer_order,
            h.index,
            esc(&m.action)
        );
    } else {
        let _ = writeln!(s, "<p>Action <code>{}</code>.</p>", esc(&m.action));
    }
    let mut cmd = vec![
        "plrep".to_string(),
        "graph".into(),
        g.name.clone(),
        "--action".into(),
        m.action.clone(),
    ];
    cmd.extend(layer.flags());
    cmd.push("--certify".into());
    s.push_str(&cmd_line(&cmd));
    let Some(st) = &m.stats else {
        let _ = writeln!(
            s,
            "<p class=\"flag\">This module's record is an error: {}</p>\n</section>",
            esc(m.error.as_deref().unwrap_or("unknown"))
        );
        return s;
    };
    let file = graph_file(&g.slug, layer, m);
    let rel = file.strip_prefix("groups/").unwrap_or(&file);
    let _ = writeln!(
        s,
        "<figure><img src=\"{}\" alt=\"Certified interaction graph: {} edges among {} real simples\" loading=\"lazy\"><figcaption>{} edges, {} non-edges, {} unresolved; PL-Schur bound {}.</figcaption></figure>",
        esc(rel),
        st.edges,
        st.simples,
        st.edges,
        st.non_edges,
        st.unresolved,
        st.pl_schur_bound
    );
    let mut solve = vec!["plrep".to_string(), "solve".into(), g.name.clone()];
    solve.extend([
        "--from".to_string(),
        "FROM".into(),
        "--to".into(),
        "TO".into(),
    ]);
    solve.extend(["--action".to_string(), m.action.clone()]);
    solve.extend(layer.flags());
    solve.push("--certify".into());
    let solve_cmd = super::html::command(&solve);
    let graph = &m.graph;
    let edges = graph["edges"].as_array().cloned().unwrap_or_default();
    let _ = write!(
        s,
        "<p>Each edge L → L′ has an exact witness: w = t·P<sub>L</sub>r for the integer vector r drawn from the seed, and the nonzero value (P<sub>L′</sub>σ(w))(x) at the point x.</p>\n<div class=\"scroll\"><table>\n<caption>Edges</caption>\n<thead><tr>\
         <th scope=\"col\" class=\"l\">from</th><th scope=\"col\" class=\"l\">to</th><th scope=\"col\">seed</th>\
         <th scope=\"col\">t</th><th scope=\"col\" class=\"l\">point</th><th scope=\"col\" class=\"l\">value</th></tr></thead>\n<tbody>\n"
    );
    for e in &edges {
        let w = &e["witness"];
        let point = match w["point_label"].as_str() {
            Some(l) => l.to_string(),
            None => text(&w["point"]),
        };
        let _ = writeln!(
            s,
            "<tr><td class=\"l\">{}</td><td class=\"l\">{}</td><td>{}</td><td>{}</td><td class=\"l\">{}</td><td class=\"l\"><code>{}</code></td></tr>",
            esc(&text(&e["from_label"])),
            esc(&text(&e["to_label"])),
            esc(&text(&w["seed"])),
            esc(&text(&w["scale"])),
            esc(&point),
            esc(&text(&w["value"]))
        );
    }
    s.push_str("</tbody></table></div>\n");
    let non_edges = graph["non_edges"].as_array().cloned().unwrap_or_default();
    if !non_edges.is_empty() {
        let _ = write!(
            s,
            "<div class=\"scroll\"><table>\n<caption>Non-edges, each with a certified obstruction</caption>\n<thead><tr>\
             <th scope=\"col\" class=\"l\">from</th><th scope=\"col\" class=\"l\">to</th><th scope=\"col\" class=\"l\">reason</th>\
             <th scope=\"col\" class=\"l\">obstruction</th></tr></thead>\n<tbody>\n"
        );
        for e in &non_edges {
            let o = &e["obstruction"];
            let kind = text(&o["reason_kind"]);
            let why = match o["group_reason"].as_str() {
                Some(r) if !r.is_empty() => format!("{} — {}", text(&o["explanation"]), r),
                _ => text(&o["explanation"]),
            };
            let _ = writeln!(
                s,
                "<tr><td class=\"l\">{}</td><td class=\"l\">{}</td><td class=\"l{}\">{}</td><td class=\"l\">{}</td></tr>",
                esc(&text(&e["from_label"])),
                esc(&text(&e["to_label"])),
                if kind == "centralizer" || kind == "certificate" { " flag" } else { "" },
                esc(&kind),
                esc(&why)
            );
        }
        s.push_str("</tbody></table></div>\n");
    }
    let unresolved = graph["unresolved"].as_array().cloned().unwrap_or_default();
    if !unresolved.is_empty() {
        s.push_str("<ul class=\"flag\">\n");
        for u in &unresolved {
            let _ = writeln!(
                s,
                "<li>{} → {} unresolved{}: {}</li>",
                esc(&text(&u["from_label"])),
                esc(&text(&u["to_label"])),
                if u["potential_counterexample"] == true {
                    " (potential counterexample to the span conjecture)"
                } else {
                    ""
                },
                esc(&text(&u["reason"]))
            );
        }
        s.push_str("</ul>\n");
    }
    let _ = writeln!(
        s,
        "<p class=\"cmd\">Each pair: <code>{}</code></p>\n</section>",
        esc(&solve_cmd)
    );
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
    s.push_str("<p>The real simples L0, L1, … with their real characters; type r real, c complex, q quaternionic. They are the vertices of the interaction graphs below.</p>\n");
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
        for m in mods {
            s.push_str(&module_section(g, layer, m));
        }
        s.push_str("</section>\n");
    }
    frame(&format!("{} — PL atlas", g.name), 1, &s, None)
}
