// ContentHash: XXH3-128 through libxxhash (see content_hash.h for why).
#include "core/edit/content_hash.h"

#include <cstdio>
#include <new>

#include <xxhash.h>

namespace codescout {

std::string ContentHash::hex() const {
    char text[33];
    std::snprintf(text, sizeof text, "%016llx%016llx", static_cast<unsigned long long>(high),
                  static_cast<unsigned long long>(low));
    return std::string(text, 32);
}

std::optional<ContentHash> ContentHash::from_hex(std::string_view text) {
    if (text.size() != 32) return std::nullopt;
    std::uint64_t halves[2] = {0, 0};
    for (std::size_t i = 0; i < 32; ++i) {
        const char c = text[i];
        unsigned digit = 0;
        if (c >= '0' && c <= '9') digit = static_cast<unsigned>(c - '0');
        else if (c >= 'a' && c <= 'f') digit = static_cast<unsigned>(c - 'a' + 10);
        else return std::nullopt;
        halves[i / 16] = (halves[i / 16] << 4) | digit;
    }
    return ContentHash{halves[0], halves[1]};
}

ContentHash hash_bytes(std::string_view bytes) {
    const XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
    return ContentHash{h.high64, h.low64};
}

ContentHasher::ContentHasher() : state_(XXH3_createState()) {
    if (state_ == nullptr) throw std::bad_alloc();
    XXH3_128bits_reset(static_cast<XXH3_state_t*>(state_));
}

ContentHasher::~ContentHasher() { XXH3_freeState(static_cast<XXH3_state_t*>(state_)); }

void ContentHasher::update(std::string_view bytes) {
    XXH3_128bits_update(static_cast<XXH3_state_t*>(state_), bytes.data(), bytes.size());
}

ContentHash ContentHasher::digest() const {
    const XXH128_hash_t h = XXH3_128bits_digest(static_cast<const XXH3_state_t*>(state_));
    return ContentHash{h.high64, h.low64};
}

}  // namespace codescout
