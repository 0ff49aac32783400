// SPDX-License-Identifier: MIT
// Opening a model for the window (off the GUI thread): the file as it is, the float graph the analysis works
// on (a quantized file dequantized) and how their operators correspond.
#pragma once

#include "exec/env.h"
#include "model/graph.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace ql::app {

struct LoadedModel {
    std::shared_ptr<const model::Graph> graph; // the file as opened; null on error
    std::shared_ptr<const model::Graph> floatGraph; // what the analysis works on
    QString error;
    std::vector<int> toOriginal; // operator of floatGraph -> operator of graph (-1: none)
    // Class names from a label file the model carries (TFLite metadata's associated files) with one line per
    // element of the first output; empty when there is none.
    QStringList classNames;
    // Operators that keep QuantLens from running the file (empty: it runs).
    std::vector<exec::Blocker> blockers;
};

// Reads a .tflite file or a Qt resource (":/…", the bundled demo). Thread-safe; errors name the problem.
LoadedModel loadModel(const QString& path);

// Dequantizing drops QUANTIZE / DEQUANTIZE operators (and rewires around them), so the two graphs number
// their operators differently. It keeps the order of everything else: the k-th operator of a type in one
// graph is the k-th of that type in the other. Returns dequantized operator -> original operator (-1: none).
std::vector<int> mapOperators(const model::Graph& original, const model::Graph& dequantized);

} // namespace ql::app
