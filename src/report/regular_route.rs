//! The text of `plrep graph` on the regular module of a large abelian group, from the
//! module-free verdicts of `pl::cyclic_graph` (theory.md §20): the same bytes as
//! [`crate::graph::InteractionGraph::to_text`] on the module's graph, without the
//! module's action table or solver tables (presentation, so it lives here and not in the
//! binary).

use crate::error::Result;
use crate::group::gset::ActionSpec;
use crate::group::Limits;

/// The text of `plrep graph` on the regular module of a cyclic group of order at least
/// `ROUTE_MIN_ORDER` (the orders where `solve` takes the cyclic route), from the route's
/// verdicts alone, without the module's character table or action table
/// (theory.md §20): the same bytes as the module's graph. `None` when that does not
/// apply or some pair needs the exact path; then the caller builds the module.
///
/// Errors: `--max-memory-mb` for the route's tables, checked before they are built.
pub fn regular_text(
    group: &crate::group::PermGroup,
    action: &ActionSpec,
    options: &crate::pl::SolverOptions,
    limits: &Limits,
) -> Result<Option<String>> {
    use crate::pl::cyclic_graph::{cyclic_verdict_bytes, cyclic_verdicts, is_cyclic};
    use std::fmt::Write;
    let Some(n) = group.order_u64() else {
        return Ok(None);
    };
    // Above --max-points or --max-classes the module path gives its own error.
    if *action != ActionSpec::Regular
        || (n as usize) < crate::pl::abelian::ROUTE_MIN_ORDER
        || n > limits.max_points
        || n as usize > limits.max_classes
        || options.bias.is_some()
    {
        return Ok(None);
    }
    if !is_cyclic(group) {
        return abelian_text(group, action, options, limits);
    }
    limits.check_memory(cyclic_verdict_bytes(n), || {
        format!("the cyclic route's residue tables and edges for the regular module of order {n}")
    })?;
    let Some(v) = cyclic_verdicts(n, options) else {
        return Ok(None);
    };
    let name = group.name_or_generators();
    let mut s = String::new();
    let _ = writeln!(
        s,
        "interaction graph of {name} (order {n}) on {action} ({n} points), activation {}, no bias",
        options.activation.name()
    );
    for k in 0..v.simples() as u64 {
        let (dim, real, ker) = v.simple(k);
        let kind = if real { "real" } else { "complex" };
        let _ = writeln!(s, "  L{k}: dim {dim}, multiplicity 1, {kind}, |ker| {ker}");
    }
    for (k, t) in v.targets.iter().enumerate() {
        let _ = write!(s, "L{k} -> ");
        for (i, j) in t.iter().enumerate() {
            let _ = write!(s, "{}L{j}", if i == 0 { "" } else { " " });
        }
        s.push('\n');
    }
    let (pairs, edges) = (v.simples() * v.simples(), v.edges());
    let _ = writeln!(
        s,
        "edges {edges}, non-edges {}, unresolved 0",
        pairs - edges
    );
    Ok(Some(s))
}

/// The text of `plrep graph` on the regular module of a non-cyclic abelian group of
/// order at least `ROUTE_MIN_ORDER` (theory.md §20): the character table and real
/// simples (for the labels), no action table, orbitals or solver tables. `None` when that
/// does not apply or some pair needs the exact path.
///
/// Errors: `--max-memory-mb` for the table, checked before it is built; those of the
/// table's verification.
fn abelian_text(
    group: &crate::group::PermGroup,
    action: &ActionSpec,
    options: &crate::pl::SolverOptions,
    limits: &Limits,
) -> Result<Option<String>> {
    use crate::pl::cyclic_graph::{abelian_table_bytes, abelian_verdicts, is_abelian};
    use crate::pl::GroupData;
    use std::fmt::Write;
    if !is_abelian(group) {
        return Ok(None);
    }
    let (elements, classes) = GroupData::classes(group, limits)?;
    let n = elements.len() as u64;
    limits.check_memory(abelian_table_bytes(n), || {
        format!("the character table of an abelian group of order {n}")
    })?;
    let data = GroupData::from_classes(group, elements, classes)?;
    let Some(targets) = abelian_verdicts(&data, options) else {
        return Ok(None);
    };
    let mut s = String::new();
    let _ = writeln!(
        s,
        "interaction graph of {} (order {n}) on {action} ({n} points), activation {}, no bias",
        group.name_or_generators(),
        options.activation.name()
    );
    let simples = &data.simples.simples;
    for l in simples {
        let ker: u64 = l.kernel.iter().map(|&c| data.classes.sizes[c]).sum();
        let _ = writeln!(
            s,
            "  {}: dim {}, multiplicity {}, {}, |ker| {ker}",
            l.label,
            l.dim,
            l.regular_multiplicity(),
            l.kind.name()
        );
    }
    let mut edges = 0;
    for (l, t) in simples.iter().zip(&targets) {
        let names: Vec<&str> = t
            .iter()
            .map(|&b| simples[b as usize].label.as_str())
            .collect();
        let _ = writeln!(s, "{} -> {}", l.label, names.join(" "));
        edges += t.len();
    }
    let pairs = simples.len() * simples.len();
    let _ = writeln!(
        s,
        "edges {edges}, non-edges {}, unresolved 0",
        pairs - edges
    );
    Ok(Some(s))
}
