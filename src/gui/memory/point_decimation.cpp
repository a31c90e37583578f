// Min/max-per-bucket thinning of a sorted polyline.
#include "gui/memory/point_decimation.h"

#include <algorithm>

namespace codescout::gui {

QList<QPointF> decimateMinMax(const QList<QPointF>& points, int buckets) {
    buckets = std::max(buckets, 1);
    if (points.size() <= 2 * static_cast<qsizetype>(buckets)) return points;
    const double x0 = points.first().x();
    const double span = points.last().x() - x0;
    if (span <= 0) return {points.first(), points.last()};

    QList<QPointF> out;
    out.reserve(2 * buckets + 2);
    out.append(points.first());
    qsizetype i = 1;
    const qsizetype last = points.size() - 1;
    while (i < last) {
        const int bucket = std::min(buckets - 1, static_cast<int>((points[i].x() - x0) / span * buckets));
        qsizetype lo = i;
        qsizetype hi = i;
        qsizetype j = i + 1;
        for (; j < last; ++j) {
            if (std::min(buckets - 1, static_cast<int>((points[j].x() - x0) / span * buckets)) != bucket) break;
            if (points[j].y() < points[lo].y()) lo = j;
            if (points[j].y() > points[hi].y()) hi = j;
        }
        out.append(points[std::min(lo, hi)]);
        if (lo != hi) out.append(points[std::max(lo, hi)]);
        i = j;
    }
    out.append(points.last());
    return out;
}

}  // namespace codescout::gui
