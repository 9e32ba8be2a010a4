//! `plrep table` and `plrep lattice`: thin wrappers over `plrep::report`.

use crate::common::load_group;
use crate::Format;
use plrep::character::abelian_table::AbelianTable;
use plrep::character::symmetric::{giant_table, MAX_TABLE_DEGREE};
use plrep::character::symmetric_large::{LargeGiantTable, MAX_LARGE_DEGREE};
use plrep::character::{CharacterTable, Method, RealSimples};
use plrep::group::{Limits, PermGroup};
use plrep::report::abelian_table::{abelian_table_json, abelian_table_text};
use plrep::report::giant_table::{
    giant_table_json, giant_table_latex, giant_table_markdown, giant_table_text,
};
use plrep::report::lattice::{lattice_record, lattice_text, normal_lattice};
use plrep::report::table::{table_latex, table_markdown, table_record, table_text, Rows};
use plrep::report::table_stream::TableDoc;
use plrep::{Error, Result};
use std::io::{BufWriter, Write};
use std::path::Path;

fn compute(spec: &str, limits: &Limits) -> Result<(PermGroup, CharacterTable, RealSimples)> {
    compute_for(load_group(spec, limits)?, limits)
}

fn compute_for(
    group: PermGroup,
    limits: &Limits,
) -> Result<(PermGroup, CharacterTable, RealSimples)> {
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
            crate::common::to_json(&table_record(&group, &t, &r, &normal_lattice(&t, &r)))?
        }
        Format::Markdown => table_markdown(&head, &t, &r, rows),
        Format::Latex => table_latex(&head, &t, &r, rows),
        _ => table_text(&head, &t, &r, rows),
    })
}

/// Write `bytes` through `write` to `output` (or standard output; a closed pipe is not
/// an error worth reporting).
fn write_to(
    output: Option<&Path>,
    write: &dyn Fn(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    match output {
        Some(path) => {
            let mut f = std::fs::File::create(path)
                .map_err(|e| Error::Io(format!("cannot write '{}': {e}", path.display())))?;
            write(&mut f).map_err(|e| Error::Io(format!("cannot write '{}': {e}", path.display())))
        }
        None => {
            let _ = write(&mut std::io::stdout().lock());
            Ok(())
        }
    }
}

/// `plrep table` for `S_n`, `A_n` in their natural action with `21 <= n <= 30`: the
/// large combinatorial table ([`LargeGiantTable`]), written as it is formatted. `Ok(false)`
/// (nothing written) for every other group.
pub fn large_table(
    spec: &str,
    real: bool,
    format: Format,
    output: Option<&Path>,
    limits: &Limits,
) -> Result<bool> {
    // Only catalog names of S_n / A_n can be large giants cheaply; others take the
    // ordinary route (which reports n > 20 as before).
    let digits = spec.strip_prefix('S').or_else(|| spec.strip_prefix('A'));
    let n = match digits.and_then(|d| d.parse::<u32>().ok()) {
        Some(n) if n > MAX_TABLE_DEGREE && n <= MAX_LARGE_DEGREE => n,
        _ => return abelian_table(spec, real, format, output, limits),
    };
    format.require(
        "table",
        &[Format::Text, Format::Json, Format::Markdown, Format::Latex],
    )?;
    let group = load_group(spec, limits)?;
    let Some(symmetric) = group.giant() else {
        return Ok(false);
    };
    if real {
        return Err(Error::bad(
            format!("real simples of {spec} are not listed"),
            "beyond n = 20 the table lists the characters only; all of S_n are real",
        ));
    }
    let t = LargeGiantTable::compute(n, symmetric, limits)?;
    let head = format!(
        "Character table of {} (order {}, {} classes, Murnaghan-Nakayama)",
        group.name().unwrap_or("group"),
        t.order,
        t.num_classes()
    );
    write_to(output, &|w: &mut dyn Write| {
        let mut w = BufWriter::with_capacity(1 << 16, w);
        match format {
            Format::Json => giant_table_json(&mut w, &group, &t)?,
            Format::Markdown => giant_table_markdown(&mut w, &head, &t)?,
            Format::Latex => giant_table_latex(&mut w, &head, &t)?,
            _ => giant_table_text(&mut w, &head, &t)?,
        }
        w.flush()
    })?;
    Ok(true)
}

/// `plrep table` for an abelian group as text (complex rows) or JSON: the compact table
/// ([`AbelianTable`], `O(|G|)` words instead of `|G|^2` exact values), written as it is
/// formatted, the same bytes as the ordinary route. `Ok(false)` (nothing written) for
/// every other group and format.
fn abelian_table(
    spec: &str,
    real: bool,
    format: Format,
    output: Option<&Path>,
    limits: &Limits,
) -> Result<bool> {
    if !(format == Format::Json || (format == Format::Text && !real)) {
        return Ok(false);
    }
    let group = load_group(spec, limits)?;
    if !group.is_abelian() || group.giant().is_some() {
        return Ok(false);
    }
    let t = AbelianTable::compute(&group, limits)?;
    let head = format!(
        "Character table of {} (order {}, {} classes, {})",
        group.name().unwrap_or("group"),
        t.classes.order,
        t.num_classes(),
        Method::Abelian
    );
    write_to(output, &|w: &mut dyn Write| {
        let mut w = BufWriter::with_capacity(1 << 16, w);
        match format {
            Format::Json => abelian_table_json(&mut w, &group, &t)?,
            _ => abelian_table_text(&mut w, &head, &t)?,
        }
        w.flush()
    })?;
    Ok(true)
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
        Format::Json => crate::common::to_json(&lattice_record(&group, &t, &r, &l))?,
        Format::Dot => l.drawing(&head).to_dot(),
        Format::Svg => l.drawing(&head).to_svg(),
        Format::Tikz => l.drawing(&head).to_tikz(),
        _ => lattice_text(&head, &t, &r, &l),
    })
}
