//! `plrep exists`: the PL-Schur table.

use crate::common::load_group;
use crate::Format;
use plrep::character::{CharacterTable, RealSimples};
use plrep::group::Limits;
use plrep::pl::{exists_table, exists_text};
use plrep::record::exists::{
    ExistencePairRecord, ExistsGroupRecord, ExistsRecord, ExistsSimpleRecord, EXISTS_SCHEMA,
};
use plrep::Result;

/// `plrep exists`: the PL-Schur table.
pub(crate) fn exists(group: &str, format: Format, limits: &Limits) -> Result<String> {
    format.require("exists", &[Format::Text, Format::Json])?;
    let g = load_group(group, limits)?;
    let t = CharacterTable::compute(&g, limits)?;
    let r = RealSimples::from_table(&t);
    let e = exists_table(&r);
    if format == Format::Json {
        let label = |i: usize| r.simples[i].label.clone();
        let doc = ExistsRecord {
            group: ExistsGroupRecord {
                name: g.name().unwrap_or("group").to_string(),
                order: t.order,
            },
            pairs: e
                .iter()
                .map(|x| ExistencePairRecord {
                    from: label(x.from),
                    nonlinear: x.nonlinear,
                    nonlinear_reason: x.nonlinear_reason.clone(),
                    nonzero: x.nonzero,
                    nonzero_reason: x.nonzero_reason.clone(),
                    to: label(x.to),
                })
                .collect(),
            schema: EXISTS_SCHEMA.to_string(),
            simples: r
                .simples
                .iter()
                .map(|s| ExistsSimpleRecord {
                    dim: s.dim,
                    kernel: s.kernel.clone(),
                    label: s.label.clone(),
                })
                .collect(),
        };
        return crate::common::to_json(&doc);
    }
    let name = g.name().unwrap_or("group").to_string();
    Ok(format!(
        "{name} (order {})\n{}",
        t.order,
        exists_text(&r, &e)
    ))
}
