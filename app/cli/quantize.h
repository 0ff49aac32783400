// SPDX-License-Identifier: MIT
// `quantize`: post-training quantization from the command line.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace ql::cli {

int quantizeCommand(const QStringList& args, QTextStream& out, QTextStream& err);

} // namespace ql::cli
