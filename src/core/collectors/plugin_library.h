// One collector plugin opened and validated: dlopen(), the entry symbol, the descriptor's version
// and contents. Everything that can be judged without calling sample() is judged here, and every
// rejection names the file. The result owns the library handle and the entry call's descriptor.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "core/collectors/codescout_collector.h"
#include "core/collectors/collector_reading.h"

namespace codescout::collectors {

class PluginLibrary {
public:
    // Either a validated library or the reason it was rejected ("FILE: reason").
    static std::variant<std::unique_ptr<PluginLibrary>, std::string> open(const std::filesystem::path& file);

    ~PluginLibrary();  // calls destroy() (when the plugin has one), then dlclose()
    PluginLibrary(const PluginLibrary&) = delete;
    PluginLibrary& operator=(const PluginLibrary&) = delete;

    const std::string& name() const { return name_; }
    const std::filesystem::path& file() const { return file_; }
    // Copies of the descriptor's series, in its order.
    const std::vector<SeriesInfo>& series() const { return series_; }

    // Calls the plugin's sample() as is (no exception handling, no time box: the worker adds those).
    std::int32_t sample(codescout_value* values, std::uint32_t count) const;

private:
    PluginLibrary(void* handle, const codescout_collector* descriptor, std::filesystem::path file);

    void* handle_;
    const codescout_collector* descriptor_;
    std::filesystem::path file_;
    std::string name_;
    std::vector<SeriesInfo> series_;
};

// True for a valid Prometheus metric name: [a-zA-Z_:][a-zA-Z0-9_:]*.
bool is_valid_metric_name(std::string_view name);

}  // namespace codescout::collectors
