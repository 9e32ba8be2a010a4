//! A permutation module `R^X` of an enumerated group with its exact isotypic projectors
//! (theory.md §2, §7; ALGORITHMS "Projectors, blocks and witnesses").
//!
//! For a real simple `L` with real character `psi_L` the real isotypic projector is
//!
//! `P_L = dim L / (<psi_L, psi_L> |G|) * sum_g psi_L(g) rho(g)`,
//!
//! the sum of the complex projectors `chi(1)/|G| sum_g conj(chi(g)) rho(g)` over the
//! constituents of `L` (`<psi,psi>` = 1, 2, 4 for real, complex, quaternionic type gives
//! the factor `chi(1)/|G|`, `chi(1)/|G|`, `chi(1)/(2|G|)` in front of `psi = chi`,
//! `chi + conj chi`, `2 chi`). Here `(rho(g) f)(x) = f(x^g)`; since `psi(g^-1) = psi(g)`,
//! `P_L` is symmetric, so it is the orthogonal projection onto `V_L`.
//!
//! Projections go through class sums `S_K(f)(y) = sum_{g in K} f(y^g)` (integer for
//! integer `f`), `Q_L f = sum_K psi_L(K) S_K(f)` and `P_L = c_L Q_L` with
//! `c_L = dim L/(<psi,psi>|G|)`. Matrix entries are constant on the orbitals (orbits of
//! `G` on `X × X`): `P_L[y][x] = c_L sum_K #{g in K : y^g = x} psi_L(K)`.
//!
//! Size: `PlModule` and the memory estimates of what its projectors allocate are one
//! contract: the estimate must follow the allocation it guards.

use super::field::{Field, Sparse};
use super::residues::Residues;
use crate::arith::mix::MixMap;
use crate::arith::modp::PrimeField;
use crate::arith::{Cyclotomic, Q};
use crate::character::{CharacterTable, RealSimples};
use crate::error::{Error, LimitKind, Result};
use crate::group::gset::{ActionSpec, GSet};
use crate::group::limits::table_size;
use crate::group::{ConjugacyClasses, EnumeratedGroup, Limits, PermGroup};
use rayon::prelude::*;
use std::sync::Arc;

/// A permutation module `R^X` with everything the solver needs: the group's shared data
/// (elements, classes, character table and real simples, reached through `Deref`:
/// `m.elements`, `m.classes`, `m.table`, `m.simples`, `m.group`), the action table
/// `x^g`, the simples present with their multiplicities, the character values in a fixed
/// field, and the orbitals.
#[derive(Debug)]
pub struct PlModule {
    /// The group's data, shared with every other module of the group (not copied).
    pub data: GroupData,
    /// The `G`-set `X`.
    pub gset: GSet,
    /// `(simple index, multiplicity)` of the real simples present in `R^X`, ascending.
    pub present: Vec<(usize, u64)>,
    /// The field `Q(zeta_m)` containing all real character values.
    pub field: Field,
    n: usize,
    /// `images[g * n + x] = x^g`.
    images: Vec<u32>,
    /// `psi[L][K]`: the real character values in the field's sparse form.
    psi: std::sync::OnceLock<Vec<Vec<Sparse>>>,
    /// The reduction `Z[zeta_m] -> F_p` and the characters' residues, built on first use.
    residues: std::sync::OnceLock<Residues>,
    /// The automorphisms of `G` carrying verdicts between sources (theory.md §28),
    /// found once: by the memory check before a solve and by the solve.
    symmetry: std::sync::OnceLock<Option<Arc<super::automorphism::Symmetry>>>,
    /// `orbital[y * n + x]`.
    orbital: Vec<u32>,
    /// For each orbital, `(class, count)` with `count = #{g in K : y0^g = x0}` for its
    /// representative `(y0, x0)`.
    orbital_counts: Vec<Vec<(usize, u64)>>,
    /// The number of pairs in each orbital.
    orbital_sizes: Vec<u64>,
    /// A representative `(y0, x0)` of each orbital.
    orbital_reps: Vec<(usize, usize)>,
}

/// What every module of one group shares: the group, its elements, classes, verified
/// character table and real simples, computed once. A handle: clones (one per
/// [`PlModule`]) share one copy through an [`Arc`]; the parts are reached through
/// `Deref` (`data.elements`, `data.table`, ...).
#[derive(Clone, Debug)]
pub struct GroupData {
    parts: Arc<GroupParts>,
}

/// The parts of a [`GroupData`].
#[derive(Debug)]
pub struct GroupParts {
    /// The group.
    pub group: PermGroup,
    /// Its elements.
    pub elements: EnumeratedGroup,
    /// Its conjugacy classes (their class record is the character table's).
    pub classes: ConjugacyClasses,
    /// Its verified character table.
    pub table: CharacterTable,
    /// Its real simples.
    pub simples: RealSimples,
}

impl std::ops::Deref for GroupData {
    type Target = GroupParts;
    fn deref(&self) -> &GroupParts {
        &self.parts
    }
}

impl std::ops::Deref for PlModule {
    type Target = GroupParts;
    fn deref(&self) -> &GroupParts {
        &self.data.parts
    }
}

impl GroupData {
    /// Enumerate `group`, compute its classes, verified character table and real simples.
    ///
    /// Errors: the group above `limits.max_order` or its table above `limits.max_classes`
    /// (limits); a table failing its check (verification).
    ///
    /// ```
    /// use plrep::pl::{GroupData, PlModule};
    /// use plrep::group::{spec::parse_group, gset::ActionSpec, Limits};
    /// let limits = Limits::default();
    /// let data = GroupData::new(&parse_group("S3").unwrap(), &limits).unwrap();
    /// let m = PlModule::on(&data, &ActionSpec::parse("natural").unwrap(), &limits).unwrap();
    /// assert_eq!(m.present.len(), 2); // R^3 = trivial + standard
    /// ```
    pub fn new(group: &PermGroup, limits: &Limits) -> Result<GroupData> {
        let (elements, classes) = GroupData::classes(group, limits)?;
        GroupData::from_classes(group, elements, classes)
    }

    /// The first, cheap stage of [`GroupData::new`]: the elements and conjugacy classes,
    /// refused above `--max-order` or `--max-classes` before anything else is built.
    /// Callers estimate module sizes from them ([`check_module_memory`]) before paying
    /// for the character table ([`GroupData::from_classes`]).
    ///
    /// Errors: the limits named.
    pub fn classes(
        group: &PermGroup,
        limits: &Limits,
    ) -> Result<(EnumeratedGroup, ConjugacyClasses)> {
        let elements = group.enumerate(limits)?;
        let classes = ConjugacyClasses::compute(&elements, group.generators());
        if classes.len() > limits.max_classes {
            return Err(Error::limit(
                format!("a character table of {} classes", classes.len()),
                limits.max_classes,
                LimitKind::Classes,
            ));
        }
        Ok((elements, classes))
    }

    /// The second stage of [`GroupData::new`]: the verified character table and the real
    /// simples of a group whose elements and classes are known.
    ///
    /// Errors: those of [`CharacterTable::from_classes`] (verification).
    pub fn from_classes(
        group: &PermGroup,
        elements: EnumeratedGroup,
        classes: ConjugacyClasses,
    ) -> Result<GroupData> {
        // The table shares the class record of `classes` (one copy, one class order).
        // The factors of a direct product are enumerated within the default limits
        // (each is smaller than the group already enumerated; beyond them, Dixon–Schneider).
        let table =
            CharacterTable::from_group_classes(group, &elements, &classes, &Limits::default())?;
        let simples = RealSimples::from_table(&table);
        Ok(GroupData {
            parts: Arc::new(GroupParts {
                group: group.clone(),
                elements,
                classes,
                table,
                simples,
            }),
        })
    }
}

/// The conductor `m` of the field generated by the values of the real characters of
/// the group, read off its classes before the character table exists (it is the `m` of
/// [`Field::containing`] on the real simples, which sizes the solver's class sums).
///
/// The real characters span the class functions `f` with `f(g) = f(g^-1)`, so the
/// Galois automorphism `zeta_o -> zeta_o^a` (`o` the order of `g`) fixes all their
/// values at `g` iff `g^a` is conjugate to `g` or `g^-1`. The values at `g` generate
/// the fixed field of that group `A_g` of units mod `o`, whose conductor is the least
/// `d | o` with every unit `a = 1 (mod d)` in `A_g`; `m` is the lcm over the classes.
///
/// Complexity: `O(sum over classes of o log o)` products and look-ups.
///
/// ```
/// use plrep::group::{spec::parse_group, Limits};
/// use plrep::pl::{projector::real_conductor, GroupData};
/// let (e, c) = GroupData::classes(&parse_group("C5").unwrap(), &Limits::default()).unwrap();
/// assert_eq!(real_conductor(&e, &c), 5); // 2cos(2 pi/5) = (sqrt 5 - 1)/2
/// let (e, c) = GroupData::classes(&parse_group("S4").unwrap(), &Limits::default()).unwrap();
/// assert_eq!(real_conductor(&e, &c), 1);
/// ```
pub fn real_conductor(elements: &EnumeratedGroup, classes: &ConjugacyClasses) -> u64 {
    let inverse = classes.inverse_classes(elements);
    let mut m = 1u64;
    for c in 0..classes.len() {
        let o = classes.orders[c];
        if o <= 2 {
            continue;
        }
        let g = classes.rep_indices[c];
        // fixed[a] for a unit mod o: g^a lies in the class of g or of g^-1.
        let mut fixed = vec![false; o as usize];
        let mut x = g;
        for a in 1..o {
            if num_integer::gcd(a, o) == 1 {
                let k = classes.class_of[x] as usize;
                fixed[a as usize] = k == c || k == inverse[c];
            }
            x = elements.mul(x, g);
        }
        let d = (1..=o)
            .filter(|d| o % d == 0)
            .find(|&d| {
                (1..o)
                    .step_by(d as usize)
                    .all(|a| num_integer::gcd(a, o) != 1 || fixed[a as usize])
            })
            .unwrap_or(o);
        m = m / num_integer::gcd(m, d) * d;
    }
    m
}

/// Refuse, before the character table is computed, a module on `n` points whose solver
/// tables would exceed `--max-memory-mb`: the estimate of [`solver_bytes`] with the
/// number of classes and the real conductor ([`real_conductor`]) of the group, and the
/// fewest orbitals `n^2/|G|` possible.
///
/// Errors: the limit `--max-memory-mb`.
pub fn check_module_memory(
    elements: &EnumeratedGroup,
    classes: &ConjugacyClasses,
    n: u128,
    limits: &Limits,
) -> Result<()> {
    let order = elements.len() as u128;
    let m = real_conductor(elements, classes) as u128;
    let orbitals = (n * n).div_ceil(order.max(1));
    check_solver_memory(order, n, classes.len() as u128, m, orbitals, limits)
}

/// Whether the module `R^X` of `group` acting by `action` is within the size limits
/// (`--max-points`, the solver's `|X|` cap, `--max-order`), checked without enumerating
/// `G` or computing its table: builds the `G`-set only.
///
/// Errors: the limit error [`PlModule::new`] would give, or bad input for the action.
pub fn check_module_size(group: &PermGroup, action: &ActionSpec, limits: &Limits) -> Result<()> {
    let order = group.order();
    if order > limits.max_order.into() {
        return Err(Error::limit(
            format!("a group of order {order} to enumerate"),
            limits.max_order,
            LimitKind::Order,
        ));
    }
    match action {
        // |X| = |G|: no need to enumerate G to know it.
        ActionSpec::Regular | ActionSpec::Conjugation => {
            if order > limits.max_points.into() {
                return Err(Error::limit(
                    format!("the G-set {action} of a group of order {order}"),
                    limits.max_points,
                    LimitKind::Points,
                ));
            }
            let order = group.order_u64().unwrap_or(u64::MAX) as u128;
            check_solver_memory(order, order, 1, 1, 1, limits)
        }
        _ => {
            let gset = GSet::new(group, action, limits)?;
            let order = group.order_u64().unwrap_or(u64::MAX) as u128;
            let n = gset.len() as u128;
            check_solver_memory(order, n, 1, 1, (n * n).div_ceil(order.max(1)), limits)
        }
    }
}

/// The bytes of the solver's tables for `|G| = order` on `n` points with `k` classes,
/// real conductor `m` and `orbitals` orbitals, for the on-demand solver (theory.md §14):
/// the action table (`4 |G| n`), the orbital of every pair (`4 n^2`), the orbitals' class
/// counts (a list per orbital, at most `min(orbitals k, sqrt(orbitals) |G|)` entries in
/// all: the counts of the orbitals with one first coordinate sum to `|G|`, and there are
/// at most `sqrt(orbitals)` first coordinates, one per `X`-orbit), for each of the
/// [`SOLVER_THREADS`] sources solved at once the per-source field vectors (`w`, `sigma(w)`
/// and three working copies: `80 n m`) and the class sums at one point (`16 k m`), the
/// seed vectors' shared class sums (`8 n k` a seed, at most [`CACHED_SEEDS`] seeds and
/// [`SEED_SUMS_BYTES`]), the characters' residues modulo a prime (`8 k` a simple, at
/// most `k` simples: `8 k^2`, theory.md §31.1), and the certificates that grow with `|X|`: the
/// block classes of each source and the vectors `r` of the witnesses (`32 n k`, as there
/// are at most `k` simples). The witnesses' exact values are not counted (they are the
/// answer, `O(#edges phi(m))` terms). Saturating: never wraps.
pub fn solver_bytes(order: u128, n: u128, k: u128, m: u128, orbitals: u128) -> u128 {
    let first_coordinates = (1..=orbitals)
        .find(|&s| s.saturating_mul(s) >= orbitals)
        .unwrap_or(orbitals);
    let entries = table_size(&[orbitals, k]).min(table_size(&[first_coordinates, order]));
    let threads = SOLVER_THREADS as u128;
    let seed_sums = table_size(&[8 * CACHED_SEEDS, n, k]).min(SEED_SUMS_BYTES);
    [
        table_size(&[4, order, n]),
        table_size(&[4, n, n]),
        table_size(&[24, orbitals]).saturating_add(table_size(&[16, entries])),
        table_size(&[80 * threads, n, m]),
        table_size(&[16 * threads, k, m]),
        seed_sums,
        table_size(&[8, k, k]),
        table_size(&[32, n, k]),
    ]
    .iter()
    .fold(0u128, |a, &b| a.saturating_add(b))
}

/// The bytes a full [`super::solve`] keeps in its answer for `pairs` ordered pairs of
/// present simples of a group on `group_degree` points, `solved` of them solved (the
/// others carried along automorphisms of `G`, theory.md §28, sharing the solved pairs'
/// values), in `Q(zeta_m)` of degree `degree`: per solved pair an edge's exact witness
/// value (at most `degree` terms of 48 bytes: a root index, a rational and the list's
/// share), per pair the record (256 bytes) and a non-edge's group-theoretic explanation
/// (a class representative written in cycles on the group's points, at most
/// `8 group_degree` bytes). Measured against the resident size of `plrep graph` with the
/// limit raised (theory.md §29.6): `C500` with a bias 314 MB (estimate 280 MB plus the
/// tables), `Q8xC125` 254 MB (83 MB plus 93 MB of tables), `D14xC71` 145 MB.
pub fn solution_bytes(group_degree: u128, pairs: u128, solved: u128, degree: u128) -> u128 {
    table_size(&[solved, 48, degree]).saturating_add(table_size(&[
        pairs,
        table_size(&[8, group_degree]).saturating_add(256),
    ]))
}

/// Refuse, before solving, a full solve of `module` whose answer and tables would
/// exceed `--max-memory-mb`: [`solver_bytes`] with the exact orbitals plus
/// [`solution_bytes`] for every ordered pair of present simples, the pairs of sources
/// carried along the automorphisms `symmetry` sharing their values (`None`: every
/// source is solved; [`super::check_solution_memory`] finds them).
///
/// Errors: the limit `--max-memory-mb`.
pub fn check_solution_memory_with(
    module: &PlModule,
    symmetry: Option<&super::automorphism::Symmetry>,
    limits: &Limits,
) -> Result<()> {
    let (n, k, m) = (
        module.points() as u128,
        module.classes.len() as u128,
        module.field.m() as u128,
    );
    let present = module.present.len() as u128;
    let pairs = present.pow(2);
    let solved_sources = match symmetry {
        Some(s) => module
            .present
            .iter()
            .filter(|p| s.origins[p.0].is_none())
            .count() as u128,
        None => present,
    };
    let bytes = solver_bytes(
        module.order() as u128,
        n,
        k,
        m,
        module.num_orbitals() as u128,
    )
    .saturating_add(solution_bytes(
        module.elements.degree() as u128,
        pairs,
        solved_sources * present,
        module.field.degree() as u128,
    ));
    limits.check_memory(bytes, || {
        format!(
            "PL-solver tables and the answer for {pairs} pairs of simples on |X| = {n} points in Q(zeta_{m})"
        )
    })
}

/// The most memory the seed vectors' class sums may share across the sources of one
/// solve (else each source recomputes them); [`solver_bytes`] reserves it.
pub const SEED_SUMS_BYTES: u128 = 64 << 20;

/// At most this many seeds' class sums are shared by the sources of one solve.
pub const CACHED_SEEDS: u128 = 16;

/// How many sources one solve works on at once (a thread each): the memory estimate
/// [`solver_bytes`] reserves per-source vectors for this many.
pub const SOLVER_THREADS: usize = 2;

/// Refuse solver tables above `--max-memory-mb` ([`solver_bytes`]).
fn check_solver_memory(
    order: u128,
    n: u128,
    k: u128,
    m: u128,
    orbitals: u128,
    limits: &Limits,
) -> Result<()> {
    limits.check_memory(solver_bytes(order, n, k, m, orbitals), || {
        format!("PL-solver tables for |G| = {order} on |X| = {n} points with {k} classes in Q(zeta_{m})")
    })
}

impl PlModule {
    /// Build the module `R^X` of `group` acting by `action`.
    ///
    /// Errors: bad actions (bad input); the group above `limits.max_order`, `X` above
    /// `limits.max_points` or the solver's memory bound (`--max-memory-mb`) (limits); a
    /// table failing its check (verification).
    ///
    /// Complexity: `O(|G| |X|)` for the action table, `O(#orbitals |G| + |X|^2)` for the
    /// orbitals, plus the character table.
    pub fn new(group: &PermGroup, action: &ActionSpec, limits: &Limits) -> Result<PlModule> {
        // Refuse oversize G-sets before the (possibly long) table computation.
        let gset = GSet::new(group, action, limits)?;
        let (elements, classes) = GroupData::classes(group, limits)?;
        check_module_memory(&elements, &classes, gset.len() as u128, limits)?;
        let data = GroupData::from_classes(group, elements, classes)?;
        PlModule::from_parts(data, gset, limits)
    }

    /// Build the module `R^X` of the group of `data` acting by `action`, sharing (not
    /// copying) its elements, classes, table and real simples (for many modules of one group, as in
    /// `plrep enumerate` and `plrep survey`).
    ///
    /// Errors: as [`PlModule::new`].
    ///
    /// Complexity: as [`PlModule::new`] without the character table.
    pub fn on(data: &GroupData, action: &ActionSpec, limits: &Limits) -> Result<PlModule> {
        let gset = GSet::new(&data.group, action, limits)?;
        check_module_memory(&data.elements, &data.classes, gset.len() as u128, limits)?;
        PlModule::from_parts(data.clone(), gset, limits)
    }

    fn from_parts(data: GroupData, gset: GSet, limits: &Limits) -> Result<PlModule> {
        let (elements, classes, simples) = (&data.elements, &data.classes, &data.simples);
        let n = gset.len();
        let order = elements.len();
        let pi = gset.permutation_character(classes)?;
        let present = simples.decompose_permutation_character(&pi)?;
        let mut present: Vec<(usize, u64)> = present.into_iter().filter(|p| p.1 > 0).collect();
        present.sort();
        let field = Field::containing(simples.simples.iter().flat_map(|l| l.values.iter()));
        // The exact sizes, now known, before any table is allocated: the number of
        // orbitals is <pi, pi> = sum_K |K| pi(K)^2 / |G| (Burnside).
        let orbitals = classes.sizes.iter().zip(&pi).fold(0u128, |a, (&s, &f)| {
            a.saturating_add(table_size(&[s as u128, f as u128, f as u128]))
        }) / (order.max(1) as u128);
        check_solver_memory(
            order as u128,
            n as u128,
            classes.len() as u128,
            field.m() as u128,
            orbitals,
            limits,
        )?;
        // Every value must lie in the field's integers; the short forms themselves are
        // built when a projection first needs them (`psi_table`): the cyclic route of
        // theory.md §18 never does, and for `C1000` they were half of `plrep graph`.
        if !simples
            .simples
            .iter()
            .all(|l| l.values.iter().all(|v| field.sparse(v).is_some()))
        {
            return Err(Error::verification("character value not integral"));
        }
        let psi = std::sync::OnceLock::new();
        let images = gset.action_table(elements)?;
        let mut m = PlModule {
            data,
            gset,
            present,
            field,
            n,
            images,
            psi,
            residues: std::sync::OnceLock::new(),
            symmetry: std::sync::OnceLock::new(),
            orbital: Vec::new(),
            orbital_counts: Vec::new(),
            orbital_sizes: Vec::new(),
            orbital_reps: Vec::new(),
        };
        m.build_orbitals();
        Ok(m)
    }

    /// Where [`super::symmetry::of`] keeps the automorphisms of this module.
    pub(crate) fn symmetry_cell(
        &self,
    ) -> &std::sync::OnceLock<Option<Arc<super::automorphism::Symmetry>>> {
        &self.symmetry
    }

    fn build_orbitals(&mut self) {
        let (n, order) = (self.n, self.elements.len());
        let mut orbital = vec![u32::MAX; n * n];
        let mut reps = Vec::new();
        let mut sizes = Vec::new();
        // First coordinates run over all points, so every orbital is found; its
        // representative has the smallest first coordinate of its orbit (an X-orbit rep).
        for y in 0..n {
            for x in 0..n {
                if orbital[y * n + x] != u32::MAX {
                    continue;
                }
                let id = reps.len() as u32;
                reps.push((y, x));
                let mut size = 0u64;
                for g in 0..order {
                    let (yg, xg) = (
                        self.images[g * n + y] as usize,
                        self.images[g * n + x] as usize,
                    );
                    if orbital[yg * n + xg] == u32::MAX {
                        orbital[yg * n + xg] = id;
                        size += 1;
                    }
                }
                sizes.push(size);
            }
        }
        let k = self.classes.len();
        let mut counts = vec![vec![0u64; k]; reps.len()];
        // Elements outer, orbitals inner: one row of the action table at a time
        // (the transposed order strides by |X| through the table, a cache miss a step).
        for g in 0..order {
            let row = &self.images[g * n..(g + 1) * n];
            let c = self.classes.class_of[g] as usize;
            for (o, &(y, x)) in reps.iter().enumerate() {
                if row[y] as usize == x {
                    counts[o][c] += 1;
                }
            }
        }
        self.orbital = orbital;
        self.orbital_sizes = sizes;
        self.orbital_reps = reps;
        self.orbital_counts = counts
            .into_iter()
            .map(|c| c.into_iter().enumerate().filter(|(_, v)| *v > 0).collect())
            .collect();
    }

    /// `psi[L][K]` in the field's sparse form, each the shortest sum of roots of unity
    /// found (theory.md §14.7); computed on first use.
    /// Build the short forms of the characters now (on both cores), rather than on the
    /// first projection, where the solver's other sources would wait for them.
    pub(crate) fn prepare_projections(&self) {
        self.psi_table();
    }

    fn psi_table(&self) -> &Vec<Vec<Sparse>> {
        // Values repeat across simples and classes: each distinct one is shortened once
        // per thread; simples in parallel.
        self.psi.get_or_init(|| {
            let simples = &self.simples.simples;
            let chunk = simples.len().div_ceil(rayon::current_num_threads()).max(1);
            simples
                .par_chunks(chunk)
                .flat_map_iter(|part| {
                    let mut memo: MixMap<&Cyclotomic, Sparse> = MixMap::default();
                    part.iter()
                        .map(|l| {
                            l.values
                                .iter()
                                .map(|v| {
                                    memo.entry(v)
                                        .or_insert_with(|| {
                                            let s = self
                                                .field
                                                .sparse(v)
                                                .expect("integral: checked when built");
                                            self.field.shorten(&s)
                                        })
                                        .clone()
                                })
                                .collect()
                        })
                        .collect::<Vec<Vec<Sparse>>>()
                })
                .collect()
        })
    }

    /// `|X|`.
    pub fn points(&self) -> usize {
        self.n
    }

    /// `|G|`.
    pub fn order(&self) -> usize {
        self.elements.len()
    }

    /// `x^g` for the element with index `g`.
    #[inline]
    pub fn image(&self, g: usize, x: usize) -> usize {
        self.images[g * self.n + x] as usize
    }

    /// The multiplicity of simple `l` in `R^X` (0 if absent).
    pub fn multiplicity(&self, l: usize) -> u64 {
        self.present.iter().find(|p| p.0 == l).map_or(0, |p| p.1)
    }

    /// `c_L = dim L / (<psi_L, psi_L> |G|)`, so that `P_L = c_L sum_g psi_L(g) rho(g)`.
    pub fn projector_scale(&self, l: usize) -> Q {
        let s = &self.simples.simples[l];
        Q::new(
            s.dim as i64,
            (s.kind.endomorphism_dim() * self.order() as u64) as i64,
        )
    }

    /// The sparse field form of `psi_L(K)`.
    pub fn psi(&self, l: usize, class: usize) -> &Sparse {
        &self.psi_table()[l][class]
    }

    /// The orbital index of `(y, x)`.
    #[inline]
    pub fn orbital(&self, y: usize, x: usize) -> usize {
        self.orbital[y * self.n + x] as usize
    }

    /// A representative `(y0, x0)` of orbital `o` (the one [`Self::orbital_class_counts`]
    /// counts for).
    pub fn orbital_rep(&self, o: usize) -> (usize, usize) {
        self.orbital_reps[o]
    }

    /// The number of orbitals (`dim Hom_G(R^X, R^X)`, the counting lemma).
    pub fn num_orbitals(&self) -> usize {
        self.orbital_sizes.len()
    }

    /// `(class, count)` for orbital `o`: `count = #{g in class : y0^g = x0}` for its
    /// representative `(y0, x0)`, so `Q_L(o) = sum count psi_L(class)`.
    pub fn orbital_class_counts(&self, o: usize) -> &[(usize, u64)] {
        &self.orbital_counts[o]
    }

    /// The number of pairs in orbital `o`.
    pub fn orbital_size(&self, o: usize) -> u64 {
        self.orbital_sizes[o]
    }

    /// `Q_L[y][x] = P_L[y][x] / c_L` on every orbital, in the field's dense form
    /// (`m` coordinates per orbital).
    ///
    /// Complexity: `O(sum over orbitals of #classes meeting it * m)`.
    pub fn orbital_values(&self, l: usize) -> Vec<i128> {
        let m = self.field.m();
        let mut out = vec![0i128; self.num_orbitals() * m];
        for (o, cnt) in self.orbital_counts.iter().enumerate() {
            let dst = &mut out[o * m..(o + 1) * m];
            for &(k, c) in cnt {
                for &(j, v) in &self.psi_table()[l][k] {
                    dst[j] += v * c as i128;
                }
            }
        }
        out
    }

    /// `Q_L` on one orbital, in the field's dense form (`m` coordinates, not reduced):
    /// the slice of [`Self::orbital_values`] for `o`.
    ///
    /// Complexity: `O(#classes meeting the orbital * terms + m)`.
    pub(crate) fn orbital_value(&self, l: usize, o: usize) -> Vec<i128> {
        let mut out = vec![0i128; self.field.m()];
        for &(k, c) in &self.orbital_counts[o] {
            for &(j, v) in &self.psi_table()[l][k] {
                out[j] += v * c as i128;
            }
        }
        out
    }

    /// The residues of `Q_L` on every orbital under the ring homomorphism
    /// `Z[zeta_m] -> F_p`, `zeta_m -> z` (`z` of order `m` in `F_p`, `p = 1 mod m`):
    /// different residues prove different values (theory.md §30.1).
    ///
    /// Complexity: `O(#classes * terms + sum over orbitals of #classes meeting it)`.
    pub(crate) fn orbital_residues(&self, l: usize) -> Vec<u64> {
        let (r, psi) = (self.residues(), self.psi_residues(l));
        self.orbital_counts
            .iter()
            .map(|cnt| {
                cnt.iter()
                    .fold(0u64, |a, &(k, c)| r.fq.mul_add(r.fq.from_u64(c), psi[k], a))
            })
            .collect()
    }

    /// The reduction of the field into `F_p` (theory.md §30.1), built on first use.
    pub(crate) fn residues(&self) -> &Residues {
        self.residues
            .get_or_init(|| Residues::new(self.field.m(), self.simples.simples.len()))
    }

    /// The residues of `psi_L(K)` for every class `K` (see [`Self::residues`]).
    pub(crate) fn psi_residues(&self, l: usize) -> &[u64] {
        self.residues().psi(l, &self.psi_table()[l])
    }

    /// The class sums `S_K(f)(y) = sum_{g in K} f(y^g)` of an integer vector, laid out as
    /// `[y * #classes + K]`.
    ///
    /// Complexity: `O(|G| |X|)` integer additions.
    pub fn class_sums_int(&self, f: &[i64]) -> Vec<i128> {
        self.class_sums_range(f, 0, self.n)
    }

    /// [`Self::class_sums_int`] in `i64`, for vectors with `|f(x)| |G| < 2^63` (the
    /// witness search's seeds): half the memory and traffic of `i128` sums.
    pub(crate) fn class_sums_small(&self, f: &[i64]) -> Vec<i64> {
        debug_assert!(f
            .iter()
            .all(|x| x.unsigned_abs() as u128 * self.order() as u128 <= i64::MAX as u128));
        self.class_sums_range(f, 0, self.n)
    }

    /// The class sums of `f` at the points `y0..y1`, laid out as
    /// `[(y - y0) * #classes + K]`, accumulated in `T`.
    fn class_sums_range<F: Copy, T: Copy + Default + std::ops::AddAssign + From<F>>(
        &self,
        f: &[F],
        y0: usize,
        y1: usize,
    ) -> Vec<T> {
        let (n, k) = (self.n, self.classes.len());
        let mut s = vec![T::default(); (y1 - y0) * k];
        // A block of points at a time, its sums within a core's second-level cache
        // (point by point for every element, each addition was a cache miss).
        let block = ((256usize << 10) / (std::mem::size_of::<T>() * k.max(1))).max(1);
        for b0 in (y0..y1).step_by(block) {
            let b1 = (b0 + block).min(y1);
            for g in 0..self.order() {
                let c = self.classes.class_of[g] as usize;
                let row = &self.images[g * n + b0..g * n + b1];
                for (dy, &x) in row.iter().enumerate() {
                    s[(b0 - y0 + dy) * k + c] += T::from(f[x as usize]);
                }
            }
        }
        s
    }

    /// The class sums `S_K(f)(y) = sum_{g in K} f(y^g)` of a residue vector at the points
    /// `y0..y1`, reduced, laid out as `[(y - y0) * #classes + K]`.
    ///
    /// Complexity: `O(|G| (y1 - y0))` additions.
    pub(crate) fn class_sums_mod(
        &self,
        fq: &PrimeField,
        f: &[u64],
        y0: usize,
        y1: usize,
    ) -> Vec<u64> {
        // Residues are below 2^62, so a u64 would hold only four of them: u128 sums.
        let s: Vec<u128> = self.class_sums_range(f, y0, y1);
        let p = fq.p() as u128;
        s.into_iter().map(|x| (x % p) as u64).collect()
    }

    /// The class sums of a field vector (`m` coordinates per point), laid out as
    /// `[(y * #classes + K) * m + t]`.
    ///
    /// Complexity: `O(|G| |X| m)` integer additions.
    pub fn class_sums(&self, f: &[i128]) -> Vec<i128> {
        let (n, k, m) = (self.n, self.classes.len(), self.field.m());
        let mut s = vec![0i128; n * k * m];
        for g in 0..self.order() {
            let c = self.classes.class_of[g] as usize;
            let row = &self.images[g * n..(g + 1) * n];
            for y in 0..n {
                let src = row[y] as usize * m;
                let dst = (y * k + c) * m;
                for t in 0..m {
                    s[dst + t] += f[src + t];
                }
            }
        }
        s
    }

    /// The class sums `S_K(f)(y)` of a field vector at one point `y`, laid out as
    /// `[K * m + t]` (the row `y` of [`Self::class_sums`]).
    ///
    /// Complexity: `O(|G| m)` integer additions, `O(#classes m)` memory.
    pub fn class_sums_at(&self, f: &[i128], y: usize) -> Vec<i128> {
        let (n, k, m) = (self.n, self.classes.len(), self.field.m());
        let mut s = vec![0i128; k * m];
        for g in 0..self.order() {
            let dst = self.classes.class_of[g] as usize * m;
            let src = self.images[g * n + y] as usize * m;
            for (d, x) in s[dst..dst + m].iter_mut().zip(&f[src..src + m]) {
                *d += x;
            }
        }
        s
    }

    /// `(Q_L f)(y)` from the class sums of `f` at `y` ([`Self::class_sums_at`]).
    pub fn project_point_sums(&self, l: usize, sums: &[i128]) -> Vec<i128> {
        let m = self.field.m();
        let psi = &self.psi_table()[l];
        let mut dst = vec![0i128; m];
        for (src, terms) in sums.chunks_exact(m.max(1)).zip(psi) {
            if src.iter().any(|x| *x != 0) {
                self.field.mul_acc(&mut dst, terms, src);
            }
        }
        dst
    }

    /// `Q_L f = P_L f / c_L` from integer class sums (layout of [`Self::class_sums_int`]);
    /// `m` coordinates per point.
    pub fn project_int_sums<S: Copy + Into<i128>>(&self, l: usize, sums: &[S]) -> Vec<i128> {
        let (n, k, m) = (self.n, self.classes.len(), self.field.m());
        let psi = &self.psi_table()[l];
        let mut out = vec![0i128; n * m];
        for (dst, row) in out
            .chunks_exact_mut(m.max(1))
            .zip(sums.chunks_exact(k.max(1)))
        {
            // No test for zero sums: a zero adds nothing, and the test was an
            // unpredictable branch per class.
            for (&s, terms) in row.iter().zip(psi) {
                let s: i128 = s.into();
                for &(j, v) in terms {
                    dst[j] += v * s;
                }
            }
        }
        out
    }

    /// Coordinate `y` of `Q_L f` from field class sums (layout of [`Self::class_sums`]).
    pub fn project_sums_at(&self, l: usize, sums: &[i128], y: usize) -> Vec<i128> {
        let (k, m) = (self.classes.len(), self.field.m());
        let mut dst = vec![0i128; m];
        for c in 0..k {
            let src = &sums[(y * k + c) * m..(y * k + c + 1) * m];
            self.field.mul_acc(&mut dst, &self.psi_table()[l][c], src);
        }
        dst
    }

    /// `P_L r` exactly, as [`Cyclotomic`] numbers (convenience for small examples and
    /// reports; the solver keeps the field form).
    ///
    /// ```
    /// use plrep::pl::PlModule;
    /// use plrep::group::{spec::parse_group, gset::ActionSpec, Limits};
    /// let g = parse_group("C3").unwrap();
    /// let m = PlModule::new(&g, &ActionSpec::parse("regular").unwrap(), &Limits::default()).unwrap();
    /// let w = m.project(0, &[3, 0, 0]);               // onto the trivial simple
    /// assert!(w.iter().all(|x| x.to_string() == "1"));
    /// ```
    pub fn project(&self, l: usize, r: &[i64]) -> Vec<Cyclotomic> {
        let q = self.project_int_sums(l, &self.class_sums_int(r));
        let m = self.field.m();
        let c = self.projector_scale(l);
        (0..self.n)
            .map(|y| self.field.to_cyclotomic(&q[y * m..(y + 1) * m], &c))
            .collect()
    }
}
