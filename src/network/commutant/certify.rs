//! The independent checker of a commutant-route network analysis (theory.md §16.4). It
//! shares no code with the search ([`super::search`], [`super::step`],
//! [`super::isomorphic`]): from the generators acting on each layer and the claims it
//! re-derives
//!
//! * every module's pair classes, primitive central idempotents, dimensions and types
//!   (the checker of the commutant route, [`crate::pl::certify::certify_commutant`]);
//! * the isomorphism types: its own classes of `G` on `X_b × X_a` (union–find along the
//!   generators), and `L ≅ L'` iff `e_{L'} B e_L != 0` for some class matrix `B`
//!   (every pair of simples of distinct modules: equal types iff isomorphic);
//! * per source and layer the alive sets from the statuses, the set `S'` of simples of
//!   `X_l` isomorphic to an alive one of `X_{l-1}`, and each exclusion's obstruction
//!   (empty, linear, Hadamard sum, block space: zero and equal or opposite rows of `P_S'`
//!   by `|P e_x - s P e_y|^2`, offsets constant on classes, `sum_u u^T e_M u = 0`);
//! * each reach by simulating its witness network in rationals (weights spread over the
//!   class of their representative pair, biases over the orbit of their point) and
//!   evaluating `(e_M (v_l - v_l(0)))(y) != 0`;
//! * the claimed cycle of alive sets.

use super::CommutantNetwork;
use crate::arith::Q;
use crate::error::{Error, Result};
use crate::network::witness::WitnessNetwork;
use crate::network::{NetworkCertifyReport, NetworkResult, SourceResult, Status};
use crate::pl::blocks::BlockKind;
use crate::pl::certify::commutant::{verify_module, VerifiedModule};
use crate::pl::joint::JointObstruction;
use crate::pl::{Activation, Bias, Parity};
use std::collections::HashMap;

fn fail<T>(what: String) -> Result<T> {
    Err(Error::verification(format!(
        "commutant network certificate: {what}"
    )))
}

/// The vectors of every layer for the input and for 0.
type Trace = (Vec<Vec<Q>>, Vec<Vec<Q>>);

/// The checker's classes of `G` on `Y × X`.
struct Cross {
    nx: usize,
    class: Vec<u32>,
    /// First pair `(y, x)` of each class.
    first: Vec<(usize, usize)>,
}

fn root(parent: &mut [u32], mut a: u32) -> u32 {
    while parent[a as usize] != a {
        let p = parent[parent[a as usize] as usize];
        parent[a as usize] = p;
        a = p;
    }
    a
}

impl Cross {
    fn new(net: &CommutantNetwork, b: usize, a: usize) -> Cross {
        let (gy, gx) = (&net.modules[b].gset, &net.modules[a].gset);
        let (ny, nx) = (gy.len(), gx.len());
        let mut parent: Vec<u32> = (0..(ny * nx) as u32).collect();
        for (hy, hx) in gy.generators().iter().zip(gx.generators()) {
            for y in 0..ny {
                for x in 0..nx {
                    let p = root(&mut parent, (y * nx + x) as u32);
                    let q = root(&mut parent, (hy.apply(y) * nx + hx.apply(x)) as u32);
                    if p != q {
                        parent[p.max(q) as usize] = p.min(q);
                    }
                }
            }
        }
        let mut class = vec![0u32; ny * nx];
        let mut id: HashMap<u32, u32> = HashMap::new();
        let mut first = Vec::new();
        for (p, c) in class.iter_mut().enumerate() {
            let r = root(&mut parent, p as u32);
            *c = *id.entry(r).or_insert_with(|| {
                first.push((p / nx, p % nx));
                (first.len() - 1) as u32
            });
        }
        Cross { nx, class, first }
    }

    fn of(&self, y: usize, x: usize) -> usize {
        self.class[y * self.nx + x] as usize
    }
}

/// `e_b B e_a != 0` for some class matrix `B` of `Y × X`: for each class `p` with first
/// pair `(y, x)` and each `B`, `sum_{y'} e_b[y][y'] sum_{x'} B[y'][x'] e_a[x'][x]`.
fn iso(cross: &Cross, vx: &VerifiedModule, ea: &[Q], vy: &VerifiedModule, eb: &[Q]) -> bool {
    let c = cross.first.len();
    let (nx, ny) = (vx.pairs.n, vy.pairs.n);
    for &(y, x) in &cross.first {
        // col[o][y'] = (B_o e_a)[y'][x]
        let mut col = vec![vec![Q::zero(); ny]; c];
        for y2 in 0..ny {
            for x2 in 0..nx {
                let v = &ea[vx.pairs.of(x2, x)];
                if !v.is_zero() {
                    col[cross.of(y2, x2)][y2] += v;
                }
            }
        }
        for co in &col {
            let v: Q = (0..ny)
                .filter(|&y2| !co[y2].is_zero())
                .map(|y2| &eb[vy.pairs.of(y, y2)] * &co[y2])
                .sum();
            if !v.is_zero() {
                return true;
            }
        }
    }
    false
}

/// A network analysis of the commutant route that passed [`certify_commutant_network`].
#[derive(Clone, Debug)]
pub struct CertifiedCommutantNetwork<'a> {
    result: &'a NetworkResult,
    report: NetworkCertifyReport,
}

impl<'a> CertifiedCommutantNetwork<'a> {
    /// The analysis that passed the checker.
    pub fn result(&self) -> &'a NetworkResult {
        self.result
    }

    /// What the checker re-derived.
    pub fn report(&self) -> &NetworkCertifyReport {
        &self.report
    }
}

struct Checker<'a> {
    net: &'a CommutantNetwork,
    act: &'a Activation,
    bias: &'a Bias,
    modules: Vec<VerifiedModule>,
    crosses: HashMap<(usize, usize), Cross>,
}

impl Checker<'_> {
    fn cross(&mut self, b: usize, a: usize) -> &Cross {
        let net = self.net;
        self.crosses
            .entry((b, a))
            .or_insert_with(|| Cross::new(net, b, a))
    }

    /// The offset of layer `l`: per point values, or `None` for a generic one.
    fn offset(&self, l: usize) -> Result<Option<Vec<Q>>> {
        let n = self.net.layer(l).points();
        Ok(match self.bias {
            Bias::None => Some(vec![Q::zero(); n]),
            Bias::Generic => None,
            _ if l >= 2 => None,
            b => b.per_point(&self.orbits(l))?,
        })
    }

    /// The orbits of `X_l` from the diagonal pair classes.
    fn orbits(&self, l: usize) -> Vec<Vec<usize>> {
        let v = &self.modules[self.net.layer_module[l]];
        let mut by: Vec<(usize, Vec<usize>)> = Vec::new();
        for x in 0..v.pairs.n {
            let c = v.pairs.of(x, x);
            match by.iter_mut().find(|b| b.0 == c) {
                Some(b) => b.1.push(x),
                None => by.push((c, vec![x])),
            }
        }
        by.into_iter().map(|b| b.1).collect()
    }

    fn projector(&self, mi: usize, set: &[usize]) -> Vec<Q> {
        let v = &self.modules[mi];
        let mut p = vec![Q::zero(); v.pairs.len()];
        for &s in set {
            for (a, e) in p.iter_mut().zip(&v.coef[s]) {
                *a += e;
            }
        }
        p
    }

    fn obstruction(
        &self,
        l: usize,
        set: &[usize],
        off: &Option<Vec<Q>>,
        target: usize,
        o: &JointObstruction,
    ) -> Result<()> {
        let mi = self.net.layer_module[l];
        let v = &self.modules[mi];
        let inside = set.contains(&target);
        let zero_offset = off.as_ref().is_some_and(|v| v.iter().all(Q::is_zero));
        let p = self.projector(mi, set);
        let e = &v.coef[target];
        let linear = self
            .act
            .homogeneous_parts()
            .is_some_and(|(_, b)| b.is_zero());
        let ok = match o {
            JointObstruction::Empty => set.is_empty(),
            JointObstruction::Linear => linear && !inside,
            JointObstruction::Kernel { .. } => false,
            JointObstruction::Hadamard => {
                *self.act == Activation::Square
                    && zero_offset
                    && (0..v.pairs.len())
                        .map(|c| &(&(&p[c] * &p[c]) * &e[c]) * &Q::from_int(v.pairs.size[c]))
                        .sum::<Q>()
                        .is_zero()
            }
            JointObstruction::Blocks {
                kind,
                zero_set,
                classes,
            } => self.blocks(l, &p, off, inside, e, *kind, zero_set, classes),
        };
        if ok {
            Ok(())
        } else {
            fail(format!(
                "layer {l}: the obstruction excluding simple {target} does not hold"
            ))
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn blocks(
        &self,
        l: usize,
        p: &[Q],
        off: &Option<Vec<Q>>,
        inside: bool,
        e: &[Q],
        kind: BlockKind,
        zero_set: &[usize],
        classes: &[Vec<(usize, i8)>],
    ) -> bool {
        let v = &self.modules[self.net.layer_module[l]];
        let n = v.pairs.n;
        let zero_offset = off.as_ref().is_some_and(|v| v.iter().all(Q::is_zero));
        // Which spaces contain every sigma(w + c) - sigma(c) (theory.md §7, T4).
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
            return false;
        }
        let at = |y: usize, x: usize| &p[v.pairs.of(y, x)];
        let mut seen = vec![false; n];
        for &x in zero_set {
            if x >= n || std::mem::replace(&mut seen[x], true) || !at(x, x).is_zero() {
                return false;
            }
        }
        let orbit = |x: usize| v.pairs.of(x, x);
        for c in classes {
            let Some(&(x0, s0)) = c.first() else {
                return false;
            };
            if s0 != 1 || x0 >= n || at(x0, x0).is_zero() {
                return false;
            }
            for &(x, s) in c {
                if x >= n || std::mem::replace(&mut seen[x], true) {
                    return false;
                }
                let same_offset = match off {
                    Some(o) => o[x] == o[x0],
                    None => orbit(x) == orbit(x0),
                };
                // |P e_x - s P e_x0|^2 = P[x][x] + P[x0][x0] - 2 s P[x0][x] = 0.
                let two_s = Q::from_int(2 * s as i64);
                if !same_offset
                    || (s != 1 && s != -1)
                    || at(x, x) + at(x0, x0) != &two_s * at(x0, x)
                {
                    return false;
                }
            }
        }
        if seen.iter().any(|s| !s) {
            return false;
        }
        // sum over the spanning functions u of u^T e u.
        let mut functions: Vec<Vec<(usize, i64)>> = Vec::new();
        for c in classes {
            match kind {
                BlockKind::Odd => functions.push(c.iter().map(|&(x, s)| (x, s as i64)).collect()),
                BlockKind::Abs => functions.push(c.iter().map(|&(x, _)| (x, 1)).collect()),
                BlockKind::Plus => {
                    for sign in [1i8, -1] {
                        let f: Vec<(usize, i64)> = c
                            .iter()
                            .filter(|q| q.1 == sign)
                            .map(|&(x, _)| (x, 1))
                            .collect();
                        if !f.is_empty() {
                            functions.push(f);
                        }
                    }
                }
            }
        }
        let mut counts = vec![0i64; v.pairs.len()];
        for f in &functions {
            for &(x, sx) in f {
                for &(y, sy) in f {
                    counts[v.pairs.of(x, y)] += sx * sy;
                }
            }
        }
        counts
            .iter()
            .zip(e)
            .map(|(&c, q)| q * &Q::from_int(c))
            .sum::<Q>()
            .is_zero()
    }

    /// The vectors of layers `0..=len` for the input and for 0.
    fn simulate(&mut self, sources: &[usize], wn: &WitnessNetwork) -> Result<Trace> {
        let net = self.net;
        let m0 = net.layer_module[0];
        let n0 = self.modules[m0].pairs.n;
        if wn.r.len() != n0 || wn.layers.len() > net.depth() {
            return fail("the witness network does not fit the layers".into());
        }
        let p = self.projector(m0, sources);
        let v0 = &self.modules[m0];
        let w: Vec<Q> = (0..n0)
            .map(|y| {
                let s: Q = (0..n0)
                    .filter(|&x| wn.r[x] != 0)
                    .map(|x| &p[v0.pairs.of(y, x)] * &Q::from_int(wn.r[x]))
                    .sum();
                s * &wn.scale
            })
            .collect();
        let mut v = vec![w];
        let mut z = vec![vec![Q::zero(); n0]];
        for (i, lw) in wn.layers.iter().enumerate() {
            let l = i + 1;
            let (b, a) = (net.layer_module[l], net.layer_module[l - 1]);
            let orbits = self.orbits(l);
            let ny = net.modules[b].points();
            let search_cross = net.cross(l);
            let act = self.act;
            let cross = self.cross(b, a);
            let mut weight = vec![Q::zero(); cross.first.len()];
            for (o, q) in &lw.weights {
                if *o >= search_cross.len() {
                    return fail(format!("layer {l}: no orbital {o}"));
                }
                let (y, x) = search_cross.representative(*o);
                weight[cross.of(y, x)] += q;
            }
            let mut bias = vec![Q::zero(); ny];
            for (x, q) in &lw.bias {
                let Some(orbit) = orbits.iter().find(|o| o.contains(x)) else {
                    return fail(format!("layer {l}: bias on a point out of range"));
                };
                for &y in orbit {
                    bias[y] = q.clone();
                }
            }
            let step = |u: &[Q]| -> Vec<Q> {
                (0..ny)
                    .map(|y| {
                        let mut acc = bias[y].clone();
                        for (x, ux) in u.iter().enumerate() {
                            if !ux.is_zero() {
                                let w = &weight[cross.of(y, x)];
                                if !w.is_zero() {
                                    acc += &(w * ux);
                                }
                            }
                        }
                        act.eval_q(&acc)
                    })
                    .collect()
            };
            let next = step(&v[i]);
            let next0 = step(&z[i]);
            v.push(next);
            z.push(next0);
        }
        Ok((v, z))
    }

    fn source(&mut self, src: &SourceResult) -> Result<NetworkCertifyReport> {
        let net = self.net;
        let mut rep = NetworkCertifyReport::default();
        let present0 = net.simples_of(0);
        if src.alive.first() != Some(&src.sources)
            || src.sources.iter().any(|s| !present0.contains(s))
        {
            return fail("the sources are not simples of layer 0".into());
        }
        if src.status.len() != net.depth() + 1 || src.alive.len() != net.depth() + 1 {
            return fail("the statuses do not cover every layer".into());
        }
        let module_simple = |l: usize, t: usize| -> Option<usize> {
            net.type_of[net.layer_module[l]]
                .iter()
                .position(|&x| x == t)
        };
        let sources: Vec<usize> = src
            .sources
            .iter()
            .map(|&t| module_simple(0, t).expect("present"))
            .collect();
        let mut sims: Vec<Option<Trace>> = vec![None; src.networks.len()];
        for l in 1..=net.depth() {
            let mi = net.layer_module[l];
            crate::network::certify::check_statuses(src, l, &net.simples_of(l))?;
            let set: Vec<usize> = (0..net.type_of[mi].len())
                .filter(|&x| src.alive[l - 1].contains(&net.type_of[mi][x]))
                .collect();
            let off = self.offset(l)?;
            for (t, st) in &src.status[l] {
                let x = module_simple(l, *t).expect("present");
                match st {
                    Status::Excluded(o) => {
                        self.obstruction(l, &set, &off, x, o)?;
                        rep.exclusions += 1;
                    }
                    Status::Reached(r) => {
                        let Some(wn) = src.networks.get(r.network) else {
                            return fail(format!("layer {l}: no witness network {}", r.network));
                        };
                        let v = &self.modules[mi];
                        if wn.layers.len() < l || r.point >= v.pairs.n {
                            return fail(format!(
                                "layer {l}: the witness is too short or the point out of range"
                            ));
                        }
                        if sims[r.network].is_none() {
                            sims[r.network] = Some(self.simulate(&sources, wn)?);
                            rep.networks += 1;
                        }
                        let (vv, zz) = sims[r.network].as_ref().expect("simulated");
                        let v = &self.modules[mi];
                        let e = &v.coef[x];
                        let value: Q = (0..v.pairs.n)
                            .map(|y| &e[v.pairs.of(r.point, y)] * &(&vv[l][y] - &zz[l][y]))
                            .sum();
                        if value.is_zero() {
                            return fail(format!(
                                "layer {l}: the component of type {t} of the witness is zero"
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
        Ok(rep)
    }
}

/// Re-check every claim of a commutant-route network analysis (see the module docs).
///
/// Errors: the first claim that does not hold (verification).
///
/// Complexity: the modules' checks; `O(|X_a| |X_b| #generators)` per pair of distinct
/// modules and `O(c^2 |X_a| |X_b|)` per pair of simples of equal dimension and type;
/// per witness network one rational simulation (`O(|X_l| |X_{l-1}|)` per layer); per
/// reach `O(|X_l|)`; per exclusion the block space (`O(|X_l| + sum of squared class
/// sizes)`).
pub fn certify_commutant_network<'a>(
    net: &CommutantNetwork,
    res: &'a NetworkResult,
) -> Result<CertifiedCommutantNetwork<'a>> {
    let modules = net
        .modules
        .iter()
        .map(verify_module)
        .collect::<Result<Vec<_>>>()?;
    let mut ck = Checker {
        net,
        act: &res.options.activation,
        bias: &res.options.bias,
        modules,
        crosses: HashMap::new(),
    };
    // The types: distinct within a module, equal across modules iff isomorphic.
    if net.type_of.len() != net.modules.len() {
        return fail("a module without types".into());
    }
    for (mi, types) in net.type_of.iter().enumerate() {
        let mut t = types.clone();
        t.sort_unstable();
        t.dedup();
        if t.len() != types.len()
            || types.len() != ck.modules[mi].coef.len()
            || types.iter().any(|&x| x >= net.types.len())
        {
            return fail(format!("the types of module {mi}")); // a malformed claim
        }
        for (s, &x) in types.iter().enumerate() {
            if net.types[x].dim != net.modules[mi].simples[s].dim {
                return fail(format!("the dimension of type {x}"));
            }
        }
    }
    for b in 0..net.modules.len() {
        for a in 0..b {
            for sa in 0..net.type_of[a].len() {
                for sb in 0..net.type_of[b].len() {
                    let same = net.type_of[a][sa] == net.type_of[b][sb];
                    let (da, db) = (&net.modules[a].simples[sa], &net.modules[b].simples[sb]);
                    let is = da.dim == db.dim && da.kind == db.kind && {
                        ck.cross(b, a);
                        let cross = &ck.crosses[&(b, a)];
                        iso(
                            cross,
                            &ck.modules[a],
                            &ck.modules[a].coef[sa],
                            &ck.modules[b],
                            &ck.modules[b].coef[sb],
                        )
                    };
                    if same != is {
                        return fail(format!(
                            "simple {sa} of module {a} and simple {sb} of module {b} are {}isomorphic",
                            if is { "" } else { "not " }
                        ));
                    }
                }
            }
        }
    }
    let mut report = NetworkCertifyReport::default();
    for src in &res.sources {
        let r = ck.source(src)?;
        report.networks += r.networks;
        report.reaches += r.reaches;
        report.exclusions += r.exclusions;
    }
    Ok(CertifiedCommutantNetwork {
        result: res,
        report,
    })
}
