// SPDX-License-Identifier: MIT
#include "gui/valuerangedialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <cmath>

namespace ql::app {

ValueRangeDialog::ValueRangeDialog(const QString& modelSays, const QString& dataSpan, const data::Preprocess& current,
    bool chosen, bool bgr, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Data value range"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("How 8-bit data (IDX files, uint8 .npy, image folders) become input values. A model "
                                "trained on other values gives confident nonsense, and its int8 export is calibrated "
                                "for the wrong range."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    m_choice = new QComboBox(this);
    m_choice->addItem(tr("As the model asks: %1").arg(modelSays), FollowModel);
    m_choice->addItem(tr("[0, 1] (pixels / 255)"), Unit);
    m_choice->addItem(tr("[-1, 1] (MobileNet, Inception)"), Symmetric);
    m_choice->addItem(tr("[0, 255] (raw pixel values)"), Bytes);
    m_choice->addItem(tr("(pixel − mean) / standard deviation"), MeanStd);
    m_choice->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_choice->setMinimumContentsLength(30);
    form->addRow(tr("Values:"), m_choice);
    m_mean = new QDoubleSpinBox(this);
    m_mean->setRange(-1000, 1000);
    m_mean->setDecimals(3);
    m_mean->setValue(127.5);
    m_std = new QDoubleSpinBox(this);
    m_std->setRange(0.001, 1000);
    m_std->setDecimals(3);
    m_std->setValue(127.5);
    form->addRow(tr("Mean:"), m_mean);
    form->addRow(tr("Standard deviation:"), m_std);
    m_bgr = new QCheckBox(tr("Colour channels in BGR order (Caffe-style models)"), this);
    m_bgr->setChecked(bgr);
    form->addRow(m_bgr);
    layout->addLayout(form);
    auto* span = new QLabel(dataSpan, this);
    span->setWordWrap(true);
    layout->addWidget(span);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_choice, &QComboBox::currentIndexChanged, this, &ValueRangeDialog::updateEnabled);

    // The current choice, as the user would have made it.
    auto near = [&](float scale, float offset) {
        return std::abs(current.scale - scale) < 1e-6f * std::max(1.0f, scale) && std::abs(current.offset - offset) < 1e-5f;
    };
    if (!chosen)
        choose(FollowModel);
    else if (near(1.0f / 255.0f, 0))
        choose(Unit);
    else if (near(2.0f / 255.0f, -1))
        choose(Symmetric);
    else if (near(1, 0))
        choose(Bytes);
    else {
        choose(MeanStd);
        setMeanStd(-current.offset / current.scale, 1.0 / current.scale);
    }
    updateEnabled();
}

void ValueRangeDialog::choose(Choice c)
{
    m_choice->setCurrentIndex(m_choice->findData(c));
}

void ValueRangeDialog::setMeanStd(double mean, double std)
{
    m_mean->setValue(mean);
    m_std->setValue(std);
}

void ValueRangeDialog::updateEnabled()
{
    const bool meanStd = m_choice->currentData().toInt() == MeanStd;
    m_mean->setEnabled(meanStd);
    m_std->setEnabled(meanStd);
}

bool ValueRangeDialog::followModel() const
{
    return m_choice->currentData().toInt() == FollowModel;
}

data::Preprocess ValueRangeDialog::preprocess() const
{
    data::Preprocess p;
    switch (m_choice->currentData().toInt()) {
    case Symmetric: p.scale = 2.0f / 255.0f, p.offset = -1.0f; break;
    case Bytes: p.scale = 1.0f, p.offset = 0.0f; break;
    case MeanStd:
        p.scale = static_cast<float>(1.0 / m_std->value());
        p.offset = static_cast<float>(-m_mean->value() / m_std->value());
        break;
    default: p.scale = 1.0f / 255.0f, p.offset = 0.0f; break;
    }
    return p;
}

bool ValueRangeDialog::bgr() const
{
    return m_bgr->isChecked();
}

} // namespace ql::app
