// Test plugin: its sample() lets a C++ exception escape, breaking the interface's contract; the
// host must catch it at the boundary, name the file and disable the collector.
#include <stdexcept>

#include "test_plugin.h"

namespace {
std::int32_t sample(void*, codescout_value*, std::uint32_t) { throw std::runtime_error("disk on fire"); }
const codescout_collector kDescriptor = test_plugin::descriptor(sample);
}  // namespace

CODESCOUT_TEST_EXPORT const codescout_collector* codescout_collector_entry() { return &kDescriptor; }
