// LineList and its arena (see line_list.h).
#include "core/search/line_list.h"

#include <algorithm>
#include <cstring>

namespace codescout {

namespace {

// The first block holds a few lines (most files with matches have only a few); each next one is
// twice the last, up to kMaxBlockBytes, or as big as one request that needs more.
constexpr std::size_t kFirstBlockBytes = 1024;
constexpr std::size_t kMaxBlockBytes = 1024 * 1024;

// An empty text still points somewhere: memcpy and friends must never see a null pointer.
constexpr std::string_view kEmptyText{"", 0};

}  // namespace

template <typename T>
T* LineList::Arena<T>::reserve(std::size_t count, std::size_t keep) {
    if (static_cast<std::size_t>(limit_ - cursor_) >= count) return cursor_ - keep;
    const std::size_t need = count + keep;
    std::size_t capacity = std::max<std::size_t>(kFirstBlockBytes / sizeof(T), 1);
    if (!blocks_.empty()) capacity = std::min(blocks_[current_].capacity * 2, kMaxBlockBytes / sizeof(T));
    capacity = std::max(capacity, need);
    T* const kept = cursor_ - keep;
    blocks_.push_back({std::make_unique_for_overwrite<T[]>(capacity), capacity});
    current_ = blocks_.size() - 1;
    Block& block = blocks_.back();
    if (keep > 0) std::copy(kept, kept + keep, block.data.get());
    cursor_ = block.data.get() + keep;
    limit_ = block.data.get() + block.capacity;
    return block.data.get();
}

template <typename T>
void LineList::Arena<T>::clear() {
    if (blocks_.size() > 1) blocks_.erase(blocks_.begin() + 1, blocks_.end());
    current_ = 0;
    cursor_ = blocks_.empty() ? nullptr : blocks_.front().data.get();
    limit_ = blocks_.empty() ? nullptr : cursor_ + blocks_.front().capacity;
}

template <typename T>
std::size_t LineList::Arena<T>::bytes() const {
    std::size_t total = 0;
    for (const Block& block : blocks_) total += block.capacity * sizeof(T);
    return total;
}

template class LineList::Arena<char>;
template class LineList::Arena<MatchSpan>;

LineList::LineList(const LineList& other) {
    for (const LineRecord& record : other.records_) {
        append(record.number, record.byte_offset, record.text, record.is_context, record.spans);
    }
}

LineList& LineList::operator=(const LineList& other) {
    if (this != &other) {
        LineList copy(other);
        *this = std::move(copy);
    }
    return *this;
}

LineList::LineList(std::initializer_list<OwnedLine> lines) {
    for (const OwnedLine& line : lines) push_back(line);
}

void LineList::push_back(const LineRecord& line) {
    append(line.number, line.byte_offset, line.text, line.is_context, line.spans);
}

void LineList::push_back(const OwnedLine& line) {
    append(line.number, line.byte_offset, line.text, line.is_context, line.spans);
}

LineRecord& LineList::append(std::uint64_t number, std::uint64_t byte_offset, std::string_view text,
                             bool is_context, std::span<const MatchSpan> spans) {
    LineRecord& record = records_.emplace_back();
    record.number = number;
    record.byte_offset = byte_offset;
    record.is_context = is_context;
    record.text = kEmptyText;
    if (!text.empty()) {
        char* at = text_.reserve(text.size(), 0);
        std::memcpy(at, text.data(), text.size());
        text_.advance(text.size());
        record.text = std::string_view(at, text.size());
    }
    if (!spans.empty()) {
        MatchSpan* at = spans_.reserve(spans.size(), 0);
        std::copy(spans.begin(), spans.end(), at);
        spans_.advance(spans.size());
        record.spans = std::span<const MatchSpan>(at, spans.size());
    }
    return record;
}

void LineList::add_span(MatchSpan span) {
    LineRecord& record = records_.back();
    // The record's spans are the last ones written (only the last record gets spans added).
    const std::size_t keep = record.spans.size();
    MatchSpan* first = spans_.reserve(1, keep);
    *spans_.cursor() = span;
    spans_.advance(1);
    record.spans = std::span<const MatchSpan>(first, keep + 1);
}

void LineList::clear() {
    records_.clear();
    text_.clear();
    spans_.clear();
}

void LineList::erase(const_iterator first, const_iterator last) { records_.erase(first, last); }

std::size_t LineList::memory_bytes() const {
    return records_.size() * sizeof(LineRecord) + text_.bytes() + spans_.bytes();
}

}  // namespace codescout
