// SPDX-License-Identifier: MIT
#include "gui/modelload.h"

#include "exec/interpreter.h"
#include "model/reader.h"
#include "model/zip_tail.h"
#include "passes/quantize.h"

#include <QCoreApplication>
#include <QFile>

#include <map>

namespace ql::app {

namespace {

QStringList associatedClassNames(const model::Graph& g)
{
    if (g.associatedFiles.empty() || g.main().outputs.empty())
        return {};
    const auto classes = g.main().tensors[static_cast<std::size_t>(g.main().outputs[0])].elementCount();
    auto members = model::readZipMembers(g.associatedFiles);
    if (!members)
        return {};
    for (const auto& m : *members) {
        const auto lines = model::labelLines(m.data, static_cast<std::size_t>(classes) + 1);
        if (static_cast<std::int64_t>(lines.size()) != classes)
            continue;
        QStringList names;
        for (const auto& l : lines)
            names << QString::fromStdString(l);
        return names;
    }
    return {};
}

} // namespace

std::vector<int> mapOperators(const model::Graph& original, const model::Graph& dequantized)
{
    std::map<tflite::BuiltinOperator, std::vector<int>> byType;
    const auto& os = original.main();
    for (std::size_t k = 0; k < os.operators.size(); ++k)
        byType[original.opcodeOf(os.operators[k])].push_back(static_cast<int>(k));
    std::map<tflite::BuiltinOperator, std::size_t> seen;
    const auto& fs = dequantized.main();
    std::vector<int> map(fs.operators.size(), -1);
    for (std::size_t k = 0; k < fs.operators.size(); ++k) {
        const auto type = dequantized.opcodeOf(fs.operators[k]);
        const auto& list = byType[type];
        const std::size_t i = seen[type]++;
        if (i < list.size())
            map[k] = list[i];
    }
    return map;
}

LoadedModel loadModel(const QString& path)
{
    Result<model::Graph> g = Error{""};
    if (path.startsWith(QLatin1String(":/"))) { // bundled with the application (the demo model)
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {nullptr, nullptr,
                QCoreApplication::translate("ql::app::MainWindow", "%1: not found in the application's resources")
                    .arg(path),
                {}, {}, {}};
        const QByteArray bytes = f.readAll();
        g = model::readTflite(MappedFile::fromBytes(
            std::span(reinterpret_cast<const std::uint8_t*>(bytes.constData()), static_cast<std::size_t>(bytes.size())),
            path.toStdString()));
    } else {
        g = model::readTflite(path.toStdString());
    }
    if (!g)
        return {nullptr, nullptr, QString::fromStdString(g.error().message), {}, {}, {}};
    auto graph = std::make_shared<const model::Graph>(std::move(g.value()));
    std::shared_ptr<const model::Graph> floatGraph = graph;
    if (passes::isQuantized(*graph)) {
        // Analysis works on float weights: a quantized file is dequantized (the re-quantization of its weights).
        if (auto f = passes::dequantizeGraph(*graph))
            floatGraph = std::make_shared<const model::Graph>(std::move(*f));
        else
            floatGraph = nullptr;
    }
    std::vector<int> toOriginal;
    if (floatGraph)
        toOriginal = floatGraph == graph ? std::vector<int>{} : mapOperators(*graph, *floatGraph);
    if (floatGraph && floatGraph == graph) {
        toOriginal.resize(graph->main().operators.size());
        for (std::size_t k = 0; k < toOriginal.size(); ++k)
            toOriginal[k] = static_cast<int>(k);
    }
    QStringList names = associatedClassNames(*graph);
    auto blockers = exec::Interpreter::diagnose(graph);
    return {std::move(graph), std::move(floatGraph), {}, std::move(toOriginal), std::move(names), std::move(blockers)};
}

} // namespace ql::app
