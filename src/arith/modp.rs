//! Arithmetic in prime fields `F_p` with `p < 2^63` (products in `u128`), used by
//! Dixon–Schneider.
//!
//! STUB: to be written.
