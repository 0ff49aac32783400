// SPDX-License-Identifier: MIT
// `eval`: accuracy, agreement, KL, size and latency of several modes on a data set.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace ql::cli {

int evalCommand(const QStringList& args, QTextStream& out, QTextStream& err);

} // namespace ql::cli
