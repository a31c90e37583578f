// The index's reading of bytes as "index characters" (trigram.h): every byte is one character,
// ASCII letters folded to lower case, except the two complete UTF-8 sequences of the characters
// that PCRE2 (UTF, UCP) folds onto ASCII letters with -i: E2 84 AA (KELVIN SIGN) reads as 'k',
// C5 BF (LATIN SMALL LETTER LONG S) as 's'. With that, a case-insensitive needle keeps its k and s
// (the file's "\u212Aernel" holds the index characters of "kernel"), and offsets counted in index
// characters agree between a needle and every text it matches: each needle character matches a
// text character of the same reading, ASCII ones byte for byte in either case.
//
// Why a substring keeps its reading (what makes needles sound): the two sequences cannot overlap
// each other or themselves, and their first bytes (E2, C5) never end one, so an occurrence of a
// needle reads as the needle reads, unless the needle cuts a sequence at one of its ends; the
// planner trims such ends (read_needle()).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/index/trigram.h"

namespace codescout {

struct IndexChar {
    unsigned char folded = 0;
    bool upper = false;  // an ASCII capital, or a folded K/long s (the case mask's bit)
    bool ascii = true;   // read from one ASCII byte
};

// Streaming reader for a file fed in chunks; sink(IndexChar) per character. finish() flushes a
// sequence cut off at the end of the file.
class IndexTextReader {
public:
    template <class Sink>
    void feed(std::string_view bytes, Sink&& sink) {
        for (const char ch : bytes) {
            const auto b = static_cast<unsigned char>(ch);
            if (pending_ == 0 && b < 0x80) {
                sink(IndexChar{fold_ascii(b), b >= 'A' && b <= 'Z', true});
                continue;
            }
            step(b, sink);
        }
    }

    template <class Sink>
    void finish(Sink&& sink) {
        flush(sink);
    }

private:
    template <class Sink>
    void step(unsigned char b, Sink& sink) {
        if (pending_ == 0xE2 && b == 0x84) {
            pending_ = 0xE284;
            return;
        }
        if (pending_ == 0xE284 && b == 0xAA) {
            pending_ = 0;
            sink(IndexChar{'k', true, false});
            return;
        }
        if (pending_ == 0xC5 && b == 0xBF) {
            pending_ = 0;
            sink(IndexChar{'s', true, false});
            return;
        }
        flush(sink);
        if (b == 0xE2 || b == 0xC5) {
            pending_ = b;
            return;
        }
        sink(IndexChar{fold_ascii(b), b >= 'A' && b <= 'Z', b < 0x80});
    }

    template <class Sink>
    void flush(Sink& sink) {
        if (pending_ == 0xE284) {
            sink(IndexChar{0xE2, false, false});
            sink(IndexChar{0x84, false, false});
        } else if (pending_ != 0) {
            sink(IndexChar{static_cast<unsigned char>(pending_), false, false});
        }
        pending_ = 0;
    }

    std::uint32_t pending_ = 0;  // a started sequence: 0xE2, 0xE284 or 0xC5
};

// A needle's index characters: its bytes minus a cut sequence at either end (a leading 84 AA,
// AA or BF may be the tail of a sequence the text starts before the needle; a trailing E2,
// E2 84 or C5 the head of one it completes after it), then read as a file would be.
inline std::vector<IndexChar> read_needle(std::string_view needle) {
    if (needle.starts_with("\x84\xAA")) needle.remove_prefix(2);
    else if (needle.starts_with("\xAA") || needle.starts_with("\xBF")) needle.remove_prefix(1);
    if (needle.ends_with("\xE2\x84")) needle.remove_suffix(2);
    else if (needle.ends_with("\xE2") || needle.ends_with("\xC5")) needle.remove_suffix(1);
    std::vector<IndexChar> out;
    IndexTextReader reader;
    const auto append = [&](IndexChar c) { out.push_back(c); };
    reader.feed(needle, append);
    reader.finish(append);
    return out;
}

}  // namespace codescout
