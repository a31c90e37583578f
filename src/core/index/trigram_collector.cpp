// See trigram_collector.h.
#include "core/index/trigram_collector.h"

#include "core/index/trigram.h"

namespace codescout {

namespace {
constexpr std::size_t kWords = kTrigramSpace / 64;
}

TrigramCollector::TrigramCollector() : seen_(new std::uint64_t[kWords]()) { memory_.set(kWords * sizeof(std::uint64_t)); }

void TrigramCollector::feed(std::string_view bytes) {
    std::uint32_t window = window_;
    unsigned filled = filled_;
    std::uint64_t* seen = seen_.get();
    for (const char ch : bytes) {
        const unsigned char c = fold_ascii(static_cast<unsigned char>(ch));
        window = ((window << 8) | c) & 0xFFFFFF;
        if (filled < 2) {
            ++filled;
            continue;
        }
        if (trigram_has_newline(window)) continue;
        std::uint64_t& word = seen[window >> 6];
        const std::uint64_t bit = std::uint64_t{1} << (window & 63);
        if ((word & bit) != 0) continue;
        word |= bit;
        trigrams_.push_back(window);
    }
    window_ = window;
    filled_ = filled;
}

void TrigramCollector::reset() {
    // Every marked bit belongs to a listed trigram, so clearing their words clears the bitmap.
    std::uint64_t* seen = seen_.get();
    for (const std::uint32_t t : trigrams_) seen[t >> 6] = 0;
    memory_.set(kWords * sizeof(std::uint64_t) + trigrams_.capacity() * sizeof(std::uint32_t));
    trigrams_.clear();
    window_ = 0;
    filled_ = 0;
}

}  // namespace codescout
