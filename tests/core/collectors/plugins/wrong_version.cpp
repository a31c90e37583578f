// Test plugin: speaks interface version 99, which the host must reject before reading further.
#include "test_plugin.h"

namespace {
std::int32_t sample(void*, codescout_value*, std::uint32_t) { return 0; }
const codescout_collector kDescriptor = test_plugin::descriptor(sample, nullptr, 99);
}  // namespace

CODESCOUT_TEST_EXPORT const codescout_collector* codescout_collector_entry() { return &kDescriptor; }
