// Re2LinePrefilter (see re2_line_prefilter.h).
#include "core/match/re2_line_prefilter.h"

#include <absl/synchronization/mutex.h>
#include <re2/re2.h>

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/match/re2_superset.h"
#include "core/match/thread_cpu_clock.h"

namespace codescout {

namespace {

// The first window of a call is kFirstWindow, or smaller while the previous calls found their
// candidate in it (dense matches: each call then checks a few hundred bytes for non-ASCII, not
// kilobytes), down to kDenseWindow.
constexpr std::size_t kFirstWindow = 8 * 1024;
constexpr std::size_t kDenseWindow = 256;
constexpr std::size_t kMaxWindow = 1024 * 1024;
// The first window when the bitstreams search (see scan()).
constexpr std::size_t kBitstreamFirstWindow = 512;

// RE2's budget for its programs and DFA state caches; when a DFA outgrows it RE2 resets the
// cache, and falls back to its slower NFA if that keeps happening: never a wrong answer.
constexpr std::int64_t kRe2MaxMem = 8 << 20;

// RE2 does not say how many bytes a program holds, only how many instructions; an instruction
// is a few machine words.
constexpr std::size_t kBytesPerInstruction = 16;

// The speed check: a call over at least kTimedCallBytes is timed until kCarefulBytes have been
// scanned on this thread (a DFA that outgrows its memory does so early), every kSampleEvery-th
// such call after that; of the shorter calls (a few lines each, where matches are dense) every
// kSampleEvery-th until then, every kTrustedSampleEvery-th after. Reading the thread's CPU clock
// is a system call (~0.3-1 us): per call, on lines of 50-100 bytes, it cost more than RE2's
// scan, and deciding every line of a file (next_line()) makes a call per line: 1 in 16 of them
// timed still cost 0.11 s of system time on 900,000 lines (measured). A verdict needs
// kVerdictBytes of timed calls, so the DFA's own warm-up (building its first states) is spread
// over enough text not to count as slowness, or kVerdictSeconds of them, which is slow whatever
// the bytes (kVerdictBytes at kMinBytesPerSecond take about as long): rare samples of a DFA gone
// slow late still reach a verdict.
constexpr std::size_t kCarefulBytes = 8 * 1024 * 1024;
constexpr std::size_t kTimedCallBytes = 4 * 1024;
constexpr unsigned kSampleEvery = 16;
constexpr unsigned kTrustedSampleEvery = 256;
constexpr std::size_t kVerdictBytes = 1024 * 1024;
constexpr double kVerdictSeconds = 0.05;

// RE2 takes an absl::Mutex (its DFA cache's reader lock) on every search call. Debian builds
// absl without NDEBUG, so every such lock also went through absl's deadlock detector (a lock
// graph behind a global lock): 13% of the CPU time of '\w+_\w+_\w+_\w+_\w+' over the AMD register
// headers, where dense lines make one call each (perf, libabsl_synchronization and
// libabsl_graphcycles_internal). Our locks never nest inside RE2's: switched off once, before
// the first program exists.
void skip_absl_deadlock_detection() {
    static const bool done = [] {
        absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
        return true;
    }();
    (void)done;
}

// Multi-line like the PCRE2 program; never_nl takes '\n' out of every class, so an RE2 match
// lies within one line as PCRE2's per-line verification does.
std::unique_ptr<RE2> compile_program(const std::string& pattern) {
    skip_absl_deadlock_detection();
    RE2::Options options;
    options.set_encoding(RE2::Options::EncodingUTF8);
    options.set_never_nl(true);
    options.set_never_capture(true);
    options.set_log_errors(false);
    options.set_max_mem(kRe2MaxMem);
    return std::make_unique<RE2>(pattern, options);
}

double monotonic_seconds() {
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

}  // namespace

// Per thread: its own copy of the program, how much RE2 has scanned and how long the timed part
// of it took. Its own copy: an RE2 object keeps one DFA cache behind a reader lock that every
// search call takes, and threads sharing one object would move that lock's cache line between
// cores on every call (deciding dense lines one by one makes a call per line; not measured
// apart from the deadlock detector above).
//
// The clock: the thread's CPU time is what the verdict is about (it does not grow under load),
// but reading it is a system call (~2 us on this VM); the monotonic clock is read in user space
// (vDSO). A thread's CPU time never exceeds the wall time that passed, so calls that are fast
// enough by the monotonic clock are fast enough by CPU time too: the scratch times with the
// monotonic clock, and only when that finds them too slow (a slow DFA, or a loaded machine) does
// it time the next verdict's calls by CPU time, whose verdict then counts.
class Re2LinePrefilter::Scratch final : public PrefilterScratch {
public:
    explicit Scratch(const RE2& shared, const std::string& pattern) : own_(compile_program(pattern)) {
        program_ = own_ && own_->ok() ? own_.get() : &shared;
    }
    const RE2& program() const { return *program_; }
    BitstreamRegex::Scratch& bits() { return bits_; }
    std::size_t bits_evaluated() const { return bits_.evaluated_bytes; }

    // Seconds on the clock the current verdict is timed with.
    double now() const { return by_cpu_time_ ? thread_cpu_seconds() : monotonic_seconds(); }

    bool time_next_call(std::size_t bytes) {
        if (bytes < kTimedCallBytes) {
            return ++short_calls_ % (scanned_ < kCarefulBytes ? kSampleEvery : kTrustedSampleEvery) == 0;
        }
        return scanned_ < kCarefulBytes || ++calls_ % kSampleEvery == 0;
    }

    // Adds a timed call; true when the calls timed since the last verdict are too slow.
    bool too_slow(std::size_t bytes, double seconds) {
        timed_bytes_ += bytes;
        timed_seconds_ += seconds;
        if (timed_bytes_ < kVerdictBytes && timed_seconds_ < kVerdictSeconds) return false;
        const bool slow = static_cast<double>(timed_bytes_) < timed_seconds_ * kMinBytesPerSecond;
        timed_bytes_ = 0;
        timed_seconds_ = 0;
        if (slow && !by_cpu_time_) {
            // Slow by the wall clock: the next verdict, by CPU time, decides.
            by_cpu_time_ = true;
            return false;
        }
        by_cpu_time_ = false;
        return slow;
    }

    void count(std::size_t bytes) { scanned_ += bytes; }

    std::size_t first_window() const { return first_window_; }
    // The last calls found their candidate in their first window: matches come line after line.
    bool dense() const { return first_window_ < kFirstWindow; }
    // A candidate in the first window makes the next call's first window smaller; one beyond
    // it restores the default.
    void found_in_first_window(bool yes) {
        first_window_ = yes ? std::max(kDenseWindow, first_window_ / 4) : kFirstWindow;
    }

private:
    std::unique_ptr<RE2> own_;
    const RE2* program_ = nullptr;
    BitstreamRegex::Scratch bits_;
    bool by_cpu_time_ = false;  // the verdict being timed is by CPU time (see above)
    std::size_t first_window_ = kFirstWindow;
    std::size_t scanned_ = 0;
    unsigned calls_ = 0;
    unsigned short_calls_ = 0;
    std::size_t timed_bytes_ = 0;
    double timed_seconds_ = 0;
};

std::size_t find_non_ascii(std::string_view text, std::size_t from, std::size_t end) {
    const char* bytes = text.data();
    std::size_t i = from;
#if defined(__SSE2__)
    for (; i + 64 <= end; i += 64) {
        const auto* block = reinterpret_cast<const __m128i*>(bytes + i);
        const __m128i any = _mm_or_si128(_mm_or_si128(_mm_loadu_si128(block), _mm_loadu_si128(block + 1)),
                                         _mm_or_si128(_mm_loadu_si128(block + 2), _mm_loadu_si128(block + 3)));
        if (_mm_movemask_epi8(any) != 0) break;
    }
    for (; i + 16 <= end; i += 16) {
        const int mask = _mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i)));
        if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    }
#endif
    for (; i < end; ++i) {
        if (static_cast<unsigned char>(bytes[i]) >= 0x80) return i;
    }
    return end;
}

std::unique_ptr<Re2LinePrefilter> Re2LinePrefilter::create(const std::vector<std::string>& pcre_regexes,
                                                           bool caseless) {
    std::string alternatives;
    bool exact = true;
    for (const std::string& regex : pcre_regexes) {
        auto rewritten = re2_rewrite_for_ascii(regex, caseless);
        if (!rewritten) return nullptr;
        alternatives += (alternatives.empty() ? "" : "|") + rewritten->pattern;
        exact = exact && rewritten->exact;
    }
    std::string pattern = "(?m:" + alternatives + ")";
    auto program = compile_program(pattern);
    if (!program->ok()) return nullptr;
    return std::unique_ptr<Re2LinePrefilter>(new Re2LinePrefilter(std::move(pattern), std::move(program), exact));
}

Re2LinePrefilter::Re2LinePrefilter(std::string pattern, std::unique_ptr<re2::RE2> program, bool exact)
    : pattern_(std::move(pattern)), program_(std::move(program)), exact_(exact), bitstream_(BitstreamRegex::compile(pattern_)) {}

Re2LinePrefilter::~Re2LinePrefilter() = default;

std::optional<std::size_t> Re2LinePrefilter::leftmost(const RE2& program, std::string_view haystack, std::size_t from,
                                                      std::size_t end, bool expect_match) const {
    // The whole haystack is RE2's context, so ^, $ and \b at `from` and `end` see the real
    // neighbouring bytes. Asking only whether there is a match lets RE2 run its DFA alone and
    // stop at the first match state: 20-30% faster than asking where the match is (measured on
    // kernel sources), which most windows, holding no match, never need.
    const absl::string_view text(haystack.data(), haystack.size());
    if (!expect_match && !program.Match(text, from, end, RE2::UNANCHORED, nullptr, 0)) return std::nullopt;
    absl::string_view match;
    if (!program.Match(text, from, end, RE2::UNANCHORED, &match, 1)) return std::nullopt;
    if (match.data() == nullptr) return from;  // an empty match in an empty haystack
    return static_cast<std::size_t>(match.data() - haystack.data());
}

bool Re2LinePrefilter::any_match(const RE2& program, std::string_view haystack, std::size_t from, std::size_t end) const {
    return program.Match(absl::string_view(haystack.data(), haystack.size()), from, end, RE2::UNANCHORED, nullptr, 0);
}

template <typename Call>
auto Re2LinePrefilter::timed(std::size_t bytes, Scratch& scratch, Call call) const {
    scratch.count(bytes);
    if (!scratch.time_next_call(bytes)) return call();
    const double start = scratch.now();
    auto result = call();
    // A match ends the scan early, so `bytes` overstates the bytes scanned: the verdict errs
    // towards "fast enough".
    if (scratch.too_slow(bytes, scratch.now() - start)) gave_up_.store(true, std::memory_order_relaxed);
    return result;
}

std::optional<std::size_t> Re2LinePrefilter::timed_leftmost(std::string_view haystack, std::size_t from,
                                                            std::size_t end, Scratch& scratch) const {
    const bool expect_match = scratch.dense();
    return timed(end - from, scratch, [&] { return leftmost(scratch.program(), haystack, from, end, expect_match); });
}

std::optional<std::size_t> Re2LinePrefilter::first_match(std::string_view haystack, std::size_t from, std::size_t end,
                                                          Scratch& scratch) const {
    if (bitstream_) {
        bool undecided = false;
        auto hit = bitstream_->first_match_line(haystack, from, end, scratch.bits(), undecided);
        if (!undecided) return hit;
    }
    return timed_leftmost(haystack, from, end, scratch);
}

std::size_t Re2LinePrefilter::evaluated_bytes(const PrefilterScratch& scratch) {
    return static_cast<const Scratch&>(scratch).bits_evaluated();
}

std::unique_ptr<PrefilterScratch> Re2LinePrefilter::make_scratch() const {
    return std::make_unique<Scratch>(*program_, pattern_);
}

std::optional<std::size_t> Re2LinePrefilter::candidate(std::string_view haystack, std::size_t from,
                                                       PrefilterScratch* scratch) const {
    // The scratch comes from make_scratch() of this prefilter (PrefilteredMatcher's contract).
    const std::optional<LineVerdict> verdict = scan(haystack, from, static_cast<Scratch&>(*scratch));
    if (!verdict) return std::nullopt;
    return verdict->pos;
}

std::optional<Re2LinePrefilter::LineVerdict> Re2LinePrefilter::next_line(std::string_view haystack, std::size_t from,
                                                                         PrefilterScratch* scratch) const {
    auto& own = static_cast<Scratch&>(*scratch);
    if (from >= haystack.size()) return std::nullopt;
    if (own.dense()) {
        // Matching lines in a row: is there a match in this line at all? RE2 stops at the first
        // match state, and nothing past the line is scanned.
        const void* newline = std::memchr(haystack.data() + from, '\n', haystack.size() - from);
        const std::size_t next =
            newline == nullptr ? haystack.size() : static_cast<std::size_t>(static_cast<const char*>(newline) - haystack.data()) + 1;
        const std::optional<bool> holds = line_holds_match(haystack, from, next, scratch);
        if (!holds) return LineVerdict{from, false};
        if (*holds) return LineVerdict{from, true};
        // Not this one: the windows take over from the next line, expecting nothing close.
        own.found_in_first_window(false);
        if (next >= haystack.size()) return std::nullopt;
        if (gave_up()) return LineVerdict{next, false};
        from = next;
    }
    return scan(haystack, from, own);
}

std::optional<bool> Re2LinePrefilter::line_holds_match(std::string_view haystack, std::size_t line_start,
                                                       std::size_t next_line_start, PrefilterScratch* scratch) const {
    if (gave_up()) return std::nullopt;
    // The '\n' at the end is ASCII: checking it too is harmless.
    if (find_non_ascii(haystack, line_start, next_line_start) < next_line_start) return std::nullopt;
    auto& own = static_cast<Scratch&>(*scratch);
    bool holds = false;
    bool undecided = true;
    if (bitstream_) {
        if (const auto answer = bitstream_->line_has_match(haystack, line_start, next_line_start, own.bits())) {
            holds = *answer;
            undecided = false;
        }
    }
    if (undecided) {
        holds = timed(next_line_start - line_start, own,
                      [&] { return any_match(own.program(), haystack, line_start, next_line_start); });
    }
    own.found_in_first_window(holds);
    return holds;
}

std::optional<Re2LinePrefilter::LineVerdict> Re2LinePrefilter::scan(std::string_view haystack, std::size_t from,
                                                                    Scratch& own) const {
    if (from > haystack.size()) return std::nullopt;
    // \b and \B at `from` look at the byte before it, where the engines disagree if it is not ASCII.
    if (from > 0 && static_cast<unsigned char>(haystack[from - 1]) >= 0x80) return LineVerdict{from, false};
    std::size_t pos = from;
    // The bitstreams cost per byte evaluated, with little cost per call: they start small and
    // widen fast, so that a match a few lines on costs a few lines' evaluation, not a window's.
    std::size_t window = bitstream_ ? std::min(own.first_window(), kBitstreamFirstWindow) : own.first_window();
    for (bool first = true;; first = false) {
        // This window ends at the start of the first line beginning after pos + window.
        std::size_t end = haystack.size();
        if (haystack.size() - pos > window) {
            const void* newline = std::memchr(haystack.data() + pos + window, '\n', haystack.size() - pos - window);
            if (newline != nullptr) end = static_cast<std::size_t>(static_cast<const char*>(newline) - haystack.data()) + 1;
        }
        const std::size_t non_ascii = find_non_ascii(haystack, pos, end);
        std::size_t scan_end = end;
        if (non_ascii < end) {
            // Only the lines before the one holding the non-ASCII byte are RE2's to judge.
            const void* newline = memrchr(haystack.data() + pos, '\n', non_ascii - pos);
            if (newline == nullptr) return LineVerdict{pos, false};
            scan_end = static_cast<std::size_t>(static_cast<const char*>(newline) - haystack.data()) + 1;
        }
        if (auto hit = first_match(haystack, pos, scan_end, own)) {
            own.found_in_first_window(first);
            // [pos, scan_end) holds whole ASCII lines, and the match lies in one of them.
            return LineVerdict{*hit, true};
        }
        own.found_in_first_window(false);
        if (non_ascii < end) return LineVerdict{scan_end, false};
        if (end == haystack.size()) return std::nullopt;
        if (gave_up()) return LineVerdict{end, false};  // PCRE2 takes over (PrefilteredMatcher checks gave_up())
        pos = end;
        window = bitstream_ ? std::min(window * 4, kMaxWindow) : std::min(std::max(window, kFirstWindow) * 2, kMaxWindow);
    }
}

std::size_t Re2LinePrefilter::memory_bytes() const {
    const auto instructions = static_cast<std::size_t>(program_->ProgramSize() + program_->ReverseProgramSize());
    return sizeof(*this) + sizeof(RE2) + pattern_.capacity() + instructions * kBytesPerInstruction;
}

std::size_t Re2LinePrefilter::memory_budget_bytes() const { return static_cast<std::size_t>(kRe2MaxMem); }

std::string Re2LinePrefilter::describe() const {
    return "re2:" + pattern_ + (gave_up() ? " (gave up: slower than PCRE2)" : "");
}

}  // namespace codescout
