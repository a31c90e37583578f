// Text renderings of collector readings, shared by the CLI (--metrics-format prometheus) and the
// GUI's export: Prometheus exposition and single CSV/display values.
#pragma once

#include <string>

#include "core/collectors/collector_reading.h"

namespace codescout::collectors {

// Shortest text that reads back as the same double ("1234567", "0.25").
std::string format_value(double value);

// Prometheus text (0.0.4) for every reading: # HELP and # TYPE for each series, then its sample.
// A value that is Unlimited is written +Inf (Prometheus's own word for "no bound"), preceded by a
// comment saying "unlimited"; an Unavailable or stale one gets no sample line (a scraper must not
// mistake it for a current value, let alone 0), only a comment saying which and why.
std::string format_prometheus(const CollectorSnapshot& snapshot);

// One cell for CSV and tables: the number, "unlimited", or "" for unavailable. Stale values are
// written as they are (the CSV's own column says which rows were late).
std::string format_cell(const CollectorReading& reading);

}  // namespace codescout::collectors
