//! The Dixon–Schneider algorithm over a prime field, and the exact lift of its values to
//! sums of roots of unity.
//!
//! 1. Choose a prime `p ≡ 1 (mod e)` with `p > 2 sqrt|G|` (`e` the exponent): then every
//!    central character `omega_chi(K_j) = |C_j| chi(g_j) / chi(1)` reduces into `F_p`,
//!    distinct irreducibles have distinct reductions, and `F_p` contains the `e`-th roots
//!    of unity (Dixon 1967, §3).
//! 2. The vectors `omega_chi` are the common eigenvectors of the class matrices `M_j`
//!    ([`ClassInfo::class_matrix`]). Starting from `F_p^k` (minus the characters already
//!    known), split every space into the eigenspaces of the next class matrix restricted
//!    to it, smallest classes first (one matrix costs `|C_j| k` products), until every
//!    space is one-dimensional (Schneider 1990: only the "active" columns are computed).
//!    Eigenvalues are the roots of the characteristic polynomial of the restricted matrix,
//!    found by Cantor–Zassenhaus ([`poly::roots`]).
//! 3. A one-dimensional space gives `omega` (normalised to 1 on the identity), the degree
//!    from `sum_i omega_i omega_{i*} / |C_i| = |G| / chi(1)^2`, and the values
//!    `chi(g_i) = omega_i chi(1) / |C_i|`.
//! 4. Every character found brings its Galois conjugates (`chi^(t)(g) = chi(g^t)`) and its
//!    products with the linear characters for free; they are projected out of the
//!    remaining spaces with the orthogonality relations: `f_psi(v) = sum_i v_i psi(g_{i*})`
//!    vanishes on `omega_chi` for `chi != psi` and not on `omega_psi`.
//! 5. The exact lift ([`lift`]): for `g` of order `m`, the residues of `chi(g^l)` give by a
//!    discrete Fourier transform over `Z/m` the multiplicity `n_s` of the eigenvalue
//!    `zeta_m^s` of `rho(g)`; as `0 <= n_s <= chi(1) < p`, the residue is the integer, and
//!    `chi(g) = sum_s n_s zeta_m^s` exactly.
//!
//! References: J. D. Dixon, *High speed computation of group characters*, Numer. Math. 10
//! (1967) 446–450; G. J. A. Schneider, *Dixon's character table algorithm revisited*,
//! J. Symbolic Comput. 9 (1990) 601–606; the GAP manual, §71.14 (`IrrDixonSchneider`).
//!
//! Size: one algorithm (Dixon–Schneider modulo p and its lift) with its unit tests
//! (about 60 lines of the file).

use super::rootsum::RootSum;
use super::structure::{ClassInfo, StructureRows, StructureSource};
use crate::arith::modp::{linalg, poly, prime_congruent_one, PrimeField};
use crate::arith::ntheory::gcd;
use crate::error::{Error, Result};
use std::collections::{HashMap, HashSet};

/// A character reduced modulo `p`: its degree and its values on the classes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModCharacter {
    /// `chi(1)`.
    pub degree: u64,
    /// `chi(g_i) mod p`.
    pub values: Vec<u64>,
    /// How it was found (so that the lift can reuse the lift of its parents).
    pub origin: Origin,
}

/// How a character was found by [`dixon_schneider_mod_p`]; parents are indices into the
/// list of characters, always smaller than the child's index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// From a one-dimensional common eigenspace (or the trivial character).
    Direct,
    /// `chi(g) = parent(g^t)`, `t` coprime to the exponent.
    Galois { parent: usize, t: u64 },
    /// The product of two characters, one of them linear.
    Product { a: usize, b: usize },
}

/// The result of Dixon–Schneider modulo `p`.
#[derive(Clone, Debug)]
pub struct ModularTable {
    /// The prime field used.
    pub field: PrimeField,
    /// The image of `zeta_e = E(e)` in `F_p`.
    pub zeta: u64,
    /// All irreducible characters reduced mod `p` (in the order found).
    pub characters: Vec<ModCharacter>,
    /// The classes whose matrices were computed ("active columns").
    pub columns_used: Vec<usize>,
}

/// A subspace of `F_p^k` spanned by central characters: basis rows in reduced echelon
/// form (so the coordinates of a vector of the space are its entries at the pivots).
#[derive(Clone, Debug)]
struct Space {
    rows: Vec<Vec<u64>>,
    pivots: Vec<usize>,
    /// Classes whose matrices were tried on this space or an ancestor (they act as
    /// scalars on it).
    tried: Vec<bool>,
}

impl Space {
    /// The vectors `Σ_r c_r rows[r]` (length `k`) for coordinate vectors `c` in the basis
    /// of this space (a null space computed in coordinates, back in class coordinates).
    fn combinations(&self, f: &PrimeField, coords: &[Vec<u64>], k: usize) -> Vec<Vec<u64>> {
        coords
            .iter()
            .map(|c| {
                let mut v = vec![0u64; k];
                for (r, &cr) in c.iter().enumerate() {
                    if cr != 0 {
                        for t in 0..k {
                            v[t] = f.mul_add(cr, self.rows[r][t], v[t]);
                        }
                    }
                }
                v
            })
            .collect()
    }

    /// The space spanned by `rows`, in reduced echelon form with the columns taken in
    /// `order` (pivots as early in `order` as possible: the smallest classes, whose
    /// class matrix rows are the cheapest to count).
    fn new(k: &PrimeField, rows: Vec<Vec<u64>>, tried: Vec<bool>, order: &[usize]) -> Self {
        let mut permuted: Vec<Vec<u64>> = rows
            .iter()
            .map(|r| order.iter().map(|&c| r[c]).collect())
            .collect();
        let pivots = linalg::rref(k, &mut permuted);
        let rows = permuted
            .iter()
            .map(|p| {
                let mut r = vec![0u64; p.len()];
                for (&c, &x) in order.iter().zip(p) {
                    r[c] = x;
                }
                r
            })
            .collect();
        Space {
            rows,
            pivots: pivots.iter().map(|&p| order[p]).collect(),
            tried,
        }
    }

    /// Whether `v` lies in the space (compare with its expansion in the echelon basis).
    fn has(&self, f: &PrimeField, v: &[u64]) -> bool {
        let mut w = vec![0u64; v.len()];
        for (b, &p) in self.rows.iter().zip(&self.pivots) {
            let c = v[p];
            if c != 0 {
                for t in 0..v.len() {
                    w[t] = f.mul_add(c, b[t], w[t]);
                }
            }
        }
        w == v
    }
    fn dim(&self) -> usize {
        self.rows.len()
    }
}

/// The smallest `p ≡ 1 (mod e)` with `p > 2 sqrt|G|` (and `p > 100`, so that small groups
/// still have room for the splitting shifts).
pub fn choose_prime(order: u64, exponent: u64) -> u64 {
    let bound = 2 * ((order as f64).sqrt().ceil() as u64 + 1);
    prime_congruent_one(exponent, bound.max(100))
}

/// Generators of the unit group `(Z/e)^*` (greedy: add units until the generated subgroup
/// is everything). `O(e * number of generators)`.
pub fn unit_group_generators(e: u64) -> Vec<u64> {
    if e <= 2 {
        return Vec::new();
    }
    let n_units = (1..e).filter(|&t| gcd(t, e) == 1).count();
    let mut in_group = vec![false; e as usize];
    in_group[1] = true;
    let mut gens = Vec::new();
    let mut size = 1;
    for t in 2..e {
        if size == n_units {
            break;
        }
        if gcd(t, e) != 1 || in_group[t as usize] {
            continue;
        }
        gens.push(t);
        // The subgroup generated so far, by breadth-first search from 1.
        in_group.iter_mut().for_each(|x| *x = false);
        in_group[1] = true;
        let mut elements = vec![1u64];
        let mut i = 0;
        while i < elements.len() {
            for &g in &gens {
                let y = elements[i] * g % e;
                if !in_group[y as usize] {
                    in_group[y as usize] = true;
                    elements.push(y);
                }
            }
            i += 1;
        }
        size = elements.len();
    }
    gens
}

struct Ds<'a, G: StructureSource> {
    group: &'a G,
    ci: &'a ClassInfo,
    f: PrimeField,
    inverse: Vec<usize>,
    /// Column order: non-identity classes by size (then index).
    col_order: Vec<usize>,
    /// All classes by size (then index): the order in which pivots are chosen.
    pivot_order: Vec<usize>,
    /// Rows of class matrices computed so far (mod p), by class then row.
    matrices: HashMap<usize, Vec<Option<Vec<u64>>>>,
    galois_gens: Vec<u64>,
    found: Vec<ModCharacter>,
    found_set: HashSet<Vec<u64>>,
    linear: Vec<usize>,
    /// `|C_i|^-1 mod p`.
    size_inv: Vec<u64>,
    columns_used: Vec<usize>,
    /// Integer class matrix rows (kept for the verification).
    rows: &'a mut StructureRows,
}

impl<'a, G: StructureSource> Ds<'a, G> {
    /// Row `i` of the class matrix `M_j` mod p (computed on first use: `|C_j|` products).
    fn matrix_row(&mut self, j: usize, i: usize) -> Result<&Vec<u64>> {
        let k = self.ci.len();
        if let std::collections::hash_map::Entry::Vacant(slot) = self.matrices.entry(j) {
            slot.insert(vec![None; k]);
            self.columns_used.push(j);
        }
        if self.matrices[&j][i].is_none() {
            let f = self.f;
            let row = self
                .rows
                .row(self.group, self.ci, j, i)?
                .iter()
                .map(|&x| f.from_u64(x))
                .collect();
            self.matrices.get_mut(&j).unwrap()[i] = Some(row);
        }
        Ok(self.matrices[&j][i].as_ref().unwrap())
    }

    /// The matrix of `M_j` restricted to the invariant space `sp`, in the coordinates
    /// given by the pivots: `a[r][c] = (M_j b_c)[pivot_r]`. Needs only the rows of `M_j`
    /// at the pivots. `O(d^2 k)` field operations.
    fn restrict(&mut self, j: usize, sp: &Space) -> Result<Vec<Vec<u64>>> {
        let f = self.f;
        let mut out = Vec::with_capacity(sp.dim());
        for &pr in &sp.pivots {
            let row = self.matrix_row(j, pr)?.clone();
            out.push(sp.rows.iter().map(|b| linalg::dot(&f, &row, b)).collect());
        }
        Ok(out)
    }

    /// `omega_psi(K_j)`.
    fn omega(&self, psi: &ModCharacter, j: usize) -> u64 {
        let f = self.f;
        f.mul(
            f.mul(f.from_u64(self.ci.sizes[j]), psi.values[j]),
            f.inv(f.from_u64(psi.degree)),
        )
    }

    /// The character of a one-dimensional space spanned by `v`.
    fn resolve(&self, v: &[u64]) -> Result<ModCharacter> {
        let f = self.f;
        let k = self.ci.len();
        if v[0] == 0 {
            return Err(Error::verification(
                "Dixon-Schneider: eigenvector vanishes at the identity class",
            ));
        }
        let n0 = f.inv(v[0]);
        let omega: Vec<u64> = v.iter().map(|&x| f.mul(x, n0)).collect();
        let mut s = 0;
        for i in 0..k {
            s = f.add(
                s,
                f.mul(f.mul(omega[i], omega[self.inverse[i]]), self.size_inv[i]),
            );
        }
        if s == 0 {
            return Err(Error::verification(
                "Dixon-Schneider: zero norm of a central character",
            ));
        }
        let target = f.mul(f.from_u64(self.ci.order), f.inv(s));
        let bound = (self.ci.order as f64).sqrt() as u64 + 1;
        let degree = (1..=bound)
            .find(|&d| d * d <= self.ci.order && f.mul(f.from_u64(d), f.from_u64(d)) == target)
            .ok_or_else(|| {
                Error::verification("Dixon-Schneider: no degree fits the central character")
            })?;
        let dm = f.from_u64(degree);
        let values = (0..k)
            .map(|i| f.mul(f.mul(omega[i], dm), self.size_inv[i]))
            .collect();
        Ok(ModCharacter {
            degree,
            values,
            origin: Origin::Direct,
        })
    }

    fn galois(&self, parent: usize, t: u64) -> ModCharacter {
        let chi = &self.found[parent];
        let values = (0..self.ci.len())
            .map(|i| chi.values[self.ci.power(i, t as i64)])
            .collect();
        ModCharacter {
            degree: chi.degree,
            values,
            origin: Origin::Galois { parent, t },
        }
    }

    fn product(&self, ia: usize, ib: usize) -> ModCharacter {
        let f = self.f;
        let (a, b) = (&self.found[ia], &self.found[ib]);
        ModCharacter {
            degree: a.degree * b.degree,
            values: a
                .values
                .iter()
                .zip(&b.values)
                .map(|(&x, &y)| f.mul(x, y))
                .collect(),
            origin: Origin::Product { a: ia, b: ib },
        }
    }

    /// Add `chi` with everything it brings for free (Galois conjugates, products with
    /// linear characters); returns the characters that are new.
    fn add_closure(&mut self, chi: ModCharacter) -> Vec<ModCharacter> {
        let mut new = Vec::new();
        let mut work = vec![chi];
        while let Some(c) = work.pop() {
            if self.found_set.contains(&c.values) {
                continue;
            }
            self.found_set.insert(c.values.clone());
            let me = self.found.len();
            let linear = c.degree == 1;
            self.found.push(c.clone());
            new.push(c);
            for &t in &self.galois_gens {
                work.push(self.galois(me, t));
            }
            if linear {
                for i in 0..=me {
                    work.push(self.product(me, i));
                }
                self.linear.push(me);
            } else {
                for &l in &self.linear {
                    work.push(self.product(me, l));
                }
            }
        }
        new
    }

    /// The next class whose matrix to try on `sp`: the first untried class in the column
    /// order, except that a small space invariant under a Galois permutation
    /// `P_t: v -> (v_{class(g_i^t)})_i` that moves it contains Galois-conjugate characters,
    /// which agree on the classes fixed by `g -> g^t`: those classes are passed over.
    fn next_column(&self, sp: &Space) -> Option<usize> {
        let mut moving: Vec<u64> = Vec::new();
        // Only for spaces that came out of a split (the whole space is always invariant).
        if sp.dim() <= 16 && sp.tried.iter().any(|&x| x) {
            for &t in &self.galois_gens {
                if self.moved_by(sp, t).is_some() {
                    moving.push(t);
                }
            }
        }
        let mut untried = self.col_order.iter().copied().filter(|&j| !sp.tried[j]);
        let first = untried.next()?;
        // A moved class is preferred only among the cheapest (equal size): a smaller
        // class that splits the space into Galois pairs is cheaper than an irrational
        // class matrix (M24: 2B of 31878 elements against 7A of 5829120).
        if !moving.is_empty() {
            let size = self.ci.sizes[first];
            if let Some(j) = std::iter::once(first)
                .chain(untried)
                .take_while(|&j| self.ci.sizes[j] == size)
                .find(|&j| moving.iter().any(|&t| self.ci.power(j, t as i64) != j))
            {
                return Some(j);
            }
        }
        Some(first)
    }

    /// The images `P_t b` of the rows of `sp` when the Galois permutation `P_t` moves the
    /// space but keeps it invariant (the case [`Self::next_column`] and
    /// [`Self::galois_split`] look for), else `None`. `O(dim · k)`.
    fn moved_by(&self, sp: &Space, t: u64) -> Option<Vec<Vec<u64>>> {
        let k = self.ci.len();
        let images: Vec<Vec<u64>> = sp
            .rows
            .iter()
            .map(|b| (0..k).map(|i| b[self.ci.power(i, t as i64)]).collect())
            .collect();
        let moves = images.iter().zip(&sp.rows).any(|(v, b)| v != b);
        (moves && images.iter().all(|v| sp.has(&self.f, v))).then_some(images)
    }

    /// The character of one of the two central characters of a two-dimensional space
    /// that a Galois permutation `P_t` moves (then the two are `omega_chi` and
    /// `omega_(chi^t) = P_t omega_chi`), without a class matrix: with `s = omega_chi +
    /// omega_(chi^t)` spanning the fixed line of `P_t` and `d` the line it negates,
    /// `omega_chi = (s + mu d) / 2` where `mu^2 = B(s, s) / B(d, d)`, `B(u, v) = sum_i u_i
    /// v_(i*) / |C_i|` (the orthogonality relations; docs/theory.md §19). Either root
    /// gives one of the two characters. `None` when the space is not of that kind (or a
    /// degenerate residue), and the ordinary splitting runs. `O(k)` per generator `t`.
    fn galois_split(&self, sp: &Space) -> Option<ModCharacter> {
        let f = self.f;
        let k = self.ci.len();
        if sp.dim() != 2 || !sp.tried.iter().any(|&x| x) {
            return None;
        }
        let form = |u: &[u64], v: &[u64]| {
            (0..k).fold(0, |acc, i| {
                f.add(
                    acc,
                    f.mul(f.mul(u[i], v[self.inverse[i]]), self.size_inv[i]),
                )
            })
        };
        for &t in &self.galois_gens {
            let Some(images) = self.moved_by(sp, t) else {
                continue;
            };
            // P_t swaps the two characters: fixed and negated vectors of the space.
            let fixed = sp
                .rows
                .iter()
                .zip(&images)
                .map(|(b, v)| b.iter().zip(v).map(|(&x, &y)| f.add(x, y)).collect())
                .find(|u: &Vec<u64>| u.iter().any(|&x| x != 0))?;
            let negated = sp
                .rows
                .iter()
                .zip(&images)
                .map(|(b, v)| b.iter().zip(v).map(|(&x, &y)| f.sub(x, y)).collect())
                .find(|u: &Vec<u64>| u.iter().any(|&x| x != 0))?;
            if fixed[0] == 0 {
                return None;
            }
            // s with s_1 = 2 (omega is 1 on the identity class).
            let scale = f.mul(2, f.inv(fixed[0]));
            let s: Vec<u64> = fixed.iter().map(|&x| f.mul(x, scale)).collect();
            let bdd = form(&negated, &negated);
            if bdd == 0 {
                return None;
            }
            let mu = f.sqrt(f.mul(form(&s, &s), f.inv(bdd)))?;
            if mu == 0 {
                return None;
            }
            let v: Vec<u64> = s
                .iter()
                .zip(&negated)
                .map(|(&a, &b)| f.add(a, f.mul(mu, b)))
                .collect();
            return self.resolve(&v).ok();
        }
        None
    }

    /// Whether the central character of `psi` lies in the space (`f_psi` does not vanish
    /// on it). `O(d k)`.
    fn contains(&self, sp: &Space, psi: &ModCharacter) -> bool {
        let f = self.f;
        let func: Vec<u64> = (0..self.ci.len())
            .map(|i| psi.values[self.inverse[i]])
            .collect();
        sp.rows.iter().any(|b| linalg::dot(&f, &func, b) != 0)
    }

    /// Remove the characters `chars` from the space: intersect with the kernels of their
    /// functionals `f_psi`. Returns the characters that were in the space.
    fn remove_from(&self, sp: &mut Space, chars: &[ModCharacter]) -> Vec<usize> {
        let f = self.f;
        let mut rows_f: Vec<Vec<u64>> = Vec::new();
        let mut inside = Vec::new();
        for (idx, psi) in chars.iter().enumerate() {
            let func: Vec<u64> = (0..self.ci.len())
                .map(|i| psi.values[self.inverse[i]])
                .collect();
            let coords: Vec<u64> = sp.rows.iter().map(|b| linalg::dot(&f, &func, b)).collect();
            if coords.iter().any(|&x| x != 0) {
                rows_f.push(coords);
                inside.push(idx);
            }
        }
        if rows_f.is_empty() {
            return inside;
        }
        let d = sp.dim();
        let ns = linalg::nullspace(&f, &rows_f, d);
        let rows = sp.combinations(&f, &ns, self.ci.len());
        *sp = Space::new(&f, rows, std::mem::take(&mut sp.tried), &self.pivot_order);
        inside
    }
}

/// Run Dixon–Schneider modulo a prime: all irreducible characters reduced mod `p`.
///
/// # Arguments
/// * `group` — the group operations on element indices;
/// * `ci` — its class data ([`ClassInfo`]).
///
/// # Returns
/// The prime field, the image of `E(e)`, the characters mod `p` (as many as classes), and
/// the class matrices used. Errors with [`Error::Verification`] if the splitting does not
/// end in `k` characters (impossible for a correct group and class data).
///
/// # Complexity
/// `sum_{j used} |C_j| k` group products for the class matrices, plus `O(k^3)` field
/// operations per splitting round and `O(k^3)` for the projections.
pub fn dixon_schneider_mod_p(group: &impl StructureSource, ci: &ClassInfo) -> Result<ModularTable> {
    dixon_schneider_with_rows(group, ci, &mut StructureRows::default())
}

/// [`dixon_schneider_mod_p`] recording the class matrix rows it computes in `rows`.
///
/// The first prime is [`choose_prime`]; should the splitting fail with it (it cannot for
/// correct class data, by Dixon's bound), up to two larger primes `≡ 1 (mod e)` are tried
/// before the error is returned.
pub fn dixon_schneider_with_rows(
    group: &impl StructureSource,
    ci: &ClassInfo,
    rows: &mut StructureRows,
) -> Result<ModularTable> {
    let mut p = choose_prime(ci.order, ci.exponent);
    let mut last_err = None;
    for _ in 0..3 {
        match dixon_schneider_at(group, ci, rows, p) {
            Ok(t) => return Ok(t),
            Err(err) => last_err = Some(err),
        }
        p = prime_congruent_one(ci.exponent, p.saturating_mul(16));
    }
    Err(last_err.expect("at least one attempt"))
}

/// Dixon–Schneider with the prime `p` (`p ≡ 1 mod e`).
fn dixon_schneider_at(
    group: &impl StructureSource,
    ci: &ClassInfo,
    rows: &mut StructureRows,
    p: u64,
) -> Result<ModularTable> {
    let f = PrimeField::new(p);
    let k = ci.len();
    let inverse = ci.inverse();
    let mut col_order: Vec<usize> = (1..k).collect();
    // Cheapest first; among equal sizes prefer large element orders, whose class sums
    // take more distinct values on the characters (so split more).
    col_order.sort_by_key(|&j| (ci.sizes[j], std::cmp::Reverse(ci.orders[j]), j));
    let size_inv = ci.sizes.iter().map(|&s| f.inv(f.from_u64(s))).collect();
    let mut ds = Ds {
        group,
        ci,
        f,
        inverse,
        pivot_order: std::iter::once(0)
            .chain(col_order.iter().copied())
            .collect(),
        col_order,
        matrices: HashMap::new(),
        galois_gens: unit_group_generators(ci.exponent),
        found: Vec::new(),
        found_set: HashSet::new(),
        linear: Vec::new(),
        size_inv,
        columns_used: Vec::new(),
        rows,
    };
    let identity: Vec<Vec<u64>> = (0..k)
        .map(|i| (0..k).map(|j| u64::from(i == j)).collect())
        .collect();
    let mut stack = vec![Space::new(&f, identity, vec![false; k], &ds.pivot_order)];
    let trivial = ModCharacter {
        degree: 1,
        values: vec![1; k],
        origin: Origin::Direct,
    };
    let new = ds.add_closure(trivial);
    for sp in stack.iter_mut() {
        ds.remove_from(sp, &new);
    }

    while let Some(mut sp) = stack.pop() {
        if sp.dim() == 0 {
            continue;
        }
        if sp.dim() == 1 {
            let chi = ds.resolve(&sp.rows[0])?;
            let new = ds.add_closure(chi);
            for other in stack.iter_mut() {
                ds.remove_from(other, &new);
            }
            continue;
        }
        // A Galois-conjugate pair: split by the orthogonality relations, without the
        // class matrix of an irrational class (docs/theory.md §19).
        if let Some(chi) = ds.galois_split(&sp) {
            let new = ds.add_closure(chi);
            if new.iter().filter(|psi| ds.contains(&sp, psi)).count() == 2 {
                for other in stack.iter_mut() {
                    ds.remove_from(other, &new);
                }
                continue;
            }
            return Err(Error::verification(
                "Dixon-Schneider: the Galois split of a pair missed a character",
            ));
        }
        // Split sp by the next class matrix that does not act as a scalar on it.
        loop {
            let Some(j) = ds.next_column(&sp) else {
                return Err(Error::verification(format!(
                    "Dixon-Schneider: a space of dimension {} does not split mod {p}",
                    sp.dim()
                )));
            };
            sp.tried[j] = true;
            let a = ds.restrict(j, &sp)?;
            let d = sp.dim();
            let scalar = (0..d).all(|r| {
                (0..d).all(|c| {
                    if r == c {
                        a[r][c] == a[0][0]
                    } else {
                        a[r][c] == 0
                    }
                })
            });
            if scalar {
                continue;
            }
            let cp = linalg::charpoly(&f, &a);
            let roots = poly::roots(&f, &cp);
            let mults: Vec<usize> = roots
                .iter()
                .map(|&r| poly::root_multiplicity(&f, &cp, r))
                .collect();
            if mults.iter().sum::<usize>() != d {
                return Err(Error::verification(
                    "Dixon-Schneider: a class matrix does not split over F_p",
                ));
            }
            // The eigenspaces are taken in the original space (no re-restriction): a
            // character found here brings its conjugates, whose eigenvalues are then
            // skipped when all characters with that eigenvalue in `sp` are known.
            let mut removed: HashMap<u64, usize> = HashMap::new();
            for (&lambda, &mult) in roots.iter().zip(&mults) {
                if removed.get(&lambda).copied().unwrap_or(0) >= mult {
                    continue;
                }
                let shifted: Vec<Vec<u64>> = (0..d)
                    .map(|r| {
                        (0..d)
                            .map(|c| {
                                if r == c {
                                    f.sub(a[r][c], lambda)
                                } else {
                                    a[r][c]
                                }
                            })
                            .collect()
                    })
                    .collect();
                let coords = linalg::nullspace(&f, &shifted, d);
                let vecs = sp.combinations(&f, &coords, k);
                let mut e_space = Space::new(&f, vecs, sp.tried.clone(), &ds.pivot_order);
                if removed.contains_key(&lambda) {
                    // drop the characters of this eigenvalue found meanwhile
                    let known: Vec<ModCharacter> = ds
                        .found
                        .iter()
                        .filter(|psi| ds.omega(psi, j) == lambda)
                        .cloned()
                        .collect();
                    ds.remove_from(&mut e_space, &known);
                }
                match e_space.dim() {
                    0 => {}
                    1 => {
                        let chi = ds.resolve(&e_space.rows[0])?;
                        let new = ds.add_closure(chi);
                        for other in stack.iter_mut() {
                            ds.remove_from(other, &new);
                        }
                        for psi in &new {
                            let w = ds.omega(psi, j);
                            if roots.binary_search(&w).is_ok() && ds.contains(&sp, psi) {
                                *removed.entry(w).or_insert(0) += 1;
                            }
                        }
                    }
                    _ => stack.push(e_space),
                }
            }
            break;
        }
    }
    if ds.found.len() != k {
        return Err(Error::verification(format!(
            "Dixon-Schneider found {} characters for {k} classes",
            ds.found.len()
        )));
    }
    let zeta = f.root_of_unity(ci.exponent);
    Ok(ModularTable {
        field: f,
        zeta,
        characters: ds.found,
        columns_used: ds.columns_used,
    })
}

/// For every class `i`, its rational class: the leader `l` (the smallest class index
/// among the classes of the generators of `<g_i>`) and an exponent `t` coprime to the
/// order with `g_i ~ g_l^t`.
pub fn rational_classes(ci: &ClassInfo) -> Vec<(usize, u64)> {
    let k = ci.len();
    let mut out = vec![(usize::MAX, 0u64); k];
    for c in 0..k {
        if out[c].0 != usize::MAX {
            continue;
        }
        let m = ci.orders[c];
        for t in 1..=m {
            if gcd(t % m, m) != 1 && m != 1 {
                continue;
            }
            let c2 = ci.powers()[c][(t % m) as usize] as usize;
            if out[c2].0 == usize::MAX {
                out[c2] = (c, t % m);
            }
        }
    }
    out
}

/// The exact lift: each character mod `p` as sums of roots of unity on every class.
///
/// For a rational-class leader `g` of order `m` (`zeta_m -> z^(e/m)`), the multiplicity of
/// the eigenvalue `zeta_m^s` is `n_s = m^-1 sum_l chi(g^l) zeta_m^(-ls)`; it is checked to
/// lie in `0..=chi(1)` (then it is the integer itself, as `chi(1) < p`) and the `n_s` to
/// add up to `chi(1)`. A class `g^t` of the same rational class gets the exponents `s t`.
///
/// # Complexity
/// `O(sum over rational classes of m^2)` field operations per character.
pub fn lift(ci: &ClassInfo, table: &ModularTable) -> Result<Vec<Vec<RootSum>>> {
    let f = table.field;
    let e = ci.exponent;
    let k = ci.len();
    let rat = rational_classes(ci);
    let leaders: Vec<usize> = (0..k).filter(|&c| rat[c].0 == c).collect();
    // Per leader: the table of zeta_m^(-t).
    let tables: HashMap<usize, Vec<u64>> = leaders
        .iter()
        .map(|&c| {
            let m = ci.orders[c];
            let zm_inv = f.inv(f.pow(table.zeta, e / m));
            let mut pw = Vec::with_capacity(m as usize);
            let mut cur = 1;
            for _ in 0..m {
                pw.push(cur);
                cur = f.mul(cur, zm_inv);
            }
            (c, pw)
        })
        .collect();
    let mut out: Vec<Vec<RootSum>> = Vec::with_capacity(table.characters.len());
    for chi in &table.characters {
        match chi.origin {
            Origin::Galois { parent, t } => {
                let row = out[parent].iter().map(|r| r.galois(t as i64)).collect();
                out.push(row);
                continue;
            }
            Origin::Product { a, b } => {
                let row = out[a].iter().zip(&out[b]).map(|(x, y)| x.mul(y)).collect();
                out.push(row);
                continue;
            }
            Origin::Direct => {}
        }
        let mut leader_mult: HashMap<usize, Vec<i64>> = HashMap::new();
        for &c in &leaders {
            let m = ci.orders[c] as usize;
            let pw = &tables[&c];
            let vals: Vec<u64> = (0..m)
                .map(|l| chi.values[ci.powers()[c][l] as usize])
                .collect();
            let m_inv = f.inv(f.from_u64(m as u64));
            let mut mult = vec![0i64; m];
            let mut total = 0u64;
            for (s, slot) in mult.iter_mut().enumerate() {
                let mut acc = 0u64;
                let mut idx = 0usize;
                for &v in &vals {
                    acc = f.mul_add(v, pw[idx], acc);
                    idx += s;
                    if idx >= m {
                        idx -= m;
                    }
                }
                let n = f.mul(acc, m_inv);
                if n > chi.degree {
                    return Err(Error::verification(format!(
                        "lift: eigenvalue multiplicity residue {n} exceeds the degree {}",
                        chi.degree
                    )));
                }
                *slot = n as i64;
                total += n;
            }
            if total != chi.degree {
                return Err(Error::verification(
                    "lift: eigenvalue multiplicities do not add up to the degree",
                ));
            }
            leader_mult.insert(c, mult);
        }
        let row: Vec<RootSum> = (0..k)
            .map(|c| {
                let (l, t) = rat[c];
                let mult = &leader_mult[&l];
                let m = mult.len() as u64;
                RootSum::from_terms(
                    m,
                    mult.iter()
                        .enumerate()
                        .filter(|(_, &n)| n != 0)
                        .map(|(s, &n)| (s as u64 * t % m, n))
                        .collect(),
                )
            })
            .collect();
        out.push(row);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::super::structure::brute::BruteGroup;
    use super::*;

    fn info(g: &BruteGroup) -> ClassInfo {
        let (class_of, reps, orders) = g.classes();
        ClassInfo::from_parts(g, class_of, reps, orders)
    }

    /// `PSL(2,7)` on 7 points: the pair `3, 3bar` (values `b7` on `7A`, `7B`) comes out of
    /// the Galois split, so no class matrix of an irrational class is computed, and the
    /// characters are those of the table (degrees 1, 3, 3, 6, 7, 8; `3` and `3bar` are
    /// Galois conjugates).
    #[test]
    fn galois_pair_split_without_irrational_columns() {
        let psl = crate::group::catalog::lookup("PSL(2,7)").unwrap();
        let gens: Vec<Vec<u32>> = psl
            .generators()
            .iter()
            .map(|p| p.images().to_vec())
            .collect();
        let g = BruteGroup::new(&gens);
        let ci = info(&g);
        let t = dixon_schneider_mod_p(&g, &ci).unwrap();
        let mut degs: Vec<u64> = t.characters.iter().map(|c| c.degree).collect();
        degs.sort();
        assert_eq!(degs, vec![1, 3, 3, 6, 7, 8]);
        // the non-real classes 7A, 7B are the irrational ones
        let irrational = |j: usize| ci.power(j, -1) != j;
        assert_eq!((0..ci.len()).filter(|&j| irrational(j)).count(), 2);
        assert!(
            t.columns_used.iter().all(|&j| !irrational(j)),
            "{:?}",
            t.columns_used
        );
        let threes: Vec<&ModCharacter> = t.characters.iter().filter(|c| c.degree == 3).collect();
        assert_ne!(threes[0].values, threes[1].values);
        let lifted = lift(&ci, &t).unwrap();
        assert_eq!(lifted.len(), 6);
    }

    #[test]
    fn units() {
        assert_eq!(unit_group_generators(12).len(), 2);
        assert_eq!(unit_group_generators(7), vec![2, 3]);
        assert!(unit_group_generators(2).is_empty());
    }

    #[test]
    fn s4_mod_p() {
        // S4 = <(0 1 2 3), (0 1)>
        let g = BruteGroup::new(&[vec![1, 2, 3, 0], vec![1, 0, 2, 3]]);
        let ci = info(&g);
        assert_eq!(ci.len(), 5);
        let t = dixon_schneider_mod_p(&g, &ci).unwrap();
        let mut degs: Vec<u64> = t.characters.iter().map(|c| c.degree).collect();
        degs.sort();
        assert_eq!(degs, vec![1, 1, 2, 3, 3]);
        let lifted = lift(&ci, &t).unwrap();
        for (row, chi) in lifted.iter().zip(&t.characters) {
            for v in row {
                assert_eq!(v.count(), chi.degree as i64, "{v}");
            }
        }
    }

    #[test]
    fn c5_and_q8_and_a5() {
        let c5 = BruteGroup::new(&[vec![1, 2, 3, 4, 0]]);
        let ci = info(&c5);
        let t = dixon_schneider_mod_p(&c5, &ci).unwrap();
        assert_eq!(t.characters.len(), 5);
        let lifted = lift(&ci, &t).unwrap();
        assert!(lifted.iter().flatten().all(|v| v.count() == 1));
        // Q8 as a regular permutation group on 8 points: i = (0 1 2 3)(4 5 6 7)-ish
        let q8 = BruteGroup::new(&[vec![1, 2, 3, 0, 7, 4, 5, 6], vec![4, 6, 5, 7, 2, 1, 3, 0]]);
        if q8.elements.len() == 8 {
            let ci = info(&q8);
            let t = dixon_schneider_mod_p(&q8, &ci).unwrap();
            let mut degs: Vec<u64> = t.characters.iter().map(|c| c.degree).collect();
            degs.sort();
            assert_eq!(degs, vec![1, 1, 1, 1, 2]);
        }
        let a5 = BruteGroup::new(&[vec![1, 2, 3, 4, 0], vec![1, 2, 0, 3, 4]]);
        assert_eq!(a5.elements.len(), 60);
        let ci = info(&a5);
        let t = dixon_schneider_mod_p(&a5, &ci).unwrap();
        let mut degs: Vec<u64> = t.characters.iter().map(|c| c.degree).collect();
        degs.sort();
        assert_eq!(degs, vec![1, 3, 3, 4, 5]);
        let lifted = lift(&ci, &t).unwrap();
        assert!(lifted.iter().flatten().any(|v| v.order() == 5));
    }
}
