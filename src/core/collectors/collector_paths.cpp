// Plugin discovery: search path and candidate files (see collector_paths.h).
#include "core/collectors/collector_paths.h"

#include <algorithm>
#include <cstdlib>
#include <system_error>

#ifndef CODESCOUT_COLLECTOR_INSTALL_DIR
#error "CODESCOUT_COLLECTOR_INSTALL_DIR is set by src/core/collectors/CMakeLists.txt"
#endif

namespace codescout::collectors {
namespace fs = std::filesystem;

namespace {

// <prefix>/<libdir>/codescout/collectors, the prefix found from the executable's own location:
// the executable sits in <prefix>/<bindir>.
fs::path install_dir_beside_executable() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    fs::path prefix = exe.parent_path();
    for (const auto& part : fs::path(CODESCOUT_INSTALL_BINDIR)) {
        if (!part.empty() && part != ".") prefix = prefix.parent_path();
    }
    return prefix / CODESCOUT_COLLECTOR_RELATIVE_DIR;
}

void add_if_present(std::vector<fs::path>& out, const fs::path& candidate) {
    std::error_code ec;
    if (candidate.empty() || !fs::exists(candidate, ec)) return;
    fs::path canonical = fs::weakly_canonical(candidate, ec);
    if (ec) canonical = candidate;
    if (std::find(out.begin(), out.end(), canonical) == out.end()) out.push_back(std::move(canonical));
}

std::string_view env(const char* name) {
    const char* value = std::getenv(name);
    return value ? std::string_view(value) : std::string_view();
}

}  // namespace

std::vector<fs::path> collector_search_path(std::string_view env_path, std::string_view xdg_data_home,
                                            std::string_view home) {
    std::vector<fs::path> out;
    add_if_present(out, install_dir_beside_executable());
    add_if_present(out, fs::path(CODESCOUT_COLLECTOR_INSTALL_DIR));
    // XDG: an empty or relative XDG_DATA_HOME is invalid and must be ignored (basedir spec).
    if (!xdg_data_home.empty() && xdg_data_home.front() == '/') {
        add_if_present(out, fs::path(xdg_data_home) / "codescout/collectors");
    } else if (!home.empty()) {
        add_if_present(out, fs::path(home) / ".local/share/codescout/collectors");
    }
    while (!env_path.empty()) {
        const std::size_t colon = env_path.find(':');
        add_if_present(out, fs::path(env_path.substr(0, colon)));
        env_path = colon == std::string_view::npos ? std::string_view() : env_path.substr(colon + 1);
    }
    return out;
}

std::vector<fs::path> default_collector_search_path() {
    return collector_search_path(env("CODESCOUT_COLLECTOR_PATH"), env("XDG_DATA_HOME"), env("HOME"));
}

std::vector<fs::path> collector_candidates(const std::vector<fs::path>& search_path) {
    std::vector<fs::path> out;
    const auto add = [&out](const fs::path& file) {
        if (std::find(out.begin(), out.end(), file) == out.end()) out.push_back(file);
    };
    for (const fs::path& entry : search_path) {
        std::error_code ec;
        if (!fs::is_directory(entry, ec)) {
            add(entry);
            continue;
        }
        std::vector<fs::path> files;
        for (fs::directory_iterator it(entry, ec), end; !ec && it != end; it.increment(ec)) {
            const std::string name = it->path().filename().string();
            std::error_code type_ec;
            if (name.empty() || name.front() == '.' || !it->is_regular_file(type_ec)) continue;
            files.push_back(fs::weakly_canonical(it->path(), type_ec));
        }
        std::sort(files.begin(), files.end());
        for (const fs::path& file : files) add(file);
    }
    return out;
}

}  // namespace codescout::collectors
