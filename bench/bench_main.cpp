// SPDX-License-Identifier: MIT
// Median single-invoke latency of QuantLens and of LiteRT (litert-run --bench) on every model of
// the cross-check table, measured in the same run; prints one JSON object per model and the ratio.
// QL_IGEMM_PATH=scalar|avx2|avx-vnni|avx512-vnni runs the integer kernels on another available path.
//   quantlens_bench [--runs N] [--threads T] [--filter SUBSTRING]
#include "common/crosscheck.h"
#include "common/litert.h"
#include "common/model_facts.h"
#include "exec/interpreter.h"
#include "exec/kernels/igemm.h"
#include "model/reader.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <clocale>

#include <algorithm>
#include <chrono>

using namespace ql;

namespace {

double medianOf(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    std::setlocale(LC_NUMERIC, "C"); // Qt adopted the environment's locale; numbers stay in C format
    const QStringList args = QCoreApplication::arguments();
    auto option = [&](const QString& name, const QString& fallback) {
        const auto i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args[i + 1] : fallback;
    };
    const int runs = option(QStringLiteral("--runs"), QStringLiteral("30")).toInt();
    const int threads = option(QStringLiteral("--threads"), QStringLiteral("1")).toInt();
    const QString filter = option(QStringLiteral("--filter"), QString());
    QTextStream out(stdout);
    for (const auto& m : test::crossCheckModels()) {
        if (!filter.isEmpty() && !QString::fromStdString(m.file).contains(filter))
            continue;
        const std::string path = test::modelPath(m.file);
        auto g = model::readTflite(path);
        if (!g) {
            out << "error: " << QString::fromStdString(g.error().message) << '\n';
            return 1;
        }
        exec::InterpreterOptions opts;
        opts.threads = threads;
        auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(std::move(g.value())), opts);
        if (!it) {
            out << "error: " << QString::fromStdString(it.error().message) << '\n';
            return 1;
        }
        std::vector<double> times;
        for (int i = 0; i < runs + 5; ++i) { // zeros as input, like litert-run --bench
            const auto t0 = std::chrono::steady_clock::now();
            if (!(*it)->invoke().ok())
                return 1;
            const auto t1 = std::chrono::steady_clock::now();
            if (i >= 5)
                times.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        }
        const double ours = medianOf(times);
        const auto theirs = test::benchLitert(QString::fromStdString(path), runs, 5);
        QJsonObject o;
        o[QStringLiteral("model")] = QString::fromStdString(m.file);
        o[QStringLiteral("quantlens_median_ms")] = ours;
        o[QStringLiteral("threads")] = threads;
        o[QStringLiteral("integer_kernels")] = QString::fromLatin1(exec::igemmPathName(exec::igemmPath()));
        if (theirs) {
            o[QStringLiteral("litert_median_ms")] = *theirs;
            o[QStringLiteral("ratio")] = ours / *theirs;
        }
        out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
        out.flush();
    }
    return 0;
}
