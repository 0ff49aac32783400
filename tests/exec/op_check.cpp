// SPDX-License-Identifier: MIT
#include "exec/op_check.h"

#include "common/litert.h"
#include "exec/interpreter.h"
#include "model/writer.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>

namespace ql::test {

namespace {

using DT = model::DType;

// Which of a case's inputs are graph inputs (the others are constants), in order.
std::vector<std::size_t> graphInputsOf(const OpCase& c)
{
    std::vector<std::size_t> graphInputs;
    for (std::size_t k = 0; k < c.inputs.size(); ++k)
        if (c.inputs[k].data.empty())
            graphInputs.push_back(k);
    return graphInputs;
}

bool isFloat(DT t)
{
    return t == DT::Float32 || t == DT::Complex64 || t == DT::Float64;
}

// Sets the interpreter's inputs to seeded random values and, with `dir`, writes them as .npy files.
QString setInputs(exec::Interpreter& it, const OpCase& c, std::mt19937& rng, const QTemporaryDir* dir, QStringList* files)
{
    const auto graphInputs = graphInputsOf(c);
    for (int i = 0; i < it.inputCount(); ++i) {
        const auto& spec = c.inputs[graphInputs[static_cast<std::size_t>(i)]];
        data::NpyArray a;
        a.dtype = spec.dtype;
        a.shape.assign(spec.shape.begin(), spec.shape.end());
        a.data = randomInput(spec, rng);
        if (!it.setInput(i, a.dtype, a.data).ok())
            return QStringLiteral("QuantLens did not take input %1").arg(i);
        if (dir) {
            *files << dir->filePath(QStringLiteral("in%1.npy").arg(i));
            if (!data::writeNpy(files->back().toStdString(), a).ok())
                return QStringLiteral("cannot write %1").arg(files->back());
        }
    }
    return {};
}

// Compares output `o` of one seed; returns the problem or an empty string.
QString compareOutput(const OpCase& c, int o, int seed, const exec::RtTensor& ours, const data::NpyArray& theirs)
{
    if (theirs.elementCount() != ours.count() || theirs.dtype != ours.dtype)
        return QStringLiteral("output %1: LiteRT gives %2 %3 elements, QuantLens %4 %5")
            .arg(o)
            .arg(theirs.elementCount())
            .arg(QString::fromStdString(model::dtypeName(theirs.dtype)))
            .arg(ours.count())
            .arg(QString::fromStdString(model::dtypeName(ours.dtype)));
    const bool complex = ours.dtype == DT::Complex64;
    const std::int64_t n = ours.count() * (complex ? 2 : 1);
    double maxRef = 0, maxDiff = 0;
    std::int64_t worst = -1;
    for (std::int64_t i = 0; i < n; ++i) {
        if (c.skip && c.skip(o, complex ? i / 2 : i))
            continue;
        const double a = valueOf(ours.data, ours.dtype, i), b = valueOf(theirs.data.data(), theirs.dtype, i);
        if (std::isnan(a) && std::isnan(b))
            continue;
        if (std::isfinite(b))
            maxRef = std::max(maxRef, std::abs(b));
        const double d = a == b ? 0.0 : std::abs(a - b);
        if (!(d <= maxDiff)) {
            maxDiff = d;
            worst = i;
        }
    }
    const bool ok = isFloat(ours.dtype) ? maxDiff <= c.floatTolerance * std::max(maxRef, 1e-3) : maxDiff == 0;
    if (ok)
        return {};
    return QStringLiteral("output %1, seed %2: max |diff| %3 at element %4 (max |ref| %5)")
        .arg(o)
        .arg(seed)
        .arg(maxDiff)
        .arg(worst)
        .arg(maxRef);
}

} // namespace

namespace {

// The check, with its files in `dir`.
OpCheck checkIn(const OpCase& c, unsigned seedBase, RefusalRule rule, const QTemporaryDir& dir)
{
    OpCheck r;
    auto graph = std::make_shared<model::Graph>(singleOpGraph(c.op, c.inputs, c.outputs));
    auto it = exec::Interpreter::create(graph);
    if (rule == RefusalRule::AsWritten && !c.refusal.empty()) {
        // Either prepare or the run must fail, naming the problem.
        std::string message;
        if (!it.ok()) {
            message = it.error().message;
        } else {
            std::mt19937 rng(seedBase + 1);
            if (r.problem = setInputs(**it, c, rng, nullptr, nullptr); !r.problem.isEmpty())
                return r;
            const auto st = (*it)->invoke();
            if (st.ok()) {
                r.problem = QStringLiteral("QuantLens ran a model it must refuse");
                return r;
            }
            message = st.error().message;
        }
        if (message.find(c.refusal) == std::string::npos)
            r.problem = QStringLiteral("refused, but not for '%1': %2")
                            .arg(QString::fromStdString(c.refusal), QString::fromStdString(message));
        r.refusal = QString::fromStdString(message);
        return r;
    }
    const QString modelPath = dir.filePath(QStringLiteral("op.tflite"));
    if (auto w = model::writeTflite(*graph, modelPath.toStdString()); !w.ok()) {
        r.problem = QStringLiteral("cannot write the model: ") + QString::fromStdString(w.error().message);
        return r;
    }
    for (int seed = 1; seed <= c.seeds; ++seed) {
        std::mt19937 rng(seedBase * 131 + static_cast<unsigned>(seed));
        QStringList files;
        std::string ourRefusal;
        if (!it.ok()) {
            ourRefusal = it.error().message;
            // The inputs LiteRT is given: the same shapes and types.
            for (std::size_t k : graphInputsOf(c)) {
                const auto& spec = c.inputs[k];
                data::NpyArray a;
                a.dtype = spec.dtype;
                a.shape.assign(spec.shape.begin(), spec.shape.end());
                a.data = randomInput(spec, rng);
                files << dir.filePath(QStringLiteral("in%1.npy").arg(files.size()));
                if (!data::writeNpy(files.back().toStdString(), a).ok()) {
                    r.problem = QStringLiteral("cannot write %1").arg(files.back());
                    return r;
                }
            }
        } else {
            if (r.problem = setInputs(**it, c, rng, &dir, &files); !r.problem.isEmpty())
                return r;
            if (const auto st = (*it)->invoke(); !st.ok())
                ourRefusal = st.error().message;
        }
        if (!ourRefusal.empty() && rule == RefusalRule::AsWritten) {
            r.problem = QString::fromStdString(ourRefusal);
            return r;
        }
        const auto ref = runLitert(modelPath, files, c.litertArgs);
        if (!ourRefusal.empty()) {
            if (ref.ok)
                r.problem = QStringLiteral("LiteRT runs it, QuantLens refuses: ") + QString::fromStdString(ourRefusal);
            else
                r.refusal = QString::fromStdString(ourRefusal);
            return r;
        }
        if (!ref.ok) {
            r.problem = rule == RefusalRule::LikeLitert ? QStringLiteral("QuantLens runs it, LiteRT does not: ") + ref.error
                                                        : ref.error;
            return r;
        }
        if (static_cast<int>(ref.outputs.size()) != (*it)->outputCount()) {
            r.problem = QStringLiteral("LiteRT gives %1 outputs, QuantLens %2").arg(ref.outputs.size()).arg((*it)->outputCount());
            return r;
        }
        for (int o = 0; o < (*it)->outputCount(); ++o) {
            if (std::find(c.ignoredOutputs.begin(), c.ignoredOutputs.end(), o) != c.ignoredOutputs.end())
                continue;
            r.problem = compareOutput(c, o, seed, (*it)->output(o), ref.outputs[static_cast<std::size_t>(o)]);
            if (!r.problem.isEmpty())
                return r;
        }
    }
    r.ran = true;
    return r;
}

// With QL_OP_CHECK_KEEP set, a failing case's model and inputs are copied there (into a folder named
// by the case), to run again by hand: litert-run op.tflite --input in0.npy ... --verbose.
void keepForInspection(const OpCase& c, const QTemporaryDir& dir)
{
    const QString root = qEnvironmentVariable("QL_OP_CHECK_KEEP");
    if (root.isEmpty())
        return;
    QString name = QString::fromStdString(c.name);
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.,-]+")), QStringLiteral("_"));
    const QDir target(QDir(root).filePath(name));
    QDir().mkpath(target.path());
    for (const auto& f : QDir(dir.path()).entryList(QDir::Files))
        QFile::copy(QDir(dir.path()).filePath(f), target.filePath(f));
}

} // namespace

OpCheck checkOpCase(const OpCase& c, unsigned seedBase, RefusalRule rule)
{
    QTemporaryDir dir;
    OpCheck r = checkIn(c, seedBase, rule, dir);
    if (!r.problem.isEmpty())
        keepForInspection(c, dir);
    return r;
}

std::string operatorName(const OpSpec& op)
{
    return op.op == tflite::BuiltinOperator::CUSTOM ? op.customCode : tflite::EnumNameBuiltinOperator(op.op);
}

std::string caseTypes(const OpCase& c)
{
    std::string t = c.inputs.empty() ? "none" : model::dtypeName(c.inputs[0].dtype);
    if (c.inputs.size() > 1 && c.inputs[1].dtype != c.inputs[0].dtype)
        t += "/" + model::dtypeName(c.inputs[1].dtype);
    if (!c.outputs.empty() && (c.inputs.empty() || c.outputs[0].dtype != c.inputs[0].dtype))
        t += "->" + model::dtypeName(c.outputs[0].dtype);
    return t;
}

void printCoverage(const std::map<std::string, std::set<std::string>>& ran)
{
    for (const auto& [op, types] : ran) {
        QStringList t;
        for (const auto& s : types)
            t << QString::fromStdString(s);
        qInfo("verified against LiteRT: %s: %s", op.c_str(), qPrintable(t.join(QStringLiteral(", "))));
    }
}

} // namespace ql::test
