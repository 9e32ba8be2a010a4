"""Tests of the Python API against exact values, float identities and the CLI."""

import json
import subprocess

import numpy as np
import pytest

import plrep
from conftest import exact_value

CASES = [("S4", "subsets:2"), ("C5", "regular"), ("D8", "natural"), ("A4", "regular"), ("S3", "tuples:2")]


def perm_matrices(module):
    """rho(g) for every element: (rho(g) v)[x] = v[x^g], i.e. the rows of the identity."""
    eye = np.eye(module.points)
    return [eye[row] for row in module.images()]


@pytest.mark.parametrize("group,action", CASES)
def test_projectors_resolve_the_identity_and_commute(group, action):
    m = plrep.Group(group).module(action)
    n = m.points
    P = m.projectors()
    assert set(P) == set(m.multiplicities())
    total = np.zeros((n, n))
    for label, p in P.items():
        assert p.shape == (n, n) and p.dtype == np.float64
        assert np.allclose(p @ p, p, atol=1e-12)          # idempotent
        assert np.allclose(p, p.T, atol=1e-14)            # orthogonal projection
        for other, q in P.items():
            if other != label:
                assert np.allclose(p @ q, 0, atol=1e-12)
        for r in perm_matrices(m):
            assert np.allclose(r @ p, p @ r, atol=1e-12)  # G-equivariant
        total += p
    assert np.allclose(total, np.eye(n), atol=1e-12)


@pytest.mark.parametrize("group,action", CASES)
def test_float_projectors_equal_the_exact_values(group, action):
    m = plrep.Group(group).module(action)
    exact = m.projectors(exact=True)
    for label, p in m.projectors().items():
        values = np.array([[exact_value(s) for s in row] for row in exact[label]])
        assert np.abs(values.imag).max() < 1e-12            # real projectors
        assert np.abs(values.real - p).max() < 1e-12


def test_irrational_projector_entries():
    m = plrep.Group("C5").module("regular")
    exact = m.projectors(exact=True)
    assert any("E(5)" in s for row in exact["L1"] for s in row)
    assert m.projectors()["L1"][0, 1] == pytest.approx(0.4 * np.cos(2 * np.pi / 5), abs=1e-15)


@pytest.mark.parametrize("group,action", CASES)
def test_bases_are_orthonormal_and_span_the_isotypic_parts(group, action):
    m = plrep.Group(group).module(action)
    P, B = m.projectors(), m.basis()
    exact = m.basis(exact=True)
    dims = {s["label"]: s["dim"] for s in m.group.real_simples()}
    for label, b in B.items():
        assert b.shape == (dims[label] * m.multiplicities()[label], m.points)
        assert np.allclose(b @ b.T, np.eye(len(b)), atol=1e-12)
        assert np.allclose(b.T @ b, P[label], atol=1e-12)   # the same subspace
        # The float rows are the exact orthogonal vectors over the square roots of their
        # exact squared norms.
        e = exact[label]
        for row, vec, norm in zip(b, e["vectors"], e["squared_norms"]):
            u = np.array([exact_value(s).real for s in vec])
            assert np.allclose(row, u / np.sqrt(exact_value(norm).real), atol=1e-12)


def test_group_api():
    g = plrep.Group("S4")
    assert g.order == 24 and g.degree == 4 and g.name == "S4"
    assert plrep.Group.from_generators(["(1,2,3)", "(1,2)"]).order == 6
    assert plrep.Group("M11").order == 7920
    classes = g.classes()
    assert sum(c["size"] for c in classes) == 24
    t = g.character_table()
    assert t["values"].dtype == np.complex128 and t["values"].shape == (5, 5)
    for row, erow in zip(t["values"], t["exact"]):
        assert np.allclose(row, [exact_value(s) for s in erow])
    # Column orthogonality: sum_chi |chi(g)|^2 = |C_G(g)|.
    cent = (np.abs(t["values"]) ** 2).sum(axis=0)
    assert np.allclose(cent, [c["centralizer_order"] for c in classes])
    simples = g.real_simples()
    assert [s["dim"] for s in simples] == [1, 1, 2, 3, 3]
    # C3's complex pair is one real simple of dimension 2.
    c3 = plrep.Group("C3")
    assert [(s["dim"], s["type"]) for s in c3.real_simples()] == [(1, "real"), (2, "complex")]
    ct = c3.character_table()["values"]
    assert np.allclose(ct[1, 1], np.exp(2j * np.pi / 3)) or np.allclose(ct[1, 1], np.exp(-2j * np.pi / 3))


def test_multiplicities_are_dimensions_of_hom_spaces():
    g = plrep.Group("S4")
    m = g.module("subsets:2")
    mult = m.multiplicities()
    assert mult == {"L0": 1, "L2": 1, "L4": 1}
    # dim End_G(R^X) = number of orbitals = sum mult^2 * (dim End L): all real type here.
    assert len(plrep.hom_basis(g, "subsets:2")) == sum(k * k for k in mult.values())


@pytest.mark.parametrize("x,y", [("natural", "subsets:2"), ("regular", "natural"), ("subsets:2", "subsets:2")])
def test_hom_basis_is_equivariant_and_partitions(x, y):
    g = plrep.Group("S4")
    mx, my = g.module(x), g.module(y)
    basis = plrep.hom_basis(g, x, y)
    assert basis.shape[1:] == (my.points, mx.points)
    assert np.array_equal(basis.sum(axis=0), np.ones((my.points, mx.points)))  # a partition
    assert set(np.unique(basis)) <= {0.0, 1.0}
    ix, iy = mx.images(), my.images()
    for w in basis:
        for gx, gy in zip(ix, iy):
            # W rho_X(g) = rho_Y(g) W, i.e. W[gy[y], gx[x]] = W[y, x].
            assert np.array_equal(w[np.ix_(gy, gx)], w)
    # Same answer with a group spec string.
    assert np.array_equal(plrep.hom_basis("S4", x, y), basis)


def test_decompose():
    m = plrep.Group("S4").module("subsets:2")
    rng = np.random.default_rng(1)
    a = rng.normal(size=(7, 6))
    d = m.decompose(a)
    assert d["labels"] == ["L0", "L2", "L4"] and d["energy"].shape == (7, 3)
    P = m.projectors()
    for j, label in enumerate(d["labels"]):
        want = np.einsum("ij,ij->i", a @ P[label].T, a @ P[label].T)
        assert np.allclose(d["energy"][:, j], want)
    assert np.allclose(d["energy"].sum(axis=1), (a * a).sum(axis=1))
    assert sum(d["shares"].values()) == pytest.approx(1.0)
    # float32 and Fortran-ordered input are read as float64.
    assert np.allclose(m.decompose(np.asfortranarray(a))["energy"], d["energy"])
    assert np.allclose(m.decompose(a.astype(np.float32))["energy"], d["energy"], rtol=1e-5)


@pytest.mark.parametrize(
    "make,message",
    [
        (lambda m: m.decompose(np.zeros((2, 5))), "the array has 5 columns but |X| = 6"),
        (lambda m: m.decompose(np.zeros(6)), "the array has 1 dimensions, not 2"),
        (lambda m: m.decompose(np.zeros((2, 6), dtype=np.int64)), "the array's dtype '<i8' is not float"),
        (lambda m: m.decompose(np.array([[0, 0, np.nan, 0, 0, 0]])), "row 1, column 3 is NaN"),
        (lambda m: m.decompose(np.array([[0, 0, 0, 0, 0, np.inf]])), "row 1, column 6 is inf"),
        (lambda m: m.decompose([["a"] * 6]), "is not float"),
        (lambda m: m.group.module("subsets:9"), "does not apply to a group on 4 points"),
        (lambda m: m.group.module("frobnicate"), "unknown action 'frobnicate'"),
        (lambda m: m.interaction_graph(activation="tanh"), "unknown activation 'tanh'"),
        (lambda m: m.interaction_graph(bias="x"), "bias"),
        (lambda m: plrep.Group("S4x"), "S4x"),
        (lambda m: plrep.Group("(1,2"), "unbalanced"),
        (lambda m: plrep.Group.from_generators(["(0,1)"]), "point 0"),
        (lambda m: plrep.hom_basis(m.group, "natural", "bogus"), "unknown action 'bogus'"),
        (lambda m: plrep.Group("S12").module("regular"), "raise it with Group(..., max_order=N)"),
    ],
)
def test_bad_input_is_a_value_error_with_plreps_message(make, message):
    m = plrep.Group("S4").module("subsets:2")
    with pytest.raises(ValueError) as e:
        make(m)
    assert message in str(e.value)
    assert "\n" not in str(e.value)


def test_limits_are_keyword_arguments():
    with pytest.raises(ValueError, match="max_points"):
        plrep.Group("S4", max_points=5).module("subsets:2")
    assert plrep.Group("S4", max_points=6).module("subsets:2").points == 6


def test_interaction_graph_matches_the_cli(plrep_bin):
    m = plrep.Group("S4").module("subsets:2")
    g = m.interaction_graph(activation="relu")
    cli = json.loads(subprocess.run(
        [plrep_bin, "graph", "S4", "--action", "subsets:2", "--certify", "--format", "json"],
        check=True, capture_output=True, text=True).stdout)
    assert g.to_dict() == cli
    assert len(g.edges) == 6 and len(g.non_edges) == 3 and g.unresolved == []
    assert all("witness" in e for e in g.edges)
    assert all("obstruction" in e for e in g.non_edges)
    # abs with a bias: a different layer, still certified.
    h = m.interaction_graph(activation="abs", bias="1/2")
    assert h.to_dict()["certified"] and h.unresolved == []


def test_to_networkx():
    g = plrep.Group("S4").module("subsets:2").interaction_graph()
    try:
        import networkx  # noqa: F401
    except ImportError:
        with pytest.raises(ImportError, match="networkx"):
            g.to_networkx()
        return
    nxg = g.to_networkx()
    assert sorted(nxg.nodes) == ["L0", "L2", "L4"]
    assert nxg.number_of_edges() == len(g.edges)


def test_threads_share_a_module():
    """Computations release the GIL; concurrent calls on one module agree."""
    from concurrent.futures import ThreadPoolExecutor

    m = plrep.Group("A4").module("regular")
    a = np.random.default_rng(2).normal(size=(50, 12))
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: m.decompose(a)["energy"], range(8)))
    for r in results:
        assert np.array_equal(r, results[0])


def test_a_panic_becomes_runtime_error():
    with pytest.raises(RuntimeError, match="internal error in plrep: deliberate panic"):
        plrep._panic_for_tests()
    # The module still works afterwards.
    assert plrep.Group("C3").order == 3
