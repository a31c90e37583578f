// What attaching an index costs before any file is read, run by hand, never by the test suite:
//   bench_index_query INDEX_FILE RUNS PATTERN...
// Times IndexReader::open() of INDEX_FILE and, per pattern (a regex, case-sensitive, as the
// CLI's default), plan_index_query() + evaluate_index_query() on the opened reader; prints the
// medians of RUNS in wall and thread CPU time (CPU time is what a loaded machine does not
// distort) and the candidate files the query leaves.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "core/index/index_query.h"
#include "core/index/index_reader.h"

using namespace codescout;

namespace {

struct Clocks {
    double wall_ms = 0;
    double cpu_ms = 0;
};

double now_ms(clockid_t clock) {
    timespec t {};
    ::clock_gettime(clock, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

template <typename F>
Clocks timed(F&& f) {
    const double wall = now_ms(CLOCK_MONOTONIC);
    const double cpu = now_ms(CLOCK_THREAD_CPUTIME_ID);
    f();
    return Clocks{now_ms(CLOCK_MONOTONIC) - wall, now_ms(CLOCK_THREAD_CPUTIME_ID) - cpu};
}

Clocks median(std::vector<Clocks> runs) {
    Clocks m;
    std::sort(runs.begin(), runs.end(), [](const Clocks& a, const Clocks& b) { return a.wall_ms < b.wall_ms; });
    m.wall_ms = runs[runs.size() / 2].wall_ms;
    std::sort(runs.begin(), runs.end(), [](const Clocks& a, const Clocks& b) { return a.cpu_ms < b.cpu_ms; });
    m.cpu_ms = runs[runs.size() / 2].cpu_ms;
    return m;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: bench_index_query INDEX_FILE RUNS PATTERN...\n");
        return 2;
    }
    const std::string file = argv[1];
    const int runs = std::max(1, std::atoi(argv[2]));
    std::vector<Clocks> opens;
    IndexReader::Opened opened;
    for (int r = 0; r < runs; ++r) {
        opened = {};
        opens.push_back(timed([&] { opened = IndexReader::open(file); }));
        if (opened.status != IndexOpenStatus::Ok) {
            std::fprintf(stderr, "bench_index_query: %s: %s\n", to_string(opened.status), opened.detail.c_str());
            return 2;
        }
    }
    const Clocks open = median(opens);
    std::printf("open: %.2f ms wall, %.2f ms CPU (median of %d; %.1f MB mapped)\n", open.wall_ms, open.cpu_ms, runs,
                static_cast<double>(opened.reader->mapped_bytes()) / 1e6);
    std::printf("| pattern | index query | candidates | wall ms | CPU ms |\n| --- | --- | ---: | ---: | ---: |\n");
    for (int i = 3; i < argc; ++i) {
        PatternOptions pattern;
        pattern.patterns = {argv[i]};
        std::vector<Clocks> times;
        std::size_t candidates = 0;
        std::string plan;
        for (int r = 0; r < runs; ++r) {
            times.push_back(timed([&] {
                const IndexQuery query = plan_index_query(pattern);
                const auto bits = evaluate_index_query(query, *opened.reader);
                candidates = bits ? static_cast<std::size_t>(std::count(bits->begin(), bits->end(), true)) : 0;
                plan = query.to_string();
            }));
        }
        const Clocks m = median(times);
        std::printf("| `%s` | `%s` | %zu | %.2f | %.2f |\n", argv[i], plan.c_str(), candidates, m.wall_ms, m.cpu_ms);
    }
    return 0;
}
