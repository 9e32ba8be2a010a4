//! The index: one row per group and layer, sortable and filterable by a small inline
//! script (the table reads in full without it).

use super::html::{command, esc, page as frame, yes_no};
use super::{Atlas, GroupEntry, Layer, Module};
use crate::graph::GraphStats;
use std::fmt::Write as _;

/// The sums of a group's modules in one layer.
#[derive(Default)]
pub(crate) struct Sums {
    pub modules: usize,
    pub errors: usize,
    pub s: GraphStats,
}

pub(crate) fn sums(mods: &[Module]) -> Sums {
    let mut out = Sums::default();
    for m in mods {
        out.modules += 1;
        match &m.stats {
            None => out.errors += 1,
            Some(st) => {
                let s = &mut out.s;
                s.pairs += st.pairs;
                s.edges += st.edges;
                s.non_edges += st.non_edges;
                s.unresolved += st.unresolved;
                s.potential_counterexamples += st.potential_counterexamples;
                s.pl_schur_bound += st.pl_schur_bound;
                s.g_hat_mattered += st.g_hat_mattered;
                s.kernel_explained += st.kernel_explained;
                s.centralizer_explained += st.centralizer_explained;
                s.unexplained += st.unexplained;
                s.linear += st.linear;
            }
        }
    }
    out
}

/// The exceptions anchor of a group and layer.
pub(crate) fn exceptions_anchor(g: &GroupEntry, layer: &Layer) -> String {
    format!("{}-{}", g.slug, layer.tag())
}

/// `(key, header, numeric, what reproduces it)`.
const COLUMNS: &[(&str, &str, bool, &str)] = &[
    ("group", "Group", false, "the group page"),
    ("order", "Order", true, "plrep info G"),
    (
        "id",
        "SmallGroups id",
        false,
        "data/smallgroups.json (GAP's SmallGroups library)",
    ),
    (
        "structure",
        "Structure",
        false,
        "GAP's StructureDescription, data/smallgroups.json",
    ),
    ("classes", "Classes", true, "plrep classes G"),
    ("simples", "Real simples", true, "plrep table G --real"),
    ("abelian", "Abelian", false, "plrep info G"),
    ("solvable", "Solvable", false, "plrep info G"),
    ("centre", "|Z(G)|", true, "plrep lattice G"),
    ("derived", "|G′|", true, "plrep lattice G"),
    (
        "activation",
        "Activation",
        false,
        "the survey's --activation",
    ),
    (
        "modules",
        "Modules",
        true,
        "plrep subgroups G (one transitive module per class)",
    ),
    ("edges", "Edges", true, "plrep enumerate G --activation A"),
    (
        "bound",
        "PL-Schur bound",
        true,
        "plrep exists G, summed over the modules",
    ),
    (
        "beyond",
        "Beyond kernels",
        true,
        "plrep enumerate G --activation A (last count): non-edges no kernel rule of G explains",
    ),
    (
        "centralizer",
        "Centralizer",
        true,
        "plrep enumerate G --activation A: non-edges explained by a centralizer element",
    ),
    (
        "certificate",
        "Certificate only",
        true,
        "plrep enumerate G --activation A: non-edges with a block-space certificate only",
    ),
    (
        "unresolved",
        "Unresolved",
        true,
        "plrep enumerate G --activation A",
    ),
    ("errors", "Errors", true, "the survey's error records"),
];

const SCRIPT: &str = r#"(function () {
  'use strict';
  var table = document.getElementById('groups');
  var tbody = table.tBodies[0];
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var keys = heads.map(function (th) { return th.getAttribute('data-key'); });
  var input = document.getElementById('filter');
  var shown = document.getElementById('shown');
  document.getElementById('filter-box').hidden = false;
  function value(row, i) {
    var c = row.cells[i];
    var v = c.getAttribute('data-value');
    return v !== null ? v : c.textContent.trim();
  }
  function num(x) { return /^-?[0-9]+(\.[0-9]+)?$/.test(x) ? parseFloat(x) : null; }
  function test(row, t) {
    var m = /^([a-z]+)(<=|>=|=|<|>|:)(.+)$/.exec(t);
    var i = m ? keys.indexOf(m[1]) : -1;
    if (i < 0) { return row.textContent.toLowerCase().indexOf(t) >= 0; }
    var v = value(row, i).toLowerCase(), a = num(v), b = num(m[3]);
    if (m[2] === ':') { return v.indexOf(m[3]) >= 0; }
    if (a === null || b === null) { return m[2] === '=' && v === m[3]; }
    if (m[2] === '=') { return a === b; }
    if (m[2] === '<') { return a < b; }
    if (m[2] === '>') { return a > b; }
    if (m[2] === '<=') { return a <= b; }
    return a >= b;
  }
  function apply() {
    var tokens = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var n = 0;
    Array.prototype.forEach.call(tbody.rows, function (r) {
      var ok = tokens.every(function (t) { return test(r, t); });
      r.hidden = !ok;
      if (ok) { n += 1; }
    });
    shown.textContent = n + ' of ' + tbody.rows.length + ' rows shown';
    table.setAttribute('data-shown', String(n));
  }
  heads.forEach(function (th, i) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = th.textContent;
    th.textContent = '';
    th.appendChild(b);
    b.addEventListener('click', function () {
      var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
      var rows = Array.prototype.slice.call(tbody.rows).map(function (r, k) { return [r, k]; });
      rows.sort(function (x, y) {
        var a = value(x[0], i), c = value(y[0], i), p = num(a), q = num(c);
        var d = (p !== null && q !== null) ? p - q : a.localeCompare(c);
        return d !== 0 ? dir * d : x[1] - y[1];
      });
      rows.forEach(function (r) { tbody.appendChild(r[0]); });
    });
  });
  var params = new URLSearchParams(window.location.search);
  var initial = params.get('filter');
  if (initial === null && window.location.hash.indexOf('#filter=') === 0) {
    initial = decodeURIComponent(window.location.hash.slice(8));
  }
  if (initial !== null) { input.value = initial; }
  input.addEventListener('input', function () {
    apply();
    history.replaceState(null, '', '#filter=' + encodeURIComponent(input.value));
  });
  apply();
}());
"#;

/// The totals per layer over every group: the census table.
fn totals(atlas: &Atlas) -> String {
    // Layers in first-appearance order, with (groups, sums).
    let mut per: Vec<(String, usize, Sums)> = Vec::new();
    for g in &atlas.groups {
        for (layer, mods) in &g.layers {
            let title = layer.title();
            let i = match per.iter().position(|(t, _, _)| *t == title) {
                Some(i) => i,
                None => {
                    per.push((title, 0, Sums::default()));
                    per.len() - 1
                }
            };
            let sm = sums(mods);
            let (_, groups, t) = &mut per[i];
            *groups += 1;
            t.modules += sm.modules;
            t.errors += sm.errors;
            let (a, b) = (&mut t.s, &sm.s);
            a.pairs += b.pairs;
            a.edges += b.edges;
            a.non_edges += b.non_edges;
            a.unresolved += b.unresolved;
            a.potential_counterexamples += b.potential_counterexamples;
            a.pl_schur_bound += b.pl_schur_bound;
            a.linear += b.linear;
            a.kernel_explained += b.kernel_explained;
            a.centralizer_explained += b.centralizer_explained;
            a.unexplained += b.unexplained;
            a.g_hat_mattered += b.g_hat_mattered;
        }
    }
    let mut s = String::from(concat!(
        "<section aria-labelledby=\"totals\">\n<h2 id=\"totals\">Totals</h2>\n",
        "<div class=\"scroll\"><table id=\"totals-table\">\n<caption>Every ordered pair of real simples of every module, by verdict and by the reason of the non-edges</caption>\n<thead><tr>",
        "<th scope=\"col\" class=\"l\">activation</th><th scope=\"col\">groups</th><th scope=\"col\">modules</th>",
        "<th scope=\"col\">error records</th><th scope=\"col\">ordered pairs</th><th scope=\"col\">edges</th>",
        "<th scope=\"col\">PL-Schur bound</th><th scope=\"col\">non-edges</th><th scope=\"col\">linear</th>",
        "<th scope=\"col\">kernel</th><th scope=\"col\">centralizer</th><th scope=\"col\">certificate only</th>",
        "<th scope=\"col\">unresolved</th><th scope=\"col\">potential counterexamples</th></tr></thead>\n<tbody>\n"
    ));
    for (title, groups, t) in &per {
        let st = &t.s;
        let _ = writeln!(
            s,
            "<tr><th scope=\"row\" class=\"l\">{}</th><td>{groups}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(title),
            t.modules,
            t.errors,
            st.pairs,
            st.edges,
            st.pl_schur_bound,
            st.non_edges,
            st.linear,
            st.kernel_explained,
            st.centralizer_explained,
            st.unexplained,
            st.unresolved,
            st.potential_counterexamples
        );
    }
    s.push_str("</tbody></table></div>\n<p>Every edge has an exact witness and every non-edge a certified obstruction; a non-edge is counted once, under the coarsest reason that explains it (linear activation, a kernel rule of G, a centralizer element of G in Sym(X), or the block-space certificate alone). An unresolved pair whose block space predicts an edge is a potential counterexample to the span conjecture.</p>\n</section>\n");
    s
}

fn cell(v: impl std::fmt::Display) -> String {
    format!("<td>{v}</td>")
}

/// The index page.
pub(crate) fn page(atlas: &Atlas) -> String {
    let mut s = String::new();
    s.push_str("<h1>The PL atlas</h1>\n");
    let layers: std::collections::BTreeSet<String> = atlas
        .groups
        .iter()
        .flat_map(|g| g.layers.iter().map(|(l, _)| l.title()))
        .collect();
    let total_modules: usize = atlas
        .groups
        .iter()
        .flat_map(|g| g.layers.iter().map(|(_, m)| m.len()))
        .sum();
    let _ = writeln!(
        s,
        "<p>{} groups, {} module records ({}), each interaction graph certified: every edge with an exact witness, every non-edge with an obstruction. The <a href=\"exceptions.html\">exceptions</a> are the non-edges that no kernel rule of G explains.</p>",
        atlas.groups.len(),
        total_modules,
        esc(&layers.into_iter().collect::<Vec<_>>().join("; "))
    );
    s.push_str(&totals(atlas));
    s.push_str("<section aria-labelledby=\"sources\">\n<h2 id=\"sources\">Surveys</h2>\n<ul>\n");
    for sv in &atlas.surveys {
        match &sv.command {
            Some(c) => {
                let _ = writeln!(
                    s,
                    "<li><code>{}</code>: <code>{}</code></li>",
                    esc(&sv.label),
                    esc(c)
                );
            }
            None => {
                let _ = writeln!(s, "<li><code>{}</code> (no manifest)</li>", esc(&sv.label));
            }
        }
    }
    s.push_str("</ul>\n<p class=\"cmd\">Rebuild this site: <code>");
    let mut cmd = vec!["plrep".to_string(), "atlas".into()];
    cmd.extend(atlas.surveys.iter().map(|sv| sv.label.clone()));
    cmd.extend(["--out".to_string(), "SITE".into()]);
    s.push_str(&esc(&command(&cmd)));
    s.push_str("</code></p>\n</section>\n");
    s.push_str("<section aria-labelledby=\"list\">\n<h2 id=\"list\">Groups</h2>\n");
    s.push_str(concat!(
        "<div id=\"filter-box\" hidden><label for=\"filter\">Filter</label> ",
        "<input type=\"search\" id=\"filter\" placeholder=\"e.g. order=24 beyond>0 abelian=no\" aria-describedby=\"filter-help\">",
        "<p id=\"filter-help\" class=\"cmd\">Words match anywhere in a row; <code>key=v</code>, <code>key&lt;v</code>, <code>key&gt;v</code>, <code>key&lt;=v</code>, <code>key&gt;=v</code> compare a column, <code>key:text</code> searches one. Keys: "
    ));
    s.push_str(
        &COLUMNS
            .iter()
            .map(|c| format!("<code>{}</code>", c.0))
            .collect::<Vec<_>>()
            .join(", "),
    );
    s.push_str(". Click a header to sort.</p>\n<p id=\"shown\" aria-live=\"polite\"></p></div>\n");
    let rows: usize = atlas.groups.iter().map(|g| g.layers.len()).sum();
    let _ = write!(
        s,
        "<div class=\"scroll\"><table id=\"groups\" data-rows=\"{rows}\" data-shown=\"{rows}\">\n<caption>Groups and activations: sums over each group's modules</caption>\n<thead><tr>"
    );
    for (key, head, numeric, _) in COLUMNS {
        let _ = write!(
            s,
            "<th scope=\"col\" data-key=\"{key}\"{}>{}</th>",
            if *numeric { "" } else { " class=\"l\"" },
            esc(head)
        );
    }
    s.push_str("</tr></thead>\n<tbody>\n");
    for g in &atlas.groups {
        for (layer, mods) in &g.layers {
            let sm = sums(mods);
            let st = &sm.s;
            let _ = write!(
                s,
                "<tr><th scope=\"row\" class=\"l\"><a href=\"{}#{}\">{}</a></th><td>{}</td>",
                esc(&g.page()),
                esc(&layer.tag()),
                esc(&g.name),
                esc(&g.order)
            );
            let id = g
                .small_id
                .map(|(n, i)| format!("[{n},{i}]"))
                .unwrap_or_default();
            let _ = write!(
                s,
                "<td class=\"l\">{}</td><td class=\"l\">{}</td>",
                esc(&id),
                esc(g.structure.as_deref().unwrap_or(""))
            );
            match &g.facts {
                Ok(f) => {
                    s.push_str(&cell(f.classes));
                    s.push_str(&cell(f.real_simples));
                    let _ = write!(
                        s,
                        "<td class=\"l\">{}</td><td class=\"l\">{}</td>",
                        yes_no(f.abelian),
                        yes_no(f.solvable)
                    );
                    s.push_str(&cell(f.centre_order));
                    s.push_str(&cell(f.derived_order));
                }
                Err(_) => s.push_str(&"<td></td>".repeat(6)),
            }
            let _ = write!(s, "<td class=\"l\">{}</td>", esc(&layer.title()));
            s.push_str(&cell(sm.modules));
            s.push_str(&cell(st.edges));
            s.push_str(&cell(st.pl_schur_bound));
            if st.g_hat_mattered > 0 {
                let _ = write!(
                    s,
                    "<td data-value=\"{}\"><a href=\"exceptions.html#{}\">{}</a></td>",
                    st.g_hat_mattered,
                    esc(&exceptions_anchor(g, layer)),
                    st.g_hat_mattered
                );
            } else {
                s.push_str(&cell(0));
            }
            s.push_str(&cell(st.centralizer_explained));
            s.push_str(&cell(st.unexplained));
            if st.unresolved > 0 {
                let _ = write!(s, "<td class=\"flag\">{}</td>", st.unresolved);
            } else {
                s.push_str(&cell(0));
            }
            if sm.errors > 0 {
                let _ = write!(s, "<td class=\"flag\">{}</td>", sm.errors);
            } else {
                s.push_str(&cell(0));
            }
            s.push_str("</tr>\n");
        }
    }
    s.push_str("</tbody></table></div>\n</section>\n");
    s.push_str("<section aria-labelledby=\"columns\">\n<h2 id=\"columns\">What each column is, and the command that reproduces it</h2>\n<dl>\n");
    for (key, head, _, how) in COLUMNS {
        let how = match how.strip_prefix("plrep ") {
            Some(_) => format!("<code>{}</code>", esc(how)),
            None => esc(how),
        };
        let _ = writeln!(
            s,
            "<dt>{} (<code>{key}</code>)</dt><dd>{how}</dd>",
            esc(head)
        );
    }
    s.push_str("</dl>\n<p>The edge counts, bounds and non-edge counts are sums over the group's modules in the given survey; each module's numbers, with its own command, are on the group page.</p>\n</section>\n");
    frame("The PL atlas", 0, &s, Some(SCRIPT))
}
