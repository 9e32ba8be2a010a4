"""The files of `plrep export` and `plrep decompose` load in NumPy and agree with the API."""

import json
import subprocess

import numpy as np
import pytest

import plrep
from conftest import exact_value


def run(plrep_bin, *args, check=True):
    return subprocess.run([plrep_bin, *args], capture_output=True, text=True, check=check)


@pytest.mark.parametrize("group,action", [("S4", "subsets:2"), ("C5", "regular"), ("Q8", "regular")])
def test_exported_projectors_load_and_match(plrep_bin, tmp_path, group, action):
    run(plrep_bin, "export", group, "--action", action, "--what", "projectors", "--format", "npy", "-o", str(tmp_path / "npy"))
    run(plrep_bin, "export", group, "--action", action, "--what", "projectors", "--format", "json", "-o", str(tmp_path / "json"))
    manifest = json.loads((tmp_path / "npy" / "manifest.json").read_text())
    assert manifest["schema"] == "plrep.export.v1" and "convenience" in manifest["floats"]
    exact_manifest = json.loads((tmp_path / "json" / "manifest.json").read_text())
    api = plrep.Group(group).module(action)
    mult = api.multiplicities()
    P = api.projectors()
    n = manifest["points"]
    total = np.zeros((n, n))
    for entry, exact_entry in zip(manifest["files"], exact_manifest["files"]):
        p = np.load(tmp_path / "npy" / entry["file"])
        assert p.dtype == np.float64 and list(p.shape) == entry["shape"]
        assert entry["multiplicity"] == mult[entry["simple"]]
        assert np.array_equal(p, P[entry["simple"]])
        assert np.isclose(np.trace(p), entry["dim"] * entry["multiplicity"])
        doc = json.loads((tmp_path / "json" / exact_entry["file"]).read_text())
        exact = np.array([[exact_value(s) for s in row] for row in doc["exact"]])
        assert np.abs(exact - p).max() < 1e-12
        total += p
    assert np.allclose(total, np.eye(n))


def test_exported_basis_and_hom(plrep_bin, tmp_path):
    run(plrep_bin, "export", "S4", "--action", "subsets:2", "--what", "basis", "--format", "npy", "-o", str(tmp_path / "b"))
    manifest = json.loads((tmp_path / "b" / "manifest.json").read_text())
    P = plrep.Group("S4").module("subsets:2").projectors()
    for entry in manifest["files"]:
        b = np.load(tmp_path / "b" / entry["file"])
        assert np.allclose(b @ b.T, np.eye(entry["rank"]))
        assert np.allclose(b.T @ b, P[entry["simple"]])
    run(plrep_bin, "export", "S4", "--action", "natural", "--what", "hom", "--to", "subsets:2", "--format", "npy", "-o", str(tmp_path / "h"))
    h = np.load(tmp_path / "h" / "hom.npy")
    assert np.array_equal(h, plrep.hom_basis("S4", "natural", "subsets:2"))
    run(plrep_bin, "export", "S4", "--action", "natural", "--what", "hom", "--to", "subsets:2", "--format", "json", "-o", str(tmp_path / "hj"))
    doc = json.loads((tmp_path / "hj" / "hom.json").read_text())
    orbit = np.array(doc["orbit"])
    assert np.array_equal(h, np.stack([(orbit == k).astype(float) for k in range(len(h))]))


def test_decompose_cli_agrees_with_the_api(plrep_bin, tmp_path):
    a = np.random.default_rng(3).normal(size=(4, 6))
    np.save(tmp_path / "acts.npy", a)
    out = json.loads(run(plrep_bin, "decompose", "S4", "--action", "subsets:2", "--input", str(tmp_path / "acts.npy"), "--format", "json").stdout)
    d = plrep.Group("S4").module("subsets:2").decompose(a)
    assert np.allclose([r["energy"] for r in out["energy_of_row"]], d["energy"], rtol=0, atol=1e-12)
    assert np.allclose(out["totals"], list(d["totals"].values()))


@pytest.mark.parametrize(
    "array,message",
    [
        (np.zeros((2, 5)), "the array has 5 columns but |X| = 6"),
        (np.zeros((2, 6), dtype=np.int32), "the array's dtype '<i4' is not float"),
        (np.array([[1.0, np.nan, 0, 0, 0, 0]]), "row 1, column 2 is NaN"),
        (np.zeros((2, 6), dtype=np.complex128), "is not float"),
    ],
)
def test_decompose_cli_errors_exit_2(plrep_bin, tmp_path, array, message):
    np.save(tmp_path / "bad.npy", array)
    r = run(plrep_bin, "decompose", "S4", "--action", "subsets:2", "--input", str(tmp_path / "bad.npy"), check=False)
    assert r.returncode == 2 and message in r.stderr
    assert r.stderr.startswith("error: ") and r.stderr.count("\n") == 1
