//! Reports of a network analysis ([`crate::network`]): text, the depth table (Markdown,
//! LaTeX) and the flow picture (SVG, TikZ: layers as columns, simples as nodes with low
//! frequencies — large kernels — on top). The JSON document `plrep.network.v1` is built
//! by [`super::network_record`] (re-exported here).

use crate::network::witness::LayerWeights;
use crate::network::{Network, NetworkResult, SourceResult, Status};
use crate::pl::PlModule;
use crate::report::escape::latex_escape;
use std::fmt::Write as _;

pub use super::network_record::{
    bias_records, network_json, network_record, witness_network_record,
};

pub(crate) fn label(module: &PlModule, l: usize) -> &str {
    &module.simples.simples[l].label
}

fn set_label(module: &PlModule, s: &[usize]) -> String {
    s.iter()
        .map(|&l| label(module, l))
        .collect::<Vec<_>>()
        .join("+")
}

pub(crate) fn kernel_order(module: &PlModule, l: usize) -> u64 {
    module.simples.simples[l]
        .kernel
        .iter()
        .map(|&c| module.classes.sizes[c])
        .sum()
}

/// The targets of the depth table: every simple present in some layer `>= 1`, ascending.
pub fn targets(net: &Network) -> Vec<usize> {
    let mut t: Vec<usize> = (1..=net.depth()).flat_map(|l| net.simples_of(l)).collect();
    t.sort_unstable();
    t.dedup();
    t
}

/// One entry of the depth table: the first depth, `≤d` when an earlier layer is
/// unresolved, `never` (`never*` when the alive sets cycle: at no depth at all), or `?`.
pub fn depth_entry(src: &SourceResult, m: usize) -> String {
    match src.first_depth(m) {
        Some((d, true)) => d.to_string(),
        Some((d, false)) => format!("≤{d}"),
        None => {
            let unresolved = src.unresolved().iter().any(|x| x.1 == m);
            if unresolved {
                "?".into()
            } else if src.cycle.is_some() {
                "never*".into()
            } else {
                "never".into()
            }
        }
    }
}

fn title(net: &Network, res: &NetworkResult) -> String {
    let m0 = net.layer(0);
    let layers: Vec<String> = (0..=net.depth())
        .map(|l| net.layer(l).gset.action().to_string())
        .collect();
    format!(
        "{} (order {}), {}, {}: {}",
        m0.group.name().unwrap_or("group"),
        m0.order(),
        res.options.activation,
        res.options.bias,
        layers.join(" -> ")
    )
}

/// Why `M` is never reached, in words (the first excluding layer's obstruction).
fn never_reason(net: &Network, src: &SourceResult, m: usize) -> String {
    let cyc = src
        .cycle
        .map(|(i, j)| format!("; the alive sets repeat (U_{i} = U_{j}), so at no depth at all"))
        .unwrap_or_default();
    for l in 1..src.status.len() {
        if let Some(Status::Excluded(o)) = src.status_at(l, m) {
            return format!(
                "excluded at every depth (depth {l}: {}){cyc}",
                o.describe(net.layer(l))
            );
        }
    }
    format!("absent from every layer{cyc}")
}

/// The text report: per source the reached, excluded and unresolved simples of every
/// layer, then the depth table.
pub fn network_text(net: &Network, res: &NetworkResult, certified: bool) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}", title(net, res));
    for l in 0..=net.depth() {
        let m = net.layer(l);
        let hom = if l == 0 {
            String::new()
        } else {
            format!(", dim Hom_G(R^X{}, R^X{l}) = {}", l - 1, net.cross(l).len())
        };
        let _ = writeln!(
            s,
            "  layer {l}: {} ({} points, {} orbits{hom}): {}",
            m.gset.action(),
            m.points(),
            m.gset.orbits().len(),
            set_label(m, &net.simples_of(l)).replace('+', " ")
        );
    }
    for src in &res.sources {
        let m0 = net.layer(0);
        let _ = writeln!(s, "\nsource {}:", set_label(m0, &src.sources));
        for l in 1..src.status.len() {
            let m = net.layer(l);
            let pick = |f: &dyn Fn(&Status) -> bool| -> String {
                let v: Vec<&str> = src.status[l]
                    .iter()
                    .filter(|x| f(&x.1))
                    .map(|x| label(m, x.0))
                    .collect();
                if v.is_empty() {
                    "-".into()
                } else {
                    v.join(" ")
                }
            };
            let _ = writeln!(
                s,
                "  depth {l}: reached {} | excluded {} | unresolved {}",
                pick(&|x| matches!(x, Status::Reached(_))),
                pick(&|x| matches!(x, Status::Excluded(_))),
                pick(&|x| *x == Status::Unresolved)
            );
        }
        for l in 1..src.status.len() {
            // The proof of each exclusion, grouped by reason.
            let m = net.layer(l);
            let mut groups: Vec<(String, Vec<&str>)> = Vec::new();
            for (t, st) in &src.status[l] {
                if let Status::Excluded(o) = st {
                    let why = o.describe(m);
                    match groups.iter_mut().find(|g| g.0 == why) {
                        Some(g) => g.1.push(label(m, *t)),
                        None => groups.push((why, vec![label(m, *t)])),
                    }
                }
            }
            for (why, who) in groups {
                let _ = writeln!(s, "    depth {l}, not {}: {why}", who.join(" "));
            }
        }
        if let Some((i, j)) = src.cycle {
            let _ = writeln!(s, "  alive sets repeat: U_{i} = U_{j}");
        }
        for (i, wn) in src.networks.iter().enumerate() {
            let r = if wn.r.len() <= 16 {
                format!(
                    "[{}]",
                    wn.r.iter()
                        .map(|x| x.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            } else {
                format!("({} entries, see --format json)", wn.r.len())
            };
            let weights =
                witness_layers_text(&wn.layers, |k, o| format!("{:?}", net.cross(k + 1).reps[o]));
            let _ = writeln!(
                s,
                "  witness network {i}: seed {}, w = {}·P_S r with r = {r}; {weights}",
                wn.seed, wn.scale,
            );
        }
        let _ = writeln!(
            s,
            "  {} witness network{}, {} simulated",
            src.networks.len(),
            if src.networks.len() == 1 { "" } else { "s" },
            src.attempts.0
        );
    }
    let _ = writeln!(
        s,
        "\ndepth table (first depth at which each target is reached):"
    );
    s.push_str(&depth_table_text(net, res));
    let mut never = Vec::new();
    for src in &res.sources {
        for m in targets(net) {
            if src.first_depth(m).is_none() && !src.unresolved().iter().any(|x| x.1 == m) {
                never.push(format!(
                    "  {} -> {}: {}",
                    set_label(net.layer(0), &src.sources),
                    label(net.layer(0), m),
                    never_reason(net, src, m)
                ));
            }
        }
    }
    if !never.is_empty() {
        let _ = writeln!(s, "never:");
        for n in never {
            let _ = writeln!(s, "{n}");
        }
    }
    let unresolved = res.unresolved();
    if unresolved > 0 {
        let _ = writeln!(
            s,
            "UNRESOLVED: {unresolved} (source, depth, target) without witness or proof"
        );
    }
    if certified {
        let _ = writeln!(s, "certificates re-checked independently: ok");
    }
    s
}

/// The layers of a witness network in one line: `A1 = q·O(x, y) + ...; A2 = ...`, at
/// most six orbitals per layer, with its bias. `orbital(k, o)` prints the representative
/// pair of orbital `o` of layer `k` (shared by the enumerated and commutant reports).
pub fn witness_layers_text(
    layers: &[LayerWeights],
    orbital: impl Fn(usize, usize) -> String,
) -> String {
    layers
        .iter()
        .enumerate()
        .map(|(k, lw)| {
            let mut t = lw
                .weights
                .iter()
                .take(6)
                .map(|(o, q)| format!("{q}·O{}", orbital(k, *o)))
                .collect::<Vec<_>>()
                .join(" + ");
            if lw.weights.len() > 6 {
                t.push_str(&format!(" + ... ({} orbitals)", lw.weights.len()));
            }
            if !lw.bias.is_empty() {
                t.push_str(&format!(
                    ", bias {}",
                    lw.bias
                        .iter()
                        .map(|(x, q)| format!("{q} on orbit of {x}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
            format!("A{} = {t}", k + 1)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn depth_table_text(net: &Network, res: &NetworkResult) -> String {
    let m0 = net.layer(0);
    let t = targets(net);
    let rows: Vec<(String, Vec<String>)> = res
        .sources
        .iter()
        .map(|src| {
            (
                set_label(m0, &src.sources),
                t.iter().map(|&m| depth_entry(src, m)).collect(),
            )
        })
        .collect();
    let w0 = rows
        .iter()
        .map(|r| r.0.chars().count())
        .max()
        .unwrap_or(0)
        .max(6);
    let widths: Vec<usize> = t
        .iter()
        .enumerate()
        .map(|(i, &m)| {
            rows.iter()
                .map(|r| r.1[i].chars().count())
                .max()
                .unwrap_or(0)
                .max(label(m0, m).chars().count())
        })
        .collect();
    let mut s = String::new();
    let pad = |x: &str, w: usize| format!("{x}{}", " ".repeat(w.saturating_sub(x.chars().count())));
    let _ = write!(s, "  {}", pad("source", w0));
    for (i, &m) in t.iter().enumerate() {
        let _ = write!(s, "  {}", pad(label(m0, m), widths[i]));
    }
    s = s.trim_end().to_string();
    s.push('\n');
    for (name, cells) in &rows {
        let mut line = format!("  {}", pad(name, w0));
        for (i, c) in cells.iter().enumerate() {
            let _ = write!(line, "  {}", pad(c, widths[i]));
        }
        let _ = writeln!(s, "{}", line.trim_end());
    }
    s
}

/// The depth table as Markdown (rows sources, columns targets; `never*`: at no depth,
/// the alive sets cycle).
pub fn depth_table_markdown(net: &Network, res: &NetworkResult) -> String {
    let m0 = net.layer(0);
    let t = targets(net);
    let mut s = format!("**{}**\n\n", title(net, res));
    let _ = writeln!(
        s,
        "| source | {} |",
        t.iter()
            .map(|&m| label(m0, m))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    let _ = writeln!(s, "|---|{}", "---|".repeat(t.len()));
    for src in &res.sources {
        let _ = writeln!(
            s,
            "| {} | {} |",
            set_label(m0, &src.sources),
            t.iter()
                .map(|&m| depth_entry(src, m))
                .collect::<Vec<_>>()
                .join(" | ")
        );
    }
    s.push_str("\nEntry: the first depth at which the target is reached (exact witness network); `never`: excluded at every depth computed (proof: the alive sets and joint-step obstructions); `never*`: the alive sets cycle, so at no depth at all; `≤d`/`?`: some depth unresolved.\n");
    s
}

/// The depth table as a LaTeX tabular.
pub fn depth_table_latex(net: &Network, res: &NetworkResult) -> String {
    let m0 = net.layer(0);
    let t = targets(net);
    let mut s = format!("% {}\n", title(net, res));
    let _ = writeln!(s, "\\begin{{tabular}}{{l{}}}", "c".repeat(t.len()));
    let _ = writeln!(
        s,
        "source & {} \\\\ \\hline",
        t.iter()
            .map(|&m| format!("${}$", latex_escape(label(m0, m))))
            .collect::<Vec<_>>()
            .join(" & ")
    );
    for src in &res.sources {
        let cells: Vec<String> = t
            .iter()
            .map(|&m| {
                depth_entry(src, m)
                    .replace("never*", "never$^*$")
                    .replace('≤', "$\\le$")
            })
            .collect();
        let _ = writeln!(
            s,
            "${}$ & {} \\\\",
            latex_escape(&set_label(m0, &src.sources)),
            cells.join(" & ")
        );
    }
    s.push_str("\\end{tabular}\n");
    s
}

/// Node rows of a layer: simples with larger kernels (lower frequencies) on top, then
/// by index.
fn rows(net: &Network, l: usize) -> Vec<usize> {
    let m = net.layer(l);
    let mut v = net.simples_of(l);
    v.sort_by_key(|&s| (std::cmp::Reverse(kernel_order(m, s)), s));
    v
}

/// The flow picture of one source: columns are layers, nodes the simples of each layer
/// (reached: filled; excluded: pale; unresolved: dashed), arrows from every alive simple
/// of layer `l - 1` present in layer `l`... to the reached simples of layer `l`.
/// Per depth, `(simple, x, y, state)` with state 2 reached, 1 unresolved, 0 excluded.
type Columns = Vec<Vec<(usize, f64, f64, u8)>>;

fn flow_layout(net: &Network, src: &SourceResult) -> (Columns, f64, f64) {
    let (cw, rh, mx, my) = (130.0, 48.0, 60.0, 70.0);
    let mut cols = Vec::new();
    let mut height: f64 = 0.0;
    for l in 0..=net.depth() {
        let r = rows(net, l);
        let col: Vec<(usize, f64, f64, u8)> = r
            .iter()
            .enumerate()
            .map(|(i, &s)| {
                let state = if l == 0 {
                    u8::from(src.sources.contains(&s)) * 2
                } else {
                    match src.status_at(l, s) {
                        Some(Status::Reached(_)) => 2,
                        Some(Status::Unresolved) => 1,
                        _ => 0,
                    }
                };
                (s, mx + l as f64 * cw, my + i as f64 * rh, state)
            })
            .collect();
        height = height.max(my + r.len() as f64 * rh);
        cols.push(col);
    }
    let width = 2.0 * mx + net.depth() as f64 * cw;
    (cols, width, height + 20.0)
}

/// The flow picture as SVG (one panel per source, side by side would be wide: stacked).
pub fn flow_svg(net: &Network, res: &NetworkResult) -> String {
    let mut panels = Vec::new();
    let mut total_h = 40.0;
    let mut total_w: f64 = 300.0;
    for src in &res.sources {
        let (cols, w, h) = flow_layout(net, src);
        panels.push((src, cols, total_h));
        total_h += h + 30.0;
        total_w = total_w.max(w);
    }
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.0} {h:.0}" font-family="Helvetica, Arial, sans-serif">"#,
        w = total_w,
        h = total_h
    );
    s.push_str(r##"<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#2b4f81"/></marker></defs>"##);
    s.push('\n');
    let _ = writeln!(s, r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
    let _ = writeln!(
        s,
        r##"<text x="20" y="24" font-size="14" font-weight="bold" fill="#222">{}</text>"##,
        xml(&title(net, res))
    );
    for (src, cols, y0) in panels {
        let m0 = net.layer(0);
        let _ = writeln!(
            s,
            r##"<text x="20" y="{:.1}" font-size="12" fill="#222">source {}</text>"##,
            y0 + 18.0,
            xml(&set_label(m0, &src.sources))
        );
        for l in 1..cols.len() {
            for &(a, xa, ya, sa) in &cols[l - 1] {
                if sa != 2 {
                    continue;
                }
                for &(b, xb, yb, sb) in &cols[l] {
                    // An arrow into each reached simple from every reached simple before
                    // that layer l keeps (present in X_l).
                    if sb == 2 && net.simples_of(l).contains(&a) {
                        let _ = b;
                        let _ = writeln!(
                            s,
                            r##"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#2b4f81" stroke-opacity="0.35" stroke-width="1" marker-end="url(#arrow)"/>"##,
                            xa + 24.0,
                            y0 + ya,
                            xb - 24.0,
                            y0 + yb
                        );
                    }
                }
            }
        }
        for (l, col) in cols.iter().enumerate() {
            let m = net.layer(l);
            let _ = writeln!(
                s,
                r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="11" fill="#555">depth {l}</text>"##,
                col.first().map_or(0.0, |c| c.1),
                y0 + 40.0
            );
            for &(sidx, x, y, st) in col {
                let (fill, stroke, dash) = match st {
                    2 => ("#cfe0f7", "#2b4f81", ""),
                    1 => ("#fff4d6", "#a06800", r#" stroke-dasharray="4,3""#),
                    _ => ("#f4f4f4", "#bbbbbb", ""),
                };
                let _ = writeln!(
                    s,
                    r##"<rect x="{:.1}" y="{:.1}" width="48" height="26" rx="8" fill="{fill}" stroke="{stroke}" stroke-width="1.3"{dash}/>"##,
                    x - 24.0,
                    y0 + y - 13.0
                );
                let _ = writeln!(
                    s,
                    r##"<text x="{x:.1}" y="{:.1}" text-anchor="middle" font-size="12" fill="{}">{}</text>"##,
                    y0 + y + 4.0,
                    if st == 0 { "#999999" } else { "#111111" },
                    xml(label(m, sidx))
                );
            }
        }
    }
    s.push_str("</svg>\n");
    s
}

/// The flow picture as TikZ (same layout as the SVG, in centimetres).
pub fn flow_tikz(net: &Network, res: &NetworkResult) -> String {
    let mut s = format!("% {}\n", title(net, res));
    let sc = 1.0 / 60.0;
    let mut y_off = 0.0;
    s.push_str("\\begin{tikzpicture}[>={Stealth}, every node/.style={draw, rounded corners, font=\\small, minimum width=0.8cm}]\n");
    for (p, src) in res.sources.iter().enumerate() {
        let (cols, _, h) = flow_layout(net, src);
        let _ = writeln!(
            s,
            "  \\node[draw=none] at ({:.2},{:.2}) {{source ${}$}};",
            0.3,
            -(y_off + 20.0) * sc,
            latex_escape(&set_label(net.layer(0), &src.sources))
        );
        for (l, col) in cols.iter().enumerate() {
            for &(sidx, x, y, st) in col {
                let style = match st {
                    2 => "fill=blue!15",
                    1 => "dashed",
                    _ => "gray!50, text=gray",
                };
                let _ = writeln!(
                    s,
                    "  \\node[{style}] (p{p}l{l}s{sidx}) at ({:.2},{:.2}) {{${}$}};",
                    x * sc,
                    -(y_off + y) * sc,
                    latex_escape(label(net.layer(l), sidx))
                );
            }
        }
        for l in 1..cols.len() {
            for &(a, _, _, sa) in &cols[l - 1] {
                if sa != 2 || !net.simples_of(l).contains(&a) {
                    continue;
                }
                for &(b, _, _, sb) in &cols[l] {
                    if sb == 2 {
                        let _ = writeln!(
                            s,
                            "  \\draw[->, blue!40] (p{p}l{}s{a}) -- (p{p}l{l}s{b});",
                            l - 1
                        );
                    }
                }
            }
        }
        y_off += h + 30.0;
    }
    s.push_str("\\end{tikzpicture}\n");
    s
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
