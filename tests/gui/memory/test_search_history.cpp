// The memory view's search history (issue 8, item 3): one row per search with its figures, and a
// CSV that reads back to the same records.
#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>

#include "gui/memory/memory_view.h"
#include "gui/memory/search_history.h"

using namespace codescout;
using namespace codescout::gui;

class TestSearchHistory : public QObject {
    Q_OBJECT
private slots:
    void twoSearchesMakeTwoRows();
    void csvRoundTrip();
    void keepsTheLastSearches();
    void theFinalReadingCompletesTheRow();
};

namespace {

// One search as the view sees it: samples (resident), attributions (allocator in use), a summary.
void runSearch(MemoryView& view, const QString& pattern, std::uint64_t resident, std::uint64_t heap,
               std::uint64_t smallFiles)
{
    view.clear();
    for (int i = 0; i < 3; ++i) {
        MetricsSnapshot s;
        s.resident_bytes = resident - 1000 * static_cast<std::uint64_t>(2 - i) * (i == 1 ? 0 : 1);
        view.addSample(s, i * 100);
        MemoryAttribution a;
        a.malloc = MallocFigures{heap - static_cast<std::uint64_t>(i == 2 ? 0 : 500), heap * 2, std::nullopt};
        view.addAttribution(a, i * 100);
    }
    SearchSummary summary;
    summary.elapsed = std::chrono::milliseconds(250);
    summary.metrics.small_files_processed = smallFiles;
    summary.metrics.buffered_files_processed = 3;
    summary.metrics.mmap_files_processed = 1;
    summary.metrics.cache_hits = 4;
    summary.metrics.cache_misses = 1;
    view.recordSearch(pattern, summary);
}

}  // namespace

void TestSearchHistory::twoSearchesMakeTwoRows()
{
    MemoryView view;
    QAbstractItemModelTester tester(const_cast<SearchHistory*>(&view.searchHistory()));
    runSearch(view, QStringLiteral("needle"), 50'000'000, 7'000'000, 120);
    runSearch(view, QStringLiteral("a,\"b\""), 60'000'000, 9'000'000, 340);
    const SearchHistory& history = view.searchHistory();
    QCOMPARE(history.rowCount(), 2);
    QCOMPARE(history.record(0).pattern, QStringLiteral("needle"));
    QCOMPARE(history.record(0).peak_resident, std::optional<std::uint64_t>(50'000'000));
    QCOMPARE(history.record(0).peak_heap, std::optional<std::uint64_t>(7'000'000));
    QCOMPARE(history.record(0).small_files, std::uint64_t{120});
    QCOMPARE(history.record(0).duration_ms, std::int64_t{250});
    QCOMPARE(history.record(1).pattern, QStringLiteral("a,\"b\""));
    QCOMPARE(history.record(1).peak_resident, std::optional<std::uint64_t>(60'000'000));
    QCOMPARE(history.record(1).small_files, std::uint64_t{340});
    QCOMPARE(history.data(history.index(1, SearchHistory::Pattern)).toString(), QStringLiteral("a,\"b\""));
}

void TestSearchHistory::csvRoundTrip()
{
    MemoryView view;
    runSearch(view, QStringLiteral("needle"), 50'000'000, 7'000'000, 120);
    runSearch(view, QStringLiteral("line\nbreak, \"quoted\""), 60'000'000, 9'000'000, 340);
    view.clear();
    SearchSummary noSamples;  // no attribution sampled: the peaks are unavailable, not zero
    view.recordSearch(QStringLiteral("x"), noSamples);
    const QByteArray csv = view.searchHistory().toCsv();
    QVERIFY(csv.startsWith("pattern,finished_utc,duration_ms,peak_heap_bytes_sampled,"));
    QVERIFY(csv.contains(",50000000,120,3,1,4,1\n"));
    const auto parsed = SearchHistory::fromCsv(csv);
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->size(), std::size_t{3});
    for (int i = 0; i < 3; ++i)
        QVERIFY((*parsed)[static_cast<std::size_t>(i)] == view.searchHistory().record(i));
    QVERIFY(!(*parsed)[2].peak_heap.has_value());

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.csv"));
    QVERIFY(view.exportHistoryCsv(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), csv);
    QVERIFY(!SearchHistory::fromCsv("not,a,header\n").has_value());
}

void TestSearchHistory::keepsTheLastSearches()
{
    SearchHistory history;
    for (int i = 0; i < SearchHistory::kDefaultLimit + 3; ++i) {
        SearchRecord r;
        r.pattern = QString::number(i);
        history.add(r);
    }
    QCOMPARE(history.rowCount(), SearchHistory::kDefaultLimit);
    QCOMPARE(history.record(0).pattern, QStringLiteral("3"));
}

// A search shorter than the probe's wait has no reading while it runs: its row is added when it
// ends, and the probe's final reading, a moment later, brings the row's peaks.
void TestSearchHistory::theFinalReadingCompletesTheRow()
{
    MemoryView view;
    runSearch(view, QStringLiteral("long"), 50'000'000, 7'000'000, 120);  // the probe answers
    view.searchStarted();
    MetricsSnapshot s;
    s.resident_bytes = 40'000'000;
    view.addSample(s, 0);
    view.searchStopped();
    view.recordSearch(QStringLiteral("short"), SearchSummary{});
    const SearchHistory& history = view.searchHistory();
    QCOMPARE(history.record(1).peak_heap, std::nullopt);
    QCOMPARE(history.record(1).peak_resident, std::optional<std::uint64_t>(40'000'000));
    MemoryAttribution end;
    end.resident = 45'000'000;
    end.malloc = MallocFigures{6'000'000, 8'000'000, std::nullopt};
    view.addAttribution(end, 120);
    QCOMPARE(history.record(1).peak_heap, std::optional<std::uint64_t>(6'000'000));
    QCOMPARE(history.record(1).peak_resident, std::optional<std::uint64_t>(45'000'000));
    QCOMPARE(history.record(0).peak_heap, std::optional<std::uint64_t>(7'000'000));  // untouched
    // The next search's readings are its own.
    view.searchStarted();
    end.malloc = MallocFigures{9'000'000, 9'000'000, std::nullopt};
    view.addAttribution(end, 0);
    QCOMPARE(history.record(1).peak_heap, std::optional<std::uint64_t>(6'000'000));
}

QTEST_MAIN(TestSearchHistory)
#include "test_search_history.moc"
