//! Benchmarks of class enumeration (to be written).
fn main() {}
