//! Real and rational simple representations from the complex character table
//! (Frobenius–Schur), their kernels, and decompositions of permutation characters.
//!
//! Labels are deterministic: the complex characters are `X.1, X.2, ...` in table order
//! (GAP's convention); real simples are `L0, L1, ...`. For a cyclic group `L_k` is the
//! simple on which a fixed generator acts by the rotation through `2 pi k/n` (theory.md §2),
//! the generator being the representative of the first class of elements of order `n`;
//! otherwise they are numbered in the order trivial first, then by dimension, then by
//! their first complex constituent.

use super::rootsum::RootSum;
use super::table::{Character, CharacterTable};
use crate::arith::mix::MixMap;
use crate::arith::{Cyclotomic, Q};
use crate::error::{Error, Result};
use crate::lattice::NormalSubgroup;
use rayon::prelude::*;
use std::fmt;

/// The type of a real simple representation, from the Frobenius–Schur indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SimpleType {
    /// Indicator 1: the complex character is realised over `R`.
    Real,
    /// Indicator 0: `chi` is not real-valued; `L` realises `chi + conj(chi)`.
    Complex,
    /// Indicator -1: `chi` is real-valued but not realisable over `R`; `L` realises `2 chi`.
    Quaternionic,
}

impl SimpleType {
    /// `<psi_L, psi_L>`: 1, 2, 4 for real, complex, quaternionic type.
    pub fn endomorphism_dim(self) -> u64 {
        match self {
            SimpleType::Real => 1,
            SimpleType::Complex => 2,
            SimpleType::Quaternionic => 4,
        }
    }

    /// The lower-case name used in JSON (`real`, `complex`, `quaternionic`).
    pub fn name(self) -> &'static str {
        match self {
            SimpleType::Real => "real",
            SimpleType::Complex => "complex",
            SimpleType::Quaternionic => "quaternionic",
        }
    }
}

impl fmt::Display for SimpleType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A real simple representation `L` of `G`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RealSimple {
    /// `L0, L1, ...` (see the module documentation).
    pub label: String,
    /// Real, complex or quaternionic type.
    pub kind: SimpleType,
    /// `dim_R L`.
    pub dim: u64,
    /// Indices of the complex constituents in the table (one, or a conjugate pair).
    pub characters: Vec<usize>,
    /// The real character `psi_L` on the classes (real cyclotomic numbers).
    pub values: Vec<Cyclotomic>,
    /// `ker L = {g : psi_L(g) = psi_L(1)}` as ascending class indices.
    pub kernel: Vec<usize>,
    /// `ker^- L = {g : rho_L(g) = -id}` as ascending class indices.
    pub minus_kernel: Vec<usize>,
    /// For cyclic groups the frequency `k` of `L_k`.
    pub frequency: Option<u64>,
}

impl RealSimple {
    /// `ker^± L = ker L ∪ ker^- L`, a normal subgroup (ascending class indices).
    pub fn pm_kernel(&self) -> Vec<usize> {
        let mut v: Vec<usize> = self
            .kernel
            .iter()
            .chain(self.minus_kernel.iter())
            .copied()
            .collect();
        v.sort_unstable();
        v
    }

    /// Whether `L` is trivial.
    pub fn is_trivial(&self) -> bool {
        self.kernel.len() == self.values.len()
    }

    /// The multiplicity of `L` in the regular representation (`dim L / <psi,psi>` times
    /// the complex degree): `chi(1)` for real and complex type, `chi(1)/2` quaternionic.
    pub fn regular_multiplicity(&self) -> u64 {
        self.dim / self.kind.endomorphism_dim()
    }
}

/// A rational simple representation: a Galois orbit of complex characters (its character
/// is the orbit sum times the Schur index, which plrep does not compute; the orbit sum is
/// reported).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RationalSimple {
    /// `R0, R1, ...` in order of first constituent.
    pub label: String,
    /// The Galois orbit (ascending character indices).
    pub characters: Vec<usize>,
    /// The orbit sum on the classes (rational integers).
    pub values: Vec<i64>,
}

/// All real simples of a group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RealSimples {
    /// In label order `L0, L1, ...`.
    pub simples: Vec<RealSimple>,
    /// The class sizes (kept to compute inner products).
    class_sizes: Vec<u64>,
    order: u64,
}

/// The set of classes where `chi(g) = target`.
fn classes_where(chi: &[Cyclotomic], target: &Cyclotomic) -> Vec<usize> {
    (0..chi.len()).filter(|&i| &chi[i] == target).collect()
}

impl RealSimples {
    /// The real simples of the group of `table`.
    ///
    /// # Arguments
    /// * `table` — a verified character table.
    ///
    /// # Returns
    /// One [`RealSimple`] per real-type character, per conjugate pair of complex-type
    /// characters and per quaternionic character, labelled as in the module
    /// documentation, with real character, kernel and minus kernel.
    ///
    /// # Complexity
    /// `O(k^2)` cyclotomic comparisons for `k` classes.
    ///
    /// # Example
    /// ```
    /// use plrep::character::{CharacterTable, RealSimples, SimpleType};
    /// use plrep::group::{Limits, Perm, PermGroup};
    /// let c8 = PermGroup::new(8, vec![Perm::parse_gap("(1,2,3,4,5,6,7,8)", 8)?])?;
    /// let t = CharacterTable::compute(&c8, &Limits::default())?;
    /// let r = RealSimples::from_table(&t);
    /// let dims: Vec<u64> = r.simples.iter().map(|l| l.dim).collect();
    /// assert_eq!(dims, vec![1, 2, 2, 2, 1]); // L0 .. L4
    /// assert_eq!(r.simples[2].kernel.len(), 2); // |ker L2| = gcd(8, 2)
    /// # Ok::<(), plrep::Error>(())
    /// ```
    ///
    /// # Reference
    /// Serre, *Linear Representations of Finite Groups*, §13.2 (Frobenius–Schur).
    pub fn from_table(table: &CharacterTable) -> Self {
        let k = table.num_classes();
        let inverse = table.inverse_classes();
        // Complex conjugate characters found by their root-sum rows, each candidate
        // confirmed on the values (a scan of the values if the forms differ).
        let by_form: MixMap<&[RootSum], usize> = table
            .characters
            .iter()
            .enumerate()
            .map(|(i, c)| (c.root_sums.as_slice(), i))
            .collect();
        let is_conj = |chi: &Character, other: &Character| {
            (0..k).all(|c| other.values[c] == chi.values[inverse[c]])
        };
        let mut used = vec![false; table.characters.len()];
        let mut kinds: Vec<(usize, Option<usize>)> = Vec::new();
        for (i, chi) in table.characters.iter().enumerate() {
            if used[i] {
                continue;
            }
            used[i] = true;
            let partner = (chi.indicator == 0).then(|| {
                let form: Vec<RootSum> =
                    (0..k).map(|c| chi.root_sums[inverse[c]].clone()).collect();
                let j = by_form
                    .get(form.as_slice())
                    .copied()
                    .filter(|&j| is_conj(chi, &table.characters[j]))
                    .or_else(|| table.characters.iter().position(|o| is_conj(chi, o)))
                    .expect("a verified table is closed under complex conjugation");
                used[j] = true;
                j
            });
            kinds.push((i, partner));
        }
        // The values and kernels, simples in parallel.
        let mut simples: Vec<RealSimple> = kinds
            .par_iter()
            .map(|&(i, partner)| {
                let chi = &table.characters[i];
                let (kind, characters, values, dim) = match (chi.indicator, partner) {
                    (_, Some(j)) => {
                        let conj = &table.characters[j];
                        let values = (0..k).map(|c| &chi.values[c] + &conj.values[c]).collect();
                        let mut pair = vec![i, j];
                        pair.sort_unstable();
                        (SimpleType::Complex, pair, values, 2 * chi.degree)
                    }
                    (-1, None) => (
                        SimpleType::Quaternionic,
                        vec![i],
                        chi.values
                            .iter()
                            .map(|v| v * &Cyclotomic::from_int(2))
                            .collect(),
                        2 * chi.degree,
                    ),
                    _ => (SimpleType::Real, vec![i], chi.values.clone(), chi.degree),
                };
                let degree = Cyclotomic::from_int(chi.degree as i64);
                RealSimple {
                    label: String::new(),
                    kind,
                    dim,
                    characters,
                    values,
                    kernel: classes_where(&chi.values, &degree),
                    minus_kernel: classes_where(&chi.values, &(-&degree)),
                    frequency: None,
                }
            })
            .collect();
        // Trivial first (it is the first character of a table), then by dimension, then by
        // first constituent.
        simples.sort_by_key(|l| (!l.is_trivial(), l.dim, l.characters[0]));
        if let Some(freqs) = cyclic_frequencies(table, &simples) {
            for (l, f) in simples.iter_mut().zip(&freqs) {
                l.frequency = Some(*f);
            }
            simples.sort_by_key(|l| l.frequency);
        }
        for (n, l) in simples.iter_mut().enumerate() {
            l.label = format!("L{n}");
        }
        RealSimples {
            simples,
            class_sizes: table.sizes.clone(),
            order: table.order,
        }
    }

    /// Number of real simples.
    pub fn len(&self) -> usize {
        self.simples.len()
    }

    /// Never empty (the trivial representation).
    pub fn is_empty(&self) -> bool {
        self.simples.is_empty()
    }

    /// The index of the simple with this label.
    pub fn find(&self, label: &str) -> Option<usize> {
        self.simples.iter().position(|l| l.label == label)
    }

    /// Multiplicities of the real simples in a real representation with character `chi`
    /// (e.g. a permutation character), as `(index, multiplicity)` for the nonzero ones.
    ///
    /// `mult(L, V) = <chi_V, psi_L> / <psi_L, psi_L>`, computed exactly; an error if the
    /// result is not a non-negative integer (then `chi` was not a character of a real
    /// representation).
    ///
    /// # Complexity
    /// `O(k)` cyclotomic products per simple.
    pub fn decompose(&self, chi: &[Cyclotomic]) -> Result<Vec<(usize, u64)>> {
        if chi.len() != self.class_sizes.len() {
            return Err(Error::bad(
                format!(
                    "character has {} values, the group has {} classes",
                    chi.len(),
                    self.class_sizes.len()
                ),
                "give one value per class",
            ));
        }
        let mut out = Vec::new();
        for (i, l) in self.simples.iter().enumerate() {
            let mut sum = Cyclotomic::zero();
            for c in 0..chi.len() {
                // psi_L is real, so conj(psi_L) = psi_L.
                let term = &chi[c] * &l.values[c];
                sum = &sum + &term.scale(&Q::from_int(self.class_sizes[c] as i64));
            }
            let denom = Q::from_int((self.order * l.kind.endomorphism_dim()) as i64);
            let m = sum.scale(&denom.inv());
            let m = m
                .to_q()
                .filter(|q| q.is_integer())
                .and_then(|q| q.to_i64())
                .filter(|&m| m >= 0)
                .ok_or_else(|| {
                    Error::verification(format!(
                        "multiplicity of {} is {m}, not a natural number",
                        l.label
                    ))
                })?;
            if m > 0 {
                out.push((i, m as u64));
            }
        }
        Ok(out)
    }

    /// Multiplicities in a permutation character given by integer fixed-point counts.
    pub fn decompose_permutation_character(&self, pi: &[u64]) -> Result<Vec<(usize, u64)>> {
        let chi: Vec<Cyclotomic> = pi.iter().map(|&v| Cyclotomic::from_int(v as i64)).collect();
        self.decompose(&chi)
    }

    /// The simples of `G/N`: those whose kernel contains `N` (theory.md §3).
    pub fn simples_of_quotient(&self, n: &NormalSubgroup) -> Vec<usize> {
        (0..self.simples.len())
            .filter(|&i| {
                n.classes
                    .iter()
                    .all(|c| self.simples[i].kernel.binary_search(c).is_ok())
            })
            .collect()
    }
}

/// For a cyclic group, the frequency `k` of each simple (in the given order): `psi_L(a) =
/// 2 cos(2 pi k/n)` (or `±1` for `k = 0, n/2`) with `a` the first class of order `n`.
fn cyclic_frequencies(table: &CharacterTable, simples: &[RealSimple]) -> Option<Vec<u64>> {
    let n = table.order;
    let a = table.orders.iter().position(|&o| o == n)?;
    let mut freqs = Vec::with_capacity(simples.len());
    for l in simples {
        let value = &l.values[a];
        let k = (0..=n / 2).find(|&k| {
            let one_dim = k == 0 || 2 * k == n;
            if one_dim != (l.dim == 1) {
                return false;
            }
            let rot = &Cyclotomic::root_of_unity(n, k as i64)
                + &Cyclotomic::root_of_unity(n, -(k as i64));
            let expected = if one_dim {
                rot.scale(&Q::new(1, 2))
            } else {
                rot
            };
            &expected == value
        })?;
        freqs.push(k);
    }
    let mut sorted = freqs.clone();
    sorted.sort_unstable();
    sorted.dedup();
    (sorted.len() == freqs.len()).then_some(freqs)
}

/// The rational simples: Galois orbits of the characters, in order of first constituent.
///
/// # Complexity
/// `O(phi(e) k^2)` comparisons for exponent `e` and `k` classes.
pub fn rational_simples(table: &CharacterTable) -> Vec<RationalSimple> {
    let e = table.exponent;
    let k = table.num_classes();
    let mut orbit_of = vec![usize::MAX; table.characters.len()];
    let mut out = Vec::new();
    for i in 0..table.characters.len() {
        if orbit_of[i] != usize::MAX {
            continue;
        }
        let mut orbit = vec![i];
        for t in 1..e.max(1) {
            if num_integer::gcd(t, e) != 1 {
                continue;
            }
            let pm = table.power_map(t as i64);
            let image: Vec<Cyclotomic> = (0..k)
                .map(|c| table.characters[i].values[pm[c]].clone())
                .collect();
            if let Some(j) = table.characters.iter().position(|x| x.values == image) {
                if !orbit.contains(&j) {
                    orbit.push(j);
                }
            }
        }
        orbit.sort_unstable();
        for &j in &orbit {
            orbit_of[j] = out.len();
        }
        let values = (0..k)
            .map(|c| {
                let s = orbit.iter().fold(Cyclotomic::zero(), |acc, &j| {
                    &acc + &table.characters[j].values[c]
                });
                s.to_q()
                    .and_then(|q| q.to_i64())
                    .expect("a Galois orbit sum is a rational integer")
            })
            .collect();
        out.push(RationalSimple {
            label: format!("R{}", out.len()),
            characters: orbit,
            values,
        });
    }
    out
}
