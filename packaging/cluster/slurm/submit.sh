#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Submits a QuantLens evaluation, activation analysis or sensitivity run to Slurm as a job array of shards plus a
# dependent merge:
#
#   submit.sh --shards N --out DIR [--only LIST] [--wait] [--sbatch "OPTIONS"] -- eval MODEL --data ... [options]
#   submit.sh --shards N --out DIR [--only LIST] [--wait] [--sbatch "OPTIONS"] -- sensitivity MODEL --mode ... --data ...
#   submit.sh --shards N --out DIR [--only LIST] [--wait] [--sbatch "OPTIONS"] -- analyze MODEL --mode ... --data ...
#
# eval:        an array of N shards (eval-I.json) -> merge -> DIR/eval.json and DIR/eval.txt
# analyze:     the same for the activation analysis (analyze-I.json) -> DIR/analyze.json and DIR/analyze.txt
# sensitivity: an array of N ranking shards (rank-I.json) -> merge -> DIR/ranking.json
#              -> an array of N selection shards (select-I.json) -> merge -> DIR/sensitivity.json, .txt
# Every step waits for the one before (sbatch --dependency). The merged result equals one `quantlens-cli eval`,
# `analyze` or `sensitivity` run over all samples, bit for bit. Calibrate once beforehand and pass the ranges
# (quantlens-cli calibrate MODEL --calibration-data DATA -o ranges.json, then --ranges ranges.json), so every
# shard uses the same ranges without calibrating again.
#
#   --only LIST    submit only these shards (e.g. 2 or 1,3) and the merge: re-runs the shards that failed; the
#                  partial results of the others stay in DIR
#   --wait         return when the final merge has finished, with its exit status
#   --sbatch "..." more sbatch options for every job (partition, account, time limit, --cpus-per-task, ...)
# DIR must be a folder that every node sees. The quantlens-cli the jobs run is QUANTLENS_CLI, else the one on
# PATH. Prints the job ids, the last line being the final merge's.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

usage() {
  awk 'NR > 2 && /^#/ { sub(/^# ?/, ""); print; next } NR > 2 { exit }' "$0" >&2
  exit 2
}

shards="" out="" only="" wait=0 sbatch_extra=""
while [ $# -gt 0 ]; do
  case "$1" in
    --shards) shards=${2:-}; shift 2 ;;
    --out) out=${2:-}; shift 2 ;;
    --only) only=${2:-}; shift 2 ;;
    --wait) wait=1; shift ;;
    --sbatch) sbatch_extra=${2:-}; shift 2 ;;
    --) shift; break ;;
    -h|--help) usage ;;
    *) echo "submit.sh: unknown option '$1'" >&2; usage ;;
  esac
done
[ $# -ge 2 ] || { echo "submit.sh: give the quantlens-cli command after --: eval, analyze or sensitivity MODEL ..." >&2; usage; }
command=$1
case "$command" in
  eval|analyze|sensitivity) ;;
  *) echo "submit.sh: the command must be eval, analyze or sensitivity, got '$command'" >&2; exit 2 ;;
esac
for a in "$@"; do
  case "$a" in
    --shard|--partial|--ranking) echo "submit.sh: $a is set for each shard by the job array; leave it out" >&2; exit 2 ;;
  esac
done
[[ "$shards" =~ ^[1-9][0-9]*$ ]] || { echo "submit.sh: --shards takes a positive number, got '$shards'" >&2; exit 2; }
[ -n "$out" ] || { echo "submit.sh: --out DIR is needed (a folder every node sees)" >&2; exit 2; }
tasks="0-$((shards - 1))"
if [ -n "$only" ]; then
  [[ "$only" =~ ^[0-9]+(,[0-9]+)*$ ]] || { echo "submit.sh: --only takes shard numbers like 2 or 1,3, got '$only'" >&2; exit 2; }
  for i in ${only//,/ }; do
    [ "$i" -lt "$shards" ] || { echo "submit.sh: shard $i does not exist (0..$((shards - 1)))" >&2; exit 2; }
  done
  tasks=$only
fi
command -v sbatch > /dev/null || { echo "submit.sh: sbatch not found: is this a Slurm login node?" >&2; exit 1; }
mkdir -p "$out/logs"
out=$(cd "$out" && pwd)
# A shard's partial from an earlier submission is replaced, never merged by mistake.
stages=$command
[ "$command" = sensitivity ] && stages="rank select"
for stage in $stages; do
  if [ -z "$only" ] || [ "$stage" = select ]; then # the selection follows the new ranking: all of it again
    for ((k = 0; k < shards; ++k)); do rm -f "$out/$stage-$k.json"; done
  else
    for i in ${only//,/ }; do rm -f "$out/$stage-$i.json"; done
  fi
done
rm -f "$out/eval.json" "$out/analyze.json" "$out/ranking.json" "$out/sensitivity.json"

export QL_SHARDS=$shards QL_OUT=$out
export QUANTLENS_CLI=${QUANTLENS_CLI:-quantlens-cli}
# shellcheck disable=SC2086 # the extra sbatch options are words on purpose
submit() { sbatch --parsable --export=ALL $sbatch_extra "$@"; }
wait_flag=()

if [ "$command" != sensitivity ]; then
  shards_job=$(QL_STAGE=$command submit --array="$tasks" --job-name="quantlens-$command" \
    -o "$out/logs/$command-%a.log" "$here/quantlens-shard.sbatch" "$@")
  echo "$command shards: job $shards_job (array $tasks of $shards)"
  [ $wait = 1 ] && wait_flag=(--wait)
  set +e
  merge_job=$(QL_STAGES=$command QL_NAME=$command submit "${wait_flag[@]}" --dependency=afterany:"$shards_job" \
    --job-name=quantlens-merge -o "$out/logs/merge-$command.log" "$here/quantlens-merge.sbatch")
  status=$?
  set -e
  echo "merge: job ${merge_job%%;*} -> $out/$command.json"
  exit $status
fi

rank_job=$(QL_STAGE=rank submit --array="$tasks" --job-name=quantlens-rank \
  -o "$out/logs/rank-%a.log" "$here/quantlens-shard.sbatch" "$@")
echo "ranking shards: job $rank_job (array $tasks of $shards)"
ranking_job=$(QL_STAGES=rank QL_NAME=ranking submit --dependency=afterany:"$rank_job" \
  --job-name=quantlens-merge -o "$out/logs/merge-ranking.log" "$here/quantlens-merge.sbatch")
echo "ranking merge: job $ranking_job -> $out/ranking.json"
# afterany, not afterok: when the ranking merge fails, the selection shards say so and the final merge fails too,
# instead of waiting forever for a dependency that can no longer be met.
select_job=$(QL_STAGE=select submit --array="0-$((shards - 1))" --dependency=afterany:"$ranking_job" \
  --job-name=quantlens-select -o "$out/logs/select-%a.log" "$here/quantlens-shard.sbatch" "$@")
echo "selection shards: job $select_job (array 0-$((shards - 1)), after the ranking merge)"
[ $wait = 1 ] && wait_flag=(--wait)
set +e
final_job=$(QL_STAGES="rank select" QL_NAME=sensitivity submit "${wait_flag[@]}" \
  --dependency=afterany:"$select_job" --job-name=quantlens-merge -o "$out/logs/merge-sensitivity.log" \
  "$here/quantlens-merge.sbatch")
status=$?
set -e
echo "merge: job ${final_job%%;*} -> $out/sensitivity.json"
exit $status
