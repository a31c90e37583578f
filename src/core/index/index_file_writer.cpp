// See index_file_writer.h.
#include "core/index/index_file_writer.h"

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <stdexcept>
#include <string>

#include <fcntl.h>
#include <unistd.h>

#include "core/index/checksum.h"
#include "core/index/posting_codec.h"
#include "core/index/temp_file.h"
#include "core/index/varint.h"

namespace codescout {

namespace {

namespace fmt = index_format;

constexpr std::size_t kFlushAt = 1 << 20;
const std::string kTempMarker = ".tmp.";

[[noreturn]] void fail(const std::string& what, int error) {
    throw std::runtime_error(what + ": " + std::strerror(error));
}

void write_all(int fd, const char* data, std::size_t size, std::uint64_t offset, const std::string& path) {
    while (size > 0) {
        const ssize_t n = ::pwrite(fd, data, size, static_cast<off_t>(offset));
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("cannot write the index " + path, errno);
        }
        data += n;
        size -= static_cast<std::size_t>(n);
        offset += static_cast<std::uint64_t>(n);
    }
}

}  // namespace

IndexFileWriter::IndexFileWriter(std::filesystem::path target, std::filesystem::path scratch_dir)
    : target_(std::move(target)) {
    temp_path_ = target_;
    temp_path_ += kTempMarker + std::to_string(::getpid());
    fd_ = ::open(temp_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd_ < 0) fail("cannot create the index file " + temp_path_.string(), errno);
    trigram_table_ = std::make_unique<TempFile>(scratch_dir);
    buffer_.reserve(kFlushAt + 4096);
    std::memcpy(header_.magic, fmt::kMagic, sizeof header_.magic);
    header_.version = fmt::kVersion;
    header_.byte_order = fmt::kByteOrderMark;
    // The header is written last, at offset 0; until then its bytes are zeros (an invalid magic).
    buffer_.assign(sizeof(fmt::Header), '\0');
    offset_ = 0;
}

IndexFileWriter::~IndexFileWriter() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) ::unlink(temp_path_.c_str());
}

void IndexFileWriter::write(std::string_view bytes) {
    buffer_.append(bytes);
    if (buffer_.size() >= kFlushAt) {
        write_all(fd_, buffer_.data(), buffer_.size(), offset_, temp_path_.string());
        offset_ += buffer_.size();
        buffer_.clear();
    }
}

void IndexFileWriter::align() {
    const std::uint64_t position = offset_ + buffer_.size();
    const std::uint64_t pad = (8 - position % 8) % 8;
    if (pad > 0) write(std::string_view("\0\0\0\0\0\0\0", pad));
}

void IndexFileWriter::add_section(fmt::Section section, std::string_view bytes) {
    align();
    fmt::SectionRecord& record = header_.sections[section];
    record.offset = offset_ + buffer_.size();
    record.size = bytes.size();
    record.checksum = checksum_of(bytes);
    write(bytes);
    if (section == fmt::PathTable) {
        align();
        header_.sections[fmt::Postings].offset = offset_ + buffer_.size();
    }
}

void IndexFileWriter::add_posting_list(std::uint32_t trigram, const std::vector<Posting>& postings) {
    list_.clear();
    std::uint32_t previous = 0;
    for (const Posting& p : postings) {
        append_posting(list_, p.id - previous, p.masks);
        previous = p.id;
    }
    fmt::TrigramRecord record;
    record.trigram = trigram;
    record.count = static_cast<std::uint32_t>(postings.size());
    record.offset = postings_size_;
    record.checksum = checksum_of(list_);
    trigram_table_->write(std::string_view(reinterpret_cast<const char*>(&record), sizeof record));
    ++trigram_count_;
    postings_size_ += list_.size();
    write(list_);
}

std::uint64_t IndexFileWriter::commit(const Totals& totals) {
    header_.sections[fmt::Postings].size = postings_size_;
    align();
    fmt::SectionRecord& table = header_.sections[fmt::Trigrams];
    table.offset = offset_ + buffer_.size();
    table.size = trigram_table_->size();
    Checksum table_sum;
    trigram_table_->rewind_for_reading();
    std::string block(1 << 20, '\0');
    for (;;) {
        const std::size_t got = trigram_table_->read(block.data(), block.size());
        if (got == 0) break;
        table_sum.update(block.data(), got);
        write(std::string_view(block.data(), got));
    }
    table.checksum = table_sum.value();
    write_all(fd_, buffer_.data(), buffer_.size(), offset_, temp_path_.string());
    offset_ += buffer_.size();
    buffer_.clear();

    if (totals.max_bytes > 0 && offset_ > totals.max_bytes) {
        throw IndexTooLarge("the index would take " + std::to_string(offset_) + " bytes, over the limit of " +
                                 std::to_string(totals.max_bytes));
    }
    header_.file_size = offset_;
    header_.built_unix_ns = totals.built_unix_ns;
    header_.file_count = totals.file_count;
    header_.indexed_files = totals.indexed_files;
    header_.trigram_count = trigram_count_;
    header_.source_bytes = totals.source_bytes;
    header_.dir_count = totals.dir_count;
    header_.input_count = totals.input_count;
    header_.walk_flags = totals.walk_flags;
    header_.document_count = totals.document_count;
    header_.header_checksum = checksum_of(&header_, offsetof(fmt::Header, header_checksum));
    write_all(fd_, reinterpret_cast<const char*>(&header_), sizeof header_, 0, temp_path_.string());

    if (::fsync(fd_) != 0) fail("cannot sync the index " + temp_path_.string(), errno);
    ::close(fd_);
    fd_ = -1;
    if (::rename(temp_path_.c_str(), target_.c_str()) != 0) {
        fail("cannot move the index into place at " + target_.string(), errno);
    }
    committed_ = true;
    const int dir = ::open(target_.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);  // the rename itself must survive a crash too
        ::close(dir);
    }
    return header_.file_size;
}

void IndexFileWriter::remove_leftovers(const std::filesystem::path& target) {
    std::error_code ec;
    const std::string prefix = target.filename().string() + kTempMarker;
    for (const auto& entry : std::filesystem::directory_iterator(target.parent_path(), ec)) {
        if (entry.path().filename().string().starts_with(prefix)) std::filesystem::remove(entry.path(), ec);
    }
}

}  // namespace codescout
