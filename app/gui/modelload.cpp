// SPDX-License-Identifier: MIT
#include "gui/modelload.h"

#include "exec/interpreter.h"
#include "model/reader.h"
#include "model/zip_tail.h"

#include <QCoreApplication>
#include <QFile>

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

LoadedModel loadModel(const QString& path)
{
    Result<model::Graph> g = Error{""};
    if (path.startsWith(QLatin1String(":/"))) { // bundled with the application (the demo model)
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {nullptr,
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
        return {nullptr, QString::fromStdString(g.error().message), {}, {}, {}};
    auto graph = std::make_shared<const model::Graph>(std::move(g.value()));
    QStringList names = associatedClassNames(*graph);
    auto blockers = exec::Interpreter::diagnose(graph);
    auto source = pipeline::fromGraph(graph);
    if (!source) { // the table still shows the file; the analyses say why they cannot start
        pipeline::ModelSource onlyFile;
        onlyFile.file = graph;
        onlyFile.note = source.error().message;
        return {std::make_shared<const pipeline::ModelSource>(std::move(onlyFile)), {}, std::move(names), blockers,
            blockers};
    }
    std::vector<exec::Blocker> runBlockers = blockers;
    if (source->work && source->work != graph) { // a quantized file: the analyses run its float graph
        runBlockers = exec::Interpreter::diagnose(source->work);
        for (auto& b : runBlockers)
            if (b.subgraph == 0 && b.op >= 0)
                b.op = source->fileOp(b.op);
    }
    return {std::make_shared<const pipeline::ModelSource>(std::move(*source)), {}, std::move(names),
        std::move(blockers), std::move(runBlockers)};
}

} // namespace ql::app
