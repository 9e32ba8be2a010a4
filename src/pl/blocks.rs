//! The block space `T(V_L)` (theory.md §7, T4): the solver's main non-edge certificate.
//!
//! For `V = V_L`, `Z` is the set of points where every `w` in `V` vanishes (zero rows of
//! `P_L`) and `x ≈ y` when the rows `P_L e_x`, `P_L e_y` are equal or opposite. Every
//! `|w|` lies in `T(V)` = functions vanishing on `Z` and constant on `≈`-classes; every
//! `sigma(w)` with `sigma(0) = 0` in `T⁺(V)` (equality classes only); for odd `sigma` in
//! `T^odd(V)` (spanned by the signed indicators `1_{C+} - 1_{C-}`). If `P_{L'}` kills a
//! spanning set of the relevant space, `w -> P_{L'} sigma(w)` vanishes on `V_L`.
//!
//! Rows are compared through the entries only, because `P_L` is an orthogonal projection:
//! `|P e_x - s P e_y|^2 = P[x][x] + P[y][y] - 2 s P[x][y]`; likewise `|P_{L'} u|^2 =
//! u^T P_{L'} u`, and a sum of such squares vanishes iff each does, so one exact scalar per
//! pair `(L, L')` decides the vanishing on the whole space.

use super::field::Field;
use super::projector::PlModule;
use serde::Serialize;
use std::sync::OnceLock;

/// Which space of functions the obstruction uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// `T(V)`: indicators of `≈`-classes (contains `|w|`).
    Abs,
    /// `T⁺(V)`: indicators of equality classes (contains `sigma(w)` for any `sigma(0) = 0`).
    Plus,
    /// `T^odd(V)`: signed indicators (contains `sigma(w)` for odd `sigma`).
    Odd,
}

impl BlockKind {
    /// `abs`, `plus` or `odd`.
    pub fn name(self) -> &'static str {
        match self {
            BlockKind::Abs => "abs",
            BlockKind::Plus => "plus",
            BlockKind::Odd => "odd",
        }
    }
}

/// The zero set and the `≈`-classes of an isotypic component `V_L`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockSpace {
    /// The simple `L` (index into the real simples).
    pub simple: usize,
    /// Points where every vector of `V_L` vanishes, ascending.
    pub zero_set: Vec<usize>,
    /// The `≈`-classes, each a list of `(point, sign)` with sign `+1` for points whose row
    /// equals the first member's row and `-1` for the opposite row; classes ordered by
    /// their first (smallest) point.
    pub classes: Vec<Vec<(usize, i8)>>,
}

impl BlockSpace {
    /// Compute the zero set and classes of `V_L` from the exact projector.
    ///
    /// Complexity: `O(#orbitals m phi(m))` exact integer operations (one comparison per
    /// orbital) and `O(|X| * #classes)` integer look-ups.
    ///
    /// ```
    /// use plrep::pl::{PlModule, BlockSpace};
    /// use plrep::group::{spec::parse_group, gset::ActionSpec, Limits};
    /// let m = PlModule::new(&parse_group("C4").unwrap(), &ActionSpec::parse("regular").unwrap(), &Limits::default()).unwrap();
    /// // L2 (the sign representation): one class, rows alternate in sign.
    /// let b = BlockSpace::compute(&m, 2);
    /// assert_eq!(b.classes, vec![vec![(0, 1), (1, -1), (2, 1), (3, -1)]]);
    /// ```
    pub fn compute(module: &PlModule, l: usize) -> BlockSpace {
        let f = &module.field;
        // Values compared through residues modulo a prime `p = 1 mod m` first: a ring
        // homomorphism, so different residues prove different values, and only the
        // orbitals whose residues agree are compared exactly (reduced dense form,
        // computed once per orbital on first need). For most simples few orbitals agree,
        // and `O(#orbitals m)` of dense values is never built (theory.md §30.1).
        let fq = &module.residues().fq;
        let res = module.orbital_residues(l);
        let exact: Vec<OnceLock<Vec<i128>>> = (0..res.len()).map(|_| OnceLock::new()).collect();
        let value = |o: usize| exact[o].get_or_init(|| f.reduce(&module.orbital_value(l, o)));
        let is_zero = |o: usize| res[o] == 0 && value(o).iter().all(|c| *c == 0);
        let equal = |a: usize, b: usize| res[a] == res[b] && (a == b || value(a) == value(b));
        let opposite = |a: usize, b: usize| {
            res[a] == fq.neg(res[b]) && value(a).iter().zip(value(b)).all(|(x, y)| *x == -*y)
        };
        let n = module.points();
        // The relation of a pair depends only on its orbital `o`: for a representative
        // `(y0, x0)` the diagonal values `P[y0][y0]`, `P[x0][x0]` are those of the
        // orbitals of `(y0, y0)` and `(x0, x0)`, the same for every pair of `o`. So one
        // comparison per orbital, then integer look-ups: `+1` (equal rows), `-1`
        // (opposite rows), `0` (neither, or a zero row).
        let relation: Vec<i8> = (0..module.num_orbitals())
            .map(|o| {
                let (y0, x0) = module.orbital_rep(o);
                let (dy, dx) = (module.orbital(y0, y0), module.orbital(x0, x0));
                if !equal(dy, dx) || is_zero(dx) {
                    0
                } else if equal(o, dx) {
                    1
                } else if opposite(o, dx) {
                    -1
                } else {
                    0
                }
            })
            .collect();
        let mut zero_set = Vec::new();
        let mut classes: Vec<Vec<(usize, i8)>> = Vec::new();
        // `≈` is an equivalence relation (rows equal up to sign), so scanning forward from
        // each new representative finds exactly the classes the first-match rule finds,
        // ordered by first point, with signs relative to it.
        let mut placed = vec![false; n];
        for x in 0..n {
            if placed[x] {
                continue;
            }
            if is_zero(module.orbital(x, x)) {
                zero_set.push(x);
                continue;
            }
            let mut class = vec![(x, 1i8)];
            for y in x + 1..n {
                if !placed[y] {
                    let r = relation[module.orbital(x, y)];
                    if r != 0 {
                        placed[y] = true;
                        class.push((y, r));
                    }
                }
            }
            classes.push(class);
        }
        BlockSpace {
            simple: l,
            zero_set,
            classes,
        }
    }

    /// The zero set and classes of `pi V_L` for a permutation `pi` of the points (its
    /// images `points`), in the canonical form of [`Self::compute`]: the zero set
    /// ascending, each class ascending with signs relative to its first point, classes
    /// by first point (theory.md §28).
    ///
    /// Complexity: `O(|X| log |X|)`.
    ///
    /// ```
    /// use plrep::pl::BlockSpace;
    /// let (z, c) = BlockSpace::permuted(&[2], &[vec![(0, 1), (1, -1)], vec![(3, 1)]], &[3, 0, 1, 2]);
    /// assert_eq!(z, vec![1]);
    /// assert_eq!(c, vec![vec![(0, 1), (3, -1)], vec![(2, 1)]]);
    /// ```
    pub fn permuted(
        zero_set: &[usize],
        classes: &[Vec<(usize, i8)>],
        points: &[u32],
    ) -> (Vec<usize>, Vec<Vec<(usize, i8)>>) {
        let mut z: Vec<usize> = zero_set.iter().map(|&x| points[x] as usize).collect();
        z.sort_unstable();
        let mut c: Vec<Vec<(usize, i8)>> = classes
            .iter()
            .map(|class| {
                let mut k: Vec<(usize, i8)> = class
                    .iter()
                    .map(|&(x, s)| (points[x] as usize, s))
                    .collect();
                k.sort_unstable();
                let first = k[0].1;
                for e in k.iter_mut() {
                    e.1 *= first;
                }
                k
            })
            .collect();
        c.sort_unstable_by_key(|k| k[0].0);
        (z, c)
    }

    /// [`Self::compute`] by the former path: each point compared with the first point of
    /// every class so far (`O(|X| #classes phi(m))` exact comparisons). Kept as the
    /// baseline the tests and benches compare against; it gives the same space.
    pub fn compute_dense(module: &PlModule, l: usize) -> BlockSpace {
        let f = &module.field;
        let m = f.m();
        let vals = module.orbital_values(l);
        let red: Vec<Vec<i128>> = (0..module.num_orbitals())
            .map(|o| f.reduce(&vals[o * m..(o + 1) * m]))
            .collect();
        let n = module.points();
        let mut zero_set = Vec::new();
        let mut classes: Vec<Vec<(usize, i8)>> = Vec::new();
        for x in 0..n {
            let dx = module.orbital(x, x);
            if red[dx].iter().all(|c| *c == 0) {
                zero_set.push(x);
                continue;
            }
            let mut placed = false;
            for class in classes.iter_mut() {
                let x0 = class[0].0;
                if red[module.orbital(x0, x0)] != red[dx] {
                    continue;
                }
                let p = &red[module.orbital(x0, x)];
                if *p == red[dx] {
                    class.push((x, 1));
                } else if p.iter().zip(&red[dx]).all(|(a, b)| *a == -*b) {
                    class.push((x, -1));
                } else {
                    continue;
                }
                placed = true;
                break;
            }
            if !placed {
                classes.push(vec![(x, 1)]);
            }
        }
        BlockSpace {
            simple: l,
            zero_set,
            classes,
        }
    }

    /// The spanning set of the chosen space: signed indicator functions as
    /// `(point, coefficient)` lists.
    pub fn basis(&self, kind: BlockKind) -> Vec<Vec<(usize, i8)>> {
        match kind {
            BlockKind::Odd => self.classes.clone(),
            BlockKind::Abs => self
                .classes
                .iter()
                .map(|c| c.iter().map(|&(x, _)| (x, 1)).collect())
                .collect(),
            BlockKind::Plus => {
                let mut out = Vec::new();
                for c in &self.classes {
                    for s in [1i8, -1] {
                        let part: Vec<(usize, i8)> = c
                            .iter()
                            .filter(|p| p.1 == s)
                            .map(|&(x, _)| (x, 1))
                            .collect();
                        if !part.is_empty() {
                            out.push(part);
                        }
                    }
                }
                out
            }
        }
    }

    /// The dimension of the chosen space (number of basis functions).
    pub fn dim(&self, kind: BlockKind) -> usize {
        self.basis(kind).len()
    }

    /// For each orbital `o`, `sum over basis u of sum_{(x,y) in o} u(x) u(y)`; then
    /// `sum_u u^T Q_{L'} u = sum_o counts[o] Q_{L'}(o)` (see [`Self::killed_by`]).
    pub fn orbital_counts(&self, module: &PlModule, kind: BlockKind) -> Vec<i64> {
        let mut counts = vec![0i64; module.num_orbitals()];
        for u in self.basis(kind) {
            for &(x, sx) in &u {
                for &(y, sy) in &u {
                    counts[module.orbital(x, y)] += (sx * sy) as i64;
                }
            }
        }
        counts
    }

    /// [`Self::orbital_counts`] pushed down to the classes: `a[K] = sum_o counts[o]
    /// #{g in K : y0^g = x0}` (`(y0, x0)` the representative of `o`), so that
    /// `sum_o counts[o] Q_{L'}(o) = sum_K a[K] psi_{L'}(K)` for every target `L'`: one
    /// `O(#classes m)` test per target instead of `O(#orbitals m)` (see
    /// [`Self::killed_by_classes`]).
    pub fn class_weights(module: &PlModule, counts: &[i64]) -> Vec<i128> {
        let mut a = vec![0i128; module.classes.len()];
        for (o, &c) in counts.iter().enumerate() {
            if c != 0 {
                for &(k, cnt) in module.orbital_class_counts(o) {
                    a[k] += c as i128 * cnt as i128;
                }
            }
        }
        a
    }

    /// Whether `P_{L'}` kills the whole space, from [`Self::class_weights`]: exact, the
    /// same decision as [`Self::killed_by`].
    pub fn killed_by_classes(module: &PlModule, weights: &[i128], target: usize) -> bool {
        let m = module.field.m();
        let mut acc = vec![0i128; m];
        for (k, &a) in weights.iter().enumerate() {
            if a != 0 {
                for &(j, v) in module.psi(target, k) {
                    acc[j] += a * v;
                }
            }
        }
        module.field.is_zero(&acc)
    }

    /// Whether `P_{L'}` kills the whole space, from [`Self::orbital_counts`] and the
    /// orbital values of `L'` ([`PlModule::orbital_values`]): exact.
    pub fn killed_by(field: &Field, counts: &[i64], target_values: &[i128]) -> bool {
        let m = field.m();
        let mut acc = vec![0i128; m];
        for (o, &c) in counts.iter().enumerate() {
            if c != 0 {
                for t in 0..m {
                    acc[t] += c as i128 * target_values[o * m + t];
                }
            }
        }
        field.is_zero(&acc)
    }
}

/// Whether the square activation has no edge `L -> L'`: `sum_{y,z} P_{L'}[y][z] P_L[y][z]^2
/// = 0`. Since `P_L` is symmetric and idempotent this sum equals
/// `sum_{x0,x} |P_{L'}(P_L e_{x0} ∘ P_L e_x)|^2`, a sum of squares, and the products
/// `P_L e_{x0} ∘ P_L e_x` span `{u ∘ v : u, v in V_L}`, which is the span of `{w ∘ w}`
/// (polarisation); so it is an exact decision, no search. Computed on orbitals:
/// `sum_o |o| Q_{L'}(o) Q_L(o)^2` (positive factors `c` dropped).
pub fn hadamard_vanishes(module: &PlModule, l: usize, l2: usize) -> bool {
    hadamard_sum_vanishes(module, &module.orbital_values(l), l2)
}

/// [`hadamard_vanishes`] for any source given by its orbital values (`Q_S = sum_{L in S}
/// Q_L` for a sum of isotypic parts, theory.md §10): `sum_o |o| Q_{L'}(o) Q_S(o)^2 = 0`.
pub fn hadamard_sum_vanishes(module: &PlModule, values: &[i128], l2: usize) -> bool {
    let f = &module.field;
    let m = f.m();
    let b = module.orbital_values(l2);
    let mut acc = vec![0i128; m];
    for o in 0..module.num_orbitals() {
        let ao = &values[o * m..(o + 1) * m];
        if ao.iter().all(|c| *c == 0) {
            continue;
        }
        let mut sq = vec![0i128; m];
        f.mul_dense_acc(&mut sq, ao, ao);
        let mut t = vec![0i128; m];
        f.mul_dense_acc(&mut t, &sq, &b[o * m..(o + 1) * m]);
        let size = module.orbital_size(o) as i128;
        for i in 0..m {
            acc[i] += size * t[i];
        }
    }
    f.is_zero(&acc)
}

/// The block kind that contains every `sigma(w + c) - sigma(c)` for `w` in a subspace:
/// `T⁺` with an offset `c`, else `T` for homogeneous `sigma` (`None` for the self-loop
/// when `a != 0`: always an edge, `F(w) - F(-w) = 2 a P w`), `T^odd` for odd `sigma`,
/// `T⁺` otherwise (theory.md §7, T4). The one rule the solver and the joint step share.
pub fn block_kind_for(
    act: &super::activation::Activation,
    offset: bool,
    target_in_sources: bool,
) -> Option<BlockKind> {
    if offset {
        return Some(BlockKind::Plus);
    }
    if let Some((a, _)) = act.homogeneous_parts() {
        if target_in_sources && !a.is_zero() {
            return None;
        }
        return Some(BlockKind::Abs);
    }
    if act.parity() == super::activation::Parity::Odd {
        return Some(BlockKind::Odd);
    }
    Some(BlockKind::Plus)
}
