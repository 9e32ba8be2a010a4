//! `plrep compare`: two interaction graphs, isomorphism and edge diff.

use crate::layer::{setup, LayerArgs};
use crate::Format;
use plrep::graph::InteractionGraph;
use plrep::group::Limits;
use plrep::pl::{check, solve};
use plrep::record::compare::{CompareRecord, COMPARE_SCHEMA};
use plrep::Result;
use std::fmt::Write as _;

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
        let doc = CompareRecord {
            a: title(&ga),
            b: title(&gb),
            exhaustive: c.exhaustive,
            isomorphic: c.isomorphic,
            matching: c.matching,
            only_in_a: c.only_in_a,
            only_in_b: c.only_in_b,
            same_vertices: c.same_vertices,
            schema: COMPARE_SCHEMA.to_string(),
        };
        return crate::common::to_json(&doc);
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
