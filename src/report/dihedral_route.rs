//! The text of `plrep graph` (and `graph --certify`) on the regular module of a large
//! dihedral or dicyclic group, from the module-free verdicts of `pl::dihedral_graph`
//! (theory.md §20, §23): the same bytes as
//! [`crate::graph::InteractionGraph::to_text`] on the module's graph, from the character
//! table and the residues of the cyclic subgroup of index 2, without the module's action
//! table or solver tables.

use crate::error::Result;
use crate::group::gset::ActionSpec;
use crate::group::{Limits, PermGroup};
use crate::pl::SolverOptions;

/// The text of `plrep graph` on the regular module of a group `<r, t>` with `<r>` cyclic
/// of index 2 inverted by `t` (dihedral, dicyclic), of order at least
/// `ROUTE_MIN_ORDER`, with `certified` the verdicts re-derived by
/// [`crate::pl::certify::check_dihedral`] first. `None` when that does not apply or a
/// pair needs the exact path; then the caller builds the module.
///
/// Errors: `--max-memory-mb` for the character table, checked before it is built (after
/// the classes, `O(|G|)`); those of the table's verification; a failed check.
pub fn dihedral_text(
    group: &PermGroup,
    action: &ActionSpec,
    options: &SolverOptions,
    certified: bool,
    limits: &Limits,
) -> Result<Option<String>> {
    use crate::pl::dihedral_graph::{dihedral_table_bytes, dihedral_verdicts, halving_pair};
    use crate::pl::GroupData;
    use std::fmt::Write;
    let Some(order) = group.order_u64() else {
        return Ok(None);
    };
    // Above --max-points or --max-classes the module path gives its own error; the route
    // needs a positively homogeneous activation with b != 0 and no bias (theory.md §18).
    if *action != ActionSpec::Regular
        || (order as usize) < crate::pl::abelian::ROUTE_MIN_ORDER
        || order > limits.max_points
        || options.bias.is_some()
        || !matches!(options.activation.homogeneous_parts(), Some((_, b)) if !b.is_zero())
    {
        return Ok(None);
    }
    let Some((r, t)) = halving_pair(group) else {
        return Ok(None);
    };
    let (elements, classes) = GroupData::classes(group, limits)?;
    limits.check_memory(dihedral_table_bytes(classes.len()), || {
        format!(
            "the character table of a group of order {order} with {} classes",
            classes.len()
        )
    })?;
    let (Some(ri), Some(ti)) = (elements.index_of(&r), elements.index_of(&t)) else {
        return Ok(None);
    };
    let data = GroupData::from_classes(group, elements, classes)?;
    let Some(v) = dihedral_verdicts(&data, ri, ti, options) else {
        return Ok(None);
    };
    if certified {
        crate::pl::certify::check_dihedral(&data, &v, options)?;
    }
    let mut s = String::new();
    let _ = writeln!(
        s,
        "interaction graph of {} (order {order}) on {action} ({order} points), activation {}, no bias{}",
        group.name_or_generators(),
        options.activation.name(),
        if certified { ", certified" } else { "" }
    );
    super::regular_route::vertex_lines(&mut s, &data);
    let simples = &data.simples.simples;
    for (l, t) in simples.iter().zip(&v.targets) {
        let names: Vec<&str> = t
            .iter()
            .map(|&b| simples[b as usize].label.as_str())
            .collect();
        let _ = writeln!(s, "{} -> {}", l.label, names.join(" "));
    }
    let pairs = simples.len() * simples.len();
    let _ = writeln!(
        s,
        "edges {}, non-edges {}, unresolved 0",
        v.edges(),
        pairs - v.edges()
    );
    Ok(Some(s))
}
