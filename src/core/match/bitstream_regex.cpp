// BitstreamRegex's evaluation (see bitstream_regex.h; the parser is bitstream_parser.cpp).
//
// A stream has a bit per cursor position of a chunk of n bytes: bit i is the position before
// byte i, bit n the chunk's end. A node maps the set of cursors where a match attempt may stand
// to the set where it may stand after the node: a byte set keeps the cursors before a member
// and moves them one on (a shift), x* of a byte set runs them to the end of each run of members
// (an addition: MatchStar), an assertion keeps the cursors where it holds. The chunk starts with
// every cursor set (a match may start anywhere) and ends with those where a match ends.
#include "core/match/bitstream_regex.h"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace codescout {

namespace {

using Words = std::vector<std::uint64_t>;

bool is_word_byte(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

}  // namespace

class BitstreamEvaluator {
public:
    BitstreamEvaluator(const BitstreamRegex& regex, BitstreamRegex::Scratch& scratch) : regex_(regex), scratch_(scratch) {}

    // The cursors where a match ends in haystack[c0, c0 + n), or false when a closure did not
    // settle (undecided).
    bool run(std::string_view haystack, std::size_t c0, std::size_t n, Words& result) {
        text_ = reinterpret_cast<const unsigned char*>(haystack.data()) + c0;
        scratch_.evaluated_bytes += n;
        n_ = n;
        words_ = n / 64 + 1;
        const bool at_haystack_end = c0 + n == haystack.size();
        const unsigned char before = c0 == 0 ? '\n' : static_cast<unsigned char>(haystack[c0 - 1]);
        const std::size_t streams = regex_.streams_.size();
        if (scratch_.sets.size() < streams) scratch_.sets.resize(streams);
        scratch_.set_pointers.clear();
        for (std::size_t i = 0; i < streams; ++i) {
            scratch_.sets[i].resize(words_);
            scratch_.set_pointers.push_back(&scratch_.sets[i]);
        }
        regex_.streams_.fill(text_, n, scratch_.set_pointers.data());

        // Cursors 0..n.
        Words& valid = take();
        std::fill(valid.begin(), valid.end(), ~std::uint64_t{0});
        valid.back() = (n % 64 == 63) ? ~std::uint64_t{0} : (std::uint64_t{1} << (n % 64 + 1)) - 1;
        valid_ = &valid;

        // ^ (multi-line): at the start (when a line starts there) and after each '\n';
        // $: before each '\n' and at the haystack's end. \b: a word byte on one side only (RE2's
        // \b is ASCII; the chunk's end counts as a non-word byte, which is right at the haystack's
        // end, and the cursor there is used nowhere else).
        line_start_ = &take();
        line_end_ = &take();
        boundary_ = &take();
        if (regex_.newline_stream_ != BitstreamRegex::kNone) {
            const Words& newline = scratch_.sets[regex_.newline_stream_];
            advance(newline, *line_start_, before == '\n');
            *line_end_ = newline;
            if (at_haystack_end) (*line_end_)[n / 64] |= std::uint64_t{1} << (n % 64);
        }
        if (regex_.word_stream_ != BitstreamRegex::kNone) {
            const Words& word = scratch_.sets[regex_.word_stream_];
            advance(word, *boundary_, is_word_byte(before));
            for (std::size_t w = 0; w < words_; ++w) (*boundary_)[w] = ((*boundary_)[w] ^ word[w]) & valid[w];
        }

        undecided_ = false;
        eval(regex_.root_, valid, result);
        give(*boundary_);
        give(*line_end_);
        give(*line_start_);
        give(valid);
        return !undecided_;
    }

private:
    using Kind = BitstreamRegex::Kind;

    // Streams are taken and given back in stack order; references stay valid (a deque).
    Words& take() {
        if (scratch_.depth == scratch_.stack.size()) scratch_.stack.emplace_back();
        Words& words = scratch_.stack[scratch_.depth++];
        words.resize(words_);
        return words;
    }
    void give(Words& words) {
        (void)words;
        --scratch_.depth;
    }

    // out = in moved one position on; bit 0 = carry_in.
    void advance(const Words& in, Words& out, bool carry_in) const {
        std::uint64_t carry = carry_in ? 1 : 0;
        for (std::size_t w = 0; w < words_; ++w) {
            const std::uint64_t x = in[w];
            out[w] = (x << 1) | carry;
            carry = x >> 63;
        }
    }

    const Words& set_stream(std::size_t set) const { return scratch_.sets[set]; }

    bool empty(const Words& words) const {
        std::uint64_t any = 0;
        for (std::size_t w = 0; w < words_; ++w) any |= words[w];
        return any == 0;
    }

    // `out` may not be `in`.
    void eval(std::size_t index, const Words& in, Words& out) {
        const BitstreamRegex::Node& node = regex_.nodes_[index];
        switch (node.kind) {
        case Kind::Empty: out = in; return;
        case Kind::Bytes: {
            const Words& set = set_stream(node.set);
            std::uint64_t carry = 0;
            for (std::size_t w = 0; w < words_; ++w) {
                const std::uint64_t x = in[w] & set[w];
                out[w] = (x << 1) | carry;
                carry = x >> 63;
            }
            return;
        }
        case Kind::LineStart: keep(in, *line_start_, out); return;
        case Kind::LineEnd: keep(in, *line_end_, out); return;
        case Kind::WordBoundary: keep(in, *boundary_, out); return;
        case Kind::NotWordBoundary:
            for (std::size_t w = 0; w < words_; ++w) out[w] = in[w] & ~(*boundary_)[w] & (*valid_)[w];
            return;
        case Kind::Concat: {
            Words& a = take();
            Words& b = take();
            const Words* from = &in;
            for (std::size_t k = 0; k < node.kids.size(); ++k) {
                Words& to = k + 1 == node.kids.size() ? out : (from == &a ? b : a);
                eval(node.kids[k], *from, to);
                from = &to;
            }
            give(b);
            give(a);
            return;
        }
        case Kind::Alternate: {
            Words& branch = take();
            std::fill(out.begin(), out.end(), 0);
            for (std::size_t kid : node.kids) {
                eval(kid, in, branch);
                for (std::size_t w = 0; w < words_; ++w) out[w] |= branch[w];
            }
            give(branch);
            return;
        }
        case Kind::Repeat: repeat(node, in, out); return;
        }
    }

    void keep(const Words& in, const Words& where, Words& out) const {
        for (std::size_t w = 0; w < words_; ++w) out[w] = in[w] & where[w];
    }

    void repeat(const BitstreamRegex::Node& node, const Words& in, Words& out) {
        const std::size_t kid = node.kids.front();
        Words& frontier = take();
        Words& next = take();
        out = in;
        for (unsigned i = 0; i < node.min && !empty(out); ++i) {
            eval(kid, out, next);
            std::swap(out, next);
        }
        const BitstreamRegex::Node& child = regex_.nodes_[kid];
        if (node.max == BitstreamRegex::kUnbounded && child.kind == Kind::Bytes) {
            // MatchStar: the cursors before a run of members, carried by an addition to just
            // past the run; XOR with the run leaves every cursor within and after it.
            const Words& set = set_stream(child.set);
            std::uint64_t carry = 0;
            for (std::size_t w = 0; w < words_; ++w) {
                std::uint64_t sum = 0;
                const bool over = __builtin_add_overflow(out[w] & set[w], set[w], &sum);
                const bool over_again = __builtin_add_overflow(sum, carry, &sum);
                carry = (over || over_again) ? 1 : 0;
                out[w] = (sum ^ set[w]) | out[w];
            }
        } else if (node.max != node.min) {
            // Each round adds the cursors one more repetition reaches from those the last round
            // added; a pass that adds none ends it.
            frontier = out;
            const unsigned rounds = node.max == BitstreamRegex::kUnbounded ? BitstreamRegex::kMaxClosureSteps : node.max - node.min;
            bool settled = false;
            for (unsigned round = 0; round < rounds; ++round) {
                eval(kid, frontier, next);
                std::uint64_t added = 0;
                for (std::size_t w = 0; w < words_; ++w) {
                    const std::uint64_t fresh = next[w] & ~out[w];
                    frontier[w] = fresh;
                    out[w] |= fresh;
                    added |= fresh;
                }
                if (added == 0) {
                    settled = true;
                    break;
                }
            }
            if (node.max == BitstreamRegex::kUnbounded && !settled) undecided_ = true;
        }
        give(next);
        give(frontier);
    }

    const BitstreamRegex& regex_;
    BitstreamRegex::Scratch& scratch_;
    const unsigned char* text_ = nullptr;
    std::size_t n_ = 0;
    std::size_t words_ = 0;
    const Words* valid_ = nullptr;
    Words* line_start_ = nullptr;
    Words* line_end_ = nullptr;
    Words* boundary_ = nullptr;
    bool undecided_ = false;
};

std::size_t BitstreamRegex::chunk_end(std::string_view haystack, std::size_t from, std::size_t end) const {
    if (end - from <= chunk_bytes_) return end;
    const void* newline = std::memchr(haystack.data() + from + chunk_bytes_ - 1, '\n', end - from - chunk_bytes_ + 1);
    return newline == nullptr ? end : static_cast<std::size_t>(static_cast<const char*>(newline) - haystack.data()) + 1;
}

std::optional<std::size_t> BitstreamRegex::first_match_line(std::string_view haystack, std::size_t from,
                                                            std::size_t end, Scratch& scratch, bool& undecided) const {
    undecided = false;
    if (from > end || (from == end && end != haystack.size()) || !can_match_) return std::nullopt;
    std::size_t c0 = from;
    bool end_checked = false;  // the cursor at the haystack's end has been looked at
    for (;;) {
        if (c0 == end && (end != haystack.size() || end_checked)) return std::nullopt;
        const bool line_start = c0 == 0 || haystack[c0 - 1] == '\n';
        if (line_start && c0 < end) {
            // From a line start: through the kept chunk (see line_has_match()).
            std::size_t length = 0;
            const std::optional<std::size_t> at = kept_chunk_at(haystack, c0, end, scratch, length, undecided);
            if (!at) return std::nullopt;  // undecided
            // The cursor at the haystack's end is the kept chunk's only if that ended there too.
            end_checked = c0 + length == haystack.size() && *at + length == scratch.chunk_text.size() && scratch.chunk_at_end;
            if (const auto cursor = first_cursor(scratch.chunk_ends, *at, *at + length + (end_checked ? 1 : 0))) {
                return c0 + (*cursor - *at);
            }
            c0 += length;
            continue;
        }
        // From within a line, or the haystack's end: to the end of that line alone.
        const void* newline = std::memchr(haystack.data() + c0, '\n', end - c0);
        const std::size_t c1 = newline == nullptr ? end : static_cast<std::size_t>(static_cast<const char*>(newline) - haystack.data()) + 1;
        const std::size_t n = c1 - c0;
        Words& result = scratch.result;
        result.resize(n / 64 + 1);
        if (!BitstreamEvaluator(*this, scratch).run(haystack, c0, n, result)) {
            undecided = true;
            return std::nullopt;
        }
        // A match ending at cursor i lies in the line holding byte i (its '\n' included); the
        // cursor at n counts only at the haystack's end (else it is the next line's cursor 0).
        end_checked = c1 == haystack.size();
        if (const auto cursor = first_cursor(result, 0, end_checked ? n + 1 : n)) return c0 + *cursor;
        c0 = c1;
    }
}

std::optional<std::size_t> BitstreamRegex::first_cursor(const std::vector<std::uint64_t>& ends, std::size_t first,
                                                        std::size_t limit) {
    for (std::size_t w = first / 64; w * 64 < limit; ++w) {
        std::uint64_t bits = ends[w];
        if (w == first / 64) bits &= ~std::uint64_t{0} << (first % 64);
        if ((w + 1) * 64 > limit) bits &= (std::uint64_t{1} << (limit % 64)) - 1;
        if (bits != 0) return w * 64 + static_cast<std::size_t>(__builtin_ctzll(bits));
    }
    return std::nullopt;
}

std::optional<std::size_t> BitstreamRegex::kept_chunk_at(std::string_view haystack, std::size_t from, std::size_t end,
                                                         Scratch& scratch, std::size_t& length, bool& undecided) const {
    // The kept text from `from`'s place on must equal the haystack's up to `end` or the kept
    // chunk's end, whichever comes first, and that stretch must end where a line ends in both.
    if (scratch.chunk_valid && from >= scratch.chunk_from && from - scratch.chunk_from < scratch.chunk_text.size()) {
        const std::size_t at = from - scratch.chunk_from;
        const std::string& text = scratch.chunk_text;
        length = std::min(end - from, text.size() - at);
        const bool ends_a_line = text[at + length - 1] == '\n' ||
                                 (from + length == haystack.size() && at + length == text.size() && scratch.chunk_at_end);
        if ((at == 0 || text[at - 1] == '\n') && ends_a_line &&
            std::memcmp(text.data() + at, haystack.data() + from, length) == 0) {
            return at;
        }
    }
    const std::size_t c1 = chunk_end(haystack, from, haystack.size());
    const std::size_t n = c1 - from;
    scratch.chunk_valid = false;
    scratch.chunk_ends.resize(n / 64 + 1);
    if (!BitstreamEvaluator(*this, scratch).run(haystack, from, n, scratch.chunk_ends)) {
        undecided = true;
        return std::nullopt;
    }
    scratch.chunk_text.assign(haystack.substr(from, n));
    scratch.chunk_from = from;
    scratch.chunk_at_end = c1 == haystack.size();
    scratch.chunk_valid = true;
    length = std::min(end, c1) - from;
    return 0;
}

std::optional<bool> BitstreamRegex::line_has_match(std::string_view haystack, std::size_t line_start,
                                                   std::size_t next_line_start, Scratch& scratch) const {
    if (!can_match_) return false;
    bool undecided = false;
    if (next_line_start == line_start) {
        // The empty line after a final '\n'.
        const bool found = first_match_line(haystack, line_start, next_line_start, scratch, undecided).has_value();
        return undecided ? std::nullopt : std::optional<bool>(found);
    }
    std::size_t length = 0;
    const std::optional<std::size_t> at = kept_chunk_at(haystack, line_start, next_line_start, scratch, length, undecided);
    if (!at) return std::nullopt;
    // The line's cursors: from its start to the one before its '\n' (or at the haystack's end).
    const bool has_newline = haystack[next_line_start - 1] == '\n';
    return first_cursor(scratch.chunk_ends, *at, *at + length + (has_newline ? 0 : 1)).has_value();
}

}  // namespace codescout
