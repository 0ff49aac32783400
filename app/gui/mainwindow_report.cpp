// SPDX-License-Identifier: MIT
// File › Export report… in the main window: the dialog, the document's report job, and what it wrote.
#include "gui/mainwindow.h"

#include "gui/messagearea.h"
#include "gui/reportdialog.h"

#include <QDir>
#include <QFileInfo>
#include <QStatusBar>

namespace ql::app {

void MainWindow::wireReport()
{
    m_report = new ReportDialog(this);
    connect(m_report, &ReportDialog::writeRequested, this, [this] { exportReport(m_report->settings()); });
    connect(m_report, &ReportDialog::cancelRequested, m_doc, &Document::cancelReport);
    connect(m_doc, &Document::reportProgress, m_report, &ReportDialog::showProgress);
    connect(m_doc, &Document::reportFinished, this, [this](bool ok, const QString& message, bool stopped) {
        m_report->showFinished(ok, stopped ? tr("cancelled") : message, m_doc->reportCommandLine());
        if (ok || stopped)
            m_messages->clear(QStringLiteral("report"));
        else
            m_messages->post(QStringLiteral("report"), tr("Writing the report failed: %1").arg(message));
        statusBar()->showMessage(ok ? tr("Report written") : tr("No report written"), 8000);
        emit reportFinished(ok, message);
    });
}

QString MainWindow::reportSummary() const
{
    if (const QString why = m_doc->reportBlocker(); !why.isEmpty())
        return why;
    const auto q = m_modePanel->quantizeOptions();
    QString text = tr("Model %1, evaluated on %2").arg(QFileInfo(m_doc->file()).fileName(), m_doc->dataSetName());
    text += QLatin1Char('\n') +
        tr("int8 and 16x8 calibrated (%1) on the first %2 samples of %3; weights %4")
            .arg(QString::fromStdString(q.calibration.describe()))
            .arg(q.calibration.samples)
            .arg(m_doc->calibrationDataName(), q.perChannel ? tr("per channel") : tr("per tensor"));
    if (!m_doc->keptFloat().empty())
        text +=
            QLatin1Char('\n') + tr("%n layer(s) kept in float", nullptr, static_cast<int>(m_doc->keptFloat().size()));
    if (!m_modePanel->targetName().isEmpty())
        text += QLatin1Char('\n') + tr("Target: %1").arg(m_modePanel->targetName());
    return text;
}

void MainWindow::showReportDialog()
{
    if (m_report->settings().html.isEmpty()) {
        const QFileInfo model(m_doc->file());
        const QString folder = m_doc->file().startsWith(QLatin1String(":/")) ? QDir::homePath() : model.absolutePath();
        m_report->setPath(QDir(folder).filePath(model.completeBaseName() + QStringLiteral("_report.html")));
    }
    m_report->setSummary(reportSummary());
    m_report->show();
    m_report->raise();
}

void MainWindow::exportReport(const Document::ReportSettings& settings)
{
    m_report->setSummary(reportSummary());
    m_report->showRunning(true);
    m_doc->exportReport(settings, m_modePanel->quantizeOptions(), m_modePanel->targetName());
}

} // namespace ql::app
