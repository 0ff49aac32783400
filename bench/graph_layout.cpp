// SPDX-License-Identifier: MIT
// How long does the graph view's layout take? For each model: the boxes are sized as the view sizes them, then
// the graph is laid out `runs` times as it first shows (groups folded) and with every group expanded; the
// median and the slowest run of each are printed as JSON, with the number of operators, groups and Graphviz
// runs. The view does this on a background thread; building the scene afterwards is measured by
// quantlens_gui_responsiveness.
//
// Usage: quantlens_graph_layout_bench [--runs N] MODEL...
#include "graph/graphitems.h"
#include "graph/nestedlayout.h"
#include "model/reader.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QStringList args = QCoreApplication::arguments().mid(1);
    int runs = 5;
    if (const auto i = args.indexOf(QStringLiteral("--runs")); i >= 0 && i + 1 < args.size()) {
        runs = std::max(1, args[i + 1].toInt());
        args.remove(i, 2);
    }
    if (args.isEmpty()) {
        std::fprintf(stderr, "usage: quantlens_graph_layout_bench [--runs N] MODEL...\n");
        return 2;
    }
    QJsonArray rows;
    int status = 0;
    for (const QString& path : args) {
        auto g = ql::model::readTflite(path.toStdString());
        if (!g) {
            std::fprintf(stderr, "%s\n", g.error().message.c_str());
            status = 1;
            continue;
        }
        const auto mg = ql::widgets::describeGraph(*g);
        const auto tree = ql::widgets::buildScopeTree(mg);
        ql::widgets::NestedLayoutInput input;
        input.graph = &mg;
        input.tree = &tree;
        ql::widgets::measureBoxes(mg, tree, QApplication::font(), input.nodeSizes, input.groupSizes);
        QJsonObject row{{QStringLiteral("model"), QFileInfo(path).fileName()},
            {QStringLiteral("operators"), static_cast<double>(mg.opNode.size())},
            {QStringLiteral("groups"), static_cast<double>(tree.groups.size() - 1)}};
        for (const bool all : {false, true}) {
            input.expanded.clear();
            for (std::size_t k = 1; all && k < tree.groups.size(); ++k)
                input.expanded.insert(static_cast<int>(k));
            std::vector<double> seconds;
            int levels = 0;
            for (int r = 0; r < runs; ++r) {
                QElapsedTimer t;
                t.start();
                const auto layout = ql::widgets::layoutNested(input);
                seconds.push_back(static_cast<double>(t.nsecsElapsed()) / 1e9);
                if (!layout) {
                    std::fprintf(stderr, "%s: %s\n", qPrintable(path), layout.error().message.c_str());
                    return 1;
                }
                levels = layout->levels;
            }
            std::sort(seconds.begin(), seconds.end());
            row.insert(all ? QStringLiteral("expanded") : QStringLiteral("folded"),
                QJsonObject{{QStringLiteral("median_s"), seconds[seconds.size() / 2]},
                    {QStringLiteral("max_s"), seconds.back()}, {QStringLiteral("graphviz_runs"), levels}});
        }
        rows.append(row);
    }
    std::printf("%s", QJsonDocument(QJsonObject{{QStringLiteral("graph_layout"), rows}}).toJson().constData());
    return status;
}
