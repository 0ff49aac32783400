// SPDX-License-Identifier: MIT
#include "gui/suggestdialog.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace ql::app {

namespace {

QStandardItem* number(double v, int decimals)
{
    auto* item = new QStandardItem(QLocale().toString(v, 'f', decimals));
    item->setData(v, Qt::UserRole);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    item->setEditable(false);
    return item;
}

} // namespace

SuggestDialog::SuggestDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Suggest layers to keep in float"));
    setObjectName(QStringLiteral("suggestDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Measures every weighted layer on (at most 500 samples of) the data set in the chosen "
                                "mode: the metric with only that layer kept in float, and with only that layer "
                                "quantized. Then keeps the fewest layers in float that bring the drop within the "
                                "budget (one undo step)."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    m_budget = new QDoubleSpinBox(this);
    m_budget->setRange(0.05, 50.0);
    m_budget->setDecimals(2);
    m_budget->setSingleStep(0.25);
    m_budget->setValue(1.0);
    m_budget->setSuffix(tr(" points"));
    m_budget->setToolTip(tr("The allowed drop of accuracy (or agreement without labels) against the float model"));
    form->addRow(tr("Allowed drop:"), m_budget);
    layout->addLayout(form);
    auto* row = new QHBoxLayout;
    m_measure = new QPushButton(tr("&Measure"), this);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    row->addWidget(m_measure);
    row->addWidget(m_cancel);
    row->addWidget(m_progress, 1);
    layout->addLayout(row);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    m_table = new QStandardItemModel(0, 7, this);
    m_table->setHorizontalHeaderLabels({tr("#"), tr("Operator"), tr("Only this float"), tr("Only this quantized"),
        tr("Gain"), tr("Cost"), tr("Kept in float")});
    m_view = new QTableView(this);
    m_view->setModel(m_table);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_view, 1);
    connect(m_measure, &QPushButton::clicked, this, &SuggestDialog::measureRequested);
    connect(m_cancel, &QPushButton::clicked, this, &SuggestDialog::cancelRequested);
    resize(640, 460);
}

double SuggestDialog::budget() const
{
    return m_budget->value() / 100.0;
}

void SuggestDialog::setBudget(double budget)
{
    m_budget->setValue(100.0 * budget);
}

void SuggestDialog::showRunning(bool running)
{
    m_measure->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_budget->setEnabled(!running);
    if (running) {
        m_progress->setRange(0, 0);
        m_progress->setFormat(tr("measuring…"));
    }
}

void SuggestDialog::showProgress(int done, int total)
{
    m_progress->setRange(0, std::max(1, total));
    m_progress->setValue(done);
    m_progress->setFormat(tr("%1 / %2 variants").arg(done).arg(total));
}

void SuggestDialog::showFinished(bool ok, const QString& message, std::shared_ptr<const eval::SensitivityResult> result)
{
    showRunning(false);
    m_progress->setRange(0, 1);
    m_progress->setValue(ok ? 1 : 0);
    m_progress->setFormat(ok ? tr("done") : tr("stopped"));
    m_summary->setText(ok ? message : tr("Not finished: %1").arg(message));
    if (!ok || !result)
        return;
    m_table->removeRows(0, m_table->rowCount());
    const int decimals = 4;
    for (const auto& l : result->layers) {
        const bool kept = std::find(result->keepFloat.begin(), result->keepFloat.end(), l.op) != result->keepFloat.end();
        auto* op = number(l.op, 0);
        auto* name = new QStandardItem(QString::fromStdString(l.opName));
        name->setEditable(false);
        auto* keptItem = new QStandardItem(kept ? tr("yes") : QString());
        keptItem->setEditable(false);
        m_table->appendRow({op, name, number(l.keptFloat, decimals), number(l.onlyQuantized, decimals),
            number(l.gain, decimals), number(l.cost, decimals), keptItem});
    }
    m_view->resizeColumnsToContents();
}

QString SuggestDialog::summary() const
{
    return m_summary->text();
}

} // namespace ql::app
