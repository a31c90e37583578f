// The membership streams of BitstreamRegex (bitstream_regex.h): for each of a few ASCII byte
// sets, a bit per text byte saying whether the byte is a member. All sets are filled in one pass
// over the text, since the text's loads and nibble splits are shared: with AVX2 each set then
// costs a shuffle, an AND, a compare and a mask per 32 bytes, whatever its members (the nibble
// lookup of Hyperscan's "shufti"); without, each set costs its runs of members in range compares.
// Bytes >= 0x80 are never members.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace codescout {

class BitstreamSets {
public:
    // `members[s]` holds the 128 ASCII bits of set s (bit c of word c / 64).
    BitstreamSets() = default;
    explicit BitstreamSets(const std::vector<std::array<std::uint64_t, 2>>& members);

    std::size_t size() const { return tables_.size(); }

    // Which code fills the streams: the best this CPU runs, or (for tests) a given one.
    enum class Path { Best, Sse2, Scalar };

    // out[s][w] bit b = text[64 w + b] is in set s, for the n bytes of `text`; bits from n on
    // are clear. Each out[s] holds n / 64 + 1 words.
    void fill(const unsigned char* text, std::size_t n, std::vector<std::uint64_t>* const* out,
              Path path = Path::Best) const;

private:
    struct Range {
        unsigned char lo;
        unsigned char hi;
    };
    // Per set: for each low nibble, the high nibbles (0-7) that make a member.
    std::vector<std::array<std::uint8_t, 16>> tables_;
    // Per set, for the SSE2 path: the runs of members, or of non-members when fewer (`inverted_`).
    std::vector<std::vector<Range>> ranges_;
    std::vector<bool> inverted_;
};

}  // namespace codescout
