// SPDX-License-Identifier: MIT
// The SHA-256 of what a file or a folder holds: what ties a result to its inputs (the report's file facts, the
// fingerprint of a sharded run, the model of a ranges file or of opened results), whatever their paths are.
#pragma once

#include <QString>

namespace ql::app {

// Hex SHA-256 of a file's contents; for a folder, of every file below it (relative path and contents, in path
// order). Empty when something cannot be read.
QString contentSha256(const QString& path);

} // namespace ql::app
