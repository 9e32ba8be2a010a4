//! A group enumerated element by element: compact storage, index lookup, products by index.
//!
//! STUB: signatures fixed by the skeleton; bodies to be written.

use crate::group::perm::Perm;

/// All elements of a permutation group, indexed `0..len()`; index 0 is the identity.
#[derive(Clone, Debug)]
pub struct EnumeratedGroup {
    degree: usize,
}

impl EnumeratedGroup {
    /// Number of elements.
    pub fn len(&self) -> usize {
        unimplemented!()
    }

    /// Never empty (the identity is always there).
    pub fn is_empty(&self) -> bool {
        false
    }

    /// The degree of the permutations.
    pub fn degree(&self) -> usize {
        self.degree
    }

    /// The element with index `i` as a permutation.
    pub fn element(&self, i: usize) -> Perm {
        let _ = i;
        unimplemented!()
    }

    /// The index of a permutation, or `None` if it is not in the group.
    pub fn index_of(&self, g: &Perm) -> Option<usize> {
        let _ = g;
        unimplemented!()
    }

    /// Index of the product `elements[i] * elements[j]` (first `i`, then `j`).
    pub fn mul(&self, i: usize, j: usize) -> usize {
        let _ = (i, j);
        unimplemented!()
    }

    /// Index of the inverse.
    pub fn inv(&self, i: usize) -> usize {
        let _ = i;
        unimplemented!()
    }
}
