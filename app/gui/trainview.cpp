// SPDX-License-Identifier: MIT
#include "gui/trainview.h"

#include "gui/job.h"

#include "data/samples.h"
#include "eval/classify.h"
#include "model/writer.h"
#include "passes/quantize.h"
#include "pipeline/qat.h"
#include "quant/calibrate.h"
#include "train/export.h"
#include "train/trainer.h"

#include "train/curvechart.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace ql::app {

namespace {

struct TrainOutcome {
    QString error;
    std::shared_ptr<const model::Graph> floatGraph;
    std::shared_ptr<std::vector<eval::ModeEvaluation>> rows;
};

} // namespace

TrainView::TrainView(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    auto pathRow = [this, form](const QString& label, QLineEdit*& edit) {
        auto* row = new QWidget(this);
        auto* h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        edit = new QLineEdit(row);
        auto* browse = new QPushButton(tr("…"), row);
        browse->setToolTip(tr("Choose a file (IDX, .gz or .npy)"));
        QLineEdit* target = edit;
        connect(browse, &QPushButton::clicked, this, [this, target] {
            const QString f = QFileDialog::getOpenFileName(this, tr("Choose a file"), QFileInfo(target->text()).path());
            if (!f.isEmpty())
                target->setText(f);
        });
        h->addWidget(edit, 1);
        h->addWidget(browse);
        form->addRow(label, row);
    };
    pathRow(tr("Training images:"), m_trainImages);
    pathRow(tr("Training labels:"), m_trainLabels);
    pathRow(tr("Test images:"), m_testImages);
    pathRow(tr("Test labels:"), m_testLabels);
    const QString debian = QStringLiteral("/usr/share/datasets/fashion-mnist/");
    if (QFileInfo::exists(debian + QStringLiteral("train-images-idx3-ubyte.gz")))
        setData(debian + QStringLiteral("train-images-idx3-ubyte.gz"),
            debian + QStringLiteral("train-labels-idx1-ubyte.gz"), debian + QStringLiteral("t10k-images-idx3-ubyte.gz"),
            debian + QStringLiteral("t10k-labels-idx1-ubyte.gz"));
    m_epochs = new QSpinBox(this);
    m_epochs->setRange(1, 100);
    m_epochs->setValue(5);
    m_epochs->setToolTip(tr("Passes over the training set (5 reach about 88.6% on Fashion-MNIST)"));
    m_qatEpochs = new QSpinBox(this);
    m_qatEpochs->setRange(0, 20);
    m_qatEpochs->setValue(1);
    m_qatEpochs->setToolTip(tr("Quantization-aware fine-tuning after float training: int8 fake quantization of "
                               "weights and activations, so the network learns to live with the rounding"));
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, 1000000);
    m_seed->setValue(1);
    m_seed->setToolTip(tr("The same seed gives the same weights"));
    m_limit = new QSpinBox(this);
    m_limit->setRange(0, 10000000);
    m_limit->setSpecialValueText(tr("all"));
    m_limit->setToolTip(tr("Use only the first N training samples (all: the whole set)"));
    form->addRow(tr("Epochs:"), m_epochs);
    form->addRow(tr("QAT epochs:"), m_qatEpochs);
    form->addRow(tr("Seed:"), m_seed);
    form->addRow(tr("Training samples:"), m_limit);
    layout->addLayout(form);

    auto* buttons = new QHBoxLayout;
    m_start = new QPushButton(tr("Trai&n"), this);
    m_start->setToolTip(tr("Train the classic CNN (Conv 12 3x3, MaxPool, Dense) and compare float, PTQ and QAT"));
    m_stop = new QPushButton(tr("Cancel"), this);
    m_save = new QPushButton(tr("Save model…"), this);
    m_progress = new QProgressBar(this);
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    buttons->addWidget(m_save);
    buttons->addWidget(m_progress, 1);
    layout->addLayout(buttons);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    m_curves = new widgets::CurveChart(this);
    layout->addWidget(m_curves, 1);

    connect(m_start, &QPushButton::clicked, this, &TrainView::start);
    connect(m_stop, &QPushButton::clicked, this, &TrainView::cancel);
    connect(m_save, &QPushButton::clicked, this, [this] {
        if (!m_trained)
            return;
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save trained model"), QStringLiteral("trained.tflite"), tr("TensorFlow Lite models (*.tflite)"));
        if (path.isEmpty())
            return;
        if (auto s = model::writeTflite(*m_trained, path.toStdString()); !s)
            QMessageBox::warning(this, tr("Cannot save the model"), QString::fromStdString(s.error().message));
    });
    updateState();
}

TrainView::~TrainView()
{
    if (m_cancel)
        m_cancel->store(true);
}

void TrainView::setData(
    const QString& trainImages, const QString& trainLabels, const QString& testImages, const QString& testLabels)
{
    m_trainImages->setText(trainImages);
    m_trainLabels->setText(trainLabels);
    m_testImages->setText(testImages);
    m_testLabels->setText(testLabels);
}

void TrainView::setEpochs(int epochs, int qatEpochs)
{
    m_epochs->setValue(epochs);
    m_qatEpochs->setValue(qatEpochs);
}

void TrainView::setTrainLimit(int samples)
{
    m_limit->setValue(samples);
}

int TrainView::curvePoints() const
{
    return m_curves->pointCount();
}

void TrainView::updateState()
{
    m_start->setEnabled(!running());
    m_stop->setEnabled(running());
    m_save->setEnabled(!running() && m_trained);
}

void TrainView::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void TrainView::start()
{
    if (running())
        return;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_curves->clear();
    m_progress->setRange(0, 0);
    m_status->setText(tr("Loading the data…"));
    updateState();
    const int epochs = m_epochs->value(), qatEpochs = m_qatEpochs->value();
    const auto progress = onGuiThread(this, [this, epochs](const train::TrainProgress& p) {
        const double x = (p.qat ? epochs : 0) + p.epoch - 1 + static_cast<double>(p.batch) / static_cast<double>(p.batches);
        m_curves->addPoint(x, p.loss, p.accuracy);
        m_progress->setRange(0, static_cast<int>(p.batches));
        m_progress->setValue(static_cast<int>(p.batch));
        m_status->setText(tr("%1epoch %2 of %3: loss %4, training accuracy %5%")
                              .arg(p.qat ? tr("QAT ") : QString())
                              .arg(p.epoch)
                              .arg(p.epochs)
                              .arg(p.loss, 0, 'f', 4)
                              .arg(100.0 * p.accuracy, 0, 'f', 1));
    });
    const auto done = [this](TrainOutcome o) {
        m_cancel.reset();
        m_progress->setRange(0, 1);
        m_progress->setValue(o.error.isEmpty() ? 1 : 0);
        if (o.error.isEmpty()) {
            m_trained = o.floatGraph;
            QStringList parts;
            for (const auto& r : *o.rows)
                parts << QStringLiteral("%1 %2%")
                             .arg(QString::fromStdString(r.mode))
                             .arg(QLocale().toString(100.0 * r.result.accuracy, 'f', 2));
            m_status->setText(
                tr("Test accuracy: %1. The rows are in the Compare tab.").arg(parts.join(QStringLiteral(", "))));
        } else {
            m_status->setText(o.error);
        }
        updateState();
        emit finished(o.error.isEmpty(), o.error, o.rows);
    };
    runJob(this, [trainImages = m_trainImages->text(), trainLabels = m_trainLabels->text(),
                                             testImages = m_testImages->text(), testLabels = m_testLabels->text(),
                                             epochs, qatEpochs, seed = m_seed->value(), limit = m_limit->value(),
                                             cancel = m_cancel, progress]() -> TrainOutcome {
        TrainOutcome out;
        auto fail = [&](const std::string& what, const Error& e) {
            out.error = QString::fromStdString(what + ": " + e.message);
            return out;
        };
        auto trainSet = data::loadSamples(trainImages.toStdString(), {}, limit);
        if (!trainSet)
            return fail("training images", trainSet.error());
        if (auto s = data::loadLabels(*trainSet, trainLabels.toStdString()); !s)
            return fail("training labels", s.error());
        auto testSet = data::loadSamples(testImages.toStdString(), {}, 0);
        if (!testSet)
            return fail("test images", testSet.error());
        if (auto s = data::loadLabels(*testSet, testLabels.toStdString()); !s)
            return fail("test labels", s.error());
        const auto& shape = trainSet->sampleShape;
        if (shape.size() < 2 || shape.size() > 3)
            return fail("training images", Error{"the classic CNN needs height x width images"});
        int classes = 2;
        for (auto l : trainSet->labels)
            classes = std::max(classes, l + 1);
        if (classes > 1000)
            return fail("training labels",
                Error{"a label of " + std::to_string(classes - 1) +
                    " asks for more than 1000 classes; is this a label file?"});
        auto arch = train::classicArchitecture(classes);
        arch[0].shape = {
            static_cast<int>(shape[0]), static_cast<int>(shape[1]), shape.size() == 3 ? static_cast<int>(shape[2]) : 1};
        train::Shape in;
        for (auto d : shape)
            in.push_back(static_cast<int>(d));
        auto net = train::buildNetwork(arch, in, static_cast<std::uint64_t>(seed));
        if (!net)
            return fail("architecture", net.error());
        train::TrainOptions o;
        o.epochs = epochs;
        o.seed = static_cast<std::uint64_t>(seed);
        o.progressEvery = 100;
        if (auto r = train::train(*net, *trainSet, nullptr, o, progress, cancel.get()); !r)
            return fail("training", r.error());
        pipeline::QatOptions qopt;
        qopt.epochs = qatEpochs;
        qopt.train = o;
        auto quantized = pipeline::quantizeTrained(*net, *trainSet, nullptr, qopt, progress, cancel.get());
        if (!quantized)
            return fail("quantization", quantized.error());
        // The same models and names as the CLI's `train` (float_finetuned: the fair baseline for QAT).
        std::vector<std::pair<std::string, const model::Graph*>> graphs{
            {"train: float", &quantized->floatGraph}, {"train: ptq_int8", &quantized->ptqInt8}};
        if (quantized->qatInt8)
            graphs.emplace_back("train: qat_int8", &*quantized->qatInt8);
        if (quantized->floatFineTuned)
            graphs.emplace_back("train: float_finetuned", &*quantized->floatFineTuned);
        out.rows = std::make_shared<std::vector<eval::ModeEvaluation>>();
        for (auto& [name, g] : graphs) {
            if (cancel->load())
                return fail("evaluation", Error{"cancelled"});
            auto c = eval::classify(*g, *testSet);
            if (!c)
                return fail(name, c.error());
            eval::ModeEvaluation e;
            e.mode = name;
            e.result = std::move(*c);
            if (auto s = eval::scoreAgainst(out.rows->empty() ? nullptr : &out.rows->front().result, *testSet, e); !s)
                return fail(name, s.error());
            if (auto bytes = model::serializeTflite(*g))
                e.sizeBytes = static_cast<std::int64_t>(bytes->size());
            // Agreement and KL are against the trained float model; latency is not measured here.
            if (out.rows->empty())
                e.klMean = std::nan("");
            e.latencyMs = std::nan("");
            out.rows->push_back(std::move(e));
        }
        out.floatGraph = std::make_shared<const model::Graph>(std::move(quantized->floatGraph));
        return out;
    }, done);
}

} // namespace ql::app
