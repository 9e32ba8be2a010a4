//! The commands: each returns the complete output text (the caller prints or writes it),
//! so that output is produced only after every computation succeeded.

use crate::Format;
use num_bigint::BigUint;
use num_traits::ToPrimitive;
use plrep::group::catalog::{self, catalog_names};
use plrep::group::gset::{ActionSpec, GSet};
use plrep::group::{ConjugacyClasses, Limits, Perm, PermGroup};
use plrep::{Error, Result};
use serde::Serialize;
use serde_json::Value;
use std::fmt::Write as _;

/// Resolve GROUP (the library's [`plrep::group::spec::load_group`]).
pub(crate) use plrep::group::spec::load_group_within as load_group;

/// An order as a JSON number when it fits in a `u64`, else as a decimal string.
fn big_json(n: &BigUint) -> Value {
    match n.to_u64() {
        Some(v) => Value::from(v),
        None => Value::from(n.to_string()),
    }
}

#[derive(Serialize)]
pub(crate) struct GroupJson {
    name: String,
    order: Value,
    degree: usize,
    generators: Vec<String>,
}

pub(crate) fn group_json(g: &PermGroup) -> GroupJson {
    GroupJson {
        name: group_name(g),
        order: big_json(&g.order()),
        degree: g.degree(),
        generators: g.generators().iter().map(|p| p.to_string()).collect(),
    }
}

fn group_name(g: &PermGroup) -> String {
    g.name().unwrap_or("group").to_string()
}

/// Pretty JSON with a final newline: the one JSON writer of the command line.
pub(crate) fn to_json<T: Serialize>(doc: &T) -> Result<String> {
    serde_json::to_string_pretty(doc)
        .map(|s| s + "\n")
        .map_err(|e| Error::verification(format!("JSON serialisation failed: {e}")))
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

/// Classes of the group if its order is within `--max-order`, else `None`.
fn classes_if_small(
    g: &PermGroup,
    limits: &Limits,
) -> Result<Option<(plrep::group::EnumeratedGroup, ConjugacyClasses)>> {
    match g.order_u64() {
        Some(o) if o <= limits.max_order => {
            let e = g.enumerate(limits)?;
            let c = ConjugacyClasses::compute(&e, g.generators());
            Ok(Some((e, c)))
        }
        _ => Ok(None),
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
            Err(Error::Limit { flag, .. }) if flag == "--max-memory-mb" => {
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

#[derive(Serialize)]
struct ClassJson {
    rep: String,
    size: u64,
    order: u64,
    centralizer_order: u64,
    inverse: usize,
}

#[derive(Serialize)]
struct PowerMapJson {
    prime: u64,
    map: Vec<usize>,
}

#[derive(Serialize)]
struct ClassesJson {
    schema: &'static str,
    group: GroupJson,
    exponent: u64,
    classes: Vec<ClassJson>,
    power_maps: Vec<PowerMapJson>,
}

/// `plrep classes GROUP`.
pub fn classes(spec: &str, format: Format, limits: &Limits) -> Result<String> {
    format.require("classes", &[Format::Text, Format::Json])?;
    let g = load_group(spec, limits)?;
    let e = g.enumerate(limits)?;
    let c = ConjugacyClasses::compute(&e, g.generators());
    let primes = plrep::arith::modp::prime_factors(c.group_order);
    let maps: Vec<Vec<usize>> = primes.iter().map(|&p| c.power_map(&e, p as i64)).collect();
    let inverse = c.inverse_classes(&e);
    match format {
        Format::Json => to_json(&ClassesJson {
            schema: "plrep.classes.v1",
            group: group_json(&g),
            exponent: c.exponent,
            classes: (0..c.len())
                .map(|i| ClassJson {
                    rep: c.reps[i].to_string(),
                    size: c.sizes[i],
                    order: c.orders[i],
                    centralizer_order: c.centralizer_orders[i],
                    inverse: inverse[i],
                })
                .collect(),
            power_maps: primes
                .iter()
                .zip(&maps)
                .map(|(&prime, m)| PowerMapJson {
                    prime,
                    map: m.clone(),
                })
                .collect(),
        }),
        _ => {
            let mut s = String::new();
            let _ = writeln!(
                s,
                "{}: order {}, degree {}, exponent {}, {} classes\n",
                group_name(&g),
                c.group_order,
                g.degree(),
                c.exponent,
                c.len()
            );
            let mut header = vec![
                "#".to_string(),
                "size".into(),
                "order".into(),
                "|C(g)|".into(),
            ];
            header.extend(primes.iter().map(|p| format!("{p}P")));
            header.push("representative".into());
            let rows: Vec<Vec<String>> = (0..c.len())
                .map(|i| {
                    let mut r = vec![
                        i.to_string(),
                        c.sizes[i].to_string(),
                        c.orders[i].to_string(),
                        c.centralizer_orders[i].to_string(),
                    ];
                    r.extend(maps.iter().map(|m| m[i].to_string()));
                    r.push(c.reps[i].to_string());
                    r
                })
                .collect();
            s.push_str(&table(&header, &rows));
            let _ = writeln!(
                s,
                "\nClasses are numbered from 0; column pP gives the class of g^p."
            );
            Ok(s)
        }
    }
}

/// A right-aligned text table; the last column is left-aligned (representatives).
fn table(header: &[String], rows: &[Vec<String>]) -> String {
    // Right-aligned numbers, the last column (a permutation or a list) left as is.
    plrep::report::columns::aligned(header, rows, |j| j + 1 != header.len())
}

#[derive(Serialize)]
struct ActionJson {
    spec: String,
    points: usize,
}

#[derive(Serialize)]
struct ClassBrief {
    rep: String,
    size: u64,
    order: u64,
}

#[derive(Serialize)]
struct GsetJson {
    schema: &'static str,
    group: GroupJson,
    action: ActionJson,
    labels: Vec<String>,
    generators: Vec<String>,
    orbits: Vec<Vec<usize>>,
    classes: Option<Vec<ClassBrief>>,
    permutation_character: Option<Vec<u64>>,
    centralizer: CentralizerJson,
    hat_group: HatJson,
}

#[derive(Serialize)]
struct HatJson {
    order: Value,
}

#[derive(Serialize)]
struct CentralizerJson {
    order: Value,
    generators: Vec<String>,
    /// Orbits (indices into "orbits") grouped into isomorphism classes of G-sets.
    orbit_classes: Vec<Vec<usize>>,
    /// |N_G(H)/H| for one orbit G/H of each class.
    orbit_centralizer_orders: Vec<u64>,
}

/// `plrep gset GROUP --action A`.
pub fn gset(spec: &str, action: &str, format: Format, limits: &Limits) -> Result<String> {
    format.require("gset", &[Format::Text, Format::Json])?;
    let g = load_group(spec, limits)?;
    let a = ActionSpec::parse(action)?;
    let x = GSet::new(&g, &a, limits)?;
    let orbits = x.orbits();
    let cent = x.centralizer();
    let hat_order = x.hat_group_order(limits)?;
    // Too large to enumerate within --max-memory-mb: the G-set without its permutation
    // character, not a failure of the whole command.
    let classes = match classes_if_small(&g, limits) {
        Err(Error::Limit { .. }) => None,
        other => other?,
    };
    let pchar = match &classes {
        Some((_, c)) => Some(x.permutation_character(c)?),
        None => None,
    };
    let perm_strings = |ps: &[Perm]| ps.iter().map(|p| p.to_string()).collect::<Vec<_>>();
    match format {
        Format::Json => to_json(&GsetJson {
            schema: "plrep.gset.v1",
            group: group_json(&g),
            action: ActionJson {
                spec: a.to_string(),
                points: x.len(),
            },
            labels: x.labels().to_vec(),
            generators: perm_strings(x.generators()),
            orbits,
            classes: classes.as_ref().map(|(_, c)| {
                (0..c.len())
                    .map(|i| ClassBrief {
                        rep: c.reps[i].to_string(),
                        size: c.sizes[i],
                        order: c.orders[i],
                    })
                    .collect()
            }),
            permutation_character: pchar,
            centralizer: CentralizerJson {
                order: big_json(&cent.order),
                generators: perm_strings(&cent.generators),
                orbit_classes: cent.orbit_classes.clone(),
                orbit_centralizer_orders: cent.orbit_centralizer_orders.clone(),
            },
            hat_group: HatJson {
                order: big_json(&hat_order),
            },
        }),
        _ => {
            let mut s = String::new();
            let _ = writeln!(
                s,
                "group        {} (order {}, degree {})",
                group_name(&g),
                g.order(),
                g.degree()
            );
            let _ = writeln!(s, "action       {a}");
            let _ = writeln!(s, "points       {}", x.len());
            let sizes: Vec<String> = orbits.iter().map(|o| o.len().to_string()).collect();
            let _ = writeln!(
                s,
                "orbits       {} (sizes {}){}",
                orbits.len(),
                sizes.join(", "),
                if orbits.len() == 1 {
                    ", transitive"
                } else {
                    ""
                }
            );
            match &pchar {
                Some(p) => {
                    let v: Vec<String> = p.iter().map(|v| v.to_string()).collect();
                    let _ = writeln!(
                        s,
                        "pi_X         {}   (fixed points on classes 0..{}, see plrep classes)",
                        v.join(" "),
                        p.len() - 1
                    );
                }
                None => {
                    let _ = writeln!(
                        s,
                        "pi_X         not computed (order above --max-order {})",
                        limits.max_order
                    );
                }
            }
            let _ = writeln!(
                s,
                "|C|          {}   (C = centralizer of G in Sym(X))",
                cent.order
            );
            let _ = writeln!(s, "|<G,C>|      {hat_order}");
            if !cent.generators.is_empty() && x.len() <= 200 {
                let _ = writeln!(
                    s,
                    "C generated  {}",
                    perm_strings(&cent.generators).join(", ")
                );
            }
            if x.len() <= 200 {
                let pts: Vec<String> = x
                    .labels()
                    .iter()
                    .enumerate()
                    .map(|(i, l)| format!("{}={l}", i + 1))
                    .collect();
                let _ = writeln!(s, "points of X  {}", pts.join(" "));
            }
            Ok(s)
        }
    }
}
