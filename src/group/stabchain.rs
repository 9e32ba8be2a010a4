//! Stabilizer chains: a base and strong generating set computed by the deterministic
//! Schreier–Sims algorithm, with Schreier vectors for the basic orbits.
//!
//! References: C. C. Sims, *Computational methods in the study of permutation groups*
//! (1970); Á. Seress, *Permutation Group Algorithms*, CUP 2003, §4.2; D. F. Holt,
//! B. Eick, E. O'Brien, *Handbook of Computational Group Theory*, 2005, §4.4.2
//! (algorithm `SCHREIERSIMS`, which is what [`StabChain::new`] implements).
//!
//! Conventions: permutations act on the right (`x^(gh) = (x^g)^h`), so a coset
//! representative `u_beta` maps the base point to `beta`, and sifting `g` at a level
//! replaces `g` by `g * u_beta^-1` with `beta = b^g`.

use crate::group::perm::Perm;
use num_bigint::BigUint;

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
            sv,
        }
    }

    /// Add a strong generator, extend the orbit, and keep the tree shallow.
    fn add_strong(&mut self, g: Perm) {
        self.add_gen(g, true);
        self.make_shallow();
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
        let bound = 2 * (usize::BITS - self.orbit.len().leading_zeros()) + 2;
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
        let mut chain = StabChain {
            degree,
            levels: Vec::new(),
        };
        let gens: Vec<&Perm> = gens.iter().filter(|g| !g.is_identity()).collect();
        if gens.is_empty() {
            return chain;
        }
        // Initial base: every generator must move some base point.
        for g in &gens {
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
        for g in &gens {
            for l in 0..chain.levels.len() {
                chain.levels[l].add_gen((*g).clone(), true);
                if g.apply(chain.levels[l].base_point) != chain.levels[l].base_point {
                    break;
                }
            }
        }
        for level in &mut chain.levels {
            level.make_shallow();
        }
        // Holt's SCHREIERSIMS: make level i complete assuming levels > i are, going up.
        let mut i = chain.levels.len();
        while i > 0 {
            let l = i - 1;
            match chain.check_level(l) {
                None => i -= 1,
                Some((y, j)) => {
                    // y fixes b_0..b_{j-1} and is not in the group of levels > l.
                    if j == chain.levels.len() {
                        chain.levels.push(Level::new(degree, first_moved(&y)));
                    }
                    for m in l + 1..=j {
                        chain.levels[m].add_strong(y.clone());
                    }
                    i = j + 1;
                }
            }
        }
        chain
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

fn first_moved(g: &Perm) -> usize {
    g.images()
        .iter()
        .enumerate()
        .position(|(x, &y)| x as u32 != y)
        .expect("non-identity")
}
