// SPDX-License-Identifier: MIT
// The trainer's layer list as JSON (`quantlens-cli train --arch FILE.json`):
//   {"layers": [{"type": "reshape", "shape": [28, 28, 1]},
//               {"type": "conv2d", "filters": 12, "kernel": 3, "strides": 1, "padding": "valid",
//                "activation": "relu"},
//               {"type": "max_pool2d", "pool": 2}, {"type": "flatten"}, {"type": "dense", "units": 10}]}
// A bare array of layers is accepted too. Unknown keys are errors, so a typo does not silently train
// another network.
#pragma once

#include "core/result.h"
#include "train/network.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace ql::app {

Result<std::vector<train::LayerSpec>> parseArchitecture(const QByteArray& json);
Result<std::vector<train::LayerSpec>> loadArchitecture(const QString& path);

} // namespace ql::app
