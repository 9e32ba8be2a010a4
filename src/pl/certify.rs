//! Independent re-checking of a [`Solution`]: every certificate is recomputed from the
//! definitions with [`Cyclotomic`] arithmetic, from the action table and the real
//! characters only — not with the solver's field vectors, orbitals or block code.
//!
//! * Edge: `w = t P_L r` point by point (`P_L[y][x] = c_L sum_{g: y^g = x} psi_L(g)`),
//!   `sigma(w + q) - sigma(q)` with certified signs ([`Activation::eval`]), then the one
//!   coordinate `(P_{L'} v)(x)`; it must equal the recorded nonzero value.
//! * Blocks: every zero-set point has `P_L[x][x] = 0` (`= |P_L e_x|^2`); the classes
//!   partition the other points and satisfy `P[x][x] + P[x0][x0] - 2 s P[x][x0] = 0`
//!   (`= |P e_x - s P e_x0|^2`); the kind is valid for the activation; and
//!   `sum_u u^T P_{L'} u = sum_g psi_{L'}(g) sum_y [same class] u(y) u(y^g)` vanishes.
//! * Hadamard: `sum_{y,z} P_{L'}[y][z] P_L[y][z]^2 = 0`, summed over orbit representatives.
//! * Linear: `b = 0` and `L != L'`.

use super::activation::Activation;
use super::blocks::BlockKind;
use super::projector::PlModule;
use super::solver::{block_kind, Obstruction, PairResult, Solution, SolverOptions, Verdict};
use crate::arith::{Cyclotomic, Q};
use crate::error::{Error, Result};
use std::collections::HashMap;

/// What [`certify`] checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CertifyReport {
    /// Edges whose witness was recomputed.
    pub edges: usize,
    /// Non-edges whose obstruction was re-checked.
    pub non_edges: usize,
    /// Unresolved pairs (nothing to check).
    pub unresolved: usize,
}

struct Checker<'a> {
    module: &'a PlModule,
    /// `w` per (source, r, scale).
    cache: HashMap<(usize, Vec<i64>, Q), Vec<Cyclotomic>>,
}

impl<'a> Checker<'a> {
    fn psi(&self, l: usize, class: usize) -> &Cyclotomic {
        &self.module.simples.simples[l].values[class]
    }

    fn combine(&self, l: usize, counts: &[i64]) -> Cyclotomic {
        let mut acc = Cyclotomic::zero();
        for (k, &c) in counts.iter().enumerate() {
            if c != 0 {
                acc += self.psi(l, k).scale(&Q::from_int(c));
            }
        }
        acc.scale(&self.module.projector_scale(l))
    }

    /// `P_L[y][x]` from the definition.
    fn entry(&self, l: usize, y: usize, x: usize) -> Cyclotomic {
        let m = self.module;
        let mut counts = vec![0i64; m.classes.len()];
        for g in 0..m.order() {
            if m.image(g, y) == x {
                counts[m.classes.class_of[g] as usize] += 1;
            }
        }
        self.combine(l, &counts)
    }

    /// The row `P_L[y][.]` from the definition.
    fn row(&self, l: usize, y: usize) -> Vec<Cyclotomic> {
        let m = self.module;
        let k = m.classes.len();
        let mut counts = vec![0i64; m.points() * k];
        for g in 0..m.order() {
            counts[m.image(g, y) * k + m.classes.class_of[g] as usize] += 1;
        }
        (0..m.points())
            .map(|x| self.combine(l, &counts[x * k..(x + 1) * k]))
            .collect()
    }

    /// `w = t P_L r` from the definition.
    fn vector(&mut self, l: usize, r: &[i64], t: &Q) -> Vec<Cyclotomic> {
        let key = (l, r.to_vec(), t.clone());
        if let Some(v) = self.cache.get(&key) {
            return v.clone();
        }
        let m = self.module;
        let k = m.classes.len();
        let mut out = Vec::with_capacity(m.points());
        for y in 0..m.points() {
            let mut counts = vec![0i64; k];
            for g in 0..m.order() {
                counts[m.classes.class_of[g] as usize] += r[m.image(g, y)];
            }
            out.push(self.combine(l, &counts).scale(t));
        }
        self.cache.insert(key, out.clone());
        out
    }

    fn check_edge(
        &mut self,
        p: &PairResult,
        w: &super::witness::Witness,
        opts: &SolverOptions,
    ) -> Result<()> {
        let m = self.module;
        let fail = |what: &str| {
            Err(Error::verification(format!(
                "edge {} -> {}: {what}",
                label(m, p.from),
                label(m, p.to)
            )))
        };
        if w.r.len() != m.points() || w.point >= m.points() {
            return fail("witness has the wrong shape");
        }
        if w.value.is_zero() {
            return fail("witness value is zero");
        }
        let wv = self.vector(p.from, &w.r, &w.scale);
        let q = opts.bias.clone().unwrap_or_else(Q::zero);
        let qc = Cyclotomic::from_q(q.clone());
        let sq = Cyclotomic::from_q(opts.activation.eval_q(&q));
        let mut v = Vec::with_capacity(wv.len());
        for x in &wv {
            v.push(&opts.activation.eval(&(x + &qc))? - &sq);
        }
        let k = m.classes.len();
        let mut sums = vec![Cyclotomic::zero(); k];
        for g in 0..m.order() {
            sums[m.classes.class_of[g] as usize] += &v[m.image(g, w.point)];
        }
        let mut val = Cyclotomic::zero();
        for (c, s) in sums.iter().enumerate() {
            if !s.is_zero() {
                val += self.psi(p.to, c) * s;
            }
        }
        let val = val.scale(&m.projector_scale(p.to));
        if val != w.value {
            return fail(&format!(
                "recomputed value {val} differs from the recorded {}",
                w.value
            ));
        }
        Ok(())
    }

    fn check_blocks(
        &self,
        p: &PairResult,
        kind: BlockKind,
        zero_set: &[usize],
        classes: &[Vec<(usize, i8)>],
        opts: &SolverOptions,
    ) -> Result<()> {
        let m = self.module;
        let n = m.points();
        let fail = |what: String| {
            Err(Error::verification(format!(
                "non-edge {} -> {}: {what}",
                label(m, p.from),
                label(m, p.to)
            )))
        };
        // The kind must contain every F-value for this activation.
        let valid = match block_kind(opts, p.from == p.to) {
            None => false,
            Some(BlockKind::Plus) => kind == BlockKind::Plus,
            Some(BlockKind::Odd) => kind == BlockKind::Odd || kind == BlockKind::Plus,
            Some(BlockKind::Abs) => kind != BlockKind::Odd,
        };
        if !valid {
            return fail(format!(
                "block space {} does not contain the values of {}",
                kind.name(),
                opts.activation
            ));
        }
        // Partition of X.
        let mut label_of = vec![usize::MAX; n];
        let mut sign_of = vec![0i64; n];
        for &x in zero_set {
            if x >= n || label_of[x] != usize::MAX {
                return fail("bad zero set".into());
            }
            label_of[x] = usize::MAX - 1;
        }
        for (ci, c) in classes.iter().enumerate() {
            if c.is_empty() || c[0].1 != 1 {
                return fail("bad class".into());
            }
            for &(x, s) in c {
                if x >= n || label_of[x] != usize::MAX || (s != 1 && s != -1) {
                    return fail("classes do not partition the points".into());
                }
                label_of[x] = ci;
                sign_of[x] = s as i64;
            }
        }
        if label_of.contains(&usize::MAX) {
            return fail("a point is in no class".into());
        }
        for &x in zero_set {
            if !self.entry(p.from, x, x).is_zero() {
                return fail(format!("point {x} is not in the zero set"));
            }
        }
        // Diagonal entries P[x][x] = |P e_x|^2 are constant on G-orbits: one per orbit.
        let mut diag: Vec<Option<Cyclotomic>> = vec![None; n];
        for orbit in m.gset.orbits() {
            let needed = orbit.iter().any(|&x| label_of[x] < usize::MAX - 1);
            if needed {
                let d = self.entry(p.from, orbit[0], orbit[0]);
                for &x in &orbit {
                    diag[x] = Some(d.clone());
                }
            }
        }
        let k = m.classes.len();
        let mut counts = vec![0i64; n * k];
        for c in classes {
            let x0 = c[0].0;
            let d0 = diag[x0].clone().expect("orbit diagonal");
            if d0.is_zero() {
                return fail(format!("class representative {x0} has a zero row"));
            }
            // Entries P[x][x0] for the members x in one pass: x^g = x0 iff x = x0^(g^-1).
            for &(x, _) in c {
                counts[x * k..(x + 1) * k].iter_mut().for_each(|v| *v = 0);
            }
            for g in 0..m.order() {
                let x = m.image(m.elements.inv(g), x0);
                if label_of[x] == label_of[x0] {
                    counts[x * k + m.classes.class_of[g] as usize] += 1;
                }
            }
            for &(x, s) in &c[1..] {
                let d = diag[x].as_ref().expect("orbit diagonal") + &d0;
                let e = self
                    .combine(p.from, &counts[x * k..(x + 1) * k])
                    .scale(&Q::from_int(2 * s as i64));
                if d != e {
                    return fail(format!(
                        "rows of {x0} and {x} are not {}",
                        if s == 1 { "equal" } else { "opposite" }
                    ));
                }
            }
        }
        // The basis functions u (one per class, or per sign half for Plus).
        let part = |x: usize| -> (usize, i64) {
            match kind {
                BlockKind::Plus => (2 * label_of[x] + usize::from(sign_of[x] < 0), 1),
                BlockKind::Abs => (label_of[x], 1),
                BlockKind::Odd => (label_of[x], sign_of[x]),
            }
        };
        let mut counts = vec![0i64; k];
        for g in 0..m.order() {
            let c = m.classes.class_of[g] as usize;
            for y in 0..n {
                if label_of[y] >= usize::MAX - 1 {
                    continue;
                }
                let z = m.image(g, y);
                if label_of[z] >= usize::MAX - 1 {
                    continue;
                }
                let (a, sa) = part(y);
                let (b, sb) = part(z);
                if a == b {
                    counts[c] += sa * sb;
                }
            }
        }
        if !self.combine(p.to, &counts).is_zero() {
            return fail("P_L' does not kill the block space".into());
        }
        Ok(())
    }

    fn check_hadamard(&self, p: &PairResult) -> Result<()> {
        let m = self.module;
        let mut total = Cyclotomic::zero();
        for orbit in m.gset.orbits() {
            let y0 = orbit[0];
            let a = self.row(p.from, y0);
            let b = self.row(p.to, y0);
            let mut s = Cyclotomic::zero();
            for (x, y) in a.iter().zip(&b) {
                if !x.is_zero() && !y.is_zero() {
                    s += &(x * x) * y;
                }
            }
            total += s.scale(&Q::from_int(orbit.len() as i64));
        }
        if !total.is_zero() {
            return Err(Error::verification(format!(
                "non-edge {} -> {}: the Hadamard sum is {total}, not 0",
                label(m, p.from),
                label(m, p.to)
            )));
        }
        Ok(())
    }
}

fn label(m: &PlModule, l: usize) -> &str {
    &m.simples.simples[l].label
}

/// Re-check every certificate of `solution` independently of the search code.
///
/// # Returns
/// What was checked, or [`Error::Verification`] naming the first certificate that fails
/// (also when the pairs are not exactly the ordered pairs of present simples).
///
/// # Complexity
/// Per edge `O(|G| |X|)` integer and `O(|X| #classes)` cyclotomic operations (the vector
/// `w` is cached per source and witness); per block non-edge `O(|G| |X|)`.
///
/// ```
/// use plrep::pl::{PlModule, Activation, SolverOptions, solve, certify};
/// use plrep::group::{spec::parse_group, gset::ActionSpec, Limits};
/// let m = PlModule::new(&parse_group("C6").unwrap(), &ActionSpec::parse("regular").unwrap(), &Limits::default()).unwrap();
/// let s = solve(&m, &SolverOptions::new(Activation::Relu)).unwrap();
/// let report = certify(&m, &s).unwrap();
/// assert_eq!(report.edges + report.non_edges, 16);
/// ```
pub fn certify(module: &PlModule, solution: &Solution) -> Result<CertifyReport> {
    let verts: Vec<usize> = module.present.iter().map(|p| p.0).collect();
    if solution.vertices != verts {
        return Err(Error::verification(
            "the solution's vertices are not the simples present",
        ));
    }
    let expected: Vec<(usize, usize)> = verts
        .iter()
        .flat_map(|&a| verts.iter().map(move |&b| (a, b)))
        .collect();
    let got: Vec<(usize, usize)> = solution.pairs.iter().map(|p| (p.from, p.to)).collect();
    if expected != got {
        return Err(Error::verification(
            "the solution does not list every ordered pair exactly once",
        ));
    }
    let mut ch = Checker {
        module,
        cache: HashMap::new(),
    };
    let mut rep = CertifyReport::default();
    for p in &solution.pairs {
        ch.check_pair(p, &solution.options, &mut rep)?;
    }
    Ok(rep)
}

impl Checker<'_> {
    fn check_pair(
        &mut self,
        p: &PairResult,
        opts: &SolverOptions,
        rep: &mut CertifyReport,
    ) -> Result<()> {
        let module = self.module;
        let ch = self;
        match &p.verdict {
            Verdict::Edge(w) => {
                ch.check_edge(p, w, opts)?;
                rep.edges += 1;
            }
            Verdict::NonEdge(o) => {
                match o {
                    Obstruction::Linear => {
                        let linear = opts
                            .activation
                            .homogeneous_parts()
                            .is_some_and(|(_, b)| b.is_zero());
                        if !linear || p.from == p.to {
                            return Err(Error::verification(format!(
                                "non-edge {} -> {}: the linear obstruction does not apply",
                                label(module, p.from),
                                label(module, p.to)
                            )));
                        }
                    }
                    Obstruction::Blocks {
                        kind,
                        zero_set,
                        classes,
                    } => ch.check_blocks(p, *kind, zero_set, classes, opts)?,
                    Obstruction::Hadamard => {
                        if opts.activation != Activation::Square
                            || (opts.bias.is_some() && p.from == p.to)
                        {
                            return Err(Error::verification(
                                "the Hadamard obstruction only applies to square",
                            ));
                        }
                        ch.check_hadamard(p)?
                    }
                }
                rep.non_edges += 1;
            }
            Verdict::Unresolved { .. } => rep.unresolved += 1,
        }
        Ok(())
    }
}

/// Re-check the certificate of one pair (see [`certify`]); `Ok(false)` for an unresolved
/// pair (nothing to check), `Ok(true)` when the certificate holds.
pub fn certify_pair(module: &PlModule, options: &SolverOptions, pair: &PairResult) -> Result<bool> {
    let mut ch = Checker {
        module,
        cache: HashMap::new(),
    };
    let mut rep = CertifyReport::default();
    ch.check_pair(pair, options, &mut rep)?;
    Ok(rep.unresolved == 0)
}
