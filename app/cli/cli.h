// SPDX-License-Identifier: MIT
// quantlens-cli: every command as a function over arguments and two streams, so tests can run it
// in-process as well as through the binary.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace ql::cli {

enum ExitCode { Ok = 0, Failed = 1, Usage = 2 };

// args excludes the program name: {"info", "model.tflite", "--json"}.
int run(const QStringList& args, QTextStream& out, QTextStream& err);

} // namespace ql::cli
