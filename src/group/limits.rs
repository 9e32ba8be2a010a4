//! Limits on the size of computations; each is raised by a command-line flag.

/// Size limits. Exceeding one is [`crate::Error::Limit`] naming the flag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest group order that may be enumerated element by element (`--max-order`).
    pub max_order: u64,
    /// Largest G-set that may be built (`--max-points`).
    pub max_points: u64,
    /// Largest number of conjugacy classes a character table may have (`--max-classes`).
    pub max_classes: usize,
    /// Largest number of subgroups (all conjugates counted) the subgroup-class search may
    /// store, `|G|/8` bytes each (`--max-subgroups`).
    pub max_subgroups: usize,
    /// Largest table that a computation may allocate at once, in MiB: the enumeration's
    /// transversal tables and the PL solver's action and orbital tables
    /// (`--max-memory-mb`).
    pub max_memory_mb: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_order: 2_000_000,
            max_points: 100_000,
            max_classes: 5000,
            max_subgroups: 200_000,
            max_memory_mb: 512,
        }
    }
}
