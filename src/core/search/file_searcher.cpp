// FileSearcher: opens each input and hands it to a FileRun with this worker's tools (see
// file_searcher.h).
#include "core/search/file_searcher.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/io/open_file.h"
#include "core/match/newline_analysis.h"
#include "core/search/file_run.h"

namespace codescout {

FileSearcher::FileSearcher(const Matcher& matcher, const SearchOptions& options, const BinaryPolicy& binary_policy,
                           MemoryMetrics& metrics, const std::atomic<bool>& stop, ReadSizes sizes)
    : options_(options), binary_policy_(binary_policy), sizes_(sizes), metrics_(metrics), stop_(stop),
      scratch_(matcher.make_scratch()), scanner_(matcher, *scratch_, options.report, options.pattern.line_terminator), whole_buffer_(metrics, EngineComponent::SmallBuffers),
      chunk_buffer_(metrics, EngineComponent::BufferedBuffers), decode_buffer_(metrics, EngineComponent::DecodeBuffers) {
    if (search_spans_lines(options.pattern)) multiline_ = std::make_unique<MultilineScanner>(matcher, *scratch_, options.report, options.pattern.line_terminator);
}

FileReport FileSearcher::search(const std::string& path, const InputSpec& input, FileResult& result, StreamRequest stream) {
    FileRun run({options_, sizes_, metrics_, stop_, scanner_, whole_buffer_, chunk_buffer_, decode_buffer_, multiline_.get()},
                binary_policy_, input, result, stream);
    FileReport report;
    if (input.is_stdin()) {
        result.path = kStdinDisplayName;
        report = run.run(STDIN_FILENO, 0, true, path);
    } else {
        result.path = path;
        const bool relative = input.dir_fd >= 0 && input.name != nullptr;
        if (input.ranges != nullptr && !input.named() && can_search_ranges()) {
            OpenedFile file = relative ? open_without_stat_at(input.dir_fd, input.name)
                                       : open_without_stat_at(AT_FDCWD, path.c_str());
            if (!file.error.empty()) return {FileOutcome::Error, std::move(file.error), 0};
            report = search_ranges(file.fd.get(), *input.ranges, run, result, path);
        } else if (opens_unsized(input)) {
            OpenedFile file = relative ? open_without_stat_at(input.dir_fd, input.name)
                                       : open_without_stat_at(AT_FDCWD, path.c_str());
            if (!file.error.empty()) return {FileOutcome::Error, std::move(file.error), 0};
            report = run.run_unsized(file.fd.get(), path);
            share_whole(file.fd.get(), report);
        } else {
            OpenedFile file = input.named() ? open_explicit_input(path)
                              : relative    ? open_for_search_at(input.dir_fd, input.name)
                                            : open_for_search(path, false);
            if (!file.error.empty()) return {FileOutcome::Error, std::move(file.error), 0};
            result.mtime_ns = file.mtime_ns;
            report = run.run(file.fd.get(), file.size, file.stream, path);
            share_whole(file.fd.get(), report);
        }
    }
    finish(report, result, whole_buffer_);
    return report;
}

bool FileSearcher::can_search_ranges() const {
    // Output made of matching lines alone: no context (its lines may lie outside the ranges), no
    // -v or --passthru (they report the other lines), lines ended by '\n' (the ranges' unit), no
    // multi-line matches, no text decoding, and no sink that wants whole files' bytes.
    const ReportOptions& report = options_.report;
    return multiline_ == nullptr && report.before_context == 0 && report.after_context == 0 && !report.invert &&
           !report.passthru && options_.pattern.line_terminator == '\n' &&
           options_.processing.encoding.mode != EncodingMode::Forced && !options_.processing.share_whole_files;
}

FileReport FileSearcher::search_ranges(int fd, const LineRanges& ranges, FileRun& run, FileResult& result,
                                       const std::string& path) {
    struct stat st {};
    if (::fstat(fd, &st) != 0) return {FileOutcome::Error, errno_message(errno), 0};
    if (std::string reason = non_regular_reason(st.st_mode); !reason.empty()) return {FileOutcome::Error, std::move(reason), 0};
    const auto ns = [](const timespec& t) { return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec; };
    if (options_.processing.record_mtime) result.mtime_ns = ns(st.st_mtim);
    const std::uint64_t size = static_cast<std::uint64_t>(std::max<off_t>(st.st_size, 0));
    // Not the file the ranges were proven for: all of it is searched.
    if (size != ranges.size || ns(st.st_mtim) != ranges.mtime_ns || ns(st.st_ctim) != ranges.ctime_ns ||
        st.st_ino != ranges.inode || st.st_dev != ranges.device) {
        return run.run(fd, size, false, path);
    }
    return run.run_ranges(fd, ranges, path);
}

bool FileSearcher::opens_unsized(const InputSpec& input) const {
    // No fstat where a short read tells the size and nobody wants the mtime (search_options.h).
    return !input.named() && input.short_read_is_end && !options_.processing.record_mtime;
}

bool FileSearcher::batch_reads() const {
    return batch_reads_allowed_ && multiline_ == nullptr && unsized_probe(options_.processing) >= kBatchRead;
}

void FileSearcher::open_batch(int dir_fd, std::span<const char* const> names) {
    const std::size_t count = names.size();
    opener_.open(dir_fd, names, std::span(batch_fds_.data(), count));
    std::fill_n(batch_read_.begin(), count, 0);
    if (!batch_reads()) return;
    std::array<char*, BatchOpener::kBatch> into {};
    for (std::size_t k = 0; k < count; ++k) {
        auto& buffer = batch_buffers_[k];
        if (buffer == nullptr) {
            buffer = std::make_unique<ReadBuffer>(metrics_, EngineComponent::SmallBuffers);
            buffer->reserve(kBatchRead);
        }
        into[k] = buffer->data();
    }
    opener_.read(std::span<const int>(batch_fds_.data(), count), std::span(into.data(), count), kBatchRead,
                 std::span(batch_read_.data(), count));
}

FileReport FileSearcher::search_batched(std::size_t k, const std::string& path, const InputSpec& input,
                                        FileResult& result, StreamRequest stream) {
    result.path = path;
    const int fd = std::exchange(batch_fds_[k], -1);
    if (fd < 0) return {FileOutcome::Error, errno_message(-fd), 0};
    // Handed back however the run ends (a throwing sink or matcher included).
    struct CloseLater {
        BatchOpener& opener;
        int fd;
        ~CloseLater() { opener.close_later(fd); }
    } const closer{opener_, fd};
    const int got = batch_read_[k];
    // Read whole by the batch (a short read is the end): searched where it lies.
    if (got > 0 && static_cast<std::size_t>(got) < kBatchRead) {
        ReadBuffer& whole = *batch_buffers_[k];
        FileRun run({options_, sizes_, metrics_, stop_, scanner_, whole, chunk_buffer_, decode_buffer_, multiline_.get()},
                    binary_policy_, input, result, stream);
        FileReport report = run.run_read(fd, static_cast<std::size_t>(got), path);
        share_whole(fd, report);
        finish(report, result, whole);
        return report;
    }
    FileRun run({options_, sizes_, metrics_, stop_, scanner_, whole_buffer_, chunk_buffer_, decode_buffer_, multiline_.get()},
                binary_policy_, input, result, stream);
    FileReport report;
    if (got > 0) {
        // The batch's read came back full: its bytes lead, the file's size comes from fstat.
        const auto already = static_cast<std::size_t>(got);
        whole_buffer_.reserve(unsized_probe(options_.processing));
        std::memcpy(whole_buffer_.data(), batch_buffers_[k]->data(), already);
        report = run.run_after_head(fd, already, path);
    } else {
        // Nothing read, or a failed read: read again from the start, which checks what it is.
        report = run.run_unsized(fd, path);
    }
    share_whole(fd, report);
    finish(report, result, whole_buffer_);
    return report;
}

void FileSearcher::discard_batched(std::size_t k) { opener_.close_later(std::exchange(batch_fds_[k], -1)); }

void FileSearcher::share_whole(int fd, FileReport& report) {
    if (!report.whole) return;
    struct stat st {};
    // Only the files the sink is given (it reads nothing again): one fstat per matching file.
    report.whole = report.outcome == FileOutcome::Matched && ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
                   static_cast<std::uint64_t>(st.st_size) == report.whole_bytes.size();
    if (report.whole) report.whole_mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    else report.whole_bytes = {};
}

void FileSearcher::finish(FileReport& report, const FileResult& result, const ReadBuffer& small) {
    report.buffer_bytes = result.strategy == FileStrategy::Buffered ? chunk_buffer_.capacity()
                          : result.strategy == FileStrategy::Small  ? small.capacity()
                                                                    : result.size;
    // The shared bytes live in `small`: never in a buffer trimmed here.
    if (report.whole && &small == &whole_buffer_ && whole_buffer_.capacity() > sizes_.keep_limit) {
        report.whole = false;
        report.whole_bytes = {};
    }
    trim_buffers();
}

void FileSearcher::trim_buffers() {
    if (whole_buffer_.capacity() > sizes_.keep_limit) whole_buffer_.release();
    if (chunk_buffer_.capacity() > sizes_.keep_limit) chunk_buffer_.release();
    if (decode_buffer_.capacity() > sizes_.keep_limit) decode_buffer_.release();
}

}  // namespace codescout
