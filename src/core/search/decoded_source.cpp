// Byte sources and the decoding stage (see decoded_source.h).
#include "core/search/decoded_source.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <unistd.h>

namespace codescout {

ssize_t FdSource::read(char* into, std::size_t size) {
    // A known size is read exactly: what grows after fstat is not ours to search.
    if (size_ > 0) size = static_cast<std::size_t>(std::min<std::uint64_t>(size, size_ - std::min(total_, size_)));
    if (size == 0) return 0;
    ssize_t n;
    do {
        n = ::read(fd_, into, size);
    } while (n < 0 && errno == EINTR);
    if (n > 0) total_ += static_cast<std::uint64_t>(n);
    return n;
}

ssize_t MemorySource::read(char* into, std::size_t size) {
    const std::size_t n = std::min(size, rest_.size());
    std::memcpy(into, rest_.data(), n);
    rest_.remove_prefix(n);
    return static_cast<ssize_t>(n);
}

ssize_t HeadThenRest::read(char* into, std::size_t size) {
    if (head_.empty()) return rest_.read(into, size);
    const std::size_t n = std::min(size, head_.size());
    std::memcpy(into, head_.data(), n);
    head_.remove_prefix(n);
    // The first block must be as full as a plain read would fill it: a BOM or an encoding is
    // sniffed in it, and a head of a few bytes (a tiny small-file threshold) would hide them.
    if (!head_.empty() || n == size || rest_.exhausted()) return static_cast<ssize_t>(n);
    const ssize_t more = rest_.read(into + n, size - n);
    // A failed read after the head: the head is returned now, the failure again by the next read.
    return static_cast<ssize_t>(n) + std::max<ssize_t>(more, 0);
}

DecodingSource::DecodingSource(ByteSource& raw, std::unique_ptr<Decoder> decoder, ReadBuffer& raw_buffer,
                               std::string_view prefix)
    : raw_(raw), decoder_(std::move(decoder)), buffer_(raw_buffer) {
    buffer_.reserve(std::max(kRawBlock, prefix.size()));
    // memcpy from an empty view's null pointer is undefined even for no bytes (UBSan says so).
    if (!prefix.empty()) std::memcpy(buffer_.data(), prefix.data(), prefix.size());
    len_ = prefix.size();
}

ssize_t DecodingSource::read(char* into, std::size_t size) {
    if (size == 0) return 0;
    if (spill_used_ < spill_len_) {
        const std::size_t n = std::min(size, spill_len_ - spill_used_);
        std::memcpy(into, spill_.data() + spill_used_, n);
        spill_used_ += n;
        return static_cast<ssize_t>(n);
    }
    if (size < spill_.size()) {
        // Too little room for one character: decode into the spill buffer and hand it out piecewise.
        const ssize_t n = read(spill_.data(), spill_.size());
        if (n <= 0) return n;
        spill_len_ = static_cast<std::size_t>(n);
        spill_used_ = 0;
        return read(into, size);
    }
    for (;;) {
        if (pos_ == len_ && !raw_end_) {
            const ssize_t n = raw_.read(buffer_.data(), buffer_.capacity());
            if (n < 0) return -1;
            pos_ = 0;
            len_ = static_cast<std::size_t>(n);
            raw_end_ = n == 0 || raw_.exhausted();
        }
        const std::string_view pending(buffer_.data() + pos_, len_ - pos_);
        if (at_start_ && (!pending.empty() || raw_end_)) {
            // encoding_rs's decoders "with BOM removal" drop a BOM of their own encoding, even
            // right after the one the sniffing dropped.
            const std::string_view bom = decoder_->own_bom();
            if (!bom.empty() && pending.starts_with(bom)) pos_ += bom.size();
            at_start_ = false;
            continue;
        }
        const DecodeStep step = decoder_->decode(pending, into, size, raw_end_);
        pos_ += step.consumed;
        if (step.produced > 0) return static_cast<ssize_t>(step.produced);
        if (raw_end_ && pos_ == len_) return 0;
    }
}

}  // namespace codescout
