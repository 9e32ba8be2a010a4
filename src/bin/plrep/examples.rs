//! `plrep examples`: list the worked examples (arXiv:2408.00949) or reproduce one
//! (a thin wrapper over `plrep::examples`).

use plrep::group::Limits;
use plrep::record::examples::{
    ExampleEntryRecord, ExampleListRecord, ExampleRecord, ExampleValueRecord, EXAMPLES_SCHEMA,
};
use plrep::Result;
use std::fmt::Write as _;

/// `plrep examples [NAME]`: without a name the list (name, title, reference); with a name
/// the example's report, or with `json` its exact values (`plrep.examples.v1`).
pub fn examples(name: Option<&str>, json: bool, limits: &Limits) -> Result<String> {
    match name {
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
            crate::common::to_json(&ExampleListRecord {
                examples: all
                    .iter()
                    .map(|e| ExampleEntryRecord {
                        name: e.name.to_string(),
                        reference: e.reference.to_string(),
                        title: e.title.to_string(),
                    })
                    .collect(),
                schema: EXAMPLES_SCHEMA.to_string(),
            })
        }
        Some(n) => {
            let e = plrep::examples::get(n)?;
            let out = plrep::examples::run(n, limits)?;
            if !json {
                return Ok(out.text);
            }
            crate::common::to_json(&ExampleRecord {
                name: e.name.to_string(),
                reference: e.reference.to_string(),
                schema: EXAMPLES_SCHEMA.to_string(),
                title: e.title.to_string(),
                // Exact values in GAP notation, in the order computed; quadratic irrationals
                // also as a radical, e.g. "(1 + sqrt(5))/10".
                values: out
                    .values
                    .iter()
                    .map(|(k, v)| ExampleValueRecord {
                        key: k.clone(),
                        radical: if v.is_rational() {
                            None
                        } else {
                            plrep::fourier::quadratic_radical(v)
                        },
                        value: v.to_string(),
                    })
                    .collect(),
            })
        }
    }
}
