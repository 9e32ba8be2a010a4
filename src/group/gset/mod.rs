//! G-sets: the action of a group on a finite set `X` (regular, natural, subsets, tuples,
//! conjugation, cosets), orbits, permutation characters, and the centralizer
//! `C = C_{Sym(X)}(G)` with the group `Ĝ = <G, C>` it generates (theory.md §6).
//!
//! Points of `X` are `0..|X|`; every action is a **right** action, like the action of
//! permutations on points: `x^(gh) = (x^g)^h`.
//!
//! | spec | `X` | action of `g` | label of a point |
//! |---|---|---|---|
//! | `natural` | the points `1..n` of `G` | `x -> x^g` | `3` |
//! | `regular` | the elements of `G` | `x -> x g` (right multiplication) | `(1,2,3)` |
//! | `conjugation` | the elements of `G` | `x -> g^-1 x g` | `(1,2,3)` |
//! | `subsets:K` | the `K`-subsets of the points, lexicographic | `S -> S^g` | `{1,3}` |
//! | `tuples:K` | ordered `K`-tuples of **distinct** points, lexicographic | `(x_1..x_K) -> (x_1^g..x_K^g)` | `[3,1]` |
//! | `cosets:<gens of H>` | the right cosets `Hx` of `H = <gens>` | `Hx -> Hxg` | `H*(1,2)` |
//! | `trivial:K` | `K` points | fixes every point | `2` |
//! | `A + B` | the points of `A`, then those of `B` | on each summand | `1:3`, `2:{1,2}` (summand index) |
//! | `A * B` | all pairs `(a, b)`, `b` varying fastest | `(a, b) -> (a^g, b^g)` | `(3;{1,2})` |
//!
//! The text language for these (precedence, parentheses, the end of a `cosets:` list) is
//! in [`crate::group::action_spec`]. Sums and products are intransitive in general: the
//! orbits of `A + B` are those of `A` and of `B`; `natural * natural` contains the
//! diagonal, unlike `tuples:2`. Permutation characters add and multiply:
//! `pi_{A+B} = pi_A + pi_B`, `pi_{A*B} = pi_A pi_B`.
//!
//! `tuples:2` is the module of ordered pairs of distinct points.
//!
//! ```
//! use plrep::group::{catalog::lookup, gset::{ActionSpec, GSet}, Limits};
//! let g = lookup("S4").unwrap();
//! let x = GSet::new(&g, &"subsets:2".parse::<ActionSpec>().unwrap(), &Limits::default()).unwrap();
//! assert_eq!(x.len(), 6);
//! assert_eq!(x.labels()[0], "{1,2}");
//! ```
//!
//! Size: the `GSet` type's whole public surface (actions, orbits, characters) over one
//! private point representation; the centralizer is in `centralizer.rs`.

use crate::error::{Error, LimitKind, Result};
use crate::group::classes::ConjugacyClasses;
use crate::group::elements::EnumeratedGroup;
use crate::group::limits::{table_size, Limits};
use crate::group::perm::Perm;
use crate::group::permgroup::PermGroup;
use num_bigint::BigUint;
use std::collections::HashMap;

pub use crate::group::action_spec::ActionSpec;

mod centralizer;
pub use centralizer::Centralizer;

/// How to compute the action of an arbitrary element (kept so that class
/// representatives and other elements can be mapped to permutations of `X`).
#[derive(Clone, Debug)]
enum Kind {
    Natural,
    Sets {
        ordered: bool,
        elems: Vec<Vec<u32>>,
        index: HashMap<Vec<u32>, u32>,
    },
    Elements {
        group: EnumeratedGroup,
        conjugation: bool,
    },
    Cosets {
        subgroup: Vec<Perm>,
        reps: Vec<Perm>,
        index: HashMap<Vec<u32>, u32>,
    },
    Trivial,
    Union {
        parts: Vec<GSet>,
        /// The first point of each summand.
        offsets: Vec<u32>,
    },
    Product {
        parts: Vec<GSet>,
    },
}

/// A finite set `X` with an action of a permutation group `G` (see the module docs).
#[derive(Clone, Debug)]
pub struct GSet {
    action: ActionSpec,
    group_degree: usize,
    group: PermGroup,
    generators: Vec<Perm>,
    labels: Vec<String>,
    kind: Kind,
}

/// `C(n, k)`, saturating at `u128::MAX` (checked arithmetic: never wraps).
fn binomial_saturating(n: usize, k: usize) -> u128 {
    let k = k.min(n - k);
    let mut c: u128 = 1;
    for i in 0..k {
        // c = C(n, i) exactly; C(n, i+1) = C(n, i) (n - i) / (i + 1).
        match c.checked_mul((n - i) as u128) {
            Some(x) => c = x / (i + 1) as u128,
            None => return u128::MAX,
        }
    }
    c
}

/// `n (n-1) ... (n-k+1)`, saturating at `u128::MAX`.
fn falling_saturating(n: usize, k: usize) -> u128 {
    (0..k)
        .try_fold(1u128, |c, i| c.checked_mul((n - i) as u128))
        .unwrap_or(u128::MAX)
}

/// The subgroup `H = <hgens>` of `group` for `cosets:`, each generator brought to the
/// degree of `group`. Errors (bad input) for generators moving points beyond the degree
/// or lying outside `group`.
fn coset_subgroup(group: &PermGroup, hgens: &[Perm]) -> Result<PermGroup> {
    let n = group.degree();
    let mut hg = Vec::with_capacity(hgens.len());
    for h in hgens {
        if h.largest_moved_point() > n {
            return Err(Error::bad(
                format!(
                    "the subgroup generator {h} moves a point beyond the degree {n} of the group"
                ),
                "cosets:<generators> must generate a subgroup of G",
            ));
        }
        let h = if h.degree() <= n {
            h.extended(n)
        } else {
            Perm::from_images_unchecked(h.images()[..n].to_vec())
        };
        if !group.contains(&h) {
            return Err(Error::bad(
                format!("the subgroup generator {h} is not an element of the group"),
                "cosets:<generators> must generate a subgroup of G",
            ));
        }
        hg.push(h);
    }
    PermGroup::new(n, hg)
}

/// `|X|` for the action, or `None` when it exceeds `limits.max_points`, computed without
/// building anything (but with every bad-input check of [`GSet::new`] on every part).
///
/// Complexity: `O(k)` per `subsets:K`/`tuples:K` atom, a stabilizer chain per `cosets:`.
fn points(group: &PermGroup, action: &ActionSpec, limits: &Limits) -> Result<Option<u128>> {
    let cap = limits.max_points as u128;
    let capped = |v: u128| (v <= cap).then_some(v);
    let n = group.degree();
    Ok(match action {
        ActionSpec::Natural => capped(n as u128),
        ActionSpec::Subsets(k) | ActionSpec::Tuples(k) => {
            let k = *k;
            if k == 0 || k > n {
                return Err(Error::bad(
                    format!("the action {action} does not apply to a group on {n} points"),
                    format!("K must be between 1 and the degree {n}"),
                ));
            }
            capped(if matches!(action, ActionSpec::Tuples(_)) {
                falling_saturating(n, k)
            } else {
                binomial_saturating(n, k)
            })
        }
        ActionSpec::Regular | ActionSpec::Conjugation => {
            group.order_u64().and_then(|o| capped(o as u128))
        }
        ActionSpec::Cosets(hgens) => {
            let h = coset_subgroup(group, hgens)?;
            let index = group.order() / h.order();
            u64::try_from(&index).ok().and_then(|i| capped(i as u128))
        }
        ActionSpec::Trivial(k) => capped(*k as u128),
        ActionSpec::Union(parts) | ActionSpec::Product(parts) => {
            let sum = matches!(action, ActionSpec::Union(_));
            if parts.is_empty() {
                // Only reachable by building the enum directly; the parser never does.
                return Err(Error::bad(
                    "an empty sum or product of G-sets",
                    "give at least one module",
                ));
            }
            let mut total = Some(if sum { 0 } else { 1 });
            // Every part is checked, so bad input anywhere is reported even when an
            // earlier part is already too large.
            for p in parts {
                let size = points(group, p, limits)?;
                total = match (total, size) {
                    // Both are at most the cap (a u64), so neither overflows u128.
                    (Some(a), Some(b)) => capped(if sum { a + b } else { a * b }),
                    _ => None,
                };
            }
            total
        }
    })
}

/// The kind and labels of `trivial:K`, a union or a product; the size is checked against
/// `limits.max_points` before any part is built.
fn composite(
    group: &PermGroup,
    action: &ActionSpec,
    limits: &Limits,
) -> Result<(Kind, Vec<String>)> {
    let size = match points(group, action, limits)? {
        Some(size) => size,
        None => {
            return Err(points_limit(
                format!(
                    "the G-set {action} of more than {} points",
                    limits.max_points
                ),
                limits,
            ))
        }
    };
    let size = usize::try_from(size)
        .map_err(|_| points_limit(format!("the G-set {action} of {size} points"), limits))?;
    Ok(match action {
        ActionSpec::Trivial(k) => (Kind::Trivial, (1..=*k).map(|x| x.to_string()).collect()),
        ActionSpec::Union(parts) => {
            let parts = parts
                .iter()
                .map(|p| GSet::new(group, p, limits))
                .collect::<Result<Vec<_>>>()?;
            let mut labels = Vec::with_capacity(size);
            let mut offsets = Vec::with_capacity(parts.len());
            for (i, p) in parts.iter().enumerate() {
                offsets.push(labels.len() as u32);
                labels.extend(p.labels.iter().map(|l| format!("{}:{l}", i + 1)));
            }
            (Kind::Union { parts, offsets }, labels)
        }
        ActionSpec::Product(parts) => {
            let parts = parts
                .iter()
                .map(|p| GSet::new(group, p, limits))
                .collect::<Result<Vec<_>>>()?;
            let mut labels = Vec::with_capacity(size);
            let mut digits = vec![0usize; parts.len()];
            for _ in 0..size {
                let inner: Vec<&str> = digits
                    .iter()
                    .zip(&parts)
                    .map(|(&d, p)| p.labels[d].as_str())
                    .collect();
                labels.push(format!("({})", inner.join(";")));
                // Mixed-radix increment, the last factor fastest.
                for j in (0..parts.len()).rev() {
                    digits[j] += 1;
                    if digits[j] < parts[j].len() {
                        break;
                    }
                    digits[j] = 0;
                }
            }
            (Kind::Product { parts }, labels)
        }
        _ => unreachable!("composite is only called for trivial, unions and products"),
    })
}

fn points_limit(what: String, limits: &Limits) -> Error {
    Error::limit(what, limits.max_points, LimitKind::Points)
}

impl GSet {
    /// Build the `G`-set `action` of `group`.
    ///
    /// Errors: actions that do not apply (`subsets:K` or `tuples:K` with `K` above the
    /// degree, `cosets:` with generators outside `G`) are bad input; `|X|` above
    /// `limits.max_points` is a limit (`--max-points`); `regular`, `conjugation` and
    /// `cosets` enumerate `G` or `H` (`--max-order`).
    ///
    /// Complexity: `O(|X| * k * #generators)` for sets and tuples, `O(|G|)` products for
    /// the element actions, `O(|X| * |H| * n * #generators)` for cosets.
    pub fn new(group: &PermGroup, action: &ActionSpec, limits: &Limits) -> Result<GSet> {
        let n = group.degree();
        let gens = group.generators().to_vec();
        let (kind, labels) = match action {
            ActionSpec::Trivial(_) | ActionSpec::Union(_) | ActionSpec::Product(_) => {
                composite(group, action, limits)?
            }
            ActionSpec::Natural => {
                if n as u64 > limits.max_points {
                    return Err(points_limit(
                        format!("the natural G-set of {n} points"),
                        limits,
                    ));
                }
                (Kind::Natural, (1..=n).map(|x| x.to_string()).collect())
            }
            ActionSpec::Subsets(k) | ActionSpec::Tuples(k) => {
                let ordered = matches!(action, ActionSpec::Tuples(_));
                let k = *k;
                if k == 0 || k > n {
                    return Err(Error::bad(
                        format!("the action {action} does not apply to a group on {n} points"),
                        format!("K must be between 1 and the degree {n}"),
                    ));
                }
                let size = if ordered {
                    falling_saturating(n, k)
                } else {
                    binomial_saturating(n, k)
                };
                if size > limits.max_points as u128 {
                    return Err(points_limit(
                        format!("the G-set {action} of a group on {n} points"),
                        limits,
                    ));
                }
                // Each point is stored three times (tuple, index key, label) with `k`
                // entries of at most 4 bytes and a 24-byte header each, plus hash slots.
                limits.check_memory(table_size(&[size, 12 * k as u128 + 96]), || {
                    format!("the G-set {action} of {size} points")
                })?;
                let elems: Vec<Vec<u32>> = if ordered {
                    itertools::Itertools::permutations(0..n as u32, k).collect()
                } else {
                    itertools::Itertools::combinations(0..n as u32, k).collect()
                };
                let (open, close) = if ordered { ("[", "]") } else { ("{", "}") };
                let labels = elems
                    .iter()
                    .map(|e| {
                        let inner: Vec<String> = e.iter().map(|x| (x + 1).to_string()).collect();
                        format!("{open}{}{close}", inner.join(","))
                    })
                    .collect();
                let index = elems
                    .iter()
                    .enumerate()
                    .map(|(i, e)| (e.clone(), i as u32))
                    .collect();
                (
                    Kind::Sets {
                        ordered,
                        elems,
                        index,
                    },
                    labels,
                )
            }
            ActionSpec::Regular | ActionSpec::Conjugation => {
                let order = group.order();
                if order > BigUint::from(limits.max_points) {
                    return Err(points_limit(
                        format!("the G-set {action} of a group of order {order}"),
                        limits,
                    ));
                }
                let e = group.enumerate(limits)?;
                let labels = (0..e.len()).map(|i| e.element(i).to_string()).collect();
                (
                    Kind::Elements {
                        group: e,
                        conjugation: matches!(action, ActionSpec::Conjugation),
                    },
                    labels,
                )
            }
            ActionSpec::Cosets(hgens) => {
                let h = coset_subgroup(group, hgens)?;
                let index_big = group.order() / h.order();
                if index_big > BigUint::from(limits.max_points) {
                    return Err(points_limit(
                        format!("the G-set of {index_big} cosets"),
                        limits,
                    ));
                }
                let he = h.enumerate(limits)?;
                let subgroup: Vec<Perm> = (0..he.len()).map(|i| he.element(i)).collect();
                let (reps, index) = coset_orbit(&subgroup, &gens, n);
                let labels = reps
                    .iter()
                    .map(|r| {
                        if r.is_identity() {
                            "H".to_string()
                        } else {
                            format!("H*{r}")
                        }
                    })
                    .collect();
                (
                    Kind::Cosets {
                        subgroup,
                        reps,
                        index,
                    },
                    labels,
                )
            }
        };
        let mut set = GSet {
            action: action.clone(),
            group_degree: n,
            group: group.clone(),
            generators: vec![],
            labels,
            kind,
        };
        set.generators = gens
            .iter()
            .map(|g| set.act(g))
            .collect::<Result<Vec<_>>>()?;
        Ok(set)
    }

    /// The action this set was built from.
    pub fn action(&self) -> &ActionSpec {
        &self.action
    }

    /// `|X|`.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// Whether `X` is empty (never: every action has at least one point).
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// The action of each generator of `G` (in the group's order) on `X`.
    pub fn generators(&self) -> &[Perm] {
        &self.generators
    }

    /// A label for each point (see the module docs), 1-based like GAP.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The action table `images[g * |X| + x] = x^g` over every element of the enumerated
    /// group (`elements` must be the group's), one row per element, rows on all cores.
    /// Errors: those of [`Self::act`], the first in element order.
    ///
    /// Complexity: `O(|G| |X|)` plus one [`Self::act`] per element.
    ///
    /// ```
    /// use plrep::group::gset::{ActionSpec, GSet};
    /// use plrep::group::Limits;
    /// let g = plrep::group::catalog::lookup("C3")?;
    /// let x = GSet::new(&g, &ActionSpec::parse("regular")?, &Limits::default())?;
    /// let table = x.action_table(&g.enumerate(&Limits::default())?)?;
    /// assert_eq!(table.len(), 9);
    /// assert_eq!(&table[..3], &[0, 1, 2]); // the identity first
    /// # Ok::<(), plrep::Error>(())
    /// ```
    pub fn action_table(&self, elements: &EnumeratedGroup) -> Result<Vec<u32>> {
        use rayon::prelude::*;
        let n = self.len();
        let mut images = vec![0u32; elements.len() * n];
        images
            .par_chunks_mut(n.max(1))
            .enumerate()
            .map(|(g, row)| -> Result<()> {
                row.copy_from_slice(self.act(&elements.element(g))?.images());
                Ok(())
            })
            .find_map_first(Result::err)
            .map_or(Ok(()), Err)?;
        Ok(images)
    }

    /// The permutation of `X` induced by an element `g` of `G` (given on the points of
    /// `G`). Errors if `g` has the wrong degree or (for element actions) is not in `G`.
    pub fn act(&self, g: &Perm) -> Result<Perm> {
        if g.degree() != self.group_degree {
            return Err(Error::bad(
                format!(
                    "the permutation {g} has degree {}, the group acts on {}",
                    g.degree(),
                    self.group_degree
                ),
                "give an element of the group",
            ));
        }
        let images: Vec<u32> = match &self.kind {
            Kind::Natural => return Ok(g.clone()),
            Kind::Sets {
                ordered,
                elems,
                index,
            } => {
                let mut buf = Vec::new();
                elems
                    .iter()
                    .map(|e| {
                        buf.clear();
                        buf.extend(e.iter().map(|&x| g.apply(x as usize) as u32));
                        if !ordered {
                            buf.sort_unstable();
                        }
                        index[&buf]
                    })
                    .collect()
            }
            Kind::Elements { group, conjugation } => {
                let gi = group.index_of(g).ok_or_else(|| {
                    Error::bad(
                        format!("{g} is not an element of the group"),
                        "give an element of the group",
                    )
                })?;
                let ginv = group.inv(gi);
                (0..group.len())
                    .map(|x| if *conjugation { group.mul(ginv, group.mul(x, gi)) } else { group.mul(x, gi) } as u32)
                    .collect()
            }
            Kind::Trivial => (0..self.len() as u32).collect(),
            Kind::Union { parts, offsets } => {
                let mut out = Vec::with_capacity(self.len());
                for (p, &off) in parts.iter().zip(offsets) {
                    out.extend(p.act(g)?.images().iter().map(|&y| y + off));
                }
                out
            }
            Kind::Product { parts } => {
                // Point (i_1, ..., i_k) is ((i_1 |X_2| + i_2) |X_3| + ...) + i_k.
                let mut out: Vec<u32> = vec![0];
                for p in parts {
                    let q = p.act(g)?;
                    let m = p.len() as u32;
                    let mut next = Vec::with_capacity(out.len() * p.len());
                    for &a in &out {
                        next.extend(q.images().iter().map(|&b| a * m + b));
                    }
                    out = next;
                }
                out
            }
            Kind::Cosets {
                subgroup,
                reps,
                index,
            } => {
                let mut out = Vec::with_capacity(reps.len());
                for r in reps {
                    let key = coset_key(subgroup, &(r * g));
                    match index.get(&key) {
                        Some(&i) => out.push(i),
                        None => {
                            return Err(Error::bad(
                                format!("{g} is not an element of the group"),
                                "give an element of the group",
                            ))
                        }
                    }
                }
                out
            }
        };
        Ok(Perm::from_images_unchecked(images))
    }

    /// The image of `G` in `Sym(X)` as a permutation group on `0..|X|`.
    pub fn image_group(&self) -> Result<PermGroup> {
        PermGroup::new(self.len(), self.generators.clone())
    }

    /// The orbits of `G` on `X`, each sorted, sorted by smallest point.
    ///
    /// Complexity: `O(|X| * #generators)`.
    pub fn orbits(&self) -> Vec<Vec<usize>> {
        orbits_of(self.len(), &self.generators)
            .into_iter()
            .map(|mut o| {
                o.sort_unstable();
                o
            })
            .collect()
    }

    /// The permutation character: the number of fixed points on `X` of each class
    /// representative (`pi_X(g)`, theory.md §1), in the order of `classes`.
    ///
    /// Complexity: one [`GSet::act`] per class.
    pub fn permutation_character(&self, classes: &ConjugacyClasses) -> Result<Vec<u64>> {
        // Shortcuts avoid |classes| * |X| work for large abelian groups: on G itself the
        // identity fixes everything and nothing else fixes a point under right
        // multiplication, while g fixes x under conjugation iff x lies in C_G(g).
        if let Kind::Elements { group, conjugation } = &self.kind {
            if classes.order == group.len() as u64 {
                return Ok((0..classes.len())
                    .map(|k| match (conjugation, classes.reps[k].is_identity()) {
                        (true, _) => classes.centralizer_orders[k],
                        (false, true) => group.len() as u64,
                        (false, false) => 0,
                    })
                    .collect());
            }
        }
        classes
            .reps
            .iter()
            .map(|r| {
                let p = self.act(r)?;
                Ok((0..p.degree()).filter(|&x| p.apply(x) == x).count() as u64)
            })
            .collect()
    }

    /// The group `G` acting (as given, on its own points).
    pub fn group(&self) -> &PermGroup {
        &self.group
    }

    /// Whether `h` (an element of `G`) acts trivially on `X`, i.e. lies in the kernel.
    fn acts_trivially(&self, h: &Perm) -> bool {
        match &self.kind {
            Kind::Natural => h.is_identity(),
            // The regular action is faithful; the kernel of conjugation is the centre.
            Kind::Elements {
                conjugation: false, ..
            } => h.is_identity(),
            Kind::Elements {
                conjugation: true, ..
            } => self.group.generators().iter().all(|s| (h * s) == (s * h)),
            Kind::Sets {
                ordered,
                elems,
                index,
            } => {
                let mut buf = Vec::new();
                elems.iter().enumerate().all(|(x, e)| {
                    buf.clear();
                    buf.extend(e.iter().map(|&p| h.apply(p as usize) as u32));
                    if !ordered {
                        buf.sort_unstable();
                    }
                    index.get(&buf) == Some(&(x as u32))
                })
            }
            Kind::Trivial => true,
            // Every part is non-empty, so h acts trivially on a union or product iff it
            // does on every part.
            Kind::Union { parts, .. } | Kind::Product { parts } => {
                parts.iter().all(|p| p.acts_trivially(h))
            }
            Kind::Cosets {
                subgroup,
                reps,
                index,
            } => reps
                .iter()
                .enumerate()
                .all(|(x, r)| index.get(&coset_key(subgroup, &(r * h))) == Some(&(x as u32))),
        }
    }
}

/// The canonical key of the right coset `Hx`: the lexicographically least image array
/// among its elements `h x`.
fn coset_key(subgroup: &[Perm], x: &Perm) -> Vec<u32> {
    let mut best: Option<Vec<u32>> = None;
    let mut buf = Vec::with_capacity(x.degree());
    for h in subgroup {
        buf.clear();
        // (h x) maps i to x(h(i)): first h, then x.
        buf.extend(h.images().iter().map(|&i| x.images()[i as usize]));
        let better = match &best {
            None => true,
            Some(b) => buf < *b,
        };
        if better {
            best = Some(buf.clone());
        }
    }
    best.unwrap_or_else(|| x.images().to_vec())
}

/// The right cosets of `H` (given by all its elements) reached from `H` by right
/// multiplication with the generators: representatives (the least element of each
/// coset) and the index of each canonical key, in breadth-first order.
fn coset_orbit(subgroup: &[Perm], gens: &[Perm], n: usize) -> (Vec<Perm>, HashMap<Vec<u32>, u32>) {
    let start = coset_key(subgroup, &Perm::identity(n));
    let mut reps = vec![Perm::from_images_unchecked(start.clone())];
    let mut index = HashMap::new();
    index.insert(start, 0u32);
    let mut i = 0;
    while i < reps.len() {
        for s in gens {
            let y = &reps[i] * s;
            let key = coset_key(subgroup, &y);
            if !index.contains_key(&key) {
                index.insert(key.clone(), reps.len() as u32);
                reps.push(Perm::from_images_unchecked(key));
            }
        }
        i += 1;
    }
    (reps, index)
}

/// Orbits in breadth-first order (shared with [`PermGroup::orbits`]).
fn orbits_of(n: usize, gens: &[Perm]) -> Vec<Vec<usize>> {
    crate::group::permgroup::orbits_bfs(n, gens)
}
