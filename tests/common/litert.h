// SPDX-License-Identifier: MIT
// Running the official LiteRT runtime (../shared/tools/litert-run) from tests and benchmarks.
#pragma once

#include "data/npy.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace ql::test {

QString litertRunPath();

struct LitertResult {
    bool ok = false;
    QString error;
    std::vector<data::NpyArray> outputs;
};

// The line of a litert-run --verbose log that says a kernel failed (litert-run still exits 0 then),
// or an empty string.
QString litertFailure(const QString& log);

// Runs MODEL on the given input files; outputs are read back from a temporary folder.
LitertResult runLitert(const QString& model, const QStringList& inputFiles, const QStringList& extraArgs = {});

// `litert-run MODEL --bench N`: the median in ms, or nothing when it failed.
std::optional<double> benchLitert(const QString& model, int runs, int warmup);

} // namespace ql::test
