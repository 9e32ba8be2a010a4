//! `plrep gset GROUP --action A`: the G-set, its permutation character and centralizer.

use crate::common::{
    big_json, classes_if_small, group_json, group_name, load_group, to_json, GroupJson,
};
use crate::Format;
use plrep::group::gset::{ActionSpec, GSet};
use plrep::group::{Limits, Perm};
use plrep::{Error, Result};
use serde::Serialize;
use serde_json::Value;
use std::fmt::Write as _;

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
