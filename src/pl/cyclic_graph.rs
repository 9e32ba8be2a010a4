//! The cyclic route without the module: the interaction graph of the regular module of a
//! cyclic group of order `n` from `n` alone (theory.md §18, §20).
//!
//! [`super::abelian::solve_cyclic`] needs a [`super::PlModule`], whose character table
//! (`n^2` cyclotomic values), real simples, action table and orbitals cost about
//! `100 n^2` bytes: `C2000` needed 2 GB, `C4096` 7.7 GB. Yet on the regular module of
//! `G = <g>` every verdict of the route depends on `n`, the frequencies `k`, `j` and the
//! activation only:
//!
//! * the real simples, in label order, are `L_k` for `0 <= k <= n/2` (the labels of a
//!   cyclic group are sorted by frequency, `character/real.rs`), `L_k` of dimension 1
//!   for `k = 0, n/2` and 2 otherwise, each of multiplicity 1, `|ker L_k| = gcd(k, n)`;
//! * rule (a) (`gcd(2k, n) | j`) and the kernel rule (`gcd(k, n) | j`) are arithmetic;
//! * the residue of the witness `cos(2 pi (4 k a + s)/4n)` at frequency `j` is the table
//!   value `d H_d(j' k'^-1 mod n/d)` of the route, which reads `n`, `k`, `j`, `s`, `p`.
//!
//! The frequencies are taken relative to the generator the character table chose; any
//! other generator `g^u` (`u` a unit mod `n`) renames `L_k` as `L_{uk}`, and the
//! automorphism `g -> g^u` of `G` maps `R^G` to itself commuting with `sigma`, so
//! `L_k -> L_j` is an edge iff `L_{uk} -> L_{uj}` is: the labelled graph is the same.
//!
//! [`cyclic_verdicts`] returns the edges of every source when every pair is decided by
//! a rule or a nonzero residue, and `None` when one pair would need the exact path (the
//! caller then builds the module and runs [`super::solve`]): nothing is guessed. Its
//! memory is `O(n)` per table plus the edge lists, [`cyclic_verdict_bytes`] in all.

use super::abelian::{primes_with_roots, slopes, tables_for, Tables, PHASES, PRIMES};
use super::blocks::BlockKind;
use super::projector::GroupData;
use super::solver::SolverOptions;
use crate::arith::ntheory::gcd;
use crate::arith::zumbroich::inv_mod as inverse;
use crate::group::PermGroup;

/// The most residue maps (phase and prime) [`cyclic_verdicts`] tries.
pub const MAX_TRIES: usize = PHASES.len() * PRIMES;

/// The verdicts of the cyclic route on the regular module of `C_n`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CyclicVerdicts {
    /// The group's order.
    pub n: u64,
    /// `targets[k]`: the frequencies `j` (ascending) with `L_k -> L_j` an edge.
    pub targets: Vec<Vec<u32>>,
    /// The residue maps tried, `(phase s, prime p, root rho)` with `rho` of order `4n`
    /// modulo `p`, in the order of first use.
    pub tries: Vec<(u64, u64, u64)>,
    /// `residues[k][i]`: the certificate of the edge `L_k -> L_{targets[k][i]}`, the
    /// index into [`CyclicVerdicts::tries`] of its map and the image of the Fourier
    /// coefficient `hat v(j)` of `sigma(cos(2 pi (4 k a + s)/4n))` under it (nonzero).
    pub residues: Vec<Vec<(u8, u64)>>,
}

impl CyclicVerdicts {
    /// The number of simples, `floor(n/2) + 1`.
    pub fn simples(&self) -> usize {
        self.targets.len()
    }

    /// The number of edges.
    pub fn edges(&self) -> usize {
        self.targets.iter().map(Vec::len).sum()
    }

    /// `(dim, real, |ker|)` of `L_k`: dimension 1 (real) for `k = 0` and `k = n/2`,
    /// else 2 (complex type); the kernel has order `gcd(k, n)`.
    pub fn simple(&self, k: u64) -> (u64, bool, u64) {
        let real = k == 0 || 2 * k == self.n;
        (if real { 1 } else { 2 }, real, gcd(k, self.n))
    }
}

/// Whether `group` is cyclic, from its generators: it is abelian iff they commute, and
/// the exponent of an abelian group is the lcm of its generators' orders, so it is
/// cyclic iff that lcm is its order.
///
/// Complexity: `O(r^2 d)` products for `r` generators of degree `d`, plus their orders.
pub fn is_cyclic(group: &PermGroup) -> bool {
    let gens = group.generators();
    let Some(order) = group.order_u64() else {
        return false;
    };
    if !is_abelian(group) {
        return false;
    }
    let mut lcm = 1u64;
    for g in gens {
        let o = g.order();
        lcm = match (lcm / gcd(lcm, o)).checked_mul(o) {
            Some(l) if l <= order => l,
            _ => return false,
        };
    }
    lcm == order
}

/// Whether the generators of `group` commute (so the group is abelian).
///
/// Complexity: `O(r^2 d)` for `r` generators of degree `d`.
pub fn is_abelian(group: &PermGroup) -> bool {
    let gens = group.generators();
    gens.iter()
        .enumerate()
        .all(|(i, a)| gens[i + 1..].iter().all(|b| a * b == b * a))
}

/// `sigma(n)`, the sum of the divisors of `n` (the lengths `n/d` of the residue tables).
fn divisor_sum(n: u64) -> u128 {
    (1..=n)
        .take_while(|d| d * d <= n)
        .filter(|d| n % d == 0)
        .map(|d| {
            let e = n / d;
            d as u128 + if e != d { e as u128 } else { 0 }
        })
        .sum()
}

/// The bytes [`cyclic_verdicts`] holds at most for order `n`: per phase and prime the
/// powers of the root (`32 n`), the slots per divisor (`24 (n + 1)`) and the tables
/// (`8 sigma(n)`); the edge lists (`(n/2 + 1)^2` frequencies of 4 bytes and residue
/// records of 16 bytes, and two list headers per source).
pub fn cyclic_verdict_bytes(n: u64) -> u128 {
    let n128 = n as u128;
    let per_table = 32 * n128 + 24 * (n128 + 1) + 8 * divisor_sum(n);
    let simples = n128 / 2 + 1;
    (PHASES.len() * PRIMES) as u128 * per_table + simples * simples * 20 + simples * 48
}

/// The verdicts of the cyclic route (theory.md §18) on the regular module of `C_n`
/// under `options`, or `None` when the route does not apply (a bias, a linear or
/// non-homogeneous activation) or some pair has no nonzero residue (the exact path
/// decides such pairs; the caller falls back to [`super::solve`]).
///
/// The verdict of each pair is the one [`super::abelian::solve_cyclic`] gives: a
/// non-edge by the block space of `V_{L_k}` when the blocks are of kind `|.|` and rule
/// (a) fails, an edge when a residue is nonzero.
///
/// Complexity: `O(n^2)` residue operations per phase and prime tried, `O(1)` per pair;
/// memory [`cyclic_verdict_bytes`].
pub fn cyclic_verdicts(n: u64, options: &SolverOptions) -> Option<CyclicVerdicts> {
    if options.bias.is_some() || n == 0 || n > u32::MAX as u64 {
        return None;
    }
    let (cp, cm) = slopes(&options.activation)?;
    let primes = primes_with_roots(4 * n, PRIMES);
    let mut tables: Vec<Tables> = Vec::new();
    let half = n / 2;
    let mut targets = Vec::with_capacity(half as usize + 1);
    let mut residues = Vec::with_capacity(half as usize + 1);
    for k in 0..=half {
        let d = gcd(k, n);
        let (kp, np) = (k / d, n / d);
        let kinv = if np == 1 { 0 } else { inverse(kp, np) };
        let (mut out, mut res) = (Vec::new(), Vec::new());
        for j in 0..=half {
            let rule_a = j % gcd(2 * k, n) == 0;
            let kind = super::solver::block_kind(options, k == j);
            if kind == Some(BlockKind::Abs) && !rule_a {
                continue;
            }
            if (kind.is_some() && kind != Some(BlockKind::Abs)) || j % d != 0 {
                return None;
            }
            let m = ((j / d) % np * kinv) % np;
            let mut found = None;
            'tries: for &phase in &PHASES {
                for &(p, rho) in &primes {
                    let Some(t) = tables_for(&mut tables, n, phase, (p, rho), (&cp, &cm)) else {
                        continue;
                    };
                    let r = tables[t].table(n, d)[m as usize];
                    if r != 0 {
                        found = Some((t as u8, r));
                        break 'tries;
                    }
                }
            }
            res.push(found?);
            out.push(j as u32);
        }
        targets.push(out);
        residues.push(res);
    }
    let tries = tables.iter().map(|t| (t.phase, t.prime, t.root)).collect();
    Some(CyclicVerdicts {
        n,
        targets,
        tries,
        residues,
    })
}

/// The bytes the character table and real simples of an abelian group of order `n` take
/// at most (`n^2` values, each a root of unity as a root sum and a cyclotomic number, and
/// the real characters): `300 n^2`, measured `C2xC500` at about half of it.
pub fn abelian_table_bytes(n: u64) -> u128 {
    300 * (n as u128) * (n as u128)
}

/// The verdicts of theory.md §20 on the regular module of an abelian group: for every
/// real simple `L_a` (label order) the labels `b` with `L_a -> L_b` an edge, or `None`
/// when the group is not abelian, the route does not apply, or some pair has no nonzero
/// residue (the caller then takes the module path).
///
/// For `L_a` with kernel `K` the quotient `G/K` is cyclic of order `e = |G/K|`; an
/// element `x0` with `psi_a(x0) = 2 cos(2 pi/e)` generates it. `L_b` is reached only if
/// `K ⊆ ker L_b` (else rule (a) fails: a non-edge); then `chi_b = chi_a^(±m)` with `m`
/// read off `psi_b(x0)`, and the verdict is the one of `C_e` from frequency 1 to `m`
/// ([`cyclic_verdicts`]), which a nonzero residue proves for `G` (the coefficient is
/// `|K|` times the cyclic one).
///
/// Complexity: `O(n)` exact comparisons per simple to find `x0`, one per pair for `m`,
/// and [`cyclic_verdicts`] once per distinct `e`; memory `O(n)` per order `e`.
pub fn abelian_verdicts(data: &GroupData, options: &SolverOptions) -> Option<Vec<Vec<u32>>> {
    let n = data.elements.len() as u64;
    let simples = &data.simples.simples;
    let classes = data.classes.len() as u64;
    if classes != n || options.bias.is_some() {
        return None;
    }
    let mut rows: std::collections::HashMap<u64, Vec<u32>> = Default::default();
    // Per simple: its quotient order e and the class of a generator x0 of G/K.
    let mut quotient = Vec::with_capacity(simples.len());
    for l in simples {
        let kernel: u64 = l.kernel.iter().map(|&c| data.classes.sizes[c]).sum();
        let e = n / kernel;
        let x0 = if e == 1 {
            0
        } else {
            let target = (2.0 * std::f64::consts::PI / e as f64).cos() * l.dim as f64;
            (0..l.values.len()).find(|&c| {
                (l.values[c].to_f64() - target).abs() < 1e-6
                    && super::abelian::frequency_at(&l.values[c], l.dim, e) == Some(1)
            })?
        };
        if let std::collections::hash_map::Entry::Vacant(v) = rows.entry(e) {
            // The trivial simple reaches itself (sigma(1) = c_+ or sigma(-1) = -c_- is a
            // nonzero constant, the slopes being distinct) and nothing else (kernel rule).
            v.insert(if e == 1 {
                vec![0]
            } else {
                cyclic_verdicts(e, options)?.targets[1].clone()
            });
        }
        quotient.push((e, x0));
    }
    let mut out = Vec::with_capacity(simples.len());
    for (a, la) in simples.iter().enumerate() {
        let (e, x0) = quotient[a];
        let row = &rows[&e];
        let mut targets = Vec::new();
        for (b, lb) in simples.iter().enumerate() {
            // K ⊆ ker L_b: every class of K has psi_b = psi_b(1).
            let contains = la.kernel.len() <= lb.kernel.len()
                && la.kernel.iter().all(|c| lb.kernel.binary_search(c).is_ok());
            if !contains {
                continue;
            }
            let m = if e == 1 {
                0
            } else {
                super::abelian::frequency_at(&lb.values[x0], lb.dim, e)?
            };
            if row.binary_search(&(m as u32)).is_ok() {
                targets.push(b as u32);
            }
        }
        out.push(targets);
    }
    Some(out)
}

/// The claim of the certified abelian route (theory.md §25): the edges of every source
/// and the cyclic route's verdicts of every quotient order `e > 1`.
pub type CompactAbelianClaim = (Vec<Vec<u32>>, Vec<CyclicVerdicts>);

/// The verdicts of theory.md §20 on the regular module of a non-cyclic abelian group
/// from its compact table `t` and real simples (label order), without exact values:
/// for `L_a` with kernel `K` and quotient order `e = |G|/|K|`, a class `x0` with
/// `chi_a(x0) = E(e)` generates `G/K`; `L_b` is reached only if its exponent vanishes on
/// `K`, and then with `chi_b(x0) = E(e)^m` the verdict is the one of `C_e` from
/// frequency 1 to `min(m, e - m)` ([`cyclic_verdicts`]). `None` when a bias or the
/// activation keeps the route from applying, or some pair needs the exact path.
///
/// Complexity: `O(|G|)` per source for `x0`, `O(|K|)` per pair at most for the kernel,
/// and [`cyclic_verdicts`] once per quotient order; memory
/// [`compact_abelian_claim_bytes`].
pub fn compact_abelian_verdicts(
    t: &crate::character::abelian_table::AbelianTable,
    simples: &[crate::character::abelian_real::AbelianRealSimple],
    options: &SolverOptions,
) -> Option<CompactAbelianClaim> {
    let n = t.num_classes() as u64;
    let exponent = t.exponent();
    if options.bias.is_some() {
        return None;
    }
    slopes(&options.activation)?;
    let mut by_order: std::collections::BTreeMap<u64, CyclicVerdicts> = Default::default();
    let mut targets = Vec::with_capacity(simples.len());
    for la in simples {
        let e = n / la.kernel.len() as u64;
        let unit = exponent / e;
        let x0 = (0..n as usize).find(|&c| la.phi(t, c) == unit % exponent)?;
        if e > 1 && !by_order.contains_key(&e) {
            by_order.insert(e, cyclic_verdicts(e, options)?);
        }
        let row: &[u32] = match by_order.get(&e) {
            Some(v) => &v.targets[1],
            // The trivial simple reaches itself (sigma(1) = c_+ or sigma(-1) = -c_- is a
            // nonzero constant, the slopes being distinct) and nothing else.
            None => &[0],
        };
        let mut out = Vec::new();
        for (b, lb) in simples.iter().enumerate() {
            if !la.kernel.iter().all(|&c| lb.phi(t, c) == 0) {
                continue;
            }
            let m = lb.phi(t, x0) / unit;
            if row.binary_search(&(m.min(e - m) as u32)).is_ok() {
                out.push(b as u32);
            }
        }
        targets.push(out);
    }
    Some((targets, by_order.into_values().collect()))
}

/// The bytes [`compact_abelian_verdicts`] holds at most for `s` simples and exponent
/// `exponent`: the targets (`4 s^2` and list headers) and, per divisor `e` of the
/// exponent, the cyclic route's edge lists (`20 (e/2 + 1)^2 + 48 (e/2 + 1)`), plus the
/// largest residue tables of one order ([`cyclic_verdict_bytes`]).
pub fn compact_abelian_claim_bytes(s: u64, exponent: u64) -> u128 {
    let s = s as u128;
    let divisors: Vec<u64> = (1..=exponent).filter(|e| exponent % e == 0).collect();
    let lists: u128 = divisors
        .iter()
        .map(|&e| {
            let h = e as u128 / 2 + 1;
            20 * h * h + 48 * h
        })
        .sum();
    let tables = divisors
        .iter()
        .map(|&e| cyclic_verdict_bytes(e))
        .max()
        .unwrap_or(0);
    4 * s * s + 24 * s + lists + tables
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::group::spec::parse_group;
    use crate::pl::Activation;

    #[test]
    fn cyclic_groups_are_recognised_from_generators() {
        for (spec, cyclic) in [
            ("C12", true),
            ("C2xC3", true),
            ("C2xC2", false),
            ("D8", false),
            ("S3", false),
            ("C1", true),
        ] {
            assert_eq!(is_cyclic(&parse_group(spec).unwrap()), cyclic, "{spec}");
        }
    }

    #[test]
    fn divisor_sums() {
        assert_eq!(divisor_sum(1), 1);
        assert_eq!(divisor_sum(12), 28);
        assert_eq!(divisor_sum(49), 57);
    }

    #[test]
    fn no_route_with_a_bias_or_a_linear_activation() {
        let mut o = SolverOptions::new(Activation::Relu);
        o.bias = Some(crate::arith::Q::from_int(1));
        assert_eq!(cyclic_verdicts(12, &o), None);
        assert!(cyclic_verdicts(12, &SolverOptions::new(Activation::Relu)).is_some());
    }
}
