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

constexpr std::uint64_t kScanAll = UINT64_MAX;

// rg turns each NUL of a stream into a line end (BinaryDetection::convert).
void nuls_to_newlines(char* data, std::size_t size) {
    char* end = data + size;
    for (char* p = data; (p = static_cast<char*>(std::memchr(p, '\0', static_cast<std::size_t>(end - p)))) != nullptr;) {
        *p++ = '\n';
    }
}

// Drops the lines at or after `cut` (those rg never searched) and their counts.
void truncate_at(FileResult& result, std::uint64_t cut) {
    auto first_dropped = std::find_if(result.lines.begin(), result.lines.end(),
                                      [cut](const LineRecord& line) { return line.byte_offset >= cut; });
    for (auto it = first_dropped; it != result.lines.end(); ++it) {
        if (it->is_context) continue;
        if (result.matched_lines > 0) --result.matched_lines;
        result.matches -= std::min<std::uint64_t>(result.matches, it->spans.size());
    }
    result.lines.erase(first_dropped, result.lines.end());
}

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
      scanner_(matcher, *scratch_, options.report), whole_buffer_(metrics, EngineComponent::SmallBuffers),
      chunk_buffer_(metrics, EngineComponent::BufferedBuffers) {}

FileReport FileSearcher::search(const std::string& path, bool explicit_root, FileResult& result) {
    return search(path, InputSpec{explicit_root, explicit_root ? BinaryMode::ConvertSlice : BinaryMode::Quit, false},
                  result);
}

FileReport FileSearcher::search(const std::string& path, const InputSpec& input, FileResult& result) {
    binary_mode_ = input.binary;
    fills_ = RgFillModel{input.is_stdin, context_lines()};
    slice_nul_upfront_ = false;
    restart_buffered_ = false;
    if (input.is_stdin) {
        result.path = kStdinDisplayName;
        return search_open_file(STDIN_FILENO, 0, true, path, result);
    }
    result.path = path;
    OpenedFile file = input.explicit_root ? open_explicit_input(path) : open_for_search(path, false);
    if (!file.error.empty()) return {FileOutcome::Error, std::move(file.error), 0};
    return search_open_file(file.fd.get(), file.size, file.stream, path, result);
}

FileReport FileSearcher::search_open_file(int fd, std::uint64_t size, bool stream, const std::string& path,
                                          FileResult& result) {
    const ProcessingOptions& processing = options_.processing;
    if (!stream && processing.max_file_size && size > *processing.max_file_size) return {FileOutcome::TooLarge, {}, 0};

    result.size = size;
    if (stream) {
        // No size to choose by: read in chunks until EOF, and count it as a buffered file.
        result.strategy = FileStrategy::Buffered;
        metrics_.record_file_processing(std::max<std::uint64_t>(processing.small_file_threshold, 1));
    } else {
        result.strategy = strategy_for_size(size, processing.small_file_threshold, processing.large_file_threshold);
        metrics_.record_file_processing(size);
    }

    FileReport report;
    try {
        switch (result.strategy) {
        case FileStrategy::Small:
            // Size 0 may mean "unknown" (/proc, sysfs): read until EOF instead of trusting it.
            report = size == 0 ? read_chunked(fd, 0, result) : read_whole(fd, size, result);
            break;
        case FileStrategy::Buffered:
            report = read_chunked(fd, stream ? 0 : size, result);
            break;
        case FileStrategy::Mmap:
            report = scan_mapping(fd, size, path, result);
            if (restart_buffered_) {
                // A stream-mode file with a NUL: the NULs must become line ends, which a read-only
                // mapping cannot do. Read it again from the start.
                result.lines.clear();
                result.matched_lines = 0;
                result.matches = 0;
                result.strategy = FileStrategy::Buffered;
                fills_ = RgFillModel{false, context_lines()};
                if (::lseek(fd, 0, SEEK_SET) != 0) {
                    report = read_error(errno, report.bytes_searched);
                    break;
                }
                report = read_chunked(fd, size, result);
            }
            break;
        }
    } catch (const MatchLimitError& error) {
        report = {FileOutcome::Error,
                  std::string("the pattern hit its backtracking limit in this file (") + error.what() + ")", 0};
    }
    report.buffer_bytes = result.strategy == FileStrategy::Buffered ? chunk_buffer_.capacity()
                          : result.strategy == FileStrategy::Small  ? whole_buffer_.capacity()
                                                                    : size;
    trim_buffers();
    if (stream) result.size = report.bytes_searched;
    settle_binary(result, report);
    if (report.outcome == FileOutcome::NoMatch && result.matched_lines > 0) report.outcome = FileOutcome::Matched;
    if (report.outcome != FileOutcome::NoMatch && report.outcome != FileOutcome::Matched) {
        // Binary, failed or abandoned files produce no results, even those found before.
        result.lines.clear();
        result.matched_lines = 0;
        result.matches = 0;
        result.binary = BinaryNote::None;
    }
    return report;
}

std::uint64_t FileSearcher::inspect_readonly(const char* data, std::size_t size, std::uint64_t offset) {
    switch (binary_mode_) {
    case BinaryMode::Quit:
        fills_.feed(data, size, offset);
        return fills_.nul_seen() ? fills_.searched_end() : kScanAll;
    case BinaryMode::ConvertSlice:
        // rg looks for a NUL in the first 64 KiB of a mapped file before searching it.
        if (!slice_nul_upfront_ && offset < RgFillModel::kInitialCapacity) {
            const std::size_t head =
                static_cast<std::size_t>(std::min<std::uint64_t>(size, RgFillModel::kInitialCapacity - offset));
            if (const void* nul = std::memchr(data, '\0', head)) {
                slice_nul_upfront_ = true;
                slice_nul_offset_ = offset + static_cast<std::uint64_t>(static_cast<const char*>(nul) - data);
            }
        }
        return kScanAll;
    case BinaryMode::ConvertStream:
        if (!fills_.nul_seen()) {
            fills_.feed(data, size, offset);
            if (fills_.nul_seen()) restart_buffered_ = true;
        }
        return kScanAll;
    }
    return kScanAll;
}

std::uint64_t FileSearcher::inspect(char* data, std::size_t size, std::uint64_t offset) {
    if (binary_mode_ != BinaryMode::ConvertStream) return inspect_readonly(data, size, offset);
    const bool before = fills_.nul_seen();
    if (!before) fills_.feed(data, size, offset);
    if (fills_.nul_seen()) nuls_to_newlines(data, size);
    return kScanAll;
}

void FileSearcher::settle_binary(FileResult& result, FileReport& report) const {
    if (report.outcome != FileOutcome::NoMatch) return;
    switch (binary_mode_) {
    case BinaryMode::Quit:
        if (!fills_.nul_seen()) return;
        // -m or -l satisfied before the read with the NUL: rg never read that far either.
        if (scanner_.finished() && scanner_.last_line_end() <= fills_.searched_end()) return;
        if (options_.report.mode == ReportMode::FilesWithMatches) {
            // The first match came in the read with the NUL: rg quit before searching it.
            report.outcome = FileOutcome::Binary;
            return;
        }
        truncate_at(result, fills_.searched_end());
        // rg -c prints nothing for a file it quit on; without matches before the NUL it is binary.
        if (options_.report.mode == ReportMode::Count || result.matched_lines == 0) {
            report.outcome = FileOutcome::Binary;
            return;
        }
        result.binary = BinaryNote::StoppedAfterMatch;
        result.binary_offset = fills_.nul_offset();
        return;
    case BinaryMode::ConvertSlice:
        if (slice_nul_upfront_) {
            result.binary = BinaryNote::Matches;
            result.binary_offset = slice_nul_offset_;
            result.binary_print_limit = 0;
            return;
        }
        // Otherwise rg notices a NUL only inside a line it hands to the printer.
        for (const LineRecord& line : result.lines) {
            const std::size_t nul = line.text.find('\0');
            if (nul == std::string::npos) continue;
            result.binary = BinaryNote::Matches;
            result.binary_offset = line.byte_offset + nul;
            result.binary_print_limit = line.byte_offset;
            return;
        }
        return;
    case BinaryMode::ConvertStream:
        if (!fills_.nul_seen()) return;
        result.binary = BinaryNote::Matches;
        result.binary_offset = fills_.nul_offset();
        result.binary_print_limit = fills_.searched_end();
        return;
    }
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
    const std::uint64_t stop = inspect(data, filled, 0);
    scanner_.start(result);
    scanner_.scan({data, static_cast<std::size_t>(std::min<std::uint64_t>(stop, filled))}, 0, 0);
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
        const std::uint64_t stop = inspect(buffer.data() + filled, got, base + filled);
        if (stop != kScanAll) {
            // rg stops before this read: search what it had searched by then (if not yet).
            if (stop > base + scanned) {
                scanner_.scan({buffer.data(), static_cast<std::size_t>(stop - base)}, base, scanned);
            }
            return {FileOutcome::NoMatch, {}, total + got};
        }
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
        if (eof) return {FileOutcome::NoMatch, {}, total};
        if (scanner_.finished()) {
            feed_rest_of_rg_read(fd, size, total);
            return {FileOutcome::NoMatch, {}, total};
        }

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
    bool quit_at_nul = false;
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
            const std::uint64_t stop = inspect_readonly(bytes.data() + pos, end - pos, pos);
            if (restart_buffered_) return;
            if (stop != kScanAll) {
                if (stop > pos) scanner_.scan(bytes.substr(0, static_cast<std::size_t>(stop)), 0, pos);
                quit_at_nul = true;
                report.bytes_searched = end;
                return;
            }
            scanner_.scan(bytes.substr(0, end), 0, pos);
            pos = end;
            report.bytes_searched = end;
            if (scanner_.finished()) {
                // -l/-m done: rg would still look at the rest of its read for a NUL.
                for (std::size_t at = pos; rg_read_incomplete() && at < bytes.size();) {
                    const std::size_t take = std::min(std::max<std::size_t>(sizes_.map_window, 1), bytes.size() - at);
                    inspect_readonly(bytes.data() + at, take, at);
                    at += take;
                }
                quit_at_nul = fills_.nul_seen();
                return;
            }
            mapping.release_pages_before(scanner_.retain_from(bytes.substr(0, end), 0));
        }
    };
    if (!run_catching_sigbus(scan_windows)) {
        return {FileOutcome::Error, kShrankMessage, report.bytes_searched};
    }
    if (quit_at_nul) {
        // A file cut inside a page reads as zeros up to the page end: that NUL is not binary
        // content, the file changed.
        struct stat st {};
        if (::fstat(fd, &st) == 0 && static_cast<std::uint64_t>(st.st_size) < size) {
            return {FileOutcome::Error, kShrankMessage, report.bytes_searched};
        }
    }
    return report;
}

bool FileSearcher::rg_read_incomplete() const {
    return binary_mode_ == BinaryMode::Quit && scanner_.finished() && !fills_.nul_seen() &&
           fills_.completed_reads_end() < scanner_.last_line_end();
}

void FileSearcher::feed_rest_of_rg_read(int fd, std::uint64_t size, std::uint64_t offset) {
    ReadBuffer& buffer = chunk_buffer_;
    buffer.reserve(std::max<std::size_t>(sizes_.chunk, 1));
    while (rg_read_incomplete() && (size == 0 || offset < size)) {
        std::size_t want = buffer.capacity();
        if (size > 0) want = static_cast<std::size_t>(std::min<std::uint64_t>(want, size - offset));
        const ssize_t n = read_some(fd, buffer.data(), want);
        if (n <= 0) return;
        fills_.feed(buffer.data(), static_cast<std::size_t>(n), offset);
        offset += static_cast<std::uint64_t>(n);
    }
}

void FileSearcher::trim_buffers() {
    if (whole_buffer_.capacity() > sizes_.keep_limit) whole_buffer_.release();
    if (chunk_buffer_.capacity() > sizes_.keep_limit) chunk_buffer_.release();
}

}  // namespace codescout
