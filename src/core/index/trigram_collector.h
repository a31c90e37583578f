// Collects the distinct trigrams of one file, with their posting masks (trigram.h), from the
// file fed in chunks of any size (the index characters before a chunk carry over, and so does a
// K or long-s sequence cut by the chunk's end). Trigrams are found through a small open-addressing
// table sized to the file, not a bitmap of the 24-bit space: a file's trigrams fit in the cache,
// and its masks need a place per trigram anyway. One per indexing thread; reused for every file.
//
// Chunked (index_format.h's documents): the file's lines are grouped into chunks of about
// `chunk_chars` index characters, a chunk starting at the first line start at or past a multiple
// of it, and the trigrams of each chunk are collected apart (positions stay the file's). If the
// chunks' trigrams together grow past `max_grams`, the chunks are folded into one, the whole
// file's, and the rest of the file is collected whole: memory stays bounded.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/index/index_text.h"
#include "core/index/trigram.h"
#include "core/metrics/attributed_bytes.h"

namespace codescout {

class TrigramCollector {
public:
    TrigramCollector();

    // Before the first feed() of a file: collect it in chunks (above); 0 = whole (the default,
    // and what reset() returns to).
    void chunk_lines(std::uint64_t chunk_chars, std::size_t max_grams = std::size_t{1} << 21);

    void feed(std::string_view bytes);
    // The file's distinct trigrams with their masks: per chunk, in order of first appearance in
    // it (one chunk when not chunked). Call after the last feed(): it completes a sequence cut
    // off at the end of the file.
    const std::vector<Gram>& grams();
    // After grams(): the chunks that hold trigrams, in file order, as ranges of grams(). Empty
    // when the file has no trigram; one range when it was collected whole.
    struct Range {
        std::uint32_t begin = 0;
        std::uint32_t end = 0;
        std::uint64_t offset = 0;  // the chunk's first byte in the file (a line start)
        std::uint64_t line = 1;    // that line's number
    };
    const std::vector<Range>& chunks() const { return chunks_; }
    // Forgets the file: ready for the next one.
    void reset();

private:
    void add(IndexChar c);
    std::uint32_t find_or_insert(std::uint32_t trigram);
    void grow();
    void note_memory();
    void line_starts();
    void close_chunk();
    void fold_chunks();

    IndexTextReader reader_;
    std::vector<Gram> grams_;              // the closed chunks', then the current chunk's
    std::vector<std::uint32_t> slots_of_;  // per gram: its slot in table_ (current chunk's only valid)
    std::vector<Range> chunks_;
    std::uint32_t chunk_begin_ = 0;        // the current chunk's first gram; the table holds only its
    std::uint64_t chunk_chars_ = 0;        // 0: whole file
    std::uint64_t chunk_ = 0;              // the current chunk's number (line start / chunk_chars_)
    std::size_t max_grams_ = 0;
    std::vector<std::uint32_t> table_;     // gram index + 1; 0 = empty
    unsigned table_bits_ = 0;
    AttributedBytes memory_{EngineComponent::IndexBuild};
    std::uint64_t position_ = 0;           // index characters read
    std::uint64_t bytes_ = 0;              // the bytes they were read from
    std::uint64_t lines_ = 0;              // line ends read
    std::uint64_t chunk_offset_ = 0;       // the current chunk's first byte ...
    std::uint64_t chunk_line_ = 1;         // ... and its line
    std::uint32_t window_ = 0;             // the last three, in the low 24 bits
    unsigned cases_ = 0;                   // their upper flags, the latest in bit 0
    std::uint32_t previous_ = UINT32_MAX;  // the gram that ended at the last character, if stored
    bool finished_ = false;
};

}  // namespace codescout
