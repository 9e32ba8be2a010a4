//! Invariant biases of an equivariant layer (theory.md §10).
//!
//! A `G`-invariant vector of `R^X` is constant on every orbit of `G` on `X`, so a bias is
//! one rational per orbit. `--bias q` puts `q` on every point, `--bias q1,q2,...` one value
//! per orbit (orbits ordered by their smallest point, as [`crate::group::gset::GSet::orbits`]),
//! and `--bias generic` asks about *some* invariant bias: an edge then needs a witness with
//! one chosen bias, a non-edge an obstruction valid for every bias at once.

use super::activation::parse_rational;
use crate::arith::Q;
use crate::error::{Error, Result};
use std::fmt;

/// A bias mode.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Bias {
    /// No bias.
    None,
    /// `q` on every point.
    Uniform(Q),
    /// One value per orbit of `G` on `X`.
    PerOrbit(Vec<Q>),
    /// Existence over all invariant biases.
    Generic,
}

impl Bias {
    /// Parse `generic`, a rational `q`, or a comma-separated list `q1,q2,...` (one per
    /// orbit; the count is checked against a module by [`Bias::per_point`]).
    ///
    /// Errors: a value that is not a rational number (bad input).
    ///
    /// ```
    /// use plrep::pl::Bias;
    /// use plrep::arith::Q;
    /// assert_eq!(Bias::parse("generic").unwrap(), Bias::Generic);
    /// assert_eq!(Bias::parse("0").unwrap(), Bias::None);
    /// assert_eq!(Bias::parse("1/2").unwrap(), Bias::Uniform(Q::new(1, 2)));
    /// assert_eq!(Bias::parse("1, -1").unwrap(), Bias::PerOrbit(vec![Q::one(), -Q::one()]));
    /// assert!(Bias::parse("1,x").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Bias> {
        let t = text.trim();
        if t.eq_ignore_ascii_case("generic") {
            return Ok(Bias::Generic);
        }
        let parts: Vec<&str> = t.split(',').collect();
        let values = parts
            .iter()
            .map(|p| {
                parse_rational(p).ok_or_else(|| {
                    Error::bad(
                        format!("bad bias '{text}'"),
                        "the bias is a rational number (1, -1/2, 0.25), one per orbit separated by commas, or 'generic'",
                    )
                })
            })
            .collect::<Result<Vec<Q>>>()?;
        Ok(if values.len() == 1 {
            Bias::from_uniform(Some(values[0].clone()))
        } else {
            Bias::PerOrbit(values)
        })
    }

    /// The uniform bias `q` (`None` and `Some(0)` give [`Bias::None`]).
    pub fn from_uniform(q: Option<Q>) -> Bias {
        match q {
            Some(q) if !q.is_zero() => Bias::Uniform(q),
            _ => Bias::None,
        }
    }

    /// The uniform value if the bias is none or uniform (`Some(None)` for no bias), the
    /// form the single-source solver takes; `None` for per-orbit and generic biases.
    pub fn as_uniform(&self) -> Option<Option<Q>> {
        match self {
            Bias::None => Some(None),
            Bias::Uniform(q) => Some(Some(q.clone())),
            _ => None,
        }
    }

    /// The bias value at every point of a `G`-set with these orbits, or `None` for a
    /// generic bias.
    ///
    /// Errors: a per-orbit list whose length is not the number of orbits (bad input; the
    /// hint gives the count).
    ///
    /// ```
    /// use plrep::pl::Bias;
    /// use plrep::arith::Q;
    /// let orbits = vec![vec![0, 1], vec![2]];
    /// let b = Bias::parse("1,2").unwrap().per_point(&orbits).unwrap().unwrap();
    /// assert_eq!(b, vec![Q::one(), Q::one(), Q::from_int(2)]);
    /// assert_eq!(Bias::parse("1,2,3").unwrap().per_point(&orbits).unwrap_err().exit_code(), 2);
    /// ```
    pub fn per_point(&self, orbits: &[Vec<usize>]) -> Result<Option<Vec<Q>>> {
        let n: usize = orbits.iter().map(Vec::len).sum();
        Ok(match self {
            Bias::None => Some(vec![Q::zero(); n]),
            Bias::Uniform(q) => Some(vec![q.clone(); n]),
            Bias::Generic => None,
            Bias::PerOrbit(v) => {
                if v.len() != orbits.len() {
                    return Err(Error::bad(
                        format!("--bias lists {} values", v.len()),
                        format!(
                            "give one value per orbit: this G-set has {} orbit{}",
                            orbits.len(),
                            if orbits.len() == 1 { "" } else { "s" }
                        ),
                    ));
                }
                let mut out = vec![Q::zero(); n];
                for (o, q) in orbits.iter().zip(v) {
                    for &x in o {
                        out[x] = q.clone();
                    }
                }
                Some(out)
            }
        })
    }

    /// Whether there is no bias.
    pub fn is_none(&self) -> bool {
        matches!(self, Bias::None)
    }
}

impl fmt::Display for Bias {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Bias::None => f.write_str("no bias"),
            Bias::Uniform(q) => write!(f, "bias {q}"),
            Bias::PerOrbit(v) => write!(
                f,
                "bias {} per orbit",
                v.iter()
                    .map(|q| q.to_string())
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            Bias::Generic => f.write_str("generic invariant bias"),
        }
    }
}
