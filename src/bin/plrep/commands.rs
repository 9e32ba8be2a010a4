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
pub(crate) use plrep::group::spec::load_group;

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

#[derive(Serialize)]
struct InfoJson {
    schema: &'static str,
    group: GroupJson,
    exponent: Option<u64>,
    num_classes: Option<usize>,
    is_abelian: bool,
    is_solvable: bool,
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
    let g = load_group(spec)?;
    let classes = classes_if_small(&g, limits)?;
    let solvable = g.is_solvable();
    let abelian = g.is_abelian();
    let exponent = classes.as_ref().map(|(_, c)| c.exponent);
    let num_classes = classes.as_ref().map(|(_, c)| c.len());
    match format {
        Format::Json => to_json(&InfoJson {
            schema: "plrep.info.v1",
            group: group_json(&g),
            exponent,
            num_classes,
            is_abelian: abelian,
            is_solvable: solvable,
        }),
        _ => {
            let skipped = || {
                format!(
                    "not computed (order above --max-order {})",
                    limits.max_order
                )
            };
            let mut s = String::new();
            let _ = writeln!(s, "group       {}", group_name(&g));
            let _ = writeln!(s, "order       {}", g.order());
            let _ = writeln!(s, "degree      {}", g.degree());
            let _ = writeln!(
                s,
                "exponent    {}",
                exponent.map_or_else(skipped, |e| e.to_string())
            );
            let _ = writeln!(
                s,
                "classes     {}",
                num_classes.map_or_else(skipped, |e| e.to_string())
            );
            let _ = writeln!(s, "abelian     {}", yes_no(abelian));
            let _ = writeln!(s, "solvable    {}", yes_no(solvable));
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
    let g = load_group(spec)?;
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
    let g = load_group(spec)?;
    let a = ActionSpec::parse(action)?;
    let x = GSet::new(&g, &a, limits)?;
    let orbits = x.orbits();
    let cent = x.centralizer();
    let hat_order = x.hat_group_order(limits)?;
    let classes = classes_if_small(&g, limits)?;
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
