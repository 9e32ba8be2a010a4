//! The integration tests, one binary (one `mod` per area keeps link time low).

mod arith;
mod group;
mod spec;
