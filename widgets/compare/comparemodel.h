// SPDX-License-Identifier: MIT
// The Compare table: one row per evaluated mode (size, accuracy, agreement, KL, latency, collapse), from an
// immutable snapshot of an evaluation; and the trade-off chart (accuracy against size, latency in the
// labels, the float baseline marked).
#pragma once

#include "eval/evaluate.h"

#include <QAbstractTableModel>
#include <QWidget>

#include <memory>
#include <vector>

class QCustomPlot;
class QCPItemText;

namespace ql::widgets {

class CompareModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Mode, Size, MicroArena, Accuracy, Top5, Agreement, KlMean, Latency, Collapse, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit CompareModel(QObject* parent = nullptr);
    void setResults(std::shared_ptr<const std::vector<eval::ModeEvaluation>> results);
    const std::shared_ptr<const std::vector<eval::ModeEvaluation>>& results() const { return m_results; }
    // A deployment target's RAM and flash (0: not limited, or no target): modes that need more are marked red
    // in the MCU RAM and Size columns, and say so in their tooltips.
    void setTargetLimits(const QString& target, std::int64_t ramBytes, std::int64_t flashBytes);
    bool exceedsTarget(int row, int column) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The table as CSV (header row, then one row per mode) and as JSON (the CLI's `eval --json` modes).
    QString toCsv() const;
    QByteArray toJson() const;

private:
    std::shared_ptr<const std::vector<eval::ModeEvaluation>> m_results;
    QString m_target;
    std::int64_t m_ramLimit = 0, m_flashLimit = 0;
};

class TradeoffChart : public QWidget {
    Q_OBJECT

public:
    explicit TradeoffChart(QWidget* parent = nullptr);
    ~TradeoffChart() override;
    void setResults(const std::vector<eval::ModeEvaluation>& results);
    int pointCount() const { return m_points; }
    bool exportChart(const QString& path, QString* error = nullptr) const;
    // Where each point's label is drawn, in the plot's pixels (after the last layout), and the data area.
    std::vector<QRectF> labelRects() const;
    QRectF dataArea() const;

private:
    // Puts each label beside its point where it overlaps no other label and stays inside the data area.
    void placeLabels();

    QCustomPlot* m_plot = nullptr;
    int m_points = 0;
    std::vector<QCPItemText*> m_labels;
    std::vector<QPointF> m_at; // each label's point, in data coordinates
};

} // namespace ql::widgets
