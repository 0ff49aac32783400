// SPDX-License-Identifier: MIT
// `info`: a model's facts as JSON (documented in docs/cli-json.md) or as a readable table.
#pragma once

#include "model/graph.h"
#include "target/profile.h"

#include <QJsonObject>
#include <QString>

namespace ql::cli {

QJsonObject modelInfoJson(const model::Graph& g, const QString& path);
QString modelInfoTable(const model::Graph& g, const QString& path);
// The model checked against a deployment target (target/profile.h): whether it runs there, each finding, RAM
// and flash.
QJsonObject targetCheckJson(const model::Graph& g, const target::Profile& profile, std::int64_t fileBytes);
QString targetCheckText(const model::Graph& g, const target::Profile& profile, std::int64_t fileBytes);

} // namespace ql::cli
