// SPDX-License-Identifier: MIT
#include "data/json_file.h"

#include "core/file_io.h"

#include <QFile>
#include <QJsonDocument>

#include <cstdint>

namespace ql::app {

Result<QJsonObject> readJsonObject(const QString& path, const char* what)
{
    const std::string where = path.toStdString() + ": ";
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{where + "cannot read (" + file.errorString().toStdString() + ")"};
    QJsonParseError e{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &e);
    if (e.error != QJsonParseError::NoError || !doc.isObject())
        return Error{where + "not " + what + " (" + e.errorString().toStdString() + ")"};
    return doc.object();
}

Status writeBytesAtomically(const QString& path, const QByteArray& bytes)
{
    return writeFileAtomically(path.toStdString(),
        {reinterpret_cast<const std::uint8_t*>(bytes.constData()), static_cast<std::size_t>(bytes.size())});
}

} // namespace ql::app
