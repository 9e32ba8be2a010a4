//! Conjugacy classes of an enumerated group, with element orders, centralizer orders,
//! power maps and inverse classes.
//!
//! STUB: signatures fixed by the skeleton; bodies to be written.

use crate::group::elements::EnumeratedGroup;
use crate::group::perm::Perm;

/// The conjugacy classes of a group, in a deterministic documented order
/// (class 0 is the identity).
#[derive(Clone, Debug)]
pub struct ConjugacyClasses {
    /// A representative of each class.
    pub reps: Vec<Perm>,
    /// Index of each representative in the enumerated group.
    pub rep_indices: Vec<usize>,
    /// Class sizes.
    pub sizes: Vec<u64>,
    /// Element orders.
    pub orders: Vec<u64>,
    /// Centralizer orders `|G| / size`.
    pub centralizer_orders: Vec<u64>,
    /// For every element index of the enumerated group, its class.
    pub class_of: Vec<u32>,
    /// The group order.
    pub group_order: u64,
    /// The exponent (lcm of element orders).
    pub exponent: u64,
}

impl ConjugacyClasses {
    /// Compute the classes of an enumerated group (orbits of conjugation by generators).
    pub fn compute(group: &EnumeratedGroup, generators: &[Perm]) -> Self {
        let _ = (group, generators);
        unimplemented!()
    }

    /// Number of classes.
    pub fn len(&self) -> usize {
        self.reps.len()
    }

    /// Never empty.
    pub fn is_empty(&self) -> bool {
        self.reps.is_empty()
    }

    /// The element indices in class `c`, ascending.
    pub fn members(&self, c: usize) -> Vec<usize> {
        self.class_of.iter().enumerate().filter(|(_, &k)| k as usize == c).map(|(i, _)| i).collect()
    }

    /// Power map: entry `c` is the class of `g^k` for `g` in class `c` (any integer `k`).
    pub fn power_map(&self, group: &EnumeratedGroup, k: i64) -> Vec<usize> {
        let _ = (group, k);
        unimplemented!()
    }

    /// The class of inverses of each class.
    pub fn inverse_classes(&self, group: &EnumeratedGroup) -> Vec<usize> {
        self.power_map(group, -1)
    }
}
