// SPDX-License-Identifier: MIT
// A shard's partial result as a file: versioned JSON (docs/cli-json.md, "Partial results"), written by
// `eval --shard I/N --partial FILE` (eval/shard.h) and `sensitivity --shard I/N --partial FILE`
// (eval/sensitivity_shard.h), and read by `merge`. Doubles are written in their shortest exact
// form, so a partial read back is the partial written.
#pragma once

#include "core/result.h"
#include "eval/activation_shard.h"
#include "eval/sensitivity_shard.h"
#include "eval/shard.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace ql::app {

struct PartialFile {
    QString model; // as the command named it
    QString modelSha256; // of the model file's contents
    eval::EvaluationPartial partial;
};

struct SensitivityPartialFile {
    QString model;
    QString modelSha256;
    eval::SensitivityPartial partial;
};

// `analyze --data --shard I/N`: the activation statistics of the shard's samples, and the rest of what analyze
// prints (the weight analysis, notes), which does not depend on the samples.
struct AnalysisPartialFile {
    QString model;
    QString modelSha256;
    QJsonObject output; // analyze's JSON without the activations
    bool histograms = true;
    eval::ActivationPartial partial;
};

QByteArray partialToJson(const PartialFile& p);
QByteArray partialToJson(const SensitivityPartialFile& p);
QByteArray partialToJson(const AnalysisPartialFile& p);

// A partial file of any kind, as read; errors name the file and what is wrong with it.
struct AnyPartial {
    enum class Kind { Evaluation, Sensitivity, Analysis } kind = Kind::Evaluation;
    QString path;
    PartialFile evaluation;
    SensitivityPartialFile ranking;
    AnalysisPartialFile analysis;
    const char* command() const; // "eval", "sensitivity", "analyze"
};
Result<AnyPartial> readPartial(const QString& path);

} // namespace ql::app
