// A file's lines handed to the front end while the file is being searched, instead of being
// collected in its FileResult::lines first (ResultSink::open_stream()).
//
// Why: a file can print millions of lines ('\w+_\w+_\w+_\w+_\w+' over a generated register
// header). Collecting them copied every line into the result (its text and a 56-byte record)
// before the printer formatted it, and held the file's lines whole: per printed line a copy, a
// record and the pages they touch, and the largest files' lines in memory at once. A stream gets
// each line as a view into the read buffer, once.
//
// Lines are not final when they arrive: the binary policy may still take back the last ones
// (rg stops at the read that brings a NUL byte, and rg's reads end elsewhere than ours:
// binary_policy.h). The searcher says which lines are final (final_before()) and takes back the
// others when it must (take_back_from()); a stream hands on only final lines.
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/search/line_list.h"

namespace codescout {

// What lines taken back had counted in their file's result.
struct TakenBack {
    std::uint64_t matched_lines = 0;  // the records that were not context lines
    std::uint64_t matches = 0;        // their spans
};

class LineStream {
public:
    virtual ~LineStream() = default;

    // The file's next line (or -v's next context line, with its spans). Its text and spans view
    // the read buffer: valid only during the call. `terminated`: the line has its terminator in
    // the file (only a file's last line may lack one).
    virtual void line(const LineRecord& line, bool terminated) = 0;

    // Lines starting before `offset` are final: nothing takes them back any more.
    virtual void final_before(std::uint64_t offset) = 0;

    // Takes back the lines starting at or after `offset` (none of them final), as if they had
    // never come; returns what they counted.
    virtual TakenBack take_back_from(std::uint64_t offset) = 0;

    // Bytes the stream holds (what it did not hand on yet), for the path-order window.
    virtual std::size_t held_bytes() const = 0;
};

// In path order (SearchOptions::in_path_order), what a stream waits for before it hands anything
// on: the turn of its file, once every file before it was delivered.
class TurnGate {
public:
    virtual ~TurnGate() = default;
    // Blocks until it is the file's turn; false when the search stopped meanwhile.
    virtual bool wait_for_turn() = 0;
};

}  // namespace codescout
