//! The `plrep` Python module (PyO3): groups, their character tables and real simples,
//! permutation modules with exact isotypic projectors, bases, isotypic decompositions of
//! NumPy arrays, certified interaction graphs, certified reachability in equivariant
//! networks, and orbital bases of `Hom_G(R^X, R^Y)`.
//!
//! Thin: every answer is computed by the `plrep` crate. Arrays cross the boundary as
//! little-endian `float64` bytes (`numpy.frombuffer` / `ndarray.tobytes`), so no NumPy C
//! API is needed. Every library call runs with the GIL released and inside
//! `catch_unwind`: bad input becomes `ValueError` with plrep's one-line message, a failed
//! self-check or a panic `RuntimeError`; nothing unwinds into Python.
//!
//! Size: PyO3 needs every exported class and function registered in one `#[pymodule]`;
//! each binding is a thin wrapper of a few lines.

use num_bigint::BigUint;
use plrep::group::gset::{ActionSpec, GSet};
use plrep::group::spec::{load_group_within, parse_generators};
use plrep::group::{Limits, PermGroup};
use plrep::network::{
    analyze, certify_network, exact_values, stable_depth, Network, NetworkOptions,
};
use plrep::pl::export::{
    decompose as energies, hom_orbital_basis, isotypic_parts, orthogonal_basis, IsotypicPart,
    OrthogonalBasis,
};
use plrep::pl::{solve, Activation, Bias, GroupData, PlModule, SolverOptions};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};
use std::panic::AssertUnwindSafe;
use std::sync::{Arc, OnceLock};

/// plrep's error as a Python exception: limits name the keyword argument that raises them.
fn py_err(e: plrep::Error) -> PyErr {
    match e {
        plrep::Error::Verification(_) => PyRuntimeError::new_err(e.to_string()),
        plrep::Error::Limit {
            kind,
            what,
            limit,
            note,
        } => {
            let kw = keyword(kind);
            let note = note.map(|n| format!(" {n}")).unwrap_or_default();
            PyValueError::new_err(format!(
                "{what} exceeds the limit {limit} (raise it with Group(..., {kw}{note}=N))"
            ))
        }
        _ => PyValueError::new_err(e.to_string()),
    }
}

/// The keyword argument of `Group(...)` raising a limit of this kind.
fn keyword(kind: plrep::LimitKind) -> &'static str {
    use plrep::LimitKind as K;
    match kind {
        K::Order => "max_order",
        K::Points => "max_points",
        K::Classes => "max_classes",
        K::Subgroups => "max_subgroups",
        K::MemoryMb => "max_memory_mb",
        K::Degree => "max_degree",
        K::Generators => "max_generators",
        K::InputMb => "max_input_mb",
        K::VerifyWork => "max_verify_work",
        K::Depth => "depth",
    }
}

/// Run a library computation without the GIL and with panics caught.
fn run<T: Send>(py: Python<'_>, f: impl FnOnce() -> plrep::Result<T> + Send) -> PyResult<T> {
    match py.detach(move || std::panic::catch_unwind(AssertUnwindSafe(f))) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(py_err(e)),
        Err(payload) => {
            let msg = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "unknown panic".into());
            Err(PyRuntimeError::new_err(format!(
                "internal error in plrep: {msg} (please report this)"
            )))
        }
    }
}

/// A float64 NumPy array of `shape` from C-order values (a fresh, writable array).
fn f64_array<'py>(py: Python<'py>, data: &[f64], shape: &[usize]) -> PyResult<Bound<'py, PyAny>> {
    let bytes: Vec<u8> = data.iter().flat_map(|x| x.to_le_bytes()).collect();
    let np = py.import("numpy")?;
    np.call_method1("frombuffer", (PyBytes::new(py, &bytes), "<f8"))?
        .call_method1("reshape", (shape.to_vec(),))?
        .call_method0("copy")
}

/// A NumPy array-like as C-order float64 values and its shape. Non-float dtypes are
/// refused with the command line's message.
fn read_array(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<(Vec<f64>, Vec<usize>)> {
    let np = py.import("numpy")?;
    let a = np.call_method1("asarray", (obj,))?;
    let dtype = a.getattr("dtype")?;
    let kind: String = dtype.getattr("kind")?.extract()?;
    if kind != "f" {
        let descr: String = dtype.getattr("str")?.extract()?;
        return Err(PyValueError::new_err(format!(
            "the array's dtype '{descr}' is not float (convert it with array.astype(numpy.float64))"
        )));
    }
    let shape: Vec<usize> = a.getattr("shape")?.extract()?;
    let c = np.call_method1("ascontiguousarray", (a, "<f8"))?;
    let bytes: Vec<u8> = c.call_method0("tobytes")?.extract()?;
    let data = bytes
        .chunks_exact(8)
        .map(|b| f64::from_le_bytes(b.try_into().expect("8 bytes")))
        .collect();
    Ok((data, shape))
}

fn json_loads<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (text,))
}

/// A finite permutation group.
///
/// ``Group("S4")`` takes a catalog name (``C8``, ``D8``, ``S4``, ``A5``, ``PSL(2,7)``,
/// ``M11``, ...), generators in GAP cycle notation (``"(1,2,3),(1,2)"``) or a JSON file
/// with a ``"generators"`` array. The keyword limits are those of the command line
/// (``--max-order`` etc.).
#[pyclass(frozen, module = "plrep")]
struct Group {
    group: PermGroup,
    limits: Limits,
    data: OnceLock<Arc<GroupData>>,
}

impl Group {
    fn with(group: PermGroup, limits: Limits) -> Group {
        Group {
            group,
            limits,
            data: OnceLock::new(),
        }
    }

    /// The elements, classes, verified character table and real simples (computed once).
    fn data(&self, py: Python<'_>) -> PyResult<Arc<GroupData>> {
        if let Some(d) = self.data.get() {
            return Ok(d.clone());
        }
        let d = run(py, || {
            GroupData::new(&self.group, &self.limits).map(Arc::new)
        })?;
        Ok(self.data.get_or_init(|| d).clone())
    }
}

fn limits(
    max_order: Option<u64>,
    max_points: Option<u64>,
    max_classes: Option<usize>,
    max_memory_mb: Option<u64>,
) -> Limits {
    let mut l = Limits::default();
    if let Some(v) = max_order {
        l.max_order = v;
    }
    if let Some(v) = max_points {
        l.max_points = v;
    }
    if let Some(v) = max_classes {
        l.max_classes = v;
    }
    if let Some(v) = max_memory_mb {
        l.max_memory_mb = v;
    }
    l
}

#[pymethods]
impl Group {
    #[new]
    #[pyo3(signature = (spec, *, max_order=None, max_points=None, max_classes=None, max_memory_mb=None))]
    fn new(
        py: Python<'_>,
        spec: &str,
        max_order: Option<u64>,
        max_points: Option<u64>,
        max_classes: Option<usize>,
        max_memory_mb: Option<u64>,
    ) -> PyResult<Group> {
        let spec = spec.to_string();
        let g = run(py, move || load_group_within(&spec, &Limits::default()))?;
        Ok(Group::with(
            g,
            limits(max_order, max_points, max_classes, max_memory_mb),
        ))
    }

    /// The group generated by permutations in GAP cycle notation, e.g.
    /// ``Group.from_generators(["(1,2,3)", "(1,2)"])``.
    #[staticmethod]
    #[pyo3(signature = (generators, *, max_order=None, max_points=None, max_classes=None, max_memory_mb=None))]
    fn from_generators(
        py: Python<'_>,
        generators: Vec<String>,
        max_order: Option<u64>,
        max_points: Option<u64>,
        max_classes: Option<usize>,
        max_memory_mb: Option<u64>,
    ) -> PyResult<Group> {
        let text = generators.join(",");
        let g = run(py, move || {
            let gens = parse_generators(&text, 1)?;
            let degree = gens.iter().map(|p| p.degree()).max().unwrap_or(1);
            PermGroup::new(degree, gens)
        })?;
        Ok(Group::with(
            g,
            limits(max_order, max_points, max_classes, max_memory_mb),
        ))
    }

    /// The order ``|G|`` (by Schreier–Sims; no enumeration).
    #[getter]
    fn order(&self) -> BigUint {
        self.group.order()
    }

    /// The number of points the group acts on.
    #[getter]
    fn degree(&self) -> usize {
        self.group.degree()
    }

    /// The catalog name, if any.
    #[getter]
    fn name(&self) -> Option<String> {
        self.group.name().map(str::to_string)
    }

    /// The generators in GAP cycle notation.
    #[getter]
    fn generators(&self) -> Vec<String> {
        self.group
            .generators()
            .iter()
            .map(|p| p.to_string())
            .collect()
    }

    /// The conjugacy classes: one dict per class with ``representative``, ``size``,
    /// ``element_order`` and ``centralizer_order``.
    fn classes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let d = self.data(py)?;
        let c = &d.classes;
        let out = PyList::empty(py);
        for i in 0..c.reps.len() {
            let e = PyDict::new(py);
            e.set_item("representative", c.reps[i].to_string())?;
            e.set_item("size", c.sizes[i])?;
            e.set_item("element_order", c.orders[i])?;
            e.set_item("centralizer_order", c.centralizer_orders[i])?;
            out.append(e)?;
        }
        Ok(out)
    }

    /// The exact character table: a dict with ``classes`` (representatives),
    /// ``exact`` (rows of GAP cyclotomic strings, ``E(n) = exp(2 pi i/n)``),
    /// ``values`` (the same as a ``numpy.complex128`` array, rounded) and ``indicators``
    /// (Frobenius–Schur).
    fn character_table<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = self.data(py)?;
        let t = &d.table;
        let k = t.reps.len();
        let exact: Vec<Vec<String>> = t
            .characters
            .iter()
            .map(|c| c.values.iter().map(|v| v.to_string()).collect())
            .collect();
        let mut bytes = Vec::with_capacity(16 * k * t.characters.len());
        for c in &t.characters {
            for v in &c.values {
                let (re, im) = v.to_complex();
                bytes.extend_from_slice(&re.to_le_bytes());
                bytes.extend_from_slice(&im.to_le_bytes());
            }
        }
        let np = py.import("numpy")?;
        let values = np
            .call_method1("frombuffer", (PyBytes::new(py, &bytes), "<c16"))?
            .call_method1("reshape", ((t.characters.len(), k),))?
            .call_method0("copy")?;
        let out = PyDict::new(py);
        out.set_item(
            "classes",
            t.reps.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
        )?;
        out.set_item("class_sizes", t.sizes.clone())?;
        out.set_item("exact", exact)?;
        out.set_item("values", values)?;
        out.set_item(
            "indicators",
            t.characters.iter().map(|c| c.indicator).collect::<Vec<_>>(),
        )?;
        Ok(out)
    }

    /// The real simple representations: one dict per simple with ``label``, ``dim``,
    /// ``type`` (real, complex, quaternionic), ``character`` (exact strings on the classes)
    /// and ``kernel`` (class indices).
    fn real_simples<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let d = self.data(py)?;
        let out = PyList::empty(py);
        for s in &d.simples.simples {
            let e = PyDict::new(py);
            e.set_item("label", &s.label)?;
            e.set_item("dim", s.dim)?;
            e.set_item("type", s.kind.name())?;
            e.set_item(
                "character",
                s.values.iter().map(|v| v.to_string()).collect::<Vec<_>>(),
            )?;
            e.set_item("kernel", s.kernel.clone())?;
            out.append(e)?;
        }
        Ok(out)
    }

    /// The permutation module ``R^X`` for an action (``regular``, ``natural``,
    /// ``subsets:K``, ``tuples:K``, ``conjugation``, ``cosets:<generators of H>``).
    fn module(slf: &Bound<'_, Group>, action: &str) -> PyResult<Module> {
        let py = slf.py();
        let g = slf.get();
        let data = g.data(py)?;
        let action = action.to_string();
        let lim = g.limits.clone();
        let m = run(py, move || {
            let spec = ActionSpec::parse(&action)?;
            PlModule::on(&data, &spec, &lim)
        })?;
        Ok(Module {
            m: Arc::new(m),
            group: slf.clone().unbind(),
            parts: OnceLock::new(),
            bases: OnceLock::new(),
        })
    }

    /// Which simples each source reaches, layer by layer, in the equivariant network
    /// ``R^{X0} -> R^{X1} -> ... -> R^{Xk}`` (``layers``: action strings, e.g.
    /// ``["regular"] * 3``) with ``activation`` after every layer (theory.md section 10).
    /// ``bias``: ``None``, a rational (number or string such as ``"1/2"``), a list with one
    /// value per orbit of layers ``1..k``, or ``"generic"`` (some invariant bias).
    /// ``sources``: ``None`` (each simple of layer 0 in turn) or a list of labels (one
    /// joint source). With ``certify=True`` every certificate is re-checked independently.
    /// With ``until_stable=True`` (equal layers only) the network stops at the depth where
    /// the alive sets of every source repeat, so a simple not reached is reached at no
    /// depth (``ValueError`` if they do not repeat within ``len(layers) - 1``).
    /// The same answer as ``plrep network --layers ... --format json``.
    #[pyo3(signature = (layers, activation="relu", bias=None, sources=None, seeds=8, certify=true, until_stable=false))]
    fn network(
        &self,
        py: Python<'_>,
        layers: Vec<String>,
        activation: &str,
        bias: Option<&Bound<'_, PyAny>>,
        sources: Option<Vec<String>>,
        seeds: u64,
        certify: bool,
        until_stable: bool,
    ) -> PyResult<NetworkResult> {
        let bias = py_bias(bias)?;
        let data = self.data(py)?;
        let group = self.group.clone();
        let lim = self.limits.clone();
        let activation = activation.to_string();
        let json = run(py, move || {
            let act = Activation::parse(&activation)?;
            if seeds == 0 {
                return Err(plrep::Error::bad(
                    "seeds=0 allows no witness search",
                    "use seeds=1 or more (default 8)",
                ));
            }
            if layers.len() > MAX_LAYERS {
                return Err(plrep::Error::bad(
                    format!(
                        "{} layers exceed the largest depth {}",
                        layers.len(),
                        MAX_LAYERS - 1
                    ),
                    "use at most 65 layers",
                ));
            }
            let specs = layers
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    if s.trim().is_empty() {
                        return Err(plrep::Error::bad(
                            format!("layer {i} is empty"),
                            "every layer is an action such as \"regular\" or \"subsets:2\"",
                        ));
                    }
                    ActionSpec::parse(s.trim())
                })
                .collect::<plrep::Result<Vec<_>>>()?;
            for s in &specs {
                plrep::pl::check_module_size(&group, s, &lim)?;
            }
            if until_stable && specs.iter().any(|x| x.to_string() != specs[0].to_string()) {
                return Err(plrep::Error::bad(
                    "until_stable needs equal layers",
                    "give the same action for every layer, e.g. [\"regular\"] * 17",
                ));
            }
            let mut net = Network::new(&data, &specs, &lim)?;
            let src = network_sources(net.layer(0), sources.as_deref())?;
            let mut opts = NetworkOptions::new(act, bias);
            opts.seeds = seeds;
            for l in 1..=net.depth() {
                let orbits = net.layer(l).gset.orbits();
                opts.bias.per_point(&orbits).map_err(|_| {
                    plrep::Error::bad(
                        format!(
                            "bias lists one value per orbit, but layer {l} ({}) has {} orbit{}",
                            net.layer(l).gset.action(),
                            orbits.len(),
                            if orbits.len() == 1 { "" } else { "s" }
                        ),
                        "a per-orbit bias needs layers 1..k with the same number of orbits; use a single value or \"generic\" otherwise",
                    )
                })?;
            }
            if until_stable {
                let Some(d) = stable_depth(&net, &opts, &src)? else {
                    return Err(plrep::Error::bad(
                        format!("the alive sets do not repeat within depth {}", net.depth()),
                        "give more layers",
                    ));
                };
                net.layer_module.truncate(d + 1);
                net.layer_cross.truncate(d);
            }
            let res = analyze(&net, &opts, &src)?;
            if certify {
                certify_network(&net, &res)?;
            }
            let values = res
                .sources
                .iter()
                .map(|s| exact_values(&net, &opts, s))
                .collect::<plrep::Result<Vec<_>>>()?;
            Ok(plrep::report::network::network_json(
                &net, &res, &values, certify,
            ))
        })?;
        Ok(NetworkResult { json })
    }

    fn __repr__(&self) -> String {
        format!(
            "plrep.Group({:?})",
            self.group
                .name()
                .map(str::to_string)
                .unwrap_or_else(|| self.generators().join(","))
        )
    }
}

/// A permutation module ``R^X`` of a group (from ``Group.module``).
#[pyclass(frozen, module = "plrep")]
struct Module {
    m: Arc<PlModule>,
    group: Py<Group>,
    parts: OnceLock<Arc<Vec<IsotypicPart>>>,
    bases: OnceLock<Arc<Vec<OrthogonalBasis>>>,
}

impl Module {
    fn parts(&self, py: Python<'_>) -> PyResult<Arc<Vec<IsotypicPart>>> {
        if let Some(p) = self.parts.get() {
            return Ok(p.clone());
        }
        let m = self.m.clone();
        let p = run(py, move || Ok(Arc::new(isotypic_parts(&m))))?;
        Ok(self.parts.get_or_init(|| p).clone())
    }

    fn bases(&self, py: Python<'_>) -> PyResult<Arc<Vec<OrthogonalBasis>>> {
        if let Some(b) = self.bases.get() {
            return Ok(b.clone());
        }
        let parts = self.parts(py)?;
        let b = run(py, move || {
            parts
                .iter()
                .map(orthogonal_basis)
                .collect::<plrep::Result<Vec<_>>>()
                .map(Arc::new)
        })?;
        Ok(self.bases.get_or_init(|| b).clone())
    }
}

#[pymethods]
impl Module {
    /// ``|X|``.
    #[getter]
    fn points(&self) -> usize {
        self.m.points()
    }

    /// The action, in canonical spelling.
    #[getter]
    fn action(&self) -> String {
        self.m.gset.action().to_string()
    }

    /// The group.
    #[getter]
    fn group(&self, py: Python<'_>) -> Py<Group> {
        self.group.clone_ref(py)
    }

    /// The labels of the points of ``X`` (1-based, as the command line prints them).
    fn point_labels(&self) -> Vec<String> {
        self.m.gset.labels().to_vec()
    }

    /// The multiplicity of every real simple present in ``R^X``: ``{label: multiplicity}``.
    fn multiplicities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let out = PyDict::new(py);
        for &(l, mult) in &self.m.present {
            out.set_item(&self.m.simples.simples[l].label, mult)?;
        }
        Ok(out)
    }

    /// The action as an integer array ``images[g, x] = x^g`` over all ``|G|`` elements
    /// (``(rho(g) f)(x) = f(x^g)``; the permutation matrix of ``g`` is
    /// ``numpy.eye(n)[images[g]]``).
    fn images<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let (order, n) = (self.m.order(), self.m.points());
        let mut data = Vec::with_capacity(order * n);
        for g in 0..order {
            for x in 0..n {
                data.push(self.m.image(g, x) as f64);
            }
        }
        f64_array(py, &data, &[order, n])?.call_method1("astype", ("int64",))
    }

    /// The isotypic projectors ``{label: P_L}``: ``float64`` arrays of shape ``(|X|, |X|)``
    /// (rounded from the exact values), or with ``exact=True`` lists of rows of exact
    /// strings (GAP cyclotomic notation or rationals).
    #[pyo3(signature = (exact=false))]
    fn projectors<'py>(&self, py: Python<'py>, exact: bool) -> PyResult<Bound<'py, PyDict>> {
        let parts = self.parts(py)?;
        let n = self.m.points();
        let out = PyDict::new(py);
        for p in parts.iter() {
            if exact {
                let rows: Vec<Vec<String>> = p
                    .projector
                    .chunks(n)
                    .map(|r| r.iter().map(|c| c.to_string()).collect())
                    .collect();
                out.set_item(&p.label, rows)?;
            } else {
                out.set_item(&p.label, f64_array(py, &p.projector_f64(), &[n, n])?)?;
            }
        }
        Ok(out)
    }

    /// An orthonormal basis of every isotypic part ``{label: B_L}``: ``float64`` arrays of
    /// shape ``(dim L * multiplicity, |X|)`` whose rows are ``u_j / sqrt(N_j)`` for an
    /// exactly orthogonal basis ``u_j`` with exact squared norms ``N_j``; with
    /// ``exact=True`` ``{label: {"vectors": [[str]], "squared_norms": [str]}}``.
    #[pyo3(signature = (exact=false))]
    fn basis<'py>(&self, py: Python<'py>, exact: bool) -> PyResult<Bound<'py, PyDict>> {
        let parts = self.parts(py)?;
        let bases = self.bases(py)?;
        let n = self.m.points();
        let out = PyDict::new(py);
        for (p, b) in parts.iter().zip(bases.iter()) {
            if exact {
                let e = PyDict::new(py);
                let vectors: Vec<Vec<String>> = b
                    .vectors
                    .iter()
                    .map(|u| u.iter().map(|c| c.to_string()).collect())
                    .collect();
                e.set_item("vectors", vectors)?;
                e.set_item(
                    "squared_norms",
                    b.norms.iter().map(|c| c.to_string()).collect::<Vec<_>>(),
                )?;
                out.set_item(&p.label, e)?;
            } else {
                out.set_item(
                    &p.label,
                    f64_array(py, &b.orthonormal_f64(), &[p.rank(), n])?,
                )?;
            }
        }
        Ok(out)
    }

    /// The isotypic energies ``||P_L v||^2`` of the rows ``v`` of a float array of shape
    /// ``(N, |X|)``: a dict with ``labels``, ``energy`` (``(N, #simples)`` array),
    /// ``norms`` (``||v||^2`` per row), ``totals`` and ``shares`` (``{label: float}``).
    /// ``ValueError`` for a non-float dtype, a wrong shape, NaN or infinite entries.
    fn decompose<'py>(
        &self,
        py: Python<'py>,
        array: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let (data, shape) = read_array(py, array)?;
        let parts = self.parts(py)?;
        let d = run(py, move || energies(&parts, &data, &shape))?;
        let k = d.labels.len();
        let out = PyDict::new(py);
        out.set_item("labels", d.labels.clone())?;
        out.set_item("energy", f64_array(py, &d.energy, &[d.rows, k])?)?;
        out.set_item("norms", f64_array(py, &d.norms, &[d.rows])?)?;
        let total: f64 = d.totals.iter().sum();
        let (totals, shares) = (PyDict::new(py), PyDict::new(py));
        for (l, e) in d.labels.iter().zip(&d.totals) {
            totals.set_item(l, e)?;
            shares.set_item(l, if total > 0.0 { e / total } else { 0.0 })?;
        }
        out.set_item("totals", totals)?;
        out.set_item("shares", shares)?;
        Ok(out)
    }

    /// The certified interaction graph of one activation layer on ``R^X``
    /// (``activation``: relu, abs, identity, leaky:<p>, hardtanh, square; ``bias``: a
    /// rational as a string or number, added as ``bias * (1,...,1)``). With
    /// ``certify=True`` every certificate is re-checked independently.
    #[pyo3(signature = (activation="relu", bias=None, seeds=8, certify=true))]
    fn interaction_graph(
        &self,
        py: Python<'_>,
        activation: &str,
        bias: Option<&Bound<'_, PyAny>>,
        seeds: u64,
        certify: bool,
    ) -> PyResult<InteractionGraph> {
        let bias: Option<String> = bias.map(|b| b.str().map(|s| s.to_string())).transpose()?;
        let activation = activation.to_string();
        let m = self.m.clone();
        let text = run(py, move || {
            let act = Activation::parse(&activation)?;
            let bias = bias.as_deref().map(plrep::pl::parse_bias).transpose()?;
            if seeds == 0 {
                return Err(plrep::Error::bad(
                    "seeds=0 allows no witness search",
                    "use seeds=1 or more (default 8)",
                ));
            }
            let mut options = SolverOptions::new(act).with_bias(bias);
            options.seeds = seeds;
            let solution = solve(&m, &options)?;
            let g = if certify {
                plrep::graph::InteractionGraph::from_certified(&m, &plrep::pl::check(&m, solution)?)
            } else {
                plrep::graph::InteractionGraph::build(&m, &solution)
            };
            serde_json::to_string(&g.to_json())
                .map_err(|e| plrep::Error::verification(format!("JSON: {e}")))
        })?;
        Ok(InteractionGraph { json: text })
    }

    fn __repr__(&self) -> String {
        format!(
            "plrep.Module({}, {:?}, points={})",
            self.m.group.name().unwrap_or("group"),
            self.m.gset.action().to_string(),
            self.m.points()
        )
    }
}

/// A certified interaction graph (from ``Module.interaction_graph``): the JSON document of
/// ``plrep graph --format json`` (schema in its ``schema`` field) as Python objects.
#[pyclass(frozen, module = "plrep")]
struct InteractionGraph {
    json: String,
}

#[pymethods]
impl InteractionGraph {
    /// The whole document as a dict (``vertices``, ``edges``, ``non_edges``,
    /// ``unresolved``, ``certified``, ...).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_loads(py, &self.json)
    }

    /// The document as JSON text.
    fn to_json(&self) -> String {
        self.json.clone()
    }

    /// The vertices: one dict per simple present (label, dim, multiplicity, type, ...).
    #[getter]
    fn vertices<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.to_dict(py)?.get_item("vertices")
    }

    /// The edges ``L -> L'``, each with its exact witness (``witness``).
    #[getter]
    fn edges<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.to_dict(py)?.get_item("edges")
    }

    /// The certified non-edges, each with its obstruction (``obstruction``).
    #[getter]
    fn non_edges<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.to_dict(py)?.get_item("non_edges")
    }

    /// The pairs neither proved nor refuted (normally empty).
    #[getter]
    fn unresolved<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.to_dict(py)?.get_item("unresolved")
    }

    /// A ``networkx.DiGraph`` on the simples' labels (vertex attributes from
    /// ``vertices``, the witness as the edge attribute ``witness``). Needs networkx
    /// (imported only here).
    fn to_networkx<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let nx = py.import("networkx").map_err(|_| {
            pyo3::exceptions::PyImportError::new_err(
                "to_networkx needs networkx (pip install networkx)",
            )
        })?;
        let doc = self.to_dict(py)?;
        let g = nx.call_method0("DiGraph")?;
        for v in doc.get_item("vertices")?.try_iter()? {
            let v = v?;
            let attrs = v.downcast::<PyDict>()?.copy()?;
            g.call_method("add_node", (v.get_item("label")?,), Some(&attrs))?;
        }
        for e in doc.get_item("edges")?.try_iter()? {
            let e = e?;
            let attrs = PyDict::new(py);
            attrs.set_item("witness", e.get_item("witness")?)?;
            g.call_method(
                "add_edge",
                (e.get_item("from_label")?, e.get_item("to_label")?),
                Some(&attrs),
            )?;
        }
        Ok(g)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let d = self.to_dict(py)?;
        Ok(format!(
            "plrep.InteractionGraph({} edges, {} non-edges, {} unresolved)",
            d.get_item("edges")?.len()?,
            d.get_item("non_edges")?.len()?,
            d.get_item("unresolved")?.len()?
        ))
    }
}

/// The most layers `Group.network` accepts (depth 64, as `plrep network --depth`).
const MAX_LAYERS: usize = 65;

/// A Python bias (``None``, a rational as number or string, a list per orbit, or
/// ``"generic"``) as plrep's [`Bias`].
fn py_bias(bias: Option<&Bound<'_, PyAny>>) -> PyResult<Bias> {
    let Some(b) = bias else {
        return Ok(Bias::None);
    };
    if b.is_none() {
        return Ok(Bias::None);
    }
    if let Ok(list) = b.downcast::<PyList>() {
        let mut values = Vec::with_capacity(list.len());
        for v in list.iter() {
            let text = v.str()?.to_string();
            values.push(plrep::pl::parse_bias(&text).map_err(py_err)?);
        }
        if values.is_empty() {
            return Err(PyValueError::new_err(
                "the bias list is empty (give one value per orbit of layers 1..k)",
            ));
        }
        return Ok(Bias::PerOrbit(values));
    }
    let text = b.str()?.to_string();
    Bias::parse(&text).map_err(py_err)
}

/// The sources of `Group.network`: each simple of layer 0 in turn, or one joint set of
/// labels (sorted, without repeats).
fn network_sources(module: &PlModule, from: Option<&[String]>) -> plrep::Result<Vec<Vec<usize>>> {
    let present: Vec<usize> = module.present.iter().map(|p| p.0).collect();
    let Some(from) = from else {
        return Ok(present.iter().map(|&l| vec![l]).collect());
    };
    let names: Vec<&str> = present
        .iter()
        .map(|&l| module.simples.simples[l].label.as_str())
        .collect();
    if from.is_empty() {
        return Err(plrep::Error::bad(
            "sources is an empty list",
            format!(
                "give labels among {}, or sources=None for each in turn",
                names.join(", ")
            ),
        ));
    }
    let mut set = Vec::new();
    for label in from {
        let label = label.trim();
        match module.simples.find(label) {
            Some(l) if present.contains(&l) => {
                if !set.contains(&l) {
                    set.push(l)
                }
            }
            Some(_) => {
                return Err(plrep::Error::bad(
                    format!("{label} does not occur in layer 0"),
                    format!("sources takes labels among {}", names.join(", ")),
                ))
            }
            None => {
                return Err(plrep::Error::bad(
                    format!("unknown simple '{label}'"),
                    format!("sources takes labels among {}", names.join(", ")),
                ))
            }
        }
    }
    set.sort_unstable();
    Ok(vec![set])
}

/// A Python source (a label, ``"L1,L2"``, or a list of labels) as the key of a result.
fn source_key(source: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(s) = source.extract::<String>() {
        let mut v: Vec<String> = s.split(',').map(|x| x.trim().to_string()).collect();
        v.sort();
        return Ok(v.join(","));
    }
    let mut v: Vec<String> = source.extract()?;
    v.sort();
    v.dedup();
    Ok(v.join(","))
}

/// Certified reachability in an equivariant network (from ``Group.network``): the JSON
/// document of ``plrep network --format json`` (schema ``plrep.network.v1``) with
/// conveniences. A source is named by its label (``"L1"``) or, when joint, by a list of
/// labels (or ``"L1,L2"``).
#[pyclass(frozen, module = "plrep")]
struct NetworkResult {
    json: serde_json::Value,
}

impl NetworkResult {
    fn source(&self, key: &str) -> PyResult<&serde_json::Value> {
        let srcs = self.json["sources"].as_array().into_iter().flatten();
        let mut keys = Vec::new();
        for s in srcs {
            let mut labels: Vec<String> = s["sources"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect();
            labels.sort();
            let k = labels.join(",");
            if k == key {
                return Ok(s);
            }
            keys.push(k);
        }
        Err(PyValueError::new_err(format!(
            "'{key}' is not a source of this result (sources: {})",
            keys.join("; ")
        )))
    }

    fn layer<'a>(
        &self,
        src: &'a serde_json::Value,
        depth: usize,
    ) -> PyResult<&'a serde_json::Value> {
        src["layers"]
            .as_array()
            .and_then(|ls| {
                ls.iter()
                    .find(|l| l["depth"].as_u64() == Some(depth as u64))
            })
            .ok_or_else(|| {
                PyValueError::new_err(format!(
                    "no depth {depth} in this network (depths 1..{})",
                    self.json["depth"]
                ))
            })
    }

    fn to_py<'py>(py: Python<'py>, v: &serde_json::Value) -> PyResult<Bound<'py, PyAny>> {
        json_loads(py, &v.to_string())
    }

    /// ``{target: first depth}`` of one source: an int, or ``None`` when not reached.
    fn depths(src: &serde_json::Value) -> Vec<(String, serde_json::Value)> {
        let layers = src["layers"].as_array().cloned().unwrap_or_default();
        src["first_depth"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| {
                let label = e["label"].as_str().unwrap_or("").to_string();
                let first = layers.iter().find(|l| {
                    l["reached"]
                        .as_array()
                        .is_some_and(|r| r.iter().any(|x| x["label"] == e["label"]))
                });
                (
                    label,
                    first
                        .map(|l| l["depth"].clone())
                        .unwrap_or(serde_json::Value::Null),
                )
            })
            .collect()
    }
}

#[pymethods]
impl NetworkResult {
    /// The whole document as a dict (``layers``, ``sources``, ``unresolved``, ...).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Self::to_py(py, &self.json)
    }

    /// The document as JSON text (the bytes of ``plrep network --format json``, without
    /// its final newline).
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string_pretty(&self.json).map_err(|e| PyRuntimeError::new_err(e.to_string()))
    }

    /// The number of layers after the input.
    #[getter]
    fn depth(&self) -> u64 {
        self.json["depth"].as_u64().unwrap_or(0)
    }

    /// Whether every certificate was re-checked independently.
    #[getter]
    fn certified(&self) -> bool {
        self.json["certified"].as_bool().unwrap_or(false)
    }

    /// The sources, each as a comma-joined string of labels (``"L1"``, ``"L1,L2"``).
    #[getter]
    fn sources(&self) -> Vec<String> {
        self.json["sources"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|s| {
                let mut v: Vec<String> = s["sources"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|x| x.as_str().map(str::to_string))
                    .collect();
                v.sort();
                v.join(",")
            })
            .collect()
    }

    /// The labels of layer ``depth`` that ``source`` reaches (certified by a witness).
    fn reached(&self, source: &Bound<'_, PyAny>, depth: usize) -> PyResult<Vec<String>> {
        let src = self.source(&source_key(source)?)?;
        let layer = self.layer(src, depth)?;
        Ok(layer["reached"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|r| r["label"].as_str().map(str::to_string))
            .collect())
    }

    /// Per source, per depth: ``{source: {depth: {"reached": {label: witness},
    /// "excluded": {label: reason}, "unresolved": [label]}}}``. A witness is a dict with
    /// ``value`` (the exact nonzero component, a GAP cyclotomic or rational string),
    /// ``point``/``point_label`` (where it is read) and ``network`` (the index of the
    /// witness network in ``to_dict()["sources"][i]["networks"]``); a reason is the
    /// obstruction's one-line explanation.
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let out = PyDict::new(py);
        let keys = self.sources();
        for (key, src) in keys
            .iter()
            .zip(self.json["sources"].as_array().into_iter().flatten())
        {
            let per = PyDict::new(py);
            for l in src["layers"].as_array().into_iter().flatten() {
                let d = PyDict::new(py);
                let reached = PyDict::new(py);
                for r in l["reached"].as_array().into_iter().flatten() {
                    let mut w = r.clone();
                    if let Some(o) = w.as_object_mut() {
                        o.remove("label");
                    }
                    reached.set_item(r["label"].as_str(), Self::to_py(py, &w)?)?;
                }
                let excluded = PyDict::new(py);
                for e in l["excluded"].as_array().into_iter().flatten() {
                    excluded.set_item(e["label"].as_str(), e["obstruction"]["reason"].as_str())?;
                }
                d.set_item("reached", reached)?;
                d.set_item("excluded", excluded)?;
                d.set_item("unresolved", Self::to_py(py, &l["unresolved"])?)?;
                per.set_item(l["depth"].as_u64(), d)?;
            }
            out.set_item(key, per)?;
        }
        Ok(out)
    }

    /// The first depth at which ``source`` reaches the simple ``target`` (certified by a
    /// witness), or ``None`` when no depth up to ``depth`` does (``depth_table(raw=True)``
    /// tells "never" from "never at any depth" and flags unresolved cases).
    fn first_depth(&self, source: &Bound<'_, PyAny>, target: &str) -> PyResult<Option<u64>> {
        let src = self.source(&source_key(source)?)?;
        let depths = Self::depths(src);
        match depths.iter().find(|(l, _)| l == target) {
            Some((_, d)) => Ok(d.as_u64()),
            None => Err(PyValueError::new_err(format!(
                "unknown target '{target}' (targets: {})",
                depths
                    .iter()
                    .map(|x| x.0.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }

    /// ``{source: {target: first depth or None}}``; with ``raw=True`` the command line's
    /// entries (``"2"``, ``"never"``, ``"never*"`` when the alive sets cycle so the target
    /// is never reached at any depth, ``"≤d"`` or ``"?"`` when something is unresolved).
    #[pyo3(signature = (raw=false))]
    fn depth_table<'py>(&self, py: Python<'py>, raw: bool) -> PyResult<Bound<'py, PyDict>> {
        let out = PyDict::new(py);
        let keys = self.sources();
        for (key, src) in keys
            .iter()
            .zip(self.json["sources"].as_array().into_iter().flatten())
        {
            let row = PyDict::new(py);
            if raw {
                for e in src["first_depth"].as_array().into_iter().flatten() {
                    row.set_item(e["label"].as_str(), e["depth"].as_str())?;
                }
            } else {
                for (label, d) in Self::depths(src) {
                    row.set_item(label, d.as_u64())?;
                }
            }
            out.set_item(key, row)?;
        }
        Ok(out)
    }

    fn __repr__(&self) -> String {
        format!(
            "plrep.NetworkResult(depth={}, {} source{}, {} unresolved)",
            self.depth(),
            self.sources().len(),
            if self.sources().len() == 1 { "" } else { "s" },
            self.json["unresolved"].as_u64().unwrap_or(0)
        )
    }
}

/// The orbital basis of ``Hom_G(R^X, R^Y)``: a ``float64`` array of shape
/// ``(k, |Y|, |X|)`` of 0/1 matrices, one per ``G``-orbit on ``Y x X`` (every
/// ``G``-equivariant linear map ``R^X -> R^Y`` is a unique combination of them). ``group``
/// is a ``Group`` or a group spec string; ``X`` and ``Y`` are actions.
#[pyfunction]
#[pyo3(name = "hom_basis", signature = (group, x, y=None))]
fn hom_basis<'py>(
    py: Python<'py>,
    group: &Bound<'py, PyAny>,
    x: &str,
    y: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let (g, lim) = if let Ok(g) = group.downcast::<Group>() {
        (g.get().group.clone(), g.get().limits.clone())
    } else {
        let spec: String = group.extract().map_err(|_| {
            PyValueError::new_err("group must be a plrep.Group or a group spec string")
        })?;
        (
            run(py, move || load_group_within(&spec, &Limits::default()))?,
            Limits::default(),
        )
    };
    let (x, y) = (x.to_string(), y.unwrap_or(x).to_string());
    let h = run(py, move || {
        let gx = GSet::new(&g, &ActionSpec::parse(&x)?, &lim)?;
        let gy = GSet::new(&g, &ActionSpec::parse(&y)?, &lim)?;
        let max_bytes = lim.max_memory_mb.saturating_mul(1 << 20);
        let h = hom_orbital_basis(&gx, &gy, max_bytes)?;
        let dense = (h.count as u128) * (h.rows as u128) * (h.cols as u128) * 8;
        if dense > max_bytes as u128 {
            return Err(plrep::Error::limit(
                format!("a dense {} x {} x {} hom basis", h.count, h.rows, h.cols),
                format!("{} MiB", lim.max_memory_mb),
                plrep::LimitKind::MemoryMb,
            ));
        }
        Ok(h)
    })?;
    f64_array(py, &h.dense_f64(), &[h.count, h.rows, h.cols])
}

/// Panic inside a library call on purpose: the tests check that it arrives as
/// ``RuntimeError`` (PyO3 would otherwise raise ``PanicException``, a ``BaseException``).
#[pyfunction]
fn _panic_for_tests(py: Python<'_>) -> PyResult<()> {
    run(py, || -> plrep::Result<()> {
        panic!("deliberate panic for the tests")
    })
}

/// Exact piecewise linear representation theory of finite groups (Rust, via PyO3).
#[pymodule]
#[pyo3(name = "plrep")]
fn plrep_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Group>()?;
    m.add_class::<Module>()?;
    m.add_class::<InteractionGraph>()?;
    m.add_class::<NetworkResult>()?;
    m.add_function(wrap_pyfunction!(hom_basis, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_for_tests, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
