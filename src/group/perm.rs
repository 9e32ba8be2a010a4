//! Permutations of the points `0..n` (printed 1-based in GAP cycle notation).
//!
//! Convention (GAP's): permutations act on the **right**, `x^(gh) = (x^g)^h`, so the
//! product `g * h` first applies `g`, then `h`.

use crate::error::{Error, LimitKind, Result};
use crate::group::limits::Limits;
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
        // The inverse images, so that multiplying by a cycle touches only its points:
        // O(degree + total cycle length) instead of O(degree) per cycle.
        let mut inv: Vec<u32> = (0..degree as u32).collect();
        let mut seen = vec![false; degree];
        for c in cycles {
            for &x in c {
                if x >= degree {
                    return Err(Error::bad(
                        format!("point {} exceeds the degree {degree}", x + 1),
                        "use points 1..degree",
                    ));
                }
                if seen[x] {
                    for &y in c {
                        seen[y] = false;
                    }
                    return Err(Error::bad(
                        format!("point {} is repeated in the cycle", x + 1),
                        "a cycle lists each point once",
                    ));
                }
                seen[x] = true;
            }
            // p := p * cyc: the point x with x^p = c[i] now goes to c[i+1].
            let sources: Vec<u32> = c.iter().map(|&y| inv[y]).collect();
            for (i, &src) in sources.iter().enumerate() {
                let to = c[(i + 1) % c.len()];
                p.images[src as usize] = to as u32;
                inv[to] = src;
            }
            for &y in c {
                seen[y] = false;
            }
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
    /// The degree is the largest point mentioned (at least `min_degree`), at most the
    /// default `--max-degree` (see [`Perm::parse_gap_within`]).
    pub fn parse_gap(text: &str, min_degree: usize) -> Result<Self> {
        Perm::parse_gap_within(text, min_degree, &Limits::default())
    }

    /// Parse GAP cycle notation as GAP reads it: whitespace is allowed only around the
    /// tokens `(`, `)`, `,` and numbers, so `(1 2 3)` and `(1, 2 3)` are errors (not
    /// `(1,2,3)` or `(1,23)`). Cycles that share points are multiplied left to right, as
    /// in GAP (`(1,2)(2,3)` is `(1,3,2)`).
    ///
    /// Errors: bad input for syntax errors, point 0 and points repeated within a cycle; a
    /// limit (`--max-degree`) for a point above `limits.max_degree`, checked before the
    /// permutation is allocated.
    ///
    /// Complexity: `O(degree + length of text)`.
    ///
    /// ```
    /// use plrep::group::{Limits, Perm};
    /// let l = Limits::default();
    /// assert_eq!(Perm::parse_gap_within(" ( 1 , 2 ) (3,4)", 0, &l)?.degree(), 4);
    /// assert!(Perm::parse_gap_within("(1 2 3)", 0, &l).is_err());
    /// let e = Perm::parse_gap_within("(1,2147483647)", 0, &l).unwrap_err();
    /// assert_eq!(e.exit_code(), 3);
    /// # Ok::<(), plrep::Error>(())
    /// ```
    pub fn parse_gap_within(text: &str, min_degree: usize, limits: &Limits) -> Result<Self> {
        let cycles = parse_cycles(text, limits)?;
        let max = cycles.iter().flatten().copied().max().map_or(0, |m| m + 1);
        let degree = max.max(min_degree);
        limits.check_degree(degree as u128)?;
        Perm::from_cycles(degree, &cycles)
    }
}

/// A token of cycle notation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token<'a> {
    Open,
    Close,
    Comma,
    Number(&'a str),
}

/// Split cycle notation into tokens; whitespace separates tokens and is dropped.
/// Returns each token with its byte offset.
fn tokens(text: &str) -> Result<Vec<(usize, Token<'_>)>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut inside = false;
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'(' => {
                inside = true;
                out.push((i, Token::Open))
            }
            b')' => {
                inside = false;
                out.push((i, Token::Close))
            }
            b',' => out.push((i, Token::Comma)),
            b'0'..=b'9' => {
                let start = i;
                while i + 1 < bytes.len() && bytes[i + 1].is_ascii_digit() {
                    i += 1;
                }
                out.push((start, Token::Number(&text[start..=i])));
            }
            _ if c.is_ascii_whitespace() => {}
            b'-' if bytes.get(i + 1).is_some_and(u8::is_ascii_digit) => {
                let digits = text[i + 1..]
                    .split(|c: char| !c.is_ascii_digit())
                    .next()
                    .unwrap_or("");
                return Err(Error::bad(
                    format!("point -{digits} in permutation '{text}'"),
                    "points are numbered from 1",
                ));
            }
            _ if !inside => {
                return Err(Error::bad(
                    format!("expected '(' at '{}' in permutation '{text}'", &text[i..]),
                    "use GAP cycle notation like (1,2,3)(4,5)",
                ));
            }
            _ => {
                let word = text[i..]
                    .split(|c: char| c.is_whitespace() || "(),".contains(c))
                    .next()
                    .filter(|w| !w.is_empty())
                    .unwrap_or("?");
                return Err(Error::bad(
                    format!("'{word}' is not a point in permutation '{text}'"),
                    "use GAP cycle notation like (1,2,3)(4,5): points are positive integers",
                ));
            }
        }
        i += 1;
    }
    Ok(out)
}

/// Parse `(a,b,...)(c,...)` into 0-based cycles, refusing points above
/// `limits.max_degree` as soon as they are read.
pub(crate) fn parse_cycles(text: &str, limits: &Limits) -> Result<Vec<Vec<usize>>> {
    let toks = tokens(text)?;
    if toks.is_empty() {
        return Err(Error::bad("empty permutation", "write the identity as ()"));
    }
    let syntax = |at: usize, what: &str| {
        Error::bad(
            format!("{what} at position {} of permutation '{text}'", at + 1),
            "use GAP cycle notation like (1,2,3)(4,5): points separated by commas",
        )
    };
    let mut cycles = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let (at, t) = toks[i];
        if t != Token::Open {
            return Err(syntax(at, "expected '('"));
        }
        i += 1;
        let mut cycle = Vec::new();
        // Either `()` or numbers separated by commas, then `)`.
        loop {
            let Some(&(at, t)) = toks.get(i) else {
                return Err(Error::bad(
                    format!("unbalanced brackets in permutation '{text}'"),
                    "close every cycle with ')'",
                ));
            };
            match t {
                Token::Close if cycle.is_empty() => break,
                Token::Number(digits) => cycle.push(point(digits, text, limits)?),
                Token::Open => {
                    return Err(Error::bad(
                        format!("unbalanced brackets in permutation '{text}'"),
                        "cycles cannot be nested",
                    ))
                }
                _ => {
                    return Err(syntax(
                        at,
                        "a bracket or comma where a point belongs: not a point",
                    ))
                }
            }
            i += 1;
            match toks.get(i) {
                Some(&(_, Token::Comma)) => i += 1,
                Some(&(_, Token::Close)) => break,
                Some(&(at, Token::Number(_))) => return Err(Error::bad(
                    format!(
                        "two points without a comma at position {} of permutation '{text}'",
                        at + 1
                    ),
                    "separate points by commas, e.g. (1,2,3); spaces alone do not separate them",
                )),
                Some(&(at, _)) => return Err(syntax(at, "expected ',' or ')'")),
                None => {
                    return Err(Error::bad(
                        format!("unbalanced brackets in permutation '{text}'"),
                        "close every cycle with ')'",
                    ))
                }
            }
        }
        i += 1; // the ')'
        if !cycle.is_empty() {
            let mut sorted = cycle.clone();
            sorted.sort_unstable();
            if let Some(w) = sorted.windows(2).find(|w| w[0] == w[1]) {
                return Err(Error::bad(
                    format!("point {} is repeated in a cycle of '{text}'", w[0] + 1),
                    "a cycle lists each point once",
                ));
            }
            cycles.push(cycle);
        }
    }
    Ok(cycles)
}

/// A 1-based point written in decimal, as a 0-based index within `--max-degree`.
fn point(digits: &str, text: &str, limits: &Limits) -> Result<usize> {
    let value = digits.bytes().try_fold(0u128, |acc, d| {
        acc.checked_mul(10)?.checked_add((d - b'0') as u128)
    });
    let Some(p) = value else {
        return Err(Error::limit(
            format!("point {digits}"),
            limits.max_degree,
            LimitKind::Degree,
        ));
    };
    if p == 0 {
        return Err(Error::bad(
            format!("point 0 in permutation '{text}'"),
            "points are numbered from 1",
        ));
    }
    limits.check_degree(p)?;
    // Images are stored as u32.
    if p > u32::MAX as u128 / 2 {
        return Err(Error::limit_with_note(
            format!("point {p}"),
            u32::MAX / 2,
            LimitKind::Degree,
            "(points are stored in 32 bits; this is a hard ceiling)",
        ));
    }
    Ok((p - 1) as usize)
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
