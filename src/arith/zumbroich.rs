//! The Zumbroich basis of `Q(zeta_n)` and the two normalisations that make cyclotomic
//! numbers canonical: rewriting a sum of `n`-th roots of unity on the basis, and reducing to
//! the smallest field `Q(zeta_m)` containing the value.
//!
//! # The basis
//! For `n = prod p^e` (never `n ≡ 2 mod 4`: `Q(zeta_2m) = Q(zeta_m)` for odd `m`), the root
//! `zeta_n^k` belongs to the basis iff for every prime power `q = p^e || n`, the component
//! `k_p = k * (n/q)^{-1} mod q` avoids the excluded window:
//! * `p = 2`: `k_p` must lie in `[0, q/2)`;
//! * `p` odd: `k_p` must not lie in `[-(q/p-1)/2, (q/p-1)/2] mod q`.
//!
//! This is the basis GAP uses (GAP reference manual, chapter "Cyclotomic Numbers"; T. Breuer,
//! *Integral bases for subfields of cyclotomic fields*, AAECC 8 (1997) 279–289; originally
//! M. Zumbroich's diploma thesis). Its two useful properties:
//! 1. it is compatible with the inclusions `Q(zeta_m) ⊂ Q(zeta_n)`: the basis roots of
//!    `Q(zeta_m)` are basis roots of `Q(zeta_n)`, up to the rewriting needed for odd primes
//!    that divide `n` but not `m`, so coordinates can be compared across fields;
//! 2. a root excluded because of `p` is rewritten by `1 + zeta_p + ... + zeta_p^{p-1} = 0`
//!    (or `zeta_2 = -1`) into roots that are fine for `p` and unchanged for every other
//!    prime, so one pass over the primes converts any sum of roots.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::ntheory::factor;
use super::q::Q;

/// Coefficients the normalisation works with: exact rationals, or `i128` for the
/// integral fast path of character values.
pub(crate) trait Coef: Clone + PartialEq {
    fn zero() -> Self;
    fn is_zero(&self) -> bool;
    fn add_assign_ref(&mut self, other: &Self);
    fn sub_assign_ref(&mut self, other: &Self);
    fn neg_ref(&self) -> Self;
}

impl Coef for Q {
    fn zero() -> Self {
        Q::zero()
    }
    fn is_zero(&self) -> bool {
        Q::is_zero(self)
    }
    fn add_assign_ref(&mut self, other: &Self) {
        *self += other;
    }
    fn sub_assign_ref(&mut self, other: &Self) {
        *self -= other;
    }
    fn neg_ref(&self) -> Self {
        -self
    }
}

impl Coef for i128 {
    fn zero() -> Self {
        0
    }
    fn is_zero(&self) -> bool {
        *self == 0
    }
    fn add_assign_ref(&mut self, other: &Self) {
        *self += *other;
    }
    fn sub_assign_ref(&mut self, other: &Self) {
        *self -= *other;
    }
    fn neg_ref(&self) -> Self {
        -*self
    }
}

impl Coef for num_bigint::BigInt {
    fn zero() -> Self {
        num_traits::Zero::zero()
    }
    fn is_zero(&self) -> bool {
        num_traits::Zero::is_zero(self)
    }
    fn add_assign_ref(&mut self, other: &Self) {
        *self += other;
    }
    fn sub_assign_ref(&mut self, other: &Self) {
        *self -= other;
    }
    fn neg_ref(&self) -> Self {
        -self
    }
}

/// One prime power `q = p^e` exactly dividing `n`.
#[derive(Debug, Clone)]
pub(crate) struct PrimePart {
    pub p: u64,
    pub q: u64,
    /// `(n/q)^{-1} mod q`: maps an exponent to its `p`-component.
    pub cof_inv: u64,
}

/// Per-conductor data: the factorisation and what the basis test needs.
#[derive(Debug)]
pub(crate) struct Field {
    pub parts: Vec<PrimePart>,
}

/// `a^{-1} mod m` for `gcd(a, m) = 1`, `m >= 1`.
pub(crate) fn inv_mod(a: u64, m: u64) -> u64 {
    let inv = super::ntheory::inv_mod(a, m);
    debug_assert!(inv.is_some(), "inv_mod of a non-unit");
    inv.unwrap_or(0)
}

impl Field {
    fn new(n: u64) -> Field {
        let parts = factor(n)
            .into_iter()
            .map(|(p, e)| {
                let q = p.pow(e);
                PrimePart {
                    p,
                    q,
                    cof_inv: inv_mod(n / q, q),
                }
            })
            .collect();
        Field { parts }
    }

    /// Is `zeta_n^k` excluded from the basis because of the prime power `part`?
    #[inline]
    pub fn excluded_by(&self, part: &PrimePart, k: u64) -> bool {
        // q < 2^32 (conductors fit u32), so the product fits u64.
        let kp = (k % part.q) * part.cof_inv % part.q;
        if part.p == 2 {
            kp >= part.q / 2
        } else {
            let h = (part.q / part.p - 1) / 2;
            kp <= h || kp >= part.q - h
        }
    }

    /// Is `zeta_n^k` (`0 <= k < n`) a Zumbroich basis element?
    pub fn is_basis(&self, k: u64) -> bool {
        self.parts.iter().all(|part| !self.excluded_by(part, k))
    }
}

thread_local! {
    // Per-thread so lookups need no lock; the data is tiny and cheap to rebuild.
    static FIELDS: RefCell<HashMap<u64, Rc<Field>>> = RefCell::new(HashMap::new());
}

/// The cached data of `Q(zeta_n)`.
pub(crate) fn field(n: u64) -> Rc<Field> {
    FIELDS.with(|f| {
        let mut map = f.borrow_mut();
        if let Some(x) = map.get(&n) {
            return x.clone();
        }
        if map.len() > 4096 {
            map.clear();
        }
        let x = Rc::new(Field::new(n));
        map.insert(n, x.clone());
        x
    })
}

/// Fold a dense coefficient vector of `Q(zeta_n)`, `n ≡ 2 mod 4`, onto `Q(zeta_{n/2})`:
/// `zeta_n^{2j} = zeta_{n/2}^j` and `zeta_n^k = -zeta_n^{k+n/2}` for odd `k`.
pub(crate) fn fold_dense<C: Coef>(n: u64, v: Vec<C>) -> Vec<C> {
    debug_assert_eq!(n % 4, 2);
    let h = n / 2;
    let mut out = vec![C::zero(); h as usize];
    for (k, c) in v.into_iter().enumerate() {
        if c.is_zero() {
            continue;
        }
        let k = k as u64;
        if k % 2 == 0 {
            out[(k / 2) as usize].add_assign_ref(&c);
        } else {
            out[(((k + h) % n) / 2) as usize].sub_assign_ref(&c);
        }
    }
    out
}

/// Rewrite a dense vector (`v[k]` = coefficient of `zeta_n^k`, `n ≢ 2 mod 4`) on the
/// Zumbroich basis, in place. `O(n * sum_p p)`.
pub(crate) fn dense_to_basis<C: Coef>(n: u64, v: &mut [C]) {
    let f = field(n);
    for part in &f.parts {
        let step = n / part.p;
        for k in 0..n {
            if v[k as usize].is_zero() || !f.excluded_by(part, k) {
                continue;
            }
            let c = std::mem::replace(&mut v[k as usize], C::zero());
            if part.p == 2 {
                v[((k + step) % n) as usize].sub_assign_ref(&c);
            } else {
                for t in 1..part.p {
                    v[((k + t * step) % n) as usize].sub_assign_ref(&c);
                }
            }
        }
    }
}

/// The exponents `k` (ascending) of the Zumbroich basis `{E(n)^k}` of `Q(E(n))`, for
/// `n ≢ 2 mod 4` (for `n ≡ 2 mod 4` the field is `Q(E(n/2))`; this returns `None`).
///
/// Arguments: `n >= 1`. Returns `phi(n)` exponents. Complexity `O(n * omega(n))`.
///
/// Reference: GAP's `ZumbroichBase(n, 1)`; T. Breuer, *Integral bases for subfields of
/// cyclotomic fields*, AAECC 8 (1997).
///
/// ```
/// use plrep::arith::zumbroich::zumbroich_basis;
/// assert_eq!(zumbroich_basis(9), Some(vec![2, 3, 4, 5, 6, 7]));
/// assert_eq!(zumbroich_basis(12), Some(vec![4, 7, 8, 11]));
/// assert_eq!(zumbroich_basis(6), None);
/// ```
pub fn zumbroich_basis(n: u64) -> Option<Vec<u64>> {
    if n == 0 || n % 4 == 2 {
        return None;
    }
    let f = field(n);
    Some((0..n).filter(|k| f.is_basis(*k)).collect())
}

/// Sort by exponent, add up equal exponents, drop zeros.
pub(crate) fn merge_terms<C: Coef>(mut t: Vec<(u64, C)>) -> Vec<(u64, C)> {
    t.sort_by_key(|x| x.0);
    let mut out: Vec<(u64, C)> = Vec::with_capacity(t.len());
    for (k, c) in t {
        match out.last_mut() {
            Some((k0, c0)) if *k0 == k => c0.add_assign_ref(&c),
            _ => {
                if let Some((_, c0)) = out.last() {
                    if c0.is_zero() {
                        out.pop();
                    }
                }
                out.push((k, c));
            }
        }
    }
    if let Some((_, c0)) = out.last() {
        if c0.is_zero() {
            out.pop();
        }
    }
    out
}

/// Rewrite a sparse sum `sum c zeta_n^k` (exponents `< n`, any order, repeats allowed) on
/// the Zumbroich basis of `Q(zeta_n')`, where `n' = n` or `n/2` if `n ≡ 2 mod 4`. Returns
/// `(n', sorted terms without zeros)`.
pub(crate) fn sparse_to_basis<C: Coef>(mut n: u64, mut t: Vec<(u64, C)>) -> (u64, Vec<(u64, C)>) {
    if n % 4 == 2 {
        let h = n / 2;
        for (k, c) in t.iter_mut() {
            if *k % 2 == 1 {
                *k = (*k + h) % n;
                *c = c.neg_ref();
            }
            *k /= 2;
        }
        n = h;
    }
    let f = field(n);
    for part in &f.parts {
        if !t.iter().any(|(k, _)| f.excluded_by(part, *k)) {
            continue;
        }
        let step = n / part.p;
        let mut out = Vec::with_capacity(t.len() * 2);
        for (k, c) in t {
            if !f.excluded_by(part, k) {
                out.push((k, c));
            } else if part.p == 2 {
                out.push(((k + step) % n, c.neg_ref()));
            } else {
                let m = c.neg_ref();
                for s in 1..part.p {
                    out.push(((k + s * step) % n, m.clone()));
                }
            }
        }
        // Merge now so cancellations do not multiply through the later primes.
        t = merge_terms(out);
    }
    (n, merge_terms(t))
}

/// Reduce a basis representation (`n ≢ 2 mod 4`, sorted, no zeros) to the smallest
/// conductor. Exact characterisation (from the tensor structure of the basis):
/// * `p^2 | n`: the value lies in `Q(zeta_{n/p})` iff every exponent is divisible by `p`;
/// * `p || n`, `p` odd: writing `zeta_n^k = zeta_p^a zeta_{n/p}^b`, it lies in
///   `Q(zeta_{n/p})` iff for each `b` all `a = 1..p-1` occur with one common coefficient
///   `c`, and then the part equals `-c zeta_{n/p}^b`.
pub(crate) fn reduce_conductor<C: Coef>(mut n: u64, mut t: Vec<(u64, C)>) -> (u64, Vec<(u64, C)>) {
    if t.is_empty() {
        return (1, t);
    }
    let parts = field(n).parts.clone();
    for part in parts {
        let p = part.p;
        loop {
            if n % p != 0 {
                break;
            }
            if n % (p * p) == 0 {
                if !t.iter().all(|(k, _)| k % p == 0) {
                    break;
                }
                for (k, _) in t.iter_mut() {
                    *k /= p;
                }
                n /= p;
                if n % 4 == 2 {
                    // Only after dividing 4m (m odd) by 2: the exponents were then 0 mod 4.
                    for (k, _) in t.iter_mut() {
                        debug_assert!(*k % 2 == 0);
                        *k /= 2;
                    }
                    n /= 2;
                }
                continue;
            }
            // p || n, p odd.
            if t.len() % (p as usize - 1) != 0 {
                break;
            }
            let m = n / p;
            let pinv = inv_mod(p, m);
            let mut keyed: Vec<(u64, u64, C)> = t
                .iter()
                .map(|(k, c)| ((k % m) * pinv % m, *k, c.clone()))
                .collect();
            keyed.sort_by_key(|x| (x.0, x.1));
            let group = p as usize - 1;
            let mut ok = true;
            let mut out = Vec::with_capacity(keyed.len() / group);
            for chunk in keyed.chunks(group) {
                let b = chunk[0].0;
                if chunk.iter().any(|x| x.0 != b || x.2 != chunk[0].2) {
                    ok = false;
                    break;
                }
                out.push((b, chunk[0].2.neg_ref()));
            }
            if !ok {
                break;
            }
            // Distinct exponents with the same b have distinct a (all nonzero), so a full
            // group is exactly a = 1..p-1. Output is sorted by b already.
            t = out;
            n = m;
            break;
        }
    }
    if n == 1 {
        debug_assert!(t.len() == 1 && t[0].0 == 0);
    }
    (n, t)
}
