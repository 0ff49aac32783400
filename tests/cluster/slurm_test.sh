#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The cluster recipe on a real Slurm: starts a single-node cluster (slurm_cluster.sh), calibrates the demo model
# once, submits a 4-shard evaluation of it on the 10,000 Fashion-MNIST test images, a 4-shard sensitivity run and a
# 4-shard activation analysis with packaging/cluster/slurm/submit.sh, and compares the merged results with one quantlens-cli run each: equal in
# every reported number (timings aside). Then: a shard that fails (a damaged image in its share) makes the merge
# fail naming it, and partials of the repaired data set do not merge with the old ones; a shard lost once (a node
# failure) is re-run alone (--only) and completes the run.
#   slurm_test.sh QUANTLENS_CLI SOURCE_DIR
# Exit 77 (skipped) without root or without slurm-wlm and munge, unless QL_REQUIRE_SLURM=1 (CI), where that fails.
set -euo pipefail
cli=$(realpath "$1")
src=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=slurm_cluster.sh
source "$here/slurm_cluster.sh"

skip() {
  if [ "${QL_REQUIRE_SLURM:-0}" = 1 ]; then
    echo "FAIL: $1 (QL_REQUIRE_SLURM=1)" >&2
    exit 1
  fi
  echo "SKIP: $1" >&2
  exit 77
}
[ "$(id -u)" = 0 ] || skip "a private Slurm cluster needs root (slurmd starts the jobs)"
if missing=$(slurm_missing); then skip "$missing is not installed (packaging/setup.sh installs slurm-wlm and munge)"; fi

data=/usr/share/datasets/fashion-mnist
model=$src/resources/demo/fashion_mnist_cnn.tflite
submit=$src/packaging/cluster/slurm/submit.sh
export QUANTLENS_CLI=$cli

trap 'status=$?; [ $status -eq 0 ] || SLURM_KEEP=1; slurm_stop; exit $status' EXIT
slurm_start
work=$SLURM_BASE/work
mkdir -p "$work"
echo "cluster up in $SLURM_BASE"

# Equal JSON, timings aside (seconds, latency) and the shards' run fingerprint.
same() {
  python3 - "$1" "$2" << 'PY'
import json, sys
def strip(path):
    with open(path) as f:
        j = json.load(f)
    for key in ("seconds", "run", "weight_analysis_ms", "activation_analysis_ms"):
        j.pop(key, None)
    for m in j.get("modes", []):
        m.pop("latency_ms", None)
    return j
a, b = strip(sys.argv[1]), strip(sys.argv[2])
if a != b:
    for key in sorted(set(a) | set(b)):
        if a.get(key) != b.get(key):
            print(f"differs in {key}:\n  one run: {a.get(key)}\n  merged:  {b.get(key)}", file=sys.stderr)
    sys.exit(1)
PY
}

"$cli" calibrate "$model" --calibration-data "$data/train-images-idx3-ubyte.gz" --samples 500 -o "$work/ranges.json"

echo "== evaluation: one run, then 4 shards on Slurm"
eval_args=(eval "$model" --data "$data/t10k-images-idx3-ubyte.gz" --labels "$data/t10k-labels-idx1-ubyte.gz"
  --ranges "$work/ranges.json" --modes float32,float16,dynamic,int8,16x8,w2 --latency-runs 1)
"$cli" "${eval_args[@]}" --json > "$work/one-eval.json"
bash "$submit" --shards 4 --out "$work/eval" --wait -- "${eval_args[@]}"
same "$work/one-eval.json" "$work/eval/eval.json"
python3 - "$work/eval/eval.json" << 'PY'
import json, sys
j = json.load(open(sys.argv[1]))
assert j["samples"] == 10000, j["samples"]
assert [m["mode"] for m in j["modes"]] == ["float32", "float16", "dynamic", "int8", "16x8", "w2"]
assert j["modes"][-1]["collapse"], "the 2-bit mode collapses and the merged run says so"
PY
echo "merged evaluation equals one run"

echo "== sensitivity: one run, then 4 ranking and 4 selection shards on Slurm"
sens_args=(sensitivity "$model" --data "$data/t10k-images-idx3-ubyte.gz" --ranges "$work/ranges.json"
  --mode int8 --per-tensor --budget 0)
"$cli" "${sens_args[@]}" --json > "$work/one-sensitivity.json"
bash "$submit" --shards 4 --out "$work/sensitivity" --wait -- "${sens_args[@]}"
same "$work/one-sensitivity.json" "$work/sensitivity/sensitivity.json"
python3 - "$work/sensitivity/sensitivity.json" << 'PY'
import json, sys
j = json.load(open(sys.argv[1]))
assert j["samples"] == 10000 and j["complete"], j
assert j["keep_float"], "the selection stage had layers to measure"
PY
echo "merged sensitivity equals one run"

echo "== activation analysis: one run, then 4 shards on Slurm"
analyze_args=(analyze "$model" --mode int8 --data "$data/t10k-images-idx3-ubyte.gz" --analysis-samples 1000
  --ranges "$work/ranges.json")
"$cli" "${analyze_args[@]}" --json > "$work/one-analyze.json"
bash "$submit" --shards 4 --out "$work/analyze" --wait -- "${analyze_args[@]}"
same "$work/one-analyze.json" "$work/analyze/analyze.json"
echo "merged activation analysis equals one run"

echo "== a shard that fails: the merge names it; running it again alone completes the run"
# 40 images, one of them damaged in shard 2's share (images 20..29): shards 0, 1 and 3 never read it.
python3 - "$work/images" << 'PY'
import os, sys
folder = sys.argv[1]
os.makedirs(folder)
for i in range(40):
    with open(os.path.join(folder, f"img{i:02d}.pgm"), "wb") as f:
        f.write(b"P5\n28 28\n255\n")
        f.write(b"damaged" if i == 25 else bytes((k * (i + 3)) % 251 for k in range(28 * 28)))
PY
folder_args=(eval "$model" --data "$work/images" --ranges "$work/ranges.json" --modes float32,int8 --latency-runs 1)
if bash "$submit" --shards 4 --out "$work/failing" --wait -- "${folder_args[@]}"; then
  echo "FAIL: the merge succeeded although shard 2 failed" >&2
  exit 1
fi
grep -q "img25.pgm" "$work/failing/logs/eval-2.log" ||
  { echo "FAIL: shard 2's log does not name the damaged image:" >&2; cat "$work/failing/logs/eval-2.log" >&2; exit 1; }
grep -q "shard 2/4 is missing" "$work/failing/logs/merge-eval.log" ||
  { echo "FAIL: the merge's log does not name shard 2:" >&2; cat "$work/failing/logs/merge-eval.log" >&2; exit 1; }
[ ! -e "$work/failing/eval.json" ] || { echo "FAIL: a failed merge left a result" >&2; exit 1; }
# Repairing the image changes the data set: the old shards' partials no longer merge with a new one.
cp "$work/images/img24.pgm" "$work/images/img25.pgm"
if bash "$submit" --shards 4 --out "$work/failing" --only 2 --wait -- "${folder_args[@]}"; then
  echo "FAIL: partials of two different data sets were merged" >&2
  exit 1
fi
grep -q "comes from another run" "$work/failing/logs/merge-eval.log" ||
  { echo "FAIL: the merge's log does not say the shards are of different runs:" >&2; cat "$work/failing/logs/merge-eval.log" >&2; exit 1; }
bash "$submit" --shards 4 --out "$work/failing" --wait -- "${folder_args[@]}"
"$cli" "${folder_args[@]}" --json > "$work/one-folder.json"
same "$work/one-folder.json" "$work/failing/eval.json"

echo "== a shard lost on the way (its node failed): re-running it alone completes the run"
cat > "$work/lose-shard-1.sh" << WRAP
#!/usr/bin/env bash
if [ "\${SLURM_ARRAY_TASK_ID:-}" = 1 ] && mkdir "$work/lost-once" 2> /dev/null; then
  echo "simulated node failure" >&2
  exit 1
fi
exec "$cli" "\$@"
WRAP
chmod +x "$work/lose-shard-1.sh"
if QUANTLENS_CLI=$work/lose-shard-1.sh bash "$submit" --shards 4 --out "$work/lost" --wait -- "${eval_args[@]}"; then
  echo "FAIL: the merge succeeded without shard 1" >&2
  exit 1
fi
grep -q "shard 1/4 is missing" "$work/lost/logs/merge-eval.log" ||
  { echo "FAIL: the merge's log does not name shard 1:" >&2; cat "$work/lost/logs/merge-eval.log" >&2; exit 1; }
QUANTLENS_CLI=$work/lose-shard-1.sh bash "$submit" --shards 4 --out "$work/lost" --only 1 --wait -- "${eval_args[@]}"
same "$work/one-eval.json" "$work/lost/eval.json"
echo "PASS"
