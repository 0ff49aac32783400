// SPDX-License-Identifier: MIT
// The graph view on the real models: every corpus model is described (one box per operator, input and output,
// one edge per tensor use), folded by name scope into a tree that holds every operator once and no level
// larger than the layout's limit, and laid out, folded and fully expanded, without overlapping boxes; overlay
// colours follow the numbers they show (a folded group shows its worst operator's); search finds operators
// by type, number and tensor name, unfolding the groups around them.
#include "common/model_facts.h"
#include "eval/weights.h"
#include "graph/graphitems.h"
#include "graph/graphlayout.h"
#include "graph/graphoverlay.h"
#include "graph/graphview.h"
#include "graph/scopetree.h"
#include "layers/layertablemodel.h"
#include "model/reader.h"

#include <QGraphicsScene>
#include <QGraphicsView>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

using namespace ql;

namespace {

std::shared_ptr<const model::Graph> readModel(const std::string& path)
{
    auto g = model::readTflite(path);
    if (!g)
        qFatal("%s", g.error().message.c_str());
    return std::make_shared<const model::Graph>(std::move(*g));
}

bool layOut(widgets::GraphView& view, std::shared_ptr<const model::Graph> g)
{
    QSignalSpy done(&view, &widgets::GraphView::laidOut);
    view.setGraph(std::move(g));
    return done.wait(120000) && view.layoutError().isEmpty();
}

// Waits for a layout that a change (expanding, a selection inside a folded group) started.
bool settle(widgets::GraphView& view)
{
    if (view.isLaidOut())
        return true;
    QSignalSpy done(&view, &widgets::GraphView::laidOut);
    return done.wait(120000) && view.layoutError().isEmpty();
}

// Leaf boxes (operators, inputs, outputs, folded groups) in scene coordinates, without their selection margin.
std::vector<QRectF> leafBoxes(const widgets::GraphView& view)
{
    std::vector<QRectF> boxes;
    for (auto* item : view.canvas()->scene()->items())
        if (auto* n = dynamic_cast<widgets::NodeItem*>(item))
            boxes.push_back(n->mapRectToScene(n->boundingRect().adjusted(3, 3, -5, -5)));
    return boxes;
}

QString firstOverlap(std::vector<QRectF> boxes)
{
    std::sort(boxes.begin(), boxes.end(), [](const QRectF& a, const QRectF& b) { return a.top() < b.top(); });
    for (std::size_t i = 0; i < boxes.size(); ++i)
        for (std::size_t j = i + 1; j < boxes.size() && boxes[j].top() < boxes[i].bottom(); ++j) {
            const QRectF both = boxes[i].intersected(boxes[j]);
            if (both.width() > 0.5 && both.height() > 0.5)
                return QStringLiteral("boxes at (%1, %2) and (%3, %4) overlap")
                    .arg(boxes[i].x()).arg(boxes[i].y()).arg(boxes[j].x()).arg(boxes[j].y());
        }
    return {};
}

} // namespace

class GraphViewTest : public QObject {
    Q_OBJECT

private slots:
    void describesEveryOperatorAndTensorUse()
    {
        const auto g = readModel(test::modelPath("mobilenet_v1_025_224_float32.tflite"));
        const auto mg = widgets::describeGraph(*g);
        const auto& sg = g->main();
        QCOMPARE(mg.nodes.size(), sg.operators.size() + sg.inputs.size() + sg.outputs.size());
        // Every non-constant input of every operator is one edge into its box, from its producer's box.
        std::size_t uses = 0;
        for (std::size_t i = 0; i < sg.operators.size(); ++i)
            for (const int t : sg.operators[i].inputs)
                if (t >= 0 && !g->isConstant(sg.tensors[static_cast<std::size_t>(t)]))
                    ++uses;
        QCOMPARE(mg.edges.size(), uses + sg.outputs.size());
        for (const auto& e : mg.edges) {
            const auto& to = mg.nodes[static_cast<std::size_t>(e.to)];
            const auto& from = mg.nodes[static_cast<std::size_t>(e.from)];
            if (to.op >= 0) {
                const auto& ins = sg.operators[static_cast<std::size_t>(to.op)].inputs;
                QVERIFY(std::find(ins.begin(), ins.end(), e.tensor) != ins.end());
            }
            if (from.op >= 0) {
                const auto& outs = sg.operators[static_cast<std::size_t>(from.op)].outputs;
                QVERIFY(std::find(outs.begin(), outs.end(), e.tensor) != outs.end());
            }
            QVERIFY2(QString::fromStdString(e.label).endsWith(QStringLiteral("float32")), e.label.c_str());
        }
        QCOMPARE(mg.nodeOfOperator(0), static_cast<int>(sg.inputs.size()));
    }

    // A cycle (folded groups can form one): every route starts at its source box and ends at its target box,
    // also for the edge laid out reversed.
    void layoutRoutesRunFromSourceToTarget()
    {
        widgets::LayoutInput in;
        in.nodes = {{80, 40}, {80, 40}, {80, 40}, {80, 40}};
        in.edges = {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {0, 3}};
        auto laid = widgets::layoutGraph(in);
        QVERIFY2(laid.ok(), laid ? "" : laid.error().message.c_str());
        auto near = [&](const widgets::LayoutPoint& p, int node) {
            const auto& c = laid->centres[static_cast<std::size_t>(node)];
            return std::abs(p.x - c.x) <= 40 + 2 && std::abs(p.y - c.y) <= 20 + 2;
        };
        for (std::size_t e = 0; e < in.edges.size(); ++e) {
            const auto& r = laid->routes[e];
            QVERIFY(r.size() >= 4);
            QVERIFY2(near(r.front(), in.edges[e].from), qPrintable(QStringLiteral("edge %1 starts away from its source").arg(e)));
            QVERIFY2(near(r.back(), in.edges[e].to), qPrintable(QStringLiteral("edge %1 ends away from its target").arg(e)));
        }
        // Bad input is an error, not a crash.
        in.edges.push_back({0, 9});
        QVERIFY(!widgets::layoutGraph(in).ok());
    }

    // The scope tree of a converter model: every node in exactly one group, every group reachable, the
    // MobileNetV2 blocks as groups, operator counts that add up, and no level above the limit (parts when a
    // level is too big).
    void foldsByNameScope()
    {
        const auto g = readModel(test::modelPath("mobilenet_v2_100_224_int8_uint8io.tflite"));
        const auto mg = widgets::describeGraph(*g);
        for (const int limit : {120, 8}) {
            const auto tree = widgets::buildScopeTree(mg, limit);
            std::vector<int> seen(mg.nodes.size(), 0);
            std::size_t groupsVisited = 0;
            std::function<int(int)> walk = [&](int group) {
                ++groupsVisited;
                const auto& grp = tree.groups[static_cast<std::size_t>(group)];
                if (static_cast<int>(grp.nodes.size() + grp.groups.size()) > limit)
                    qFatal("group %s holds %zu items", grp.path.c_str(), grp.nodes.size() + grp.groups.size());
                int ops = 0;
                for (const int n : grp.nodes) {
                    ++seen[static_cast<std::size_t>(n)];
                    if (tree.groupOf[static_cast<std::size_t>(n)] != group)
                        qFatal("node %d is listed in the wrong group", n);
                    ops += mg.nodes[static_cast<std::size_t>(n)].op >= 0;
                }
                for (const int c : grp.groups) {
                    if (tree.groups[static_cast<std::size_t>(c)].parent != group)
                        qFatal("group %d has the wrong parent", c);
                    ops += walk(c);
                }
                if (ops != grp.operatorCount)
                    qFatal("group %s counts %d operators, holds %d", grp.path.c_str(), grp.operatorCount, ops);
                return ops;
            };
            QCOMPARE(walk(0), static_cast<int>(g->main().operators.size()));
            QVERIFY(std::all_of(seen.begin(), seen.end(), [](int k) { return k == 1; }));
            QCOMPARE(groupsVisited, tree.groups.size()); // every group is reachable from the root
            bool blockGroup = false;
            for (const auto& grp : tree.groups)
                blockGroup = blockGroup || grp.label == "expanded_conv_3";
            QVERIFY(blockGroup);
            // Folded, every operator is behind a group or at the root; expanded, every node shows itself.
            std::set<int> all;
            for (std::size_t k = 1; k < tree.groups.size(); ++k)
                all.insert(static_cast<int>(k));
            const auto open = widgets::visibleItems(tree, all);
            for (std::size_t n = 0; n < open.size(); ++n)
                QCOMPARE(open[n], static_cast<int>(n));
            const auto folded = widgets::visibleItems(tree, {});
            for (std::size_t n = 0; n < folded.size(); ++n)
                QVERIFY(folded[n] == static_cast<int>(n) ? tree.groupOf[n] == 0
                                                         : tree.groups[static_cast<std::size_t>(-1 - folded[n])].parent == 0);
        }
        QCOMPARE(QString::fromStdString(widgets::scopeOfName("a/b/c;x/y")), QStringLiteral("a/b"));
        QCOMPARE(QString::fromStdString(widgets::scopeOfName("Identity")), QString());
    }

    // Every corpus model, folded and fully expanded: no two boxes overlap, every box lies inside the scene;
    // in a model without scopes every edge runs downwards (acyclic, laid out top-down). Every further subgraph
    // of a model lays out too.
    void laysOutEveryCorpusModel()
    {
        widgets::GraphView view;
        view.resize(900, 700);
        double slowest = 0;
        QString slowestModel;
        int otherSubgraphs = 0;
        for (const auto& path : test::allModelFiles()) {
            const QString name = QString::fromStdString(path).section(QLatin1Char('/'), -1);
            auto g = model::readTflite(path);
            if (!g)
                continue; // malformed on purpose (the corpus README lists them); reader_test covers those
            const auto graph = std::make_shared<const model::Graph>(std::move(*g));
            QVERIFY2(layOut(view, graph), qPrintable(name + QStringLiteral(": ") + view.layoutError()));
            const double folded = view.layoutSeconds();
            for (const bool expanded : {false, true}) {
                if (expanded) {
                    view.expandAll();
                    QVERIFY2(settle(view), qPrintable(name + QStringLiteral(": ") + view.layoutError()));
                }
                const auto boxes = leafBoxes(view);
                QCOMPARE(static_cast<int>(boxes.size()), view.boxCount());
                const QString overlap = firstOverlap(boxes);
                QVERIFY2(overlap.isEmpty(), qPrintable(name + QStringLiteral(": ") + overlap));
                for (const auto& b : boxes)
                    QVERIFY(view.canvas()->scene()->sceneRect().contains(b));
            }
            const auto& mg = view.modelGraph();
            QCOMPARE(view.boxCount(), static_cast<int>(mg.nodes.size())); // expanded: every node shows
            if (view.scopeTree().groups.size() == 1)
                for (const auto& e : mg.edges)
                    QVERIFY2(view.operatorScenePosition(mg.nodes[static_cast<std::size_t>(e.from)].op).y() <
                                 view.operatorScenePosition(mg.nodes[static_cast<std::size_t>(e.to)].op).y() ||
                            mg.nodes[static_cast<std::size_t>(e.from)].op < 0 || mg.nodes[static_cast<std::size_t>(e.to)].op < 0,
                        qPrintable(name + QStringLiteral(": an edge runs upwards")));
            // Every other subgraph (control-flow bodies, signatures) lays out as well; colours stay with the main one.
            for (int sub = 1; sub < static_cast<int>(graph->subgraphs.size()); ++sub) {
                view.showSubgraph(sub);
                QVERIFY2(settle(view), qPrintable(name + QStringLiteral(": subgraph %1: ").arg(sub) + view.layoutError()));
                QCOMPARE(view.shownSubgraph(), sub);
                const QString overlap = firstOverlap(leafBoxes(view));
                QVERIFY2(overlap.isEmpty(), qPrintable(name + QStringLiteral(": subgraph %1: ").arg(sub) + overlap));
                view.expandAll();
                QVERIFY(settle(view));
                QCOMPARE(view.boxCount(), static_cast<int>(widgets::describeGraph(*graph, sub).nodes.size()));
                QVERIFY(!view.selectOperator(0)); // the application's numbering is the main subgraph's
                ++otherSubgraphs;
            }
            if (folded > slowest) {
                slowest = folded;
                slowestModel = name + QStringLiteral(" (%1 operators)").arg(mg.opNode.size());
            }
        }
        qInfo("slowest folded layout: %s in %.2f s; %d further subgraphs laid out", qPrintable(slowestModel), slowest,
            otherSubgraphs);
        QVERIFY(otherSubgraphs >= 2); // the wild corpus has models with control flow
    }

    // Weight SQNR is a ramp from red (lowest) to green (highest): the hue grows with the value; the verdict
    // overlay colours by verdict; kept-in-float marks exactly the kept operators; bytes darken with size.
    void coloursFollowOverlayValues()
    {
        const auto g = readModel(test::modelPath("mobilenet_v1_025_224_float32.tflite"));
        widgets::GraphView view;
        QVERIFY(layOut(view, g));
        // Folded, a group shows its worst operator's colour (below); expanded, each operator its own.
        view.setOverlay(widgets::OverlayKind::WeightSqnr);
        view.expandAll();
        QVERIFY(settle(view));
        eval::WeightAnalysisOptions wo;
        quant::Scheme four;
        four.bits = 4; // coarse enough that the layers differ clearly
        four.perChannel = false;
        wo.teaching = four;
        auto analysis = eval::analyzeWeights(*g, wo);
        QVERIFY2(analysis.ok(), analysis ? "" : analysis.error().message.c_str());
        const auto weights = std::make_shared<const std::vector<eval::LayerWeights>>(std::move(*analysis));
        view.setWeightAnalysis(weights);

        std::vector<std::pair<double, double>> sqnrHue;
        for (const auto& w : *weights)
            if (w.quantized && std::isfinite(w.metrics.sqnrDb)) {
                const QColor c = view.operatorColour(w.op);
                QVERIFY(c.isValid());
                sqnrHue.emplace_back(w.metrics.sqnrDb, c.hsvHueF());
                QVERIFY(view.operatorValue(w.op).contains(QStringLiteral("dB")));
            }
        QVERIFY(sqnrHue.size() >= 10);
        std::sort(sqnrHue.begin(), sqnrHue.end());
        for (std::size_t i = 1; i < sqnrHue.size(); ++i)
            QVERIFY(sqnrHue[i].second >= sqnrHue[i - 1].second - 1e-3);
        QVERIFY(sqnrHue.front().second < 0.05); // the worst layer is red
        QVERIFY(sqnrHue.back().second > 0.3); // the best is green
        QVERIFY(view.legend().ramp);

        view.setOverlay(widgets::OverlayKind::Verdict);
        std::map<eval::Verdict, QColor> byVerdict;
        for (const auto& w : *weights)
            if (w.quantized) {
                const auto [it, fresh] = byVerdict.emplace(w.verdict, view.operatorColour(w.op));
                QCOMPARE(view.operatorColour(w.op), it->second);
                QCOMPARE(view.operatorValue(w.op), widgets::verdictText(w.verdict));
            }
        QVERIFY(byVerdict.size() >= 2);
        std::set<QRgb> distinct;
        for (const auto& [v, c] : byVerdict)
            distinct.insert(c.rgb());
        QCOMPARE(distinct.size(), byVerdict.size());

        const int kept = weights->front().op, other = weights->back().op;
        view.setKeptFloat({kept});
        view.setOverlay(widgets::OverlayKind::KeptFloat);
        QVERIFY(view.operatorColour(kept) != view.operatorColour(other));
        view.setKeptFloat({other});
        QCOMPARE(view.operatorColour(kept), view.operatorColour(weights->at(1).op));

        view.setOverlay(widgets::OverlayKind::Bytes);
        std::vector<std::pair<std::int64_t, double>> bytesValue;
        for (const auto& w : *weights)
            bytesValue.emplace_back(g->buffers[g->main().tensors[static_cast<std::size_t>(w.tensor)].buffer].data.size(),
                view.operatorColour(w.op).valueF());
        std::sort(bytesValue.begin(), bytesValue.end());
        QVERIFY(bytesValue.front().second > bytesValue.back().second); // more bytes, darker

        // Activation SQNR: only the operators it has a number for are coloured.
        view.setOverlay(widgets::OverlayKind::ActivationSqnr);
        QVERIFY(!view.legend().note.isEmpty()); // no data set yet
        view.setActivationSqnr({2, 5}, {12.0, 40.0});
        QVERIFY(view.legend().note.isEmpty());
        QVERIFY(view.operatorColour(2).hsvHueF() < view.operatorColour(5).hsvHueF());
        QVERIFY(!view.operatorColour(3).isValid());
        // The local SQNR (this tensor's quantization only) is an overlay of its own.
        view.setActivationSqnr({2, 5}, {12.0, 40.0}, {35.0, 20.0});
        view.setOverlay(widgets::OverlayKind::LocalActivationSqnr);
        QVERIFY(view.operatorColour(2).hsvHueF() > view.operatorColour(5).hsvHueF());
        QVERIFY(view.operatorValue(2).startsWith(QStringLiteral("35.0")));

        // Latency: choosing it asks for a measurement once; the numbers colour from light (fast) to dark (slow).
        QSignalSpy wanted(&view, &widgets::GraphView::latencyRequested);
        view.setOverlay(widgets::OverlayKind::Latency);
        QCOMPARE(wanted.size(), 1);
        QVERIFY(!view.legend().note.isEmpty());
        view.setOverlay(widgets::OverlayKind::WeightSqnr);
        view.setOverlay(widgets::OverlayKind::Latency);
        QCOMPARE(wanted.size(), 1);
        std::vector<double> ms(g->main().operators.size());
        for (std::size_t i = 0; i < ms.size(); ++i)
            ms[i] = 0.1 * static_cast<double>(i + 1);
        view.setLatency(ms);
        QVERIFY(view.legend().note.isEmpty());
        QVERIFY(view.operatorColour(0).valueF() > view.operatorColour(static_cast<int>(ms.size()) - 1).valueF());
        QVERIFY(view.operatorValue(3).endsWith(QStringLiteral(" ms")));

        // Folded: each group that shows takes the colour of the lowest weight SQNR inside it.
        view.setOverlay(widgets::OverlayKind::WeightSqnr);
        view.collapseAll();
        QVERIFY(settle(view));
        const auto& tree = view.scopeTree();
        int checked = 0;
        for (const int grp : tree.groups[0].groups) {
            const eval::LayerWeights* worst = nullptr;
            for (const auto& w : *weights)
                if (w.quantized && tree.within(tree.groupOf[static_cast<std::size_t>(view.modelGraph().nodeOfOperator(w.op))], grp) &&
                    (!worst || w.metrics.sqnrDb < worst->metrics.sqnrDb))
                    worst = &w;
            if (!worst)
                continue;
            ++checked;
            QVERIFY(!view.operatorShown(worst->op));
            view.expandAll();
            QVERIFY(settle(view));
            const QColor own = view.operatorColour(worst->op);
            view.collapseAll();
            QVERIFY(settle(view));
            QCOMPARE(view.groupColour(grp), own);
        }
        QVERIFY(checked >= 1);
    }

    // Numbers that arrive while another subgraph is shown belong to the main subgraph's operators, and show
    // when it is shown again.
    void numbersArrivingDuringAnotherSubgraphStay()
    {
        std::shared_ptr<const model::Graph> g;
        for (const auto& path : test::allModelFiles()) {
            auto m = model::readTflite(path);
            if (m && m->subgraphs.size() > 1 && m->main().operators.size() > m->subgraphs[1].operators.size()) {
                g = std::make_shared<const model::Graph>(std::move(*m));
                break;
            }
        }
        QVERIFY2(g, "no corpus model with a second subgraph smaller than the main one");
        widgets::GraphView view;
        QVERIFY(layOut(view, g));
        view.showSubgraph(1);
        QVERIFY(settle(view));
        const int last = static_cast<int>(g->main().operators.size()) - 1;
        view.setActivationSqnr({last}, {20.0});
        view.setOverlay(widgets::OverlayKind::ActivationSqnr);
        view.showSubgraph(0);
        view.expandAll();
        QVERIFY(settle(view));
        QCOMPARE(view.operatorValue(last), QStringLiteral("20.0 dB"));
    }

    // Report pictures (SVG, PDF, PNG) hold what the view shows, and the Model Explorer node data carries each
    // coloured operator's value and colour under its index.
    void exportsPicturesAndModelExplorerNodeData()
    {
        const auto g = readModel(test::modelPath("mobilenet_v1_025_224_float32.tflite"));
        widgets::GraphView view;
        QVERIFY(layOut(view, g));
        auto analysis = eval::analyzeWeights(*g, {});
        QVERIFY(analysis.ok());
        const auto weights = std::make_shared<const std::vector<eval::LayerWeights>>(std::move(*analysis));
        view.setWeightAnalysis(weights);
        view.setOverlay(widgets::OverlayKind::WeightSqnr);
        view.expandAll();
        QVERIFY(settle(view));
        QTemporaryDir dir;

        const QString svg = dir.filePath(QStringLiteral("graph.svg"));
        QString error;
        QVERIFY2(view.exportPicture(svg, &error), qPrintable(error));
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        const QByteArray svgText = svgFile.readAll();
        QVERIFY(svgText.contains("<svg"));
        QVERIFY(svgText.contains("DEPTHWISE_CONV_2D"));
        QVERIFY(svgText.contains("Weight SQNR")); // the legend

        const QString pdf = dir.filePath(QStringLiteral("graph.pdf"));
        QVERIFY2(view.exportPicture(pdf, &error), qPrintable(error));
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.read(5) == "%PDF-");

        // PNG at twice the drawing's size: the fill of a box is its overlay colour.
        const QString png = dir.filePath(QStringLiteral("graph.png"));
        QVERIFY2(view.exportPicture(png, &error), qPrintable(error));
        QImage image(png);
        QVERIFY(!image.isNull());
        auto* scene = view.canvas()->scene();
        const QRectF source = scene->itemsBoundingRect().adjusted(-12, -12, 12, 12);
        QVERIFY(std::abs(image.width() - 2 * std::max(source.width(), 100.0)) < 40);
        int checked = 0;
        for (const auto& w : *weights) {
            if (!w.quantized || !view.operatorShown(w.op) || checked >= 5)
                continue;
            const QPointF centre = view.operatorScenePosition(w.op);
            const QRectF box = scene->itemAt(centre, QTransform())->sceneBoundingRect().adjusted(3, 3, -5, -5);
            const QPoint pixel(static_cast<int>((box.left() + 4 - source.left()) * 2), static_cast<int>((centre.y() - source.top()) * 2));
            const QColor painted = image.pixelColor(pixel);
            const QColor expected = view.operatorColour(w.op);
            QVERIFY2(std::abs(painted.red() - expected.red()) <= 2 && std::abs(painted.green() - expected.green()) <= 2 &&
                    std::abs(painted.blue() - expected.blue()) <= 2,
                qPrintable(QStringLiteral("operator %1: %2 painted, %3 shown").arg(w.op).arg(painted.name(), expected.name())));
            ++checked;
        }
        QCOMPARE(checked, 5);

        QVERIFY(!view.exportPicture(dir.filePath(QStringLiteral("graph.bmp")), &error));
        QVERIFY(error.contains(QStringLiteral(".svg")));
        QVERIFY(!view.exportPicture(QStringLiteral("/nonexistent-dir/graph.svg"), &error));
        QVERIFY(error.contains(QStringLiteral("/nonexistent-dir/graph.svg")));

        const QString json = dir.filePath(QStringLiteral("node_data.json"));
        QVERIFY2(view.exportNodeData(json, &error), qPrintable(error));
        QFile jsonFile(json);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        const QJsonObject all = QJsonDocument::fromJson(jsonFile.readAll()).object();
        QCOMPARE(all.size(), 1);
        const QJsonObject graph = all.begin().value().toObject();
        QCOMPARE(graph[QStringLiteral("name")].toString(), QStringLiteral("Weight SQNR"));
        const QJsonObject results = graph[QStringLiteral("results")].toObject();
        int inFile = 0;
        for (const auto& w : *weights) {
            if (!w.quantized || !std::isfinite(w.metrics.sqnrDb))
                continue;
            const QJsonObject r = results[QString::number(w.op)].toObject();
            QCOMPARE(r[QStringLiteral("value")].toDouble(), w.metrics.sqnrDb);
            QCOMPARE(r[QStringLiteral("bgColor")].toString(), view.operatorColour(w.op).name());
            ++inFile;
        }
        QCOMPARE(results.size(), inFile);
    }

    void searchFindsOperatorsByTypeNumberAndTensor()
    {
        const auto g = readModel(test::modelPath("vww_mobilenet_v1_025_96_int8.tflite"));
        widgets::GraphView view;
        QVERIFY(layOut(view, g));
        QSignalSpy selected(&view, &widgets::GraphView::operatorSelected);
        QVERIFY(view.findNext(QStringLiteral("#7")));
        QVERIFY(settle(view)); // op 7 may sit in a folded group: it unfolds
        QVERIFY(view.operatorShown(7));
        QCOMPARE(view.selectedOperator(), 7);
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.back().at(0).toInt(), 7);
        // By type: successive searches walk through every DEPTHWISE_CONV_2D in order, then wrap around.
        std::vector<int> depthwise;
        for (std::size_t i = 0; i < g->main().operators.size(); ++i)
            if (g->opcodeOf(g->main().operators[i]) == tflite::BuiltinOperator::DEPTHWISE_CONV_2D)
                depthwise.push_back(static_cast<int>(i));
        QCOMPARE(depthwise.size(), std::size_t{13});
        view.selectOperator(0);
        QVERIFY(settle(view));
        for (const int expected : depthwise) {
            QVERIFY(view.findNext(QStringLiteral("DEPTHWISE_CONV_2D")));
            QVERIFY(settle(view));
            QCOMPARE(view.selectedOperator(), expected);
        }
        QVERIFY(view.findNext(QStringLiteral("DEPTHWISE_CONV_2D")));
        QVERIFY(settle(view));
        QCOMPARE(view.selectedOperator(), depthwise.front());
        // By a tensor name the operator writes.
        const auto& last = g->main().operators.back();
        const std::string name = g->main().tensors[static_cast<std::size_t>(last.outputs[0])].name;
        QVERIFY(view.findNext(QString::fromStdString(name)));
        QVERIFY(settle(view));
        QVERIFY(view.selectedOperator() >= 0);
        QVERIFY(!view.findNext(QStringLiteral("no such operator anywhere")));
        // selectOperator (the application's selection) does not echo back.
        selected.clear();
        QVERIFY(view.selectOperator(3));
        QVERIFY(settle(view));
        QCOMPARE(view.selectedOperator(), 3);
        QCOMPARE(selected.size(), 0);
        QVERIFY(!view.selectOperator(10000));
    }
};

QTEST_MAIN(GraphViewTest)
#include "graphview_test.moc"
