// Searches one file with the seed's hybrid strategy: below the small threshold the file is read
// whole with one read() into a reused buffer; up to the large threshold it is read in fixed
// chunks (lines crossing chunk ends are carried over); from the large threshold on it is mapped
// and scanned in windows. One FileSearcher per worker thread: it owns the buffers and the
// matcher scratch, so workers never share mutable state.
//
// Inputs named explicitly may be streams (stdin, FIFOs such as `<(cmd)`, character devices):
// those are read in chunks until EOF through the buffered strategy. NUL bytes are handled as
// ripgrep 14 does (see BinaryMode).
#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "core/io/read_buffer.h"
#include "core/match/matcher.h"
#include "core/metrics/memory_metrics.h"
#include "core/search/rg_fill_model.h"
#include "core/search/scanner.h"
#include "core/search/search_options.h"
#include "core/search/search_result.h"

namespace codescout {

// What a NUL byte ("binary data") does to a file, as in ripgrep 14.
enum class BinaryMode {
    // Walked files: rg stops at the read (of its 64 KiB buffer) that brings the first NUL; the
    // matches before it are reported with a warning, a file without any is skipped as binary.
    Quit,
    // Files named explicitly that rg memory-maps (at most 10 paths, all regular files): searched
    // through as text; rg notices a NUL in the first 64 KiB or inside a line it prints.
    ConvertSlice,
    // Other explicit inputs, which rg reads as streams (stdin, FIFOs, devices, files among more
    // than 10 paths or next to a directory): every NUL is read as a line end.
    ConvertStream
};

// One input to search: a path, or standard input.
struct InputSpec {
    bool explicit_root = false;  // named by the user: may be a stream, and is read whatever it is
    BinaryMode binary = BinaryMode::Quit;
    bool is_stdin = false;       // read file descriptor 0; the path is only the display name
};

// The name ripgrep shows for standard input.
inline constexpr const char* kStdinDisplayName = "<stdin>";

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
    // The file's content in memory at once: the read-whole buffer, the chunk buffer as grown for
    // it, or the mapping.
    std::uint64_t buffer_bytes = 0;
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
    // Walked entries use BinaryMode::Quit, explicit ones ConvertSlice.
    FileReport search(const std::string& path, bool explicit_root, FileResult& result);
    FileReport search(const std::string& path, const InputSpec& input, FileResult& result);

private:
    FileReport search_open_file(int fd, std::uint64_t size, bool stream, const std::string& path, FileResult& result);
    FileReport read_whole(int fd, std::uint64_t size, FileResult& result);
    FileReport read_chunked(int fd, std::uint64_t size, FileResult& result);
    FileReport scan_mapping(int fd, std::uint64_t size, const std::string& path, FileResult& result);
    // Looks at bytes about to be scanned (file offset `offset`) for NULs, as the binary mode
    // wants; may turn NULs into line ends (ConvertStream, `data` is ours to change). Returns the
    // offset the scan must stop at (a line start), or UINT64_MAX to scan everything.
    std::uint64_t inspect(char* data, std::size_t size, std::uint64_t offset);
    std::uint64_t inspect_readonly(const char* data, std::size_t size, std::uint64_t offset);
    // BinaryMode::Quit, the scan finished early (-l, -m): rg still had the rest of the read
    // holding the last reported line to look at for a NUL. True while more bytes must be fed to
    // the model.
    bool rg_read_incomplete() const;
    // Reads on from file offset `offset` without scanning while rg_read_incomplete().
    void feed_rest_of_rg_read(int fd, std::uint64_t size, std::uint64_t offset);
    // After the scan: applies rg's rules for a NUL to the result and the outcome.
    void settle_binary(FileResult& result, FileReport& report) const;
    void trim_buffers();
    std::size_t context_lines() const {
        return std::max(options_.report.before_context, options_.report.after_context);
    }

    BinaryMode binary_mode_ = BinaryMode::Quit;  // of the file being searched
    RgFillModel fills_;                          // of the file being searched
    bool slice_nul_upfront_ = false;             // ConvertSlice: a NUL in the first 64 KiB ...
    std::uint64_t slice_nul_offset_ = 0;         // ... at this offset
    bool restart_buffered_ = false;              // ConvertStream met a NUL in a read-only mapping

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
