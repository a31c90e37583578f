// Writes one index file (index_format.h) so that it appears whole or not at all: everything goes
// to a temporary file next to the target, which is fsync'ed and then renamed over the target
// (and the directory fsync'ed). A build killed at any moment leaves the previous index, or none,
// plus at most a temporary file that the next build removes.
//
// Order of calls: the constructor, add_section() for Meta, Files, Paths, Dirs, Inputs, Chunks, ChunkStarts, PathTable
// in that order (PathTable last: the postings follow it), add_posting_list() per trigram in ascending order, then commit().
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <memory>
#include <string_view>
#include <vector>

#include "core/index/index_format.h"
#include "core/index/trigram.h"

namespace codescout {

class TempFile;

// commit() found the index larger than Totals::max_bytes: nothing was written.
class IndexTooLarge : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class IndexFileWriter {
public:
    // Throws std::runtime_error when the temporary file cannot be created.
    IndexFileWriter(std::filesystem::path target, std::filesystem::path scratch_dir);
    ~IndexFileWriter();  // removes the temporary file unless committed
    IndexFileWriter(const IndexFileWriter&) = delete;
    IndexFileWriter& operator=(const IndexFileWriter&) = delete;

    void add_section(index_format::Section section, std::string_view bytes);
    void add_posting_list(std::uint32_t trigram, const std::vector<Posting>& postings);

    struct Totals {
        std::uint64_t built_unix_ns = 0;
        std::uint64_t file_count = 0;
        std::uint64_t indexed_files = 0;
        std::uint64_t document_count = 0;  // files and further chunks (index_format.h)
        std::uint64_t source_bytes = 0;
        std::uint64_t dir_count = 0;
        std::uint64_t input_count = 0;
        std::uint64_t walk_flags = 0;
        std::uint64_t max_bytes = 0;  // 0: no limit; a bigger index is not committed
    };
    // Writes the trigram table and the header, syncs and renames. Returns the file's size.
    // Throws std::runtime_error (disk full, permissions): the target is then untouched.
    std::uint64_t commit(const Totals& totals);

    // Temporary files of builds that died, next to `target`: remove them (call under the lock).
    static void remove_leftovers(const std::filesystem::path& target);

private:
    void write(std::string_view bytes);
    void align();

    std::filesystem::path target_;
    std::filesystem::path temp_path_;
    int fd_ = -1;
    std::uint64_t offset_ = 0;
    std::string buffer_;
    index_format::Header header_;
    std::unique_ptr<TempFile> trigram_table_;
    std::uint64_t trigram_count_ = 0;
    std::uint64_t postings_size_ = 0;
    std::string list_;  // one encoded posting list, reused
    bool committed_ = false;
};

}  // namespace codescout
