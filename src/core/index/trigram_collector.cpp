// See trigram_collector.h.
#include "core/index/trigram_collector.h"

#include <algorithm>

namespace codescout {

namespace {
constexpr unsigned kFirstTableBits = 12;  // 4,096 slots: most source files need no more

std::uint32_t slot_hash(std::uint32_t trigram, unsigned bits) { return (trigram * 0x9E3779B1u) >> (32 - bits); }
}  // namespace

TrigramCollector::TrigramCollector() : table_(std::size_t{1} << kFirstTableBits, 0), table_bits_(kFirstTableBits) {
    note_memory();
}

void TrigramCollector::note_memory() {
    memory_.set(table_.capacity() * sizeof(std::uint32_t) + grams_.capacity() * sizeof(Gram) +
                slots_of_.capacity() * sizeof(std::uint32_t));
}

void TrigramCollector::chunk_lines(std::uint64_t chunk_chars, std::size_t max_grams) {
    chunk_chars_ = chunk_chars;
    max_grams_ = max_grams;
}

void TrigramCollector::feed(std::string_view bytes) {
    reader_.feed(bytes, [this](IndexChar c) { add(c); });
}

void TrigramCollector::add(IndexChar c) {
    // A folded KELVIN SIGN was three bytes, a folded LONG S two (index_text.h); any other one.
    bytes_ += c.ascii || (c.folded != 'k' && c.folded != 's') ? 1 : c.folded == 'k' ? 3 : 2;
    if (previous_ != UINT32_MAX) grams_[previous_].masks |= next_bit(c.folded);
    window_ = ((window_ << 8) | c.folded) & 0xFFFFFF;
    cases_ = ((cases_ << 1) | (c.upper ? 1u : 0u)) & 7;
    const std::uint64_t position = position_++;
    if (position < 2 || trigram_has_newline(window_)) {
        previous_ = UINT32_MAX;
        if (c.folded == '\n') {
            ++lines_;
            if (chunk_chars_ != 0) line_starts();
        }
        return;
    }
    const std::uint32_t gram = find_or_insert(window_);
    grams_[gram].masks |= position_bit(position - 2) | case_bit(cases_);
    previous_ = gram;
}

// A line starts at position_ (the '\n' before it was just read, and no stored trigram holds it):
// a new chunk begins here if it lies past the current chunk's share of characters.
void TrigramCollector::line_starts() {
    const std::uint64_t chunk = position_ / chunk_chars_;
    if (chunk == chunk_) return;
    close_chunk();
    chunk_ = chunk;
    chunk_offset_ = bytes_;
    chunk_line_ = lines_ + 1;
    if (grams_.size() > max_grams_) fold_chunks();
}

void TrigramCollector::close_chunk() {
    const auto end = static_cast<std::uint32_t>(grams_.size());
    if (end == chunk_begin_) return;
    chunks_.push_back(Range{chunk_begin_, end, chunk_offset_, chunk_line_});
    for (std::uint32_t g = chunk_begin_; g < end; ++g) table_[slots_of_[g]] = 0;
    chunk_begin_ = end;
    note_memory();
}

// Too many trigrams kept per chunk: merge every chunk into one, the whole file's, and collect the
// rest of the file whole.
void TrigramCollector::fold_chunks() {
    std::vector<Gram> kept;
    kept.swap(grams_);
    slots_of_.clear();
    chunks_.clear();
    chunk_begin_ = 0;
    chunk_chars_ = 0;
    chunk_offset_ = 0;
    chunk_line_ = 1;
    for (const Gram& g : kept) grams_[find_or_insert(g.trigram)].masks |= g.masks;
    note_memory();
}

std::uint32_t TrigramCollector::find_or_insert(std::uint32_t trigram) {
    const std::uint32_t mask = static_cast<std::uint32_t>(table_.size() - 1);
    for (std::uint32_t slot = slot_hash(trigram, table_bits_);; slot = (slot + 1) & mask) {
        const std::uint32_t entry = table_[slot];
        if (entry == 0) {
            const auto gram = static_cast<std::uint32_t>(grams_.size());
            grams_.push_back(Gram{trigram, 0});
            slots_of_.push_back(slot);
            table_[slot] = gram + 1;
            if ((grams_.size() - chunk_begin_) * 2 > table_.size()) grow();
            return gram;
        }
        if (grams_[entry - 1].trigram == trigram) return entry - 1;
    }
}

void TrigramCollector::grow() {
    ++table_bits_;
    table_.assign(std::size_t{1} << table_bits_, 0);
    const std::uint32_t mask = static_cast<std::uint32_t>(table_.size() - 1);
    for (auto gram = chunk_begin_; gram < grams_.size(); ++gram) {
        std::uint32_t slot = slot_hash(grams_[gram].trigram, table_bits_);
        while (table_[slot] != 0) slot = (slot + 1) & mask;
        table_[slot] = gram + 1;
        slots_of_[gram] = slot;
    }
    note_memory();
}

const std::vector<Gram>& TrigramCollector::grams() {
    if (!finished_) {
        reader_.finish([this](IndexChar c) { add(c); });
        close_chunk();
        finished_ = true;
    }
    return grams_;
}

void TrigramCollector::reset() {
    if (table_bits_ > kFirstTableBits + 4) {
        // A large file grew the table: give it back rather than clear it for every small file.
        table_bits_ = kFirstTableBits;
        std::vector<std::uint32_t>(std::size_t{1} << table_bits_, 0).swap(table_);
        std::vector<Gram>().swap(grams_);
        std::vector<std::uint32_t>().swap(slots_of_);
    } else {
        // Closed chunks cleared their slots already (and the table may reuse them since).
        for (std::uint32_t g = chunk_begin_; g < slots_of_.size(); ++g) table_[slots_of_[g]] = 0;
        grams_.clear();
        slots_of_.clear();
    }
    note_memory();
    chunks_.clear();
    chunk_begin_ = 0;
    chunk_chars_ = 0;
    chunk_ = 0;
    reader_ = IndexTextReader();
    position_ = 0;
    bytes_ = 0;
    lines_ = 0;
    chunk_offset_ = 0;
    chunk_line_ = 1;
    window_ = 0;
    cases_ = 0;
    previous_ = UINT32_MAX;
    finished_ = false;
}

}  // namespace codescout
