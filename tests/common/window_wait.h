// SPDX-License-Identifier: MIT
// Waiting for the main window in GUI tests: a model opened and everything the views show for it built.
#pragma once

#include "gui/mainwindow.h"

#include <QSignalSpy>
#include <QString>

namespace ql::test {

// Opens `path` and waits until the side-by-side view has what it shows for it (the model in the chosen mode,
// or why there is none).
inline bool openAndWait(app::MainWindow& w, const QString& path)
{
    QSignalSpy loaded(&w, &app::MainWindow::modelLoaded);
    QSignalSpy ready(&w, &app::MainWindow::quantizedReady);
    w.openFile(path);
    return loaded.wait(20000) && (ready.count() > 0 || ready.wait(60000));
}

} // namespace ql::test
