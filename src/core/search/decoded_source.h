// The byte sources a FileRun reads its blocks from, and the decoding stage between a file and the
// scanner: DecodingSource pulls raw bytes from another source and hands out UTF-8, in blocks of
// any size (a character cut by a block end is completed in the next block; decoder.h). Its raw
// buffer is the FileSearcher's, counted under EngineComponent::DecodeBuffers; its output goes
// into the caller's block, so a decoded file needs at most one raw buffer more than a buffered one.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include <sys/types.h>

#include "core/encoding/decoder.h"
#include "core/io/read_buffer.h"

namespace codescout {

class ByteSource {
public:
    virtual ~ByteSource() = default;
    // Up to `size` bytes into `into`; 0 at the end; -1 with errno set when reading failed.
    virtual ssize_t read(char* into, std::size_t size) = 0;
    // True when the source knows it has nothing more (saves the read() that would return 0).
    virtual bool exhausted() const = 0;
};

// An open file: read() until `size` bytes (a size known from fstat), or until EOF when 0.
class FdSource final : public ByteSource {
public:
    FdSource(int fd, std::uint64_t size) : fd_(fd), size_(size) {}
    ssize_t read(char* into, std::size_t size) override;
    bool exhausted() const override { return size_ > 0 && total_ >= size_; }

private:
    int fd_;
    std::uint64_t size_;
    std::uint64_t total_ = 0;
};

// Bytes already in memory (a small file read whole).
class MemorySource final : public ByteSource {
public:
    explicit MemorySource(std::string_view bytes) : rest_(bytes) {}
    ssize_t read(char* into, std::size_t size) override;
    bool exhausted() const override { return rest_.empty(); }

private:
    std::string_view rest_;
};

// The first bytes of a file, read before its strategy was chosen (FileRun::run_unsized), then
// the rest of it from `rest`. `head` must outlive this object.
class HeadThenRest final : public ByteSource {
public:
    HeadThenRest(std::string_view head, ByteSource& rest) : head_(head), rest_(rest) {}
    ssize_t read(char* into, std::size_t size) override;
    bool exhausted() const override { return head_.empty() && rest_.exhausted(); }

private:
    std::string_view head_;
    ByteSource& rest_;
};

class DecodingSource final : public ByteSource {
public:
    // `prefix`: raw bytes already taken from `raw` (the block the BOM was sniffed in, after the
    // BOM), decoded first. `raw_buffer` must outlive this object.
    DecodingSource(ByteSource& raw, std::unique_ptr<Decoder> decoder, ReadBuffer& raw_buffer, std::string_view prefix);
    ssize_t read(char* into, std::size_t size) override;
    bool exhausted() const override { return false; }

    static constexpr std::size_t kRawBlock = 64 * 1024;

private:
    ByteSource& raw_;
    std::unique_ptr<Decoder> decoder_;
    ReadBuffer& buffer_;
    std::size_t pos_ = 0;  // raw bytes buffer_[pos_, len_) are still to decode
    std::size_t len_ = 0;
    bool raw_end_ = false;
    bool at_start_ = true;  // the decoder's own BOM may still be dropped
    std::array<char, 8> spill_{};  // decoded bytes for a caller that asked for fewer than 8
    std::size_t spill_len_ = 0;
    std::size_t spill_used_ = 0;
};

}  // namespace codescout
