// SPDX-License-Identifier: MIT
// File › Data value range…: how 8-bit data (IDX files, uint8 .npy, image folders) become the model's input
// values — what the model asks for, a common range ([0, 1], [-1, 1], [0, 255]), or a mean and standard
// deviation — and the channel order of colour images. Shows what the model's input stands for and the range
// the data span now.
#pragma once

#include "data/samples.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;

namespace ql::app {

class ValueRangeDialog : public QDialog {
    Q_OBJECT

public:
    // `modelSays`: the document's preprocessing basis; `current`: what is in use (chosen says whether it was the
    // user's choice).
    ValueRangeDialog(const QString& modelSays, const QString& dataSpan, const data::Preprocess& current, bool chosen,
        bool bgr, QWidget* parent = nullptr);

    bool followModel() const; // "as the model asks"
    data::Preprocess preprocess() const;
    bool bgr() const;

    enum Choice { FollowModel, Unit, Symmetric, Bytes, MeanStd };
    void choose(Choice c); // for scripts and tests
    void setMeanStd(double mean, double std);

private:
    void updateEnabled();

    QComboBox* m_choice = nullptr;
    QDoubleSpinBox* m_mean = nullptr;
    QDoubleSpinBox* m_std = nullptr;
    QCheckBox* m_bgr = nullptr;
};

} // namespace ql::app
