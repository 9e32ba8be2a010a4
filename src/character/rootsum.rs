//! Character values as sums of roots of unity with integer multiplicities,
//! `sum_s n_s zeta_m^s`: the form in which Dixon–Schneider's exact lift produces them.
//!
//! A value `chi(g)` for `g` of order `m` is the trace of `rho(g)`, whose eigenvalues are
//! `m`-th roots of unity: `chi(g) = sum_s n_s zeta_m^s` with `n_s` the multiplicity of the
//! eigenvalue `zeta_m^s` (`n_s >= 0`, `sum_s n_s = chi(1)`). These multiplicities are
//! determined by `chi` on `<g>`, so the form is canonical for a character value on a
//! given class. It is cheap to evaluate modulo a prime, to conjugate by a Galois
//! automorphism (multiply the exponents) and to compare; it is converted to the field
//! type [`Cyclotomic`] only once per value, at the end.

use crate::arith::modp::PrimeField;
use crate::arith::ntheory::gcd;
use crate::arith::Cyclotomic;
use std::fmt;

/// `sum_s n_s zeta_m^s` with `zeta_m = E(m) = exp(2 pi i / m)`; terms sorted by exponent,
/// zero multiplicities dropped, and `m` reduced to the smallest order for which the
/// exponents are integral (so equal multiplicity data compare equal).
///
/// # Example
/// ```
/// use plrep::character::RootSum;
/// // 2 + zeta_4^2 : the value of a 3-dimensional representation with eigenvalues 1, 1, -1
/// let v = RootSum::from_multiplicities(4, &[2, 0, 1, 0]);
/// assert_eq!(v.order(), 2); // reduced: 2 E(2)^0 + E(2)^1
/// assert_eq!(v.count(), 3);
/// assert_eq!(v.to_string(), "2+E(2)");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RootSum {
    order: u64,
    terms: Terms,
}

/// The terms of a root sum; zero or one term (integers, roots of unity: most values of
/// most tables) are stored inline, without allocation.
#[derive(Clone)]
enum Terms {
    Inline(u8, [(u64, i64); 1]),
    Heap(Vec<(u64, i64)>),
}

impl Terms {
    fn from_vec(v: Vec<(u64, i64)>) -> Self {
        match v.len() {
            0 => Terms::Inline(0, [(0, 0)]),
            1 => Terms::Inline(1, [v[0]]),
            _ => Terms::Heap(v),
        }
    }
    fn as_slice(&self) -> &[(u64, i64)] {
        match self {
            Terms::Inline(n, d) => &d[..*n as usize],
            Terms::Heap(v) => v,
        }
    }
}

impl std::ops::Deref for Terms {
    type Target = [(u64, i64)];
    fn deref(&self) -> &[(u64, i64)] {
        self.as_slice()
    }
}

impl PartialEq for Terms {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}
impl Eq for Terms {}
impl std::hash::Hash for Terms {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_slice().hash(state)
    }
}
impl PartialOrd for Terms {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Terms {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_slice().cmp(other.as_slice())
    }
}
impl fmt::Debug for Terms {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_slice().fmt(f)
    }
}

impl RootSum {
    /// `sum_s mult[s] zeta_m^s` with `m = mult.len()`; `O(m)`.
    pub fn from_multiplicities(m: u64, mult: &[i64]) -> Self {
        assert_eq!(
            mult.len() as u64,
            m,
            "one multiplicity per m-th root of unity"
        );
        let terms = mult
            .iter()
            .enumerate()
            .filter(|(_, &n)| n != 0)
            .map(|(s, &n)| (s as u64, n))
            .collect();
        Self::from_terms(m, terms)
    }

    /// `sum n zeta_m^s` over the given `(s, n)` terms (exponents taken mod `m`, repeated
    /// exponents added); `O(t log t)` for `t` terms.
    pub fn from_terms(m: u64, mut terms: Vec<(u64, i64)>) -> Self {
        assert!(m >= 1);
        for t in terms.iter_mut() {
            t.0 %= m;
        }
        terms.sort_unstable();
        let mut merged: Vec<(u64, i64)> = Vec::with_capacity(terms.len());
        for (s, n) in terms {
            match merged.last_mut() {
                Some(last) if last.0 == s => last.1 += n,
                _ => merged.push((s, n)),
            }
        }
        merged.retain(|t| t.1 != 0);
        let mut g = m;
        for &(s, _) in &merged {
            g = gcd(g, s);
        }
        if g > 1 {
            for t in merged.iter_mut() {
                t.0 /= g;
            }
        }
        RootSum {
            order: m / g,
            terms: Terms::from_vec(merged),
        }
    }

    /// The single root of unity `zeta_m^s` (no allocation).
    pub fn root(m: u64, s: u64) -> Self {
        Self::monomial(m, s, 1)
    }

    /// `n zeta_m^s`, reduced as [`RootSum::from_terms`] reduces it, without allocation
    /// (most values of most tables are such monomials, and the Galois closure check and
    /// product tables make `k^2` of them).
    fn monomial(m: u64, s: u64, n: i64) -> Self {
        if n == 0 {
            return RootSum {
                order: 1,
                terms: Terms::Inline(0, [(0, 0)]),
            };
        }
        let s = s % m;
        let g = gcd(m, s);
        RootSum {
            order: m / g,
            terms: Terms::Inline(1, [(s / g, n)]),
        }
    }

    /// The integer `n` (as `n zeta_1^0`; no allocation).
    pub fn integer(n: i64) -> Self {
        RootSum {
            order: 1,
            terms: Terms::from_vec(if n == 0 { Vec::new() } else { vec![(0, n)] }),
        }
    }

    /// `Some((m, s))` if this is the single root of unity `zeta_m^s`.
    pub fn as_root(&self) -> Option<(u64, u64)> {
        match self.terms.as_slice() {
            [(s, 1)] => Some((self.order, *s)),
            _ => None,
        }
    }

    /// The (reduced) order `m` of the roots of unity used.
    pub fn order(&self) -> u64 {
        self.order
    }

    /// The terms `(s, n_s)`, exponents ascending, multiplicities nonzero.
    pub fn terms(&self) -> &[(u64, i64)] {
        &self.terms
    }

    /// `sum_s n_s`: the number of roots counted (the degree, for a character value).
    pub fn count(&self) -> i64 {
        self.terms.iter().map(|t| t.1).sum()
    }

    /// The image under the Galois automorphism `zeta_m -> zeta_m^k` (`k` coprime to the
    /// order; for `k` not coprime this is the value at `g^k` only when the form came
    /// from eigenvalue multiplicities). `O(t log t)`.
    pub fn galois(&self, k: i64) -> Self {
        let m = self.order;
        let kk = k.rem_euclid(m as i64) as u64;
        if let [(s, n)] = *self.terms {
            // Reduced: gcd(s, m) = 1, so gcd(s k, m) = 1 for k a unit, and the image
            // is reduced as it stands (for `k` not a unit, reduce).
            let t = (s as u128 * kk as u128 % m as u128) as u64;
            return if gcd(kk, m) == 1 {
                RootSum {
                    order: m,
                    terms: Terms::Inline(1, [(t, n)]),
                }
            } else {
                Self::monomial(m, t, n)
            };
        }
        Self::from_terms(
            m,
            self.terms
                .iter()
                .map(|&(s, n)| ((s as u128 * kk as u128 % m as u128) as u64, n))
                .collect(),
        )
    }

    /// The product of two root sums (all pairwise products of the roots; for character
    /// values in multiplicity form, the form of the tensor product's value). `O(t1 t2)`.
    pub fn mul(&self, other: &RootSum) -> Self {
        let l = self.order / gcd(self.order, other.order) * other.order;
        let (fa, fb) = (l / self.order, l / other.order);
        if let ([(s, n)], [(t, m)]) = (&*self.terms, &*other.terms) {
            return Self::monomial(l, (s * fa + t * fb) % l, n * m);
        }
        let mut terms = Vec::with_capacity(self.terms.len() * other.terms.len());
        for &(s, n) in self.terms.iter() {
            for &(t, m) in other.terms.iter() {
                terms.push(((s * fa + t * fb) % l, n * m));
            }
        }
        Self::from_terms(l, terms)
    }

    /// The complex conjugate (`zeta -> zeta^-1`).
    pub fn conj(&self) -> Self {
        self.galois(-1)
    }

    /// The same value with the exponents written over `e` (a multiple of the order):
    /// the terms `(s * e / m, n_s)`.
    pub fn terms_over(&self, e: u64) -> impl Iterator<Item = (u64, i64)> + '_ {
        assert!(
            e % self.order == 0,
            "{e} is not a multiple of the order {}",
            self.order
        );
        let f = e / self.order;
        self.terms.iter().map(move |&(s, n)| (s * f, n))
    }

    /// The residue modulo `p` under `zeta_e -> z`, given `zpow[t] = z^t` for
    /// `t in 0..e` (`e` a multiple of the order). `O(t)`.
    pub fn residue(&self, k: &PrimeField, zpow: &[u64]) -> u64 {
        let e = zpow.len() as u64;
        let f = e / self.order;
        let mut acc = 0;
        for &(s, n) in self.terms.iter() {
            acc = k.mul_add(k.from_i64(n), zpow[(s * f) as usize], acc);
        }
        acc
    }

    /// The exact value as a [`Cyclotomic`]. `O(m)` plus the cost of the canonical form.
    pub fn to_cyclotomic(&self) -> Cyclotomic {
        let mut mult = vec![0i64; self.order as usize];
        for &(s, n) in self.terms.iter() {
            mult[s as usize] += n;
        }
        Cyclotomic::from_root_multiplicities(self.order, &mult)
    }
}

impl fmt::Display for RootSum {
    /// GAP-like notation of the sum as written (not reduced in the field):
    /// `2+E(2)`, `E(5)+E(5)^4`, `0`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.terms.is_empty() {
            return write!(f, "0");
        }
        let mut first = true;
        for &(s, n) in self.terms.iter() {
            let root = match (self.order, s) {
                (_, 0) => String::new(),
                (m, 1) => format!("E({m})"),
                (m, s) => format!("E({m})^{s}"),
            };
            let sign = if n < 0 {
                "-"
            } else if first {
                ""
            } else {
                "+"
            };
            let a = n.unsigned_abs();
            if root.is_empty() {
                write!(f, "{sign}{a}")?;
            } else if a == 1 {
                write!(f, "{sign}{root}")?;
            } else {
                write!(f, "{sign}{a}*{root}")?;
            }
            first = false;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reduce_and_galois() {
        let a = RootSum::from_multiplicities(6, &[0, 0, 1, 0, 1, 0]);
        assert_eq!(a.order(), 3);
        assert_eq!(a.terms(), &[(1, 1), (2, 1)]);
        assert_eq!(a.galois(2), a);
        assert_eq!(a.conj(), a);
        let b = RootSum::root(5, 1);
        assert_eq!(b.galois(2), RootSum::root(5, 2));
        assert_eq!(b.to_string(), "E(5)");
        assert_eq!(RootSum::integer(-3).to_string(), "-3");
        let k = PrimeField::new(31);
        let z = k.root_of_unity(6);
        let zpow: Vec<u64> = (0..6).map(|t| k.pow(z, t)).collect();
        // E(3) + E(3)^2 = -1
        assert_eq!(a.residue(&k, &zpow), 30);
    }

    /// The allocation-free monomial paths of `galois` and `mul` agree with the general
    /// reduction (`from_terms`) on every monomial of small order.
    #[test]
    fn monomial_paths_equal_the_general_reduction() {
        for m in 1..=12u64 {
            for s in 0..m {
                for n in [-2i64, -1, 0, 1, 3] {
                    let a = RootSum::from_terms(m, vec![(s, n)]);
                    for k in (1..=m as i64).filter(|&k| gcd(k as u64, m) == 1) {
                        let general = RootSum::from_terms(
                            a.order,
                            a.terms().iter().map(|&(t, c)| (t * k as u64, c)).collect(),
                        );
                        assert_eq!(a.galois(k), general, "{a} under {k}");
                    }
                    for m2 in 1..=6u64 {
                        for t in 0..m2 {
                            let b = RootSum::from_terms(m2, vec![(t, 2)]);
                            let l = a.order / gcd(a.order, b.order) * b.order;
                            let general = RootSum::from_terms(
                                l,
                                a.terms_over(l)
                                    .flat_map(|(x, c)| {
                                        b.terms_over(l).map(move |(y, d)| (x + y, c * d))
                                    })
                                    .collect(),
                            );
                            assert_eq!(a.mul(&b), general, "{a} * {b}");
                        }
                    }
                }
            }
        }
    }
}
