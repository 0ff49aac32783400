// SPDX-License-Identifier: MIT
#include "cli/info.h"

#include "data/value_range.h"
#include "target/micro_arena.h"

#include "cli/args.h"
#include "cli/json_util.h"
#include "exec/interpreter.h"
#include "model/layers.h"
#include "model/summary.h"
#include "quant/lint.h"

#include <QCoreApplication>

#include <algorithm>
#include <QJsonArray>
#include <QLocale>

namespace ql::cli {

namespace {

using namespace ql::model;

// What LiteRT will make of the file: delegation, and every problem that stops it running as meant.
QJsonObject lintJson(const quant::LintReport& r)
{
    QJsonObject o;
    o[QStringLiteral("xnnpack_fully_delegated")] = r.fullyDelegated;
    o[QStringLiteral("delegated_operators")] = r.delegatedOperators;
    o[QStringLiteral("builtin_operators")] = r.builtinOperators;
    o[QStringLiteral("errors")] = r.errors();
    o[QStringLiteral("warnings")] = r.warnings();
    QJsonArray findings;
    for (const auto& f : r.findings) {
        QJsonObject j;
        j[QStringLiteral("severity")] = QString::fromStdString(quant::severityName(f.severity));
        j[QStringLiteral("subgraph")] = f.subgraph;
        j[QStringLiteral("operator")] = f.op;
        j[QStringLiteral("op")] = QString::fromStdString(f.opName);
        j[QStringLiteral("check")] = QString::fromStdString(f.check);
        j[QStringLiteral("message")] = QString::fromStdString(f.message);
        findings.append(j);
    }
    o[QStringLiteral("findings")] = findings;
    return o;
}

QJsonValue quantizationJson(const Quantization& q)
{
    if (q.scale.empty() && q.min.empty())
        return QJsonValue::Null;
    QJsonObject o;
    o[QStringLiteral("scale")] = numbers(q.scale);
    o[QStringLiteral("zero_point")] = numbers(q.zeroPoint);
    o[QStringLiteral("quantized_dimension")] = q.quantizedDimension;
    if (!q.min.empty()) {
        o[QStringLiteral("min")] = numbers(q.min);
        o[QStringLiteral("max")] = numbers(q.max);
    }
    if (q.details.type != tflite::QuantizationDetails::NONE)
        o[QStringLiteral("details")] = QLatin1String(tflite::EnumNameQuantizationDetails(q.details.type));
    return o;
}

QJsonObject tensorJson(const Graph& g, const Tensor& t, int index)
{
    QJsonObject o;
    o[QStringLiteral("index")] = index;
    o[QStringLiteral("name")] = qs(t.name);
    o[QStringLiteral("shape")] = numbers(t.shape);
    if (!t.shapeSignature.empty() && t.shapeSignature != t.shape)
        o[QStringLiteral("shape_signature")] = numbers(t.shapeSignature);
    o[QStringLiteral("dtype")] = qs(dtypeName(t.dtype));
    o[QStringLiteral("quantization")] = quantizationJson(t.quantization);
    o[QStringLiteral("bytes")] = static_cast<double>(tensorBytes(g, t));
    o[QStringLiteral("constant")] = g.isConstant(t);
    o[QStringLiteral("buffer")] = static_cast<double>(t.buffer);
    if (t.isVariable)
        o[QStringLiteral("variable")] = true;
    if (t.isSparse())
        o[QStringLiteral("sparse")] = true;
    return o;
}

QString humanBytes(std::uint64_t n)
{
    return QLocale::c().formattedDataSize(static_cast<qint64>(n), 1, QLocale::DataSizeTraditionalFormat);
}

QString tr(const char* s, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("ql::cli::Info", s, disambiguation, n);
}

std::vector<exec::Blocker> blockersOf(const Graph& g)
{
    return exec::Interpreter::diagnose(std::make_shared<const Graph>(g));
}

QString blockerText(const exec::Blocker& b)
{
    return qs(b.message);
}

} // namespace

namespace {

// What tflite-micro's interpreter needs as tensor arena for this model (target/micro_arena.h), or why it is not
// modelled.
QJsonObject microArenaJson(const Graph& g)
{
    QJsonObject j;
    auto a = target::microArena(g);
    if (!a) {
        j[QStringLiteral("error")] = qs(a.error().message);
        return j;
    }
    j[QStringLiteral("used_bytes")] = static_cast<double>(a->total());
    j[QStringLiteral("activation_plan_bytes")] = static_cast<double>(a->plan);
    j[QStringLiteral("persistent_bytes")] = static_cast<double>(a->persistent);
    QJsonObject parts;
    for (const auto& p : a->parts)
        parts[qs(p.name)] = static_cast<double>(p.bytes);
    j[QStringLiteral("persistent_parts")] = parts;
    QJsonArray live;
    for (const auto b : a->liveBytes)
        live.append(static_cast<double>(b));
    j[QStringLiteral("live_bytes_by_step")] = live;
    QJsonArray unknown;
    for (const auto& u : a->unknown)
        unknown.append(qs(u));
    j[QStringLiteral("unknown_kernels")] = unknown;
    return j;
}

} // namespace

QJsonObject modelInfoJson(const Graph& g, const QString& path)
{
    const auto summary = summarize(g);
    const Subgraph& sg = g.main();
    QJsonObject o;
    o[QStringLiteral("file")] = path;
    o[QStringLiteral("file_size")] = static_cast<double>(summary.fileSize);
    o[QStringLiteral("schema_version")] = static_cast<double>(summary.schemaVersion);
    o[QStringLiteral("description")] = qs(summary.description);
    o[QStringLiteral("mode")] = qs(quantModeName(summary.mode.mode));
    o[QStringLiteral("mode_reason")] = qs(summary.mode.reason);
    if (const auto e = data::expectedInputRange(g))
        o[QStringLiteral("input_range")] = QJsonObject{{QStringLiteral("lo"), e->range.lo},
            {QStringLiteral("hi"), e->range.hi}, {QStringLiteral("basis"), qs(e->basis)}};
    o[QStringLiteral("subgraph_count")] = static_cast<int>(g.subgraphs.size());
    o[QStringLiteral("constant_bytes")] = static_cast<double>(summary.constantBytes);
    QJsonObject byDtype;
    for (const auto& [dtype, bytes] : summary.bytesByDtype)
        byDtype[qs(dtype)] = static_cast<double>(bytes);
    o[QStringLiteral("bytes_by_dtype")] = byDtype;
    o[QStringLiteral("associated_files_bytes")] = static_cast<double>(summary.associatedFilesBytes);
    QJsonObject counts;
    for (const auto& [op, n] : summary.operatorCounts)
        counts[qs(op)] = n;
    o[QStringLiteral("operator_counts")] = counts;

    QJsonArray ops;
    for (std::size_t i = 0; i < sg.operators.size(); ++i) {
        const Operator& op = sg.operators[i];
        QJsonObject j;
        j[QStringLiteral("index")] = static_cast<int>(i);
        j[QStringLiteral("op")] = qs(g.opName(op));
        j[QStringLiteral("version")] = g.opcodes[op.opcodeIndex].version;
        j[QStringLiteral("inputs")] = numbers(op.inputs);
        j[QStringLiteral("outputs")] = numbers(op.outputs);
        if (!op.intermediates.empty())
            j[QStringLiteral("intermediates")] = numbers(op.intermediates);
        if (op.options.type != tflite::BuiltinOptions::NONE)
            j[QStringLiteral("options_type")] = QLatin1String(tflite::EnumNameBuiltinOptions(op.options.type));
        ops.append(j);
    }
    o[QStringLiteral("operators")] = ops;
    // Whether QuantLens can run the model, and if not, every operator that stops it.
    const auto blockers = blockersOf(g);
    o[QStringLiteral("runnable")] = blockers.empty();
    QJsonArray blocking;
    for (const auto& b : blockers) {
        QJsonObject j;
        j[QStringLiteral("subgraph")] = b.subgraph;
        j[QStringLiteral("operator")] = b.op;
        j[QStringLiteral("op")] = qs(b.opName);
        j[QStringLiteral("reason")] = blockerText(b);
        blocking.append(j);
    }
    o[QStringLiteral("blocking_operators")] = blocking;
    o[QStringLiteral("lint")] = lintJson(quant::lint(g));
    o[QStringLiteral("tflite_micro_arena")] = microArenaJson(g);
    QJsonArray tensors;
    for (std::size_t i = 0; i < sg.tensors.size(); ++i)
        tensors.append(tensorJson(g, sg.tensors[i], static_cast<int>(i)));
    o[QStringLiteral("tensors")] = tensors;
    o[QStringLiteral("inputs")] = numbers(sg.inputs);
    o[QStringLiteral("outputs")] = numbers(sg.outputs);

    QJsonArray metadata;
    for (const auto& m : g.metadata) {
        QJsonObject j;
        j[QStringLiteral("name")] = qs(m.name);
        j[QStringLiteral("bytes")] = static_cast<double>(g.buffers[m.buffer].data.size());
        metadata.append(j);
    }
    o[QStringLiteral("metadata")] = metadata;
    QJsonArray signatures;
    for (const auto& s : g.signatureDefs) {
        QJsonObject j;
        j[QStringLiteral("key")] = qs(s.key);
        j[QStringLiteral("subgraph")] = static_cast<double>(s.subgraphIndex);
        for (const auto& [key, list] : {std::pair{"inputs", &s.inputs}, std::pair{"outputs", &s.outputs}}) {
            QJsonObject map;
            for (const auto& m : *list)
                map[qs(m.name)] = static_cast<double>(m.tensorIndex);
            j[QLatin1String(key)] = map;
        }
        signatures.append(j);
    }
    o[QStringLiteral("signature_defs")] = signatures;
    return o;
}

QString modelInfoTable(const Graph& g, const QString& path)
{
    const auto summary = summarize(g);
    const Subgraph& sg = g.main();
    QString s;
    QTextStream out(&s);
    out << tr("Model") << ":       " << path << '\n'
        << tr("Size") << ":        " << humanBytes(summary.fileSize) << " (" << summary.fileSize << ' ' << tr("bytes")
        << ")\n"
        << tr("Mode") << ":        " << qs(quantModeName(summary.mode.mode)) << " - " << qs(summary.mode.reason)
        << '\n';
    if (!summary.description.empty())
        out << tr("Description") << ": " << qs(summary.description) << '\n';
    const auto blockers = blockersOf(g);
    if (blockers.empty()) {
        out << tr("Runs") << ":        " << tr("yes") << '\n';
    } else {
        out << tr("Runs") << ":        " << tr("no, blocked by %n operator(s):", nullptr, static_cast<int>(blockers.size()))
            << '\n';
        for (const auto& b : blockers)
            out << "  " << blockerText(b) << '\n';
    }
    const quant::LintReport lint = quant::lint(g);
    out << tr("LiteRT") << ":      "
        << (lint.fullyDelegated ? tr("every operator delegated to XNNPACK")
                                : tr("%1 of %2 operators on built-in kernels (not XNNPACK)")
                                      .arg(lint.builtinOperators)
                                      .arg(lint.builtinOperators + lint.delegatedOperators))
        << '\n';
    if (lint.errors() + lint.warnings() > 0) {
        out << tr("Problems") << ":    " << tr("%1 error(s), %2 warning(s)").arg(lint.errors()).arg(lint.warnings()) << '\n';
        for (const auto& f : lint.findings)
            if (f.severity != quant::Severity::Note)
                out << "  " << qs(quant::severityName(f.severity)) << ": " << qs(quant::describe(f)) << '\n';
    }
    if (const auto arena = target::microArena(g)) {
        out << tr("TFLM arena") << ":  " << humanBytes(static_cast<std::uint64_t>(arena->total())) << " ("
            << tr("%1 bytes: %2 activations + %3 persistent; tflite-micro, 64-bit host")
                   .arg(arena->total())
                   .arg(arena->plan)
                   .arg(arena->persistent);
        if (!arena->unknown.empty()) {
            QStringList names;
            for (const auto& u : arena->unknown)
                names << qs(u);
            out << tr("; kernel data of %1 not counted").arg(names.join(QStringLiteral(", ")));
        }
        out << ")\n";
    }
    out << tr("Weights") << ":     ";
    bool first = true;
    for (const auto& [dtype, bytes] : summary.bytesByDtype) {
        out << (first ? "" : ", ") << qs(dtype) << ' ' << humanBytes(bytes);
        first = false;
    }
    out << '\n';
    auto io = [&](const char* label, const std::vector<std::int32_t>& list) {
        for (auto i : list) {
            const Tensor& t = sg.tensors[static_cast<std::size_t>(i)];
            out << tr(label) << ":       " << qs(t.name) << ' ' << qs(shapeString(t.shape)) << ' '
                << qs(dtypeName(t.dtype));
            if (const auto q = quantizationString(t.quantization); !q.empty())
                out << " (" << qs(q) << ')';
            out << '\n';
        }
    };
    io("Input", sg.inputs);
    // What 8-bit data (images) become: the quantized input's span, or the metadata's normalization.
    if (const auto e = data::expectedInputRange(g))
        out << tr("Input range") << ": [" << e->range.lo << ", " << e->range.hi << "] " << tr("from") << ' '
            << qs(e->basis) << '\n';
    io("Output", sg.outputs);
    out << '\n';
    out << qSetFieldWidth(4) << Qt::right << "#" << qSetFieldWidth(0) << "  " << Qt::left << qSetFieldWidth(30)
        << tr("operator") << qSetFieldWidth(18) << tr("output") << qSetFieldWidth(9) << tr("dtype")
        << qSetFieldWidth(16) << tr("weights") << qSetFieldWidth(9) << tr("w-dtype") << qSetFieldWidth(28)
        << tr("quantization") << qSetFieldWidth(0) << tr("bytes") << '\n';
    for (const auto& r : describeLayers(g)) {
        out << qSetFieldWidth(4) << Qt::right << r.index << qSetFieldWidth(0) << "  " << Qt::left << qSetFieldWidth(30)
            << qs(r.op) << qSetFieldWidth(18) << qs(r.outputShape) << qSetFieldWidth(9) << qs(r.outputDtype)
            << qSetFieldWidth(16) << qs(r.weightShape) << qSetFieldWidth(9) << qs(r.weightDtype) << qSetFieldWidth(28)
            << qs(r.quantization) << qSetFieldWidth(0) << r.constantBytes << '\n';
    }
    return s;
}

QJsonObject targetCheckJson(const Graph& g, const target::Profile& profile, std::int64_t fileBytes)
{
    const auto c = target::check(g, profile, fileBytes);
    QJsonObject o;
    o[QStringLiteral("name")] = qs(profile.name);
    o[QStringLiteral("title")] = qs(profile.title);
    o[QStringLiteral("runs")] = c.runs();
    o[QStringLiteral("cut_at")] = c.cutAt;
    o[QStringLiteral("ram_bytes")] = static_cast<double>(c.ramBytes);
    o[QStringLiteral("ram_limit_bytes")] = static_cast<double>(profile.ramBytes);
    o[QStringLiteral("flash_bytes")] = static_cast<double>(c.flashBytes);
    o[QStringLiteral("flash_limit_bytes")] = static_cast<double>(profile.flashBytes);
    QJsonArray findings;
    for (const auto& f : c.findings) {
        QJsonObject j;
        j[QStringLiteral("impact")] = qs(target::impactName(f.impact));
        j[QStringLiteral("operator")] = f.op;
        j[QStringLiteral("op")] = qs(f.opName);
        j[QStringLiteral("rule")] = qs(f.rule);
        j[QStringLiteral("message")] = qs(f.message);
        findings.append(j);
    }
    o[QStringLiteral("findings")] = findings;
    return o;
}

QString targetCheckText(const Graph& g, const target::Profile& profile, std::int64_t fileBytes)
{
    const auto c = target::check(g, profile, fileBytes);
    QString s;
    QTextStream out(&s);
    const int blocking = static_cast<int>(std::count_if(
        c.findings.begin(), c.findings.end(), [](const target::Finding& f) { return f.impact == target::Impact::Blocks; }));
    out << tr("Target") << ":      " << qs(profile.title) << " (" << qs(profile.name) << "): "
        << (c.runs() ? (c.cutAt >= 0 ? tr("runs, partly on the CPU") : tr("runs"))
                     : tr("does not run as it is (%n blocker(s))", nullptr, blocking))
        << '\n';
    if (c.ramBytes >= 0)
        out << tr("RAM") << ":         " << c.ramBytes << ' ' << tr("bytes")
            << (profile.ramBytes > 0 ? tr(" of %1").arg(profile.ramBytes) : QString()) << '\n';
    out << tr("Flash") << ":       " << c.flashBytes << ' ' << tr("bytes")
        << (profile.flashBytes > 0 ? tr(" of %1").arg(profile.flashBytes) : QString()) << '\n';
    constexpr int kShown = 40;
    int shown = 0;
    for (const auto& f : c.findings) {
        if (++shown > kShown) {
            out << "  " << tr("… and %n more (--json lists all)", nullptr, static_cast<int>(c.findings.size()) - kShown)
                << '\n';
            break;
        }
        out << "  " << qs(target::impactName(f.impact)) << ": "
            << (f.op >= 0 ? tr("operator %1 (%2): ").arg(f.op).arg(qs(f.opName)) : QString()) << qs(f.message) << '\n';
    }
    return s;
}

} // namespace ql::cli
