// The memory report after --stats / --stats-only (memory_report.h): exact text lines,
// "unavailable" for missing sources, and the Prometheus names with their # HELP / # TYPE lines.
#include <QTest>

#include "cli/memory_report.h"

using namespace codescout;
using namespace codescout::cli;

namespace {

MemoryReport sample() {
    MemoryReport r;
    r.peaks.peak_heap = 1350000;
    r.peaks.peak_resident = 9876543;
    MemoryAttribution a;
    a.resident = 9000000;
    a.components = {{"buffers_small", 32768, true}, {"other_heap", 500000, true},
                    {"mapped_files", std::nullopt, false}, {"unattributed", -1234, false}};
    a.mapped_size = 0;
    a.pattern_budget = 8388608;
    a.malloc = MallocFigures{532768, 1000000, std::nullopt};
    a.engine_heap_allocated = 40000;
    r.attribution = a;
    PhasePeak search;
    search.phase = "search";
    search.heap_peak = 1300000;
    search.engine_peak[static_cast<std::size_t>(EngineComponent::SmallBuffers)] = 65536;
    r.phases = {search};
    r.allocations.by_strategy[0] = {10, 1000, 32768};
    r.allocations.largest = {{"big.c", FileStrategy::Small, 32768}};
    return r;
}

}  // namespace

class TestMemoryReport : public QObject {
    Q_OBJECT

private slots:
    void text_lines() {
        QCOMPARE(format_memory_text(sample()),
                 std::string("Peak heap: 1,350,000 bytes\n"
                             "Peak resident: 9,876,543 bytes\n"
                             "Memory attribution (resident 9,000,000 bytes):\n"
                             "  buffers_small: 32,768 bytes\n"
                             "  other_heap: 500,000 bytes\n"
                             "  mapped_files: unavailable\n"
                             "  unattributed: -1,234 bytes\n"
                             "  (beside the sum) mapped files size: 0 bytes\n"
                             "  (beside the sum) RE2 DFA budget: 8,388,608 bytes\n"
                             "  (beside the sum) engine heap allocated: 40,000 bytes\n"
                             "  (beside the sum) heap held by malloc: 1,000,000 bytes\n"
                             "Phase search: peak heap 1,300,000 bytes, allocated: buffers small/buffered 65,536/0, walker 0 bytes\n"
                             "Strategy small: 10 files, 1,000 bytes searched, largest buffer 32,768 bytes\n"
                             "Strategy buffered: 0 files, 0 bytes searched, largest buffer 0 bytes\n"
                             "Strategy mmap: 0 files, 0 bytes searched, largest buffer 0 bytes\n"
                             "Largest buffer: 32,768 bytes (small) big.c\n"));
    }

    void unavailable_is_never_zero() {
        MemoryReport r;
        const std::string text = format_memory_text(r);
        QVERIFY(text.starts_with("Peak heap: unavailable\nPeak resident: unavailable\n"));
        const std::string prom = format_memory_prometheus(r);
        QVERIFY(prom.find("\ncodescout_process_peak_heap_bytes ") == std::string::npos);
        QVERIFY(prom.find("# TYPE codescout_process_peak_heap_bytes gauge\n") != std::string::npos);
        QVERIFY(prom.find("codescout_memory_bytes{") == std::string::npos);
    }

    void prometheus_names() {
        const std::string prom = format_memory_prometheus(sample());
        for (const char* expected : {
                 "# HELP codescout_process_peak_heap_bytes ", "# TYPE codescout_process_peak_heap_bytes gauge\n",
                 "\ncodescout_process_peak_heap_bytes 1350000\n",
                 "# TYPE codescout_process_peak_resident_bytes gauge\n",
                 "\ncodescout_process_peak_resident_bytes 9876543\n",
                 "# TYPE codescout_process_resident_bytes gauge\n", "\ncodescout_process_resident_bytes 9000000\n",
                 "# HELP codescout_memory_bytes ", "# TYPE codescout_memory_bytes gauge\n",
                 "\ncodescout_memory_bytes{component=\"buffers_small\"} 32768\n",
                 "\ncodescout_memory_bytes{component=\"unattributed\"} -1234\n",
                 "\ncodescout_phase_peak_heap_bytes{phase=\"search\"} 1300000\n",
                 "\ncodescout_strategy_searched_bytes_total{strategy=\"small\"} 1000\n",
                 "\ncodescout_strategy_largest_buffer_bytes{strategy=\"small\"} 32768\n"}) {
            QVERIFY2(prom.find(expected) != std::string::npos, expected);
        }
        QVERIFY(prom.find("component=\"mapped_files\"") == std::string::npos);  // unavailable: no sample
    }
};

QTEST_GUILESS_MAIN(TestMemoryReport)
#include "test_memory_report.moc"
