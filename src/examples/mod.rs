//! The paper's worked examples (Gibson, Tubbenhauer, Williamson, arXiv:2408.00949) as exact, reproducible proofs.
//!
//! Each [`Example`] computes its claims with the library (cyclotomic arithmetic, the
//! solver, character tables, orbit counts) and returns an [`ExampleOutput`]: a text
//! report that reads like a proof (claim, exact values, certificate) and the exact values
//! by key, so tests can assert them independently of the report's wording. Nothing here
//! compares against a hard-coded expected answer; the expected values live in the tests.
//!
//! One file per example (a few files hold a family computed together); shared helpers in
//! `support`.
//!
//! ```
//! let all = plrep::examples::examples();
//! assert!(all.len() >= 12);
//! let c5 = plrep::examples::find("c5-trivial").unwrap();
//! let out = (c5.run)(&plrep::group::Limits::default()).unwrap();
//! assert!(out.text.contains("(1 + sqrt(5))/10"));
//! ```

mod c2_pl_hom;
mod c3_c4_trivial;
mod c5_trivial;
mod c8_relu;
mod counting_lemma;
mod dihedral_counts;
mod exists;
mod filtration;
mod fourier;
mod point_clouds;
mod relu_commuting;
mod sn_standard_trivial;
mod support;

use c2_pl_hom::c2_pl_hom;
use c3_c4_trivial::c3_c4_trivial;
use c5_trivial::c5_trivial;
use c8_relu::c8_relu;
use counting_lemma::counting_lemma;
use dihedral_counts::dihedral_counts;
use exists::exists_example;
use filtration::filtration;
use fourier::{fourier_abs, fourier_relu};
use relu_commuting::relu_commuting;
use sn_standard_trivial::sn_standard_trivial;

use crate::arith::Cyclotomic;
use crate::group::Limits;
use crate::{Error, Result};

/// One worked example.
#[derive(Clone)]
pub struct Example {
    /// The name used on the command line (`plrep examples NAME`), kebab-case.
    pub name: &'static str,
    /// A one-line title.
    pub title: &'static str,
    /// Where the claim comes from (a section of docs/theory.md, or the paper).
    pub reference: &'static str,
    /// Computes the example.
    pub run: fn(&Limits) -> Result<ExampleOutput>,
}

impl std::fmt::Debug for Example {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Example")
            .field("name", &self.name)
            .field("title", &self.title)
            .finish()
    }
}

/// What an example computed: a text report and its exact values by key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleOutput {
    /// The report: claim, exact values, certificate.
    pub text: String,
    /// Exact values in the order computed (integers and booleans as rational cyclotomics;
    /// booleans are `0`/`1`).
    pub values: Vec<(String, Cyclotomic)>,
}

impl ExampleOutput {
    fn new() -> Self {
        ExampleOutput {
            text: String::new(),
            values: Vec::new(),
        }
    }

    /// The value stored under `key`, if any.
    pub fn value(&self, key: &str) -> Option<&Cyclotomic> {
        self.values.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    fn put(&mut self, key: impl Into<String>, v: Cyclotomic) {
        self.values.push((key.into(), v));
    }

    fn put_int(&mut self, key: impl Into<String>, v: i64) {
        self.put(key, Cyclotomic::from_int(v));
    }

    fn line(&mut self, s: impl AsRef<str>) {
        self.text.push_str(s.as_ref());
        self.text.push('\n');
    }
}

/// All worked examples, sorted by name.
pub fn examples() -> Vec<Example> {
    let mut v = vec![
        ex(
            "c8-relu",
            "C8: the ReLU interaction graph and the exact block of ReLU(cos)",
            "theory.md §7 (the C_n graphs), §8",
            c8_relu,
        ),
        ex(
            "c5-trivial",
            "C5: (1/5) sum ReLU(cos(2 pi j/5))",
            "theory.md §8",
            c5_trivial,
        ),
        ex(
            "c3-c4-trivial",
            "C3, C4: ReLU from L1 to the trivial representation",
            "theory.md §8",
            c3_c4_trivial,
        ),
        ex(
            "fourier-relu",
            "Fourier series of ReLU(sin x)",
            "theory.md §8 (the Fourier view)",
            fourier_relu,
        ),
        ex(
            "fourier-abs",
            "Fourier series of |sin x|",
            "theory.md §8 (the Fourier view)",
            fourier_abs,
        ),
        ex(
            "sn-standard-trivial",
            "S_n: ReLU from the standard to the trivial representation is (1/2n)|x|_1",
            "arXiv:2408.00949 (worked example)",
            sn_standard_trivial,
        ),
        ex(
            "counting-lemma",
            "dim Hom_G(R^X, R^Y) = #orbits on X x Y = <pi_X, pi_Y>",
            "arXiv:2408.00949 (counting lemma; point clouds)",
            counting_lemma,
        ),
        ex(
            "relu-commuting-matrices",
            "Matrices commuting with ReLU are positive monomial",
            "arXiv:2408.00949 (why permutation modules)",
            relu_commuting,
        ),
        ex(
            "dihedral-counts",
            "D_2n: the number of real simples",
            "theory.md §2",
            dihedral_counts,
        ),
        ex(
            "c2-pl-hom",
            "C2: homogeneous PL maps between the trivial and sign representations",
            "theory.md §7 (homogeneous activations, T3)",
            c2_pl_hom,
        ),
        ex(
            "exists-c8",
            "PL Schur table of C8",
            "theory.md §7, T3",
            |l| exists_example("C8", l),
        ),
        ex(
            "exists-d8",
            "PL Schur table of D8",
            "theory.md §7, T3",
            |l| exists_example("D8", l),
        ),
        ex(
            "exists-q8",
            "PL Schur table of Q8",
            "theory.md §7, T3",
            |l| exists_example("Q8", l),
        ),
        ex(
            "exists-s4",
            "PL Schur table of S4",
            "theory.md §7, T3",
            |l| exists_example("S4", l),
        ),
        ex(
            "filtration-c12",
            "C12: the filtration of the ReLU graph by normal subgroups",
            "theory.md §7 (filtration)",
            |l| filtration("C12", l),
        ),
        ex(
            "filtration-d8",
            "D8: the filtration of the ReLU graph by normal subgroups",
            "theory.md §7 (filtration)",
            |l| filtration("D8", l),
        ),
        ex(
            "network-c8-depth2",
            "C8: L1 reaches L3 through two ReLU layers (the one-layer graph does not compose)",
            "theory.md §10 (example)",
            crate::network::examples::c8_depth2,
        ),
        ex(
            "network-sn-point-cloud",
            "S_n point clouds: DeepSets and natural ; natural * natural ; natural",
            "theory.md §10, §6.2 (counting lemma)",
            crate::network::examples::sn_point_cloud,
        ),
        ex(
            "network-cnn-c4xc4",
            "The periodic image CNN on C4 x C4: frequencies by depth, until stable",
            "theory.md §10 (N3, N4)",
            crate::network::examples::cnn_c4xc4,
        ),
        ex(
            "point-clouds",
            "S100 on points, S30 on pairs, S12 on triples: certified without a character table",
            "theory.md §13",
            point_clouds::point_clouds,
        ),
        ex(
            "network-bottleneck",
            "A bottleneck: subsets:2 -> natural of S4 kills L2",
            "theory.md §10 (Lemma N0)",
            crate::network::examples::bottleneck,
        ),
    ];
    v.sort_by_key(|e| e.name);
    v
}

fn ex(
    name: &'static str,
    title: &'static str,
    reference: &'static str,
    run: fn(&Limits) -> Result<ExampleOutput>,
) -> Example {
    Example {
        name,
        title,
        reference,
        run,
    }
}

/// The example called `name`.
pub fn find(name: &str) -> Option<Example> {
    examples().into_iter().find(|e| e.name == name)
}

/// The example called `name`, or `Error::bad` listing the names.
pub fn get(name: &str) -> Result<Example> {
    find(name).ok_or_else(|| {
        let names: Vec<&str> = examples().iter().map(|e| e.name).collect();
        Error::bad(
            format!("unknown example '{name}'"),
            format!("one of {}", names.join(", ")),
        )
    })
}

/// Runs the example called `name`.
pub fn run(name: &str, limits: &Limits) -> Result<ExampleOutput> {
    let e = get(name)?;
    let mut out = (e.run)(limits)?;
    out.text = format!(
        "{} — {}\nReference: {}\n\n{}",
        e.name, e.title, e.reference, out.text
    );
    Ok(out)
}
