// SPDX-License-Identifier: MIT
#include "gui/layerpane.h"

#include "errors/errorchart.h"
#include "layers/layertablemodel.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSettings>
#include <QMenu>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace ql::app {

LayerPane::LayerPane(QWidget* parent)
    : QWidget(parent)
{
    m_layers = new widgets::LayerTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_layers);
    m_proxy->setSortRole(widgets::LayerTableModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);

    auto* layout = new QVBoxLayout(this);
    m_summary = new QLabel(tr("Open a .tflite model with File › Open, or drop one on this window."), this);
    m_summary->setWordWrap(true);
    m_blockers = new QLabel(this);
    m_blockers->setWordWrap(true);
    m_blockers->setObjectName(QStringLiteral("blockers"));
    m_blockers->setStyleSheet(QStringLiteral("QLabel { background: #fff3cd; color: #664d03; padding: 4px; }"));
    m_blockers->hide();
    auto* filter = new QLineEdit(this);
    filter->setPlaceholderText(tr("Filter layers (operator, shape, type…)"));
    filter->setClearButtonEnabled(true);
    connect(filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    filter->installEventFilter(this); // leaves Ctrl+E to the window
    filter->setObjectName(QStringLiteral("layerFilter"));
    m_table = new QTableView(this);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(widgets::LayerTableModel::Index, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->setMinimumWidth(260); // operator and shapes stay visible next to a wide mode panel
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, &LayerPane::showContextMenu);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &LayerPane::selectionChanged);
    m_table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table->horizontalHeader(), &QWidget::customContextMenuRequested, this, &LayerPane::showColumnMenu);
    const QStringList hidden = QSettings().value(QStringLiteral("layers/hiddenColumns")).toStringList();
    for (const QString& c : hidden)
        if (const int column = c.toInt(); column > widgets::LayerTableModel::Op && column < widgets::LayerTableModel::ColumnCount)
            m_table->setColumnHidden(column, true);

    // # and Operator drawn once more over the table's left edge: they stay while the rest scrolls sideways.
    m_frozen = new QTableView(m_table);
    m_frozen->setObjectName(QStringLiteral("frozenColumns"));
    m_frozen->setModel(m_proxy);
    m_frozen->setSelectionModel(m_table->selectionModel());
    m_frozen->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_frozen->setSelectionMode(QAbstractItemView::SingleSelection);
    m_frozen->setFocusPolicy(Qt::NoFocus);
    m_frozen->verticalHeader()->hide();
    m_frozen->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    // Sorting on (its header clicks sort the shared proxy) without re-sorting now: the same order as the table.
    m_frozen->horizontalHeader()->setSortIndicator(
        m_table->horizontalHeader()->sortIndicatorSection(), m_table->horizontalHeader()->sortIndicatorOrder());
    m_frozen->setSortingEnabled(true);
    m_frozen->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_frozen, &QWidget::customContextMenuRequested, this,
        [this](const QPoint& at) { showContextMenu(m_frozen->viewport()->mapTo(m_table->viewport(), at)); });
    for (int c = widgets::LayerTableModel::Op + 1; c < widgets::LayerTableModel::ColumnCount; ++c)
        m_frozen->setColumnHidden(c, true);
    m_frozen->setStyleSheet(QStringLiteral("QTableView { border: none; border-right: 1px solid palette(mid); }"));
    m_table->viewport()->stackUnder(m_frozen);
    connect(m_frozen->verticalScrollBar(), &QAbstractSlider::valueChanged, m_table->verticalScrollBar(), &QAbstractSlider::setValue);
    connect(m_table->verticalScrollBar(), &QAbstractSlider::valueChanged, m_frozen->verticalScrollBar(), &QAbstractSlider::setValue);
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, this, [this](int column, int, int size) {
        if (column <= widgets::LayerTableModel::Op) {
            m_frozen->setColumnWidth(column, size);
            placeFrozen();
        }
    });
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, m_frozen->horizontalHeader(),
        &QHeaderView::setSortIndicator);
    connect(m_frozen->horizontalHeader(), &QHeaderView::sortIndicatorChanged, m_table->horizontalHeader(),
        &QHeaderView::setSortIndicator);
    connect(m_table->horizontalScrollBar(), &QAbstractSlider::rangeChanged, this, &LayerPane::placeFrozen);
    m_table->installEventFilter(this);
    placeFrozen();
    layout->addWidget(m_summary);
    layout->addWidget(m_blockers);
    layout->addWidget(filter);
    layout->addWidget(m_table);
}

bool LayerPane::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table && (event->type() == QEvent::Resize || event->type() == QEvent::LayoutRequest))
        placeFrozen();
    // On X11 a line edit claims Ctrl+E as "end of line" (End does the same); the filter field has the focus
    // at start-up, and Ctrl+E is the window's "Evaluate all modes". Not claiming it lets the shortcut work.
    if (event->type() == QEvent::ShortcutOverride)
        if (static_cast<QKeyEvent*>(event)->keyCombination() == QKeyCombination(Qt::ControlModifier, Qt::Key_E))
            return true;
    return QWidget::eventFilter(watched, event);
}

void LayerPane::setSummary(const QString& text)
{
    m_summary->setText(text);
}

void LayerPane::resizeColumns()
{
    m_table->resizeColumnsToContents();
    for (int c = 0; c <= widgets::LayerTableModel::Op; ++c)
        m_frozen->setColumnWidth(c, m_table->columnWidth(c));
    placeFrozen();
}

void LayerPane::placeFrozen()
{
    int width = 0;
    for (int c = 0; c <= widgets::LayerTableModel::Op; ++c)
        width += m_table->columnWidth(c);
    m_frozen->horizontalHeader()->setFixedHeight(m_table->horizontalHeader()->height());
    m_frozen->setGeometry(m_table->frameWidth(), m_table->frameWidth(), width,
        m_table->viewport()->height() + m_table->horizontalHeader()->height());
    // Only needed when the table scrolls sideways; otherwise the table itself shows the columns.
    m_frozen->setVisible(m_table->horizontalScrollBar()->maximum() > 0);
}

void LayerPane::setColumnShown(int column, bool shown)
{
    if (column <= widgets::LayerTableModel::Op || column >= widgets::LayerTableModel::ColumnCount)
        return;
    m_table->setColumnHidden(column, !shown);
    QStringList hidden;
    for (int c = widgets::LayerTableModel::Op + 1; c < widgets::LayerTableModel::ColumnCount; ++c)
        if (m_table->isColumnHidden(c))
            hidden << QString::number(c);
    QSettings().setValue(QStringLiteral("layers/hiddenColumns"), hidden);
    placeFrozen();
}

bool LayerPane::columnShown(int column) const
{
    return !m_table->isColumnHidden(column);
}

void LayerPane::showColumnMenu(const QPoint& at)
{
    QMenu menu(this);
    for (int c = widgets::LayerTableModel::Op + 1; c < widgets::LayerTableModel::ColumnCount; ++c) {
        auto* a = menu.addAction(m_layers->headerData(c, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setChecked(columnShown(c));
        connect(a, &QAction::toggled, this, [this, c](bool on) { setColumnShown(c, on); });
    }
    menu.exec(m_table->horizontalHeader()->mapToGlobal(at));
}

void LayerPane::showBlockers(const std::vector<exec::Blocker>& blockers)
{
    if (blockers.empty()) {
        m_blockers->hide();
        m_blockers->clear();
        return;
    }
    // One line naming every blocking operator by index; the reasons in the tooltip.
    QStringList names, reasons;
    for (const auto& b : blockers) {
        const QString op = b.subgraph > 0 ? tr("%1 (%2, subgraph %3)").arg(b.op).arg(QString::fromStdString(b.opName)).arg(b.subgraph)
                                          : tr("%1 (%2)").arg(b.op).arg(QString::fromStdString(b.opName));
        names << (b.op >= 0 ? op : QString::fromStdString(b.message));
        reasons << QString::fromStdString(b.message);
    }
    m_blockers->setText(tr("QuantLens cannot run this model, so inference, errors on data and export are not "
                           "available. Blocking operator(s): %1")
                            .arg(names.join(QStringLiteral(", "))));
    m_blockers->setToolTip(reasons.join(QLatin1Char('\n')));
    m_blockers->show();
}

int LayerPane::selectedRow() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? m_proxy->mapToSource(current).row() : -1;
}

int LayerPane::selectedOperator() const
{
    const auto* layer = m_layers->layer(selectedRow());
    return layer ? layer->index : -1;
}

bool LayerPane::selectOperator(int op)
{
    for (int r = 0; r < m_layers->rowCount(); ++r)
        if (const auto* l = m_layers->layer(r); l && l->index == op) {
            const QModelIndex i = m_proxy->mapFromSource(m_layers->index(r, 0));
            m_table->selectionModel()->setCurrentIndex(i, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            return true;
        }
    return false;
}

void LayerPane::showContextMenu(const QPoint& at)
{
    QMenu menu(this);
    menu.addAction(tr("Export table…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export table"), QStringLiteral("layers.csv"), tr("CSV (*.csv);;JSON (*.json)"));
        QString error;
        if (!path.isEmpty() && !widgets::exportTable(*m_proxy, path, &error))
            QMessageBox::warning(this, tr("Cannot export the table"), error);
    });
    menu.exec(m_table->viewport()->mapToGlobal(at));
}

} // namespace ql::app
