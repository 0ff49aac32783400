// SPDX-License-Identifier: MIT
// How long is the GUI thread ever blocked? The main window opens a model, analyses it in every mode, builds
// the side-by-side model, evaluates every mode on a data set and shows every layer's weights, while a 2 ms
// timer on the GUI thread records the gaps between its ticks. A gap of G ms means the event loop could not
// react for about G ms (input, painting). Background work runs on the other threads as in normal use.
//
// Usage: quantlens_gui_responsiveness MODEL [DATA.npy|DATA-idx.gz [LABELS]] [--samples N]
// Without DATA, N random samples (default 200) of the model's input shape are used.
#include "data/npy.h"
#include "graph/graphview.h"
#include "gui/mainwindow.h"
#include "gui/modepanel.h"
#include "layers/layertablemodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QTimer>
#include <clocale>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <random>

namespace {

// Times every event the GUI thread dispatches and keeps the slowest ones: what blocked it.
class TimingApplication : public QApplication {
public:
    using QApplication::QApplication;
    bool notify(QObject* receiver, QEvent* event) override
    {
        if (++m_depth > 1) { // nested dispatch: counted in the outer event
            const bool r = QApplication::notify(receiver, event);
            --m_depth;
            return r;
        }
        QElapsedTimer t;
        t.start();
        const QString what = QStringLiteral("%1 to %2 '%3'")
                                 .arg(static_cast<int>(event->type()))
                                 .arg(QLatin1String(receiver->metaObject()->className()), receiver->objectName());
        const bool r = QApplication::notify(receiver, event);
        --m_depth;
        const double ms = static_cast<double>(t.nsecsElapsed()) / 1e6;
        if (ms > 10.0)
            m_slow.emplace_back(ms, what);
        return r;
    }
    QJsonArray slowest(std::size_t n)
    {
        std::sort(m_slow.begin(), m_slow.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        QJsonArray out;
        for (std::size_t i = 0; i < std::min(n, m_slow.size()); ++i)
            out.append(
                QJsonObject{{QStringLiteral("ms"), m_slow[i].first}, {QStringLiteral("event"), m_slow[i].second}});
        return out;
    }

private:
    int m_depth = 0;
    std::vector<std::pair<double, QString>> m_slow;
};

class StallMeter : public QObject {
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(2);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const double now = static_cast<double>(m_clock.nsecsElapsed()) / 1e6;
            m_gaps.push_back(now - m_last);
            m_last = now;
        });
    }
    void start(const QString& phase)
    {
        m_phase = phase;
        m_gaps.clear();
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    QJsonObject stop()
    {
        m_timer.stop();
        std::vector<double> g = m_gaps;
        std::sort(g.begin(), g.end());
        const auto pct = [&](double p) {
            return g.empty() ? 0.0
                             : g[std::min(g.size() - 1, static_cast<std::size_t>(p * static_cast<double>(g.size())))];
        };
        const auto over = std::count_if(g.begin(), g.end(), [](double x) { return x > 50.0; });
        m_worst = std::max(m_worst, g.empty() ? 0.0 : g.back());
        return QJsonObject{{QStringLiteral("phase"), m_phase},
            {QStringLiteral("seconds"), static_cast<double>(m_clock.elapsed()) / 1000.0},
            {QStringLiteral("ticks"), static_cast<double>(g.size())},
            {QStringLiteral("max_gap_ms"), g.empty() ? 0.0 : g.back()}, {QStringLiteral("p99_gap_ms"), pct(0.99)},
            {QStringLiteral("median_gap_ms"), pct(0.5)}, {QStringLiteral("gaps_over_50ms"), static_cast<double>(over)}};
    }
    double worst() const { return m_worst; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_last = 0;
    double m_worst = 0;
    std::vector<double> m_gaps;
    QString m_phase;
};

// Runs the event loop until `signal` fires (or `seconds` pass); false on timeout.
template <typename Signal> bool waitFor(ql::app::MainWindow& w, Signal signal, int seconds)
{
    QEventLoop loop;
    QTimer::singleShot(seconds * 1000, &loop, [&loop] { loop.exit(1); });
    QObject::connect(&w, signal, &loop, [&loop] { loop.exit(0); });
    return loop.exec() == 0;
}

// A .npy file of `count` random samples in [0, 1) shaped like the model's single float input.
ql::Status writeRandomNpy(const QString& path, const std::vector<int>& shape, int count)
{
    ql::data::NpyArray a;
    a.shape.push_back(count);
    for (std::size_t i = 1; i < shape.size(); ++i)
        a.shape.push_back(shape[i]);
    std::vector<float> values(static_cast<std::size_t>(a.elementCount()));
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> u(0.0f, 1.0f);
    for (float& v : values)
        v = u(rng);
    a.data.resize(values.size() * sizeof(float));
    std::memcpy(a.data.data(), values.data(), a.data.size());
    return ql::data::writeNpy(path.toStdString(), a);
}

} // namespace

int main(int argc, char** argv)
{
    TimingApplication app(argc, argv);
    std::setlocale(LC_NUMERIC, "C"); // Qt adopted the environment's locale; numbers stay in C format
    if (qEnvironmentVariableIsSet("QL_IDLE_WORKERS"))
        QThreadPool::globalInstance()->setThreadPriority(QThread::IdlePriority);
    QStringList args = QApplication::arguments().mid(1);
    int samples = 200;
    if (const auto i = args.indexOf(QStringLiteral("--samples")); i >= 0 && i + 1 < args.size()) {
        samples = args[i + 1].toInt();
        args.remove(i, 2);
    }
    if (args.isEmpty()) {
        std::fprintf(stderr, "usage: quantlens_gui_responsiveness MODEL [DATA [LABELS]] [--samples N]\n");
        return 2;
    }
    ql::app::MainWindow w;
    w.resize(1400, 820);
    w.show();
    StallMeter meter;
    QJsonArray phases;

    meter.start(QStringLiteral("open and analyse (int8)"));
    w.openFile(args[0]);
    if (!waitFor(w, &ql::app::MainWindow::analysisFinished, 120)) {
        std::fprintf(stderr, "the model did not load: %s\n", qPrintable(args[0]));
        return 1;
    }
    phases.append(meter.stop());

    // The graph view: shown, every group expanded (the whole graph drawn), then folded again.
    meter.start(QStringLiteral("graph view: show, expand all, collapse all"));
    auto* graph = w.graphView();
    auto layoutDone = [graph] {
        QElapsedTimer limit;
        limit.start();
        while (!graph->isLaidOut() && limit.elapsed() < 120000)
            QApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    };
    w.showView(QStringLiteral("graph"));
    layoutDone();
    graph->expandAll();
    layoutDone();
    graph->fitToWindow();
    QApplication::processEvents();
    graph->collapseAll();
    layoutDone();
    QJsonObject graphPhase = meter.stop();
    graphPhase[QStringLiteral("boxes_after_folding")] = graph->boxCount();
    phases.append(graphPhase);
    w.showView(QStringLiteral("weights"));

    QTemporaryDir tmp;
    QString data = args.value(1), labels = args.value(2);
    if (data.isEmpty()) {
        data = tmp.filePath(QStringLiteral("random.npy"));
        const auto& g = *w.layerModel()->graph();
        const auto& in = g.main().tensors[static_cast<std::size_t>(g.main().inputs[0])];
        if (auto s = writeRandomNpy(data, in.shape, samples); !s) {
            std::fprintf(stderr, "%s\n", s.error().message.c_str());
            return 1;
        }
    }
    meter.start(QStringLiteral("open data set and calibrate"));
    bool ok = false;
    QString error;
    QObject::connect(&w, &ql::app::MainWindow::dataSetOpened, &w, [&](bool good, const QString& message, bool) {
        ok = good;
        error = message;
    });
    w.openDataSet(data, labels);
    waitFor(w, &ql::app::MainWindow::dataSetOpened, 300);
    if (!ok) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    waitFor(w, &ql::app::MainWindow::quantizedReady, 300);
    phases.append(meter.stop());

    // Each switch is done when both the weight analysis and the quantized model have landed.
    int analysed = 0, built = 0;
    QObject::connect(&w, &ql::app::MainWindow::analysisFinished, &w, [&analysed] { ++analysed; });
    QObject::connect(&w, &ql::app::MainWindow::quantizedReady, &w, [&built] { ++built; });
    bool timedOut = false;
    for (const char* mode : {"float16", "dynamic", "16x8", "teaching", "int8"}) {
        meter.start(QStringLiteral("switch to %1").arg(QLatin1String(mode)));
        const int a = analysed, q = built;
        w.modePanel()->setMode(QLatin1String(mode));
        QElapsedTimer limit;
        limit.start();
        while ((analysed == a || built == q) && limit.elapsed() < 300000)
            QApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
        QJsonObject p = meter.stop();
        if (analysed == a || built == q) {
            p[QStringLiteral("timed_out")] = true;
            timedOut = true;
        }
        phases.append(p);
    }

    meter.start(QStringLiteral("select every layer (histograms redrawn)"));
    for (int r = 0; r < w.layerModel()->rowCount(); ++r) {
        w.selectOperator(w.layerModel()->layer(r)->index);
        // As a user clicks: the next selection comes after this one is drawn (40 ms later).
        QEventLoop pause;
        QTimer::singleShot(40, &pause, &QEventLoop::quit);
        pause.exec();
    }
    phases.append(meter.stop());

    meter.start(QStringLiteral("evaluate all modes"));
    QString evaluation = QStringLiteral("did not finish");
    QObject::connect(&w, &ql::app::MainWindow::evaluationFinished, &w,
        [&](bool good, const QString& message) { evaluation = good ? QStringLiteral("ok") : message; });
    w.evaluateAllModes();
    waitFor(w, &ql::app::MainWindow::evaluationFinished, 1200);
    QJsonObject e = meter.stop();
    e[QStringLiteral("result")] = evaluation;
    phases.append(e);

    const QJsonObject report{{QStringLiteral("model"), args[0]}, {QStringLiteral("data"), data},
        {QStringLiteral("worst_gap_ms"), meter.worst()}, {QStringLiteral("phases"), phases},
        {QStringLiteral("slowest_events"), app.slowest(8)}};
    std::printf("%s\n", QJsonDocument(report).toJson().constData());
    return timedOut || evaluation != QLatin1String("ok") ? 1 : 0;
}
