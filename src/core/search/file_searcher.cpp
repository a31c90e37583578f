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
        // No fstat where a short read tells the size and nobody wants the mtime (search_options.h).
        const bool unsized = !input.named() && input.short_read_is_end && !options_.processing.record_mtime;
        if (unsized) {
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
    report.buffer_bytes = result.strategy == FileStrategy::Buffered ? chunk_buffer_.capacity()
                          : result.strategy == FileStrategy::Small  ? whole_buffer_.capacity()
                                                                    : result.size;
    trim_buffers();
    return report;
}

void FileSearcher::trim_buffers() {
    if (whole_buffer_.capacity() > sizes_.keep_limit) whole_buffer_.release();
    if (chunk_buffer_.capacity() > sizes_.keep_limit) chunk_buffer_.release();
    if (decode_buffer_.capacity() > sizes_.keep_limit) decode_buffer_.release();
}

}  // namespace codescout
