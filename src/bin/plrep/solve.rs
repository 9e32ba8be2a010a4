//! `plrep solve`: one pair of simples with its certificate in full.

use crate::layer::{setup, LayerArgs};
use crate::Format;
use plrep::group::Limits;
use plrep::pl::{
    certify_pair, solve_pair, Obstruction, PairResult, PlModule, SolverOptions, Verdict,
};
use plrep::record::graph::{ActionRecord, EdgeWitnessRecord, FourierWitnessRecord, WitnessRecord};
use plrep::record::network::NamedGroupRecord;
use plrep::record::pair::{BlockDetailRecord, PairRecord, PairVerdictRecord, PAIR_SCHEMA};
use plrep::{Error, Result};
use std::fmt::Write as _;

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
        return crate::common::to_json(&pair_record(&module, &options, (l, l2), &pair, checked));
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
        Verdict::FourierEdge(w) => {
            let _ = writeln!(s, "EDGE: {}", w.describe());
        }
        Verdict::NonEdge(o) => {
            let _ = writeln!(s, "NO EDGE: {}", o.describe());
            if let Obstruction::Blocks {
                zero_set, classes, ..
            } = o
            {
                let zs: Vec<&str> = zero_set.iter().map(|&x| labels[x].as_str()).collect();
                let _ = writeln!(s, "  zero set: {{{}}}", zs.join(", "));
                for c in classes.iter() {
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

/// The `plrep.pair.v1` record of pair `(l, l2)` (simple indices) solved as `pair`.
fn pair_record(
    module: &PlModule,
    options: &SolverOptions,
    (l, l2): (usize, usize),
    pair: &PairResult,
    checked: bool,
) -> PairRecord {
    let simples = &module.simples.simples;
    let verdict = |kind: &str| PairVerdictRecord {
        detail: None,
        obstruction: None,
        potential_counterexample: None,
        reason: None,
        tried: None,
        kind: kind.to_string(),
        witness: None,
    };
    let verdict = match &pair.verdict {
        // The graph document's witness record (the point is always in range).
        Verdict::Edge(w) => PairVerdictRecord {
            witness: Some(EdgeWitnessRecord::Exact(WitnessRecord::of(
                w,
                module.gset.labels(),
            ))),
            ..verdict("edge")
        },
        Verdict::FourierEdge(w) => PairVerdictRecord {
            witness: Some(EdgeWitnessRecord::Fourier(FourierWitnessRecord::of(w))),
            ..verdict("edge")
        },
        Verdict::NonEdge(o) => PairVerdictRecord {
            detail: Some(BlockDetailRecord::of(o)),
            obstruction: Some(o.describe()),
            ..verdict("non_edge")
        },
        Verdict::Unresolved {
            reason,
            tried,
            potential_counterexample,
        } => PairVerdictRecord {
            potential_counterexample: Some(*potential_counterexample),
            reason: Some(reason.to_string()),
            tried: Some(tried.clone()),
            ..verdict("unresolved")
        },
    };
    PairRecord {
        action: ActionRecord {
            orbitals: None,
            points: module.points(),
            spec: module.gset.action().to_string(),
        },
        activation: options.activation.name(),
        bias: options.bias.as_ref().map(|q| q.to_string()),
        certified: checked,
        from: simples[l].label.clone(),
        group: NamedGroupRecord {
            name: module.group.name().unwrap_or("group").to_string(),
            order: module.order() as u64,
        },
        group_reason: pair.explanation.clone(),
        kernel_rule: pair.kernel_rule,
        rule_a: pair.rule_a,
        schema: PAIR_SCHEMA.to_string(),
        to: simples[l2].label.clone(),
        verdict,
    }
}
