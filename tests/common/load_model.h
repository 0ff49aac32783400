// SPDX-License-Identifier: MIT
// A shared model read for a test; a file that does not read stops the test program with the reason.
#pragma once

#include "common/model_facts.h"
#include "model/reader.h"

#include <QtGlobal>

#include <string>

namespace ql::test {

inline model::Graph loadModel(const std::string& file)
{
    auto g = model::readTflite(modelPath(file));
    if (!g)
        qFatal("%s: %s", file.c_str(), g.error().message.c_str());
    return std::move(*g);
}

} // namespace ql::test
