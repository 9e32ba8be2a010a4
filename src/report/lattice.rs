//! The normal-subgroup lattice as text, JSON (`plrep.lattice.v1`) and a layered drawing
//! of its Hasse diagram (an inherent method of [`NormalLattice`] defined here, so
//! `lattice` imports no presentation).

use crate::character::{CharacterTable, RealSimples};
use crate::group::PermGroup;
use crate::lattice::NormalLattice;
use crate::record::lattice::{LatticeRecord, LATTICE_SCHEMA};
use crate::report::table::{class_names, class_records, group_record, normal_subgroup_records};
use crate::report::{EdgeStyle, LayeredDrawing};
use serde_json::Value;
use std::fmt::Write as _;

/// One line per normal subgroup (smallest first): label, order, other names, classes by
/// GAP class name, its maximal normal subgroups, and the real simples of `G/N` (those
/// whose kernel contains `N`).
pub fn lattice_text(
    title: &str,
    table: &CharacterTable,
    real: &RealSimples,
    lattice: &NormalLattice,
) -> String {
    let names = class_names(table);
    let labels = lattice.labels();
    let mut s = String::new();
    let _ = writeln!(s, "{title}: {} normal subgroups\n", lattice.len());
    let w = labels.iter().map(String::len).max().unwrap_or(1);
    for (i, n) in lattice.subgroups.iter().enumerate() {
        let aliases: Vec<&String> = n.names.iter().filter(|x| **x != labels[i]).collect();
        let alias = if aliases.is_empty() {
            String::new()
        } else {
            format!(
                " = {}",
                aliases
                    .iter()
                    .map(|x| x.as_str())
                    .collect::<Vec<_>>()
                    .join(" = ")
            )
        };
        let _ = writeln!(s, "{:<w$}  order {}{}", labels[i], n.order, alias);
        let _ = writeln!(
            s,
            "{:<w$}    classes     {}",
            "",
            n.classes
                .iter()
                .map(|&c| names[c].as_str())
                .collect::<Vec<_>>()
                .join(" ")
        );
        let covers = lattice.lower_covers(i);
        if !covers.is_empty() {
            let _ = writeln!(
                s,
                "{:<w$}    contains    {}",
                "",
                covers
                    .iter()
                    .map(|&c| labels[c].as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            );
        }
        let simples = real.simples_of_quotient(n);
        let _ = writeln!(
            s,
            "{:<w$}    simples of G/N: {}",
            "",
            simples
                .iter()
                .map(|&l| real.simples[l].label.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        );
    }
    s
}

/// The lattice document `plrep.lattice.v1` (docs/schemas.md): the group, the classes, and
/// per normal subgroup its label, names, order, classes, maximal normal subgroups
/// (`covers`, indices) and the real simples of the quotient (labels).
///
/// Complexity: `O(|normal subgroups| * |simples|)` beyond the lattice's covers.
pub fn lattice_record(
    group: &PermGroup,
    table: &CharacterTable,
    real: &RealSimples,
    lattice: &NormalLattice,
) -> LatticeRecord {
    let mut subgroups = normal_subgroup_records(lattice);
    for (i, (r, n)) in subgroups.iter_mut().zip(&lattice.subgroups).enumerate() {
        r.covers = Some(lattice.lower_covers(i));
        r.quotient_simples = Some(
            real.simples_of_quotient(n)
                .iter()
                .map(|&l| real.simples[l].label.clone())
                .collect(),
        );
    }
    LatticeRecord {
        classes: class_records(table),
        group: group_record(group),
        normal_subgroups: subgroups,
        schema: LATTICE_SCHEMA.to_string(),
    }
}

/// [`lattice_record`] as a JSON value.
pub fn lattice_json(
    group: &PermGroup,
    table: &CharacterTable,
    real: &RealSimples,
    lattice: &NormalLattice,
) -> Value {
    serde_json::to_value(lattice_record(group, table, real, lattice))
        .expect("a lattice record serialises")
}

/// The lattice of a table with the centre and derived subgroup named: kernels of the
/// real simples (the same as those of the complex characters), `Z(G)` = the classes of
/// size 1, `G'` = the intersection of the kernels of the linear characters.
pub fn normal_lattice(table: &CharacterTable, real: &RealSimples) -> NormalLattice {
    let kernels: Vec<Vec<usize>> = real.simples.iter().map(|l| l.kernel.clone()).collect();
    let mut lattice = NormalLattice::from_kernels(&table.sizes, &kernels);
    let centre: Vec<usize> = (0..table.num_classes())
        .filter(|&c| table.sizes[c] == 1)
        .collect();
    let derived: Vec<usize> = (0..table.num_classes())
        .filter(|&c| {
            table
                .characters
                .iter()
                .filter(|x| x.degree == 1)
                .all(|x| x.values[c] == x.values[0])
        })
        .collect();
    lattice.name_centre_and_derived(&centre, &derived);
    lattice
}

impl NormalLattice {
    /// A layered drawing of the Hasse diagram: `G` at the top, the trivial subgroup at
    /// the bottom, one layer per distinct order (larger orders higher), nodes labelled
    /// by name and order. Render it with [`LayeredDrawing::to_svg`],
    /// `to_dot` or `to_tikz`.
    pub fn drawing(&self, title: &str) -> LayeredDrawing {
        let mut orders: Vec<u64> = self.subgroups.iter().map(|n| n.order).collect();
        orders.sort_unstable();
        orders.dedup();
        orders.reverse();
        let labels = self.labels();
        let mut d = LayeredDrawing::new(title);
        for (i, n) in self.subgroups.iter().enumerate() {
            let layer = orders.iter().position(|&o| o == n.order).unwrap_or(0);
            let extra = n
                .names
                .iter()
                .skip(1)
                .cloned()
                .collect::<Vec<_>>()
                .join(" = ");
            let sub = if extra.is_empty() {
                format!("order {}", n.order)
            } else {
                format!("= {extra}, order {}", n.order)
            };
            let id = d.add_node(labels[i].clone(), sub, layer);
            debug_assert_eq!(id, i);
        }
        for e in self.hasse.edge_indices() {
            if let Some((a, b)) = self.hasse.edge_endpoints(e) {
                d.add_edge(self.hasse[b], self.hasse[a], EdgeStyle::Plain);
            }
        }
        d
    }
}
