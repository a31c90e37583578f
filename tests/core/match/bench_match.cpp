// Throughput of the literal path against PCRE2 JIT on the same patterns (not a test: run by
// hand, ideally from a Release build). The haystack is source text: the files under a directory
// (default /usr/include) concatenated and repeated up to the requested size.
//   bench_match [DIR] [MEGABYTES] [PASSES]
// PASSES > 1 repeats each measurement over the same (then cache-resident, if small) buffer: this
// shows the scan loops' own speed rather than the memory bandwidth.
// A second table times LiteralSearcher alone on 1, 2, 4, 8, 16 and 30 needles (identifiers from
// the kernel sources, the first four those of the multi-literal query), with the packed
// pair and with Teddy, on AVX2 and SSE2.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "core/match/literal_matcher.h"
#include "core/match/literal_search.h"
#include "core/match/pattern_cache.h"
#include "core/match/pattern_text.h"
#include "core/match/regex_matcher.h"

using namespace codescout;

namespace {

std::string load_corpus(const std::filesystem::path& dir, std::size_t bytes) {
    std::string corpus;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(
             dir, std::filesystem::directory_options::skip_permission_denied)) {
        if (!entry.is_regular_file() || entry.is_symlink()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::string content(static_cast<std::size_t>(entry.file_size()), '\0');
        in.read(content.data(), static_cast<std::streamsize>(content.size()));
        content.resize(static_cast<std::size_t>(in.gcount()));
        corpus += content;
        if (corpus.size() >= bytes) break;
    }
    if (corpus.empty()) return corpus;
    while (corpus.size() < bytes) corpus.append(corpus, 0, std::min(corpus.size(), bytes - corpus.size()));
    corpus.resize(bytes);
    return corpus;
}

struct Run {
    double mb_per_s = 0;
    std::size_t matches = 0;
};

// One pass over the haystack, counting matches the way the searcher walks a buffer.
Run measure_once(const Matcher& matcher, const std::string& haystack, MatchScratch& scratch, int passes) {
    const auto start = std::chrono::steady_clock::now();
    std::size_t matches = 0;
    for (int pass = 0; pass < passes; ++pass) {
        matches = 0;
        std::size_t from = 0;
        while (auto m = matcher.find(haystack, from, scratch)) {
            ++matches;
            from = m->end > m->begin ? m->end : m->end + 1;
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return Run{static_cast<double>(haystack.size()) * passes / 1e6 / seconds, matches};
}

// Best of `rounds` passes, the matchers interleaved so that a busy machine hurts them alike.
std::vector<Run> measure(const std::vector<const Matcher*>& matchers, const std::string& haystack, int rounds,
                         int passes) {
    std::vector<std::unique_ptr<MatchScratch>> scratches;
    for (const Matcher* m : matchers) scratches.push_back(m->make_scratch());
    std::vector<Run> best(matchers.size());
    for (int round = 0; round < rounds; ++round) {
        for (std::size_t i = 0; i < matchers.size(); ++i) {
            const Run run = measure_once(*matchers[i], haystack, *scratches[i], passes);
            if (run.mb_per_s > best[i].mb_per_s) best[i] = run;
        }
    }
    return best;
}

// Every occurrence of the needles, the way LiteralMatcher walks a buffer: MB/s and the count.
Run measure_searcher_once(const LiteralSearcher& searcher, const std::string& haystack, int passes) {
    const auto start = std::chrono::steady_clock::now();
    std::size_t hits = 0;
    for (int pass = 0; pass < passes; ++pass) {
        hits = 0;
        std::size_t from = 0;
        while (auto hit = searcher.find(haystack, from)) {
            ++hits;
            from = hit->pos + 1;
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return Run{static_cast<double>(haystack.size()) * passes / 1e6 / seconds, hits};
}

void measure_needle_counts(const std::string& haystack, int passes) {
    static const char* const kIdentifiers[] = {
        "ERR_SYS", "PME_TURN_OFF", "LINK_REQ_RST", "CFG_BME_EVT", "PM_RESUME", "EPROBE_DEFER",
        "spin_lock_irqsave", "kmalloc_array", "GFP_ATOMIC", "copy_from_user", "WARN_ON_ONCE",
        "dev_err_probe", "rcu_read_lock", "list_for_each_entry_safe", "IRQF_SHARED", "devm_kzalloc",
        "of_property_read_u32", "MODULE_LICENSE", "pthread_mutex_timedlock", "atomic_inc",
        "mutex_unlock", "READ_ONCE", "EXPORT_SYMBOL_GPL", "platform_get_irq", "dma_alloc_coherent",
        "BUILD_BUG_ON", "skb_put", "__iomem", "jiffies", "struct device_node"};
    std::printf("\nLiteralSearcher alone, every occurrence (MB/s)\n");
    std::printf("%-8s %-9s %14s %14s %14s %14s %10s\n", "needles", "case", "packed avx2", "teddy avx2",
                "packed sse2", "teddy sse2", "hits");
    for (std::size_t count : {1, 2, 4, 8, 16, 30}) {
        for (bool caseless : {false, true}) {
            std::vector<LiteralNeedle> needles;
            for (std::size_t k = 0; k < count; ++k) needles.push_back({kIdentifiers[k], caseless});
            const LiteralSearcher searchers[] = {
                LiteralSearcher(needles, SimdLevel::Avx2, LiteralStrategy::PackedPair),
                LiteralSearcher(needles, SimdLevel::Avx2, LiteralStrategy::Teddy),
                LiteralSearcher(needles, SimdLevel::Sse2, LiteralStrategy::PackedPair),
                LiteralSearcher(needles, SimdLevel::Sse2, LiteralStrategy::Teddy)};
            Run best[4];
            for (int round = 0; round < 5; ++round) {  // interleaved, best of 5
                for (std::size_t i = 0; i < 4; ++i) {
                    const Run run = measure_searcher_once(searchers[i], haystack, passes);
                    if (run.mb_per_s > best[i].mb_per_s) best[i] = run;
                }
            }
            const bool agree = best[1].matches == best[0].matches && best[2].matches == best[0].matches &&
                               best[3].matches == best[0].matches;
            std::printf("%-8zu %-9s %14.0f %14.0f %14.0f %14.0f %10zu%s\n", count, caseless ? "caseless" : "exact",
                        best[0].mb_per_s, best[1].mb_per_s, best[2].mb_per_s, best[3].mb_per_s, best[0].matches,
                        agree ? "" : "  MISMATCH");
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    const std::filesystem::path dir = argc > 1 ? argv[1] : "/usr/include";
    const std::size_t megabytes = argc > 2 ? std::stoul(argv[2]) : 200;
    const int passes = argc > 3 ? std::stoi(argv[3]) : 1;
    const std::string haystack = load_corpus(dir, megabytes * 1000 * 1000);
    if (haystack.empty()) {
        std::fprintf(stderr, "no files under %s\n", dir.c_str());
        return 2;
    }
    std::printf("haystack: %zu MB from %s x %d passes, 1 thread, best of 5 interleaved runs\n\n",
                haystack.size() / 1000000, dir.c_str(), passes);
    std::printf("%-52s %14s %14s %14s %10s\n", "pattern", "literal MB/s", "(sse2) MB/s", "pcre2-jit MB/s", "matches");

    struct Case { std::vector<std::string> patterns; const char* flags; };
    const std::vector<Case> cases{
        {{"pthread_mutex_timedlock"}, ""},
        {{"PM_RESUME"}, ""},
        {{"return"}, ""},
        {{"pthread_mutex"}, "i"},
        {{"PM_RESUME"}, "i"},  // 'S': also spelled with the long s (caseless_variants.h)
        {{"kmalloc"}, "i"},    // 'k': also spelled with the Kelvin sign
        {{"ERR_SYS|PME_TURN_OFF|LINK_REQ_RST|CFG_BME_EVT"}, ""},
        {{"EINVAL", "ENOMEM", "EAGAIN"}, ""},
        {{"size_t"}, "w"},
        {{"uint32_t"}, "x"},
    };
    for (const Case& c : cases) {
        PatternOptions options;
        options.patterns = c.patterns;
        const std::string flags = c.flags;
        options.case_mode = flags.find('i') != std::string::npos ? CaseMode::Insensitive : CaseMode::Sensitive;
        options.whole_word = flags.find('w') != std::string::npos;
        options.whole_line = flags.find('x') != std::string::npos;
        const auto fast = compile_matcher(options);
        const std::string combined = combine_regexes(options.patterns, options.whole_word, options.hyphen_mode,
                                                     options.whole_line, options.pcre2_syntax);
        const bool caseless = options.case_mode == CaseMode::Insensitive;
        const RegexMatcher pcre2(combined, caseless);

        std::vector<std::string> literals;
        for (const std::string& p : options.patterns) {
            auto parts = regex_literals(p);
            literals.insert(literals.end(), parts->begin(), parts->end());
        }
        LiteralMatcher::Config sse2_config{literals, caseless, combined, options.whole_word, options.hyphen_mode,
                                           options.whole_line, SimdLevel::Sse2};
        const LiteralMatcher sse2(sse2_config);

        const std::vector<Run> runs = measure({fast.get(), &sse2, &pcre2}, haystack, 5, passes);
        const Run& a = runs[0];
        const Run& b = runs[1];
        const Run& r = runs[2];
        std::string label;
        for (const std::string& p : options.patterns) label += (label.empty() ? "" : " -e ") + p;
        if (!flags.empty()) label = "-" + flags + " " + label;
        std::printf("%-52s %14.0f %14.0f %14.0f %10zu%s\n", label.c_str(), a.mb_per_s, b.mb_per_s, r.mb_per_s,
                    a.matches, (a.matches == r.matches && b.matches == r.matches) ? "" : "  MISMATCH");
        std::printf("    (%s)\n", fast->describe().c_str());
    }
    measure_needle_counts(haystack, passes);
    return 0;
}
