// The live index's query time (what the window's search as you type costs the engine), run by
// bench/index.sh after the CLI figures, never by the test suite:
//   bench_live_query FOLDER INDEX_DIRECTORY RUNS PATTERN...
// Opens FOLDER's live index (built before into INDEX_DIRECTORY), waits for its opening
// comparison, then runs each pattern RUNS times through LiveIndex::attach() and prints the median
// wall time of attach + search, whether the walk was replayed, and checks that the lines found
// are the scan's (as a set; exit 1 when not). Patterns are literals (-F), case-sensitive.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>
#include <vector>

#include "core/index/live_index.h"
#include "core/search/search.h"
#include "../literal_search.h"

using namespace codescout;

namespace {

class LineSink : public ResultSink {
public:
    bool on_file(FileResult&& result) override {
        std::lock_guard lock(mutex);
        for (const LineRecord& line : result.lines) lines.push_back(result.path + ":" + std::to_string(line.number));
        return true;
    }
    void on_error(const SearchError&) override {}
    std::mutex mutex;
    std::vector<std::string> lines;
};

std::vector<std::string> run(const SearchOptions& o, LiveIndex* live, bool* replayed) {
    Search search(o);
    if (live != nullptr) {
        const IndexUse use = live->attach(search, o);
        *replayed = use.replay != nullptr;
    }
    LineSink sink;
    search.run(sink);
    std::sort(sink.lines.begin(), sink.lines.end());
    return std::move(sink.lines);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 5) {
        std::fprintf(stderr, "usage: bench_live_query FOLDER INDEX_DIRECTORY RUNS PATTERN...\n");
        return 2;
    }
    const std::string folder = argv[1];
    LiveIndexOptions lo;
    lo.root = folder;
    lo.index_directory = argv[2];
    lo.rebuild = false;
    const int runs = std::max(1, std::atoi(argv[3]));
    std::string error;
    auto live = LiveIndex::open(lo, error);
    if (!live) {
        std::fprintf(stderr, "bench_live_query: %s\n", error.c_str());
        return 2;
    }
    if (!live->wait_for([](const LiveIndexStatus& s) { return s.checked && s.trusted; }, std::chrono::minutes(5))) {
        std::fprintf(stderr, "bench_live_query: the live index did not become trusted\n");
        return 2;
    }
    std::printf("| pattern | lines | live attach + search ms (median of %d) | walk replayed |\n| --- | ---: | ---: | --- |\n", runs);
    int status = 0;
    for (int i = 4; i < argc; ++i) {
        const SearchOptions o = index_test::literal_search(folder, argv[i]);
        bool replayed = false;
        const auto scanned = run(o, nullptr, nullptr);
        const auto first = run(o, live.get(), &replayed);
        if (first != scanned) {
            std::fprintf(stderr, "bench_live_query: '%s': %zu lines live, %zu scanned\n", argv[i], first.size(), scanned.size());
            status = 1;
        }
        std::vector<double> ms;
        for (int r = 0; r < runs; ++r) {
            const auto start = std::chrono::steady_clock::now();
            run(o, live.get(), &replayed);
            ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        }
        std::sort(ms.begin(), ms.end());
        std::printf("| `%s` | %zu | %.1f | %s |\n", argv[i], first.size(), ms[ms.size() / 2], replayed ? "yes" : "no");
    }
    return status;
}
