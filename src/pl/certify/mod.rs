//! The independent checker: every claim of a [`Solution`] is recomputed from the
//! definitions with canonical [`Cyclotomic`] arithmetic, from the group's elements, its
//! classes, the `G`-set's action and the real characters only. It shares no code with
//! the search: it reads the solver's data types (the claims) and nothing else of
//! `solver`, `witness`, `blocks`, `field`, `centralizer` or `reason` (a test scans these
//! files to keep it so), and it uses none of [`PlModule`]'s solver tables.
//!
//! * Vertices: `L` is present iff `tr P_L = sum_x P_L[x][x] != 0`.
//! * Kernels: `ker L = {K : psi_L(K) = psi_L(1)}`, `ker^± L` with `±psi_L(1)`; the flags
//!   `rule_a`, `kernel_rule` must match them.
//! * Fourier edge (the regular module of a cyclic group, theory.md §18): re-derived by
//!   `certify/residue.rs` (the generator's orbit, the frequencies from the character
//!   values, the prime and the root's order, its own residue sum).
//! * The module-free cyclic route (theory.md §22): its own checker, `certify/cyclic.rs`, re-derives every residue edge and
//!   kernel non-edge from `n` and the activation.
//! * Edge: `w = t P_L r` point by point, `sigma(w + q) - sigma(q)` with certified signs
//!   (`Activation::eval`), then `(P_{L'} v)(x) = c_{L'} sum_K psi_{L'}(K) sum_{g in K}
//!   v(x^g)` (the definition of `P_{L'}` summed by classes); it must equal the recorded value.
//! * Blocks: the claimed zero set and classes must partition `X`, with zero rows of
//!   `P_L` on the zero set and equal or opposite rows within a class (theory.md §29.5:
//!   then `V_L` lies in the block space); the kind must be allowed by the activation
//!   (derived from its definition in `certify/rules.rs`); `sum_u u^T P_{L'} u` (a sum of squares `|P_{L'} u|^2`) must vanish.
//! * Hadamard: `g(t) = sigma(t + q) - sigma(q) = c t^2 + a t` and `sum_{y,z} P_{L'}[y][z] P_L[y][z]^2 = 0`.
//! * Linear: `g(t) = a t` and `L != L'`.
//! * Reasons: a kernel class must lie in `ker L` (or `ker^± L` when `F(-w) = F(w)`) and
//!   not in `ker L'`; centralizer generators must commute with `G`, act on `V_L` by `±1`
//!   (rows `P e_{x^k} = ε P e_x`), and `sum_{c in K} χ(c) tr(c|V_{L'}) = 0`
//!   (theory.md §7).
//!
//! Size: the checker's claim-by-claim dispatch over one `Solution`; its recomputations
//! already live in `entries`, `rules`, `commutant` and `residue`, and keeping the
//! dispatch whole keeps the independence scan (`tests/it/certify.rs`) to few files.

mod abelian_quotient;
pub(crate) mod commutant;
mod cyclic;
mod dense;
mod dihedral;
mod entries;
mod residue;
mod rules;
mod transport;

pub use abelian_quotient::{
    check_abelian_quotients, check_abelian_quotients_bytes, CertifiedAbelian, QuotientReport,
};
pub use commutant::{certify_commutant, check_commutant, CertifiedCommutant};
pub use cyclic::{check_cyclic, check_cyclic_bytes, CertifiedCyclic, CyclicReport};
pub use dihedral::check_dihedral;

use super::blocks::BlockKind;
use super::projector::PlModule;
use super::reason::Reason;
use super::solver::{Obstruction, PairResult, Solution, SolverOptions, Verdict};
use super::witness::Witness;
use crate::arith::{Cyclotomic, Q};
use crate::error::{Error, Result};
use crate::group::Perm;
use dense::DenseList;
use entries::Tables;
use rules::{allowed, Allowed};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use transport::Transports;

/// A block claim: (source, address of its zero set, address of its classes).
type BlockClaim = (usize, usize, usize);

/// Integer weights per key and their class weights (`None`: overflow).
type PairWeights = (Vec<i64>, Option<Vec<i64>>);

/// A witness vector's point: `(r, scale, point)`.
type PointKey = (Arc<Vec<i64>>, Q, usize);

/// How many threads check the sources of one solution at once (each with its own
/// caches; the solver's per-source vectors of [`super::projector::solver_bytes`] are
/// freed by then and cover them).
const CHECKER_THREADS: usize = 2;

/// The bytes of class counts one block of points of [`Checker::vector`] holds: within
/// a core's second-level cache.
const COUNT_BLOCK_BYTES: usize = 256 << 10;

/// The bytes of class counts each checker thread keeps for reuse ([`Checker::counts`]).
const COUNTS_CACHE_BYTES: usize = 16 << 20;

/// Largest `|K| |X|` of a centralizer subgroup enumerated to check a reason.
const MAX_SUBGROUP_WORK: usize = 50_000_000;

/// What [`certify`] checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CertifyReport {
    /// Edges whose witness was recomputed.
    pub edges: usize,
    /// Non-edges whose obstruction was re-checked.
    pub non_edges: usize,
    /// Unresolved pairs (nothing to check).
    pub unresolved: usize,
    /// Group-theoretic reasons re-checked.
    pub reasons: usize,
}

/// The class sums of an activated vector at one point.
enum PointSums {
    /// In the group ring ([`DenseList`], not reduced).
    Dense(DenseList),
    /// Canonical, summed term by term.
    Exact(Vec<Cyclotomic>),
}

struct Checker<'a> {
    t: Tables<'a>,
    /// `w` per (source, r, scale).
    cache: HashMap<(usize, Vec<i64>, Q), Vec<Cyclotomic>>,
    /// The class counts `sum_{g in K} r(y^g)` of the latest vectors `r` (they do not
    /// depend on the source, and sources share their seeds' vectors): at most
    /// [`COUNTS_CACHE_BYTES`] of them, the oldest dropped first.
    counts: Vec<(Vec<i64>, Arc<Vec<i64>>)>,
    /// The source whose vectors the caches hold.
    source: Option<usize>,
    /// `sigma(w + q) - sigma(q)` per (r, scale) of that source.
    activated: HashMap<(Arc<Vec<i64>>, Q), Vec<Cyclotomic>>,
    /// Its class sums `S_K(x)` per (r, scale, point x).
    point_sums: HashMap<PointKey, PointSums>,
    /// `sigma(w + q) - sigma(q)` in the group ring per (r, scale) of that source, when it
    /// fits ([`DenseList`]).
    activated_dense: HashMap<(Arc<Vec<i64>>, Q), Option<DenseList>>,
    /// The character `psi_L` as a [`DenseList`] over the classes, per simple (`None`:
    /// too large a field or too large numbers; the term-by-term path is used).
    characters: HashMap<usize, Option<Arc<DenseList>>>,
    /// Sum by sum in [`Cyclotomic`] arithmetic only (the former path, kept as the
    /// reference the tests and the bench compare against).
    term_by_term: bool,
    /// `ker L` and `ker^± L` per simple, as class flags.
    kernels: Vec<(Vec<bool>, Vec<bool>)>,
    /// The block claims of the current source found to describe `V_L`: (source,
    /// addresses of the zero set and of the classes).
    blocks: Vec<BlockClaim>,
    /// Per (claim, kind) of the current source: `sum_u u(y) u(x)` gathered by key, and
    /// its class weights.
    block_weights: HashMap<(BlockClaim, u8), PairWeights>,
    /// The checker of Fourier-residue edges (theory.md §18).
    residues: residue::ResidueChecker,
    /// What the activation allows, derived once per solution for `L != L'` and
    /// `L = L'` (the options of one solution do not change).
    allowed: [Option<Allowed>; 2],
}

fn label(m: &PlModule, l: usize) -> &str {
    &m.simples.simples[l].label
}

fn kind_name(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Abs => "abs",
        BlockKind::Plus => "plus",
        BlockKind::Odd => "odd",
    }
}

impl<'a> Checker<'a> {
    fn new(module: &'a PlModule) -> Result<Checker<'a>> {
        let id = (0..module.classes.len())
            .find(|&c| module.classes.reps[c].is_identity())
            .ok_or_else(|| Error::verification("no class of the identity"))?;
        let kernels = module
            .simples
            .simples
            .iter()
            .map(|s| {
                let one = &s.values[id];
                let ker = s.values.iter().map(|v| v == one).collect();
                let pm = s.values.iter().map(|v| v == one || *v == -one).collect();
                (ker, pm)
            })
            .collect();
        Ok(Checker::empty(
            Tables::new(module)?,
            HashMap::new(),
            false,
            kernels,
            [None; 2],
        ))
    }

    /// A checker over `t` with no vector, sum or claim cached yet.
    fn empty(
        t: Tables<'a>,
        characters: HashMap<usize, Option<Arc<DenseList>>>,
        term_by_term: bool,
        kernels: Vec<(Vec<bool>, Vec<bool>)>,
        allowed: [Option<Allowed>; 2],
    ) -> Checker<'a> {
        Checker {
            t,
            cache: HashMap::new(),
            counts: Vec::new(),
            source: None,
            activated: HashMap::new(),
            point_sums: HashMap::new(),
            activated_dense: HashMap::new(),
            characters,
            term_by_term,
            kernels,
            blocks: Vec::new(),
            block_weights: HashMap::new(),
            residues: residue::ResidueChecker::default(),
            allowed,
        }
    }

    /// A checker of the same module and mode with its own caches (the action table,
    /// keys and kernels shared or copied): one per thread.
    fn fork(&self) -> Checker<'a> {
        Checker::empty(
            self.t.fork(),
            self.characters.clone(),
            self.term_by_term,
            self.kernels.clone(),
            self.allowed,
        )
    }

    /// [`allowed`] for these options, derived once.
    fn allowed(&mut self, opts: &SolverOptions, same: bool) -> Allowed {
        *self.allowed[usize::from(same)]
            .get_or_insert_with(|| allowed(&opts.activation, opts.bias.as_ref(), same))
    }

    fn module(&self) -> &'a PlModule {
        self.t.module
    }

    fn fail<T>(&self, p: &PairResult, what: impl std::fmt::Display) -> Result<T> {
        let m = self.module();
        Err(Error::verification(format!(
            "{} {} -> {}: {what}",
            if p.is_edge() { "edge" } else { "non-edge" },
            label(m, p.from),
            label(m, p.to)
        )))
    }

    /// The simples with `tr P_L != 0`, ascending.
    fn present(&mut self) -> Vec<usize> {
        let n = self.t.n;
        let mut diag = vec![0i64; self.t.num_keys()];
        for x in 0..n {
            diag[self.t.keys[x * n + x] as usize] += 1;
        }
        (0..self.module().simples.simples.len())
            .filter(|&l| !self.weighted(l, &diag).is_zero())
            .collect()
    }

    /// `w = t P_L r` from the definition.
    fn vector(&mut self, l: usize, r: &[i64], t: &Q) -> Vec<Cyclotomic> {
        let key = (l, r.to_vec(), t.clone());
        if let Some(v) = self.cache.get(&key) {
            return v.clone();
        }
        let m = self.module();
        let (n, k) = (self.t.n, m.classes.len());
        let counts = self.class_counts(r);
        // `c_L sum_K psi_L(K) counts[y][K]` in the group ring, reduced once per point
        // (theory.md §24); term by term when that does not fit.
        let scale = &self.t.scale(l) * t;
        let psi = self.character(l).cloned();
        let mut buf = Vec::new();
        let out: Vec<Cyclotomic> = (0..n)
            .map(|y| {
                let c = &counts[y * k..(y + 1) * k];
                match psi.as_ref().and_then(|d| d.combine(c, &mut buf)) {
                    Some(v) => v.scale(&scale),
                    None => self.t.combine(l, c).scale(t),
                }
            })
            .collect();
        self.cache.insert(key, out.clone());
        out
    }

    /// The class counts `counts[y * k + K] = sum_{g in K} r(y^g)` of `r`, from the action
    /// table (`O(|G| |X|)`), or from the cache when `r` or `-r` was seen lately.
    fn class_counts(&mut self, r: &[i64]) -> Arc<Vec<i64>> {
        if let Some((_, c)) = self.counts.iter().find(|(s, _)| s.as_slice() == r) {
            return Arc::clone(c);
        }
        if let Some((_, c)) = self
            .counts
            .iter()
            .find(|(s, _)| s.len() == r.len() && s.iter().zip(r).all(|(a, b)| *a == -*b))
        {
            return Arc::new(c.iter().map(|x| -x).collect());
        }
        let m = self.module();
        let (n, k) = (self.t.n, m.classes.len());
        let mut counts = vec![0i64; n * k];
        // Points a block at a time, so that the block's counts stay in cache while every
        // element adds to them (element by element over all points, each addition was a
        // cache miss).
        let block = (COUNT_BLOCK_BYTES / (8 * k.max(1))).max(1);
        for y0 in (0..n).step_by(block) {
            let y1 = (y0 + block).min(n);
            for g in 0..m.elements.len() {
                let c = m.classes.class_of[g] as usize;
                let row = &self.t.images[g * n + y0..g * n + y1];
                for (dy, &x) in row.iter().enumerate() {
                    counts[(y0 + dy) * k + c] += r[x as usize];
                }
            }
        }
        let counts = Arc::new(counts);
        let keep = (COUNTS_CACHE_BYTES / (8 * n * k).max(1)).max(1);
        if self.counts.len() >= keep {
            self.counts.remove(0);
        }
        self.counts.push((r.to_vec(), Arc::clone(&counts)));
        counts
    }

    /// `sum_key weight[key] P_L(key)`: through the class weights and one sum in the
    /// group ring (theory.md §24), term by term when that does not fit.
    fn weighted(&mut self, l: usize, weight: &[i64]) -> Cyclotomic {
        let a = self.t.class_weights(weight);
        self.weighted_by(l, weight, a.as_deref())
    }

    /// [`Self::weighted`] with the class weights of `weight` given (`None`: overflow),
    /// for a weight used with many targets.
    fn weighted_by(
        &mut self,
        l: usize,
        weight: &[i64],
        class_weights: Option<&[i64]>,
    ) -> Cyclotomic {
        if let Some(a) = class_weights {
            if let Some(v) = self
                .character(l)
                .and_then(|d| d.combine(a, &mut Vec::new()))
            {
                return v.scale(&self.t.scale(l));
            }
        }
        self.t.weighted(l, weight)
    }

    /// `psi_L` over the classes as a [`DenseList`] (cached; `None` in term-by-term mode).
    fn character(&mut self, l: usize) -> Option<&DenseList> {
        if self.term_by_term {
            return None;
        }
        let m = self.t.module;
        self.characters
            .entry(l)
            .or_insert_with(|| DenseList::of(&m.simples.simples[l].values).map(Arc::new))
            .as_deref()
    }

    fn check_edge(&mut self, p: &PairResult, w: &Witness, opts: &SolverOptions) -> Result<()> {
        let n = self.t.n;
        if w.r.len() != n || w.point >= n {
            return self.fail(p, "witness has the wrong shape");
        }
        if w.value.is_zero() {
            return self.fail(p, "witness value is zero");
        }
        // Witnesses of one source share `w` and `v`; only the latest source is kept.
        if self.source != Some(p.from) {
            self.source = Some(p.from);
            self.cache.clear();
            self.activated.clear();
            self.activated_dense.clear();
            self.point_sums.clear();
        }
        let key = (w.r.clone(), w.scale.clone());
        if !self.activated.contains_key(&key) {
            let wv = self.vector(p.from, &w.r, &w.scale);
            let q = opts.bias.clone().unwrap_or_else(Q::zero);
            let qc = Cyclotomic::from_q(q.clone());
            let sq = Cyclotomic::from_q(opts.activation.eval_q(&q));
            let v = wv
                .iter()
                .map(|x| Ok(&opts.activation.eval(&(x + &qc))? - &sq))
                .collect::<Result<Vec<Cyclotomic>>>()?;
            self.activated.insert(key.clone(), v);
        }
        // (P_{L'} v)(x) = c_{L'} sum_g psi_{L'}(g) v(x^g) = c_{L'} sum_K psi_{L'}(K) S_K(x)
        // with the class sums S_K(x) = sum_{g in K} v(x^g): |G| additions once per
        // witness vector and point, then one product per class and target.
        let point_key = (w.r.clone(), w.scale.clone(), w.point);
        if !self.point_sums.contains_key(&point_key) {
            let sums = self.point_sums(&key, w.point);
            self.point_sums.insert(point_key.clone(), sums);
        }
        let to = p.to;
        self.character(to);
        let val = match (&self.point_sums[&point_key], self.characters.get(&to)) {
            (PointSums::Dense(s), Some(Some(psi))) => psi.inner(s, &mut Vec::new()),
            _ => None,
        };
        let val = match val {
            Some(v) => v,
            None => {
                let sums = match &self.point_sums[&point_key] {
                    PointSums::Exact(s) => s.clone(),
                    PointSums::Dense(_) => self.exact_point_sums(&key, w.point),
                };
                let psi = &self.module().simples.simples[to].values;
                let mut val = Cyclotomic::zero();
                for (s, chi) in sums.iter().zip(psi) {
                    if !s.is_zero() {
                        val += &(chi * s);
                    }
                }
                val
            }
        };
        let val = val.scale(&self.t.scale(p.to));
        if val != *w.value {
            return self.fail(
                p,
                format!(
                    "recomputed value {val} differs from the recorded {}",
                    w.value
                ),
            );
        }
        Ok(())
    }

    /// The class sums `S_K(x) = sum_{g in K} v(x^g)` of the activated vector of `key`:
    /// in the group ring when `v` fits there, else term by term.
    fn point_sums(&mut self, key: &(Arc<Vec<i64>>, Q), x: usize) -> PointSums {
        let m = self.module();
        let n = self.t.n;
        let images = &self.t.images;
        let class_of = &m.classes.class_of;
        let points =
            (0..m.elements.len()).map(|g| (class_of[g] as usize, images[g * n + x] as usize));
        if !self.term_by_term {
            let v = &self.activated[key];
            let dense = self
                .activated_dense
                .entry(key.clone())
                .or_insert_with(|| DenseList::of(v));
            if let Some(s) = dense
                .as_ref()
                .and_then(|d| d.bucket_sums(points.clone(), m.classes.len()))
            {
                return PointSums::Dense(s);
            }
        }
        PointSums::Exact(self.exact_point_sums(key, x))
    }

    /// The class sums of [`Checker::point_sums`] term by term in [`Cyclotomic`] arithmetic.
    fn exact_point_sums(&self, key: &(Arc<Vec<i64>>, Q), x: usize) -> Vec<Cyclotomic> {
        let m = self.module();
        let n = self.t.n;
        let v = &self.activated[key];
        let mut sums = vec![Cyclotomic::zero(); m.classes.len()];
        for g in 0..m.elements.len() {
            let y = self.t.images[g * n + x] as usize;
            if !v[y].is_zero() {
                sums[m.classes.class_of[g] as usize] += &v[y];
            }
        }
        sums
    }

    /// Whether a claimed zero set and classes describe `V_L`: together they partition
    /// `X`, the rows of `P_L` on the zero set are zero and each row of a class is the
    /// class's first row times its sign (the first sign `+1`). Then every `v = P_L r` is
    /// zero on the zero set and `v(x) = e v(first)` on a class: `V_L` lies in the block
    /// space. (A finer partition than the equal-or-opposite rows only enlarges the
    /// space `P_{L'}` must kill, so the claim need not be the coarsest.)
    ///
    /// Complexity: one comparison of value ids per entry of `P_L`, `O(|X|^2)`.
    fn describes_rows(
        &mut self,
        l: usize,
        zero_set: &[usize],
        classes: &[Vec<(usize, i8)>],
    ) -> std::result::Result<(), &'static str> {
        let n = self.t.n;
        let ids = self.t.value_ids(l);
        let mut covered = vec![false; n];
        let mut cover = |x: usize| x < n && !std::mem::replace(&mut covered[x], true);
        for &x in zero_set {
            if !cover(x) {
                return Err("the zero set and the classes do not partition X");
            }
            if !self.t.row_is_zero(&ids, x) {
                return Err("the zero set is not a set of zero rows of P_L");
            }
        }
        for class in classes {
            let Some(&(first, 1)) = class.first() else {
                return Err("a class is empty or its first sign is not +1");
            };
            for &(x, e) in class {
                if !cover(x) || (x == first && e != 1) {
                    return Err("the zero set and the classes do not partition X");
                }
                if (e != 1 && e != -1) || !self.t.rows_agree(&ids, x, first, e) {
                    return Err("a class holds rows of P_L that are not equal or opposite");
                }
            }
        }
        if covered.contains(&false) {
            return Err("the zero set and the classes do not partition X");
        }
        Ok(())
    }

    fn check_blocks(
        &mut self,
        p: &PairResult,
        kind: BlockKind,
        zero_set: &[usize],
        classes: &[Vec<(usize, i8)>],
        allow: &Allowed,
    ) -> Result<()> {
        let valid = match kind {
            BlockKind::Plus => true,
            BlockKind::Odd => allow.odd,
            BlockKind::Abs => allow.even,
        };
        if !valid {
            return self.fail(
                p,
                format!(
                    "the block space {} need not contain the values of the activation",
                    kind_name(kind)
                ),
            );
        }
        // The claims of one source share their zero set and classes (one allocation):
        // each distinct claim is checked against the rows once. Addresses identify
        // claims while the solution is borrowed.
        let claim = (
            p.from,
            zero_set.as_ptr() as usize,
            classes.as_ptr() as usize,
        );
        if !self.blocks.contains(&claim) {
            if let Err(what) = self.describes_rows(p.from, zero_set, classes) {
                return self.fail(p, what);
            }
            // Pairs come by source: only the latest source's claims and weights are kept.
            self.blocks.retain(|c| c.0 == p.from);
            self.block_weights.retain(|(c, _), _| c.0 == p.from);
            self.blocks.push(claim);
        }
        let c = classes;
        let code = kind as u8;
        let weights_key = (claim, code);
        let (w, a) = match self.block_weights.remove(&weights_key) {
            Some(wa) => wa,
            None => {
                // u(y) u(x) summed over the basis: pairs in one class, weighted by kind.
                let n = self.t.n;
                let mut w = vec![0i64; self.t.num_keys()];
                for cl in c {
                    for &(y, sy) in cl {
                        for &(x, sx) in cl {
                            let f = match kind {
                                BlockKind::Abs => 1,
                                BlockKind::Odd => (sy * sx) as i64,
                                BlockKind::Plus => i64::from(sy == sx),
                            };
                            w[self.t.keys[y * n + x] as usize] += f;
                        }
                    }
                }
                let a = self.t.class_weights(&w);
                (w, a)
            }
        };
        let killed = self.weighted_by(p.to, &w, a.as_deref()).is_zero();
        self.block_weights.insert(weights_key, (w, a));
        if !killed {
            return self.fail(p, "P_L' does not kill the block space");
        }
        Ok(())
    }

    fn check_hadamard(&mut self, p: &PairResult) -> Result<()> {
        let mut total = Cyclotomic::zero();
        for key in 0..self.t.num_keys() as u32 {
            let a = self.t.value(p.from, key);
            if a.is_zero() {
                continue;
            }
            let b = self.t.value(p.to, key);
            let pairs = Q::from_int(self.t.pairs[key as usize] as i64);
            total += (&(&a * &a) * &b).scale(&pairs);
        }
        if !total.is_zero() {
            return self.fail(p, format!("the Hadamard sum is {total}, not 0"));
        }
        Ok(())
    }

    /// The scalar `ε = ±1` by which the permutation `k` (commuting with `G`) acts on
    /// `V_L`: `P e_{x^k} = ε P e_x` for every `x`.
    fn scalar(&mut self, l: usize, k: &Perm) -> Option<i64> {
        let rows = self.t.rows(l);
        let n = rows.row.len();
        if (0..n).all(|x| rows.row[k.apply(x)] == rows.row[x]) {
            Some(1)
        } else if (0..n).all(|x| Some(rows.row[k.apply(x)]) == rows.neg[x]) {
            Some(-1)
        } else {
            None
        }
    }

    fn check_reason(&mut self, p: &PairResult, allow: &Allowed) -> Result<()> {
        let reason = match (&p.reason, &p.explanation) {
            (None, None) if p.reason_kind.is_none() => return Ok(()),
            (Some(r), Some(_)) if p.reason_kind == Some(r.kind()) => r,
            _ => return self.fail(p, "the reason, its kind and its text disagree"),
        };
        if !matches!(p.verdict, Verdict::NonEdge(_)) {
            return self.fail(p, "a reason for a pair that is not a non-edge");
        }
        match reason {
            Reason::Kernel { class, plus_minus } => {
                let k = self.module().classes.len();
                if *class >= k {
                    return self.fail(p, "kernel reason names no class");
                }
                let (ker, pm) = &self.kernels[p.from];
                let inside = if *plus_minus { pm[*class] } else { ker[*class] };
                if !inside || self.kernels[p.to].0[*class] {
                    return self.fail(p, "the kernel reason's class is not in the source kernel but outside the target's");
                }
                if *plus_minus && !allow.even {
                    return self.fail(p, "ker^± only constrains F when F(-w) = F(w)");
                }
            }
            Reason::Centralizer { generators } => self.check_centralizer(p, generators, allow)?,
        }
        Ok(())
    }

    fn check_centralizer(&mut self, p: &PairResult, gens: &[Perm], allow: &Allowed) -> Result<()> {
        let m = self.module();
        let n = self.t.n;
        let mut eps = Vec::with_capacity(gens.len());
        for k in gens {
            if k.degree() != n {
                return self.fail(p, format!("{k} is not a permutation of X"));
            }
            if m.gset.generators().iter().any(|h| k * h != h * k) {
                return self.fail(p, format!("{k} does not commute with G"));
            }
            match self.scalar(p.from, k) {
                Some(e) => eps.push(e),
                None => return self.fail(p, format!("{k} does not act on V_L by ±1")),
            }
        }
        // χ: 1 when F(-w) = F(w), the scalar when F is odd; +1-only K otherwise.
        let mut options: Vec<bool> = Vec::new(); // odd character?
        if allow.even {
            options.push(false);
        }
        if allow.odd {
            options.push(true);
        }
        if eps.iter().all(|&e| e == 1) {
            options = vec![false];
        }
        if options.is_empty() {
            return self.fail(p, "an element acting by -1 constrains nothing here");
        }
        for &odd in &options {
            let chi: Vec<i64> = eps.iter().map(|&e| if odd { e } else { 1 }).collect();
            // A generator acting on V_L' by a scalar other than χ(k) leaves nothing.
            for (k, &c) in gens.iter().zip(&chi) {
                if matches!(self.scalar(p.to, k), Some(e) if e != c) {
                    return Ok(());
                }
            }
            if self.character_sum_vanishes(p, gens, &chi)? {
                return Ok(());
            }
        }
        self.fail(
            p,
            "the centralizer subgroup leaves a nonzero vector of V_L'",
        )
    }

    /// `sum_{c in K} χ(c) tr(c|V_{L'}) = 0`, with `K = <gens>` enumerated.
    fn character_sum_vanishes(
        &mut self,
        p: &PairResult,
        gens: &[Perm],
        chi: &[i64],
    ) -> Result<bool> {
        let n = self.t.n;
        let mut seen: HashMap<Perm, i64> = HashMap::from([(Perm::identity(n), 1)]);
        let mut frontier = vec![Perm::identity(n)];
        while let Some(x) = frontier.pop() {
            let cx = seen[&x];
            for (g, &cg) in gens.iter().zip(chi) {
                let y = &x * g;
                match seen.get(&y) {
                    Some(&c) if c != cx * cg => {
                        return self.fail(p, "the sign character of K is not well defined");
                    }
                    Some(_) => {}
                    None => {
                        if (seen.len() + 1).saturating_mul(n) > MAX_SUBGROUP_WORK {
                            return self.fail(p, "the centralizer subgroup is too large to check");
                        }
                        seen.insert(y.clone(), cx * cg);
                        frontier.push(y);
                    }
                }
            }
        }
        let mut hist = vec![0i64; self.t.num_keys()];
        for (c, &x) in &seen {
            for y in 0..n {
                hist[self.t.keys[y * n + c.apply(y)] as usize] += x;
            }
        }
        Ok(self.weighted(p.to, &hist).is_zero())
    }

    fn check_pair(
        &mut self,
        p: &PairResult,
        opts: &SolverOptions,
        rep: &mut CertifyReport,
    ) -> Result<()> {
        self.check_pair_claim(p, opts, rep, false)
    }

    /// [`Self::check_pair`]; with `carried`, the verdict was matched with the image of a
    /// checked verdict (theory.md §28) and only counted here.
    fn check_pair_claim(
        &mut self,
        p: &PairResult,
        opts: &SolverOptions,
        rep: &mut CertifyReport,
        carried: bool,
    ) -> Result<()> {
        let simples = self.module().simples.simples.len();
        if p.from >= simples || p.to >= simples {
            return Err(Error::verification("a pair names no simple"));
        }
        let (ker, pm) = &self.kernels[p.from];
        let ker2 = &self.kernels[p.to].0;
        let subset = |a: &[bool]| a.iter().zip(ker2).all(|(a, b)| !a || *b);
        if p.rule_a != subset(pm) || p.kernel_rule != subset(ker) {
            return self.fail(
                p,
                "the kernel flags differ from the kernels of the class values",
            );
        }
        let allow = self.allowed(opts, p.from == p.to);
        match &p.verdict {
            Verdict::Edge(_) | Verdict::FourierEdge(_) if carried => rep.edges += 1,
            Verdict::NonEdge(_) if carried => rep.non_edges += 1,
            Verdict::Edge(w) => {
                self.check_edge(p, w, opts)?;
                rep.edges += 1;
            }
            Verdict::FourierEdge(w) => {
                let m = self.module();
                if let Err(e) =
                    self.residues
                        .check(m, p.from, p.to, w, &opts.activation, opts.bias.as_ref())
                {
                    return self.fail(p, e);
                }
                rep.edges += 1;
            }
            Verdict::NonEdge(o) => {
                match o {
                    Obstruction::Linear => {
                        if !allow.linear {
                            return self.fail(p, "the linear obstruction does not apply");
                        }
                    }
                    Obstruction::Blocks {
                        kind,
                        zero_set,
                        classes,
                    } => self.check_blocks(p, *kind, zero_set, classes, &allow)?,
                    Obstruction::Hadamard => {
                        if !allow.quadratic {
                            return self.fail(p, "the Hadamard obstruction needs sigma(t + q) - sigma(q) = c t^2 + a t");
                        }
                        self.check_hadamard(p)?
                    }
                }
                rep.non_edges += 1;
            }
            Verdict::Unresolved { .. } => rep.unresolved += 1,
        }
        if p.reason.is_some() {
            rep.reasons += 1;
        }
        self.check_reason(p, &allow)
    }
}

/// Re-check every certificate of `solution` independently of the search code.
///
/// # Returns
/// What was checked, or [`Error::Verification`] naming the first certificate that fails
/// (also when the pairs are not exactly the ordered pairs of the simples present).
///
/// # Complexity
/// `O(|G| |X| + |X|^2)` for the checker's own tables; per source with a block claim
/// `O(#keys #classes)` cyclotomic and `O(|X|^2)` integer operations, then per target one
/// sum in the group ring; per witness vector `O(|G| |X|)` integer operations and one
/// reduction per point (theory.md §24, the checker's group-ring sums), `O(|G|)` integer
/// additions for the class sums at its point and one sum of products per target (the
/// vector `w`, `sigma(w)` and the class sums at the point are cached per witness of the
/// current source); per centralizer subgroup `O(|K| |X|)`.
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
    certify_with(module, solution, false)
}

/// [`certify`] with every sum of cyclotomic numbers taken term by term in canonical
/// [`Cyclotomic`] arithmetic (the former path, without the group-ring sums of
/// theory.md §24): the baseline the tests and benches compare [`certify`] against. Same
/// report, same verdict.
pub fn certify_term_by_term(module: &PlModule, solution: &Solution) -> Result<CertifyReport> {
    certify_with(module, solution, true)
}

fn certify_with(
    module: &PlModule,
    solution: &Solution,
    term_by_term: bool,
) -> Result<CertifyReport> {
    let mut ch = Checker::new(module)?;
    ch.term_by_term = term_by_term;
    let verts = ch.present();
    if solution.vertices != verts {
        return Err(Error::verification(
            "the solution's vertices are not the simples with tr P_L != 0",
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
    // Sources carried by automorphisms (theory.md §28): the automorphisms verified
    // first, then each claim matched with the image of the checked claim it names.
    let transports = match &solution.symmetry {
        Some(sym) => Some(Transports::verify(&ch.t, sym)?),
        None => None,
    };
    let nv = verts.len();
    let mut position = vec![usize::MAX; module.simples.simples.len()];
    for (i, &v) in verts.iter().enumerate() {
        position[v] = i;
    }
    // The pairs come by source (checked above): one task per source.
    let sources: Vec<&[PairResult]> = solution.pairs.chunks(nv.max(1)).collect();
    let check_source = |ch: &mut Checker<'_>, tr: &mut Option<Transports>, pairs: &[PairResult]| {
        let mut rep = CertifyReport::default();
        for p in pairs {
            let carried = match tr.as_mut() {
                Some(t) => t.carried(p.from)?.map(|c| (c.source, c.inverse[p.to])),
                None => None,
            };
            let (Some((source, to)), Some(t)) = (carried, tr.as_mut()) else {
                ch.check_pair(p, &solution.options, &mut rep)?;
                continue;
            };
            let (a, b) = (position[source], position[to]);
            if a == usize::MAX || b == usize::MAX {
                return ch.fail(p, "its automorphism leads outside the simples present");
            }
            let solved = &solution.pairs[a * nv + b].verdict;
            if !t.matches(p.from, &p.verdict, solved) {
                return ch.fail(
                    p,
                    "the claim is not the image of the claim it is carried from",
                );
            }
            ch.check_pair_claim(p, &solution.options, &mut rep, true)?;
        }
        Ok(rep)
    };
    // Already on a worker of a pool (a survey checking groups in parallel): one thread.
    let threads = if sources.len() > 1 && rayon::current_thread_index().is_none() {
        CHECKER_THREADS
    } else {
        1
    };
    let mut results: Vec<(usize, Result<CertifyReport>)> = Vec::with_capacity(sources.len());
    if threads == 1 {
        let mut tr = transports;
        for (i, s) in sources.iter().enumerate() {
            let r = check_source(&mut ch, &mut tr, s);
            let failed = r.is_err();
            results.push((i, r));
            if failed {
                break;
            }
        }
    } else {
        // Sources are taken in increasing order from one counter and a thread stops at
        // its first failure: every source before a failing one has its result, so the
        // failure reported is the first in pair order, whatever the timing.
        let next = AtomicUsize::new(0);
        let (next, sources, check_source) = (&next, &sources, &check_source);
        let joined: Vec<_> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|_| {
                    let (mut c, mut tr) = (ch.fork(), transports.clone());
                    scope.spawn(move || {
                        let mut out = Vec::new();
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(s) = sources.get(i) else { break };
                            let r = check_source(&mut c, &mut tr, s);
                            let failed = r.is_err();
                            out.push((i, r));
                            if failed {
                                break;
                            }
                        }
                        out
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join()).collect()
        });
        for part in joined {
            results.extend(
                part.map_err(|_| Error::verification("a checker thread stopped on a panic"))?,
            );
        }
        results.sort_by_key(|r| r.0);
    }
    let mut rep = CertifyReport::default();
    for (_, r) in results {
        let r = r?;
        rep.edges += r.edges;
        rep.non_edges += r.non_edges;
        rep.unresolved += r.unresolved;
        rep.reasons += r.reasons;
    }
    Ok(rep)
}

/// A solution whose every certificate the independent checker re-derived. Only [`check`]
/// constructs one (the fields are private), so a certified
/// [`InteractionGraph`](crate::graph::InteractionGraph) can only come from the checker's
/// return value, never from a caller's claim.
#[derive(Clone, Debug)]
pub struct CertifiedSolution {
    solution: Solution,
    report: CertifyReport,
}

impl CertifiedSolution {
    /// The solution that passed the checker.
    pub fn solution(&self) -> &Solution {
        &self.solution
    }

    /// What the checker re-derived.
    pub fn report(&self) -> &CertifyReport {
        &self.report
    }
}

/// Run [`certify`] on `solution` and, if every certificate holds, keep it as a
/// [`CertifiedSolution`] (for `module` only: build its graph with the same module).
///
/// Errors and complexity: those of [`certify`].
pub fn check(module: &PlModule, solution: Solution) -> Result<CertifiedSolution> {
    let report = certify(module, &solution)?;
    Ok(CertifiedSolution { solution, report })
}

/// Re-check the certificate of one pair (see [`certify`]); `Ok(false)` for an unresolved
/// pair (nothing to check), `Ok(true)` when the certificate holds.
pub fn certify_pair(module: &PlModule, options: &SolverOptions, pair: &PairResult) -> Result<bool> {
    let mut ch = Checker::new(module)?;
    let present = ch.present();
    if !present.contains(&pair.from) || !present.contains(&pair.to) {
        return Err(Error::verification(
            "the pair names a simple absent from R^X",
        ));
    }
    let mut rep = CertifyReport::default();
    ch.check_pair(pair, options, &mut rep)?;
    Ok(rep.unresolved == 0)
}
