//! Tables of an [`Enumeration`] (all transitive modules of a group): plain text, Markdown
//! and LaTeX (booktabs). Two tables: one row per subgroup class `H` (the module
//! `R^{G/H}`, its simples and its edges), and one row per ordered pair `L -> L'` (the
//! modules where it is an edge, and why it is not an edge elsewhere).

use crate::enumerate::{EnumeratedModule, Enumeration};
use crate::graph::NonEdgeKind;
use crate::report::columns::aligned;
use crate::report::escape::latex_escape;
use std::fmt::Write as _;

/// The simples of a module with multiplicities: `L0 L2^2`.
fn simples_cell(m: &EnumeratedModule) -> String {
    m.graph
        .graph
        .node_weights()
        .map(|v| {
            if v.multiplicity == 1 {
                v.label.clone()
            } else {
                format!("{}^{}", v.label, v.multiplicity)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The edges of a module grouped by source: `L1 -> L0 L2; L2 -> L0`.
fn edges_cell(m: &EnumeratedModule, arrow: &str, sep: &str) -> String {
    let g = &m.graph;
    let mut parts = Vec::new();
    for v in g.graph.node_indices() {
        let targets: Vec<&str> = g
            .pairs
            .iter()
            .filter(|p| p.from == g.graph[v].simple && p.is_edge())
            .map(|p| {
                g.graph
                    .node_weights()
                    .find(|w| w.simple == p.to)
                    .map(|w| w.label.as_str())
                    .unwrap_or("?")
            })
            .collect();
        if !targets.is_empty() {
            parts.push(format!(
                "{} {arrow} {}",
                g.graph[v].label,
                targets.join(" ")
            ));
        }
    }
    if parts.is_empty() {
        "none".into()
    } else {
        parts.join(sep)
    }
}

fn non_edge_counts(m: &EnumeratedModule) -> String {
    let s = &m.stats;
    format!(
        "{}/{}/{}/{}",
        s.linear, s.kernel_explained, s.centralizer_explained, s.unexplained
    )
}

fn generators_cell(m: &EnumeratedModule) -> String {
    if m.subgroup.generators.is_empty() {
        "()".into()
    } else {
        m.subgroup
            .generators
            .iter()
            .map(|g| g.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn header_line(e: &Enumeration) -> String {
    format!(
        "Transitive modules R^(G/H) of {} (order {}), activation {}{}: {} of subgroups H, every graph certified",
        e.group_name,
        e.group_order,
        e.activation,
        e.bias
            .as_ref()
            .map(|b| format!(", bias {b}"))
            .unwrap_or_else(|| ", no bias".into()),
        crate::report::names::count(e.modules.len() as u64, "class", "classes")
    )
}

fn simples_line(e: &Enumeration) -> String {
    e.simples
        .iter()
        .map(|s| {
            format!(
                "{} (dim {}, {}, |ker| {}, |ker^±| {})",
                s.label, s.dim, s.kind, s.kernel_order, s.pm_kernel_order
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Module positions as `H1 H4`, or `-`.
fn module_list(ms: impl Iterator<Item = usize>) -> String {
    let v: Vec<String> = ms.map(Enumeration::subgroup_label).collect();
    if v.is_empty() {
        "-".into()
    } else {
        v.join(" ")
    }
}

/// Rows of the pair table: pair, edge in, non-edge in by kind (linear, kernel,
/// centralizer, certificate).
fn pair_rows(e: &Enumeration) -> Vec<Vec<String>> {
    e.pair_occurrences()
        .into_iter()
        .map(|((a, b), o)| {
            let mut row = vec![
                format!("{} -> {}", e.simples[a].label, e.simples[b].label),
                module_list(o.edge_in.iter().copied()),
            ];
            for k in NonEdgeKind::ALL {
                row.push(module_list(
                    o.non_edge_in
                        .iter()
                        .filter(|(_, kk)| *kk == k)
                        .map(|(m, _)| *m),
                ));
            }
            row
        })
        .collect()
}

const PAIR_HEADER: [&str; 6] = [
    "pair",
    "edge in",
    "non-edge: linear",
    "non-edge: kernel of G",
    "non-edge: centralizer (Ĝ)",
    "non-edge: certificate only",
];

fn module_rows(e: &Enumeration, arrow: &str) -> Vec<Vec<String>> {
    e.modules
        .iter()
        .enumerate()
        .map(|(i, m)| {
            vec![
                Enumeration::subgroup_label(i),
                m.subgroup.order.to_string(),
                m.subgroup.index.to_string(),
                m.subgroup.normalizer_order.to_string(),
                generators_cell(m),
                simples_cell(m),
                m.stats.edges.to_string(),
                m.stats.pl_schur_bound.to_string(),
                non_edge_counts(m),
                m.stats.unresolved.to_string(),
                edges_cell(m, arrow, "; "),
            ]
        })
        .collect()
}

const MODULE_HEADER: [&str; 11] = [
    "H",
    "|H|",
    "|G:H|",
    "|N(H)|",
    "generators of H",
    "simples of R^(G/H)",
    "edges",
    "PL-Schur bound",
    "non-edges lin/ker/C/cert",
    "unresolved",
    "edges by source",
];

fn beyond_line(e: &Enumeration) -> String {
    let total: usize = e.modules.iter().map(|m| m.stats.g_hat_mattered).sum();
    let where_: Vec<String> = e
        .modules
        .iter()
        .enumerate()
        .filter(|(_, m)| m.stats.g_hat_mattered > 0)
        .map(|(i, m)| {
            format!(
                "{} ({})",
                Enumeration::subgroup_label(i),
                m.stats.g_hat_mattered
            )
        })
        .collect();
    let linear: usize = e.modules.iter().map(|m| m.stats.linear).sum();
    if linear > 0 && total == 0 {
        "The activation is linear: every non-edge is the orthogonality of isotypic components."
            .into()
    } else if total == 0 {
        "Every certified non-edge is explained by the kernels (ker, ker^±) of G's simples.".into()
    } else {
        format!(
            "{total} certified non-edges are not explained by the kernels of G's simples (only by the centralizer of G in Sym(G/H) or by the block certificate): {}.",
            where_.join(", ")
        )
    }
}

/// Plain text: header, simples, the module table, the pair table and the summary line.
///
/// ```
/// use plrep::enumerate::Enumeration;
/// use plrep::group::{spec::parse_group, Limits};
/// use plrep::pl::{Activation, SolverOptions};
/// use plrep::report::enumeration::enumeration_text;
/// let e = Enumeration::compute(&parse_group("C4").unwrap(), &SolverOptions::new(Activation::Relu), &Limits::default()).unwrap();
/// assert!(enumeration_text(&e).contains("3 classes of subgroups"));
/// ```
pub fn enumeration_text(e: &Enumeration) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", header_line(e));
    let _ = writeln!(out, "Real simples: {}", simples_line(e));
    let _ = writeln!(out);
    out.push_str(&aligned(&MODULE_HEADER, &module_rows(e, "->"), |j| {
        (1..=3).contains(&j) || (6..=7).contains(&j) || j == 9
    }));
    let _ = writeln!(out);
    out.push_str(&aligned(&PAIR_HEADER, &pair_rows(e), |_| false));
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", beyond_line(e));
    out
}

fn md_row(cells: &[String]) -> String {
    format!(
        "| {} |",
        cells
            .iter()
            .map(|c| c.replace('|', "\\|"))
            .collect::<Vec<_>>()
            .join(" | ")
    )
}

/// Markdown: the same two tables as [`enumeration_text`], as GitHub tables.
pub fn enumeration_markdown(e: &Enumeration) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "**{}**\n", header_line(e));
    let _ = writeln!(out, "Real simples: {}\n", simples_line(e));
    let head: Vec<String> = MODULE_HEADER.iter().map(|s| s.to_string()).collect();
    let _ = writeln!(out, "{}", md_row(&head));
    let _ = writeln!(out, "|{}", "---|".repeat(head.len()));
    for r in module_rows(e, "→") {
        let _ = writeln!(out, "{}", md_row(&r));
    }
    let _ = writeln!(out);
    let head: Vec<String> = PAIR_HEADER.iter().map(|s| s.to_string()).collect();
    let _ = writeln!(out, "{}", md_row(&head));
    let _ = writeln!(out, "|{}", "---|".repeat(head.len()));
    for mut r in pair_rows(e) {
        r[0] = r[0].replace("->", "→");
        let _ = writeln!(out, "{}", md_row(&r));
    }
    let _ = writeln!(out, "\n{}", beyond_line(e));
    out
}

/// `L2^2` → `L2\textsuperscript{2}` (multiplicities), after escaping.
fn latex_cell(c: &str) -> String {
    c.split(' ')
        .map(|tok| match tok.split_once('^') {
            Some((l, k)) if k.chars().all(|d| d.is_ascii_digit()) => {
                format!("{}\\textsuperscript{{{k}}}", latex_escape(l))
            }
            _ => latex_escape(tok),
        })
        .collect::<Vec<_>>()
        .join(" ")
        .replace("->", "$\\to$")
        .replace('→', "$\\to$")
}

/// The module table's header in LaTeX (math where the text has formulas).
const MODULE_HEADER_LATEX: [&str; 11] = [
    "$H$",
    "$|H|$",
    "$|G:H|$",
    "$|N_G(H)|$",
    "generators of $H$",
    "simples of $\\mathbb{R}^{G/H}$",
    "edges",
    "PL-Schur bound",
    "non-edges lin/ker/$C$/cert",
    "unresolved",
    "edges by source",
];

fn latex_table(out: &mut String, head: &[&str], rows: &[Vec<String>], cols: &str) {
    let _ = writeln!(out, "\\begin{{tabular}}{{{cols}}}\n\\toprule");
    let h: Vec<String> = head.iter().map(|c| c.to_string()).collect();
    let _ = writeln!(out, "{} \\\\\n\\midrule", h.join(" & "));
    for r in rows {
        let cells: Vec<String> = r.iter().map(|c| latex_cell(c)).collect();
        let _ = writeln!(out, "{} \\\\", cells.join(" & "));
    }
    let _ = writeln!(out, "\\bottomrule\n\\end{{tabular}}");
}

/// LaTeX (booktabs): the module table and the pair table, ready to `\input`.
pub fn enumeration_latex(e: &Enumeration) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "% {}\n% needs \\usepackage{{booktabs,amssymb}}",
        header_line(e)
    );
    latex_table(
        &mut out,
        &MODULE_HEADER_LATEX,
        &module_rows(e, "->"),
        "lrrrllrrlrl",
    );
    let _ = writeln!(out);
    let pair_head: Vec<String> = PAIR_HEADER.iter().map(|h| latex_escape(h)).collect();
    let pair_head: Vec<&str> = pair_head.iter().map(String::as_str).collect();
    latex_table(&mut out, &pair_head, &pair_rows(e), "llllll");
    let _ = writeln!(out, "% {}", beyond_line(e));
    out
}
