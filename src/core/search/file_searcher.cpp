// FileSearcher: opens each input and hands it to a FileRun with this worker's tools (see
// file_searcher.h).
#include "core/search/file_searcher.h"

#include <fcntl.h>
#include <unistd.h>

#include "core/io/open_file.h"
#include "core/match/newline_analysis.h"
#include "core/search/file_run.h"

namespace codescout {

FileSearcher::FileSearcher(const Matcher& matcher, const SearchOptions& options, const BinaryPolicy& binary_policy,
                           MemoryMetrics& metrics, const std::atomic<bool>& stop, ReadSizes sizes)
    : options_(options), binary_policy_(binary_policy), sizes_(sizes), metrics_(metrics), stop_(stop),
      scratch_(matcher.make_scratch()), scanner_(matcher, *scratch_, options.report), whole_buffer_(metrics, EngineComponent::SmallBuffers),
      chunk_buffer_(metrics, EngineComponent::BufferedBuffers), decode_buffer_(metrics, EngineComponent::DecodeBuffers) {
    if (search_spans_lines(options.pattern)) multiline_ = std::make_unique<MultilineScanner>(matcher, *scratch_, options.report);
}

FileReport FileSearcher::search(const std::string& path, const InputSpec& input, FileResult& result) {
    FileRun run({options_, sizes_, metrics_, stop_, scanner_, whole_buffer_, chunk_buffer_, decode_buffer_, multiline_.get()},
                binary_policy_, input, result);
    FileReport report;
    if (input.is_stdin()) {
        result.path = kStdinDisplayName;
        report = run.run(STDIN_FILENO, 0, true, path);
    } else {
        result.path = path;
        const bool relative = input.dir_fd >= 0 && input.name != nullptr;
        if (opens_unsized(input)) {
            OpenedFile file = relative ? open_without_stat_at(input.dir_fd, input.name)
                                       : open_without_stat_at(AT_FDCWD, path.c_str());
            if (!file.error.empty()) return {FileOutcome::Error, std::move(file.error), 0};
            report = run.run_unsized(file.fd.get(), path);
        } else {
            OpenedFile file = input.named() ? open_explicit_input(path)
                              : relative    ? open_for_search_at(input.dir_fd, input.name)
                                            : open_for_search(path, false);
            if (!file.error.empty()) return {FileOutcome::Error, std::move(file.error), 0};
            result.mtime_ns = file.mtime_ns;
            report = run.run(file.fd.get(), file.size, file.stream, path);
        }
    }
    finish(report, result);
    return report;
}

bool FileSearcher::opens_unsized(const InputSpec& input) const {
    // No fstat where a short read tells the size and nobody wants the mtime (search_options.h).
    return !input.named() && input.short_read_is_end && !options_.processing.record_mtime;
}

void FileSearcher::open_batch(int dir_fd, std::span<const char* const> names, std::span<int> opened) {
    opener_.open(dir_fd, names, opened);
}

FileReport FileSearcher::search_opened(const std::string& path, const InputSpec& input, int opened, FileResult& result) {
    result.path = path;
    if (opened < 0) return {FileOutcome::Error, errno_message(-opened), 0};
    // Handed back however the run ends (a throwing sink or matcher included).
    struct CloseLater {
        BatchOpener& opener;
        int fd;
        ~CloseLater() { opener.close_later(fd); }
    } const closer{opener_, opened};
    FileRun run({options_, sizes_, metrics_, stop_, scanner_, whole_buffer_, chunk_buffer_, decode_buffer_, multiline_.get()},
                binary_policy_, input, result);
    FileReport report = run.run_unsized(opened, path);
    finish(report, result);
    return report;
}

void FileSearcher::discard_opened(int opened) { opener_.close_later(opened); }

void FileSearcher::finish(FileReport& report, const FileResult& result) {
    report.buffer_bytes = result.strategy == FileStrategy::Buffered ? chunk_buffer_.capacity()
                          : result.strategy == FileStrategy::Small  ? whole_buffer_.capacity()
                                                                    : result.size;
    trim_buffers();
}

void FileSearcher::trim_buffers() {
    if (whole_buffer_.capacity() > sizes_.keep_limit) whole_buffer_.release();
    if (chunk_buffer_.capacity() > sizes_.keep_limit) chunk_buffer_.release();
    if (decode_buffer_.capacity() > sizes_.keep_limit) decode_buffer_.release();
}

}  // namespace codescout
