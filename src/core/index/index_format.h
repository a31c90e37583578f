// The on-disk layout of a trigram index file (one per indexed root folder). Everything is
// little-endian and 8-byte aligned; the reader maps the file and uses these structs in place.
//
//   Header        fixed size; its own checksum; a table of the sections below
//   Meta          the root's absolute path, then the walk settings the build used (text)
//   Files         FileRecord[file_count], in path order
//   Paths         the files' paths relative to the root, concatenated (FileRecord points in)
//   PathTable     open-addressing hash table: u32 slot -> file id + 1 (0 = empty)
//   Postings      per trigram: ascending file ids, delta-encoded varints
//   Trigrams      TrigramRecord[trigram_count], sorted by trigram, each with its list's checksum
//
// Trust: the reader checks the header and the checksums of every section but Postings when it
// opens the file (a few MB, milliseconds), and each posting list's own checksum before decoding
// it, so no byte is used unverified and a query never hashes the whole file.
#pragma once

#include <cstdint>

namespace codescout::index_format {

inline constexpr char kMagic[8] = {'C', 'S', 'T', 'R', 'I', 'G', 'R', 0};
// Bump on any change of layout, checksum, trigram folding or file flags: an index of another
// version is rebuilt, never read.
inline constexpr std::uint32_t kVersion = 1;
inline constexpr std::uint32_t kByteOrderMark = 0x01020304;

enum Section : std::uint32_t { Meta, Files, Paths, PathTable, Postings, Trigrams, kSectionCount };

struct SectionRecord {
    std::uint64_t offset = 0;
    std::uint64_t size = 0;
    std::uint64_t checksum = 0;  // Postings: 0 (each list carries its own)
};

struct Header {
    char magic[8] = {};
    std::uint32_t version = 0;
    std::uint32_t byte_order = 0;
    std::uint64_t file_size = 0;        // the whole index file
    std::uint64_t built_unix_ns = 0;    // when the build started (files changed later are stale)
    std::uint64_t file_count = 0;
    std::uint64_t indexed_files = 0;    // files whose trigrams are in the postings
    std::uint64_t trigram_count = 0;
    std::uint64_t source_bytes = 0;     // sum of the sizes of all files recorded
    SectionRecord sections[kSectionCount];
    std::uint64_t header_checksum = 0;  // of every byte above
};

// Why a file recorded in the index has no trigrams: it is then always searched directly.
enum FileFlags : std::uint32_t {
    kIndexed = 1u << 0,      // its trigrams are in the postings
    kBinary = 1u << 1,       // a NUL byte: the binary policy decides at search time
    kTooLarge = 1u << 2,     // above the indexing size limit
    kUnreadable = 1u << 3,   // could not be opened or read during the build
    kRacy = 1u << 4,         // changed during the build, or too recently for timestamps to tell
    kOtherEncoding = 1u << 5 // a UTF-16/32 byte order mark: its text is not its bytes
};

// What identifies a file's content without reading it: if all of these are unchanged since the
// build, the content is (ctime moves on every write and cannot be set back by utimes()).
struct FileRecord {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::int64_t ctime_ns = 0;
    std::uint64_t inode = 0;
    std::uint64_t device = 0;
    std::uint64_t path_offset = 0;  // into Paths
    std::uint32_t path_length = 0;
    std::uint32_t flags = 0;        // FileFlags
};
static_assert(sizeof(FileRecord) == 56);

struct TrigramRecord {
    std::uint32_t trigram = 0;   // three bytes, ASCII letters folded to lower case (trigram.h)
    std::uint32_t count = 0;     // file ids in the list
    std::uint64_t offset = 0;    // into Postings; the list ends where the next one starts
    std::uint64_t checksum = 0;  // of the list's bytes
};
static_assert(sizeof(TrigramRecord) == 24);

}  // namespace codescout::index_format
