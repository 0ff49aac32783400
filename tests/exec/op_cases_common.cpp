// SPDX-License-Identifier: MIT
#include "exec/op_cases.h"

namespace ql::test {

TensorSpec f32(std::vector<std::int32_t> shape)
{
    return {std::move(shape), model::DType::Float32, 0, 0, {}};
}

TensorSpec q(std::vector<std::int32_t> shape, model::DType t, float scale, std::int64_t zp)
{
    return {std::move(shape), t, scale, zp, {}};
}

TensorSpec typed(std::vector<std::int32_t> shape, model::DType t)
{
    return {std::move(shape), t, 0, 0, {}};
}

TensorSpec ranged(std::vector<std::int32_t> shape, model::DType t, double lo, double hi)
{
    return typed(std::move(shape), t).range(lo, hi);
}

TensorSpec bools(std::vector<std::int32_t> shape)
{
    return typed(std::move(shape), model::DType::Bool);
}

TensorSpec i32(std::vector<std::int32_t> shape, std::vector<std::int32_t> values)
{
    return TensorSpec::constant(std::move(shape), model::DType::Int32, values);
}

TensorSpec i64(std::vector<std::int32_t> shape, std::vector<std::int64_t> values)
{
    return TensorSpec::constant(std::move(shape), model::DType::Int64, values);
}

TensorSpec f32c(std::vector<std::int32_t> shape, std::vector<float> values)
{
    return TensorSpec::constant(std::move(shape), model::DType::Float32, values);
}

OpSpec builtin(tflite::BuiltinOperator op, tflite::BuiltinOptionsUnion options, int version)
{
    OpSpec s;
    s.op = op;
    s.options = std::move(options);
    s.version = version;
    return s;
}

} // namespace ql::test
