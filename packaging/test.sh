#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Sets up, builds and runs the whole test suite. Usage: packaging/test.sh [PRESET]
# PRESET: dev (default; warnings as errors) or asan (AddressSanitizer + UndefinedBehaviorSanitizer).
set -euo pipefail
preset=${1:-dev}
cd "$(dirname "$0")/.."
bash packaging/setup.sh
if [ ! -d ../shared/models ]; then
  echo "test: ../shared/models is missing; the tests read the real models from there" >&2
  exit 1
fi
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
ctest --preset "$preset"
