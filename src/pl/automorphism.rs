//! The data of automorphisms of `G` acting on the regular module: what the solver
//! records when it carries verdicts between sources ([`super::symmetry`], theory.md §28)
//! and what the checker verifies (`certify/transport.rs`). Data only, so that the module
//! can keep them without importing the search.

/// One automorphism `phi` of `G` with its permutation `pi` of the regular module and its
/// permutation of the real simples.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Automorphism {
    /// `phi` on element indices.
    pub elements: Vec<u32>,
    /// `pi` on the points of `X`.
    pub points: Vec<u32>,
    /// `L -> L^phi` on the real simples.
    pub simples: Vec<u32>,
}

/// Where a transported source comes from: `L = s_{a_k}(... s_{a_1}(source))`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The solved source (the least simple of its orbit).
    pub source: usize,
    /// The automorphisms applied, first to last (indices into [`Symmetry::automorphisms`]).
    pub path: Vec<usize>,
}

/// The automorphisms a solution used and the origin of every transported source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symmetry {
    /// The automorphisms found.
    pub automorphisms: Vec<Automorphism>,
    /// Per simple: `Some` if its verdicts were transported.
    pub origins: Vec<Option<Origin>>,
}

/// The composite of a path: `pi` on points and `s` on simples.
#[derive(Clone, Debug)]
pub struct Composite {
    /// Points.
    pub points: Vec<u32>,
    /// Simples.
    pub simples: Vec<u32>,
}

impl Symmetry {
    /// The composite automorphism of a path (first to last).
    pub fn compose(&self, path: &[usize]) -> Composite {
        let a0 = &self.automorphisms[path[0]];
        let (mut points, mut simples) = (a0.points.clone(), a0.simples.clone());
        for &a in &path[1..] {
            let a = &self.automorphisms[a];
            for p in points.iter_mut() {
                *p = a.points[*p as usize];
            }
            for s in simples.iter_mut() {
                *s = a.simples[*s as usize];
            }
        }
        Composite { points, simples }
    }
}
