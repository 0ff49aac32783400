#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# An independent float evaluation of mnist_lstm_float32.tflite, checked against QuantLens.
# The model is decoded with Debian's flatc and the project's schema (not with QuantLens' reader), the
# LSTM, reshape, fully connected and softmax are written out with numpy, and the result is compared
# with `quantlens-cli run` on the same inputs.
# usage: lstm_reference.py FLATC SCHEMA MODEL QUANTLENS_CLI WORKDIR
import json, subprocess, sys, os
import numpy as np

flatc, schema, model, cli, work = sys.argv[1:6]
os.makedirs(work, exist_ok=True)
subprocess.run([flatc, "--json", "--strict-json", "--raw-binary", "--defaults-json", "-o", work, schema, "--", model],
               check=True)
m = json.load(open(os.path.join(work, os.path.splitext(os.path.basename(model))[0] + ".json")))
sg = m["subgraphs"][0]
tensors, buffers = sg["tensors"], m["buffers"]
codes = [c["builtin_code"] for c in m["operator_codes"]]  # flatc prints enum names

def const(i):
    t = tensors[i]
    data = bytes(buffers[t["buffer"]].get("data", []))
    return np.frombuffer(data, dtype=np.float32).reshape(t["shape"])

ops = sg["operators"]
lstm = ops[0]
ins = lstm["inputs"]
W = [const(ins[k]) for k in range(1, 9)]           # input/recurrent weights for i, f, c, o
bias = [const(ins[k]) for k in range(12, 16)]
assert ins[9] == ins[10] == ins[11] == -1 and ins[16] == ins[17] == -1, "peepholes/projection not expected"

def sigmoid(v):
    return 1.0 / (1.0 + np.exp(-v))

def evaluate(x):
    n_cell = W[0].shape[0]
    h = np.zeros(n_cell, np.float32); c = np.zeros(n_cell, np.float32)
    steps = []
    for t in range(x.shape[1]):
        xt = x[0, t]
        i = sigmoid(W[0] @ xt + W[4] @ h + bias[0])
        f = sigmoid(W[1] @ xt + W[5] @ h + bias[1])
        g = np.tanh(W[2] @ xt + W[6] @ h + bias[2])
        o = sigmoid(W[3] @ xt + W[7] @ h + bias[3])
        c = f * c + i * g
        h = o * np.tanh(c)
        steps.append(h)
    # RESHAPE flattens the whole output sequence, then FULLY_CONNECTED and SOFTMAX.
    h = np.concatenate(steps)
    fc = [op for op in ops if codes[op.get("opcode_index", 0)] == "FULLY_CONNECTED"][0]
    wfc = const(fc["inputs"][1]); bfc = const(fc["inputs"][2])
    logits = wfc @ h + bfc
    e = np.exp(logits - logits.max())
    return e / e.sum()

rng = np.random.default_rng(7)
worst = 0.0
for k in range(5):
    x = rng.uniform(0, 1, (1, 28, 28)).astype(np.float32)
    np.save(os.path.join(work, "x.npy"), x)
    subprocess.run([cli, "run", model, "--input", os.path.join(work, "x.npy"), "--output-dir", work], check=True,
                   stdout=subprocess.DEVNULL)
    ours = np.load(os.path.join(work, "out0.npy"))[0]
    ref = evaluate(x.astype(np.float64)).astype(np.float32)
    worst = max(worst, float(np.abs(ours - ref).max()))
print(f"max |QuantLens - numpy| over 5 inputs: {worst:.3g}")
if worst > 1e-5:
    print("FAIL: the LSTM output differs from the straightforward evaluation")
    sys.exit(1)
print("1 passed, 0 failed")
