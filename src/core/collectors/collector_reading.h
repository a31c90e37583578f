// Plain data about collector series and their values, as the CLI and the GUI see them: no
// plugin types, no pointers into a plugin (its strings are copied at load), safe to copy between
// threads (e.g. in a queued Qt signal).
#pragma once

#include <string>
#include <vector>

namespace codescout::collectors {

enum class SeriesType { Counter, Gauge };

struct SeriesInfo {
    std::string name;  // Prometheus name
    std::string help;
    std::string unit;
    SeriesType type = SeriesType::Gauge;
    std::string collector;  // the collector's own name
    std::string file;       // the plugin it came from, for messages

    bool operator==(const SeriesInfo&) const = default;
};

enum class ValueState {
    Ok,           // value holds the reading
    Unavailable,  // not readable here (or the collector failed): show as such, never as 0
    Unlimited,    // there is no limit (cgroup "max"): say so, not a number
};

struct CollectorReading {
    SeriesInfo series;
    double value = 0;
    ValueState state = ValueState::Unavailable;
    // The collector missed this tick's time box (or has not answered yet): value and state are the
    // last ones it delivered (Unavailable when it never delivered).
    bool stale = false;

    bool operator==(const CollectorReading&) const = default;
};

// One reading per series of every loaded collector, in load order: the same list, in the same
// order, at every tick (a collector that fails keeps its place, Unavailable), so CSV columns and
// chart series stay put.
using CollectorSnapshot = std::vector<CollectorReading>;

}  // namespace codescout::collectors
