// SPDX-License-Identifier: MIT
// `train`: the small CNN trainer and quantization-aware training from the command line.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace ql::cli {

int trainCommand(const QStringList& args, QTextStream& out, QTextStream& err);

} // namespace ql::cli
