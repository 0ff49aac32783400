// SPDX-License-Identifier: MIT
// `info`: a model's facts as JSON (documented in docs/cli-json.md) or as a readable table.
#pragma once

#include "model/graph.h"

#include <QJsonObject>
#include <QString>

namespace ql::cli {

QJsonObject modelInfoJson(const model::Graph& g, const QString& path);
QString modelInfoTable(const model::Graph& g, const QString& path);

} // namespace ql::cli
