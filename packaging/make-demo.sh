#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Regenerates the bundled demo in resources/demo/ from the Debian package dataset-fashion-mnist:
#   - fashion_mnist_cnn.tflite: the classic CNN trained by QuantLens' own trainer (5 epochs, seed 1, the
#     60000 training images; float32, input 1x28x28 pixels/255, output 10 probabilities);
#   - fashion-mnist-sample-{images-idx3,labels-idx1}-ubyte.gz: the first 300 images of the test set
#     (never used in training), for the app's first launch.
# Usage: bash packaging/make-demo.sh [path/to/quantlens-cli]   (default: the release build)
# The weights are identical for the same seed and build; another compiler or optimization level may
# round differently (the accuracy stays the same to within a few tenths of a percent).
set -euo pipefail
cd "$(dirname "$0")/.."
cli=${1:-build/release/app/quantlens-cli}
data=/usr/share/datasets/fashion-mnist
out=resources/demo
mkdir -p "$out"
"$cli" train --data "$data/train-images-idx3-ubyte.gz" --labels "$data/train-labels-idx1-ubyte.gz" \
  --test-data "$data/t10k-images-idx3-ubyte.gz" --test-labels "$data/t10k-labels-idx1-ubyte.gz" \
  --epochs 5 --seed 1 -o "$out/fashion_mnist_cnn.tflite"
/usr/bin/python3 - "$data" "$out" 300 <<'PY'
import gzip, struct, sys
data, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
def head(src, dst, header, item):
    raw = gzip.open(f"{data}/{src}").read()
    dims = list(struct.unpack(">" + "I" * (header // 4 - 1), raw[4:header]))
    dims[0] = n
    body = raw[:4] + struct.pack(">" + "I" * len(dims), *dims) + raw[header:header + n * item]
    with open(f"{out}/{dst}", "wb") as f, gzip.GzipFile(fileobj=f, mode="wb", mtime=0, filename="") as g:
        g.write(body)
head("t10k-images-idx3-ubyte.gz", "fashion-mnist-sample-images-idx3-ubyte.gz", 16, 784)
head("t10k-labels-idx1-ubyte.gz", "fashion-mnist-sample-labels-idx1-ubyte.gz", 8, 1)
PY
ls -l "$out"
