// SPDX-License-Identifier: MIT
// `diff`: two models operator by operator (eval/diff.h), as a readable list or JSON.
#pragma once

#include "eval/diff.h"

#include <QJsonObject>
#include <QStringList>
#include <QTextStream>

namespace ql::cli {

int diffCommand(const QStringList& args, QTextStream& out, QTextStream& err);
// The JSON of a diff (documented in docs/cli-json.md); `all`: unchanged matches too.
QJsonObject diffJson(const eval::ModelDiff& d, const model::Graph& a, const model::Graph& b, bool all);

} // namespace ql::cli
