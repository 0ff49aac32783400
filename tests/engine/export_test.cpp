// SPDX-License-Identifier: MIT
// Every float model of ../shared/models and ../shared/models/wild (float16 files dequantized first)
// exported in every mode and I/O type, then handed to the official runtime. For each export:
//  - quantizeGraph accepts it (its validity gate, quant::lint, finds no error);
//  - LiteRT loads, prepares and runs it with no kernel failing (`litert-run --bench 1 --verbose`);
//  - LiteRT delegates the whole graph to XNNPACK exactly when QuantLens says it will
//    (QuantizeResult::lint.fullyDelegated), and whenever the converter's own twin of the same model is;
//  - LiteRT's outputs equal QuantLens' on the same input: bit for bit for integer graphs, within the
//    float budget for float16, within the hybrid budget for dynamic range, and within a few steps where a
//    float operator (kept float, or one without an integer kernel) feeds integer ones.
// Where LiteRT cannot run the original (a custom kernel it lacks, a shape-less output litert-run cannot
// return), QuantLens runs each whole export and both runtimes compare it cut before its custom operators.
// Calibration: 8 samples, Fashion-MNIST images for 28x28 inputs, seeded random values in the model's
// input range otherwise. The table of models x modes is printed; under the sanitizers a third of the
// models run (QL_CORPUS_SAMPLE).
// The models, modes and calibration samples: export_corpus.h; an export run and checked in LiteRT:
// export_litert.h.
#include "common/crosscheck.h"
#include "engine/export_corpus.h"
#include "engine/export_litert.h"
#include "exec/interpreter.h"
#include "model/reader.h"
#include "model/writer.h"
#include "passes/quantize.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <random>

using namespace ql;
using namespace ql::test;
using DT = model::DType;


class ExportTest : public QObject {
    Q_OBJECT

private slots:
    void everyFloatModelInEveryModeRunsInLitertAsInQuantLens()
    {
        const auto models = floatModels();
        QVERIFY(!models.empty());
        if (!qEnvironmentVariableIsSet("QL_CORPUS_SAMPLE") && !qEnvironmentVariableIsSet("QL_EXPORT_ONLY"))
            QVERIFY(models.size() >= 15u);
        QStringList failures, table;
        auto report = [&](const QString& line) { // printed as it comes: the whole run takes minutes
            qInfo("%s", qPrintable(line));
            table << line;
        };
        std::map<std::string, bool> ourDelegation; // "file io" -> fully delegated (int8 exports)
        int exports = 0;
        for (const ModelEntry& m : models) {
            auto read = model::readTflite(m.path);
            QVERIFY2(read.ok(), m.file.c_str());
            model::Graph g = std::move(*read);
            if (passes::isQuantized(g)) {
                auto f = passes::dequantizeGraph(g);
                QVERIFY2(f.ok(), (m.file + ": " + (f.ok() ? "" : f.error().message)).c_str());
                g = std::move(*f);
            }
            // The original must run in LiteRT, or there is nothing to compare an export with. Where LiteRT
            // lacks a custom kernel or litert-run a shape-less output, both runtimes compare the graphs cut
            // before their custom operators, and QuantLens runs each whole export too.
            QTemporaryDir dir;
            bool cutting = false;
            if (const LitertRun r = runOnce(QString::fromStdString(m.path), {}, dir.filePath(QStringLiteral("orig")));
                !r.ok) {
                int n = 0;
                const model::Graph cut = cutBeforeCustom(g, &n);
                const QString cutFile = dir.filePath(QStringLiteral("orig_cut.tflite"));
                QVERIFY(model::writeTflite(cut, cutFile.toStdString()).ok());
                if (n == 0 || !runOnce(cutFile, {}, dir.filePath(QStringLiteral("orig_cut"))).ok) {
                    report(QString::fromStdString(m.file) + QStringLiteral(" | LiteRT cannot run the original: ") + r.error.left(160));
                    continue;
                }
                cutting = true;
                report(QString::fromStdString(m.file) + QStringLiteral(" | compared cut before %1 custom operator(s)").arg(n));
            }
            std::vector<quant::TensorRange> ranges;
            const auto sets = calibrationSets(g, m);
            quant::CalibrationOptions co;
            co.samples = kCalibrationSamples;
            auto cal = sets.size() == 1 ? quant::calibrate(g, sets.front(), co) : quant::calibrate(g, sets, co);
            if (!cal) {
                failures << QString::fromStdString(m.file + ": calibration failed: " + cal.error().message);
                continue;
            }
            ranges = std::move(*cal);
            int weighted = 0;
            std::vector<int> weightedOps;
            for (std::size_t i = 0; i < g.main().operators.size(); ++i)
                if (passes::weightSlot(g.opcodeOf(g.main().operators[i])))
                    weightedOps.push_back(static_cast<int>(i));
            weighted = static_cast<int>(weightedOps.size());
            for (const ModeEntry& mode : kModes) {
                if (mode.keepOneFloat && weighted < 3)
                    continue; // a layer kept float between integer ones needs a few layers
                const QString row = QStringLiteral("%1 %2").arg(QString::fromStdString(m.file), QLatin1String(mode.name));
                passes::QuantizeOptions o;
                o.mode = mode.mode;
                o.io = mode.io;
                if (mode.keepOneFloat)
                    o.keepFloat = {std::to_string(weightedOps[weightedOps.size() / 2])};
                auto q = passes::quantizeGraph(g, o, ranges);
                if (!q) {
                    failures << row + QStringLiteral(": refused: ") + QString::fromStdString(q.error().message);
                    report(row + QStringLiteral(" | refused"));
                    continue;
                }
                ++exports;
                const QString file = dir.filePath(QStringLiteral("export.tflite"));
                QVERIFY(model::writeTflite(q->graph, file.toStdString()).ok());
                // Our interpreter on the exported file as read back.
                auto back = model::readTflite(file.toStdString());
                QVERIFY(back.ok());
                if (const QString lost = keptSignaturesAndMetadata(g, *back); !lost.isEmpty())
                    failures << row + QStringLiteral(": ") + lost;
                QString compared = file; // what LiteRT runs: the export, or the export cut before custom operators
                if (cutting) {
                    if (const QString e = runError(std::make_shared<const model::Graph>(*back), m.lo, m.hi);
                        !e.isEmpty()) {
                        failures << row + QStringLiteral(": QuantLens cannot run the whole export: ") + e;
                        continue;
                    }
                    int n = 0;
                    *back = cutBeforeCustom(*back, &n);
                    compared = dir.filePath(QStringLiteral("export_cut.tflite"));
                    QVERIFY(model::writeTflite(*back, compared.toStdString()).ok());
                }
                const int floatOpsCompared = floatComputeOperators(*back);
                exec::InterpreterOptions io;
                auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(std::move(*back)), io);
                if (!it) {
                    failures << row + QStringLiteral(": QuantLens cannot prepare it: ") + QString::fromStdString(it.error().message);
                    continue;
                }
                std::mt19937 rng(5);
                QStringList inputs;
                // Dynamic range: the float model on the same inputs, to weigh the runtimes' disagreement
                // against the quantization error itself.
                std::unique_ptr<exec::Interpreter> floatRun;
                if (mode.mode == passes::Mode::Dynamic)
                    if (auto f = exec::Interpreter::create(std::make_shared<const model::Graph>(g)); f.ok())
                        floatRun = std::move(*f);
                for (int i = 0; i < (*it)->inputCount(); ++i) {
                    const auto a = inputFor((*it)->input(i), m.lo, m.hi, rng);
                    if (floatRun)
                        QVERIFY(floatRun->setInput(i, a.dtype, a.data).ok());
                    QVERIFY((*it)->setInput(i, a.dtype, a.data).ok());
                    inputs << dir.filePath(QStringLiteral("in%1.npy").arg(i));
                    QVERIFY(data::writeNpy(inputs.back().toStdString(), a).ok());
                }
                if (auto st = (*it)->invoke(); !st) {
                    failures << row + QStringLiteral(": QuantLens failed: ") + QString::fromStdString(st.error().message);
                    continue;
                }
                if (floatRun && !floatRun->invoke().ok())
                    floatRun.reset();
                const QString outDir = dir.filePath(QStringLiteral("out_%1").arg(exports));
                const LitertRun lr = runOnce(compared, inputs, outDir);
                if (!lr.ok) {
                    failures << row + QStringLiteral(": ") + lr.error;
                    report(row + QStringLiteral(" | LiteRT fails"));
                    continue;
                }
                if (mode.mode == passes::Mode::Int8 && !mode.keepOneFloat && !cutting)
                    ourDelegation[m.file + " " + (mode.io == passes::IoType::Float ? "float" : mode.io == passes::IoType::UInt8 ? "uint8" : "int8")] =
                        lr.fullyDelegated;
                QString verdict;
                // (A cut graph lacks the custom operators that keep the whole export from full delegation.)
                if (!cutting && lr.fullyDelegated != q->lint.fullyDelegated)
                    verdict = QStringLiteral("QuantLens predicted %1 delegation, LiteRT %2")
                                  .arg(q->lint.fullyDelegated ? QStringLiteral("full") : QStringLiteral("partial"),
                                      lr.fullyDelegated ? QStringLiteral("full") : QStringLiteral("partial"));
                // Outputs.
                const bool integerMode = mode.mode == passes::Mode::Int8 || mode.mode == passes::Mode::Int16x8;
                const int floatOps = integerMode ? floatOpsCompared : 0;
                const char* budgetName = mode.mode == passes::Mode::Float16 ? "float"
                    : mode.mode == passes::Mode::Dynamic                      ? "hybrid"
                    : floatOps > 0                                            ? "mixed"
                                                                              : "exact";
                const double budget = mode.mode == passes::Mode::Float16 ? test::kFloatRelTol
                    : mode.mode == passes::Mode::Dynamic                   ? test::kHybridRelTol
                    : floatOps > 0                                         ? kMixedRelTol
                                                                           : 0.0;
                QStringList diffs;
                if (static_cast<int>(lr.outputs.size()) != (*it)->outputCount()) {
                    verdict += QStringLiteral(" LiteRT has %1 outputs, QuantLens %2").arg(lr.outputs.size()).arg((*it)->outputCount());
                } else {
                    for (int k = 0; k < (*it)->outputCount(); ++k) {
                        const auto& ours = (*it)->output(k);
                        const auto& theirs = lr.outputs[static_cast<std::size_t>(k)];
                        if (ours.dtype != theirs.dtype || ours.count() != theirs.elementCount()) {
                            verdict += QStringLiteral(" out%1 dtype or size differs").arg(k);
                            continue;
                        }
                        double maxDiff = 0, maxRef = 0;
                        std::int64_t differ = 0;
                        std::vector<double> all;
                        for (std::int64_t i = 0; i < ours.count(); ++i) {
                            const double a = valueOf(ours.data, ours.dtype, i);
                            const double b = valueOf(theirs.data.data(), theirs.dtype, i);
                            if (std::isnan(a) && std::isnan(b))
                                continue;
                            maxRef = std::max(maxRef, std::abs(b));
                            maxDiff = std::max(maxDiff, std::abs(a - b));
                            differ += a != b;
                            all.push_back(std::isnan(a - b) ? std::numeric_limits<double>::infinity() : std::abs(a - b));
                        }
                        // Integer outputs: relative to the largest code's magnitude.
                        const double rel = maxDiff / std::max(maxRef, 1e-6);
                        double p95 = 0;
                        if (!all.empty()) {
                            const auto at = static_cast<std::ptrdiff_t>(0.95 * static_cast<double>(all.size() - 1));
                            std::nth_element(all.begin(), all.begin() + at, all.end());
                            p95 = all[static_cast<std::size_t>(at)] / std::max(maxRef, 1e-6);
                        }
                        diffs << (differ == 0 ? QStringLiteral("eq")
                                              : QStringLiteral("%1 (p95 %2, %3 of %4)").arg(rel, 0, 'g', 2).arg(p95, 0, 'g', 2).arg(differ).arg(ours.count()));
                        // Dynamic range: LiteRT quantizes each activation row at run time; where a float
                        // operator ahead differs in its last bit a code flips, and that moves an output by
                        // a weight step. Most of each output holds to the hybrid budget, none to more than
                        // five times it.
                        // Or the disagreement stays below LiteRT's own distance from the float model.
                        double quantError = 0;
                        if (floatRun && floatRun->output(k).count() == ours.count())
                            for (std::int64_t i = 0; i < ours.count(); ++i)
                                quantError = std::max(quantError,
                                    std::abs(valueOf(floatRun->output(k).data, DT::Float32, i) -
                                        valueOf(theirs.data.data(), theirs.dtype, i)));
                        const bool within = mode.mode == passes::Mode::Dynamic
                            ? (p95 <= budget && rel <= 5 * budget) || maxDiff <= quantError
                            : rel <= budget;
                        if (!within && differ > 0)
                            verdict += QStringLiteral(" out%1 differs beyond the %2 budget: max |diff| %3, max |ref| %4")
                                           .arg(k)
                                           .arg(QLatin1String(budgetName))
                                           .arg(maxDiff)
                                           .arg(maxRef);
                    }
                }
                report(QStringLiteral("%1 | loads | delegated %2 (QuantLens says %3) | %4: %5")
                             .arg(row, lr.fullyDelegated ? QStringLiteral("yes") : QStringLiteral("no"),
                                 q->lint.fullyDelegated ? QStringLiteral("yes") : QStringLiteral("no"),
                                 QLatin1String(budgetName), diffs.join(QLatin1Char(' '))));
                if (!verdict.isEmpty())
                    failures << row + QStringLiteral(":") + verdict;
            }
        }
        // The converter's twins: where LiteRT delegates the converter's file fully, it must delegate ours too.
        for (const Twin& t : kTwins) {
            const auto key = std::string(t.floatFile) + " " +
                (t.io == passes::IoType::Float ? "float" : t.io == passes::IoType::UInt8 ? "uint8" : "int8");
            if (!ourDelegation.count(key))
                continue;
            QTemporaryDir d;
            const LitertRun twin = runOnce(QStringLiteral(QL_SHARED_DIR "/models/") + QLatin1String(t.twinFile), {}, d.path());
            if (!twin.ok)
                continue;
            qInfo("%s: converter's twin %s delegated %s, QuantLens' export %s", t.floatFile, t.twinFile,
                twin.fullyDelegated ? "fully" : "partly", ourDelegation[key] ? "fully" : "partly");
            if (twin.fullyDelegated && !ourDelegation[key])
                failures << QStringLiteral("%1: the converter's %2 is fully delegated, QuantLens' export is not")
                                .arg(QLatin1String(t.floatFile), QLatin1String(t.twinFile));
        }
        qInfo("%d exports of %zu models", exports, models.size());
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(ExportTest)
#include "export_test.moc"
