// Glob compilation and matching (see glob.h). The matcher is a backtracking token machine with
// wildmatch's two abort signals, which keep patterns with several stars from going exponential:
// once a '*' has scanned to the end of the text no other split can help (AbortAll), and once it
// has hit a '/' only an enclosing '**' can (AbortToStarStar).
#include "core/walk/glob.h"

#include "core/metrics/attributed_bytes.h"

#include <cstring>
#include <stdexcept>

namespace codescout {

namespace {

[[noreturn]] void fail(std::string_view pattern, const char* what) {
    throw std::invalid_argument("invalid glob '" + std::string(pattern) + "': " + what);
}

bool has_slash(std::string_view s) { return s.find('/') != std::string_view::npos; }

// Adds the members of a POSIX class name ("alpha", ...) to `set`; false for an unknown name.
bool add_posix_class(std::string_view name, std::bitset<256>& set) {
    auto add_if = [&](auto pred) {
        for (int c = 0; c < 128; ++c) {
            if (pred(c)) set.set(static_cast<std::size_t>(c));
        }
    };
    auto upper = [](int c) { return c >= 'A' && c <= 'Z'; };
    auto lower = [](int c) { return c >= 'a' && c <= 'z'; };
    auto digit = [](int c) { return c >= '0' && c <= '9'; };
    auto alpha = [&](int c) { return upper(c) || lower(c); };
    auto space = [](int c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
    auto punct = [&](int c) { return c > ' ' && c < 127 && !alpha(c) && !digit(c); };
    if (name == "alpha") add_if(alpha);
    else if (name == "digit") add_if(digit);
    else if (name == "alnum") add_if([&](int c) { return alpha(c) || digit(c); });
    else if (name == "upper") add_if(upper);
    else if (name == "lower") add_if(lower);
    else if (name == "space") add_if(space);
    else if (name == "blank") add_if([](int c) { return c == ' ' || c == '\t'; });
    else if (name == "punct") add_if(punct);
    else if (name == "xdigit") add_if([&](int c) { return digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); });
    else if (name == "cntrl") add_if([](int c) { return c < ' ' || c == 127; });
    else if (name == "print") add_if([](int c) { return c >= ' ' && c < 127; });
    else if (name == "graph") add_if([](int c) { return c > ' ' && c < 127; });
    else return false;
    return true;
}

}  // namespace

Glob::Glob(std::string_view pattern) : pattern_(pattern) {
    parse(pattern);
    choose_shape();
}

void Glob::add_literal_byte(char c) {
    if (tokens_.empty() || tokens_.back().op != Op::Literal) {
        tokens_.push_back({Op::Literal, static_cast<std::uint32_t>(literals_.size()), 0});
    }
    literals_.push_back(c);
    ++tokens_.back().b;
}

void Glob::parse(std::string_view p) {
    std::size_t i = 0;
    while (i < p.size()) {
        const char c = p[i];
        if (c == '\\') {
            if (i + 1 >= p.size()) fail(p, "trailing backslash");
            add_literal_byte(p[i + 1]);
            i += 2;
        } else if (c == '?') {
            tokens_.push_back({Op::One});
            ++i;
        } else if (c == '[') {
            i = parse_class(p, i);
        } else if (c == '*') {
            std::size_t stars = 0;
            const bool after_slash = i == 0 || p[i - 1] == '/';
            while (i < p.size() && p[i] == '*') {
                ++stars;
                ++i;
            }
            const bool at_end = i == p.size();
            if (stars >= 2 && after_slash && (at_end || p[i] == '/')) {
                if (at_end) {
                    tokens_.push_back({Op::Everything});
                } else {
                    tokens_.push_back({Op::AnyDirs});
                    ++i;  // the '/' belongs to "**/"
                }
            } else if (tokens_.empty() || tokens_.back().op != Op::Star) {
                tokens_.push_back({Op::Star});
            }
        } else {
            add_literal_byte(c);
            ++i;
        }
    }
}

// Parses the class starting at p[i] == '['; returns the index just past its ']'.
std::size_t Glob::parse_class(std::string_view p, std::size_t i) {
    std::bitset<256> set;
    std::size_t j = i + 1;
    bool negate = false;
    if (j < p.size() && (p[j] == '!' || p[j] == '^')) {
        negate = true;
        ++j;
    }
    bool first = true;
    bool closed = false;
    while (j < p.size()) {
        unsigned char lo = static_cast<unsigned char>(p[j]);
        if (lo == ']' && !first) {
            closed = true;
            ++j;
            break;
        }
        first = false;
        if (lo == '[' && j + 1 < p.size() && p[j + 1] == ':') {
            const std::size_t end = p.find(":]", j + 2);
            if (end == std::string_view::npos) fail(p, "unclosed [: in a character class");
            if (!add_posix_class(p.substr(j + 2, end - j - 2), set)) fail(p, "unknown [:class:] name");
            j = end + 2;
            continue;
        }
        if (lo == '\\') {
            if (j + 1 >= p.size()) fail(p, "trailing backslash");
            lo = static_cast<unsigned char>(p[++j]);
        }
        ++j;
        if (j + 1 < p.size() && p[j] == '-' && p[j + 1] != ']') {
            unsigned char hi = static_cast<unsigned char>(p[j + 1]);
            j += 2;
            if (hi == '\\') {
                if (j >= p.size()) fail(p, "trailing backslash");
                hi = static_cast<unsigned char>(p[j++]);
            }
            if (hi < lo) fail(p, "invalid range in a character class");
            for (unsigned c = lo; c <= hi; ++c) set.set(c);
        } else {
            set.set(lo);
        }
    }
    if (!closed) fail(p, "unclosed character class '['");
    if (negate) set.flip();
    set.reset('/');  // a class never matches a directory separator
    classes_.push_back(set);
    tokens_.push_back({Op::Class, static_cast<std::uint32_t>(classes_.size() - 1), 0});
    return j;
}

void Glob::choose_shape() {
    auto lit = [&](const Token& t) { return std::string(literals_, t.a, t.b); };
    const auto n = tokens_.size();
    if (n == 0) {
        shape_ = Shape::Literal;  // the empty pattern matches only the empty text
    } else if (n == 1 && tokens_[0].op == Op::Literal) {
        shape_ = Shape::Literal;
        literal_ = lit(tokens_[0]);
    } else if (n == 1 && tokens_[0].op == Op::Star) {
        shape_ = Shape::NoSlash;
    } else if (n == 1 && tokens_[0].op == Op::Everything) {
        shape_ = Shape::Everything;
    } else if (n == 2 && tokens_[0].op == Op::Star && tokens_[1].op == Op::Literal && !has_slash(lit(tokens_[1]))) {
        shape_ = Shape::Suffix;
        literal_ = lit(tokens_[1]);
    } else if (n == 2 && tokens_[0].op == Op::Literal && tokens_[1].op == Op::Star) {
        shape_ = Shape::Prefix;
        literal_ = lit(tokens_[0]);
    } else if (n == 2 && tokens_[0].op == Op::AnyDirs && tokens_[1].op == Op::Literal) {
        shape_ = Shape::AnyDirsLiteral;
        literal_ = lit(tokens_[1]);
    } else {
        shape_ = Shape::General;
    }
}

bool Glob::matches(std::string_view text) const {
    switch (shape_) {
    case Shape::Literal:
        return text == literal_;
    case Shape::Suffix:
        return text.size() >= literal_.size() && text.ends_with(literal_) &&
               !has_slash(text.substr(0, text.size() - literal_.size()));
    case Shape::Prefix:
        return text.starts_with(literal_) && !has_slash(text.substr(literal_.size()));
    case Shape::AnyDirsLiteral:
        return text.ends_with(literal_) &&
               (text.size() == literal_.size() || text[text.size() - literal_.size() - 1] == '/');
    case Shape::NoSlash:
        return !has_slash(text);
    case Shape::Everything:
        return true;
    case Shape::General:
        break;
    }
    return run(0, text, 0) == Result::Match;
}

Glob::Result Glob::run(std::size_t ti, std::string_view text, std::size_t si) const {
    const std::size_t n = text.size();
    for (; ti < tokens_.size(); ++ti) {
        const Token& tok = tokens_[ti];
        switch (tok.op) {
        case Op::Literal:
            if (n - si < tok.b || std::memcmp(text.data() + si, literals_.data() + tok.a, tok.b) != 0) {
                return Result::NoMatch;
            }
            si += tok.b;
            break;
        case Op::One:
            if (si >= n || text[si] == '/') return Result::NoMatch;
            ++si;
            break;
        case Op::Class:
            if (si >= n || !classes_[tok.a].test(static_cast<unsigned char>(text[si]))) return Result::NoMatch;
            ++si;
            break;
        case Op::Everything:
            return Result::Match;
        case Op::Star: {
            if (ti + 1 == tokens_.size()) {
                return has_slash(text.substr(si)) ? Result::NoMatch : Result::Match;
            }
            const Token& next = tokens_[ti + 1];
            for (std::size_t k = si;; ++k) {
                if (next.op == Op::Literal) {
                    // The bytes before the literal's first byte all belong to the star.
                    const char first = literals_[next.a];
                    while (k < n && text[k] != first && text[k] != '/') ++k;
                    if (k >= n) return Result::AbortAll;
                    if (text[k] != first) return Result::AbortToStarStar;
                }
                const Result r = run(ti + 1, text, k);
                if (r != Result::NoMatch) return r;
                if (k >= n) return Result::AbortAll;
                if (text[k] == '/') return Result::AbortToStarStar;
            }
        }
        case Op::AnyDirs: {
            // Zero directories, or any prefix that ends just after a '/'.
            if (run(ti + 1, text, si) == Result::Match) return Result::Match;
            for (std::size_t k = si; k < n; ++k) {
                if (text[k] != '/') continue;
                const Result r = run(ti + 1, text, k + 1);
                if (r == Result::Match || r == Result::AbortAll) return r;
            }
            return Result::AbortAll;
        }
        }
    }
    return si == n ? Result::Match : Result::NoMatch;
}

std::size_t Glob::heap_bytes() const {
    return string_heap_bytes(pattern_) + string_heap_bytes(literal_) + string_heap_bytes(literals_) +
           tokens_.capacity() * sizeof(Token) + classes_.capacity() * sizeof(classes_[0]);
}

}  // namespace codescout
