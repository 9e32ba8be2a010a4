//! Abelian groups: the characters directly from a decomposition into cyclic factors of
//! prime-power order, without any linear algebra.
//!
//! For every prime `p` dividing `|G|` a basis of the Sylow `p`-subgroup is chosen
//! greedily: take `y` of largest order `p^b` modulo the subgroup `H` generated so far;
//! then `y^(p^b) = prod x_i^(c_i)` with every `c_i` divisible by `p^b` (because each
//! `x_i` was itself of largest order modulo its predecessors), and
//! `y' = y prod x_i^(-c_i / p^b)` has order `p^b` and meets `H` trivially, so
//! `H <y'> = H x <y'>`. The union of these bases gives `G = <b_1> x ... x <b_r>`, every
//! element `g = prod b_i^(c_i(g))` with coordinates `c(g)` in `prod Z/o_i`, and the
//! characters are `chi_a(g) = prod zeta_(o_i)^(a_i c_i(g))`, `a in prod Z/o_i`.
//!
//! **Certificate.** The enumeration of `prod b_i^(c_i)` over all coordinate tuples is
//! checked to hit every element exactly once and `b_i^(o_i) = 1`; `G` is abelian (every
//! class a singleton), so `c` is an isomorphism `G -> prod Z/o_i`, and the `chi_a` are
//! exactly the `|G|` distinct irreducible characters (the characters of a finite
//! abelian group are its homomorphisms to `C^*`). This proof costs `O(|G|)` instead of
//! the `O(k^3) = O(|G|^3)` of the generic check, which is run in addition only for
//! `k <=` [`GENERIC_CHECK_MAX_CLASSES`].
//!
//! Reference: the basis algorithm is the classical one for finite abelian `p`-groups,
//! e.g. H. Cohen, *A Course in Computational Algebraic Number Theory*, §2.4.3;
//! D. F. Holt, B. Eick, E. A. O'Brien, *Handbook of CGT*, §9.1.

use super::rootsum::RootSum;
use super::structure::{ClassInfo, GroupOps};
use crate::arith::modp::prime_factors;
use crate::error::{Error, Result};

/// Up to this many classes the generic [`super::check_character_table`] also runs on
/// abelian tables.
pub const GENERIC_CHECK_MAX_CLASSES: usize = 400;

fn power(g: &impl GroupOps, x: usize, mut n: u64) -> usize {
    let (mut acc, mut b) = (0usize, x);
    while n > 0 {
        if n & 1 == 1 {
            acc = g.product(acc, b);
        }
        n >>= 1;
        if n > 0 {
            b = g.product(b, b);
        }
    }
    acc
}

/// Basis elements with their orders, `(b_i, o_i)`.
pub type Basis = Vec<(usize, u64)>;

/// A basis `(b_i, o_i)` of an abelian group (cyclic factors of prime-power order) and
/// the coordinates of every element (`coords[x * r + i] = c_i(x)`), verified as in the
/// module documentation.
pub fn abelian_basis(g: &impl GroupOps, ci: &ClassInfo) -> Result<(Basis, Vec<u32>)> {
    abelian_basis_of(g, &ci.class_of, &ci.orders)
}

/// [`abelian_basis`] from the class of every element and the element order of every
/// class (no power maps needed: the compact table of [`super::abelian_table`] uses it).
pub fn abelian_basis_of(
    g: &impl GroupOps,
    class_of: &[u32],
    orders: &[u64],
) -> Result<(Basis, Vec<u32>)> {
    let n = g.size();
    let order_of = |x: usize| orders[class_of[x] as usize];
    let mut basis: Vec<(usize, u64)> = Vec::new();
    for p in prime_factors(n as u64) {
        let sylow: Vec<usize> = (0..n).filter(|&x| is_power_of(order_of(x), p)).collect();
        // H as membership with coordinates relative to this prime's basis.
        let mut hpos: Vec<u32> = vec![u32::MAX; n];
        let mut hcoords: Vec<Vec<u64>> = vec![Vec::new()];
        let mut helems: Vec<usize> = vec![0];
        hpos[0] = 0;
        let mut pbasis: Vec<(usize, u64)> = Vec::new();
        while helems.len() < sylow.len() {
            // element of largest order modulo H (first in index order)
            let mut best = (0usize, 1u64, 0usize); // (y, p^b, h index)
            for &y in &sylow {
                if hpos[y] != u32::MAX {
                    continue;
                }
                let mut q = 1u64;
                let mut cur = y;
                while hpos[cur] == u32::MAX {
                    cur = power(g, cur, p);
                    q *= p;
                }
                if q > best.1 {
                    best = (y, q, hpos[cur] as usize);
                }
            }
            let (y, q, h) = best;
            // y' = y * prod x_i^(-c_i / q)
            let mut yy = y;
            for (i, &(x, o)) in pbasis.iter().enumerate() {
                let c = hcoords[h][i];
                if c % q != 0 {
                    return Err(Error::verification(
                        "abelian basis: coordinate not divisible",
                    ));
                }
                let expo = (o - (c / q) % o) % o;
                yy = g.product(yy, power(g, x, expo));
            }
            if power(g, yy, q) != 0 {
                return Err(Error::verification(
                    "abelian basis: adjusted element has the wrong order",
                ));
            }
            // H := H x <yy>
            let r = pbasis.len();
            pbasis.push((yy, q));
            let old = helems.len();
            for idx in 0..old {
                let mut cur = helems[idx];
                for l in 1..q {
                    cur = g.product(cur, yy);
                    if hpos[cur] != u32::MAX {
                        return Err(Error::verification(
                            "abelian basis: factors are not independent",
                        ));
                    }
                    let mut c = hcoords[idx].clone();
                    c.resize(r, 0);
                    c.push(l);
                    hpos[cur] = helems.len() as u32;
                    helems.push(cur);
                    hcoords.push(c);
                }
            }
            for c in hcoords.iter_mut() {
                c.resize(r + 1, 0);
            }
        }
        basis.extend(pbasis);
    }
    // Coordinates of all elements by enumerating prod b_i^(c_i), checking bijectivity.
    let r = basis.len();
    for &(b, o) in &basis {
        if power(g, b, o) != 0 || order_of(b) != o {
            return Err(Error::verification(
                "abelian basis: wrong order of a basis element",
            ));
        }
    }
    let mut coords = vec![u32::MAX; n * r.max(1)];
    let mut seen = vec![false; n];
    let mut elems: Vec<usize> = vec![0];
    let mut elem_coords: Vec<u32> = vec![0; r]; // r per element
    for (i, &(b, o)) in basis.iter().enumerate() {
        let old = elems.len();
        for idx in 0..old {
            let mut cur = elems[idx];
            for l in 1..o {
                cur = g.product(cur, b);
                elems.push(cur);
                let start = idx * r;
                let mut c: Vec<u32> = elem_coords[start..start + r].to_vec();
                c[i] = l as u32;
                elem_coords.extend(c);
            }
        }
    }
    if elems.len() != n {
        return Err(Error::verification(
            "abelian basis: product of the factors has the wrong size",
        ));
    }
    for (idx, &x) in elems.iter().enumerate() {
        if seen[x] {
            return Err(Error::verification(
                "abelian basis: two coordinate tuples give one element",
            ));
        }
        seen[x] = true;
        if r > 0 {
            coords[x * r..x * r + r].copy_from_slice(&elem_coords[idx * r..idx * r + r]);
        }
    }
    Ok((basis, coords))
}

fn is_power_of(mut m: u64, p: u64) -> bool {
    while m % p == 0 {
        m /= p;
    }
    m == 1
}

/// All characters of an abelian group as rows over its classes (one class per element),
/// plus `true` (the structural certificate was checked).
///
/// # Complexity
/// `O(|G| log |G|)` group products for the basis, `O(|G|^2)` for the table.
pub fn abelian_characters(g: &impl GroupOps, ci: &ClassInfo) -> Result<(Vec<Vec<RootSum>>, bool)> {
    let n = g.size();
    if ci.len() != n {
        return Err(Error::verification(
            "abelian path called on a non-abelian group",
        ));
    }
    let (basis, coords) = abelian_basis(g, ci)?;
    let r = basis.len();
    let e = ci.exponent;
    // exponent of chi_a at element x: sum_i a_i c_i(x) e / o_i (mod e); the products
    // c_i(x) e / o_i are precomputed per class, and a single reduction per value suffices
    // (each term is below o_i * e <= e^2, and r <= 64 terms).
    let scaled: Vec<Vec<u64>> = (0..n)
        .map(|c| {
            let x = ci.rep_indices[c];
            (0..r)
                .map(|i| coords[x * r + i] as u64 * (e / basis[i].1))
                .collect()
        })
        .collect();
    let roots: Vec<RootSum> = (0..e).map(|s| RootSum::root(e, s)).collect();
    let mut rows = Vec::with_capacity(n);
    for a_elem in 0..n {
        // index the characters by the coordinates of the elements (a = c(a_elem))
        let a = &coords[a_elem * r..a_elem * r + r];
        let row: Vec<RootSum> = scaled
            .iter()
            .map(|v| {
                let s: u128 = a
                    .iter()
                    .zip(v)
                    .map(|(&ai, &vi)| ai as u128 * vi as u128)
                    .sum();
                roots[(s % e as u128) as usize].clone()
            })
            .collect();
        rows.push(row);
    }
    Ok((rows, true))
}
