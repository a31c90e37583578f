// Test plugin: sample() reports failure the documented way, by returning non-zero (7), after
// writing a value that the host must not show.
#include "test_plugin.h"

namespace {
std::int32_t sample(void*, codescout_value* values, std::uint32_t) {
    values[0] = codescout_value{42, CODESCOUT_VALUE_OK};
    return 7;
}
const codescout_collector kDescriptor = test_plugin::descriptor(sample);
}  // namespace

CODESCOUT_TEST_EXPORT const codescout_collector* codescout_collector_entry() { return &kDescriptor; }
