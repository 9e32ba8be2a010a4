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
/// (theory.md §20): the same bytes as the module's graph. With `certify` every verdict
/// is re-derived by the independent checker ([`crate::pl::check_cyclic`]) first and the
/// header says `certified`, as the module's certified graph does (a non-cyclic abelian
/// group is certified through its cyclic quotients, theory.md §25). `None` when that does not apply or some pair
/// needs the exact path; then the caller builds the module.
///
/// Errors: `--max-memory-mb` for the route's (and the checker's) tables, checked before
/// they are built; a verdict the checker rejects (verification: no text).
pub fn regular_text(
    group: &crate::group::PermGroup,
    action: &ActionSpec,
    options: &crate::pl::SolverOptions,
    certify: bool,
    limits: &Limits,
) -> Result<Option<String>> {
    use std::fmt::Write;
    let Some(n) = group.order_u64() else {
        return Ok(None);
    };
    if !applies(n, action, options, limits) {
        return Ok(None);
    }
    if !crate::pl::cyclic_graph::is_cyclic(group) {
        if certify {
            return certified_abelian_text(group, action, options, limits);
        }
        return abelian_text(group, action, options, limits);
    }
    let Some(v) = cyclic_route(n, options, certify, limits)? else {
        return Ok(None);
    };
    let name = group.name_or_generators();
    let mut s = String::new();
    let _ = writeln!(
        s,
        "interaction graph of {name} (order {n}) on {action} ({n} points), activation {}, no bias{}",
        options.activation.name(),
        if certify { ", certified" } else { "" }
    );
    for k in 0..v.simples() {
        let (dim, real, ker) = v.vertex(k);
        let kind = if real { "real" } else { "complex" };
        let _ = writeln!(s, "  L{k}: dim {dim}, multiplicity 1, {kind}, |ker| {ker}");
    }
    for (k, t) in v.targets().iter().enumerate() {
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

/// Whether the module-free routes apply: the regular action, order at least
/// `ROUTE_MIN_ORDER` and within `--max-points` and `--max-classes` (above them the module
/// path gives its own error), no bias.
fn applies(
    n: u64,
    action: &ActionSpec,
    options: &crate::pl::SolverOptions,
    limits: &Limits,
) -> bool {
    *action == ActionSpec::Regular
        && (n as usize) >= crate::pl::abelian::ROUTE_MIN_ORDER
        && n <= limits.max_points
        && n as usize <= limits.max_classes
        && options.bias.is_none()
}

/// The verdicts of the module-free cyclic route, checked when `certify`.
pub(crate) enum Verdicts {
    /// As the search gave them.
    Search(crate::pl::CyclicVerdicts),
    /// Re-derived by the independent checker.
    Certified(Box<crate::pl::CertifiedCyclic>),
}

impl Verdicts {
    fn claim(&self) -> &crate::pl::CyclicVerdicts {
        match self {
            Verdicts::Search(v) => v,
            Verdicts::Certified(c) => c.verdicts(),
        }
    }

    /// The number of simples.
    pub(crate) fn simples(&self) -> usize {
        self.claim().simples()
    }

    /// The number of edges.
    pub(crate) fn edges(&self) -> usize {
        self.claim().edges()
    }

    /// The targets of every source.
    pub(crate) fn targets(&self) -> &[Vec<u32>] {
        &self.claim().targets
    }

    /// `(dim, real, |ker|)` of `L_k` (the checker's when certified).
    pub(crate) fn vertex(&self, k: usize) -> (u64, bool, u64) {
        match self {
            Verdicts::Search(v) => v.simple(k as u64),
            Verdicts::Certified(c) => c.vertex(k),
        }
    }
}

/// Run the module-free cyclic route on `C_n` (and with `certify` its checker), after
/// checking the memory of both against `--max-memory-mb`. `None` when some pair needs
/// the exact path.
pub(crate) fn cyclic_route(
    n: u64,
    options: &crate::pl::SolverOptions,
    certify: bool,
    limits: &Limits,
) -> Result<Option<Verdicts>> {
    use crate::pl::cyclic_graph::{cyclic_verdict_bytes, cyclic_verdicts, MAX_TRIES};
    let checker = if certify {
        crate::pl::certify::check_cyclic_bytes(n, MAX_TRIES)
    } else {
        0
    };
    limits.check_memory(cyclic_verdict_bytes(n) + checker, || {
        format!("the cyclic route's residue tables and edges for the regular module of order {n}")
    })?;
    let Some(v) = cyclic_verdicts(n, options) else {
        return Ok(None);
    };
    Ok(Some(if certify {
        let c = crate::pl::check_cyclic(v, &options.activation, options.bias.as_ref())?;
        Verdicts::Certified(Box::new(c))
    } else {
        Verdicts::Search(v)
    }))
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
    vertex_lines(&mut s, &data);
    let simples = &data.simples.simples;
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

/// The certified text of `plrep graph --certify` on the regular module of a non-cyclic
/// abelian group of order at least `ROUTE_MIN_ORDER` (theory.md §25): the compact
/// character table (exponents, no exact value), the claim of
/// [`crate::pl::cyclic_graph::compact_abelian_verdicts`], and every verdict and vertex
/// re-derived by [`crate::pl::certify::check_abelian_quotients`] before a byte is
/// written: the bytes of the module's certified graph. `None` when the group is not
/// abelian or some pair needs the exact path.
///
/// Errors: `--max-memory-mb` for the table, the claim and the checker, checked before
/// each is built; those of the table's verification; a claim the checker rejects.
fn certified_abelian_text(
    group: &crate::group::PermGroup,
    action: &ActionSpec,
    options: &crate::pl::SolverOptions,
    limits: &Limits,
) -> Result<Option<String>> {
    use crate::character::abelian_real::abelian_real_simples;
    use crate::character::abelian_table::AbelianTable;
    use crate::pl::certify::{check_abelian_quotients, check_abelian_quotients_bytes};
    use crate::pl::cyclic_graph::{
        compact_abelian_claim_bytes, compact_abelian_verdicts, is_abelian, MAX_TRIES,
    };
    use crate::pl::GroupData;
    use std::fmt::Write;
    // A linear or non-homogeneous activation has no residue route: the module path.
    if !is_abelian(group) || options.activation.slopes().is_none() {
        return Ok(None);
    }
    let (elements, classes) = GroupData::classes(group, limits)?;
    let n = elements.len() as u64;
    // The kernel lists of the simples: at most one entry per character and element of
    // its kernel, sum_g |G|/ord(g), twice (ker and ker^-).
    let kernels: u128 = classes
        .data
        .orders
        .iter()
        .map(|&o| 16 * (n / o.max(1)) as u128)
        .sum();
    let r = group.generators().len() as u64;
    limits.check_memory(kernels + 64 * n as u128 * (r as u128 + 8), || {
        format!("the compact character table of an abelian group of order {n}")
    })?;
    let gens: Vec<usize> = group
        .generators()
        .iter()
        .map(|s| elements.index_of(s).map(|i| classes.class_of[i] as usize))
        .collect::<Option<_>>()
        .ok_or_else(|| crate::error::Error::verification("a generator is not in the group"))?;
    let table = AbelianTable::from_classes(&elements, &classes, group)?;
    drop((elements, classes));
    let simples = abelian_real_simples(&table);
    let s = simples.len() as u64;
    let e = table.exponent();
    limits.check_memory(
        compact_abelian_claim_bytes(s, e) + check_abelian_quotients_bytes(s, r, e, MAX_TRIES),
        || format!("the cyclic quotients' verdicts and their checker for order {n}"),
    )?;
    let Some((targets, quotients)) = compact_abelian_verdicts(&table, &simples, options) else {
        return Ok(None);
    };
    let c = check_abelian_quotients(
        &table,
        &simples,
        &gens,
        targets,
        quotients,
        &options.activation,
        options.bias.as_ref(),
    )?;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "interaction graph of {} (order {n}) on {action} ({n} points), activation {}, no bias, certified",
        group.name_or_generators(),
        options.activation.name()
    );
    for (a, l) in simples.iter().enumerate() {
        let (dim, real, ker) = c.vertex(a);
        let kind = if real { "real" } else { "complex" };
        let _ = writeln!(
            out,
            "  {}: dim {dim}, multiplicity 1, {kind}, |ker| {ker}",
            l.label
        );
    }
    let mut edges = 0;
    for (l, t) in simples.iter().zip(c.targets()) {
        let names: Vec<&str> = t
            .iter()
            .map(|&b| simples[b as usize].label.as_str())
            .collect();
        let _ = writeln!(out, "{} -> {}", l.label, names.join(" "));
        edges += t.len();
    }
    let pairs = simples.len() * simples.len();
    let _ = writeln!(
        out,
        "edges {edges}, non-edges {}, unresolved 0",
        pairs - edges
    );
    Ok(Some(out))
}

/// The vertex lines of the regular module's graph text (one per real simple, as
/// [`crate::graph::InteractionGraph::to_text`] writes them), from the group's data.
pub(crate) fn vertex_lines(s: &mut String, data: &crate::pl::GroupData) {
    use std::fmt::Write;
    for l in &data.simples.simples {
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
}
