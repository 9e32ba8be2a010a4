//! The solver commands: `graph`, `solve` and `exists` (thin wrappers over `plrep::pl` and
//! `plrep::graph`; every output is produced after all computations succeeded).

use crate::commands::load_group;
use crate::Format;
use plrep::character::{CharacterTable, RealSimples};
use plrep::graph::{CommutantGraph, InteractionGraph};
use plrep::group::gset::ActionSpec;
use plrep::group::Limits;
use plrep::pl::certify::certify_commutant;
use plrep::pl::commutant::{solve_commutant, CommutantModule};
use plrep::pl::{
    certify_pair, check, exists_table, exists_text, solve, solve_pair, Obstruction, PlModule,
    SolverOptions, Verdict,
};
use plrep::{Error, Result};
use serde_json::json;
use std::fmt::Write as _;

/// What `graph` and `solve` share.
pub(crate) struct LayerArgs<'a> {
    pub group: &'a str,
    pub action: &'a str,
    pub activation: &'a plrep::pl::Activation,
    pub bias: Option<&'a plrep::arith::Q>,
    pub seeds: u64,
}

fn setup(a: &LayerArgs<'_>, limits: &Limits) -> Result<(PlModule, SolverOptions)> {
    let options = crate::activation::solver_options(a.activation, a.bias, a.seeds)?;
    let action = ActionSpec::parse(a.action)?;
    let group = load_group(a.group, limits)?;
    let module = PlModule::new(&group, &action, limits)?;
    Ok((module, options))
}

/// `plrep graph`.
pub(crate) fn graph(
    a: &LayerArgs<'_>,
    check: bool,
    format: Format,
    limits: &Limits,
) -> Result<String> {
    format.require("graph", &Format::DRAWINGS)?;
    let action = ActionSpec::parse(a.action)?;
    let group = load_group(a.group, limits)?;
    if group.order() > limits.max_order.into() && CommutantModule::applies(&action) {
        return commutant_graph(a, &group, &action, check, format, limits);
    }
    let options = crate::activation::solver_options(a.activation, a.bias, a.seeds)?;
    let module = PlModule::new(&group, &action, limits)?;
    let solution = solve(&module, &options)?;
    let g = if check {
        InteractionGraph::from_certified(&module, &plrep::pl::check(&module, solution)?)
    } else {
        InteractionGraph::build(&module, &solution)
    };
    Ok(match format {
        Format::Json => crate::commands::to_json(&g.to_json())?,
        Format::Dot => g.to_dot(),
        Format::Svg => g.to_svg(),
        Format::Tikz => g.to_tikz(),
        _ => g.to_text(),
    })
}

/// `plrep graph` on a group beyond `--max-order`: the module through its commutant
/// (theory.md §13), text or JSON.
fn commutant_graph(
    a: &LayerArgs<'_>,
    group: &plrep::group::PermGroup,
    action: &ActionSpec,
    check: bool,
    format: Format,
    limits: &Limits,
) -> Result<String> {
    if !matches!(format, Format::Text | Format::Json) {
        return Err(Error::bad(
            format!("the group's order {} is above --max-order, and the commutant route writes text or JSON only", group.order()),
            "use --format text or --format json, or raise --max-order",
        ));
    }
    let options = crate::activation::solver_options(a.activation, a.bias, a.seeds)?;
    let module = CommutantModule::new(group, action, limits)?;
    let solution = solve_commutant(&module, &options)?;
    if check {
        certify_commutant(&module, &solution)?;
    }
    let g = CommutantGraph::build(&module, &solution, check)?;
    Ok(match format {
        Format::Json => crate::commands::to_json(&g.to_json())?,
        _ => g.to_text(),
    })
}

fn find_simple(module: &PlModule, label: &str, flag: &str) -> Result<usize> {
    let present: Vec<&str> = module
        .present
        .iter()
        .map(|p| module.simples.simples[p.0].label.as_str())
        .collect();
    match module.simples.find(label) {
        Some(l) if module.multiplicity(l) > 0 => Ok(l),
        Some(_) => Err(Error::bad(
            format!("{label} does not occur in R^X for this action"),
            format!("{flag} takes one of {}", present.join(", ")),
        )),
        None => Err(Error::bad(
            format!("unknown simple '{label}'"),
            format!("{flag} takes one of {}", present.join(", ")),
        )),
    }
}

/// `plrep solve`: one pair with its certificate in full.
pub(crate) fn solve_one(
    a: &LayerArgs<'_>,
    from: &str,
    to: &str,
    check: bool,
    format: Format,
    limits: &Limits,
) -> Result<String> {
    format.require("solve", &[Format::Text, Format::Json])?;
    let (module, options) = setup(a, limits)?;
    let (l, l2) = (
        find_simple(&module, from, "--from")?,
        find_simple(&module, to, "--to")?,
    );
    let pair = solve_pair(&module, &options, l, l2)?;
    let checked = if check {
        certify_pair(&module, &options, &pair)?
    } else {
        false
    };
    let simples = &module.simples.simples;
    let labels = module.gset.labels();
    let name = module.group.name().unwrap_or("group").to_string();
    let bias = options
        .bias
        .as_ref()
        .map_or("no bias".to_string(), |q| format!("bias {q}"));
    let set = |cl: &[usize]| {
        format!(
            "{{{}}}",
            cl.iter()
                .map(|c| module.classes.reps[*c].to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let rule_a = format!(
        "rule (a): ker^± {} = {} {} ker {} = {}",
        simples[l].label,
        set(&simples[l].pm_kernel()),
        if pair.rule_a { "⊆" } else { "⊄" },
        simples[l2].label,
        set(&simples[l2].kernel)
    );
    if format == Format::Json {
        let verdict = match &pair.verdict {
            Verdict::Edge(w) => json!({"type": "edge", "witness": {
                "seed": w.seed, "r": w.r, "scale": w.scale.to_string(), "point": w.point,
                "point_label": labels[w.point], "value": w.value.to_string()}}),
            Verdict::NonEdge(o) => {
                json!({"type": "non_edge", "obstruction": o.describe(), "detail": match o {
                Obstruction::Blocks { kind, zero_set, classes } => json!({"space": kind.name(), "zero_set": zero_set,
                    "classes": classes.iter().map(|c| c.iter().map(|&(x, s)| json!([x, s])).collect::<Vec<_>>()).collect::<Vec<_>>()}),
                _ => json!(null)}})
            }
            Verdict::Unresolved {
                reason,
                tried,
                potential_counterexample,
            } => json!({"type": "unresolved", "reason": reason,
                "tried": tried, "potential_counterexample": potential_counterexample}),
        };
        let doc = json!({
            "schema": "plrep.pair.v1",
            "group": {"name": name, "order": module.order()},
            "action": {"spec": module.gset.action().to_string(), "points": module.points()},
            "activation": options.activation.name(),
            "bias": options.bias.as_ref().map(|q| q.to_string()),
            "from": simples[l].label, "to": simples[l2].label,
            "verdict": verdict, "group_reason": pair.explanation, "rule_a": pair.rule_a, "kernel_rule": pair.kernel_rule, "certified": checked,
        });
        return crate::commands::to_json(&doc);
    }
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{name} (order {}) on {} ({} points), activation {}, {bias}",
        module.order(),
        module.gset.action(),
        module.points(),
        options.activation
    );
    let _ = writeln!(
        s,
        "{} (dim {}) -> {} (dim {})",
        simples[l].label, simples[l].dim, simples[l2].label, simples[l2].dim
    );
    match &pair.verdict {
        Verdict::Edge(w) => {
            let _ = writeln!(
                s,
                "EDGE: F(w) = P_{}(sigma(w + q1) - sigma(q)1) is not zero",
                simples[l2].label
            );
            let _ = writeln!(
                s,
                "  r (seed {}) = [{}]",
                w.seed,
                w.r.iter()
                    .map(|x| x.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            let _ = writeln!(s, "  w = {} * P_{} r:", w.scale, simples[l].label);
            let wv = module.project(l, &w.r);
            for (x, v) in wv.iter().enumerate() {
                let _ = writeln!(s, "    w[{}] = {}", labels[x], v.scale(&w.scale));
            }
            let _ = writeln!(s, "  at the point {}: F(w) = {}", labels[w.point], w.value);
        }
        Verdict::NonEdge(o) => {
            let _ = writeln!(s, "NO EDGE: {}", o.describe());
            if let Obstruction::Blocks {
                zero_set, classes, ..
            } = o
            {
                let zs: Vec<&str> = zero_set.iter().map(|&x| labels[x].as_str()).collect();
                let _ = writeln!(s, "  zero set: {{{}}}", zs.join(", "));
                for c in classes {
                    let members: Vec<String> = c
                        .iter()
                        .map(|&(x, sg)| format!("{}{}", if sg < 0 { "-" } else { "" }, labels[x]))
                        .collect();
                    let _ = writeln!(s, "  class: {{{}}}", members.join(", "));
                }
            }
        }
        Verdict::Unresolved {
            reason,
            tried,
            potential_counterexample,
        } => {
            let flag = if *potential_counterexample {
                "POTENTIAL COUNTEREXAMPLE to the span conjecture: "
            } else {
                ""
            };
            let _ = writeln!(s, "UNRESOLVED: {flag}{reason}\n  tried: {tried}");
        }
    }
    let _ = writeln!(s, "{rule_a}");
    if let Some(e) = &pair.explanation {
        let _ = writeln!(s, "why: {e}");
    }
    if check {
        let _ = writeln!(
            s,
            "certificate re-checked independently: {}",
            if checked { "ok" } else { "nothing to check" }
        );
    }
    Ok(s)
}

/// `plrep exists`: the PL-Schur table.
pub(crate) fn exists(group: &str, format: Format, limits: &Limits) -> Result<String> {
    format.require("exists", &[Format::Text, Format::Json])?;
    let g = load_group(group, limits)?;
    let t = CharacterTable::compute(&g, limits)?;
    let r = RealSimples::from_table(&t);
    let e = exists_table(&r);
    if format == Format::Json {
        let doc = json!({
            "schema": "plrep.exists.v1",
            "group": {"name": g.name().unwrap_or("group"), "order": t.order},
            "simples": r.simples.iter().map(|s| json!({"label": s.label, "dim": s.dim, "kernel": s.kernel})).collect::<Vec<_>>(),
            "pairs": e.iter().map(|x| json!({"from": r.simples[x.from].label, "to": r.simples[x.to].label,
                "nonzero": x.nonzero, "nonzero_reason": x.nonzero_reason, "nonlinear": x.nonlinear,
                "nonlinear_reason": x.nonlinear_reason})).collect::<Vec<_>>(),
        });
        return crate::commands::to_json(&doc);
    }
    let name = g.name().unwrap_or("group").to_string();
    Ok(format!(
        "{name} (order {})\n{}",
        t.order,
        exists_text(&r, &e)
    ))
}

/// `plrep compare`: two interaction graphs, isomorphism and edge diff.
pub(crate) fn compare(
    a: &LayerArgs<'_>,
    b: &LayerArgs<'_>,
    format: Format,
    limits: &Limits,
) -> Result<String> {
    format.require("compare", &[Format::Text, Format::Json])?;
    let build = |x: &LayerArgs<'_>| -> Result<InteractionGraph> {
        let (module, options) = setup(x, limits)?;
        let solution = solve(&module, &options)?;
        Ok(InteractionGraph::from_certified(
            &module,
            &check(&module, solution)?,
        ))
    };
    let (ga, gb) = (build(a)?, build(b)?);
    let c = plrep::graph::compare(&ga, &gb);
    let title = |g: &InteractionGraph| {
        let bias = g
            .bias
            .as_ref()
            .map_or(String::new(), |q| format!(", bias {q}"));
        format!(
            "{} (order {}) on {}, {}{}",
            g.group_name, g.group_order, g.action, g.activation, bias
        )
    };
    let pairs = |v: &[(String, String)]| {
        v.iter()
            .map(|(x, y)| format!("{x}->{y}"))
            .collect::<Vec<_>>()
    };
    if format == Format::Json {
        let doc = json!({
            "schema": "plrep.compare.v1",
            "a": title(&ga), "b": title(&gb),
            "same_vertices": c.same_vertices, "isomorphic": c.isomorphic, "exhaustive": c.exhaustive,
            "matching": c.matching, "only_in_a": c.only_in_a, "only_in_b": c.only_in_b,
        });
        return crate::commands::to_json(&doc);
    }
    let mut s = String::new();
    let _ = writeln!(s, "A: {}\nB: {}", title(&ga), title(&gb));
    if !c.same_vertices {
        let _ = writeln!(
            s,
            "the vertices differ (simples present, dimensions, kernel orders): not isomorphic"
        );
        let m: Vec<String> = c.matching.iter().map(|(x, y)| format!("{x}={y}")).collect();
        let _ = writeln!(s, "compared on the shared simples: {}", m.join(" "));
    } else {
        let _ = writeln!(
            s,
            "{}",
            if c.isomorphic {
                "isomorphic (respecting dimensions and kernel orders)"
            } else {
                "not isomorphic"
            }
        );
        let m: Vec<String> = c.matching.iter().map(|(x, y)| format!("{x}={y}")).collect();
        let _ = writeln!(
            s,
            "best matching{}: {}",
            if c.exhaustive {
                ""
            } else {
                " (not exhaustive)"
            },
            m.join(" ")
        );
    }
    let listed = |v: Vec<String>| {
        if v.is_empty() {
            "(none)".to_string()
        } else {
            v.join(" ")
        }
    };
    let _ = writeln!(s, "only in A: {}", listed(pairs(&c.only_in_a)));
    let _ = writeln!(s, "only in B: {}", listed(pairs(&c.only_in_b)));
    Ok(s)
}
