#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# An independent float evaluation of mnist_lstm_float32.tflite / mnist_lstm_int8.tflite and of
# wild/micro_speech_lstm_int8.tflite (variable state tensors, cell clip; LiteRT refuses it), checked
# against QuantLens. The model is decoded with Debian's flatc and the project's schema (not with
# QuantLens' reader), the LSTM, reshape, fully connected and softmax are written out with numpy, and
# the result is compared with `quantlens-cli run` on the same inputs.
# For the int8 model, numpy evaluates the dequantized weights ((q - zp) * scale) in float on the
# dequantized input; QuantLens runs the integer arithmetic. The LSTM's hidden sequence and the class
# probabilities must agree within a few quantization steps (no runtime we can run executes an
# integer LSTM, so this is the independent check).
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

DTYPES = {"FLOAT32": np.float32, "INT8": np.int8, "INT16": np.int16, "INT32": np.int32}

def qparams(t):
    q = t.get("quantization") or {}
    return (q.get("scale") or [1.0])[0], (q.get("zero_point") or [0])[0]

def const(i):
    """A constant, dequantized to float64 when it is quantized."""
    t = tensors[i]
    data = bytes(buffers[t["buffer"]].get("data", []))
    v = np.frombuffer(data, dtype=DTYPES[t.get("type", "FLOAT32")]).reshape(t["shape"])
    if v.dtype == np.float32:
        return v.astype(np.float64)
    s, z = qparams(t)
    return (v.astype(np.float64) - z) * s

ops = sg["operators"]
lstm = ops[0]
ins = lstm["inputs"]
W = [const(ins[k]) for k in range(1, 9)]           # input/recurrent weights for i, f, c, o
bias = [const(ins[k]) for k in range(12, 16)]
assert ins[9] == ins[10] == ins[11] == -1 and ins[16] == ins[17] == -1, "peepholes/projection not expected"

cell_clip = float((lstm.get("builtin_options") or {}).get("cell_clip", 0.0))

def sigmoid(v):
    return 1.0 / (1.0 + np.exp(-v))

def evaluate(x, want_hidden=False):
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
        if cell_clip > 0:
            c = np.clip(c, -cell_clip, cell_clip)
        h = o * np.tanh(c)
        steps.append(h)
    # RESHAPE flattens the whole output sequence, then FULLY_CONNECTED and SOFTMAX.
    seq = np.stack(steps)
    h = np.concatenate(steps)
    fc = [op for op in ops if codes[op.get("opcode_index", 0)] == "FULLY_CONNECTED"][0]
    wfc = const(fc["inputs"][1]); bfc = const(fc["inputs"][2])
    logits = wfc @ h + bfc
    e = np.exp(logits - logits.max())
    return (e / e.sum(), seq) if want_hidden else e / e.sum()

in_t = tensors[sg["inputs"][0]]
integer = in_t.get("type", "FLOAT32") == "INT8"
rng = np.random.default_rng(7)

shape = tuple(in_t["shape"])

def sample():
    # Sparse inputs in [0, 1]: mostly background, some bright strokes (MNIST rows, spectrogram frames).
    x = rng.uniform(0, 1, shape) * (rng.uniform(0, 1, shape) < 0.25)
    return x.astype(np.float32)

def run_ours(x):
    np.save(os.path.join(work, "x.npy"), x)
    subprocess.run([cli, "run", model, "--input", os.path.join(work, "x.npy"), "--output-dir", work,
                    "--dump-intermediates"], check=True, stdout=subprocess.DEVNULL)
    return np.load(os.path.join(work, "out0.npy"))[0]

if not integer:
    worst = 0.0
    for k in range(5):
        x = rng.uniform(0, 1, shape).astype(np.float32)
        ours = run_ours(x)
        ref = evaluate(x.astype(np.float64)).astype(np.float32)
        worst = max(worst, float(np.abs(ours - ref).max()))
    print(f"max |QuantLens - numpy| over 5 inputs: {worst:.3g}")
    if worst > 1e-5:
        print("FAIL: the LSTM output differs from the straightforward evaluation")
        sys.exit(1)
    print("1 passed, 0 failed")
    sys.exit(0)

s_in, z_in = qparams(in_t)
out_t = tensors[sg["outputs"][0]]
s_out, z_out = qparams(out_t)
lstm_out = tensors[lstm["outputs"][0]]
s_h, z_h = qparams(lstm_out)
worst_h = worst_p = 0.0
same_top1 = 0
n = 20
# The input's own range, sparsely filled (for an input scaled to [0, 1] that is sample() itself).
lo, hi = (-128 - z_in) * s_in, (127 - z_in) * s_in
for k in range(n):
    xf = lo + sample() * (min(hi, 1.0) - lo) if hi <= 1.0 else sample() * hi
    xq = np.clip(np.round(xf / s_in) + z_in, -128, 127).astype(np.int8)
    ours = (run_ours(xq).astype(np.float64) - z_out) * s_out
    hidden = np.load(os.path.join(work, "intermediates", f"t{lstm['outputs'][0]}.npy"))[0]
    hidden = (hidden.astype(np.float64) - z_h) * s_h
    ref, seq = evaluate((xq.astype(np.float64) - z_in) * s_in, want_hidden=True)
    worst_h = max(worst_h, float(np.abs(hidden - seq).max()) / s_h)
    worst_p = max(worst_p, float(np.abs(ours - ref).max()))
    same_top1 += int(np.argmax(ours) == np.argmax(ref))
print(f"int8 LSTM over {n} inputs: hidden sequence max error {worst_h:.2f} steps of {s_h:.4g}; "
      f"probabilities max |QuantLens - numpy| {worst_p:.4f}; same top-1 {same_top1}/{n}")
# Tolerances: mnist_lstm (28 steps) measured 2.9 steps, 0.021 and 20/20; micro_speech_lstm (49 steps,
# cell clip 10) 7.0 steps, 0.038 and 19/20, the error growing by about a step every 15 time steps as
# the rounding of the int16 cell state accumulates (docs/arithmetic.md). The hidden-state budget grows
# with the square root of the sequence length; a wrong gate order or state scale is off by well over a
# hundred steps.
steps_budget = 6.0 * max(1.0, (shape[1] / 28.0) ** 0.5)
if worst_h > steps_budget or worst_p > 0.05 or same_top1 < n - 1:
    print("FAIL: the integer LSTM is further from the float evaluation than quantization explains")
    sys.exit(1)
print("1 passed, 0 failed")
