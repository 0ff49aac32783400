// SPDX-License-Identifier: MIT
#include "cli/run.h"

#include "cli/args.h"
#include "data/npy.h"
#include "exec/interpreter.h"
#include "exec/kernels/igemm.h"
#include "model/reader.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>

namespace ql::cli {

namespace {

QString tr(const char* s)
{
    return QCoreApplication::translate("ql::cli::Run", s);
}

Result<exec::Rounding> parseRounding(const QString& s)
{
    if (s.isEmpty() || s == QLatin1String("xnnpack"))
        return exec::Rounding::Xnnpack;
    if (s == QLatin1String("reference"))
        return exec::Rounding::Reference;
    return Error{"--rounding must be 'reference' or 'xnnpack', not '" + s.toStdString() + "'"};
}

// --rounding, --threads and --signature, shared by run and bench.
Result<exec::InterpreterOptions> interpreterOptions(const Args& a)
{
    auto rounding = parseRounding(a.value(QStringLiteral("--rounding")));
    if (!rounding)
        return rounding.error();
    exec::InterpreterOptions opts;
    opts.rounding = *rounding;
    opts.threads = std::max(1, a.value(QStringLiteral("--threads"), QStringLiteral("1")).toInt());
    opts.signature = a.value(QStringLiteral("--signature")).toStdString();
    return opts;
}

struct Loaded {
    std::shared_ptr<const model::Graph> graph;
    std::unique_ptr<exec::Interpreter> interpreter;
};

Result<Loaded> load(const QString& path, const exec::InterpreterOptions& opts)
{
    auto g = model::readTflite(path.toStdString());
    if (!g)
        return g.error();
    Loaded l;
    l.graph = std::make_shared<const model::Graph>(std::move(g.value()));
    auto it = exec::Interpreter::create(l.graph, opts);
    if (!it)
        return withContext(path.toStdString(), it.error());
    l.interpreter = std::move(it.value());
    return l;
}

std::string shapeOf(const std::vector<std::int64_t>& shape)
{
    std::string s = "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        s += (i ? "," : "") + std::to_string(shape[i]);
    return s + "]";
}

// Binds --input values ([NAME=]FILE) to model inputs: by position, or by signature / tensor name.
// An array whose shape differs from the input's only in dimensions the model marks dynamic (-1 in
// its shape signature, e.g. the batch) resizes the input.
Status bindInputs(exec::Interpreter& it, const QStringList& specs)
{
    if (specs.size() != it.inputCount())
        return Error{"the model has " + std::to_string(it.inputCount()) + " input(s), " + std::to_string(specs.size()) +
            " --input given"};
    const auto& g = it.graph();
    std::vector<std::optional<data::NpyArray>> arrays(static_cast<std::size_t>(it.inputCount()));
    std::vector<QString> files(arrays.size());
    for (qsizetype k = 0; k < specs.size(); ++k) {
        QString file = specs[k];
        int slot = static_cast<int>(k);
        const auto eq = file.indexOf(QLatin1Char('='));
        if (eq > 0 && !QFileInfo::exists(file)) {
            const std::string name = file.left(eq).toStdString();
            file = file.mid(eq + 1);
            slot = -1;
            for (int i = 0; i < it.inputCount(); ++i) {
                if (it.input(i).meta->name == name || it.inputName(i) == name)
                    slot = i;
                for (const auto& sig : g.signatureDefs)
                    for (const auto& m : sig.inputs)
                        if (m.name == name && static_cast<int>(m.tensorIndex) == it.inputTensorIndex(i))
                            slot = i;
            }
            if (slot < 0)
                return Error{"the model has no input named '" + name + "'"};
        }
        auto& a = arrays[static_cast<std::size_t>(slot)];
        if (a)
            return Error{"input " + std::to_string(slot) + " is given twice"};
        auto read = data::readNpy(file.toStdString());
        if (!read)
            return read.error();
        a = std::move(read.value());
        files[static_cast<std::size_t>(slot)] = file;
    }
    bool resize = false;
    std::vector<std::vector<std::int32_t>> shapes;
    for (int slot = 0; slot < it.inputCount(); ++slot) {
        const auto& a = *arrays[static_cast<std::size_t>(slot)];
        const auto& t = it.input(slot);
        const std::vector<std::int32_t>& signature = t.meta->shapeSignature;
        std::vector<std::int64_t> want(t.shape.begin(), t.shape.end());
        bool fits = a.dtype == t.dtype && a.shape.size() == want.size();
        for (std::size_t d = 0; fits && d < want.size(); ++d)
            fits = a.shape[d] == want[d] ||
                (d < signature.size() && signature[d] < 0 && a.shape[d] > 0 && a.shape[d] <= (1 << 24));
        if (!fits) {
            std::string dynamic;
            if (a.dtype == t.dtype && signature.size() == want.size() && std::count(signature.begin(), signature.end(), -1) > 0)
                dynamic = " (its dimensions marked -1 in " + exec::shapeText(signature) + " may vary)";
            return Error{files[static_cast<std::size_t>(slot)].toStdString() + ": input " + std::to_string(slot) + " '" +
                it.inputName(slot) + "' takes " + model::dtypeName(t.dtype) + " " + exec::shapeText(t.shape) + dynamic +
                ", the file holds " + model::dtypeName(a.dtype) + " " + shapeOf(a.shape)};
        }
        resize = resize || a.shape != want;
        shapes.emplace_back(a.shape.begin(), a.shape.end());
    }
    if (resize)
        if (auto st = it.resizeInputs(shapes); !st)
            return withContext("resizing the inputs to the data's shapes", st.error());
    for (int slot = 0; slot < it.inputCount(); ++slot) {
        const auto& a = *arrays[static_cast<std::size_t>(slot)];
        if (auto st = it.setInput(slot, a.dtype, a.data); !st)
            return st;
    }
    return {};
}

data::NpyArray toNpy(const exec::RtTensor& t)
{
    data::NpyArray a;
    a.dtype = t.dtype;
    a.shape.assign(t.shape.begin(), t.shape.end());
    a.data.assign(t.data, t.data + t.bytes);
    return a;
}

QJsonArray shapeJson(const std::vector<std::int32_t>& shape)
{
    QJsonArray a;
    for (auto d : shape)
        a.append(d);
    return a;
}

} // namespace

int runCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const Args a = parseArgs(args,
        {QStringLiteral("--input"), QStringLiteral("--output-dir"), QStringLiteral("--rounding"),
            QStringLiteral("--threads"), QStringLiteral("--signature")},
        {QStringLiteral("--dump-intermediates")});
    const QString outDir = a.value(QStringLiteral("--output-dir"));
    if (!a.error.isEmpty() || a.positional.size() != 1 || outDir.isEmpty()) {
        err << (a.error.isEmpty() ? tr("run needs one model file and --output-dir DIR") : a.error) << "\n\n"
            << commandHelp(QStringLiteral("run"));
        return 2;
    }
    auto parsed = interpreterOptions(a);
    if (!parsed)
        return fail(err, parsed.error());
    exec::InterpreterOptions opts = *parsed;
    opts.keepIntermediates = a.flags.contains(QStringLiteral("--dump-intermediates"));
    auto loaded = load(a.positional.front(), opts);
    if (!loaded)
        return fail(err, loaded.error());
    exec::Interpreter& it = *loaded->interpreter;
    if (auto st = bindInputs(it, a.values(QStringLiteral("--input"))); !st)
        return fail(err, st.error());
    QElapsedTimer timer;
    timer.start();
    if (auto st = it.invoke(); !st)
        return fail(err, st.error());
    const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;

    if (!QDir().mkpath(outDir))
        return fail(err, Error{outDir.toStdString() + ": cannot create the folder"});
    QJsonArray outputs;
    for (int i = 0; i < it.outputCount(); ++i) {
        const auto& t = it.output(i);
        const QString file = QDir(outDir).absoluteFilePath(QStringLiteral("out%1.npy").arg(i));
        if (auto st = data::writeNpy(file.toStdString(), toNpy(t)); !st)
            return fail(err, st.error());
        QJsonObject o;
        o[QStringLiteral("index")] = i;
        o[QStringLiteral("name")] = qs(it.outputName(i));
        o[QStringLiteral("file")] = file;
        o[QStringLiteral("dtype")] = qs(model::dtypeName(t.dtype));
        o[QStringLiteral("shape")] = shapeJson(t.shape);
        outputs.append(o);
    }
    QJsonObject result;
    result[QStringLiteral("outputs")] = outputs;
    result[QStringLiteral("invoke_ms")] = ms;
    result[QStringLiteral("rounding")] = qs(exec::roundingName(opts.rounding));
    result[QStringLiteral("subgraph")] = it.subgraphIndex();
    if (!it.warnings().empty()) {
        QJsonArray w;
        for (const auto& text : it.warnings())
            w.append(qs(text));
        result[QStringLiteral("warnings")] = w;
    }
    if (!opts.signature.empty())
        result[QStringLiteral("signature")] = qs(opts.signature);
    result[QStringLiteral("arena_bytes")] = static_cast<double>(it.arenaBytes());
    if (opts.keepIntermediates) {
        const QString dir = QDir(outDir).absoluteFilePath(QStringLiteral("intermediates"));
        QDir().mkpath(dir);
        QJsonArray list;
        for (int i = 0; i < it.tensorCount(); ++i) {
            const auto& t = it.tensor(i);
            if (t.constant || !t.data || data::npyDescr(t.dtype).empty())
                continue;
            const QString file = QDir(dir).absoluteFilePath(QStringLiteral("t%1.npy").arg(i));
            if (auto st = data::writeNpy(file.toStdString(), toNpy(t)); !st)
                return fail(err, st.error());
            QJsonObject o;
            o[QStringLiteral("tensor")] = i;
            o[QStringLiteral("name")] = qs(t.meta->name);
            o[QStringLiteral("file")] = file;
            o[QStringLiteral("dtype")] = qs(model::dtypeName(t.dtype));
            o[QStringLiteral("shape")] = shapeJson(t.shape);
            list.append(o);
        }
        result[QStringLiteral("intermediates")] = list;
    }
    out << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}

int benchCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const Args a = parseArgs(args,
        {QStringLiteral("--runs"), QStringLiteral("--warmup"), QStringLiteral("--threads"),
            QStringLiteral("--rounding"), QStringLiteral("--input"), QStringLiteral("--signature")},
        {QStringLiteral("--json"), QStringLiteral("--profile")});
    if (!a.error.isEmpty() || a.positional.size() != 1) {
        err << (a.error.isEmpty() ? tr("bench needs one model file") : a.error) << "\n\n"
            << commandHelp(QStringLiteral("bench"));
        return 2;
    }
    auto parsed = interpreterOptions(a);
    if (!parsed)
        return fail(err, parsed.error());
    const exec::InterpreterOptions opts = *parsed;
    const int runs = std::max(1, a.value(QStringLiteral("--runs"), QStringLiteral("50")).toInt());
    const int warmup = std::max(0, a.value(QStringLiteral("--warmup"), QStringLiteral("5")).toInt());
    QElapsedTimer loadTimer;
    loadTimer.start();
    auto loaded = load(a.positional.front(), opts);
    if (!loaded)
        return fail(err, loaded.error());
    const double loadMs = static_cast<double>(loadTimer.nsecsElapsed()) / 1e6;
    exec::Interpreter& it = *loaded->interpreter;
    if (!a.values(QStringLiteral("--input")).isEmpty()) {
        if (auto st = bindInputs(it, a.values(QStringLiteral("--input"))); !st)
            return fail(err, st.error());
    }
    const bool profile = a.flags.contains(QStringLiteral("--profile"));
    std::vector<double> times;
    const auto& running = it.graph().subgraphs[static_cast<std::size_t>(it.subgraphIndex())];
    std::vector<double> opTotal(running.operators.size(), 0.0), opMillis;
    for (int i = 0; i < warmup + runs; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        if (auto st = profile ? it.invokeProfiled(opMillis) : it.invoke(); !st)
            return fail(err, st.error());
        const auto t1 = std::chrono::steady_clock::now();
        if (i >= warmup) {
            times.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
            for (std::size_t k = 0; profile && k < opMillis.size(); ++k)
                opTotal[k] += opMillis[k] / runs;
        }
    }
    std::sort(times.begin(), times.end());
    const double median =
        times.size() % 2 ? times[times.size() / 2] : (times[times.size() / 2 - 1] + times[times.size() / 2]) / 2;
    double mean = 0;
    for (double t : times)
        mean += t / static_cast<double>(times.size());
    if (a.flags.contains(QStringLiteral("--json"))) {
        QJsonObject o;
        o[QStringLiteral("model")] = a.positional.front();
        o[QStringLiteral("runs")] = runs;
        o[QStringLiteral("warmup")] = warmup;
        o[QStringLiteral("threads")] = opts.threads;
        o[QStringLiteral("rounding")] = qs(exec::roundingName(opts.rounding));
        o[QStringLiteral("median_ms")] = median;
        o[QStringLiteral("min_ms")] = times.front();
        o[QStringLiteral("mean_ms")] = mean;
        o[QStringLiteral("max_ms")] = times.back();
        o[QStringLiteral("load_ms")] = loadMs;
        o[QStringLiteral("arena_bytes")] = static_cast<double>(it.arenaBytes());
        // The integer GEMM's instruction set (QL_IGEMM_PATH selects another available one).
        o[QStringLiteral("integer_kernels")] = QString::fromLatin1(exec::igemmPathName(exec::igemmPath()));
        if (profile) {
            QJsonArray ops;
            for (std::size_t k = 0; k < opTotal.size(); ++k) {
                QJsonObject op;
                op[QStringLiteral("index")] = static_cast<int>(k);
                op[QStringLiteral("op")] = qs(it.graph().opName(running.operators[k]));
                op[QStringLiteral("mean_ms")] = opTotal[k];
                ops.append(op);
            }
            o[QStringLiteral("operators")] = ops;
        }
        out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
    } else {
        out << tr("%1: median %2 ms, min %3 ms over %4 runs (%5 thread(s), %6 rounding)")
                   .arg(a.positional.front())
                   .arg(median, 0, 'f', 3)
                   .arg(times.front(), 0, 'f', 3)
                   .arg(runs)
                   .arg(opts.threads)
                   .arg(qs(exec::roundingName(opts.rounding)))
            << '\n';
        if (profile) {
            std::map<std::string, double> byOp;
            for (std::size_t k = 0; k < opTotal.size(); ++k)
                byOp[it.graph().opName(running.operators[k])] += opTotal[k];
            for (const auto& [name, ms] : byOp)
                out << QStringLiteral("  %1 %2 ms").arg(qs(name), -24).arg(ms, 0, 'f', 3) << '\n';
        }
    }
    return 0;
}

} // namespace ql::cli
