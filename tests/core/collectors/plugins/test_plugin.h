// Shared by the misbehaving test plugins: one gauge series and a descriptor builder, so each
// plugin file shows only the way it misbehaves.
#pragma once

#include <cstdint>

#include "core/collectors/codescout_collector.h"

#define CODESCOUT_TEST_EXPORT extern "C" __attribute__((visibility("default")))

namespace test_plugin {

inline const codescout_series kSeries[] = {
    {TEST_PLUGIN_SERIES, "A value from a test plugin.", "calls", CODESCOUT_SERIES_GAUGE}};

inline codescout_collector descriptor(codescout_sample_fn sample, void* context = nullptr,
                                      std::uint32_t version = CODESCOUT_COLLECTOR_INTERFACE_VERSION) {
    return codescout_collector{version, 1, TEST_PLUGIN_SERIES, kSeries, context, sample, nullptr};
}

}  // namespace test_plugin
