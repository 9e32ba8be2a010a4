//! Permutations of the points `0..n` (printed 1-based in GAP cycle notation).
//!
//! Convention (GAP's): permutations act on the **right**, `x^(gh) = (x^g)^h`, so the
//! product `g * h` first applies `g`, then `h`.

use crate::error::{Error, Result};
use std::fmt;

/// A permutation of `0..degree`, stored as its image array.
///
/// Two permutations are equal when they have the same degree and images; use
/// [`Perm::extended`] to compare permutations of different degrees.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Perm {
    images: Vec<u32>,
}

impl Perm {
    /// The identity on `degree` points.
    pub fn identity(degree: usize) -> Self {
        Perm {
            images: (0..degree as u32).collect(),
        }
    }

    /// A permutation from its image array (`images[x] = x^g`, 0-based).
    ///
    /// Errors if `images` is not a bijection of `0..images.len()`.
    pub fn from_images(images: Vec<u32>) -> Result<Self> {
        let n = images.len();
        let mut seen = vec![false; n];
        for &y in &images {
            let y = y as usize;
            if y >= n || seen[y] {
                return Err(Error::bad(
                    format!("image list {images:?} is not a permutation"),
                    "every point 0..n-1 must appear exactly once",
                ));
            }
            seen[y] = true;
        }
        Ok(Perm { images })
    }

    /// Like [`Perm::from_images`] without the check; the caller guarantees a bijection.
    pub fn from_images_unchecked(images: Vec<u32>) -> Self {
        debug_assert!(Perm::from_images(images.clone()).is_ok());
        Perm { images }
    }

    /// A permutation from 0-based cycles on `degree` points (the cycles are multiplied
    /// left to right, as GAP reads `(1,2)(2,3)`).
    pub fn from_cycles(degree: usize, cycles: &[Vec<usize>]) -> Result<Self> {
        let mut p = Perm::identity(degree);
        for c in cycles {
            let mut seen = std::collections::BTreeSet::new();
            for &x in c {
                if x >= degree {
                    return Err(Error::bad(
                        format!("point {} exceeds the degree {degree}", x + 1),
                        "use points 1..degree",
                    ));
                }
                if !seen.insert(x) {
                    return Err(Error::bad(
                        format!("point {} is repeated in the cycle", x + 1),
                        "a cycle lists each point once",
                    ));
                }
            }
            let mut cyc = Perm::identity(degree);
            for (i, &x) in c.iter().enumerate() {
                cyc.images[x] = c[(i + 1) % c.len()] as u32;
            }
            p = &p * &cyc;
        }
        Ok(p)
    }

    /// Number of points moved or fixed (the length of the image array).
    pub fn degree(&self) -> usize {
        self.images.len()
    }

    /// The image array, `images()[x] = x^g`.
    pub fn images(&self) -> &[u32] {
        &self.images
    }

    /// The image of the point `x` (0-based).
    #[inline]
    pub fn apply(&self, x: usize) -> usize {
        self.images[x] as usize
    }

    /// Whether this is the identity.
    pub fn is_identity(&self) -> bool {
        self.images.iter().enumerate().all(|(i, &y)| i as u32 == y)
    }

    /// The inverse permutation.
    pub fn inverse(&self) -> Self {
        let mut inv = vec![0u32; self.images.len()];
        for (x, &y) in self.images.iter().enumerate() {
            inv[y as usize] = x as u32;
        }
        Perm { images: inv }
    }

    /// `g^k` for any integer `k` (negative powers use the inverse).
    pub fn pow(&self, k: i64) -> Self {
        let n = self.images.len();
        let mut out = vec![0u32; n];
        let mut done = vec![false; n];
        let mut cycle = Vec::new();
        for start in 0..n {
            if done[start] {
                continue;
            }
            cycle.clear();
            let mut x = start;
            while !done[x] {
                done[x] = true;
                cycle.push(x);
                x = self.images[x] as usize;
            }
            let len = cycle.len() as i64;
            let shift = k.rem_euclid(len) as usize;
            for (i, &x) in cycle.iter().enumerate() {
                out[x] = cycle[(i + shift) % cycle.len()] as u32;
            }
        }
        Perm { images: out }
    }

    /// The order of the permutation (lcm of its cycle lengths).
    pub fn order(&self) -> u64 {
        self.cycle_lengths()
            .into_iter()
            .fold(1u64, |acc, l| num_integer::lcm(acc, l as u64))
    }

    /// Cycle lengths (including fixed points as 1-cycles), in order of smallest point.
    pub fn cycle_lengths(&self) -> Vec<usize> {
        self.cycles_with_fixed()
            .into_iter()
            .map(|c| c.len())
            .collect()
    }

    /// All cycles including fixed points, each starting at its smallest point, sorted.
    fn cycles_with_fixed(&self) -> Vec<Vec<usize>> {
        let n = self.images.len();
        let mut done = vec![false; n];
        let mut out = Vec::new();
        for start in 0..n {
            if done[start] {
                continue;
            }
            let mut c = Vec::new();
            let mut x = start;
            while !done[x] {
                done[x] = true;
                c.push(x);
                x = self.images[x] as usize;
            }
            out.push(c);
        }
        out
    }

    /// The non-trivial cycles (0-based), each starting at its smallest point.
    pub fn cycles(&self) -> Vec<Vec<usize>> {
        self.cycles_with_fixed()
            .into_iter()
            .filter(|c| c.len() > 1)
            .collect()
    }

    /// The largest moved point plus one (0 for the identity): GAP's `LargestMovedPoint`.
    pub fn largest_moved_point(&self) -> usize {
        (0..self.images.len())
            .rev()
            .find(|&x| self.images[x] as usize != x)
            .map_or(0, |x| x + 1)
    }

    /// The same permutation on `degree >= self.degree()` points (new points fixed).
    pub fn extended(&self, degree: usize) -> Self {
        assert!(degree >= self.images.len(), "cannot shrink a permutation");
        let mut images = self.images.clone();
        images.extend(self.images.len() as u32..degree as u32);
        Perm { images }
    }

    /// Conjugate `h^-1 g h` (GAP's `g^h`).
    pub fn conjugate_by(&self, h: &Perm) -> Self {
        // (x^h)^(h^-1 g h) = (x^g)^h
        let mut out = vec![0u32; self.images.len()];
        for x in 0..self.images.len() {
            out[h.images[x] as usize] = h.images[self.images[x] as usize];
        }
        Perm { images: out }
    }

    /// Parse GAP cycle notation, e.g. `(1,2,3)(4,5)` or `()`; points are 1-based.
    /// The degree is the largest point mentioned (at least `min_degree`).
    pub fn parse_gap(text: &str, min_degree: usize) -> Result<Self> {
        let cycles = parse_cycles(text)?;
        let max = cycles.iter().flatten().copied().max().map_or(0, |m| m + 1);
        Perm::from_cycles(max.max(min_degree), &cycles)
    }
}

/// Parse `(a,b,...)(c,...)` into 0-based cycles.
fn parse_cycles(text: &str) -> Result<Vec<Vec<usize>>> {
    let s: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if s.is_empty() {
        return Err(Error::bad("empty permutation", "write the identity as ()"));
    }
    let mut cycles = Vec::new();
    let mut rest = s.as_str();
    while !rest.is_empty() {
        let Some(after) = rest.strip_prefix('(') else {
            return Err(Error::bad(
                format!("expected '(' at '{rest}' in permutation '{text}'"),
                "use GAP cycle notation like (1,2,3)(4,5)",
            ));
        };
        let Some(close) = after.find(')') else {
            return Err(Error::bad(
                format!("unbalanced brackets in permutation '{text}'"),
                "close every cycle with ')'",
            ));
        };
        let body = &after[..close];
        if body.contains('(') {
            return Err(Error::bad(
                format!("unbalanced brackets in permutation '{text}'"),
                "cycles cannot be nested",
            ));
        }
        if !body.is_empty() {
            let mut cycle = Vec::new();
            for tok in body.split(',') {
                let p: i64 = tok.parse().map_err(|_| {
                    Error::bad(
                        format!("'{tok}' is not a point in permutation '{text}'"),
                        "points are positive integers",
                    )
                })?;
                if p <= 0 {
                    return Err(Error::bad(
                        format!("point {p} in permutation '{text}'"),
                        "points are numbered from 1",
                    ));
                }
                if p > u32::MAX as i64 / 2 {
                    return Err(Error::bad(
                        format!("point {p} is too large"),
                        "points must be below 2^31",
                    ));
                }
                cycle.push((p - 1) as usize);
            }
            let mut sorted = cycle.clone();
            sorted.sort_unstable();
            if let Some(w) = sorted.windows(2).find(|w| w[0] == w[1]) {
                return Err(Error::bad(
                    format!("point {} is repeated in the cycle ({body})", w[0] + 1),
                    "a cycle lists each point once",
                ));
            }
            cycles.push(cycle);
        }
        rest = &after[close + 1..];
    }
    Ok(cycles)
}

impl std::ops::Mul<&Perm> for &Perm {
    type Output = Perm;
    /// `g * h`: first `g`, then `h` (right action).
    fn mul(self, h: &Perm) -> Perm {
        assert_eq!(
            self.images.len(),
            h.images.len(),
            "permutations of different degrees"
        );
        Perm {
            images: self.images.iter().map(|&y| h.images[y as usize]).collect(),
        }
    }
}

impl std::ops::Mul<Perm> for Perm {
    type Output = Perm;
    fn mul(self, h: Perm) -> Perm {
        &self * &h
    }
}

impl std::ops::Mul<&Perm> for Perm {
    type Output = Perm;
    fn mul(self, h: &Perm) -> Perm {
        &self * h
    }
}

impl std::ops::Mul<Perm> for &Perm {
    type Output = Perm;
    fn mul(self, h: Perm) -> Perm {
        self * &h
    }
}

impl fmt::Display for Perm {
    /// GAP cycle notation, 1-based, cycles by smallest point; `()` for the identity.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cycles = self.cycles();
        if cycles.is_empty() {
            return f.write_str("()");
        }
        for c in cycles {
            f.write_str("(")?;
            for (i, x) in c.iter().enumerate() {
                if i > 0 {
                    f.write_str(",")?;
                }
                write!(f, "{}", x + 1)?;
            }
            f.write_str(")")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Perm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Perm({self})")
    }
}
