// SPDX-License-Identifier: MIT
// `report`: one self-contained HTML report of a model in every mode over a data set (app/report).
#pragma once

#include <QStringList>
#include <QTextStream>

namespace ql::cli {

int reportCommand(const QStringList& args, QTextStream& out, QTextStream& err);

} // namespace ql::cli
