// SPDX-License-Identifier: MIT
// Sharded evaluation: `eval --shard I/N --partial FILE` evaluates shard I of N of the data set and writes its
// partial result; `merge PARTIAL...` combines every shard's partial into the evaluation one run gives.
#pragma once

#include "cli/args.h"
#include "data/samples.h"
#include "eval/activations.h"
#include "eval/shard.h"
#include "pipeline/source.h"

#include <QJsonObject>

#include <QStringList>
#include <QTextStream>

namespace ql::cli {

int evalShard(const Args& a, const QString& shard, const QString& partialPath, QTextStream& out, QTextStream& err);
int sensitivityShard(
    const Args& a, const QString& shard, const QString& partialPath, QTextStream& out, QTextStream& err);
// The activation analysis of the shard's samples (`data`: only them), written with analyze's other output `output`.
int analyzeShard(const Args& a, const pipeline::ModelSource& model, const model::Graph& quantized,
    const data::SampleSet& data, const eval::ActivationOptions& options, const eval::Shard& shard,
    const QJsonObject& output, bool histograms, const QString& partialPath, QTextStream& out, QTextStream& err);
// The window over a data set that `--shard I/N` asks for: `shard` is filled once the data say how many samples
// they offer.
data::SampleWindow shardWindow(const QString& text, eval::Shard& shard);
int mergeCommand(const QStringList& args, QTextStream& out, QTextStream& err);

} // namespace ql::cli
