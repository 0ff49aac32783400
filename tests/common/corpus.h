// SPDX-License-Identifier: MIT
// The corpus check: a real model (one of its signatures) run by QuantLens and by LiteRT on the same
// seeded inputs in the model's own dtypes, every output compared: integers bit for bit, floats within
// the budget of the model's kind (common/crosscheck.h). Used by corpus_test, which walks every model in
// ../shared/models and ../shared/models/wild.
#pragma once

#include <QString>

#include <string>
#include <vector>

namespace ql::test {

struct CorpusOutput {
    std::string name;
    std::string dtype;
    bool integer = false;
    std::int64_t differing = 0; // elements that differ
    double maxDiff = 0, maxRef = 0;
    double budget = 0; // allowed max |diff| relative to max |ref| (0 for integers)
    bool ok = false;
};

struct CorpusRow {
    std::string model;
    std::string signature; // empty: subgraph 0
    std::string kind; // float, hybrid, integer
    bool quantlensRuns = false;
    std::string quantlensError;
    bool litertRuns = false;
    std::string litertError;
    std::vector<CorpusOutput> outputs;
    bool matches() const;
};

// Checks one model; `signature` empty runs subgraph 0's inputs and outputs.
CorpusRow checkCorpusModel(const std::string& path, const std::string& signature, unsigned seed);

// Every signature key of a model (empty when it has none, or only LiteRT's placeholder).
std::vector<std::string> signaturesOf(const std::string& path);

// One line of the table the corpus test prints.
QString corpusLine(const CorpusRow& row);

} // namespace ql::test
