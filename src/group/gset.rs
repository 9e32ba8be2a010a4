//! G-sets: the action of a group on a finite set `X` (regular, natural, subsets, tuples,
//! conjugation, cosets), orbits, permutation characters, and the centralizer of `G` in
//! `Sym(X)`.
//!
//! STUB: to be written.
