// SPDX-License-Identifier: MIT
#include "gui/modepanel.h"

#include "data/profiles.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QStandardItemModel>

#include <algorithm>

namespace ql::app {

ModePanel::ModePanel(QWidget* parent)
    : QWidget(parent)
{
    auto* form = new QFormLayout(this);
    m_target = new QComboBox(this);
    m_target->addItem(tr("any device"), QString());
    if (auto profiles = loadProfiles()) {
        m_profiles = std::move(*profiles);
        for (const auto& p : m_profiles) {
            m_target->addItem(QString::fromStdString(p.title), QString::fromStdString(p.name));
            m_target->setItemData(m_target->count() - 1, QString::fromStdString(p.description), Qt::ToolTipRole);
        }
    }
    m_target->setToolTip(tr("The device the model is for: the choices below follow what it needs, and the layer "
                            "table marks the operators that would not run there (docs/targets.md)"));
    form->addRow(tr("T&arget:"), m_target);
    connect(m_target, &QComboBox::currentIndexChanged, this, [this] {
        applyTarget();
        emit changed();
    });
    m_mode = new QComboBox(this);
    m_mode->addItem(tr("float16 (half-precision weights)"), QStringLiteral("float16"));
    m_mode->addItem(tr("dynamic range (int8 weights, float activations)"), QStringLiteral("dynamic"));
    m_mode->addItem(tr("full integer int8"), QStringLiteral("int8"));
    m_mode->addItem(tr("16x8 (int16 activations, int8 weights)"), QStringLiteral("16x8"));
    m_mode->addItem(tr("teaching: any bit width"), QStringLiteral("teaching"));
    m_mode->setCurrentIndex(2);
    m_mode->setToolTip(tr("The quantization the layer table, the histograms and the error charts show"));
    form->addRow(tr("&Mode:"), m_mode);

    m_io = new QComboBox(this);
    m_io->addItem(tr("integer (int8, or int16 for 16x8)"), QStringLiteral("native"));
    m_io->addItem(tr("uint8"), QStringLiteral("uint8"));
    m_io->addItem(tr("float (QUANTIZE / DEQUANTIZE at the edges)"), QStringLiteral("float"));
    m_io->setToolTip(tr("Input and output type of an exported full-integer model"));
    form->addRow(tr("&I/O:"), m_io);

    m_perChannel = new QCheckBox(tr("Per-channel convolution weights"), this);
    m_perChannel->setChecked(true);
    m_perChannel->setToolTip(tr("One scale per output channel (what the TFLite converter does) instead of one per "
                                "tensor: channels with small weights keep their precision"));
    form->addRow(m_perChannel);
    m_perChannelDense = new QCheckBox(tr("Per-channel dense weights"), this);
    m_perChannelDense->setChecked(true); // as the CLI and the current converter
    m_perChannelDense->setToolTip(tr("Also one scale per output unit for FULLY_CONNECTED (the current converter's default; "
                                     "older converters used one per tensor)"));
    form->addRow(m_perChannelDense);

    m_calibration = new QComboBox(this);
    m_calibration->addItem(tr("min/max"), QStringLiteral("minmax"));
    m_calibration->addItem(tr("moving average of min/max"), QStringLiteral("moving-average"));
    m_calibration->addItem(tr("percentile 99.99 %"), QStringLiteral("percentile:99.99"));
    m_calibration->addItem(tr("percentile 99.9 %"), QStringLiteral("percentile:99.9"));
    m_calibration->addItem(tr("least squared error (MSE)"), QStringLiteral("mse"));
    m_calibration->addItem(tr("entropy (KL divergence)"), QStringLiteral("kl"));
    m_calibration->setToolTip(
        tr("How each activation's range is chosen from the calibration samples. min/max keeps every value (what "
           "the TFLite converter does); percentiles, MSE and KL clip rare outliers to get a finer grid for the rest"));
    form->addRow(tr("Ca&libration:"), m_calibration);
    m_samples = new QSpinBox(this);
    m_samples->setRange(1, 100000);
    m_samples->setValue(100);
    m_samples->setSuffix(tr(" samples"));
    m_samples->setToolTip(tr("How many samples of the calibration data are run through the float model (the "
                             "first ones); the converter's guidance is about 100 representative samples"));
    form->addRow(tr("Sam&ples:"), m_samples);
    auto* sourceRow = new QWidget(this);
    auto* sourceLayout = new QHBoxLayout(sourceRow);
    sourceLayout->setContentsMargins(0, 0, 0, 0);
    m_calibrationSource = new QLabel(tr("the data set"), sourceRow);
    m_calibrationSource->setWordWrap(true);
    m_chooseCalibration = new QPushButton(tr("Choose…"), sourceRow);
    m_chooseCalibration->setToolTip(tr("Calibrate on other data than the evaluation data set (for example training "
                                       "images)"));
    connect(m_chooseCalibration, &QPushButton::clicked, this, &ModePanel::calibrationDataRequested);
    sourceLayout->addWidget(m_calibrationSource, 1);
    sourceLayout->addWidget(m_chooseCalibration);
    // Data set names are long (and longer in some languages): the source gets the panel's full width.
    form->addRow(new QLabel(tr("Calibrate on:"), this));
    form->addRow(sourceRow);

    auto* bitsRow = new QWidget(this);
    auto* bitsLayout = new QHBoxLayout(bitsRow);
    bitsLayout->setContentsMargins(0, 0, 0, 0);
    m_bits = new QSlider(Qt::Horizontal, bitsRow);
    m_bits->setRange(2, 16);
    m_bits->setValue(8);
    m_bits->setPageStep(1);
    m_bits->setTickPosition(QSlider::TicksBelow);
    m_bits->setToolTip(tr("Bits per weight for the teaching scheme: each bit halves the step between levels"));
    m_bitsLabel = new QLabel(bitsRow);
    m_bitsLabel->setMinimumWidth(m_bitsLabel->fontMetrics().horizontalAdvance(QStringLiteral("16 bits")));
    bitsLayout->addWidget(m_bits);
    bitsLayout->addWidget(m_bitsLabel);
    form->addRow(tr("&Bits:"), bitsRow);
    m_symmetric = new QCheckBox(tr("Symmetric (zero point 0)"), this);
    m_symmetric->setChecked(true);
    m_symmetric->setToolTip(tr("Symmetric: the grid is centred on 0. Asymmetric: a zero point shifts the grid to "
                               "cover [min, max] exactly, one more level"));
    form->addRow(m_symmetric);

    // The dock stays narrow: long item texts are elided in the closed combo boxes, shown in full when open.
    for (QComboBox* c : {m_target, m_mode, m_io, m_calibration}) {
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        c->setMinimumContentsLength(18); // fits a quarter of a 1280-pixel window
    }
    connect(m_io, &QComboBox::currentIndexChanged, this, &ModePanel::changed);
    connect(m_calibration, &QComboBox::currentIndexChanged, this, &ModePanel::changed);
    connect(m_samples, &QSpinBox::editingFinished, this, [this] {
        if (m_samples->value() != m_lastSamples) {
            m_lastSamples = m_samples->value();
            emit changed();
        }
    });
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        updateEnabled();
        emit changed();
    });
    for (QCheckBox* c : {m_perChannel, m_perChannelDense, m_symmetric})
        connect(c, &QCheckBox::toggled, this, &ModePanel::changed);
    connect(m_bits, &QSlider::valueChanged, this, [this] {
        m_bitsLabel->setText(tr("%n bit(s)", nullptr, m_bits->value()));
        emit changed();
    });
    m_bitsLabel->setText(tr("%n bit(s)", nullptr, m_bits->value()));
    updateEnabled();
}

void ModePanel::updateEnabled()
{
    const bool teaching = modeName() == QLatin1String("teaching");
    m_bits->setEnabled(teaching);
    m_symmetric->setEnabled(teaching);
    const bool perTensorOnly = target() && target()->perTensorWeights;
    m_perChannelDense->setEnabled(!teaching && modeName() != QLatin1String("float16") && !perTensorOnly);
    m_perChannel->setEnabled(modeName() != QLatin1String("float16") && !perTensorOnly);
    const bool calibrated = modeName() == QLatin1String("int8") || modeName() == QLatin1String("16x8");
    m_io->setEnabled(calibrated);
    m_calibration->setEnabled(calibrated);
    m_samples->setEnabled(calibrated);
    m_chooseCalibration->setEnabled(calibrated);
    if (modeName() == QLatin1String("16x8") && ioName() == QLatin1String("uint8"))
        m_io->setCurrentIndex(0);
}

QString ModePanel::ioName() const
{
    return m_io->currentData().toString();
}

passes::QuantizeOptions ModePanel::quantizeOptions() const
{
    passes::QuantizeOptions o;
    const auto w = options();
    o.mode = w.mode;
    o.perChannel = w.perChannel;
    o.perChannelDense = w.perChannelDense;
    if (m_io->isEnabled() && ioName() != QLatin1String("native"))
        if (auto io = passes::parseIo(ioName().toStdString(), o.mode))
            o.io = *io;
    if (auto c = quant::parseCalibration(calibrationName().toStdString()))
        o.calibration = *c;
    o.calibration.samples = m_lastSamples; // the count the views were last told about (see `changed`)
    return o;
}

QString ModePanel::calibrationName() const
{
    return m_calibration->currentData().toString();
}

int ModePanel::calibrationSamples() const
{
    return m_lastSamples;
}

void ModePanel::setCalibrationSource(const QString& text)
{
    m_calibrationSource->setText(text);
}

void ModePanel::setCalibration(const QString& name, int samples)
{
    if (const int i = m_calibration->findData(name); i >= 0)
        m_calibration->setCurrentIndex(i);
    m_samples->setValue(samples);
    if (samples != m_lastSamples) {
        m_lastSamples = samples;
        emit changed();
    }
}

void ModePanel::saveSettings() const
{
    QSettings s;
    s.beginGroup(QStringLiteral("mode"));
    s.setValue(QStringLiteral("mode"), modeName());
    s.setValue(QStringLiteral("target"), targetName());
    s.setValue(QStringLiteral("io"), ioName());
    s.setValue(QStringLiteral("perChannel"), m_perChannel->isChecked());
    s.setValue(QStringLiteral("perChannelDense"), m_perChannelDense->isChecked());
    s.setValue(QStringLiteral("bits"), m_bits->value());
    s.setValue(QStringLiteral("symmetric"), m_symmetric->isChecked());
    s.setValue(QStringLiteral("calibration"), calibrationName());
    s.setValue(QStringLiteral("calibrationSamples"), m_samples->value());
    s.endGroup();
}

void ModePanel::restoreSettings()
{
    QSettings s;
    s.beginGroup(QStringLiteral("mode"));
    if (s.contains(QStringLiteral("mode")))
        setMode(s.value(QStringLiteral("mode")).toString());
    setTarget(s.value(QStringLiteral("target")).toString());
    if (const int i = m_io->findData(s.value(QStringLiteral("io")).toString()); i >= 0)
        m_io->setCurrentIndex(i);
    m_perChannel->setChecked(s.value(QStringLiteral("perChannel"), true).toBool());
    m_perChannelDense->setChecked(s.value(QStringLiteral("perChannelDense"), true).toBool());
    m_bits->setValue(s.value(QStringLiteral("bits"), 8).toInt());
    m_symmetric->setChecked(s.value(QStringLiteral("symmetric"), true).toBool());
    setCalibration(s.value(QStringLiteral("calibration"), QStringLiteral("minmax")).toString(),
        s.value(QStringLiteral("calibrationSamples"), 100).toInt());
    s.endGroup();
}

QString ModePanel::modeName() const
{
    return m_mode->currentData().toString();
}

eval::WeightAnalysisOptions ModePanel::options() const
{
    eval::WeightAnalysisOptions o;
    const QString m = modeName();
    if (m == QLatin1String("teaching")) {
        o.teaching = quant::Scheme{m_bits->value(), m_symmetric->isChecked(), m_perChannel->isChecked()};
    } else if (auto mode = passes::parseMode(m.toStdString())) {
        o.mode = *mode;
    }
    o.perChannel = m_perChannel->isChecked();
    o.perChannelDense = m_perChannelDense->isChecked();
    return o;
}

QString ModePanel::describe() const
{
    const auto o = options();
    if (o.teaching)
        return tr("%1 (teaching)").arg(QString::fromStdString(o.teaching->describe()));
    QString s = QString::fromStdString(passes::modeName(o.mode)) +
        (o.mode == passes::Mode::Float16 ? QString() : (o.perChannel ? tr(", per-channel") : tr(", per-tensor")));
    if (passes::needsCalibration(o.mode))
        s += tr(", %1 on %n sample(s)", nullptr, m_lastSamples).arg(m_calibration->currentText());
    return s;
}

ModePanel::State ModePanel::state() const
{
    State s;
    s.mode = modeName();
    s.io = ioName();
    s.calibration = m_calibration->currentData().toString();
    s.target = targetName();
    s.samples = m_samples->value();
    s.bits = m_bits->value();
    s.perChannel = m_perChannel->isChecked();
    s.perChannelDense = m_perChannelDense->isChecked();
    s.symmetric = m_symmetric->isChecked();
    return s;
}

void ModePanel::setState(const State& s)
{
    if (s == state())
        return;
    {
        const QSignalBlocker b1(m_mode), b2(m_io), b3(m_calibration), b4(m_samples), b5(m_bits), b6(m_perChannel),
            b7(m_perChannelDense), b8(m_symmetric), b9(m_target);
        if (const int i = m_target->findData(s.target); i >= 0)
            m_target->setCurrentIndex(i);
        if (const int i = m_mode->findData(s.mode); i >= 0)
            m_mode->setCurrentIndex(i);
        if (const int i = m_io->findData(s.io); i >= 0)
            m_io->setCurrentIndex(i);
        if (const int i = m_calibration->findData(s.calibration); i >= 0)
            m_calibration->setCurrentIndex(i);
        m_samples->setValue(s.samples);
        m_lastSamples = s.samples;
        m_bits->setValue(s.bits);
        m_perChannel->setChecked(s.perChannel);
        m_perChannelDense->setChecked(s.perChannelDense);
        m_symmetric->setChecked(s.symmetric);
    }
    m_bitsLabel->setText(tr("%n bit(s)", nullptr, m_bits->value()));
    markTargetModes();
    updateEnabled();
    emit changed();
}

QString ModePanel::targetName() const
{
    return m_target->currentData().toString();
}

const target::Profile* ModePanel::target() const
{
    const std::string name = targetName().toStdString();
    for (const auto& p : m_profiles)
        if (p.name == name)
            return &p;
    return nullptr;
}

void ModePanel::setTarget(const QString& name)
{
    if (const int i = m_target->findData(name); i >= 0)
        m_target->setCurrentIndex(i);
}

bool ModePanel::targetRuns(const QString& mode) const
{
    const target::Profile* p = target();
    if (!p || p->activationTypes.empty() || mode == QLatin1String("teaching"))
        return true;
    auto takes = [&](model::DType t) {
        return std::find(p->activationTypes.begin(), p->activationTypes.end(), t) != p->activationTypes.end();
    };
    if (mode == QLatin1String("float16") || mode == QLatin1String("dynamic"))
        return takes(model::DType::Float32);
    if (mode == QLatin1String("16x8"))
        return takes(model::DType::Int16);
    return takes(model::DType::Int8) || takes(model::DType::UInt8);
}

void ModePanel::markTargetModes()
{
    auto* items = qobject_cast<QStandardItemModel*>(m_mode->model());
    for (int i = 0; items && i < m_mode->count(); ++i)
        items->item(i)->setEnabled(targetRuns(m_mode->itemData(i).toString()));
}

void ModePanel::applyTarget()
{
    const target::Profile* p = target();
    // Modes the target cannot run are disabled; the current one moves to full integer if it is one of them.
    markTargetModes();
    const QSignalBlocker blockMode(m_mode), blockIo(m_io), blockPc(m_perChannel), blockPcd(m_perChannelDense);
    if (!targetRuns(modeName()))
        m_mode->setCurrentIndex(m_mode->findData(QStringLiteral("int8")));
    if (p && p->perTensorWeights) {
        m_perChannel->setChecked(false);
        m_perChannelDense->setChecked(false);
    }
    if (p && !p->ioTypes.empty()) {
        auto takes = [&](model::DType t) { return std::find(p->ioTypes.begin(), p->ioTypes.end(), t) != p->ioTypes.end(); };
        if (takes(model::DType::Int8))
            m_io->setCurrentIndex(m_io->findData(QStringLiteral("native")));
        else if (takes(model::DType::UInt8))
            m_io->setCurrentIndex(m_io->findData(QStringLiteral("uint8")));
    }
    updateEnabled();
}

void ModePanel::setMode(const QString& name)
{
    const int i = m_mode->findData(name);
    if (i >= 0)
        m_mode->setCurrentIndex(i);
}

void ModePanel::setIo(const QString& name)
{
    const int i = m_io->findData(name);
    if (i >= 0)
        m_io->setCurrentIndex(i);
}

void ModePanel::setBits(int bits)
{
    m_bits->setValue(bits);
}

void ModePanel::setSymmetric(bool on)
{
    m_symmetric->setChecked(on);
}

void ModePanel::setPerChannel(bool on)
{
    m_perChannel->setChecked(on);
}

} // namespace ql::app
