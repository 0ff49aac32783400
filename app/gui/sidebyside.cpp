// SPDX-License-Identifier: MIT
#include "gui/sidebyside.h"

#include "gui/job.h"

#include "data/image_folder.h"
#include "eval/activations.h"
#include "eval/scores.h"
#include "exec/interpreter.h"
#include "model/zip_tail.h"
#include "sidebyside/sampleviews.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QVBoxLayout>

#include <cmath>
#include <cstring>

namespace ql::app {

namespace {

// The first output as class probabilities, read as every view reads scores (eval/scores.h).
std::vector<float> probabilities(const exec::RtTensor& t)
{
    const std::vector<float> values = eval::realValues(t);
    const std::vector<double> p = eval::probabilities(values);
    return {p.begin(), p.end()};
}
// Runs `g` on one sample; a sample shaped otherwise than the input in the dimensions the model leaves
// open (shape_signature -1) resizes the input to it.
Result<std::vector<float>> runOnce(const model::Graph& g, const std::vector<float>& x, const std::vector<std::int64_t>& shape)
{
    exec::InterpreterOptions io;
    if (!shape.empty() && g.main().inputs.size() == 1) {
        data::SampleSet one;
        one.sampleShape = shape;
        one.count = 1;
        const auto& in = g.main().tensors[static_cast<std::size_t>(g.main().inputs[0])];
        if (auto s = data::inputShapeFor(one, in); s && *s != in.shape)
            io.inputShapes = {*s};
    }
    auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(g), io);
    if (!it)
        return it.error();
    const exec::RtTensor& in = (*it)->input(0);
    if (in.dtype != model::DType::Float32 || in.count() != static_cast<std::int64_t>(x.size()))
        return Error{"the input does not fit the model (" + std::to_string(x.size()) + " values for " +
            std::to_string(in.count()) + ")"};
    std::vector<std::uint8_t> bytes(x.size() * 4);
    std::memcpy(bytes.data(), x.data(), bytes.size());
    if (auto s = (*it)->setInput(0, model::DType::Float32, bytes); !s)
        return s.error();
    if (auto s = (*it)->invoke(); !s)
        return s.error();
    return probabilities((*it)->output(0));
}

} // namespace

SideBySideView::SideBySideView(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    auto* left = new QVBoxLayout;
    m_sources = new QTabWidget(this);
    m_sampleModel = new widgets::SampleListModel(this);
    m_samples = new QListView(this);
    m_samples->setModel(m_sampleModel);
    m_samples->setViewMode(QListView::IconMode);
    m_samples->setIconSize(QSize(56, 56));
    m_samples->setGridSize(QSize(84, 84));
    m_samples->setResizeMode(QListView::Adjust);
    m_samples->setUniformItemSizes(true);
    m_samples->setToolTip(tr("Click a sample to run both models on it"));
    connect(m_samples, &QListView::clicked, this, [this](const QModelIndex& i) { runSample(i.row()); });
    m_sources->addTab(m_samples, tr("Data set"));
    auto* drawPage = new QWidget(this);
    auto* drawLayout = new QVBoxLayout(drawPage);
    m_canvas = new widgets::DrawCanvas(drawPage);
    auto* clear = new QPushButton(tr("Clear"), drawPage);
    connect(clear, &QPushButton::clicked, m_canvas, &widgets::DrawCanvas::clear);
    connect(m_canvas, &widgets::DrawCanvas::changed, this, &SideBySideView::runDrawing);
    drawLayout->addWidget(m_canvas, 1);
    drawLayout->addWidget(clear);
    m_sources->addTab(drawPage, tr("Draw"));
    auto* imagePage = new QWidget(this);
    auto* imageLayout = new QFormLayout(imagePage);
    auto* openImage = new QPushButton(tr("Open image…"), imagePage);
    openImage->setToolTip(tr("Run both models on a picture (PNG, JPEG, BMP, …), scaled to the model's input size"));
    connect(openImage, &QPushButton::clicked, this, &SideBySideView::showOpenImageDialog);
    m_imageName = new QLabel(tr("no image yet"), imagePage);
    m_imageName->setWordWrap(true);
    m_imageRange = new QComboBox(imagePage);
    m_imageRange->addItem(tr("[0, 1] (pixels / 255)"));
    m_imageRange->addItem(tr("[-1, 1] (MobileNet, Inception)"));
    m_imageRange->addItem(tr("[0, 255] (raw pixel values)"));
    m_imageRange->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_imageRange->setMinimumContentsLength(14);
    m_imageRange->setToolTip(tr("The value range the model was trained on; a wrong range gives confident nonsense"));
    m_invert = new QCheckBox(tr("Invert colours"), imagePage);
    m_invert->setToolTip(tr("MNIST and Fashion-MNIST show light objects on a black background"));
    const auto rerun = [this] {
        if (!m_imagePath.isEmpty())
            runImageFile(m_imagePath);
    };
    connect(m_imageRange, &QComboBox::currentIndexChanged, this, rerun);
    connect(m_invert, &QCheckBox::toggled, this, rerun);
    imageLayout->addRow(openImage);
    imageLayout->addRow(m_imageName);
    imageLayout->addRow(tr("Value range:"), m_imageRange);
    imageLayout->addRow(m_invert);
    m_sources->addTab(imagePage, tr("Image file"));
    left->addWidget(m_sources, 1);
    m_preview = new QLabel(this);
    m_preview->setFixedSize(112, 112);
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setToolTip(tr("The input both models see"));
    left->addWidget(m_preview, 0, Qt::AlignHCenter);
    layout->addLayout(left, 1);

    auto* right = new QVBoxLayout;
    m_verdict = new QLabel(tr("Pick a sample or draw to run the float and the quantized model side by side."), this);
    m_verdict->setWordWrap(true);
    m_outputs = new widgets::OutputBars(this);
    m_layerBars = new widgets::ValueBars(tr("SQNR vs float (dB)"), this);
    m_layerBars->setToolTip(tr("Per operator output: how close the quantized run's tensor is to the float run's. "
                               "The lowest (outlined) is where the two runs part ways."));
    auto* classNames = new QPushButton(tr("Class names…"), this);
    classNames->setToolTip(tr("Name the outputs from a text file with one class per line (for example ImageNet's "
                              "labels file); models that carry a label file use it automatically"));
    connect(classNames, &QPushButton::clicked, this, &SideBySideView::showClassNamesDialog);
    auto* top = new QHBoxLayout;
    top->addWidget(m_verdict, 1);
    top->addWidget(classNames, 0, Qt::AlignTop);
    right->addLayout(top);
    right->addWidget(m_outputs, 1);
    right->addWidget(new QLabel(tr("Where the two runs part ways (per operator output):"), this));
    right->addWidget(m_layerBars, 1);
    layout->addLayout(right, 2);
}

void SideBySideView::setModels(std::shared_ptr<const model::Graph> floatGraph,
    std::shared_ptr<const model::Graph> quantized, const QString& modeName, const QString& unavailable)
{
    const bool newModel = floatGraph != m_float;
    m_float = std::move(floatGraph);
    m_quant = std::move(quantized);
    m_unavailable = unavailable;
    if (newModel) {
        m_userClassNames.clear(); // names the user loaded belong to the previous model
        m_input.reset(); // an input of the previous model's shape
    }
    m_modeName = modeName;
    // The canvas only makes sense for 28x28 single-channel inputs.
    bool mnistLike = false;
    if (m_float && m_float->main().inputs.size() == 1) {
        const auto& in = m_float->main().tensors[static_cast<std::size_t>(m_float->main().inputs[0])];
        mnistLike = in.elementCount() == 784;
    }
    m_sources->setTabEnabled(1, mnistLike);
    refreshClassNames(); // names that do not fit the new model's outputs are not shown
    // Images in MobileNet-style colour models usually expect [-1, 1]; grey ones [0, 1]. Only for a new model:
    // a range the user chose stays through mode changes.
    if (newModel && m_float && m_float->main().inputs.size() == 1) {
        const auto& in = m_float->main().tensors[static_cast<std::size_t>(m_float->main().inputs[0])];
        if (auto spec = imageSpecFor(in, {}, false)) {
            const QSignalBlocker block(m_imageRange);
            m_imageRange->setCurrentIndex(spec->channels == 3 ? 1 : 0);
        }
    }
    // Nothing of another model or mode stays on screen: the same input runs again in the new mode, or the
    // first sample of the data set, or the view says why it cannot run.
    if (!m_float) {
        clearOutcome(tr("Open a model to run it side by side with its quantized version."));
        return;
    }
    if (!m_quant) {
        clearOutcome(m_unavailable.isEmpty() ? tr("The quantized model is not ready yet.") : m_unavailable);
        return;
    }
    if (m_input) {
        Input again = *m_input;
        run(std::move(again.values), again.preview, std::move(again.shape), again.fromDataSet);
    } else if (m_set && m_set->count > 0) {
        runSample(0);
    } else {
        clearOutcome(tr("Pick a sample or draw to run the float and the quantized model side by side."));
    }
}

QString SideBySideView::verdictText() const
{
    return m_verdict->text();
}

void SideBySideView::markPending(const QString& modeName)
{
    if (!m_last.floatOut.empty() || !m_last.error.isEmpty())
        m_verdict->setText(tr("Updating for %1…").arg(modeName));
}

void SideBySideView::clearOutcome(const QString& text)
{
    m_runJob.start(); // a run still going belongs to what was replaced
    m_last = {};
    m_verdict->setText(text);
    m_outputs->setOutputs({}, {}, {}, QString(), QString());
    m_layerBars->setValues({}, {});
    if (!m_input)
        m_preview->clear();
}

void SideBySideView::setDataSet(std::shared_ptr<const data::SampleSet> set)
{
    m_set = std::move(set);
    m_sampleModel->setSamples(m_set, m_classNames);
    // A sample of the previous data set is no longer the one on screen: the new set's first runs instead.
    if (m_input && m_input->fromDataSet) {
        m_input.reset();
        if (m_float && m_quant && m_set && m_set->count > 0)
            runSample(0);
        else
            clearOutcome(tr("Pick a sample or draw to run the float and the quantized model side by side."));
    }
}

void SideBySideView::setClassNames(const QStringList& names)
{
    m_windowClassNames = names;
    refreshClassNames();
}

void SideBySideView::refreshClassNames()
{
    m_classNames = m_userClassNames.isEmpty() ? m_windowClassNames : m_userClassNames; // a file the user chose wins
    if (m_float && !m_classNames.isEmpty() && m_classNames.size() != outputCount())
        m_classNames.clear();
    m_sampleModel->setSamples(m_set, m_classNames);
}

int SideBySideView::outputCount() const
{
    if (!m_float || m_float->main().outputs.empty())
        return 0;
    return static_cast<int>(
        m_float->main().tensors[static_cast<std::size_t>(m_float->main().outputs[0])].elementCount());
}

bool SideBySideView::loadClassNames(const QString& path, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("%1: %2").arg(path, f.errorString());
        return false;
    }
    const QByteArray text = f.read(16 << 20);
    QStringList names;
    for (const auto& line : model::labelLines(
             std::span(reinterpret_cast<const std::uint8_t*>(text.constData()), static_cast<std::size_t>(text.size()))))
        names << QString::fromStdString(line);
    if (names.size() != outputCount()) {
        if (error)
            *error = tr("%1 has %n name(s), but the model has %2 outputs", nullptr, static_cast<int>(names.size()))
                         .arg(QFileInfo(path).fileName())
                         .arg(outputCount()) +
                (names.size() + 1 == outputCount() ? tr(" (1001-class ImageNet models put \"background\" first)")
                                                   : QString());
        return false;
    }
    m_userClassNames = names;
    refreshClassNames();
    if (!m_last.floatOut.empty())
        showOutcome(m_last);
    return true;
}

void SideBySideView::showClassNamesDialog()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Class names"), QString(), tr("Text files (*.txt);;All files (*)"));
    QString error;
    if (!path.isEmpty() && !loadClassNames(path, &error))
        QMessageBox::warning(this, tr("Cannot use these class names"), error);
}

void SideBySideView::setImageRange(ImageRange range)
{
    m_imageRange->setCurrentIndex(static_cast<int>(range));
}

void SideBySideView::setInvertImage(bool invert)
{
    m_invert->setChecked(invert);
}

void SideBySideView::showOpenImageDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open image"), QFileInfo(m_imagePath).absolutePath(),
        tr("Images (*.png *.jpg *.jpeg *.bmp *.gif *.pgm *.ppm *.webp);;All files (*)"));
    if (!path.isEmpty())
        runImageFile(path);
}

void SideBySideView::fail(const QString& message)
{
    m_runJob.start(); // whatever was running is stale now
    m_last = {};
    m_last.error = message;
    showOutcome(m_last);
    emit ran();
}

bool SideBySideView::runImageFile(const QString& path)
{
    m_imagePath = path;
    m_imageName->setText(QFileInfo(path).fileName());
    if (!m_float || m_float->main().inputs.size() != 1) {
        fail(tr("Open a model with one image input first."));
        return false;
    }
    const auto& in = m_float->main().tensors[static_cast<std::size_t>(m_float->main().inputs[0])];
    data::Preprocess pre;
    switch (m_imageRange->currentIndex()) {
    case 1:
        pre.scale = 2.0f / 255.0f;
        pre.offset = -1.0f;
        break;
    case 2:
        pre.scale = 1.0f;
        pre.offset = 0.0f;
        break;
    default:
        pre.scale = 1.0f / 255.0f;
        pre.offset = 0.0f;
        break;
    }
    auto spec = imageSpecFor(in, pre, false);
    if (!spec) {
        fail(tr("This model does not take images: %1").arg(QString::fromStdString(spec.error().message)));
        return false;
    }
    QImage shown;
    auto values = loadImage(path, *spec, m_invert->isChecked(), &shown);
    if (!values) {
        fail(QString::fromStdString(values.error().message));
        return false;
    }
    m_sources->setCurrentIndex(2);
    run(std::move(*values), shown);
    return true;
}

void SideBySideView::runSample(int index)
{
    if (!m_set || index < 0 || index >= m_set->count)
        return;
    const float* v = m_set->sample(index);
    run(std::vector<float>(v, v + m_set->sampleSize()), widgets::sampleImage(*m_set, index), m_set->sampleShape, true);
}

void SideBySideView::runDrawing()
{
    QImage img(28, 28, QImage::Format_Grayscale8);
    for (int y = 0; y < 28; ++y)
        for (int x = 0; x < 28; ++x)
            img.scanLine(y)[x] =
                static_cast<uchar>(std::lround(m_canvas->values()[static_cast<std::size_t>(y * 28 + x)] * 255.0f));
    run(m_canvas->values(), img);
}

void SideBySideView::run(std::vector<float> input, const QImage& preview, std::vector<std::int64_t> shape, bool fromDataSet)
{
    m_input = Input{input, preview, shape, fromDataSet};
    m_preview->setPixmap(QPixmap::fromImage(preview.scaled(112, 112, Qt::KeepAspectRatio, Qt::FastTransformation)));
    if (!m_float || !m_quant) {
        fail(!m_unavailable.isEmpty() ? m_unavailable : tr("The quantized model is not ready yet."));
        return;
    }
    const int token = m_runJob.start();
    runJob(this, [f = m_float, q = m_quant, x = std::move(input), shape = std::move(shape)]() {
        Outcome o;
        auto a = runOnce(*f, x, shape);
        auto b = runOnce(*q, x, shape);
        if (!a || !b) {
            o.error = QString::fromStdString((!a ? a.error() : b.error()).message);
            return o;
        }
        o.floatOut = std::move(*a);
        o.quantOut = std::move(*b);
        data::SampleSet one;
        one.sampleShape = shape.empty() ? std::vector<std::int64_t>{static_cast<std::int64_t>(x.size())} : shape;
        one.count = 1;
        one.values = x;
        eval::ActivationOptions ao;
        ao.samples = 1;
        if (auto layers = eval::analyzeActivations(*f, *q, one, ao)) {
            for (const auto& l : *layers) {
                o.layers << QStringLiteral("%1 %2").arg(l.op).arg(QString::fromStdString(l.opName));
                o.sqnr.push_back(l.propagated.sqnrDb);
            }
        }
        return o;
    },
        [this, token](Outcome o) {
            if (!m_runJob.isCurrent(token))
                return; // a newer input replaced this one
            m_last = std::move(o);
            showOutcome(m_last);
            emit ran();
        });
}

void SideBySideView::showOutcome(const Outcome& o)
{
    if (!o.error.isEmpty()) {
        m_verdict->setText(o.error);
        m_outputs->setOutputs({}, {}, {}, QString(), QString());
        m_layerBars->setValues({}, {});
        return;
    }
    auto name = [this](int c) { return c < m_classNames.size() ? m_classNames[c] : tr("class %1").arg(c); };
    const int a = static_cast<int>(std::max_element(o.floatOut.begin(), o.floatOut.end()) - o.floatOut.begin());
    const int b = static_cast<int>(std::max_element(o.quantOut.begin(), o.quantOut.end()) - o.quantOut.begin());
    m_verdict->setText(tr("float32: %1 (%2%) — %3: %4 (%5%)%6")
                           .arg(name(a))
                           .arg(QLocale().toString(100.0 * o.floatOut[static_cast<std::size_t>(a)], 'f', 1))
                           .arg(m_modeName)
                           .arg(name(b))
                           .arg(QLocale().toString(100.0 * o.quantOut[static_cast<std::size_t>(b)], 'f', 1))
                           .arg(a == b ? tr(" — they agree") : tr(" — they disagree")));
    m_outputs->setOutputs(o.floatOut, o.quantOut, m_classNames, tr("float32"), m_modeName);
    m_layerBars->setValues(o.layers, o.sqnr);
}

} // namespace ql::app
