//! Exact arithmetic: rationals with a small-integer fast path, cyclotomic numbers, and
//! prime fields.

pub mod cyclotomic;
pub(crate) mod mix;
pub mod modp;
pub mod ntheory;
pub mod q;
mod sign;
pub mod zumbroich;

pub use cyclotomic::Cyclotomic;
pub use q::Q;
pub(crate) use sign::dense_f64_sign;
