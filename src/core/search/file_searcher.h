// Searches one file with the seed's hybrid strategy: below the small threshold the file is read
// whole with one read() into a reused buffer; up to the large threshold it is read in fixed
// chunks (lines crossing chunk ends are carried over); from the large threshold on it is mapped
// and scanned in windows. One FileSearcher per worker thread: it owns the buffers and the
// matcher scratch, so workers never share mutable state.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "core/io/read_buffer.h"
#include "core/match/matcher.h"
#include "core/metrics/memory_metrics.h"
#include "core/search/scanner.h"
#include "core/search/search_options.h"
#include "core/search/search_result.h"

namespace codescout {

enum class FileOutcome {
    NoMatch,
    Matched,   // the FileResult holds the file's lines/counts
    Binary,    // a NUL byte: skipped, no results
    TooLarge,  // above ProcessingOptions::max_file_size: not read
    Error,     // FileReport::error says why; no results
    Stopped    // the search was cancelled while this file was read
};

struct FileReport {
    FileOutcome outcome = FileOutcome::NoMatch;
    std::string error;
    std::uint64_t bytes_searched = 0;  // bytes read or scanned from the mapping
};

// How much is read or scanned at a time: chunks of the buffered strategy, windows of a mapping
// (cancellation is checked between them). Tests shrink these to put boundaries everywhere.
struct ReadSizes {
    std::size_t chunk = 256 * 1024;
    std::size_t map_window = 2 * 1024 * 1024;
    std::size_t keep_limit = 16 * 1024 * 1024;  // buffers grown beyond this are freed after their file
};

class FileSearcher {
public:
    // `stop` is polled between chunks/windows. All references must outlive this object.
    FileSearcher(const Matcher& matcher, const SearchOptions& options, MemoryMetrics& metrics,
                 const std::atomic<bool>& stop, ReadSizes sizes = {});

    // Searches `path` into `result` (which must be empty). `explicit_root`: the path was named
    // by the user and may be anything (FIFO, device): its type is checked before opening.
    FileReport search(const std::string& path, bool explicit_root, FileResult& result);

private:
    FileReport read_whole(int fd, std::uint64_t size, FileResult& result);
    FileReport read_chunked(int fd, std::uint64_t size, FileResult& result);
    FileReport scan_mapping(int fd, std::uint64_t size, const std::string& path, FileResult& result);
    void trim_buffers();

    const SearchOptions& options_;
    const ReadSizes sizes_;
    MemoryMetrics& metrics_;
    const std::atomic<bool>& stop_;
    std::unique_ptr<MatchScratch> scratch_;
    FileScanner scanner_;
    ReadBuffer whole_buffer_;  // small strategy
    ReadBuffer chunk_buffer_;  // buffered strategy (and size-0 files, read until EOF)
};

}  // namespace codescout
