// What a NUL byte ("binary data") does to a search, decided block by block. The FileSearcher
// shows every block of a file to the file's BinaryCheck, in file order and without gaps, before
// the scanner sees it, and does what the check answers:
//   Continue     scan the block as it is;
//   StopAt       the file ends at `stop_at` for the scanner (a line start the check chose); what
//                was scanned beyond it already is the check's to cut in settle();
//   ConvertNuls  scan the block with every NUL read as a line end (the searcher needs writable
//                bytes for that: a mapped file is read again, buffered, with a fresh check).
// After the scan the check settles the file: it may call it binary (skipped, counted), cut
// results, or record a BinaryFinding that front ends show.
//
// The engine's own policy (default_binary_policy()) is the one the GUI uses: a file is text up to
// the line holding its first NUL; matches before it are delivered with a note, a file without
// any is skipped as binary. The CLI brings ripgrep's rules instead (src/cli/rg_compat/).
// Threads: a policy is shared by all workers (const); each file gets its own check, used by the
// one thread that searches the file.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

#include "core/encoding/decoding_plan.h"
#include "core/search/input_spec.h"
#include "core/search/search_result.h"

namespace codescout {

enum class BlockAction { Continue, StopAt, ConvertNuls };

struct BlockVerdict {
    BlockAction action = BlockAction::Continue;
    std::uint64_t stop_at = 0;  // StopAt: a file offset at a line start
};

// What a NUL inside a range a multi-line search is about to report (a match's lines, a context
// line) does. Such a search reads each file whole and never converts NULs (see whole_text()).
enum class ReportedNul {
    Ignore,       // nothing: the range is reported
    StopBefore,   // the search ends before that range, which is neither reported nor counted
    StopCounted,  // the same, but a match range still counts as a match (it is only not shown)
    Note,         // the range is reported and the search goes on; the first such NUL is noted
};

// The first NUL met by ReportedNul::StopBefore, StopCounted or Note.
struct ReportedNulHit {
    std::uint64_t nul_offset = 0;
    std::uint64_t range_start = 0;  // the range that holds it
    bool context_break = false;     // context output prints a group separator before that range
};

// How a multi-line search treats NULs (BinaryCheck::whole_text()).
struct WholeTextRule {
    ReportedNul reported = ReportedNul::Ignore;
    // A NUL the check already knows of: with StopBefore or StopCounted, the first range about to
    // be reported stops the search, whether it holds a NUL or not.
    std::optional<std::uint64_t> known_nul;
};

// Where the scanner got to when the file's reading ended.
struct ScanEnd {
    bool finished_early = false;   // -l or -m was satisfied: the scanner wanted no more lines
    std::uint64_t last_line_end = 0;  // file offset after the last line the scanner looked at
    std::optional<ReportedNulHit> reported_nul;  // multi-line searches only
};

// The per-file decision maker.
class BinaryCheck {
public:
    virtual ~BinaryCheck() = default;
    // `block` holds the file's bytes from `offset` on; it follows the previous block directly,
    // except in a file read in ranges (line_ranges.h: proven by an index to hold no NUL; a
    // verdict other than Continue makes the reader start over with the whole file).
    virtual BlockVerdict inspect(std::string_view block, std::uint64_t offset) = 0;
    // Before the first inspect() of a file whose text is not its bytes (a BOM, an encoding):
    // blocks and offsets are then of the text (decoding_plan.h).
    virtual void decoding(const DecodingPlan&) {}
    // A multi-line search (-U) reads the file's whole text first: called once with it, before the
    // only inspect(), which then gets the same text (StopAt shortens it; ConvertNuls is not
    // possible and reads as Continue). Returns what a NUL in a range about to be reported does.
    virtual WholeTextRule whole_text(std::string_view /*text*/) { return {}; }
    // The scanner finished early (-l, -m): true while the check wants to see more of the file's
    // bytes before it settles (they are shown to inspect() without being scanned).
    virtual bool wants_more(const ScanEnd& end) const = 0;
    // Once, after a scan that ended without error or cancellation. `binary`: set it to skip the
    // file as binary (its results are then dropped and it is counted under skipped.binary); the
    // counts it leaves in `result`, and `result.binary.text_end` (how far the file was searched;
    // by default all that was read), are what SearchSummary::binary_partial adds up. A scan that
    // finished early (ScanEnd) may be given a FileResult::counted_end.
    virtual void settle(const ScanEnd& end, FileResult& result, bool& binary) = 0;

    // Whether the file's lines may go to a stream while it is searched (line_stream.h): the check
    // then never needs to see them in settle(), and takes back only lines from final_before() on,
    // through FileResult::stream. Not for multi-line searches.
    virtual bool lines_may_stream() const { return false; }
    // Lines starting before this file offset are final: settle() will not take them back (with
    // lines_may_stream(); asked after each scanned block).
    virtual std::uint64_t final_before() const { return 0; }
};

class BinaryPolicy {
public:
    virtual ~BinaryPolicy() = default;
    virtual std::unique_ptr<BinaryCheck> check_for(const InputSpec& input) const = 0;
};

// The engine's policy (see above); shared, stateless.
std::shared_ptr<const BinaryPolicy> default_binary_policy();

}  // namespace codescout
