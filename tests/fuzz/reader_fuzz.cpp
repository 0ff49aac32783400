// SPDX-License-Identifier: MIT
// Fuzzes the model reader. Beyond "no crash, no sanitizer report", it checks a property: any bytes
// the reader accepts form a graph that the rest of the engine can describe, and that writes and
// reads back to the same graph. The bytes are also read as an appended ZIP archive of associated files.
#include "model/layers.h"
#include "model/reader.h"
#include "model/summary.h"
#include "model/writer.h"
#include "model/zip_tail.h"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace ql::model;
    // The same bytes as an associated-files archive (label files appended to a model).
    if (auto members = readZipMembers({data, size}))
        for (const auto& m : *members)
            (void)labelLines(m.data);
    auto g = readTflite(ql::MappedFile::fromBytes({data, size}, "fuzz.tflite"));
    if (!g)
        return 0;
    (void)summarize(*g);
    (void)describeLayers(*g);
    auto bytes = serializeTflite(*g);
    if (!bytes) {
        std::fprintf(stderr, "a graph that read cleanly does not write: %s\n", bytes.error().message.c_str());
        std::abort();
    }
    auto again = readTflite(ql::MappedFile::fromBytes(*bytes, "rewritten.tflite"));
    if (!again) {
        std::fprintf(stderr, "a written graph does not read back: %s\n", again.error().message.c_str());
        std::abort();
    }
    if (again->main().tensors.size() != g->main().tensors.size() ||
        again->main().operators.size() != g->main().operators.size()) {
        std::fprintf(stderr, "a written graph reads back different\n");
        std::abort();
    }
    return 0;
}
