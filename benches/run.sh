#!/usr/bin/env bash
# The benchmark (benches/README.md): builds disclose and benches/bench_tool.rs in release mode,
# generates the inputs into target/bench-data (kept between runs: about 1.3 GB), and prints
# every figure the README reports, for this machine, today.
#
#   bash benches/run.sh             # 10^6-row exports, .xlsx at 10^4–10^6 rows, 7 rounds (about 10 minutes)
#   bash benches/run.sh --quick     # 10^5 rows, .xlsx to 10^5, for a quick look
#   bash benches/run.sh --runs 11   # more rounds
#   bash benches/run.sh --excel     # only the .xlsx rows
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin disclose --example bench_tool
echo "# disclose benchmark, $(date -u +%Y-%m-%d)"
echo
echo "machine: $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg); $(git rev-parse --short HEAD 2>/dev/null || echo 'no git')"
echo
exec target/release/examples/bench_tool run "$@"
