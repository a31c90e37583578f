// --stats, --stats-only and --metrics-format prometheus: the seed's block exactly (thousands
// separators), the extra lines after it, and a well-formed Prometheus exposition.
#include <QRegularExpression>
#include <QStringList>
#include <QTest>

#include "cli/summary_output.h"
#include "core/metrics/metrics_format.h"

using namespace codescout;
using namespace codescout::cli;

namespace {

SearchSummary sample() {
    SearchSummary s;
    s.files_searched = 86123;
    s.files_matched = 12;
    s.matched_lines = 345;
    s.matches = 1234567;
    s.bytes_searched = 1234567890;
    s.skipped.ignored = 1000;
    s.skipped.hidden = 2;
    s.skipped.binary = 3;
    s.skipped.too_large = 4;
    s.skipped.errors = 5;
    s.skipped.special = 6;
    s.elapsed = std::chrono::microseconds(1234567);
    s.metrics.total_allocated = 0;
    s.metrics.peak_allocated = 1234567;
    s.metrics.mmap_allocated = 0;
    s.metrics.cache_size = 4096;
    s.metrics.cache_hits = 1;
    s.metrics.cache_misses = 1000;
    s.metrics.small_files_processed = 789;
    s.metrics.buffered_files_processed = 4560;
    s.metrics.mmap_files_processed = 1230;
    s.metrics.resident_bytes = 9876543;
    return s;
}

}  // namespace

class TestSummaryOutput : public QObject {
    Q_OBJECT

private slots:
    void stats_only_starts_with_the_seed_block() {
        const std::string out = format_stats_only(sample(), MetricsFormat::Text);
        const std::string expected_block =
            "Memory usage stats:\n"
            "Total allocated: 0 bytes\n"
            "Peak allocated: 1,234,567 bytes\n"
            "Memory mapped: 0 bytes\n"
            "Cache size: 4,096 bytes\n"
            "Cache hits/misses: 1/1,000\n"
            "Files processed (small/buffered/mmap): 789/4,560/1,230\n";
        QCOMPARE(format_stats_block(sample().metrics), expected_block);
        QVERIFY2(out.starts_with(expected_block), out.c_str());
        const std::string rest = out.substr(expected_block.size());
        QVERIFY2(rest.find("Files searched: 86,123\n") != std::string::npos, rest.c_str());
        QVERIFY(rest.find("Matches: 1,234,567\n") != std::string::npos);
        QVERIFY(rest.find("Matched lines: 345\n") != std::string::npos);
        QVERIFY(rest.find("Bytes searched: 1,234,567,890 bytes\n") != std::string::npos);
        QVERIFY(rest.find("Files skipped: 1,020 (1,000 ignored, 2 hidden, 3 binary, 4 too large, 5 errors, 6 special)\n") !=
                std::string::npos);
        QVERIFY(rest.find("Elapsed: 1.234567 seconds\n") != std::string::npos);
        QVERIFY(rest.find("Memory usage stats:") == std::string::npos);
    }

    void stats_report_follows_rg_then_the_block() {
        const std::string out = format_stats_report(sample(), 42, std::chrono::seconds(2), MetricsFormat::Text);
        QVERIFY(out.starts_with("\n1234567 matches\n345 matched lines\n12 files contained matches\n86126 files searched\n"));
        QVERIFY(out.find("42 bytes printed\n1234567890 bytes searched\n1.234567 seconds spent searching\n2.000000 seconds\n") !=
                std::string::npos);
        QVERIFY(out.ends_with("\n" + format_stats_block(sample().metrics)));
    }

    // rg counts a file it quit at a NUL as searched, with the matches and bytes before the NUL.
    void stats_report_counts_binary_files_as_rg_does() {
        SearchSummary s = sample();
        s.binary_partial = {1, 2, 5, 100};
        const std::string out = format_stats_report(s, 0, std::chrono::seconds(2), MetricsFormat::Text);
        QVERIFY(out.starts_with("\n1234572 matches\n347 matched lines\n13 files contained matches\n86126 files searched\n"));
        QVERIFY(out.find("\n1234567990 bytes searched\n") != std::string::npos);
    }

    void prometheus_exposition() {
        const std::string out = format_stats_only(sample(), MetricsFormat::Prometheus);
        QVERIFY(out.starts_with(format_prometheus(sample().metrics)));
        // Every sample line belongs to a metric announced by # HELP and # TYPE before it; names
        // carry the codescout_ prefix; counters end in _total.
        const QStringList lines = QString::fromStdString(out).split(u'\n', Qt::SkipEmptyParts);
        const QRegularExpression sample_line(QStringLiteral(R"(^(codescout_[a-z_]+)(\{[a-z_]+="[a-z_]+"\})? (\S+)$)"));
        QHash<QString, QString> types;
        QSet<QString> helped;
        int samples = 0;
        for (const QString& line : lines) {
            if (line.startsWith(u"# HELP ")) {
                helped.insert(line.section(u' ', 2, 2));
                continue;
            }
            if (line.startsWith(u"# TYPE ")) {
                types.insert(line.section(u' ', 2, 2), line.section(u' ', 3, 3));
                continue;
            }
            const auto m = sample_line.match(line);
            QVERIFY2(m.hasMatch(), qPrintable(line));
            const QString name = m.captured(1);
            QVERIFY2(helped.contains(name) && types.contains(name), qPrintable(line));
            if (types.value(name) == u"counter") QVERIFY2(name.endsWith(u"_total"), qPrintable(name));
            bool ok = false;
            m.captured(3).toDouble(&ok);
            QVERIFY2(ok, qPrintable(line));
            ++samples;
        }
        QVERIFY(samples >= 10 + 5 + 6 + 1);
        QVERIFY(out.find("codescout_memory_peak_allocated_bytes 1234567\n") != std::string::npos);
        QVERIFY(out.find("codescout_search_matches_total 1234567\n") != std::string::npos);
        QVERIFY(out.find("codescout_search_files_skipped_total{reason=\"binary\"} 3\n") != std::string::npos);
        QVERIFY(out.find("codescout_search_duration_seconds 1.234567\n") != std::string::npos);
        // --stats with prometheus: the exposition instead of the text block.
        const std::string report = format_stats_report(sample(), 0, std::chrono::seconds(1), MetricsFormat::Prometheus);
        QVERIFY(report.find("Memory usage stats:") == std::string::npos);
        QCOMPARE(report, "\n" + out);
    }
};

QTEST_GUILESS_MAIN(TestSummaryOutput)
#include "test_summary_output.moc"
