// SPDX-License-Identifier: MIT
// The mode panel: which quantization the views show — a TFLite mode (float16, dynamic range, int8,
// 16x8) with per-channel options, or a teaching scheme of any bit width, symmetric or asymmetric.
#pragma once

#include "eval/weights.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QSlider;

namespace ql::app {

class ModePanel : public QWidget {
    Q_OBJECT

public:
    explicit ModePanel(QWidget* parent = nullptr);

    eval::WeightAnalysisOptions options() const;
    QString modeName() const; // "float16", "dynamic", "int8", "16x8" or "teaching"
    QString describe() const; // "int8, per-channel" / "4-bit asymmetric per-channel (teaching)"
    // The export options of the chosen TFLite mode (I/O type included); teaching schemes are not exportable.
    passes::QuantizeOptions quantizeOptions() const;
    QString ioName() const; // "native", "uint8", "float"

    void saveSettings() const;
    void restoreSettings();

    void setMode(const QString& name);
    void setBits(int bits);
    void setSymmetric(bool on);
    void setPerChannel(bool on);

signals:
    void changed();

private:
    void updateEnabled();

    QComboBox* m_mode = nullptr;
    QCheckBox* m_perChannel = nullptr;
    QCheckBox* m_perChannelDense = nullptr;
    QSlider* m_bits = nullptr;
    QLabel* m_bitsLabel = nullptr;
    QCheckBox* m_symmetric = nullptr;
    QComboBox* m_io = nullptr;
};

} // namespace ql::app
