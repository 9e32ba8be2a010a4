//! Exact witnesses of edges (theory.md §7): `w = t P_L r` for a small integer vector `r`
//! drawn from a seeded generator, `sigma(w + q·1)` with certified signs, and an exact
//! nonzero coordinate of `P_{L'}(sigma(w + q·1) - sigma(q)·1)` (`q` the bias, 0 without).
//!
//! Without a bias `sigma(0) = 0` for every supported activation, so the certificate says
//! `F(w) = P_{L'} sigma(w) != 0`. With a bias it says `F(w) != F(0)`: `F` is not constant
//! on `V_L` (a constant would be the trivial component of `sigma(q·1)` alone).
//! Floating point only chooses the scales `t` to try (for non-homogeneous maps); every
//! decision is exact.

use super::activation::Activation;
use super::projector::PlModule;
use crate::arith::{Cyclotomic, Q};
use crate::error::{Error, Result};
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::cmp::Ordering;
use std::sync::Arc;

/// Entries of the random vectors `r` lie in `-RANGE..=RANGE`.
pub const RANGE: i64 = 3;

/// The certificate of an edge `L -> L'`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Witness {
    /// The seed that generated `r` (before a possible sign flip; for the record).
    pub seed: u64,
    /// The integer vector `r` on `X` (shared by the witnesses found with one seed and
    /// sign: one copy per attempt, not per edge).
    pub r: Arc<Vec<i64>>,
    /// The scale `t` (`w = t P_L r`); 1 for homogeneous activations without bias.
    pub scale: Q,
    /// The point `x` of `X`.
    pub point: usize,
    /// The exact nonzero value `(P_{L'}(sigma(w + q1) - sigma(q)1))(x)` (shared by the
    /// verdicts carried along automorphisms, theory.md §29.6: one copy per solved pair).
    pub value: Arc<Cyclotomic>,
}

/// The certificate of an edge `L_k -> L_j` of the regular module of a cyclic group by a
/// Fourier residue (theory.md §18; found by `pl::abelian`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FourierWitness {
    /// The element `g` (index into the group's elements) of order `n = |G|`; the point
    /// `0^(g^a)` has exponent `a`.
    pub generator: usize,
    /// `k`: `psi_L(g) = E(n)^k + E(n)^-k` (or `E(n)^k` for a one-dimensional `L`).
    pub source_frequency: u64,
    /// `j`: the same for the target `L'`.
    pub target_frequency: u64,
    /// The phase `s`: `w(0^(g^a)) = cos(2 pi (4 k a + s) / 4n)`.
    pub phase: u64,
    /// The period `4n` of the phase and the order of the root.
    pub period: u64,
    /// The prime `p = 1 mod 4n`.
    pub prime: u64,
    /// `rho`, of multiplicative order exactly `4n` modulo `p`, the image of `E(4n)`.
    pub root: u64,
    /// The image of `hat v(j) = sum_a sigma(w)(a) E(n)^(-j a)` in `F_p`, nonzero.
    pub residue: u64,
}

impl FourierWitness {
    /// A one-line description.
    pub fn describe(&self) -> String {
        format!(
            "w = cos(2 pi (4*{}*a + {})/{}) on the point 0^(g^a), g the element #{}; the Fourier coefficient of sigma(w) at frequency {} maps to {} != 0 in F_{} (E({}) -> {})",
            self.source_frequency,
            self.phase,
            self.period,
            self.generator,
            self.target_frequency,
            self.residue,
            self.prime,
            self.period,
            self.root
        )
    }
}

/// A deterministic generator (SplitMix64, Steele–Lea–Flood 2014).
#[derive(Clone, Debug)]
pub struct SplitMix(u64);

impl SplitMix {
    /// Seeded generator.
    pub fn new(seed: u64) -> Self {
        SplitMix(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x1234_5678)
    }
    /// Next 64 bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// The random integer vector of a seed: `n` entries in `-RANGE..=RANGE`.
pub fn random_vector(seed: u64, n: usize) -> Vec<i64> {
    let mut g = SplitMix::new(seed);
    (0..n)
        .map(|_| (g.next_u64() % (2 * RANGE as u64 + 1)) as i64 - RANGE)
        .collect()
}

fn big(x: i128) -> BigInt {
    BigInt::from(x)
}

fn to_i128(b: &BigInt) -> Option<i128> {
    b.to_i128()
}

/// `sigma(w + q1) - sigma(q)1` for `w = s * W` (`W` a field vector, `s` rational; `-W`
/// when `negate`), returned as `(Y, E)` meaning `Y / E` (integer field vector, positive
/// integer `E`).
pub(crate) fn apply_activation(
    module: &PlModule,
    w: &[i128],
    negate: bool,
    s: &Q,
    act: &Activation,
    bias: Option<&Q>,
) -> Result<Option<(Vec<i128>, i128)>> {
    let f = &module.field;
    let m = f.m();
    let n = module.points();
    let q = bias.cloned().unwrap_or_else(Q::zero);
    // w + q = (sn qd W + qn sd) / (sd qd)
    let (sn, sd) = (s.numer(), s.denom());
    let (qn, qd) = (q.numer(), q.denom());
    let Some(a1) = to_i128(&(&sn * &qd)) else {
        return Ok(None);
    };
    let a1 = if negate { -a1 } else { a1 };
    let Some(a0) = to_i128(&(&qn * &sd)) else {
        return Ok(None);
    };
    let Some(d) = to_i128(&(&sd * &qd)) else {
        return Ok(None);
    };
    // Products that cannot overflow are formed directly (the usual case); otherwise
    // each saturates, and the magnitude guard below rejects the attempt either way.
    let wmax = w.iter().map(|c| c.unsigned_abs()).max().unwrap_or(0);
    let mut x: Vec<i128> = if wmax
        .checked_mul(a1.unsigned_abs())
        .is_some_and(|p| p < 1 << 126)
    {
        w.iter().map(|wi| a1 * wi).collect()
    } else {
        w.iter()
            .map(|wi| a1.checked_mul(*wi).unwrap_or(i128::MAX))
            .collect()
    };
    for y in 0..n {
        x[y * m] += a0;
    }
    if f.check_magnitude(&x).is_err() {
        return Ok(None);
    }
    let (mut y_vec, e): (Vec<i128>, i128) = match act {
        Activation::Square => {
            let mut out = vec![0i128; n * m];
            for p in 0..n {
                let xp = &x[p * m..(p + 1) * m];
                f.mul_dense_acc(&mut out[p * m..(p + 1) * m], xp, xp);
            }
            (out, d * d)
        }
        Activation::Hardtanh => {
            let mut out = x.clone();
            for p in 0..n {
                let xp = &mut out[p * m..(p + 1) * m];
                let mut hi = xp.to_vec();
                hi[0] -= d;
                let mut lo = xp.to_vec();
                lo[0] += d;
                if f.sign(&hi)? == Ordering::Greater {
                    xp.iter_mut().for_each(|c| *c = 0);
                    xp[0] = d;
                } else if f.sign(&lo)? == Ordering::Less {
                    xp.iter_mut().for_each(|c| *c = 0);
                    xp[0] = -d;
                }
            }
            (out, d)
        }
        _ => {
            let (a, b) = act.homogeneous_parts().expect("homogeneous");
            let den = a.denom().lcm_with(&b.denom());
            let an = to_i128(&(a.numer() * (&den / a.denom()))).unwrap_or(0);
            let bn = to_i128(&(b.numer() * (&den / b.denom()))).unwrap_or(0);
            let den = to_i128(&den).unwrap_or(1);
            // In place: each point's coordinates times its slope.
            let mut out = x;
            for xp in out.chunks_exact_mut(m.max(1)) {
                let neg = bn != 0 && f.sign(xp)? == Ordering::Less;
                let coef = if neg { an - bn } else { an + bn };
                xp.iter_mut().for_each(|c| *c *= coef);
            }
            (out, den * d)
        }
    };
    if bias.is_some() {
        // subtract sigma(q) = u / v: Y/E - u/v = (v Y - u E) / (v E)
        let sq = act.eval_q(&q);
        let (Some(u), Some(v)) = (to_i128(&sq.numer()), to_i128(&sq.denom())) else {
            return Ok(None);
        };
        for c in y_vec.iter_mut() {
            *c *= v;
        }
        for p in 0..n {
            y_vec[p * m] -= u * e;
        }
        if f.check_magnitude(&y_vec).is_err() {
            return Ok(None);
        }
        return Ok(Some((y_vec, v * e)));
    }
    if f.check_magnitude(&y_vec).is_err() {
        return Ok(None);
    }
    Ok(Some((y_vec, e)))
}

trait LcmWith {
    fn lcm_with(&self, other: &BigInt) -> BigInt;
}
impl LcmWith for BigInt {
    fn lcm_with(&self, other: &BigInt) -> BigInt {
        num_integer::Integer::lcm(self, other)
    }
}

/// The scales `t` to try: 1 for homogeneous activations without bias; otherwise also a
/// small one (every `|t w| <= 1/2`), a large one (every nonzero `|t w| >= 2 + |q|`), and
/// two around the bias. Chosen from floating-point magnitudes (a guide only).
pub(crate) fn scales(
    module: &PlModule,
    w: &[i128],
    c: &Q,
    act: &Activation,
    bias: Option<&Q>,
) -> Vec<Q> {
    let mut out = vec![Q::one()];
    if act.is_homogeneous() && bias.is_none() {
        return out;
    }
    let m = module.field.m();
    let cf = c.to_f64();
    let mags: Vec<f64> = (0..module.points())
        .map(|y| {
            (module
                .field
                .to_cyclotomic(&w[y * m..(y + 1) * m], &Q::one())
                .to_f64()
                * cf)
                .abs()
        })
        .collect();
    let max = mags.iter().cloned().fold(0.0, f64::max);
    let min = mags
        .iter()
        .cloned()
        .filter(|v| *v > 1e-9)
        .fold(f64::INFINITY, f64::min);
    if max <= 0.0 || !min.is_finite() {
        return out;
    }
    let qb = bias.map_or(0.0, |q| q.to_f64().abs());
    let approx = |x: f64| -> Q {
        // a rational close to x with a small denominator
        if x >= 1.0 {
            Q::from_int(x.ceil() as i64)
        } else {
            Q::new(1, (1.0 / x).floor().max(1.0) as i64)
        }
    };
    out.push(approx(0.5 / max));
    out.push(approx((2.0 + qb) / min));
    if qb > 0.0 {
        out.push(approx(2.0 * qb / max));
        out.push(approx(1.5 * qb / max));
        out.push(approx(4.0 * qb / max));
    }
    let mut seen = Vec::new();
    out.retain(|t| {
        if seen.contains(t) || t.is_zero() {
            false
        } else {
            seen.push(t.clone());
            true
        }
    });
    out
}

/// Search witnesses for the edges `L -> L'` for every `L'` in `targets` at once.
///
/// # Arguments
/// * `module` — the permutation module; `l` — the source simple;
/// * `targets` — the candidate target simples;
/// * `act`, `bias` — the activation and the optional bias;
/// * `seeds` — how many random vectors `r` to try (each with `w` and `-w`, and every scale).
///
/// # Returns
/// For each target the first witness found (or `None`), in the order of `targets`.
///
/// # Complexity
/// Per attempt: `O(|G| |X|)` for `w`, `O(|X|)` certified signs, `O(|X| m)` for the
/// residues of `sigma(w)`, and per point `y` visited `O(|G|)` for the class sums of the
/// residues at `y` and `O(#classes)` per pending target (theory.md §31.1); only at the
/// points where a residue is nonzero, `O(|G| m)` for the exact class sums (shared by the
/// targets) and `O(#classes m)` per target found there. A point is visited only while
/// some target has no nonzero residue yet. Memory `O(|X| m + #classes m)`.
///
/// ```
/// use plrep::pl::{PlModule, Activation, witness::search};
/// use plrep::group::{spec::parse_group, gset::ActionSpec, Limits};
/// let m = PlModule::new(&parse_group("C5").unwrap(), &ActionSpec::parse("regular").unwrap(), &Limits::default()).unwrap();
/// let found = search(&m, 1, &[0, 1, 2], &Activation::Relu, None, 4).unwrap();
/// assert!(found.iter().all(|w| w.is_some()));
/// ```
pub fn search(
    module: &PlModule,
    l: usize,
    targets: &[usize],
    act: &Activation,
    bias: Option<&Q>,
    seeds: u64,
) -> Result<Vec<Option<Witness>>> {
    Ok(search_with_stats(module, l, targets, act, bias, seeds)?.0)
}

/// What a witness search did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SearchStats {
    /// Vectors `sigma(w)` evaluated and projected.
    pub attempts: u64,
    /// Attempts skipped because exact coordinates would exceed the size guard.
    pub skipped_overflow: u64,
}

/// [`search`], also reporting what was tried.
pub fn search_with_stats(
    module: &PlModule,
    l: usize,
    targets: &[usize],
    act: &Activation,
    bias: Option<&Q>,
    seeds: u64,
) -> Result<(Vec<Option<Witness>>, SearchStats)> {
    search_impl(module, l, targets, act, bias, seeds, false, None)
}

/// The integer class sums of the seed vectors, shared by the sources of one solve
/// (index: seed; filled on first use, from any thread).
pub(crate) type SeedSums = Vec<std::sync::OnceLock<Vec<i64>>>;

/// [`search_with_stats`] reusing the class sums of the seed vectors across sources.
pub(crate) fn search_cached(
    module: &PlModule,
    l: usize,
    targets: &[usize],
    act: &Activation,
    bias: Option<&Q>,
    seeds: u64,
    cache: &SeedSums,
) -> Result<(Vec<Option<Witness>>, SearchStats)> {
    search_impl(module, l, targets, act, bias, seeds, false, Some(cache))
}

/// [`search_with_stats`] by the former dense path: the class sums of `sigma(w)` at every
/// point (`|X| #classes m` coordinates per attempt) before any target is tried. Kept as
/// the baseline the tests and benches compare the on-demand path against; it finds the
/// same witnesses.
pub fn search_dense(
    module: &PlModule,
    l: usize,
    targets: &[usize],
    act: &Activation,
    bias: Option<&Q>,
    seeds: u64,
) -> Result<(Vec<Option<Witness>>, SearchStats)> {
    search_impl(module, l, targets, act, bias, seeds, true, None)
}

#[allow(clippy::too_many_arguments)]
fn search_impl(
    module: &PlModule,
    l: usize,
    targets: &[usize],
    act: &Activation,
    bias: Option<&Q>,
    seeds: u64,
    dense: bool,
    sums_cache: Option<&SeedSums>,
) -> Result<(Vec<Option<Witness>>, SearchStats)> {
    let mut stats = SearchStats::default();
    let f = &module.field;
    let m = f.m();
    let n = module.points();
    let mut found: Vec<Option<Witness>> = vec![None; targets.len()];
    let cl = module.projector_scale(l);
    for seed in 0..seeds {
        if found.iter().all(Option::is_some) {
            break;
        }
        let r = random_vector(seed, n);
        let w = match sums_cache.and_then(|c| c.get(seed as usize)) {
            Some(cell) => {
                // The class sums of `r` do not depend on the source: computed once per
                // seed for all sources of a solve (`O(|G| |X|)` each).
                let sums = cell.get_or_init(|| module.class_sums_small(&r));
                module.project_int_sums(l, sums)
            }
            None => module.project_int_sums(l, &module.class_sums_small(&r)),
        };
        if (0..n).all(|y| f.is_zero(&w[y * m..(y + 1) * m])) {
            continue;
        }
        // `w` and `-w` have the same magnitudes, so the same scales.
        let ts = scales(module, &w, &cl, act, bias);
        for negate in [false, true] {
            let rs: Arc<Vec<i64>> = Arc::new(if negate {
                r.iter().map(|c| -c).collect()
            } else {
                r.clone()
            });
            for t in &ts {
                if found.iter().all(Option::is_some) {
                    break;
                }
                let s = t * &cl;
                let Some((v, e)) = apply_activation(module, &w, negate, &s, act, bias)? else {
                    stats.skipped_overflow += 1;
                    continue;
                };
                stats.attempts += 1;
                // The witness of target `l2` at point `y` with exact value `val` (nonzero).
                let witness = |l2: usize, y: usize, val: &[i128]| {
                    let scale = module.projector_scale(l2) / Q::from(big(e));
                    Witness {
                        seed,
                        r: rs.clone(),
                        scale: t.clone(),
                        point: y,
                        value: f.to_cyclotomic(val, &scale).into(),
                    }
                };
                if dense {
                    let sums = module.class_sums(&v);
                    for (i, &l2) in targets.iter().enumerate() {
                        if found[i].is_some() {
                            continue;
                        }
                        for y in 0..n {
                            let val = module.project_sums_at(l2, &sums, y);
                            if !f.is_zero(&val) {
                                found[i] = Some(witness(l2, y, &val));
                                break;
                            }
                        }
                    }
                    continue;
                }
                // The points in order, first by residues (theory.md §31.1): the class
                // sums of the residues of `sigma(w)` (`O(|G|)` a point) and one residue
                // per open target decide where `Q_{L'} sigma(w)` is nonzero; a nonzero
                // residue proves it, and only there are the exact class sums computed
                // (`O(|G| m)`, shared by the targets whose point it is). A target whose
                // residues vanish at every point is left for the next attempt.
                let mut open: Vec<usize> =
                    (0..targets.len()).filter(|&i| found[i].is_none()).collect();
                if open.is_empty() {
                    continue;
                }
                let res = module.residues();
                let rho = res.of_points(&v);
                let k = module.classes.len();
                let (mut y0, mut width) = (0, 1);
                while y0 < n && !open.is_empty() {
                    let y1 = (y0 + width).min(n);
                    let sums_mod = module.class_sums_mod(&res.fq, &rho, y0, y1);
                    for y in y0..y1 {
                        let at = &sums_mod[(y - y0) * k..(y - y0 + 1) * k];
                        let hits: Vec<usize> = open
                            .iter()
                            .copied()
                            .filter(|&i| res.dot(module.psi_residues(targets[i]), at) != 0)
                            .collect();
                        if hits.is_empty() {
                            continue;
                        }
                        let sums = module.class_sums_at(&v, y);
                        for &i in &hits {
                            let l2 = targets[i];
                            let val = module.project_point_sums(l2, &sums);
                            if f.is_zero(&val) {
                                return Err(Error::verification(format!(
                                    "the witness search found a nonzero residue of the zero value of simple {l2} at point {y}"
                                )));
                            }
                            found[i] = Some(witness(l2, y, &val));
                        }
                        open.retain(|i| !hits.contains(i));
                        if open.is_empty() {
                            break;
                        }
                    }
                    y0 = y1;
                    // Most targets are decided at the first points; a vector that vanishes
                    // for some target is read in blocks of growing size.
                    width = (width * 2).min(((256usize << 10) / (16 * k.max(1))).max(1));
                }
            }
        }
    }
    Ok((found, stats))
}
