//! The joint step (theory.md §10): which simples `M` can `w -> P_M(sigma(w + c) - sigma(c))`
//! reach when `w` runs over `V_S = ⊕_{L in S} V_L`, the sum of the isotypic parts of a
//! set `S` of simples, and `c` is an invariant offset (none, a given one, or any).
//!
//! Each target gets either an obstruction valid for every `w` in `V_S` (and, for a
//! generic offset, every invariant `c`), or `None`: no obstruction applies, so the target
//! is a candidate that a witness must confirm. The obstructions are those of one source
//! (theory.md §7: T4, the filtration, rule (a), the Hadamard sum) applied to the subspace `V_S`,
//! whose orthogonal projector is `P_S = sum_{L in S} P_L`.

use super::activation::{Activation, Parity};
use super::blocks::{BlockKind, BlockSpace};
use super::projector::PlModule;
use crate::arith::Q;
use crate::group::gset::GSet;
use serde::Serialize;

/// The invariant vector added before `sigma` in one step.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Offset {
    /// `c = 0`.
    Zero,
    /// A given invariant vector (one value per point, constant on orbits).
    Given(Vec<Q>),
    /// Any invariant vector: obstructions must hold for all of them.
    Generic,
}

impl Offset {
    /// `Given` with every value zero is `Zero`.
    pub fn normalized(self) -> Offset {
        match self {
            Offset::Given(v) if v.iter().all(Q::is_zero) => Offset::Zero,
            o => o,
        }
    }

    /// The point labels that split the `≈`-classes: the bias value's index for a given
    /// offset, the orbit for a generic one, nothing for zero.
    pub fn split_labels(&self, module: &PlModule) -> Option<Vec<usize>> {
        self.split_labels_on(&module.gset)
    }

    /// [`Offset::split_labels`] on the points of any G-set (the commutant route has no
    /// [`PlModule`]).
    pub fn split_labels_on(&self, gset: &GSet) -> Option<Vec<usize>> {
        match self {
            Offset::Zero => None,
            Offset::Given(v) => {
                let mut seen: Vec<&Q> = Vec::new();
                Some(
                    v.iter()
                        .map(|q| match seen.iter().position(|s| *s == q) {
                            Some(i) => i,
                            None => {
                                seen.push(q);
                                seen.len() - 1
                            }
                        })
                        .collect(),
                )
            }
            Offset::Generic => {
                let mut label = vec![0; gset.len()];
                for (i, o) in gset.orbits().iter().enumerate() {
                    for &x in o {
                        label[x] = i;
                    }
                }
                Some(label)
            }
        }
    }
}

/// Why `M` is not reached from `V_S` in one step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum JointObstruction {
    /// `S` is empty (nothing alive): `V_S = 0`.
    Empty,
    /// `sigma` is linear and `M` is not in `S`: `P_M V_S = 0`.
    Linear,
    /// The class `class` lies in every `ker L` (`signed`: acts as the same sign `±1` on
    /// every `V_L`, for even maps) but not in `ker M` (the filtration, theory.md §10 (b)).
    Kernel {
        /// Class index.
        class: usize,
        /// Whether the `ker^±` refinement was used.
        signed: bool,
    },
    /// `P_M` kills the block space of `V_S` (classes split by the offset).
    Blocks {
        /// Which space.
        kind: BlockKind,
        /// Points with a zero row of `P_S`.
        zero_set: Vec<usize>,
        /// The classes with signs.
        classes: Vec<Vec<(usize, i8)>>,
    },
    /// `square` without offset: `sum_{y,z} P_M[y][z] P_S[y][z]^2 = 0`.
    Hadamard,
}

impl JointObstruction {
    /// A one-line description.
    pub fn describe(&self, module: &PlModule) -> String {
        match self {
            JointObstruction::Kernel { class, signed } => format!(
                "the element {} acts as {} on every alive V_L but not trivially on the target (filtration)",
                module.classes.reps[*class],
                if *signed { "the same ±1" } else { "1" }
            ),
            o => o.describe_without_classes(),
        }
    }

    /// A one-line description without the group's classes (the commutant route): the
    /// kernel rule is named, not its element.
    pub fn describe_without_classes(&self) -> String {
        match self {
            JointObstruction::Empty => "no simple is alive: the input difference is 0".into(),
            JointObstruction::Linear => "sigma is linear and isotypic parts are orthogonal".into(),
            JointObstruction::Kernel { .. } => "the kernel rule".into(),
            JointObstruction::Blocks {
                kind,
                zero_set,
                classes,
            } => format!(
                "P_M kills the block space T{}(V_S) ({} classes, zero set of {} points)",
                match kind {
                    BlockKind::Abs => "",
                    BlockKind::Plus => "+",
                    BlockKind::Odd => "^odd",
                },
                classes.len(),
                zero_set.len()
            ),
            JointObstruction::Hadamard => {
                "P_M kills every Hadamard product of vectors of V_S".into()
            }
        }
    }
}

/// `4|G| P_S` on every orbital, in the field's dense form: `sum_{L in S} (4 dim L / e_L)
/// Q_L` (a positive multiple of `P_S`, integral).
pub fn subspace_orbital_values(module: &PlModule, sources: &[usize]) -> Vec<i128> {
    let m = module.field.m();
    let mut out = vec![0i128; module.num_orbitals() * m];
    for &l in sources {
        let s = &module.simples.simples[l];
        let w = (4 * s.dim / s.kind.endomorphism_dim()) as i128;
        for (o, v) in out.iter_mut().zip(module.orbital_values(l)) {
            *o += w * v;
        }
    }
    out
}

/// The zero set and `≈`-classes of `V_S` from its orbital values, classes additionally
/// split by `labels` (points in one class have equal labels).
///
/// Complexity: `O(#orbitals m phi(m) + |X| #classes phi(m))`.
pub fn subspace_blocks(module: &PlModule, values: &[i128], labels: Option<&[usize]>) -> BlockSpace {
    let f = &module.field;
    let m = f.m();
    let red: Vec<Vec<i128>> = (0..module.num_orbitals())
        .map(|o| f.reduce(&values[o * m..(o + 1) * m]))
        .collect();
    let n = module.points();
    let mut zero_set = Vec::new();
    let mut classes: Vec<Vec<(usize, i8)>> = Vec::new();
    for x in 0..n {
        let dx = &red[module.orbital(x, x)];
        if dx.iter().all(|c| *c == 0) {
            zero_set.push(x);
            continue;
        }
        let mut placed = false;
        for class in classes.iter_mut() {
            let x0 = class[0].0;
            if labels.is_some_and(|lab| lab[x0] != lab[x]) || red[module.orbital(x0, x0)] != *dx {
                continue;
            }
            let p = &red[module.orbital(x0, x)];
            let sign = if p == dx {
                1
            } else if p.iter().zip(dx).all(|(a, b)| *a == -*b) {
                -1
            } else {
                continue;
            };
            class.push((x, sign));
            placed = true;
            break;
        }
        if !placed {
            classes.push(vec![(x, 1)]);
        }
    }
    BlockSpace {
        simple: usize::MAX,
        zero_set,
        classes,
    }
}

/// Whether `P_M` kills the block space with these orbital counts:
/// `sum_o counts[o] Q_M(o) = sum_K (sum_o counts[o] #(o, K)) psi_M(K) = 0`, evaluated on
/// the classes (only the orbitals met by the classes contribute).
fn killed_by(module: &PlModule, counts: &[i64], target: usize) -> bool {
    let mut per_class = vec![0i128; module.classes.len()];
    for (o, &c) in counts.iter().enumerate() {
        if c != 0 {
            for &(k, n) in module.orbital_class_counts(o) {
                per_class[k] += c as i128 * n as i128;
            }
        }
    }
    let f = &module.field;
    let mut acc = vec![0i128; f.m()];
    for (k, &c) in per_class.iter().enumerate() {
        if c != 0 {
            for &(j, v) in module.psi(target, k) {
                acc[j] += c * v;
            }
        }
    }
    f.is_zero(&acc)
}

/// Whether the filtration refinement by `ker^±` applies: the map `w -> F(w)` is even.
fn even_like(act: &Activation, offset: &Offset, target_in_sources: bool) -> bool {
    *offset == Offset::Zero
        && (act.parity() == Parity::Even || (act.is_homogeneous() && !target_in_sources))
}

/// The classes acting trivially on every `V_L`, `L in S` (`plus`: the normal subgroup
/// `N = ∩ ker L`) and those acting as `-1` on every `V_L` (`minus`), computed once per `S`.
#[derive(Clone, Debug)]
pub struct KernelFlags {
    plus: Vec<bool>,
    minus: Vec<bool>,
}

impl KernelFlags {
    /// The flags of `S` (`O(|S| #classes)`).
    pub fn new(module: &PlModule, sources: &[usize]) -> KernelFlags {
        let k = module.classes.len();
        let (mut plus, mut minus) = (vec![true; k], vec![true; k]);
        for &l in sources {
            let s = &module.simples.simples[l];
            let mut p = vec![false; k];
            s.kernel.iter().for_each(|&c| p[c] = true);
            let mut q = vec![false; k];
            s.minus_kernel.iter().for_each(|&c| q[c] = true);
            for c in 0..k {
                plus[c] &= p[c];
                minus[c] &= q[c];
            }
        }
        KernelFlags { plus, minus }
    }

    /// The kernel rule: a class in `N` (or, for `signed`, acting by one common sign on
    /// `V_S`) outside `ker M`.
    pub fn obstruction(
        &self,
        module: &PlModule,
        target: usize,
        signed: bool,
    ) -> Option<JointObstruction> {
        let m = &module.simples.simples[target];
        let mut in_kernel = vec![false; self.plus.len()];
        m.kernel.iter().for_each(|&c| in_kernel[c] = true);
        (0..self.plus.len())
            .find(|&c| (self.plus[c] || (signed && self.minus[c])) && !in_kernel[c])
            .map(|class| JointObstruction::Kernel {
                class,
                signed: !self.plus[class],
            })
    }
}

/// The kernel rule for one target (see [`KernelFlags`]).
pub fn kernel_obstruction(
    module: &PlModule,
    sources: &[usize],
    target: usize,
    signed: bool,
) -> Option<JointObstruction> {
    KernelFlags::new(module, sources).obstruction(module, target, signed)
}

/// The Hadamard sum `sum_o |o| Q_M(o) P_S(o)^2` is zero.
fn hadamard_vanishes(module: &PlModule, values: &[i128], target: usize) -> bool {
    super::blocks::hadamard_sum_vanishes(module, values, target)
}

/// The block kind containing every `sigma(w + c) - sigma(c)` (`w` in `V_S`), or `None`
/// when `M` is in `S` for a homogeneous map with `a != 0` and no offset (always an edge:
/// `F(w) - F(-w) = 2a P_M w`).
pub fn joint_block_kind(
    act: &Activation,
    offset: &Offset,
    target_in_sources: bool,
) -> Option<BlockKind> {
    super::blocks::block_kind_for(act, *offset != Offset::Zero, target_in_sources)
}

/// The joint step: for every target (simples present in `module`), an obstruction or
/// `None` (a candidate target), in the order of `targets`.
///
/// # Arguments
/// * `sources` — the set `S` (simple indices present in the module; may be empty);
/// * `act` — the activation; `offset` — the invariant offset before it.
///
/// # Complexity
/// The kernel rule per target `O(#classes |S|)`; the block space of `V_S` once
/// (`O(|S| #orbitals m + #orbitals m phi(m) + |X| #classes phi(m))`) when a target
/// survives the kernel rule, then `O(#orbitals m)` per such target.
///
/// ```
/// use plrep::pl::{PlModule, Activation};
/// use plrep::pl::joint::{joint_step, Offset};
/// use plrep::group::{spec::parse_group, gset::ActionSpec, Limits};
/// let m = PlModule::new(&parse_group("C8").unwrap(), &ActionSpec::parse("regular").unwrap(), &Limits::default()).unwrap();
/// // ReLU on V_{L1} + V_{L2}: L3 is not excluded (frequencies 1 and 2 make 3).
/// let all: Vec<usize> = (0..5).collect();
/// let step = joint_step(&m, &[1, 2], &all, &Activation::Relu, &Offset::Zero);
/// assert!(step[3].1.is_none());
/// // ReLU on V_{L1} alone excludes L3.
/// assert!(joint_step(&m, &[1], &all, &Activation::Relu, &Offset::Zero)[3].1.is_some());
/// ```
pub fn joint_step(
    module: &PlModule,
    sources: &[usize],
    targets: &[usize],
    act: &Activation,
    offset: &Offset,
) -> Vec<(usize, Option<JointObstruction>)> {
    let mut step = JointStep::new(sources, act, offset);
    targets
        .iter()
        .map(|&t| (t, step.decide(module, t)))
        .collect()
}

/// The obstructions that need no block space: `S` empty, linear `sigma`, the kernel
/// rule. Monotone: a smaller `S` excludes at least as much (its kernels intersect to a
/// larger subgroup), so a chain of these steps bounds the alive sets from above.
pub fn cheap_obstruction(
    module: &PlModule,
    sources: &[usize],
    flags: &KernelFlags,
    t: usize,
    act: &Activation,
    offset: &Offset,
) -> Option<JointObstruction> {
    if sources.is_empty() {
        return Some(JointObstruction::Empty);
    }
    let inside = sources.contains(&t);
    if act.homogeneous_parts().is_some_and(|(_, b)| b.is_zero()) {
        return (!inside).then_some(JointObstruction::Linear);
    }
    flags.obstruction(module, t, even_like(act, offset, inside))
}

/// The joint step from one set `S`, deciding targets one at a time and computing the
/// block space of `V_S` only when a target survives the cheap rules (kernel, linear).
#[derive(Clone, Debug)]
pub struct JointStep {
    sources: Vec<usize>,
    act: Activation,
    offset: Offset,
    values: Option<Vec<i128>>,
    blocks: Option<BlockSpace>,
    counts: Vec<(BlockKind, Vec<i64>)>,
    flags: Option<KernelFlags>,
}

impl JointStep {
    /// The step from `sources` (simples present in the module) with this activation and
    /// offset; nothing is computed yet.
    pub fn new(sources: &[usize], act: &Activation, offset: &Offset) -> JointStep {
        JointStep {
            sources: sources.to_vec(),
            act: act.clone(),
            offset: offset.clone().normalized(),
            values: None,
            blocks: None,
            counts: Vec::new(),
            flags: None,
        }
    }

    /// The obstruction excluding `target` (a simple present in `module`), or `None`.
    pub fn decide(&mut self, module: &PlModule, t: usize) -> Option<JointObstruction> {
        let (act, offset, sources) = (&self.act, &self.offset, &self.sources);
        let flags = self
            .flags
            .get_or_insert_with(|| KernelFlags::new(module, sources));
        if let Some(o) = cheap_obstruction(module, sources, flags, t, act, offset) {
            return Some(o);
        }
        let inside = sources.contains(&t);
        if sources.is_empty() || act.homogeneous_parts().is_some_and(|(_, b)| b.is_zero()) {
            return None;
        }
        let vals = self
            .values
            .get_or_insert_with(|| subspace_orbital_values(module, sources));
        if *act == Activation::Square && *offset == Offset::Zero {
            return hadamard_vanishes(module, vals, t).then_some(JointObstruction::Hadamard);
        }
        let kind = joint_block_kind(act, offset, inside)?;
        let b = self.blocks.get_or_insert_with(|| {
            subspace_blocks(module, vals, offset.split_labels(module).as_deref())
        });
        let c = match self.counts.iter().position(|c| c.0 == kind) {
            Some(i) => &self.counts[i].1,
            None => {
                self.counts.push((kind, b.orbital_counts(module, kind)));
                &self.counts.last().expect("just pushed").1
            }
        };
        killed_by(module, c, t).then(|| JointObstruction::Blocks {
            kind,
            zero_set: b.zero_set.clone(),
            classes: b.classes.clone(),
        })
    }
}

/// `sigma(0) = 0` (true for every supported activation; the network rule "no offset at
/// depth >= 2 without bias" rests on it).
pub fn vanishes_at_zero(act: &Activation) -> bool {
    act.eval_q(&Q::zero()).is_zero()
}
