// Benchmark (not a test; bench/gui-memory-attribution runs it): the memory view's attribution
// in the real window, offscreen, for issue 8's GUI targets.
//   1. Coverage: after a search, how much of the resident memory the components name (the GUI's
//      own components, the engine's, other heap, code and libraries, stacks, mapped files) and
//      how much is left "unattributed" (target: named >= 90% of resident).
//   2. Overhead: the same search with the memory view fed by the sampler and its probe
//      (attribution + collectors every tick) and without (the probe off, the view detached),
//      interleaved, median wall time of each and their ratio (target: < 1% slower); and the
//      probe thread's busy time as a share of the search's wall time.
//      Beside those totals (noisy: the GUI thread's CPU time moves with the machine's load), the
//      view's own share, counted directly: the GUI thread's CPU time in events delivered to the
//      view and its children (chart scenes, re-plot timer, labels) and in the calls that feed it,
//      and the window's layout passes, which the view's labels can cause.
//   3. The GUI thread: the longest sampler tick (its own work on the GUI thread: the counters'
//      snapshot and queueing the probe; target <= 5 ms) in CPU time and wall clock, and the
//      longest the view took to take in one probe reading (history rings, advice).
//
// Usage: bench_gui_memory_attribution (--corpus DIR PATTERN | --million) [--runs N]
//   --corpus DIR PATTERN  search DIR for PATTERN (e.g. the kernel tree and PM_RESUME);
//   --million             search a generated tree whose every line matches: 1,000,000 matches,
//                         as tests/gui/bench/gui_million_matches.cpp.
#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "core/match/thread_cpu_clock.h"
#include "gui/memory/attribution_probe.h"
#include "gui/memory/memory_view.h"
#include "gui/memory/metrics_sampler.h"
#include "gui/results/results_model.h"
#include "gui/settings/app_settings.h"
#include "gui/window/main_window.h"
#include "gui/window/query_bar.h"
#include "gui_test_helpers.h"
#include "test_tree.h"

using namespace codescout;
using namespace codescout::gui;

namespace {

struct Args {
    QString folder;
    QString pattern;
    bool million = false;
    int runs = 3;
};

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : (v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2);
}

double mib(std::int64_t bytes) { return static_cast<double>(bytes) / (1024.0 * 1024.0); }

// One fresh attribution, measured off the GUI thread as the view's probe does.
MemoryAttribution measureNow() {
    AttributionProbe probe;
    probe.setCollectorSearchPath({});
    QSignalSpy done(&probe, &AttributionProbe::measured);
    probe.request(0);
    if (!done.wait(10000)) qFatal("the probe did not answer");
    return done.at(0).at(0).value<ProbeReading>().attribution;
}

void printCoverage(const char* scenario, const MemoryAttribution& a) {
    if (!a.resident) {
        std::printf("%s: no /proc/self/smaps here, the attribution is unavailable\n", scenario);
        return;
    }
    const auto resident = static_cast<std::int64_t>(*a.resident);
    std::int64_t gui = 0;
    std::int64_t unattributed = 0;
    std::int64_t otherHeap = 0;
    std::printf("%s: resident %.1f MiB\n", scenario, mib(resident));
    std::printf("| component | MiB | share of resident |\n| --- | ---: | ---: |\n");
    for (const MemoryComponent& c : a.components) {
        if (!c.bytes) {
            std::printf("| %s | unavailable | |\n", c.name.c_str());
            continue;
        }
        std::printf("| %s | %.2f | %.1f%% |\n", c.name.c_str(), mib(*c.bytes), 100.0 * double(*c.bytes) / double(resident));
        if (c.name.rfind("gui_", 0) == 0) gui += *c.bytes;
        if (c.name == "unattributed") unattributed = *c.bytes;
        if (c.name == "other_heap") otherHeap = *c.bytes;
    }
    std::printf("%s: named components %.1f%% of resident (unattributed %.2f MiB); GUI components %.2f MiB; "
                "named without the other-heap remainder %.1f%%\n",
                scenario, 100.0 * double(resident - unattributed) / double(resident), mib(unattributed), mib(gui),
                100.0 * double(resident - unattributed - otherHeap) / double(resident));
}

// Counts the GUI thread's CPU time in the events delivered to one widget's subtree (outermost
// delivery only: a paint that sends paints to children counts once), and in layout passes anywhere.
class EventCostLedger : public QApplication {
public:
    using QApplication::QApplication;
    QObject* watched = nullptr;
    bool recording = false;
    std::int64_t insideNs = 0;
    std::int64_t layoutNs = 0;

    bool notify(QObject* receiver, QEvent* event) override {
        if (!recording || nested_) return QApplication::notify(receiver, event);
        std::int64_t* account = inside(receiver) ? &insideNs
                                : event->type() == QEvent::LayoutRequest ? &layoutNs
                                                                         : nullptr;
        if (!account) return QApplication::notify(receiver, event);
        nested_ = true;
        const std::int64_t before = thread_cpu_nanoseconds();
        const bool handled = QApplication::notify(receiver, event);
        *account += thread_cpu_nanoseconds() - before;
        nested_ = false;
        return handled;
    }

private:
    bool inside(const QObject* o) const {
        for (; o; o = o->parent()) {
            if (o == watched) return true;
        }
        return false;
    }
    bool nested_ = false;
};

}  // namespace

int main(int argc, char** argv) {
    EventCostLedger app(argc, argv);
    Args args;
    const QStringList list = app.arguments();
    for (int i = 1; i < list.size(); ++i) {
        if (list[i] == QStringLiteral("--corpus") && i + 2 < list.size()) {
            args.folder = list[++i];
            args.pattern = list[++i];
        } else if (list[i] == QStringLiteral("--million")) {
            args.million = true;
        } else if (list[i] == QStringLiteral("--runs") && i + 1 < list.size()) {
            args.runs = std::max(1, list[++i].toInt());
        } else {
            std::fprintf(stderr, "usage: %s (--corpus DIR PATTERN | --million) [--runs N]\n", argv[0]);
            return 2;
        }
    }
    if (args.folder.isEmpty() == !args.million) {
        std::fprintf(stderr, "give either --corpus DIR PATTERN or --million\n");
        return 2;
    }

    testing::IsolatedSettings settings;
    std::optional<TestTree> tree;
    if (args.million) {
        tree.emplace();
        for (int f = 0; f < 500; ++f) {
            QByteArray text;
            text.reserve(2000 * 48);
            for (int l = 0; l < 2000; ++l) text += "    total += weigh(needle_" + QByteArray::number(l) + ", item);\n";
            tree->write(QStringLiteral("d%1/file%2.cpp").arg(f % 20).arg(f), text);
        }
        args.folder = QString::fromStdString(tree->root());
        args.pattern = QStringLiteral("needle_\\d+");
    }
    AppSettings().setValue(Setting::MaxResults, QVariant::fromValue<qulonglong>(2'000'000));
    testing::measureSearchAlone();

    MainWindow window;
    window.resize(1280, 900);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window)) return 1;
    if (!window.openFolder(args.folder)) return 1;
    Query query;
    query.pattern = args.pattern;
    window.queryBar()->setQuery(query);
    MetricsSampler* sampler = window.sampler();
    MemoryView* view = window.memoryView();

    // The view is fed by hand so that its work on each reading can be timed.
    view->setSampler(nullptr);
    app.watched = view;
    std::int64_t feedNs = 0;  // GUI-thread CPU time in the calls that feed the view
    const auto feed = [&feedNs](auto&& call) {
        const std::int64_t before = thread_cpu_nanoseconds();
        call();
        feedNs += thread_cpu_nanoseconds() - before;
    };
    qint64 longestTakeInNs = 0;
    std::int64_t probeUs = 0;       // readings delivered while the search ran
    std::int64_t probeAfterUs = 0;  // the final reading (the end state), delivered after it
    QString readingsDuring;         // each reading delivered while the search ran: when, its CPU time
    bool searchRunning = false;
    bool probing = false;
    QObject::connect(sampler, &MetricsSampler::started, view, [&] {
        if (probing) feed([&] { view->searchStarted(); });
    });
    QObject::connect(sampler, &MetricsSampler::stopped, view, [&] {
        if (probing) feed([&] { view->searchStopped(); });
    });
    QObject::connect(sampler, &MetricsSampler::sampled, view, [&](const MetricsSnapshot& s, qint64 t) {
        if (probing) feed([&] { view->addSample(s, t); });
    });
    QObject::connect(sampler, &MetricsSampler::probed, view, [&](const ProbeReading& r, qint64 t) {
        if (!probing) return;
        QElapsedTimer took;
        took.start();
        feed([&] { view->addProbeReading(r, t); });
        longestTakeInNs = std::max(longestTakeInNs, took.nsecsElapsed());
        (searchRunning ? probeUs : probeAfterUs) += r.probeCpuMicroseconds;
        if (searchRunning) readingsDuring += QStringLiteral(" %1 ms (%2 us)").arg(t).arg(r.probeCpuMicroseconds);
    });

    std::vector<double> withView;
    std::vector<double> without;
    std::vector<double> probeShare;
    std::vector<double> probeAfter;
    std::vector<double> guiCpuWith;
    std::vector<double> guiCpuWithout;
    std::vector<double> viewShare;  // the view's own CPU time while the search ran / its wall time
    std::vector<double> viewAfter;  // ms: the end state's draw, after the search finished
    std::vector<double> layoutWith;    // the window's layout passes, ms of CPU per search
    std::vector<double> layoutWithout;
    std::chrono::microseconds longestTick{0};
    std::chrono::microseconds longestTickWall{0};
    std::uint64_t matches = 0;
    QSignalSpy finished(&window, &MainWindow::searchFinished);
    // Untimed first run: warms the page cache and the syntax repository.
    for (int run = -1; run < 2 * args.runs; ++run) {
        probing = run >= 0 && run % 2 == 0;
        sampler->setProbing(probing);
        probeUs = probeAfterUs = 0;
        readingsDuring.clear();
        QElapsedTimer wall;
        wall.start();
        const std::int64_t cpuBefore = thread_cpu_nanoseconds();
        app.insideNs = app.layoutNs = feedNs = 0;
        app.recording = true;
        searchRunning = true;
        if (!window.startSearch()) return 1;
        if (!finished.wait(900000)) return 1;
        searchRunning = false;
        const double ms = static_cast<double>(wall.nsecsElapsed()) / 1e6;
        const double viewDuringMs = static_cast<double>(app.insideNs + feedNs) / 1e6;
        // The view draws the search's end state when the final probe reading arrives, after the
        // search finished: wait for it (the same wait without the view), so that it is counted
        // in this run, not in the next.
        QTest::qWait(MemoryView::kFinalReadingWaitMs + 200);
        app.recording = false;
        const double guiCpuMs = static_cast<double>(thread_cpu_nanoseconds() - cpuBefore) / 1e6;
        const double viewAfterMs = static_cast<double>(app.insideNs + feedNs) / 1e6 - viewDuringMs;
        const double layoutMs = static_cast<double>(app.layoutNs) / 1e6;
        matches = window.resultsModel()->matchCount();
        if (run < 0) continue;
        (probing ? withView : without).push_back(ms);
        (probing ? guiCpuWith : guiCpuWithout).push_back(guiCpuMs);
        (probing ? layoutWith : layoutWithout).push_back(layoutMs);
        if (probing) {
            probeShare.push_back(static_cast<double>(probeUs) / 1000.0 / ms);
            probeAfter.push_back(static_cast<double>(probeAfterUs) / 1000.0);
            viewShare.push_back(viewDuringMs / ms);
            viewAfter.push_back(viewAfterMs);
            longestTick = std::max(longestTick, sampler->longestTick());
            longestTickWall = std::max(longestTickWall, sampler->longestTickWall());
        }
        std::printf("run %d (%s): %.0f ms, GUI thread CPU %.0f ms (the view's events and feeding: %.1f ms during the "
                    "search, %.1f ms after it; window layout %.1f ms), %llu matches; probe readings delivered while it "
                    "ran:%s\n",
                    run, probing ? "memory view" : "no memory view", ms, guiCpuMs, viewDuringMs, viewAfterMs, layoutMs,
                    static_cast<unsigned long long>(matches),
                    readingsDuring.isEmpty() ? " none" : qPrintable(readingsDuring));
        std::fflush(stdout);
    }
    QTest::qWait(300);  // the last batch's layout and paint
    printCoverage(args.million ? "million matches, after the runs" : "kernel tree, after the runs", measureNow());
    // Free heap the allocator keeps resident (earlier searches' results, freed) is in
    // "unattributed": malloc_trim hands it back, and the rest is what the components name.
    malloc_trim(0);
    printCoverage("after malloc_trim(0)", measureNow());
    const double on = median(withView);
    const double off = median(without);
    std::printf("search wall time, median of %d: with the memory view %.0f ms, without %.0f ms, ratio %.4f "
                "(%+.2f%%)\n",
                args.runs, on, off, on / off, 100.0 * (on / off - 1));
    // Each run with the view and the run without it that follows are neighbours in time: the
    // median of their ratios is less moved by the machine's drift than the ratio of medians.
    std::vector<double> pairRatios;
    for (std::size_t i = 0; i < withView.size() && i < without.size(); ++i) pairRatios.push_back(withView[i] / without[i]);
    std::printf("search wall time, median of the %zu neighbouring pairs' ratios (with / without): %.4f (%+.2f%%)\n",
                pairRatios.size(), median(pairRatios), 100.0 * (median(pairRatios) - 1));
    std::printf("probe thread CPU time while the search runs: %.2f%% of the search's wall time (median); the final "
                "reading after it: %.1f ms (median)\n",
                100.0 * median(probeShare), median(probeAfter));
    std::printf("GUI thread CPU time per search, median: with the memory view %.0f ms, without %.0f ms (%+.2f%% of "
                "the search's wall time without)\n",
                median(guiCpuWith), median(guiCpuWithout), 100.0 * (median(guiCpuWith) - median(guiCpuWithout)) / off);
    std::printf("the view's own GUI-thread CPU time (events to it and its children, the calls feeding it) while the "
                "search runs: %.2f%% of the search's wall time (median); drawing the end state after the search: "
                "%.1f ms (median); window layout per search %.1f ms with the view, %.1f ms without (median)\n",
                100.0 * median(viewShare), median(viewAfter), median(layoutWith), median(layoutWithout));
    std::printf("GUI thread: longest sampler tick %.3f ms of CPU time (%.3f ms wall clock, which counts waiting "
                "for a core); longest take-in of a probe reading %.3f ms wall clock\n",
                static_cast<double>(longestTick.count()) / 1000.0, static_cast<double>(longestTickWall.count()) / 1000.0,
                static_cast<double>(longestTakeInNs) / 1e6);
    std::printf("results list: %llu matches, model %.1f MiB\n", static_cast<unsigned long long>(matches),
                mib(static_cast<std::int64_t>(window.resultsModel()->heapBytes())));
    return 0;
}
