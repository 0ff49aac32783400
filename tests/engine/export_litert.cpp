// SPDX-License-Identifier: MIT
// Running and checking an export against the official runtime (export_litert.h).
#include "engine/export_litert.h"

#include "exec/interpreter.h"
#include "model/transform.h"

#include "common/litert.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <algorithm>
#include <cmath>

namespace ql::test {

using DT = model::DType;

// One input in the tensor's own dtype: uniform floats in [lo, hi], quantized with the tensor's
// parameters for integer inputs.
data::NpyArray inputFor(const exec::RtTensor& t, float lo, float hi, std::mt19937& rng)
{
    data::NpyArray a;
    a.dtype = t.dtype;
    a.shape.assign(t.shape.begin(), t.shape.end());
    const std::int64_t n = t.count();
    std::uniform_real_distribution<float> u(lo, hi);
    const model::Quantization* q = t.meta ? &t.meta->quantization : nullptr;
    const float scale = q && !q->scale.empty() ? q->scale[0] : 1.0f;
    const std::int64_t zp = q && !q->zeroPoint.empty() ? q->zeroPoint[0] : 0;
    a.data.resize(static_cast<std::size_t>(model::denseBytes(t.dtype, n)));
    for (std::int64_t i = 0; i < n; ++i) {
        const float x = u(rng);
        const double code = std::nearbyint(x / scale) + static_cast<double>(zp);
        switch (t.dtype) {
        case DT::Float32: std::memcpy(a.data.data() + i * 4, &x, 4); break;
        case DT::Int8: a.data[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(static_cast<std::int8_t>(std::clamp(code, -128.0, 127.0))); break;
        case DT::UInt8: a.data[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(std::clamp(code, 0.0, 255.0)); break;
        case DT::Int16: {
            const auto v = static_cast<std::int16_t>(std::clamp(code, -32768.0, 32767.0));
            std::memcpy(a.data.data() + i * 2, &v, 2);
            break;
        }
        default: break;
        }
    }
    return a;
}

QString runError(std::shared_ptr<const model::Graph> g, float lo, float hi)
{
    auto it = exec::Interpreter::create(std::move(g));
    if (!it)
        return QString::fromStdString(it.error().message);
    std::mt19937 rng(5);
    for (int i = 0; i < (*it)->inputCount(); ++i) {
        const auto a = inputFor((*it)->input(i), lo, hi, rng);
        if (!(*it)->setInput(i, a.dtype, a.data).ok())
            return QStringLiteral("cannot set input %1").arg(i);
    }
    if (auto st = (*it)->invoke(); !st)
        return QString::fromStdString(st.error().message);
    return {};
}

// Operators computing in float in an integer export (QUANTIZE and DEQUANTIZE aside).
int floatComputeOperators(const model::Graph& g)
{
    int n = 0;
    for (const auto& sg : g.subgraphs)
        for (const auto& op : sg.operators) {
            const auto code = g.opcodeOf(op);
            if (code == tflite::BuiltinOperator::QUANTIZE || code == tflite::BuiltinOperator::DEQUANTIZE)
                continue;
            for (int o : op.outputs)
                if (o >= 0 && sg.tensors[static_cast<std::size_t>(o)].dtype == DT::Float32) {
                    ++n;
                    break;
                }
        }
    return n;
}

// One litert-run call that loads, delegates, prepares and invokes once on the given inputs.
LitertRun runOnce(const QString& model, const QStringList& inputs, const QString& outDir)
{
    LitertRun r;
    QStringList args{model, QStringLiteral("--bench"), QStringLiteral("1"), QStringLiteral("--warmup"),
        QStringLiteral("0"), QStringLiteral("--no-signatures"), QStringLiteral("--verbose"), QStringLiteral("--output-dir"),
        outDir};
    for (const QString& f : inputs)
        args << QStringLiteral("--input") << f;
    QProcess p;
    p.start(test::litertRunPath(), args);
    if (!p.waitForFinished(600000) || p.exitStatus() != QProcess::NormalExit) {
        r.error = QStringLiteral("litert-run did not finish");
        return r;
    }
    const QString log = QString::fromUtf8(p.readAllStandardError());
    if (p.exitCode() != 0) {
        r.error = QStringLiteral("litert-run exit %1: %2").arg(p.exitCode()).arg(log.right(400));
        return r;
    }
    if (const QString f = test::litertFailure(log); !f.isEmpty()) {
        r.error = QStringLiteral("LiteRT: ") + f;
        return r;
    }
    const auto doc = QJsonDocument::fromJson(p.readAllStandardOutput());
    r.fullyDelegated = doc.object()[QStringLiteral("xnnpack_fully_delegated")].toBool();
    for (int k = 0;; ++k) {
        const QString f = outDir + QStringLiteral("/out%1.npy").arg(k);
        if (!QFileInfo::exists(f))
            break;
        auto a = data::readNpy(f.toStdString());
        if (!a) {
            r.error = QString::fromStdString(a.error().message);
            return r;
        }
        r.outputs.push_back(std::move(*a));
    }
    r.ok = true;
    return r;
}

// Signature definitions (keys, names, and indices that point at the subgraph's own inputs and outputs
// where the original's did), metadata entries and associated files survive the export.
QString keptSignaturesAndMetadata(const model::Graph& before, const model::Graph& after)
{
    if (after.signatureDefs.size() != before.signatureDefs.size())
        return QStringLiteral("%1 signatures became %2").arg(before.signatureDefs.size()).arg(after.signatureDefs.size());
    auto sameSet = [](const std::vector<model::SignatureTensor>& a, const std::vector<std::int32_t>& b) {
        std::vector<std::int32_t> x;
        for (const auto& t : a)
            x.push_back(static_cast<std::int32_t>(t.tensorIndex));
        std::vector<std::int32_t> y = b;
        std::sort(x.begin(), x.end());
        std::sort(y.begin(), y.end());
        return x == y;
    };
    for (std::size_t k = 0; k < before.signatureDefs.size(); ++k) {
        const auto& b = before.signatureDefs[k];
        const auto& a = after.signatureDefs[k];
        if (a.key != b.key || a.subgraphIndex != b.subgraphIndex || a.inputs.size() != b.inputs.size() ||
            a.outputs.size() != b.outputs.size())
            return QStringLiteral("signature '%1' changed").arg(QString::fromStdString(b.key));
        for (std::size_t i = 0; i < b.inputs.size(); ++i)
            if (a.inputs[i].name != b.inputs[i].name)
                return QStringLiteral("signature '%1' input names changed").arg(QString::fromStdString(b.key));
        const auto& sb = before.subgraphs[b.subgraphIndex];
        const auto& sa = after.subgraphs[a.subgraphIndex];
        if (sameSet(b.inputs, sb.inputs) && !sameSet(a.inputs, sa.inputs))
            return QStringLiteral("signature '%1' no longer names the subgraph's inputs").arg(QString::fromStdString(b.key));
        if (sameSet(b.outputs, sb.outputs) && !sameSet(a.outputs, sa.outputs))
            return QStringLiteral("signature '%1' no longer names the subgraph's outputs").arg(QString::fromStdString(b.key));
    }
    for (const auto& m : before.metadata) {
        const bool kept = std::any_of(after.metadata.begin(), after.metadata.end(), [&](const auto& x) {
            return x.name == m.name &&
                (m.name == "min_runtime_version" || after.buffers[x.buffer].data.size() == before.buffers[m.buffer].data.size());
        });
        if (!kept)
            return QStringLiteral("metadata '%1' lost").arg(QString::fromStdString(m.name));
    }
    if (after.associatedFiles.size() != before.associatedFiles.size())
        return QStringLiteral("associated files: %1 bytes became %2").arg(before.associatedFiles.size()).arg(after.associatedFiles.size());
    return {};
}

model::Graph cutBeforeCustom(const model::Graph& g, int* cut)
{
    model::Graph c = g;
    auto& s = c.subgraphs[0];
    std::vector<bool> fromCustom(s.tensors.size(), false);
    // Computed from constants alone (a DEQUANTIZE of float16 weights): never made an output.
    std::vector<bool> constant(s.tensors.size(), false);
    for (std::size_t t = 0; t < s.tensors.size(); ++t)
        constant[t] = c.isConstant(s.tensors[t]);
    std::vector<model::Operator> kept;
    std::vector<int> fed;
    for (const auto& op : s.operators) {
        bool fromConstants = !op.inputs.empty();
        for (int t : op.inputs)
            fromConstants = fromConstants && (t < 0 || constant[static_cast<std::size_t>(t)]);
        if (fromConstants)
            for (int t : op.outputs)
                constant[static_cast<std::size_t>(t)] = true;
        bool drop = c.opcodeOf(op) == tflite::BuiltinOperator::CUSTOM;
        for (int t : op.inputs)
            drop = drop || (t >= 0 && fromCustom[static_cast<std::size_t>(t)]);
        if (!drop) {
            kept.push_back(op);
            continue;
        }
        for (int t : op.outputs)
            fromCustom[static_cast<std::size_t>(t)] = true;
        for (int t : op.inputs)
            if (t >= 0 && !fromCustom[static_cast<std::size_t>(t)] && !constant[static_cast<std::size_t>(t)] &&
                std::find(s.inputs.begin(), s.inputs.end(), t) == s.inputs.end() &&
                std::find(fed.begin(), fed.end(), t) == fed.end())
                fed.push_back(t);
    }
    *cut = static_cast<int>(s.operators.size() - kept.size());
    if (*cut == 0)
        return c;
    std::vector<int> outputs;
    for (int t : s.outputs)
        if (!fromCustom[static_cast<std::size_t>(t)])
            outputs.push_back(t);
    for (int t : fed)
        if (std::find(outputs.begin(), outputs.end(), t) == outputs.end())
            outputs.push_back(t);
    s.operators = std::move(kept);
    s.outputs = std::move(outputs);
    c.signatureDefs.clear();
    model::dropUnused(c);
    return c;
}

} // namespace ql::test
