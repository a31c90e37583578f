// Streamed standard output of one file (see standard_line_stream.h).
#include "cli/standard_line_stream.h"

#include <algorithm>
#include <thread>
#include <utility>

#include "core/print/format_drain.h"

namespace codescout::cli {

BlockPool::BlockPool() : max_kept_(2 * std::max(1u, std::thread::hardware_concurrency()) + 2) {}

std::string BlockPool::take() {
    std::lock_guard lock(mutex_);
    if (blocks_.empty()) return {};
    std::string block = std::move(blocks_.back());
    blocks_.pop_back();
    return block;
}

void BlockPool::give_back(std::string block) {
    if (block.capacity() > kMaxKeptCapacity) return;
    block.clear();
    std::lock_guard lock(mutex_);
    if (blocks_.size() < max_kept_) blocks_.push_back(std::move(block));
}

StandardLineStream::StandardLineStream(const OutputPlan& plan, OutputWriter& writer, BlockPool& pool, std::string path,
                                       TurnGate* turn, std::size_t hold_bytes)
    : writer_(writer), pool_(pool), path_(std::move(path)), plan_(plan), format_(path_, plan_), turn_(turn),
      hold_bytes_(std::max(hold_bytes, kFormatPartBytes)), full_capacity_(hold_bytes_ + 2 * kFormatPartBytes),
      most_held_(turn != nullptr ? hold_bytes_ : 3 * hold_bytes_), block_(pool.take()) {}

StandardLineStream::~StandardLineStream() { pool_.give_back(std::move(block_)); }

void StandardLineStream::line(const LineRecord& line, bool terminated) {
    if (!open_) return;
    const std::size_t at = block_.size();
    const bool final = line.byte_offset < final_;
    if (!final) {
        pending_.push_back(Pending{line.byte_offset, at, static_cast<std::uint32_t>(line.spans.size()), line.is_context,
                                   format_.state()});
    }
    if (block_.size() + line.text.size() + path_.size() + 64 > block_.capacity()) {
        // Straight to the size it needs (see full_capacity_), past the hold to the most held.
        if (block_.capacity() < full_capacity_) block_.reserve(full_capacity_);
        else if (block_.capacity() < most_held_ + 2 * kFormatPartBytes) block_.reserve(most_held_ + 2 * kFormatPartBytes);
    }
    format_.line(line, terminated, block_);
    if (final && !line.is_context) {
        writable_ = block_.size();
        write_some();
    }
}

void StandardLineStream::final_before(std::uint64_t offset) {
    final_ = std::max(final_, offset);
    while (!pending_.empty() && pending_.front().offset < final_) {
        const Pending done = pending_.front();
        pending_.pop_front();
        if (!done.context) writable_ = pending_.empty() ? block_.size() : pending_.front().at;
    }
    write_some();
}

TakenBack StandardLineStream::take_back_from(std::uint64_t offset) {
    TakenBack taken;
    const auto first = std::find_if(pending_.begin(), pending_.end(), [offset](const Pending& p) { return p.offset >= offset; });
    if (first == pending_.end()) return taken;
    for (auto it = first; it != pending_.end(); ++it) {
        if (it->context) continue;
        ++taken.matched_lines;
        taken.matches += it->spans;
    }
    block_.resize(first->at);
    writable_ = std::min(writable_, block_.size());
    format_.restore(first->before);
    pending_.erase(first, pending_.end());
    return taken;
}

void StandardLineStream::write_some() {
    if (!open_) return;
    if (!parts_) {
        // Most files print little: they go out whole at finish(), and hold the writer only then.
        if (writable_ < hold_bytes_) return;
        if (turn_ != nullptr) {
            if (!turn_->wait_for_turn()) {
                open_ = false;
                return;
            }
            parts_.emplace(writer_, file_separator(plan_));
        } else {
            parts_.emplace(writer_, file_separator(plan_), std::try_to_lock);
            if (!parts_->held()) {
                parts_.reset();
                if (writable_ < most_held_) return;  // held by another file: hold more meanwhile
                parts_.emplace(writer_, file_separator(plan_));
            }
        }
    }
    if (writable_ < kFormatPartBytes) return;
    open_ = parts_->write(std::string_view(block_).substr(0, writable_)) && open_;
    block_.erase(0, writable_);
    for (Pending& pending : pending_) pending.at -= writable_;
    writable_ = 0;
}

bool StandardLineStream::finish(const FileResult& result) {
    format_.end(result, block_);
    if (!open_) return false;
    bool go_on = true;
    if (parts_) {
        go_on = parts_->write(block_);
        parts_.reset();
    } else {
        // rg puts the file separator before a file's first line: one that prints only its note gets none.
        go_on = writer_.write_block(block_, format_.printed_a_line() ? file_separator(plan_) : std::string_view());
    }
    block_.clear();
    pending_.clear();
    return go_on;
}

}  // namespace codescout::cli
