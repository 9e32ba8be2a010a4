//! Networks of groups too large to enumerate, through the commutants of their layers
//! (theory.md §16): each layer `R^{X_l}` is a [`CommutantModule`], the maps between
//! layers are spanned by the orbitals of `G` on `X_l × X_{l-1}`, and the simples of
//! different layers are matched by the one test that needs no character table:
//! `L ≅ L'` iff `P_{L'} B P_L != 0` for some orbital matrix `B` of `X_{L'} × X_L`.
//!
//! The analysis ([`analyze_commutant`]) has the semantics of [`crate::network::analyze`]:
//! per source the upper bound `U_l`, statuses reached (witness network) / excluded
//! (joint-step obstruction) / unresolved, with the simples of `G` named by their
//! isomorphism types across the layers ([`CommutantNetwork::types`]). The independent
//! checker is [`certify_commutant_network`].
//!
//! ```
//! use plrep::group::{spec::parse_group, gset::ActionSpec, Limits};
//! use plrep::network::commutant::{CommutantNetwork, analyze_commutant, certify_commutant_network};
//! use plrep::network::NetworkOptions;
//! use plrep::pl::{Activation, Bias};
//! let g = parse_group("S12").unwrap();
//! let nat = ActionSpec::parse("natural").unwrap();
//! let net = CommutantNetwork::new(&g, &[nat.clone(), nat], &Limits::default()).unwrap();
//! assert_eq!(net.types.len(), 2); // [12] and [11,1]
//! let opts = NetworkOptions::new(Activation::Relu, Bias::None);
//! let res = analyze_commutant(&net, &opts, &[vec![1]]).unwrap();
//! assert!(res.sources[0].reached_at(1, 0)); // ReLU of a sum-zero vector has a mean
//! certify_commutant_network(&net, &res).unwrap();
//! ```

pub mod certify;
pub mod search;
pub mod step;

pub use certify::{certify_commutant_network, CertifiedCommutantNetwork};
pub use search::analyze_commutant;

use crate::arith::Q;
use crate::error::{Error, Result};
use crate::graph::commutant::MAX_CYCLE_TYPES;
use crate::group::gset::ActionSpec;
use crate::group::orbitals::Orbitals;
use crate::group::{Limits, PermGroup};
use crate::network::layers::distinct_layers;
use crate::pl::commutant::CommutantModule;

/// One isomorphism type of simples met in the layers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NetworkSimple {
    /// The partition naming it (simples of `S_n` with few enough cycle types), else
    /// `L<id>` in order of first appearance.
    pub label: String,
    /// `dim_R L`.
    pub dim: u64,
    /// `(module, simple)` of its first appearance.
    pub first: (usize, usize),
}

/// The layers of a network, each through its commutant.
#[derive(Debug)]
pub struct CommutantNetwork {
    /// The group.
    pub group: PermGroup,
    /// The distinct modules, in order of first appearance.
    pub modules: Vec<CommutantModule>,
    /// `layer_module[l]`: the module of layer `l`.
    pub layer_module: Vec<usize>,
    /// Orbitals of `G` on `X_b × X_a` for the module pairs `(b, a)` met (consecutive
    /// layers, and every pair of distinct modules for the type matching).
    pub crosses: Vec<((usize, usize), Orbitals)>,
    /// `type_of[module][simple]`: the isomorphism type (index into [`Self::types`]).
    pub type_of: Vec<Vec<usize>>,
    /// The isomorphism types, in order of first appearance (layer 0's simples first).
    pub types: Vec<NetworkSimple>,
}

/// `P_b B P_a != 0` for some orbital `B` of `Y × X` (`orbit_of(y, x)`): the simples
/// `a` of `R^X` and `b` of `R^Y` are isomorphic (theory.md §16.1). Equal dimensions are
/// necessary and checked first.
///
/// Complexity: `O(c |X|)` for `B P_a` on every orbital at once, then `O(c |Y|)` per
/// orbital for the left factor (`c` orbitals), stopping at the first nonzero value.
pub fn isomorphic(
    cross: &Orbitals,
    mx: &CommutantModule,
    a: usize,
    my: &CommutantModule,
    b: usize,
) -> bool {
    if mx.simples[a].dim != my.simples[b].dim || mx.simples[a].kind != my.simples[b].kind {
        return false;
    }
    let c = cross.len();
    let (ea, eb) = (&mx.simples[a].idempotent, &my.simples[b].idempotent);
    let ox = &mx.algebra.orbitals;
    let oy = &my.algebra.orbitals;
    // bp[o][p] = (B_o P_a)[y_p][x_p].
    let mut bp = vec![vec![Q::zero(); c]; c];
    for (p, col) in (0..c).map(|p| (p, cross.representative(p))) {
        let (y, x) = col;
        for x2 in 0..mx.points() {
            let v = &ea[ox.orbit_of(x2, x)];
            if !v.is_zero() {
                bp[cross.orbit_of(y, x2)][p] += v;
            }
        }
    }
    for row in &bp {
        if row.iter().all(Q::is_zero) {
            continue;
        }
        for p in 0..c {
            let (y, x) = cross.representative(p);
            let v: Q = (0..my.points())
                .filter_map(|y2| {
                    let e = &eb[oy.orbit_of(y, y2)];
                    let r = &row[cross.orbit_of(y2, x)];
                    (!e.is_zero() && !r.is_zero()).then(|| e * r)
                })
                .sum();
            if !v.is_zero() {
                return true;
            }
        }
    }
    false
}

fn find(parent: &mut [usize], mut a: usize) -> usize {
    while parent[a] != a {
        parent[a] = parent[parent[a]];
        a = parent[a];
    }
    a
}

impl CommutantNetwork {
    /// Build the layers `X_0, ..., X_k` of `group` without enumerating it: one
    /// [`CommutantModule`] per distinct spec, the cross orbitals, the isomorphism types.
    ///
    /// Errors: fewer than two layers, a layer without points, an action that enumerates
    /// `G` (bad input); the limits of [`CommutantModule::new`] and of the cross tables
    /// (`--max-memory-mb`), checked before allocating.
    ///
    /// Complexity: the modules' ([`CommutantModule::new`]), `O(|X_a| |X_b| #generators)`
    /// per pair of distinct modules, and the isomorphism tests ([`isomorphic`]) between
    /// simples of equal dimension.
    pub fn new(group: &PermGroup, specs: &[ActionSpec], limits: &Limits) -> Result<Self> {
        let (modules, layer_module) = distinct_layers(
            specs,
            |l, spec| {
                if !CommutantModule::applies(spec) {
                    return Err(Error::bad(
                        format!("layer {l} ({spec}) enumerates the group, and the group's order is above --max-order"),
                        "use point actions (natural, subsets:k, tuples:k, products) or raise --max-order",
                    ));
                }
                CommutantModule::new(group, spec, limits)
            },
            CommutantModule::points,
        )?;
        // Cross orbitals: consecutive layers, then every pair of distinct modules.
        let mut keys: Vec<(usize, usize)> = (1..specs.len())
            .map(|l| (layer_module[l], layer_module[l - 1]))
            .collect();
        for b in 0..modules.len() {
            for a in 0..b {
                keys.push((b, a));
            }
        }
        let mut crosses: Vec<((usize, usize), Orbitals)> = Vec::new();
        for key in keys {
            if crosses.iter().any(|c| c.0 == key) {
                continue;
            }
            let (b, a) = key;
            let o = if a == b {
                modules[a].algebra.orbitals.clone()
            } else {
                Orbitals::compute(&modules[a].gset, &modules[b].gset, limits)?
            };
            crosses.push((key, o));
        }
        // Isomorphism types: union-find over (module, simple).
        let offsets: Vec<usize> = modules
            .iter()
            .scan(0, |acc, m| {
                let o = *acc;
                *acc += m.simples.len();
                Some(o)
            })
            .collect();
        let total: usize = modules.iter().map(|m| m.simples.len()).sum();
        let mut parent: Vec<usize> = (0..total).collect();
        for b in 0..modules.len() {
            for a in 0..b {
                let cross = &crosses.iter().find(|c| c.0 == (b, a)).expect("cross").1;
                for sa in 0..modules[a].simples.len() {
                    for sb in 0..modules[b].simples.len() {
                        let (ra, rb) = (offsets[a] + sa, offsets[b] + sb);
                        if find(&mut parent, ra) == find(&mut parent, rb) {
                            continue;
                        }
                        if isomorphic(cross, &modules[a], sa, &modules[b], sb) {
                            let (x, y) = (find(&mut parent, ra), find(&mut parent, rb));
                            parent[x.max(y)] = x.min(y);
                        }
                    }
                }
            }
        }
        let mut type_of: Vec<Vec<usize>> = modules
            .iter()
            .map(|m| vec![usize::MAX; m.simples.len()])
            .collect();
        let mut root_type: std::collections::HashMap<usize, usize> = Default::default();
        let mut types = Vec::new();
        let mut seen_modules = Vec::new();
        for &mi in &layer_module {
            if seen_modules.contains(&mi) {
                continue;
            }
            seen_modules.push(mi);
            let labels = partition_labels(&modules[mi])?;
            for s in 0..modules[mi].simples.len() {
                let root = find(&mut parent, offsets[mi] + s);
                let t = *root_type.entry(root).or_insert_with(|| {
                    let id = types.len();
                    types.push(NetworkSimple {
                        label: labels
                            .as_ref()
                            .and_then(|v| v[s].clone())
                            .unwrap_or_else(|| format!("L{id}")),
                        dim: modules[mi].simples[s].dim,
                        first: (mi, s),
                    });
                    id
                });
                type_of[mi][s] = t;
            }
        }
        Ok(CommutantNetwork {
            group: group.clone(),
            modules,
            layer_module,
            crosses,
            type_of,
            types,
        })
    }

    /// The depth `k`.
    pub fn depth(&self) -> usize {
        self.layer_module.len() - 1
    }

    /// The module of layer `l`.
    pub fn layer(&self, l: usize) -> &CommutantModule {
        &self.modules[self.layer_module[l]]
    }

    /// The orbitals of `X_l × X_{l-1}` (`l >= 1`): `orbit_of(y in X_l, x in X_{l-1})`.
    pub fn cross(&self, l: usize) -> &Orbitals {
        let key = (self.layer_module[l], self.layer_module[l - 1]);
        &self.crosses.iter().find(|c| c.0 == key).expect("cross").1
    }

    /// The types present in layer `l`, ascending.
    pub fn simples_of(&self, l: usize) -> Vec<usize> {
        let mut t = self.type_of[self.layer_module[l]].clone();
        t.sort_unstable();
        t
    }

    /// The simple of layer `l`'s module with type `t`.
    pub fn simple_in(&self, l: usize, t: usize) -> Option<usize> {
        self.type_of[self.layer_module[l]]
            .iter()
            .position(|&x| x == t)
    }

    /// Whether all layers after the input are one module (the alive sets then cycle).
    pub fn equal_layers(&self) -> bool {
        self.layer_module[1..]
            .iter()
            .all(|&m| m == self.layer_module[1])
    }

    /// The type named `label`.
    pub fn find(&self, label: &str) -> Option<usize> {
        self.types.iter().position(|t| t.label == label)
    }
}

/// The partition of each simple of an `S_n`-module: from every cycle type when `S_n`
/// has at most [`MAX_CYCLE_TYPES`] of them, else by Young's rule
/// ([`CommutantModule::young_partition_labels`]).
fn partition_labels(m: &CommutantModule) -> Result<Option<Vec<Option<String>>>> {
    match m
        .cycle_type_values(MAX_CYCLE_TYPES)?
        .and_then(|v| m.partition_labels(&v))
    {
        Some(l) => Ok(Some(l)),
        None => m.young_partition_labels(),
    }
}
