//! A permutation module `R^X` of an enumerated group with its exact isotypic projectors
//! (THEORY §2, §4; ALGORITHMS "Projectors, blocks and witnesses").
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

use super::field::{Field, Sparse};
use crate::arith::{Cyclotomic, Q};
use crate::character::{CharacterTable, RealSimples};
use crate::error::{Error, Result};
use crate::group::gset::{ActionSpec, GSet};
use crate::group::{ConjugacyClasses, EnumeratedGroup, Limits, PermGroup};

/// A permutation module `R^X` with everything the solver needs: the group's elements,
/// classes, character table and real simples, the action table `x^g`, the simples present
/// with their multiplicities, the character values in a fixed field, and the orbitals.
#[derive(Debug)]
pub struct PlModule {
    /// The group.
    pub group: PermGroup,
    /// Its elements.
    pub elements: EnumeratedGroup,
    /// Its conjugacy classes (the same order as the table's classes).
    pub classes: ConjugacyClasses,
    /// Its character table.
    pub table: CharacterTable,
    /// Its real simples.
    pub simples: RealSimples,
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
    psi: Vec<Vec<Sparse>>,
    /// `orbital[y * n + x]`.
    orbital: Vec<u32>,
    /// For each orbital, `(class, count)` with `count = #{g in K : y0^g = x0}` for its
    /// representative `(y0, x0)`.
    orbital_counts: Vec<Vec<(usize, u64)>>,
    /// The number of pairs in each orbital.
    orbital_sizes: Vec<u64>,
}

/// What every module of one group shares: the group, its elements, classes, verified
/// character table and real simples (computed once, cloned into each [`PlModule`]).
#[derive(Clone, Debug)]
pub struct GroupData {
    /// The group.
    pub group: PermGroup,
    /// Its elements.
    pub elements: EnumeratedGroup,
    /// Its conjugacy classes (the same order as the table's classes).
    pub classes: ConjugacyClasses,
    /// Its verified character table.
    pub table: CharacterTable,
    /// Its real simples.
    pub simples: RealSimples,
}

impl GroupData {
    /// Enumerate `group`, compute its classes, verified character table and real simples.
    ///
    /// Errors: the group above `limits.max_order` or its table above `limits.max_classes`
    /// (limits); a class order disagreeing with the character table's (verification).
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
        let elements = group.enumerate(limits)?;
        let classes = ConjugacyClasses::compute(&elements, group.generators());
        let table = CharacterTable::from_classes(&elements, &classes)?;
        if table.class_reps != classes.reps {
            return Err(Error::verification(
                "class order of the character table differs from the solver's",
            ));
        }
        let simples = RealSimples::from_table(&table);
        Ok(GroupData {
            group: group.clone(),
            elements,
            classes,
            table,
            simples,
        })
    }
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
            "--max-order",
        ));
    }
    match action {
        // |X| = |G|: no need to enumerate G to know it.
        ActionSpec::Regular | ActionSpec::Conjugation => {
            if order > limits.max_points.into() {
                return Err(Error::limit(
                    format!("the G-set {action} of a group of order {order}"),
                    limits.max_points,
                    "--max-points",
                ));
            }
            let order = group.order_u64().unwrap_or(u64::MAX) as u128;
            check_solver_memory(order, order, limits)
        }
        _ => {
            let gset = GSet::new(group, action, limits)?;
            let order = group.order_u64().unwrap_or(u64::MAX) as u128;
            check_solver_memory(order, gset.len() as u128, limits)
        }
    }
}

/// The solver stores the action table (`|G| |X|` entries) and the orbital of every pair
/// of points (`|X|^2`), 4 bytes each: refuse above `--max-memory-mb`.
fn check_solver_memory(order: u128, n: u128, limits: &Limits) -> Result<()> {
    let bytes = 4 * (n * n + order * n);
    if bytes > (limits.max_memory_mb as u128) << 20 {
        return Err(Error::limit(
            format!(
                "{} MiB of PL-solver tables for |G| = {order} on |X| = {n} points",
                bytes.div_ceil(1 << 20)
            ),
            format!("{} MiB", limits.max_memory_mb),
            "--max-memory-mb",
        ));
    }
    Ok(())
}

impl PlModule {
    /// Build the module `R^X` of `group` acting by `action`.
    ///
    /// Errors: bad actions (bad input); the group above `limits.max_order`, `X` above
    /// `limits.max_points` or [`MAX_SOLVER_POINTS`] (limits); a class order disagreeing with
    /// the character table's (verification).
    ///
    /// Complexity: `O(|G| |X|)` for the action table, `O(#orbitals |G| + |X|^2)` for the
    /// orbitals, plus the character table.
    pub fn new(group: &PermGroup, action: &ActionSpec, limits: &Limits) -> Result<PlModule> {
        // Refuse oversize G-sets before the (possibly long) table computation.
        let gset = GSet::new(group, action, limits)?;
        if let Some(order) = group.order_u64() {
            check_solver_memory(order as u128, gset.len() as u128, limits)?;
        }
        let data = GroupData::new(group, limits)?;
        PlModule::from_parts(data, gset, limits)
    }

    /// Build the module `R^X` of the group of `data` acting by `action`, reusing its
    /// elements, classes, table and real simples (for many modules of one group, as in
    /// `plrep enumerate` and `plrep survey`).
    ///
    /// Errors: as [`PlModule::new`].
    ///
    /// Complexity: as [`PlModule::new`] without the character table.
    pub fn on(data: &GroupData, action: &ActionSpec, limits: &Limits) -> Result<PlModule> {
        let gset = GSet::new(&data.group, action, limits)?;
        check_solver_memory(data.elements.len() as u128, gset.len() as u128, limits)?;
        PlModule::from_parts(data.clone(), gset, limits)
    }

    fn from_parts(data: GroupData, gset: GSet, limits: &Limits) -> Result<PlModule> {
        let GroupData {
            group,
            elements,
            classes,
            table,
            simples,
        } = data;
        let n = gset.len();
        let order = elements.len();
        check_solver_memory(order as u128, n as u128, limits)?;
        let pi = gset.permutation_character(&classes)?;
        let present = simples.decompose_permutation_character(&pi)?;
        let mut present: Vec<(usize, u64)> = present.into_iter().filter(|p| p.1 > 0).collect();
        present.sort();
        let field = Field::containing(simples.simples.iter().flat_map(|l| l.values.iter()));
        let psi = simples
            .simples
            .iter()
            .map(|l| {
                l.values
                    .iter()
                    .map(|v| {
                        field
                            .sparse(v)
                            .ok_or_else(|| Error::verification("character value not integral"))
                    })
                    .collect::<Result<Vec<_>>>()
            })
            .collect::<Result<Vec<_>>>()?;
        let mut images = vec![0u32; order * n];
        for g in 0..order {
            let p = gset.act(&elements.element(g))?;
            for x in 0..n {
                images[g * n + x] = p.apply(x) as u32;
            }
        }
        let mut m = PlModule {
            group,
            elements,
            classes,
            table,
            simples,
            gset,
            present,
            field,
            n,
            images,
            psi,
            orbital: Vec::new(),
            orbital_counts: Vec::new(),
            orbital_sizes: Vec::new(),
        };
        m.build_orbitals();
        Ok(m)
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
        for (o, &(y, x)) in reps.iter().enumerate() {
            for g in 0..order {
                if self.images[g * n + y] as usize == x {
                    counts[o][self.classes.class_of[g] as usize] += 1;
                }
            }
        }
        self.orbital = orbital;
        self.orbital_sizes = sizes;
        self.orbital_counts = counts
            .into_iter()
            .map(|c| c.into_iter().enumerate().filter(|(_, v)| *v > 0).collect())
            .collect();
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
        &self.psi[l][class]
    }

    /// The orbital index of `(y, x)`.
    #[inline]
    pub fn orbital(&self, y: usize, x: usize) -> usize {
        self.orbital[y * self.n + x] as usize
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
                for &(j, v) in &self.psi[l][k] {
                    dst[j] += v * c as i128;
                }
            }
        }
        out
    }

    /// The class sums `S_K(f)(y) = sum_{g in K} f(y^g)` of an integer vector, laid out as
    /// `[y * #classes + K]`.
    ///
    /// Complexity: `O(|G| |X|)` integer additions.
    pub fn class_sums_int(&self, f: &[i64]) -> Vec<i128> {
        let (n, k) = (self.n, self.classes.len());
        let mut s = vec![0i128; n * k];
        for g in 0..self.order() {
            let c = self.classes.class_of[g] as usize;
            let row = &self.images[g * n..(g + 1) * n];
            for y in 0..n {
                s[y * k + c] += f[row[y] as usize] as i128;
            }
        }
        s
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

    /// `Q_L f = P_L f / c_L` from integer class sums (layout of [`Self::class_sums_int`]);
    /// `m` coordinates per point.
    pub fn project_int_sums(&self, l: usize, sums: &[i128]) -> Vec<i128> {
        let (n, k, m) = (self.n, self.classes.len(), self.field.m());
        let mut out = vec![0i128; n * m];
        for y in 0..n {
            let dst = &mut out[y * m..(y + 1) * m];
            for c in 0..k {
                let s = sums[y * k + c];
                if s != 0 {
                    for &(j, v) in &self.psi[l][c] {
                        dst[j] += v * s;
                    }
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
            self.field.mul_acc(&mut dst, &self.psi[l][c], src);
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
