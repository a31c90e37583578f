// Error lines on standard error (see error_reporter.h).
#include "cli/error_reporter.h"

#include <cerrno>
#include <string>

#include <unistd.h>

#include "core/print/display_path.h"
#include "cli/help_text.h"

namespace codescout::cli {

void ErrorReporter::report(const SearchError& error) {
    std::string line = std::string(kProgramName) + ": ";
    if (!error.path.empty()) line.append(display_path(error.path, strip_dot_slash_)).append(": ");
    if (error.warning) line.append("warning: ");
    line.append(error.message).push_back('\n');
    if (!error.warning) count_.fetch_add(1, std::memory_order_relaxed);
    if (!silent_paths_) write_line(line);
}

void ErrorReporter::report_message(std::string_view message) {
    std::string line = std::string(kProgramName) + ": ";
    line.append(message).push_back('\n');
    count_.fetch_add(1, std::memory_order_relaxed);
    write_line(line);
}

// Unbuffered, one write per line under a lock, so lines from different threads never mix.
void ErrorReporter::write_line(std::string_view line) {
    std::lock_guard lock(mutex_);
    while (!line.empty()) {
        const ssize_t n = ::write(fd_, line.data(), line.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;  // stderr is gone: nothing better to do than keep searching
        line.remove_prefix(static_cast<std::size_t>(n));
    }
}

}  // namespace codescout::cli
