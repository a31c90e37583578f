// A read-only view of one index file (index_format.h), memory-mapped. open() verifies the header,
// the version, the sizes and the checksums of all sections but the postings; posting_list() and
// postings() verify each list's checksum before any of its postings is decoded. Anything that
// fails makes the index unusable (the caller scans and the next build replaces the file): a
// damaged index is never trusted.
// Threads: immutable after open(); every method may be called from any thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/index/index_format.h"
#include "core/index/trigram.h"

namespace codescout {

enum class IndexOpenStatus {
    Ok,
    Missing,         // no index file
    ForeignVersion,  // written by another format version (or byte order)
    Corrupt,         // truncated, checksum mismatch, inconsistent sizes
    OtherRoot        // a valid index, but of another folder (a hash collision of the file name)
};

const char* to_string(IndexOpenStatus status);

// One posting list read in place, its checksum already verified (IndexReader::postings()):
// postings are decoded only as far as the caller reads, so intersecting a long list with a few
// candidate files costs a checksum pass and a partial decode, never a copy of the list.
class PostingCursor {
public:
    PostingCursor() = default;
    PostingCursor(const unsigned char* begin, const unsigned char* end, std::uint32_t count, std::uint64_t document_count)
        : p_(begin), end_(end), left_(count), document_count_(document_count) {}

    std::uint32_t size_left() const { return left_; }
    // The next posting; false at the end of the list, or when the bytes do not decode to an
    // ascending document id below the document count (then damaged() is true: the index must not
    // be used).
    bool next(Posting& out);
    bool damaged() const { return damaged_; }
    // Whether the list ended exactly where its bytes do (call after reading every posting).
    bool consumed_exactly() const { return left_ == 0 && p_ == end_; }

private:
    const unsigned char* p_ = nullptr;
    const unsigned char* end_ = nullptr;
    std::uint32_t left_ = 0;
    std::uint64_t document_count_ = 0;
    std::uint64_t id_ = 0;
    bool started_ = false;
    bool damaged_ = false;
};

class IndexReader {
public:
    struct Opened {
        IndexOpenStatus status = IndexOpenStatus::Missing;
        std::string detail;                   // for messages: what exactly was wrong
        std::shared_ptr<const IndexReader> reader;  // set when status == Ok
    };
    // `expected_root`: the absolute root the index must describe (empty: accept any).
    static Opened open(const std::string& path, const std::string& expected_root = {});

    ~IndexReader();
    IndexReader(const IndexReader&) = delete;
    IndexReader& operator=(const IndexReader&) = delete;

    const index_format::Header& header() const { return header_; }
    std::uint64_t mapped_bytes() const { return size_; }
    const std::string& root() const { return root_; }
    const std::string& walk_settings() const { return walk_settings_; }
    // HOME and the user's git excludes file as the build saw them (walk_replay.h).
    const std::string& build_home() const { return build_home_; }
    const std::string& build_user_excludes() const { return build_user_excludes_; }
    bool replayable() const { return (header_.walk_flags & index_format::kReplayable) != 0; }

    std::uint32_t file_count() const { return static_cast<std::uint32_t>(header_.file_count); }
    const index_format::FileRecord& file(std::uint32_t id) const { return files_[id]; }
    std::string_view path(std::uint32_t id) const;
    // The id of the file at `relative` (as recorded: relative to the root, '/'-separated).
    std::optional<std::uint32_t> find(std::string_view relative) const;

    // The directories the build's walk read, in path order (id 0 is the root, ""), and the files
    // its ignore handling read or probed (index_format.h).
    std::uint32_t dir_count() const { return static_cast<std::uint32_t>(header_.dir_count); }
    const index_format::DirRecord& dir(std::uint32_t id) const { return dirs_[id]; }
    std::string_view dir_path(std::uint32_t id) const;
    std::optional<std::uint32_t> find_dir(std::string_view relative) const;
    std::uint32_t input_count() const { return static_cast<std::uint32_t>(header_.input_count); }
    const index_format::InputRecord& input(std::uint32_t id) const { return inputs_[id]; }
    std::string_view input_path(std::uint32_t id) const;

    // Posting ids are documents (index_format.h): a file, or a further chunk of a large file.
    std::uint32_t document_count() const { return static_cast<std::uint32_t>(header_.document_count); }
    std::uint32_t file_of_document(std::uint32_t document) const {
        return document < header_.file_count ? document : chunk_files_[document - header_.file_count];
    }
    // Where a further chunk document (document >= file_count) starts in its file.
    const index_format::ChunkStart& chunk_start(std::uint32_t document) const {
        return chunk_starts_[document - header_.file_count];
    }

    // The postings of `trigram` (trigram.h): document ids ascending, each with its masks; empty
    // when no document holds it. nullopt when the list fails its checksum or does not decode: the index
    // must not be used.
    std::optional<std::vector<Posting>> posting_list(std::uint32_t trigram) const;
    // The same list as a cursor, for reading part of it (an empty cursor when no file holds the
    // trigram); nullopt when the list fails its checksum.
    std::optional<PostingCursor> postings(std::uint32_t trigram) const;
    // How many documents hold `trigram` (from the table, no decoding): for query planning.
    std::uint32_t document_frequency(std::uint32_t trigram) const;

private:
    IndexReader() = default;
    const index_format::TrigramRecord* find_trigram(std::uint32_t trigram) const;

    const char* data_ = nullptr;
    std::uint64_t size_ = 0;
    index_format::Header header_;
    std::string root_;
    std::string walk_settings_;
    std::string build_home_;
    std::string build_user_excludes_;
    const index_format::DirRecord* dirs_ = nullptr;
    const index_format::InputRecord* inputs_ = nullptr;
    const std::uint32_t* chunk_files_ = nullptr;
    const index_format::ChunkStart* chunk_starts_ = nullptr;
    const index_format::FileRecord* files_ = nullptr;
    const char* paths_ = nullptr;
    std::uint64_t paths_size_ = 0;
    const std::uint32_t* path_slots_ = nullptr;
    std::uint32_t path_slot_count_ = 0;
    const unsigned char* postings_ = nullptr;
    const index_format::TrigramRecord* trigrams_ = nullptr;
};

// The path table's hash and slot count, shared by the builder that writes it.
std::uint64_t path_hash(std::string_view relative);
std::uint32_t path_slot_count(std::uint64_t file_count);

}  // namespace codescout
