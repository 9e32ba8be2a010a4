//! GAP notation out: [`Cyclotomic`] prints exactly as GAP's `PrintCyc`.

use std::fmt;

use super::Cyclotomic;

impl fmt::Display for Cyclotomic {
    /// GAP's printing (`PrintCyc`): terms by increasing exponent; coefficient `1` and
    /// `-1` omitted, `+` between terms, `E(n)` for exponent 1, the rational term alone.
    /// Examples: `3`, `-1/4`, `E(5)`, `-E(5)^2-E(5)^3`, `1/2*E(8)+E(8)^3`, `-1+2*E(4)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.terms.is_empty() {
            return write!(f, "0");
        }
        let n = self.n;
        for (i, (k, c)) in self.terms.iter().enumerate() {
            let root = if *k == 1 {
                format!("E({n})")
            } else {
                format!("E({n})^{k}")
            };
            let positive = c.signum() > 0;
            if i > 0 && positive {
                write!(f, "+")?;
            }
            if *k == 0 {
                write!(f, "{c}")?;
            } else if c.is_one() {
                write!(f, "{root}")?;
            } else if (-c).is_one() {
                write!(f, "-{root}")?;
            } else {
                write!(f, "{c}*{root}")?;
            }
        }
        Ok(())
    }
}

impl fmt::Debug for Cyclotomic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Cyclotomic({self})")
    }
}
