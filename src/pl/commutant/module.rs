//! A permutation module `R^X` of a group too large to enumerate, described by its
//! commutant (theory.md §13): the isotypic projectors are the primitive central
//! idempotents of the orbital algebra, with the dimension, multiplicity and type of
//! each simple present read off the algebra, its kernel from the generators' action on
//! the isotypic image (for the giants `S_n`, `A_n`, `n >= 5`, whose normal subgroups are
//! `1`, `A_n`, `S_n`), and its character on any element as `tr(e_L g) / m_L`.

use super::algebra::OrbitalAlgebra;
use super::idempotents::primitive_central_idempotents;
use crate::arith::Q;
use crate::character::SimpleType;
use crate::error::{Error, Result};
use crate::group::giant::giant_order;
use crate::group::gset::{ActionSpec, GSet};
use crate::group::{Limits, Perm, PermGroup};
use num_bigint::BigUint;

/// The kernel of a simple of a giant: one of its three normal subgroups.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GiantKernel {
    /// `1`.
    Trivial,
    /// `A_n` (only in `S_n`).
    Alternating,
    /// The whole group.
    Whole,
}

impl GiantKernel {
    /// `1`, `A_n` or `S_n`/`A_n` for degree `n`.
    pub fn name(self, n: usize, symmetric: bool) -> String {
        match self {
            GiantKernel::Trivial => "1".into(),
            GiantKernel::Alternating => format!("A{n}"),
            GiantKernel::Whole => format!("{}{n}", if symmetric { "S" } else { "A" }),
        }
    }

    /// The order of the kernel.
    pub fn order(self, n: usize, symmetric: bool) -> BigUint {
        match self {
            GiantKernel::Trivial => BigUint::from(1u8),
            GiantKernel::Alternating => giant_order(n, true),
            GiantKernel::Whole => giant_order(n, !symmetric),
        }
    }
}

/// A cycle type (a partition of `n`) and the real character of each simple on it.
pub type CycleTypeValues = (Vec<usize>, Vec<Q>);

/// One real simple `L` present in `R^X`, through its isotypic projector.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Isotypic {
    /// `L0, L1, …` in the module's order (dimension, then the trivial simple first).
    pub label: String,
    /// `P_L` as coefficients on the orbitals ([`CommutantModule::pair_reps`] order).
    pub idempotent: Vec<Q>,
    /// `dim_R L`.
    pub dim: u64,
    /// The multiplicity `m_L` of `L` in `R^X`.
    pub mult: u64,
    /// Real or quaternionic (complex type has a 2-dimensional block centre, excluded by
    /// the split centre).
    pub kind: SimpleType,
    /// Whether every generator acts trivially on `V_L`.
    pub trivial: bool,
    /// `ker L` when the group is a giant of degree `>= 5`.
    pub kernel: Option<GiantKernel>,
}

/// The module `R^X` through its commutant.
#[derive(Clone, Debug)]
pub struct CommutantModule {
    /// The group.
    pub group: PermGroup,
    /// `X`.
    pub gset: GSet,
    /// `End_G(R^X)`.
    pub algebra: OrbitalAlgebra,
    /// A representative pair `(y, x)` of each orbital (the claims' coordinates).
    pub pair_reps: Vec<(usize, usize)>,
    /// The simples present, in order.
    pub simples: Vec<Isotypic>,
    /// `Some(true)` for `S_n`, `Some(false)` for `A_n` (degree `n >= 5`, proven by the
    /// order), else `None` (kernels then unavailable).
    pub giant: Option<bool>,
}

/// `Some(true)` for `S_n`, `Some(false)` for `A_n` (`n >= 5`), from the order (a subgroup
/// of `S_n` of order `n!` or `n!/2` is `S_n` or `A_n`).
pub fn giant_type(group: &PermGroup) -> Option<bool> {
    let n = group.degree();
    if n < 5 {
        return None;
    }
    if let Some(s) = group.giant() {
        return Some(s);
    }
    let order = group.order();
    if order == giant_order(n, false) {
        Some(true)
    } else if order == giant_order(n, true) {
        Some(false)
    } else {
        None
    }
}

impl CommutantModule {
    /// Build `R^X` for `group` acting by `action` without enumerating the group.
    ///
    /// Errors: bad actions (bad input); `|X|` above `--max-points`, actions that
    /// enumerate `G` above `--max-order` (`regular`, `conjugation`, `cosets`), the
    /// orbital tables above `--max-memory-mb` (limits, before allocating); a centre not
    /// split over `Q` (bad input, not supported by this route).
    ///
    /// Complexity: `O(|X|^2 #generators)` (orbitals), `O(r |X|)` (constants), the
    /// centre and idempotents in the `r`-dimensional algebra, `O(|X|^2 #generators)` per
    /// simple for the kernels.
    pub fn new(group: &PermGroup, action: &ActionSpec, limits: &Limits) -> Result<Self> {
        let gset = GSet::new(group, action, limits)?;
        let algebra = OrbitalAlgebra::new(&gset, limits)?;
        let r = algebra.dim();
        let pair_reps: Vec<(usize, usize)> =
            (0..r).map(|o| algebra.orbitals.representative(o)).collect();
        let giant = giant_type(group);
        let mut simples = Vec::new();
        for e in primitive_central_idempotents(&algebra)? {
            simples.push(describe(&algebra, &gset, e, giant)?);
        }
        simples.sort_by(|a, b| {
            (a.dim, !a.trivial, a.mult, &a.idempotent).cmp(&(
                b.dim,
                !b.trivial,
                b.mult,
                &b.idempotent,
            ))
        });
        for (i, s) in simples.iter_mut().enumerate() {
            s.label = format!("L{i}");
        }
        Ok(CommutantModule {
            group: group.clone(),
            gset,
            algebra,
            pair_reps,
            simples,
            giant,
        })
    }

    /// Whether the route applies to `action`: not to the actions that enumerate `G`
    /// (`regular`, `conjugation`, `cosets`, alone or combined).
    pub fn applies(action: &ActionSpec) -> bool {
        let text = action.to_string();
        !["regular", "conjugation", "cosets"]
            .iter()
            .any(|w| text.contains(w))
    }

    /// `|X|`.
    pub fn points(&self) -> usize {
        self.gset.len()
    }

    /// The entry `P_L[y][x]` of simple `l`.
    pub fn entry(&self, l: usize, y: usize, x: usize) -> &Q {
        &self.simples[l].idempotent[self.algebra.orbitals.orbit_of(y, x)]
    }

    /// `psi_L(g) = tr(P_L rho(g)) / m_L` for `g` in `G` (a permutation of the degree).
    ///
    /// Errors: `g` of the wrong degree (bad input).
    ///
    /// Complexity: `O(|X| k)` to act on `X` and sum.
    pub fn character_value(&self, l: usize, g: &Perm) -> Result<Q> {
        let gx = self.gset.act(g)?;
        let s = &self.simples[l];
        let tr: Q = (0..self.points())
            .map(|x| self.entry(l, x, gx.apply(x)).clone())
            .sum();
        Ok(tr / Q::from_int(s.mult as i64))
    }

    /// The real characters on a representative of each cycle type of `S_n` (or the even
    /// ones for `A_n`), for naming the simples by partitions: `(partition, values per
    /// simple)`. `None` when the group is not a giant or `n` has more than `max`
    /// partitions.
    pub fn cycle_type_values(&self, max: usize) -> Result<Option<Vec<CycleTypeValues>>> {
        let Some(symmetric) = self.giant else {
            return Ok(None);
        };
        let n = self.group.degree();
        let parts = partitions(n, max);
        let Some(parts) = parts else {
            return Ok(None);
        };
        let mut out = Vec::new();
        for p in parts {
            let even = p.iter().filter(|&&c| c % 2 == 0).count() % 2 == 0;
            if !symmetric && !even {
                continue;
            }
            let g = cycle_type_rep(n, &p)?;
            let values = (0..self.simples.len())
                .map(|l| self.character_value(l, &g))
                .collect::<Result<Vec<_>>>()?;
            out.push((p, values));
        }
        Ok(Some(out))
    }

    /// The partition `lambda` naming each simple of `S_n`: its character on every cycle
    /// type, as [`CommutantModule::cycle_type_values`] computed it (not recomputed),
    /// matched to the Murnaghan–Nakayama values by
    /// [`crate::character::symmetric::name_sn_simple`]. `None` for groups other than
    /// `S_n`; `None` entries for no match or a missing cycle type.
    ///
    /// Complexity: the matching only (`p(n)` look-ups per simple).
    pub fn partition_labels(&self, values: &[CycleTypeValues]) -> Option<Vec<Option<String>>> {
        use crate::character::partition::partitions as all_partitions;
        use crate::character::symmetric::name_sn_simple;
        if self.giant != Some(true) {
            return None;
        }
        let n = self.group.degree();
        let by_type: std::collections::HashMap<&[usize], &[Q]> = values
            .iter()
            .map(|(p, v)| (p.as_slice(), v.as_slice()))
            .collect();
        // Rows of every class of S_n in the order name_sn_simple expects (GAP's).
        let rows: Vec<Option<&[Q]>> = all_partitions(n as u32)
            .iter()
            .map(|p| {
                let key: Vec<usize> = p.parts().iter().map(|&c| c as usize).collect();
                by_type.get(key.as_slice()).copied()
            })
            .collect();
        let labels = (0..self.simples.len())
            .map(|l| {
                let v: Option<Vec<i64>> =
                    rows.iter().map(|r| r.and_then(|r| r[l].to_i64())).collect();
                v.and_then(|v| name_sn_simple(n as u32, &v))
                    .map(|p| p.to_string())
            })
            .collect();
        Some(labels)
    }
}

impl CommutantModule {
    /// A `k` such that every point `x` of `X` is fixed by the pointwise stabilizer of some
    /// `k` points `K` of `{1..n}` (`S_n` only): `K` a vertex cover (greedy) of the graph of
    /// the transpositions moving an orbit representative `x` — the transpositions outside
    /// `K` then fix `x` and generate `Sym(outside K)`. `None` when the `n(n-1)/2 |X|`
    /// point operations exceed `max_work`. Used by [`CommutantModule::young_partition_labels`].
    pub fn young_support(&self, max_work: u128) -> Result<Option<u32>> {
        let n = self.group.degree();
        let x = self.points() as u128;
        if (n as u128) * (n as u128) / 2 * x > max_work {
            return Ok(None);
        }
        let reps: Vec<usize> = self.gset.orbits().iter().map(|o| o[0]).collect();
        // the transpositions moving each representative: edges of a graph on {1..n}
        let mut moving: Vec<Vec<(usize, usize)>> = vec![Vec::new(); reps.len()];
        for a in 0..n {
            for b in a + 1..n {
                let t = self.gset.act(&Perm::from_cycles(n, &[vec![a, b]])?)?;
                for (r, &x) in reps.iter().enumerate() {
                    if t.apply(x) != x {
                        moving[r].push((a, b));
                    }
                }
            }
        }
        // K: a vertex cover of that graph (greedy, largest degree first; any cover
        // will do: the transpositions outside K fix x and generate Sym(outside K))
        let mut k = 0u32;
        for mut edges in moving {
            let mut size = 0u32;
            while !edges.is_empty() {
                let mut degree = vec![0usize; n];
                for &(a, b) in &edges {
                    degree[a] += 1;
                    degree[b] += 1;
                }
                let v = (0..n).max_by_key(|&v| (degree[v], n - v)).unwrap_or(0);
                edges.retain(|&(a, b)| a != v && b != v);
                size += 1;
            }
            k = k.max(size);
        }
        Ok(Some(k))
    }

    /// The partition naming each simple of `S_n` without its character on every cycle
    /// type (for `n` with more than [`crate::graph::commutant::MAX_CYCLE_TYPES`]
    /// partitions): candidates by Young's rule ([`CommutantModule::young_support`]) and
    /// the degree, told apart by the character on a few classes of small support
    /// ([`crate::character::young_names::name_by_young`]; docs/theory.md §15.6). `None`
    /// for groups other than `S_n` or when the search is too large.
    ///
    /// Complexity: `n^2 |X| / 2` point operations, then a few characters `O(|X| k)` each.
    pub fn young_partition_labels(&self) -> Result<Option<Vec<Option<String>>>> {
        use crate::character::young_names::{name_by_young, young_candidates};
        if self.giant != Some(true) {
            return Ok(None);
        }
        let n = self.group.degree();
        let Some(k) = self.young_support(1 << 30)? else {
            return Ok(None);
        };
        let Some(candidates) = young_candidates(n as u32, k) else {
            return Ok(None);
        };
        let mut labels = Vec::with_capacity(self.simples.len());
        for (l, s) in self.simples.iter().enumerate() {
            if s.kind != SimpleType::Real {
                labels.push(None);
                continue;
            }
            let mut psi = |rho: &[u32]| -> Result<Option<num_bigint::BigInt>> {
                let parts: Vec<usize> = rho.iter().map(|&r| r as usize).collect();
                let v = self.character_value(l, &cycle_type_rep(n, &parts)?)?;
                Ok(v.is_integer().then(|| v.numer()))
            };
            let name = name_by_young(n as u32, &candidates, &BigUint::from(s.dim), &mut psi)?;
            labels.push(name.map(|p| p.to_string()));
        }
        Ok(Some(labels))
    }
}

/// Dimension, multiplicity, type, triviality and kernel of the simple with central
/// idempotent `e` (theory.md §13.3): `tr e = m d`, `dim eA = m^2 dim D`, and the
/// symmetric part `dim e Sym(A)` = `m(m+1)/2` (real) or `2m^2 - m` (quaternionic).
fn describe(a: &OrbitalAlgebra, gset: &GSet, e: Vec<Q>, giant: Option<bool>) -> Result<Isotypic> {
    let r = a.dim();
    let t =
        a.trace(&e).to_i64().filter(|&t| t > 0).ok_or_else(|| {
            Error::verification("trace of an idempotent is not a positive integer")
        })? as u64;
    // `a -> e a` and `a -> e (a + a^T)/2` are projections of `A` (`e` is a central
    // idempotent and symmetric, so `e s` is symmetric for symmetric `s`): their ranks
    // `dim eA` and `dim e Sym(A)` are their traces, read on the basis of orbitals in
    // `O(r^2)` instead of two `r x r` eliminations (theory.md §13.3).
    if (0..r).any(|o| e[o] != e[a.transpose(o)]) {
        return Err(Error::verification(
            "an isotypic projector is not symmetric",
        ));
    }
    let mut block_trace = Q::zero();
    let mut sym_trace = Q::zero();
    for o in 0..r {
        let t = a.transpose(o);
        for (i, ei) in e.iter().enumerate().filter(|p| !p.1.is_zero()) {
            let (c, ct) = (a.constant(i, o, o), a.constant(i, t, o));
            if c != 0 {
                block_trace.add_mul_assign(ei, &Q::from_int(c as i64));
            }
            if c + ct != 0 {
                sym_trace.add_mul_assign(ei, &Q::from_int((c + ct) as i64));
            }
        }
    }
    let sym_trace = &sym_trace * &Q::new(1, 2);
    let (b, h) = match (block_trace.to_i64(), sym_trace.to_i64()) {
        (Some(b), Some(h)) if b > 0 && h > 0 => (b as u64, h as u64),
        _ => {
            return Err(Error::verification(
                "the trace of a projection of the commutant is not a positive integer",
            ))
        }
    };
    let (kind, m) = block_type(b, h).ok_or_else(|| {
        Error::verification(format!(
            "a simple block of dimension {b} with {h} symmetric"
        ))
    })?;
    if t % m != 0 {
        return Err(Error::verification(
            "rank of an isotypic projector not a multiple of its multiplicity",
        ));
    }
    let dim = t / m;
    let trivial = fixed_by_generators(a, gset, &e);
    let kernel = giant
        .filter(|_| gset.group().degree() >= 5)
        .map(|symmetric| {
            if trivial {
                GiantKernel::Whole
            } else if symmetric && dim == 1 {
                GiantKernel::Alternating
            } else {
                GiantKernel::Trivial
            }
        });
    Ok(Isotypic {
        label: String::new(),
        idempotent: e,
        dim,
        mult: m,
        kind,
        trivial,
        kernel,
    })
}

/// The type and multiplicity of a simple block `M_m(D)` of dimension `b` whose symmetric
/// elements (under transposition, the positive involution) have dimension `h`.
pub fn block_type(b: u64, h: u64) -> Option<(SimpleType, u64)> {
    let m = (b as f64).sqrt().round() as u64;
    if m * m == b && h == m * (m + 1) / 2 {
        return Some((SimpleType::Real, m));
    }
    let m = ((b / 4) as f64).sqrt().round() as u64;
    if 4 * m * m == b && h == 2 * m * m - m {
        return Some((SimpleType::Quaternionic, m));
    }
    None
}

/// Whether `e rho(g) = e` for every generator `g` (`G` fixes `V_L` pointwise):
/// `e[y][x^g] = e[y][x]` for all pairs. As `e` is constant on orbitals, row `h y` is row
/// `y` moved by `h`, so when every row is `G`-invariant so is each, and the first row
/// of each orbit of `G` on `X` decides (theory.md §27.3).
///
/// Complexity: `O(#orbits |X| #generators)`.
fn fixed_by_generators(a: &OrbitalAlgebra, gset: &GSet, e: &[Q]) -> bool {
    let n = a.points();
    let rows: Vec<usize> = gset.orbits().iter().map(|o| o[0]).collect();
    gset.generators().iter().all(|g| {
        rows.iter().all(|&y| {
            (0..n).all(|x| e[a.orbitals.orbit_of(y, g.apply(x))] == e[a.orbitals.orbit_of(y, x)])
        })
    })
}

/// The partitions of `n` in reverse lexicographic order, if there are at most `max`.
pub fn partitions(n: usize, max: usize) -> Option<Vec<Vec<usize>>> {
    let mut out = Vec::new();
    let mut p = vec![n];
    loop {
        if out.len() >= max {
            return None;
        }
        out.push(p.clone());
        // Next partition: take from the last part above 1.
        let ones = p.iter().rev().take_while(|&&c| c == 1).count();
        if ones == p.len() {
            return Some(out);
        }
        let k = p.len() - ones - 1;
        let part = p[k] - 1;
        let mut rest = ones + 1;
        p.truncate(k);
        p.push(part);
        while rest > 0 {
            let c = rest.min(part);
            p.push(c);
            rest -= c;
        }
    }
}

/// A permutation of cycle type `p` on `0..n`.
pub fn cycle_type_rep(n: usize, p: &[usize]) -> Result<Perm> {
    let mut cycles = Vec::new();
    let mut next = 0;
    for &c in p {
        cycles.push((next..next + c).collect::<Vec<_>>());
        next += c;
    }
    Perm::from_cycles(n, &cycles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partitions_are_counted() {
        assert_eq!(partitions(5, 100).unwrap().len(), 7);
        assert_eq!(partitions(12, 100).unwrap().len(), 77);
        assert!(partitions(30, 100).is_none());
        assert_eq!(partitions(4, 10).unwrap()[1], vec![3, 1]);
    }

    #[test]
    fn block_types() {
        assert_eq!(block_type(1, 1), Some((SimpleType::Real, 1)));
        assert_eq!(block_type(9, 6), Some((SimpleType::Real, 3)));
        assert_eq!(block_type(4, 1), Some((SimpleType::Quaternionic, 1)));
        assert_eq!(block_type(4, 3), Some((SimpleType::Real, 2)));
        assert_eq!(block_type(2, 1), None);
    }
}
