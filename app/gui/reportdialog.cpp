// SPDX-License-Identifier: MIT
#include "gui/reportdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace ql::app {

ReportDialog::ReportDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Export report"));
    setObjectName(QStringLiteral("reportDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("One self-contained HTML document (charts as vectors, readable offline, printable) "
                                "with the model, the settings and their provenance, every mode on the data set, "
                                "the weight and activation error of every layer, the worst layers and the "
                                "confusion matrices. It embeds the command that writes it again."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    auto* pathRow = new QHBoxLayout;
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("reportPath"));
    auto* browse = new QPushButton(tr("Choose…"), this);
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    form->addRow(tr("Report:"), pathRow);
    m_pdf = new QCheckBox(tr("Also as PDF (A4, same name)"), this);
    m_pdf->setChecked(true);
    form->addRow(QString(), m_pdf);
    m_tables = new QCheckBox(tr("Tables as CSV and JSON in a folder beside it"), this);
    form->addRow(QString(), m_tables);
    auto* sensRow = new QHBoxLayout;
    m_sensitivity = new QCheckBox(tr("Rank the layers by sensitivity (slower), allowed drop:"), this);
    m_budget = new QDoubleSpinBox(this);
    m_budget->setRange(0.0, 100.0);
    m_budget->setDecimals(2);
    m_budget->setSingleStep(0.25);
    m_budget->setValue(1.0);
    m_budget->setSuffix(tr(" points"));
    m_budget->setEnabled(false);
    sensRow->addWidget(m_sensitivity);
    sensRow->addWidget(m_budget);
    sensRow->addStretch(1);
    form->addRow(QString(), sensRow);
    layout->addLayout(form);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("reportSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    auto* row = new QHBoxLayout;
    m_write = new QPushButton(tr("&Write report"), this);
    m_write->setObjectName(QStringLiteral("writeReport"));
    m_write->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    row->addWidget(m_write);
    row->addWidget(m_cancel);
    row->addWidget(m_progress, 1);
    layout->addLayout(row);
    m_stage = new QLabel(this);
    layout->addWidget(m_stage);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("reportResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_result, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);

    connect(browse, &QPushButton::clicked, this, &ReportDialog::choosePath);
    connect(m_sensitivity, &QCheckBox::toggled, m_budget, &QWidget::setEnabled);
    connect(m_write, &QPushButton::clicked, this, &ReportDialog::writeRequested);
    connect(m_cancel, &QPushButton::clicked, this, &ReportDialog::cancelRequested);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(640, 420);
}

void ReportDialog::choosePath()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export report"), m_path->text(),
        tr("HTML documents (*.html)"), nullptr, QFileDialog::DontUseNativeDialog);
    if (!path.isEmpty())
        setPath(path);
}

Document::ReportSettings ReportDialog::settings() const
{
    Document::ReportSettings s;
    QString html = m_path->text().trimmed();
    if (html.isEmpty())
        return s;
    if (!html.endsWith(QLatin1String(".html"), Qt::CaseInsensitive))
        html += QStringLiteral(".html");
    s.html = html;
    const QFileInfo info(html);
    const QString base = info.absolutePath() + QLatin1Char('/') + info.completeBaseName();
    if (m_pdf->isChecked())
        s.pdf = base + QStringLiteral(".pdf");
    if (m_tables->isChecked())
        s.tablesDir = base + QStringLiteral("_tables");
    if (m_sensitivity->isChecked())
        s.sensitivityBudget = m_budget->value() / 100.0;
    return s;
}

void ReportDialog::setPath(const QString& htmlPath)
{
    m_path->setText(htmlPath);
}

void ReportDialog::setWithPdf(bool on)
{
    m_pdf->setChecked(on);
}

void ReportDialog::setWithTables(bool on)
{
    m_tables->setChecked(on);
}

void ReportDialog::setSensitivity(bool on, double budgetPoints)
{
    m_sensitivity->setChecked(on);
    m_budget->setValue(budgetPoints);
}

void ReportDialog::setSummary(const QString& text)
{
    m_summary->setText(text);
}

void ReportDialog::showRunning(bool running)
{
    m_write->setEnabled(!running);
    m_cancel->setEnabled(running);
    if (running) {
        m_result->clear();
        m_stage->setText(tr("Starting…"));
        m_progress->setRange(0, 0);
    }
}

void ReportDialog::showProgress(const QString& stage, qint64 done, qint64 total)
{
    m_stage->setText(stage);
    if (total > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(static_cast<int>(1000 * done / total));
    }
}

void ReportDialog::showFinished(bool ok, const QString& message, const QString& command)
{
    showRunning(false);
    m_progress->setRange(0, 1);
    m_progress->setValue(ok ? 1 : 0);
    m_stage->clear();
    if (!ok) {
        m_result->setText(tr("No report was written: %1").arg(message));
        return;
    }
    m_result->setText(
        message + QLatin1Char('\n') + tr("Written again by (from the report's folder):") + QLatin1Char('\n') + command);
}

QString ReportDialog::resultText() const
{
    return m_result->text();
}

} // namespace ql::app
