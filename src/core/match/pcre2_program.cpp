// PCRE2 compilation, JIT, limits, the time budget and the find loop (see pcre2_program.h).
#define PCRE2_CODE_UNIT_WIDTH 8
#include "core/match/pcre2_program.h"

#include <pcre2.h>

#include <cstdio>
#include <iterator>
#include <new>

#include "core/match/lines_alone.h"
#include "core/match/thread_cpu_clock.h"
#include "core/metrics/engine_memory.h"

namespace codescout {

namespace {

// The JIT stack is reserved address space, committed only as a match touches it. A linear
// pattern such as (a|b)+ on a megabyte-long line needs tens of MiB, so the stack grows on
// demand (x8 per step) up to kJitStackLimit before a line is reported as over the limit.
constexpr std::size_t kJitStackStart = 32 * 1024;
constexpr std::size_t kJitStackFirstMax = 1024 * 1024;
constexpr std::size_t kJitStackLimit = 64 * 1024 * 1024;

// PCRE2 cannot be interrupted inside a call, so a search is split into calls that each try a
// bounded window of start positions (pcre2_set_offset_limit), and the time budget is checked
// between calls. A call's work is at most (start positions) x (match limit per position). The
// first call allows kLevelLimits[0] steps per position over many positions, all that a normal
// pattern needs; a position that needs more makes the call fail with PCRE2_ERROR_MATCHLIMIT, and
// the same window is retried at the next level: 16x the steps, 1/16 of the positions, up to the
// real kPcre2MatchLimit. So no call does more than about kStepsPerCall steps (about a second at
// the slowest JIT rate measured, 10 ns per step on (?:a|b)+x), the result is the same as one
// unbounded call's, and a normal scan makes one call per 128 Ki start positions. After 16
// windows without a match (as many positions as the window that failed one level lower) the
// level steps down again, so one costly spot does not slow the rest; stepping down sooner would
// rescan the failed window's start again and again before reaching the costly spot.
// (The alternative, a callout at the start of the pattern, runs on every start position and
// stops JIT's literal-prefix fast-forward: 1.8-15x slower on literal-led patterns, measured.)
constexpr std::uint32_t kLevelLimits[] = {1024, 16 * 1024, 256 * 1024, 4 * 1024 * 1024, kPcre2MatchLimit};
constexpr std::size_t kLevels = std::size(kLevelLimits);
constexpr std::size_t kWindowsPerLevel = 16;
constexpr std::size_t kStepsPerCall = std::size_t{1} << 27;

// UTF + UCP: \w, \d, \b and case folding follow Unicode. MATCH_INVALID_UTF: invalid UTF-8 in a
// file is simply never matched by a multi-byte item instead of failing the whole call.
// MULTILINE: ^ and $ at every line boundary of the multi-line haystack. USE_OFFSET_LIMIT: the
// start-position windows above.
// ALT_CIRCUMFLEX (records, below): ^ also after a '\n' that ends the haystack.
std::uint32_t compile_options(bool caseless, bool caret_after_final_newline) {
    std::uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF | PCRE2_MULTILINE |
                            PCRE2_USE_OFFSET_LIMIT;
    if (caseless) options |= PCRE2_CASELESS;
    if (caret_after_final_newline) options |= PCRE2_ALT_CIRCUMFLEX;
    return options;
}

std::string error_message(int code) {
    PCRE2_UCHAR buffer[256];
    const int length = pcre2_get_error_message(code, buffer, sizeof buffer);
    if (length < 0) return "PCRE2 error " + std::to_string(code);
    return std::string(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
}

// Compiles with '\n' as the only line terminator whatever PCRE2's build default is.
pcre2_code* compile(std::string_view regex, bool caseless, int& error, PCRE2_SIZE& offset,
                    bool caret_after_final_newline = false) {
    pcre2_compile_context* context = pcre2_compile_context_create(nullptr);
    if (context == nullptr) throw std::bad_alloc();
    pcre2_set_newline(context, PCRE2_NEWLINE_LF);
    pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(regex.data()), regex.size(),
                                     compile_options(caseless, caret_after_final_newline), &error, &offset, context);
    pcre2_compile_context_free(context);
    return code;
}

pcre2_code* as_code(void* p) { return static_cast<pcre2_code*>(p); }

bool is_limit_error(int rc) {
    return rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
           rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT;
}

// Where the window after one that ends before `pos` starts: the first ASCII byte at or after
// `pos`. An ASCII byte always begins a character, so an unbounded search tries it as a start
// position too; a cut inside a multi-byte character would add a start no unbounded search tries
// (where \B, for one, could match).
std::size_t window_cut(std::string_view subject, std::size_t pos) {
    while (pos < subject.size() && static_cast<unsigned char>(subject[pos]) >= 0x80) ++pos;
    return pos;
}

// The time budget of one run(): started lazily before its second PCRE2 call (most runs need
// only one, and pay nothing), checked before every later one.
class BudgetClock {
public:
    explicit BudgetClock(const Pcre2TimeBudget& budget) : budget_(budget) {}

    // False once the CPU time since start exceeds the allowance for the progress to `position`.
    bool within(std::size_t position) {
        if (!started_) {
            started_ = true;
            start_time_ = thread_cpu_seconds();
            start_position_ = position;
            return true;
        }
        const double mib = static_cast<double>(position - start_position_) / (1024.0 * 1024.0);
        const double allowance = budget_.base_seconds + budget_.seconds_per_mib * mib;
        return thread_cpu_seconds() - start_time_ <= allowance;
    }

private:
    const Pcre2TimeBudget& budget_;
    bool started_ = false;
    double start_time_ = 0;
    std::size_t start_position_ = 0;
};

}  // namespace

Pcre2Scratch::Pcre2Scratch() {
    match_data_ = pcre2_match_data_create(1, nullptr);
    auto* context = pcre2_match_context_create(nullptr);
    match_context_ = context;
    jit_stack_max_ = kJitStackFirstMax;
    jit_stack_ = pcre2_jit_stack_create(kJitStackStart, jit_stack_max_, nullptr);
    if (match_data_ == nullptr || context == nullptr) {
        release();
        throw std::bad_alloc();
    }
    // Counted in the attribution as per-thread scratch; the JIT stack is not: PCRE2 reserves it
    // with mmap, outside the heap (its touched pages show up as unattributed).
    match_data_bytes_ = pcre2_get_match_data_size(static_cast<pcre2_match_data*>(match_data_));
    engine_memory().add(EngineComponent::Scratch, match_data_bytes_);
    pcre2_set_match_limit(context, kPcre2MatchLimit);
    pcre2_set_depth_limit(context, kPcre2DepthLimit);
    // Without a JIT stack (JIT unsupported) PCRE2 uses its small default one.
    if (jit_stack_ != nullptr) {
        pcre2_jit_stack_assign(context, nullptr, static_cast<pcre2_jit_stack*>(jit_stack_));
    }
}

Pcre2Scratch::~Pcre2Scratch() { release(); }

bool Pcre2Scratch::grow_jit_stack() {
    if (jit_stack_ == nullptr || jit_stack_max_ >= kJitStackLimit) return false;
    auto* bigger = pcre2_jit_stack_create(kJitStackStart, jit_stack_max_ * 8, nullptr);
    if (bigger == nullptr) return false;
    pcre2_jit_stack_free(static_cast<pcre2_jit_stack*>(jit_stack_));
    jit_stack_ = bigger;
    jit_stack_max_ *= 8;
    pcre2_jit_stack_assign(static_cast<pcre2_match_context*>(match_context_), nullptr, bigger);
    return true;
}

void Pcre2Scratch::release() {
    engine_memory().sub(EngineComponent::Scratch, match_data_bytes_);
    match_data_bytes_ = 0;
    pcre2_match_data_free(static_cast<pcre2_match_data*>(match_data_));
    pcre2_match_context_free(static_cast<pcre2_match_context*>(match_context_));
    pcre2_jit_stack_free(static_cast<pcre2_jit_stack*>(jit_stack_));
    match_data_ = match_context_ = jit_stack_ = nullptr;
}

Pcre2Program::Pcre2Program(std::string_view regex, bool caseless, bool spans_lines, bool caret_after_final_newline)
    : spans_lines_(spans_lines) {
    int error = 0;
    PCRE2_SIZE offset = 0;
    pcre2_code* code = compile(regex, caseless, error, offset, caret_after_final_newline);
    if (code == nullptr) throw PatternError(std::string(regex), error_message(error), offset);
    code_ = code;
    // JIT is an optimisation: if it is unavailable or fails, the interpreter gives the same answers.
    jit_ = pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0;
    // \G asserts "at the start offset of the call", which windows would move: such a pattern
    // (rare in a search tool, but the literal matcher's -w verifier is one) runs as one call.
    // A verifier is anchored anyway, and tries a single start position.
    windowed_ = regex.find("\\G") == std::string_view::npos;
    lines_alone_ = !spans_lines && needs_lines_alone(regex);
    std::uint32_t empty = 0;
    pcre2_pattern_info(code, PCRE2_INFO_MATCHEMPTY, &empty);
    can_match_empty_ = empty != 0;
}

Pcre2Program::~Pcre2Program() { pcre2_code_free(as_code(code_)); }

std::optional<Pcre2CompileFailure> Pcre2Program::check(std::string_view regex, bool caseless) {
    int error = 0;
    PCRE2_SIZE offset = 0;
    pcre2_code* code = compile(regex, caseless, error, offset);
    if (code == nullptr) return Pcre2CompileFailure{error_message(error), offset};
    pcre2_code_free(code);
    return std::nullopt;
}

bool Pcre2Program::matches_empty(std::string_view regex, bool caseless) {
    int error = 0;
    PCRE2_SIZE offset = 0;
    pcre2_code* code = compile(regex, caseless, error, offset);
    if (code == nullptr) throw PatternError(std::string(regex), error_message(error), offset);
    std::uint32_t empty = 0;
    pcre2_pattern_info(code, PCRE2_INFO_MATCHEMPTY, &empty);
    pcre2_code_free(code);
    return empty != 0;
}

int Pcre2Program::call(std::string_view subject, std::size_t from, std::size_t last_start,
                       std::uint32_t match_limit, Pcre2Scratch& scratch) const {
    auto* data = static_cast<pcre2_match_data*>(scratch.match_data());
    auto* context = static_cast<pcre2_match_context*>(scratch.match_context());
    pcre2_set_match_limit(context, match_limit);
    pcre2_set_offset_limit(context, last_start == std::string_view::npos ? PCRE2_UNSET : last_start);
    const auto* bytes = reinterpret_cast<PCRE2_SPTR>(subject.data());
    int rc = 0;
    do {
        rc = jit_ ? pcre2_jit_match(as_code(code_), bytes, subject.size(), from, 0, data, context)
                  : pcre2_match(as_code(code_), bytes, subject.size(), from, 0, data, context);
    } while (rc == PCRE2_ERROR_JIT_STACKLIMIT && scratch.grow_jit_stack());
    return rc;
}

Pcre2Program::Outcome Pcre2Program::run(std::string_view subject, std::size_t from,
                                        Pcre2Scratch& scratch, MatchRange& out) const {
    BudgetClock clock(scratch.time_budget());
    std::size_t start = from;
    std::size_t level = 0;
    std::size_t windows_at_level = 0;  // without a match, since the last change of level
    for (bool first = true;; first = false) {
        if (!first && !clock.within(start)) return Outcome::OverBudget;
        std::size_t cut = subject.size();
        if (windowed_) {
            const std::size_t positions = kStepsPerCall / kLevelLimits[level];
            if (positions < subject.size() - start) cut = window_cut(subject, start + positions);
        } else {
            level = kLevels - 1;
        }
        const bool last_window = cut == subject.size();
        const int rc = call(subject, start, last_window ? std::string_view::npos : cut - 1,
                            kLevelLimits[level], scratch);
        if (rc >= 0) {
            const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(static_cast<pcre2_match_data*>(scratch.match_data()));
            out = MatchRange{ovector[0], ovector[1]};
            return Outcome::Match;
        }
        if (rc == PCRE2_ERROR_NOMATCH) {
            if (last_window) return Outcome::NoMatch;
            start = cut;
            if (level > 0 && ++windows_at_level == kWindowsPerLevel) {
                --level;
                windows_at_level = 0;
            }
        } else if (rc == PCRE2_ERROR_MATCHLIMIT && level + 1 < kLevels) {
            ++level;  // the same window again, fewer positions, more steps each
            windows_at_level = 0;
        } else if (is_limit_error(rc)) {
            return Outcome::Limit;
        } else {
            throw std::runtime_error("PCRE2 match failed: " + error_message(rc));
        }
    }
}

namespace {

std::string seconds(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g s", value);
    return text;
}

MatchLimitError over_budget(std::size_t from, const Pcre2TimeBudget& budget) {
    return MatchLimitError("matching from byte " + std::to_string(from) + " took longer than its time budget (" +
                           seconds(budget.base_seconds) + " + " + seconds(budget.seconds_per_mib) +
                           " per MiB scanned): the pattern backtracks over long stretches of this text");
}

}  // namespace

std::optional<MatchRange> Pcre2Program::find(std::string_view haystack, std::size_t from,
                                             Pcre2Scratch& scratch) const {
    if (from > haystack.size()) return std::nullopt;
    if (lines_alone_) return find_line_by_line(haystack, from, scratch);
    MatchRange range;
    switch (run(haystack, from, scratch, range)) {
    case Outcome::Match: return range;
    case Outcome::NoMatch: return std::nullopt;
    case Outcome::OverBudget: throw over_budget(from, scratch.time_budget());
    case Outcome::Limit: break;
    }
    if (spans_lines_) {
        throw MatchLimitError("the pattern exceeded PCRE2's match limit at byte " + std::to_string(from) +
                              " (catastrophic backtracking?)");
    }
    // The budget is per call and a call over a large buffer spends it on every line: retry line
    // by line, each line its own call with its own limit.
    return find_line_by_line(haystack, from, scratch);
}

std::optional<MatchRange> Pcre2Program::find_line_by_line(std::string_view haystack, std::size_t from,
                                                          Pcre2Scratch& scratch) const {
    MatchRange range;
    if (from > 0 && from == haystack.size() && haystack[from - 1] == '\n') {
        // Past the last line (a final '\n' ends a line, it starts none): asked at the very end of
        // the whole haystack, as without lines alone — only an empty match can lie there, and
        // ^ does not (an empty line as rg -P's printer sees it: search_options.h).
        switch (run(haystack, from, scratch, range)) {
        case Outcome::Match: return range;
        case Outcome::NoMatch: return std::nullopt;
        case Outcome::OverBudget: throw over_budget(from, scratch.time_budget());
        case Outcome::Limit:
            throw MatchLimitError("the pattern exceeded PCRE2's match limit at byte " + std::to_string(from) +
                                  " (catastrophic backtracking?)");
        }
    }
    const std::size_t previous_newline = from == 0 ? std::string_view::npos : haystack.rfind('\n', from - 1);
    std::size_t line_begin = previous_newline == std::string_view::npos ? 0 : previous_newline + 1;
    std::size_t start = from;
    while (true) {
        const std::size_t newline = haystack.find('\n', start);
        const std::size_t line_end = newline == std::string_view::npos ? haystack.size() : newline;
        // The line alone: no '\n' to cross, no earlier line for look-behind to see.
        switch (run(haystack.substr(line_begin, line_end - line_begin), start - line_begin, scratch, range)) {
        case Outcome::Match: return MatchRange{range.begin + line_begin, range.end + line_begin};
        case Outcome::NoMatch: break;
        case Outcome::OverBudget: throw over_budget(start, scratch.time_budget());
        case Outcome::Limit:
            throw MatchLimitError("the pattern exceeded PCRE2's match limit on the line at byte " +
                                  std::to_string(line_begin) + " (catastrophic backtracking?)");
        }
        if (newline == std::string_view::npos) return std::nullopt;
        start = line_begin = newline + 1;
    }
}

bool Pcre2Program::match_groups_at(std::string_view subject, std::size_t start, CaptureGroups& out) const {
    if (start > subject.size()) return false;
    pcre2_match_data* data = pcre2_match_data_create_from_pattern(as_code(code_), nullptr);
    if (data == nullptr) throw std::bad_alloc();
    pcre2_match_context* context = pcre2_match_context_create(nullptr);
    if (context == nullptr) {
        pcre2_match_data_free(data);
        throw std::bad_alloc();
    }
    pcre2_set_match_limit(context, kPcre2MatchLimit);
    pcre2_set_depth_limit(context, kPcre2DepthLimit);
    const int rc = pcre2_match(as_code(code_), reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(), start,
                               PCRE2_ANCHORED, data, context);
    out.subject = subject;
    out.spans.clear();
    if (rc > 0) {
        const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(data);
        const std::uint32_t pairs = pcre2_get_ovector_count(data);
        for (std::uint32_t i = 0; i < pairs; ++i) {
            const bool unset = ovector[2 * i] == PCRE2_UNSET;
            out.spans.emplace_back(unset ? CaptureGroups::kUnset : ovector[2 * i],
                                   unset ? CaptureGroups::kUnset : ovector[2 * i + 1]);
        }
    }
    pcre2_match_context_free(context);
    pcre2_match_data_free(data);
    return rc > 0;
}

CaptureNames Pcre2Program::group_names() const {
    std::uint32_t count = 0;
    std::uint32_t entry_size = 0;
    PCRE2_SPTR table = nullptr;
    pcre2_pattern_info(as_code(code_), PCRE2_INFO_NAMECOUNT, &count);
    pcre2_pattern_info(as_code(code_), PCRE2_INFO_NAMEENTRYSIZE, &entry_size);
    pcre2_pattern_info(as_code(code_), PCRE2_INFO_NAMETABLE, &table);
    CaptureNames names;
    for (std::uint32_t i = 0; i < count; ++i) {
        // Each entry: the group number in two bytes (big-endian), then the NUL-terminated name.
        const PCRE2_SPTR entry = table + static_cast<std::size_t>(i) * entry_size;
        const std::size_t number = (static_cast<std::size_t>(entry[0]) << 8) | entry[1];
        names.emplace_back(std::string(reinterpret_cast<const char*>(entry + 2)), number);
    }
    return names;
}

std::size_t Pcre2Program::group_count() const {
    std::uint32_t count = 0;
    pcre2_pattern_info(as_code(code_), PCRE2_INFO_CAPTURECOUNT, &count);
    return count;
}

std::size_t Pcre2Program::memory_bytes() const {
    std::size_t size = 0;
    std::size_t jit_size = 0;
    pcre2_pattern_info(as_code(code_), PCRE2_INFO_SIZE, &size);
    if (jit_) pcre2_pattern_info(as_code(code_), PCRE2_INFO_JITSIZE, &jit_size);
    return size + jit_size;
}

}  // namespace codescout
