//! Verification of character tables: the table checks ([`check_character_table`],
//! [`check_integer_table`]) and the proof of irreducibility from the group
//! ([`verify_central_characters`]).
//!
//! Size: the two verifications of one table share its sparse rows and the cyclotomic
//! cache; the proof of irreducibility reuses the table checks' field set-up.

use super::{CharacterTable, CyclotomicCache, SparseRow};
use crate::arith::mix::{MixMap, MixSet};
use crate::arith::modp::{linalg, prime_congruent_one, PrimeField};
use crate::character::rootsum::RootSum;
use crate::character::structure::{ClassInfo, StructureRows, StructureSource};
use crate::error::{Error, Result};
use rayon::prelude::*;
use std::collections::HashMap;

/// Prove that every row of a table (already checked by [`check_character_table`]) is an
/// irreducible character, from the group itself: each row's central character is a
/// common eigenvector of the class matrices of a set `J` of classes that separates the
/// rows.
///
/// # Method
/// `J` is chosen greedily among the smallest classes until no three rows share the tuple
/// `(omega_a(K_j))_{j in J}` modulo a prime `q` (distinct residues mean distinct
/// values). For every row `a`, class `i` and `j in J` the identity `sum_k c_{ijk} |C_k| theta_a(g_k) theta_a(1) = |C_i| |C_j| theta_a(g_i)
/// theta_a(g_j)` (that is `M_j omega_a = omega_a(K_j) omega_a`, multiplied by
/// `theta_a(1)^2`) is checked modulo primes `q ≡ 1 (mod e)` whose product exceeds
/// `2 |C_i| |C_j| theta_a(1)^2`, a bound for all conjugates of both sides (values are
/// sums of `theta_a(1)` roots of unity and `sum_k c_{ijk} |C_k| = |C_i| |C_j|`); with the
/// Galois closure of the rows this proves the identity exactly, as in
/// [`check_character_table`].
///
/// A remaining pair of rows `a, b` with equal tuples needs nothing more when `b` is a
/// Galois conjugate of `a` and every row is Galois consistent (`theta(g^s) =
/// sigma_s(theta(g))`, checked exactly): then orthonormality makes both rows irreducible
/// (docs/theory.md §26.1). For any other pair, a class `i` with
/// `omega_a(K_i) != omega_b(K_i)` is taken and the single relation
/// `omega(K_i)^2 = sum_k c_{iik} omega(K_k)` is checked for all rows (the same way).
///
/// # Why this proves irreducibility
/// The `k` vectors `omega_a` are common eigenvectors of `{M_j : j in J}`, those with
/// different tuples are linearly independent, and rows with equal tuples are
/// independent too (they differ, and both are 1 on the identity class, or differ at
/// class `i`); the true central characters `omega_chi` span `C^k` and are common
/// eigenvectors, so counting dimensions, the joint eigenspace of a tuple has the
/// dimension of the number of rows having it: 1 or 2. A row alone in its eigenspace is
/// some `omega_chi` (both are 1 on the identity class). In a two-dimensional eigenspace
/// spanned by `omega_chi, omega_psi`, a normalised row is
/// `x omega_chi + (1 - x) omega_psi`, and the relation at `(i, i)` has the defect
/// `-x (1 - x) (omega_chi(K_i) - omega_psi(K_i))^2`; the last factor is not zero (else all
/// normalised vectors of the space, among them `omega_a` and `omega_b`, would agree at
/// `i`), so `x` is 0 or 1: the two rows are `omega_chi` and `omega_psi`. Then `theta_a = (theta_a(1) / chi(1)) chi`, and `<theta_a, theta_a> = 1`
/// with `theta_a(1) > 0` gives `theta_a = chi`; distinct rows give distinct `chi`.
///
/// # Complexity
/// `sum_{j in J} sum_i min(|C_i|, |C_j|)` group products plus `|C_i|` per pair class,
/// and `O(|J| k^3)` operations modulo `q`.
pub fn verify_central_characters(
    group: &impl StructureSource,
    ci: &ClassInfo,
    t: &CharacterTable,
) -> Result<()> {
    verify_central_characters_with_rows(group, ci, t, &mut StructureRows::default())
}

/// [`verify_central_characters`] reusing (and extending) the class matrix rows already
/// computed.
pub fn verify_central_characters_with_rows(
    group: &impl StructureSource,
    ci: &ClassInfo,
    t: &CharacterTable,
    structure: &mut StructureRows,
) -> Result<()> {
    let fail = |what: &str| {
        Err(Error::verification(format!(
            "central character check: {what}"
        )))
    };
    let k = ci.len();
    let e = ci.exponent;
    let max_deg = t.characters.iter().map(|c| c.degree).max().unwrap_or(1) as f64;
    // residues of all values for one prime
    let residues = |q: u64| -> (PrimeField, Vec<Vec<u64>>) {
        let fq = PrimeField::new(q);
        let zpow = fq.root_of_unity_powers(e);
        let res = t
            .characters
            .iter()
            .map(|c| c.root_sums.iter().map(|r| r.residue(&fq, &zpow)).collect())
            .collect();
        (fq, res)
    };
    let q0 = prime_congruent_one(e, 1 << 61);
    let (f0, res0) = residues(q0);
    // omega residues for the choice of J
    let omega = |f: &PrimeField, res: &Vec<Vec<u64>>, a: usize, j: usize| -> u64 {
        f.mul(
            f.mul(f.from_u64(ci.sizes[j]), res[a][j]),
            f.inv(f.from_u64(t.characters[a].degree)),
        )
    };
    let mut cols: Vec<usize> = (1..k).collect();
    cols.sort_by_key(|&j| (ci.sizes[j], std::cmp::Reverse(ci.orders[j]), j));
    // J: full class matrices, added while they refine, until no three rows share a tuple.
    let mut chosen: Vec<usize> = Vec::new();
    let mut keys: Vec<Vec<u64>> = vec![Vec::new(); k];
    let largest_group = |keys: &Vec<Vec<u64>>| {
        let mut counts: HashMap<&Vec<u64>, usize> = HashMap::new();
        keys.iter()
            .for_each(|key| *counts.entry(key).or_insert(0) += 1);
        (counts.len(), counts.values().copied().max().unwrap_or(0))
    };
    let (mut count, mut largest) = largest_group(&keys);
    for &j in &cols {
        if largest <= 2 {
            break;
        }
        let mut trial = keys.clone();
        for a in 0..k {
            trial[a].push(omega(&f0, &res0, a, j));
        }
        let (c, l) = largest_group(&trial);
        if c > count {
            keys = trial;
            (count, largest) = (c, l);
            chosen.push(j);
        }
    }
    if largest > 2 {
        return fail("the rows are not separated by their central characters");
    }
    // For each remaining pair of rows with equal tuples: the smallest class on which their
    // central characters differ; the relation (i, i) is checked there for all rows.
    let mut pair_classes: Vec<usize> = Vec::new();
    let mut by_key: HashMap<&Vec<u64>, Vec<usize>> = HashMap::new();
    for (a, key) in keys.iter().enumerate() {
        by_key.entry(key).or_default().push(a);
    }
    let mut groups: Vec<&Vec<usize>> = by_key.values().filter(|g| g.len() == 2).collect();
    groups.sort();
    // A pair of Galois-conjugate rows needs no relation when every row is Galois
    // consistent (docs/theory.md §26.1).
    let consistent = galois_consistent(ci, t);
    for g in groups {
        let (a, b) = (g[0], g[1]);
        if consistent && galois_orbit(t, e, a).contains(&b) {
            continue;
        }
        let Some(&i) = cols
            .iter()
            .find(|&&i| omega(&f0, &res0, a, i) != omega(&f0, &res0, b, i))
        else {
            return fail("two rows have the same central character");
        };
        if !pair_classes.contains(&i) && !chosen.contains(&i) {
            pair_classes.push(i);
        }
    }
    // checks: (j, the rows i of M_j to check)
    let mut checks: Vec<(usize, Vec<usize>)> =
        chosen.iter().map(|&j| (j, (0..k).collect())).collect();
    checks.extend(pair_classes.iter().map(|&i| (i, vec![i])));
    // primes: product above the largest bound
    let max_size = *ci.sizes.iter().max().unwrap() as f64;
    let mut primes = vec![q0];
    for (j, _) in &checks {
        let bound = (2.0 * max_size * ci.sizes[*j] as f64 * max_deg * max_deg).log2() + 1.0;
        while primes.len() as f64 * 61.0 < bound {
            let next = prime_congruent_one(e, *primes.last().unwrap());
            primes.push(next);
        }
    }
    let pairs: Vec<(usize, usize)> = checks
        .iter()
        .flat_map(|(j, is)| is.iter().map(move |&i| (*j, i)))
        .collect();
    structure.fill(group, ci, &pairs)?;
    // sparse rows: (row index i, [(column, count)]) with nonzero counts
    let matrices: Vec<Vec<SparseRow>> = checks
        .iter()
        .map(|(j, is)| {
            is.iter()
                .map(|&i| {
                    let row = structure.row(group, ci, *j, i)?;
                    Ok((
                        i,
                        row.iter()
                            .enumerate()
                            .filter(|(_, &c)| c != 0)
                            .map(|(kk, &c)| (kk, c))
                            .collect(),
                    ))
                })
                .collect::<Result<Vec<SparseRow>>>()
        })
        .collect::<Result<_>>()?;
    let chosen: Vec<usize> = checks.iter().map(|(j, _)| *j).collect();
    for (pi, &q) in primes.iter().enumerate() {
        let (f, res) = if pi == 0 {
            (f0, res0.clone())
        } else {
            residues(q)
        };
        for (&j, m) in chosen.iter().zip(&matrices) {
            for a in 0..k {
                let d = f.from_u64(t.characters[a].degree);
                // w_k = |C_k| theta(g_k) theta(1)
                let w: Vec<u64> = (0..k)
                    .map(|kk| f.mul(f.mul(f.from_u64(ci.sizes[kk]), res[a][kk]), d))
                    .collect();
                let rhs_j = f.mul(f.from_u64(ci.sizes[j]), res[a][j]);
                for (i, row) in m {
                    let i = *i;
                    let mut acc: u128 = 0;
                    for &(kk, c) in row {
                        acc += (c % q) as u128 * w[kk] as u128;
                        if acc >= 1 << 125 {
                            acc %= q as u128;
                        }
                    }
                    let lhs = (acc % q as u128) as u64;
                    let rhs = f.mul(f.mul(f.from_u64(ci.sizes[i]), res[a][i]), rhs_j);
                    if lhs != rhs {
                        return fail(&format!(
                            "row {a} is not an eigenvector of the class matrix of class {j}"
                        ));
                    }
                }
            }
        }
    }
    Ok(())
}

/// Whether every row `theta` of `t` is Galois consistent: `theta(g_i^s) =
/// sigma_s(theta(g_i))` for every unit `s` modulo the exponent, checked exactly on the root
/// sums for generators of the units (the property composes: `P_s P_t = P_(st)` on class
/// functions, and the rows are Galois closed by [`check_character_table`]). True for
/// characters; docs/theory.md §26.1 uses it to prove Galois-conjugate rows irreducible.
/// `O(k^2)` root-sum comparisons per generator.
fn galois_consistent(ci: &ClassInfo, t: &CharacterTable) -> bool {
    let k = ci.len();
    unit_generators_crt(t.exponent).into_iter().all(|s| {
        (0..k).all(|i| {
            let j = ci.power(i, s as i64);
            t.characters
                .iter()
                .all(|chi| chi.root_sums[j] == chi.root_sums[i].galois(s as i64))
        })
    })
}

/// The rows that are Galois conjugates of row `a` (its orbit under the units modulo the
/// exponent `e`, generated by [`unit_generators_crt`]), row `a` included. `O(k^2)`
/// root-sum operations per generator.
fn galois_orbit(t: &CharacterTable, e: u64, a: usize) -> Vec<usize> {
    let gens = unit_generators_crt(e);
    let mut orbit = vec![a];
    let mut next = 0;
    while next < orbit.len() {
        let row = &t.characters[orbit[next]].root_sums;
        next += 1;
        for &s in &gens {
            let img: Vec<RootSum> = row.iter().map(|r| r.galois(s as i64)).collect();
            if let Some(c) = t.characters.iter().position(|c| c.root_sums == img) {
                if !orbit.contains(&c) {
                    orbit.push(c);
                }
            }
        }
    }
    orbit
}

/// What is wrong with the root sum `r` of character `a` at class `i`, if anything: it
/// must be a sum of `degree` roots of unity (nonnegative multiplicities) whose orders
/// divide the class's element order.
fn root_sum_defect(
    t: &CharacterTable,
    a: usize,
    i: usize,
    r: &RootSum,
    degree: u64,
) -> Option<String> {
    (t.orders[i] % r.order() != 0
        || r.terms().iter().any(|&(_, m)| m < 0)
        || r.count() != degree as i64)
        .then(|| format!("character {a}, class {i}: {r} is not a sum of {degree} roots of unity"))
}

/// What is wrong with the table's shape (one list per class, class 0 the identity), if
/// anything: the first step of both checks.
fn shape_defect(t: &CharacterTable) -> Option<String> {
    let k = t.num_classes();
    if t.characters.len() != k
        || t.orders.len() != k
        || t.centralizer_orders.len() != k
        || t.powers().len() != k
        || t.reps.len() != k
    {
        return Some(format!("{} characters for {k} classes", t.characters.len()));
    }
    if k == 0 || t.sizes[0] != 1 || t.orders[0] != 1 {
        return Some("class 0 is not the identity".into());
    }
    None
}

/// Verify a character table: `Ok(())` proves that the rows are `k` orthonormal class
/// functions whose values are sums of `chi(1)` roots of unity, closed under the Galois
/// group, with the right degrees, indicators and column relations (class data —
/// classes, sizes, element orders, power maps — is trusted: it comes from the group
/// layer). Together with a proof that each row is a multiple of an irreducible
/// character — [`verify_central_characters`] for Dixon–Schneider, the structural
/// certificate of [`crate::character::abelian`] for abelian groups, both run by the constructors —
/// this proves the table is exactly `Irr(G)`.
///
/// # Checks
/// 1. Shape: `k` characters of `k` values; class 0 is the identity (size 1, order 1);
///    class sizes add up to `|G|`; centralizer orders are `|G| / |C_i|`.
/// 2. Every value is a sum of `chi(1)` roots of unity: its root-sum form has nonnegative
///    multiplicities adding up to `chi(1)`, roots of order dividing the element order, and
///    `values[i]` equals the root sum; the value on the identity is `chi(1)`.
/// 3. `sum chi(1)^2 = |G|`.
/// 4. Galois closure: for generators `t` of `(Z/e)^*`, applying `zeta_e -> zeta_e^t` to a
///    row gives a row.
/// 5. Row orthogonality `sum_i |C_i| chi(g_i) conj(psi(g_i)) = |G| delta` and column
///    orthogonality `sum_chi chi(g_i) conj(chi(g_j)) = |C_G(g_i)| delta` modulo a prime
///    `q ≡ 1 (mod e)`, `q > |G|(|G|+1)`, under one embedding `zeta_e -> z` (`z` of
///    order `e` in `F_q`).
/// 6. The indicators: `|G|^-1 sum_i |C_i| chi(g_i^2)` (via the power map 2) equals the
///    recorded indicator, modulo `q`.
///
/// # Why this is a proof
/// Let `D` be the difference of the two sides of a row relation for rows `a, b`. The
/// values are sums of roots of unity (2), so `D` lies in `Z[zeta_e]`, and every
/// conjugate of `D` is bounded by `sum_i |C_i| chi(1) psi(1) + |G| <= |G|^2 + |G|` (as
/// `chi(1) psi(1) <= |G|` by 3). Step 5 says `D` lies in the prime ideal `Q` of
/// `Z[zeta_e]` above `q` that is the kernel of `zeta_e -> z`. Since `q ≡ 1 (mod e)`,
/// `q` splits completely and its primes above are the `sigma_t(Q)`; by the Galois
/// closure (4), `sigma_t^-1(D)` is the difference for another pair of rows, so it also
/// lies in `Q`, i.e. `D` lies in every prime above `q`, hence in `q Z[zeta_e]`. Then
/// `D / q` is an algebraic integer all of whose conjugates have absolute value below 1,
/// so its norm (a rational integer) is 0 and `D = 0`. The column relations are the same
/// argument with the bound `|G| + |G|`. The indicators are integers in `{-1, 0, 1}`
/// with `|G| nu` bounded by `|G|(chi(1) + 1) < q`, so their residues determine them.
///
/// Orthonormality alone does not make a class function a character; the
/// constructors add the irreducibility proof named above (a row that is a multiple
/// `c chi` of an irreducible `chi` with `c > 0` and norm 1 is `chi`).
///
/// # Complexity
/// `O(k^3)` products modulo `q` (a few milliseconds for `k = 250`) plus one
/// [`RootSum::to_cyclotomic`] per distinct value.
///
/// # Example
/// ```
/// use plrep::character::{check_character_table, CharacterTable};
/// use plrep::group::{Limits, Perm, PermGroup};
/// let s3 = PermGroup::new(3, vec![Perm::parse_gap("(1,2,3)", 3)?, Perm::parse_gap("(1,2)", 3)?])?;
/// let mut t = CharacterTable::compute(&s3, &Limits::default())?;
/// assert!(check_character_table(&t).is_ok());
/// t.characters.swap(0, 1);
/// t.characters[0].indicator = -1; // tamper
/// assert!(check_character_table(&t).is_err());
/// # Ok::<(), plrep::Error>(())
/// ```
pub fn check_character_table(t: &CharacterTable) -> Result<()> {
    check_table(t, true)
}

/// [`check_character_table`] without the `O(k^3)` orthogonality of rows and columns (5):
/// for a table whose rows are proved irreducible characters by a structural argument
/// (the products of verified factor tables, docs/theory.md §29.2), the shape, the root
/// sums, the sum of squared degrees, the Galois closure and the indicators are still
/// checked, in `O(k^2)` operations.
pub(crate) fn check_character_table_but_orthogonality(t: &CharacterTable) -> Result<()> {
    check_table(t, false)
}

/// What is wrong with the values of character `a` of `t` (step 2 of [`check_table`]):
/// the degree, the shape of each root sum, its agreement with the recorded value, the
/// indicator. `None` when nothing is.
fn value_defect(
    t: &CharacterTable,
    a: usize,
    chi: &super::Character,
    cache: &mut CyclotomicCache,
) -> Option<String> {
    let k = t.num_classes();
    if chi.values.len() != k || chi.root_sums.len() != k {
        return Some(format!("character {a} has the wrong number of values"));
    }
    if chi.root_sums[0] != RootSum::integer(chi.degree as i64) || chi.degree == 0 {
        return Some(format!(
            "character {a}: the value at the identity is not the degree"
        ));
    }
    for i in 0..k {
        let r = &chi.root_sums[i];
        if let Some(what) = root_sum_defect(t, a, i, r, chi.degree) {
            return Some(what);
        }
        if chi.values[i] != *cache.get_ref(r) {
            return Some(format!(
                "character {a}, class {i}: value differs from its root sum {r}"
            ));
        }
    }
    if !(-1..=1).contains(&chi.indicator) {
        return Some(format!("character {a}: indicator {}", chi.indicator));
    }
    None
}

fn check_table(t: &CharacterTable, orthogonality: bool) -> Result<()> {
    let fail = |what: String| {
        Err(Error::verification(format!(
            "character table check: {what}"
        )))
    };
    let k = t.num_classes();
    let n = t.order;
    let e = t.exponent;
    // 1. shape
    if let Some(what) = shape_defect(t) {
        return fail(what);
    }
    if t.sizes.iter().sum::<u64>() != n {
        return fail("class sizes do not add up to the group order".into());
    }
    for i in 0..k {
        if t.sizes[i] * t.centralizer_orders[i] != n || e % t.orders[i] != 0 {
            return fail(format!(
                "class {i}: inconsistent size, centralizer or order"
            ));
        }
    }
    // 2. values are sums of chi(1) roots of unity, and equal the recorded cyclotomics
    // (characters in parallel, each thread with its own cache; the failure reported is
    // the first in table order)
    let chunk = t
        .characters
        .len()
        .div_ceil(rayon::current_num_threads())
        .max(1);
    let defect = t
        .characters
        .par_chunks(chunk)
        .enumerate()
        .map(|(c, part)| {
            let mut cache = CyclotomicCache::default();
            part.iter()
                .enumerate()
                .find_map(|(a, chi)| value_defect(t, c * chunk + a, chi, &mut cache))
        })
        .find_map_first(|d| d);
    if let Some(what) = defect {
        return fail(what);
    }
    // 3. sum of squares
    let square_sum: u128 = t
        .characters
        .iter()
        .map(|c| c.degree as u128 * c.degree as u128)
        .sum();
    if square_sum != n as u128 {
        return fail(format!("sum of squared degrees {square_sum} != |G| = {n}"));
    }
    // 4. Galois closure, on value ids: each distinct root sum is numbered once and
    // conjugated once, and rows are compared as id rows (equal ids are equal values).
    let mut ids: MixMap<&RootSum, u32> = MixMap::default();
    let mut distinct: Vec<&RootSum> = Vec::new();
    let id_rows: Vec<Vec<u32>> = t
        .characters
        .iter()
        .map(|c| {
            c.root_sums
                .iter()
                .map(|r| {
                    *ids.entry(r).or_insert_with(|| {
                        distinct.push(r);
                        distinct.len() as u32 - 1
                    })
                })
                .collect()
        })
        .collect();
    let rows: MixSet<&[u32]> = id_rows.iter().map(Vec::as_slice).collect();
    if rows.len() != k {
        return fail("two equal rows".into());
    }
    for tt in unit_generators_crt(e) {
        let image: Vec<Option<u32>> = distinct
            .iter()
            .map(|r| ids.get(&r.galois(tt as i64)).copied())
            .collect();
        let missing = id_rows.par_iter().position_first(|row| {
            let img: Option<Vec<u32>> = row.iter().map(|&v| image[v as usize]).collect();
            !img.is_some_and(|img| rows.contains(img.as_slice()))
        });
        if let Some(a) = missing {
            return fail(format!(
                "character {a}: Galois conjugate under E(e) -> E(e)^{tt} is not in the table"
            ));
        }
    }
    // 5. orthogonality modulo q (one prime above the bound, or several whose product is:
    // then D lies in q_t Z[zeta] for each t, hence in their product)
    let bound = (n as u128) * (n as u128 + 1);
    let primes: Vec<u64> = if bound < 1 << 62 {
        vec![prime_congruent_one(e, bound as u64)]
    } else {
        let mut ps = vec![prime_congruent_one(e, 1 << 61)];
        while (ps.len() as u32) * 61 <= 128 - bound.leading_zeros() {
            let next = prime_congruent_one(e, *ps.last().unwrap());
            ps.push(next);
        }
        ps
    };
    let mut first: Option<(PrimeField, Vec<Vec<u64>>)> = None;
    for &q in &primes {
        let fq = PrimeField::new(q);
        // Powers of z^(e/m) for each order m met (not all e powers of z: e is
        // lcm(1..n) for S_n, 2.3 * 10^8 at n = 20).
        let zpow = OrderPowers::new(&fq, e);
        // Rows in parallel, each part with its own copy of the powers.
        let chunk = k.div_ceil(rayon::current_num_threads()).max(1);
        let res: Vec<Vec<u64>> = t
            .characters
            .par_chunks(chunk)
            .flat_map_iter(|part| {
                let mut zpow = zpow.clone();
                part.iter()
                    .map(|c| c.root_sums.iter().map(|r| zpow.residue(&fq, r)).collect())
                    .collect::<Vec<Vec<u64>>>()
            })
            .collect();
        let mut zpow = zpow;
        if !orthogonality {
            first = Some((fq, res));
            break;
        }
        let conj: Vec<Vec<u64>> = t
            .characters
            .iter()
            .map(|c| {
                c.root_sums
                    .iter()
                    .map(|r| zpow.residue(&fq, &r.conj()))
                    .collect()
            })
            .collect();
        let weighted: Vec<Vec<u64>> = res
            .iter()
            .map(|row| {
                row.iter()
                    .zip(&t.sizes)
                    .map(|(&x, &s)| fq.mul(x, fq.from_u64(s)))
                    .collect()
            })
            .collect();
        let dot = |x: &[u64], y: &[u64]| -> u64 { linalg::dot(&fq, x, y) };
        let n_q = fq.from_u64(n);
        for a in 0..k {
            for b in 0..k {
                let s = dot(&weighted[a], &conj[b]);
                if s != if a == b { n_q } else { 0 } {
                    return fail(format!("rows {a} and {b} are not orthogonal"));
                }
            }
        }
        let res_t: Vec<Vec<u64>> = (0..k)
            .map(|i| (0..k).map(|a| res[a][i]).collect())
            .collect();
        let conj_t: Vec<Vec<u64>> = (0..k)
            .map(|i| (0..k).map(|a| conj[a][i]).collect())
            .collect();
        for i in 0..k {
            for j in 0..k {
                let s = dot(&res_t[i], &conj_t[j]);
                if s != if i == j {
                    fq.from_u64(t.centralizer_orders[i])
                } else {
                    0
                } {
                    return fail(format!("columns {i} and {j} are not orthogonal"));
                }
            }
        }
        if first.is_none() {
            first = Some((fq, res));
        }
    }
    let (fq, res) = first.expect("at least one prime");
    let n_q = fq.from_u64(n);
    // 6. indicators
    let sq = t.power_map(2);
    let n_inv = fq.inv(n_q);
    let sizes: Vec<u64> = t.sizes.iter().map(|&s| fq.from_u64(s)).collect();
    let wrong = t
        .characters
        .par_iter()
        .enumerate()
        .position_first(|(a, chi)| {
            let s = (0..k).fold(0, |acc, i| fq.mul_add(sizes[i], res[a][sq[i]], acc));
            fq.mul(s, n_inv) != fq.from_i64(chi.indicator as i64)
        });
    if let Some(a) = wrong {
        return fail(format!(
            "character {a}: wrong Frobenius-Schur indicator {}",
            t.characters[a].indicator
        ));
    }
    Ok(())
}

/// `z^(e/m)` and its powers for each order `m` dividing `e`, built on demand: the
/// residue of a root sum of order `m` under `zeta_e -> z`.
#[derive(Clone)]
struct OrderPowers {
    z: u64,
    e: u64,
    by_order: MixMap<u64, Vec<u64>>,
}

impl OrderPowers {
    fn new(fq: &PrimeField, e: u64) -> Self {
        OrderPowers {
            z: fq.root_of_unity(e),
            e,
            by_order: MixMap::default(),
        }
    }

    fn residue(&mut self, fq: &PrimeField, r: &RootSum) -> u64 {
        let m = r.order();
        let (z, e) = (self.z, self.e);
        let pows = self.by_order.entry(m).or_insert_with(|| {
            let zm = fq.pow(z, e / m);
            let mut out = Vec::with_capacity(m as usize);
            let mut cur = 1;
            for _ in 0..m {
                out.push(cur);
                cur = fq.mul(cur, zm);
            }
            out
        });
        r.residue(fq, pows)
    }
}

/// Verify a character table all of whose values are rational integers (the
/// symmetric groups), exactly in integer arithmetic; the same conclusions as
/// [`check_character_table`] without its `O(k^3)` products modulo several large primes.
///
/// # Checks
/// 1. Shape and class data as in [`check_character_table`].
/// 2. Every value is an integer, equal to its root sum, which is a sum of `chi(1)`
///    roots of unity of order dividing the element order; `chi(1)` divides `|G|`.
/// 3. `sum chi(1)^2 = |G|`, each row norm `sum_i |C_i| chi(g_i)^2 = |G|` and each column
///    norm `sum_chi chi(g_i)^2 = |C_G(g_i)|`, in checked (overflow-free) arithmetic.
/// 4. Off-diagonal row and column sums are 0 modulo `2^128` (wrapping arithmetic).
/// 5. Indicators `|G|^-1 sum_i |C_i| chi(g_i^2)`, exactly.
///
/// # Why this is a proof
/// By Cauchy–Schwarz for the positive weights `|C_i|`, an off-diagonal row sum is at
/// most the product of the two row norms' square roots, `|G| < 2^64`, in absolute value;
/// a column sum at most `sqrt(|C_G(g_i)| |C_G(g_j)|) <= |G|`. An integer of absolute value
/// below `2^127` that is 0 modulo `2^128` is 0.
///
/// # Complexity
/// `k^3` wrapping `i128` multiply-adds.
pub fn check_integer_table(t: &CharacterTable) -> Result<()> {
    let fail = |what: String| {
        Err(Error::verification(format!(
            "integer character table check: {what}"
        )))
    };
    let k = t.num_classes();
    let n = t.order;
    if let Some(what) = shape_defect(t) {
        return fail(what);
    }
    if t.sizes.iter().map(|&s| s as u128).sum::<u128>() != n as u128 {
        return fail("class sizes do not add up to the group order".into());
    }
    for i in 0..k {
        if t.sizes[i] as u128 * t.centralizer_orders[i] as u128 != n as u128
            || t.exponent % t.orders[i] != 0
            || t.powers()[i].len() as u64 != t.orders[i]
        {
            return fail(format!(
                "class {i}: inconsistent size, centralizer or order"
            ));
        }
    }
    let mut cache = CyclotomicCache::default();
    let mut orders: HashMap<u64, OrderData> = HashMap::new();
    let mut values: Vec<Vec<i128>> = Vec::with_capacity(k);
    let mut square_sum: u128 = 0;
    for (a, chi) in t.characters.iter().enumerate() {
        if chi.values.len() != k || chi.root_sums.len() != k {
            return fail(format!("character {a} has the wrong number of values"));
        }
        if chi.degree == 0 || n % chi.degree != 0 {
            return fail(format!(
                "character {a}: degree {} does not divide |G|",
                chi.degree
            ));
        }
        let mut row = Vec::with_capacity(k);
        for i in 0..k {
            let r = &chi.root_sums[i];
            if let Some(what) = root_sum_defect(t, a, i, r, chi.degree) {
                return fail(what);
            }
            let Some(v) = chi.values[i].to_q().and_then(|q| q.to_i64()) else {
                return fail(format!("character {a}, class {i}: not an integer"));
            };
            let same = match rational_root_sum_value(&mut orders, r) {
                Some(w) => w == v as i128,
                None => chi.values[i] == cache.get(r),
            };
            if !same {
                return fail(format!(
                    "character {a}, class {i}: value differs from its root sum {r}"
                ));
            }
            row.push(v as i128);
        }
        if row[0] != chi.degree as i128 {
            return fail(format!(
                "character {a}: the value at the identity is not the degree"
            ));
        }
        square_sum += chi.degree as u128 * chi.degree as u128;
        values.push(row);
    }
    if square_sum != n as u128 {
        return fail(format!("sum of squared degrees {square_sum} != |G| = {n}"));
    }
    let sizes: Vec<i128> = t.sizes.iter().map(|&s| s as i128).collect();
    // row norms, exactly
    for (a, row) in values.iter().enumerate() {
        let mut norm: u128 = 0;
        for i in 0..k {
            let term = (row[i] * row[i]) as u128;
            match term
                .checked_mul(sizes[i] as u128)
                .and_then(|x| x.checked_add(norm))
            {
                Some(x) => norm = x,
                None => return fail(format!("row {a} has norm above 2^128")),
            }
        }
        if norm != n as u128 {
            return fail(format!("row {a} has norm {norm} != |G|"));
        }
    }
    // off-diagonal rows modulo 2^128
    let weighted: Vec<Vec<i128>> = values
        .iter()
        .map(|row| {
            row.iter()
                .zip(&sizes)
                .map(|(&x, &s)| x.wrapping_mul(s))
                .collect()
        })
        .collect();
    // (the k^3 loops run on all cores; the answer does not depend on the split)
    let dot = |x: &[i128], y: &[i128]| -> i128 {
        x.iter()
            .zip(y)
            .fold(0i128, |acc, (&a, &b)| acc.wrapping_add(a.wrapping_mul(b)))
    };
    let bad_rows = (0..k)
        .into_par_iter()
        .find_first(|&a| (a + 1..k).any(|b| dot(&weighted[a], &values[b]) != 0));
    if let Some(a) = bad_rows {
        return fail(format!("row {a} is not orthogonal to a later row"));
    }
    // columns
    let cols: Vec<Vec<i128>> = (0..k)
        .map(|i| values.iter().map(|row| row[i]).collect())
        .collect();
    for i in 0..k {
        let mut norm: u128 = 0;
        for &x in &cols[i] {
            match ((x * x) as u128).checked_add(norm) {
                Some(y) => norm = y,
                None => return fail(format!("column {i} has norm above 2^128")),
            }
        }
        if norm != t.centralizer_orders[i] as u128 {
            return fail(format!("column {i} has norm {norm} != |C_G(g)|"));
        }
    }
    let bad_cols = (0..k)
        .into_par_iter()
        .find_first(|&i| (i + 1..k).any(|j| dot(&cols[i], &cols[j]) != 0));
    if let Some(i) = bad_cols {
        return fail(format!("column {i} is not orthogonal to a later column"));
    }
    // indicators (|sum| <= |G| chi(1) < 2^127: exact)
    let sq = t.power_map(2);
    for (a, chi) in t.characters.iter().enumerate() {
        let s: i128 = (0..k).map(|i| sizes[i] * values[a][sq[i]]).sum();
        if s != n as i128 * chi.indicator as i128 {
            return fail(format!(
                "character {a}: wrong Frobenius-Schur indicator {}",
                chi.indicator
            ));
        }
    }
    Ok(())
}

/// Generators of `(Z/e)^*` from its primary decomposition: for each prime power `p^a`
/// exactly dividing `e`, generators of `(Z/p^a)^*` (a primitive root; `-1` and `5` for
/// `2^a`, `a >= 3`) lifted by the Chinese remainder theorem to be `1` modulo `e/p^a`.
/// `O(sum p + log e)` per factor, where the greedy search of
/// [`dixon::unit_group_generators`](crate::character::dixon::unit_group_generators) costs `O(e)` (`e = lcm(1..n)` for `S_n`).
fn unit_generators_crt(e: u64) -> Vec<u64> {
    if e <= 2 {
        return Vec::new();
    }
    let mut gens = Vec::new();
    for p in crate::arith::modp::prime_factors(e) {
        let mut q = 1u64;
        while e % (q * p) == 0 {
            q *= p;
        }
        let rest = e / q;
        // t ≡ g (mod q), t ≡ 1 (mod rest)
        let lift = |g: u64| -> u64 {
            let (q128, r128) = (q as i128, rest as i128);
            // rest * (rest^-1 mod q) * (g - 1) + 1
            let inv = modinv(rest % q, q) as i128;
            let t = (r128 * ((inv * ((g as i128 - 1).rem_euclid(q128))) % q128) + 1)
                .rem_euclid(q128 * r128);
            t as u64
        };
        let local: Vec<u64> = if p == 2 {
            match q {
                2 => Vec::new(),
                4 => vec![3],
                _ => vec![q - 1, 5],
            }
        } else {
            vec![primitive_root_prime_power(p, q)]
        };
        gens.extend(local.into_iter().map(lift).filter(|&t| t != 1));
    }
    gens
}

fn modinv(a: u64, m: u64) -> u64 {
    if m == 1 {
        return 0;
    }
    let (mut old_r, mut r) = (a as i128, m as i128);
    let (mut old_s, mut s) = (1i128, 0i128);
    while r != 0 {
        let qt = old_r / r;
        (old_r, r) = (r, old_r - qt * r);
        (old_s, s) = (s, old_s - qt * s);
    }
    old_s.rem_euclid(m as i128) as u64
}

/// A primitive root modulo `q = p^a` (`p` odd): a primitive root `g` modulo `p`, replaced
/// by `g + p` when `g^(p-1) ≡ 1 (mod p^2)`.
fn primitive_root_prime_power(p: u64, q: u64) -> u64 {
    let powmod = |mut b: u64, mut x: u64, m: u64| -> u64 {
        let mut r = 1u128 % m as u128;
        let mut b2 = b as u128 % m as u128;
        while x > 0 {
            if x & 1 == 1 {
                r = r * b2 % m as u128;
            }
            b2 = b2 * b2 % m as u128;
            x >>= 1;
        }
        b = r as u64;
        b
    };
    let factors = crate::arith::modp::prime_factors(p - 1);
    let g = (2..p)
        .find(|&g| factors.iter().all(|&f| powmod(g, (p - 1) / f, p) != 1))
        .unwrap_or(1);
    if q > p && powmod(g, p - 1, p * p) == 1 {
        g + p
    } else {
        g
    }
}

/// For one order `m`: `gcd(s, m)` for each `s in 0..m`, and per divisor `g` of `m` the
/// number `phi(m/g)` of `s` with that gcd and the sum `mu(m/g)` of the primitive
/// `(m/g)`-th roots of unity.
struct OrderData {
    gcd_of: Vec<u64>,
    /// `(g, phi(m/g), mu(m/g))` for the divisors `g` of `m`.
    divisors: Vec<(u64, u64, i64)>,
}

impl OrderData {
    fn new(m: u64) -> Self {
        let gcd_of = (0..m).map(|s| num_integer::gcd(s, m)).collect();
        let divisors = (1..=m)
            .filter(|g| m % g == 0)
            .map(|g| {
                let d = m / g;
                let phi = (1..=d).filter(|&t| num_integer::gcd(t, d) == 1).count() as u64;
                (g, phi, crate::character::symmetric::mobius(d))
            })
            .collect();
        OrderData { gcd_of, divisors }
    }
}

/// The value of a root sum whose multiplicities depend only on `gcd(s, m)` (the
/// eigenvalue multiplicities of a rational character): `sum_g a_g mu(m/g)`, since the
/// `zeta_m^s` with `gcd(s, m) = g` are the primitive `(m/g)`-th roots of unity, which add
/// up to `mu(m/g)`. `None` when the multiplicities are not of this form. `O(m)`.
fn rational_root_sum_value(cache: &mut HashMap<u64, OrderData>, r: &RootSum) -> Option<i128> {
    let m = r.order();
    let data = cache.entry(m).or_insert_with(|| OrderData::new(m));
    // per divisor: (multiplicity, count)
    let mut seen: HashMap<u64, (i64, u64)> = HashMap::new();
    for &(s, n) in r.terms() {
        let g = data.gcd_of[s as usize];
        let e = seen.entry(g).or_insert((n, 0));
        if e.0 != n {
            return None;
        }
        e.1 += 1;
    }
    let mut v = 0i128;
    for (g, (n, count)) in seen {
        let &(_, phi, mu) = data.divisors.iter().find(|d| d.0 == g)?;
        if count != phi {
            return None;
        }
        v += n as i128 * mu as i128;
    }
    Some(v)
}

#[cfg(test)]
mod crt_tests {
    use super::unit_generators_crt;

    /// The CRT generators generate all of `(Z/e)^*` (checked by closure).
    #[test]
    fn crt_generators_generate() {
        for e in [3u64, 4, 8, 12, 16, 60, 720, 2520, 27720, 9, 25, 49 * 8] {
            let gens = unit_generators_crt(e);
            let units = (1..e).filter(|&t| num_integer::gcd(t, e) == 1).count();
            let mut seen = vec![false; e as usize];
            seen[1] = true;
            let mut list = vec![1u64];
            let mut i = 0;
            while i < list.len() {
                for &g in &gens {
                    let y = list[i] * g % e;
                    if !seen[y as usize] {
                        seen[y as usize] = true;
                        list.push(y);
                    }
                }
                i += 1;
            }
            assert_eq!(list.len(), units, "e = {e}");
        }
    }
}

#[cfg(test)]
mod galois_tests {
    use super::{galois_consistent, galois_orbit};
    use crate::arith::ntheory::gcd;
    use crate::character::large::class_info;
    use crate::character::CharacterTable;
    use crate::group::lexclasses::LargeClasses;
    use crate::group::Limits;

    /// Computed tables are Galois consistent, and each row's orbit under the generators is
    /// the set of rows that are its images under some unit (found by trying every unit).
    #[test]
    fn tables_are_galois_consistent_and_orbits_are_complete() {
        for spec in ["M11", "PSL(2,7)", "PSL(2,13)", "PSL(3,4)", "A8"] {
            let g = crate::group::catalog::lookup(spec).unwrap();
            let t = CharacterTable::compute(&g, &Limits::default()).unwrap();
            let ci = class_info(&LargeClasses::compute(&g, 5000).unwrap());
            assert_eq!(ci.reps, t.reps, "{spec}");
            assert!(galois_consistent(&ci, &t), "{spec}");
            let e = t.exponent;
            for a in 0..t.characters.len() {
                let mut orbit = galois_orbit(&t, e, a);
                orbit.sort_unstable();
                let mut naive: Vec<usize> = (1..e)
                    .filter(|&s| gcd(s, e) == 1)
                    .filter_map(|s| {
                        let img: Vec<_> = t.characters[a]
                            .root_sums
                            .iter()
                            .map(|r| r.galois(s as i64))
                            .collect();
                        t.characters.iter().position(|c| c.root_sums == img)
                    })
                    .collect();
                naive.sort_unstable();
                naive.dedup();
                assert_eq!(orbit, naive, "{spec}, row {a}");
            }
        }
    }

    /// A row whose value on one irrational class is replaced by a Galois conjugate (so
    /// that it no longer matches the value on the conjugate class) is refused.
    #[test]
    fn inconsistent_row_is_detected() {
        let g = crate::group::catalog::lookup("PSL(2,7)").unwrap();
        let mut t = CharacterTable::compute(&g, &Limits::default()).unwrap();
        let ci = class_info(&LargeClasses::compute(&g, 5000).unwrap());
        let (a, i) = (0..t.characters.len())
            .flat_map(|a| (0..ci.len()).map(move |i| (a, i)))
            .find(|&(a, i)| {
                let r = &t.characters[a].root_sums[i];
                r.galois(-1) != *r
            })
            .expect("PSL(2,7) has an irrational value");
        let conj = t.characters[a].root_sums[i].galois(-1);
        t.characters[a].root_sums[i] = conj;
        assert!(!galois_consistent(&ci, &t));
    }
}
