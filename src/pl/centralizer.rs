//! How the centralizer `C = C_{Sym(X)}(G)` acts on the isotypic components, and the
//! non-edges it explains (theory.md §7, T0–T2).
//!
//! Every `c` in `C` commutes with `G`, so it maps each isotypic component `V_L` to
//! itself, and it commutes with every coordinatewise activation: `F(cw) = c F(w)` for
//! `F = P_{L'} ∘ sigma` on `V_L`. If `c` acts on `V_L` as `ε_c = ±1`, then
//! `F(w) = F(ε_c w)`, which is `F(w)` for even `sigma` (and for homogeneous `sigma` off
//! the diagonal) and `ε_c F(w)` for odd `sigma`. Let `K` be the subgroup of elements of
//! `C` acting on `V_L` by `±1` (by `+1` only, for other activations). Then `F(w)` lies in
//! `{v ∈ V_{L'} : c v = χ(c) v for all c ∈ K}` with `χ = 1` (even, or `K` acting by `+1`)
//! or `χ = ε` (odd). Its dimension is `(1/|K|) Σ_{c ∈ K} χ(c) tr(c|V_{L'})`, and
//! `tr(c|V_{L'}) = Σ_x P_{L'}[x][x^c]`; when it is 0 there is no edge `L -> L'`. This is
//! the subgroup form of T0–T2; a single element acting by incompatible scalars is the
//! special case the solver reports first.

use super::projector::PlModule;
use super::sign_rule::SignRule;
use crate::group::Perm;
use std::collections::BTreeSet;

/// Largest centralizer enumerated element by element.
const MAX_ELEMENTS: usize = 5000;
/// Largest `|C| * |X|` enumerated (the scalar tests cost that many projector look-ups per
/// simple).
const MAX_WORK: usize = 5_000_000;

/// The elements of `C` with their traces on the isotypic components present and the
/// scalar (`Some(±1)`) by which each acts on each (`None`: not a scalar, or absent).
///
/// Traces decide scalars: `Σ_x |P e_{x^k} - e P e_x|^2 = 2 tr P - 2e tr(kP)`, a sum of
/// squared norms, so `k|V_L = e id` iff `tr(k|V_L) = e dim V_L` (exact field test).
#[derive(Clone, Debug)]
pub struct CentralizerAction {
    /// The elements of `C` as permutations of `X`, sorted (the identity first).
    pub elements: Vec<Perm>,
    /// `scalars[i][l]`: the scalar of `elements[i]` on `V_L`.
    pub scalars: Vec<Vec<Option<i8>>>,
    /// `traces[i][l]`: `tr(elements[i]|V_L) / c_L` in the field's reduced form (empty
    /// when `L` is absent).
    traces: Vec<Vec<Vec<i128>>>,
}

/// The reduced orbital values `Q_L` of every present simple.
fn reduced_orbital_values(module: &PlModule) -> Vec<Vec<Vec<i128>>> {
    let f = &module.field;
    let m = f.m();
    (0..module.simples.len())
        .map(|l| {
            if module.multiplicity(l) == 0 {
                return Vec::new();
            }
            let v = module.orbital_values(l);
            (0..module.num_orbitals())
                .map(|o| f.reduce(&v[o * m..(o + 1) * m]))
                .collect()
        })
        .collect()
}

/// The scalar by which the permutation `k` of `X` (commuting with `G`) acts on `V_L`:
/// `k|V_L = e id` iff `|P_L e_{x^k} - e P_L e_x|^2 = 0` for every point `x`, i.e.
/// `P(x,x) + P(x^k,x^k) - 2e P(x,x^k) = 0` (`P_L` is a symmetric projector).
fn scalar(module: &PlModule, red: &[Vec<i128>], k: &Perm) -> Option<i8> {
    if red.is_empty() {
        return None;
    }
    [1i8, -1].into_iter().find(|&e| {
        (0..module.points()).all(|x| {
            let xk = k.apply(x);
            let (a, b, c) = (
                &red[module.orbital(x, x)],
                &red[module.orbital(xk, xk)],
                &red[module.orbital(x, xk)],
            );
            a.iter()
                .zip(b)
                .zip(c)
                .all(|((a, b), c)| a + b - 2 * e as i128 * c == 0)
        })
    })
}

/// For each generator of `C`, the scalars on every isotypic component.
///
/// Complexity: `O(#generators * #simples * |X| * m)`.
pub fn generator_scalars(module: &PlModule) -> Vec<(Perm, Vec<Option<i8>>)> {
    let red = reduced_orbital_values(module);
    module
        .gset
        .centralizer()
        .generators
        .into_iter()
        .map(|k| {
            let eps = red.iter().map(|r| scalar(module, r, &k)).collect();
            (k, eps)
        })
        .collect()
}

impl CentralizerAction {
    /// Enumerate `C` and the scalar of every element on every isotypic component.
    ///
    /// Returns `None` when `C` has more than 5000 elements or `|C| |X|` exceeds
    /// 5,000,000 (the explanation is then not attempted; certificates do not depend on it).
    ///
    /// Complexity: `O(|C| (#generators |X| + #simples #orbitals m))`.
    pub fn compute(module: &PlModule) -> Option<CentralizerAction> {
        let cent = module.gset.centralizer();
        let n = module.points();
        let order = u64::try_from(&cent.order).ok()? as usize;
        if order > MAX_ELEMENTS || order.saturating_mul(n) > MAX_WORK {
            return None;
        }
        let mut seen: BTreeSet<Perm> = BTreeSet::from([Perm::identity(n)]);
        let mut frontier = vec![Perm::identity(n)];
        while let Some(x) = frontier.pop() {
            for g in &cent.generators {
                let y = &x * g;
                if seen.insert(y.clone()) {
                    frontier.push(y);
                }
            }
        }
        if seen.len() != order {
            return None;
        }
        let reduced = reduced_orbital_values(module);
        let elements: Vec<Perm> = seen.into_iter().collect();
        let f = &module.field;
        let m = f.m();
        let mut hist = vec![0i128; module.num_orbitals()];
        let mut traces = Vec::with_capacity(elements.len());
        for c in &elements {
            // tr(c P_L) = Σ_x P_L[x][x^c]: count the orbitals of the pairs (x, x^c) once.
            hist.iter_mut().for_each(|h| *h = 0);
            for x in 0..n {
                hist[module.orbital(x, c.apply(x))] += 1;
            }
            let t: Vec<Vec<i128>> = reduced
                .iter()
                .map(|red| {
                    if red.is_empty() {
                        return Vec::new();
                    }
                    let mut sum = vec![0i128; m];
                    for (o, &h) in hist.iter().enumerate() {
                        if h != 0 {
                            for (s, v) in sum.iter_mut().zip(&red[o]) {
                                *s += h * v;
                            }
                        }
                    }
                    f.reduce(&sum)
                })
                .collect();
            traces.push(t);
        }
        // elements[0] is the identity: its traces are the dimensions (over c_L).
        let scalars = traces
            .iter()
            .map(|t| {
                t.iter()
                    .zip(&traces[0])
                    .map(|(t, dim)| {
                        if t.is_empty() {
                            return None;
                        }
                        [1i8, -1].into_iter().find(|&e| {
                            let mut d: Vec<i128> =
                                t.iter().zip(dim).map(|(a, b)| a - e as i128 * b).collect();
                            d.resize(m, 0);
                            f.is_zero(&d)
                        })
                    })
                    .collect()
            })
            .collect();
        Some(CentralizerAction {
            elements,
            scalars,
            traces,
        })
    }

    /// Whether the subgroup rule (module docs) excludes the edge `l -> l2` under the sign
    /// rule of the pair ([`super::sign_rule::sign_rule`]): returns the
    /// subgroup `K` (its elements' positions in [`CentralizerAction::elements`]) when the
    /// space `F(w)` must lie in is zero.
    ///
    /// Complexity: `O(|C| m)`.
    pub fn excludes(
        &self,
        module: &PlModule,
        rule: SignRule,
        l: usize,
        l2: usize,
    ) -> Option<Vec<usize>> {
        if self.traces[0][l2].is_empty() || self.traces[0][l].is_empty() {
            return None;
        }
        let m = module.field.m();
        let mut sum = vec![0i128; m];
        let mut k = Vec::new();
        for i in 0..self.elements.len() {
            let weight: i128 = match self.scalars[i][l] {
                Some(1) => 1,
                Some(_) if rule == SignRule::Even => 1,
                Some(_) if rule == SignRule::Odd => -1,
                _ => continue,
            };
            k.push(i);
            for (s, v) in sum.iter_mut().zip(&self.traces[i][l2]) {
                *s += weight * v;
            }
        }
        module.field.is_zero(&sum).then_some(k)
    }

    /// A small generating set of the elements at `positions` (a subgroup), greedily.
    pub fn generators_of(&self, positions: &[usize]) -> Vec<Perm> {
        let n = self.elements.first().map_or(0, Perm::degree);
        let mut group: BTreeSet<Perm> = BTreeSet::from([Perm::identity(n)]);
        let mut gens: Vec<Perm> = Vec::new();
        for &i in positions {
            let c = &self.elements[i];
            if group.contains(c) {
                continue;
            }
            gens.push(c.clone());
            let mut frontier: Vec<Perm> = group.iter().cloned().collect();
            while let Some(x) = frontier.pop() {
                for g in &gens {
                    let y = &x * g;
                    if group.insert(y.clone()) {
                        frontier.push(y);
                    }
                }
            }
        }
        gens
    }
}
