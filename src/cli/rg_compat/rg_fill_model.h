// Replays how ripgrep 14 fills its line buffer while it reads a file or a stream (grep-searcher's
// LineBuffer, 64 KiB to start with, behind a BOM-sniffing decoder whose first read returns only
// the first 3 bytes), to know which lines rg had already searched when the read that brought the
// first NUL byte came in. rg looks for NUL bytes in each read before searching it, so:
// - a walked file (rg quits at a NUL) reports the matches in the lines before searched_end();
// - an input named explicitly or stdin (rg turns NULs into line ends) prints its lines before
//   searched_end(), then "binary file matches".
// Standard input goes through Rust's 8 KiB stdin buffer first: its second read ends at 8 KiB.
// With context (-A/-B/-C N) rg keeps the last N+1 lines of a fill in its buffer for the next one,
// which shortens the next read; modelled too, except that rg keeps less when a printed line ends
// inside those lines (its "last line visited"): then the real cut can be a little later.
// Assumption: every read() returns all that was asked (true for regular files, not always for
// pipes, whose reads return what the writer has written so far).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace codescout {

class RgFillModel {
public:
    RgFillModel() = default;
    // `context_lines`: max(-A, -B), the lines rg keeps before each new read.
    explicit RgFillModel(bool standard_input, std::size_t context_lines = 0)
        : standard_input_(standard_input), context_lines_(context_lines) {}

    // The file starts with a BOM that rg's decoder drops (or its text is decoded): rg's peek at
    // the first bytes then hands out nothing, and its first read fills the whole buffer (for
    // stdin: what the 8 KiB stdin buffer still holds after the BOM). Call before feed(); offsets
    // are then of the text after the BOM. Transcoded text comes to rg in reads of what one 8 KiB
    // raw read decodes to, which this model does not replay: it treats them as one fill.
    void skip_bom_peek(std::uint64_t bom_length);

    // Feeds the file's bytes in order: `offset` must be where the previous call ended. Stops
    // looking at the first NUL (later calls are ignored).
    void feed(const char* data, std::size_t size, std::uint64_t offset);

    bool nul_seen() const { return nul_seen_; }
    std::uint64_t nul_offset() const { return nul_offset_; }
    // The end of the lines rg searched before the read holding the first NUL (a line start).
    std::uint64_t searched_end() const { return searched_end_; }
    // The end of the last replayed read that is complete (rg had all its bytes).
    std::uint64_t completed_reads_end() const { return completed_reads_end_; }

    // Remember every fill from now on, for consumed_before(): for a search that may stop early
    // (-m), one entry per fill (64 KiB or more of the file).
    void record_fills() { recording_ = true; }
    // The bytes rg had consumed (moved out of its buffer) when it searched the fill holding the
    // line that ends at `line_end`: what its statistics count as searched when it stops at that
    // line (grep-searcher reports its reader's absolute offset, the start of its buffer).
    std::uint64_t consumed_before(std::uint64_t line_end) const;

    static constexpr std::uint64_t kInitialCapacity = 64 * 1024;  // grep-searcher's default
    static constexpr std::uint64_t kFirstRead = 3;                // the decoder peeks at a BOM
    static constexpr std::uint64_t kStdinBuffer = 8 * 1024;       // Rust's std::io::Stdin buffer

private:
    std::uint64_t capacity_ = kInitialCapacity;
    std::uint64_t read_end_ = kFirstRead;  // where the read() being replayed ends
    std::uint64_t searched_end_ = 0;       // end of the last complete line of the last finished fill
    std::uint64_t completed_reads_end_ = 0;
    std::uint64_t last_newline_end_ = 0;   // in the current read: offset after its last '\n', or 0
    bool newline_in_read_ = false;
    bool standard_input_ = false;
    bool first_read_done_ = false;
    std::size_t context_lines_ = 0;
    std::uint64_t buffer_start_ = 0;  // file offset of rg's buffer[0] (kept context lines start here)
    // With context: the ends of the last context_lines_ + 2 lines seen, a ring (next_ is where
    // the next end goes, seen_ how many were ever seen).
    std::vector<std::uint64_t> line_ends_;
    std::size_t next_ = 0;
    std::uint64_t seen_ = 0;
    void note_line_ends(const char* segment, std::size_t size, std::uint64_t at);
    std::uint64_t kept_lines_start() const;
    bool nul_seen_ = false;
    std::uint64_t nul_offset_ = 0;
    struct Fill {
        std::uint64_t searched_end;  // its lines end at or before this
        std::uint64_t consumed;      // rg's buffer started here
    };
    bool recording_ = false;
    std::vector<Fill> fills_;
};

}  // namespace codescout
