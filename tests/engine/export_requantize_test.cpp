// SPDX-License-Identifier: MIT
// Every already-quantized model of ../shared/models and ../shared/models/wild that carries its activation
// scales (uint8, int8 and 16x8 files) re-quantized to int8 the way `quantlens-cli quantize --mode int8`
// does it (pipeline::quantize from the file's own scales, no data), with native and with float I/O.
// For each model and export:
//  - the dequantized graph every view starts from (the float reference) runs in QuantLens;
//  - QuantLens runs the whole export, custom operators included: a custom kernel that reads only the
//    file's codes (MLPerf's ResizeArgmax) still gets them;
//  - outputs that an operator staying float writes (a custom decoder's coordinates) stay float32, as the
//    converter leaves them, instead of being squeezed into the I/O type;
//  - LiteRT's outputs equal QuantLens' bit for bit (integer outputs), or within the mixed budget where a
//    float operator feeds integer ones. LiteRT has no kernel for Coral's or MLPerf's custom operators,
//    and litert-run cannot hand back a shape-less output (detection post-processing), so both runtimes
//    compare the graph cut before its custom operators: their inputs become its outputs.
// Models LiteRT cannot run even in the original (variable tensors) are listed and skipped. Under the
// sanitizers a third of the models with inputs up to 300,000 elements run (QL_CORPUS_SAMPLE).
#include "common/crosscheck.h"
#include "engine/export_litert.h"
#include "exec/interpreter.h"
#include "model/reader.h"
#include "model/transform.h"
#include "model/writer.h"
#include "passes/quantize.h"
#include "pipeline/quantize.h"
#include "pipeline/source.h"

#include <QDate>
#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <random>

using namespace ql;
using namespace ql::test;
using DT = model::DType;
using Op = tflite::BuiltinOperator;

namespace {

struct Quantized {
    std::string path, file;
};

std::vector<Quantized> quantizedModels()
{
    std::vector<Quantized> out;
    for (const QString& dir : {QStringLiteral(QL_SHARED_DIR "/models"), QStringLiteral(QL_SHARED_DIR "/models/wild")})
        for (const QString& f : QDir(dir).entryList({QStringLiteral("*.tflite")}, QDir::Files, QDir::Name))
            out.push_back({(dir + QLatin1Char('/') + f).toStdString(), f.toStdString()});
    if (const QByteArray only = qgetenv("QL_EXPORT_ONLY"); !only.isEmpty())
        std::erase_if(out, [&](const Quantized& e) { return e.file.find(only.toStdString()) == std::string::npos; });
    return out;
}

// Under the sanitizers: every k-th model, a different share each day, small inputs only.
bool sampledOut(std::size_t index, const model::Graph& g)
{
    const int k = qEnvironmentVariableIntValue("QL_CORPUS_SAMPLE");
    if (k <= 1)
        return false;
    if (static_cast<int>(index % static_cast<std::size_t>(k)) !=
        static_cast<int>(QDate::currentDate().toJulianDay() % k))
        return true;
    std::int64_t elements = 0;
    for (int t : g.main().inputs)
        elements += g.main().tensors[static_cast<std::size_t>(t)].elementCount();
    return elements > 300000;
}

// The real-valued span of a quantized input, or [0, 1].
std::pair<float, float> inputSpan(const model::Tensor& t)
{
    const auto& q = t.quantization;
    if (q.scale.empty() || q.zeroPoint.empty())
        return {0.0f, 1.0f};
    const double lo = t.dtype == DT::UInt8 ? 0 : t.dtype == DT::Int16 ? -32768 : -128;
    const double hi = t.dtype == DT::UInt8 ? 255 : t.dtype == DT::Int16 ? 32767 : 127;
    return {static_cast<float>((lo - static_cast<double>(q.zeroPoint[0])) * q.scale[0]),
        static_cast<float>((hi - static_cast<double>(q.zeroPoint[0])) * q.scale[0])};
}

// Seeded inputs for an interpreter, written as .npy files in `dir` (names returned) and set on it.
QStringList feed(exec::Interpreter& it, float lo, float hi, const QString& dir)
{
    std::mt19937 rng(7);
    QStringList files;
    for (int i = 0; i < it.inputCount(); ++i) {
        const auto a = inputFor(it.input(i), lo, hi, rng);
        if (!it.setInput(i, a.dtype, a.data).ok())
            return {};
        files << dir + QStringLiteral("/in%1.npy").arg(i);
        if (!data::writeNpy(files.back().toStdString(), a).ok())
            return {};
    }
    return files;
}

struct Comparison {
    bool litertRuns = false;
    QString litertError;
    QStringList failures; // outputs beyond the budget
    QString summary; // per output: "eq" or max |diff| / max |ref|
    int cutOperators = 0;
};

// `g` cut before its custom operators, run by QuantLens and LiteRT on the same seeded inputs: integer
// outputs bit for bit, or within the mixed budget where a float operator feeds integer ones.
Comparison compareCut(const model::Graph& g, float lo, float hi, const QString& dir, const QString& tag)
{
    Comparison c;
    const model::Graph cut = cutBeforeCustom(g, &c.cutOperators);
    const QString file = dir + QStringLiteral("/%1.tflite").arg(tag);
    if (!model::writeTflite(cut, file.toStdString()).ok()) {
        c.failures << QStringLiteral("cannot write ") + file;
        return c;
    }
    auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(cut));
    if (!it) {
        c.failures << QStringLiteral("QuantLens cannot prepare the cut graph: ") +
                QString::fromStdString(it.error().message);
        return c;
    }
    const QStringList in = feed(**it, lo, hi, dir);
    if (auto st = (*it)->invoke(); in.isEmpty() || !st) {
        c.failures << QStringLiteral("QuantLens cannot run the cut graph");
        return c;
    }
    const LitertRun lr = runOnce(file, in, dir + QStringLiteral("/out_") + tag);
    c.litertRuns = lr.ok;
    c.litertError = lr.error;
    if (!lr.ok)
        return c;
    const double budget = floatComputeOperators(cut) > 0 ? kMixedRelTol : 0.0;
    if (static_cast<int>(lr.outputs.size()) != (*it)->outputCount()) {
        c.failures
            << QStringLiteral("LiteRT has %1 outputs, QuantLens %2").arg(lr.outputs.size()).arg((*it)->outputCount());
        return c;
    }
    QStringList diffs;
    for (int k = 0; k < (*it)->outputCount(); ++k) {
        const auto& ours = (*it)->output(k);
        const auto& theirs = lr.outputs[static_cast<std::size_t>(k)];
        if (ours.dtype != theirs.dtype || ours.count() != theirs.elementCount()) {
            c.failures << QStringLiteral("out%1 dtype or size differs").arg(k);
            continue;
        }
        double maxDiff = 0, maxRef = 0;
        for (std::int64_t i = 0; i < ours.count(); ++i) {
            const double a = valueOf(ours.data, ours.dtype, i), b = valueOf(theirs.data.data(), theirs.dtype, i);
            maxRef = std::max(maxRef, std::abs(b));
            maxDiff = std::max(maxDiff, std::abs(a - b));
        }
        diffs << (maxDiff == 0 ? QStringLiteral("eq") : QString::number(maxDiff / std::max(maxRef, 1e-6), 'g', 2));
        if (maxDiff > budget * std::max(maxRef, 1e-6))
            c.failures
                << QStringLiteral("out%1 '%2' differs: max |diff| %3, max |ref| %4")
                       .arg(k)
                       .arg(QString::fromStdString(
                           cut.main()
                               .tensors[static_cast<std::size_t>(cut.main().outputs[static_cast<std::size_t>(k)])]
                               .name))
                       .arg(maxDiff)
                       .arg(maxRef);
    }
    c.summary = diffs.join(QLatin1Char(' '));
    return c;
}

} // namespace

class ExportRequantizeTest : public QObject {
    Q_OBJECT

private slots:
    void everyQuantizedModelReQuantizedRunsInLitertAsInQuantLens()
    {
        const auto models = quantizedModels();
        QStringList failures;
        int exports = 0, compared = 0;
        for (std::size_t mi = 0; mi < models.size(); ++mi) {
            const Quantized& m = models[mi];
            auto file = model::readTflite(m.path);
            QVERIFY2(file.ok(), m.file.c_str());
            if (!passes::isQuantized(*file) || sampledOut(mi, *file))
                continue;
            const model::Tensor firstInput = file->main().tensors[static_cast<std::size_t>(file->main().inputs.at(0))];
            auto source = pipeline::fromGraph(std::move(*file));
            QVERIFY2(source.ok(), m.file.c_str());
            passes::QuantizeOptions o;
            o.mode = passes::Mode::Int8;
            if (pipeline::needsData(*source, o))
                continue; // no activation scales in the file (dynamic range, float16)
            const auto [lo, hi] = inputSpan(firstInput);
            const QString row = QString::fromStdString(m.file);
            QTemporaryDir dir;

            // The float reference the views start from runs.
            if (const QString e = runError(source->work, lo, hi); !e.isEmpty()) {
                failures << row + QStringLiteral(": QuantLens cannot run the dequantized graph: ") + e;
                continue;
            }
            // QuantLens runs the original as LiteRT does (cut before custom operators); if LiteRT cannot
            // run it at all there is no reference.
            const Comparison original = compareCut(*source->file, lo, hi, dir.path(), QStringLiteral("original"));
            if (!original.litertRuns && original.failures.isEmpty()) {
                qInfo("%s | LiteRT cannot run the original: %s", qPrintable(row),
                    qPrintable(original.litertError.left(120)));
                continue;
            }
            for (const auto& f : original.failures)
                failures << row + QStringLiteral(" (the original): ") + f;
            qInfo("%s original | %d custom operator(s) cut | %s", qPrintable(row), original.cutOperators,
                qPrintable(original.summary));
            for (const passes::IoType io : {passes::IoType::Native, passes::IoType::Float}) {
                const QString what =
                    row + (io == passes::IoType::Float ? QStringLiteral(" int8/float") : QStringLiteral(" int8"));
                o.io = io;
                auto q = pipeline::quantize(*source, o, {});
                if (!q) {
                    failures << what + QStringLiteral(": refused: ") + QString::fromStdString(q.error().message);
                    continue;
                }
                ++exports;
                const QString exported = dir.filePath(QStringLiteral("export.tflite"));
                QVERIFY(model::writeTflite(q->graph, exported.toStdString()).ok());
                auto back = model::readTflite(exported.toStdString());
                QVERIFY(back.ok());
                // Outputs written by an operator that stays float are float32.
                const auto& s = back->main();
                for (const auto& op : s.operators)
                    if (back->opcodeOf(op) == Op::QUANTIZE)
                        for (int t : op.outputs)
                            if (std::find(s.outputs.begin(), s.outputs.end(), t) != s.outputs.end())
                                for (const auto& producer : s.operators)
                                    if (back->opcodeOf(producer) == Op::CUSTOM &&
                                        std::find(producer.outputs.begin(), producer.outputs.end(), op.inputs[0]) !=
                                            producer.outputs.end())
                                        failures << what +
                                                QStringLiteral(": output '%1' of a float custom operator was quantized")
                                                    .arg(QString::fromStdString(
                                                        s.tensors[static_cast<std::size_t>(t)].name));
                // QuantLens runs the whole export.
                if (const QString e = runError(std::make_shared<const model::Graph>(*back), lo, hi); !e.isEmpty()) {
                    failures << what + QStringLiteral(": QuantLens cannot run its own export: ") + e;
                    continue;
                }
                // Both runtimes on the export cut before its custom operators.
                const Comparison c = compareCut(*back, lo, hi, dir.path(), QStringLiteral("export%1").arg(exports));
                if (!c.litertRuns && c.failures.isEmpty())
                    failures << what + QStringLiteral(": LiteRT fails: ") + c.litertError.left(200);
                compared += c.litertRuns;
                for (const auto& f : c.failures)
                    failures << what + QStringLiteral(": ") + f;
                qInfo("%s | %d custom operator(s) cut | %s", qPrintable(what), c.cutOperators, qPrintable(c.summary));
            }
        }
        qInfo("%d exports, %d compared with LiteRT", exports, compared);
        if (!qEnvironmentVariableIsSet("QL_CORPUS_SAMPLE") && !qEnvironmentVariableIsSet("QL_EXPORT_ONLY"))
            QVERIFY(compared >= 20);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(ExportRequantizeTest)
#include "export_requantize_test.moc"
