// The standard printer's stream for one file's lines (core/search/line_stream.h): each line is
// formatted as it comes into the file's block; the block is written once it outgrows
// `hold_bytes`, then in parts (kFormatPartBytes), the writer held from the first part to finish()
// so that no other file comes between the parts. Without a turn to wait for, a stream that finds
// the writer held by another file's stream goes on holding, up to three times the hold, before it
// waits: two threads on two large files would otherwise take turns searching. Only what is final is written, and only up to
// the end of a final matching line: lines the binary policy may still take back, and context
// lines whose match may be taken back, stay in the block.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "cli/output_writer.h"
#include "core/print/output_plan.h"
#include "core/print/standard_format.h"
#include "core/search/line_stream.h"

namespace codescout::cli {

// The streams' blocks, reused from file to file: a block keeps its pages and its capacity for
// the next file. A fresh block per file was faulted in page by page and grew by copying (in a
// profile of '\w+_\w+_\w+_\w+_\w+' over the AMD register headers, anonymous page faults were
// about a sixth of the CPU time). Keeps about two blocks per core: unsorted, a stream is open per
// thread; in path order many small files may wait for their turn with a stream each, and their
// blocks are not worth keeping (freed, they do not stay in the peak RSS).
class BlockPool {
public:
    BlockPool();
    std::string take();
    void give_back(std::string block);

private:
    static constexpr std::size_t kMaxKeptCapacity = 32u << 20;
    const std::size_t max_kept_;
    std::mutex mutex_;
    std::vector<std::string> blocks_;
};

class StandardLineStream final : public LineStream {
public:
    // `turn`: waited for before the first part is written (path order), or nullptr. `plan`,
    // `writer` and `pool` must outlive the stream; `turn` must outlive the file's search.
    StandardLineStream(const OutputPlan& plan, OutputWriter& writer, BlockPool& pool, std::string path,
                       TurnGate* turn, std::size_t hold_bytes);
    ~StandardLineStream() override;
    StandardLineStream(const StandardLineStream&) = delete;
    StandardLineStream& operator=(const StandardLineStream&) = delete;

    void line(const LineRecord& line, bool terminated) override;
    void final_before(std::uint64_t offset) override;
    TakenBack take_back_from(std::uint64_t offset) override;
    std::size_t held_bytes() const override { return block_.capacity(); }

    // The file is done (`result` holds its counts and binary finding): writes the rest, then
    // lets other files write. Returns false once the output is closed.
    bool finish(const FileResult& result);

private:
    // A line that is not final yet: where its output starts in the block (heading and "--"
    // included), and what the format looked like before it.
    struct Pending {
        std::uint64_t offset;
        std::size_t at;
        std::uint32_t spans;
        bool context;
        StandardLinesFormat::State before;
    };
    // Writes the writable part of the block when there is enough of it.
    void write_some();

    OutputWriter& writer_;
    BlockPool& pool_;
    const std::string path_;  // before format_, which views it
    const OutputPlan& plan_;
    StandardLinesFormat format_;
    TurnGate* const turn_;
    const std::size_t hold_bytes_;
    // A block that must grow grows to this at once (the hold, a part, and what is not final):
    // growing by doubling left the smaller copies behind in the heap, and the last doubling
    // took twice the hold.
    const std::size_t full_capacity_;
    const std::size_t most_held_;  // past the hold while the writer is busy, at most this

    std::string block_;             // formatted, not written yet
    std::deque<Pending> pending_;   // the lines in the block that are not final, in order
    std::uint64_t final_ = 0;       // lines starting before this offset are final
    std::size_t writable_ = 0;      // block_[0, writable_) ends after a final matching line
    std::optional<OutputWriter::FileParts> parts_;  // held from the first written part on
    bool open_ = true;              // false once the output closed (or the search stopped)
};

}  // namespace codescout::cli
