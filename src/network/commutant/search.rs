//! The analysis of a [`CommutantNetwork`] (theory.md §16.3): per source the upper bound
//! `U_0 = S`, `U_l` = the joint step ([`super::step`]) from the simples of `X_l`
//! isomorphic to a member of `U_{l-1}`, and random witness networks simulated exactly
//! (rationals) for its members: weights on the cross orbitals, invariant biases,
//! `sigma`, and the component `(e_M (v_l(w) - v_l(0)))(y)` read through the orbital
//! algebra of `X_l`. Statuses, witnesses and cycles as in [`crate::network::analyze`],
//! with simples named by their isomorphism types.

use super::step::CommutantStep;
use super::CommutantNetwork;
use crate::arith::Q;
use crate::error::Result;
use crate::group::orbitals::Orbitals;
use crate::network::witness::{LayerWeights, Reach, WitnessNetwork};
use crate::network::{find_cycle, NetworkOptions, NetworkResult, SourceResult, Status};
use crate::pl::joint::{JointObstruction, Offset};
use crate::pl::witness::{random_vector, SplitMix};
use crate::pl::{Activation, Bias};
use std::collections::HashMap;
use std::sync::Arc;

/// A decision's key: (module, source simples, offset, target simple).
type DecisionKey = (usize, Vec<usize>, Offset, usize);

/// Draws of one layer's weights before a dead layer is accepted.
const MAX_DRAWS: usize = 8;
/// Points tested per layer besides the orbit representatives.
const EXTRA_POINTS: usize = 12;
/// Weights are integers in `±1..=WEIGHT_RANGE` (before the scale).
const WEIGHT_RANGE: u64 = 97;

/// The offset before `sigma` in layer `l` (as [`crate::network::layer_offset`]).
///
/// Errors: a per-orbit bias of the wrong length (bad input).
pub fn commutant_offset(net: &CommutantNetwork, bias: &Bias, l: usize) -> Result<Offset> {
    Ok(match (bias, l) {
        (Bias::None, _) => Offset::Zero,
        (Bias::Generic, _) => Offset::Generic,
        (b, 1) => Offset::Given(
            b.per_point(&net.layer(1).gset.orbits())?
                .expect("not generic"),
        )
        .normalized(),
        _ => Offset::Generic,
    })
}

/// `(A v)(y) + b(y)` for `A = sum w_o B_o` on the orbitals `cross` of `Y × X`.
fn linear(cross: &Orbitals, weights: &[(usize, Q)], bias: &[Q], v: &[Q]) -> Vec<Q> {
    let c = cross.len();
    let mut w = vec![Q::zero(); c];
    for (o, q) in weights {
        w[*o] = q.clone();
    }
    let mut sums = vec![Q::zero(); c];
    (0..cross.to_points)
        .map(|y| {
            sums.iter_mut().for_each(|s| *s = Q::zero());
            for (x, vx) in v.iter().enumerate() {
                if !vx.is_zero() {
                    sums[cross.orbit_of(y, x)] += vx;
                }
            }
            let mut acc = bias[y].clone();
            for (s, wo) in sums.iter().zip(&w) {
                if !s.is_zero() && !wo.is_zero() {
                    acc += &(s * wo);
                }
            }
            acc
        })
        .collect()
}

fn approx_rational(x: f64) -> Q {
    if !x.is_finite() || x <= 0.0 {
        return Q::one();
    }
    if x >= 1.0 {
        Q::from_int(x.round().clamp(1.0, 1e12) as i64)
    } else {
        Q::new(1, (1.0 / x).round().clamp(1.0, 1e12) as i64)
    }
}

fn max_abs(v: &[Q]) -> f64 {
    v.iter().map(|q| q.to_f64().abs()).fold(0.0, f64::max)
}

/// The per-point bias of layer `l` from its per-orbit record.
fn spread_bias(net: &CommutantNetwork, l: usize, lw: &LayerWeights) -> Vec<Q> {
    let m = net.layer(l);
    let mut out = vec![Q::zero(); m.points()];
    for o in m.gset.orbits() {
        if let Some((_, q)) = lw.bias.iter().find(|(x, _)| o.contains(x)) {
            for &x in &o {
                out[x] = q.clone();
            }
        }
    }
    out
}

struct Searcher<'a> {
    net: &'a CommutantNetwork,
    act: &'a Activation,
    bias: &'a Bias,
    homogeneous: bool,
    /// Source simples of layer 0's module.
    sources: Vec<usize>,
    /// `targets[l]`: types to reach at layer `l`, with `found`.
    targets: Vec<Vec<(usize, Option<Reach>)>>,
    networks: Vec<WitnessNetwork>,
    attempts: u64,
}

impl Searcher<'_> {
    fn pending(&self) -> bool {
        self.targets.iter().flatten().any(|t| t.1.is_none())
    }

    fn choose(&self, l: usize, prev: &[Q], rng: &mut SplitMix) -> LayerWeights {
        let net = self.net;
        let cross = net.cross(l);
        let mut weights: Vec<(usize, Q)> = (0..cross.len())
            .map(|o| {
                let a = (rng.next_u64() % WEIGHT_RANGE) as i64 + 1;
                (o, Q::from_int(if rng.next_u64() % 2 == 0 { a } else { -a }))
            })
            .collect();
        if !self.homogeneous {
            let zero = vec![Q::zero(); cross.to_points];
            let u = linear(cross, &weights, &zero, prev);
            let max = max_abs(&u);
            let tau = [1.0, 0.5, 2.0][(rng.next_u64() % 3) as usize];
            if max > 0.0 {
                let d = approx_rational(max / tau);
                weights.iter_mut().for_each(|w| w.1 = &w.1 / &d);
            }
        }
        let bias = match self.bias {
            Bias::Generic => net
                .layer(l)
                .gset
                .orbits()
                .iter()
                .filter_map(|o| {
                    let k = (rng.next_u64() % 5) as i64 - 2;
                    (k != 0).then(|| (o[0], Q::new(k, 2)))
                })
                .collect(),
            b => {
                let orbits = net.layer(l).gset.orbits();
                let v = b.per_point(&orbits).ok().flatten().unwrap_or_default();
                orbits
                    .iter()
                    .filter(|o| v.get(o[0]).is_some_and(|q| !q.is_zero()))
                    .map(|o| (o[0], v[o[0]].clone()))
                    .collect()
            }
        };
        LayerWeights { weights, bias }
    }

    fn step(&self, l: usize, v: &[Q], lw: &LayerWeights) -> Vec<Q> {
        let bias = spread_bias(self.net, l, lw);
        linear(self.net.cross(l), &lw.weights, &bias, v)
            .iter()
            .map(|u| self.act.eval_q(u))
            .collect()
    }

    fn attempt(&mut self, seed: u64) {
        let net = self.net;
        let depth = (0..self.targets.len())
            .rev()
            .find(|&l| self.targets[l].iter().any(|t| t.1.is_none()))
            .unwrap_or(0);
        let m0 = net.layer(0);
        let mut rng = SplitMix::new(seed.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ 0xA5A5);
        let sign = if seed % 2 == 1 { -1 } else { 1 };
        let r: Vec<i64> = random_vector(seed, m0.points())
            .iter()
            .map(|c| c * sign)
            .collect();
        let mut p = vec![Q::zero(); m0.algebra.dim()];
        for &s in &self.sources {
            for (a, e) in p.iter_mut().zip(&m0.simples[s].idempotent) {
                *a += e;
            }
        }
        let rq: Vec<Q> = r.iter().map(|&x| Q::from_int(x)).collect();
        let raw = m0.algebra.apply(&p, &rq);
        if raw.iter().all(Q::is_zero) {
            return;
        }
        let scale = if self.homogeneous {
            Q::one()
        } else {
            approx_rational([1.0, 0.5, 2.0][(seed % 3) as usize] / max_abs(&raw))
        };
        let mut cur: Vec<Q> = raw.iter().map(|x| x * &scale).collect();
        let mut cur0 = vec![Q::zero(); cur.len()];
        let mut wn = WitnessNetwork {
            seed,
            r,
            scale,
            layers: Vec::new(),
        };
        let mut hits: Vec<(usize, usize, usize)> = Vec::new();
        for l in 1..=depth {
            let mut draws = 0;
            let (lw, next, next0, d) = loop {
                draws += 1;
                let lw = self.choose(l, &cur, &mut rng);
                let next = self.step(l, &cur, &lw);
                let next0 = self.step(l, &cur0, &lw);
                let d: Vec<Q> = next.iter().zip(&next0).map(|(a, b)| a - b).collect();
                if d.iter().any(|x| !x.is_zero()) || draws >= MAX_DRAWS {
                    break (lw, next, next0, d);
                }
            };
            wn.layers.push(lw);
            cur = next;
            cur0 = next0;
            if d.iter().all(Q::is_zero) {
                continue;
            }
            let m = net.layer(l);
            let n = m.points();
            let reps: Vec<usize> = m.gset.orbits().iter().map(|o| o[0]).collect();
            let step = (n / EXTRA_POINTS).max(1);
            let points: Vec<usize> = reps
                .iter()
                .copied()
                .chain((0..n).step_by(step).filter(|x| !reps.contains(x)))
                .collect();
            for i in 0..self.targets[l].len() {
                if self.targets[l][i].1.is_some() {
                    continue;
                }
                let t = self.targets[l][i].0;
                let s = net.simple_in(l, t).expect("present");
                let e = &m.simples[s].idempotent;
                if let Some(&y) = points
                    .iter()
                    .find(|&&y| !m.algebra.apply_row(e, &d, y).is_zero())
                {
                    hits.push((l, i, y));
                }
            }
        }
        self.attempts += 1;
        if hits.is_empty() {
            return;
        }
        let network = self.networks.len();
        for (l, i, point) in hits {
            self.targets[l][i].1 = Some(Reach { network, point });
        }
        self.networks.push(wn);
    }
}

/// Analyse every source set (types present in layer 0) on the network.
///
/// Errors: a per-orbit bias whose length is not a layer's number of orbits, a source
/// that is not a type of layer 0 (bad input).
///
/// Complexity: per distinct (layer module, alive set, offset) one joint step; per source
/// and seed one exact simulation, `O(|X_l| |X_{l-1}|)` rational additions per layer, and
/// `O(|X_l|)` per tested point and target.
pub fn analyze_commutant(
    net: &CommutantNetwork,
    opts: &NetworkOptions,
    sources: &[Vec<usize>],
) -> Result<NetworkResult> {
    let depth = net.depth();
    let mut steps: HashMap<(usize, Vec<usize>, Offset), CommutantStep> = HashMap::new();
    let mut decisions: HashMap<DecisionKey, Option<Arc<JointObstruction>>> = HashMap::new();
    let homogeneous = opts.activation.is_homogeneous() && opts.bias.is_none();
    let mut out = Vec::new();
    for s in sources {
        let present0 = net.simples_of(0);
        if s.iter().any(|t| !present0.contains(t)) {
            return Err(crate::error::Error::bad(
                "a source is not a simple of layer 0",
                "give sources among the simples of the input layer",
            ));
        }
        // 1. The upper bound.
        let mut alive = vec![s.clone()];
        let mut status: Vec<Vec<(usize, Status)>> = vec![Vec::new()];
        for l in 1..=depth {
            let offset = commutant_offset(net, &opts.bias, l)?;
            let mi = net.layer_module[l];
            let m = net.layer(l);
            let set: Vec<usize> = (0..m.simples.len())
                .filter(|&x| alive[l - 1].contains(&net.type_of[mi][x]))
                .collect();
            let step = steps
                .entry((mi, set.clone(), offset.clone()))
                .or_insert_with(|| CommutantStep::new(m, &set, &opts.activation, &offset));
            let mut st = Vec::new();
            let mut next = Vec::new();
            for t in net.simples_of(l) {
                let x = net.simple_in(l, t).expect("present");
                let d = decisions
                    .entry((mi, set.clone(), offset.clone(), x))
                    .or_insert_with(|| step.decide(m, x).map(Arc::new))
                    .clone();
                match d {
                    Some(o) => st.push((t, Status::Excluded(o))),
                    None => {
                        st.push((t, Status::Unresolved));
                        next.push(t);
                    }
                }
            }
            alive.push(next);
            status.push(st);
        }
        // 2. Witnesses for the members of the upper bound.
        let mut searcher = Searcher {
            net,
            act: &opts.activation,
            bias: &opts.bias,
            homogeneous,
            sources: s
                .iter()
                .map(|&t| net.simple_in(0, t).expect("present"))
                .collect(),
            targets: alive
                .iter()
                .enumerate()
                .map(|(l, a)| {
                    if l == 0 {
                        Vec::new()
                    } else {
                        a.iter().map(|&t| (t, None)).collect()
                    }
                })
                .collect(),
            networks: Vec::new(),
            attempts: 0,
        };
        for seed in 0..4 * opts.seeds {
            if !searcher.pending() {
                break;
            }
            searcher.attempt(seed);
        }
        for l in 1..=depth {
            for (t, found) in &searcher.targets[l] {
                if let Some(r) = found {
                    let e = status[l].iter_mut().find(|x| x.0 == *t).expect("target");
                    e.1 = Status::Reached(*r);
                }
            }
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
            networks: searcher.networks,
            cycle,
            attempts: (searcher.attempts, 0),
        });
    }
    Ok(NetworkResult {
        options: opts.clone(),
        sources: out,
    })
}
