//! Independent re-checking of a [`NetworkResult`] with canonical [`Cyclotomic`]
//! arithmetic, from the action tables and the real characters only — none of the
//! search's field vectors, modular images, orbitals or block code.
//!
//! * Reached: the witness network is simulated from its record (input `t sum_L P_L r`
//!   with `P_L[x][z] = c_L sum_{g: x^g = z} psi_L(g)`, each weight spread over the orbit
//!   of its representative pair, each bias over the orbit of its point, `sigma` with
//!   certified signs), for the input and for 0; the component `(P_M (v_l - v_l(0)))(y)`
//!   must be nonzero.
//! * Excluded: the alive set of the previous layer is recomputed from the statuses, and
//!   the obstruction re-derived: kernel (character values), Hadamard sum, block space
//!   (rows of `P_S = sum P_L` zero, equal or opposite by `|P e_x - s P e_y|^2`; classes
//!   respect the offset's values; `sum_u u^T P_M u = 0`).
//! * Cycle: the repeated alive sets are equal and the layers are equal.

use super::{NetworkResult, SourceResult, Status};
use crate::arith::{Cyclotomic, Q};
use crate::error::{Error, Result};
use crate::pl::blocks::BlockKind;
use crate::pl::joint::JointObstruction;
use crate::pl::{Activation, Bias, Parity, PlModule};
use std::collections::HashSet;

use super::layers::Network;
use super::witness::WitnessNetwork;

/// What [`certify_network`] checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NetworkCertifyReport {
    /// Witness networks simulated.
    pub networks: usize,
    /// Reached `(source, layer, M)` re-checked.
    pub reaches: usize,
    /// Excluded `(source, layer, M)` re-checked (distinct obstructions checked once).
    pub exclusions: usize,
}

/// The vectors of every layer for the input and for the zero input.
type Trace = (Vec<Vec<Cyclotomic>>, Vec<Vec<Cyclotomic>>);

fn fail<T>(what: String) -> Result<T> {
    Err(Error::verification(format!("network certificate: {what}")))
}

/// The offset of layer `l` as the checker reads the options: per point values, or
/// `None` for a generic offset.
fn offset(net: &Network, bias: &Bias, l: usize) -> Result<Option<Vec<Q>>> {
    let n = net.layer(l).points();
    Ok(match bias {
        Bias::None => Some(vec![Q::zero(); n]),
        Bias::Generic => None,
        _ if l >= 2 => None,
        b => b.per_point(&net.layer(l).gset.orbits())?,
    })
}

fn c_of(module: &PlModule, l: usize) -> Q {
    let s = &module.simples.simples[l];
    Q::new(
        s.dim as i64,
        (s.kind.endomorphism_dim() * module.order() as u64) as i64,
    )
}

/// `sum_L c_L sum_K counts[K] psi_L(K)`.
fn combine(module: &PlModule, set: &[usize], counts: &[i64]) -> Cyclotomic {
    let mut acc = Cyclotomic::zero();
    for &l in set {
        let mut s = Cyclotomic::zero();
        for (k, &c) in counts.iter().enumerate() {
            if c != 0 {
                s += module.simples.simples[l].values[k].scale(&Q::from_int(c));
            }
        }
        acc += s.scale(&c_of(module, l));
    }
    acc
}

/// The row `P_S[y][.]` from the definition.
fn row(module: &PlModule, set: &[usize], y: usize) -> Vec<Cyclotomic> {
    let k = module.classes.len();
    let n = module.points();
    let mut counts = vec![0i64; n * k];
    for g in 0..module.order() {
        counts[module.image(g, y) * k + module.classes.class_of[g] as usize] += 1;
    }
    (0..n)
        .map(|x| combine(module, set, &counts[x * k..(x + 1) * k]))
        .collect()
}

/// `(P_M v)(y)` from the definition.
fn component(module: &PlModule, m: usize, v: &[Cyclotomic], y: usize) -> Cyclotomic {
    let k = module.classes.len();
    let mut sums = vec![Cyclotomic::zero(); k];
    for g in 0..module.order() {
        sums[module.classes.class_of[g] as usize] += &v[module.image(g, y)];
    }
    let mut acc = Cyclotomic::zero();
    for (c, s) in sums.iter().enumerate() {
        if !s.is_zero() {
            acc += &module.simples.simples[m].values[c] * s;
        }
    }
    acc.scale(&c_of(module, m))
}

/// Simulate a witness network: the vectors of every layer for the input and for 0.
fn simulate(
    net: &Network,
    act: &Activation,
    sources: &[usize],
    wn: &WitnessNetwork,
) -> Result<Trace> {
    let m0 = net.layer(0);
    let n0 = m0.points();
    if wn.r.len() != n0 {
        return fail("the input vector r has the wrong length".into());
    }
    // w(x) = t sum_L c_L sum_g psi_L(g) r(x^g)
    let k = m0.classes.len();
    let mut w = Vec::with_capacity(n0);
    for x in 0..n0 {
        let mut counts = vec![0i64; k];
        for g in 0..m0.order() {
            counts[m0.classes.class_of[g] as usize] += wn.r[m0.image(g, x)];
        }
        w.push(combine(m0, sources, &counts).scale(&wn.scale));
    }
    let mut v = vec![w];
    let mut z = vec![vec![Cyclotomic::zero(); n0]];
    if wn.layers.len() > net.depth() {
        return fail("the witness has more layers than the network".into());
    }
    for (i, lw) in wn.layers.iter().enumerate() {
        let l = i + 1;
        let (my, mx) = (net.layer(l), net.layer(l - 1));
        let (ny, nx) = (my.points(), mx.points());
        // The matrix A from the orbits of the representative pairs.
        let mut a: Vec<Option<Q>> = vec![None; ny * nx];
        for (o, wt) in &lw.weights {
            let Some(&(y0, x0)) = net.cross(l).reps.get(*o) else {
                return fail(format!("layer {l}: no orbital {o}"));
            };
            for g in 0..my.order() {
                let idx = my.image(g, y0) * nx + mx.image(g, x0);
                match &a[idx] {
                    Some(q) if q != wt => {
                        return fail(format!("layer {l}: two weights on one orbital"))
                    }
                    _ => a[idx] = Some(wt.clone()),
                }
            }
        }
        let mut b: Vec<Option<Q>> = vec![None; ny];
        for (x0, q) in &lw.bias {
            if *x0 >= ny {
                return fail(format!("layer {l}: bias point {x0} out of range"));
            }
            for g in 0..my.order() {
                let y = my.image(g, *x0);
                match &b[y] {
                    Some(p) if p != q => {
                        return fail(format!("layer {l}: two biases on one orbit"))
                    }
                    _ => b[y] = Some(q.clone()),
                }
            }
        }
        let step = |prev: &[Cyclotomic]| -> Result<Vec<Cyclotomic>> {
            let mut out = Vec::with_capacity(ny);
            for y in 0..ny {
                let mut u = Cyclotomic::from_q(b[y].clone().unwrap_or_else(Q::zero));
                for x in 0..nx {
                    if let Some(q) = &a[y * nx + x] {
                        if !prev[x].is_zero() {
                            u += prev[x].scale(q);
                        }
                    }
                }
                out.push(act.eval(&u)?);
            }
            Ok(out)
        };
        let next = step(&v[i])?;
        let next0 = step(&z[i])?;
        v.push(next);
        z.push(next0);
    }
    Ok((v, z))
}

fn even_like(act: &Activation, zero_offset: bool, inside: bool) -> bool {
    zero_offset && (act.parity() == Parity::Even || (act.is_homogeneous() && !inside))
}

struct ObstructionChecker<'a> {
    net: &'a Network,
    act: &'a Activation,
    done: HashSet<(usize, Vec<usize>, usize, String)>,
}

impl ObstructionChecker<'_> {
    fn check(
        &mut self,
        l: usize,
        set: &[usize],
        off: &Option<Vec<Q>>,
        target: usize,
        o: &JointObstruction,
    ) -> Result<()> {
        let key = (
            self.net.layer_module[l],
            set.to_vec(),
            target,
            format!("{off:?}|{o:?}"),
        );
        if self.done.contains(&key) {
            return Ok(());
        }
        let module = self.net.layer(l);
        let simples = &module.simples.simples;
        let label = &simples[target].label;
        let zero_offset = off.as_ref().is_some_and(|v| v.iter().all(Q::is_zero));
        let inside = set.contains(&target);
        match o {
            JointObstruction::Empty => {
                if !set.is_empty() {
                    return fail(format!("layer {l} {label}: 'empty' but simples are alive"));
                }
            }
            JointObstruction::Linear => {
                let linear = self
                    .act
                    .homogeneous_parts()
                    .is_some_and(|(_, b)| b.is_zero());
                if !linear || inside {
                    return fail(format!(
                        "layer {l} {label}: the linear obstruction does not apply"
                    ));
                }
            }
            JointObstruction::Kernel { class, signed } => {
                if *class >= module.classes.len() {
                    return fail(format!("layer {l} {label}: no class {class}"));
                }
                let sign = if *signed { -1 } else { 1 };
                if *signed && !even_like(self.act, zero_offset, inside) {
                    return fail(format!(
                        "layer {l} {label}: the signed kernel rule needs an even map"
                    ));
                }
                for &s in set {
                    let d = Cyclotomic::from_int(sign * simples[s].dim as i64);
                    if simples[s].values[*class] != d {
                        return fail(format!(
                            "layer {l} {label}: the class does not act as {sign} on {}",
                            simples[s].label
                        ));
                    }
                }
                if simples[target].values[*class]
                    == Cyclotomic::from_int(simples[target].dim as i64)
                {
                    return fail(format!(
                        "layer {l} {label}: the class lies in the target's kernel"
                    ));
                }
            }
            JointObstruction::Hadamard => {
                if *self.act != Activation::Square || !zero_offset {
                    return fail(format!(
                        "layer {l} {label}: Hadamard needs square without offset"
                    ));
                }
                let mut total = Cyclotomic::zero();
                for orbit in module.gset.orbits() {
                    let a = row(module, set, orbit[0]);
                    let b = row(module, &[target], orbit[0]);
                    let mut s = Cyclotomic::zero();
                    for (x, y) in a.iter().zip(&b) {
                        if !x.is_zero() && !y.is_zero() {
                            s += &(x * x) * y;
                        }
                    }
                    total += s.scale(&Q::from_int(orbit.len() as i64));
                }
                if !total.is_zero() {
                    return fail(format!("layer {l} {label}: the Hadamard sum is {total}"));
                }
            }
            JointObstruction::Blocks {
                kind,
                zero_set,
                classes,
            } => self.check_blocks(l, set, off, target, *kind, zero_set, classes)?,
        }
        self.done.insert(key);
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn check_blocks(
        &self,
        l: usize,
        set: &[usize],
        off: &Option<Vec<Q>>,
        target: usize,
        kind: BlockKind,
        zero_set: &[usize],
        classes: &[Vec<(usize, i8)>],
    ) -> Result<()> {
        let module = self.net.layer(l);
        let label = &module.simples.simples[target].label;
        let n = module.points();
        let zero_offset = off.as_ref().is_some_and(|v| v.iter().all(Q::is_zero));
        let inside = set.contains(&target);
        // Which spaces contain every sigma(w + c) - sigma(c).
        let valid = if !zero_offset {
            kind == BlockKind::Plus
        } else if let Some((a, _)) = self.act.homogeneous_parts() {
            (!inside || a.is_zero()) && kind != BlockKind::Odd
        } else if self.act.parity() == Parity::Odd {
            kind != BlockKind::Abs
        } else {
            kind == BlockKind::Plus
        };
        if !valid {
            return fail(format!(
                "layer {l} {label}: block space {} does not contain the values",
                kind.name()
            ));
        }
        let mut class_of = vec![usize::MAX; n];
        let mut sign_of = vec![0i64; n];
        for &x in zero_set {
            if x >= n || class_of[x] != usize::MAX {
                return fail(format!("layer {l} {label}: bad zero set"));
            }
            class_of[x] = usize::MAX - 1;
        }
        for (ci, c) in classes.iter().enumerate() {
            if c.is_empty() || c[0].1 != 1 {
                return fail(format!("layer {l} {label}: bad class"));
            }
            for &(x, s) in c {
                if x >= n || class_of[x] != usize::MAX || (s != 1 && s != -1) {
                    return fail(format!("layer {l} {label}: classes do not partition X"));
                }
                class_of[x] = ci;
                sign_of[x] = s as i64;
            }
        }
        if class_of.contains(&usize::MAX) {
            return fail(format!("layer {l} {label}: a point is in no class"));
        }
        // Offsets: equal values in a class (generic: one orbit).
        let orbit_of = {
            let mut o = vec![0; n];
            for (i, orb) in module.gset.orbits().iter().enumerate() {
                for &x in orb {
                    o[x] = i;
                }
            }
            o
        };
        for c in classes {
            let x0 = c[0].0;
            for &(x, _) in c {
                let same = match off {
                    Some(v) => v[x] == v[x0],
                    None => orbit_of[x] == orbit_of[x0],
                };
                if !same {
                    return fail(format!("layer {l} {label}: a class mixes offset values"));
                }
            }
        }
        // Rows: zero, equal or opposite (entries of P_S).
        let entry_diag = |x: usize| -> Cyclotomic {
            let k = module.classes.len();
            let mut counts = vec![0i64; k];
            for g in 0..module.order() {
                if module.image(g, x) == x {
                    counts[module.classes.class_of[g] as usize] += 1;
                }
            }
            combine(module, set, &counts)
        };
        let mut diag: Vec<Option<Cyclotomic>> = vec![None; n];
        for orbit in module.gset.orbits() {
            let d = entry_diag(orbit[0]);
            for &x in &orbit {
                diag[x] = Some(d.clone());
            }
        }
        for &x in zero_set {
            if !diag[x].as_ref().expect("diag").is_zero() {
                return fail(format!(
                    "layer {l} {label}: point {x} is not in the zero set"
                ));
            }
        }
        for c in classes {
            let x0 = c[0].0;
            let d0 = diag[x0].clone().expect("diag");
            if d0.is_zero() {
                return fail(format!("layer {l} {label}: a class has a zero row"));
            }
            let r0 = row(module, set, x0);
            for &(x, s) in &c[1..] {
                let lhs = diag[x].as_ref().expect("diag") + &d0;
                let rhs = r0[x].scale(&Q::from_int(2 * s as i64));
                if lhs != rhs {
                    return fail(format!(
                        "layer {l} {label}: rows of {x0} and {x} are not {}",
                        if s == 1 { "equal" } else { "opposite" }
                    ));
                }
            }
        }
        // sum over basis functions u of u^T P_M u = sum_g psi_M(g) sum_y u(y) u(y^g).
        let part = |x: usize| -> (usize, i64) {
            match kind {
                BlockKind::Plus => (2 * class_of[x] + usize::from(sign_of[x] < 0), 1),
                BlockKind::Abs => (class_of[x], 1),
                BlockKind::Odd => (class_of[x], sign_of[x]),
            }
        };
        let mut counts = vec![0i64; module.classes.len()];
        for g in 0..module.order() {
            let c = module.classes.class_of[g] as usize;
            for y in 0..n {
                if class_of[y] >= usize::MAX - 1 {
                    continue;
                }
                let z = module.image(g, y);
                if class_of[z] >= usize::MAX - 1 {
                    continue;
                }
                let (a, sa) = part(y);
                let (b, sb) = part(z);
                if a == b {
                    counts[c] += sa * sb;
                }
            }
        }
        if !combine(module, &[target], &counts).is_zero() {
            return fail(format!(
                "layer {l} {label}: P_M does not kill the block space"
            ));
        }
        Ok(())
    }
}

/// Layer `l` of `src` lists a status for exactly the simples `present`, and its alive set
/// is the non-excluded ones (shared with the commutant network's checker).
pub(crate) fn check_statuses(src: &SourceResult, l: usize, present: &[usize]) -> Result<()> {
    let listed: Vec<usize> = src.status[l].iter().map(|x| x.0).collect();
    if listed != present {
        return fail(format!(
            "layer {l}: the statuses are not the simples present"
        ));
    }
    let alive: Vec<usize> = src.status[l]
        .iter()
        .filter(|x| !matches!(x.1, Status::Excluded(_)))
        .map(|x| x.0)
        .collect();
    if alive != src.alive[l] {
        return fail(format!(
            "layer {l}: the alive set is not the non-excluded simples"
        ));
    }
    Ok(())
}

fn check_source(
    net: &Network,
    res: &NetworkResult,
    src: &SourceResult,
    obs: &mut ObstructionChecker<'_>,
    rep: &mut NetworkCertifyReport,
) -> Result<()> {
    let act = &res.options.activation;
    let present0: Vec<usize> = net.simples_of(0);
    if src.alive.first() != Some(&src.sources) || src.sources.iter().any(|s| !present0.contains(s))
    {
        return fail("the sources are not simples of layer 0".into());
    }
    if src.status.len() != net.depth() + 1 || src.alive.len() != net.depth() + 1 {
        return fail("the statuses do not cover every layer".into());
    }
    let mut sims: Vec<Option<Trace>> = vec![None; src.networks.len()];
    for l in 1..=net.depth() {
        let present = net.simples_of(l);
        check_statuses(src, l, &present)?;
        let set: Vec<usize> = src.alive[l - 1]
            .iter()
            .copied()
            .filter(|x| present.contains(x))
            .collect();
        let off = offset(net, &res.options.bias, l)?;
        let module = net.layer(l);
        for (m, st) in &src.status[l] {
            match st {
                Status::Excluded(o) => {
                    obs.check(l, &set, &off, *m, o)?;
                    rep.exclusions += 1;
                }
                Status::Reached(r) => {
                    let Some(wn) = src.networks.get(r.network) else {
                        return fail(format!("layer {l}: no witness network {}", r.network));
                    };
                    if wn.layers.len() < l || r.point >= module.points() {
                        return fail(format!(
                            "layer {l}: the witness is too short or the point out of range"
                        ));
                    }
                    if sims[r.network].is_none() {
                        sims[r.network] = Some(simulate(net, act, &src.sources, wn)?);
                        rep.networks += 1;
                    }
                    let (v, z) = sims[r.network].as_ref().expect("simulated");
                    let d: Vec<Cyclotomic> = v[l].iter().zip(&z[l]).map(|(a, b)| a - b).collect();
                    if component(module, *m, &d, r.point).is_zero() {
                        return fail(format!(
                            "layer {l}: the {} component of the witness is zero",
                            module.simples.simples[*m].label
                        ));
                    }
                    rep.reaches += 1;
                }
                Status::Unresolved => {}
            }
        }
    }
    if let Some((i, j)) = src.cycle {
        if !(1 <= i && i < j && j <= net.depth())
            || src.alive[i] != src.alive[j]
            || !net.equal_layers()
        {
            return fail("the claimed cycle of alive sets does not hold".into());
        }
    }
    Ok(())
}

/// Re-check every certificate of a network analysis independently of the search.
///
/// # Returns
/// What was checked, or [`Error::Verification`] naming the first failing certificate.
///
/// # Complexity
/// Per witness network one simulation in cyclotomic arithmetic (`O(|X_l| |X_{l-1}|)`
/// operations per layer); per reach `O(|G|)` additions and `#classes` products; per
/// distinct obstruction `O(|G| |X|)` (blocks) or `O(|S| #classes)` (kernel).
///
/// ```
/// use plrep::group::{spec::parse_group, gset::ActionSpec, Limits};
/// use plrep::pl::{GroupData, Activation, Bias};
/// use plrep::network::{Network, NetworkOptions, analyze, certify_network};
/// let lim = Limits::default();
/// let d = GroupData::new(&parse_group("C6").unwrap(), &lim).unwrap();
/// let reg = ActionSpec::parse("regular").unwrap();
/// let net = Network::new(&d, &[reg.clone(), reg.clone(), reg], &lim).unwrap();
/// let res = analyze(&net, &NetworkOptions::new(Activation::Relu, Bias::None), &[vec![1]]).unwrap();
/// assert!(certify_network(&net, &res).unwrap().reaches > 0);
/// ```
pub fn certify_network(net: &Network, res: &NetworkResult) -> Result<NetworkCertifyReport> {
    let mut rep = NetworkCertifyReport::default();
    let mut obs = ObstructionChecker {
        net,
        act: &res.options.activation,
        done: HashSet::new(),
    };
    for src in &res.sources {
        check_source(net, res, src, &mut obs, &mut rep)?;
    }
    Ok(rep)
}
