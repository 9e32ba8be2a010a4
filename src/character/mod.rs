//! Characters: exact character tables (Dixon–Schneider), real and rational simples,
//! permutation characters.
