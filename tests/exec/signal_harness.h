// SPDX-License-Identifier: MIT
// What the tests of tflite-micro's Signal library operators (signal_*_test.cpp, audio_preprocessor_test.cpp)
// share: one operator in a model built in memory, or the whole audio_preprocessor_int8 model, run with
// kept state as tflite-micro runs a stream of frames, and integer outputs compared value for value.
#pragma once

#include "common/model_facts.h"
#include "common/op_builder.h"
#include "exec/interpreter.h"
#include "model/reader.h"

#include <QTest>

#include <flatbuffers/flexbuffers.h>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <span>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace ql::test {

using Options = std::vector<std::uint8_t>;

// A FlexBuffer map of integer options (the builder sorts the keys, as the converter's does).
inline Options intOptions(std::initializer_list<std::pair<const char*, std::int64_t>> values)
{
    flexbuffers::Builder b;
    b.Map([&] {
        for (const auto& [key, v] : values)
            b.Int(key, v);
    });
    b.Finish();
    return b.GetBuffer();
}

inline test::TensorSpec tensor(std::vector<std::int32_t> shape, model::DType dtype)
{
    test::TensorSpec s;
    s.shape = std::move(shape);
    s.dtype = dtype;
    return s;
}

template <class T>
test::TensorSpec constant(std::vector<std::int32_t> shape, model::DType dtype, const std::vector<T>& v)
{
    return test::TensorSpec::constant(std::move(shape), dtype, v);
}

inline Result<std::unique_ptr<exec::Interpreter>> oneOp(const std::string& code, const Options& options,
    const std::vector<test::TensorSpec>& inputs, const std::vector<test::TensorSpec>& outputs,
    exec::Rounding rounding = exec::Rounding::Reference)
{
    test::OpSpec spec;
    spec.op = tflite::BuiltinOperator::CUSTOM;
    spec.customCode = code;
    spec.customOptions = options;
    exec::InterpreterOptions o;
    o.rounding = rounding;
    o.keepState = true; // a stream of frames, as tflite-micro runs it
    return exec::Interpreter::create(
        std::make_shared<const model::Graph>(test::singleOpGraph(spec, inputs, outputs)), o);
}

template <class T> Status setInput(exec::Interpreter& it, int i, const std::vector<T>& v)
{
    const auto* p = reinterpret_cast<const std::uint8_t*>(v.data());
    return it.setInput(i, it.input(i).dtype, std::span(p, v.size() * sizeof(T)));
}

template <class T> std::vector<T> values(const exec::RtTensor& t)
{
    return std::vector<T>(t.as<const T>(), t.as<const T>() + t.count());
}

// "" when equal, else the first differences.
template <class T> std::string difference(const std::vector<T>& got, const std::vector<T>& want)
{
    std::ostringstream s;
    if (got.size() != want.size())
        s << got.size() << " values, expected " << want.size() << "; ";
    int shown = 0;
    for (std::size_t i = 0; i < std::min(got.size(), want.size()) && shown < 6; ++i)
        if (got[i] != want[i]) {
            s << "[" << i << "] " << +got[i] << " != " << +want[i] << "; ";
            ++shown;
        }
    return s.str();
}

#define CHECK_VALUES(got, ...)                                                                                         \
    do {                                                                                                               \
        const std::string d_ = difference(got, __VA_ARGS__);                                                           \
        QVERIFY2(d_.empty(), d_.c_str());                                                                              \
    } while (false)

#define CHECK_OK(expr)                                                                                                 \
    do {                                                                                                               \
        const auto& r_ = (expr);                                                                                       \
        QVERIFY2(r_.ok(), r_.ok() ? "" : r_.error().message.c_str());                                                  \
    } while (false)

// The error of a result that must have failed, containing `part`.
template <class R> bool failsWith(const R& r, const std::string& part, std::string& why)
{
    if (r.ok()) {
        why = "succeeded, expected an error containing '" + part + "'";
        return false;
    }
    why = r.error().message;
    return why.find(part) != std::string::npos;
}

#define CHECK_FAILS(expr, part)                                                                                        \
    do {                                                                                                               \
        std::string w_;                                                                                                \
        const bool f_ = failsWith((expr), (part), w_);                                                                 \
        QVERIFY2(f_, w_.c_str());                                                                                      \
    } while (false)

inline std::shared_ptr<const model::Graph> preprocessor()
{
    static const std::shared_ptr<const model::Graph> g = [] {
        auto r = model::readTflite(test::modelPath("wild/audio_preprocessor_int8.tflite"));
        return r.ok() ? std::make_shared<const model::Graph>(std::move(r.value())) : nullptr;
    }();
    return g;
}

inline Result<std::unique_ptr<exec::Interpreter>> preprocessorInterpreter(
    exec::Rounding rounding = exec::Rounding::Reference, bool keepIntermediates = false, bool keepState = true)
{
    if (!preprocessor())
        return Error{"cannot read " + test::modelPath("wild/audio_preprocessor_int8.tflite")};
    exec::InterpreterOptions o;
    o.rounding = rounding;
    o.keepIntermediates = keepIntermediates;
    o.keepState = keepState;
    return exec::Interpreter::create(preprocessor(), o);
}

} // namespace ql::test
