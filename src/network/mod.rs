//! Equivariant networks and certified information flow through depth (theory.md §10).
//!
//! A network is a chain of permutation modules `R^{X_0} -> ... -> R^{X_k}` of one group,
//! each layer `v -> sigma(A v + b)` with `A` a combination of the orbitals of
//! `X_l × X_{l-1}` and `b` invariant. For a set `S` of simples of `X_0` (usually one) the
//! input runs over `V_S(X_0)`; a simple `M` of `X_l` is *reached* at depth `l` when some
//! weights and biases make the `M`-component of `v_l(w) - v_l(0)` nonzero.
//!
//! [`analyze`] computes per source the upper bound `U_0 = S`, `U_l = JointStep(U_{l-1} ∩
//! simples(X_l))` ([`crate::pl::joint`]), whose complement carries obstructions, and
//! searches random witness networks for every member of `U_l`; a member without a witness
//! is unresolved. With equal layers the sequence `U_l` cycles, which proves "never, at
//! any depth" for the simples outside every `U_l`.
//!
//! ```
//! use plrep::group::{spec::parse_group, gset::ActionSpec, Limits};
//! use plrep::pl::{GroupData, Activation, Bias};
//! use plrep::network::{Network, NetworkOptions, analyze};
//! let lim = Limits::default();
//! let d = GroupData::new(&parse_group("C8").unwrap(), &lim).unwrap();
//! let reg = ActionSpec::parse("regular").unwrap();
//! let net = Network::new(&d, &[reg.clone(), reg.clone(), reg], &lim).unwrap();
//! let opts = NetworkOptions::new(Activation::Relu, Bias::None);
//! let res = analyze(&net, &opts, &[vec![1]]).unwrap();
//! let l3 = d.simples.find("L3").unwrap();
//! assert!(!res.sources[0].reached_at(1, l3));   // one layer: not L3
//! assert!(res.sources[0].reached_at(2, l3));    // two layers: L3
//! ```

pub mod certify;
pub mod commutant;
pub(crate) mod examples;
pub mod layers;
pub(crate) mod sim;
pub mod witness;

pub use certify::{certify_network, NetworkCertifyReport};
pub use layers::{CrossOrbitals, Network};
pub use witness::{LayerWeights, Reach, WitnessNetwork};

use crate::arith::Cyclotomic;
use crate::error::Result;
use crate::pl::joint::{cheap_obstruction, JointObstruction, JointStep, KernelFlags, Offset};
use crate::pl::{Activation, Bias};
use sim::Engine;
use std::collections::HashMap;
use std::sync::Arc;
use witness::{LayerBias, Search};

/// Options of a network analysis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NetworkOptions {
    /// The activation of every layer.
    pub activation: Activation,
    /// The bias mode of every layer.
    pub bias: Bias,
    /// Random networks tried per source and target (4x as many for the targets of the
    /// upper bound that the first network misses).
    pub seeds: u64,
}

impl NetworkOptions {
    /// Options with the default budget of 8 seeds.
    pub fn new(activation: Activation, bias: Bias) -> Self {
        NetworkOptions {
            activation,
            bias,
            seeds: 8,
        }
    }
}

/// The offset before `sigma` in layer `l` that the upper bound must allow: the bias at
/// layer 1 (the previous layer's value at input 0 is 0 there); at depth `>= 2`, `A v(0) + b`
/// with `v(0)` invariant, so none without bias (every supported `sigma(0) = 0`) and any
/// invariant offset otherwise.
pub fn layer_offset(net: &Network, opts: &NetworkOptions, l: usize) -> Result<Offset> {
    Ok(match (&opts.bias, l) {
        (Bias::None, _) => Offset::Zero,
        (Bias::Generic, _) => Offset::Generic,
        (b, 1) => {
            let orbits = net.layer(1).gset.orbits();
            Offset::Given(b.per_point(&orbits)?.expect("not generic")).normalized()
        }
        _ => Offset::Generic,
    })
}

/// The status of one simple `M` of layer `l` for one source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// Reached, with its witness.
    Reached(Reach),
    /// Not reached for any weights and biases: the obstruction of the joint step from
    /// the alive set of layer `l - 1`.
    Excluded(Arc<JointObstruction>),
    /// In the upper bound but no witness found.
    Unresolved,
}

/// The analysis of one source set.
#[derive(Clone, Debug)]
pub struct SourceResult {
    /// The source simples `S` (indices of real simples of `G`).
    pub sources: Vec<usize>,
    /// `alive[l]`: the upper bound `U_l` (`alive[0] = S`).
    pub alive: Vec<Vec<usize>>,
    /// `status[l]`: `(M, status)` for every simple of layer `l >= 1` (index 0 empty).
    pub status: Vec<Vec<(usize, Status)>>,
    /// The witness networks.
    pub networks: Vec<WitnessNetwork>,
    /// With equal layers: `(i, j)` with `U_i = U_j`, `1 <= i < j <= depth`: from depth
    /// `i` on the alive sets repeat with period `j - i`.
    pub cycle: Option<(usize, usize)>,
    /// Random networks simulated and abandoned at the size guard.
    pub attempts: (u64, u64),
}

impl SourceResult {
    /// Whether `M` is reached at depth `l`.
    pub fn reached_at(&self, l: usize, m: usize) -> bool {
        self.status
            .get(l)
            .and_then(|s| s.iter().find(|x| x.0 == m))
            .is_some_and(|x| matches!(x.1, Status::Reached(_)))
    }

    /// The status of `M` at depth `l` (`None` if `M` is not a simple of layer `l`).
    pub fn status_at(&self, l: usize, m: usize) -> Option<&Status> {
        self.status.get(l)?.iter().find(|x| x.0 == m).map(|x| &x.1)
    }

    /// The first depth `>= 1` at which `M` is reached, and whether every earlier layer
    /// excludes it (so the depth is exact).
    pub fn first_depth(&self, m: usize) -> Option<(usize, bool)> {
        let mut exact = true;
        for l in 1..self.status.len() {
            match self.status_at(l, m) {
                Some(Status::Reached(_)) => return Some((l, exact)),
                Some(Status::Unresolved) => exact = false,
                _ => {}
            }
        }
        None
    }

    /// Unresolved `(layer, M)` pairs.
    pub fn unresolved(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (l, s) in self.status.iter().enumerate() {
            for (m, st) in s {
                if *st == Status::Unresolved {
                    out.push((l, *m));
                }
            }
        }
        out
    }
}

/// The analysis of a network.
#[derive(Clone, Debug)]
pub struct NetworkResult {
    /// The options used.
    pub options: NetworkOptions,
    /// One result per source set.
    pub sources: Vec<SourceResult>,
}

impl NetworkResult {
    /// The number of unresolved `(source, layer, M)`.
    pub fn unresolved(&self) -> usize {
        self.sources.iter().map(|s| s.unresolved().len()).sum()
    }
}

type StepKey = (usize, Vec<usize>, Offset);
type Decisions = HashMap<usize, Option<Arc<JointObstruction>>>;

/// The exact component of each reach, keyed by `(layer, M)`.
pub type ExactValues = Vec<((usize, usize), Option<Cyclotomic>)>;

/// Joint steps per (module, alive set, offset), each deciding targets lazily.
#[derive(Default)]
pub(crate) struct StepCache {
    steps: HashMap<StepKey, (JointStep, Decisions)>,
}

impl StepCache {
    /// The decisions on `targets` of layer `l` from the alive set of layer `l - 1`.
    fn decide(
        &mut self,
        net: &Network,
        act: &Activation,
        l: usize,
        alive: &[usize],
        offset: &Offset,
        targets: &[usize],
    ) -> Vec<Option<Arc<JointObstruction>>> {
        let module = net.layer(l);
        let present = net.simples_of(l);
        let s: Vec<usize> = alive
            .iter()
            .copied()
            .filter(|x| present.binary_search(x).is_ok())
            .collect();
        let key = (net.layer_module[l], s, offset.clone());
        let entry = self
            .steps
            .entry(key)
            .or_insert_with_key(|k| (JointStep::new(&k.1, act, offset), HashMap::new()));
        targets
            .iter()
            .map(|&t| {
                if let Some(d) = entry.1.get(&t) {
                    return d.clone();
                }
                let d = entry.0.decide(module, t).map(Arc::new);
                entry.1.insert(t, d.clone());
                d
            })
            .collect()
    }
}

/// The upper-bound chain `U_0 = S, U_1, ..., U_depth` (every target decided).
fn chain(
    net: &Network,
    opts: &NetworkOptions,
    cache: &mut StepCache,
    sources: &[usize],
    depth: usize,
) -> Result<Vec<Vec<usize>>> {
    let mut alive = vec![sources.to_vec()];
    for l in 1..=depth {
        let offset = layer_offset(net, opts, l)?;
        let present = net.simples_of(l);
        let d = cache.decide(net, &opts.activation, l, &alive[l - 1], &offset, &present);
        let next = present
            .into_iter()
            .zip(d)
            .filter(|x| x.1.is_none())
            .map(|x| x.0)
            .collect();
        alive.push(next);
    }
    Ok(alive)
}

/// The chain of the cheap rules only ([`cheap_obstruction`]): a superset of every `U_l`,
/// the targets of the witness search.
fn cheap_chain(net: &Network, opts: &NetworkOptions, sources: &[usize]) -> Result<Vec<Vec<usize>>> {
    let mut alive = vec![sources.to_vec()];
    for l in 1..=net.depth() {
        let offset = layer_offset(net, opts, l)?.normalized();
        let module = net.layer(l);
        let present = net.simples_of(l);
        let s: Vec<usize> = alive[l - 1]
            .iter()
            .copied()
            .filter(|x| present.contains(x))
            .collect();
        let flags = KernelFlags::new(module, &s);
        let next = present
            .iter()
            .copied()
            .filter(|&t| {
                cheap_obstruction(module, &s, &flags, t, &opts.activation, &offset).is_none()
            })
            .collect();
        alive.push(next);
    }
    Ok(alive)
}

/// The first repeat `U_i = U_j` (`1 <= i < j`) of the alive sets.
pub fn find_cycle(alive: &[Vec<usize>]) -> Option<(usize, usize)> {
    for j in 2..alive.len() {
        if let Some(i) = (1..j).find(|&i| alive[i] == alive[j]) {
            return Some((i, j));
        }
    }
    None
}

/// Analyse every source set on the network.
///
/// # Arguments
/// * `net` — the layers; `opts` — activation, bias, witness budget;
/// * `sources` — source sets (simple indices present in layer 0), usually singletons.
///
/// # Returns
/// One [`SourceResult`] per source set: for every layer the status of every simple.
///
/// # Complexity
/// Per distinct (module, alive set, offset) one joint step ([`JointStep`], its block
/// space only for targets without a witness that the kernel rule leaves); per source
/// and seed one exact simulation (`O(#weighted pairs m)` per layer, certified signs per
/// point) and `O(|G| + #targets #classes)` modular tests per layer.
///
/// Errors: a per-orbit bias whose length is not a layer's number of orbits (bad input).
pub fn analyze(
    net: &Network,
    opts: &NetworkOptions,
    sources: &[Vec<usize>],
) -> Result<NetworkResult> {
    let mut cache = StepCache::default();
    analyze_with(net, opts, sources, &mut cache, None)
}

/// One layer `w -> sigma(w + b)` on `X` for `w` in `V_S` (the joint graph of `graph --from
/// L1,L2`): a network `X -> X` whose linear map is fixed to the identity (the diagonal
/// orbitals with weight 1).
///
/// Errors: a network that is not one layer from a module to itself (bad input); as
/// [`analyze`].
///
/// ```
/// use plrep::group::{spec::parse_group, gset::ActionSpec, Limits};
/// use plrep::pl::{GroupData, Activation, Bias};
/// use plrep::network::{Network, NetworkOptions, analyze_layer};
/// let lim = Limits::default();
/// let d = GroupData::new(&parse_group("C8").unwrap(), &lim).unwrap();
/// let reg = ActionSpec::parse("regular").unwrap();
/// let net = Network::new(&d, &[reg.clone(), reg], &lim).unwrap();
/// let res = analyze_layer(&net, &NetworkOptions::new(Activation::Relu, Bias::None), &[vec![1, 2]]).unwrap();
/// assert!(res.sources[0].reached_at(1, 3)); // ReLU(v1 + v2) has an L3 component
/// ```
pub fn analyze_layer(
    net: &Network,
    opts: &NetworkOptions,
    sources: &[Vec<usize>],
) -> Result<NetworkResult> {
    if net.depth() != 1 || net.layer_module[0] != net.layer_module[1] {
        return Err(crate::error::Error::bad(
            "a joint layer maps a module to itself",
            "build the network X -> X",
        ));
    }
    let identity: Vec<(usize, crate::arith::Q)> = net
        .cross(1)
        .reps
        .iter()
        .enumerate()
        .filter(|(_, r)| r.0 == r.1)
        .map(|(o, _)| (o, crate::arith::Q::one()))
        .collect();
    let mut cache = StepCache::default();
    analyze_with(net, opts, sources, &mut cache, Some(vec![identity]))
}

pub(crate) fn analyze_with(
    net: &Network,
    opts: &NetworkOptions,
    sources: &[Vec<usize>],
    cache: &mut StepCache,
    fixed_weights: Option<Vec<Vec<(usize, crate::arith::Q)>>>,
) -> Result<NetworkResult> {
    let depth = net.depth();
    let engine = Engine::new(net, &opts.activation);
    let bias = LayerBias::of(&opts.bias, &engine)?;
    let homogeneous = opts.activation.is_homogeneous() && opts.bias.is_none();
    let mut out = Vec::new();
    for s in sources {
        let new_search = |targets: Vec<Vec<usize>>| Search {
            engine: &engine,
            sources: s.clone(),
            bias: &bias,
            homogeneous,
            found: targets.iter().map(|a| vec![None; a.len()]).collect(),
            targets,
            networks: Vec::new(),
            attempts: 0,
            overflows: 0,
            fixed_weights: fixed_weights.clone(),
        };
        // 1. Witnesses for every target the cheap rules leave.
        let mut targets = cheap_chain(net, opts, s)?;
        targets[0].clear();
        let mut search = new_search(targets);
        // One random network usually reaches every reachable target; the upper bound then
        // decides the others, and only its members are searched further.
        search.run(0..1)?;
        let mut reach: HashMap<(usize, usize), Reach> = HashMap::new();
        for l in 1..=depth {
            for (i, t) in search.targets[l].iter().enumerate() {
                if let Some(r) = search.found[l][i] {
                    reach.insert((l, *t), r);
                }
            }
        }
        let mut networks = std::mem::take(&mut search.networks);
        let mut attempts = (search.attempts, search.overflows);
        // 2. The upper bound, deciding only the targets without a witness.
        let mut alive = vec![s.clone()];
        let mut status: Vec<Vec<(usize, Status)>> = vec![Vec::new()];
        let mut pending = vec![Vec::new()];
        for l in 1..=depth {
            let offset = layer_offset(net, opts, l)?;
            let mut st = Vec::new();
            let mut next = Vec::new();
            let mut pend = Vec::new();
            let present = net.simples_of(l);
            let open: Vec<usize> = present
                .iter()
                .copied()
                .filter(|t| !reach.contains_key(&(l, *t)))
                .collect();
            let decided = cache.decide(net, &opts.activation, l, &alive[l - 1], &offset, &open);
            for t in present {
                if let Some(r) = reach.get(&(l, t)) {
                    st.push((t, Status::Reached(*r)));
                    next.push(t);
                    continue;
                }
                let i = open.iter().position(|x| *x == t).expect("open");
                match decided[i].clone() {
                    Some(o) => st.push((t, Status::Excluded(o))),
                    None => {
                        st.push((t, Status::Unresolved));
                        next.push(t);
                        pend.push(t);
                    }
                }
            }
            alive.push(next);
            status.push(st);
            pending.push(pend);
        }
        // 3. More seeds for the candidates still without a witness.
        if pending.iter().any(|p| !p.is_empty()) {
            let mut retry = new_search(pending);
            retry.run(1..4 * opts.seeds)?;
            for l in 1..=depth {
                for (i, t) in retry.targets[l].iter().enumerate() {
                    if let Some(mut r) = retry.found[l][i] {
                        r.network += networks.len();
                        let e = status[l].iter_mut().find(|x| x.0 == *t).expect("target");
                        e.1 = Status::Reached(r);
                    }
                }
            }
            networks.extend(retry.networks);
            attempts.0 += retry.attempts;
            attempts.1 += retry.overflows;
        }
        let cycle = if net.equal_layers() {
            find_cycle(&alive)
        } else {
            None
        };
        out.push(SourceResult {
            sources: s.clone(),
            alive,
            status,
            networks,
            cycle,
            attempts,
        });
    }
    Ok(NetworkResult {
        options: opts.clone(),
        sources: out,
    })
}

/// The depth at which the alive sets of every source have repeated on a network of equal
/// layers (at most `max_depth`): `--until-stable`.
///
/// Errors: as [`analyze`].
pub fn stable_depth(
    net: &Network,
    opts: &NetworkOptions,
    sources: &[Vec<usize>],
) -> Result<Option<usize>> {
    let mut cache = StepCache::default();
    let mut worst = 1;
    for s in sources {
        let alive = chain(net, opts, &mut cache, s, net.depth())?;
        match find_cycle(&alive) {
            Some((_, j)) => worst = worst.max(j),
            None => return Ok(None),
        }
    }
    Ok(Some(worst))
}

/// The exact nonzero components of the reaches of one source (for reports), in the
/// order `(layer, M)` of its statuses.
///
/// Errors: as the simulation (non-real values would be a bug).
pub fn exact_values(
    net: &Network,
    opts: &NetworkOptions,
    res: &SourceResult,
) -> Result<ExactValues> {
    let engine = Engine::new(net, &opts.activation);
    let mut asks: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new(); res.networks.len()];
    let mut order = Vec::new();
    for (l, st) in res.status.iter().enumerate() {
        for (m, s) in st {
            if let Status::Reached(r) = s {
                order.push((l, *m, r.network, asks[r.network].len()));
                asks[r.network].push((l, *m, r.point));
            }
        }
    }
    let mut values = Vec::new();
    for (i, a) in asks.iter().enumerate() {
        values.push(witness::exact_components(
            &engine,
            &res.sources,
            &res.networks[i],
            a,
        )?);
    }
    Ok(order
        .into_iter()
        .map(|(l, m, n, k)| ((l, m), values[n][k].clone()))
        .collect())
}
