// Small helpers shared by the collector plugins built here: reading a little text file whole
// (the /proc and cgroup files are a few hundred bytes), parsing its numbers, and the roots of
// /proc and the cgroup hierarchy, which tests point elsewhere. Header-only: each plugin is one
// self-contained shared library.
#pragma once

#include <fcntl.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <exception>
#include <new>
#include <optional>
#include <string>
#include <string_view>

#include "core/collectors/codescout_collector.h"

namespace codescout::plugins {

// The C side of a plugin whose state is an `Instance` holding `codescout_collector descriptor`,
// written once for every plugin built here. No exception may leave a C entry point.

// Builds the instance with `init` (which may throw) and fills its descriptor, whose destroy()
// deletes the instance. nullptr when memory runs out or init throws: "cannot work here".
template <class Instance, class Init>
const codescout_collector* new_collector(const char* name, const codescout_series* series, std::uint32_t count,
                                         codescout_sample_fn sample, Init init) noexcept {
    auto* self = new (std::nothrow) Instance;
    if (!self) return nullptr;
    try {
        init(*self);
    } catch (const std::exception&) {
        delete self;
        return nullptr;
    }
    self->descriptor = {CODESCOUT_COLLECTOR_INTERFACE_VERSION, count, name, series, self, sample,
                        [](void* context) { delete static_cast<Instance*>(context); }};
    return &self->descriptor;
}

// One sample call: `fill` returns the status; an exception (out of memory) fails this sample,
// and the host shows the series unavailable for the tick.
template <class Fill>
std::int32_t guarded_sample(Fill fill) noexcept {
    try {
        return fill();
    } catch (const std::exception&) {
        return 1;
    }
}

// The whole file, or nothing when it is missing or unreadable (a container without the file, a
// permission denied): the caller then reports the value as unavailable.
inline std::optional<std::string> read_text_file(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    std::string text;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            ::close(fd);
            return std::nullopt;
        }
        if (n == 0) break;
        text.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return text;
}

// A decimal unsigned number at the start of `text` (after blanks); nothing if there is none.
inline std::optional<std::uint64_t> parse_u64(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    if (text.empty() || text.front() < '0' || text.front() > '9') return std::nullopt;
    std::uint64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') break;
        value = value * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return value;
}

// The value after "key" in "key: value" / "key=value" style text: the text following the first
// occurrence of `key` at the start of a line or after a blank. Empty if absent.
inline std::string_view field_after(std::string_view text, std::string_view key) {
    for (std::size_t pos = text.find(key); pos != std::string_view::npos; pos = text.find(key, pos + 1)) {
        const bool starts_word = pos == 0 || text[pos - 1] == '\n' || text[pos - 1] == ' ';
        if (starts_word) return text.substr(pos + key.size());
    }
    return {};
}

// Root of /proc and of the cgroup v2 hierarchy: the environment variables let tests use a fake
// tree; real installations never set them.
inline std::string proc_root() {
    const char* root = std::getenv("CODESCOUT_PROC_ROOT");
    return root && *root ? root : "/proc";
}
inline std::string cgroup_root() {
    const char* root = std::getenv("CODESCOUT_CGROUP_ROOT");
    return root && *root ? root : "/sys/fs/cgroup";
}

inline void set_value(codescout_value& out, std::optional<std::uint64_t> value) {
    if (value) out = codescout_value{static_cast<double>(*value), CODESCOUT_VALUE_OK};
}

}  // namespace codescout::plugins
