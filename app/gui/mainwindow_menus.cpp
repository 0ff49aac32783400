// SPDX-License-Identifier: MIT
// The main window's menus (File, Edit, Help, the language choice), its recent files and the settings it
// keeps between runs.
#include "gui/mainwindow.h"

#include "gui/language.h"
#include "gui/modepanel.h"
#include "gui/suggestdialog.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScopedValueRollback>
#include <QSettings>
#include <QUndoStack>

namespace ql::app {

void MainWindow::buildMenus()
{
    auto* fileMenu = menuBar()->addMenu(tr("&File"));
    auto* open = fileMenu->addAction(tr("&Open…"), this, &MainWindow::showOpenDialog);
    open->setShortcut(QKeySequence::Open);
    auto* openData = fileMenu->addAction(tr("Open &data set…"), this, &MainWindow::showOpenDataSetDialog);
    openData->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    openData->setToolTip(tr("Images for Compare: IDX (.gz), .npy, or a folder with one sub-folder per class"));
    auto* openFolder = fileMenu->addAction(tr("Open image &folder…"), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open image folder"));
        if (!dir.isEmpty())
            openDataSet(dir, QString());
    });
    openFolder->setToolTip(tr("A folder of images (PNG, JPEG, …), or one sub-folder per class for labelled data; "
                              "images are scaled to the model's input"));
    auto* openResultsAction = fileMenu->addAction(tr("Open res&ults…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open results"), QString(), tr("QuantLens results (*.json);;All files (*)"));
        if (!path.isEmpty())
            openResults(path);
    });
    openResultsAction->setObjectName(QStringLiteral("openResultsAction"));
    openResultsAction->setToolTip(tr("Show results measured elsewhere: an evaluation in Compare, a sensitivity "
                                     "ranking in the suggestion dialog, an activation analysis in Errors (the JSON of "
                                     "quantlens-cli eval, sensitivity, analyze or merge with --json, e.g. of a "
                                     "cluster run)"));
    auto* valueRange = fileMenu->addAction(tr("Data &value range…"), this, &MainWindow::showValueRangeDialog);
    valueRange->setObjectName(QStringLiteral("valueRangeAction"));
    valueRange->setToolTip(tr("How 8-bit images become input values ([0, 1], [-1, 1], [0, 255], mean and standard "
                              "deviation, channel order); by default what the model's input stands for"));
    m_recentMenu = fileMenu->addMenu(tr("Open &recent"));
    auto* compare = fileMenu->addAction(tr("Compare &with…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Compare with model"), QString(), tr("TensorFlow Lite models (*.tflite);;All files (*)"));
        if (!path.isEmpty())
            compareWith(path);
    });
    compare->setToolTip(tr("Match this model's operators with another model's (the converter's file of the same "
                           "network, another export, an older version) and show what differs"));
    auto* exportModel = fileMenu->addAction(tr("&Export model…"), this, &MainWindow::showExportDialog);
    exportModel->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    exportModel->setObjectName(QStringLiteral("exportModelAction"));
    exportModel->setToolTip(tr("Write the model in the selected mode as a .tflite the TensorFlow Lite runtime loads"));
    auto* exportReport = fileMenu->addAction(tr("Export &report…"), this, &MainWindow::showReportDialog);
    exportReport->setObjectName(QStringLiteral("exportReportAction"));
    exportReport->setToolTip(tr("Write one self-contained HTML (and PDF) report of the model on the data set: every "
                                "mode, every layer's error, the worst layers, with the command that writes it again"));
    fileMenu->addSeparator();
    auto* quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    auto* editMenu = menuBar()->addMenu(tr("&Edit"));
    auto* undo = m_doc->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    auto* redo = m_doc->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    editMenu->addAction(undo);
    editMenu->addAction(redo);
    editMenu->addSeparator();
    // Ctrl+E from anywhere in the window (also from the layer filter, which would take it as "end of line").
    auto* evaluate = editMenu->addAction(tr("&Evaluate all modes"), this, [this] {
        showView(QStringLiteral("compare"));
        evaluateAllModes();
    });
    evaluate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    evaluate->setObjectName(QStringLiteral("evaluateAction"));
    evaluate->setToolTip(tr("Run every mode over the data set in the Compare tab"));
    auto* suggest = editMenu->addAction(tr("&Suggest layers to keep in float…"), this, [this] {
        m_suggest->show();
        m_suggest->raise();
    });
    suggest->setToolTip(tr("Measure every weighted layer's effect on accuracy (or agreement) on the data set and keep "
                           "the fewest layers in float that bring the drop within one point"));
    auto* memory = editMenu->addAction(tr("Device &memory per step…"), this, &MainWindow::showMemoryDialog);
    memory->setToolTip(tr("The RAM a microcontroller needs at each step of a run (tflite-micro's tensor arena), as "
                          "opened and in the chosen mode, against the target's RAM"));
    editMenu->addSeparator();
    auto* languageMenu = editMenu->addMenu(tr("&Language"));
    auto* languages = new QActionGroup(this);
    const QString current = savedLanguage();
    auto* system = languageMenu->addAction(tr("System default"));
    system->setData(QString());
    QList<QAction*> languageActions{system};
    languageMenu->addSeparator();
    for (const QString& code : availableLanguages()) {
        auto* a = languageMenu->addAction(languageName(code));
        a->setData(code);
        languageActions << a;
    }
    for (QAction* a : languageActions) {
        a->setCheckable(true);
        a->setChecked(a->data().toString() == current);
        languages->addAction(a);
        connect(a, &QAction::triggered, this, [this, a] {
            saveLanguage(a->data().toString());
            QMessageBox::information(this, tr("Language"),
                tr("QuantLens will use %1 the next time it starts.")
                    .arg(a->data().toString().isEmpty() ? tr("the system's language") : a->text()));
        });
    }
    auto* helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About QuantLens"), this, &MainWindow::showAbout);
    rebuildRecentMenu();
}

void MainWindow::restoreSettings()
{
    QSettings s;
    restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
    m_layoutRestored = restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    m_recent = s.value(QStringLiteral("recentFiles")).toStringList();
    {
        const QScopedValueRollback guard(m_applyingOptions, true); // the saved options are no undo step
        m_modePanel->restoreSettings();
    }
    rebuildRecentMenu();
}

void MainWindow::saveSettings() const
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("recentFiles"), m_recent);
    m_modePanel->saveSettings();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::rememberRecent(const QString& path)
{
    const QString abs = QFileInfo(path).absoluteFilePath();
    m_recent.removeAll(abs);
    m_recent.prepend(abs);
    while (m_recent.size() > 8)
        m_recent.removeLast();
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    for (const QString& f : m_recent)
        m_recentMenu->addAction(QFileInfo(f).fileName(), this, [this, f] { openFile(f); })->setToolTip(f);
    m_recentMenu->setEnabled(!m_recent.isEmpty());
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About QuantLens"),
        tr("<h3>QuantLens %1</h3><p>Explore the quantization of TensorFlow Lite models: weights, errors, modes, "
           "accuracy and size, side by side.</p><p>MIT license. The bundled demo model was trained by QuantLens on "
           "Fashion-MNIST (© Zalando SE, MIT license).</p>")
            .arg(QCoreApplication::applicationVersion()));
}

} // namespace ql::app
