#!/usr/bin/env bash
# The Python package's CI (called by .ci/run after `cargo test --release`): a fresh venv,
# maturin, numpy and pytest from PyPI, `pip install ./python`, then pytest (which also runs
# docs/python.md and checks the CLI's exports, so the release binary is built first).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
venv="${PLREP_VENV:-$(mktemp -d /tmp/plrep-venv.XXXXXX)}"
start=$(date +%s)
python3 -m venv "$venv"
# maturin runs as a subprocess of pip: the venv's bin must be on PATH.
export PATH="$venv/bin:$PATH"
pip install --quiet maturin numpy pytest
deps=$(date +%s)
cargo build --release --quiet
pip install --quiet --no-build-isolation ./python
built=$(date +%s)
echo "python: venv and PyPI packages $((deps - start)) s, extension build $((built - deps)) s"
cd "$root/python/tests"
# pytest last, so that its summary closes the CI log.
PLREP_BIN="$root/target/release/plrep" exec python -m pytest -q .
