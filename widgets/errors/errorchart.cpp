// SPDX-License-Identifier: MIT
#include "errors/errorchart.h"

#include "errors/operatorbars.h"
#include "style/chartstyle.h"
#include "style/plotstyle.h"

#include <qcustomplot.h>

#include <QAbstractItemModel>
#include <QClipboard>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace ql::widgets {

namespace {

QVariant exportHeader(const QAbstractItemModel& model, int column)
{
    const QVariant v = model.headerData(column, Qt::Horizontal, ExportRole);
    return v.isValid() ? v : model.headerData(column, Qt::Horizontal, Qt::DisplayRole);
}

QVariant exportCell(const QAbstractItemModel& model, int row, int column)
{
    const QModelIndex i = model.index(row, column);
    const QVariant v = i.data(ExportRole);
    return v.isValid() ? v : i.data(Qt::DisplayRole);
}

} // namespace

QString tableToCsv(const QAbstractItemModel& model)
{
    auto quote = [](QString s) {
        if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n')))
            s = QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
        return s;
    };
    QStringList lines;
    QStringList header;
    for (int c = 0; c < model.columnCount(); ++c)
        header << quote(exportHeader(model, c).toString());
    lines << header.join(QLatin1Char(','));
    for (int r = 0; r < model.rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < model.columnCount(); ++c)
            row << quote(exportCell(model, r, c).toString());
        lines << row.join(QLatin1Char(','));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QByteArray tableToJson(const QAbstractItemModel& model)
{
    QJsonArray rows;
    for (int r = 0; r < model.rowCount(); ++r) {
        QJsonObject o;
        for (int c = 0; c < model.columnCount(); ++c)
            o[exportHeader(model, c).toString()] = QJsonValue::fromVariant(exportCell(model, r, c));
        rows.append(o);
    }
    return QJsonDocument(rows).toJson(QJsonDocument::Indented);
}

bool exportTable(const QAbstractItemModel& model, const QString& path, QString* error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("csv") && suffix != QLatin1String("json")) {
        if (error)
            *error = QObject::tr("%1: choose a .csv or .json file").arg(path);
        return false;
    }
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) ||
        out.write(suffix == QLatin1String("csv") ? tableToCsv(model).toUtf8() : tableToJson(model)) < 0 ||
        !out.commit()) {
        if (error)
            *error = QObject::tr("%1: cannot write (%2)").arg(path, out.errorString());
        return false;
    }
    return true;
}

ErrorChart::ErrorChart(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    m_caption = new QLabel(this);
    m_caption->setWordWrap(true);
    m_caption->setToolTip(
        tr("Weight SQNR per layer: higher is better, each bit is worth about 6 dB. Green good, "
           "yellow suspect, red bad; the worst (up to three) are outlined. Click a bar to select its layer; the wheel "
           "zooms along the operators."));
    m_plot = new QCustomPlot(this);
    m_plot->yAxis->setLabel(tr("weight SQNR (dB)"));
    m_plot->xAxis->setLabel(tr("operator"));
    stylePlot(m_plot, palette());
    m_bars = new OperatorBars(m_plot, tr("dB"));
    connect(m_bars, &OperatorBars::barClicked, this, [this](int bar) {
        const int op = operatorAtBar(bar);
        if (op >= 0)
            emit operatorClicked(op);
    });
    layout->addWidget(m_caption);
    layout->addWidget(m_plot, 1);
    installChartMenu(m_plot, tr("weight-sqnr-per-layer"));
    redraw();
}

ErrorChart::~ErrorChart() = default;

void ErrorChart::setLayers(const std::vector<eval::LayerWeights>& layers)
{
    m_layers = layers;
    redraw();
}

void ErrorChart::setCurrentOperator(int op)
{
    if (op == m_current)
        return;
    m_current = op;
    redraw();
}

int ErrorChart::operatorAtBar(int bar) const
{
    return bar >= 0 && bar < static_cast<int>(m_ops.size()) ? m_ops[static_cast<std::size_t>(bar)] : -1;
}

bool ErrorChart::exportChart(const QString& path, QString* error) const
{
    return exportPlot(m_plot, path, m_caption->text(), error);
}

void ErrorChart::redraw()
{
    m_ops.clear();
    m_worst.clear();
    const QColor colours[3] = {style::verdictColor(style::Verdict::Good), style::verdictColor(style::Verdict::Suspect),
        style::verdictColor(style::Verdict::Bad)};
    std::vector<OperatorBar> bars;
    std::vector<std::pair<double, int>> order;
    for (const auto& l : m_layers) {
        OperatorBar b;
        b.value = l.metrics.sqnrDb; // +inf: exact, drawn and labelled as such
        b.fill = colours[static_cast<int>(l.verdict)];
        b.tick = QStringLiteral("%1 %2").arg(l.op).arg(QString::fromStdString(l.opName));
        b.tip = QStringLiteral("%1 %2 — %3")
                    .arg(l.op)
                    .arg(QString::fromStdString(l.opName), QString::fromStdString(l.scheme));
        b.selected = l.op == m_current;
        if (l.quantized && std::isfinite(l.metrics.sqnrDb))
            order.emplace_back(l.metrics.sqnrDb, static_cast<int>(bars.size()));
        m_ops.push_back(l.op);
        bars.push_back(std::move(b));
    }
    std::sort(order.begin(), order.end());
    // The worst three of many layers; of a handful, only the worst.
    const std::size_t outlined = std::min<std::size_t>({3, order.size(), std::max<std::size_t>(1, order.size() / 4)});
    for (std::size_t k = 0; k < outlined; ++k) {
        bars[static_cast<std::size_t>(order[k].second)].outlined = true;
        m_worst.push_back(m_ops[static_cast<std::size_t>(order[k].second)]);
    }
    const int n = static_cast<int>(bars.size());
    m_bars->setBars(std::move(bars));
    m_caption->setText(m_layers.empty() ? tr("No layers with weights (or no analysis yet).")
                                        : tr("Weight SQNR of %n layer(s); worst outlined in red.", nullptr, n));
}

} // namespace ql::widgets
