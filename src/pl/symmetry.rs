//! Automorphisms of `G` acting on the regular module, and the transport of verdicts
//! along them (theory.md §28).
//!
//! An automorphism `phi` of `G` permutes the regular module's points by `pi`, with
//! `pi(x^g) = pi(x)^{phi(g)}`; `pi` is a coordinate permutation, so it commutes with
//! every coordinate-wise activation and fixes the bias `q 1`, and it carries `V_L` onto
//! `V_{L^phi}` (`psi_{L^phi} = psi_L o phi^-1`). So `L -> L'` is an edge iff
//! `L^phi -> L'^phi` is one, with the witness `pi r` at the point `pi x` and the same
//! value, and every obstruction carries over the same way. The solver decides one source
//! per orbit of the automorphisms found on the simples and transports the rest; the
//! checker verifies the automorphisms and the transported claims on its own
//! (`certify/transport.rs`).
//!
//! The automorphisms tried are the power maps of one generator at a time
//! (`g_i -> g_i^k`, the other generators fixed) and the transpositions of two generators
//! of one order, kept when they extend to an automorphism and move some simple to
//! another orbit: on `H x C_n` the power maps give the units of `Z/n` acting on the
//! characters of `C_n`, the bulk of the simples; the transpositions swap isomorphic
//! direct factors.

pub use super::automorphism::{Automorphism, Composite, Origin, Symmetry};
use super::projector::PlModule;
use crate::arith::ntheory::gcd;
use crate::arith::Cyclotomic;
use crate::group::orbitals::find as find_root;
use std::collections::HashMap;
use std::sync::Arc;

/// The least group order on which the solver transports verdicts (smaller regular
/// modules keep the verdicts of a search from every source, byte for byte).
pub const TRANSPORT_MIN_ORDER: usize = 256;

/// The most bytes of character fingerprints (`8 #simples #classes`) the search may use;
/// above it nothing is transported.
const FINGERPRINT_BYTES: usize = 64 << 20;

/// Power maps tried per generator, and transpositions of generators tried in all.
const TRIES: usize = 16;

/// The automorphisms of `module` ([`find`]), found once per module and kept in it (the
/// memory check before a solve and the solve use the same).
pub fn of(module: &PlModule) -> Option<Arc<Symmetry>> {
    module
        .symmetry_cell()
        .get_or_init(|| find(module).map(Arc::new))
        .clone()
}

/// The automorphisms of `G` by power maps and transpositions of its generators that act
/// on the regular
/// module `module` and merge orbits of its simples, and the orbit of every simple;
/// `None` when `module` is not the regular module of a group of order at least
/// [`TRANSPORT_MIN_ORDER`] or no such automorphism is found.
///
/// Complexity: per candidate `O(|G| #generators m^2)` (one product per edge of the
/// Cayley graph, `m` the base length) and `O(#simples #classes)` to map the simples.
///
/// Reference: theory.md §28.
pub fn find(module: &PlModule) -> Option<Symmetry> {
    let n = module.points();
    if module.order() < TRANSPORT_MIN_ORDER || n != module.order() {
        return None;
    }
    let el = &module.elements;
    let gens = el.indices_of(module.data.group.generators())?;
    // Regular: the orbit of point 0 is everything.
    let mut seen = vec![false; n];
    for g in 0..el.len() {
        seen[module.image(g, 0)] = true;
    }
    if seen.contains(&false) {
        return None;
    }
    let nsimples = module.simples.simples.len();
    if nsimples
        .saturating_mul(module.classes.len())
        .saturating_mul(8)
        > FINGERPRINT_BYTES
        || module.present.len() != nsimples
    {
        return None;
    }
    let mut uf: Vec<u32> = (0..nsimples as u32).collect();
    let mut autos = Vec::new();
    let fp = Fingerprints::new(module)?;
    // Power maps of one generator, then transpositions of two generators of one order
    // (the swaps of isomorphic direct factors when the generators follow the factors).
    let orders: Vec<u64> = gens.iter().map(|&g| el.element_order(g)).collect();
    let mut candidates: Vec<Vec<usize>> = Vec::new();
    for (i, (&g, &m)) in gens.iter().zip(&orders).enumerate() {
        let powers = (2..m)
            .rev()
            .take(1)
            .chain(2..m.saturating_sub(1))
            .filter(|&k| gcd(k, m) == 1)
            .take(TRIES);
        for k in powers {
            let mut images = gens.clone();
            images[i] = el.pow(g, k as i64);
            candidates.push(images);
        }
    }
    let swaps = (0..gens.len())
        .flat_map(|i| (i + 1..gens.len()).map(move |j| (i, j)))
        .filter(|&(i, j)| orders[i] == orders[j] && gens[i] != gens[j])
        .take(TRIES);
    for (i, j) in swaps {
        let mut images = gens.clone();
        images.swap(i, j);
        candidates.push(images);
    }
    for images in candidates {
        let Some(phi) = extend(module, &gens, &images) else {
            continue;
        };
        let Some(s) = map_simples(module, &fp, &phi) else {
            continue;
        };
        let mut merged = false;
        for (l, &t) in s.iter().enumerate() {
            let (a, b) = (find_root(&mut uf, l), find_root(&mut uf, t as usize));
            if a != b {
                uf[a.max(b)] = a.min(b) as u32;
                merged = true;
            }
        }
        if merged {
            let mut points = vec![0u32; n];
            for g in 0..el.len() {
                points[module.image(g, 0)] = module.image(phi[g] as usize, 0) as u32;
            }
            autos.push(Automorphism {
                elements: phi,
                points,
                simples: s,
            });
        }
    }
    if autos.is_empty() {
        return None;
    }
    // Orbits by breadth-first search from the least simple of each.
    let mut origins: Vec<Option<Origin>> = vec![None; nsimples];
    let mut done = vec![false; nsimples];
    for root in 0..nsimples {
        if done[root] {
            continue;
        }
        done[root] = true;
        let mut queue = vec![(root, Vec::<usize>::new())];
        let mut i = 0;
        while i < queue.len() {
            let (l, path) = queue[i].clone();
            for (a, auto) in autos.iter().enumerate() {
                let t = auto.simples[l] as usize;
                if !done[t] {
                    done[t] = true;
                    let mut p = path.clone();
                    p.push(a);
                    origins[t] = Some(Origin {
                        source: root,
                        path: p.clone(),
                    });
                    queue.push((t, p));
                }
            }
            i += 1;
        }
    }
    Some(Symmetry {
        automorphisms: autos,
        origins,
    })
}

/// The homomorphism with `gens[j] -> images[j]`, by a search over the Cayley graph
/// (`phi(x g_j) = phi(x) phi(g_j)` on every edge), if it is well defined and bijective.
fn extend(module: &PlModule, gens: &[usize], images: &[usize]) -> Option<Vec<u32>> {
    let el = &module.elements;
    const UNSET: u32 = u32::MAX;
    let mut phi = vec![UNSET; el.len()];
    phi[0] = 0;
    let mut queue = vec![0usize];
    let mut i = 0;
    while i < queue.len() {
        let x = queue[i];
        for (&g, &h) in gens.iter().zip(images) {
            let y = el.mul(x, g);
            let fy = el.mul(phi[x] as usize, h) as u32;
            if phi[y] == UNSET {
                phi[y] = fy;
                queue.push(y);
            } else if phi[y] != fy {
                return None;
            }
        }
        i += 1;
    }
    let mut hit = vec![false; el.len()];
    for &f in &phi {
        if f == UNSET || std::mem::replace(&mut hit[f as usize], true) {
            return None;
        }
    }
    Some(phi)
}

/// Fingerprints of the simples' values for [`map_simples`]: a hash per value, and per
/// simple the sum of its values' hashes weighted by position; and the element index of
/// each class representative (found once, not per candidate).
struct Fingerprints {
    /// The class representatives as element indices.
    reps: Vec<usize>,
    /// `value[l * k + c]`: the id of the value of simple `l` at class `c`.
    value: Vec<u32>,
    /// Position weights.
    weight: Vec<u64>,
    /// Weighted row sum -> simples with that sum.
    rows: HashMap<u64, Vec<usize>>,
}

impl Fingerprints {
    fn new(module: &PlModule) -> Option<Fingerprints> {
        let reps = module.elements.indices_of(&module.classes.reps)?;
        let simples = &module.simples.simples;
        let k = module.classes.len();
        // Each distinct value gets an id (first occurrence order): equal ids are equal
        // values, so rows are compared by ids, exactly, without comparing cyclotomics.
        let mut ids: HashMap<&Cyclotomic, u32> = HashMap::new();
        let value: Vec<u32> = simples
            .iter()
            .flat_map(|s| s.values.iter())
            .map(|v| {
                let next = ids.len() as u32;
                *ids.entry(v).or_insert(next)
            })
            .collect();
        // Odd weights from a fixed multiplicative sequence: deterministic.
        let weight: Vec<u64> = (0..k as u64)
            .map(|c| (c + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
            .collect();
        let mut rows: HashMap<u64, Vec<usize>> = HashMap::new();
        for l in 0..simples.len() {
            rows.entry(row_hash(&weight, &value[l * k..(l + 1) * k], |c| c))
                .or_default()
                .push(l);
        }
        Some(Fingerprints {
            reps,
            value,
            weight,
            rows,
        })
    }
}

/// `sum_c weight[at(c)] * mix(ids[c])`: a row's fingerprint with its class `c` moved to
/// `at(c)` (the identity for the row itself).
fn row_hash(weight: &[u64], ids: &[u32], at: impl Fn(usize) -> usize) -> u64 {
    ids.iter().enumerate().fold(0u64, |a, (c, &v)| {
        let mixed = (v as u64 + 1)
            .wrapping_mul(0xC2B2_AE3D_27D4_EB4F)
            .rotate_left(31);
        a.wrapping_add(weight[at(c)].wrapping_mul(mixed))
    })
}

/// `L -> L^phi` with `psi_{L^phi}(phi(g)) = psi_L(g)`, if every image is a real simple
/// (candidates by fingerprint, then compared value by value).
fn map_simples(module: &PlModule, fp: &Fingerprints, phi: &[u32]) -> Option<Vec<u32>> {
    let k = fp.reps.len();
    let moved: Vec<usize> = fp
        .reps
        .iter()
        .map(|&r| module.classes.class_of_index(phi[r] as usize))
        .collect();
    (0..module.simples.simples.len())
        .map(|l| {
            let row = &fp.value[l * k..(l + 1) * k];
            let h = row_hash(&fp.weight, row, |c| moved[c]);
            fp.rows
                .get(&h)?
                .iter()
                .find(|&&t| (0..k).all(|c| row[c] == fp.value[t * k + moved[c]]))
                .map(|&t| t as u32)
        })
        .collect()
}
