//! Tests of the group area.
