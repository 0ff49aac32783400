#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# The Kubernetes recipe (packaging/cluster/kubernetes): the shard Job is an Indexed Job whose completions,
# parallelism and --shard I/N agree, and its pods' commands, run here as Kubernetes runs them (sh -c, with
# JOB_COMPLETION_INDEX set, the volume's /work being a temporary folder), followed by the merge Job's command,
# give what one `quantlens-cli eval` run over all samples gives (timings aside).
#   kubernetes_test.py QUANTLENS_CLI SOURCE_DIR
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

cli, src = os.path.realpath(sys.argv[1]), os.path.realpath(sys.argv[2])
folder = os.path.join(src, "packaging", "cluster", "kubernetes")
data = "/usr/share/datasets/fashion-mnist"


def load(name):
    with open(os.path.join(folder, name)) as f:
        return yaml.safe_load(f)


def container(job):
    pod = job["spec"]["template"]["spec"]
    assert pod["restartPolicy"] == "Never", "a Job's pods must not restart in place"
    (c,) = pod["containers"]
    assert c["command"] == ["/bin/sh", "-c"], c["command"]
    mounts = {m["mountPath"]: m["name"] for m in c["volumeMounts"]}
    assert mounts.get("/work") == "work", mounts
    claims = {v["name"]: v["persistentVolumeClaim"]["claimName"] for v in pod["volumes"]}
    assert claims == {"work": "quantlens-work"}, claims
    return c["args"][0]


shards_job, merge_job = load("eval-shards.yaml"), load("eval-merge.yaml")
assert shards_job["kind"] == "Job" and shards_job["apiVersion"] == "batch/v1"
spec = shards_job["spec"]
assert spec["completionMode"] == "Indexed", spec
shard_command = container(shards_job)
n = int(re.search(r'--shard "\$\{JOB_COMPLETION_INDEX\}/(\d+)"', shard_command).group(1))
assert spec["completions"] == n and spec["parallelism"] == n, (spec, n)
assert "--partial \"/work/partials/eval-${JOB_COMPLETION_INDEX}.json\"" in shard_command
merge_command = container(merge_job)
assert re.findall(r"/work/partials/eval-(\d+)\.json", merge_command)[:n] == [str(i) for i in range(n)]

with tempfile.TemporaryDirectory() as work:
    os.makedirs(os.path.join(work, "data"))
    os.symlink(os.path.join(src, "resources", "demo", "fashion_mnist_cnn.tflite"), os.path.join(work, "model.tflite"))
    for name in ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"):
        os.symlink(os.path.join(data, name), os.path.join(work, "data", name))
    subprocess.run([cli, "calibrate", os.path.join(work, "model.tflite"), "--calibration-data",
                    os.path.join(data, "train-images-idx3-ubyte.gz"), "-o", os.path.join(work, "ranges.json")],
                   check=True, stdout=subprocess.DEVNULL)
    env = dict(os.environ, PATH=os.path.dirname(cli) + os.pathsep + os.environ["PATH"])

    def run(command, **extra):
        r = subprocess.run(["/bin/sh", "-c", command.replace("/work", work)], env=dict(env, **extra),
                           capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        return r.stdout

    for i in range(n):
        run(shard_command, JOB_COMPLETION_INDEX=str(i))
    run(merge_command)
    with open(os.path.join(work, "eval.json")) as f:
        merged = json.load(f)
    # One run with the shard's options, without the sharding.
    one = shard_command.split("exec ", 1)[1]
    one = re.sub(r'--shard "\S+" --partial "\S+"', "", one) + " --json"
    single = json.loads(run(one))
    for j in (merged, single):
        j.pop("seconds")
        for m in j["modes"]:
            m.pop("latency_ms")
    assert merged["samples"] == 10000, merged["samples"]
    assert merged == single, "the merged shards differ from one run"
print(f"PASS: {n} indexed shards merged equal one run")
