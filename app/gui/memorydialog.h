// SPDX-License-Identifier: MIT
// Edit › Device memory per step…: the RAM a microcontroller needs while the model runs (tflite-micro's tensor
// arena at each step), for the file as opened and for the model in the chosen mode, against the chosen
// target's RAM, with a caption that names each peak and its parts.
#pragma once

#include "model/graph.h"
#include "target/profile.h"

#include <QDialog>

class QLabel;

namespace ql::widgets {
class MemoryChart;
}

namespace ql::app {

class MemoryDialog : public QDialog {
    Q_OBJECT

public:
    explicit MemoryDialog(QWidget* parent = nullptr);

    // `chosen` (null, or the file itself: left out) is the model in `chosenName`'s mode; `profile` (may be
    // null) draws its RAM when it has a limit. The window calls it again whenever the model, the mode or the
    // target changes while the dialog is open.
    void setModels(const model::Graph& file, const model::Graph* chosen, const QString& chosenName, const target::Profile* profile);

    widgets::MemoryChart* chart() const { return m_chart; }
    QString caption() const;

signals:
    void operatorClicked(int op); // of the file as opened (the layer table's numbering)

private:
    widgets::MemoryChart* m_chart = nullptr;
    QLabel* m_caption = nullptr;
};

} // namespace ql::app
