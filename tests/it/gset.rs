//! Tests of the gset area.
