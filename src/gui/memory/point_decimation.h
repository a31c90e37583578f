// Thinning a plotted line to what the screen can show. A chart a few hundred pixels wide cannot
// show 3,000 points per line, but drawing them costs ~100 ms a frame; keeping the lowest and the
// highest point of each pixel-sized bucket draws the same picture (spikes included) from a few
// hundred points.
#pragma once

#include <QList>
#include <QPointF>

namespace codescout::gui {

// Points must be sorted by x. Splits the x range into `buckets` equal slices and keeps, per slice,
// its minimum and maximum point (in their original order), plus the very first and last point.
// Returns the input unchanged when it has no more than 2 * buckets points.
QList<QPointF> decimateMinMax(const QList<QPointF>& points, int buckets);

}  // namespace codescout::gui
