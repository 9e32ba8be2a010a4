//! `plrep info GROUP` and `plrep info --list`: the group's invariants, or the catalog.

use crate::common::{
    big_json, classes_if_small, group_json, group_name, load_group, to_json, GroupJson,
};
use crate::Format;
use num_bigint::BigUint;
use plrep::group::catalog::{self, catalog_names};
use plrep::group::{Limits, PermGroup};
use plrep::{Error, LimitKind, Result};
use serde::Serialize;
use serde_json::Value;
use std::fmt::Write as _;

fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

/// Largest degree at which `info` runs the derived series when no cheap argument
/// decides solvability (the normal closures' deterministic verification grows like
/// the square of the degree).
const INFO_DERIVED_SERIES_DEGREE: usize = 1024;
/// Largest degree at which `info` runs the derived series whatever the order (the
/// deterministic chains of small degrees are fast even for large orders).
const INFO_DERIVED_SERIES_ANY_ORDER: usize = 64;

/// What `info` reports beyond the order: each value, or why it was not computed.
struct InfoInvariants {
    exponent: std::result::Result<BigUint, String>,
    num_classes: std::result::Result<BigUint, String>,
    solvable: std::result::Result<bool, String>,
}

/// Exponent, class number and solvability, never enumerating above `--max-order`:
/// cheap methods first (abelian groups, giants, 2-transitive or perfect groups), then
/// the conjugacy classes when the order and the tables fit, else "not computed".
fn info_invariants(g: &PermGroup, limits: &Limits) -> Result<InfoInvariants> {
    let above_order = || format!("order above --max-order {}", limits.max_order);
    let mut exponent = g.exponent_cheaply().ok_or_else(above_order);
    let mut num_classes = g.class_count_cheaply().ok_or_else(above_order);
    if exponent.is_err() || num_classes.is_err() {
        match classes_if_small(g, limits) {
            Ok(Some((_, c))) => {
                exponent = Ok(BigUint::from(c.exponent));
                num_classes = Ok(BigUint::from(c.len()));
            }
            Ok(None) => {}
            // The tables do not fit: report it instead of failing the whole command.
            Err(Error::Limit {
                kind: LimitKind::MemoryMb,
                ..
            }) => {
                let why = format!(
                    "enumeration tables above --max-memory-mb {}",
                    limits.max_memory_mb
                );
                exponent = exponent.map_err(|_| why.clone());
                num_classes = num_classes.map_err(|_| why);
            }
            Err(e) => return Err(e),
        }
    }
    let small = g.order_u64().is_some_and(|o| o <= limits.max_order);
    let solvable = match g.is_solvable_cheaply() {
        Some(b) => Ok(b),
        None if g.degree() <= INFO_DERIVED_SERIES_ANY_ORDER
            || (small && g.degree() <= INFO_DERIVED_SERIES_DEGREE) =>
        {
            Ok(g.is_solvable())
        }
        None if !small => Err(format!("derived series skipped: {}", above_order())),
        None => Err(format!(
            "derived series skipped: degree above {INFO_DERIVED_SERIES_DEGREE}"
        )),
    };
    Ok(InfoInvariants {
        exponent,
        num_classes,
        solvable,
    })
}

#[derive(Serialize)]
struct InfoJson {
    schema: &'static str,
    group: GroupJson,
    exponent: Option<Value>,
    num_classes: Option<Value>,
    is_abelian: bool,
    is_solvable: Option<bool>,
}

#[derive(Serialize)]
struct CatalogJson {
    schema: &'static str,
    entries: Vec<CatalogEntryJson>,
}

#[derive(Serialize)]
struct CatalogEntryJson {
    name: String,
    aliases: Vec<String>,
    description: String,
}

/// `plrep info GROUP` and `plrep info --list`.
pub fn info(spec: Option<&str>, list: bool, format: Format, limits: &Limits) -> Result<String> {
    format.require("info", &[Format::Text, Format::Json])?;
    if list {
        return catalog_listing(format);
    }
    let spec = spec
        .ok_or_else(|| Error::bad("no GROUP given", "e.g. plrep info S4, or plrep info --list"))?;
    let g = load_group(spec, limits)?;
    let inv = info_invariants(&g, limits)?;
    let abelian = g.is_abelian();
    match format {
        Format::Json => to_json(&InfoJson {
            schema: "plrep.info.v1",
            group: group_json(&g),
            exponent: inv.exponent.as_ref().ok().map(big_json),
            num_classes: inv.num_classes.as_ref().ok().map(big_json),
            is_abelian: abelian,
            is_solvable: inv.solvable.as_ref().ok().copied(),
        }),
        _ => {
            let shown = |r: &std::result::Result<BigUint, String>| match r {
                Ok(v) => v.to_string(),
                Err(why) => format!("not computed ({why})"),
            };
            let mut s = String::new();
            let _ = writeln!(s, "group       {}", group_name(&g));
            let _ = writeln!(s, "order       {}", g.order());
            let _ = writeln!(s, "degree      {}", g.degree());
            let _ = writeln!(s, "exponent    {}", shown(&inv.exponent));
            let _ = writeln!(s, "classes     {}", shown(&inv.num_classes));
            let _ = writeln!(s, "abelian     {}", yes_no(abelian));
            let solvable = match &inv.solvable {
                Ok(b) => yes_no(*b).to_string(),
                Err(why) => format!("not computed ({why})"),
            };
            let _ = writeln!(s, "solvable    {solvable}");
            let gens: Vec<String> = g.generators().iter().map(|p| p.to_string()).collect();
            let _ = writeln!(s, "generators  {}", gens.join(", "));
            Ok(s)
        }
    }
}

fn catalog_listing(format: Format) -> Result<String> {
    let entries = catalog_names();
    match format {
        Format::Json => to_json(&CatalogJson {
            schema: "plrep.catalog.v1",
            entries: entries
                .into_iter()
                .map(|e| CatalogEntryJson {
                    name: e.name,
                    aliases: e.aliases,
                    description: e.description,
                })
                .collect(),
        }),
        _ => {
            let width = entries.iter().map(|e| e.name.len()).max().unwrap_or(0);
            let mut s = String::new();
            for e in entries {
                let aliases = if e.aliases.is_empty() {
                    String::new()
                } else {
                    format!(" (also {})", e.aliases.join(", "))
                };
                let _ = writeln!(s, "{:width$}  {}{aliases}", e.name, e.description);
            }
            let _ = writeln!(
                s,
                "\nNamed groups are embedded from data/groups/ (provenance in data/PROVENANCE.md); families up to degree {}.",
                catalog::MAX_CATALOG_DEGREE
            );
            Ok(s)
        }
    }
}
