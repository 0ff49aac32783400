// SPDX-License-Identifier: MIT
// `analyze`: per-layer weight (and activation) quantization error from the command line.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace ql::cli {

int analyzeCommand(const QStringList& args, QTextStream& out, QTextStream& err);

} // namespace ql::cli
