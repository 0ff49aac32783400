// SPDX-License-Identifier: MIT
// The graph as a picture for reports: the whole drawing as laid out (folded groups folded), with the overlay's
// legend in the lower left corner, as SVG, PDF (one page the size of the drawing) or PNG (twice the screen
// size, at most 16,000 pixels a side). Written through a temporary file: a failure leaves no partial file and
// never replaces an existing one.
#pragma once

#include <QString>

class QGraphicsScene;

namespace ql::widgets {

struct Legend;

// Picks the format by the suffix (.svg, .pdf, .png); false with `error` saying why it could not be written.
bool exportGraphPicture(QGraphicsScene& scene, const Legend& legend, const QString& path, QString* error);

} // namespace ql::widgets
