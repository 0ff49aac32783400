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
    m_outOfDate = new QLabel(this);
    m_outOfDate->setWordWrap(true);
    m_outOfDate->setObjectName(QStringLiteral("outOfDate"));
    m_outOfDate->setStyleSheet(QStringLiteral("QLabel { background: #fff3cd; color: #664d03; padding: 4px; }"));
    m_outOfDate->hide();
    layout->addWidget(m_dataLabel);
    layout->addWidget(m_outOfDate);
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
    m_outOfDate->hide();
    m_outOfDate->clear();
    m_fromElsewhere = false;
    m_evaluated = std::move(rows);
    refresh();
}

void CompareTab::addTrainingResults(const std::vector<eval::ModeEvaluation>& rows)
{
    m_trained = rows;
    refresh();
}

void CompareTab::refresh()
{
    auto all = std::make_shared<std::vector<eval::ModeEvaluation>>();
    if (m_evaluated)
        *all = *m_evaluated;
    all->insert(all->end(), m_trained.begin(), m_trained.end());
    m_chart->setResults(*all);
    m_model->setResults(all->empty() ? nullptr : std::move(all));
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

void CompareTab::reset()
{
    setResults(nullptr);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(QString());
}

void CompareTab::showOrigin(const QString& origin)
{
    m_outOfDate->setText(origin);
    m_outOfDate->show();
    m_fromElsewhere = true;
}

QString CompareTab::originText() const
{
    return m_fromElsewhere ? m_outOfDate->text() : QString();
}

void CompareTab::markOutOfDate(const QString& why)
{
    if (!m_evaluated || m_evaluated->empty())
        return;
    m_outOfDate->setText(tr("Out of date: %1 since these results were measured. Evaluate all modes again (Ctrl+E).")
                             .arg(why));
    m_outOfDate->show();
    m_fromElsewhere = false;
}

QString CompareTab::outOfDateText() const
{
    return m_outOfDate->isVisibleTo(this) && !m_fromElsewhere ? m_outOfDate->text() : QString();
}

QString CompareTab::stateText() const
{
    return m_dataLabel->text();
}

bool CompareTab::canEvaluate() const
{
    return m_evaluate->isEnabled();
}

QString CompareTab::progressText() const
{
    return m_progress->format();
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
