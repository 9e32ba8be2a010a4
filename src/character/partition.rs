//! Partitions of `n`: the labels of the conjugacy classes (cycle types) and of the
//! irreducible characters of the symmetric group `S_n`.
//!
//! Order (GAP's `Partitions(n)`, used by `CharacterTable("Symmetric", n)` for both its
//! classes and its characters): the parts written in decreasing order, partitions
//! sorted lexicographically ascending, so `[ 1, 1, ..., 1 ]` comes first and `[ n ]`
//! last. Beta-sets (James, Kerber, *The Representation Theory of the Symmetric Group*,
//! 1981, §2.7) encode a partition with `l` parts as the bit set
//! `{lambda_i + l - i : i = 1..l}`; removing a rim hook of length `r` is moving one bead
//! from `b` to `b - r` (docs/theory.md, "Symmetric and alternating groups").

use std::fmt;

/// A partition of `n`: positive parts in decreasing order.
///
/// # Example
/// ```
/// use plrep::character::partition::Partition;
/// let p = Partition::new(vec![1, 3, 1]);
/// assert_eq!(p.to_string(), "[3,1,1]");
/// assert_eq!(p.gap(), "[ 3, 1, 1 ]");
/// assert_eq!(p.conjugate().parts(), &[3, 1, 1]);
/// assert_eq!(p.hook_lengths(), vec![5, 2, 1, 2, 1]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Partition(Vec<u32>);

impl Partition {
    /// The partition with the given positive parts (sorted decreasingly; zero parts are
    /// dropped). `O(l log l)`.
    pub fn new(mut parts: Vec<u32>) -> Partition {
        parts.retain(|&p| p > 0);
        parts.sort_unstable_by(|a, b| b.cmp(a));
        Partition(parts)
    }

    /// The parts, decreasing.
    pub fn parts(&self) -> &[u32] {
        &self.0
    }

    /// `n = sum of the parts`.
    pub fn size(&self) -> u32 {
        self.0.iter().sum()
    }

    /// The conjugate partition (transposed Young diagram). `O(n)`.
    pub fn conjugate(&self) -> Partition {
        let first = self.0.first().copied().unwrap_or(0);
        Partition(
            (1..=first)
                .map(|j| self.0.iter().filter(|&&p| p >= j).count() as u32)
                .collect(),
        )
    }

    /// Whether the partition equals its conjugate.
    pub fn is_self_conjugate(&self) -> bool {
        *self == self.conjugate()
    }

    /// The hook lengths of all boxes, row by row. `O(n)`.
    pub fn hook_lengths(&self) -> Vec<u32> {
        let c = self.conjugate();
        let mut h = Vec::with_capacity(self.size() as usize);
        for (i, &row) in self.0.iter().enumerate() {
            for j in 0..row as usize {
                h.push(row - j as u32 + c.0[j] - i as u32 - 1);
            }
        }
        h
    }

    /// The hook lengths of the diagonal boxes, decreasing: for a self-conjugate
    /// partition, the cycle type of the split classes where its two constituents in
    /// `A_n` differ.
    pub fn diagonal_hooks(&self) -> Vec<u32> {
        let c = self.conjugate();
        (0..self.0.len())
            .take_while(|&i| self.0[i] as usize > i)
            .map(|i| self.0[i] + c.0[i] - 2 * i as u32 - 1)
            .collect()
    }

    /// GAP's notation, `[ 3, 1, 1 ]`.
    pub fn gap(&self) -> String {
        let parts: Vec<String> = self.0.iter().map(u32::to_string).collect();
        if parts.is_empty() {
            "[  ]".to_string()
        } else {
            format!("[ {} ]", parts.join(", "))
        }
    }

    /// The beta-set with `l = #parts` beads, as a bit set (needs `n < 64`... bits up to
    /// `lambda_1 + l - 1 <= n`).
    pub fn beta_set(&self) -> u64 {
        let l = self.0.len();
        self.0
            .iter()
            .enumerate()
            .fold(0u64, |m, (i, &p)| m | 1 << (p as usize + l - 1 - i))
    }

    /// The partition of a beta-set (any number of beads).
    pub fn from_beta_set(mask: u64) -> Partition {
        let mut parts = Vec::new();
        let mut below = 0u32;
        for b in 0..64u32 {
            if mask >> b & 1 == 1 {
                parts.push(b - below);
                below += 1;
            }
        }
        Partition::new(parts)
    }
}

impl fmt::Display for Partition {
    /// The compact form `[3,1,1]` (labels in graphs and file names).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.0.iter().map(u32::to_string).collect();
        write!(f, "[{}]", parts.join(","))
    }
}

/// All partitions of `n` in GAP's order (`Partitions(n)`: lexicographically ascending,
/// `[1,...,1]` first). `O(p(n) n)`.
///
/// # Example
/// ```
/// use plrep::character::partition::partitions;
/// let p: Vec<String> = partitions(4).iter().map(|p| p.to_string()).collect();
/// assert_eq!(p, ["[1,1,1,1]", "[2,1,1]", "[2,2]", "[3,1]", "[4]"]);
/// ```
pub fn partitions(n: u32) -> Vec<Partition> {
    // Generated in lexicographically descending order (largest first part first), then
    // reversed.
    fn rec(rest: u32, max: u32, cur: &mut Vec<u32>, out: &mut Vec<Partition>) {
        if rest == 0 {
            out.push(Partition(cur.clone()));
            return;
        }
        for p in (1..=max.min(rest)).rev() {
            cur.push(p);
            rec(rest - p, p, cur, out);
            cur.pop();
        }
    }
    let mut out = Vec::new();
    rec(n, n, &mut Vec::new(), &mut out);
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_order() {
        let counts: Vec<usize> = (0..=12).map(|n| partitions(n).len()).collect();
        assert_eq!(counts, [1, 1, 2, 3, 5, 7, 11, 15, 22, 30, 42, 56, 77]);
        for n in 1..=10 {
            let p = partitions(n);
            assert!(p.windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn beta_sets_round_trip() {
        for p in partitions(9) {
            assert_eq!(Partition::from_beta_set(p.beta_set()), p);
            assert_eq!(Partition::from_beta_set(p.beta_set() << 3 | 0b111), p);
            assert_eq!(p.conjugate().conjugate(), p);
        }
        let p = Partition::new(vec![3, 2, 2]);
        assert_eq!(p.diagonal_hooks(), vec![5, 2]);
    }
}
