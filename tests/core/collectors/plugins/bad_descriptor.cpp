// Test plugin: right version, but a series name Prometheus cannot take ("2 bad"); the host must
// reject it at load with the reason.
#include "test_plugin.h"

namespace {
std::int32_t sample(void*, codescout_value*, std::uint32_t) { return 0; }
const codescout_series kBadSeries[] = {{"2 bad", "help", "unit", CODESCOUT_SERIES_GAUGE}};
const codescout_collector kDescriptor{CODESCOUT_COLLECTOR_INTERFACE_VERSION, 1, "bad", kBadSeries, nullptr, sample,
                                      nullptr};
}  // namespace

CODESCOUT_TEST_EXPORT const codescout_collector* codescout_collector_entry() { return &kDescriptor; }
