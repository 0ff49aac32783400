// SPDX-License-Identifier: MIT
// Runs the models the interpreter tests build in memory (common/graph_builder.h): in QuantLens, in LiteRT
// on the same inputs, outputs compared bit for bit; and writes each as a fuzzer seed on request.
#pragma once

#include "common/graph_builder.h"

#include "common/litert.h"
#include "data/npy.h"
#include "exec/interpreter.h"
#include "model/graph.h"
#include "model/writer.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTemporaryDir>

#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

namespace ql::test {

template <class T>
data::NpyArray array(model::DType dtype, std::vector<std::int64_t> shape, const std::vector<T>& values)
{
    data::NpyArray a;
    a.dtype = dtype;
    a.shape = std::move(shape);
    a.data.resize(values.size() * sizeof(T));
    if (!a.data.empty())
        std::memcpy(a.data.data(), values.data(), a.data.size());
    return a;
}

template <class T> std::vector<T> valuesOf(const exec::RtTensor& t)
{
    std::vector<T> v(static_cast<std::size_t>(t.count()));
    if (!v.empty())
        std::memcpy(v.data(), t.data, v.size() * sizeof(T));
    return v;
}

template <class T> std::vector<T> valuesOf(const data::NpyArray& a)
{
    std::vector<T> v(static_cast<std::size_t>(a.elementCount()));
    if (!v.empty())
        std::memcpy(v.data(), a.data.data(), v.size() * sizeof(T));
    return v;
}

// With QL_FUZZ_SEEDS set (packaging/fuzz.sh), every model built here is also written there, as a
// seed for the fuzzers: they then start from the structures real files rarely have. The seeds are named
// after the test program without its "_test" (subgraphs_test writes subgraphs_1.tflite, ...), so that
// the programs sharing these helpers do not overwrite each other's.
inline void seedFuzzer(const model::Graph& g)
{
    QString program = QCoreApplication::applicationName();
    if (program.endsWith(QLatin1String("_test")))
        program.chop(5);
    test::writeFuzzSeed(g, program.toStdString());
}

inline std::unique_ptr<exec::Interpreter> interpreter(const model::Graph& g, const exec::InterpreterOptions& o = {})
{
    seedFuzzer(g);
    auto it = exec::Interpreter::create(std::make_shared<model::Graph>(g), o);
    if (!it) {
        qWarning("%s", it.error().message.c_str());
        return nullptr;
    }
    return std::move(it.value());
}

// Sets the inputs, runs, and returns the outputs as arrays.
inline std::vector<data::NpyArray> run(exec::Interpreter& it, const std::vector<data::NpyArray>& inputs)
{
    for (int i = 0; i < it.inputCount(); ++i) {
        const auto st =
            it.setInput(i, inputs[static_cast<std::size_t>(i)].dtype, inputs[static_cast<std::size_t>(i)].data);
        if (!st) {
            qWarning("input %d: %s", i, st.error().message.c_str());
            return {};
        }
    }
    if (auto st = it.invoke(); !st) {
        qWarning("%s", st.error().message.c_str());
        return {};
    }
    std::vector<data::NpyArray> out;
    for (int o = 0; o < it.outputCount(); ++o) {
        const auto& t = it.output(o);
        data::NpyArray a;
        a.dtype = t.dtype;
        a.shape.assign(t.shape.begin(), t.shape.end());
        a.data.assign(t.data, t.data + t.bytes);
        out.push_back(std::move(a));
    }
    return out;
}

// Runs the model in LiteRT on `inputs` (bound by name when `names` is given).
inline test::LitertResult litert(const model::Graph& g, const std::vector<data::NpyArray>& inputs,
    const QStringList& names = {}, const QStringList& args = {})
{
    QTemporaryDir dir;
    dir.setAutoRemove(qEnvironmentVariableIsEmpty("QL_TEST_KEEP")); // QL_TEST_KEEP=1 keeps the model and inputs
    const QString path = dir.filePath(QStringLiteral("m.tflite"));
    test::LitertResult fail;
    if (auto st = model::writeTflite(g, path.toStdString()); !st) {
        fail.error = QString::fromStdString(st.error().message);
        return fail;
    }
    QStringList files;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const QString f = dir.filePath(QStringLiteral("in%1.npy").arg(i));
        if (!data::writeNpy(f.toStdString(), inputs[i]).ok()) {
            fail.error = QStringLiteral("cannot write ") + f;
            return fail;
        }
        files << (names.isEmpty() ? f : names[static_cast<int>(i)] + QLatin1Char('=') + f);
    }
    return test::runLitert(path, files, args);
}

// litert-run takes the outputs of IF, WHILE and composites for outputs shaped at run time and
// refuses them; LiteRT does shape them at prepare when the branches' shapes are fixed, and the
// values are checked against values computed here as well.
inline const QStringList kControlFlow = {QStringLiteral("--allow-dynamic")};

inline bool sameArrays(const std::vector<data::NpyArray>& a, const std::vector<data::NpyArray>& b, QString& why)
{
    if (a.size() != b.size()) {
        why = QStringLiteral("%1 outputs against %2").arg(a.size()).arg(b.size());
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].dtype != b[i].dtype || a[i].shape != b[i].shape || a[i].data != b[i].data) {
            why = QStringLiteral("output %1 differs").arg(i);
            return false;
        }
    }
    return true;
}

inline std::vector<float> seeded(std::size_t n, unsigned seed)
{
    std::vector<float> v(n);
    std::uint32_t s = seed * 2654435761u + 1;
    for (auto& x : v) {
        s = s * 1664525u + 1013904223u;
        x = static_cast<float>(s >> 8) / static_cast<float>(1u << 24) * 4.0f - 2.0f;
    }
    return v;
}

} // namespace ql::test
