// SPDX-License-Identifier: MIT
// `calibrate`: the activation ranges of a model, once, as a file (data/ranges_file.h) that --ranges FILE of the
// other commands reads instead of calibrating again, on this machine or on every node of a cluster.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace ql::cli {

int calibrateCommand(const QStringList& args, QTextStream& out, QTextStream& err);

} // namespace ql::cli
