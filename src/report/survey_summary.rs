//! Summaries of a survey's records ([`crate::survey::summary::Row`]): Markdown, LaTeX
//! (booktabs) and CSV tables, one row per group and module, plus per-group totals
//! (Markdown and LaTeX). Presentation on top of `survey`: the survey module reads the
//! rows and imports nothing from `report`.

use crate::graph::GraphStats;
use crate::report::escape::latex_escape;
use crate::report::names::count;
use crate::survey::summary::{Row, RowStatus};
use serde_json::Value;
use std::fmt::Write as _;

/// Per-group totals.
struct Totals {
    position: String,
    group: String,
    group_order: String,
    modules: usize,
    errors: usize,
    sum: GraphStats,
}

fn totals(rows: &[Row]) -> Vec<Totals> {
    let mut out: Vec<Totals> = Vec::new();
    for r in rows {
        if out
            .last()
            .map_or(true, |t| t.position != r.position || t.group != r.group)
        {
            out.push(Totals {
                position: r.position.clone(),
                group: r.group.clone(),
                group_order: r.group_order.clone(),
                modules: 0,
                errors: 0,
                sum: GraphStats::default(),
            });
        }
        let t = out.last_mut().unwrap();
        t.modules += 1;
        match &r.stats {
            None => t.errors += 1,
            Some(s) => {
                t.sum.simples += s.simples;
                t.sum.edges += s.edges;
                t.sum.non_edges += s.non_edges;
                t.sum.unresolved += s.unresolved;
                t.sum.pl_schur_bound += s.pl_schur_bound;
                t.sum.beyond_ker_pm += s.beyond_ker_pm;
                t.sum.g_hat_mattered += s.g_hat_mattered;
                t.sum.centralizer_explained += s.centralizer_explained;
                t.sum.unexplained += s.unexplained;
            }
        }
    }
    out
}

/// The layer options of the rows (`relu, no bias`), several joined by `; ` if mixed.
fn layers(rows: &[Row]) -> String {
    let mut seen: Vec<String> = Vec::new();
    for r in rows {
        let l = format!(
            "activation {}, {}",
            r.activation,
            r.bias
                .as_ref()
                .map_or("no bias".to_string(), |b| format!("bias {b}"))
        );
        if !seen.contains(&l) {
            seen.push(l);
        }
    }
    if seen.is_empty() {
        "no records".to_string()
    } else {
        seen.join("; ")
    }
}

fn counts_line(rows: &[Row]) -> String {
    let groups = totals(rows).len();
    let errors = rows.iter().filter(|r| r.stats.is_none()).count();
    let unresolved = rows
        .iter()
        .filter(|r| r.status() == RowStatus::Unresolved)
        .count();
    format!(
        "{}, {}: {} ok, {} errors, {unresolved} with unresolved pairs",
        count(groups as u64, "group", "groups"),
        count(rows.len() as u64, "module", "modules"),
        rows.len() - errors - unresolved,
        errors
    )
}

fn cells(s: &Option<GraphStats>) -> [String; 6] {
    match s {
        Some(s) => [
            s.simples.to_string(),
            s.edges.to_string(),
            s.pl_schur_bound.to_string(),
            s.beyond_ker_pm.to_string(),
            s.g_hat_mattered.to_string(),
            s.unresolved.to_string(),
        ],
        None => Default::default(),
    }
    .map(|c| if c.is_empty() { "-".to_string() } else { c })
}

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|")
}

/// The Markdown summary: parameters and counts, the module table, the per-group totals
/// and the error messages.
///
/// Complexity: linear in the number of rows.
///
/// ```
/// use plrep::report::survey_summary::markdown;
/// use plrep::survey::summary::rows;
/// let line = r#"{"schema":"plrep.survey.v1","group":"C2","group_order":2,"action":"regular","subgroup":null,"activation":"relu","bias":null,"status":"ok","error":null,"error_kind":null,"stats":{"points":2,"simples":2,"pairs":4,"edges":3,"non_edges":1,"unresolved":0,"potential_counterexamples":0,"pl_schur_bound":3,"beyond_ker_pm":0,"g_hat_mattered":0,"centralizer_explained":0,"unexplained":0},"graph":null}"#;
/// let md = markdown(&rows(&[("0000-C2.jsonl".to_string(), line.to_string())]).unwrap());
/// assert!(md.contains("| 0000 | C2 | 2 | regular | 2 | 3 | 3 | 0 | 0 | 0 | ok |"));
/// ```
pub fn markdown(rows: &[Row]) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# plrep survey\n");
    let _ = writeln!(s, "{}; {}.\n", layers(rows), counts_line(rows));
    let _ = writeln!(
        s,
        "Per module R^X: *simples* present, certified *edges*, *PL-Schur* bound (pairs with \
         ker L ⊆ ker L', a nonzero PL map exists), *beyond ker±* (non-edges that rule (a) \
         ker^± L ⊆ ker L' allows), *Ĝ mattered* (non-edges no kernel rule of G explains: a \
         centralizer element of G in Sym(X), or only the block-space certificate), \
         *unresolved* (must be 0).\n"
    );
    let _ = writeln!(s, "## Groups\n");
    let _ = writeln!(
        s,
        "| # | group | \\|G\\| | modules | errors | edges | PL-Schur | beyond ker± | Ĝ mattered | unresolved |"
    );
    let _ = writeln!(s, "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for t in totals(rows) {
        let _ = writeln!(s, "| {} |", total_cells(&t, md_escape).join(" | "));
    }
    let _ = writeln!(s, "\n## Modules\n");
    let _ = writeln!(
        s,
        "| # | group | \\|G\\| | module | simples | edges | PL-Schur | beyond ker± | Ĝ mattered | unresolved | status |"
    );
    let _ = writeln!(s, "|---:|---|---:|---|---:|---:|---:|---:|---:|---:|---|");
    for r in rows {
        let c = cells(&r.stats);
        let row = module_cells(r, md_escape(&r.group), md_escape(&r.module()), c);
        let _ = writeln!(s, "| {} |", row.join(" | "));
    }
    if rows.iter().any(|r| r.depth.is_some()) {
        depth_markdown(&mut s, rows);
    }
    let errors: Vec<&Row> = rows.iter().filter(|r| r.stats.is_none()).collect();
    if !errors.is_empty() {
        let _ = writeln!(s, "\n## Errors\n");
        for r in errors {
            let _ = writeln!(
                s,
                "- {} {} {}: {}",
                r.position,
                r.group,
                r.module(),
                r.error.as_deref().unwrap_or("unknown error")
            );
        }
    }
    s
}

/// The LaTeX summary: two booktabs `tabular`s (modules, per-group totals), each a
/// standalone fragment for `\input` (needs `\usepackage{booktabs}`).
///
/// Complexity: linear in the number of rows.
///
/// ```
/// use plrep::report::survey_summary::latex;
/// let t = latex(&[]);
/// assert!(t.contains("\\toprule") && t.contains("\\end{tabular}"));
/// ```
pub fn latex(rows: &[Row]) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "% plrep survey: {}; {}.\n% Needs \\usepackage{{booktabs}}.",
        layers(rows),
        counts_line(rows)
    );
    let _ = writeln!(s, "\\begin{{tabular}}{{rlrlrrrrrrl}}\n\\toprule");
    let _ = writeln!(
        s,
        "\\# & group & $|G|$ & module & simples & edges & PL-Schur & beyond $\\ker^\\pm$ & $\\hat G$ mattered & unresolved & status \\\\\n\\midrule"
    );
    for r in rows {
        let c = cells(&r.stats);
        let module = match r.subgroup {
            Some((c, o, i)) => format!("$G/H_{{{c}}}$, $|H| = {o}$, index {i}"),
            None => format!("\\texttt{{{}}}", latex_escape(&r.action)),
        };
        let row = module_cells(r, latex_escape(&r.group), module, c);
        let _ = writeln!(s, "{} \\\\", row.join(" & "));
    }
    let _ = writeln!(s, "\\bottomrule\n\\end{{tabular}}\n");
    let _ = writeln!(s, "\\begin{{tabular}}{{rlrrrrrrrr}}\n\\toprule");
    let _ = writeln!(
        s,
        "\\# & group & $|G|$ & modules & errors & edges & PL-Schur & beyond $\\ker^\\pm$ & $\\hat G$ mattered & unresolved \\\\\n\\midrule"
    );
    for t in totals(rows) {
        let _ = writeln!(s, "{} \\\\", total_cells(&t, latex_escape).join(" & "));
    }
    let _ = writeln!(s, "\\bottomrule\n\\end{{tabular}}");
    s
}

/// The cells of one module row: position, group and module (already escaped), the six
/// counts, status.
fn module_cells(r: &Row, group: String, module: String, counts: [String; 6]) -> Vec<String> {
    let mut row = vec![r.position.clone(), group, r.group_order.clone(), module];
    row.extend(counts);
    row.push(r.status().to_string());
    row
}

/// The cells of one per-group totals row, the group name escaped by `escape`.
fn total_cells(t: &Totals, escape: fn(&str) -> String) -> [String; 10] {
    [
        t.position.clone(),
        escape(&t.group),
        t.group_order.clone(),
        t.modules.to_string(),
        t.errors.to_string(),
        t.sum.edges.to_string(),
        t.sum.pl_schur_bound.to_string(),
        t.sum.beyond_ker_pm.to_string(),
        t.sum.g_hat_mattered.to_string(),
        t.sum.unresolved.to_string(),
    ]
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The CSV header line (without the newline).
pub const CSV_HEADER: &str = "position,group,group_order,action,subgroup_class,subgroup_order,subgroup_index,activation,bias,status,points,simples,pairs,edges,non_edges,unresolved,potential_counterexamples,pl_schur_bound,beyond_ker_pm,g_hat_mattered,linear,kernel_explained,centralizer_explained,unexplained";

/// The CSV summary: [`CSV_HEADER`], then one line of plain counts per record (empty
/// count fields for error records); fields with commas or quotes are quoted (RFC 4180).
///
/// Complexity: linear in the number of rows.
///
/// ```
/// use plrep::report::survey_summary::{csv, CSV_HEADER};
/// assert_eq!(csv(&[]), format!("{CSV_HEADER}\n"));
/// ```
pub fn csv(rows: &[Row]) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{CSV_HEADER}");
    for r in rows {
        let (hc, ho, hi) = match r.subgroup {
            Some((c, o, i)) => (c.to_string(), o.to_string(), i.to_string()),
            None => Default::default(),
        };
        let counts: Vec<String> = match &r.stats {
            Some(x) => [
                x.points,
                x.simples,
                x.pairs,
                x.edges,
                x.non_edges,
                x.unresolved,
                x.potential_counterexamples,
                x.pl_schur_bound,
                x.beyond_ker_pm,
                x.g_hat_mattered,
                x.linear,
                x.kernel_explained,
                x.centralizer_explained,
                x.unexplained,
            ]
            .iter()
            .map(|n| n.to_string())
            .collect(),
            None => vec![String::new(); 14],
        };
        let fields: Vec<String> = [
            r.position.clone(),
            r.group.clone(),
            r.group_order.clone(),
            r.action.clone(),
            hc,
            ho,
            hi,
            r.activation.clone(),
            r.bias.clone().unwrap_or_default(),
            r.status().to_string(),
        ]
        .into_iter()
        .chain(counts)
        .map(|f| csv_field(&f))
        .collect();
        let _ = writeln!(s, "{}", fields.join(","));
    }
    s
}

/// The depth cells of one record: `(stable depth, analysed depth, closure = PL-Schur,
/// closure pairs, PL-Schur pairs, pairs only through depth, unresolved)`, or the error.
fn depth_cells(d: &Value) -> std::result::Result<[String; 7], String> {
    if let Some(e) = d.get("error") {
        return Err(e.as_str().unwrap_or("unknown error").to_string());
    }
    let n = |k: &str| d[k].as_u64().map_or("?".to_string(), |x| x.to_string());
    Ok([
        d["stable_depth"]
            .as_u64()
            .map_or(format!("> {}", n("max_depth")), |x| x.to_string()),
        n("analysed_depth"),
        if d["closure_equals_pl_schur"] == true {
            "yes"
        } else {
            "no"
        }
        .to_string(),
        n("closure_pairs"),
        n("pl_schur_pairs"),
        n("only_through_depth"),
        n("unresolved"),
    ])
}

/// The `## Depth` sections: per group (modules, modules whose depth closure equals the
/// PL-Schur bound, largest stabilisation depth, pairs reached only through depth,
/// unresolved) and per module.
fn depth_markdown(s: &mut String, rows: &[Row]) {
    let _ = writeln!(s, "\n## Depth\n");
    let _ = writeln!(
        s,
        "Per module R^X, the network X -> X -> ... of at most K equal layers, cut where the \
         alive sets cycle (*stable*; `> K` when they do not within K), every simple a \
         source: *closure* (pairs (L, M) with M reached at some depth), *PL-Schur* (pairs \
         with ker L ⊆ ker M), *= PL-Schur* (the closure equals the bound for every source), \
         *through depth* (pairs reached only at depth >= 2), *unresolved* (must be 0).\n"
    );
    let _ = writeln!(
        s,
        "| # | group | \\|G\\| | modules | closure = PL-Schur | max stable depth | through depth | unresolved |"
    );
    let _ = writeln!(s, "|---:|---|---:|---:|---:|---:|---:|---:|");
    let mut i = 0;
    while i < rows.len() {
        let j = (i..rows.len())
            .find(|&j| rows[j].position != rows[i].position)
            .unwrap_or(rows.len());
        let cells: Vec<_> = rows[i..j]
            .iter()
            .filter_map(|r| {
                r.depth
                    .as_ref()
                    .and_then(|d| depth_cells(d).ok().map(|c| (d, c)))
            })
            .collect();
        let equal = cells.iter().filter(|c| c.1[2] == "yes").count();
        let stable = cells
            .iter()
            .map(|c| c.0["stable_depth"].as_u64())
            .try_fold(0, |m, x| x.map(|x| m.max(x)))
            .map_or("> K".to_string(), |m| m.to_string());
        let sum = |k: &str| cells.iter().filter_map(|c| c.0[k].as_u64()).sum::<u64>();
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            rows[i].position,
            md_escape(&rows[i].group),
            rows[i].group_order,
            cells.len(),
            equal,
            stable,
            sum("only_through_depth"),
            sum("unresolved")
        );
        i = j;
    }
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "| # | group | module | stable | depth | = PL-Schur | closure | PL-Schur | through depth | unresolved |"
    );
    let _ = writeln!(s, "|---:|---|---|---:|---:|---|---:|---:|---:|---:|");
    for r in rows {
        let Some(d) = &r.depth else { continue };
        let lead = format!(
            "| {} | {} | {} |",
            r.position,
            md_escape(&r.group),
            md_escape(&r.module())
        );
        match depth_cells(d) {
            Ok(c) => {
                let _ = writeln!(s, "{lead} {} |", c.join(" | "));
            }
            Err(e) => {
                let _ = writeln!(s, "{lead} error: {} | | | | | | |", md_escape(&e));
            }
        }
    }
}
