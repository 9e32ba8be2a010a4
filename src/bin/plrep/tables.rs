//! `plrep table` and `plrep lattice`: thin wrappers over `plrep::report`.

use crate::common::load_group;
use crate::Format;
use plrep::character::symmetric::giant_table;
use plrep::character::{CharacterTable, RealSimples};
use plrep::group::{Limits, PermGroup};
use plrep::report::lattice::{lattice_json, lattice_text, normal_lattice};
use plrep::report::table::{table_json, table_latex, table_markdown, table_text, Rows};
use plrep::report::table_stream::TableDoc;
use plrep::Result;
use std::path::Path;

fn compute(spec: &str, limits: &Limits) -> Result<(PermGroup, CharacterTable, RealSimples)> {
    let group = load_group(spec, limits)?;
    // S_n and A_n in their natural action (proven giants, degree >= 8): the
    // combinatorial table, without enumerating the group.
    let table = match group.giant() {
        Some(symmetric) => giant_table(group.degree() as u32, symmetric, limits.max_classes)?,
        None => CharacterTable::compute(&group, limits)?,
    };
    let real = RealSimples::from_table(&table);
    Ok((group, table, real))
}

fn title(group: &PermGroup, table: &CharacterTable, what: &str) -> String {
    format!(
        "{what} of {} (order {}, {} classes, {})",
        group.name().unwrap_or("group"),
        table.order,
        table.num_classes(),
        table.method
    )
}

/// The character table in the requested format.
pub fn table(spec: &str, real: bool, format: Format, limits: &Limits) -> Result<String> {
    format.require(
        "table",
        &[Format::Text, Format::Json, Format::Markdown, Format::Latex],
    )?;
    let (group, t, r) = compute(spec, limits)?;
    let rows = if real { Rows::Real } else { Rows::Complex };
    let what = if real {
        "Real simples"
    } else {
        "Character table"
    };
    let head = title(&group, &t, what);
    Ok(match format {
        Format::Json => {
            crate::common::to_json(&table_json(&group, &t, &r, &normal_lattice(&t, &r)))?
        }
        Format::Markdown => table_markdown(&head, &t, &r, rows),
        Format::Latex => table_latex(&head, &t, &r, rows),
        _ => table_text(&head, &t, &r, rows),
    })
}

/// `plrep table GROUP --format json`, written to `output` (or standard output) as it is
/// serialised ([`TableDoc`]): the same bytes as the `table_json` document, without the
/// document or its text ever held in memory.
pub fn table_json_streamed(spec: &str, output: Option<&Path>, limits: &Limits) -> Result<()> {
    let (group, t, r) = compute(spec, limits)?;
    let l = normal_lattice(&t, &r);
    let doc = TableDoc {
        group: &group,
        table: &t,
        real: &r,
        lattice: &l,
    };
    crate::common::write_json(&doc, output)
}

/// The normal-subgroup lattice in the requested format.
pub fn lattice(spec: &str, format: Format, limits: &Limits) -> Result<String> {
    format.require("lattice", &Format::DRAWINGS)?;
    let (group, t, r) = compute(spec, limits)?;
    let l = normal_lattice(&t, &r);
    let head = title(&group, &t, "Normal subgroups");
    Ok(match format {
        Format::Json => crate::common::to_json(&lattice_json(&group, &t, &r, &l))?,
        Format::Dot => l.drawing(&head).to_dot(),
        Format::Svg => l.drawing(&head).to_svg(),
        Format::Tikz => l.drawing(&head).to_tikz(),
        _ => lattice_text(&head, &t, &r, &l),
    })
}
