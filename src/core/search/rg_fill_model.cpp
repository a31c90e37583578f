// RgFillModel: ripgrep's buffer fills, replayed on offsets (see rg_fill_model.h).
#include "core/search/rg_fill_model.h"

#include <algorithm>
#include <cstring>

namespace codescout {

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
        if (const void* newline = ::memrchr(segment, '\n', take)) {
            newline_in_read_ = true;
            last_newline_end_ = at + static_cast<std::uint64_t>(static_cast<const char*>(newline) - segment) + 1;
        }
        pos += take;
        if (offset + pos < read_end_) continue;
        // The replayed read() is complete. With a line end in it the fill is done and searched;
        // the incomplete last line moves to the buffer's front and the next read fills the rest.
        // Without one, rg reads on into the same buffer, doubling it when it is full.
        if (newline_in_read_) searched_end_ = last_newline_end_;
        newline_in_read_ = false;
        if (read_end_ - searched_end_ >= capacity_) capacity_ += std::max(kInitialCapacity, capacity_);
        read_end_ = searched_end_ + capacity_;
        // Stdin's buffer read 8 KiB when the decoder peeked; the next read gets only the rest.
        if (standard_input_ && !first_read_done_) read_end_ = std::min(read_end_, kStdinBuffer);
        first_read_done_ = true;
    }
}

}  // namespace codescout
