// SPDX-License-Identifier: MIT
// What the graph view paints on its operators: a colour and a short value label per operator for one of
// the numbers QuantLens has (weight SQNR and verdict, activation SQNR, clipped share, kept in float, data
// type, bytes), and the legend that explains the colours. A pure function of the numbers, so it is tested
// without drawing.
#pragma once

#include "eval/weights.h"

#include <QColor>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace ql::widgets {

enum class OverlayKind {
    DataType,
    WeightSqnr,
    Verdict,
    ActivationSqnr, // propagated: the quantized model's tensor against the float one
    LocalActivationSqnr, // this tensor's own quantization only
    ClippedShare,
    KeptFloat,
    Bytes,
    Latency
};
inline constexpr int kOverlayCount = 9;
QString overlayName(OverlayKind k);

// Everything an overlay may draw on, per operator of the file (its numbering).
struct OverlayInputs {
    std::vector<std::string> outputDtype; // per operator
    std::vector<std::int64_t> constantBytes; // per operator
    std::shared_ptr<const std::vector<eval::LayerWeights>> weights; // the chosen mode's weight analysis
    std::vector<std::optional<double>> activationSqnrDb; // per operator; empty without a data set
    std::vector<std::optional<double>> localActivationSqnrDb; // per operator; empty without a data set
    std::vector<double> latencyMs; // per operator; empty until measured
    QString latencyNote; // why there is no latency yet (measuring, or the error)
    std::vector<int> keptFloat;
};

struct OperatorPaint {
    QColor fill; // invalid: no value (drawn neutral)
    QString value; // "31.4 dB", "12 KB", "kept float", "" when there is nothing to say
    // Lower is worse: a folded group shows its worst operator's colour and value.
    double rank = 0;
    std::optional<double> number; // the value itself, when it is a finite number (dB, share, bytes)
};

struct Legend {
    QString title;
    // A colour ramp from `low` to `high` (numeric overlays), or named swatches (categories).
    bool ramp = false;
    QColor lowColour, highColour;
    QString lowText, highText;
    std::vector<std::pair<QColor, QString>> swatches;
    QString note; // e.g. "open a data set to see activation error"
};

struct OverlayResult {
    std::vector<OperatorPaint> paint; // per operator
    Legend legend;
};

OverlayResult computeOverlay(OverlayKind kind, const OverlayInputs& in);

// The overlay as Google's Model Explorer loads custom node data: one graph (the main subgraph, named as
// Model Explorer's TFLite adapter names it: the subgraph's name, else its signature key, else "main"), whose
// `results` give each coloured operator (by its index, as a string) its value and colour.
QJsonObject modelExplorerNodeData(const OverlayResult& overlay, const model::Graph& graph);

} // namespace ql::widgets
