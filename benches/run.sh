#!/usr/bin/env bash
# The export benchmark (benches/README.md): generates platform exports of 10^4 … 10^7 rows and
# measures, on each, a bare pass of the csv crate (the floor), `disclose validate` and
# `disclose compile`: throughput and peak memory; then startup against compiling the sample year.
#
#   bash benches/run.sh                      # all four sizes, 5 runs each
#   bash benches/run.sh --runs 3 10000 100000
#   bash benches/run.sh --frictionless       # also time frictionless (from PyPI, installed into
#                                            # a temporary virtualenv) on the 10^5-row file
#
# Generated files are kept in target/bench-data (about 1.6 GB for 10^7 rows).
set -euo pipefail
cd "$(dirname "$0")/.."
args=()
venv=""
for arg in "$@"; do
  if [ "$arg" = "--frictionless" ]; then
    venv=$(mktemp -d)
    trap 'rm -rf "$venv"' EXIT
    echo "installing frictionless into $venv …" >&2
    python3 -m venv "$venv" >&2
    "$venv/bin/pip" install --quiet frictionless >&2
    args+=(--frictionless "$venv/bin/frictionless")
  else
    args+=("$arg")
  fi
done
cargo build --release --quiet --bin disclose --example bench_tool
echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
exec target/release/examples/bench_tool run ${args[@]+"${args[@]}"}
