// The "process-io" collector plugin: this process's I/O counters from /proc/self/io.
// rchar counts bytes handed over by read()-like calls, served from the page cache or not, so it
// grows with every file CodeScout searches; read_bytes counts only what the storage layer fetched
// (0 for a cached tree), so both are offered. Missing or unreadable file (no task I/O accounting
// in the kernel, a hardened container): every series is unavailable, never 0.
#include "collectors/common/plugin_support.h"

namespace {
using namespace codescout::plugins;

const codescout_series kSeries[] = {
    {"codescout_io_read_bytes_total", "Bytes this process read through read()-like calls (rchar), page cache included.",
     "bytes", CODESCOUT_SERIES_COUNTER},
    {"codescout_io_read_syscalls_total", "Read system calls this process made (syscr).", "syscalls",
     CODESCOUT_SERIES_COUNTER},
    {"codescout_io_storage_read_bytes_total", "Bytes this process caused to be fetched from storage (read_bytes).",
     "bytes", CODESCOUT_SERIES_COUNTER},
    {"codescout_io_written_bytes_total", "Bytes this process wrote through write()-like calls (wchar).", "bytes",
     CODESCOUT_SERIES_COUNTER},
};
constexpr const char* kFields[] = {"rchar:", "syscr:", "read_bytes:", "wchar:"};
constexpr std::uint32_t kCount = sizeof kSeries / sizeof kSeries[0];

struct Instance {
    codescout_collector descriptor{};
    std::string io_file;
};

std::int32_t sample(void* context, codescout_value* values, std::uint32_t count) noexcept {
    return guarded_sample([&] {
        const auto* self = static_cast<const Instance*>(context);
        const std::optional<std::string> text = read_text_file(self->io_file);
        if (!text) return 0;  // values stay unavailable
        for (std::uint32_t i = 0; i < count && i < kCount; ++i) {
            set_value(values[i], parse_u64(field_after(*text, kFields[i])));
        }
        return 0;
    });
}

}  // namespace

extern "C" __attribute__((visibility("default"))) const codescout_collector* codescout_collector_entry(void) {
    return new_collector<Instance>("process-io", kSeries, kCount, sample,
                                   [](Instance& self) { self.io_file = proc_root() + "/self/io"; });
}
