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

/// The pair classes of `X × X` and the claimed projectors in their numbering.
pub(crate) struct Pairs {
    /// `|X|`.
    pub(crate) n: usize,
    class: Vec<u32>,
    /// First pair and size of each class.
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
    pub(crate) fn new(m: &CommutantModule) -> Pairs {
        let n = m.gset.len();
        let mut parent: Vec<u32> = (0..(n * n) as u32).collect();
        for g in m.gset.generators() {
            for y in 0..n {
                for x in 0..n {
                    let a = find(&mut parent, (y * n + x) as u32);
                    let b = find(&mut parent, (g.apply(y) * n + g.apply(x)) as u32);
                    if a != b {
                        parent[a.max(b) as usize] = a.min(b);
                    }
                }
            }
        }
        let mut class = vec![u32::MAX; n * n];
        let mut id_of_root: HashMap<u32, u32> = HashMap::new();
        let mut first = Vec::new();
        let mut size = Vec::new();
        for p in 0..n * n {
            let root = find(&mut parent, p as u32);
            let id = *id_of_root.entry(root).or_insert_with(|| {
                first.push((p / n, p % n));
                size.push(0);
                (first.len() - 1) as u32
            });
            class[p] = id;
            size[id as usize] += 1;
        }
        let mut products = Vec::with_capacity(first.len());
        for &(y, x) in &first {
            let mut count: HashMap<(usize, usize), i64> = HashMap::new();
            for z in 0..n {
                *count
                    .entry((class[y * n + z] as usize, class[z * n + x] as usize))
                    .or_default() += 1;
            }
            let mut v: Vec<_> = count.into_iter().collect();
            v.sort();
            products.push(v);
        }
        Pairs {
            n,
            class,
            first,
            size,
            products,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.first.len()
    }

    /// The class of the pair `(y, x)`.
    pub(crate) fn of(&self, y: usize, x: usize) -> usize {
        self.class[y * self.n + x] as usize
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
    // Orthogonal idempotents summing to 1.
    let mut total = vec![Q::zero(); k];
    for (a, ea) in coef.iter().enumerate() {
        for (t, q) in total.iter_mut().zip(ea) {
            *t += q;
        }
        for (b, eb) in coef.iter().enumerate() {
            let p = pairs.mul(ea, eb);
            let want = if a == b {
                ea.clone()
            } else {
                vec![Q::zero(); k]
            };
            if p != want {
                return Err(fail(format!(
                    "e_{a} e_{b} is not {}",
                    if a == b { "e" } else { "0" }
                )));
            }
        }
    }
    if (0..k).any(|c| total[c] != if diagonal[c] { Q::one() } else { Q::zero() }) {
        return Err(fail("the idempotents do not sum to the identity"));
    }
    // Central, and as many as the dimension of the centre.
    for (a, e) in coef.iter().enumerate() {
        let (left, right) = pairs.sides(e);
        if left != right {
            return Err(fail(format!("e_{a} does not commute with a basis matrix")));
        }
    }
    // Row (p, c) of the commutator system: (A_i A_p - A_p A_i)[c] in column i.
    let mut rows = vec![vec![Q::zero(); k]; k * k];
    for (c, list) in pairs.products.iter().enumerate() {
        for &((i, j), cnt) in list {
            rows[j * k + c][i] += &Q::from_int(cnt);
            rows[i * k + c][j] -= &Q::from_int(cnt);
        }
    }
    rows.retain(|r| r.iter().any(|q| !q.is_zero()));
    if k - rank_q(rows) != s {
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
        let (left, _) = pairs.sides(e);
        let b = rank_q(left.clone()) as u64;
        let h = rank_q(
            (0..k)
                .filter(|&p| transpose[p] >= p)
                .map(|p| {
                    if transpose[p] == p {
                        left[p].clone()
                    } else {
                        left[p]
                            .iter()
                            .zip(&left[transpose[p]])
                            .map(|(a, b)| a + b)
                            .collect()
                    }
                })
                .collect(),
        ) as u64;
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
        let trivial = m.gset.generators().iter().all(|g| {
            (0..n).all(|y| (0..n).all(|x| e[pairs.of(y, g.apply(x))] == e[pairs.of(y, x)]))
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
    let expected: Vec<(usize, usize)> = (0..s).flat_map(|a| (0..s).map(move |b| (a, b))).collect();
    let got: Vec<(usize, usize)> = sol.pairs.iter().map(|p| (p.from, p.to)).collect();
    if got != expected {
        return Err(fail(
            "the pairs are not every ordered pair of simples, in order",
        ));
    }
    for p in &sol.pairs {
        let (el, el2) = (&coef[p.from], &coef[p.to]);
        let allow = allowed(act, bias, p.from == p.to);
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
                let u: Vec<Q> = (0..n)
                    .map(|y| {
                        let mut sums = vec![0i64; k];
                        for (x, &rx) in w.r.iter().enumerate() {
                            sums[pairs.of(y, x)] += rx;
                        }
                        let wy: Q = sums
                            .into_iter()
                            .enumerate()
                            .filter(|&(_, v)| v != 0)
                            .map(|(c, v)| &el[c] * &Q::from_int(v))
                            .sum::<Q>()
                            * &w.scale;
                        act.eval_q(&(&wy + &q0)) - &sq
                    })
                    .collect();
                let value: Q = (0..n).map(|x| &el2[pairs.of(w.point, x)] * &u[x]).sum();
                if value.is_zero() || Cyclotomic::from_q(value) != w.value {
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
    let at = |y: usize, x: usize| &e[pairs.of(y, x)];
    let mut zero = Vec::new();
    let mut classes: Vec<Vec<(usize, i8)>> = Vec::new();
    'points: for x in 0..pairs.n {
        if at(x, x).is_zero() {
            zero.push(x);
            continue;
        }
        for class in classes.iter_mut() {
            let x0 = class[0].0;
            if at(x0, x0) != at(x, x) {
                continue;
            }
            if at(x0, x) == at(x, x) {
                class.push((x, 1));
                continue 'points;
            }
            if *at(x0, x) == -at(x, x) {
                class.push((x, -1));
                continue 'points;
            }
        }
        classes.push(vec![(x, 1)]);
    }
    (zero, classes)
}

/// `sum_u u^T P_{L'} u = 0` over the spanning functions of the block space.
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
    let mut acc = Q::zero();
    for f in &functions {
        for &(x, sx) in f {
            for &(y, sy) in f {
                acc += &(&e2[pairs.of(x, y)] * &Q::from_int((sx * sy) as i64));
            }
        }
    }
    acc.is_zero()
}
