// The attribution history as a stack of areas, one per component in attribution order, for the
// stacked memory chart. Pure (no chart library), so "the top of the stack is resident" is tested
// without widgets. Engine components come first in the attribution, so on a log axis the
// KiB-scale engine parts form the readable bottom layers under the MiB-scale heap and libraries.
#pragma once

#include <QList>
#include <QPointF>
#include <QString>

#include <string>
#include <vector>

#include "gui/memory/attribution_history.h"

namespace codescout::gui {

struct StackedArea {
    std::string name;
    QList<QPointF> lower;  // x: seconds, y: bytes below this component
    QList<QPointF> upper;  // lower + the component's bytes (unavailable counts as 0: its share
                           // is in "unattributed", so the top is still resident)
};

std::vector<StackedArea> stackComponents(const AttributionHistory& history);

// "name: value" lines of the sample nearest to `seconds` (value "unavailable" when it was),
// headed by its time and resident; empty when there is no sample. `label` maps a stable
// component name to its display name.
QString describeSampleAt(const AttributionHistory& history, double seconds,
                         QString (*label)(const std::string& name));

// The display name of a component of the attribution (translated).
QString componentLabel(const std::string& name);

}  // namespace codescout::gui
