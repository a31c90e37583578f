// Glob patterns with git's wildmatch semantics (the path-aware flavour that .gitignore uses), shared
// by ignore files, ripgrep-style -g globs and RustScout --ignore globs.
//
//   *        any run of bytes except '/'
//   ?        one byte except '/'
//   [...]    a class: ranges (a-z), negation ([!..] or [^..]), POSIX names ([:alpha:]), escapes;
//            never matches '/'
//   **/      at the start or after '/': zero or more whole directories ("**/a" matches "a", "x/y/a")
//   /**      at the end: everything below ("a/**" matches "a/b" and "a/b/c")
//   **       elsewhere: the same as '*'
//   \c       the byte c literally
//
// A pattern is compiled once; matching never allocates. The common shapes of ignore lines ("name",
// "*.o", "prefix*", "**/name") are recognised at compile time and take a direct comparison.
#pragma once

#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace codescout {

class Glob {
public:
    // Throws std::invalid_argument naming the pattern when it is malformed (unclosed '[', unknown
    // [:class:], trailing backslash).
    explicit Glob(std::string_view pattern);

    bool matches(std::string_view text) const;
    const std::string& pattern() const { return pattern_; }
    // Heap bytes the compiled glob owns (its strings and tables), for the memory attribution.
    std::size_t heap_bytes() const;

private:
    enum class Shape : std::uint8_t {
        Literal,          // text == literal_
        Suffix,           // "*lit": text ends with literal_, no '/' before it
        Prefix,           // "lit*": text starts with literal_, no '/' after it
        AnyDirsLiteral,   // "**/lit": text == literal_ or ends with "/" + literal_
        NoSlash,          // "*": any text without '/'
        Everything,       // "**"
        General,          // the token machine below
    };
    enum class Op : std::uint8_t { Literal, One, Class, Star, AnyDirs, Everything };
    struct Token {
        Op op;
        std::uint32_t a = 0;  // Literal: offset into literals_; Class: index into classes_
        std::uint32_t b = 0;  // Literal: length
    };
    enum class Result : std::uint8_t { Match, NoMatch, AbortAll, AbortToStarStar };

    void parse(std::string_view p);
    void add_literal_byte(char c);
    std::size_t parse_class(std::string_view p, std::size_t i);
    void choose_shape();
    Result run(std::size_t ti, std::string_view text, std::size_t si) const;

    std::string pattern_;
    Shape shape_ = Shape::General;
    std::string literal_;           // for the fast shapes
    std::vector<Token> tokens_;
    std::string literals_;          // bytes of all Literal tokens
    std::vector<std::bitset<256>> classes_;
};

}  // namespace codescout
