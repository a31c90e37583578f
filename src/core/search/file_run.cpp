// FileRun: read blocks -> binary check -> scanner, for one file (see file_run.h).
#include "core/search/file_run.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <sys/stat.h>
#include <unistd.h>

#include "core/io/mapped_file.h"
#include "core/io/open_file.h"
#include "core/match/matcher.h"

namespace codescout {

namespace {

// The whole-file buffer's size when the small-file threshold is larger (it then grows per file).
constexpr std::uint64_t kWholeBufferPreferred = 1u << 20;

constexpr const char* kShrankMessage = "file changed during search (it shrank while being read)";

void nuls_to_newlines(char* data, std::size_t size) {
    char* end = data + size;
    for (char* p = data; (p = static_cast<char*>(std::memchr(p, '\0', static_cast<std::size_t>(end - p)))) != nullptr;) {
        *p++ = '\n';
    }
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

void record_strategy(MemoryMetrics& metrics, FileStrategy strategy) {
    switch (strategy) {
    case FileStrategy::Small: metrics.record_small_file(); break;
    case FileStrategy::Buffered: metrics.record_buffered_file(); break;
    case FileStrategy::Mmap: metrics.record_mmap_file(); break;
    }
}

void clear_results(FileResult& result) {
    // A stream drops what it did not print (nothing, for a binary file: see line_stream.h).
    result.stream.reset();
    result.lines.clear();
    result.matched_lines = 0;
    result.matches = 0;
}

}  // namespace

FileRun::FileRun(SearchTools tools, const BinaryPolicy& policy, const InputSpec& input, FileResult& result,
                 StreamRequest stream)
    : tools_(tools), policy_(policy), input_(input), result_(result), check_(policy.check_for(input)) {
    if (tools_.multiline == nullptr && check_->lines_may_stream()) stream_ = stream;
}

void FileRun::start_scanner() { tools_.scanner.start(result_, stream_.sink, stream_.turn); }

void FileRun::release_final_lines() {
    if (stream_.sink != nullptr) tools_.scanner.final_before(check_->final_before());
}

FileReport FileRun::run(int fd, std::uint64_t size, bool stream, const std::string& path) {
    head_ = 0;
    return read_and_settle(fd, size, stream, path);
}

FileReport FileRun::run_unsized(int fd, const std::string& path) {
    const ProcessingOptions& processing = tools_.options.processing;
    const std::size_t probe = unsized_probe(processing);
    head_ = 0;
    struct stat st {};
    // A multi-line search reads (or maps) each file whole, by its size: it needs the fstat anyway.
    if (probe == 0 || tools_.multiline != nullptr) {
        if (::fstat(fd, &st) != 0) return {FileOutcome::Error, errno_message(errno), 0};
        if (std::string reason = non_regular_reason(st.st_mode); !reason.empty()) return {FileOutcome::Error, std::move(reason), 0};
        return read_and_settle(fd, st.st_size > 0 ? static_cast<std::uint64_t>(st.st_size) : 0, false, path);
    }
    ReadBuffer& buffer = tools_.whole_buffer;
    buffer.reserve(probe);
    const ssize_t n = read_some(fd, buffer.data(), probe);
    const int read_errno = errno;
    const auto got = static_cast<std::size_t>(std::max<ssize_t>(n, 0));
    if (n < 0 || got == probe || got == 0) {
        // Too big for the first read (its size picks the strategy), or something to check.
        if (::fstat(fd, &st) != 0) return {FileOutcome::Error, errno_message(errno), 0};
        if (std::string reason = non_regular_reason(st.st_mode); !reason.empty()) return {FileOutcome::Error, std::move(reason), 0};
        if (n < 0) return read_error(read_errno, 0);
    }
    head_ = got;
    // Short: the whole file. Full: at least what was read, even if it shrank since.
    const std::uint64_t size = got < probe ? got : std::max<std::uint64_t>(static_cast<std::uint64_t>(std::max<off_t>(st.st_size, 0)), got);
    return read_and_settle(fd, size, false, path);
}

FileReport FileRun::run_after_head(int fd, std::size_t already, const std::string& path) {
    head_ = 0;
    struct stat st {};
    if (::fstat(fd, &st) != 0) return {FileOutcome::Error, errno_message(errno), 0};
    if (std::string reason = non_regular_reason(st.st_mode); !reason.empty()) return {FileOutcome::Error, std::move(reason), 0};
    head_ = already;
    // At least what was read, even if it shrank since (as in run_unsized()).
    const std::uint64_t size = std::max<std::uint64_t>(static_cast<std::uint64_t>(std::max<off_t>(st.st_size, 0)), already);
    return read_and_settle(fd, size, false, path);
}

FileReport FileRun::run_read(int fd, std::size_t size, const std::string& path) {
    head_ = size;
    return read_and_settle(fd, size, false, path);
}

std::size_t unsized_probe(const ProcessingOptions& processing) {
    return static_cast<std::size_t>(std::min<std::uint64_t>(processing.small_file_threshold, kWholeBufferPreferred));
}

FileReport FileRun::read_and_settle(int fd, std::uint64_t size, bool stream, const std::string& path) {
    const ProcessingOptions& processing = tools_.options.processing;
    if (!stream && processing.max_file_size && size > *processing.max_file_size) return {FileOutcome::TooLarge, {}, 0};

    result_.size = size;
    // A stream has no size to choose by: it is read in chunks until EOF, and counted so.
    result_.strategy = stream ? FileStrategy::Buffered
                              : strategy_for_size(size, processing.small_file_threshold, processing.large_file_threshold);
    record_strategy(tools_.metrics, result_.strategy);

    FileReport report;
    try {
        if (tools_.multiline != nullptr) {
            report = read_whole_text(fd, size, stream, path);
        } else switch (result_.strategy) {
        case FileStrategy::Small:
            // Size 0 may mean "unknown" (/proc, sysfs): read until EOF instead of trusting it.
            report = size == 0 ? read_chunked(fd, 0) : read_whole(fd, size);
            break;
        case FileStrategy::Buffered:
            report = read_chunked(fd, stream ? 0 : size);
            break;
        case FileStrategy::Mmap:
            report = read_mapped(fd, size, path);
            if (reread_buffered_) {
                // NULs that must become line ends cannot be changed in a read-only mapping, nor
                // can text be decoded in place: read the file again from the start, buffered.
                restart();
                result_.strategy = FileStrategy::Buffered;
                head_ = 0;  // read again from the start, like everything else
                if (::lseek(fd, 0, SEEK_SET) != 0) {
                    report = read_error(errno, report.bytes_searched);
                    break;
                }
                report = read_chunked(fd, size);
            }
            break;
        }
    } catch (const MatchLimitError& error) {
        report = {FileOutcome::Error,
                  std::string("the pattern hit its backtracking limit in this file (") + error.what() + ")", 0};
    } catch (const DecoderUnavailable& error) {
        report = {FileOutcome::Error, std::string("cannot decode this file: ") + error.what(), 0};
    }
    return settle(std::move(report), stream);
}

FileReport FileRun::settle(FileReport report, bool stream) {
    // A stream's size, and a decoded file's text, are known only once read.
    if (stream || !result_.encoding.empty()) result_.size = report.bytes_searched;
    if (report.outcome == FileOutcome::NoMatch) {
        bool binary = false;
        check_->settle(scan_end(), result_, binary);
        if (binary) {
            report.outcome = FileOutcome::Binary;
            report.binary_partial = {result_.matched_lines > 0 ? 1u : 0u, result_.matched_lines, result_.matches,
                                     std::min({report.bytes_searched, result_.binary.text_end, result_.counted_end})};
        }
    }
    if (report.outcome == FileOutcome::NoMatch && result_.matched_lines > 0) report.outcome = FileOutcome::Matched;
    if (report.outcome != FileOutcome::NoMatch && report.outcome != FileOutcome::Matched) {
        // Binary, failed or abandoned files produce no results, even those found before.
        clear_results(result_);
        result_.binary = {};
    }
    return report;
}

FileReport FileRun::run_ranges(int fd, const LineRanges& ranges, const std::string& path) {
    const ProcessingOptions& processing = tools_.options.processing;
    const std::uint64_t size = ranges.size;
    head_ = 0;
    if (processing.max_file_size && size > *processing.max_file_size) return {FileOutcome::TooLarge, {}, 0};
    result_.size = size;
    result_.strategy = strategy_for_size(size, processing.small_file_threshold, processing.large_file_threshold);
    record_strategy(tools_.metrics, result_.strategy);
    FileReport report;
    bool whole = false;
    try {
        report = read_ranges(fd, ranges, whole);
    } catch (const MatchLimitError& error) {
        report = {FileOutcome::Error,
                  std::string("the pattern hit its backtracking limit in this file (") + error.what() + ")", 0};
    }
    if (whole) {
        restart();
        return read_and_settle(fd, size, false, path);  // pread() left the file position at 0
    }
    return settle(std::move(report), false);
}

FileReport FileRun::read_ranges(int fd, const LineRanges& ranges, bool& whole) {
    ReadBuffer& buffer = tools_.chunk_buffer;
    FileScanner& scanner = tools_.scanner;
    start_scanner();
    std::uint64_t read = 0;
    for (const LineRange& range : ranges.ranges) {
        if (tools_.stop.load(std::memory_order_relaxed)) return {FileOutcome::Stopped, {}, range.begin};
        const auto length = static_cast<std::size_t>(range.end - range.begin);
        if (buffer.capacity() < length) buffer.reserve(length);
        char* data = buffer.data();
        const PreadResult got = pread_fully(fd, data, length, range.begin);
        if (got.error != 0) return read_error(got.error, range.begin + got.read);
        if (got.read < length) return {FileOutcome::Error, kShrankMessage, range.begin + got.read};
        read += length;
        if (inspect(data, length, range.begin).action != BlockAction::Continue) {
            whole = true;
            return {};
        }
        release_final_lines();
        scanner.skip_to(range.begin, range.line);
        scanner.scan({data, length}, range.begin, 0);
        release_final_lines();
        if (scanner.finished()) break;
    }
    FileReport report{FileOutcome::NoMatch, {}, ranges.size};
    report.bytes_unread = ranges.size - std::min(read, ranges.size);
    return report;
}

BlockVerdict FileRun::inspect(char* data, std::size_t size, std::uint64_t offset) {
    const BlockVerdict verdict = check_->inspect({data, size}, offset);
    if (verdict.action == BlockAction::ConvertNuls) nuls_to_newlines(data, size);
    if (verdict.action == BlockAction::StopAt) stopped_by_check_ = true;
    return verdict;
}

ScanEnd FileRun::scan_end() const {
    if (tools_.multiline != nullptr) return tools_.multiline->end();
    return {tools_.scanner.finished(), tools_.scanner.last_line_end(), std::nullopt};
}

void FileRun::restart() {
    clear_results(result_);
    check_ = policy_.check_for(input_);
    if (!check_->lines_may_stream()) stream_ = {};
    stopped_by_check_ = false;
    reread_buffered_ = false;
    result_.encoding = {};
}

FileReport FileRun::read_whole(int fd, std::uint64_t size) {
    ReadBuffer& buffer = tools_.whole_buffer;
    // Sized once for the common case so small files do not regrow it step by step.
    const std::uint64_t preferred = std::min<std::uint64_t>(tools_.options.processing.small_file_threshold, kWholeBufferPreferred);
    // Not when the file is in the buffer already: a batch's read buffers stay as small as they are.
    if (head_ < size) buffer.reserve(static_cast<std::size_t>(std::max(size, preferred)), head_);
    char* data = buffer.data();
    std::size_t filled = head_;  // run_unsized() may have read the file, or its start, already
    // One read() for the whole file; more only if it shrank meanwhile (then until EOF).
    while (filled < size) {
        const ssize_t n = read_some(fd, data + filled, static_cast<std::size_t>(size) - filled);
        if (n < 0) return read_error(errno, filled);
        if (n == 0) break;
        filled += static_cast<std::size_t>(n);
    }
    if (const std::optional<DecodingPlan> plan = plan_for({data, filled})) {
        const std::size_t skip = std::min(plan->skip, filled);
        if (plan->transcode) {
            MemorySource raw({data + skip, filled - skip});
            DecodingSource decoded(raw, make_decoder(plan->encoding), tools_.decode_buffer, {});
            return read_stream(decoded, false);
        }
        data += skip;
        filled -= skip;
    }
    const std::string_view as_read(buffer.data(), static_cast<std::size_t>(data - buffer.data()) + filled);
    const BlockVerdict verdict = inspect(data, filled, 0);
    std::size_t end = filled;
    if (verdict.action == BlockAction::StopAt) end = static_cast<std::size_t>(std::min<std::uint64_t>(verdict.stop_at, filled));
    start_scanner();
    tools_.scanner.scan({data, end}, 0, 0);
    FileReport report{FileOutcome::NoMatch, {}, filled};
    // Shared only as read: converted NULs changed the buffer (FileSearcher::share_whole checks
    // the size and takes the mtime).
    if (tools_.options.processing.share_whole_files && verdict.action != BlockAction::ConvertNuls) {
        report.whole = true;
        report.whole_bytes = as_read;
    }
    return report;
}

FileReport FileRun::read_chunked(int fd, std::uint64_t size) {
    if (head_ == 0) {
        FdSource source(fd, size);
        return read_stream(source, true);
    }
    // The start is in the whole-file buffer already (run_unsized): served from there, then the
    // rest of the file, exactly to the size fstat gave (nothing more when the head is all of it).
    const std::string_view head(tools_.whole_buffer.data(), head_);
    head_ = 0;
    FdSource file(fd, size > head.size() ? size - head.size() : 0);
    MemorySource nothing({});
    ByteSource& rest = size > head.size() ? static_cast<ByteSource&>(file) : nothing;
    HeadThenRest source(head, rest);
    return read_stream(source, true);
}

std::optional<DecodingPlan> FileRun::plan_for(std::string_view head) {
    std::optional<DecodingPlan> plan = plan_decoding(head.substr(0, kBomSniffBytes), tools_.options.processing.encoding);
    if (plan) {
        result_.encoding = plan->encoding;
        check_->decoding(*plan);
    }
    return plan;
}

FileReport FileRun::read_stream(ByteSource& source, bool sniff) {
    ReadBuffer& buffer = tools_.chunk_buffer;
    FileScanner& scanner = tools_.scanner;
    buffer.reserve(std::max<std::size_t>(tools_.sizes.chunk, 1));
    start_scanner();
    std::uint64_t base = 0;     // offset of buffer[0] in the text
    std::size_t filled = 0;     // bytes in the buffer
    std::size_t scanned = 0;    // buffer[0, scanned) are whole lines already scanned
    std::uint64_t total = 0;    // bytes of text read
    for (;;) {
        if (tools_.stop.load(std::memory_order_relaxed)) return {FileOutcome::Stopped, {}, total};
        // A line longer than the buffer: grow it (the partial line stays at the front).
        if (filled == buffer.capacity()) buffer.reserve(buffer.capacity() * 2, filled);
        const ssize_t n = source.read(buffer.data() + filled, buffer.capacity() - filled);
        if (n < 0) return read_error(errno, total);
        auto got = static_cast<std::size_t>(n);
        if (sniff) {
            sniff = false;
            if (const std::optional<DecodingPlan> plan = plan_for({buffer.data(), got})) {
                const std::string_view rest(buffer.data() + plan->skip, got - std::min(plan->skip, got));
                if (plan->transcode) {
                    DecodingSource decoded(source, make_decoder(plan->encoding), tools_.decode_buffer, rest);
                    return read_stream(decoded, false);
                }
                std::memmove(buffer.data(), rest.data(), rest.size());
                got = rest.size();
            }
        }
        const BlockVerdict verdict = inspect(buffer.data() + filled, got, base + filled);
        // What the check saw makes most of the block's lines final before they are scanned: a
        // stream may then write them as they come instead of holding the block's output.
        release_final_lines();
        if (verdict.action == BlockAction::StopAt) {
            // The file ends at stop_at for the scanner: scan up to there (if not done yet).
            if (verdict.stop_at > base + scanned) {
                scanner.scan({buffer.data(), static_cast<std::size_t>(verdict.stop_at - base)}, base, scanned);
            }
            return {FileOutcome::NoMatch, {}, total + got};
        }
        filled += got;
        total += got;
        // Knowing the end saves the final read() that would return 0.
        const bool eof = n == 0 || source.exhausted();

        std::size_t end = filled;  // at EOF the last line may lack its '\n'
        if (!eof) {
            const std::size_t fresh = filled - got;  // only the new bytes can hold a new line end
            const void* newline = ::memrchr(buffer.data() + fresh, tools_.options.pattern.line_terminator, got);
            if (newline == nullptr) continue;
            end = static_cast<std::size_t>(static_cast<const char*>(newline) - buffer.data()) + 1;
        }
        const std::string_view window(buffer.data(), end);
        scanner.scan(window, base, scanned);
        release_final_lines();
        if (eof) return {FileOutcome::NoMatch, {}, total};
        if (scanner.finished()) {
            look_ahead(source, total);
            return {FileOutcome::NoMatch, {}, total};
        }

        const std::size_t keep = scanner.retain_from(window, base);
        std::memmove(buffer.data(), buffer.data() + keep, filled - keep);
        base += keep;
        filled -= keep;
        scanned = end - keep;
    }
}

void FileRun::look_ahead(ByteSource& source, std::uint64_t offset) {
    ReadBuffer& buffer = tools_.chunk_buffer;
    buffer.reserve(std::max<std::size_t>(tools_.sizes.chunk, 1));
    while (check_->wants_more(scan_end()) && !source.exhausted()) {
        const ssize_t n = source.read(buffer.data(), buffer.capacity());
        if (n <= 0) return;
        check_->inspect({buffer.data(), static_cast<std::size_t>(n)}, offset);
        offset += static_cast<std::uint64_t>(n);
    }
}

FileReport FileRun::read_mapped(int fd, std::uint64_t size, const std::string& path) {
    MappedFile mapping = MappedFile::map(fd, size, tools_.metrics);
    if (!mapping.valid()) {
        // Some file systems cannot map; reading works everywhere.
        result_.strategy = FileStrategy::Buffered;
        return read_chunked(fd, size);
    }
    if (AfterMapHook hook = after_map_hook()) hook(path);
    FileReport report;
    if (plan_decoding(mapping.bytes().substr(0, kBomSniffBytes), tools_.options.processing.encoding)) {
        // A BOM or a forced encoding: the buffered path decodes (run() reads the file again).
        reread_buffered_ = true;
        return report;
    }
    scan_windows(mapping, report);
    if (mapping.truncated()) {
        // The file shrank under the mapping and the scan read zeros in place of the lost pages
        // (io/sigbus_guard.h): whatever it found or did not find is not this file's content.
        reread_buffered_ = false;
        return {FileOutcome::Error, kShrankMessage, report.bytes_searched};
    }
    if (stopped_by_check_) {
        // A file cut inside a page reads as zeros up to the page end without any fault: that
        // NUL is not binary content, the file changed.
        struct stat st {};
        if (::fstat(fd, &st) == 0 && static_cast<std::uint64_t>(st.st_size) < size) {
            return {FileOutcome::Error, kShrankMessage, report.bytes_searched};
        }
    }
    return report;
}

void FileRun::scan_windows(MappedFile& mapping, FileReport& report) {
    FileScanner& scanner = tools_.scanner;
    const std::string_view bytes = mapping.bytes();
    const std::size_t window = std::max<std::size_t>(tools_.sizes.map_window, 1);
    std::size_t pos = 0;
    start_scanner();
    while (pos < bytes.size()) {
        if (tools_.stop.load(std::memory_order_relaxed)) {
            report.outcome = FileOutcome::Stopped;
            return;
        }
        std::size_t end = std::min(pos + window, bytes.size());
        if (end < bytes.size()) {
            const void* newline = std::memchr(bytes.data() + end - 1, tools_.options.pattern.line_terminator, bytes.size() - (end - 1));
            end = newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - bytes.data()) + 1
                          : bytes.size();
        }
        const BlockVerdict verdict = check_->inspect(bytes.substr(pos, end - pos), pos);
        release_final_lines();  // as in read_stream()
        if (verdict.action == BlockAction::ConvertNuls) {
            reread_buffered_ = true;
            return;
        }
        if (verdict.action == BlockAction::StopAt) {
            stopped_by_check_ = true;
            if (verdict.stop_at > pos) scanner.scan(bytes.substr(0, static_cast<std::size_t>(verdict.stop_at)), 0, pos);
            report.bytes_searched = end;
            return;
        }
        scanner.scan(bytes.substr(0, end), 0, pos);
        release_final_lines();
        pos = end;
        report.bytes_searched = end;
        if (scanner.finished()) {
            for (std::size_t at = pos; check_->wants_more(scan_end()) && at < bytes.size();) {
                const std::size_t take = std::min(window, bytes.size() - at);
                if (check_->inspect(bytes.substr(at, take), at).action == BlockAction::StopAt) stopped_by_check_ = true;
                at += take;
            }
            return;
        }
        mapping.release_pages_before(scanner.retain_from(bytes.substr(0, end), 0));
    }
}

}  // namespace codescout

namespace codescout {

bool FileRun::read_all(ByteSource& source, ReadBuffer& buffer, std::size_t& filled, FileReport& report) {
    const std::uint64_t limit = tools_.options.processing.multiline_max_bytes;
    filled = 0;
    buffer.reserve(std::max<std::size_t>(tools_.sizes.chunk, 1));
    for (;;) {
        if (tools_.stop.load(std::memory_order_relaxed)) {
            report = {FileOutcome::Stopped, {}, filled};
            return false;
        }
        if (filled == buffer.capacity()) buffer.reserve(buffer.capacity() * 2, filled);
        const ssize_t n = source.read(buffer.data() + filled, buffer.capacity() - filled);
        if (n < 0) {
            report = read_error(errno, filled);
            return false;
        }
        filled += static_cast<std::size_t>(n);
        if (filled > limit) {
            report = {FileOutcome::Error,
                      "a multi-line search (-U) holds each file whole in memory, and this one is larger than "
                      "the limit of " + std::to_string(limit) + " bytes (--multiline-max-size)",
                      filled};
            return false;
        }
        if (n == 0 || source.exhausted()) return true;
    }
}

FileReport FileRun::read_whole_text(int fd, std::uint64_t size, bool stream, const std::string& path) {
    if (!stream && result_.strategy == FileStrategy::Mmap) {
        MappedFile mapping = MappedFile::map(fd, size, tools_.metrics);
        if (mapping.valid() && !plan_decoding(mapping.bytes().substr(0, kBomSniffBytes), tools_.options.processing.encoding)) {
            if (AfterMapHook hook = after_map_hook()) hook(path);
            // The mapping is the text: searched in place, without a copy.
            scan_whole_text(mapping.bytes());
            if (mapping.truncated()) return {FileOutcome::Error, kShrankMessage, size};
            return {FileOutcome::NoMatch, {}, size};
        }
        // Not mappable, or to be decoded: read into memory like a smaller file.
        result_.strategy = FileStrategy::Buffered;
    }
    // Raw bytes into one buffer, decoded text (if any) into the other.
    ReadBuffer& raw_buffer = result_.strategy == FileStrategy::Small ? tools_.whole_buffer : tools_.chunk_buffer;
    ReadBuffer& text_buffer = result_.strategy == FileStrategy::Small ? tools_.chunk_buffer : tools_.whole_buffer;
    FileReport report;
    std::size_t filled = 0;
    FdSource file(fd, stream ? 0 : size);
    if (!read_all(file, raw_buffer, filled, report)) return report;
    std::string_view text(raw_buffer.data(), filled);
    if (const std::optional<DecodingPlan> plan = plan_for(text)) {
        text.remove_prefix(std::min(plan->skip, text.size()));
        if (plan->transcode) {
            MemorySource raw(text);
            DecodingSource decoded(raw, make_decoder(plan->encoding), tools_.decode_buffer, {});
            std::size_t decoded_size = 0;
            if (!read_all(decoded, text_buffer, decoded_size, report)) return report;
            text = std::string_view(text_buffer.data(), decoded_size);
        }
    }
    scan_whole_text(text);
    return {FileOutcome::NoMatch, {}, text.size()};
}

void FileRun::scan_whole_text(std::string_view text) {
    const WholeTextRule rule = check_->whole_text(text);
    const BlockVerdict verdict = check_->inspect(text, 0);
    if (verdict.action == BlockAction::StopAt) {
        stopped_by_check_ = true;
        text = text.substr(0, static_cast<std::size_t>(std::min<std::uint64_t>(verdict.stop_at, text.size())));
    }
    tools_.multiline->scan(text, rule, result_);
}

}  // namespace codescout
