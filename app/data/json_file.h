// SPDX-License-Identifier: MIT
// The JSON files QuantLens writes and reads back (partial results, ranges, results): one object per file, written
// atomically, read with errors that name the file.
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace ql::app {

// The file's JSON object; errors: "PATH: cannot read (...)", "PATH: not WHAT (...)".
Result<QJsonObject> readJsonObject(const QString& path, const char* what);

// Writes `bytes` to `path` atomically (never half a file, never over it on failure).
Status writeBytesAtomically(const QString& path, const QByteArray& bytes);

} // namespace ql::app
