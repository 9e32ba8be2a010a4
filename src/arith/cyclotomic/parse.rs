//! GAP notation in: a recursive-descent parser for [`Cyclotomic`] that never panics and
//! bounds the field it builds ([`super::MAX_PARSE_CONDUCTOR`]).

use std::str::FromStr;

use num_bigint::BigInt;

use super::{Cyclotomic, MAX_PARSE_CONDUCTOR};
use crate::arith::ntheory::lcm;
use crate::arith::q::Q;
use crate::error::Error;

/// A recursive-descent parser for sums of products of rationals and powers `E(n)^k`.
struct Parser<'a> {
    s: &'a [u8],
    pos: usize,
    src: &'a str,
}

const PARSE_HINT: &str =
    "expected GAP notation: a sum of terms like 3, -1/2, E(5), 2*E(8)^3, -E(12)^7";

impl<'a> Parser<'a> {
    fn err(&self, what: &str) -> Error {
        Error::bad(
            format!(
                "cannot parse cyclotomic {:?}: {what} at position {}",
                self.src, self.pos
            ),
            PARSE_HINT,
        )
    }

    fn ws(&mut self) {
        while self.pos < self.s.len() && self.s[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.s.get(self.pos).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, c: u8) -> Result<(), Error> {
        if self.eat(c) {
            Ok(())
        } else {
            Err(self.err(&format!("expected '{}'", c as char)))
        }
    }

    fn digits(&mut self) -> Result<BigInt, Error> {
        self.ws();
        let start = self.pos;
        while self.pos < self.s.len() && self.s[self.pos].is_ascii_digit() {
            self.pos += 1;
        }
        if start == self.pos {
            return Err(self.err("expected a number"));
        }
        let text =
            std::str::from_utf8(&self.s[start..self.pos]).map_err(|_| self.err("bad digits"))?;
        text.parse::<BigInt>().map_err(|_| self.err("bad number"))
    }

    fn small(&mut self, what: &str) -> Result<i64, Error> {
        let v = self.digits()?;
        i64::try_from(v).map_err(|_| self.err(&format!("{what} too large")))
    }

    /// A signed integer exponent: `k`, `-k` or `(-k)`.
    fn exponent(&mut self) -> Result<i64, Error> {
        let paren = self.eat(b'(');
        let neg = self.eat(b'-');
        if !neg {
            self.eat(b'+');
        }
        let v = self.small("exponent")?;
        if paren {
            self.expect(b')')?;
        }
        Ok(if neg { -v } else { v })
    }

    /// One term: a product of factors with an optional leading sign handled by the caller.
    /// Returns `(n, k, c)` meaning `c * E(n)^k`.
    fn term(&mut self) -> Result<(u64, u64, Q, Vec<Cyclotomic>), Error> {
        let mut extra: Vec<Cyclotomic> = Vec::new();
        let mut n = 1u64;
        let mut k = 0u64;
        let mut c = Q::one();
        loop {
            match self.peek() {
                Some(b'E') if matches!(self.s.get(self.pos + 1), Some(b'R') | Some(b'I')) => {
                    // GAP's ER(n) = sqrt(n), EI(n) = sqrt(-n).
                    let imaginary = self.s[self.pos + 1] == b'I';
                    self.pos += 2;
                    self.expect(b'(')?;
                    let neg = self.eat(b'-');
                    let v = self.small("square root argument")?;
                    self.expect(b')')?;
                    let v = if neg != imaginary { -v } else { v };
                    let r = Cyclotomic::sqrt_of_rational(&Q::from_int(v))
                        .filter(|r| r.conductor() <= MAX_PARSE_CONDUCTOR)
                        .ok_or_else(|| self.err("square root argument too large"))?;
                    if self.eat(b'^') {
                        return Err(self.err("powers of ER/EI are not supported"));
                    }
                    extra.push(r);
                }
                Some(b'E') => {
                    self.pos += 1;
                    self.expect(b'(')?;
                    let m = self.small("root order")?;
                    if m < 1 || m as u64 > MAX_PARSE_CONDUCTOR {
                        return Err(self.err(&format!(
                            "root order must be between 1 and {MAX_PARSE_CONDUCTOR}"
                        )));
                    }
                    self.expect(b')')?;
                    let e = if self.eat(b'^') { self.exponent()? } else { 1 };
                    let m = m as u64;
                    let l = lcm(n, m)
                        .filter(|l| *l <= MAX_PARSE_CONDUCTOR)
                        .ok_or_else(|| {
                            self.err(&format!(
                                "field of the term exceeds E({MAX_PARSE_CONDUCTOR})"
                            ))
                        })?;
                    let e = (e as i128).rem_euclid(m as i128) as u64;
                    k = (k * (l / n) + e * (l / m)) % l;
                    n = l;
                }
                Some(b'0'..=b'9') => {
                    let v = self.digits()?;
                    c *= Q::from(v);
                }
                Some(b'(') => {
                    return Err(self.err("parentheses are only supported in exponents"));
                }
                _ => return Err(self.err("expected a number or E(n)")),
            }
            if self.eat(b'*') {
                continue;
            }
            if self.eat(b'/') {
                let d = self.digits()?;
                if d == BigInt::from(0) {
                    return Err(self.err("division by zero"));
                }
                c *= Q::from(d).inv();
                if self.eat(b'*') {
                    continue;
                }
            }
            return Ok((n, k, c, extra));
        }
    }

    fn sum(&mut self) -> Result<Cyclotomic, Error> {
        let mut terms: Vec<(u64, u64, Q)> = Vec::new();
        let mut first = true;
        loop {
            let neg = match self.peek() {
                Some(b'-') => {
                    self.pos += 1;
                    true
                }
                Some(b'+') => {
                    self.pos += 1;
                    false
                }
                None if first => return Err(self.err("empty input")),
                None => break,
                _ if first => false,
                _ => return Err(self.err("expected '+' or '-' between terms")),
            };
            first = false;
            let (n, k, c, extra) = self.term()?;
            let c = if neg { -c } else { c };
            if extra.is_empty() {
                terms.push((n, k, c));
            } else {
                // A term with square roots: multiply out now, add as its own terms.
                let root = Cyclotomic::root_of_unity(n, k as i64).scale(&c);
                let x = extra.iter().fold(root, |acc, r| &acc * r);
                let m = x.conductor();
                for (e, d) in x.terms() {
                    terms.push((m, *e as u64, d.clone()));
                }
            }
        }
        let mut l = 1u64;
        for (n, _, _) in &terms {
            l = lcm(l, *n)
                .filter(|l| *l <= MAX_PARSE_CONDUCTOR)
                .ok_or_else(|| self.err(&format!("field exceeds E({MAX_PARSE_CONDUCTOR})")))?;
        }
        let t = terms
            .into_iter()
            .map(|(n, k, c)| (k * (l / n), c))
            .collect();
        Ok(Cyclotomic::from_sparse(l, t))
    }
}

impl FromStr for Cyclotomic {
    type Err = Error;

    /// Parse GAP notation: sums of terms `c*E(n)^k` (also `E(n)^k*c`, `E(n)/2`, products
    /// of several `E(..)`, negative exponents `E(n)^-k` or `E(n)^(-k)`, GAP's square roots
    /// `ER(n)` = `sqrt(n)` and `EI(n)` = `sqrt(-n)` as factors, spaces anywhere).
    /// Errors are [`Error::BadInput`] with a hint; never panics.
    fn from_str(s: &str) -> Result<Cyclotomic, Error> {
        let mut p = Parser {
            s: s.as_bytes(),
            pos: 0,
            src: s,
        };
        p.sum()
    }
}
