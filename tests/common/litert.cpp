// SPDX-License-Identifier: MIT
#include "common/litert.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

namespace ql::test {

QString litertRunPath()
{
    return QStringLiteral(QL_SHARED_DIR "/tools/litert-run/litert-run");
}

LitertResult runLitert(const QString& model, const QStringList& inputFiles, const QStringList& extraArgs)
{
    LitertResult r;
    QTemporaryDir dir;
    QStringList args{model};
    for (const auto& f : inputFiles)
        args << QStringLiteral("--input") << f;
    args << QStringLiteral("--output-dir") << dir.path() << extraArgs;
    QProcess p;
    p.start(litertRunPath(), args);
    if (!p.waitForFinished(300000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        r.error = QStringLiteral("litert-run failed (exit %1): %2")
                      .arg(p.exitCode())
                      .arg(QString::fromUtf8(p.readAllStandardError()).right(500));
        return r;
    }
    for (int i = 0;; ++i) {
        const QString f = dir.filePath(QStringLiteral("out%1.npy").arg(i));
        if (!QFileInfo::exists(f))
            break;
        auto a = data::readNpy(f.toStdString());
        if (!a) {
            r.error = QString::fromStdString(a.error().message);
            return r;
        }
        r.outputs.push_back(std::move(a.value()));
    }
    r.ok = true;
    return r;
}

std::optional<double> benchLitert(const QString& model, int runs, int warmup)
{
    QProcess p;
    p.start(litertRunPath(),
        {model, QStringLiteral("--bench"), QString::number(runs), QStringLiteral("--warmup"), QString::number(warmup)});
    if (!p.waitForFinished(600000) || p.exitCode() != 0)
        return std::nullopt;
    const auto doc = QJsonDocument::fromJson(p.readAllStandardOutput());
    if (!doc.isObject() || !doc.object().contains(QStringLiteral("median_ms")))
        return std::nullopt;
    return doc.object()[QStringLiteral("median_ms")].toDouble();
}

} // namespace ql::test
