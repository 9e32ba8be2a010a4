//! `plrep examples`: list the worked examples (arXiv:2408.00949) or reproduce one
//! (a thin wrapper over `plrep::examples`).

use plrep::group::Limits;
use plrep::Result;
use serde_json::{json, Value};
use std::fmt::Write as _;

/// `plrep examples [NAME]`: without a name the list (name, title, reference); with a name
/// the example's report, or with `json` its exact values (`plrep.examples.v1`).
pub fn examples(name: Option<&str>, json: bool, limits: &Limits) -> Result<String> {
    let doc: Value = match name {
        None => {
            let all = plrep::examples::examples();
            if !json {
                let width = all.iter().map(|e| e.name.len()).max().unwrap_or(0);
                let mut s = String::from("Worked examples (run one with `plrep examples NAME`):\n");
                for e in &all {
                    let _ = writeln!(s, "  {:<width$}  {}  [{}]", e.name, e.title, e.reference);
                }
                return Ok(s);
            }
            json!({
                "schema": "plrep.examples.v1",
                "examples": all.iter().map(|e| json!({"name": e.name, "title": e.title, "reference": e.reference})).collect::<Vec<_>>(),
            })
        }
        Some(n) => {
            let e = plrep::examples::get(n)?;
            let out = plrep::examples::run(n, limits)?;
            if !json {
                return Ok(out.text);
            }
            json!({
                "schema": "plrep.examples.v1",
                "name": e.name, "title": e.title, "reference": e.reference,
                // Exact values in GAP notation, in the order computed; quadratic irrationals
                // also as a radical, e.g. "(1 + sqrt(5))/10".
                "values": out.values.iter().map(|(k, v)| {
                    let radical = if v.is_rational() { None } else { plrep::fourier::quadratic_radical(v) };
                    json!({"key": k, "value": v.to_string(), "radical": radical})
                }).collect::<Vec<_>>(),
            })
        }
    };
    crate::common::to_json(&doc)
}
