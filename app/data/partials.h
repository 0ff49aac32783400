// SPDX-License-Identifier: MIT
// A shard's partial result as a file: versioned JSON (docs/cli-json.md, "Partial results"), written by
// `eval --shard I/N --partial FILE` (eval/shard.h) and `sensitivity --shard I/N --partial FILE`
// (eval/sensitivity_shard.h), and read by `merge`. Doubles are written in their shortest exact
// form, so a partial read back is the partial written.
#pragma once

#include "core/result.h"
#include "eval/sensitivity_shard.h"
#include "eval/shard.h"

#include <QByteArray>
#include <QString>

namespace ql::app {

struct PartialFile {
    QString model; // as the command named it
    eval::EvaluationPartial partial;
};

struct SensitivityPartialFile {
    QString model;
    eval::SensitivityPartial partial;
};

QByteArray partialToJson(const PartialFile& p);
QByteArray partialToJson(const SensitivityPartialFile& p);

// A partial file of either kind, as read; errors name the file and what is wrong with it.
struct AnyPartial {
    QString path;
    bool sensitivity = false;
    PartialFile evaluation;
    SensitivityPartialFile ranking;
};
Result<AnyPartial> readPartial(const QString& path);

} // namespace ql::app
