// The on-disk layout of a trigram index file (one per indexed root folder). Everything is
// little-endian and 8-byte aligned; the reader maps the file and uses these structs in place.
//
//   Header        fixed size; its own checksum; a table of the sections below
//   Meta          the root's absolute path, the walk settings the build used (text), HOME and
//                 the user's git excludes file as the build saw them; NUL-separated
//   Files         FileRecord[file_count], in path order
//   Paths         the paths of files, then of directories, then of walk inputs, concatenated
//                 (the records point in)
//   Dirs          DirRecord[dir_count], in path order: every directory the build's walk read
//   Inputs        InputRecord[input_count]: every file the walk's ignore handling read or probed
//   PathTable     open-addressing hash table: u32 slot -> file id + 1 (0 = empty)
//   Chunks        u32[document_count - file_count]: the file of each chunk document (below)
//   ChunkStarts   ChunkStart[document_count - file_count]: where each chunk document starts
//   Postings      per trigram: ascending document ids, delta-encoded varints, each with the
//                 posting's masks (trigram.h) in 2 or 4 bytes (posting_codec.h)
//   Trigrams      TrigramRecord[trigram_count], sorted by trigram, each with its list's checksum
//
// Documents (format 4): postings name documents, not files. Document d < file_count is file d
// (the whole file, or the first chunk of a chunked one); a document d >= file_count is a further
// chunk of the file Chunks[d - file_count]. A file larger than the build's chunking threshold is
// cut into chunks at line starts (a line is never split: no trigram or needle run holds a line
// end, so every occurrence of a run lies inside one chunk), and each chunk with trigrams is a
// document of its own, with masks over its own occurrences. A run then passes a file only when
// all its trigrams pass in one of the file's chunks (index_query.cpp).
// A file's further chunk documents have consecutive ids, in file order. ChunkStarts gives each
// further chunk's first byte and line number (format 5): a search that can only match inside a
// line then reads a candidate file's candidate chunks alone (index_gate.h, chunk_ranges.h), each
// from its start to the next chunk document's (or the file's end; the first document from the
// file's start: a chunk without trigrams between them holds no match).
//
// Trust: the reader checks the header and the checksums of every section but Postings when it
// opens the file (a few MB, milliseconds), and each posting list's own checksum before decoding
// it, so no byte is used unverified and a query never hashes the whole file.
#pragma once

#include <cstdint>

namespace codescout::index_format {

inline constexpr char kMagic[8] = {'C', 'S', 'T', 'R', 'I', 'G', 'R', 0};
// Bump on any change of layout, checksum, trigram folding, posting masks or file flags: an index
// of another version is rebuilt, never read. 3: posting masks, K and long s read as k and s.
// 4: documents, the chunks of large files. 5: ChunkStarts.
inline constexpr std::uint32_t kVersion = 5;
inline constexpr std::uint32_t kByteOrderMark = 0x01020304;

enum Section : std::uint32_t { Meta, Files, Paths, PathTable, Postings, Trigrams, Dirs, Inputs, Chunks, ChunkStarts, kSectionCount };

// Header::walk_flags.
enum WalkFlags : std::uint64_t {
    // The build's walk reported no error or warning and recorded its directories and inputs: a
    // search with the same walk rules may replay it (walk_replay.h) instead of walking.
    kReplayable = 1u << 0,
};

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
    std::uint64_t dir_count = 0;
    std::uint64_t input_count = 0;
    std::uint64_t walk_flags = 0;       // WalkFlags
    std::uint64_t document_count = 0;   // posting ids: the files, then the further chunks (above)
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
    kOtherEncoding = 1u << 5 // a byte order mark (UTF-8/16/32): its text is not its bytes
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
    std::uint32_t dir = 0;          // the DirRecord of its folder
    std::uint32_t reserved = 0;
};
static_assert(sizeof(FileRecord) == 64);

enum DirFlags : std::uint32_t {
    kHasGit = 1u << 0,        // the walk's IgnoreFilesPresent, as it found them in the directory
    kGitIsFile = 1u << 1,
    kHasGitignore = 1u << 2,
    kHasIgnore = 1u << 3,
    kDirRacy = 1u << 4,       // changed too shortly before it was read: always read again
};

// A directory the build's walk read. Its entries are unchanged while its mtime, ctime, inode and
// device are (creating, deleting or renaming an entry moves the mtime; ctime cannot be set back).
struct DirRecord {
    std::int64_t mtime_ns = 0;
    std::int64_t ctime_ns = 0;
    std::uint64_t inode = 0;
    std::uint64_t device = 0;
    std::uint64_t path_offset = 0;  // into Paths; "" for the root
    std::uint32_t path_length = 0;
    std::uint32_t parent = 0;       // its parent's DirRecord (the root: itself)
    std::uint32_t flags = 0;        // DirFlags
    std::uint32_t ignored = 0;      // what the walk counted for its entries (WalkCounters)
    std::uint32_t hidden = 0;
    std::uint32_t special = 0;
};
static_assert(sizeof(DirRecord) == 64);

enum InputFlags : std::uint32_t {
    kPresenceOnly = 1u << 0,  // only whether it exists, and as what kind of file, matters
    kInputRacy = 1u << 1,     // changed too shortly before it was read: never proven unchanged
    kMissing = 1u << 2,       // the kind of file: none of these three bits means a regular file
    kIsDirectory = 1u << 3,
    kIsOther = 1u << 4,
};

// A file the walk's ignore handling read (an ignore file, a git config, the excludes) or probed.
struct InputRecord {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::int64_t ctime_ns = 0;
    std::uint64_t inode = 0;
    std::uint64_t device = 0;
    std::uint64_t path_offset = 0;  // into Paths: absolute, or as the walk named it
    std::uint32_t path_length = 0;
    std::uint32_t flags = 0;        // InputFlags
};
static_assert(sizeof(InputRecord) == 56);

// Where a further chunk document starts in its file: a line start.
struct ChunkStart {
    std::uint64_t offset = 0;  // its first byte
    std::uint64_t line = 0;    // the number of that byte's line (the file's first line is 1)
};
static_assert(sizeof(ChunkStart) == 16);

struct TrigramRecord {
    std::uint32_t trigram = 0;   // three index characters (trigram.h)
    std::uint32_t count = 0;     // file ids in the list
    std::uint64_t offset = 0;    // into Postings; the list ends where the next one starts
    std::uint64_t checksum = 0;  // of the list's bytes
};
static_assert(sizeof(TrigramRecord) == 24);

}  // namespace codescout::index_format
