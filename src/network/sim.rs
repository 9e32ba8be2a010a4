//! Exact forward simulation of a network for the witness search (theory.md §10).
//!
//! A layer vector is an integer field vector `V` (`m` coordinates per point, the
//! redundant form of [`crate::pl::field`]) over a positive integer denominator. Weights
//! and biases are rational, so every value stays in the field of the characters; signs
//! are certified (a floating-point filter with a wide error margin, the exact sign of
//! [`Field::sign`] when the filter cannot decide). Whether the `M`-component of
//! `v_l(w) - v_l(0)` is nonzero is decided first by its image under a ring homomorphism
//! `Z[zeta_m] -> F_p` (`p ≡ 1 mod m`, `zeta_m -> omega`): a nonzero image proves a
//! nonzero value. The exact value is recomputed on demand ([`Simulation::component`]).

use super::layers::Network;
use super::witness::{LayerWeights, WitnessNetwork};
use crate::arith::modp::{prime_congruent_one, PrimeField};
use crate::arith::{Cyclotomic, Q};
use crate::error::Result;
use crate::pl::field::{Field, MAX_MAGNITUDE};
use crate::pl::{Activation, PlModule};
use num_integer::Integer;
use std::cmp::Ordering;

/// An exact vector `V / den` of a layer.
#[derive(Clone, Debug)]
pub(crate) struct ExactVec {
    pub v: Vec<i128>,
    pub den: i128,
}

/// What every simulation of one network shares: the field, the cosines of its roots of
/// unity, and the modular images of the characters.
pub(crate) struct Engine<'a> {
    pub net: &'a Network,
    pub act: &'a Activation,
    pub field: &'a Field,
    m: usize,
    cos: Vec<f64>,
    pf: PrimeField,
    omega: Vec<u64>,
    /// `psi_p[L][K]`: the residue of `psi_L(K)`.
    psi_p: Vec<Vec<u64>>,
}

fn to_i128(q: &num_bigint::BigInt) -> Option<i128> {
    num_traits::ToPrimitive::to_i128(q)
}

fn small(q: &Q) -> Option<(i128, i128)> {
    Some((to_i128(&q.numer())?, to_i128(&q.denom())?))
}

impl<'a> Engine<'a> {
    pub fn new(net: &'a Network, act: &'a Activation) -> Engine<'a> {
        let module = net.layer(0);
        let field = &module.field;
        let m = field.m();
        let cos = (0..m)
            .map(|k| (2.0 * std::f64::consts::PI * k as f64 / m as f64).cos())
            .collect();
        let pf = PrimeField::new(prime_congruent_one(m as u64, 1 << 61));
        let omega = pf.root_of_unity_powers(m as u64);
        let psi_p = (0..module.simples.simples.len())
            .map(|l| {
                (0..module.classes.len())
                    .map(|k| {
                        module.psi(l, k).iter().fold(0u64, |acc, &(j, c)| {
                            pf.add(acc, pf.mul(omega[j], pf.from_i64(c as i64)))
                        })
                    })
                    .collect()
            })
            .collect();
        Engine {
            net,
            act,
            field,
            m,
            cos,
            pf,
            omega,
            psi_p,
        }
    }

    /// The certified sign of the real field element `v`.
    pub fn sign(&self, v: &[i128]) -> Result<Ordering> {
        let mut s = 0.0f64;
        let mut mag = 0.0f64;
        for (c, k) in v.iter().zip(&self.cos) {
            if *c != 0 {
                let x = *c as f64;
                s += x * k;
                mag += x.abs();
            }
        }
        if mag == 0.0 {
            return Ok(Ordering::Equal);
        }
        // Rounding of m products and sums is below m 2^-52 mag; 2^-30 leaves a margin.
        if s.abs() > mag * (self.m as f64 + 8.0) * 2f64.powi(-30) {
            return Ok(if s > 0.0 {
                Ordering::Greater
            } else {
                Ordering::Less
            });
        }
        self.field.sign(v)
    }

    /// A floating-point value of coordinate `x` (a guide for scales only).
    pub fn approx(&self, v: &ExactVec, x: usize) -> f64 {
        let m = self.m;
        let s: f64 = v.v[x * m..(x + 1) * m]
            .iter()
            .zip(&self.cos)
            .map(|(c, k)| *c as f64 * k)
            .sum();
        s / v.den as f64
    }

    /// The input `w = scale P_S r` on layer 0.
    pub fn input(&self, sources: &[usize], r: &[i64], scale: &Q) -> Option<ExactVec> {
        let module = self.net.layer(0);
        let sums = module.class_sums_int(r);
        let n = module.points();
        let mut v = vec![0i128; n * self.m];
        for &l in sources {
            let s = &module.simples.simples[l];
            let w = (4 * s.dim / s.kind.endomorphism_dim()) as i128;
            for (a, b) in v.iter_mut().zip(module.project_int_sums(l, &sums)) {
                *a += w * b;
            }
        }
        let (sn, sd) = small(scale)?;
        for a in v.iter_mut() {
            *a = a.checked_mul(sn)?;
        }
        let den = (4 * module.order() as i128).checked_mul(sd)?;
        normalize(ExactVec { v, den })
    }

    /// One layer `sigma(A v + b)` with the weights and biases of `lw` (layer `l >= 1`).
    pub fn layer(&self, l: usize, prev: &ExactVec, lw: &LayerWeights) -> Result<Option<ExactVec>> {
        let m = self.m;
        let module = self.net.layer(l);
        let cross = &self.net.cross(l);
        let n = module.points();
        // Common denominators of weights (k) and biases (bd).
        let mut k: i128 = 1;
        for (_, w) in &lw.weights {
            let Some((_, d)) = small(w) else {
                return Ok(None);
            };
            k = k.lcm(&d);
        }
        let mut bd: i128 = 1;
        for (_, b) in &lw.bias {
            let Some((_, d)) = small(b) else {
                return Ok(None);
            };
            bd = bd.lcm(&d);
        }
        let mut u = vec![0i128; n * m];
        for &(o, ref w) in &lw.weights {
            let Some((wn, wd)) = small(w) else {
                return Ok(None);
            };
            let a = wn * (k / wd);
            for &(y, x) in &cross.pairs[o] {
                let (y, x) = (y as usize, x as usize);
                let src = &prev.v[x * m..(x + 1) * m];
                for (d, s) in u[y * m..(y + 1) * m].iter_mut().zip(src) {
                    *d += a * s;
                }
            }
        }
        if u.iter()
            .any(|c| c.unsigned_abs() > (MAX_MAGNITUDE as u128) << 20)
        {
            return Ok(None);
        }
        let Some(den) = k.checked_mul(prev.den).and_then(|x| x.checked_mul(bd)) else {
            return Ok(None);
        };
        if bd != 1 {
            for c in u.iter_mut() {
                *c = match c.checked_mul(bd) {
                    Some(x) => x,
                    None => return Ok(None),
                };
            }
        }
        if !lw.bias.is_empty() {
            let orbits = module.gset.orbits();
            for (x0, b) in &lw.bias {
                let (bn, bdd) = small(b).expect("checked above");
                let Some(add) = (bn * (bd / bdd)).checked_mul(k * prev.den) else {
                    return Ok(None);
                };
                let orbit = orbits.iter().find(|o| o.contains(x0)).expect("orbit rep");
                for &y in orbit {
                    u[y * m] += add;
                }
            }
        }
        let u = ExactVec { v: u, den };
        if self.field.check_magnitude(&u.v).is_err() {
            return Ok(None);
        }
        self.activate(u, n)
    }

    /// `sigma` coordinatewise.
    fn activate(&self, u: ExactVec, n: usize) -> Result<Option<ExactVec>> {
        let m = self.m;
        let f = self.field;
        match self.act {
            Activation::Square => {
                if u.v.iter().any(|c| c.unsigned_abs() > 1 << 50) || u.den > 1 << 50 {
                    return Ok(None);
                }
                let mut out = vec![0i128; n * m];
                for p in 0..n {
                    let xp = &u.v[p * m..(p + 1) * m];
                    f.mul_dense_acc(&mut out[p * m..(p + 1) * m], xp, xp);
                }
                Ok(normalize(ExactVec {
                    v: out,
                    den: u.den * u.den,
                }))
            }
            Activation::Hardtanh => {
                let mut out = u.v.clone();
                for p in 0..n {
                    let xp = &mut out[p * m..(p + 1) * m];
                    let mut hi = xp.to_vec();
                    hi[0] -= u.den;
                    let mut lo = xp.to_vec();
                    lo[0] += u.den;
                    if self.sign(&hi)? == Ordering::Greater {
                        xp.iter_mut().for_each(|c| *c = 0);
                        xp[0] = u.den;
                    } else if self.sign(&lo)? == Ordering::Less {
                        xp.iter_mut().for_each(|c| *c = 0);
                        xp[0] = -u.den;
                    }
                }
                Ok(normalize(ExactVec { v: out, den: u.den }))
            }
            _ => {
                // slopes() is (sigma(1), sigma(-1)); the slope for x < 0 is -sigma(-1).
                let (sp, sm1) = self.act.slopes().expect("homogeneous");
                let sm = -sm1;
                let e = small(&sp)
                    .expect("small slope")
                    .1
                    .lcm(&small(&sm).expect("small").1);
                let cp = small(&sp).map(|(a, b)| a * (e / b)).expect("small");
                let cm = small(&sm).map(|(a, b)| a * (e / b)).expect("small");
                let mut out = vec![0i128; n * m];
                for p in 0..n {
                    let xp = &u.v[p * m..(p + 1) * m];
                    let coef = if cp == cm {
                        cp
                    } else {
                        match self.sign(xp)? {
                            Ordering::Less => cm,
                            _ => cp,
                        }
                    };
                    if coef != 0 {
                        for (o, x) in out[p * m..(p + 1) * m].iter_mut().zip(xp) {
                            *o = match coef.checked_mul(*x) {
                                Some(v) => v,
                                None => return Ok(None),
                            };
                        }
                    }
                }
                let Some(den) = u.den.checked_mul(e) else {
                    return Ok(None);
                };
                Ok(normalize(ExactVec { v: out, den }))
            }
        }
    }

    /// The numerator `V den0 - V0 den` of `v - v0` (common denominator `den den0`).
    pub fn difference(&self, v: &ExactVec, v0: Option<&ExactVec>) -> Option<ExactVec> {
        let Some(v0) = v0 else {
            return Some(v.clone());
        };
        let mut out = Vec::with_capacity(v.v.len());
        for (a, b) in v.v.iter().zip(&v0.v) {
            out.push(a.checked_mul(v0.den)?.checked_sub(b.checked_mul(v.den)?)?);
        }
        Some(ExactVec {
            v: out,
            den: v.den.checked_mul(v0.den)?,
        })
    }

    /// The residues of every coordinate of `d` (numerators; the denominator is ignored).
    pub fn residues(&self, d: &ExactVec, n: usize) -> Vec<u64> {
        let (pf, m) = (&self.pf, self.m);
        let p = pf.p() as i128;
        (0..n)
            .map(|x| {
                d.v[x * m..(x + 1) * m]
                    .iter()
                    .zip(&self.omega)
                    .fold(0u64, |acc, (c, w)| {
                        if *c == 0 {
                            acc
                        } else {
                            let r = match i64::try_from(*c) {
                                Ok(x) => x.rem_euclid(p as i64) as u64,
                                Err(_) => c.rem_euclid(p) as u64,
                            };
                            pf.add(acc, pf.mul(r, *w))
                        }
                    })
            })
            .collect()
    }

    /// The residues of the class sums `sum_{g in K} d(y^g)` at one point.
    pub fn class_sums_p(&self, module: &PlModule, res: &[u64], y: usize) -> Vec<u64> {
        let mut s = vec![0u64; module.classes.len()];
        for g in 0..module.order() {
            let c = module.classes.class_of[g] as usize;
            s[c] = self.pf.add(s[c], res[module.image(g, y)]);
        }
        s
    }

    /// Whether the residue of `(Q_M d)(y)` is nonzero (a proof that it is nonzero).
    pub fn nonzero_p(&self, target: usize, sums: &[u64]) -> bool {
        let pf = &self.pf;
        sums.iter()
            .zip(&self.psi_p[target])
            .fold(0u64, |acc, (s, c)| pf.add(acc, pf.mul(*s, *c)))
            != 0
    }

    /// The exact `(P_M (v - v0))(y)` from the numerator `d` (denominator `d.den`).
    pub fn component(
        &self,
        module: &PlModule,
        d: &ExactVec,
        target: usize,
        y: usize,
    ) -> Cyclotomic {
        let (m, k) = (self.m, module.classes.len());
        let mut sums = vec![0i128; k * m];
        for g in 0..module.order() {
            let c = module.classes.class_of[g] as usize;
            let x = module.image(g, y);
            for (a, b) in sums[c * m..(c + 1) * m]
                .iter_mut()
                .zip(&d.v[x * m..(x + 1) * m])
            {
                *a += b;
            }
        }
        let mut acc = vec![0i128; m];
        for c in 0..k {
            self.field
                .mul_acc(&mut acc, module.psi(target, c), &sums[c * m..(c + 1) * m]);
        }
        let scale = module.projector_scale(target) / Q::from(num_bigint::BigInt::from(d.den));
        self.field.to_cyclotomic(&acc, &scale)
    }
}

/// Divide numerators and denominator by their gcd; `None` above the magnitude guard.
fn normalize(mut v: ExactVec) -> Option<ExactVec> {
    // Small values need no reduction (the gcd pass costs more than it saves).
    if v.den < 1 << 40 && v.v.iter().all(|c| c.unsigned_abs() < 1 << 40) {
        return Some(v);
    }
    let mut g = v.den;
    for c in &v.v {
        if g == 1 {
            break;
        }
        if *c != 0 {
            g = g.gcd(c);
        }
    }
    if g > 1 {
        v.v.iter_mut().for_each(|c| *c /= g);
        v.den /= g;
    }
    if v.v.iter().any(|c| c.unsigned_abs() > MAX_MAGNITUDE as u128) || v.den > MAX_MAGNITUDE {
        return None;
    }
    Some(v)
}

/// The simulation of one witness network: the vectors of every layer for the input and
/// for the zero input (`None` when the zero input stays zero).
pub(crate) struct Simulation {
    pub layers: Vec<ExactVec>,
    pub zero: Option<Vec<ExactVec>>,
}

impl Simulation {
    /// Run `w` through the layers of `wn` (as many as it has); `None` when a value leaves
    /// the magnitude guard.
    pub fn run(
        engine: &Engine<'_>,
        sources: &[usize],
        wn: &WitnessNetwork,
        track_zero: bool,
    ) -> Result<Option<Simulation>> {
        let Some(v) = engine.input(sources, &wn.r, &wn.scale) else {
            return Ok(None);
        };
        let n0 = engine.net.layer(0).points();
        let mut layers = vec![v];
        let mut zero = track_zero.then(|| {
            vec![ExactVec {
                v: vec![0; n0 * engine.field.m()],
                den: 1,
            }]
        });
        for (i, lw) in wn.layers.iter().enumerate() {
            let l = i + 1;
            let Some(next) = engine.layer(l, &layers[i], lw)? else {
                return Ok(None);
            };
            layers.push(next);
            if let Some(z) = zero.as_mut() {
                let Some(next) = engine.layer(l, &z[i], lw)? else {
                    return Ok(None);
                };
                z.push(next);
            }
        }
        Ok(Some(Simulation { layers, zero }))
    }

    /// The numerator of `v_l(w) - v_l(0)`.
    pub fn difference(&self, engine: &Engine<'_>, l: usize) -> Option<ExactVec> {
        engine.difference(&self.layers[l], self.zero.as_ref().map(|z| &z[l]))
    }
}
