// The lines of one file's result, stored compactly: the records in a deque, and every line's
// text and match spans copied into blocks that the list owns (an arena per file). A record's
// `text` and `spans` are views into those blocks, which never move once written, so the views
// stay valid while the list grows and when it is moved (e.g. into a ResultSink).
//
// Why: a file can have tens of thousands of matching lines (a generated register header matches
// '\w+_\w+_\w+_\w+_\w+' on nearly every line). One std::string and one std::vector of spans per
// line made two allocations per line and held about three times the lines' bytes (allocator
// headers, vector slack, page faults as they grew); here a line costs its bytes, its spans and
// one 56-byte record, and allocations grow geometrically with the file's output, not per line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/search/match_span.h"

namespace codescout {

// One line of output: a matching line (spans non-empty when they were looked for,
// ReportOptions::match_spans) or a context line (spans empty). A multi-line search (-U) reports a
// match that spans lines, and matches on adjacent lines, as one record for all those lines: `text`
// then holds several lines ('\n' between them; not the last one's), `number` is the first line's,
// and a span may end one byte past `text` (a match that takes the last line's '\n').
// line_count() says how many lines a record holds. `text` and `spans` view storage owned by the
// LineList the record belongs to (or, for a record made by hand, by whoever made it).
struct LineRecord {
    std::uint64_t number = 0;          // 1-based line number (of the first line)
    std::uint64_t byte_offset = 0;     // offset of the line's first byte in the file
    std::string_view text;             // the line without its terminator ("\r" of "\r\n" kept, as rg does)
    std::span<const MatchSpan> spans;  // every match in the line, in order
    bool is_context = false;

    std::uint64_t line_count() const {
        std::uint64_t lines = 1;
        for (const char c : text) lines += c == '\n';
        return lines;
    }
};

// A line that owns its text and spans, for building a result by hand (tests, tools) where no
// scanner fills the list: LineList copies it in.
struct OwnedLine {
    std::uint64_t number = 0;
    std::uint64_t byte_offset = 0;
    std::string text;
    std::vector<MatchSpan> spans;
    bool is_context = false;
};

class LineList {
public:
    using iterator = std::deque<LineRecord>::iterator;
    using const_iterator = std::deque<LineRecord>::const_iterator;

    LineList() = default;
    // A copy owns copies of the text and spans (its records view its own storage).
    LineList(const LineList& other);
    LineList& operator=(const LineList& other);
    LineList(LineList&&) noexcept = default;
    LineList& operator=(LineList&&) noexcept = default;
    ~LineList() = default;
    LineList(std::initializer_list<OwnedLine> lines);

    // Appends a record whose text (and spans) are copied into the list's storage.
    LineRecord& append(std::uint64_t number, std::uint64_t byte_offset, std::string_view text, bool is_context,
                       std::span<const MatchSpan> spans = {});
    // Appends a copy of `line` (its text and spans copied into the list's storage).
    void push_back(const LineRecord& line);
    void push_back(const OwnedLine& line);
    // Adds a span to the last record's spans (which stay contiguous). Requires a record.
    void add_span(MatchSpan span);

    // Drops every record and the storage; keeps the first blocks for reuse.
    void clear();
    // Drops the records [first, end()); their bytes stay in the storage until clear().
    void erase(const_iterator first, const_iterator last);
    // Drops the records for which `drop` is true (storage as with erase()).
    template <typename Predicate>
    void erase_if(Predicate drop) {
        std::erase_if(records_, drop);
    }

    bool empty() const { return records_.empty(); }
    std::size_t size() const { return records_.size(); }
    iterator begin() { return records_.begin(); }
    iterator end() { return records_.end(); }
    const_iterator begin() const { return records_.begin(); }
    const_iterator end() const { return records_.end(); }
    LineRecord& operator[](std::size_t i) { return records_[i]; }
    const LineRecord& operator[](std::size_t i) const { return records_[i]; }
    LineRecord& front() { return records_.front(); }
    const LineRecord& front() const { return records_.front(); }
    LineRecord& back() { return records_.back(); }
    const LineRecord& back() const { return records_.back(); }

    // Bytes allocated for the records and the storage.
    std::size_t memory_bytes() const;

private:
    // Blocks of T that are filled front to back and never reallocated; a new block is at least
    // twice the last one (up to kMaxBlockBytes), so a file's storage takes O(log n) allocations.
    template <typename T>
    class Arena {
    public:
        // Room for `count` more T, contiguous with the `keep` T written last (moved into a new
        // block with them when the current one is full); returns where the kept ones now start.
        T* reserve(std::size_t count, std::size_t keep);
        T* cursor() const { return cursor_; }
        void advance(std::size_t count) { cursor_ += count; }
        void clear();
        std::size_t bytes() const;

    private:
        struct Block {
            std::unique_ptr<T[]> data;
            std::size_t capacity = 0;
        };
        std::vector<Block> blocks_;
        std::size_t current_ = 0;  // index of the block being filled (when blocks_ is not empty)
        T* cursor_ = nullptr;
        T* limit_ = nullptr;
    };

    // A deque, not a vector: it grows without copying the records already there (a vector of
    // 45,000 records doubled its way through 2.5 MB of copies and fresh pages).
    std::deque<LineRecord> records_;
    Arena<char> text_;
    Arena<MatchSpan> spans_;
};

}  // namespace codescout
