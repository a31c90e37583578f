// BitstreamRegex::compile(): reads RE2 syntax into the node tree (see bitstream_regex.h). Every
// rule here follows RE2's parser (re2/parse.cc) for the options the line prefilter sets:
// Perl classes and escapes, never_nl (no class, '.' or literal ever matches '\n'), and case
// folding that, on ASCII, pairs each letter with its other case.
#include <algorithm>

#include "core/match/bitstream_regex.h"

namespace codescout {

namespace {

using ByteSet = BitstreamRegex::ByteSet;

bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool is_word(unsigned char c) { return is_digit(c) || is_lower(c) || is_upper(c) || c == '_'; }
int hex_value(unsigned char c) {
    if (is_digit(c)) return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

void add_range(ByteSet& set, std::uint32_t lo, std::uint32_t hi) {
    for (std::uint32_t c = lo; c <= hi && c < 128; ++c) set.add(c);
}

ByteSet complement(const ByteSet& set) {
    ByteSet out;
    out.bits[0] = ~set.bits[0];
    out.bits[1] = ~set.bits[1];
    return out;
}

ByteSet united(const ByteSet& a, const ByteSet& b) {
    ByteSet out;
    out.bits[0] = a.bits[0] | b.bits[0];
    out.bits[1] = a.bits[1] | b.bits[1];
    return out;
}

// Each ASCII letter with its other case: RE2's fold orbits, restricted to ASCII.
ByteSet folded(const ByteSet& set) {
    ByteSet out = set;
    for (unsigned c = 'a'; c <= 'z'; ++c) {
        if (set.has(c) || set.has(c - 'a' + 'A')) {
            out.add(c);
            out.add(c - 'a' + 'A');
        }
    }
    return out;
}

ByteSet without_newline(ByteSet set) {
    set.bits[0] &= ~(std::uint64_t{1} << '\n');
    return set;
}

// RE2's Perl classes (\d \s \w; ASCII-only in RE2) and POSIX classes ([:alpha:]).
ByteSet perl_class(char name) {
    ByteSet set;
    switch (name) {
    case 'd': add_range(set, '0', '9'); break;
    case 's':
        // RE2's \s is [\t\n\f\r ]: no vertical tab.
        for (unsigned c : {'\t', '\n', '\f', '\r', ' '}) set.add(c);
        break;
    case 'w':
        for (unsigned c = 0; c < 128; ++c) {
            if (is_word(static_cast<unsigned char>(c))) set.add(c);
        }
        break;
    default: break;
    }
    return set;
}

std::optional<ByteSet> posix_class(std::string_view name) {
    ByteSet set;
    for (unsigned c = 0; c < 128; ++c) {
        const auto b = static_cast<unsigned char>(c);
        bool in = false;
        if (name == "alnum") in = is_word(b) && b != '_';
        else if (name == "alpha") in = is_lower(b) || is_upper(b);
        else if (name == "ascii") in = true;
        else if (name == "blank") in = b == ' ' || b == '\t';
        else if (name == "cntrl") in = b < 0x20 || b == 0x7F;
        else if (name == "digit") in = is_digit(b);
        else if (name == "graph") in = b > 0x20 && b < 0x7F;
        else if (name == "lower") in = is_lower(b);
        else if (name == "print") in = b >= 0x20 && b < 0x7F;
        else if (name == "punct") in = b > 0x20 && b < 0x7F && !is_word(b) ;
        else if (name == "space") in = b == ' ' || (b >= '\t' && b <= '\r');
        else if (name == "upper") in = is_upper(b);
        else if (name == "word") in = is_word(b);
        else if (name == "xdigit") in = hex_value(b) >= 0;
        else return std::nullopt;
        if (in) set.add(c);
    }
    // RE2's [:punct:] is ASCII punctuation, '_' included.
    if (name == "punct") set.add('_');
    return set;
}

}  // namespace

class BitstreamParser {
public:
    explicit BitstreamParser(std::string_view in) : in_(in) {}

    std::optional<BitstreamRegex> run() {
        const auto root = alternation(Flags{});
        if (!root || pos_ != in_.size()) return std::nullopt;
        out_.root_ = *root;
        out_.cost_ = cost(*root);
        if (out_.cost_ > BitstreamRegex::kMaxCost) return std::nullopt;
        std::vector<std::array<std::uint64_t, 2>> members;
        for (const ByteSet& set : out_.sets_) members.push_back({set.bits[0], set.bits[1]});
        const auto uses = [&](Kind a, Kind b) {
            return std::any_of(out_.nodes_.begin(), out_.nodes_.end(), [&](const Node& node) { return node.kind == a || node.kind == b; });
        };
        if (uses(Kind::LineStart, Kind::LineEnd)) {
            out_.newline_stream_ = members.size();
            members.push_back({std::uint64_t{1} << '\n', 0});
        }
        if (uses(Kind::WordBoundary, Kind::NotWordBoundary)) {
            out_.word_stream_ = members.size();
            ByteSet word = perl_class('w');
            members.push_back({word.bits[0], word.bits[1]});
        }
        out_.streams_ = BitstreamSets(members);
        out_.can_match_ = can_match(*root);
        return std::move(out_);
    }

private:
    using Node = BitstreamRegex::Node;
    using Kind = BitstreamRegex::Kind;
    struct Flags {
        bool caseless = false;
        bool multiline = false;
    };

    bool at_end() const { return pos_ >= in_.size(); }
    unsigned char peek(std::size_t ahead = 0) const {
        return pos_ + ahead < in_.size() ? static_cast<unsigned char>(in_[pos_ + ahead]) : 0;
    }

    std::size_t add(Node node) {
        out_.nodes_.push_back(std::move(node));
        return out_.nodes_.size() - 1;
    }
    std::size_t add_set(ByteSet set, const Flags& flags) {
        if (flags.caseless) set = folded(set);
        set = without_newline(set);
        const auto same = std::find(out_.sets_.begin(), out_.sets_.end(), set);
        std::size_t index = static_cast<std::size_t>(same - out_.sets_.begin());
        if (same == out_.sets_.end()) out_.sets_.push_back(set);
        Node node;
        node.kind = Kind::Bytes;
        node.set = index;
        return add(std::move(node));
    }
    std::size_t add_kind(Kind kind) {
        Node node;
        node.kind = kind;
        return add(std::move(node));
    }

    std::optional<std::size_t> alternation(const Flags& flags) {
        Node alt;
        alt.kind = Kind::Alternate;
        for (;;) {
            const auto branch = concatenation(flags);
            if (!branch) return std::nullopt;
            alt.kids.push_back(*branch);
            if (peek() != '|' || at_end()) break;
            ++pos_;
        }
        if (alt.kids.size() == 1) return alt.kids.front();
        return add(std::move(alt));
    }

    std::optional<std::size_t> concatenation(const Flags& flags) {
        Node seq;
        seq.kind = Kind::Concat;
        while (!at_end() && peek() != '|' && peek() != ')') {
            auto item = atom(flags);
            if (!item) return std::nullopt;
            item = repetitions(*item);
            if (!item) return std::nullopt;
            seq.kids.push_back(*item);
        }
        if (seq.kids.empty()) return add_kind(Kind::Empty);
        if (seq.kids.size() == 1) return seq.kids.front();
        return add(std::move(seq));
    }

    // A quantifier after `item`, if any (RE2 refuses stacked ones, so there is at most one).
    std::optional<std::size_t> repetitions(std::size_t item) {
        unsigned min = 0;
        unsigned max = 0;
        const unsigned char c = peek();
        if (c == '*') {
            min = 0, max = BitstreamRegex::kUnbounded, ++pos_;
        } else if (c == '+') {
            min = 1, max = BitstreamRegex::kUnbounded, ++pos_;
        } else if (c == '?') {
            min = 0, max = 1, ++pos_;
        } else if (c == '{') {
            if (!counted(min, max)) return std::nullopt;  // a literal '{' in RE2: not taken
        } else {
            return item;
        }
        if (peek() == '?') ++pos_;  // lazy: where a match ends, not whether a line has one
        if (peek() == '*' || peek() == '+' || peek() == '?' || peek() == '{') return std::nullopt;
        Node repeat;
        repeat.kind = Kind::Repeat;
        repeat.kids.push_back(item);
        repeat.min = min;
        repeat.max = max;
        return add(std::move(repeat));
    }

    // {n}, {n,}, {n,m}.
    bool counted(unsigned& min, unsigned& max) {
        std::size_t p = pos_ + 1;
        auto number = [&](unsigned& value) {
            const std::size_t begin = p;
            value = 0;
            while (p < in_.size() && is_digit(static_cast<unsigned char>(in_[p])) && value <= 1000) {
                value = value * 10 + static_cast<unsigned>(in_[p] - '0');
                ++p;
            }
            return p > begin && value <= 1000;
        };
        if (!number(min)) return false;
        max = min;
        if (p < in_.size() && in_[p] == ',') {
            ++p;
            if (p < in_.size() && in_[p] == '}') max = BitstreamRegex::kUnbounded;
            else if (!number(max) || max < min) return false;
        }
        if (p >= in_.size() || in_[p] != '}') return false;
        pos_ = p + 1;
        return true;
    }

    std::optional<std::size_t> atom(const Flags& flags) {
        const unsigned char c = peek();
        switch (c) {
        case '(': return group(flags);
        case '[': return char_class(flags);
        case '.': ++pos_; return add_set(complement(ByteSet{}), Flags{});
        case '^':
        case '$':
            // Outside (?m) these are \A and \z in RE2's Perl mode: not taken.
            if (!flags.multiline) return std::nullopt;
            ++pos_;
            return add_kind(c == '^' ? Kind::LineStart : Kind::LineEnd);
        case '\\': return escape(flags);
        case '*':
        case '+':
        case '?':
        case '{':
        case '|':
        case ')': return std::nullopt;  // RE2 refused these here, or they are not ours
        default: break;
        }
        ByteSet set;
        const auto rune = character();
        if (!rune) return std::nullopt;
        if (*rune >= 0x80 && flags.caseless) return std::nullopt;  // folds onto ASCII (the Kelvin sign)
        set.add(*rune);
        return add_set(set, flags);
    }

    // A character of the pattern, decoded from UTF-8 (well formed: RE2 accepted it).
    std::optional<std::uint32_t> character() {
        const unsigned char lead = peek();
        if (lead < 0x80) {
            ++pos_;
            return lead;
        }
        std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
        if (pos_ + length > in_.size()) return std::nullopt;
        std::uint32_t value = lead & (0x3F >> (length - 1));
        for (std::size_t i = 1; i < length; ++i) value = (value << 6) | (peek(i) & 0x3F);
        pos_ += length;
        return value;
    }

    std::optional<std::size_t> group(const Flags& outer) {
        Flags flags = outer;
        ++pos_;  // '('
        if (peek() == '?') {
            ++pos_;
            for (; peek() != ':'; ++pos_) {
                if (peek() == 'i') flags.caseless = true;
                else if (peek() == 'm') flags.multiline = true;
                else return std::nullopt;  // (?s) (?U) (?-i) (?P<name>, (?i) without ':'
            }
            ++pos_;  // ':'
        }
        const auto inside = alternation(flags);
        if (!inside || peek() != ')') return std::nullopt;
        ++pos_;
        return inside;
    }

    // An escape outside a class: Perl classes, \b \B, or a character.
    std::optional<std::size_t> escape(const Flags& flags) {
        const unsigned char name = peek(1);
        switch (name) {
        case 'd':
        case 's':
        case 'w':
            pos_ += 2;
            return add_set(perl_class(static_cast<char>(name)), flags);
        case 'D':
        case 'S':
        case 'W':
            pos_ += 2;
            return add_set(negated_perl_class(name, flags), Flags{});
        case 'b':
        case 'B':
            pos_ += 2;
            return add_kind(name == 'b' ? Kind::WordBoundary : Kind::NotWordBoundary);
        default: break;
        }
        const auto rune = escaped_character();
        if (!rune) return std::nullopt;
        if (*rune >= 0x80 && flags.caseless) return std::nullopt;
        ByteSet set;
        set.add(*rune);
        return add_set(set, flags);
    }

    // \D \S \W: folded first when caseless, then negated, never '\n' (RE2's AddUGroup).
    static ByteSet negated_perl_class(unsigned char name, const Flags& flags) {
        ByteSet positive = perl_class(static_cast<char>(name - 'A' + 'a'));
        if (flags.caseless) positive = folded(positive);
        positive.add('\n');
        return complement(positive);
    }

    // The character an escape stands for: \xHH, \x{H...}, \a \f \n \r \t \v, or escaped
    // punctuation. Octal, \pN, \A, \z, \C, \Q and the rest: not taken.
    std::optional<std::uint32_t> escaped_character() {
        const unsigned char c = peek(1);
        if (c == 0) return std::nullopt;
        pos_ += 2;
        switch (c) {
        case 'a': return 0x07;
        case 'f': return '\f';
        case 'n': return '\n';
        case 'r': return '\r';
        case 't': return '\t';
        case 'v': return '\v';
        case 'x': return hex_escape();
        default: break;
        }
        if (c < 0x80 && !is_word(c)) return c;
        return std::nullopt;
    }

    std::optional<std::uint32_t> hex_escape() {
        std::uint32_t value = 0;
        if (peek() == '{') {
            ++pos_;
            std::size_t digits = 0;
            for (; hex_value(peek()) >= 0; ++pos_, ++digits) {
                value = value * 16 + static_cast<std::uint32_t>(hex_value(peek()));
                if (value > 0x10FFFF) return std::nullopt;
            }
            if (digits == 0 || peek() != '}') return std::nullopt;
            ++pos_;
            return value;
        }
        if (hex_value(peek()) < 0 || hex_value(peek(1)) < 0) return std::nullopt;
        value = static_cast<std::uint32_t>(hex_value(peek()) * 16 + hex_value(peek(1)));
        pos_ += 2;
        return value;
    }

    // [...]: RE2's ParseCharClass. Members are folded as they are added (caseless), the class
    // negated after, and '\n' is never in it.
    std::optional<std::size_t> char_class(const Flags& flags) {
        ++pos_;  // '['
        bool negated = false;
        if (peek() == '^') {
            negated = true;
            ++pos_;
        }
        ByteSet set;
        for (bool first = true; first || peek() != ']'; first = false) {
            if (at_end()) return std::nullopt;
            if (peek() == '[' && peek(1) == ':') {
                const std::size_t close = in_.find(":]", pos_ + 2);
                if (close == std::string_view::npos) return std::nullopt;
                std::string_view name = in_.substr(pos_ + 2, close - pos_ - 2);
                const bool negated_name = !name.empty() && name.front() == '^';
                if (negated_name) name.remove_prefix(1);
                auto members = posix_class(name);
                if (!members) return std::nullopt;
                if (flags.caseless) members = folded(*members);
                if (negated_name) {
                    members->add('\n');
                    members = complement(*members);
                }
                set = united(set, *members);
                pos_ = close + 2;
                continue;
            }
            if (peek() == '\\') {
                const unsigned char name = peek(1);
                if (name == 'd' || name == 's' || name == 'w') {
                    set = united(set, flags.caseless ? folded(perl_class(static_cast<char>(name))) : perl_class(static_cast<char>(name)));
                    pos_ += 2;
                    continue;
                }
                if (name == 'D' || name == 'S' || name == 'W') {
                    set = united(set, negated_perl_class(name, flags));
                    pos_ += 2;
                    continue;
                }
            }
            const auto lo = class_character();
            if (!lo) return std::nullopt;
            std::uint32_t hi = *lo;
            if (peek() == '-' && peek(1) != ']' && pos_ + 1 < in_.size()) {
                ++pos_;
                const auto end = class_character();
                if (!end || *end < *lo) return std::nullopt;
                hi = *end;
            }
            if (flags.caseless && hi >= 0x80) return std::nullopt;
            ByteSet range;
            add_range(range, *lo, hi);
            set = united(set, flags.caseless ? folded(range) : range);
        }
        ++pos_;  // ']'
        if (negated) {
            set.add('\n');
            set = complement(set);
        }
        return add_set(set, Flags{});
    }

    std::optional<std::uint32_t> class_character() {
        if (peek() == '\\') return escaped_character();
        return character();
    }

    // Whether some ASCII text matches the node: not when it needs a byte from an empty set.
    bool can_match(std::size_t index) const {
        const Node& node = out_.nodes_[index];
        switch (node.kind) {
        case Kind::Bytes: return !(out_.sets_[node.set] == ByteSet{});
        case Kind::Concat:
            return std::all_of(node.kids.begin(), node.kids.end(), [&](std::size_t kid) { return can_match(kid); });
        case Kind::Alternate:
            return std::any_of(node.kids.begin(), node.kids.end(), [&](std::size_t kid) { return can_match(kid); });
        case Kind::Repeat: return node.min == 0 || can_match(node.kids.front());
        default: return true;
        }
    }

    // Word operations per 64 bytes of text, about.
    std::size_t cost(std::size_t index) const {
        const Node& node = out_.nodes_[index];
        std::size_t kids = 0;
        for (std::size_t kid : node.kids) kids += cost(kid);
        switch (node.kind) {
        case Kind::Bytes: return 3;
        case Kind::Concat: return kids;
        case Kind::Alternate: return kids + node.kids.size();
        case Kind::Repeat: {
            const bool star_of_bytes = out_.nodes_[node.kids.front()].kind == Kind::Bytes;
            const std::size_t tail = node.max == BitstreamRegex::kUnbounded ? (star_of_bytes ? 5 : 8 * (kids + 2))
                                                                            : (node.max - node.min) * (kids + 2);
            return std::size_t{node.min} * kids + tail;
        }
        default: return 1;
        }
    }

    std::string_view in_;
    std::size_t pos_ = 0;
    BitstreamRegex out_;
};

std::optional<BitstreamRegex> BitstreamRegex::compile(std::string_view re2_pattern) {
    return BitstreamParser(re2_pattern).run();
}

}  // namespace codescout
