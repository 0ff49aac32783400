// SPDX-License-Identifier: MIT
#include "model/graph.h"

namespace ql::model {

Buffer Buffer::fromOwned(std::vector<std::uint8_t> bytes)
{
    Buffer b;
    b.owned = std::make_shared<const std::vector<std::uint8_t>>(std::move(bytes));
    b.data = {b.owned->data(), b.owned->size()};
    return b;
}

std::int64_t Tensor::elementCount() const
{
    std::int64_t n = 1;
    for (const auto d : shape)
        n *= d;
    return n;
}

std::string builtinName(tflite::BuiltinOperator op)
{
    const auto code = static_cast<int>(op);
    if (code < 0 || code > static_cast<int>(tflite::BuiltinOperator::MAX))
        return "UNKNOWN_" + std::to_string(code);
    const char* name = tflite::EnumNameBuiltinOperator(op);
    return (name && *name) ? std::string(name) : "UNKNOWN_" + std::to_string(code);
}

std::string Graph::opName(const Operator& op) const
{
    if (op.opcodeIndex >= opcodes.size())
        return "UNKNOWN";
    const auto& code = opcodes[op.opcodeIndex];
    if (code.builtin == tflite::BuiltinOperator::CUSTOM && !code.customCode.empty())
        return code.customCode;
    return builtinName(code.builtin);
}

} // namespace ql::model
