// SPDX-License-Identifier: MIT
#include "data/content_hash.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace ql::app {

QString contentSha256(const QString& path)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    const QFileInfo info(path);
    QStringList files;
    if (info.isDir()) {
        QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        files.sort();
    } else {
        files << path;
    }
    for (const auto& f : files) {
        if (info.isDir())
            h.addData(QDir(path).relativeFilePath(f).toUtf8());
        QFile file(f);
        if (!file.open(QIODevice::ReadOnly) || !h.addData(&file))
            return {};
    }
    return QString::fromLatin1(h.result().toHex());
}

} // namespace ql::app
