// SPDX-License-Identifier: MIT
// Sharded evaluation: `eval --shard I/N --partial FILE` evaluates shard I of N of the data set and writes its
// partial result; `merge PARTIAL...` combines every shard's partial into the evaluation one run gives.
#pragma once

#include "cli/args.h"

#include <QStringList>
#include <QTextStream>

namespace ql::cli {

int evalShard(const Args& a, const QString& shard, const QString& partialPath, QTextStream& out, QTextStream& err);
int sensitivityShard(
    const Args& a, const QString& shard, const QString& partialPath, QTextStream& out, QTextStream& err);
int mergeCommand(const QStringList& args, QTextStream& out, QTextStream& err);

} // namespace ql::cli
