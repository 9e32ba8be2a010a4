//! The checker's side of transported verdicts (theory.md §28): the automorphisms are
//! re-verified from the group's elements, the action table and the character values,
//! and every transported claim must be the image of the solved claim it names. Written
//! apart from `pl::symmetry`, whose data types only it reads.
//!
//! * `phi` is a bijection of the elements with `phi(x g) = phi(x) phi(g)` for every
//!   element `x` and generator `g`: an automorphism.
//! * `pi` is a bijection of the points with `pi(x^g) = pi(x)^{phi(g)}` for every point
//!   and generator, hence for every `g`: `pi rho(g) pi^-1 = rho(phi(g))`.
//! * `s` is a bijection of the simples with `psi_{s L}(phi(g_K)) = psi_L(g_K)` on every
//!   class representative: `pi P_L pi^-1 = P_{s L}`.
//!
//! Then `pi` carries `V_L` onto `V_{s L}` and commutes with the activation, so the claim
//! on `(s L, s L')` must be the claim on `(L, L')` with every point moved by `pi`.

use super::super::solver::{Obstruction, Verdict};
use super::super::symmetry::Symmetry;
use super::entries::Tables;
use crate::error::{Error, Result};
use std::collections::HashMap;
use std::sync::Arc;

/// A transported source: the solved source, `pi` on points and `s^-1` on simples.
#[derive(Clone, Debug)]
pub(super) struct Carried {
    pub source: usize,
    pub points: Vec<u32>,
    pub inverse: Vec<usize>,
}

/// The verified automorphisms of a solution, per simple.
#[derive(Clone, Debug)]
pub(super) struct Transports {
    /// The automorphisms and origins (verified automorphisms; paths checked per source).
    symmetry: Arc<Symmetry>,
    /// `|X|`.
    points: usize,
    /// The transported source whose pairs are being checked, with its composite.
    current: Option<(usize, Carried)>,
    /// Witness vectors already compared: (source, address of the claim's `r`) ->
    /// address of the solved claim's `r` it was matched with (the solution is borrowed
    /// while it is checked, so addresses stay unique).
    vectors: HashMap<(usize, usize), usize>,
    /// Block claims already compared: (source, addresses of the claim's zero set and
    /// classes) -> those of the solved claim.
    blocks: HashMap<(usize, usize, usize), (usize, usize)>,
}

fn bijective(map: &[u32], len: usize) -> bool {
    let mut hit = vec![false; len];
    map.len() == len
        && map
            .iter()
            .all(|&v| (v as usize) < len && !std::mem::replace(&mut hit[v as usize], true))
}

impl Transports {
    /// Verify every automorphism of `sym` and compose the path of every transported
    /// source.
    pub fn verify(t: &Tables<'_>, sym: &Arc<Symmetry>) -> Result<Transports> {
        let m = t.module;
        let el = &m.elements;
        let (n, order) = (t.n, el.len());
        let simples = &m.simples.simples;
        let bad = |what: &str| Err(Error::verification(format!("automorphism: {what}")));
        let gens = el
            .indices_of(m.data.group.generators())
            .ok_or_else(|| Error::verification("a generator is not an element"))?;
        let reps = el
            .indices_of(&m.classes.reps)
            .ok_or_else(|| Error::verification("a class representative is not an element"))?;
        for a in &sym.automorphisms {
            if !bijective(&a.elements, order)
                || !bijective(&a.points, n)
                || !bijective(&a.simples, simples.len())
            {
                return bad("not a bijection");
            }
            let phi = |x: usize| a.elements[x] as usize;
            for &g in &gens {
                for x in 0..order {
                    if phi(el.mul(x, g)) != el.mul(phi(x), phi(g)) {
                        return bad("not a homomorphism");
                    }
                }
                let (row, moved) = (&t.images[g * n..(g + 1) * n], phi(g) * n);
                for x in 0..n {
                    let lhs = a.points[row[x] as usize];
                    if lhs != t.images[moved + a.points[x] as usize] {
                        return bad("the point map does not intertwine the action");
                    }
                }
            }
            for (l, s) in simples.iter().enumerate() {
                let image = &simples[a.simples[l] as usize].values;
                for (c, &r) in reps.iter().enumerate() {
                    if image[m.classes.class_of[phi(r)] as usize] != s.values[c] {
                        return bad("the simple map does not match the character values");
                    }
                }
            }
        }
        if sym.origins.len() != simples.len() {
            return bad("the origins do not list every simple");
        }
        Ok(Transports {
            symmetry: sym.clone(),
            points: n,
            current: None,
            vectors: HashMap::new(),
            blocks: HashMap::new(),
        })
    }

    /// The composed automorphism of a transported source (`None` for a solved one),
    /// composed once when its first pair is checked and kept while its pairs follow
    /// (the pairs are ordered by source): one `|X|`-vector at a time, not one per source.
    pub fn carried(&mut self, l: usize) -> Result<Option<&Carried>> {
        let sym = &self.symmetry;
        let bad = |what: &str| Err(Error::verification(format!("automorphism: {what}")));
        let Some(o) = &sym.origins[l] else {
            return Ok(None);
        };
        if self.current.as_ref().map(|c| c.0) != Some(l) {
            if o.path.is_empty()
                || o.source >= sym.origins.len()
                || sym.origins[o.source].is_some()
                || o.path.iter().any(|&a| a >= sym.automorphisms.len())
            {
                return bad("a transported source names no solved source");
            }
            let mut points: Vec<u32> = (0..self.points as u32).collect();
            let mut s: Vec<usize> = (0..sym.origins.len()).collect();
            for &a in &o.path {
                let a = &sym.automorphisms[a];
                for p in points.iter_mut() {
                    *p = a.points[*p as usize];
                }
                for v in s.iter_mut() {
                    *v = a.simples[*v] as usize;
                }
            }
            if s[o.source] != l {
                return bad("the path does not lead from its source to the simple");
            }
            let mut inverse = vec![0usize; s.len()];
            for (a, &b) in s.iter().enumerate() {
                inverse[b] = a;
            }
            self.current = Some((
                l,
                Carried {
                    source: o.source,
                    points,
                    inverse,
                },
            ));
        }
        Ok(self.current.as_ref().map(|c| &c.1))
    }

    /// Whether `claim` (on a transported source `from`) is the image under its `pi` of
    /// `solved` (the claim on the pair it comes from).
    pub fn matches(&mut self, from: usize, claim: &Verdict, solved: &Verdict) -> bool {
        let c = match &self.current {
            Some((l, c)) if *l == from => c,
            _ => return false,
        };
        let pi = |x: usize| c.points[x] as usize;
        match (claim, solved) {
            (Verdict::Edge(w), Verdict::Edge(v)) => {
                if w.seed != v.seed
                    || w.scale != v.scale
                    || !(Arc::ptr_eq(&w.value, &v.value) || w.value == v.value)
                    || w.point != pi(v.point)
                    || w.r.len() != v.r.len()
                {
                    return false;
                }
                let key = (from, Arc::as_ptr(&w.r) as usize);
                if self.vectors.get(&key) == Some(&(Arc::as_ptr(&v.r) as usize)) {
                    return true;
                }
                let ok = v.r.iter().enumerate().all(|(x, &a)| w.r[pi(x)] == a);
                if ok {
                    self.vectors.insert(key, Arc::as_ptr(&v.r) as usize);
                }
                ok
            }
            (
                Verdict::NonEdge(Obstruction::Blocks {
                    kind: k1,
                    zero_set: z1,
                    classes: c1,
                }),
                Verdict::NonEdge(Obstruction::Blocks {
                    kind: k2,
                    zero_set: z2,
                    classes: c2,
                }),
            ) => {
                if k1 != k2 {
                    return false;
                }
                let key = (from, Arc::as_ptr(z1) as usize, Arc::as_ptr(c1) as usize);
                let solved_key = (Arc::as_ptr(z2) as usize, Arc::as_ptr(c2) as usize);
                if self.blocks.get(&key) == Some(&solved_key) {
                    return true;
                }
                // The claim must be the image, in the canonical order: zero set
                // ascending, classes by first point, each ascending with signs
                // relative to its first point.
                let mut z: Vec<usize> = z2.iter().map(|&x| pi(x)).collect();
                z.sort_unstable();
                let mut cl: Vec<Vec<(usize, i8)>> = Vec::with_capacity(c2.len());
                for class in c2.iter() {
                    let mut moved: Vec<(usize, i8)> =
                        class.iter().map(|&(x, e)| (pi(x), e)).collect();
                    moved.sort_unstable();
                    let Some(&(_, first)) = moved.first() else {
                        return false;
                    };
                    moved.iter_mut().for_each(|e| e.1 *= first);
                    cl.push(moved);
                }
                cl.sort_unstable_by_key(|k| k[0].0);
                let ok = **z1 == z && **c1 == cl;
                if ok {
                    self.blocks.insert(key, solved_key);
                }
                ok
            }
            (Verdict::NonEdge(a), Verdict::NonEdge(b)) => a == b,
            (Verdict::Unresolved { .. }, Verdict::Unresolved { .. }) => claim == solved,
            _ => false,
        }
    }
}
