//! Helpers shared by several worked examples: exact trigonometric values, radicals for
//! display, a reproducible rational stream, and small text renderings of vectors and matrices.

use crate::arith::Cyclotomic;
use crate::arith::Q;
use crate::fourier::quadratic_radical;
use crate::graph::InteractionGraph;
use crate::group::gset::ActionSpec;
use crate::group::spec::parse_group;
use crate::group::Limits;
use crate::group::PermGroup;
use crate::pl::certify;
use crate::pl::solve;
use crate::pl::Activation;
use crate::pl::PlModule;
use crate::pl::SolverOptions;
use crate::Result;

/// A real quadratic irrational as a radical when possible, else GAP notation.
pub(super) fn show(x: &Cyclotomic) -> String {
    if let Some(q) = x.to_q() {
        return q.to_string();
    }
    quadratic_radical(x).unwrap_or_else(|| x.to_string())
}

pub(super) fn half() -> Q {
    Q::new(1, 2)
}

/// `cos(2 pi k/n)` exactly: `(E(n)^k + E(n)^-k)/2`.
pub(super) fn cos_root(n: u64, k: i64) -> Cyclotomic {
    (&Cyclotomic::root_of_unity(n, k) + &Cyclotomic::root_of_unity(n, -k)).scale(&half())
}

/// `sin(2 pi k/n)` exactly: `(E(n)^k - E(n)^-k)/(2i)`.
pub(super) fn sin_root(n: u64, k: i64) -> Cyclotomic {
    let d = &Cyclotomic::root_of_unity(n, k) - &Cyclotomic::root_of_unity(n, -k);
    (&d * &Cyclotomic::root_of_unity(4, -1)).scale(&half())
}

pub(super) fn relu_q(x: &Q) -> Q {
    if x.signum() > 0 {
        x.clone()
    } else {
        Q::zero()
    }
}

pub(super) fn group(name: &str) -> Result<PermGroup> {
    parse_group(name)
}

/// The regular module of `name` with ReLU, solved and certified.
pub(super) fn regular_relu(name: &str, limits: &Limits) -> Result<(PlModule, InteractionGraph)> {
    let g = group(name)?;
    let m = PlModule::new(&g, &ActionSpec::parse("regular")?, limits)?;
    let s = solve(&m, &SolverOptions::new(Activation::parse("relu")?))?;
    certify(&m, &s)?;
    let graph = InteractionGraph::build(&m, &s, true);
    Ok((m, graph))
}

/// A deterministic stream of small rationals (no `rand`: reports must be reproducible).
pub(super) struct Lcg(pub(super) u64);

impl Lcg {
    pub(super) fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    /// A rational `p/q` with `|p| <= 9`, `1 <= q <= 4`.
    pub(super) fn q(&mut self) -> Q {
        let p = (self.next() % 19) as i64 - 9;
        let d = (self.next() % 4) as i64 + 1;
        Q::new(p, d)
    }

    pub(super) fn positive(&mut self) -> Q {
        Q::new((self.next() % 9) as i64 + 1, (self.next() % 4) as i64 + 1)
    }
}

pub(super) fn vec_text(v: &[Q]) -> String {
    format!(
        "({})",
        v.iter()
            .map(|q| q.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    )
}

pub(super) type Mat = Vec<Vec<Q>>;

pub(super) fn mat_text(a: &Mat) -> String {
    format!(
        "[{}]",
        a.iter().map(|r| vec_text(r)).collect::<Vec<_>>().join(", ")
    )
}
