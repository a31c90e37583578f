// RgBinaryPolicy: ripgrep's NUL rules on top of its replayed buffer fills (see rg_binary_policy.h).
#include "cli/rg_compat/rg_binary_policy.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>

#include <sys/stat.h>

#include "cli/rg_compat/rg_fill_model.h"

namespace codescout {

namespace {

// Drops the lines at or after `cut` (those rg never searched) and their counts. Needed because
// our reads end elsewhere than rg's: by the time rg's read with the NUL shows up, we may have
// scanned lines that rg had not.
void truncate_at(FileResult& result, std::uint64_t cut) {
    if (result.stream) {
        // Streamed lines from `cut` on are not final yet (final_before() is at most the cut).
        const TakenBack taken = result.stream->take_back_from(cut);
        result.matched_lines -= std::min(result.matched_lines, taken.matched_lines);
        result.matches -= std::min(result.matches, taken.matches);
        return;
    }
    auto first_dropped = std::find_if(result.lines.begin(), result.lines.end(),
                                      [cut](const LineRecord& line) { return line.byte_offset >= cut; });
    for (auto it = first_dropped; it != result.lines.end(); ++it) {
        if (it->is_context) continue;
        if (result.matched_lines > 0) --result.matched_lines;
        result.matches -= std::min<std::uint64_t>(result.matches, it->spans.size());
    }
    result.lines.erase(first_dropped, result.lines.end());
}

class RgBinaryCheck final : public BinaryCheck {
public:
    RgBinaryCheck(RgBinaryMode mode, bool standard_input, const ReportOptions& report, bool json)
        : mode_(mode), fills_(standard_input, std::max(report.before_context, report.after_context)),
          report_mode_(report.mode), passthru_(report.passthru), json_(json) {
        if (report.max_count) fills_.record_fills();
    }

    // rg's multi-line searcher: it looks for a NUL in the first 64 KiB, then only inside each
    // range it hands to the printer. A walked file quits there; for a named one the standard
    // and JSON printers refuse to print from there on (the range still counts as a match),
    // while -c and -l go on counting.
    WholeTextRule whole_text(std::string_view text) override {
        whole_ = true;
        const std::size_t head = static_cast<std::size_t>(std::min<std::uint64_t>(text.size(), RgFillModel::kInitialCapacity));
        if (const void* nul = std::memchr(text.data(), '\0', head)) {
            head_nul_ = static_cast<std::uint64_t>(static_cast<const char*>(nul) - text.data());
        }
        if (mode_ == RgBinaryMode::Quit) return {ReportedNul::StopBefore, head_nul_};
        if (report_mode_ == ReportMode::Lines && !json_) return {ReportedNul::StopCounted, head_nul_};
        return {ReportedNul::Note, head_nul_};
    }

    BlockVerdict inspect(std::string_view block, std::uint64_t offset) override {
        if (whole_) {
            // A walked file with a NUL in its first 64 KiB is not searched at all.
            if (mode_ == RgBinaryMode::Quit && head_nul_) return {BlockAction::StopAt, offset};
            return {};
        }
        switch (mode_) {
        case RgBinaryMode::Quit:
            fills_.feed(block.data(), block.size(), offset);
            if (fills_.nul_seen()) return {BlockAction::StopAt, fills_.searched_end()};
            return {};
        case RgBinaryMode::ConvertSlice:
            // rg looks for a NUL in the first 64 KiB of a mapped file before searching it.
            if (!slice_nul_upfront_ && offset < RgFillModel::kInitialCapacity) {
                const std::size_t head = static_cast<std::size_t>(
                    std::min<std::uint64_t>(block.size(), RgFillModel::kInitialCapacity - offset));
                if (const void* nul = std::memchr(block.data(), '\0', head)) {
                    slice_nul_upfront_ = true;
                    slice_nul_offset_ = offset + static_cast<std::uint64_t>(static_cast<const char*>(nul) - block.data());
                }
            }
            return {};
        case RgBinaryMode::ConvertStream:
            if (!fills_.nul_seen()) fills_.feed(block.data(), block.size(), offset);
            if (fills_.nul_seen()) return {BlockAction::ConvertNuls, 0};
            return {};
        }
        return {};
    }

    // rg reads a file with a BOM, or any file with -E, through its decoder: as a stream, also
    // when it would have memory-mapped it.
    void decoding(const DecodingPlan& plan) override {
        if (mode_ == RgBinaryMode::ConvertSlice) mode_ = RgBinaryMode::ConvertStream;
        if (plan.skip > 0) fills_.skip_bom_peek(plan.skip);
    }

    // -l or -m finished early: rg still had the rest of the read holding the last reported line
    // to look at for a NUL, which decides whether it warns.
    // A walked file's lines may stream: a NUL takes back only the lines from searched_end() on,
    // which never goes back (the other modes look at printed lines, or cut them unprinted).
    bool lines_may_stream() const override { return mode_ == RgBinaryMode::Quit && !whole_; }
    std::uint64_t final_before() const override { return fills_.searched_end(); }

    bool wants_more(const ScanEnd& end) const override {
        return mode_ == RgBinaryMode::Quit && end.finished_early && !fills_.nul_seen() &&
               fills_.completed_reads_end() < end.last_line_end;
    }

    void settle(const ScanEnd& end, FileResult& result, bool& binary) override {
        if (whole_) {
            settle_whole(end, result, binary);
            return;
        }
        // -m satisfied: rg counts as searched what its reader had consumed (a mapped file: up
        // to the end of the last line it looked at).
        if (end.finished_early) {
            result.counted_end =
                mode_ == RgBinaryMode::ConvertSlice ? end.last_line_end : fills_.consumed_before(end.last_line_end);
        }
        switch (mode_) {
        case RgBinaryMode::Quit:
            settle_quit(end, result, binary);
            return;
        case RgBinaryMode::ConvertSlice:
            if (slice_nul_upfront_) {
                result.binary = {BinaryAction::SearchedThrough, slice_nul_offset_, 0};
                return;
            }
            // Otherwise rg notices a NUL only inside a line it hands to the printer.
            for (const LineRecord& line : result.lines) {
                const std::size_t nul = line.text.find('\0');
                if (nul == std::string::npos) continue;
                result.binary = {BinaryAction::SearchedThrough, line.byte_offset + nul, line.byte_offset};
                return;
            }
            return;
        case RgBinaryMode::ConvertStream:
            if (!fills_.nul_seen()) return;
            result.binary = {BinaryAction::SearchedThrough, fills_.nul_offset(), fills_.searched_end()};
            return;
        }
    }

private:
    // A walked file: rg quits at the read that brings the NUL.
    void settle_quit(const ScanEnd& end, FileResult& result, bool& binary) const {
        if (!fills_.nul_seen()) return;
        // -m or -l satisfied before the read with the NUL: rg never read that far either.
        if (end.finished_early && end.last_line_end <= fills_.searched_end()) return;
        // What rg had searched when it quit: the lines before the read with the NUL (its
        // statistics count them, binary_policy.h). -l stopped at a match past them (see
        // above), so it had none. -c keeps no lines to cut: its counts are exact when our
        // block with the NUL starts no later than rg's read with it (always in a file of
        // one block, 256 KiB by default); otherwise the lines between are counted too.
        truncate_at(result, fills_.searched_end());
        if (report_mode_ == ReportMode::FilesWithMatches) result.matched_lines = result.matches = 0;
        result.binary.text_end = fills_.searched_end();
        // -l: the first match came in the read with the NUL, which rg quit before searching;
        // rg -c prints nothing for a file it quit on; without matches before the NUL it is
        // binary — unless --passthru printed the lines before it (then without a note).
        const bool printed_lines = passthru_ && fills_.searched_end() > 0;
        if (report_mode_ != ReportMode::Lines || (result.matched_lines == 0 && !printed_lines)) {
            binary = true;
            return;
        }
        result.binary = {BinaryAction::Stopped, fills_.nul_offset(), fills_.searched_end()};
    }

    void settle_whole(const ScanEnd& end, FileResult& result, bool& binary) const {
        if (mode_ == RgBinaryMode::Quit) {
            if (head_nul_) {  // not searched at all
                result.binary.text_end = 0;
                binary = true;
                return;
            }
            if (!end.reported_nul) return;
            // As in line mode: -c prints nothing for a file rg quit on, nor does a file without
            // a match before the NUL print anything.
            if (report_mode_ != ReportMode::Lines || result.matched_lines == 0) {
                binary = true;
                return;
            }
            result.binary = {BinaryAction::Stopped, end.reported_nul->nul_offset, end.reported_nul->range_start,
                             end.reported_nul->context_break};
            return;
        }
        if (head_nul_) {
            result.binary = {BinaryAction::SearchedThrough, *head_nul_, 0, false};
        } else if (end.reported_nul) {
            result.binary = {BinaryAction::SearchedThrough, end.reported_nul->nul_offset, end.reported_nul->range_start,
                             end.reported_nul->context_break};
        }
    }

    bool whole_ = false;                       // a multi-line search: the whole text at once
    std::optional<std::uint64_t> head_nul_;    // ... with a NUL in its first 64 KiB, here
    RgBinaryMode mode_;
    RgFillModel fills_;
    ReportMode report_mode_;
    bool passthru_;
    bool json_;
    bool slice_nul_upfront_ = false;  // ConvertSlice: a NUL in the first 64 KiB ...
    std::uint64_t slice_nul_offset_ = 0;  // ... at this offset
};

class TextCheck final : public BinaryCheck {
public:
    BlockVerdict inspect(std::string_view, std::uint64_t) override { return {}; }
    bool wants_more(const ScanEnd&) const override { return false; }
    void settle(const ScanEnd&, FileResult&, bool&) override {}
    bool lines_may_stream() const override { return true; }
    std::uint64_t final_before() const override { return UINT64_MAX; }
};

class TextPolicy final : public BinaryPolicy {
public:
    std::unique_ptr<BinaryCheck> check_for(const InputSpec&) const override { return std::make_unique<TextCheck>(); }
};

}  // namespace

std::shared_ptr<const BinaryPolicy> rg_text_policy() {
    static const auto policy = std::make_shared<const TextPolicy>();
    return policy;
}

RgBinaryMode rg_named_input_mode(const std::vector<std::filesystem::path>& roots) {
    // rg memory-maps named files (and so sees a late NUL only inside a printed line) when there
    // are at most 10 paths and all are regular files; otherwise it reads them as streams.
    if (roots.size() > 10) return RgBinaryMode::ConvertStream;
    for (const auto& root : roots) {
        struct stat st {};
        if (root == "-" || ::stat(root.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
            return RgBinaryMode::ConvertStream;
        }
    }
    return RgBinaryMode::ConvertSlice;
}

RgBinaryPolicy::RgBinaryPolicy(RgBinaryMode named_mode, const ReportOptions& report, bool json)
    : named_mode_(named_mode), report_(report), json_(json) {}

std::unique_ptr<BinaryCheck> RgBinaryPolicy::check_for(const InputSpec& input) const {
    switch (input.origin) {
    case InputOrigin::Walked: return std::make_unique<RgBinaryCheck>(RgBinaryMode::Quit, false, report_, json_);
    case InputOrigin::Named: return std::make_unique<RgBinaryCheck>(named_mode_, false, report_, json_);
    case InputOrigin::Stdin: return std::make_unique<RgBinaryCheck>(RgBinaryMode::ConvertStream, true, report_, json_);
    }
    return nullptr;
}

}  // namespace codescout
