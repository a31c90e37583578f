// RgFillModel: ripgrep's buffer fills, replayed on offsets (see rg_fill_model.h).
#include "cli/rg_compat/rg_fill_model.h"

#include <algorithm>
#include <cstring>

namespace codescout {

void RgFillModel::skip_bom_peek(std::uint64_t bom_length) {
    read_end_ = standard_input_ ? kStdinBuffer - std::min(bom_length, kStdinBuffer) : kInitialCapacity;
    first_read_done_ = true;
}

void RgFillModel::feed(const char* data, std::size_t size, std::uint64_t offset) {
    std::size_t pos = 0;
    while (!nul_seen_ && pos < size) {
        const std::uint64_t at = offset + pos;
        const std::size_t take = static_cast<std::size_t>(std::min<std::uint64_t>(size - pos, read_end_ - at));
        const char* segment = data + pos;
        if (const void* nul = std::memchr(segment, '\0', take)) {
            nul_seen_ = true;
            nul_offset_ = at + static_cast<std::uint64_t>(static_cast<const char*>(nul) - segment);
            return;
        }
        if (context_lines_ > 0) note_line_ends(segment, take, at);
        if (const void* newline = ::memrchr(segment, '\n', take)) {
            newline_in_read_ = true;
            last_newline_end_ = at + static_cast<std::uint64_t>(static_cast<const char*>(newline) - segment) + 1;
        }
        pos += take;
        if (offset + pos < read_end_) continue;
        completed_reads_end_ = read_end_;
        // The replayed read() is complete. With a line end in it the fill is done and searched;
        // the incomplete last line moves to the buffer's front and the next read fills the rest.
        // Without one, rg reads on into the same buffer, doubling it when it is full.
        if (newline_in_read_) {
            if (recording_) fills_.push_back(Fill{last_newline_end_, buffer_start_});
            searched_end_ = last_newline_end_;
            buffer_start_ = context_lines_ > 0 ? kept_lines_start() : searched_end_;
        }
        newline_in_read_ = false;
        if (read_end_ - buffer_start_ >= capacity_) capacity_ += std::max(kInitialCapacity, capacity_);
        read_end_ = buffer_start_ + capacity_;
        // Stdin's buffer read 8 KiB when the decoder peeked; the next read gets only the rest.
        if (standard_input_ && !first_read_done_) read_end_ = std::min(read_end_, kStdinBuffer);
        first_read_done_ = true;
    }
}

std::uint64_t RgFillModel::consumed_before(std::uint64_t line_end) const {
    const auto fill = std::lower_bound(fills_.begin(), fills_.end(), line_end,
                                       [](const Fill& f, std::uint64_t end) { return f.searched_end < end; });
    if (fill != fills_.end()) return fill->consumed;
    // A last line without a line end: the read that reached the file's end had one before it,
    // which made that fill; the next, at the end, rolled the buffer up to it first.
    if (newline_in_read_ && line_end > last_newline_end_) {
        return context_lines_ > 0 ? kept_lines_start() : last_newline_end_;
    }
    // In the fill being read (its lines are searched once it is done).
    return buffer_start_;
}

void RgFillModel::note_line_ends(const char* segment, std::size_t size, std::uint64_t at) {
    // Only the newest context_lines_ + 2 line ends matter: look for them backwards from the end of
    // the segment (a few memrchr calls, not one per line of the file).
    const std::size_t ring = context_lines_ + 2;
    if (line_ends_.empty()) line_ends_.resize(ring);
    std::uint64_t found[64];
    const std::size_t wanted = std::min<std::size_t>(ring, sizeof found / sizeof *found);
    std::size_t count = 0;
    std::size_t end = size;
    while (count < wanted && end > 0) {
        const void* newline = ::memrchr(segment, '\n', end);
        if (newline == nullptr) break;
        end = static_cast<std::size_t>(static_cast<const char*>(newline) - segment);
        found[count++] = at + end + 1;
    }
    if (count == wanted && wanted < ring) {
        // More context lines than the quick path holds: note every line end of the segment.
        for (const char* p = segment; (p = static_cast<const char*>(std::memchr(p, '\n', size - static_cast<std::size_t>(p - segment)))) != nullptr;) {
            ++p;
            line_ends_[next_] = at + static_cast<std::uint64_t>(p - segment);
            next_ = (next_ + 1) % ring;
            ++seen_;
            if (p == segment + size) break;
        }
        return;
    }
    for (std::size_t i = count; i-- > 0;) {  // oldest first
        line_ends_[next_] = found[i];
        next_ = (next_ + 1) % ring;
        ++seen_;
    }
}

// grep-searcher's roll keeps lines::preceding(buffer, context): the last context + 1 lines of
// the searched part, never reaching before the buffer's start.
std::uint64_t RgFillModel::kept_lines_start() const {
    // The newest end is searched_end_; the kept lines start at the end (context + 2) back,
    // which is the oldest entry of the full ring: the one next_ points at.
    if (seen_ < line_ends_.size()) return buffer_start_;
    return std::max(buffer_start_, line_ends_[next_]);
}

}  // namespace codescout
