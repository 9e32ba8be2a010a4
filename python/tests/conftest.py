"""Shared helpers: the plrep binary (for the CLI export tests) and exact-value parsing."""

import cmath
import os
import pathlib
import shutil

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def plrep_bin():
    """The command-line binary: $PLREP_BIN, else target/release/plrep of this checkout
    (python/ci.sh builds it before running pytest)."""
    path = os.environ.get("PLREP_BIN") or str(REPO / "target" / "release" / "plrep")
    if not os.path.exists(path):
        found = shutil.which("plrep")
        if found is None:
            pytest.fail(f"plrep binary not found at {path}: run cargo build --release or set PLREP_BIN")
        path = found
    return path


def exact_value(text):
    """A GAP cyclotomic string (``-1/5*E(5)^2+3/10*E(5)``, ``1/3``) as a Python complex."""
    return complex(eval(text.replace("^", "**"), {"__builtins__": {}}, {"E": lambda n: cmath.exp(2j * cmath.pi / n)}))
