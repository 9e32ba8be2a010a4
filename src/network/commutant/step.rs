//! The joint step on a module given by its commutant (theory.md §16.2): which simples
//! `M` of `R^X` can `w -> P_M(sigma(w + c) - sigma(c))` reach for `w` in `V_S`, with
//! `P_S = sum_{L in S} e_L` an element of the orbital algebra. The obstructions are those
//! of [`crate::pl::joint`] without the kernel rule, which the block space and the
//! Hadamard sum subsume (theory.md §16.2): `S` empty, linear `sigma`, the Hadamard sum
//! (square without offset), the block space of `V_S` killed by `P_M`.

use crate::arith::Q;
use crate::pl::blocks::{BlockKind, BlockSpace};
use crate::pl::commutant::CommutantModule;
use crate::pl::joint::{joint_block_kind, JointObstruction, Offset};
use crate::pl::Activation;

/// The zero set and `≈`-classes of the rows of `P` (coefficients on the orbitals),
/// classes split by `labels`.
///
/// Complexity: `O(|X| #classes)` look-ups.
pub fn blocks_of(m: &CommutantModule, p: &[Q], labels: Option<&[usize]>) -> BlockSpace {
    let at = |y: usize, x: usize| &p[m.algebra.orbitals.orbit_of(y, x)];
    let mut zero_set = Vec::new();
    let mut classes: Vec<Vec<(usize, i8)>> = Vec::new();
    'points: for x in 0..m.points() {
        let dx = at(x, x);
        if dx.is_zero() {
            zero_set.push(x);
            continue;
        }
        for class in classes.iter_mut() {
            let x0 = class[0].0;
            if labels.is_some_and(|lab| lab[x0] != lab[x]) || at(x0, x0) != dx {
                continue;
            }
            let q = at(x0, x);
            if q == dx {
                class.push((x, 1));
                continue 'points;
            }
            if *q == -dx {
                class.push((x, -1));
                continue 'points;
            }
        }
        classes.push(vec![(x, 1)]);
    }
    BlockSpace {
        simple: usize::MAX,
        zero_set,
        classes,
    }
}

/// The joint step from one set `S` of simples of a commutant module.
#[derive(Clone, Debug)]
pub struct CommutantStep {
    sources: Vec<usize>,
    act: Activation,
    offset: Offset,
    projector: Vec<Q>,
    blocks: Option<BlockSpace>,
    counts: Vec<(BlockKind, Vec<i64>)>,
}

impl CommutantStep {
    /// The step from `sources` (simple indices of `m`).
    pub fn new(m: &CommutantModule, sources: &[usize], act: &Activation, offset: &Offset) -> Self {
        let mut projector = vec![Q::zero(); m.algebra.dim()];
        for &l in sources {
            for (p, e) in projector.iter_mut().zip(&m.simples[l].idempotent) {
                *p += e;
            }
        }
        CommutantStep {
            sources: sources.to_vec(),
            act: act.clone(),
            offset: offset.clone().normalized(),
            projector,
            blocks: None,
            counts: Vec::new(),
        }
    }

    /// The obstruction excluding simple `t` of `m`, or `None` (a candidate).
    ///
    /// Complexity: the block space once (`O(|X| #classes)`), its orbital counts once per
    /// kind (`O(sum of squared class sizes)`), then `O(r)` per target.
    pub fn decide(&mut self, m: &CommutantModule, t: usize) -> Option<JointObstruction> {
        if self.sources.is_empty() {
            return Some(JointObstruction::Empty);
        }
        let inside = self.sources.contains(&t);
        if self
            .act
            .homogeneous_parts()
            .is_some_and(|(_, b)| b.is_zero())
        {
            return (!inside).then_some(JointObstruction::Linear);
        }
        let e = &m.simples[t].idempotent;
        if self.act == Activation::Square && self.offset == Offset::Zero {
            let sum: Q = (0..m.algebra.dim())
                .map(|o| {
                    let p = &self.projector[o];
                    &(&(p * p) * &e[o]) * &Q::from_int(m.algebra.orbitals.size(o) as i64)
                })
                .sum();
            return sum.is_zero().then_some(JointObstruction::Hadamard);
        }
        let kind = joint_block_kind(&self.act, &self.offset, inside)?;
        let labels = self.offset.split_labels_on(&m.gset);
        let b = self
            .blocks
            .get_or_insert_with(|| blocks_of(m, &self.projector, labels.as_deref()));
        let counts = match self.counts.iter().position(|c| c.0 == kind) {
            Some(i) => &self.counts[i].1,
            None => {
                let mut counts = vec![0i64; m.algebra.dim()];
                for u in b.basis(kind) {
                    for &(x, sx) in &u {
                        for &(y, sy) in &u {
                            counts[m.algebra.orbitals.orbit_of(x, y)] += (sx * sy) as i64;
                        }
                    }
                }
                self.counts.push((kind, counts));
                &self.counts.last().expect("just pushed").1
            }
        };
        let q: Q = counts
            .iter()
            .zip(e)
            .filter(|(c, v)| **c != 0 && !v.is_zero())
            .map(|(&c, v)| v * &Q::from_int(c))
            .sum();
        q.is_zero().then(|| JointObstruction::Blocks {
            kind,
            zero_set: b.zero_set.clone(),
            classes: b.classes.clone(),
        })
    }
}
