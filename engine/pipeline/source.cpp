// SPDX-License-Identifier: MIT
#include "pipeline/source.h"

#include "model/reader.h"
#include "model/summary.h"
#include "passes/quantize.h"
#include "quant/calibrate.h"

#include <algorithm>
#include <charconv>

namespace ql::pipeline {

int ModelSource::fileOp(int workOp) const
{
    return workOp >= 0 && workOp < static_cast<int>(toFile.size()) ? toFile[static_cast<std::size_t>(workOp)] : -1;
}

int ModelSource::workOp(int fileOpIndex) const
{
    const auto it = std::find(toFile.begin(), toFile.end(), fileOpIndex);
    return it == toFile.end() || fileOpIndex < 0 ? -1 : static_cast<int>(it - toFile.begin());
}

int ModelSource::carriedRanges() const
{
    if (!work)
        return 0;
    const auto r = quant::recordedRanges(*work);
    return static_cast<int>(std::count_if(r.begin(), r.end(), [](const quant::TensorRange& x) { return x.valid; }));
}

Result<ModelSource> fromGraph(model::Graph graph)
{
    return fromGraph(std::make_shared<const model::Graph>(std::move(graph)));
}

Result<ModelSource> fromGraph(std::shared_ptr<const model::Graph> graph)
{
    ModelSource m;
    m.file = std::move(graph);
    if (!passes::isQuantized(*m.file)) {
        m.work = m.file;
        m.toFile.resize(m.file->main().operators.size());
        for (std::size_t k = 0; k < m.toFile.size(); ++k)
            m.toFile[k] = static_cast<int>(k);
        return m;
    }
    const std::string was = model::quantModeName(model::guessMode(*m.file).mode);
    auto f = passes::dequantizeGraph(*m.file, &m.toFile);
    if (!f)
        return Error{"cannot dequantize the " + was + " model: " + f.error().message};
    m.work = std::make_shared<const model::Graph>(std::move(*f));
    m.note = "the input model was already " + was +
        "; it was dequantized first, so this is a re-quantization of its quantized weights";
    return m;
}

Result<ModelSource> openModel(const std::string& path)
{
    auto g = model::readTflite(path);
    if (!g)
        return g.error();
    return fromGraph(std::move(*g));
}

Result<std::vector<std::string>> keepFloatOnWork(const ModelSource& m, const std::vector<std::string>& items)
{
    std::vector<std::string> out;
    const int fileOps = static_cast<int>(m.file->main().operators.size());
    for (const auto& item : items) {
        int index = -1;
        const auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), index);
        if (ec != std::errc{} || end != item.data() + item.size()) {
            out.push_back(item); // a tensor name or an operator type: the same in both graphs
            continue;
        }
        if (index < 0 || index >= fileOps)
            return Error{"keep-float: the model has no operator " + item + " (it has " + std::to_string(fileOps) +
                ", numbered 0.." + std::to_string(fileOps - 1) + ")"};
        const int w = m.workOp(index);
        if (w < 0)
            return Error{"keep-float: operator " + item + " (" +
                tflite::EnumNameBuiltinOperator(m.file->opcodeOf(m.file->main().operators[static_cast<std::size_t>(index)])) +
                ") converts between float and integer; the quantizer places those itself at the edges of what "
                "stays float"};
        out.push_back(std::to_string(w));
    }
    return out;
}

std::vector<int> toFileOps(const ModelSource& m, const std::vector<int>& workOps)
{
    std::vector<int> out;
    for (int op : workOps)
        if (const int f = m.fileOp(op); f >= 0)
            out.push_back(f);
    return out;
}

std::vector<int> toWorkOps(const ModelSource& m, const std::vector<int>& fileOps)
{
    std::vector<int> out;
    for (int op : fileOps)
        if (const int w = m.workOp(op); w >= 0)
            out.push_back(w);
    return out;
}

} // namespace ql::pipeline
