// SPDX-License-Identifier: MIT
// Opening a model for the window (off the GUI thread): the pipeline's model source (the file, the float graph
// the analysis works on, how their operators correspond), the class names it carries and what blocks running it.
#pragma once

#include "exec/env.h"
#include "model/graph.h"
#include "pipeline/source.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace ql::app {

struct LoadedModel {
    // The file as opened and the float graph the analysis works on (pipeline/source.h); null on error. When a
    // quantized file cannot be dequantized, `work` is null and `note` says why: the table still shows the file.
    std::shared_ptr<const pipeline::ModelSource> source;
    QString error;
    // Class names from a label file the model carries (TFLite metadata's associated files) with one line per
    // element of the first output; empty when there is none.
    QStringList classNames;
    // Operators that keep QuantLens from running the file (empty: it runs).
    std::vector<exec::Blocker> blockers;
    // Operators that keep QuantLens from running what its analyses run (the float graph of a quantized file),
    // numbered as the file numbers them; the file's own blockers when that is the file.
    std::vector<exec::Blocker> runBlockers;
};

// Reads a .tflite file or a Qt resource (":/…", the bundled demo). Thread-safe; errors name the problem.
LoadedModel loadModel(const QString& path);

} // namespace ql::app
