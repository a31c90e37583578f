// Opening and validating a collector plugin (see plugin_library.h).
#include "core/collectors/plugin_library.h"

#include <dlfcn.h>

#include <exception>
#include <string_view>

#include "core/collectors/elf_check.h"

namespace codescout::collectors {
namespace {

bool is_name_char(char c, bool first) {
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
    return alpha || (!first && c >= '0' && c <= '9');
}

// What is wrong with a descriptor whose version matched, or empty.
std::string descriptor_problem(const codescout_collector& d) {
    if (!d.name || !*d.name) return "the collector has no name";
    if (!d.sample) return "the collector has no sample() function";
    if (d.series_count == 0 || d.series_count > CODESCOUT_COLLECTOR_MAX_SERIES) {
        return "series_count " + std::to_string(d.series_count) + " is not between 1 and " +
               std::to_string(CODESCOUT_COLLECTOR_MAX_SERIES);
    }
    if (!d.series) return "series is NULL";
    for (std::uint32_t i = 0; i < d.series_count; ++i) {
        const codescout_series& s = d.series[i];
        const std::string which = "series " + std::to_string(i);
        if (!s.name || !is_valid_metric_name(s.name)) {
            return which + " has no valid Prometheus name" + (s.name ? std::string(" ('") + s.name + "')" : "");
        }
        if (!s.help || !s.unit) return which + " ('" + s.name + "') lacks help or unit";
        if (s.type != CODESCOUT_SERIES_COUNTER && s.type != CODESCOUT_SERIES_GAUGE) {
            return which + " ('" + s.name + "') has unknown type " + std::to_string(s.type);
        }
        for (std::uint32_t j = 0; j < i; ++j) {
            if (std::string_view(d.series[j].name) == s.name) return "series '" + std::string(s.name) + "' is listed twice";
        }
    }
    return {};
}

std::string dl_error() {
    const char* e = ::dlerror();
    return e ? e : "unknown dlopen error";
}

}  // namespace

bool is_valid_metric_name(std::string_view name) {
    if (name.empty()) return false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        if (!is_name_char(name[i], i == 0)) return false;
    }
    return true;
}

std::variant<std::unique_ptr<PluginLibrary>, std::string> PluginLibrary::open(const std::filesystem::path& file) {
    const std::string where = file.string() + ": ";
    if (std::string problem = elf_problem(file); !problem.empty()) return where + problem;

    // RTLD_NOW: an unresolved symbol is found here, with a message, not at the first sample().
    // RTLD_LOCAL: two plugins may define the same helper names without clashing.
    void* handle = ::dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) return where + "cannot be loaded: " + dl_error();
    const auto reject = [&](const std::string& reason) {
        ::dlclose(handle);
        return where + reason;
    };

    void* symbol = ::dlsym(handle, CODESCOUT_COLLECTOR_ENTRY_SYMBOL);
    if (!symbol) {
        return reject("no symbol " CODESCOUT_COLLECTOR_ENTRY_SYMBOL " (not a CodeScout collector, or not exported "
                      "with C linkage)");
    }
    // POSIX guarantees that a dlsym() result converts to a function pointer.
    const auto entry = reinterpret_cast<codescout_collector_entry_fn>(symbol);
    const codescout_collector* descriptor = nullptr;
    try {
        descriptor = entry();
    } catch (const std::exception& e) {
        return reject(std::string(CODESCOUT_COLLECTOR_ENTRY_SYMBOL "() threw: ") + e.what());
    } catch (...) {
        return reject(CODESCOUT_COLLECTOR_ENTRY_SYMBOL "() threw an exception");
    }
    if (!descriptor) return reject(CODESCOUT_COLLECTOR_ENTRY_SYMBOL "() returned no collector");
    // Only the first member may be read before the version is known to match.
    if (descriptor->interface_version != CODESCOUT_COLLECTOR_INTERFACE_VERSION) {
        return reject("interface version " + std::to_string(descriptor->interface_version) +
                      ", this CodeScout supports version " + std::to_string(CODESCOUT_COLLECTOR_INTERFACE_VERSION));
    }
    if (std::string problem = descriptor_problem(*descriptor); !problem.empty()) {
        if (descriptor->destroy) descriptor->destroy(descriptor->context);
        return reject("invalid descriptor: " + problem);
    }
    return std::unique_ptr<PluginLibrary>(new PluginLibrary(handle, descriptor, file));
}

PluginLibrary::PluginLibrary(void* handle, const codescout_collector* descriptor, std::filesystem::path file)
    : handle_(handle), descriptor_(descriptor), file_(std::move(file)), name_(descriptor->name) {
    series_.reserve(descriptor->series_count);
    for (std::uint32_t i = 0; i < descriptor->series_count; ++i) {
        const codescout_series& s = descriptor->series[i];
        series_.push_back({s.name, s.help, s.unit,
                           s.type == CODESCOUT_SERIES_COUNTER ? SeriesType::Counter : SeriesType::Gauge, name_,
                           file_.string()});
    }
}

PluginLibrary::~PluginLibrary() {
    if (descriptor_->destroy) {
        try {
            descriptor_->destroy(descriptor_->context);
        } catch (...) {
            // A destructor must not throw; a plugin that does has broken its contract, and there is
            // nobody left to tell.
        }
    }
    ::dlclose(handle_);
}

std::int32_t PluginLibrary::sample(codescout_value* values, std::uint32_t count) const {
    return descriptor_->sample(descriptor_->context, values, count);
}

}  // namespace codescout::collectors
