// SPDX-License-Identifier: MIT
#include "common/litert.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
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

namespace {

void addFile(QCryptographicHash& h, const QString& path)
{
    QFile f(path);
    if (f.open(QIODevice::ReadOnly))
        h.addData(&f);
    h.addData(QByteArray("\0", 1));
}

// What identifies the runtime itself: its wrapper, script, pinned package versions and library files.
QByteArray toolIdentity()
{
    static const QByteArray id = [] {
        QCryptographicHash h(QCryptographicHash::Sha256);
        const QDir tool(QFileInfo(litertRunPath()).absolutePath());
        for (const char* name : {"litert-run", "litert-run.mjs", "package-lock.json"})
            addFile(h, tool.filePath(QString::fromLatin1(name)));
        QStringList libs;
        for (QDirIterator it(tool.filePath(QStringLiteral("lib")), QDir::Files, QDirIterator::Subdirectories);
             it.hasNext();)
            libs << it.next();
        libs.sort();
        for (const auto& l : libs)
            addFile(h, l);
        return h.result();
    }();
    return id;
}

// QL_LITERT_CACHE names a folder that keeps LiteRT's outputs by the SHA-256 of everything that
// determines them (the runtime's files, the model's and the inputs' bytes, the arguments), so the
// sanitized test run and repeated runs compare against the outputs LiteRT gave for exactly those bytes
// without starting it again. Only successful runs are kept.
QString cacheFolder(const QString& model, const QStringList& inputFiles, const QStringList& extraArgs)
{
    const QString root = qEnvironmentVariable("QL_LITERT_CACHE");
    if (root.isEmpty())
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(toolIdentity());
    addFile(h, model);
    for (const auto& f : inputFiles)
        addFile(h, f);
    h.addData(extraArgs.join(QChar(0)).toUtf8());
    return QDir(root).filePath(QString::fromLatin1(h.result().toHex()));
}

bool readOutputs(const QString& folder, LitertResult& r)
{
    for (int i = 0;; ++i) {
        const QString f = QDir(folder).filePath(QStringLiteral("out%1.npy").arg(i));
        if (!QFileInfo::exists(f))
            break;
        auto a = data::readNpy(f.toStdString());
        if (!a) {
            r.error = QString::fromStdString(a.error().message);
            return false;
        }
        r.outputs.push_back(std::move(a.value()));
    }
    r.ok = true;
    return true;
}

// Keeps a successful run's outputs: copied into a fresh folder beside the entry, then renamed into
// place, so a concurrent test process never reads a half-written entry.
void store(const QString& entry, const QString& outputs)
{
    QDir().mkpath(QFileInfo(entry).absolutePath());
    QTemporaryDir staging(entry + QStringLiteral(".XXXXXX"));
    if (!staging.isValid())
        return;
    for (const auto& name : QDir(outputs).entryList({QStringLiteral("out*.npy")}, QDir::Files))
        if (!QFile::copy(QDir(outputs).filePath(name), QDir(staging.path()).filePath(name)))
            return;
    if (QDir().rename(staging.path(), entry))
        staging.setAutoRemove(false);
}

} // namespace

LitertResult runLitert(const QString& model, const QStringList& inputFiles, const QStringList& extraArgs)
{
    LitertResult r;
    const QString entry = cacheFolder(model, inputFiles, extraArgs);
    if (!entry.isEmpty() && QFileInfo(entry).isDir()) {
        readOutputs(entry, r);
        return r;
    }
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
    if (readOutputs(dir.path(), r) && !entry.isEmpty())
        store(entry, dir.path());
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
