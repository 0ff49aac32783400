// SPDX-License-Identifier: MIT
// Fuzzes model reading, interpreter preparation and one invocation on zero inputs: a hostile model
// must give an error, never a crash or a sanitizer report.
#include "exec/interpreter.h"
#include "model/reader.h"

#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace ql;
    auto g = model::readTflite(MappedFile::fromBytes({data, size}, "fuzz.tflite"));
    if (!g)
        return 0;
    // Keep each run small: skip graphs whose tensors hold more than 4M elements in all.
    std::int64_t elements = 0;
    for (const auto& sg : g->subgraphs)
        for (const auto& t : sg.tensors)
            elements += t.elementCount();
    if (elements > (4 << 20))
        return 0;
    // Subgraph 0 in both roundings, then the first few signatures (other subgraphs, other inputs).
    std::vector<exec::InterpreterOptions> runs(2);
    runs[1].rounding = exec::Rounding::Reference;
    for (std::size_t s = 0; s < g->signatureDefs.size() && s < 3; ++s) {
        runs.emplace_back();
        runs.back().signature = g->signatureDefs[s].key;
    }
    // Shapes computed at prepare can still be huge (a PAD by 50 million rows): cap the memory of a run.
    for (auto& opts : runs)
        opts.maxActivationBytes = std::int64_t{64} << 20;
    for (const auto& opts : runs) {
        auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(*g), opts);
        if (!it)
            continue;
        for (int i = 0; i < (*it)->inputCount(); ++i) {
            const auto& t = (*it)->input(i);
            std::vector<std::uint8_t> zeros(static_cast<std::size_t>(t.bytes), 0);
            (void)(*it)->setInput(i, t.dtype, zeros);
        }
        (void)(*it)->invoke();
    }
    return 0;
}
