// Test plugin: its first sample() blocks for 1.5 s (a stuck NFS read, say); later ones answer at
// once with the number of calls so far. The host must not wait for it beyond its time box.
#include <chrono>
#include <thread>

#include "test_plugin.h"

namespace {
struct State {
    codescout_collector descriptor;
    int calls = 0;
};

std::int32_t sample(void* context, codescout_value* values, std::uint32_t) {
    auto* state = static_cast<State*>(context);
    if (++state->calls == 1) std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    values[0] = codescout_value{static_cast<double>(state->calls), CODESCOUT_VALUE_OK};
    return 0;
}
void destroy(void* context) { delete static_cast<State*>(context); }
}  // namespace

CODESCOUT_TEST_EXPORT const codescout_collector* codescout_collector_entry() {
    auto* state = new State;
    state->descriptor = test_plugin::descriptor(sample, state);
    state->descriptor.destroy = destroy;
    return &state->descriptor;
}
