// --files (see file_lister.h).
#include "cli/file_lister.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/print/display_path.h"
#include "cli/exit_status.h"
#include "core/walk/path_ordered_files.h"
#include "core/walk/walker.h"

#include <sys/stat.h>

namespace codescout::cli {

int list_files(const Plan& plan, OutputWriter& out, ErrorReporter& errors) {
    const unsigned threads = plan.search.threads != 0 ? plan.search.threads
                                                      : std::max(1u, std::thread::hardware_concurrency());
    const bool strip = plan.output.strip_dot_slash;
    std::atomic<bool> stop{false};
    std::atomic<bool> listed{false};
    std::vector<std::string> roots;  // as the walk names them, for --sort path's listing
    for (const auto& root : plan.search.walk.roots) roots.push_back(root.string());
    PathOrderedFiles sorted(std::move(roots));  // filled only with --sort path

    const std::optional<std::uint64_t> max_size = plan.search.processing.max_file_size;
    const auto print = [&](std::string_view path) {
        std::string line(display_path(path, strip));
        line.push_back('\n');
        return out.write_block(line);
    };
    const Walker::Visitor visit = [&](const WalkEntry& entry) {
        // The walker leaves sizes to the searcher; --files must still drop what a search would
        // skip as too large (rg does). One stat per file, only with --max-filesize.
        struct stat info {};
        if (max_size && ::stat(entry.path.c_str(), &info) == 0 && static_cast<std::uint64_t>(info.st_size) > *max_size) {
            return true;
        }
        listed.store(true, std::memory_order_relaxed);
        if (plan.output.sort_by_path) {
            sorted.add_walked(entry);
            return true;
        }
        if (!print(entry.path)) stop.store(true);
        return !stop.load();
    };
    const Walker::ErrorHandler on_error = [&](const SearchError& error) { errors.report(error); };

    try {
        // As a search does: automatic threads grow while directory reads wait for the disk.
        ThreadGrowth growth;
        if (plan.search.threads == 0) growth.max_threads = default_max_threads(threads);
        Walker walker(plan.search.walk, threads, growth);
        walker.run(visit, on_error, stop);
    } catch (const std::invalid_argument& e) {
        errors.report_message(std::string("error: ") + e.what());
        return kExitError;
    }
    if (plan.output.sort_by_path) {
        sorted.sort();
        for (std::size_t i = 0; i < sorted.size(); ++i) {
            if (!print(sorted.path(i))) break;
        }
    }
    out.flush();
    if (out.closed()) return kExitMatch;
    if (out.error() != 0) {
        errors.report_message(std::string("error writing to standard output: ") + std::strerror(out.error()));
    }
    return exit_status(listed.load(), errors.count() > 0, false);
}

}  // namespace codescout::cli
