// SPDX-License-Identifier: MIT
// Train: the classic small CNN on Fashion-MNIST (or any IDX / .npy images with labels), then
// quantization-aware fine-tuning, from the GUI, with live loss and accuracy curves; the test accuracy of the
// float model, PTQ int8, QAT int8 and the float model fine-tuned as long as QAT (pipeline/qat.h, as the CLI's
// `train`) land in the Compare table. Training runs off the GUI thread and can be cancelled.
#pragma once

#include "eval/evaluate.h"
#include "model/graph.h"

#include <QWidget>

#include <atomic>
#include <memory>
#include <vector>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace ql::widgets {
class CurveChart;
}

namespace ql::app {

class TrainView : public QWidget {
    Q_OBJECT

public:
    explicit TrainView(QWidget* parent = nullptr);
    ~TrainView() override;

    void setData(
        const QString& trainImages, const QString& trainLabels, const QString& testImages, const QString& testLabels);
    void setEpochs(int epochs, int qatEpochs);
    void setTrainLimit(int samples); // 0 = all
    void start();
    void cancel();
    bool running() const { return m_cancel != nullptr; }
    int curvePoints() const;
    // The trained float model (null before a run finished).
    std::shared_ptr<const model::Graph> trainedModel() const { return m_trained; }

signals:
    // ok: the comparison rows ("train: float", "train: ptq_int8", "train: qat_int8", "train: float_finetuned");
    // else the message says what failed.
    void finished(bool ok, const QString& message, std::shared_ptr<const std::vector<eval::ModeEvaluation>> rows);

private:
    void updateState();

    QLineEdit *m_trainImages = nullptr, *m_trainLabels = nullptr, *m_testImages = nullptr, *m_testLabels = nullptr;
    QSpinBox *m_epochs = nullptr, *m_qatEpochs = nullptr, *m_seed = nullptr, *m_limit = nullptr;
    QPushButton *m_start = nullptr, *m_stop = nullptr, *m_save = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    widgets::CurveChart* m_curves = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::shared_ptr<const model::Graph> m_trained;
};

} // namespace ql::app
