//! Limits on the size of computations; each is raised by a command-line flag.
//!
//! Every size check goes through the methods here, so that each refusal names its flag
//! and happens *before* the allocation it protects: callers estimate the bytes (or
//! points, degrees, generators) with saturating arithmetic from quantities they know in
//! advance, and allocate only after the check passed.

use crate::error::{Error, LimitKind, Result};

/// Size limits. Exceeding one is [`crate::Error::Limit`] naming the flag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest group order that may be enumerated element by element (`--max-order`).
    pub max_order: u64,
    /// Largest G-set that may be built (`--max-points`).
    pub max_points: u64,
    /// Largest number of conjugacy classes a character table may have (`--max-classes`).
    pub max_classes: usize,
    /// Largest number of subgroups the subgroup-class search may store, `|G|/8` bytes
    /// each: all conjugates up to 2048 elements, one representative per class above
    /// (`--max-subgroups`; their bytes also count against `--max-memory-mb`).
    pub max_subgroups: usize,
    /// Largest table that a computation may allocate at once, in MiB: the enumeration's
    /// transversal tables, the generators, G-sets, the subgroup store and the PL solver's
    /// action, orbital and class-sum tables (`--max-memory-mb`).
    pub max_memory_mb: u64,
    /// Largest number of points a permutation may act on (`--max-degree`); checked on the
    /// largest point written, before the permutation is allocated.
    pub max_degree: u64,
    /// Largest number of generators of a group given by generators (`--max-generators`).
    pub max_generators: u64,
    /// Largest input file that is read, in MiB (`--max-input-mb`); a file is read through
    /// a reader capped at this size, so endless files (`/dev/zero`) stop there.
    pub max_input_mb: u64,
    /// Largest deterministic verification of a stabilizer chain of a group of unknown
    /// order, in millions of point operations (`--max-verify-work`); estimated before it
    /// starts and counted while it runs.
    pub max_verify_work: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_order: 2_000_000,
            max_points: 100_000,
            max_classes: 5000,
            max_subgroups: 200_000,
            max_memory_mb: 512,
            // Above every catalog group (catalog::MAX_CATALOG_DEGREE is 10^6).
            max_degree: 10_000_000,
            max_generators: 100_000,
            max_input_mb: 64,
            // A few seconds.
            max_verify_work: 1000,
        }
    }
}

/// The saturating product of table dimensions (an estimate in bytes or entries that
/// never wraps around: an absurd size stays absurd instead of becoming small).
///
/// ```
/// use plrep::group::limits::table_size;
/// assert_eq!(table_size(&[2000, 2000, 2000, 16]), 128_000_000_000);
/// assert_eq!(table_size(&[u128::MAX, 2]), u128::MAX);
/// ```
pub fn table_size(dims: &[u128]) -> u128 {
    dims.iter().fold(1u128, |acc, &d| acc.saturating_mul(d))
}

impl Limits {
    /// `--max-memory-mb` in bytes.
    pub fn memory_bytes(&self) -> u128 {
        (self.max_memory_mb as u128) << 20
    }

    /// `--max-verify-work` in point operations.
    pub fn verify_work(&self) -> u128 {
        self.max_verify_work as u128 * 1_000_000
    }

    /// `--max-input-mb` in bytes.
    pub fn input_bytes(&self) -> u64 {
        self.max_input_mb.saturating_mul(1 << 20)
    }

    /// Refuse an allocation of `bytes` above `--max-memory-mb`; `what` describes it (only
    /// called on refusal).
    ///
    /// ```
    /// use plrep::group::Limits;
    /// let l = Limits::default();
    /// assert!(l.check_memory(1 << 20, || "a table".into()).is_ok());
    /// let e = l.check_memory(1 << 40, || "a table".into()).unwrap_err();
    /// assert!(e.to_string().contains("--max-memory-mb"));
    /// ```
    pub fn check_memory(&self, bytes: u128, what: impl FnOnce() -> String) -> Result<()> {
        if bytes > self.memory_bytes() {
            return Err(Error::limit(
                format!("{} ({} MiB)", what(), mib(bytes)),
                format!("{} MiB", self.max_memory_mb),
                LimitKind::MemoryMb,
            ));
        }
        Ok(())
    }

    /// Refuse a permutation on more than `--max-degree` points.
    pub fn check_degree(&self, degree: u128) -> Result<()> {
        if degree > self.max_degree as u128 {
            return Err(Error::limit(
                format!("a permutation on {degree} points"),
                self.max_degree,
                LimitKind::Degree,
            ));
        }
        Ok(())
    }

    /// Refuse `count` generators of degree `degree` when there are more than
    /// `--max-generators` of them or their image arrays (4 bytes a point) exceed
    /// `--max-memory-mb`.
    pub fn check_generators(&self, count: u128, degree: u128) -> Result<()> {
        if count > self.max_generators as u128 {
            return Err(Error::limit(
                format!("{count} generators"),
                self.max_generators,
                LimitKind::Generators,
            ));
        }
        self.check_degree(degree)?;
        self.check_memory(table_size(&[count, degree, 4]), || {
            format!("{count} generators on {degree} points")
        })
    }

    /// Refuse `bytes` of input above `--max-input-mb`; `what` names the input.
    pub fn check_input(&self, bytes: u64, what: &str) -> Result<()> {
        if bytes > self.input_bytes() {
            return Err(Error::limit(
                format!("the input {what} of more than {} MiB", self.max_input_mb),
                format!("{} MiB", self.max_input_mb),
                LimitKind::InputMb,
            ));
        }
        Ok(())
    }
}

/// Bytes in MiB, rounded up.
fn mib(bytes: u128) -> u128 {
    bytes.div_ceil(1 << 20)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_check_names_its_flag() {
        let l = Limits::default();
        let flag = |r: Result<()>| match r {
            Err(Error::Limit { kind, .. }) => kind.flag(),
            other => panic!("expected a limit, got {other:?}"),
        };
        assert_eq!(flag(l.check_degree(10_000_001)), "--max-degree");
        assert!(l.check_degree(10_000_000).is_ok());
        assert_eq!(flag(l.check_generators(100_001, 3)), "--max-generators");
        assert_eq!(flag(l.check_generators(1000, 1_000_000)), "--max-memory-mb");
        assert!(l.check_generators(1000, 1000).is_ok());
        assert_eq!(flag(l.check_input(65 << 20, "f")), "--max-input-mb");
        assert!(l.check_input(64 << 20, "f").is_ok());
        assert_eq!(
            flag(l.check_memory(u128::MAX, || "x".into())),
            "--max-memory-mb"
        );
    }
}
