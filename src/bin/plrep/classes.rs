//! `plrep classes GROUP`: the conjugacy classes with their power maps.

use crate::common::{group_json, group_name, load_group, to_json, GroupJson};
use crate::Format;
use plrep::group::{ConjugacyClasses, Limits};
use plrep::Result;
use serde::Serialize;
use std::fmt::Write as _;

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
    let primes = plrep::arith::modp::prime_factors(c.order);
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
                c.order,
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
