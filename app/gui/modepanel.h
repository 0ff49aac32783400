// SPDX-License-Identifier: MIT
// The mode panel: which quantization the views show — a TFLite mode (float16, dynamic range, int8,
// 16x8) with per-channel options and, for int8 and 16x8, how activation ranges are calibrated (method,
// samples, data set), or a teaching scheme of any bit width, symmetric or asymmetric.
#pragma once

#include "eval/weights.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;

namespace ql::app {

class ModePanel : public QWidget {
    Q_OBJECT

public:
    explicit ModePanel(QWidget* parent = nullptr);

    // Everything the panel holds, as values: what an undo step restores.
    struct State {
        QString mode, io, calibration;
        int samples = 100, bits = 8;
        bool perChannel = true, perChannelDense = true, symmetric = true;
        bool operator==(const State&) const = default;
    };
    State state() const;
    // Shows `s`; one `changed` signal when anything differs.
    void setState(const State& s);

    eval::WeightAnalysisOptions options() const;
    QString modeName() const; // "float16", "dynamic", "int8", "16x8" or "teaching"
    QString describe() const; // "int8, per-channel" / "4-bit asymmetric per-channel (teaching)"
    // The export options of the chosen TFLite mode (I/O type included); teaching schemes are not exportable.
    passes::QuantizeOptions quantizeOptions() const;
    QString ioName() const; // "native", "uint8", "float"
    QString calibrationName() const; // "minmax", "moving-average", "percentile:99.99", "mse", "kl"
    int calibrationSamples() const;
    // Names the data the ranges are calibrated on (shown in the panel).
    void setCalibrationSource(const QString& text);

    void saveSettings() const;
    void restoreSettings();

    void setMode(const QString& name);
    void setIo(const QString& name); // "native", "uint8", "float"
    void setBits(int bits);
    void setSymmetric(bool on);
    void setPerChannel(bool on);
    void setCalibration(const QString& name, int samples);

signals:
    void changed();
    // "Choose…" next to the calibration data: the window opens a data set for calibration only.
    void calibrationDataRequested();

private:
    void updateEnabled();

    QComboBox* m_mode = nullptr;
    QCheckBox* m_perChannel = nullptr;
    QCheckBox* m_perChannelDense = nullptr;
    QSlider* m_bits = nullptr;
    QLabel* m_bitsLabel = nullptr;
    QCheckBox* m_symmetric = nullptr;
    QComboBox* m_io = nullptr;
    QComboBox* m_calibration = nullptr;
    QSpinBox* m_samples = nullptr;
    QLabel* m_calibrationSource = nullptr;
    QPushButton* m_chooseCalibration = nullptr;
    int m_lastSamples = 100;
};

} // namespace ql::app
