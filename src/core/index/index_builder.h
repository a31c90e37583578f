// Builds (or rebuilds) the index of one folder: walks it with the scan's own walker and rules,
// reads every file once, and writes the index file atomically (index_file_writer.h) with
// bounded memory (posting_runs.h). Cancellable from any thread; progress readable from any
// thread while run() goes on; one builder per folder at a time (index_location.h's lock).
//
// What is indexed: the trigrams of every file's bytes, with their posting masks (trigram.h); a
// large file's per chunk of lines.
// Files that the index cannot describe by their bytes (a NUL byte, a UTF-16/32 byte order mark, above max_indexed_file_size, unreadable,
// changed while read or too recently for timestamps to be trusted) are recorded without
// trigrams: a search always reads them, and the binary and size rules then apply as in a scan.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "core/walk/walk_options.h"

namespace codescout {

struct IndexBuildOptions {
    std::string root;                         // a folder
    WalkOptions walk;                         // its rules (roots ignored: the root above is walked)
    std::filesystem::path index_directory;    // empty: default_index_directory()
    unsigned threads = 0;                     // 0: one per hardware thread
    // Run the build's threads at the lowest CPU priority (nice 19) and the idle I/O class, for
    // a build in the background. The calling thread is lowered too: call run() on a thread of
    // its own (an unprivileged thread cannot raise its priority again).
    bool background = false;
    std::uint64_t max_indexed_file_size = 64ull << 20;  // larger files are always searched directly
    // Files larger than this are indexed per chunk of lines of about chunk_chars characters
    // (index_format.h's documents): a query then skips such a file unless one chunk holds all
    // of a needle run's trigrams. 0: no file is chunked.
    std::uint64_t chunk_file_threshold = 256u << 10;
    std::uint64_t chunk_chars = 16u << 10;
    std::uint64_t max_index_bytes = 0;        // 0: no limit; above it the build fails, nothing is written
    std::size_t run_buffer_pairs = 0;         // 0: 4M postings (48 MiB; a buffer never allocates twice that)
    // A file whose mtime or ctime lies less than this before the moment it is read is recorded
    // without trigrams (always searched): a later write in the same clock tick could leave its
    // size and timestamps unchanged. Tests that make a tree and index it at once shorten it.
    std::chrono::nanoseconds racy_window = std::chrono::seconds(2);
};

enum class IndexBuildPhase { Waiting, Walking, Reading, Merging, Done };

struct IndexBuildProgress {
    IndexBuildPhase phase = IndexBuildPhase::Waiting;
    std::uint64_t files_total = 0;  // known once the walk is done
    std::uint64_t files_done = 0;
    std::uint64_t bytes_done = 0;
    // 0..1 over the whole build (walk ~5%, reading ~75%, merging ~20%), for a progress bar.
    double fraction = 0;
};

struct IndexBuildResult {
    bool ok = false;
    bool cancelled = false;
    std::string error;                  // when !ok && !cancelled
    bool too_large = false;             // failed because of max_index_bytes (error says by how much)
    std::filesystem::path index_file;
    std::string root;                   // canonical
    std::uint64_t files = 0;
    std::uint64_t indexed_files = 0;
    std::uint64_t chunked_files = 0;    // indexed in more than one chunk
    std::uint64_t documents = 0;        // files and further chunks (index_format.h)
    std::uint64_t source_bytes = 0;
    std::uint64_t index_bytes = 0;
    std::uint64_t runs = 0;             // sorted runs spilled to scratch files
    std::chrono::nanoseconds elapsed{0};
};

class IndexBuilder {
public:
    explicit IndexBuilder(IndexBuildOptions options);
    ~IndexBuilder();
    IndexBuilder(const IndexBuilder&) = delete;
    IndexBuilder& operator=(const IndexBuilder&) = delete;

    // Blocking; call once. Never throws for a bad tree, disk or lock: the result says what
    // happened. On cancellation or failure the previous index (if any) is left in place.
    IndexBuildResult run();

    void cancel();
    IndexBuildProgress progress() const;

    // Test hook: called once per file after it was read (from the reading threads); lets tests
    // kill or cancel a build at a known point. Null in production.
    using FileHook = void (*)(std::uint64_t files_done);
    static void set_file_hook(FileHook hook);

private:
    struct State;
    IndexBuildOptions options_;
    std::unique_ptr<State> state_;
};

}  // namespace codescout
