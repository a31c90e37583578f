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

void TrigramCollector::feed(std::string_view bytes) {
    reader_.feed(bytes, [this](IndexChar c) { add(c); });
}

void TrigramCollector::add(IndexChar c) {
    if (previous_ != UINT32_MAX) grams_[previous_].masks |= next_bit(c.folded);
    window_ = ((window_ << 8) | c.folded) & 0xFFFFFF;
    cases_ = ((cases_ << 1) | (c.upper ? 1u : 0u)) & 7;
    const std::uint64_t position = position_++;
    if (position < 2 || trigram_has_newline(window_)) {
        previous_ = UINT32_MAX;
        return;
    }
    const std::uint32_t gram = find_or_insert(window_);
    grams_[gram].masks |= position_bit(position - 2) | case_bit(cases_);
    previous_ = gram;
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
            if (grams_.size() * 2 > table_.size()) grow();
            return gram;
        }
        if (grams_[entry - 1].trigram == trigram) return entry - 1;
    }
}

void TrigramCollector::grow() {
    ++table_bits_;
    table_.assign(std::size_t{1} << table_bits_, 0);
    const std::uint32_t mask = static_cast<std::uint32_t>(table_.size() - 1);
    for (std::uint32_t gram = 0; gram < grams_.size(); ++gram) {
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
        for (const std::uint32_t slot : slots_of_) table_[slot] = 0;
        grams_.clear();
        slots_of_.clear();
    }
    note_memory();
    reader_ = IndexTextReader();
    position_ = 0;
    window_ = 0;
    cases_ = 0;
    previous_ = UINT32_MAX;
    finished_ = false;
}

}  // namespace codescout
