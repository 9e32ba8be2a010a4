//! Shared test support: paths into `tests/data`, the GAP reference files, and the
//! reproducible pseudo-random generators the randomized tests draw their inputs from (no
//! `rand`: a failure must replay from its seed).

use std::path::PathBuf;

/// `tests/data/<p>`.
pub fn data(p: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(p)
}

/// The GAP reference files `tests/data/reference/*.json`, sorted by file name.
pub fn reference_files() -> Vec<PathBuf> {
    json_files("reference")
}

/// The `*.json` files of `tests/data/<sub>`, sorted by file name.
pub fn json_files(sub: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(data(sub))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

/// The reference file's stem: the group's name (`A4`, `D8`, ...).
pub fn stem(p: &std::path::Path) -> String {
    p.file_stem().unwrap().to_string_lossy().into_owned()
}

/// The reference files parsed, with their names, sorted by name.
pub fn reference_json() -> Vec<(String, serde_json::Value)> {
    reference_files()
        .into_iter()
        .map(|p| {
            let v = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            (stem(&p), v)
        })
        .collect()
}

/// Knuth's MMIX linear congruential generator; [`Lcg::high`] takes the top 31 bits (the
/// low bits of an LCG are weak).
pub struct Lcg(pub u64);

impl Lcg {
    /// Advance and return the whole state.
    pub fn step(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0
    }

    /// The top 31 bits of the next state.
    pub fn high(&mut self) -> u64 {
        self.step() >> 33
    }

    /// Uniform-ish in `0..m` (`m > 0`).
    pub fn below(&mut self, m: u64) -> u64 {
        self.high() % m
    }

    /// A float in `[-1, 1)` from the top 53 bits.
    pub fn unit(&mut self) -> f64 {
        ((self.step() >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
    }
}

/// Marsaglia's xorshift64 (shifts 13, 7, 17) on a caller-held state; returns the new state.
pub fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

/// Vigna's xorshift64*.
pub struct XorShiftStar(pub u64);

impl XorShiftStar {
    /// The next output.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// In `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The certified text of `plrep graph G --certify` on the regular module by the module
/// path (the exact solver, the independent checker, the graph's text): what the
/// module-free routes must print byte for byte.
pub fn module_path_certified_text(group: &str, act: &str) -> String {
    use plrep::graph::InteractionGraph;
    use plrep::group::{gset::ActionSpec, spec::parse_group, Limits};
    use plrep::pl::{check, solve, Activation, PlModule, SolverOptions};
    let g = parse_group(group).unwrap();
    let m = PlModule::new(&g, &ActionSpec::Regular, &Limits::default()).unwrap();
    let options = SolverOptions::new(Activation::parse(act).unwrap());
    let certified = check(&m, solve(&m, &options).unwrap()).unwrap();
    InteractionGraph::from_certified(&m, &certified).to_text()
}
