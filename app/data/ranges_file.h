// SPDX-License-Identifier: MIT
// Calibrated activation ranges as a file, so that calibration happens once and its ranges travel with a job that
// runs on many machines: written by `quantlens-cli calibrate`, read by `--ranges FILE` of quantize, analyze, eval,
// sensitivity and report. Versioned JSON (docs/cli-json.md, "Activation ranges"); floats are written exactly, so
// the ranges read back are the ranges calibrated, and the model's SHA-256 ties them to the one model they fit.
#pragma once

#include "core/result.h"
#include "quant/calibrate.h"

#include <QByteArray>
#include <QString>

#include <string>
#include <vector>

namespace ql::app {

struct RangesFile {
    static constexpr int kVersion = 1;
    QString model; // as the command named it
    QString modelSha256; // hex, of the model file's contents
    quant::CalibrationOptions calibration; // what was used (samples: as many as were calibrated on)
    std::string calibrationSource; // when the model's own recorded ranges were used
    std::vector<std::string> notes; // of the calibration
    std::vector<quant::TensorRange> ranges; // one per tensor (quant::calibrate's order)
};

QByteArray rangesToJson(const RangesFile& f);
// Errors name the file and what is wrong with it.
Result<RangesFile> readRanges(const QString& path);

} // namespace ql::app
