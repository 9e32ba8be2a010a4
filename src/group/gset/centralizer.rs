//! The centralizer `C = C_{Sym(X)}(G)` of a G-set and the group `Ĝ = <G, C>` it
//! generates (theory.md §6).

use super::{orbits_of, GSet};
use crate::error::Result;
use crate::group::limits::Limits;
use crate::group::perm::Perm;
use crate::group::permgroup::PermGroup;
use num_bigint::BigUint;
use num_traits::One;
use std::collections::VecDeque;

/// The centralizer `C = C_{Sym(X)}(G)` of the image of `G` in `Sym(X)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Centralizer {
    /// Generators of `C` as permutations of `X` (empty when `C` is trivial).
    pub generators: Vec<Perm>,
    /// The exact order of `C`.
    pub order: BigUint,
    /// The orbits of `G` on `X` grouped into isomorphism classes of `G`-sets
    /// (indices into [`GSet::orbits`]).
    pub orbit_classes: Vec<Vec<usize>>,
    /// For each class, the order of the centralizer of `G` on one of its orbits
    /// (`|N_G(H)/H|` for an orbit `G/H`).
    pub orbit_centralizer_orders: Vec<u64>,
}

impl GSet {
    /// The centralizer `C = C_{Sym(X)}(G)`: generators and exact order, for transitive and
    /// intransitive `X`.
    ///
    /// Algorithm: an element commuting with `G` maps orbits to isomorphic orbits and is
    /// determined on an orbit by the image `y` of one point `x0`: propagate
    /// `c(x^s) = c(x)^s` along a breadth-first tree and check every edge (this is an
    /// equivariant bijection iff `Stab(x0) = Stab(y)`). On a transitive orbit `G/H`,
    /// `C` acts semiregularly and is `N_G(H)/H`, so generators are found greedily
    /// (a new generator for each valid `y` outside the orbit of `x0` under the
    /// generators so far: at most `log2 |C|` of them). With `m` isomorphic orbits of
    /// each type, `C` is the product over the types of `C_orbit wr S_m`, of order
    /// `prod |C_orbit|^m m!` (e.g. Dixon–Mortimer, *Permutation Groups*, Thm. 4.2A).
    ///
    /// Complexity: `O(|O|^2 * #generators)` per orbit in the worst case; candidates are
    /// filtered by the cycle lengths of the generators through each point.
    ///
    /// ```
    /// use plrep::group::{catalog::lookup, gset::{ActionSpec, GSet}, Limits};
    /// // C4 on itself: the centralizer of the regular representation is a copy of C4.
    /// let g = lookup("C4").unwrap();
    /// let x = GSet::new(&g, &ActionSpec::Regular, &Limits::default()).unwrap();
    /// assert_eq!(x.centralizer().order, 4u32.into());
    /// ```
    pub fn centralizer(&self) -> Centralizer {
        centralizer_of(self.len(), &self.generators, &self.orbits())
    }

    /// The order of `Ĝ = <G, C>` without building its stabilizer chain on `X`.
    ///
    /// `C` centralizes the image `Ḡ` of `G`, so `Ĝ = Ḡ C` and
    /// `|Ĝ| = |Ḡ| |C| / |Ḡ ∩ C|` with `Ḡ ∩ C = Z(Ḡ)`. With `K` the kernel of the action
    /// and `Z*` = `{g in G : [g, s] in K for every generator s}` (the preimage of `Z(Ḡ)`),
    /// this is `|G| |C| / |Z*|`. For abelian `G`, `Ḡ ⊆ C` and `|Ĝ| = |C|`.
    ///
    /// Falls back to Schreier–Sims on `X` ([`GSet::hat_group`]) when `|G|` is above
    /// `limits.max_order`.
    ///
    /// Complexity: `O(|G| * #generators * n)` plus `|Z*| * #generators` kernel tests of
    /// `O(|X|)`, instead of a Schreier–Sims run on `|X|` points.
    pub fn hat_group_order(&self, limits: &Limits) -> Result<BigUint> {
        let c = self.centralizer();
        if self.group.is_abelian() {
            return Ok(c.order);
        }
        let fits = self
            .group
            .order_u64()
            .is_some_and(|o| o <= limits.max_order);
        if !fits {
            return Ok(self.hat_group_within(limits)?.order());
        }
        let e = self.group.enumerate(limits)?;
        let gens = self.group.generators();
        let inv_gens: Vec<Perm> = gens.iter().map(Perm::inverse).collect();
        let mut zstar = 0u64;
        for i in 0..e.len() {
            let g = e.element(i);
            let gi = g.inverse();
            // [g, s] = g^-1 s^-1 g s
            if gens
                .iter()
                .zip(&inv_gens)
                .all(|(s, si)| self.acts_trivially(&(&(&gi * si) * &(&g * s))))
            {
                zstar += 1;
            }
        }
        Ok(self.group.order() * c.order / BigUint::from(zstar))
    }

    /// `Ĝ = <G, C>` on `X`: the image of `G` together with its centralizer in `Sym(X)`.
    ///
    /// Builds a stabilizer chain on `|X|` points, which is slow for large `X` (seconds
    /// for the 7920 points of regular `M11`); for the order alone use
    /// [`GSet::hat_group_order`].
    pub fn hat_group(&self) -> Result<PermGroup> {
        self.hat_group_within(&Limits::default())
    }

    /// [`GSet::hat_group`] within `limits` (its verification bounded by
    /// `--max-verify-work`, see [`PermGroup::new_within`]).
    pub fn hat_group_within(&self, limits: &Limits) -> Result<PermGroup> {
        let mut gens = self.generators.clone();
        gens.extend(self.centralizer().generators);
        PermGroup::new_within(self.len(), gens, limits)
    }
}

const NONE: u32 = u32::MAX;

/// Shared data for the centralizer search.
struct Search<'a> {
    gens: &'a [Perm],
    /// Position of each point in its orbit's breadth-first list.
    pos: Vec<u32>,
    /// For each point, the cycle length of each generator through it (an invariant
    /// any equivariant bijection preserves).
    sig: Vec<Vec<u32>>,
}

impl Search<'_> {
    /// The equivariant map `orbit_a -> orbit_b` sending `orbit_a[0]` to `y`, as the list
    /// of images of `orbit_a` (in its order), if it exists and is a bijection.
    fn try_map(&self, orbit_a: &[usize], len_b: usize, y: usize) -> Option<Vec<u32>> {
        if orbit_a.len() != len_b || self.sig[orbit_a[0]] != self.sig[y] {
            return None;
        }
        let mut c = vec![NONE; orbit_a.len()];
        let mut used = vec![false; len_b];
        c[0] = y as u32;
        used[self.pos[y] as usize] = true;
        let mut queue = VecDeque::from([orbit_a[0]]);
        while let Some(x) = queue.pop_front() {
            let cx = c[self.pos[x] as usize] as usize;
            for s in self.gens {
                let xs = s.apply(x);
                let ys = s.apply(cx) as u32;
                let slot = &mut c[self.pos[xs] as usize];
                if *slot == NONE {
                    let u = &mut used[self.pos[ys as usize] as usize];
                    if *u {
                        return None;
                    }
                    *u = true;
                    *slot = ys;
                    queue.push_back(xs);
                } else if *slot != ys {
                    return None;
                }
            }
        }
        Some(c)
    }
}

/// See [`GSet::centralizer`]; `orbits` sorted as [`GSet::orbits`].
fn centralizer_of(n: usize, gens: &[Perm], sorted_orbits: &[Vec<usize>]) -> Centralizer {
    // Breadth-first orbit lists (first point = smallest point) in the order of `sorted_orbits`.
    let orbits = orbits_of(n, gens);
    debug_assert_eq!(orbits.len(), sorted_orbits.len());
    let mut pos = vec![0u32; n];
    for o in &orbits {
        for (i, &x) in o.iter().enumerate() {
            pos[x] = i as u32;
        }
    }
    let sig: Vec<Vec<u32>> = {
        let mut sig = vec![Vec::with_capacity(gens.len()); n];
        for s in gens {
            let mut len = vec![0u32; n];
            for start in 0..n {
                if len[start] != 0 {
                    continue;
                }
                let mut cyc = vec![start];
                let mut x = s.apply(start);
                while x != start {
                    cyc.push(x);
                    x = s.apply(x);
                }
                for &x in &cyc {
                    len[x] = cyc.len() as u32;
                }
            }
            for x in 0..n {
                sig[x].push(len[x]);
            }
        }
        sig
    };
    let orbit_invariant: Vec<(usize, Vec<Vec<u32>>)> = orbits
        .iter()
        .map(|o| {
            let mut s: Vec<Vec<u32>> = o.iter().map(|&x| sig[x].clone()).collect();
            s.sort_unstable();
            (o.len(), s)
        })
        .collect();
    let search = Search { gens, pos, sig };

    // Group the orbits into isomorphism classes, with an isomorphism from the first orbit.
    let mut classes: Vec<Vec<(usize, Vec<u32>)>> = Vec::new();
    for (j, o) in orbits.iter().enumerate() {
        let mut placed = false;
        for class in classes.iter_mut() {
            let first = class[0].0;
            if orbit_invariant[first] != orbit_invariant[j] {
                continue;
            }
            if let Some(phi) = o
                .iter()
                .find_map(|&y| search.try_map(&orbits[first], o.len(), y))
            {
                class.push((j, phi));
                placed = true;
                break;
            }
        }
        if !placed {
            let id: Vec<u32> = o.iter().map(|&x| x as u32).collect();
            classes.push(vec![(j, id)]);
        }
    }

    let mut generators = Vec::new();
    let mut order = BigUint::one();
    let mut orbit_centralizer_orders = Vec::new();
    for class in &classes {
        let o1 = &orbits[class[0].0];
        // Greedy generators of the (semiregular) centralizer on the first orbit.
        let mut local: Vec<Vec<u32>> = Vec::new();
        let mut reach = vec![false; o1.len()];
        reach[0] = true;
        let mut reached = 1usize;
        for &y in o1.iter() {
            if reach[search.pos[y] as usize] {
                continue;
            }
            if let Some(c) = search.try_map(o1, o1.len(), y) {
                local.push(c);
                // The orbit of o1[0] under the local generators; its size is the order
                // of the group they generate, since that group acts semiregularly.
                let mut queue: Vec<usize> = (0..o1.len()).filter(|&i| reach[i]).collect();
                let mut i = 0;
                while i < queue.len() {
                    let x = o1[queue[i]];
                    for c in &local {
                        let p = search.pos[c[search.pos[x] as usize] as usize] as usize;
                        if !reach[p] {
                            reach[p] = true;
                            reached += 1;
                            queue.push(p);
                        }
                    }
                    i += 1;
                }
            }
        }
        orbit_centralizer_orders.push(reached as u64);
        for c in &local {
            let mut images: Vec<u32> = (0..n as u32).collect();
            for (i, &x) in o1.iter().enumerate() {
                images[x] = c[i];
            }
            generators.push(Perm::from_images_unchecked(images));
        }
        let m = class.len();
        order *= BigUint::from(reached).pow(m as u32);
        for i in 2..=m {
            order *= BigUint::from(i);
        }
        if m >= 2 {
            // phi_j maps o1[i] to class[j].1[i]. The transposition O_1 <-> O_2 ...
            let mut swap: Vec<u32> = (0..n as u32).collect();
            for (i, &x) in o1.iter().enumerate() {
                let y = class[1].1[i];
                swap[x] = y;
                swap[y as usize] = x as u32;
            }
            generators.push(Perm::from_images_unchecked(swap));
            if m >= 3 {
                // ... and the cycle O_1 -> O_2 -> ... -> O_m -> O_1 generate S_m.
                let mut cyc: Vec<u32> = (0..n as u32).collect();
                for i in 0..o1.len() {
                    for j in 0..m {
                        let from = class[j].1[i] as usize;
                        cyc[from] = class[(j + 1) % m].1[i];
                    }
                }
                generators.push(Perm::from_images_unchecked(cyc));
            }
        }
    }
    // Report classes by the positions of their orbits in the sorted orbit list; both lists
    // are sorted by smallest point, so the indices agree.
    let orbit_classes = classes
        .iter()
        .map(|c| c.iter().map(|(j, _)| *j).collect())
        .collect();
    Centralizer {
        generators,
        order,
        orbit_classes,
        orbit_centralizer_orders,
    }
}
