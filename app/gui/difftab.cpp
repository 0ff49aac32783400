// SPDX-License-Identifier: MIT
#include "gui/difftab.h"

#include "diff/difftablemodel.h"
#include "graph/graphview.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QScopedValueRollback>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace ql::app {
namespace {

// Hides unchanged pairs when asked.
class ChangedFilter : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    bool changedOnly = false;

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override
    {
        return !changedOnly || parent.isValid() || static_cast<widgets::DiffTableModel*>(sourceModel())->rowDiffers(row);
    }
};

} // namespace

DiffTab::DiffTab(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    auto* split = new QSplitter(Qt::Vertical, this);
    auto* graphs = new QSplitter(Qt::Horizontal, split);
    m_graphA = new widgets::GraphView(graphs);
    m_graphB = new widgets::GraphView(graphs);
    split->addWidget(graphs);
    auto* tablePane = new QWidget(split);
    auto* tableLayout = new QVBoxLayout(tablePane);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    m_outputs = new QLabel(tablePane);
    m_outputs->setWordWrap(true);
    tableLayout->addWidget(m_outputs);
    m_changedOnly = new QCheckBox(tr("Only what differs"), tablePane);
    m_changedOnly->setChecked(true);
    tableLayout->addWidget(m_changedOnly);
    m_model = new widgets::DiffTableModel(this);
    auto* proxy = new ChangedFilter(this);
    proxy->changedOnly = true;
    m_proxy = proxy;
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(widgets::DiffTableModel::SortRole);
    connect(m_changedOnly, &QCheckBox::toggled, this, [this, proxy](bool on) {
        proxy->changedOnly = on;
        proxy->invalidate();
    });
    m_table = new QTableView(tablePane);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(widgets::DiffTableModel::OpA, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    tableLayout->addWidget(m_table);
    split->addWidget(tablePane);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
        if (m_syncing || !current.isValid())
            return;
        const auto [a, b] = m_model->operatorsOf(m_proxy->mapToSource(current).row());
        const QScopedValueRollback guard(m_syncing, true);
        if (a >= 0)
            m_graphA->selectOperator(a);
        if (b >= 0)
            m_graphB->selectOperator(b);
    });
    connect(m_graphA, &widgets::GraphView::operatorSelected, this, &DiffTab::selectInA);
    connect(m_graphB, &widgets::GraphView::operatorSelected, this, &DiffTab::selectInB);
    clear();
}

void DiffTab::clear()
{
    setModels(nullptr, {}, nullptr, {}, nullptr);
    m_outputs->clear();
    m_summary->setText(tr("File › Compare with… opens a second model (the converter's file of the same network, "
                          "another export, an older version) to compare with this one."));
}

void DiffTab::setModels(std::shared_ptr<const model::Graph> a, const QString& nameA, std::shared_ptr<const model::Graph> b,
    const QString& nameB, std::shared_ptr<const eval::ModelDiff> diff)
{
    m_model->setDiff(a, b, diff);
    m_graphA->setGraph(a);
    m_graphB->setGraph(b);
    if (!diff || !b) {
        m_graphA->setOverlayOverride(std::nullopt);
        m_graphB->setOverlayOverride(std::nullopt);
        return;
    }
    m_graphA->setOverlayOverride(m_model->overlay(true));
    m_graphB->setOverlayOverride(m_model->overlay(false));
    // Small models open unfolded: every operator's colour shows at once.
    if (a->main().operators.size() <= 300)
        m_graphA->expandAll();
    if (b->main().operators.size() <= 300)
        m_graphB->expandAll();
    m_summary->setText(tr("A: %1 (%2 operators) — B: %3 (%4 operators). %5 pairs matched, %6 of them differ; %7 only "
                          "in A, %8 only in B.")
                           .arg(nameA)
                           .arg(a->main().operators.size())
                           .arg(nameB)
                           .arg(b->main().operators.size())
                           .arg(diff->matches.size())
                           .arg(diff->changed)
                           .arg(diff->onlyA.size())
                           .arg(diff->onlyB.size()));
    m_table->resizeColumnsToContents();
}

void DiffTab::setAgreement(std::shared_ptr<const eval::OutputAgreement> agreement, const QString& error)
{
    m_model->setAgreement(agreement);
    if (!error.isEmpty())
        m_outputs->setText(tr("The outputs could not be compared on the data set: %1").arg(error));
    else if (!agreement)
        m_outputs->setText(tr("Open a data set (File › Open data set…) to see how far each pair's outputs are apart."));
    else if (agreement->top1Agreement >= 0)
        m_outputs->setText(tr("On %1 sample(s) of the data set, the two models pick the same class on %2% of them; "
                              "the last columns give each pair's output SQNR (B against A) and cosine.")
                               .arg(agreement->samples)
                               .arg(100 * agreement->top1Agreement, 0, 'f', 1));
    else
        m_outputs->setText(tr("On %1 sample(s) of the data set; the last columns give each pair's output SQNR (B against "
                              "A) and cosine.")
                               .arg(agreement->samples));
    m_table->resizeColumnsToContents();
}

void DiffTab::showMessage(const QString& text)
{
    m_summary->setText(text);
}

void DiffTab::selectRow(int modelRow)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(modelRow, 0));
    const QScopedValueRollback guard(m_syncing, true);
    if (index.isValid()) {
        m_table->setCurrentIndex(index);
        m_table->scrollTo(index);
    } else {
        m_table->clearSelection();
    }
}

void DiffTab::selectInA(int op)
{
    if (m_syncing)
        return;
    m_graphA->selectOperator(op);
    if (const int b = m_model->partnerInB(op); b >= 0)
        m_graphB->selectOperator(b); // selectOperator does not signal back
    selectRow(m_model->rowOfA(op));
}

void DiffTab::selectInB(int op)
{
    if (m_syncing)
        return;
    m_graphB->selectOperator(op);
    if (const int a = m_model->partnerInA(op); a >= 0)
        m_graphA->selectOperator(a);
    selectRow(m_model->rowOfB(op));
}

int DiffTab::selectedRow() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_proxy->mapToSource(current).row() : -1;
}

} // namespace ql::app
