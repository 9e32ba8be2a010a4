//! The layers of an equivariant network `R^{X_0} -> R^{X_1} -> ... -> R^{X_k}` of one
//! group: one [`PlModule`] per distinct `G`-set, and for every layer the orbitals of
//! `G` on `X_l × X_{l-1}`, the basis of `Hom_G(R^{X_{l-1}}, R^{X_l})` (the counting lemma,
//! theory.md §10).

use crate::error::{Error, LimitKind, Result};
use crate::group::gset::ActionSpec;
use crate::group::orbitals::Orbitals;
use crate::group::Limits;
use crate::pl::{GroupData, PlModule};

/// The orbitals of `G` on `Y × X` (`Y` the layer's points, `X` the previous layer's):
/// orbital `o` is the 0/1 matrix with ones at `pairs[o]`.
#[derive(Clone, Debug)]
pub struct CrossOrbitals {
    /// A representative `(y, x)` of each orbital (the first pair met in the order
    /// `y` ascending, then `x` ascending).
    pub reps: Vec<(usize, usize)>,
    /// The pairs `(y, x)` of each orbital, in the order `y`, then `x` ascending.
    pub pairs: Vec<Vec<(u32, u32)>>,
}

impl CrossOrbitals {
    /// The orbitals of `G` on `Y × X`, from [`Orbitals::compute`] (orbits from the
    /// generators, re-checked; the same numbering by first pair), listed pair by pair.
    ///
    /// Errors: as [`Orbitals::compute`] (the table above `--max-memory-mb`).
    ///
    /// Complexity: `O(|Y| |X| #generators)`.
    pub fn compute(target: &PlModule, source: &PlModule, limits: &Limits) -> Result<CrossOrbitals> {
        let orbitals = Orbitals::compute(&source.gset, &target.gset, limits)?;
        let reps = (0..orbitals.len())
            .map(|o| orbitals.representative(o))
            .collect();
        let mut pairs = vec![Vec::new(); orbitals.len()];
        for y in 0..target.points() {
            for x in 0..source.points() {
                pairs[orbitals.orbit_of(y, x)].push((y as u32, x as u32));
            }
        }
        Ok(CrossOrbitals { reps, pairs })
    }

    /// `dim Hom_G(R^X, R^Y)`.
    pub fn len(&self) -> usize {
        self.reps.len()
    }

    /// Never empty for non-empty `G`-sets.
    pub fn is_empty(&self) -> bool {
        self.reps.is_empty()
    }
}

/// The layers of a network.
#[derive(Debug)]
pub struct Network {
    /// The distinct modules, in order of first appearance.
    pub modules: Vec<PlModule>,
    /// `layer_module[l]`: the module of layer `l` (`0..=depth`).
    pub layer_module: Vec<usize>,
    /// The distinct cross orbitals.
    pub crosses: Vec<CrossOrbitals>,
    /// `layer_cross[l - 1]`: the index in `crosses` of the orbitals of `X_l × X_{l-1}`.
    pub layer_cross: Vec<usize>,
}

/// Bytes of the cross orbitals of two layers (8 bytes per pair, 4 per index).
fn cross_bytes(a: usize, b: usize) -> u128 {
    12 * a as u128 * b as u128
}

/// The distinct modules of a chain of layers, each built once by `build` (in order of
/// first appearance), and the module of each layer. Shared by the enumerated and the
/// commutant networks.
///
/// Errors: fewer than two layers, a layer without points (bad input); `build`'s errors.
pub(crate) fn distinct_layers<M>(
    specs: &[ActionSpec],
    mut build: impl FnMut(usize, &ActionSpec) -> Result<M>,
    points: impl Fn(&M) -> usize,
) -> Result<(Vec<M>, Vec<usize>)> {
    if specs.len() < 2 {
        return Err(Error::bad(
            "a network needs an input layer and at least one more",
            "give --layers \"X0; X1; ...\" with two or more modules, or --depth 1 or more",
        ));
    }
    let mut names: Vec<String> = Vec::new();
    let mut modules = Vec::new();
    let mut layer_module = Vec::new();
    for (l, spec) in specs.iter().enumerate() {
        let name = spec.to_string();
        if let Some(i) = names.iter().position(|n| *n == name) {
            layer_module.push(i);
            continue;
        }
        let m = build(l, spec)?;
        if points(&m) == 0 {
            return Err(Error::bad(
                format!("layer {l} ({name}) has no points"),
                "every layer needs a non-empty G-set",
            ));
        }
        names.push(name);
        layer_module.push(modules.len());
        modules.push(m);
    }
    Ok((modules, layer_module))
}

impl Network {
    /// Build the layers `X_0, ..., X_k` of the group of `data`.
    ///
    /// Errors: fewer than two layers or a layer without points (bad input); oversize
    /// `G`-sets or cross tables (limits, naming the flag).
    ///
    /// ```
    /// use plrep::group::{spec::parse_group, gset::ActionSpec, Limits};
    /// use plrep::pl::GroupData;
    /// use plrep::network::Network;
    /// let lim = Limits::default();
    /// let d = GroupData::new(&parse_group("S4").unwrap(), &lim).unwrap();
    /// let nat = ActionSpec::parse("natural").unwrap();
    /// let net = Network::new(&d, &[nat.clone(), nat], &lim).unwrap();
    /// assert_eq!(net.cross(1).len(), 2); // Hom_{S4}(R^4, R^4) = 2 (DeepSets)
    /// ```
    pub fn new(data: &GroupData, specs: &[ActionSpec], limits: &Limits) -> Result<Network> {
        let (modules, layer_module) = distinct_layers(
            specs,
            |_, spec| PlModule::on(data, spec, limits),
            |m| m.points(),
        )?;
        for l in 1..specs.len() {
            let (a, b) = (
                modules[layer_module[l]].points(),
                modules[layer_module[l - 1]].points(),
            );
            if cross_bytes(a, b) > (limits.max_memory_mb as u128) << 20 {
                return Err(Error::limit(
                    format!("the orbitals of layers {} x {} ({a} x {b} pairs)", l, l - 1),
                    format!("{} MiB", limits.max_memory_mb),
                    LimitKind::MemoryMb,
                ));
            }
        }
        let mut crosses: Vec<CrossOrbitals> = Vec::new();
        let mut layer_cross = Vec::new();
        let mut built: Vec<(usize, usize)> = Vec::new();
        for l in 1..specs.len() {
            let key = (layer_module[l], layer_module[l - 1]);
            match built.iter().position(|b| *b == key) {
                Some(i) => layer_cross.push(i),
                None => {
                    layer_cross.push(crosses.len());
                    built.push(key);
                    crosses.push(CrossOrbitals::compute(
                        &modules[key.0],
                        &modules[key.1],
                        limits,
                    )?);
                }
            }
        }
        Ok(Network {
            modules,
            layer_module,
            crosses,
            layer_cross,
        })
    }

    /// The depth `k` (number of layers after the input).
    pub fn depth(&self) -> usize {
        self.layer_module.len() - 1
    }

    /// The orbitals of `X_l × X_{l-1}` (`l >= 1`).
    pub fn cross(&self, l: usize) -> &CrossOrbitals {
        &self.crosses[self.layer_cross[l - 1]]
    }

    /// The module of layer `l`.
    pub fn layer(&self, l: usize) -> &PlModule {
        &self.modules[self.layer_module[l]]
    }

    /// The simples present in layer `l`, ascending.
    pub fn simples_of(&self, l: usize) -> Vec<usize> {
        self.layer(l).present.iter().map(|p| p.0).collect()
    }

    /// Whether all layers after the input are one module with one map shape, so the
    /// upper-bound sequence is deterministic from depth 1 on (cycles prove "never").
    pub fn equal_layers(&self) -> bool {
        self.layer_module[1..]
            .iter()
            .all(|&m| m == self.layer_module[1])
    }
}
