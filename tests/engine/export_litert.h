// SPDX-License-Identifier: MIT
// An export checked against the official runtime (export_test, quantize_nonfinite_test): one litert-run
// call that loads, delegates, prepares and invokes it, the seeded inputs in each tensor's own dtype, an
// output element read as a number, the operators left computing in float, and what the export must keep
// of the original (signatures, metadata, associated files).
#pragma once

#include "common/crosscheck.h"

#include "data/npy.h"
#include "exec/tensor.h"
#include "model/graph.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <cstring>
#include <memory>
#include <random>
#include <vector>

namespace ql::test {

struct LitertRun {
    bool ok = false;
    QString error;
    bool fullyDelegated = false;
    std::vector<data::NpyArray> outputs;
};

// One litert-run call that loads, delegates, prepares and invokes once on the given inputs.
LitertRun runOnce(const QString& model, const QStringList& inputs, const QString& outDir);

// An integer graph in which a float operator feeds integer ones: the float operator may differ from
// LiteRT's in its last bit (summation order), which can move a downstream code by one step, and that
// step travels on. Budget relative to the largest output, measured on the corpus (export_test's issue note).
constexpr double kMixedRelTol = 0.02;

// One input in the tensor's own dtype: uniform floats in [lo, hi], quantized with the tensor's
// parameters for integer inputs.
data::NpyArray inputFor(const exec::RtTensor& t, float lo, float hi, std::mt19937& rng);

// Empty when QuantLens prepares `g` and runs it once on seeded inputs (inputFor over [lo, hi]), else why not.
QString runError(std::shared_ptr<const model::Graph> g, float lo, float hi);

// Operators computing in float in an integer export (QUANTIZE and DEQUANTIZE aside).
int floatComputeOperators(const model::Graph& g);

// Signature definitions (keys, names, and indices that point at the subgraph's own inputs and outputs
// where the original's did), metadata entries and associated files survive the export.
QString keptSignaturesAndMetadata(const model::Graph& before, const model::Graph& after);

// Subgraph 0 without its custom operators and everything computed from their outputs, for runtimes that
// lack a custom kernel (LiteRT has no Coral or MLPerf operators) or cannot hand back a shape-less output
// (detection post-processing in litert-run): the inputs those operators read become the graph's outputs.
// `cut` receives the number of operators removed. Signatures go (they name outputs no longer there).
model::Graph cutBeforeCustom(const model::Graph& g, int* cut);

} // namespace ql::test
