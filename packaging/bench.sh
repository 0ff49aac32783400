#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the release preset and prints QuantLens vs LiteRT latency per model (same run, ratios).
# Usage: packaging/bench.sh [--runs N] [--threads T] [--filter SUBSTRING]
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target quantlens_bench quantlens-cli
build/release/bench/quantlens_bench "$@"
