//! The zuppo-extension search for subgroup classes (see [`crate::group::subgroups`]) with
//! one stored representative per class instead of every conjugate: the method of
//! [`Method::Transporters`](crate::group::subgroups::Method::Transporters).
//!
//! Three changes make it fast on groups of order in the tens of thousands:
//!
//! - **`<H, z> = G` is recognised without enumerating it.** Most extensions of a small
//!   subgroup by a zuppo generate `G`; random Schreier–Sims with the known order `|G|`
//!   stops as soon as the chain reaches `|G|`, which proves `<H, z> = G` (the chain's
//!   order never exceeds the order of the group generated). Otherwise the chain is
//!   completed and verified deterministically, so `|<H, z>|` is exact.
//! - **Conjugacy by transporters.** For `|K| = |H|`, `K` is conjugate to `H` iff some `g`
//!   maps the generators of `K` into `H`. Fix a generator `k` of `K` in the element class
//!   `k^G = r^G`, with conjugators `t_x` (`r^{t_x} = x`) precomputed for every element:
//!   every `g` with `k^g = h` is `t_k^{-1} c t_h` with `c` in `C_G(r)`. The set of
//!   `g` with `K^g = H` is a coset `g_0 N_G(H)`, so `h` need only run over one element of
//!   each `N_G(H)`-orbit on `H ∩ k^G` (precomputed per class). The cost of one test is at
//!   most `#orbits * |C_G(k)| <= |G|` candidates, usually far fewer; the generator `k`
//!   with the fewest candidates is chosen. Normalizers are the same search with `K = H`
//!   over all of `H ∩ k^G`, for the element `k` of `H` with the fewest candidates.
//! - **Nothing else is stored**, so memory is one bitset per class.
//!
//! Completeness is that of the zuppo extension (every subgroup is `<K_0, Z>` for a
//! maximal subgroup `K_0` and a zuppo `Z`), with one more reduction: `Z` may be taken
//! with `Z^p ≤ K_0` (the first subgroup of the chain `Z > Z^p > ... > 1` that is not in
//! `K_0` serves), so only zuppos `Z ⊄ H` with `Z^p ≤ H` are tried (docs/theory.md §9).
//! Both decisions (the order, conjugacy) are exact.

use super::subgroups::{Bits, Search, Subgroup};
use crate::error::{Error, LimitKind, Result};
use crate::group::{ConjugacyClasses, EnumeratedGroup, Limits, PermGroup, StabChain};
use num_bigint::BigUint;
use std::collections::HashMap;

/// Conjugators onto every element from its class representative, and the centralizers
/// of the representatives.
struct ElementClasses {
    class_of: Vec<u32>,
    /// `r^{conjugator[x]} = x` for the representative `r` of the class of `x`.
    conjugator: Vec<u32>,
    /// The elements of `C_G(r)` for each class representative `r`.
    centralizer: Vec<Vec<u32>>,
}

impl ElementClasses {
    /// Breadth-first search of each class under the generators of `G`; the Schreier
    /// generators `t_x s t_{x^s}^{-1}` generate the centralizer of the representative.
    /// Cost: `O(|G| * #gens)` conjugations plus the centralizer closures.
    fn new(search: &Search<'_>, classes: &ConjugacyClasses, gens: &[usize]) -> Self {
        let n = search.n;
        let mut conjugator = vec![u32::MAX; n];
        let mut centralizer = Vec::with_capacity(classes.len());
        for (i, &r) in classes.rep_indices.iter().enumerate() {
            let target = (n as u64 / classes.sizes[i]) as usize;
            conjugator[r] = 0;
            let mut queue = vec![r];
            let mut c = search.trivial();
            let mut next = 0;
            while next < queue.len() {
                let x = queue[next];
                next += 1;
                for &s in gens {
                    let y = search.conj(x, s);
                    let ts = search.p.mul(conjugator[x] as usize, s);
                    if conjugator[y] == u32::MAX {
                        conjugator[y] = ts as u32;
                        queue.push(y);
                    } else if c.elements.len() < target {
                        let z = search.p.mul(ts, search.inverse[conjugator[y] as usize]);
                        if !c.bits.has(z) {
                            c = search.extend(&c, z);
                        }
                    }
                }
            }
            centralizer.push(c.elements);
        }
        ElementClasses {
            class_of: classes.class_of.clone(),
            conjugator,
            centralizer,
        }
    }
}

/// A stored class representative with what the transporter tests need.
struct Stored {
    order: usize,
    bits: Bits,
    /// For each element class, one element of every `N_G(H)`-orbit on `H ∩ class`.
    orbit_reps: Vec<Vec<u32>>,
    /// A small generating set of `N_G(H)`.
    normalizer_generators: Vec<usize>,
}

/// The conjugacy classes of subgroups by zuppo extension with transporter tests (module
/// documentation). Returns the representatives and, for each, its number of conjugates
/// and the elements of its normalizer, in order of discovery (the trivial group, then
/// `G`, then the rest).
///
/// Errors: more than `limits.max_subgroups` classes (`--max-subgroups`), or their store
/// above `--max-memory-mb`.
#[allow(clippy::too_many_arguments, clippy::type_complexity)]
pub(super) fn classes(
    search: &Search<'_>,
    group: &PermGroup,
    elements: &EnumeratedGroup,
    classes: &ConjugacyClasses,
    zuppos: &[usize],
    zuppo_of: &[u32],
    orders: &[u64],
    limits: &Limits,
) -> Result<(Vec<Subgroup>, Vec<(u64, Vec<usize>)>)> {
    let n = search.n;
    let words = n.div_ceil(64);
    let gens: Vec<usize> = group
        .generators()
        .iter()
        .filter_map(|g| elements.index_of(g))
        .collect();
    // The conjugator table and the centralizers (|G|/|class| elements each), before
    // they are built.
    let tables: u128 = 4 * n as u128
        + classes
            .sizes
            .iter()
            .map(|&size| 4 * (n as u128 / size.max(1) as u128))
            .sum::<u128>();
    limits.check_memory(tables, || {
        format!(
            "the conjugators and centralizers of {} element classes",
            classes.len()
        )
    })?;
    let ec = ElementClasses::new(search, classes, &gens);
    // z^p for each zuppo <z> of order p^a.
    let zuppo_power: Vec<usize> = zuppos
        .iter()
        .map(|&z| {
            let p = smallest_prime_factor(orders[z]);
            elements.pow(z, p as i64)
        })
        .collect();
    let degree = group.degree();
    let group_order = BigUint::from(n);

    let mut reps: Vec<Subgroup> = Vec::new();
    let mut found: Vec<(u64, Vec<usize>)> = Vec::new();
    let mut stored: Vec<Stored> = Vec::new();
    let mut by_order: HashMap<usize, Vec<usize>> = HashMap::new();
    let store = |h: Subgroup,
                 normalizer: Vec<usize>,
                 reps: &mut Vec<Subgroup>,
                 found: &mut Vec<(u64, Vec<usize>)>,
                 stored: &mut Vec<Stored>,
                 by_order: &mut HashMap<usize, Vec<usize>>|
     -> Result<()> {
        let count = reps.len() as u128 + 1;
        limits.check_memory(count * (words as u128 * 16 + 64), || {
            format!(
                "a store of {count} subgroup classes of {} bytes each",
                words * 16
            )
        })?;
        if reps.len() >= limits.max_subgroups {
            return Err(Error::limit(
                format!(
                    "more than {} subgroup classes (each stored as {} bytes)",
                    limits.max_subgroups,
                    words * 8
                ),
                limits.max_subgroups,
                LimitKind::Subgroups,
            ));
        }
        let ngens = search.small_generators(
            &normalizer.iter().map(|&x| x as u32).collect::<Vec<_>>(),
            orders,
        );
        let orbit_reps = class_orbit_reps(search, &ec, classes.len(), &h, &ngens);
        by_order
            .entry(h.elements.len())
            .or_default()
            .push(reps.len());
        stored.push(Stored {
            order: h.elements.len(),
            bits: h.bits.clone(),
            orbit_reps,
            normalizer_generators: ngens,
        });
        found.push(((n / normalizer.len()) as u64, normalizer));
        reps.push(h);
        Ok(())
    };

    // The trivial group and G itself.
    let trivial = search.trivial();
    store(
        trivial,
        (0..n).collect(),
        &mut reps,
        &mut found,
        &mut stored,
        &mut by_order,
    )?;
    if n > 1 {
        let mut whole = search.trivial();
        for &g in &gens {
            if !whole.bits.has(g) {
                whole = search.extend(&whole, g);
            }
        }
        whole.generators = search.small_generators(&whole.elements, orders);
        store(
            whole,
            (0..n).collect(),
            &mut reps,
            &mut found,
            &mut stored,
            &mut by_order,
        )?;
    }

    let mut next = 0;
    while next < reps.len() {
        let ngens = &stored[next].normalizer_generators;
        let mut in_normalizer = Bits::new(n);
        for &x in &found[next].1 {
            in_normalizer.set(x);
        }
        // Only zuppos Z ⊄ H with Z^p ⊆ H are needed (docs/theory.md §9); both conditions
        // are N(H)-invariant, so the orbits are taken on those alone.
        let h = &reps[next];
        let eligible: Vec<bool> = (0..zuppos.len())
            .map(|i| !h.bits.has(zuppos[i]) && h.bits.has(zuppo_power[i]))
            .collect();
        for z in zuppo_orbit_representatives(search, elements, zuppos, zuppo_of, &eligible, ngens) {
            let h = &reps[next];
            let mut kgens = h.generators.clone();
            kgens.push(z);
            let order = if in_normalizer.has(z) {
                // z normalizes H: |<H, z>| = |H| * (the order of zH in N(H)/H).
                let (mut w, mut e) = (z, 1);
                while !h.bits.has(w) {
                    w = search.p.mul(w, z);
                    e += 1;
                }
                h.elements.len() * e
            } else {
                let perms: Vec<_> = kgens.iter().map(|&x| elements.element(x)).collect();
                let chain = StabChain::random(degree, &perms, Some(&group_order));
                usize::try_from(&chain.order())
                    .map_err(|_| Error::verification("subgroup order overflows".to_string()))?
            };
            if order == n {
                continue;
            }
            let known = by_order.get(&order).is_some_and(|ids| {
                ids.iter()
                    .any(|&id| transporter(search, &ec, &kgens, &stored[id]).is_some())
            });
            if known {
                continue;
            }
            let mut k = search.extend(&reps[next], z);
            if k.elements.len() != order {
                return Err(Error::verification(format!(
                    "subgroup classes: a subgroup of order {order} enumerated with {} elements",
                    k.elements.len()
                )));
            }
            k.generators = search.small_generators(&k.elements, orders);
            let normalizer = normalizer_elements(search, &ec, &k);
            store(
                k,
                normalizer,
                &mut reps,
                &mut found,
                &mut stored,
                &mut by_order,
            )?;
        }
        next += 1;
    }
    Ok((reps, found))
}

/// The smallest zuppo of every orbit of `<gens>` acting by conjugation on the eligible
/// zuppos (a union of orbits), ascending; with the image rows of each generator and its
/// inverse read once (one image look-up per base point a conjugation).
fn zuppo_orbit_representatives(
    search: &Search<'_>,
    elements: &EnumeratedGroup,
    zuppos: &[usize],
    zuppo_of: &[u32],
    eligible: &[bool],
    gens: &[usize],
) -> Vec<usize> {
    let d = elements.degree();
    let base = elements.base();
    let rows: Vec<(Vec<u32>, Vec<u32>)> = gens
        .iter()
        .map(|&s| {
            let mut row = vec![0u32; d];
            let mut inv = vec![0u32; d];
            elements.write_images(s, &mut row);
            elements.write_images(search.inverse[s], &mut inv);
            (row, inv)
        })
        .collect();
    let mut b = vec![0u32; base.len()];
    let mut done: Vec<bool> = eligible.iter().map(|&e| !e).collect();
    let mut out = vec![];
    for start in 0..zuppos.len() {
        if done[start] {
            continue;
        }
        done[start] = true;
        out.push(zuppos[start]);
        let mut stack = vec![start];
        while let Some(z) = stack.pop() {
            for (row, inv) in &rows {
                // The base images of s^-1 z s: p -> p^(s^-1) -> ^z -> ^s.
                for (slot, &p) in b.iter_mut().zip(base) {
                    *slot = row[elements.image(zuppos[z], inv[p as usize] as usize)];
                }
                let c = elements
                    .index_from_base_images(&mut b)
                    .expect("conjugates stay in the group");
                let image = zuppo_of[c] as usize;
                if !done[image] {
                    done[image] = true;
                    stack.push(image);
                }
            }
        }
    }
    out
}

/// The smallest prime factor of `k > 1`.
fn smallest_prime_factor(k: u64) -> u64 {
    let mut p = 2;
    while p * p <= k {
        if k % p == 0 {
            return p;
        }
        p += 1;
    }
    k
}

/// For each element class, one element of every orbit of `<ngens>` (a generating set of
/// `N_G(H)`) on `H ∩ class`, by conjugation. Cost: `|H| * #ngens` conjugations.
fn class_orbit_reps(
    search: &Search<'_>,
    ec: &ElementClasses,
    class_count: usize,
    h: &Subgroup,
    ngens: &[usize],
) -> Vec<Vec<u32>> {
    let mut out = vec![Vec::new(); class_count];
    let mut done: HashMap<u32, ()> = HashMap::with_capacity(h.elements.len());
    let mut sorted = h.elements.clone();
    sorted.sort_unstable();
    for &x in &sorted {
        if done.contains_key(&x) {
            continue;
        }
        done.insert(x, ());
        out[ec.class_of[x as usize] as usize].push(x);
        let mut stack = vec![x as usize];
        while let Some(y) = stack.pop() {
            for &s in ngens {
                let w = search.conj(y, s) as u32;
                if done.insert(w, ()).is_none() {
                    stack.push(w as usize);
                }
            }
        }
    }
    out
}

/// Some `g` with `kgens^g ⊆ H` for the stored class `target` (then `K^g = H` when
/// `|K| = |H|`), or `None`; see the module documentation. Cost: at most
/// `#orbit reps * |C_G(k)|` candidates for the chosen generator `k`.
fn transporter(
    search: &Search<'_>,
    ec: &ElementClasses,
    kgens: &[usize],
    target: &Stored,
) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for &k in kgens {
        let class = ec.class_of[k] as usize;
        let cost = target.orbit_reps[class].len() * ec.centralizer[class].len();
        if cost == 0 {
            return None;
        }
        if best.map_or(true, |(c, _)| cost < c) {
            best = Some((cost, k));
        }
    }
    let Some((_, k)) = best else {
        // K is trivial: so is H (equal orders).
        return (target.order == 1).then_some(0);
    };
    let class = ec.class_of[k] as usize;
    let back = search.inverse[ec.conjugator[k] as usize];
    let lead: Vec<usize> = ec.centralizer[class]
        .iter()
        .map(|&c| search.p.mul(back, c as usize))
        .collect();
    for &h in &target.orbit_reps[class] {
        let th = ec.conjugator[h as usize] as usize;
        for &a in &lead {
            let g = search.p.mul(a, th);
            if kgens
                .iter()
                .all(|&x| x == k || target.bits.has(search.conj(x, g)))
            {
                return Some(g);
            }
        }
    }
    None
}

/// The elements of `N_G(H)`: every `g` with `gens(H)^g ⊆ H`, among the candidates that
/// map one chosen element `k` of `H` into `H ∩ k^G` (`t_k^{-1} C_G(r) t_h`), for the `k`
/// with the fewest candidates. Cost: `|H ∩ k^G| * |C_G(k)| <= |G|` candidates.
fn normalizer_elements(search: &Search<'_>, ec: &ElementClasses, h: &Subgroup) -> Vec<usize> {
    let n = search.n;
    if h.elements.len() <= 1 || h.elements.len() == n {
        return (0..n).collect();
    }
    let mut count: HashMap<u32, usize> = HashMap::new();
    for &x in &h.elements {
        *count.entry(ec.class_of[x as usize]).or_default() += 1;
    }
    let k = h
        .elements
        .iter()
        .map(|&x| x as usize)
        .filter(|&x| x != 0)
        .min_by_key(|&x| {
            let c = ec.class_of[x];
            (count[&c] * ec.centralizer[c as usize].len(), x)
        })
        .expect("a non-trivial subgroup has a non-identity element");
    let class = ec.class_of[k];
    let back = search.inverse[ec.conjugator[k] as usize];
    let lead: Vec<usize> = ec.centralizer[class as usize]
        .iter()
        .map(|&c| search.p.mul(back, c as usize))
        .collect();
    let mut out = Vec::new();
    for &x in &h.elements {
        if ec.class_of[x as usize] != class {
            continue;
        }
        let th = ec.conjugator[x as usize] as usize;
        for &a in &lead {
            let g = search.p.mul(a, th);
            if h.generators.iter().all(|&y| h.bits.has(search.conj(y, g))) {
                out.push(g);
            }
        }
    }
    out.sort_unstable();
    out
}
