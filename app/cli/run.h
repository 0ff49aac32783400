// SPDX-License-Identifier: MIT
// `run` and `bench`: the interpreter from the command line.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace ql::cli {

int runCommand(const QStringList& args, QTextStream& out, QTextStream& err);
int benchCommand(const QStringList& args, QTextStream& out, QTextStream& err);

} // namespace ql::cli
