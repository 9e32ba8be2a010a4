//! What leaves plrep for a network library: the exact isotypic projectors of a
//! permutation module `R^X` as matrices, exact orthogonal bases of the isotypic parts,
//! the orbital basis of `Hom_G(R^X, R^Y)`, and the isotypic energies of data
//! (theory.md §1, §2, §11).
//!
//! Every value here is exact (rational or cyclotomic); the `f64` forms are conversions of
//! exact values for the caller's convenience (`.npy` exports, NumPy), except the
//! normalisation `u / sqrt(<u,u>)` and the energies of float data, which are float
//! computations.

use super::projector::PlModule;
use crate::arith::Cyclotomic;
use crate::error::{Error, LimitKind, Result};
use crate::group::gset::GSet;

/// The isotypic part `V_L` of `R^X` for one real simple `L` present in it, with its exact
/// projector.
#[derive(Clone, Debug)]
pub struct IsotypicPart {
    /// The index of `L` among the group's real simples.
    pub simple: usize,
    /// Its label (`L0`, `L1`, ...).
    pub label: String,
    /// `dim_R L`.
    pub dim: u64,
    /// The multiplicity of `L` in `R^X`.
    pub multiplicity: u64,
    /// `|X|`.
    pub points: usize,
    /// `P_L` row-major (`points x points`), symmetric and idempotent, entries in the real
    /// subfield of `Q(zeta_m)`.
    pub projector: Vec<Cyclotomic>,
}

impl IsotypicPart {
    /// `dim V_L = dim L * multiplicity = trace P_L`.
    pub fn rank(&self) -> usize {
        (self.dim * self.multiplicity) as usize
    }

    /// Whether every entry of `P_L` is rational.
    pub fn is_rational(&self) -> bool {
        self.projector.iter().all(|c| c.is_rational())
    }

    /// `P_L` as `f64`, row-major (each entry the nearest double to the exact value, up to
    /// the conversion's rounding).
    pub fn projector_f64(&self) -> Vec<f64> {
        self.projector.iter().map(|c| c.to_f64()).collect()
    }
}

/// The isotypic parts of `R^X`, one per real simple present (ascending simple index).
///
/// `P_L[y][x] = c_L sum_{K} #{g in K : y^g = x} psi_L(K)` is constant on orbitals, so it is
/// computed once per orbital and copied.
///
/// Complexity: `O(#orbitals * #classes * m + |X|^2)` per simple.
pub fn isotypic_parts(m: &PlModule) -> Vec<IsotypicPart> {
    let n = m.points();
    let f = m.field.m();
    m.present
        .iter()
        .map(|&(l, mult)| {
            let values = m.orbital_values(l);
            let scale = m.projector_scale(l);
            let per_orbital: Vec<Cyclotomic> = (0..m.num_orbitals())
                .map(|o| m.field.to_cyclotomic(&values[o * f..(o + 1) * f], &scale))
                .collect();
            let mut projector = Vec::with_capacity(n * n);
            for y in 0..n {
                for x in 0..n {
                    projector.push(per_orbital[m.orbital(y, x)].clone());
                }
            }
            let s = &m.simples.simples[l];
            IsotypicPart {
                simple: l,
                label: s.label.clone(),
                dim: s.dim,
                multiplicity: mult,
                points: n,
                projector,
            }
        })
        .collect()
}

/// An exact orthogonal basis `u_1, ..., u_r` of an isotypic part with the exact squared
/// norms `N_j = <u_j, u_j>`; `u_j / sqrt(N_j)` is orthonormal.
#[derive(Clone, Debug)]
pub struct OrthogonalBasis {
    /// The vectors `u_j`, each of length `|X|`.
    pub vectors: Vec<Vec<Cyclotomic>>,
    /// `N_j = <u_j, u_j> > 0`.
    pub norms: Vec<Cyclotomic>,
    /// The point `x_j` whose projected unit vector `P_L e_{x_j}` gave `u_j`.
    pub pivots: Vec<usize>,
}

impl OrthogonalBasis {
    /// The orthonormal basis `u_j / sqrt(N_j)` in `f64`, row-major (`r x |X|`): a float
    /// computation from the exact vectors.
    pub fn orthonormal_f64(&self) -> Vec<f64> {
        let mut out = Vec::new();
        for (u, nrm) in self.vectors.iter().zip(&self.norms) {
            let s = nrm.to_f64().sqrt();
            out.extend(u.iter().map(|c| c.to_f64() / s));
        }
        out
    }
}

/// Gram–Schmidt, exactly, on the columns `P_L e_x` (`x = 0, 1, ...`) of the projector.
///
/// Since `P_L` is the orthogonal projection onto `V_L` and every `u_j` lies in `V_L`,
/// `<P_L e_x, u_j> = u_j[x]`, so the remainder is `w = P_L e_x - sum_j (u_j[x] / N_j) u_j`
/// with squared norm `<w, w> = <w, P_L e_x> = w[x]` (theory.md §11, Lemma 11.1): no inner products are
/// formed, and a column is skipped after `O(r)` work when `w[x] = 0`. The basis is
/// complete when `r = rank P_L = dim L * multiplicity` vectors are found; fewer is a
/// verification error.
///
/// Complexity: `O(|X| r^2)` exact operations in the field of the character values.
pub fn orthogonal_basis(part: &IsotypicPart) -> Result<OrthogonalBasis> {
    let n = part.points;
    let r = part.rank();
    let mut basis = OrthogonalBasis {
        vectors: Vec::with_capacity(r),
        norms: Vec::with_capacity(r),
        pivots: Vec::with_capacity(r),
    };
    let mut coeffs: Vec<Cyclotomic> = Vec::with_capacity(r);
    for x in 0..n {
        if basis.vectors.len() == r {
            break;
        }
        // w[x] = P[x][x] - sum_j u_j[x]^2 / N_j.
        coeffs.clear();
        let mut wx = part.projector[x * n + x].clone();
        for (u, nrm) in basis.vectors.iter().zip(&basis.norms) {
            let c = &u[x] / nrm;
            wx -= &(&c * &u[x]);
            coeffs.push(c);
        }
        if wx.is_zero() {
            continue;
        }
        let mut w: Vec<Cyclotomic> = (0..n).map(|y| part.projector[y * n + x].clone()).collect();
        for (u, c) in basis.vectors.iter().zip(&coeffs) {
            if c.is_zero() {
                continue;
            }
            for (wy, uy) in w.iter_mut().zip(u) {
                if !uy.is_zero() {
                    *wy -= &(c * uy);
                }
            }
        }
        basis.vectors.push(w);
        basis.norms.push(wx);
        basis.pivots.push(x);
    }
    if basis.vectors.len() != r {
        return Err(Error::verification(format!(
            "the projector onto {} has rank {} but {r} was expected",
            part.label,
            basis.vectors.len()
        )));
    }
    Ok(basis)
}

/// The orbital basis of `Hom_G(R^X, R^Y)`: the `G`-orbits on `Y x X` (an equivariant
/// linear map `R^X -> R^Y` is a `|Y| x |X|` matrix constant on each orbit, and the
/// indicator matrices of the orbits are a basis).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HomBasis {
    /// `|Y|` (rows).
    pub rows: usize,
    /// `|X|` (columns).
    pub cols: usize,
    /// `orbit[y * cols + x]`: the basis element whose entry `(y, x)` is 1, numbered by
    /// first occurrence in row-major order.
    pub orbit: Vec<u32>,
    /// The number of orbits, `dim Hom_G(R^X, R^Y)`.
    pub count: usize,
}

impl HomBasis {
    /// The basis as a `count x rows x cols` array of 0/1 values in `f64`, C order.
    pub fn dense_f64(&self) -> Vec<f64> {
        let size = self.rows * self.cols;
        let mut out = vec![0.0; self.count * size];
        for (i, &o) in self.orbit.iter().enumerate() {
            out[o as usize * size + i] = 1.0;
        }
        out
    }
}

/// The orbits of `G` on `Y x X` for two `G`-sets of the same group (built by
/// [`GSet::new`] from one [`crate::group::PermGroup`], so that their generator lists
/// correspond), by union–find over the generators' images.
///
/// Errors: generator lists of different lengths (the sets are of different groups: bad
/// input); `4 |X| |Y|` bytes above `max_bytes` (`--max-memory-mb`), before allocating.
///
/// Complexity: `O(|X| |Y| #generators α)`.
pub fn hom_orbital_basis(x: &GSet, y: &GSet, max_bytes: u64) -> Result<HomBasis> {
    let (gx, gy) = (x.generators(), y.generators());
    if gx.len() != gy.len() {
        return Err(Error::bad(
            "the two G-sets are of different groups",
            "build both from the same group",
        ));
    }
    let (nx, ny) = (x.len(), y.len());
    let cells = (nx as u128) * (ny as u128);
    if cells * 8 > max_bytes as u128 {
        return Err(Error::limit(
            format!("the orbital table of {ny} x {nx} point pairs"),
            format!("{} MiB", max_bytes >> 20),
            LimitKind::MemoryMb,
        ));
    }
    let cells = cells as usize;
    let mut parent: Vec<u32> = (0..cells as u32).collect();
    fn find(parent: &mut [u32], mut i: u32) -> u32 {
        while parent[i as usize] != i {
            let up = parent[parent[i as usize] as usize];
            parent[i as usize] = up;
            i = up;
        }
        i
    }
    for (a, b) in gx.iter().zip(gy) {
        for yy in 0..ny {
            let yi = b.apply(yy);
            for xx in 0..nx {
                let (p, q) = (
                    find(&mut parent, (yy * nx + xx) as u32),
                    find(&mut parent, (yi * nx + a.apply(xx)) as u32),
                );
                if p != q {
                    let (lo, hi) = if p < q { (p, q) } else { (q, p) };
                    parent[hi as usize] = lo;
                }
            }
        }
    }
    let mut number = vec![u32::MAX; cells];
    let mut orbit = vec![0u32; cells];
    let mut count = 0usize;
    for i in 0..cells {
        let root = find(&mut parent, i as u32) as usize;
        if number[root] == u32::MAX {
            number[root] = count as u32;
            count += 1;
        }
        orbit[i] = number[root];
    }
    Ok(HomBasis {
        rows: ny,
        cols: nx,
        orbit,
        count,
    })
}

/// The isotypic energies of the rows of a float array: row `v` has energy
/// `||P_L v||^2` in part `L` (these sum to `||v||^2` since the `P_L` are orthogonal
/// projections summing to the identity).
#[derive(Clone, Debug)]
pub struct Decomposition {
    /// The labels of the parts (the columns of `energy`).
    pub labels: Vec<String>,
    /// The number of rows.
    pub rows: usize,
    /// `energy[r * labels.len() + j]`.
    pub energy: Vec<f64>,
    /// `||v_r||^2` per row.
    pub norms: Vec<f64>,
    /// Per part, the sum over rows.
    pub totals: Vec<f64>,
}

/// Check a row-major float array of `values.len() / cols` rows for a module of `points`
/// points: the width must be `|X|` and every value finite (bad input otherwise, naming
/// the first offending entry, 1-based).
pub fn check_rows(values: &[f64], shape: &[usize], points: usize) -> Result<usize> {
    let (rows, cols) = match shape {
        [r, c] => (*r, *c),
        _ => {
            return Err(Error::bad(
                format!(
                    "the array has {} dimensions, not 2 (rows x |X|)",
                    shape.len()
                ),
                format!("give an N x {points} array, e.g. array.reshape(-1, {points})"),
            ))
        }
    };
    if cols != points || rows.checked_mul(cols) != Some(values.len()) {
        return Err(Error::bad(
            format!("the array has {cols} columns but |X| = {points}"),
            format!("give an N x {points} array: one row per vector of R^X"),
        ));
    }
    if let Some(i) = values.iter().position(|v| !v.is_finite()) {
        return Err(Error::bad(
            format!(
                "the array's entry at row {}, column {} is {}",
                i / cols + 1,
                i % cols + 1,
                values[i]
            ),
            "replace NaN and infinite values before decomposing",
        ));
    }
    Ok(rows)
}

/// The isotypic energies of the rows of `values` (shape `rows x |X|`, checked by
/// [`check_rows`]) in the given parts, with the float projectors.
///
/// Complexity: `O(rows * |X|^2 * #parts)` float operations.
pub fn decompose(parts: &[IsotypicPart], values: &[f64], shape: &[usize]) -> Result<Decomposition> {
    let n = parts.first().map_or(0, |p| p.points);
    let rows = check_rows(values, shape, n)?;
    let projectors: Vec<Vec<f64>> = parts.iter().map(|p| p.projector_f64()).collect();
    let k = parts.len();
    let mut energy = vec![0.0; rows * k];
    let mut norms = vec![0.0; rows];
    let mut totals = vec![0.0; k];
    for r in 0..rows {
        let v = &values[r * n..(r + 1) * n];
        norms[r] = v.iter().map(|a| a * a).sum();
        for (j, p) in projectors.iter().enumerate() {
            let e: f64 = (0..n)
                .map(|y| {
                    let py: f64 = p[y * n..(y + 1) * n]
                        .iter()
                        .zip(v)
                        .map(|(a, b)| a * b)
                        .sum();
                    py * py
                })
                .sum();
            energy[r * k + j] = e;
            totals[j] += e;
        }
    }
    Ok(Decomposition {
        labels: parts.iter().map(|p| p.label.clone()).collect(),
        rows,
        energy,
        norms,
        totals,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arith::Q;
    use crate::group::gset::ActionSpec;
    use crate::group::spec::parse_group;
    use crate::group::Limits;

    fn module(g: &str, a: &str) -> PlModule {
        PlModule::new(
            &parse_group(g).unwrap(),
            &ActionSpec::parse(a).unwrap(),
            &Limits::default(),
        )
        .unwrap()
    }

    fn matmul(a: &[Cyclotomic], b: &[Cyclotomic], n: usize) -> Vec<Cyclotomic> {
        let mut out = vec![Cyclotomic::zero(); n * n];
        for i in 0..n {
            for k in 0..n {
                if a[i * n + k].is_zero() {
                    continue;
                }
                for j in 0..n {
                    out[i * n + j] += &(&a[i * n + k] * &b[k * n + j]);
                }
            }
        }
        out
    }

    /// Exact: P_L^2 = P_L, P_L P_L' = 0, sum P_L = I, trace P_L = dim * mult, P symmetric.
    #[test]
    fn projectors_are_a_resolution_of_the_identity() {
        for (g, a) in [
            ("C5", "regular"),
            ("S4", "subsets:2"),
            ("D8", "natural"),
            ("A4", "regular"),
        ] {
            let m = module(g, a);
            let n = m.points();
            let parts = isotypic_parts(&m);
            let mut sum = vec![Cyclotomic::zero(); n * n];
            for (i, p) in parts.iter().enumerate() {
                assert_eq!(
                    matmul(&p.projector, &p.projector, n),
                    p.projector,
                    "{g} {a}"
                );
                for q in &parts[i + 1..] {
                    assert!(matmul(&p.projector, &q.projector, n)
                        .iter()
                        .all(|c| c.is_zero()));
                }
                let trace: Cyclotomic = (0..n).map(|x| p.projector[x * n + x].clone()).sum();
                assert_eq!(trace, Cyclotomic::from_int(p.rank() as i64));
                for y in 0..n {
                    for x in 0..n {
                        assert_eq!(p.projector[y * n + x], p.projector[x * n + y]);
                        sum[y * n + x] += &p.projector[y * n + x];
                    }
                }
            }
            for y in 0..n {
                for x in 0..n {
                    let want = if x == y {
                        Cyclotomic::one()
                    } else {
                        Cyclotomic::zero()
                    };
                    assert_eq!(sum[y * n + x], want);
                }
            }
        }
    }

    /// The exact basis is orthogonal with the stated norms and spans the image of P_L
    /// (P_L u = u); the float form is orthonormal to rounding.
    #[test]
    fn orthogonal_bases_are_exact() {
        for (g, a) in [("C5", "regular"), ("S4", "subsets:2"), ("A4", "regular")] {
            let m = module(g, a);
            let n = m.points();
            for p in isotypic_parts(&m) {
                let b = orthogonal_basis(&p).unwrap();
                assert_eq!(b.vectors.len(), p.rank());
                for (i, u) in b.vectors.iter().enumerate() {
                    for (j, v) in b.vectors.iter().enumerate() {
                        let dot: Cyclotomic = u.iter().zip(v).map(|(a, c)| a * c).sum();
                        if i == j {
                            assert_eq!(dot, b.norms[i]);
                        } else {
                            assert!(dot.is_zero());
                        }
                    }
                    let pu: Vec<Cyclotomic> = (0..n)
                        .map(|y| (0..n).map(|x| &p.projector[y * n + x] * &u[x]).sum())
                        .collect();
                    assert_eq!(&pu, u);
                }
                let f = b.orthonormal_f64();
                let r = p.rank();
                for i in 0..r {
                    for j in 0..r {
                        let d: f64 = (0..n).map(|x| f[i * n + x] * f[j * n + x]).sum();
                        assert!((d - if i == j { 1.0 } else { 0.0 }).abs() < 1e-12);
                    }
                }
            }
        }
    }

    /// C5's non-trivial projector has entries (2/5) cos(2 pi k/5): irrational.
    #[test]
    fn c5_projector_values() {
        let m = module("C5", "regular");
        let parts = isotypic_parts(&m);
        assert_eq!(parts[0].projector[1], Cyclotomic::from_q(Q::new(1, 5)));
        assert!(!parts[1].is_rational());
        let want = 0.4 * (2.0 * std::f64::consts::PI / 5.0).cos();
        assert!((parts[1].projector_f64()[1] - want).abs() < 1e-15);
    }

    /// dim Hom_G(R^X, R^Y) = <pi_X, pi_Y> = the number of orbitals; S4 on points and pairs:
    /// 2 orbits (a point in or out of the pair); X = Y gives the orbitals of the module.
    #[test]
    fn hom_orbits_match_counting() {
        let g = parse_group("S4").unwrap();
        let lim = Limits::default();
        let nat = GSet::new(&g, &ActionSpec::Natural, &lim).unwrap();
        let pairs = GSet::new(&g, &ActionSpec::Subsets(2), &lim).unwrap();
        let h = hom_orbital_basis(&nat, &pairs, 1 << 20).unwrap();
        assert_eq!((h.rows, h.cols, h.count), (6, 4, 2));
        let m = module("S4", "subsets:2");
        let h = hom_orbital_basis(&m.gset, &m.gset, 1 << 20).unwrap();
        assert_eq!(h.count, m.num_orbitals());
        for y in 0..6 {
            for x in 0..6 {
                for y2 in 0..6 {
                    for x2 in 0..6 {
                        assert_eq!(
                            h.orbit[y * 6 + x] == h.orbit[y2 * 6 + x2],
                            m.orbital(y, x) == m.orbital(y2, x2)
                        );
                    }
                }
            }
        }
        assert_eq!(
            hom_orbital_basis(&nat, &pairs, 10).unwrap_err().exit_code(),
            3
        );
    }

    #[test]
    fn decomposition_energies_sum_to_the_norm() {
        let m = module("S4", "subsets:2");
        let parts = isotypic_parts(&m);
        let data: Vec<f64> = (0..18).map(|i| ((i * 7) % 5) as f64 - 1.5).collect();
        let d = decompose(&parts, &data, &[3, 6]).unwrap();
        for r in 0..3 {
            let s: f64 = d.energy[r * parts.len()..(r + 1) * parts.len()]
                .iter()
                .sum();
            assert!((s - d.norms[r]).abs() < 1e-9);
        }
        // The all-ones vector lies in the trivial part.
        let d = decompose(&parts, &[1.0; 6], &[1, 6]).unwrap();
        assert!((d.energy[0] - 6.0).abs() < 1e-12 && d.energy[1..].iter().all(|e| e.abs() < 1e-12));
        let e = decompose(&parts, &[1.0; 5], &[1, 5]).unwrap_err();
        assert!(e.to_string().contains("5 columns but |X| = 6"), "{e}");
        let mut nan = vec![0.0; 6];
        nan[4] = f64::NAN;
        let e = decompose(&parts, &nan, &[1, 6]).unwrap_err();
        assert!(e.to_string().contains("row 1, column 5 is NaN"), "{e}");
    }
}
