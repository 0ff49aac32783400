// SPDX-License-Identifier: MIT
// A shard's partial evaluation (eval/shard.h) as a file: versioned JSON (docs/cli-json.md, "Partial results"),
// written by `eval --shard I/N --partial FILE` and read by `merge`. Doubles are written in their shortest exact
// form, so a partial read back is the partial written.
#pragma once

#include "core/result.h"
#include "eval/shard.h"

#include <QByteArray>
#include <QString>

namespace ql::app {

struct PartialFile {
    QString model; // as the command named it
    eval::EvaluationPartial partial;
};

QByteArray partialToJson(const PartialFile& p);
// Errors name the file and what is wrong with it.
Result<PartialFile> readPartial(const QString& path);

} // namespace ql::app
