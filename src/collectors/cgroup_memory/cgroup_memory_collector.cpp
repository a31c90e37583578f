// The "cgroup-memory" collector plugin: the memory use and limit of this process's cgroup (v2),
// and its memory pressure (PSI) where the kernel provides it.
// The cgroup is the "0::PATH" line of /proc/self/cgroup; its files live under
// /sys/fs/cgroup/PATH. memory.max reads "max" when there is no limit: that is reported as
// unlimited, not as a number. Without cgroup v2 (v1-only systems, some containers), or when a
// file is missing or unreadable, the series is unavailable, never 0. The cgroup is looked up at
// every sample, because a process can be moved to another cgroup while it runs.
#include "collectors/common/plugin_support.h"

namespace {
using namespace codescout::plugins;

const codescout_series kSeries[] = {
    {"codescout_cgroup_memory_current_bytes", "Memory charged to this process's cgroup (memory.current).", "bytes",
     CODESCOUT_SERIES_GAUGE},
    {"codescout_cgroup_memory_max_bytes", "Memory limit of this process's cgroup (memory.max); +Inf when unlimited.",
     "bytes", CODESCOUT_SERIES_GAUGE},
    {"codescout_cgroup_memory_pressure_some_avg10_percent",
     "Share of the last 10 s in which some tasks of the cgroup stalled on memory (PSI).", "percent",
     CODESCOUT_SERIES_GAUGE},
    {"codescout_cgroup_memory_pressure_full_avg10_percent",
     "Share of the last 10 s in which all tasks of the cgroup stalled on memory (PSI).", "percent",
     CODESCOUT_SERIES_GAUGE},
    {"codescout_cgroup_memory_pressure_some_seconds_total",
     "Total time some tasks of the cgroup stalled on memory (PSI).", "seconds", CODESCOUT_SERIES_COUNTER},
};
constexpr std::uint32_t kCount = sizeof kSeries / sizeof kSeries[0];
enum Index { kCurrent, kMax, kSomeAvg10, kFullAvg10, kSomeTotal };

struct Instance {
    codescout_collector descriptor{};
    std::string proc;
    std::string cgroup;
};

// The cgroup v2 path of this process ("/user.slice/..."), or nothing on a v1-only system.
std::optional<std::string> own_cgroup(const std::string& proc) {
    const std::optional<std::string> text = read_text_file(proc + "/self/cgroup");
    if (!text) return std::nullopt;
    std::string_view rest = *text;
    while (!rest.empty()) {
        const std::size_t end = rest.find('\n');
        const std::string_view line = rest.substr(0, end);
        if (line.substr(0, 3) == "0::") return std::string(line.substr(3));
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    }
    return std::nullopt;
}

// "some avg10=1.50 avg60=... total=123" -> the number after `key` on the line starting with `kind`.
std::optional<double> psi_field(std::string_view text, std::string_view kind, std::string_view key) {
    std::string_view line = field_after(text, kind);
    line = line.substr(0, line.find('\n'));
    const std::size_t at = line.find(key);
    if (line.empty() || at == std::string_view::npos) return std::nullopt;
    const std::string number(line.substr(at + key.size(), line.find(' ', at) - at - key.size()));
    char* end = nullptr;
    const double value = std::strtod(number.c_str(), &end);
    if (end == number.c_str()) return std::nullopt;
    return value;
}

void set_double(codescout_value& out, std::optional<double> value) {
    if (value) out = codescout_value{*value, CODESCOUT_VALUE_OK};
}

void sample_into(const Instance& self, codescout_value* values) {
    const std::optional<std::string> path = own_cgroup(self.proc);
    if (!path) return;
    const std::string dir = self.cgroup + *path + (path->empty() || path->back() != '/' ? "/" : "");

    if (const auto current = read_text_file(dir + "memory.current")) set_value(values[kCurrent], parse_u64(*current));
    if (const auto max = read_text_file(dir + "memory.max")) {
        if (max->rfind("max", 0) == 0) {
            values[kMax] = codescout_value{0, CODESCOUT_VALUE_UNLIMITED};
        } else {
            set_value(values[kMax], parse_u64(*max));
        }
    }
    if (const auto pressure = read_text_file(dir + "memory.pressure")) {
        set_double(values[kSomeAvg10], psi_field(*pressure, "some ", "avg10="));
        set_double(values[kFullAvg10], psi_field(*pressure, "full ", "avg10="));
        if (const auto total_us = psi_field(*pressure, "some ", "total=")) {
            values[kSomeTotal] = codescout_value{*total_us / 1e6, CODESCOUT_VALUE_OK};
        }
    }
}

std::int32_t sample(void* context, codescout_value* values, std::uint32_t count) noexcept {
    if (count != kCount) return 2;  // the host passes series_count; anything else is a bug
    return guarded_sample([&] {
        sample_into(*static_cast<const Instance*>(context), values);
        return 0;
    });
}

}  // namespace

extern "C" __attribute__((visibility("default"))) const codescout_collector* codescout_collector_entry(void) {
    return new_collector<Instance>("cgroup-memory", kSeries, kCount, sample, [](Instance& self) {
        self.proc = proc_root();
        self.cgroup = cgroup_root();
    });
}
