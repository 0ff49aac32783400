// SPDX-License-Identifier: MIT
// Comparing the open model with a second one (File › Compare with…): the second file is read and both are
// compared off the GUI thread; the Diff tab shows the result.
#include "gui/mainwindow.h"

#include "eval/diff.h"
#include "eval/diff_outputs.h"
#include "gui/difftab.h"
#include "model/reader.h"

#include <QFileInfo>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>

namespace ql::app {

void MainWindow::compareWith(const QString& path, bool show)
{
    const auto source = m_doc->source();
    if (!source) {
        emit diffReady(false, tr("Open a model first, then compare it with another."));
        return;
    }
    const auto a = source->file;
    const QString nameA = QFileInfo(m_doc->file()).fileName(), nameB = QFileInfo(path).fileName();
    const int token = m_diffJob.start();
    m_diff->showMessage(tr("Comparing %1 with %2…").arg(nameA, nameB));
    if (show)
        m_views->setCurrentWidget(m_diff);
    struct Outcome {
        std::shared_ptr<const model::Graph> b;
        std::shared_ptr<const eval::ModelDiff> diff;
        QString error;
        std::shared_ptr<const eval::OutputAgreement> agreement; // with a data set
        QString agreementError;
    };
    runJob(
        this,
        [a, path, data = m_doc->dataSet()] {
            auto b = model::readTflite(path.toStdString());
            if (!b)
                return Outcome{nullptr, nullptr, QString::fromStdString(b.error().message), nullptr, {}};
            auto graph = std::make_shared<const model::Graph>(std::move(*b));
            Outcome o{graph, std::make_shared<const eval::ModelDiff>(eval::diffModels(*a, *graph)), {}, nullptr, {}};
            if (data) { // both models on the first samples of the data set, pair by pair
                auto r = eval::compareOutputs(*a, *graph, *o.diff, *data, 32);
                if (r)
                    o.agreement = std::make_shared<const eval::OutputAgreement>(std::move(*r));
                else
                    o.agreementError = QString::fromStdString(r.error().message);
            }
            return o;
        },
        [this, token, a, nameA, nameB, path](Outcome o) {
            if (!m_diffJob.isCurrent(token) || m_doc->source() == nullptr || m_doc->source()->file != a)
                return; // another comparison, or another model, came since
            if (!o.b) {
                m_diffPath.clear();
                const QString message = tr("%1 could not be compared: %2").arg(nameB, o.error);
                m_diff->showMessage(message);
                statusBar()->showMessage(message, 8000);
                emit diffReady(false, message);
                return;
            }
            m_diffPath = path;
            m_diff->setModels(a, nameA, o.b, nameB, o.diff);
            m_diff->setAgreement(o.agreement, o.agreementError);
            const QString message = tr("%1 against %2: %3 operator pair(s) differ").arg(nameA, nameB).arg(o.diff->changed);
            statusBar()->showMessage(message, 8000);
            emit diffReady(true, message);
        });
}

} // namespace ql::app
