// FileSearcher: the hybrid read strategies feeding the FileScanner (see file_searcher.h).
#include "core/search/file_searcher.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <sys/stat.h>
#include <unistd.h>

#include "core/io/mapped_file.h"
#include "core/io/open_file.h"
#include "core/io/sigbus_guard.h"

namespace codescout {

namespace {

constexpr const char* kShrankMessage = "file changed during search (it shrank while being read)";

bool has_nul(const char* data, std::size_t size) { return std::memchr(data, '\0', size) != nullptr; }

FileReport read_error(int error, std::uint64_t bytes) {
    return {FileOutcome::Error, "read failed: " + errno_message(error), bytes};
}

// One read(), retried on EINTR. Returns bytes read, or -1 with errno set.
ssize_t read_some(int fd, char* into, std::size_t size) {
    ssize_t n;
    do {
        n = ::read(fd, into, size);
    } while (n < 0 && errno == EINTR);
    return n;
}

}  // namespace

FileSearcher::FileSearcher(const Matcher& matcher, const SearchOptions& options, MemoryMetrics& metrics,
                           const std::atomic<bool>& stop, ReadSizes sizes)
    : options_(options), sizes_(sizes), metrics_(metrics), stop_(stop), scratch_(matcher.make_scratch()),
      scanner_(matcher, *scratch_, options.report), whole_buffer_(metrics), chunk_buffer_(metrics) {}

FileReport FileSearcher::search(const std::string& path, bool explicit_root, FileResult& result) {
    result.path = path;
    OpenedFile file = open_for_search(path, explicit_root);
    if (!file.error.empty()) return {FileOutcome::Error, std::move(file.error), 0};
    const ProcessingOptions& processing = options_.processing;
    if (processing.max_file_size && file.size > *processing.max_file_size) return {FileOutcome::TooLarge, {}, 0};

    result.size = file.size;
    result.strategy = strategy_for_size(file.size, processing.small_file_threshold, processing.large_file_threshold);
    metrics_.record_file_processing(file.size);

    FileReport report;
    try {
        switch (result.strategy) {
        case FileStrategy::Small:
            // Size 0 may mean "unknown" (/proc, sysfs): read until EOF instead of trusting it.
            report = file.size == 0 ? read_chunked(file.fd.get(), 0, result)
                                    : read_whole(file.fd.get(), file.size, result);
            break;
        case FileStrategy::Buffered:
            report = read_chunked(file.fd.get(), file.size, result);
            break;
        case FileStrategy::Mmap:
            report = scan_mapping(file.fd.get(), file.size, path, result);
            break;
        }
    } catch (const MatchLimitError& error) {
        report = {FileOutcome::Error,
                  std::string("the pattern hit its backtracking limit in this file (") + error.what() + ")", 0};
    }
    trim_buffers();
    if (report.outcome == FileOutcome::NoMatch && result.matched_lines > 0) report.outcome = FileOutcome::Matched;
    if (report.outcome != FileOutcome::NoMatch && report.outcome != FileOutcome::Matched) {
        // Binary, failed or abandoned files produce no results, even those found before.
        result.lines.clear();
        result.matched_lines = 0;
        result.matches = 0;
    }
    return report;
}

FileReport FileSearcher::read_whole(int fd, std::uint64_t size, FileResult& result) {
    // Sized once for the common case so small files do not regrow it step by step.
    const std::uint64_t preferred = std::min<std::uint64_t>(options_.processing.small_file_threshold, 1u << 20);
    whole_buffer_.reserve(static_cast<std::size_t>(std::max(size, preferred)));
    char* data = whole_buffer_.data();
    std::size_t filled = 0;
    // One read() for the whole file; more only if it shrank meanwhile (then until EOF).
    while (filled < size) {
        const ssize_t n = read_some(fd, data + filled, static_cast<std::size_t>(size) - filled);
        if (n < 0) return read_error(errno, filled);
        if (n == 0) break;
        filled += static_cast<std::size_t>(n);
    }
    if (has_nul(data, filled)) return {FileOutcome::Binary, {}, filled};
    scanner_.start(result);
    scanner_.scan({data, filled}, 0, 0);
    return {FileOutcome::NoMatch, {}, filled};
}

FileReport FileSearcher::read_chunked(int fd, std::uint64_t size, FileResult& result) {
    ReadBuffer& buffer = chunk_buffer_;
    buffer.reserve(std::max<std::size_t>(sizes_.chunk, 1));
    scanner_.start(result);
    std::uint64_t base = 0;     // file offset of buffer[0]
    std::size_t filled = 0;     // bytes in the buffer
    std::size_t scanned = 0;    // buffer[0, scanned) are whole lines already scanned
    std::uint64_t total = 0;    // bytes read from the file
    for (;;) {
        if (stop_.load(std::memory_order_relaxed)) return {FileOutcome::Stopped, {}, total};
        // A line longer than the buffer: grow it (the partial line stays at the front).
        if (filled == buffer.capacity()) buffer.reserve(buffer.capacity() * 2, filled);
        std::size_t want = buffer.capacity() - filled;
        // A known size is read exactly: what grows after fstat is not ours to search, and
        // knowing the end saves the final read() that would return 0.
        if (size > 0) want = static_cast<std::size_t>(std::min<std::uint64_t>(want, size - total));
        const ssize_t n = read_some(fd, buffer.data() + filled, want);
        if (n < 0) return read_error(errno, total);
        const auto got = static_cast<std::size_t>(n);
        if (has_nul(buffer.data() + filled, got)) return {FileOutcome::Binary, {}, total + got};
        filled += got;
        total += got;
        const bool eof = got == 0 || (size > 0 && total >= size);

        std::size_t end = filled;  // at EOF the last line may lack its '\n'
        if (!eof) {
            const std::size_t fresh = filled - got;  // only the new bytes can hold a new line end
            const void* newline = ::memrchr(buffer.data() + fresh, '\n', got);
            if (newline == nullptr) continue;
            end = static_cast<std::size_t>(static_cast<const char*>(newline) - buffer.data()) + 1;
        }
        const std::string_view window(buffer.data(), end);
        scanner_.scan(window, base, scanned);
        if (eof || scanner_.finished()) return {FileOutcome::NoMatch, {}, total};

        const std::size_t keep = scanner_.retain_from(window, base);
        std::memmove(buffer.data(), buffer.data() + keep, filled - keep);
        base += keep;
        filled -= keep;
        scanned = end - keep;
    }
}

FileReport FileSearcher::scan_mapping(int fd, std::uint64_t size, const std::string& path, FileResult& result) {
    MappedFile mapping = MappedFile::map(fd, size, metrics_);
    if (!mapping.valid()) {
        // Some file systems cannot map; reading works everywhere.
        result.strategy = FileStrategy::Buffered;
        return read_chunked(fd, size, result);
    }
    if (AfterMapHook hook = after_map_hook()) hook(path);

    const std::string_view bytes = mapping.bytes();
    FileReport report;
    std::size_t pos = 0;
    scanner_.start(result);
    // Runs under the SIGBUS guard: everything it changes lives outside its own frame.
    auto scan_windows = [&] {
        while (pos < bytes.size()) {
            if (stop_.load(std::memory_order_relaxed)) {
                report.outcome = FileOutcome::Stopped;
                return;
            }
            std::size_t end = std::min(pos + std::max<std::size_t>(sizes_.map_window, 1), bytes.size());
            if (end < bytes.size()) {
                const void* newline = std::memchr(bytes.data() + end - 1, '\n', bytes.size() - (end - 1));
                end = newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - bytes.data()) + 1
                              : bytes.size();
            }
            if (has_nul(bytes.data() + pos, end - pos)) {
                report.outcome = FileOutcome::Binary;
                report.bytes_searched = end;
                return;
            }
            scanner_.scan(bytes.substr(0, end), 0, pos);
            pos = end;
            report.bytes_searched = end;
            if (scanner_.finished()) return;
            mapping.release_pages_before(scanner_.retain_from(bytes.substr(0, end), 0));
        }
    };
    if (!run_catching_sigbus(scan_windows)) {
        return {FileOutcome::Error, kShrankMessage, report.bytes_searched};
    }
    if (report.outcome == FileOutcome::Binary) {
        // A file cut inside a page reads as zeros up to the page end: that NUL is not binary
        // content, the file changed.
        struct stat st {};
        if (::fstat(fd, &st) == 0 && static_cast<std::uint64_t>(st.st_size) < size) {
            return {FileOutcome::Error, kShrankMessage, report.bytes_searched};
        }
    }
    return report;
}

void FileSearcher::trim_buffers() {
    if (whole_buffer_.capacity() > sizes_.keep_limit) whole_buffer_.release();
    if (chunk_buffer_.capacity() > sizes_.keep_limit) chunk_buffer_.release();
}

}  // namespace codescout
