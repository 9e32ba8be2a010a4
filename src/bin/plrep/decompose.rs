//! `plrep decompose`: the isotypic energies of the rows of an `N x |X|` float `.npy`
//! array (activations or weights; rows are vectors of `R^X`).

use crate::common::{load_group, to_json};
use crate::Format;
use plrep::group::gset::ActionSpec;
use plrep::group::Limits;
use plrep::pl::export::{decompose as energies, isotypic_parts};
use plrep::pl::{check_module_size, PlModule};
use plrep::record::decompose::{
    DecomposeRecord, DecomposeSimpleRecord, RowEnergyRecord, DECOMPOSE_SCHEMA,
};
use plrep::report::npy;
use plrep::{Error, LimitKind, Result};
use std::fmt::Write as _;
use std::path::Path;

/// `plrep decompose`.
pub(crate) fn decompose(
    group: &str,
    action: &str,
    input: &Path,
    format: Format,
    limits: &Limits,
) -> Result<String> {
    format.require("decompose", &[Format::Text, Format::Json, Format::Markdown])?;
    let action_spec = ActionSpec::parse(action)?;
    let g = load_group(group, limits)?;
    check_module_size(&g, &action_spec, limits)?;
    // The size cap comes before the file is read into memory.
    let max_bytes = limits.max_memory_mb.saturating_mul(1 << 20);
    let size = std::fs::metadata(input)
        .map_err(|e| Error::Io(format!("cannot read '{}': {e}", input.display())))?
        .len();
    if size > max_bytes {
        return Err(Error::limit(
            format!("the {size}-byte file '{}'", input.display()),
            format!("{} MiB", limits.max_memory_mb),
            LimitKind::MemoryMb,
        ));
    }
    let bytes = std::fs::read(input)
        .map_err(|e| Error::Io(format!("cannot read '{}': {e}", input.display())))?;
    let array = npy::decode(&bytes, max_bytes / 8).map_err(|e| match e {
        Error::BadInput { what, hint } => Error::bad(format!("{}: {what}", input.display()), hint),
        other => other,
    })?;
    drop(bytes);
    let m = PlModule::new(&g, &action_spec, limits)?;
    let parts = isotypic_parts(&m);
    let d = energies(&parts, &array.data, &array.shape)?;
    let k = d.labels.len();
    let name = g.name().unwrap_or("group").to_string();
    let total: f64 = d.totals.iter().sum();
    let share = |e: f64| if total > 0.0 { e / total } else { 0.0 };
    let dims: Vec<(u64, u64)> = parts.iter().map(|p| (p.dim, p.multiplicity)).collect();
    Ok(match format {
        Format::Json => {
            to_json(&DecomposeRecord {
                action: action_spec.to_string(),
                energy_of_row: (0..d.rows)
                    .map(|r| RowEnergyRecord {
                        energy: d.energy[r * k..(r + 1) * k].to_vec(),
                        norm2: d.norms[r],
                    })
                    .collect(),
                group: name.clone(),
                note: "energy of row v in simple L is ||P_L v||^2 in float64 with the exact projectors rounded to float64; the energies of a row sum to ||v||^2".to_string(),
                points: m.points(),
                rows: d.rows,
                schema: DECOMPOSE_SCHEMA.to_string(),
                shares: d.totals.iter().map(|&e| share(e)).collect(),
                simples: parts
                    .iter()
                    .map(|p| DecomposeSimpleRecord {
                        dim: p.dim,
                        label: p.label.clone(),
                        multiplicity: p.multiplicity,
                    })
                    .collect(),
                totals: d.totals.clone(),
            })?
        }
        Format::Markdown => {
            let mut s = format!(
                "Isotypic energies of {} rows of R^X, {name} on {action_spec} (|X| = {})\n\n| row | ‖v‖² |",
                d.rows,
                m.points()
            );
            for (l, (dim, mult)) in d.labels.iter().zip(&dims) {
                let _ = write!(s, " {l} (dim {dim}, ×{mult}) |");
            }
            s.push_str("\n|---:|---:|");
            s.push_str(&"---:|".repeat(k));
            s.push('\n');
            for r in 0..d.rows {
                let _ = write!(s, "| {} | {:.6} |", r + 1, d.norms[r]);
                for j in 0..k {
                    let _ = write!(s, " {:.6} |", d.energy[r * k + j]);
                }
                s.push('\n');
            }
            let _ = write!(s, "| total | {total:.6} |");
            for e in &d.totals {
                let _ = write!(s, " {e:.6} |");
            }
            s.push_str("\n| share | 1 |");
            for e in &d.totals {
                let _ = write!(s, " {:.4} |", share(*e));
            }
            s.push('\n');
            s
        }
        _ => {
            let mut s = format!(
                "isotypic energies ||P_L v||^2 of {} rows, {name} on {action_spec} (|X| = {}; float64)\n",
                d.rows,
                m.points()
            );
            let _ = write!(s, "{:>6} {:>14}", "row", "norm^2");
            for l in &d.labels {
                let _ = write!(s, " {l:>14}");
            }
            s.push('\n');
            for r in 0..d.rows {
                let _ = write!(s, "{:>6} {:>14.6}", r + 1, d.norms[r]);
                for j in 0..k {
                    let _ = write!(s, " {:>14.6}", d.energy[r * k + j]);
                }
                s.push('\n');
            }
            let _ = write!(s, "{:>6} {total:>14.6}", "total");
            for e in &d.totals {
                let _ = write!(s, " {e:>14.6}");
            }
            s.push('\n');
            let _ = write!(s, "{:>6} {:>14}", "share", "1");
            for e in &d.totals {
                let _ = write!(s, " {:>14.4}", share(*e));
            }
            s.push('\n');
            s
        }
    })
}
