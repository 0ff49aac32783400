// SPDX-License-Identifier: MIT
// `sensitivity`: which layers to keep in float, measured per layer.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace ql::cli {

int sensitivityCommand(const QStringList& args, QTextStream& out, QTextStream& err);

} // namespace ql::cli
