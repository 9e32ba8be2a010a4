//! Tests of the character area.
