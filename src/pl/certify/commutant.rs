//! The independent checker of the commutant route (theory.md §13.4). From the group's
//! generators acting on `X` and the claimed projectors only (their values on the claimed
//! representative pairs), it re-derives:
//!
//! * the partition of `X × X` into `G`-orbits (union–find along the generators), and
//!   that each claimed representative lies in its own orbit: a matrix constant on the
//!   orbits commutes with every `rho(g)`;
//! * its own intersection numbers, then that the claimed `e_L` are orthogonal
//!   idempotents summing to the identity and commuting with every basis matrix `A_O`
//!   (central), and that their number is the dimension of the centre (rank of the
//!   commutator system), so they are the primitive central idempotents;
//! * `tr e_L = d m`, `dim e_L A = m^2 dim D` and the symmetric part (type), whether the
//!   generators fix `V_L`, and the kernels of the giants (order `n!` or `n!/2`);
//! * every pair: edges by recomputing `w = t P_L r`, `sigma` and `(P_{L'} v)(x)`;
//!   non-edges by the activation's rules and the block space / Hadamard scalar.

use super::super::blocks::BlockKind;
use super::super::commutant::{CommutantModule, CommutantSolution, GiantKernel};
use super::super::solver::{Obstruction, Verdict};
use super::rules::allowed;
use super::CertifyReport;
use crate::arith::{Cyclotomic, Q};
use crate::character::SimpleType;
use crate::error::{Error, Result};
use num_bigint::BigUint;
use std::collections::HashMap;

fn fail(what: impl Into<String>) -> Error {
    Error::verification(format!("commutant certificate rejected: {}", what.into()))
}

/// Per-pair cells of the checker's table: `u16` while `|X| <= 2^16`, else `u32`.
enum Cells {
    Narrow(Vec<u16>),
    Wide(Vec<u32>),
}

impl Cells {
    #[inline]
    fn at(&self, i: usize) -> usize {
        match self {
            Cells::Narrow(v) => v[i] as usize,
            Cells::Wide(v) => v[i] as usize,
        }
    }

    #[inline]
    fn put(&mut self, i: usize, value: usize) {
        match self {
            Cells::Narrow(v) => v[i] = value as u16,
            Cells::Wide(v) => v[i] = value as u32,
        }
    }
}

/// The pair classes of `X × X` and the claimed projectors in their numbering.
pub(crate) struct Pairs {
    /// `|X|`.
    pub(crate) n: usize,
    /// The class of `(y, x)` is `offset[y] + cells[y * n + x]`.
    offset: Vec<u32>,
    cells: Cells,
    /// The first point of each orbit of `G` on `X` (one row per orbit of rows).
    pub(crate) row_roots: Vec<usize>,
    /// A pair and the size of each class.
    pub(crate) first: Vec<(usize, usize)>,
    pub(crate) size: Vec<i64>,
    /// Per class `c`: `((i, j), count)` with `count = #{z : (y, z) in i, (z, x) in j}`.
    products: Vec<Vec<((usize, usize), i64)>>,
}

fn find(parent: &mut [u32], mut a: u32) -> u32 {
    while parent[a as usize] != a {
        let p = parent[parent[a as usize] as usize];
        parent[a as usize] = p;
        a = p;
    }
    a
}

impl Pairs {
    /// The orbits of `G` on `X × X` from the generators alone (theory.md §27.2): a
    /// depth-first tree of each orbit `R` of `G` on `X` (the rows) carries, per row `y`, a
    /// map `c_y` of `X` with `(y, x) ~ (root, c_y(x))`, and every edge `y -> g y` off
    /// the tree joins `c_y(x)` with `c_{g y}(g x)` in a union-find on `X` (Schreier's
    /// lemma: these generate the stabilizer of the root). `O(|X|^2 #generators)` time,
    /// `2 |X|^2` bytes while `|X| <= 2^16`.
    pub(crate) fn new(m: &CommutantModule) -> Pairs {
        let n = m.gset.len();
        let gens = m.gset.generators();
        let mut cells = if n <= 1 << 16 {
            Cells::Narrow(vec![0; n * n])
        } else {
            Cells::Wide(vec![0; n * n])
        };
        let unseen = u32::MAX;
        let mut offset = vec![unseen; n];
        // The tree edge (parent row, generator) into each row.
        let mut via: Vec<Option<(usize, usize)>> = vec![None; n];
        let mut row_roots = Vec::new();
        let mut first = Vec::new();
        let mut size = Vec::new();
        let mut total = 0u32;
        let mut scratch = vec![0usize; n];
        for root in 0..n {
            if offset[root] != unseen {
                continue;
            }
            row_roots.push(root);
            offset[root] = total;
            for x in 0..n {
                cells.put(root * n + x, x);
            }
            let mut rows = vec![root];
            let mut stack = vec![root];
            while let Some(y) = stack.pop() {
                for (k, g) in gens.iter().enumerate() {
                    let y2 = g.apply(y);
                    if offset[y2] == unseen {
                        offset[y2] = total;
                        via[y2] = Some((y, k));
                        for x in 0..n {
                            scratch[g.apply(x)] = cells.at(y * n + x);
                        }
                        for (x, &c) in scratch.iter().enumerate() {
                            cells.put(y2 * n + x, c);
                        }
                        rows.push(y2);
                        stack.push(y2);
                    }
                }
            }
            let mut parent: Vec<u32> = (0..n as u32).collect();
            for &y in &rows {
                for (k, g) in gens.iter().enumerate() {
                    let y2 = g.apply(y);
                    if via[y2] == Some((y, k)) {
                        continue;
                    }
                    for x in 0..n {
                        let a = find(&mut parent, cells.at(y * n + x) as u32);
                        let b = find(&mut parent, cells.at(y2 * n + g.apply(x)) as u32);
                        if a != b {
                            parent[a.max(b) as usize] = a.min(b);
                        }
                    }
                }
            }
            // Classes of this orbit of rows: numbered by their least point of X.
            let mut number = vec![unseen; n];
            let mut count = 0u32;
            let mut members = vec![0i64; n];
            for x in 0..n {
                let rt = find(&mut parent, x as u32) as usize;
                if number[rt] == unseen {
                    number[rt] = count;
                    first.push((root, x));
                    count += 1;
                }
                scratch[x] = number[rt] as usize;
                members[number[rt] as usize] += 1;
            }
            for &y in &rows {
                for x in 0..n {
                    let c = scratch[cells.at(y * n + x)];
                    cells.put(y * n + x, c);
                }
            }
            size.extend(
                members[..count as usize]
                    .iter()
                    .map(|&c| c * rows.len() as i64),
            );
            total += count;
        }
        let mut out = Pairs {
            n,
            offset,
            cells,
            row_roots,
            first,
            size,
            products: Vec::new(),
        };
        let mut products = Vec::with_capacity(out.first.len());
        for &(y, x) in &out.first {
            let mut count: HashMap<(usize, usize), i64> = HashMap::new();
            for z in 0..n {
                *count.entry((out.of(y, z), out.of(z, x))).or_default() += 1;
            }
            let mut v: Vec<_> = count.into_iter().collect();
            v.sort();
            products.push(v);
        }
        out.products = products;
        out
    }

    pub(crate) fn len(&self) -> usize {
        self.first.len()
    }

    /// The class of the pair `(y, x)`.
    #[inline]
    pub(crate) fn of(&self, y: usize, x: usize) -> usize {
        self.offset[y] as usize + self.cells.at(y * self.n + x)
    }

    fn mul(&self, a: &[Q], b: &[Q]) -> Vec<Q> {
        self.products
            .iter()
            .map(|list| {
                let mut acc = Q::zero();
                for &((i, j), c) in list {
                    if !a[i].is_zero() && !b[j].is_zero() {
                        acc += &(&(&a[i] * &b[j]) * &Q::from_int(c));
                    }
                }
                acc
            })
            .collect()
    }

    /// `(e A_p, A_p e)` for every basis matrix `A_p`, from the intersection numbers in one
    /// pass: `O(r |X|)`.
    #[allow(clippy::type_complexity)]
    fn sides(&self, e: &[Q]) -> (Vec<Vec<Q>>, Vec<Vec<Q>>) {
        let k = self.len();
        let mut left = vec![vec![Q::zero(); k]; k];
        let mut right = vec![vec![Q::zero(); k]; k];
        for (c, list) in self.products.iter().enumerate() {
            for &((i, j), cnt) in list {
                let cnt = Q::from_int(cnt);
                if !e[i].is_zero() {
                    left[j][c] += &(&e[i] * &cnt);
                }
                if !e[j].is_zero() {
                    right[i][c] += &(&e[j] * &cnt);
                }
            }
        }
        (left, right)
    }
}

/// The rank of rational vectors, by elimination (the checker's own).
fn rank_q(mut rows: Vec<Vec<Q>>) -> usize {
    let cols = rows.first().map_or(0, Vec::len);
    let mut r = 0;
    for c in 0..cols {
        let Some(p) = (r..rows.len()).find(|&i| !rows[i][c].is_zero()) else {
            continue;
        };
        rows.swap(r, p);
        let pivot = rows[r].clone();
        for row in rows.iter_mut().skip(r + 1) {
            if !row[c].is_zero() {
                let f = &row[c] / &pivot[c];
                for (v, pv) in row.iter_mut().zip(&pivot) {
                    *v -= &(&f * pv);
                }
            }
        }
        r += 1;
    }
    r
}

/// The rank of rational vectors with integral entries modulo the prime `p = 2^61 - 1`
/// (the checker's own elimination), a lower bound for their rank over `Q`; `0` when an
/// entry is not an integer.
fn rank_mod_prime(rows: &[Vec<Q>]) -> usize {
    const P: u64 = (1 << 61) - 1;
    let mul = |a: u64, b: u64| ((a as u128 * b as u128) % P as u128) as u64;
    let inv = |a: u64| {
        // Fermat: a^(p-2).
        let (mut base, mut e, mut acc) = (a, P - 2, 1u64);
        while e > 0 {
            if e & 1 == 1 {
                acc = mul(acc, base);
            }
            base = mul(base, base);
            e >>= 1;
        }
        acc
    };
    let mut m: Vec<Vec<u64>> = Vec::with_capacity(rows.len());
    for row in rows {
        let Some(r) = row
            .iter()
            .map(|q| q.to_i64().map(|v| (v as i128).rem_euclid(P as i128) as u64))
            .collect::<Option<Vec<u64>>>()
        else {
            return 0;
        };
        m.push(r);
    }
    let cols = m.first().map_or(0, Vec::len);
    let mut rank = 0;
    for c in 0..cols {
        let Some(p) = (rank..m.len()).find(|&i| m[i][c] != 0) else {
            continue;
        };
        m.swap(rank, p);
        let f = inv(m[rank][c]);
        let pivot: Vec<u64> = m[rank].iter().map(|&v| mul(v, f)).collect();
        for row in m.iter_mut().skip(rank + 1) {
            let t = row[c];
            if t != 0 {
                for (v, &pv) in row.iter_mut().zip(&pivot).skip(c) {
                    *v = (*v + P - mul(t, pv)) % P;
                }
            }
        }
        rank += 1;
    }
    rank
}

/// `e = N / D` with `N` integers fitting `i64`: `(N, 1/D)`, or `None`.
fn integral_form(e: &[Q]) -> Option<(Vec<i64>, Q)> {
    use num_integer::Integer;
    let den = e
        .iter()
        .fold(num_bigint::BigInt::from(1), |d, q| d.lcm(&q.denom()));
    let num = e
        .iter()
        .map(|q| (q.numer() * (&den / q.denom())).try_into().ok())
        .collect::<Option<Vec<i64>>>()?;
    Some((num, Q::from(den).inv()))
}

/// `sum_c e[c] sums[c]` in rationals.
fn rational_dot(e: &[Q], sums: &[i64]) -> Q {
    sums.iter()
        .enumerate()
        .filter(|&(_, &v)| v != 0)
        .map(|(c, &v)| &e[c] * &Q::from_int(v))
        .sum()
}

fn factorial(n: usize) -> BigUint {
    (1..=n as u64).fold(BigUint::from(1u8), |a, k| a * k)
}

/// A commutant-route solution that passed [`check_commutant`]: the only value from which
/// a certified [`crate::graph::CommutantGraph`] can be made (fields private, so no other
/// module can claim certification).
#[derive(Clone, Debug)]
pub struct CertifiedCommutant<'a> {
    solution: &'a CommutantSolution,
    report: CertifyReport,
}

impl<'a> CertifiedCommutant<'a> {
    /// The solution that passed the checker.
    pub fn solution(&self) -> &'a CommutantSolution {
        self.solution
    }

    /// What the checker re-derived.
    pub fn report(&self) -> &CertifyReport {
        &self.report
    }
}

/// Run [`certify_commutant`] and, when every claim holds, return the certified solution.
///
/// Errors: those of [`certify_commutant`].
pub fn check_commutant<'a>(
    m: &CommutantModule,
    sol: &'a CommutantSolution,
) -> Result<CertifiedCommutant<'a>> {
    let report = certify_commutant(m, sol)?;
    Ok(CertifiedCommutant {
        solution: sol,
        report,
    })
}

/// A commutant module whose claims (pair classes, primitive central idempotents,
/// dimensions, multiplicities, types, triviality, giant kernels) the checker re-derived:
/// its own pair classes and the claimed projectors in their numbering.
pub(crate) struct VerifiedModule {
    /// The checker's orbits of `G` on `X x X` and intersection numbers.
    pub(crate) pairs: Pairs,
    /// `coef[l][c]`: the projector of simple `l` on the checker's class `c`.
    pub(crate) coef: Vec<Vec<Q>>,
}

/// Re-derive every claim about the module itself (see the module docs), independently of
/// the search.
///
/// Errors: the first claim that does not hold (verification).
///
/// Complexity: `O(|X|^2 #generators)` for the pair classes, `O(r |X|)` for the
/// intersection numbers, `O(s^2 r |X|)` for the idempotent identities.
pub(crate) fn verify_module(m: &CommutantModule) -> Result<VerifiedModule> {
    let pairs = Pairs::new(m);
    let k = pairs.len();
    if m.pair_reps.len() != k {
        return Err(fail(format!(
            "{} claimed pair classes, {k} orbits of G on X x X",
            m.pair_reps.len()
        )));
    }
    // Claimed coordinate i lives in own class own[i]: a bijection.
    let mut seen = vec![false; k];
    let mut own = Vec::with_capacity(k);
    for &(y, x) in &m.pair_reps {
        let c = pairs.of(y, x);
        if std::mem::replace(&mut seen[c], true) {
            return Err(fail("two claimed representatives in one orbit"));
        }
        own.push(c);
    }
    let coef: Vec<Vec<Q>> = m
        .simples
        .iter()
        .map(|s| {
            let mut v = vec![Q::zero(); k];
            for (i, q) in s.idempotent.iter().enumerate() {
                v[own[i]] = q.clone();
            }
            v
        })
        .collect();
    let s = coef.len();
    let diagonal: Vec<bool> = pairs.first.iter().map(|&(y, x)| y == x).collect();
    // Idempotents summing to 1, central.
    let mut total = vec![Q::zero(); k];
    for (a, ea) in coef.iter().enumerate() {
        for (t, q) in total.iter_mut().zip(ea) {
            *t += q;
        }
        if pairs.mul(ea, ea) != *ea {
            return Err(fail(format!("e_{a} e_{a} is not e")));
        }
    }
    if (0..k).any(|c| total[c] != if diagonal[c] { Q::one() } else { Q::zero() }) {
        return Err(fail("the idempotents do not sum to the identity"));
    }
    for (a, e) in coef.iter().enumerate() {
        let (left, right) = pairs.sides(e);
        if left != right {
            return Err(fail(format!("e_{a} does not commute with a basis matrix")));
        }
    }
    // Orthogonal: commuting idempotents summing to 1 give sum_{a != b} tr(e_a e_b) =
    // tr(1) - sum_a tr(e_a) = 0, and each e_a e_b is an idempotent, whose trace is its
    // rank >= 0; so every e_a e_b = 0 (theory.md §13.4), without the s^2 products.
    // Row (p, c) of the commutator system: (A_i A_p - A_p A_i)[c] in column i.
    let mut rows = vec![vec![Q::zero(); k]; k * k];
    for (c, list) in pairs.products.iter().enumerate() {
        for &((i, j), cnt) in list {
            rows[j * k + c][i] += &Q::from_int(cnt);
            rows[i * k + c][j] -= &Q::from_int(cnt);
        }
    }
    rows.retain(|r| r.iter().any(|q| !q.is_zero()));
    // The s verified central idempotents are independent, so dim Z >= s; the rank modulo
    // a prime is at most the rank over Q, so a nullity s modulo the prime proves
    // dim Z <= s (theory.md §13.4). Only when it does not is the system reduced over Q.
    if k - rank_mod_prime(&rows) != s && k - rank_q(rows) != s {
        return Err(fail(
            "the number of idempotents is not the dimension of the centre",
        ));
    }
    // Dimension, multiplicity, type, triviality, kernel of each simple.
    let n = pairs.n;
    let degree = m.group.degree();
    let order = m.group.order();
    let giant = if degree >= 5 && order == factorial(degree) {
        Some(true)
    } else if degree >= 5 && order * 2u8 == factorial(degree) {
        Some(false)
    } else {
        None
    };
    let transpose: Vec<usize> = pairs.first.iter().map(|&(y, x)| pairs.of(x, y)).collect();
    for (a, (e, claim)) in coef.iter().zip(&m.simples).enumerate() {
        let t: Q = (0..k)
            .filter(|&c| diagonal[c])
            .map(|c| &e[c] * &Q::from_int(pairs.size[c]))
            .sum();
        // `a -> e a` and `a -> e (a + a^T)/2` are projections (e is a verified central
        // idempotent, and symmetric, so `e s` is symmetric for symmetric `s`): their
        // ranks, `dim eA` and `dim e Sym(A)`, are their traces (theory.md §13.4).
        if (0..k).any(|c| e[c] != e[transpose[c]]) {
            return Err(fail(format!("e_{a} is not symmetric")));
        }
        let (left, _) = pairs.sides(e);
        let b_trace: Q = (0..k).map(|c| left[c][c].clone()).sum();
        let h_trace: Q = &(0..k)
            .map(|c| &left[c][c] + &left[transpose[c]][c])
            .sum::<Q>()
            * &Q::new(1, 2);
        let (Some(b), Some(h)) = (b_trace.to_i64(), h_trace.to_i64()) else {
            return Err(fail(format!("a trace of a projection of e_{a}")));
        };
        let (b, h) = (b.max(0) as u64, h.max(0) as u64);
        let mm = claim.mult;
        let type_ok = match claim.kind {
            SimpleType::Real => b == mm * mm && 2 * h == mm * (mm + 1),
            SimpleType::Quaternionic => b == 4 * mm * mm && h == 2 * mm * mm - mm,
            SimpleType::Complex => false,
        };
        if !type_ok || t != Q::from_int((claim.dim * mm) as i64) || mm == 0 {
            return Err(fail(format!(
                "dimension, number of copies or type of simple {a}"
            )));
        }
        // `e rho(g) = e` for the generators iff row `y` of `e` is constant on the orbits of
        // `G` on `X` for every `y`; row `h y_0` is row `y_0` moved by `h`, so the first row
        // of each orbit of rows decides (theory.md §27.3).
        let trivial = m.gset.generators().iter().all(|g| {
            pairs
                .row_roots
                .iter()
                .all(|&y| (0..n).all(|x| e[pairs.of(y, g.apply(x))] == e[pairs.of(y, x)]))
        });
        if trivial != claim.trivial {
            return Err(fail(format!("triviality of simple {a}")));
        }
        let kernel = giant.map(|symmetric| {
            if trivial {
                GiantKernel::Whole
            } else if symmetric && claim.dim == 1 {
                GiantKernel::Alternating
            } else {
                GiantKernel::Trivial
            }
        });
        if claim.kernel.is_some() && claim.kernel != kernel {
            return Err(fail(format!("kernel of simple {a}")));
        }
    }
    Ok(VerifiedModule { pairs, coef })
}

/// Re-derive every claim of a commutant-route solution (see the module docs).
///
/// Errors: the first claim that does not hold (verification).
///
/// Complexity: `O(|X|^2 #generators)` for the pair classes, `O(r |X|)` for the
/// intersection numbers, `O(s^2 r |X|)` for the idempotent identities, `O(|X|^2)` per
/// edge.
pub fn certify_commutant(m: &CommutantModule, sol: &CommutantSolution) -> Result<CertifyReport> {
    let VerifiedModule { pairs, coef } = verify_module(m)?;
    let (k, s, n) = (pairs.len(), coef.len(), pairs.n);
    // The pairs.
    let act = &sol.options.activation;
    let bias = sol.options.bias.as_ref();
    let q0 = bias.cloned().unwrap_or_else(Q::zero);
    let sq = act.eval_q(&q0);
    let mut report = CertifyReport::default();
    let mut witness_sums: Option<(Vec<i64>, Vec<i64>)> = None;
    let mut last_u: Option<(usize, Q, Vec<Q>)> = None;
    let expected: Vec<(usize, usize)> = (0..s).flat_map(|a| (0..s).map(move |b| (a, b))).collect();
    let got: Vec<(usize, usize)> = sol.pairs.iter().map(|p| (p.from, p.to)).collect();
    if got != expected {
        return Err(fail(
            "the pairs are not every ordered pair of simples, in order",
        ));
    }
    // Derived once: the options are those of the whole solution.
    let allow_by_same = [false, true].map(|same| allowed(act, bias, same));
    for p in &sol.pairs {
        let (el, el2) = (&coef[p.from], &coef[p.to]);
        let allow = allow_by_same[usize::from(p.from == p.to)];
        if let (Some(a), Some(b)) = (m.simples[p.from].kernel, m.simples[p.to].kernel) {
            if p.kernel_rule != Some(a <= b) {
                return Err(fail("kernel rule flag"));
            }
        }
        match &p.verdict {
            Verdict::Edge(w) => {
                if w.r.len() != n || w.point >= n {
                    return Err(fail("witness of the wrong length"));
                }
                // The class sums of `r` on each row, once per vector `r` (the witnesses of
                // every source usually share one), and `u = sigma(w + q) - sigma(q)` once
                // per source, vector and scale.
                if !matches!(&witness_sums, Some((r, _)) if r.as_slice() == w.r.as_slice()) {
                    let mut table = vec![0i64; n * k];
                    for (y, row) in table.chunks_mut(k.max(1)).enumerate().take(n) {
                        for (x, &rx) in w.r.iter().enumerate() {
                            row[pairs.of(y, x)] += rx;
                        }
                    }
                    witness_sums = Some((w.r.to_vec(), table));
                    last_u = None;
                }
                let table = &witness_sums.as_ref().expect("just set").1;
                let fresh = !matches!(&last_u, Some((from, scale, _)) if *from == p.from && *scale == w.scale);
                if fresh {
                    // `e_L = N / D` with integers `N`, so each coordinate of `P_L r` is one
                    // integer dot product and one rational.
                    let integral = integral_form(el);
                    let u: Vec<Q> = (0..n)
                        .map(|y| {
                            let sums = &table[y * k..(y + 1) * k];
                            let py: Q = match &integral {
                                Some((num, den)) => {
                                    let dot: Option<i128> = sums
                                        .iter()
                                        .zip(num)
                                        .filter(|p| *p.0 != 0 && *p.1 != 0)
                                        .try_fold(0i128, |acc, (&v, &c)| {
                                            acc.checked_add((v as i128).checked_mul(c as i128)?)
                                        });
                                    match dot {
                                        Some(d) => &Q::from(num_bigint::BigInt::from(d)) * den,
                                        None => rational_dot(el, sums),
                                    }
                                }
                                None => rational_dot(el, sums),
                            };
                            let wy = py * &w.scale;
                            act.eval_q(&(&wy + &q0)) - &sq
                        })
                        .collect();
                    last_u = Some((p.from, w.scale.clone(), u));
                }
                let u = &last_u.as_ref().expect("just set").2;
                let value: Q = (0..n).map(|x| &el2[pairs.of(w.point, x)] * &u[x]).sum();
                if value.is_zero() || Cyclotomic::from_q(value) != *w.value {
                    return Err(fail(format!("witness of the edge {} -> {}", p.from, p.to)));
                }
                report.edges += 1;
            }
            Verdict::FourierEdge(_) => {
                return Err(fail("a Fourier residue claim on the commutant route"));
            }
            Verdict::NonEdge(o) => {
                let ok = match o {
                    Obstruction::Linear => allow.linear,
                    Obstruction::Hadamard => {
                        allow.quadratic
                            && (0..k)
                                .map(|c| {
                                    &(&(&el[c] * &el[c]) * &el2[c]) * &Q::from_int(pairs.size[c])
                                })
                                .sum::<Q>()
                                .is_zero()
                    }
                    Obstruction::Blocks {
                        kind,
                        zero_set,
                        classes,
                    } => {
                        let valid = match kind {
                            BlockKind::Plus => true,
                            BlockKind::Odd => allow.odd,
                            BlockKind::Abs => allow.even,
                        };
                        valid
                            && rows_of(&pairs, el) == (zero_set.to_vec(), classes.to_vec())
                            && killed(&pairs, classes, *kind, el2)
                    }
                };
                if !ok {
                    return Err(fail(format!(
                        "obstruction of the non-edge {} -> {}",
                        p.from, p.to
                    )));
                }
                report.non_edges += 1;
            }
            Verdict::Unresolved { .. } => report.unresolved += 1,
        }
    }
    Ok(report)
}

/// Zero rows of `P_L` and the classes of equal or opposite rows (compared through
/// `|P e_x - s P e_y|^2 = P[x][x] + P[y][y] - 2 s P[x][y]`).
#[allow(clippy::type_complexity)]
fn rows_of(pairs: &Pairs, e: &[Q]) -> (Vec<usize>, Vec<Vec<(usize, i8)>>) {
    // Each class's value as the number of its distinct value, and of its negative (`NO`
    // when absent), so that the `O(|X| #classes)` comparisons are of integers.
    const NO: u32 = u32::MAX;
    let mut distinct: HashMap<&Q, u32> = HashMap::new();
    let value: Vec<u32> = e
        .iter()
        .map(|q| {
            let next = distinct.len() as u32;
            *distinct.entry(q).or_insert(next)
        })
        .collect();
    let negative: Vec<u32> = e
        .iter()
        .map(|q| distinct.get(&-q).copied().unwrap_or(NO))
        .collect();
    let at = |y: usize, x: usize| value[pairs.of(y, x)];
    let mut zero = Vec::new();
    let mut classes: Vec<Vec<(usize, i8)>> = Vec::new();
    'points: for x in 0..pairs.n {
        let c = pairs.of(x, x);
        if e[c].is_zero() {
            zero.push(x);
            continue;
        }
        let (d, minus) = (value[c], negative[c]);
        for class in classes.iter_mut() {
            let x0 = class[0].0;
            if at(x0, x0) != d {
                continue;
            }
            let v = at(x0, x);
            if v == d {
                class.push((x, 1));
                continue 'points;
            }
            if v == minus {
                class.push((x, -1));
                continue 'points;
            }
        }
        classes.push(vec![(x, 1)]);
    }
    (zero, classes)
}

/// `sum_u u^T P_{L'} u = 0` over the spanning functions of the block space.
///
/// `P_{L'}` is constant on pair classes, so the sum is `sum_c n_c e2[c]` with `n_c` the
/// signed number of pairs of class `c` inside the functions: counted in integers first
/// (`|X|^2` at most per function), then one exact dot product over the classes instead of
/// one rational product per pair.
fn killed(pairs: &Pairs, classes: &[Vec<(usize, i8)>], kind: BlockKind, e2: &[Q]) -> bool {
    let mut functions: Vec<Vec<(usize, i8)>> = Vec::new();
    for c in classes {
        match kind {
            BlockKind::Odd => functions.push(c.clone()),
            BlockKind::Abs => functions.push(c.iter().map(|&(x, _)| (x, 1)).collect()),
            BlockKind::Plus => {
                for sign in [1i8, -1] {
                    let f: Vec<(usize, i8)> = c
                        .iter()
                        .filter(|p| p.1 == sign)
                        .map(|&(x, _)| (x, 1))
                        .collect();
                    if !f.is_empty() {
                        functions.push(f);
                    }
                }
            }
        }
    }
    let mut count = vec![0i64; e2.len()];
    for f in &functions {
        for &(x, sx) in f {
            for &(y, sy) in f {
                count[pairs.of(x, y)] += i64::from(sx * sy);
            }
        }
    }
    let mut acc = Q::zero();
    for (c, q) in count.iter().zip(e2) {
        if *c != 0 && !q.is_zero() {
            acc += &(q * &Q::from_int(*c));
        }
    }
    acc.is_zero()
}
