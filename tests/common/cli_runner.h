// SPDX-License-Identifier: MIT
// Running the quantlens-cli binary from end-to-end tests.
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include "common/model_facts.h"
#include "data/npy.h"

#include <cstring>
#include <string>

namespace ql::test {

struct CliRun {
    int code = -1; // -1: crashed or did not finish
    QByteArray out;
    QString err;
};

// `workDir`: the folder the command runs in (empty: the test's).
inline CliRun runCli(const QStringList& args, const QString& workDir = {})
{
    QProcess p;
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    p.start(QStringLiteral(QL_CLI_PATH), args);
    if (!p.waitForFinished(120000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
        QString::fromUtf8(p.readAllStandardError())};
}

inline CliRun cli(const QStringList& args)
{
    return test::runCli(args);
}

inline QJsonObject infoJson(const QString& path)
{
    const CliRun r = cli({QStringLiteral("info"), path, QStringLiteral("--json")});
    if (r.code != 0)
        qFatal("info failed: %s", qPrintable(r.err));
    QJsonParseError e{};
    const auto doc = QJsonDocument::fromJson(r.out, &e);
    if (e.error != QJsonParseError::NoError)
        qFatal("info --json printed no JSON: %s", qPrintable(e.errorString()));
    return doc.object();
}

// Calibration data unlike Fashion-MNIST: 10 images whose pixels stay below 0.01 (the input range collapses).
inline QString writeDimCalibration(const QTemporaryDir& dir)
{
    data::NpyArray dim;
    dim.shape = {10, 28, 28};
    dim.data.resize(10 * 784 * 4);
    for (int i = 0; i < 10 * 784; ++i) {
        const float v = 0.01f * static_cast<float>(i % 97) / 97.0f;
        std::memcpy(dim.data.data() + i * 4, &v, 4);
    }
    const QString file = dir.filePath(QStringLiteral("dim.npy"));
    if (!data::writeNpy(file.toStdString(), dim))
        qFatal("cannot write %s", qPrintable(file));
    return file;
}

inline QString modelFile(const std::string& file)
{
    return QString::fromStdString(test::modelPath(file));
}

} // namespace ql::test
