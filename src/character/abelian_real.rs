//! The real simples of an abelian group from its compact table
//! ([`super::abelian_table::AbelianTable`]), without any exact value: the same simples,
//! labels, kernels and minus kernels as [`super::RealSimples::from_table`] on the
//! expanded table (checked by the tests).
//!
//! Every character is linear, `chi_a = E(e)^(phi_a)`: it is real (indicator 1, values
//! `±1`) when `2a = 0`, else it pairs with its conjugate `chi_-a` into a complex-type
//! simple of dimension 2 with character `E(e)^phi + E(e)^-phi`. `ker chi` is where
//! `phi = 0`, `ker^- chi` where `phi = e/2`. For a cyclic group the simple `L_k` has
//! frequency `k = min(phi, e - phi)` on the first class of elements of order `|G|`.

use super::abelian_table::AbelianTable;
use super::real::SimpleType;

/// A real simple of an abelian group; its character on class `c` is
/// [`AbelianRealSimple::phi`]`(t, c)` read as `E(e)^phi` (real type) or
/// `E(e)^phi + E(e)^-phi` (complex type).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AbelianRealSimple {
    /// `L0, L1, ...`.
    pub label: String,
    /// Real (a real linear character) or complex (a conjugate pair).
    pub kind: SimpleType,
    /// `dim_R L`: 1 or 2.
    pub dim: u64,
    /// The complex constituents (table indices, ascending).
    pub characters: Vec<usize>,
    /// `ker L` as ascending class indices.
    pub kernel: Vec<usize>,
    /// `ker^- L` as ascending class indices.
    pub minus_kernel: Vec<usize>,
    /// For cyclic groups the frequency `k` of `L_k`.
    pub frequency: Option<u64>,
    /// The constituent whose exponents give the values (the first, in table order).
    first: usize,
}

impl AbelianRealSimple {
    /// The exponent `phi` of the first constituent on class `c`: the character of `L`
    /// is `E(e)^phi` (real type) or `E(e)^phi + E(e)^-phi` (complex type).
    pub fn phi(&self, t: &AbelianTable, c: usize) -> u64 {
        t.phi(self.first, c)
    }
}

/// The real simples of the group of `t`, labelled and ordered as
/// [`super::RealSimples::from_table`] does.
///
/// # Complexity
/// `O(|G|^2 r)` word operations for the kernels (no allocation per value).
pub fn abelian_real_simples(t: &AbelianTable) -> Vec<AbelianRealSimple> {
    let n = t.num_classes();
    let e = t.exponent();
    let half = (e % 2 == 0).then_some(e / 2);
    let mut used = vec![false; n];
    let mut simples = Vec::new();
    for i in 0..n {
        if used[i] {
            continue;
        }
        used[i] = true;
        let (kind, characters, dim) = if t.indicator(i) == 1 {
            (SimpleType::Real, vec![i], 1)
        } else {
            let j = t.conjugate(i);
            used[j] = true;
            let mut pair = vec![i, j];
            pair.sort_unstable();
            (SimpleType::Complex, pair, 2)
        };
        let mut kernel = Vec::new();
        let mut minus_kernel = Vec::new();
        for c in 0..n {
            let s = t.phi(i, c);
            if s == 0 {
                kernel.push(c);
            } else if Some(s) == half {
                minus_kernel.push(c);
            }
        }
        simples.push(AbelianRealSimple {
            label: String::new(),
            kind,
            dim,
            characters,
            kernel,
            minus_kernel,
            frequency: None,
            first: i,
        });
    }
    simples.sort_by_key(|l| (l.kernel.len() != n, l.dim, l.characters[0]));
    // Cyclic: the frequencies on the first class of elements of order |G|.
    if let Some(a) = t.classes.orders.iter().position(|&o| o == n as u64) {
        for l in simples.iter_mut() {
            let s = t.phi(l.first, a);
            l.frequency = Some(s.min(e - s));
        }
        simples.sort_by_key(|l| l.frequency);
    }
    for (k, l) in simples.iter_mut().enumerate() {
        l.label = format!("L{k}");
    }
    simples
}
