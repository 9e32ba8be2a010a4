//! `plrep exists`: the PL-Schur table.

use crate::common::load_group;
use crate::Format;
use plrep::character::{CharacterTable, RealSimples};
use plrep::group::Limits;
use plrep::pl::{exists_table, exists_text};
use plrep::Result;
use serde_json::json;

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
        return crate::common::to_json(&doc);
    }
    let name = g.name().unwrap_or("group").to_string();
    Ok(format!(
        "{name} (order {})\n{}",
        t.order,
        exists_text(&r, &e)
    ))
}
