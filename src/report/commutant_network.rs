//! Reports of a network analysed through the commutants of its layers
//! ([`crate::network::commutant`]): text, the depth table (Markdown) and JSON
//! (`plrep.network.v1` with `"route": "commutant"`), in the layout of
//! [`super::network`], simples named by their isomorphism types (partitions for `S_n`).

use super::network::{depth_entry, witness_layers_text};
use super::network_record::{source_record, witness_network_record};
use crate::network::commutant::CommutantNetwork;
use crate::network::{NetworkResult, SourceResult, Status};
use crate::record::graph::ProjectorRecord;
use crate::record::network::{
    CommutantNetworkGroupRecord, CommutantNetworkLayerRecord, CommutantNetworkRecord,
    CommutantNetworkVertexRecord, JointObstructionRecord, OrbitalRecord, TypeRecord,
    NETWORK_SCHEMA,
};
use serde_json::Value;
use std::fmt::Write as _;

fn label(net: &CommutantNetwork, t: usize) -> &str {
    &net.types[t].label
}

fn set_label(net: &CommutantNetwork, s: &[usize]) -> String {
    s.iter()
        .map(|&t| label(net, t))
        .collect::<Vec<_>>()
        .join("+")
}

/// Every type present in some layer `>= 1`, ascending.
fn targets(net: &CommutantNetwork) -> Vec<usize> {
    let mut t: Vec<usize> = (1..=net.depth()).flat_map(|l| net.simples_of(l)).collect();
    t.sort_unstable();
    t.dedup();
    t
}

fn title(net: &CommutantNetwork, res: &NetworkResult) -> String {
    let layers: Vec<String> = (0..=net.depth())
        .map(|l| net.layer(l).gset.action().to_string())
        .collect();
    format!(
        "{} (order {}), {}, {}: {}",
        net.group.name().unwrap_or("group"),
        net.group.order(),
        res.options.activation,
        res.options.bias,
        layers.join(" -> ")
    )
}

fn never_reason(src: &SourceResult, m: usize) -> String {
    let cyc = src
        .cycle
        .map(|(i, j)| format!("; the alive sets repeat (U_{i} = U_{j}), so at no depth at all"))
        .unwrap_or_default();
    for l in 1..src.status.len() {
        if let Some(Status::Excluded(o)) = src.status_at(l, m) {
            return format!(
                "excluded at every depth (depth {l}: {}){cyc}",
                o.describe_without_classes()
            );
        }
    }
    format!("absent from every layer{cyc}")
}

/// The text report: the layers (points, orbitals, simples with dimension and
/// multiplicity), per source the reached, excluded and unresolved simples of every
/// layer with the proofs of the exclusions and the witness networks, then the depth table.
pub fn commutant_network_text(
    net: &CommutantNetwork,
    res: &NetworkResult,
    certified: bool,
) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}", title(net, res));
    let _ = writeln!(
        s,
        "  by the commutants of the layers (no character table, the group is never enumerated)"
    );
    for l in 0..=net.depth() {
        let m = net.layer(l);
        let hom = if l == 0 {
            String::new()
        } else {
            format!(", dim Hom_G(R^X{}, R^X{l}) = {}", l - 1, net.cross(l).len())
        };
        let simples: Vec<String> = net
            .simples_of(l)
            .iter()
            .map(|&t| {
                let x = net.simple_in(l, t).expect("present");
                format!(
                    "{} (dim {}, x{})",
                    label(net, t),
                    m.simples[x].dim,
                    m.simples[x].mult
                )
            })
            .collect();
        let _ = writeln!(
            s,
            "  layer {l}: {} ({} points, {} orbits, {} orbitals{hom}): {}",
            m.gset.action(),
            m.points(),
            m.gset.orbits().len(),
            m.algebra.dim(),
            simples.join(" ")
        );
    }
    for src in &res.sources {
        let _ = writeln!(s, "\nsource {}:", set_label(net, &src.sources));
        for l in 1..src.status.len() {
            let pick = |f: &dyn Fn(&Status) -> bool| -> String {
                let v: Vec<&str> = src.status[l]
                    .iter()
                    .filter(|x| f(&x.1))
                    .map(|x| label(net, x.0))
                    .collect();
                if v.is_empty() {
                    "-".into()
                } else {
                    v.join(" ")
                }
            };
            let _ = writeln!(
                s,
                "  depth {l}: reached {} | excluded {} | unresolved {}",
                pick(&|x| matches!(x, Status::Reached(_))),
                pick(&|x| matches!(x, Status::Excluded(_))),
                pick(&|x| *x == Status::Unresolved)
            );
        }
        for l in 1..src.status.len() {
            let mut groups: Vec<(String, Vec<&str>)> = Vec::new();
            for (t, st) in &src.status[l] {
                if let Status::Excluded(o) = st {
                    let why = o.describe_without_classes();
                    match groups.iter_mut().find(|g| g.0 == why) {
                        Some(g) => g.1.push(label(net, *t)),
                        None => groups.push((why, vec![label(net, *t)])),
                    }
                }
            }
            for (why, who) in groups {
                let _ = writeln!(s, "    depth {l}, not {}: {why}", who.join(" "));
            }
        }
        if let Some((i, j)) = src.cycle {
            let _ = writeln!(s, "  alive sets repeat: U_{i} = U_{j}");
        }
        for (i, wn) in src.networks.iter().enumerate() {
            let r = if wn.r.len() <= 16 {
                format!("{:?}", wn.r)
            } else {
                format!("({} entries, see --format json)", wn.r.len())
            };
            let weights = witness_layers_text(&wn.layers, |k, o| {
                format!("{:?}", net.cross(k + 1).representative(o))
            });
            let _ = writeln!(
                s,
                "  witness network {i}: seed {}, w = {}·P_S r with r = {r}; {weights}",
                wn.seed, wn.scale,
            );
        }
        let _ = writeln!(
            s,
            "  {} witness network{}, {} simulated",
            src.networks.len(),
            if src.networks.len() == 1 { "" } else { "s" },
            src.attempts.0
        );
    }
    let _ = writeln!(
        s,
        "\ndepth table (first depth at which each target is reached):"
    );
    let t = targets(net);
    let rows: Vec<(String, Vec<String>)> = res
        .sources
        .iter()
        .map(|src| {
            (
                set_label(net, &src.sources),
                t.iter().map(|&m| depth_entry(src, m)).collect(),
            )
        })
        .collect();
    let w0 = rows
        .iter()
        .map(|r| r.0.chars().count())
        .max()
        .unwrap_or(0)
        .max(6);
    let widths: Vec<usize> = t
        .iter()
        .enumerate()
        .map(|(i, &m)| {
            rows.iter()
                .map(|r| r.1[i].chars().count())
                .max()
                .unwrap_or(0)
                .max(label(net, m).chars().count())
        })
        .collect();
    let pad = |x: &str, w: usize| format!("{x}{}", " ".repeat(w.saturating_sub(x.chars().count())));
    let mut line = format!("  {}", pad("source", w0));
    for (i, &m) in t.iter().enumerate() {
        let _ = write!(line, "  {}", pad(label(net, m), widths[i]));
    }
    let _ = writeln!(s, "{}", line.trim_end());
    for (name, cells) in &rows {
        let mut line = format!("  {}", pad(name, w0));
        for (i, c) in cells.iter().enumerate() {
            let _ = write!(line, "  {}", pad(c, widths[i]));
        }
        let _ = writeln!(s, "{}", line.trim_end());
    }
    let mut never = Vec::new();
    for src in &res.sources {
        for &m in &t {
            if src.first_depth(m).is_none() && !src.unresolved().iter().any(|x| x.1 == m) {
                never.push(format!(
                    "  {} -> {}: {}",
                    set_label(net, &src.sources),
                    label(net, m),
                    never_reason(src, m)
                ));
            }
        }
    }
    if !never.is_empty() {
        let _ = writeln!(s, "never:");
        for n in never {
            let _ = writeln!(s, "{n}");
        }
    }
    let unresolved = res.unresolved();
    if unresolved > 0 {
        let _ = writeln!(
            s,
            "UNRESOLVED: {unresolved} (source, depth, target) without witness or proof"
        );
    }
    if certified {
        let _ = writeln!(s, "certificates re-checked independently: ok");
    }
    s
}

/// The depth table as Markdown (rows sources, columns targets).
pub fn commutant_depth_table_markdown(net: &CommutantNetwork, res: &NetworkResult) -> String {
    let t = targets(net);
    let mut s = format!("**{}**\n\n", title(net, res));
    let _ = writeln!(
        s,
        "| source | {} |",
        t.iter()
            .map(|&m| label(net, m))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    let _ = writeln!(s, "|---|{}", "---|".repeat(t.len()));
    for src in &res.sources {
        let _ = writeln!(
            s,
            "| {} | {} |",
            set_label(net, &src.sources),
            t.iter()
                .map(|&m| depth_entry(src, m))
                .collect::<Vec<_>>()
                .join(" | ")
        );
    }
    s.push_str("\nEntry: the first depth at which the target is reached (exact witness network); `never`: excluded at every depth computed (proof: the alive sets and joint-step obstructions); `never*`: the alive sets cycle, so at no depth at all; `≤d`/`?`: some depth unresolved. Computed through the commutants of the layers (theory.md §16).\n");
    s
}

/// The record of the JSON document (`plrep.network.v1`, `"route": "commutant"`): layers
/// with their simples (type label, dimension, multiplicity, projector on the orbitals),
/// per source and depth the reached (network, point), excluded (obstruction) and
/// unresolved types, and the witness networks.
///
/// Complexity: the size of the document.
pub fn commutant_network_record(
    net: &CommutantNetwork,
    res: &NetworkResult,
    certified: bool,
) -> CommutantNetworkRecord {
    let layers = (0..=net.depth())
        .map(|l| {
            let m = net.layer(l);
            let vertices = net
                .simples_of(l)
                .iter()
                .map(|&t| {
                    let x = net.simple_in(l, t).expect("present");
                    let s = &m.simples[x];
                    CommutantNetworkVertexRecord {
                        dim: s.dim,
                        label: label(net, t).to_string(),
                        multiplicity: s.mult,
                        projector: ProjectorRecord {
                            pairs: m.pair_reps.clone(),
                            values: s.idempotent.iter().map(|q| q.to_string()).collect(),
                        },
                        real_type: s.kind.name().to_string(),
                        type_index: t,
                    }
                })
                .collect();
            let cross = (l > 0).then(|| net.cross(l));
            CommutantNetworkLayerRecord {
                action: m.gset.action().to_string(),
                cross_orbitals: cross.map(|c| {
                    (0..c.len())
                        .map(|o| OrbitalRecord {
                            rep: c.representative(o),
                            size: c.size(o),
                        })
                        .collect()
                }),
                hom_dim: cross.map(|c| c.len()),
                index: l,
                orbitals: m.algebra.dim(),
                orbits: m.gset.orbits().len(),
                points: m.points(),
                vertices,
            }
        })
        .collect();
    let t = targets(net);
    let sources = res
        .sources
        .iter()
        .map(|src| {
            source_record(
                src,
                &t,
                |_, x| label(net, x).to_string(),
                |_, _, _| (None, None),
                |_, o| JointObstructionRecord::without_classes(o),
                |wn| witness_network_record(wn, |k, o| net.cross(k + 1).representative(o)),
            )
        })
        .collect();
    CommutantNetworkRecord {
        activation: res.options.activation.name(),
        bias: res.options.bias.to_string(),
        certified,
        depth: net.depth(),
        group: CommutantNetworkGroupRecord {
            degree: net.group.degree(),
            name: net.group.name().unwrap_or("group").to_string(),
            order: net.group.order().to_string(),
        },
        layers,
        route: "commutant".to_string(),
        schema: NETWORK_SCHEMA.to_string(),
        sources,
        types: net
            .types
            .iter()
            .map(|t| TypeRecord {
                dim: t.dim,
                label: t.label.clone(),
            })
            .collect(),
        unresolved: res.unresolved(),
    }
}

/// [`commutant_network_record`] as a JSON value (keys sorted: the same bytes).
pub fn commutant_network_json(
    net: &CommutantNetwork,
    res: &NetworkResult,
    certified: bool,
) -> Value {
    serde_json::to_value(commutant_network_record(net, res, certified))
        .expect("a network record serialises")
}
