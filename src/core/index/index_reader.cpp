// See index_reader.h.
#include "core/index/index_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstring>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/index/checksum.h"
#include "core/index/posting_codec.h"
#include "core/index/varint.h"
#include "core/metrics/engine_memory.h"

namespace codescout {

namespace fmt = index_format;

const char* to_string(IndexOpenStatus status) {
    switch (status) {
    case IndexOpenStatus::Ok: return "ok";
    case IndexOpenStatus::Missing: return "missing";
    case IndexOpenStatus::ForeignVersion: return "foreign version";
    case IndexOpenStatus::Corrupt: return "corrupt";
    case IndexOpenStatus::OtherRoot: return "other root";
    }
    return "?";
}

std::uint64_t path_hash(std::string_view relative) { return checksum_of(relative); }

std::uint32_t path_slot_count(std::uint64_t file_count) {
    std::uint32_t slots = 16;
    while (slots < file_count * 2) slots *= 2;  // load factor <= 1/2: short probe chains
    return slots;
}

namespace {

IndexReader::Opened failure(IndexOpenStatus status, std::string detail) {
    IndexReader::Opened result;
    result.status = status;
    result.detail = std::move(detail);
    return result;
}

bool section_ok(const fmt::SectionRecord& s, std::uint64_t file_size) {
    return s.offset % 8 == 0 && s.offset <= file_size && s.size <= file_size - s.offset;
}

}  // namespace

IndexReader::~IndexReader() {
    if (data_ == nullptr) return;
    engine_memory().unregister_index_mapping(data_, size_);
    ::munmap(const_cast<char*>(data_), size_);
}

IndexReader::Opened IndexReader::open(const std::string& path, const std::string& expected_root) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) return failure(IndexOpenStatus::Missing, "no index at " + path);
        return failure(IndexOpenStatus::Corrupt, "cannot open " + path + ": " + std::strerror(errno));
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || st.st_size < static_cast<off_t>(sizeof(fmt::Header))) {
        ::close(fd);
        return failure(IndexOpenStatus::Corrupt, "the index is shorter than its header");
    }
    const auto size = static_cast<std::uint64_t>(st.st_size);
    void* map = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
    ::close(fd);
    if (map == MAP_FAILED) return failure(IndexOpenStatus::Corrupt, std::string("cannot map the index: ") + std::strerror(errno));
    std::shared_ptr<IndexReader> reader(new IndexReader());
    reader->data_ = static_cast<const char*>(map);
    reader->size_ = size;
    // In the memory attribution's "index_mapping" for as long as the reader lives.
    engine_memory().register_index_mapping(map, size);
    fmt::Header& h = reader->header_;
    std::memcpy(&h, reader->data_, sizeof h);

    if (std::memcmp(h.magic, fmt::kMagic, sizeof h.magic) != 0) return failure(IndexOpenStatus::Corrupt, "not an index file");
    if (h.header_checksum != checksum_of(&h, offsetof(fmt::Header, header_checksum))) {
        // A header of another version may be laid out differently: judge the version first.
        if (h.version != fmt::kVersion) {
            return failure(IndexOpenStatus::ForeignVersion, "index format " + std::to_string(h.version));
        }
        return failure(IndexOpenStatus::Corrupt, "the header's checksum does not match");
    }
    if (h.version != fmt::kVersion || h.byte_order != fmt::kByteOrderMark) {
        return failure(IndexOpenStatus::ForeignVersion, "index format " + std::to_string(h.version));
    }
    if (h.file_size != size) {
        return failure(IndexOpenStatus::Corrupt, "the index is " + std::to_string(size) + " bytes, its header says " +
                                                     std::to_string(h.file_size));
    }
    for (std::uint32_t s = 0; s < fmt::kSectionCount; ++s) {
        if (!section_ok(h.sections[s], size)) return failure(IndexOpenStatus::Corrupt, "a section lies outside the file");
        if (s == fmt::Postings) continue;
        if (checksum_of(reader->data_ + h.sections[s].offset, h.sections[s].size) != h.sections[s].checksum) {
            return failure(IndexOpenStatus::Corrupt, "section " + std::to_string(s) + " fails its checksum");
        }
    }
    const auto& files = h.sections[fmt::Files];
    const auto& trigrams = h.sections[fmt::Trigrams];
    const auto& table = h.sections[fmt::PathTable];
    if (files.size != h.file_count * sizeof(fmt::FileRecord) || trigrams.size != h.trigram_count * sizeof(fmt::TrigramRecord) ||
        h.sections[fmt::Dirs].size != h.dir_count * sizeof(fmt::DirRecord) ||
        h.sections[fmt::Inputs].size != h.input_count * sizeof(fmt::InputRecord) || h.dir_count > UINT32_MAX ||
        h.input_count > UINT32_MAX ||
        table.size != path_slot_count(h.file_count) * sizeof(std::uint32_t) || h.file_count > UINT32_MAX ||
        h.document_count < h.file_count || h.document_count > UINT32_MAX ||
        h.sections[fmt::Chunks].size != (h.document_count - h.file_count) * sizeof(std::uint32_t) ||
        h.sections[fmt::ChunkStarts].size != (h.document_count - h.file_count) * sizeof(fmt::ChunkStart)) {
        return failure(IndexOpenStatus::Corrupt, "section sizes do not match the counts");
    }
    // Meta: root path, walk settings, HOME, user excludes file; NUL-separated.
    std::string_view meta(reader->data_ + h.sections[fmt::Meta].offset, h.sections[fmt::Meta].size);
    std::string* fields[] = {&reader->root_, &reader->walk_settings_, &reader->build_home_, &reader->build_user_excludes_};
    for (std::size_t i = 0; i < std::size(fields); ++i) {
        const std::size_t nul = meta.find('\0');
        if (i + 1 < std::size(fields) && nul == std::string_view::npos) {
            return failure(IndexOpenStatus::Corrupt, "the index's meta section is incomplete");
        }
        *fields[i] = std::string(meta.substr(0, nul));
        meta = nul == std::string_view::npos ? std::string_view() : meta.substr(nul + 1);
    }
    if (!expected_root.empty() && reader->root_ != expected_root) {
        return failure(IndexOpenStatus::OtherRoot, "the index is of " + reader->root_);
    }
    reader->files_ = reinterpret_cast<const fmt::FileRecord*>(reader->data_ + files.offset);
    reader->paths_ = reader->data_ + h.sections[fmt::Paths].offset;
    reader->paths_size_ = h.sections[fmt::Paths].size;
    reader->path_slots_ = reinterpret_cast<const std::uint32_t*>(reader->data_ + table.offset);
    reader->path_slot_count_ = path_slot_count(h.file_count);
    reader->postings_ = reinterpret_cast<const unsigned char*>(reader->data_ + h.sections[fmt::Postings].offset);
    reader->trigrams_ = reinterpret_cast<const fmt::TrigramRecord*>(reader->data_ + trigrams.offset);
    reader->dirs_ = reinterpret_cast<const fmt::DirRecord*>(reader->data_ + h.sections[fmt::Dirs].offset);
    reader->inputs_ = reinterpret_cast<const fmt::InputRecord*>(reader->data_ + h.sections[fmt::Inputs].offset);
    reader->chunk_files_ = reinterpret_cast<const std::uint32_t*>(reader->data_ + h.sections[fmt::Chunks].offset);
    reader->chunk_starts_ = reinterpret_cast<const fmt::ChunkStart*>(reader->data_ + h.sections[fmt::ChunkStarts].offset);
    // Cheap consistency checks that keep every later access in bounds.
    for (std::uint64_t i = 0; i < h.file_count; ++i) {
        const fmt::FileRecord& f = reader->files_[i];
        if (f.path_offset > reader->paths_size_ || f.path_length > reader->paths_size_ - f.path_offset ||
            (h.dir_count > 0 && f.dir >= h.dir_count)) {
            return failure(IndexOpenStatus::Corrupt, "a file's path lies outside the path section");
        }
    }
    for (std::uint64_t i = 0; i < h.dir_count; ++i) {
        const fmt::DirRecord& d = reader->dirs_[i];
        if (d.path_offset > reader->paths_size_ || d.path_length > reader->paths_size_ - d.path_offset ||
            d.parent >= h.dir_count || (i > 0 && d.parent >= i) ||
            (i > 0 && reader->dir_path(static_cast<std::uint32_t>(i - 1)) >= reader->dir_path(static_cast<std::uint32_t>(i)))) {
            return failure(IndexOpenStatus::Corrupt, "the directory table is inconsistent");
        }
    }
    if (h.dir_count > 0 && reader->dirs_[0].path_length != 0) {
        return failure(IndexOpenStatus::Corrupt, "the directory table does not start at the root");
    }
    for (std::uint64_t i = 0; i < h.input_count; ++i) {
        const fmt::InputRecord& in = reader->inputs_[i];
        if (in.path_offset > reader->paths_size_ || in.path_length > reader->paths_size_ - in.path_offset) {
            return failure(IndexOpenStatus::Corrupt, "an input's path lies outside the path section");
        }
    }
    for (std::uint64_t i = 0; i < h.document_count - h.file_count; ++i) {
        const std::uint32_t file = reader->chunk_files_[i];
        if (file >= h.file_count || (reader->files_[file].flags & fmt::kIndexed) == 0) {
            return failure(IndexOpenStatus::Corrupt, "a chunk names a file without trigrams");
        }
        // A file's further chunks: consecutive, in file order, inside the file, after its start.
        const fmt::ChunkStart& start = reader->chunk_starts_[i];
        const bool follows = i > 0 && reader->chunk_files_[i - 1] == file;
        if (start.offset == 0 || start.line < 2 || start.offset >= reader->files_[file].size ||
            (follows && (start.offset <= reader->chunk_starts_[i - 1].offset || start.line <= reader->chunk_starts_[i - 1].line))) {
            return failure(IndexOpenStatus::Corrupt, "a chunk's start is inconsistent");
        }
    }
    for (std::uint32_t i = 0; i < reader->path_slot_count_; ++i) {
        if (reader->path_slots_[i] > h.file_count) return failure(IndexOpenStatus::Corrupt, "the path table is inconsistent");
    }
    const std::uint64_t postings_size = h.sections[fmt::Postings].size;
    for (std::uint64_t i = 0; i < h.trigram_count; ++i) {
        const fmt::TrigramRecord& t = reader->trigrams_[i];
        if (t.offset > postings_size || (i > 0 && (t.trigram <= reader->trigrams_[i - 1].trigram ||
                                                   t.offset < reader->trigrams_[i - 1].offset))) {
            return failure(IndexOpenStatus::Corrupt, "the trigram table is inconsistent");
        }
    }
    Opened ok;
    ok.status = IndexOpenStatus::Ok;
    ok.reader = std::move(reader);
    return ok;
}

std::string_view IndexReader::path(std::uint32_t id) const {
    const fmt::FileRecord& f = files_[id];
    return {paths_ + f.path_offset, f.path_length};
}

std::optional<std::uint32_t> IndexReader::find(std::string_view relative) const {
    const std::uint32_t mask = path_slot_count_ - 1;
    for (std::uint32_t slot = static_cast<std::uint32_t>(path_hash(relative)) & mask, probes = 0;
         probes < path_slot_count_; slot = (slot + 1) & mask, ++probes) {
        const std::uint32_t entry = path_slots_[slot];
        if (entry == 0) return std::nullopt;
        if (path(entry - 1) == relative) return entry - 1;
    }
    return std::nullopt;
}

std::string_view IndexReader::dir_path(std::uint32_t id) const {
    const fmt::DirRecord& d = dirs_[id];
    return {paths_ + d.path_offset, d.path_length};
}

std::optional<std::uint32_t> IndexReader::find_dir(std::string_view relative) const {
    std::uint32_t low = 0, high = dir_count();
    while (low < high) {
        const std::uint32_t mid = low + (high - low) / 2;
        if (dir_path(mid) < relative) low = mid + 1;
        else high = mid;
    }
    if (low < dir_count() && dir_path(low) == relative) return low;
    return std::nullopt;
}

std::string_view IndexReader::input_path(std::uint32_t id) const {
    const fmt::InputRecord& in = inputs_[id];
    return {paths_ + in.path_offset, in.path_length};
}

const fmt::TrigramRecord* IndexReader::find_trigram(std::uint32_t trigram) const {
    const fmt::TrigramRecord* end = trigrams_ + header_.trigram_count;
    const fmt::TrigramRecord* it = std::lower_bound(
        trigrams_, end, trigram, [](const fmt::TrigramRecord& r, std::uint32_t t) { return r.trigram < t; });
    return (it != end && it->trigram == trigram) ? it : nullptr;
}

std::uint32_t IndexReader::document_frequency(std::uint32_t trigram) const {
    const fmt::TrigramRecord* r = find_trigram(trigram);
    return r != nullptr ? r->count : 0;
}

bool PostingCursor::next(Posting& out) {
    if (left_ == 0 || damaged_) return false;
    std::uint64_t delta = 0;
    std::uint32_t masks = 0;
    if (!read_posting(p_, end_, delta, masks) || (started_ && delta == 0) || delta >= document_count_ - id_) {
        damaged_ = true;
        return false;
    }
    id_ += delta;
    started_ = true;
    --left_;
    out = Posting{static_cast<std::uint32_t>(id_), masks};
    return true;
}

std::optional<PostingCursor> IndexReader::postings(std::uint32_t trigram) const {
    const fmt::TrigramRecord* r = find_trigram(trigram);
    if (r == nullptr) return PostingCursor();
    const std::size_t index = static_cast<std::size_t>(r - trigrams_);
    const std::uint64_t end_offset =
        index + 1 < header_.trigram_count ? trigrams_[index + 1].offset : header_.sections[fmt::Postings].size;
    const unsigned char* p = postings_ + r->offset;
    const unsigned char* end = postings_ + end_offset;
    if (checksum_of(p, static_cast<std::size_t>(end - p)) != r->checksum) return std::nullopt;
    return PostingCursor(p, end, r->count, header_.document_count);
}

std::optional<std::vector<Posting>> IndexReader::posting_list(std::uint32_t trigram) const {
    auto cursor = postings(trigram);
    if (!cursor) return std::nullopt;
    std::vector<Posting> ids;
    ids.reserve(cursor->size_left());
    Posting posting;
    while (cursor->next(posting)) ids.push_back(posting);
    if (cursor->damaged() || !cursor->consumed_exactly()) return std::nullopt;
    return ids;
}

}  // namespace codescout
