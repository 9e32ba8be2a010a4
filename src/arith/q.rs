//! Rational numbers with an `i64` fast path and a `BigRational` fallback.
//!
//! STUB: signatures fixed by the skeleton; bodies to be written.

/// An exact rational number in lowest terms with positive denominator.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Q {
    _todo: (),
}
