//! Characters: exact character tables of finite permutation groups, verified before
//! they are returned.
//!
//! * [`CharacterTable`] — the exact table: class data (sizes, element orders,
//!   centralizer orders, representatives, every power map), the characters (degree,
//!   values in [`crate::arith::Cyclotomic`] and as [`RootSum`]s, Frobenius–Schur
//!   indicator) in a canonical order, and the [`Method`] that ran.
//!   [`CharacterTable::compute`] enumerates a [`crate::group::PermGroup`] and dispatches:
//!   abelian groups take the fast path of [`abelian`] (no linear algebra), all others
//!   Dixon–Schneider ([`dixon`]) over a prime field with an exact lift.
//! * Verification (a failure is [`crate::Error::Verification`], never an output):
//!   [`check_character_table`] proves orthonormality, integrality, Galois closure,
//!   degrees and indicators modulo a large prime; [`table::verify_central_characters`]
//!   (Dixon–Schneider) or the structural certificate of [`abelian`] proves that every
//!   row is an irreducible character.
//! * [`structure`] — class data and class structure constants ("class matrices"), row
//!   by row; [`rootsum`] — values as sums of roots of unity.
//!
//! References: J. D. Dixon, *High speed computation of group characters*, Numer. Math.
//! 10 (1967); G. J. A. Schneider, *Dixon's character table algorithm revisited*,
//! J. Symbolic Comput. 9 (1990); I. M. Isaacs, *Character Theory of Finite Groups*
//! (orthogonality, central characters, Frobenius–Schur indicators).

pub mod abelian;
pub mod abelian_real;
pub mod abelian_table;
pub mod dixon;
pub mod heisenberg;
pub mod large;
pub mod partition;
pub mod real;
pub mod rootsum;
pub mod structure;
pub mod symmetric;
pub mod symmetric_large;
pub mod table;
pub mod young_names;

pub use real::{rational_simples, RationalSimple, RealSimple, RealSimples, SimpleType};
pub use rootsum::RootSum;
pub use structure::{ClassInfo, GroupOps, StructureRows};
pub use table::{
    check_character_table, check_integer_table, Character, CharacterTable, Method,
    DEFAULT_MAX_CLASSES,
};
