//! The records of a network analysis: the document `plrep.network.v1` of the enumerated
//! route (`plrep network --format json`; under [`JOINT_SCHEMA`], the joint-source
//! `graph`), the witness networks shared with the commutant route
//! ([`super::commutant_network`]), and the joint `plrep.pair.v1` document of `plrep solve
//! --from L1,L2` ([`joint_pair_record`]). The record types are `record::network`'s and
//! `record::pair`'s; the labels and the depth table's entries are the text report's
//! ([`super::network`]).

use super::network::{depth_entry, kernel_order, label, targets};
use crate::arith::Cyclotomic;
use crate::network::witness::WitnessNetwork;
use crate::network::{ExactValues, Network, NetworkOptions, NetworkResult, SourceResult, Status};
use crate::pl::PlModule;
use crate::record::graph::{ActionRecord, VertexRecord};
#[cfg(doc)]
use crate::record::network::JOINT_SCHEMA;
use crate::record::network::{
    BiasValueRecord, DepthRecord, ExcludedRecord, FirstDepthRecord, JointObstructionRecord,
    NamedGroupRecord, NetworkLayerRecord, NetworkRecord, OrbitalRecord, ReachedRecord,
    SourceRecord, WeightRecord, WitnessLayerRecord, WitnessNetworkRecord, NETWORK_SCHEMA,
};
use crate::record::pair::{JointPairRecord, JointVerdictRecord, JointWitnessRecord, PAIR_SCHEMA};
use serde_json::Value;

fn vertex_record(module: &PlModule, l: usize, id: usize) -> VertexRecord {
    let s = &module.simples.simples[l];
    VertexRecord {
        dim: s.dim,
        id,
        kernel: s.kernel.clone(),
        kernel_order: kernel_order(module, l),
        label: s.label.clone(),
        multiplicity: module.multiplicity(l),
        kind: s.kind.name().to_string(),
        values: s.values.iter().map(|x| x.to_string()).collect(),
    }
}

/// The layers of a witness network as records; `rep(k, o)` is the representative pair of
/// orbital `o` of layer `k + 1` (shared with the commutant report).
pub fn witness_network_record(
    wn: &WitnessNetwork,
    rep: impl Fn(usize, usize) -> (usize, usize),
) -> WitnessNetworkRecord {
    WitnessNetworkRecord {
        layers: wn
            .layers
            .iter()
            .enumerate()
            .map(|(k, lw)| WitnessLayerRecord {
                bias: bias_records(&lw.bias),
                weights: lw
                    .weights
                    .iter()
                    .map(|(o, q)| WeightRecord {
                        orbital: *o,
                        rep: rep(k, *o),
                        weight: q.to_string(),
                    })
                    .collect(),
            })
            .collect(),
        r: wn.r.clone(),
        scale: wn.scale.to_string(),
        seed: wn.seed,
    }
}

/// A layer's bias `(point, value)` as records.
pub fn bias_records(bias: &[(usize, crate::arith::Q)]) -> Vec<BiasValueRecord> {
    bias.iter()
        .map(|(x, q)| BiasValueRecord {
            point: *x,
            value: q.to_string(),
        })
        .collect()
}

/// The record of the document `plrep.network.v1` (written by `plrep network --format
/// json`; with [`JOINT_SCHEMA`] as its schema, by the joint-source `graph`); `values`
/// gives the exact component of every reach (per source, in the order of
/// [`crate::network::exact_values`]).
///
/// Complexity: the size of the document.
pub fn network_record(
    net: &Network,
    res: &NetworkResult,
    values: &[ExactValues],
    certified: bool,
) -> NetworkRecord {
    let m0 = net.layer(0);
    let layers = (0..=net.depth())
        .map(|l| {
            let m = net.layer(l);
            let cross = (l > 0).then(|| net.cross(l));
            NetworkLayerRecord {
                action: m.gset.action().to_string(),
                hom_dim: cross.map(|c| c.len()),
                index: l,
                orbitals: cross.map(|c| {
                    c.reps
                        .iter()
                        .zip(&c.pairs)
                        .map(|(r, p)| OrbitalRecord {
                            rep: *r,
                            size: p.len() as u64,
                        })
                        .collect()
                }),
                orbits: m.gset.orbits().len(),
                points: m.points(),
                vertices: net
                    .simples_of(l)
                    .iter()
                    .enumerate()
                    .map(|(i, &s)| vertex_record(m, s, i))
                    .collect(),
            }
        })
        .collect();
    let t = targets(net);
    let point_labels: Vec<&[String]> = (0..=net.depth())
        .map(|l| net.layer(l).gset.labels())
        .collect();
    let sources = res
        .sources
        .iter()
        .zip(values)
        .map(|(src, vals)| {
            let value_of = |l: usize, m: usize| {
                vals.iter()
                    .find(|x| x.0 == (l, m))
                    .and_then(|x| x.1.as_ref())
                    .map(|c| c.to_string())
            };
            source_record(
                src,
                &t,
                |l, x| label(net.layer(l), x).to_string(),
                |l, x, point| (Some(point_labels[l][point].clone()), Some(value_of(l, x))),
                |l, o| JointObstructionRecord::of(o, net.layer(l)),
                |wn| witness_network_record(wn, |k, o| net.cross(k + 1).reps[o]),
            )
        })
        .collect();
    NetworkRecord {
        activation: res.options.activation.name(),
        bias: res.options.bias.to_string(),
        certified,
        depth: net.depth(),
        group: NamedGroupRecord {
            name: m0.group.name().unwrap_or("group").to_string(),
            order: m0.order() as u64,
        },
        layers,
        schema: NETWORK_SCHEMA.to_string(),
        sources,
        unresolved: res.unresolved(),
    }
}

/// The record of one source, shared by both routes: its depth records (which simples are
/// alive, reached, excluded or unresolved at each depth), first depths and witness
/// networks. `label(l, x)` names simple `x` of layer `l`; `reached(l, x, point)` gives a
/// reached simple's point label and value (the enumerated route writes them, the
/// commutant route does not); `excluded(l, o)` encodes an obstruction; `network` a
/// witness network. `O(sum of the depth tables)`.
pub(crate) fn source_record(
    src: &SourceResult,
    targets: &[usize],
    label: impl Fn(usize, usize) -> String,
    reached: impl Fn(usize, usize, usize) -> (Option<String>, Option<Option<String>>),
    excluded: impl Fn(usize, &crate::pl::joint::JointObstruction) -> JointObstructionRecord,
    network: impl Fn(&WitnessNetwork) -> WitnessNetworkRecord,
) -> SourceRecord {
    let layers = (1..src.status.len())
        .map(|l| {
            let mut d = DepthRecord {
                alive: src.alive[l].iter().map(|&x| label(l, x)).collect(),
                depth: l,
                excluded: Vec::new(),
                reached: Vec::new(),
                unresolved: Vec::new(),
            };
            for (s, st) in &src.status[l] {
                let name = label(l, *s);
                match st {
                    Status::Reached(r) => {
                        let (point_label, value) = reached(l, *s, r.point);
                        d.reached.push(ReachedRecord {
                            label: name,
                            network: r.network,
                            point: r.point,
                            point_label,
                            value,
                        });
                    }
                    Status::Excluded(o) => d.excluded.push(ExcludedRecord {
                        label: name,
                        obstruction: excluded(l, o),
                    }),
                    Status::Unresolved => d.unresolved.push(name),
                }
            }
            d
        })
        .collect();
    SourceRecord {
        cycle: src.cycle,
        first_depth: targets
            .iter()
            .map(|&m| FirstDepthRecord {
                depth: depth_entry(src, m),
                label: label(0, m),
            })
            .collect(),
        layers,
        networks: src.networks.iter().map(network).collect(),
        sources: src.sources.iter().map(|&x| label(0, x)).collect(),
    }
}

/// [`network_record`] as a JSON value (keys sorted: the same bytes).
pub fn network_json(
    net: &Network,
    res: &NetworkResult,
    values: &[ExactValues],
    certified: bool,
) -> Value {
    serde_json::to_value(network_record(net, res, values, certified))
        .expect("a network record serialises")
}

/// The joint `plrep.pair.v1` record of target `t` of layer 1 from the source set `src`
/// (the network of `plrep solve --from L1,L2` on module `m`); `value` is the exact
/// component at the witness's point when the target is reached.
///
/// Complexity: the size of the witness.
pub fn joint_pair_record(
    m: &PlModule,
    opts: &NetworkOptions,
    src: &SourceResult,
    t: usize,
    value: Option<&Cyclotomic>,
    certified: bool,
) -> JointPairRecord {
    let verdict = |kind: &str| JointVerdictRecord {
        obstruction: None,
        reason: None,
        kind: kind.to_string(),
        witness: None,
    };
    let verdict = match src.status_at(1, t) {
        Some(Status::Reached(r)) => {
            let wn = &src.networks[r.network];
            JointVerdictRecord {
                witness: Some(JointWitnessRecord {
                    bias: bias_records(&wn.layers[0].bias),
                    point: r.point,
                    point_label: m.gset.labels()[r.point].clone(),
                    r: wn.r.clone(),
                    scale: wn.scale.to_string(),
                    seed: wn.seed,
                    value: value.map(|v| v.to_string()),
                }),
                ..verdict("edge")
            }
        }
        Some(Status::Excluded(o)) => JointVerdictRecord {
            obstruction: Some(JointObstructionRecord::core(o)),
            reason: Some(o.describe(m)),
            ..verdict("non_edge")
        },
        _ => verdict("unresolved"),
    };
    JointPairRecord {
        action: ActionRecord {
            orbitals: None,
            points: m.points(),
            spec: m.gset.action().to_string(),
        },
        activation: opts.activation.name(),
        bias: opts.bias.to_string(),
        certified,
        from: src
            .sources
            .iter()
            .map(|&l| label(m, l).to_string())
            .collect(),
        group: NamedGroupRecord {
            name: m.group.name().unwrap_or("group").to_string(),
            order: m.order() as u64,
        },
        schema: PAIR_SCHEMA.to_string(),
        to: label(m, t).to_string(),
        verdict,
    }
}
