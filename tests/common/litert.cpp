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

QString litertFailure(const QString& log)
{
    static const char* const fatal[] = {"Failed to allocate tensors", "failed to prepare", "unresolved custom op",
        "Stub operation", "failed to invoke", "Failed to invoke", "Invoke failed"};
    for (const QString& line : log.split(QLatin1Char('\n')))
        for (const char* f : fatal)
            if (line.contains(QLatin1String(f)))
                return line.trimmed();
    return {};
}

LitertResult runLitert(const QString& model, const QStringList& inputFiles, const QStringList& extraArgs)
{
    LitertResult r;
    QTemporaryDir dir;
    QStringList args{model};
    for (const auto& f : inputFiles)
        args << QStringLiteral("--input") << f;
    args << QStringLiteral("--output-dir") << dir.path() << QStringLiteral("--verbose") << extraArgs;
    QProcess p;
    p.start(litertRunPath(), args);
    const bool finished = p.waitForFinished(300000);
    const QString log = QString::fromUtf8(p.readAllStandardError());
    if (!finished || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        r.error = QStringLiteral("litert-run failed (exit %1): %2").arg(p.exitCode()).arg(log.right(500));
        return r;
    }
    // litert-run exits 0 and writes whatever memory held when a kernel fails to prepare or to run;
    // only its log tells (docs/arithmetic.md, pitfalls).
    if (const QString failure = litertFailure(log); !failure.isEmpty()) {
        r.error = QStringLiteral("LiteRT did not run the model: ") + failure;
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
