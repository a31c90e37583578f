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

// Every sample, or only those at `samples` (indexes into the history, ascending).
std::vector<StackedArea> stackComponents(const AttributionHistory& history);
std::vector<StackedArea> stackComponents(const AttributionHistory& history, const std::vector<std::size_t>& samples);

// The samples worth drawing when there are more than 2 x `buckets`: the time range is split into
// `buckets` equal slices and each keeps its sample with the highest resident (a spike of the
// total survives), plus the first and the last sample. Otherwise every sample. Thinning whole
// samples, not each area, keeps the layers stacked on the same moments.
std::vector<std::size_t> thinSamples(const AttributionHistory& history, int buckets);

// "name: value" lines of the sample nearest to `seconds` (value "unavailable" when it was),
// headed by its time and resident; empty when there is no sample. `label` maps a stable
// component name to its display name.
QString describeSampleAt(const AttributionHistory& history, double seconds,
                         QString (*label)(const std::string& name));

// The display name of a component of the attribution (translated).
QString componentLabel(const std::string& name);

}  // namespace codescout::gui
