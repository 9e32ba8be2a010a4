//! The PL Schur lemma (theory.md §7, T3): between real simples `L, L'` a nonzero
//! `G`-equivariant piecewise linear map exists (any depth, with or without biases) iff
//! `ker L ⊆ ker L'`; a non-linear one exists iff `L != L'` and `ker L ⊆ ker L'`, or
//! `L = L'` and `L` is not one-dimensional non-trivial (then every homogeneous
//! equivariant map is odd, hence linear). Read against the normal subgroups, the table
//! is the filtration: information flows from small kernels to large ones.

use crate::character::RealSimples;

/// One entry of the PL-Schur table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Existence {
    /// Source simple (index).
    pub from: usize,
    /// Target simple (index).
    pub to: usize,
    /// Whether a nonzero PL equivariant map exists.
    pub nonzero: bool,
    /// Why (or why not).
    pub nonzero_reason: String,
    /// Whether a non-linear PL equivariant map exists.
    pub nonlinear: bool,
    /// Why (or why not).
    pub nonlinear_reason: String,
}

fn class_list(c: &[usize]) -> String {
    format!(
        "{{{}}}",
        c.iter()
            .map(|x| x.to_string())
            .collect::<Vec<_>>()
            .join(",")
    )
}

/// The PL-Schur table for all ordered pairs of real simples, `(from, to)` ascending.
///
/// Complexity: `O(k^2 * #classes)` for `k` simples (kernel inclusions only).
///
/// ```
/// use plrep::character::{CharacterTable, RealSimples};
/// use plrep::group::{spec::parse_group, Limits};
/// use plrep::pl::exists_table;
/// let t = CharacterTable::compute(&parse_group("C4").unwrap(), &Limits::default()).unwrap();
/// let e = exists_table(&RealSimples::from_table(&t));
/// // L2 (sign) -> L1 (faithful): ker L2 = {1, a^2} is not in ker L1 = {1}.
/// assert!(!e.iter().find(|x| x.from == 2 && x.to == 1).unwrap().nonzero);
/// assert!(e.iter().find(|x| x.from == 1 && x.to == 2).unwrap().nonlinear);
/// ```
pub fn exists_table(simples: &RealSimples) -> Vec<Existence> {
    let s = &simples.simples;
    let mut out = Vec::new();
    for (i, a) in s.iter().enumerate() {
        for (j, b) in s.iter().enumerate() {
            let inc = a.kernel.iter().all(|c| b.kernel.contains(c));
            let nonzero_reason = if inc {
                format!(
                    "ker {} ⊆ ker {} (classes {} ⊆ {})",
                    a.label,
                    b.label,
                    class_list(&a.kernel),
                    class_list(&b.kernel)
                )
            } else {
                let c = a.kernel.iter().find(|c| !b.kernel.contains(c)).unwrap();
                format!(
                    "class {c} lies in ker {} but not in ker {}: the image would be fixed by it",
                    a.label, b.label
                )
            };
            let (nonlinear, nonlinear_reason) = if !inc {
                (false, "no nonzero map at all".to_string())
            } else if i != j {
                (
                    true,
                    "every nonzero map between different simples is non-linear (Schur)".to_string(),
                )
            } else if a.dim == 1 && !a.is_trivial() {
                (false, "one-dimensional non-trivial: equivariant homogeneous maps are odd, hence linear".to_string())
            } else if a.is_trivial() {
                (
                    true,
                    "trivial: any PL function of one variable, e.g. ReLU".to_string(),
                )
            } else {
                (
                    true,
                    "PL bump construction on the faithful G/ker L-action (T3)".to_string(),
                )
            };
            out.push(Existence {
                from: i,
                to: j,
                nonzero: inc,
                nonzero_reason,
                nonlinear,
                nonlinear_reason,
            });
        }
    }
    out
}

/// The PL-Schur table as text: one row per source `L`, one column per target `L'`;
/// `N` a non-linear map exists, `l` only linear maps, `.` no nonzero map. Then the
/// reasons for the entries that are not `N` on the diagonal.
pub fn exists_text(simples: &RealSimples, table: &[Existence]) -> String {
    use std::fmt::Write as _;
    let s = &simples.simples;
    let w = s.iter().map(|x| x.label.len()).max().unwrap_or(2).max(2);
    let mut out = String::new();
    let _ = writeln!(out, "PL maps L -> L' (N: non-linear exists, l: only linear, .: none; T3: nonzero iff ker L ⊆ ker L')");
    let _ = write!(out, "{:w$} ", "");
    for b in s {
        let _ = write!(out, " {:>w$}", b.label);
    }
    out.push('\n');
    for (i, a) in s.iter().enumerate() {
        let _ = write!(out, "{:w$} ", a.label);
        for j in 0..s.len() {
            let e = &table[i * s.len() + j];
            let c = if e.nonlinear {
                "N"
            } else if e.nonzero {
                "l"
            } else {
                "."
            };
            let _ = write!(out, " {c:>w$}");
        }
        out.push('\n');
    }
    for e in table.iter().filter(|e| e.from == e.to && !e.nonlinear) {
        let _ = writeln!(
            out,
            "{} -> {}: {}",
            s[e.from].label, s[e.to].label, e.nonlinear_reason
        );
    }
    out
}
