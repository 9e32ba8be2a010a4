//! `plrep subgroups` and `plrep enumerate` (thin wrappers over
//! `plrep::group::subgroups` and `plrep::enumerate`).

use crate::activation::ActivationOpts;
use crate::common::{load_group, to_json};
use crate::Format;
use plrep::enumerate::Enumeration;
use plrep::group::subgroups::SubgroupClasses;
use plrep::group::{ConjugacyClasses, Limits};
use plrep::report::columns::aligned;
use plrep::report::enumeration::{enumeration_latex, enumeration_markdown, enumeration_text};
use plrep::report::names::count;
use plrep::Result;

fn perms(p: &[plrep::group::Perm]) -> Vec<String> {
    p.iter().map(|g| g.to_string()).collect()
}

/// `plrep subgroups GROUP`: the conjugacy classes of subgroups.
pub(crate) fn subgroups(group: &str, format: Format, limits: &Limits) -> Result<String> {
    format.require("subgroups", &[Format::Text, Format::Json])?;
    let g = load_group(group, limits)?;
    let e = g.enumerate(limits)?;
    let c = ConjugacyClasses::try_compute(&e, g.generators())?;
    let s = SubgroupClasses::compute(&g, &e, &c, limits)?;
    let name = g.name().unwrap_or(group).to_string();
    if format == Format::Json {
        use plrep::record::subgroups::{
            SubgroupClassRecord, SubgroupsGroupRecord, SubgroupsRecord, SUBGROUPS_SCHEMA,
        };
        return to_json(&SubgroupsRecord {
            classes: s.classes.len(),
            group: SubgroupsGroupRecord {
                generators: perms(g.generators()),
                name,
                order: e.len(),
            },
            schema: SUBGROUPS_SCHEMA.to_string(),
            subgroup_classes: s
                .classes
                .iter()
                .enumerate()
                .map(|(i, h)| SubgroupClassRecord {
                    conjugates: h.length,
                    generators: perms(&h.generators),
                    index: h.index,
                    label: Enumeration::subgroup_label(i),
                    normal: h.is_normal(),
                    normalizer_generators: perms(&h.normalizer_generators),
                    normalizer_order: h.normalizer_order,
                    order: h.order,
                })
                .collect(),
            subgroups: s.subgroup_count(),
        });
    }
    let rows: Vec<Vec<String>> = s
        .classes
        .iter()
        .enumerate()
        .map(|(i, h)| {
            vec![
                Enumeration::subgroup_label(i),
                h.order.to_string(),
                h.index.to_string(),
                h.normalizer_order.to_string(),
                h.length.to_string(),
                if h.is_normal() { "yes" } else { "" }.to_string(),
                if h.generators.is_empty() {
                    "()".into()
                } else {
                    perms(&h.generators).join(", ")
                },
            ]
        })
        .collect();
    Ok(format!(
        "{} of subgroups of {name} (order {}), {} in all\n\n{}",
        count(s.classes.len() as u64, "class", "classes"),
        e.len(),
        count(s.subgroup_count(), "subgroup", "subgroups"),
        aligned(
            &[
                "H",
                "|H|",
                "|G:H|",
                "|N(H)|",
                "conjugates",
                "normal",
                "generators"
            ],
            &rows,
            |j| (1..=4).contains(&j),
        )
    ))
}

/// `plrep enumerate GROUP`: every transitive module with its certified graph.
pub(crate) fn enumerate(
    group: &str,
    solver: &ActivationOpts,
    format: Format,
    limits: &Limits,
) -> Result<String> {
    format.require(
        "enumerate",
        &[Format::Text, Format::Json, Format::Markdown, Format::Latex],
    )?;
    let options = solver.solver_options()?;
    let g = load_group(group, limits)?;
    let e = Enumeration::compute(&g, &options, limits)?;
    Ok(match format {
        Format::Json => to_json(&e.to_record())?,
        Format::Markdown => enumeration_markdown(&e),
        Format::Latex => enumeration_latex(&e),
        _ => enumeration_text(&e),
    })
}
