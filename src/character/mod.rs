//! Characters: exact character tables (Dixon–Schneider, abelian fast path), verified
//! before they are returned.
//!
//! * [`CharacterTable`] — the exact table with class data, characters (degree, values in
//!   [`crate::arith::Cyclotomic`], Frobenius–Schur indicator) and the method that ran;
//! * [`check_character_table`] — the built-in proof check;
//! * [`RootSum`] — values as sums of roots of unity, the form the algorithms produce;
//! * [`dixon`], [`abelian`], [`structure`] — the algorithms and their class data.

pub mod abelian;
pub mod dixon;
pub mod rootsum;
pub mod structure;
pub mod table;

pub use rootsum::RootSum;
pub use structure::{ClassInfo, GroupOps};

pub use table::{check_character_table, Character, CharacterTable, Method, DEFAULT_MAX_CLASSES};
