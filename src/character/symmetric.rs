//! Character tables of the symmetric and alternating groups by their combinatorics,
//! without enumerating the group: classes by cycle type, characters by partitions,
//! values by the Murnaghan–Nakayama rule, `A_n` by restriction and the splitting of
//! self-conjugate partitions (docs/theory.md, "Symmetric and alternating groups";
//! James, Kerber, *The Representation Theory of the Symmetric Group*, 1981, 2.4.7 and
//! 2.5.13).
//!
//! **Order (GAP's `CharacterTable("Symmetric", n)` and `CharacterTable("Alternating",
//! n)`):** classes of `S_n` and characters of `S_n` both by [`partitions`] (so
//! `X.1` is the sign character, labelled `[ 1, ..., 1 ]`, and the trivial character
//! `[ n ]` comes last). For `A_n`: the even cycle types in that order, a type with
//! distinct odd parts giving two classes `+`, `-` in place; the characters are the
//! partitions `lambda` with `lambda <= lambda'` in that order, a self-conjugate one
//! giving `lambda+`, `lambda-` in place. The `+` class of a split type is that of the
//! representative `(1,...,mu_1)(mu_1+1,...)...` (parts decreasing), the `-` class that
//! of its conjugate by `(1,2)`; `lambda+` takes `(eps + sqrt(eps q))/2` on the `+` class
//! of type `h(lambda)` (`sqrt` the positive or positive-imaginary root). GAP may name
//! the two classes (and so the two characters) of a split pair the other way round.
//!
//! Size: one algorithm (the classes, labels and Murnaghan–Nakayama values of `S_n` and
//! `A_n`, sharing the beta-set representation) with its unit tests.

use super::partition::{partitions, Partition};
use super::rootsum::RootSum;
use super::table::{Character, CharacterTable, Method};
use crate::arith::mix::MixMap;
use crate::arith::{Cyclotomic, Q};
use crate::error::{Error, LimitKind, Result};
use crate::group::Perm;
use num_bigint::BigUint;
use std::collections::HashMap;

/// Largest `n` for which character values are computed (beta-sets are 64-bit masks
/// and values `i128`).
pub const MAX_DEGREE: u32 = 60;

/// The memo on `(beta-set, cycle type)` keys (the default SipHash costs more than the
/// rim-hook step it saves).
type Memo = MixMap<(u64, u64), i128>;

/// The Murnaghan–Nakayama rule with a memo on (partition, remaining cycle type), both
/// as beta-sets: reuse one value of this type for many values of the same `n`.
///
/// # Method
/// `chi^lambda(mu) = sum over rim hooks R of length mu_1 of (-1)^{ht R}
/// chi^{lambda - R}(mu without mu_1)`; on the beta-set of `lambda` a rim hook of length
/// `r` is a bead at `b` moved to an empty `b - r`, its height the number of beads
/// strictly between (James, Kerber 2.4.7 and 2.7.13).
///
/// # Complexity
/// At most `n` hooks per step; the memo holds one entry per reachable pair.
#[derive(Default, Debug)]
pub struct MurnaghanNakayama {
    memo: Memo,
}

impl MurnaghanNakayama {
    /// An empty memo.
    pub fn new() -> Self {
        Self::default()
    }

    /// `chi^lambda(mu)` for partitions of the same `n <= MAX_DEGREE`; 0 when the
    /// sizes differ.
    pub fn value(&mut self, lambda: &Partition, mu: &Partition) -> i128 {
        if lambda.size() != mu.size() || lambda.size() > MAX_DEGREE {
            return 0;
        }
        self.rec(lambda.beta_set(), mu.beta_set())
    }

    fn rec(&mut self, lam: u64, mu: u64) -> i128 {
        if mu == 0 {
            return i128::from(lam == 0);
        }
        if let Some(&v) = self.memo.get(&(lam, mu)) {
            return v;
        }
        let top = 63 - mu.leading_zeros();
        let r = top + 1 - mu.count_ones();
        let rest = mu & !(1u64 << top);
        let mut acc = 0i128;
        let mut beads = lam;
        while beads != 0 {
            let b = beads.trailing_zeros();
            beads &= beads - 1;
            if b < r || lam >> (b - r) & 1 == 1 {
                continue;
            }
            let between = lam & ((1u64 << b) - 1) & !((1u64 << (b - r + 1)) - 1);
            let mut next = lam ^ (1u64 << b) ^ (1u64 << (b - r));
            while next & 1 == 1 {
                next >>= 1;
            }
            let v = self.rec(next, rest);
            if between.count_ones() % 2 == 1 {
                acc -= v;
            } else {
                acc += v;
            }
        }
        self.memo.insert((lam, mu), acc);
        acc
    }
}

/// `chi^lambda(mu)`: the value of the irreducible character of `S_n` labelled `lambda`
/// on the class of cycle type `mu` (Murnaghan–Nakayama; a fresh memo, use
/// [`MurnaghanNakayama`] for many values). 0 when the sizes differ.
///
/// # Example
/// ```
/// use plrep::character::partition::Partition;
/// use plrep::character::symmetric::sn_character;
/// let p = |v: &[u32]| Partition::new(v.to_vec());
/// assert_eq!(sn_character(&p(&[3, 1, 1]), &p(&[1, 1, 1, 1, 1])), 6);
/// assert_eq!(sn_character(&p(&[3, 1, 1]), &p(&[5])), 1);
/// assert_eq!(sn_character(&p(&[2, 2]), &p(&[2, 1, 1])), 0);
/// ```
pub fn sn_character(lambda: &Partition, mu: &Partition) -> i128 {
    MurnaghanNakayama::new().value(lambda, mu)
}

/// The degree `n! / prod(hook lengths)` of the character `lambda` (hook length
/// formula), exactly. `O(n)` big-integer operations.
pub fn hook_degree(lambda: &Partition) -> BigUint {
    let mut num = BigUint::from(1u32);
    for k in 2..=lambda.size() {
        num *= k;
    }
    let den = lambda
        .hook_lengths()
        .iter()
        .fold(BigUint::from(1u32), |a, &h| a * h);
    num / den
}

/// The cycle type of a permutation (fixed points as parts 1). `O(degree)`.
pub fn cycle_type(g: &Perm) -> Partition {
    Partition::new(g.cycle_lengths().into_iter().map(|l| l as u32).collect())
}

/// The representative `(1,...,mu_1)(mu_1+1,...,mu_1+mu_2)...` of cycle type `mu`
/// (points 0-based in the permutation), on `mu.size()` points.
pub fn cycle_type_representative(mu: &Partition) -> Perm {
    let n = mu.size() as usize;
    let mut images: Vec<u32> = (0..n as u32).collect();
    let mut start = 0usize;
    for &p in mu.parts() {
        let p = p as usize;
        for i in 0..p {
            images[start + i] = (start + (i + 1) % p) as u32;
        }
        start += p;
    }
    Perm::from_images_unchecked(images)
}

/// `z_mu = prod_i i^{m_i} m_i!`, the centralizer order in `S_n` of cycle type `mu`.
pub fn centralizer_order(mu: &Partition) -> BigUint {
    let mut z = BigUint::from(1u32);
    let mut count: HashMap<u32, u32> = HashMap::new();
    for &p in mu.parts() {
        let m = count.entry(p).or_insert(0);
        *m += 1;
        z *= p;
        z *= *m;
    }
    z
}

/// Whether a cycle type of an even permutation splits into two `A_n`-classes: its
/// parts are distinct and odd.
pub fn splits_in_alternating(mu: &Partition) -> bool {
    let p = mu.parts();
    p.iter().all(|&x| x % 2 == 1) && p.windows(2).all(|w| w[0] != w[1])
}

pub(crate) fn is_even_type(mu: &Partition) -> bool {
    (mu.size() as usize - mu.parts().len()) % 2 == 0
}

pub(crate) fn lcm_parts(mu: &Partition) -> u64 {
    mu.parts()
        .iter()
        .fold(1u64, |a, &p| num_integer::lcm(a, p as u64))
}

/// The cycle type of `g^l` for `g` of type `mu`: a cycle of length `p` falls into
/// `gcd(p, l)` cycles of length `p / gcd(p, l)`.
pub fn power_type(mu: &Partition, l: u64) -> Partition {
    let mut parts = Vec::new();
    for &p in mu.parts() {
        let g = num_integer::gcd(p as u64, l) as u32;
        parts.extend(std::iter::repeat(p / g).take(g as usize));
    }
    Partition::new(parts)
}

/// The sign of `g` as `+1`/`-1`.
fn parity_odd(g: &Perm) -> bool {
    crate::group::giant::is_odd(g)
}

/// For `h` of the same split cycle type as `rep` (distinct odd parts): whether `h` is
/// conjugate to `rep` in `A_n`. Any `sigma` with `rep^sigma = h` has the same parity
/// (the centralizer of `rep` in `S_n` consists of even permutations), so one built by
/// matching the cycles decides. `O(n)`.
pub(crate) fn alternating_conjugate(rep: &Perm, h: &Perm) -> bool {
    let n = rep.degree();
    let by_len = |g: &Perm| -> HashMap<usize, Vec<usize>> {
        let mut m = HashMap::new();
        let mut seen = vec![false; n];
        for s in 0..n {
            if seen[s] {
                continue;
            }
            let mut c = Vec::new();
            let mut x = s;
            while !seen[x] {
                seen[x] = true;
                c.push(x);
                x = g.apply(x);
            }
            m.insert(c.len(), c);
        }
        m
    };
    let (a, b) = (by_len(rep), by_len(h));
    let mut sigma = vec![0u32; n];
    for (len, ca) in &a {
        let cb = &b[len];
        for (x, y) in ca.iter().zip(cb) {
            sigma[*x] = *y as u32;
        }
    }
    !parity_odd(&Perm::from_images_unchecked(sigma))
}

/// A class of `S_n` or `A_n` described combinatorially.
#[derive(Clone, Debug)]
struct ClassData {
    cycle_type: Partition,
    /// `None` for an unsplit class, `Some(true)` for `+`, `Some(false)` for `-`.
    split: Option<bool>,
    rep: Perm,
    size: u64,
    order: u64,
}

impl ClassData {
    fn label(&self) -> String {
        match self.split {
            None => self.cycle_type.gap(),
            Some(true) => format!("{}+", self.cycle_type.gap()),
            Some(false) => format!("{}-", self.cycle_type.gap()),
        }
    }
}

fn factorial_u64(n: u32, halve: bool) -> Result<u64> {
    let mut f = BigUint::from(1u32);
    for k in 2..=n {
        f *= k;
    }
    if halve {
        f /= 2u32;
    }
    u64::try_from(&f).map_err(|_| {
        Error::bad(
            format!("the group order {f} does not fit the 64-bit character table"),
            "character tables of S_n and A_n are available for n <= 20",
        )
    })
}

fn classes(n: u32, alternating: bool) -> Result<Vec<ClassData>> {
    let order = factorial_u64(n, false)?;
    let mut out = Vec::new();
    for mu in partitions(n) {
        if alternating && !is_even_type(&mu) {
            continue;
        }
        let z = u64::try_from(centralizer_order(&mu)).expect("divides n!");
        let size = order / z;
        let rep = cycle_type_representative(&mu);
        let o = lcm_parts(&mu);
        if alternating && n >= 2 && splits_in_alternating(&mu) {
            let t = Perm::from_cycles(n as usize, &[vec![0, 1]])?;
            let minus = rep.conjugate_by(&t);
            for (sign, r) in [(true, rep), (false, minus)] {
                out.push(ClassData {
                    cycle_type: mu.clone(),
                    split: Some(sign),
                    rep: r,
                    size: size / 2,
                    order: o,
                });
            }
        } else {
            out.push(ClassData {
                cycle_type: mu,
                split: None,
                rep,
                size,
                order: o,
            });
        }
    }
    Ok(out)
}

/// Index of the class of a permutation among `classes`.
fn class_index(
    classes: &[ClassData],
    by_type: &HashMap<Partition, usize>,
    g: &Perm,
) -> Option<usize> {
    let i = *by_type.get(&cycle_type(g))?;
    match classes[i].split {
        None => Some(i),
        Some(_) => Some(if alternating_conjugate(&classes[i].rep, g) {
            i
        } else {
            i + 1
        }),
    }
}

/// Ramanujan's sum `c_q(s) = sum_{d | gcd(q, s)} mu(q/d) d`.
fn ramanujan(q: u64, s: u64) -> i64 {
    let g = num_integer::gcd(q, s);
    (1..=g)
        .filter(|d| g % d == 0)
        .map(|d| mobius(q / d) * d as i64)
        .sum()
}

/// The Möbius function `mu(m)` by trial division. `O(sqrt m)`.
pub(crate) fn mobius(mut m: u64) -> i64 {
    let mut r = 1;
    let mut p = 2;
    while p * p <= m {
        if m % p == 0 {
            m /= p;
            if m % p == 0 {
                return 0;
            }
            r = -r;
        }
        p += 1;
    }
    if m > 1 {
        r = -r;
    }
    r
}

/// Ramanujan sums for one element order `o`: the divisors `d` of `o` and
/// `c_{o/d}(e)` for all pairs of divisors `(e, d)`, shared by all characters.
struct RamanujanTable {
    o: u64,
    divisors: Vec<u64>,
    /// `sums[a][b] = c_{o/divisors[b]}(divisors[a])`.
    sums: Vec<Vec<i64>>,
    /// For each `s in 0..o`, the index of `gcd(s, o)` among the divisors.
    gcd_index: Vec<usize>,
}

impl RamanujanTable {
    fn new(o: u64) -> Self {
        let divisors: Vec<u64> = (1..=o).filter(|d| o % d == 0).collect();
        let sums = divisors
            .iter()
            .map(|&e| divisors.iter().map(|&d| ramanujan(o / d, e)).collect())
            .collect();
        let gcd_index = (0..o)
            .map(|s| {
                let g = num_integer::gcd(s, o);
                divisors.iter().position(|&d| d == g).expect("a divisor")
            })
            .collect();
        RamanujanTable {
            o,
            divisors,
            sums,
            gcd_index,
        }
    }

    /// Eigenvalue multiplicities of `rho(g)` for `g` of order `o` from the rational
    /// values `chi(g^d)` (`d | o`, `value_at(d mod o)`): `m_s = (1/o) sum_{d | o}
    /// chi(g^d) c_{o/d}(s)`, which depends on `gcd(s, o)` only (the values on all
    /// generators of `<g^d>` agree for a rational character).
    fn root_sum(&self, value_at: impl Fn(u64) -> i64) -> Result<RootSum> {
        let o = self.o;
        let vals: Vec<i128> = self
            .divisors
            .iter()
            .map(|&d| value_at(d % o) as i128)
            .collect();
        let mut by_gcd = Vec::with_capacity(self.divisors.len());
        for row in &self.sums {
            let num: i128 = vals.iter().zip(row).map(|(&v, &c)| v * c as i128).sum();
            if num % o as i128 != 0 {
                return Err(Error::verification(
                    "eigenvalue multiplicities are not integral",
                ));
            }
            by_gcd.push((num / o as i128) as i64);
        }
        let terms: Vec<(u64, i64)> = (0..o)
            .map(|s| (s, by_gcd[self.gcd_index[s as usize]]))
            .filter(|t| t.1 != 0)
            .collect();
        Ok(RootSum::from_terms(o, terms))
    }
}

/// Eigenvalue multiplicities from arbitrary values `chi(g^t)`, `t in 0..o`, exactly:
/// `m_s = (1/o) sum_t chi(g^t) zeta_o^{-st}`.
fn general_root_sum(o: u64, values: &[Cyclotomic]) -> Result<RootSum> {
    let mut terms = Vec::new();
    for s in 0..o {
        let sum: Cyclotomic = (0..o)
            .map(|t| &values[t as usize] * &Cyclotomic::root_of_unity(o, -((s * t % o) as i64)))
            .sum();
        let m = sum
            .to_q()
            .map(|q| q / Q::from(o as i64))
            .filter(|q| q.is_integer())
            .ok_or_else(|| Error::verification("eigenvalue multiplicity is not an integer"))?;
        let m = m
            .to_i64()
            .ok_or_else(|| Error::verification("eigenvalue multiplicity out of range"))?;
        if m != 0 {
            terms.push((s, m));
        }
    }
    Ok(RootSum::from_terms(o, terms))
}

/// Largest degree whose table is built here (the group order must fit 64 bits).
pub const MAX_TABLE_DEGREE: u32 = 20;

/// The character table of `S_n` (`symmetric`) or `A_n`, `1 <= n <= 20` (`n >= 2` for
/// `A_n`), by the Murnaghan–Nakayama rule in GAP's order (module documentation), with
/// partition labels; verified by [`super::check_character_table`] before it is
/// returned (orthogonality of rows and columns, integrality, degrees, Galois closure,
/// indicators). `max_classes` bounds the number of classes (checked before any value
/// is computed; `--max-classes`).
///
/// # Complexity
/// `O(p(n)^2)` rim-hook sums through the memo, `O(k^3)` for the check.
///
/// # Example
/// ```
/// use plrep::character::symmetric::giant_table;
/// let t = giant_table(5, true, 5000)?;
/// assert_eq!(t.degrees(), vec![1, 4, 5, 6, 5, 4, 1]);
/// assert_eq!(t.character_labels[0], "[ 1, 1, 1, 1, 1 ]");
/// # Ok::<(), plrep::Error>(())
/// ```
pub fn giant_table(n: u32, symmetric: bool, max_classes: usize) -> Result<CharacterTable> {
    let alternating = !symmetric;
    if n == 0 || (alternating && n < 2) || n > MAX_TABLE_DEGREE {
        return Err(Error::bad(
            format!(
                "no combinatorial table for {}{n}",
                if symmetric { "S" } else { "A" }
            ),
            "n from 1 (S_n) or 2 (A_n) to 20 here; `table S<n>`, `A<n>` go to n = 30",
        ));
    }
    let class_count = super::super::group::giant::giant_class_count(n as usize, alternating);
    if class_count > BigUint::from(max_classes) {
        return Err(Error::limit(
            format!("number of classes {class_count}"),
            max_classes,
            LimitKind::Classes,
        ));
    }
    let order = factorial_u64(n, alternating)?;
    let cls = classes(n, alternating)?;
    let k = cls.len();
    let by_type: HashMap<Partition, usize> = {
        let mut m = HashMap::new();
        for (i, c) in cls.iter().enumerate().rev() {
            m.insert(c.cycle_type.clone(), i);
        }
        m
    };
    // power maps: powers[i][l] = class of g_i^l
    let mut powers: Vec<Vec<u32>> = Vec::with_capacity(k);
    for c in &cls {
        let mut row = Vec::with_capacity(c.order as usize);
        for l in 0..c.order {
            let idx = if c.split.is_some() && num_integer::gcd(l, c.order) == 1 {
                class_index(&cls, &by_type, &c.rep.pow(l as i64))
            } else {
                by_type.get(&power_type(&c.cycle_type, l)).copied()
            };
            row.push(idx.expect("powers of an element of the group are in the group") as u32);
        }
        powers.push(row);
    }
    // S_n values, rows and columns by partition
    let parts = partitions(n);
    let mut mn = MurnaghanNakayama::new();
    let mut sn = |lambda: &Partition, mu: &Partition| -> Result<i64> {
        i64::try_from(mn.value(lambda, mu))
            .map_err(|_| Error::verification("character value out of range"))
    };
    // rows: (label, integer values on the classes or None for irrational entries)
    struct Row {
        label: String,
        values: Vec<Cyclotomic>,
    }
    let mut rows: Vec<Row> = Vec::new();
    for lambda in &parts {
        let conj = lambda.conjugate();
        if alternating && conj < *lambda {
            continue;
        }
        let full: Vec<i64> = cls
            .iter()
            .map(|c| sn(lambda, &c.cycle_type))
            .collect::<Result<_>>()?;
        if !alternating || conj != *lambda {
            rows.push(Row {
                label: lambda.gap(),
                values: full.iter().map(|&v| Cyclotomic::from_int(v)).collect(),
            });
            continue;
        }
        // self-conjugate: two constituents
        let h = Partition::new(lambda.diagonal_hooks());
        let d = h.parts().len() as u32;
        let eps: i64 = if ((n - d) / 2) % 2 == 0 { 1 } else { -1 };
        let q: i64 = h.parts().iter().map(|&x| x as i64).product();
        let root = Cyclotomic::sqrt_of_rational(&Q::from(eps * q))
            .ok_or_else(|| Error::verification("no square root"))?;
        let half = Q::from(1) / Q::from(2);
        let plus = (Cyclotomic::from_int(eps) + &root).scale(&half);
        let minus = (Cyclotomic::from_int(eps) - &root).scale(&half);
        for sign in [true, false] {
            let values = cls
                .iter()
                .zip(&full)
                .map(|(c, &v)| match c.split {
                    Some(s) if c.cycle_type == h => {
                        if s == sign {
                            plus.clone()
                        } else {
                            minus.clone()
                        }
                    }
                    _ => Cyclotomic::from_q(Q::from(v) * &half),
                })
                .collect();
            rows.push(Row {
                label: format!("{}{}", lambda.gap(), if sign { "+" } else { "-" }),
                values,
            });
        }
    }
    // root sums and characters
    let mut ramanujan_tables: HashMap<u64, RamanujanTable> = HashMap::new();
    let mut characters = Vec::with_capacity(rows.len());
    let mut labels = Vec::with_capacity(rows.len());
    for row in rows {
        let mut root_sums = Vec::with_capacity(k);
        // Integer values of the row (`None` at irrational entries).
        let ints: Vec<Option<i64>> = row
            .values
            .iter()
            .map(|v| v.to_q().and_then(|q| q.to_i64()))
            .collect();
        for (i, c) in cls.iter().enumerate() {
            let rational = powers[i].iter().all(|&j| ints[j as usize].is_some());
            let r = if rational {
                ramanujan_tables
                    .entry(c.order)
                    .or_insert_with(|| RamanujanTable::new(c.order))
                    .root_sum(|d| ints[powers[i][d as usize] as usize].unwrap_or(0))?
            } else {
                let vals: Vec<Cyclotomic> = powers[i]
                    .iter()
                    .map(|&j| row.values[j as usize].clone())
                    .collect();
                general_root_sum(c.order, &vals)?
            };
            root_sums.push(r);
        }
        let degree = row.values[0]
            .to_q()
            .and_then(|q| q.to_i64())
            .filter(|&d| d > 0)
            .ok_or_else(|| Error::verification("degree is not a positive integer"))?
            as u64;
        let indicator = i8::from(row.values.iter().all(Cyclotomic::is_real));
        characters.push(Character {
            degree,
            values: row.values,
            root_sums,
            indicator,
        });
        labels.push(row.label);
    }
    let exponent = cls.iter().fold(1u64, |a, c| num_integer::lcm(a, c.order));
    CharacterTable::from_combinatorial_parts(
        order,
        exponent,
        cls.iter().map(|c| c.size).collect(),
        cls.iter().map(|c| c.order).collect(),
        cls.iter().map(|c| c.rep.clone()).collect(),
        characters,
        powers,
        Method::MurnaghanNakayama,
        labels,
        cls.iter().map(ClassData::label).collect(),
    )
}

/// Names a simple `S_n`-module by its character: the partition `lambda` with
/// `chi^lambda(mu) = values[i]` for the `i`-th partition `mu` of [`partitions`]`(n)`
/// (values on cycle-type representatives, in GAP's class order), or `None` when no
/// irreducible character has these values. Candidates are filtered by the degree
/// (hook length formula) before values are compared.
///
/// # Complexity
/// `O(p(n))` hook-length degrees plus the rim-hook sums for the candidates.
///
/// # Example
/// ```
/// use plrep::character::symmetric::name_sn_simple;
/// // the standard representation of S_4 on the sum-zero vectors of R^4
/// let lambda = name_sn_simple(4, &[3, 1, -1, 0, -1]).unwrap();
/// assert_eq!(lambda.to_string(), "[3,1]");
/// ```
pub fn name_sn_simple(n: u32, values: &[i64]) -> Option<Partition> {
    let parts = partitions(n);
    if values.len() != parts.len() || n > MAX_DEGREE {
        return None;
    }
    let degree = BigUint::from(u64::try_from(values[0]).ok()?);
    let mut mn = MurnaghanNakayama::new();
    parts.iter().find_map(|lambda| {
        if hook_degree(lambda) != degree {
            return None;
        }
        parts
            .iter()
            .zip(values)
            .all(|(mu, &v)| mn.value(lambda, mu) == v as i128)
            .then(|| lambda.clone())
    })
}

/// The values of all irreducible characters of `S_n` on all classes, rows (characters)
/// and columns (cycle types) both in the order of [`partitions`]`(n)`; no verification
/// (see [`giant_table`] for a verified table). Used by benches and for `n` beyond the
/// 64-bit tables.
///
/// # Complexity
/// `p(n)^2` values through one memo.
pub fn sn_values(n: u32) -> Result<Vec<Vec<i128>>> {
    if n > MAX_DEGREE {
        return Err(Error::bad(
            format!("S{n}: degree above {MAX_DEGREE}"),
            "use n <= 60",
        ));
    }
    let parts = partitions(n);
    let mut mn = MurnaghanNakayama::new();
    Ok(parts
        .iter()
        .map(|l| parts.iter().map(|m| mn.value(l, m)).collect())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ramanujan_sums() {
        assert_eq!(ramanujan(1, 0), 1);
        assert_eq!(ramanujan(4, 1), 0);
        assert_eq!(ramanujan(4, 2), -2);
        assert_eq!(ramanujan(3, 1), -1);
        assert_eq!(ramanujan(6, 6), 2);
    }

    #[test]
    fn s3_values() {
        let v = sn_values(3).unwrap();
        assert_eq!(v, vec![vec![1, -1, 1], vec![2, 0, -1], vec![1, 1, 1]]);
    }
}
