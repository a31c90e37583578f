// What searching one file came to (FileReport), and the read sizes a FileSearcher works with.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace codescout {

enum class FileOutcome {
    NoMatch,
    Matched,   // the FileResult holds the file's lines/counts
    Binary,    // the binary policy skipped it: no results
    TooLarge,  // above ProcessingOptions::max_file_size: not read
    Error,     // FileReport::error says why; no results
    Stopped    // the search was cancelled while this file was read
};

struct FileReport {
    FileOutcome outcome = FileOutcome::NoMatch;
    std::string error;
    std::uint64_t bytes_searched = 0;  // bytes read or scanned from the mapping
    // Of bytes_searched: the lines an index proved cannot match, never read (line_ranges.h).
    std::uint64_t bytes_unread = 0;
    // The file's content in memory at once: the read-whole buffer, the chunk buffer as grown for
    // it, or the mapping.
    std::uint64_t buffer_bytes = 0;
    // With ProcessingOptions::share_whole_files, a file read whole and left as read: all its
    // bytes (in the searcher's buffer: valid until its next file) and the mtime an fstat after
    // the read found, with the size equal to what was read.
    bool whole = false;
    std::string_view whole_bytes {};
    std::int64_t whole_mtime_ns = 0;
    BinaryPartial binary_partial{};  // Binary: what was found before the policy gave up
};

// How much is read or scanned at a time: chunks of the buffered strategy, windows of a mapping
// (cancellation is checked between them). Tests shrink these to put boundaries everywhere.
struct ReadSizes {
    std::size_t chunk = 256 * 1024;
    std::size_t map_window = 2 * 1024 * 1024;
    std::size_t keep_limit = 16 * 1024 * 1024;  // buffers grown beyond this are freed after their file
};

}  // namespace codescout
