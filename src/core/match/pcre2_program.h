// One compiled PCRE2 regex (8-bit, UTF + UCP, invalid UTF-8 tolerated, multi-line, JIT when
// available) and the per-thread scratch it runs with. Both matchers (regex and literal-prefilter)
// build on this; neither exposes PCRE2 types in a header others include.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/match/matcher.h"

namespace codescout {

// Limits per pcre2_match call. JIT counts the match limit in its own way, so the depth limit only
// binds for the interpreter; both make a catastrophic backtracker stop in well under a second.
inline constexpr std::uint32_t kPcre2MatchLimit = 10'000'000;
inline constexpr std::uint32_t kPcre2DepthLimit = 100'000;

// Match data, JIT stack and match context (limits + that JIT stack) for one thread. Works with
// every Pcre2Program, so a matcher holding several programs needs only one.
class Pcre2Scratch : public MatchScratch {
public:
    Pcre2Scratch();
    ~Pcre2Scratch() override;
    Pcre2Scratch(const Pcre2Scratch&) = delete;
    Pcre2Scratch& operator=(const Pcre2Scratch&) = delete;

    void* match_data() const { return match_data_; }
    void* match_context() const { return match_context_; }
    // After PCRE2_ERROR_JIT_STACKLIMIT: a bigger JIT stack; false when at the limit already.
    bool grow_jit_stack();

private:
    void release();

    void* match_data_ = nullptr;     // pcre2_match_data_8*
    void* jit_stack_ = nullptr;      // pcre2_jit_stack_8*
    void* match_context_ = nullptr;  // pcre2_match_context_8*
    std::size_t jit_stack_max_ = 0;
};

struct Pcre2CompileFailure {
    std::string message;
    std::size_t offset = 0;
};

class Pcre2Program {
public:
    // Throws PatternError(regex, message, offset) when PCRE2 rejects `regex`.
    Pcre2Program(std::string_view regex, bool caseless);
    ~Pcre2Program();
    Pcre2Program(const Pcre2Program&) = delete;
    Pcre2Program& operator=(const Pcre2Program&) = delete;

    // Compiles without JIT just to check `regex`; nullopt when it is valid.
    static std::optional<Pcre2CompileFailure> check(std::string_view regex, bool caseless);

    // First match starting at or after `from`. Bytes before `from` are visible to look-behind.
    // When a call over many lines exceeds a limit, the lines are retried one by one (each line a
    // separate call, its own budget); MatchLimitError only when a single line exceeds it.
    std::optional<MatchRange> find(std::string_view haystack, std::size_t from,
                                   Pcre2Scratch& scratch) const;

    bool jit() const { return jit_; }
    bool can_match_empty() const { return can_match_empty_; }
    std::size_t memory_bytes() const;  // PCRE2_INFO_SIZE + PCRE2_INFO_JITSIZE

private:
    enum class Outcome { Match, NoMatch, Limit };
    Outcome run(std::string_view subject, std::size_t from, Pcre2Scratch& scratch,
                MatchRange& out) const;

    void* code_ = nullptr;  // pcre2_code_8*
    bool jit_ = false;
    bool can_match_empty_ = false;
};

}  // namespace codescout
