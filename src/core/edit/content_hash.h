// The hash that fingerprints file contents for Replace: XXH3-128 (libxxhash, Debian's
// libxxhash-dev). Why this one: an apply hashes every file it rewrites three times (as planned,
// as re-read just before writing, and the new content), and undo and crash recovery hash again
// to tell "old", "new" and "changed by someone else" apart; XXH3 runs at memory speed, so hashing
// never shows in an apply's time, and 128 bits make an accidental collision (an edited file
// taken for unchanged) practically impossible. It is not a cryptographic hash, and need not be:
// whoever could craft a collision for a file already has write access to that file, so a forged
// "unchanged" gains them nothing they could not do directly.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace codescout {

struct ContentHash {
    std::uint64_t high = 0;
    std::uint64_t low = 0;
    bool operator==(const ContentHash&) const = default;

    // 32 lower-case hex digits, high half first (the journal's spelling).
    std::string hex() const;
    // The inverse of hex(); nullopt for anything else.
    static std::optional<ContentHash> from_hex(std::string_view text);
};

ContentHash hash_bytes(std::string_view bytes);

// For content that arrives in pieces (the journal's checksums over what it writes).
class ContentHasher {
public:
    ContentHasher();
    ~ContentHasher();
    ContentHasher(const ContentHasher&) = delete;
    ContentHasher& operator=(const ContentHasher&) = delete;

    void update(std::string_view bytes);
    ContentHash digest() const;

private:
    void* state_;  // XXH3_state_t, kept out of this header
};

}  // namespace codescout
