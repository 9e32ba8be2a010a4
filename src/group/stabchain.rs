//! Stabilizer chains: a base and strong generating set with Schreier vectors for the
//! basic orbits, computed by the deterministic Schreier–Sims algorithm
//! ([`StabChain::new`], the reference) or by random Schreier–Sims followed by a
//! verification that makes the result a proof ([`StabChain::random`], the fast one).
//!
//! References: C. C. Sims, *Computational methods in the study of permutation groups*
//! (1970); Á. Seress, *Permutation Group Algorithms*, CUP 2003, §4.2–4.5; D. F. Holt,
//! B. Eick, E. O'Brien, *Handbook of Computational Group Theory*, 2005, §4.4.2
//! (algorithm `SCHREIERSIMS`, which is what [`StabChain::new`] implements) and §4.4.5
//! (random Schreier–Sims); C. R. Leedham-Green, L. H. Soicher, *Collection from the
//! left and other strategies*, 1990, and F. Celler et al., *Generating random elements
//! of a finite group*, 1995 (product replacement).
//!
//! Conventions: permutations act on the right (`x^(gh) = (x^g)^h`), so a coset
//! representative `u_beta` maps the base point to `beta`, and sifting `g` at a level
//! replaces `g` by `g * u_beta^-1` with `beta = b^g`.
//!
//! Size: the Schreier–Sims levels, the chain built on them, and the random-element
//! machinery that feeds the randomized construction are one algorithm with shared
//! invariants.

use crate::group::perm::Perm;
use num_bigint::BigUint;

/// How a level keeps its Schreier tree shallow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shallow {
    /// Shortcuts are coset representatives of deepest points (the reference chain; its
    /// trees, hence enumeration indices, must not change).
    Reference,
    /// Shortcuts are powers `x^(4^j)` of a generator that labels a long run of a deep
    /// path, else a representative: `O(degree)` per shortcut even for a path of length
    /// `10^6` (a long cycle), where a representative costs `O(depth * degree)`.
    Powers,
}

/// Schreier vector entry: the point is not in the orbit.
const NOT_IN_ORBIT: u32 = u32::MAX;
/// Schreier vector entry: the point is the base point of the level.
const ROOT: u32 = u32::MAX - 1;

/// One level `G^(i)` of a stabilizer chain: its base point `b_i`, the strong
/// generators fixing `b_1..b_{i-1}`, and the orbit of `b_i` under them with a
/// Schreier vector.
#[derive(Clone, Debug)]
pub struct Level {
    base_point: usize,
    /// Generators of the Schreier tree: the strong generators of the level, plus
    /// shortcut elements (coset representatives of deep points) that keep the tree
    /// shallow. Shortcuts lie in the group of the level, so they change neither the
    /// orbit nor the group; Schreier generators are formed from the strong ones only.
    gens: Vec<Perm>,
    gens_inv: Vec<Perm>,
    strong: Vec<bool>,
    /// Orbit of the base point, every point after its Schreier-tree parent;
    /// `orbit[0]` is the base point.
    orbit: Vec<u32>,
    /// Depth in the Schreier tree of `orbit[k]`.
    depth: Vec<u32>,
    /// Tree generators whose powers were added as shortcuts (or that are such powers),
    /// for [`Level::make_shallow_powers`]; shorter than `gens` for the newer ones.
    powered: Vec<bool>,
    /// `sv[p] = k` means `p = q^(gens[k])` where `q = p^(gens_inv[k])` is earlier in the
    /// Schreier tree; `ROOT` for the base point, `NOT_IN_ORBIT` outside the orbit.
    sv: Vec<u32>,
}

impl Level {
    fn new(degree: usize, base_point: usize) -> Self {
        let mut sv = vec![NOT_IN_ORBIT; degree];
        sv[base_point] = ROOT;
        Level {
            base_point,
            gens: Vec::new(),
            gens_inv: Vec::new(),
            strong: Vec::new(),
            orbit: vec![base_point as u32],
            depth: vec![0],
            powered: Vec::new(),
            sv,
        }
    }

    /// Add a strong generator, extend the orbit, and keep the tree shallow.
    fn add_strong(&mut self, g: Perm, shallow: Shallow) {
        self.add_gen(g, true);
        match shallow {
            Shallow::Reference => self.make_shallow(),
            Shallow::Powers => self.make_shallow_powers(),
        }
    }

    /// Add a generator and extend the orbit and Schreier vector incrementally (old
    /// points only need the new generator applied; new points need all generators).
    fn add_gen(&mut self, g: Perm, strong: bool) {
        let new = self.gens.len();
        self.gens_inv.push(g.inverse());
        self.gens.push(g);
        self.strong.push(strong);
        let old_len = self.orbit.len();
        let mut pos = 0;
        while pos < self.orbit.len() {
            let p = self.orbit[pos] as usize;
            let range = if pos < old_len {
                new..new + 1
            } else {
                0..self.gens.len()
            };
            for k in range {
                let q = self.gens[k].apply(p);
                if self.sv[q] == NOT_IN_ORBIT {
                    self.sv[q] = k as u32;
                    self.orbit.push(q as u32);
                    self.depth.push(self.depth[pos] + 1);
                }
            }
            pos += 1;
        }
    }

    /// Recompute the Schreier tree breadth-first with all tree generators.
    fn rebuild(&mut self) {
        for &p in &self.orbit {
            self.sv[p as usize] = NOT_IN_ORBIT;
        }
        self.sv[self.base_point] = ROOT;
        self.orbit.clear();
        self.orbit.push(self.base_point as u32);
        self.depth.clear();
        self.depth.push(0);
        let mut pos = 0;
        while pos < self.orbit.len() {
            let p = self.orbit[pos] as usize;
            for k in 0..self.gens.len() {
                let q = self.gens[k].apply(p);
                if self.sv[q] == NOT_IN_ORBIT {
                    self.sv[q] = k as u32;
                    self.orbit.push(q as u32);
                    self.depth.push(self.depth[pos] + 1);
                }
            }
            pos += 1;
        }
    }

    /// Keep the Schreier tree of depth `O(log |orbit|)`: while it is deeper than
    /// `2 log2 |orbit| + 2`, add the coset representative of a deepest point as a
    /// shortcut generator and rebuild the tree breadth-first (a simple form of the
    /// shallow Schreier trees of Babai, Cooperman, Finkelstein, Luks, Seress 1991;
    /// Seress 2003, §4.4). Without it, a long cycle gives a path of depth
    /// `|orbit|` and Schreier–Sims becomes cubic in the degree.
    fn make_shallow(&mut self) {
        let bound = self.depth_bound();
        for _ in 0..64 {
            let Some((k, &d)) = self.depth.iter().enumerate().max_by_key(|&(_, d)| *d) else {
                return;
            };
            if d <= bound {
                return;
            }
            let u = self.transversal(self.orbit[k] as usize);
            self.gens_inv.push(u.inverse());
            self.gens.push(u);
            self.strong.push(false);
            self.rebuild();
        }
    }

    /// The depth bound of both shallow-tree strategies: `2 log2 |orbit| + 2`.
    fn depth_bound(&self) -> u32 {
        2 * (usize::BITS - self.orbit.len().leading_zeros()) + 2
    }

    /// Keep the Schreier tree of depth about `2 log2 |orbit| + 2` cheaply on long
    /// cycles. Walk the path from a deepest point towards the root (at most four times
    /// the bound); if a generator `x` not powered before labels more than half the bound
    /// of those edges, add `x^4, x^16, ...` (up to the number of such edges, or the depth
    /// if it labels them all) as shortcuts, which turns `c` edges labelled `x`
    /// along a cycle of `x` into at most `3 log4 c` edges. Otherwise, only when the tree
    /// is more than twice the bound deep, add the coset representative of the deepest
    /// point (costly on large degrees: a slightly deeper tree is cheaper). Shortcuts lie
    /// in the group of the level.
    ///
    /// Complexity per round: `O(degree + |orbit| * #tree generators)`, or
    /// `O(depth * degree)` when a representative is added.
    fn make_shallow_powers(&mut self) {
        let bound = self.depth_bound();
        for _ in 0..64 {
            let Some((k, &d)) = self.depth.iter().enumerate().max_by_key(|&(_, d)| *d) else {
                return;
            };
            if d <= bound {
                return;
            }
            // The labels of the deepest stretch of the path (a walk up the whole path
            // is a chain of dependent memory accesses, slow on 10^6 points).
            let mut counts = vec![0usize; self.gens.len()];
            let mut p = self.orbit[k] as usize;
            let mut steps = 0usize;
            while self.sv[p] != ROOT && steps < 4 * bound as usize {
                let lab = self.sv[p] as usize;
                counts[lab] += 1;
                p = self.gens_inv[lab].apply(p);
                steps += 1;
            }
            self.powered.resize(self.gens.len(), false);
            let best = counts
                .iter()
                .enumerate()
                .filter(|&(i, _)| !self.powered[i])
                .max_by_key(|&(i, c)| (*c, std::cmp::Reverse(i)))
                .map(|(i, &c)| (i, c));
            match best {
                Some((lab, c)) if c > (bound / 2) as usize => {
                    self.powered[lab] = true;
                    // A run of `c` edges in the stretch may continue up to the depth.
                    let run = if steps == c { d as usize } else { c };
                    for (y, y_inv) in powers_of_four(&self.gens[lab], run) {
                        if !self.gens.contains(&y) {
                            self.gens_inv.push(y_inv);
                            self.gens.push(y);
                            self.strong.push(false);
                            // Powers of a powered generator add nothing new.
                            self.powered.push(true);
                        }
                    }
                }
                _ if d > 2 * bound => {
                    let u = self.transversal(self.orbit[k] as usize);
                    self.gens_inv.push(u.inverse());
                    self.gens.push(u);
                    self.strong.push(false);
                }
                _ => return,
            }
            self.rebuild();
        }
    }

    /// The base point `b_i`.
    pub fn base_point(&self) -> usize {
        self.base_point
    }

    /// The strong generators of this level (they generate `G^(i)`).
    pub fn generators(&self) -> Vec<&Perm> {
        self.gens
            .iter()
            .zip(&self.strong)
            .filter(|(_, &s)| s)
            .map(|(g, _)| g)
            .collect()
    }

    /// The depth of the Schreier tree (longest word for a coset representative).
    pub fn tree_depth(&self) -> usize {
        self.depth.iter().copied().max().unwrap_or(0) as usize
    }

    /// The basic orbit `b_i^(G^(i))`, in breadth-first order (base point first).
    pub fn orbit(&self) -> &[u32] {
        &self.orbit
    }

    /// Whether `p` lies in the basic orbit.
    pub fn in_orbit(&self, p: usize) -> bool {
        p < self.sv.len() && self.sv[p] != NOT_IN_ORBIT
    }

    /// The Schreier-tree parent of an orbit point `q`: `Some((p, x))` with `q = p^x`
    /// and `x` a generator of the level, `None` for the base point (or outside the orbit).
    pub fn schreier_parent(&self, q: usize) -> Option<(usize, &Perm)> {
        match self.sv.get(q).copied() {
            None | Some(ROOT) | Some(NOT_IN_ORBIT) => None,
            Some(k) => Some((self.gens_inv[k as usize].apply(q), &self.gens[k as usize])),
        }
    }

    /// Replace `g` by `g * u_p^-1` in place, where `u_p` is the coset representative
    /// (word in the Schreier tree) mapping the base point to `p`; requires `in_orbit(p)`.
    fn divide_rep(&self, g: &mut [u32], mut p: usize) {
        while self.sv[p] != ROOT {
            let inv = self.gens_inv[self.sv[p] as usize].images();
            for y in g.iter_mut() {
                *y = inv[*y as usize];
            }
            p = inv[p] as usize;
        }
    }

    /// The coset representative `u_p` (maps the base point to `p`); requires `in_orbit(p)`.
    ///
    /// Complexity: `O(depth * degree)` with `depth` the depth of `p` in the Schreier tree.
    pub fn transversal(&self, p: usize) -> Perm {
        let n = self.sv.len();
        let mut w: Vec<u32> = (0..n as u32).collect();
        self.divide_rep(&mut w, p);
        // w = u_p^-1
        Perm::from_images_unchecked(w).inverse()
    }
}

/// A base and strong generating set of a permutation group with its basic orbits.
///
/// Built by the deterministic Schreier–Sims algorithm (Sims 1970; Holt et al. 2005,
/// §4.4.2): the same generators always give the same base, strong generators and
/// orbits. The group order is the product of the basic orbit lengths.
///
/// # Example
/// ```
/// use plrep::group::Perm;
/// use plrep::group::stabchain::StabChain;
/// let gens = vec![Perm::parse_gap("(1,2,3,4)", 4).unwrap(), Perm::parse_gap("(1,2)", 4).unwrap()];
/// let chain = StabChain::new(4, &gens);
/// assert_eq!(chain.order().to_string(), "24");
/// ```
#[derive(Clone, Debug)]
pub struct StabChain {
    degree: usize,
    levels: Vec<Level>,
    shallow: Shallow,
}

impl StabChain {
    /// The stabilizer chain of the group generated by `gens` (all of degree `degree`).
    ///
    /// Base points are chosen as the smallest point moved by the generator that needs
    /// a new level, so the result is deterministic.
    ///
    /// Panics if a generator has another degree; [`crate::group::PermGroup::new`]
    /// checks and extends generators first.
    ///
    /// Complexity: polynomial, `O(n^5)`-ish in the worst case for degree `n` with the
    /// deterministic Schreier-generator test (Seress 2003, §4.2); instant for the
    /// degrees plrep enumerates and for `S_20`.
    pub fn new(degree: usize, gens: &[Perm]) -> Self {
        let gens: Vec<&Perm> = gens.iter().filter(|g| !g.is_identity()).collect();
        let mut chain = StabChain::initial(degree, &gens, Shallow::Reference);
        chain.complete_from(chain.levels.len());
        chain
    }

    /// The stabilizer chain of the group `G` generated by `gens`, by random
    /// Schreier–Sims with a fixed seed followed by a proof of completeness; the result is
    /// a complete chain, like [`StabChain::new`], but usually far faster on large
    /// degrees (long cycles, `PSL(2,p)` on `10^6` points).
    ///
    /// Algorithm (Seress 2003, §4.3; Holt et al. 2005, §4.4.5): start from a few of the
    /// generators; sift product-replacement random elements of `G` and add each non-trivial
    /// residue as a strong generator at every level down to where it dropped out. Every
    /// strong generator lies in `G`, so the product of the basic orbit lengths is at most
    /// `|G|` at every moment (docs/theory.md, "Random Schreier–Sims"). The chain is then
    /// proven complete in one of two ways:
    ///
    /// - `known_order` is `|G|` (a catalog formula, the order of a single generator) and
    ///   the product of the orbit lengths reaches it; or
    /// - after 40 consecutive random elements sift to the identity, every generator of
    ///   `G` is sifted and the deterministic Schreier-generator test of
    ///   [`StabChain::new`] (Holt's `SCHREIERSIMS`, applied to the chain found) completes
    ///   and verifies each level.
    ///
    /// A wrong `known_order` costs time, never correctness: it is only a stopping rule,
    /// and the deterministic test runs whenever the order is not reached.
    ///
    /// Deterministic: the same generators (and `known_order`) give the same chain.
    ///
    /// Complexity: `O(r * (sum of tree depths) * degree)` for `r` random elements (about
    /// the number of strong generators plus 40), plus, without a matching `known_order`,
    /// the deterministic test: `O(sum_i |orbit_i| * |S_i|)` sifts.
    ///
    /// # Example
    /// ```
    /// use num_bigint::BigUint;
    /// use plrep::group::Perm;
    /// use plrep::group::stabchain::StabChain;
    /// let gens = vec![Perm::parse_gap("(1,2,3,4,5)", 5).unwrap(), Perm::parse_gap("(1,2)", 5).unwrap()];
    /// let fast = StabChain::random(5, &gens, None);
    /// assert_eq!(fast.order(), StabChain::new(5, &gens).order());
    /// let known = StabChain::random(5, &gens, Some(&BigUint::from(120u32)));
    /// assert_eq!(known.order().to_string(), "120");
    /// ```
    pub fn random(degree: usize, gens: &[Perm], known_order: Option<&BigUint>) -> Self {
        let gens: Vec<&Perm> = gens.iter().filter(|g| !g.is_identity()).collect();
        // Many generators are mostly redundant: start from a few, sift the rest at the end.
        let first = &gens[..gens.len().min(INITIAL_GENERATORS)];
        let mut chain = StabChain::initial(degree, first, Shallow::Powers);
        if gens.is_empty() {
            return chain;
        }
        if chain.random_phase(&gens, known_order) {
            return chain;
        }
        let mut w = vec![0u32; degree];
        // Verification: every generator is in the chain's group, and each level's
        // Schreier generators sift (bottom-up), which makes the chain complete.
        for g in &gens[first.len()..] {
            w.copy_from_slice(g.images());
            let (id, j) = chain.sift_from(&mut w, 0);
            if !id {
                chain.add_residue(Perm::from_images_unchecked(w.clone()), 0, j);
            }
        }
        chain.complete_from(chain.levels.len());
        chain
    }

    /// Whether random Schreier–Sims on `gens` reaches `order` (then `<gens>` has order
    /// `order`, proven: the chain's order never exceeds `|<gens>|`); `false` means it
    /// stalled first (40 random elements in a row sifting), which proves nothing.
    /// No deterministic test is run, so this is cheap whenever [`StabChain::random`]
    /// with a known order is.
    pub fn reaches_order(degree: usize, gens: &[Perm], order: &BigUint) -> bool {
        let gens: Vec<&Perm> = gens.iter().filter(|g| !g.is_identity()).collect();
        if gens.is_empty() {
            return order == &BigUint::from(1u32);
        }
        let first = &gens[..gens.len().min(INITIAL_GENERATORS)];
        let mut chain = StabChain::initial(degree, first, Shallow::Powers);
        chain.random_phase(&gens, Some(order))
    }

    /// Sift random elements of `<gens>` and add residues until `known_order` is reached
    /// (returns `true`) or `STALL` consecutive elements sift to the identity (`false`).
    fn random_phase(&mut self, gens: &[&Perm], known_order: Option<&BigUint>) -> bool {
        let reached = |c: &StabChain| known_order.is_some_and(|o| c.order() == *o);
        if gens.is_empty() || reached(self) {
            return reached(self);
        }
        let mut random = ProductReplacement::new(gens, RANDOM_SEED);
        let mut misses = 0;
        let mut w = vec![0u32; self.degree];
        while misses < STALL {
            let r = random.next();
            w.copy_from_slice(r.images());
            let (id, j) = self.sift_from(&mut w, 0);
            if id {
                misses += 1;
                continue;
            }
            misses = 0;
            self.add_residue(Perm::from_images_unchecked(w.clone()), 0, j);
            if reached(self) {
                return true;
            }
        }
        false
    }

    /// The strong generators of level `l` (they generate its group `G^(l)`).
    pub fn level_generators(&self, l: usize) -> Vec<&Perm> {
        self.levels.get(l).map_or(Vec::new(), |lv| lv.generators())
    }

    /// Base points and level generators from `gens` (no completion yet): every
    /// generator moves some base point; level `i` gets the generators fixing
    /// `b_0..b_{i-1}`.
    fn initial(degree: usize, gens: &[&Perm], shallow: Shallow) -> Self {
        let mut chain = StabChain {
            degree,
            levels: Vec::new(),
            shallow,
        };
        if gens.is_empty() {
            return chain;
        }
        // Initial base: every generator must move some base point.
        for g in gens {
            if chain
                .levels
                .iter()
                .all(|l| g.apply(l.base_point) == l.base_point)
            {
                let b = first_moved(g);
                chain.levels.push(Level::new(degree, b));
            }
        }
        // S_i = generators fixing b_1..b_{i-1}.
        for g in gens {
            for l in 0..chain.levels.len() {
                chain.levels[l].add_gen((*g).clone(), true);
                if g.apply(chain.levels[l].base_point) != chain.levels[l].base_point {
                    break;
                }
            }
        }
        for level in &mut chain.levels {
            match shallow {
                Shallow::Reference => level.make_shallow(),
                Shallow::Powers => level.make_shallow_powers(),
            }
        }
        chain
    }

    /// Add `y` (fixing `b_0..b_{j-1}`, not sifting at level `j`) as a strong generator
    /// of the levels `from..=j`, opening level `j` if it is new.
    fn add_residue(&mut self, y: Perm, from: usize, j: usize) {
        if j == self.levels.len() {
            self.levels.push(Level::new(self.degree, first_moved(&y)));
        }
        for m in from..=j {
            self.levels[m].add_strong(y.clone(), self.shallow);
        }
    }

    /// Holt's `SCHREIERSIMS`, assuming the levels `>= i` complete: make level `i-1`
    /// complete given the levels below, and go up (after an addition at level `j`,
    /// resume below it).
    fn complete_from(&mut self, mut i: usize) {
        while i > 0 {
            let l = i - 1;
            match self.check_level(l) {
                None => i -= 1,
                Some((y, j)) => {
                    // y fixes b_0..b_{j-1} and is not in the group of levels > l.
                    self.add_residue(y, l + 1, j);
                    i = j + 1;
                }
            }
        }
    }

    /// Look for a Schreier generator of level `l` that does not sift through the
    /// levels below; return its residue and drop-out level.
    fn check_level(&self, l: usize) -> Option<(Perm, usize)> {
        let level = &self.levels[l];
        let mut g = vec![0u32; self.degree];
        for pos in 0..level.orbit.len() {
            let beta = level.orbit[pos] as usize;
            let mut u: Option<Perm> = None;
            for (k, x) in level.gens.iter().enumerate() {
                if !level.strong[k] {
                    continue;
                }
                let gamma = x.apply(beta);
                // A Schreier-tree edge gives the trivial Schreier generator.
                if level.sv[gamma] == k as u32 && level.gens_inv[k].apply(gamma) == beta {
                    continue;
                }
                let u = u.get_or_insert_with(|| level.transversal(beta));
                for (y, &ux) in g.iter_mut().zip(u.images()) {
                    *y = x.images()[ux as usize];
                }
                // g = u_beta * x; dividing by u_gamma at level l gives the Schreier generator.
                level.divide_rep(&mut g, gamma);
                let (res, j) = self.sift_from(&mut g, l + 1);
                if !res {
                    return Some((Perm::from_images_unchecked(g.clone()), j));
                }
            }
        }
        None
    }

    /// Sift `g` in place through the levels `from..`; returns whether it sifted to the
    /// identity, and the level where it stopped (`levels.len()` if it went through).
    fn sift_from(&self, g: &mut [u32], from: usize) -> (bool, usize) {
        for (l, level) in self.levels.iter().enumerate().skip(from) {
            let p = g[level.base_point] as usize;
            if !level.in_orbit(p) {
                return (false, l);
            }
            level.divide_rep(g, p);
        }
        let id = g.iter().enumerate().all(|(x, &y)| x as u32 == y);
        (id, self.levels.len())
    }

    /// Sift `g` through the whole chain: the residue and the level where sifting
    /// stopped (`base().len()` if it went through all levels). `g` is in the group iff
    /// the residue is the identity and the level is `base().len()`.
    ///
    /// Complexity: `O(sum of Schreier tree depths * degree)`.
    pub fn sift(&self, g: &Perm) -> (Perm, usize) {
        let mut w = g.images().to_vec();
        let (_, l) = self.sift_from(&mut w, 0);
        (Perm::from_images_unchecked(w), l)
    }

    /// Whether `g` (of the chain's degree) is in the group.
    pub fn contains(&self, g: &Perm) -> bool {
        if g.degree() != self.degree {
            return false;
        }
        let mut w = g.images().to_vec();
        self.sift_from(&mut w, 0).0
    }

    /// The degree.
    pub fn degree(&self) -> usize {
        self.degree
    }

    /// The levels `G = G^(0) >= G^(1) >= ...`, one per base point.
    pub fn levels(&self) -> &[Level] {
        &self.levels
    }

    /// The base `(b_1, ..., b_m)`.
    pub fn base(&self) -> Vec<usize> {
        self.levels.iter().map(|l| l.base_point).collect()
    }

    /// The strong generating set (the strong generators of the first level; every
    /// level's strong generators are among them).
    pub fn strong_generators(&self) -> Vec<Perm> {
        self.levels.first().map_or(Vec::new(), |l| {
            l.generators().into_iter().cloned().collect()
        })
    }

    /// The basic orbit lengths `|b_i^(G^(i))|`.
    pub fn orbit_lengths(&self) -> Vec<usize> {
        self.levels.iter().map(|l| l.orbit.len()).collect()
    }

    /// The group order, the product of the basic orbit lengths.
    pub fn order(&self) -> BigUint {
        self.levels.iter().fold(BigUint::from(1u32), |acc, l| {
            acc * BigUint::from(l.orbit.len())
        })
    }
}

/// Generators the random algorithm starts from; the others are sifted at the end.
const INITIAL_GENERATORS: usize = 4;
/// Consecutive random elements sifting to the identity before the deterministic test
/// (each does so with probability at most 1/2 while the chain is incomplete).
const STALL: usize = 40;
/// The fixed seed of the random algorithm (results are reproducible).
const RANDOM_SEED: u64 = 0x5EED_5C4E_1E75_1A5D;

/// splitmix64 (Steele, Lea, Flood 2014): a fixed, documented generator, so that every
/// randomised algorithm here is deterministic.
#[derive(Clone, Debug)]
pub(crate) struct SplitMix64(u64);

impl SplitMix64 {
    pub(crate) fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`); the modulo bias is irrelevant here.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// Product replacement with an accumulator ("rattle", Leedham-Green; Celler,
/// Leedham-Green, Murray, Niemeyer, O'Brien 1995): random elements of the group generated
/// by the initial slots, nearly uniform after a warm-up. Every element produced is a word
/// in the generators, so it lies in the group whatever the quality of the randomness.
#[derive(Clone, Debug)]
pub(crate) struct ProductReplacement {
    slots: Vec<Perm>,
    acc: Perm,
    rng: SplitMix64,
}

impl ProductReplacement {
    /// Slots: the generators, repeated to at least 10; 50 warm-up steps, fewer on
    /// large degrees (down to 10 at `10^6` points: the quality of the randomness costs
    /// time, never correctness). `gens` must be non-empty, of one degree.
    pub(crate) fn new(gens: &[&Perm], seed: u64) -> Self {
        let mut slots: Vec<Perm> = gens.iter().map(|g| (*g).clone()).collect();
        let mut k = 0;
        while slots.len() < 10 {
            slots.push(gens[k % gens.len()].clone());
            k += 1;
        }
        let acc = Perm::identity(gens[0].degree());
        let mut pr = ProductReplacement {
            slots,
            acc,
            rng: SplitMix64::new(seed),
        };
        let steps = (10_000_000 / gens[0].degree().max(1)).clamp(10, 50);
        for _ in 0..steps {
            pr.step();
        }
        pr
    }

    /// The next random element.
    ///
    /// Complexity: `O(degree)`.
    pub(crate) fn next(&mut self) -> Perm {
        let i = self.step();
        self.acc = &self.acc * &self.slots[i];
        self.acc.clone()
    }

    /// Replace a random slot `s_i` by `s_i s_j` or `s_j s_i`; returns `i`.
    fn step(&mut self) -> usize {
        let n = self.slots.len();
        let i = self.rng.below(n);
        let mut j = self.rng.below(n - 1);
        if j >= i {
            j += 1;
        }
        let x = if self.rng.next_u64() & 1 == 0 {
            &self.slots[i] * &self.slots[j]
        } else {
            &self.slots[j] * &self.slots[i]
        };
        self.slots[i] = x;
        i
    }
}

/// `x^4, x^16, x^64, ...` up to exponent `max`, each with its inverse, the identities
/// left out, in one pass over the cycles of `x`.
///
/// Complexity: `O(degree * log4 max)`.
fn powers_of_four(x: &Perm, max: usize) -> Vec<(Perm, Perm)> {
    let n = x.degree();
    let mut exps = Vec::new();
    let mut e = 4usize;
    while e <= max {
        exps.push(e);
        e = e.saturating_mul(4);
    }
    let mut out: Vec<Vec<u32>> = exps.iter().map(|_| vec![0u32; n]).collect();
    let mut out_inv: Vec<Vec<u32>> = exps.iter().map(|_| vec![0u32; n]).collect();
    let mut moved = vec![false; exps.len()];
    let mut seen = vec![false; n];
    let mut cycle = Vec::new();
    for s in 0..n {
        if seen[s] {
            continue;
        }
        cycle.clear();
        let mut y = s;
        while !seen[y] {
            seen[y] = true;
            cycle.push(y as u32);
            y = x.apply(y);
        }
        let len = cycle.len();
        for (j, &e) in exps.iter().enumerate() {
            let shift = e % len;
            moved[j] |= shift != 0;
            let img = &mut out[j];
            let inv = &mut out_inv[j];
            for i in 0..len {
                let t = i + shift;
                let image = cycle[if t >= len { t - len } else { t }];
                img[cycle[i] as usize] = image;
                inv[image as usize] = cycle[i];
            }
        }
    }
    out.into_iter()
        .zip(out_inv)
        .zip(moved)
        .filter(|(_, m)| *m)
        .map(|((img, inv), _)| {
            (
                Perm::from_images_unchecked(img),
                Perm::from_images_unchecked(inv),
            )
        })
        .collect()
}

fn first_moved(g: &Perm) -> usize {
    g.images()
        .iter()
        .enumerate()
        .position(|(x, &y)| x as u32 != y)
        .expect("non-identity")
}
