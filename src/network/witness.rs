//! Witness networks (theory.md §10): an exact input `w = t P_S r` in the isotypic part of
//! the sources, exact rational weights on the orbital basis of every layer and exact
//! invariant biases; a simple `M` of layer `l` is reached when the `M`-component of
//! `v_l(w) - v_l(0)` is nonzero at a recorded point. One random network usually
//! witnesses many `(layer, M)` at once.

use super::sim::{Engine, ExactVec, Simulation};
use crate::arith::Q;
use crate::error::Result;
use crate::pl::witness::{random_vector, SplitMix};
use crate::pl::Bias;

/// The weights and bias of one layer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LayerWeights {
    /// `(orbital index, weight)`: `A = sum weight * O_orbital` (orbitals of
    /// [`super::layers::CrossOrbitals`]; absent orbitals have weight 0).
    pub weights: Vec<(usize, Q)>,
    /// `(orbit representative, value)`: the bias, constant on the orbit of the point
    /// (absent orbits have bias 0).
    pub bias: Vec<(usize, Q)>,
}

/// A witness network.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WitnessNetwork {
    /// The seed that generated it.
    pub seed: u64,
    /// The integer vector `r` on `X_0`.
    pub r: Vec<i64>,
    /// The scale `t` of the input `w = t P_S r`.
    pub scale: Q,
    /// Layers `1..=depth` (a witness may be shorter than the network when it only
    /// certifies early layers).
    pub layers: Vec<LayerWeights>,
}

/// A certified reach: the `M`-component of `v_l(w) - v_l(0)` is nonzero at `point` for
/// the witness network `network`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reach {
    /// Index into the source's witness networks.
    pub network: usize,
    /// The point of `X_l`.
    pub point: usize,
}

/// Bias values per orbit of every layer, or generic.
pub(crate) enum LayerBias {
    /// Fixed: per layer, `(orbit representative, value)` for nonzero values.
    Fixed(Vec<Vec<(usize, Q)>>),
    /// Chosen at random per orbit.
    Generic,
}

impl LayerBias {
    /// The per-layer biases of a bias mode on the network's layers.
    pub fn of(bias: &Bias, engine: &Engine<'_>) -> crate::error::Result<LayerBias> {
        if *bias == Bias::Generic {
            return Ok(LayerBias::Generic);
        }
        let net = engine.net;
        let mut out = vec![Vec::new()];
        for l in 1..=net.depth() {
            let orbits = net.layer(l).gset.orbits();
            let values = bias.per_point(&orbits)?.expect("not generic");
            out.push(
                orbits
                    .iter()
                    .filter(|o| !values[o[0]].is_zero())
                    .map(|o| (o[0], values[o[0]].clone()))
                    .collect(),
            );
        }
        Ok(LayerBias::Fixed(out))
    }
}

/// Pairs of a layer below which every orbital gets a weight (above it a random sparse
/// selection keeps the linear map cheap on large modules).
const DENSE_PAIRS: usize = 20_000;

/// Weights are integers in `±1..=WEIGHT_RANGE` (before the scale).
const WEIGHT_RANGE: u64 = 97;

/// Draws of one layer's weights before a dead layer is accepted.
const MAX_DRAWS: usize = 8;

/// Points tested per layer besides the orbit representatives.
const EXTRA_POINTS: usize = 12;

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

/// The search state for one source set.
pub(crate) struct Search<'e, 'a> {
    pub engine: &'e Engine<'a>,
    pub sources: Vec<usize>,
    pub bias: &'e LayerBias,
    /// Whether the network is homogeneous without bias (scales are irrelevant).
    pub homogeneous: bool,
    /// `targets[l]`: candidate simples of layer `l` (index 0 unused).
    pub targets: Vec<Vec<usize>>,
    /// `found[l][i]` for `targets[l][i]`.
    pub found: Vec<Vec<Option<Reach>>>,
    /// The networks found useful.
    pub networks: Vec<WitnessNetwork>,
    /// Networks simulated.
    pub attempts: u64,
    /// Networks abandoned at the coordinate size guard.
    pub overflows: u64,
    /// Fixed linear maps (the identity for the one-layer joint graph), if any.
    pub fixed_weights: Option<Vec<Vec<(usize, Q)>>>,
}

impl Search<'_, '_> {
    fn pending(&self) -> bool {
        self.found.iter().any(|f| f.iter().any(Option::is_none))
    }

    /// Try the seeds `seeds` (each one random network) until every target is reached.
    pub fn run(&mut self, seeds: std::ops::Range<u64>) -> Result<()> {
        for seed in seeds {
            if !self.pending() {
                break;
            }
            self.attempt(seed)?;
        }
        Ok(())
    }

    fn attempt(&mut self, seed: u64) -> Result<()> {
        let engine = self.engine;
        let net = engine.net;
        // Only as deep as the last layer with a target still open.
        let depth = (0..self.targets.len())
            .rev()
            .find(|&l| self.found[l].iter().any(Option::is_none))
            .unwrap_or(0);
        let n0 = net.layer(0).points();
        let mut rng = SplitMix::new(seed.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ 0xA5A5);
        let r = random_vector(seed, n0);
        let Some(raw) = engine.input(&self.sources, &r, &Q::one()) else {
            self.overflows += 1;
            return Ok(());
        };
        if raw.v.iter().all(|c| *c == 0) {
            return Ok(());
        }
        let tau = [1.0, 0.5, 2.0][(seed % 3) as usize];
        let scale = if self.homogeneous {
            Q::one()
        } else {
            let max = (0..n0)
                .map(|x| engine.approx(&raw, x).abs())
                .fold(0.0, f64::max);
            approx_rational(tau / max)
        };
        let sign = if seed % 2 == 1 { -1 } else { 1 };
        let r: Vec<i64> = r.iter().map(|c| c * sign).collect();
        let mut wn = WitnessNetwork {
            seed,
            r,
            scale,
            layers: Vec::new(),
        };
        let v = if sign == 1 && wn.scale.is_one() {
            raw
        } else {
            let Some(v) = engine.input(&self.sources, &wn.r, &wn.scale) else {
                self.overflows += 1;
                return Ok(());
            };
            v
        };
        let track_zero = !(self.homogeneous
            || matches!(self.bias, LayerBias::Fixed(b) if b.iter().all(Vec::is_empty))
                && crate::pl::joint::vanishes_at_zero(engine.act));
        let mut cur = v;
        let mut cur0 = track_zero.then(|| ExactVec {
            v: vec![0; cur.v.len()],
            den: 1,
        });
        'layers: for l in 1..=depth {
            // Redraw a layer whose output no longer depends on the input (e.g. ReLU of a
            // negative constant): a dead layer certifies nothing below it.
            let mut draws = 0;
            let (lw, next, next0) = loop {
                draws += 1;
                let lw = self.choose_layer(l, &cur, &mut rng);
                let Some(next) = engine.layer(l, &cur, &lw)? else {
                    self.overflows += 1;
                    break 'layers;
                };
                let next0 = match &cur0 {
                    Some(z) => match engine.layer(l, z, &lw)? {
                        Some(z) => Some(z),
                        None => {
                            self.overflows += 1;
                            break 'layers;
                        }
                    },
                    None => None,
                };
                let alive = engine.difference(&next, next0.as_ref()).is_some_and(|d| {
                    engine
                        .residues(&d, engine.net.layer(l).points())
                        .iter()
                        .any(|r| *r != 0)
                });
                if alive || draws >= MAX_DRAWS {
                    break (lw, next, next0);
                }
            };
            wn.layers.push(lw);
            cur = next;
            cur0 = next0;
            self.check_layer(l, &cur, cur0.as_ref());
        }
        self.attempts += 1;
        // Keep the network if it certified something new.
        let idx = self.networks.len();
        let mut used = false;
        for f in self.found.iter_mut() {
            for x in f.iter_mut().flatten() {
                if x.network == usize::MAX {
                    x.network = idx;
                    used = true;
                }
            }
        }
        if used {
            self.networks.push(wn);
        }
        Ok(())
    }

    /// Record the targets of layer `l` whose component is nonzero (network index set by
    /// the caller: `usize::MAX` marks this attempt).
    fn check_layer(&mut self, l: usize, v: &ExactVec, v0: Option<&ExactVec>) {
        let engine = self.engine;
        if self.found[l].iter().all(Option::is_some) {
            return;
        }
        let module = engine.net.layer(l);
        let Some(d) = engine.difference(v, v0) else {
            return;
        };
        let n = module.points();
        let res = engine.residues(&d, n);
        if res.iter().all(|r| *r == 0) {
            return;
        }
        // Orbit representatives, then a few more points spread over X (a component zero
        // at all of them is left to the next random network).
        let reps: Vec<usize> = module.gset.orbits().iter().map(|o| o[0]).collect();
        let step = (n / EXTRA_POINTS).max(1);
        let others = (0..n).step_by(step).filter(|x| !reps.contains(x));
        for y in reps.iter().copied().chain(others) {
            if self.found[l].iter().all(Option::is_some) {
                break;
            }
            let sums = engine.class_sums_p(module, &res, y);
            for (i, &t) in self.targets[l].iter().enumerate() {
                if self.found[l][i].is_none() && engine.nonzero_p(t, &sums) {
                    self.found[l][i] = Some(Reach {
                        network: usize::MAX,
                        point: y,
                    });
                }
            }
        }
    }

    fn choose_layer(&self, l: usize, prev: &ExactVec, rng: &mut SplitMix) -> LayerWeights {
        let engine = self.engine;
        let net = engine.net;
        let cross = &net.cross(l);
        let module = net.layer(l);
        let mut weights: Vec<(usize, i64)> = match &self.fixed_weights {
            Some(f) => f[l - 1]
                .iter()
                .map(|(o, w)| (*o, w.to_i64().unwrap_or(1)))
                .collect(),
            None => {
                let total: usize = cross.pairs.iter().map(Vec::len).sum();
                let mut chosen: Vec<usize> = if total <= DENSE_PAIRS {
                    (0..cross.len()).collect()
                } else {
                    let budget = 3 * module.points().max(net.layer(l - 1).points());
                    let mut order: Vec<usize> = (0..cross.len()).collect();
                    for i in (1..order.len()).rev() {
                        order.swap(i, (rng.next_u64() % (i as u64 + 1)) as usize);
                    }
                    let mut out = Vec::new();
                    let mut size = 0;
                    for o in order {
                        if size >= budget && out.len() >= 2 {
                            break;
                        }
                        size += cross.pairs[o].len();
                        out.push(o);
                    }
                    out
                };
                chosen.sort_unstable();
                chosen
                    .into_iter()
                    .map(|o| {
                        // A wide range: with few weights, small ones often cancel in a
                        // Fourier coefficient of A (e.g. 1 + 2 - 3 on the sign character).
                        let a = (rng.next_u64() % WEIGHT_RANGE) as i64 + 1;
                        (o, if rng.next_u64() % 2 == 0 { a } else { -a })
                    })
                    .collect()
            }
        };
        weights.retain(|w| w.1 != 0);
        let mut divisor = Q::one();
        if !self.homogeneous && self.fixed_weights.is_none() {
            // Scale the pre-activation to about tau (from floating-point values).
            let prev_f: Vec<f64> = (0..net.layer(l - 1).points())
                .map(|x| engine.approx(prev, x))
                .collect();
            let mut u = vec![0.0f64; module.points()];
            for &(o, a) in &weights {
                for &(y, x) in &cross.pairs[o] {
                    u[y as usize] += a as f64 * prev_f[x as usize];
                }
            }
            let max = u.iter().fold(0.0f64, |m, x| m.max(x.abs()));
            let tau = [1.0, 0.5, 2.0][(rng.next_u64() % 3) as usize];
            if max > 0.0 {
                divisor = approx_rational(max / tau);
            }
        }
        let weights = weights
            .into_iter()
            .map(|(o, a)| (o, Q::from_int(a) / &divisor))
            .collect();
        let bias = match self.bias {
            LayerBias::Fixed(b) => b[l].clone(),
            LayerBias::Generic => module
                .gset
                .orbits()
                .iter()
                .filter_map(|o| {
                    let k = (rng.next_u64() % 5) as i64 - 2;
                    (k != 0).then(|| (o[0], Q::new(k, 2)))
                })
                .collect(),
        };
        LayerWeights { weights, bias }
    }
}

/// Re-simulate a witness network and return, for each `(layer, target, point)` asked,
/// the exact nonzero component (for reports).
pub(crate) fn exact_components(
    engine: &Engine<'_>,
    sources: &[usize],
    wn: &WitnessNetwork,
    asks: &[(usize, usize, usize)],
) -> Result<Vec<Option<crate::arith::Cyclotomic>>> {
    let Some(sim) = Simulation::run(engine, sources, wn, true)? else {
        return Ok(vec![None; asks.len()]);
    };
    let mut diffs: Vec<Option<ExactVec>> = vec![None; sim.layers.len()];
    let mut out = Vec::with_capacity(asks.len());
    for &(l, t, y) in asks {
        if l >= sim.layers.len() {
            out.push(None);
            continue;
        }
        if diffs[l].is_none() {
            diffs[l] = sim.difference(engine, l);
        }
        out.push(
            diffs[l]
                .as_ref()
                .map(|d| engine.component(engine.net.layer(l), d, t, y)),
        );
    }
    Ok(out)
}
