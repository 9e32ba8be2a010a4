//! Tests of the arith area.
