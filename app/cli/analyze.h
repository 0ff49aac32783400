// SPDX-License-Identifier: MIT
// `analyze`: per-layer weight (and activation) quantization error from the command line; with --data and
// --shard I/N, the activation analysis of a share of the samples (cli/shard.h).
#pragma once

#include "eval/activations.h"

#include <QJsonObject>
#include <QStringList>
#include <QTextStream>

#include <vector>

namespace ql::cli {

int analyzeCommand(const QStringList& args, QTextStream& out, QTextStream& err);

// Adds the activation analysis (operators in the file's numbering) to analyze's JSON `j`: the list, and each
// weighted layer's own.
void addActivations(QJsonObject& j, const std::vector<eval::ActivationLayer>& acts, bool histograms, double ms);
// What analyze prints for its JSON `j` (a table, or with `json` the object itself); `merge` prints the same.
void printAnalysis(QTextStream& out, bool json, const QJsonObject& j);

} // namespace ql::cli
