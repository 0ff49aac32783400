// SPDX-License-Identifier: MIT
// The mode panel: which quantization the views show — a TFLite mode (float16, dynamic range, int8,
// 16x8) with per-channel options and, for int8 and 16x8, how activation ranges are calibrated (method,
// samples, data set), or a teaching scheme of any bit width, symmetric or asymmetric.
#pragma once

#include "eval/weights.h"

#include "target/profile.h"

#include <QWidget>

#include <vector>

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
        QString mode, io, calibration, target;
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
    // The deployment target the choices follow (docs/targets.md): choosing one sets what it needs (integer
    // mode, per-tensor weights, its I/O type) and disables the modes it cannot run. Empty: any device.
    void setTarget(const QString& name);
    QString targetName() const;
    const target::Profile* target() const; // null: none
    // The modes the current target runs ("float16", "dynamic", "int8", "16x8"; every one without a target).
    bool targetRuns(const QString& mode) const;

signals:
    void changed();
    // "Choose…" next to the calibration data: the window opens a data set for calibration only.
    void calibrationDataRequested();

private:
    void updateEnabled();

    void applyTarget(); // the target's needs on the other controls
    void markTargetModes(); // modes the target cannot run are disabled
    QComboBox* m_target = nullptr;
    std::vector<target::Profile> m_profiles;
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
