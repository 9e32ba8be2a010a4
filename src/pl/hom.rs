//! `Hom_G(R^X, R^Y)`: the equivariant linear maps between two permutation modules, the
//! weight space of one equivariant linear layer `R^X -> R^Y`.
//!
//! Its dimension is computed three ways that must agree (docs/theory.md §6.2, the counting
//! lemma): the number of orbitals of `G` on `Y × X`; the character inner product
//! `<pi_X, pi_Y> = 1/|G| sum_K |K| pi_X(K) pi_Y(K)`; and `sum_L m_X(L) m_Y(L) dim End(L)`
//! over the real simples. The orbital indicator matrices are the basis. A simple of `X`
//! missing from `Y` is a **bottleneck**: every `G`-map `R^X -> R^Y` is zero on its
//! isotypic part (Schur), whatever the weights.
//!
//! ```
//! use plrep::group::{catalog::lookup, gset::ActionSpec, Limits};
//! use plrep::pl::hom::Hom;
//! let h = Hom::new(&lookup("S5").unwrap(), &ActionSpec::Natural, &ActionSpec::Natural, &Limits::default()).unwrap();
//! assert_eq!(h.dim, 2);
//! assert!(h.bottlenecks.is_empty());
//! ```

use super::projector::GroupData;
use crate::error::{Error, Result};
use crate::group::gset::{ActionSpec, GSet};
use crate::group::orbitals::Orbitals;
use crate::group::{Limits, PermGroup};

/// The multiplicities of one real simple on both sides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SimpleMultiplicities {
    /// Index into [`Hom::data`]`.simples`.
    pub simple: usize,
    /// Multiplicity in `R^X`.
    pub from: u64,
    /// Multiplicity in `R^Y`.
    pub to: u64,
}

/// `Hom_G(R^X, R^Y)` with its certificates (see the module docs).
#[derive(Clone, Debug)]
pub struct Hom {
    /// The group, its classes, table and real simples.
    pub data: GroupData,
    /// The source `X`.
    pub from: GSet,
    /// The target `Y`.
    pub to: GSet,
    /// The orbitals of `G` on `Y × X` (the basis).
    pub orbitals: Orbitals,
    /// `dim Hom_G(R^X, R^Y)`, once all three counts agreed.
    pub dim: u64,
    /// The permutation characters `pi_X`, `pi_Y` on the classes of [`Hom::data`].
    pub pi_from: Vec<u64>,
    /// See `pi_from`.
    pub pi_to: Vec<u64>,
    /// Every real simple occurring in `X` or `Y`, ascending.
    pub simples: Vec<SimpleMultiplicities>,
    /// The simples occurring in `X` but not in `Y` (indices into `data.simples`).
    pub bottlenecks: Vec<usize>,
}

impl Hom {
    /// Build `X` and `Y` (sizes checked first), their orbitals, the group's verified
    /// character table and real simples, and compare the three dimension counts.
    ///
    /// Errors: bad actions (bad input); `X` or `Y` above `--max-points`, the orbital table
    /// above `--max-memory-mb`, the group above `--max-order` (limits); any disagreement of
    /// the three counts (verification).
    ///
    /// Complexity: `O(|X| |Y| #generators)` for the orbitals, one action per class for
    /// the characters, plus the character table.
    pub fn new(
        group: &PermGroup,
        from: &ActionSpec,
        to: &ActionSpec,
        limits: &Limits,
    ) -> Result<Hom> {
        let x = GSet::new(group, from, limits)?;
        let y = GSet::new(group, to, limits)?;
        let orbitals = Orbitals::compute(&x, &y, limits)?;
        let data = GroupData::new(group, limits)?;
        let pi_from = x.permutation_character(&data.classes)?;
        let pi_to = y.permutation_character(&data.classes)?;
        let classes = &data.classes;
        let weighted: u128 = (0..classes.len())
            .map(|k| classes.sizes[k] as u128 * pi_from[k] as u128 * pi_to[k] as u128)
            .sum();
        let order = classes.order as u128;
        if weighted % order != 0 {
            return Err(Error::verification(format!(
                "<pi_X, pi_Y> = {weighted}/{order} is not an integer"
            )));
        }
        let by_characters = weighted / order;
        let mx = data.simples.decompose_permutation_character(&pi_from)?;
        let my = data.simples.decompose_permutation_character(&pi_to)?;
        let mult = |v: &[(usize, u64)], l: usize| v.iter().find(|p| p.0 == l).map_or(0, |p| p.1);
        let simples: Vec<SimpleMultiplicities> = (0..data.simples.len())
            .map(|l| SimpleMultiplicities {
                simple: l,
                from: mult(&mx, l),
                to: mult(&my, l),
            })
            .filter(|s| s.from > 0 || s.to > 0)
            .collect();
        let by_simples: u128 = simples
            .iter()
            .map(|s| {
                s.from as u128
                    * s.to as u128
                    * data.simples.simples[s.simple].kind.endomorphism_dim() as u128
            })
            .sum();
        let by_orbits = orbitals.len() as u128;
        if by_orbits != by_characters || by_orbits != by_simples {
            return Err(Error::verification(format!(
                "dim Hom_G(R^X, R^Y): {by_orbits} orbitals, <pi_X, pi_Y> = {by_characters}, \
                 sum of m_X m_Y dim End = {by_simples}"
            )));
        }
        let bottlenecks = simples
            .iter()
            .filter(|s| s.from > 0 && s.to == 0)
            .map(|s| s.simple)
            .collect();
        Ok(Hom {
            data,
            from: x,
            to: y,
            orbitals,
            dim: by_orbits as u64,
            pi_from,
            pi_to,
            simples,
            bottlenecks,
        })
    }
}
