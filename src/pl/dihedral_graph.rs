//! The dihedral and dicyclic route without the module: the interaction graph of the
//! regular module of a group `G = <r, t>` with `R = <r>` cyclic of index 2 and
//! `t r t^-1 = r^-1` (the dihedral groups `D_2n`, the dicyclic groups `Q_4m`), from the
//! character table and the residues of the cyclic group `C_n` (theory.md §20, §23).
//!
//! The labels and the data of the simples (dimension, multiplicity, type, kernel) are
//! the character table's; the verdicts are read off the shape of each simple:
//!
//! * a *rotation* simple `rho_k` (`0 < k < n/2`, real or quaternionic type) restricts to
//!   `R` as `chi_k + chi_-k` (twice for quaternionic type); its isotypic part of `R^G`
//!   holds `cos(2 pi (4 k a + s)/4n)` on `r^a` and `0` on `tR`, whose image under `sigma`
//!   projects onto a simple `L'` iff its `C_n`-Fourier coefficient at the frequency of
//!   `L'` on `R` (`j`, or `0`/`n/2` for a linear `L'` with `r -> ±1`) is nonzero: the
//!   verdict is the one of the cyclic route, [`super::cyclic_graph::cyclic_verdicts`];
//! * a *linear* simple (one linear character `lambda`, or a complex pair) has
//!   `sigma(w)` in the span of `1`, the sign character of `G/R` and its own isotypic part:
//!   edges to the trivial simple (`b != 0` on this route), to the sign character for a
//!   complex pair, and to itself when `a != 0`.
//!
//! A simple of no such shape, or a pair without a nonzero residue, gives `None` (the
//! caller takes the module path): nothing is guessed.

use super::abelian::frequency_at;
use super::cyclic_graph::cyclic_verdicts;
use super::projector::GroupData;
use super::solver::SolverOptions;
use crate::arith::{Cyclotomic, Q};
use crate::character::real::SimpleType;
use crate::group::{Perm, PermGroup};

/// What a real simple of `G = <r, t>` restricts to on `R = <r>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// One-dimensional: the linear character with `r -> eps`, `t -> tau` (`±1`).
    Linear {
        /// `lambda(r)`.
        eps: i8,
        /// `lambda(t)`.
        tau: i8,
    },
    /// Complex type from a linear character with `r -> eps`, `t -> ±i`.
    LinearPair {
        /// `lambda(r)`.
        eps: i8,
    },
    /// Restriction `chi_k + chi_-k` (twice for quaternionic type), `0 < k < n/2`.
    Rotation {
        /// The frequency relative to `r`.
        k: u64,
    },
}

/// The verdicts of the route on the regular module of `G = <r, t>`, `|G| = 2n`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DihedralVerdicts {
    /// The order of `R`.
    pub n: u64,
    /// The element index of `r`.
    pub r: usize,
    /// The element index of `t`.
    pub t: usize,
    /// The shape of every real simple, in label order.
    pub shapes: Vec<Shape>,
    /// `targets[l]`: the simples `l'` (ascending) with `L_l -> L_l'` an edge.
    pub targets: Vec<Vec<u32>>,
}

impl DihedralVerdicts {
    /// The number of edges.
    pub fn edges(&self) -> usize {
        self.targets.iter().map(Vec::len).sum()
    }
}

/// A pair `(r, t)` among the generators of `group` and their pairwise products with
/// `r` of order `|G|/2 >= 3` and `t r t^-1 = r^-1` (then `t` is not in `<r>`, which is
/// inverted by it, so `G = <r, t>` with `<r>` of index 2), or `None`.
///
/// Complexity: `O(s^2)` products of degree `d` for `s` generators, and their orders.
pub fn halving_pair(group: &PermGroup) -> Option<(Perm, Perm)> {
    let n = group.order_u64()? / 2;
    if n < 3 || group.order_u64()? % 2 != 0 {
        return None;
    }
    let gens = group.generators();
    let mut cands: Vec<Perm> = gens.to_vec();
    for a in gens {
        for b in gens {
            cands.push(a * b);
        }
    }
    let r = cands.iter().find(|g| g.order() == n)?;
    let rinv = r.inverse();
    let t = cands.iter().find(|t| (&(&t.inverse() * r) * *t) == rinv)?;
    Some((r.clone(), t.clone()))
}

/// The bytes the character table and real simples of a group with `classes` classes
/// take at most (about 470 bytes per value measured on `D2000`, with room).
pub fn dihedral_table_bytes(classes: usize) -> u128 {
    800 * (classes as u128) * (classes as u128)
}

/// `±1` as `Some(±1)` when `value` is `scale` or `-scale`.
fn sign_of(value: &Cyclotomic, scale: i64) -> Option<i8> {
    if *value == Cyclotomic::from_int(scale) {
        Some(1)
    } else if *value == Cyclotomic::from_int(-scale) {
        Some(-1)
    } else {
        None
    }
}

/// The shape of every real simple of `data` relative to the elements `r`, `t` (indices),
/// or `None` when one has none of the three shapes.
fn shapes(data: &GroupData, n: u64, r: usize, t: usize) -> Option<Vec<Shape>> {
    let (cr, ct) = (
        data.classes.class_of[r] as usize,
        data.classes.class_of[t] as usize,
    );
    let mut out = Vec::with_capacity(data.simples.simples.len());
    for l in &data.simples.simples {
        let (vr, vt) = (&l.values[cr], &l.values[ct]);
        let shape = match (l.dim, l.kind) {
            (1, _) => Shape::Linear {
                eps: sign_of(vr, 1)?,
                tau: sign_of(vt, 1)?,
            },
            (2, SimpleType::Complex) if vt.is_zero() => Shape::LinearPair {
                eps: sign_of(vr, 2)?,
            },
            (2, SimpleType::Real) | (4, SimpleType::Quaternionic) => {
                let v = if l.dim == 4 {
                    vr.scale(&Q::new(1, 2))
                } else {
                    vr.clone()
                };
                let k = frequency_at(&v, 2, n)?;
                if k == 0 || 2 * k >= n {
                    return None;
                }
                Shape::Rotation { k }
            }
            _ => return None,
        };
        out.push(shape);
    }
    Some(out)
}

/// The verdicts of the route (theory.md §20, §23) on the regular module of `data`'s
/// group for the elements `r`, `t` (indices into `data.elements`, as found by
/// [`halving_pair`]) under `options`, or `None` when the route does not apply or a pair
/// has no nonzero residue (the caller then takes the module path).
///
/// Complexity: `O(#simples)` exact comparisons for the shapes, the cyclic route of
/// `C_n` once (`O(n^2)` residue operations), `O(1)` per pair.
pub fn dihedral_verdicts(
    data: &GroupData,
    r: usize,
    t: usize,
    options: &SolverOptions,
) -> Option<DihedralVerdicts> {
    let n = data.elements.len() as u64 / 2;
    if options.bias.is_some() || n < 3 || data.elements.element_order(r) != n {
        return None;
    }
    let shapes = shapes(data, n, r, t)?;
    let (a, _) = options.activation.homogeneous_parts()?;
    let cyc = cyclic_verdicts(n, options)?;
    let find = |s: Shape| shapes.iter().position(|&x| x == s);
    let trivial = find(Shape::Linear { eps: 1, tau: 1 })?;
    let sign = find(Shape::Linear { eps: 1, tau: -1 })?;
    let mut targets = Vec::with_capacity(shapes.len());
    for (l, shape) in shapes.iter().enumerate() {
        let mut out: Vec<u32> = Vec::new();
        match *shape {
            Shape::Rotation { k } => {
                let row = &cyc.targets[k as usize];
                for (b, target) in shapes.iter().enumerate() {
                    let j = match *target {
                        Shape::Rotation { k: j } => j,
                        Shape::Linear { eps, .. } | Shape::LinearPair { eps } => {
                            if eps == 1 {
                                0
                            } else {
                                n / 2
                            }
                        }
                    };
                    if row.binary_search(&(j as u32)).is_ok() {
                        out.push(b as u32);
                    }
                }
            }
            Shape::Linear { .. } => {
                out.push(trivial as u32);
                if !a.is_zero() && l != trivial {
                    out.push(l as u32);
                }
            }
            Shape::LinearPair { .. } => {
                out.extend([trivial as u32, sign as u32]);
                if !a.is_zero() {
                    out.push(l as u32);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        targets.push(out);
    }
    Some(DihedralVerdicts {
        n,
        r,
        t,
        shapes,
        targets,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::group::spec::parse_group;

    #[test]
    fn halving_pairs_of_dihedral_and_dicyclic_groups() {
        for (spec, found) in [
            ("D20", true),
            ("Q20", true),
            ("Q16", true),
            ("D8", true),
            ("C12", false),
            ("S4", false),
            ("A4", false),
        ] {
            assert_eq!(
                halving_pair(&parse_group(spec).unwrap()).is_some(),
                found,
                "{spec}"
            );
        }
    }
}
