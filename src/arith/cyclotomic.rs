//! Exact cyclotomic numbers: elements of `Q(zeta_n)` for any `n`, in a canonical form.
//!
//! STUB: signatures fixed by the skeleton; bodies to be written.

/// An element of a cyclotomic field, canonical across fields (equal values have equal
/// representations), printed and parsed in GAP notation (`E(n)` = `exp(2 pi i / n)`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Cyclotomic {
    _todo: (),
}

impl Cyclotomic {
    /// `sum_s mult[s] * E(m)^s`: the exact value of a character on an element of order
    /// `m` whose eigenvalue `E(m)^s` has multiplicity `mult[s]` (`mult.len() == m`).
    pub fn from_root_multiplicities(m: u64, mult: &[i64]) -> Self {
        let _ = (m, mult);
        unimplemented!()
    }
}
