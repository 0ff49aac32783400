// SPDX-License-Identifier: MIT
#include "gui/comparetab.h"

#include "compare/comparemodel.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace ql::app {

CompareTab::CompareTab(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    m_dataLabel = new QLabel(this);
    m_dataLabel->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    m_evaluate = new QPushButton(tr("E&valuate all modes"), this);
    m_evaluate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_evaluate->setToolTip(tr("Run the model in float32, float16, dynamic range, int8 and 16x8 over the data set: "
                              "accuracy, agreement with float, KL divergence, size and latency (Ctrl+E)"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_progress = new QProgressBar(this);
    m_progress->setTextVisible(true);
    buttons->addWidget(m_evaluate);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_progress, 1);
    m_model = new widgets::CompareModel(this);
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(widgets::CompareModel::SortRole);
    auto* table = new QTableView(this);
    table->setModel(proxy);
    table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder); // modes in evaluation order
    table->setSortingEnabled(true);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    m_chart = new widgets::TradeoffChart(this);
    auto* exportButton = new QPushButton(tr("Export table…"), this);
    exportButton->setToolTip(tr("Save the comparison as CSV or JSON"));
    buttons->addWidget(exportButton);
    connect(exportButton, &QPushButton::clicked, this, &CompareTab::exportTable);
    connect(m_evaluate, &QPushButton::clicked, this, &CompareTab::evaluateRequested);
    connect(m_cancel, &QPushButton::clicked, this, &CompareTab::cancelRequested);
    layout->addWidget(m_dataLabel);
    layout->addLayout(buttons);
    layout->addWidget(table, 1);
    layout->addWidget(m_chart, 2);
}

void CompareTab::setState(const QString& dataText, bool canRun, bool running)
{
    m_dataLabel->setText(dataText);
    m_evaluate->setEnabled(canRun && !running);
    m_cancel->setEnabled(running);
}

void CompareTab::setResults(std::shared_ptr<const std::vector<eval::ModeEvaluation>> rows)
{
    m_chart->setResults(rows ? *rows : std::vector<eval::ModeEvaluation>{});
    m_model->setResults(std::move(rows));
}

void CompareTab::addResults(const std::vector<eval::ModeEvaluation>& rows)
{
    auto all = std::make_shared<std::vector<eval::ModeEvaluation>>();
    if (m_model->results())
        *all = *m_model->results();
    all->insert(all->end(), rows.begin(), rows.end());
    setResults(std::move(all));
}

void CompareTab::showBusy(const QString& what)
{
    m_progress->setRange(0, 0);
    m_progress->setFormat(what);
}

void CompareTab::showProgress(const QString& mode, std::int64_t done, std::int64_t total)
{
    m_progress->setRange(0, static_cast<int>(total));
    m_progress->setValue(static_cast<int>(done));
    m_progress->setFormat(tr("%1: %2 / %3").arg(mode).arg(done).arg(total));
}

void CompareTab::showFinished(bool ok, const QString& message)
{
    m_progress->setRange(0, 1);
    m_progress->setValue(ok ? 1 : 0);
    m_progress->setFormat(ok ? tr("done") : message);
}

void CompareTab::exportTable()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export table"), QStringLiteral("modes.csv"), tr("CSV (*.csv);;JSON (*.json)"));
    if (path.isEmpty())
        return;
    QSaveFile out(path);
    const bool json = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
    if (!out.open(QIODevice::WriteOnly) || out.write(json ? m_model->toJson() : m_model->toCsv().toUtf8()) < 0 ||
        !out.commit())
        QMessageBox::warning(this, tr("Cannot export the table"), out.errorString());
}

} // namespace ql::app
