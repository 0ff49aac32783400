#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the libFuzzer targets (the model reader; reader + interpreter) and runs each for a bounded
# time, seeded with the shared real models. Usage: packaging/fuzz.sh [SECONDS]   (default 60, each)
set -euo pipefail
seconds=${1:-60}
cd "$(dirname "$0")/.."
bash packaging/setup.sh
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target reader_fuzz interpreter_fuzz

corpus=build/fuzz/corpus
mkdir -p "$corpus" build/fuzz/crashes
# Seeds: the shared models up to 300 KB (larger ones slow every run down without adding structure).
find ../shared/models -name '*.tflite' -size -300k -exec cp -n {} "$corpus"/ \;
# and the models of several subgraphs, variables, sparse constants and recurrent operators the tests
# build, when the test build is there (CI builds it first).
for seeder in subgraphs_test sparse_constants_test batch_resize_test rnn_test svdf_test; do
  if [ -x build/dev/tests/$seeder ]; then
    QL_FUZZ_SEEDS="$PWD/$corpus" build/dev/tests/$seeder >/dev/null 2>&1 || echo "fuzz: $seeder failed; seeds may be missing" >&2
  fi
done
for target in reader_fuzz interpreter_fuzz; do
  echo "fuzz: running $target for ${seconds}s on $(ls "$corpus" | wc -l) inputs" >&2
  set +e
  UBSAN_OPTIONS="suppressions=$PWD/tests/fuzz/ubsan.supp:halt_on_error=1:print_stacktrace=1" \
  build/fuzz/tests/fuzz/$target "$corpus" -max_total_time="$seconds" -max_len=400000 -timeout=20 \
    -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix=build/fuzz/crashes/ >"build/fuzz/$target.log" 2>&1
  status=$?
  set -e
  tail -n 8 "build/fuzz/$target.log"
  if [ "$status" -ne 0 ]; then
    # The sanitizer's report (what failed, where), not just libFuzzer's closing statistics.
    grep -m1 -A30 -E "ERROR: |runtime error|==ABORTING|deadly signal" "build/fuzz/$target.log" >&2 || true
    echo "fuzz: $target FAILED (exit $status); the input that failed is in build/fuzz/crashes/" >&2
    exit "$status"
  fi
done
echo "fuzz: no crash, no sanitizer report" >&2
