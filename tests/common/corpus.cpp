// SPDX-License-Identifier: MIT
#include "common/corpus.h"

#include "common/crosscheck.h"
#include "common/litert.h"
#include "common/op_builder.h"
#include "data/npy.h"
#include "exec/interpreter.h"
#include "model/reader.h"
#include "model/summary.h"
#include "model/writer.h"

#include <QFileInfo>
#include <QTemporaryDir>

#include <cmath>
#include <cstring>
#include <random>

namespace ql::test {

namespace {

bool isFloat(model::DType t)
{
    return t == model::DType::Float32 || t == model::DType::Float64 || t == model::DType::Complex64 ||
        t == model::DType::Float16;
}

} // namespace

bool CorpusRow::matches() const
{
    if (!quantlensRuns || !litertRuns)
        return false;
    for (const auto& o : outputs)
        if (!o.ok)
            return false;
    return true;
}

std::vector<std::string> signaturesOf(const std::string& path)
{
    std::vector<std::string> keys;
    auto g = model::readTflite(path);
    if (g)
        for (const auto& s : g->signatureDefs)
            keys.push_back(s.key);
    return keys;
}

CorpusRow checkCorpusModel(const std::string& path, const std::string& signature, unsigned seed)
{
    CorpusRow row;
    row.model = QFileInfo(QString::fromStdString(path)).fileName().toStdString();
    row.signature = signature;
    auto read = model::readTflite(path);
    if (!read) {
        row.quantlensError = read.error().message;
        return row;
    }
    auto graph = std::make_shared<model::Graph>(std::move(read.value()));
    const auto summary = model::summarize(*graph);
    const bool hybrid = summary.mode.mode == model::QuantMode::DynamicRange;
    exec::InterpreterOptions options;
    options.signature = signature;
    auto it = exec::Interpreter::create(graph, options);
    std::mt19937 rng(seed);
    QTemporaryDir dir;
    QStringList files;
    if (!it) {
        row.quantlensError = it.error().message;
    } else {
        row.quantlensRuns = true;
        exec::Interpreter& interp = **it;
        for (int i = 0; i < interp.inputCount(); ++i) {
            const auto& t = interp.input(i);
            TensorSpec spec{t.shape, t.dtype, 0, 0, {}};
            if (t.dtype == model::DType::Float32)
                spec.range(0.0, 1.0);
            data::NpyArray a;
            a.dtype = t.dtype;
            a.shape.assign(t.shape.begin(), t.shape.end());
            a.data = randomInput(spec, rng);
            files << dir.filePath(QStringLiteral("in%1.npy").arg(i));
            if (auto st = interp.setInput(i, a.dtype, a.data); !st || !data::writeNpy(files.back().toStdString(), a)) {
                row.quantlensRuns = false;
                row.quantlensError = "cannot set input " + std::to_string(i);
                return row;
            }
        }
        if (auto st = interp.invoke(); !st) {
            row.quantlensRuns = false;
            row.quantlensError = st.error().message;
        }
    }
    // LiteRT sizes graph outputs from their stored shapes: give it the shapes QuantLens computed (files
    // may store [] for outputs their kernels size, as detection post-processing does).
    model::Graph forLitert = *graph;
    if (row.quantlensRuns) {
        exec::Interpreter& interp = **it;
        auto& sg = forLitert.subgraphs[static_cast<std::size_t>(interp.subgraphIndex())];
        for (int o = 0; o < interp.outputCount(); ++o) {
            auto& t = sg.tensors[static_cast<std::size_t>(interp.outputTensorIndex(o))];
            if (!graph->isConstant(t))
                t.shape = interp.output(o).shape;
        }
    }
    const QString modelFile = dir.filePath(QStringLiteral("model.tflite"));
    if (auto st = model::writeTflite(forLitert, modelFile.toStdString()); !st) {
        row.litertError = "cannot write the model: " + st.error().message;
        return row;
    }
    if (files.isEmpty() && !row.quantlensRuns) {
        row.litertError = "not asked (QuantLens could not prepare the inputs)";
        return row;
    }
    QStringList args;
    // A stale signature (QuantLens warns and runs the subgraph's own inputs and outputs): LiteRT is
    // asked for the same.
    if (row.quantlensRuns && !(*it)->warnings().empty())
        args << QStringLiteral("--no-signatures");
    else if (!signature.empty())
        args << QStringLiteral("--signature") << QString::fromStdString(signature);
    const auto ref = runLitert(modelFile, files, args);
    if (!ref.ok) {
        row.litertError = ref.error.simplified().left(300).toStdString();
        return row;
    }
    row.litertRuns = true;
    if (!row.quantlensRuns)
        return row;
    exec::Interpreter& interp = **it;
    bool integerModel = true;
    for (int o = 0; o < interp.outputCount(); ++o)
        integerModel = integerModel && !isFloat(interp.output(o).dtype);
    row.kind = hybrid ? "hybrid" : summary.mode.mode == model::QuantMode::Float32 || summary.mode.mode == model::QuantMode::Float16 ? "float" : "integer";
    if (static_cast<int>(ref.outputs.size()) != interp.outputCount()) {
        row.litertError = "LiteRT gave " + std::to_string(ref.outputs.size()) + " outputs, QuantLens " +
            std::to_string(interp.outputCount());
        row.litertRuns = false;
        return row;
    }
    for (int o = 0; o < interp.outputCount(); ++o) {
        const auto& ours = interp.output(o);
        const auto& theirs = ref.outputs[static_cast<std::size_t>(o)];
        CorpusOutput out;
        out.name = interp.outputName(o);
        out.dtype = model::dtypeName(ours.dtype);
        out.integer = !isFloat(ours.dtype);
        out.budget = out.integer ? 0.0 : hybrid ? kHybridRelTol : kFloatRelTol;
        if (theirs.dtype != ours.dtype || theirs.elementCount() != ours.count()) {
            out.differing = -1;
            row.outputs.push_back(out);
            continue;
        }
        const std::int64_t n = ours.count() * (ours.dtype == model::DType::Complex64 ? 2 : 1);
        for (std::int64_t i = 0; i < n; ++i) {
            const double a = valueOf(ours.data, ours.dtype, i), b = valueOf(theirs.data.data(), theirs.dtype, i);
            if (a == b || (std::isnan(a) && std::isnan(b)))
                continue;
            ++out.differing;
            out.maxDiff = std::max(out.maxDiff, std::isfinite(a - b) ? std::abs(a - b) : INFINITY);
        }
        for (std::int64_t i = 0; i < n; ++i) {
            const double b = valueOf(theirs.data.data(), theirs.dtype, i);
            if (std::isfinite(b))
                out.maxRef = std::max(out.maxRef, std::abs(b));
        }
        out.ok = out.integer ? out.differing == 0 : out.maxDiff <= out.budget * std::max(out.maxRef, 1e-6);
        row.outputs.push_back(out);
    }
    return row;
}

QString corpusLine(const CorpusRow& row)
{
    QString s = QStringLiteral("%1%2").arg(QString::fromStdString(row.model), -52).arg(
        row.signature.empty() ? QString() : QStringLiteral(" [%1]").arg(QString::fromStdString(row.signature)));
    if (!row.quantlensRuns)
        return s + QStringLiteral(" QuantLens: cannot run (%1)").arg(QString::fromStdString(row.quantlensError).left(160));
    if (!row.litertRuns)
        return s + QStringLiteral(" runs; LiteRT cannot run it (%1)").arg(QString::fromStdString(row.litertError).left(160));
    QStringList parts;
    for (const auto& o : row.outputs) {
        if (o.differing < 0)
            parts << QStringLiteral("%1: shape/dtype differ").arg(QString::fromStdString(o.name));
        else if (o.integer)
            parts << (o.differing == 0 ? QStringLiteral("equal") : QStringLiteral("%1 differ").arg(o.differing));
        else
            parts << QStringLiteral("rel %1").arg(o.maxDiff / std::max(o.maxRef, 1e-6), 0, 'g', 2);
    }
    return s + QStringLiteral(" %1 %2: %3").arg(QString::fromStdString(row.kind), row.matches() ? QStringLiteral("OK") : QStringLiteral("MISMATCH"), parts.join(QStringLiteral(", ")));
}

} // namespace ql::test
