//! The piecewise linear layer: activations, exact isotypic projectors, block spaces,
//! exact witnesses, the certified solver with its independent checker, and PL-Schur
//! existence (theory.md §7).
//!
//! ```
//! use plrep::pl::{PlModule, Activation, SolverOptions, solve, certify};
//! use plrep::group::{spec::parse_group, gset::ActionSpec, Limits};
//! let m = PlModule::new(&parse_group("C8").unwrap(), &ActionSpec::parse("regular").unwrap(), &Limits::default()).unwrap();
//! let s = solve(&m, &SolverOptions::new(Activation::Relu)).unwrap();
//! assert_eq!(s.unresolved(), 0);
//! certify(&m, &s).unwrap();
//! ```

pub mod abelian;
pub mod activation;
pub mod automorphism;
pub mod bias;
pub mod blocks;
pub mod centralizer;
pub mod certify;
pub mod commutant;
pub mod cyclic_graph;
pub mod dihedral_graph;
pub mod exists;
pub mod export;
pub mod field;
pub mod hom;
pub mod joint;
pub mod projector;
pub mod reason;
pub(crate) mod residues;
pub mod sign_rule;
pub mod solver;
pub mod symmetry;
pub mod witness;

pub use abelian::solve_cyclic;
pub use activation::{parse_bias, parse_rational, Activation, Parity};
pub use bias::Bias;
pub use blocks::{BlockKind, BlockSpace};
pub use certify::{
    certify, certify_pair, check, check_cyclic, CertifiedCyclic, CertifiedSolution, CertifyReport,
};
pub use cyclic_graph::{cyclic_verdicts, CyclicVerdicts};
pub use exists::{exists_table, exists_text, Existence};
pub use projector::{check_module_memory, check_module_size, GroupData, GroupParts, PlModule};
pub use reason::Reason;
pub use solver::{
    solve_dense, solve_from, solve_pair, Obstruction, PairResult, ReasonKind, Solution,
    SolverOptions, UnresolvedReason, Verdict,
};
pub use witness::{FourierWitness, Witness};

/// Whether [`solve`] takes the cyclic route of theory.md §18 on `module`.
pub fn takes_cyclic_route(module: &PlModule, options: &SolverOptions) -> bool {
    module.order() >= abelian::ROUTE_MIN_ORDER && abelian::applies(module, options)
}

/// Refuse, before solving, a full solve of `module` by the exact path whose answer and
/// tables would exceed `--max-memory-mb`: [`projector::check_solution_memory_with`] with
/// the automorphisms the solve will use ([`symmetry::of`]).
///
/// Errors: the limit `--max-memory-mb`.
pub fn check_solution_memory(
    module: &PlModule,
    limits: &crate::group::Limits,
) -> crate::error::Result<()> {
    projector::check_solution_memory_with(module, symmetry::of(module).as_deref(), limits)
}

/// Refuse, before solving, a [`solve`] whose tables and answer would exceed
/// `--max-memory-mb`: [`check_solution_memory`] for the exact path,
/// [`abelian::answer_bytes`] for the cyclic route.
///
/// Errors: the limit `--max-memory-mb`.
pub fn check_solve_memory(
    module: &PlModule,
    options: &SolverOptions,
    limits: &crate::group::Limits,
) -> crate::error::Result<()> {
    if !takes_cyclic_route(module, options) {
        return check_solution_memory(module, limits);
    }
    let pairs = module.present.len().pow(2);
    limits.check_memory(abelian::answer_bytes(module), || {
        format!("the answer for {pairs} pairs of simples of the regular module of a cyclic group")
    })
}

/// Solve every ordered pair of simples present in `R^X` ([`solver::solve`]), or, for the
/// regular module of a cyclic group of order at least [`abelian::ROUTE_MIN_ORDER`] under
/// a positively homogeneous activation without bias, by Fourier residues
/// ([`abelian::solve_cyclic`], theory.md §18): the same verdicts, edges certified by
/// [`FourierWitness`]es, which the independent checker re-derives.
///
/// Errors and complexity: those of the route taken.
///
/// ```
/// use plrep::pl::{PlModule, Activation, SolverOptions, solve};
/// use plrep::group::{spec::parse_group, gset::ActionSpec, Limits};
/// let m = PlModule::new(&parse_group("C4").unwrap(), &ActionSpec::parse("regular").unwrap(), &Limits::default()).unwrap();
/// let s = solve(&m, &SolverOptions::new(Activation::Abs)).unwrap();
/// assert_eq!(s.edges(), vec![(0, 0), (1, 0), (1, 2), (2, 0)]);
/// ```
pub fn solve(module: &PlModule, options: &SolverOptions) -> crate::error::Result<Solution> {
    if takes_cyclic_route(module, options) {
        return abelian::solve_cyclic(module, options);
    }
    solver::solve(module, options)
}
