// MemoryAdvisor: which rules fire for which counters (data-driven), in which order, and that
// the texts say what happened and name the setting to change.
#include <QtTest>

#include "core/search/file_strategy.h"
#include "gui/memory/byte_format.h"
#include "gui/memory/memory_advisor.h"

using namespace codescout;
using namespace codescout::gui;

Q_DECLARE_METATYPE(codescout::gui::AdvisorInput)

namespace {

constexpr std::uint64_t KiB = 1024;
constexpr std::uint64_t MiB = 1024 * KiB;
constexpr std::uint64_t kTinyMappingLimitForTests = MemoryAdvisor::kTinyMappingLimit;

// A healthy search over a typical source tree: most files small, a few buffered, rare mappings.
MetricsSnapshot healthy() {
    MetricsSnapshot s;
    s.total_allocated = 0;
    s.peak_allocated = 2 * MiB;
    s.mmap_allocated = 0;
    s.cache_size = 12 * KiB;
    s.cache_hits = 9;
    s.cache_misses = 1;
    s.small_files_processed = 900;
    s.buffered_files_processed = 100;
    s.mmap_files_processed = 2;
    s.resident_bytes = 80 * MiB;
    // A snapshot carries the thresholds its search recorded (0 before any): the defaults here.
    s.small_file_threshold = kDefaultSmallFileThreshold;
    s.large_file_threshold = kDefaultLargeFileThreshold;
    return s;
}

AdvisorInput input(MetricsSnapshot s, std::uint64_t budget = 0, std::uint64_t maxResident = 0) {
    AdvisorInput in;
    in.latest = s;
    in.max_resident_bytes = maxResident;
    in.budget_bytes = budget;
    return in;
}

QString ruleNames(const QList<Advice>& advice) {
    static const QStringList names{QStringLiteral("BudgetExceeded"), QStringLiteral("ResidentOverBudget"),
                                   QStringLiteral("PoorCacheHitRate"), QStringLiteral("BufferedDominates"),
                                   QStringLiteral("LargeBufferedPeak"), QStringLiteral("TinyMappings"),
                                   QStringLiteral("ResultsDominate")};
    QStringList out;
    for (const Advice& a : advice) out << names.at(static_cast<int>(a.rule));
    return out.join(QLatin1Char(','));
}

}  // namespace

class TestMemoryAdvisor : public QObject {
    Q_OBJECT
private slots:
    void rules_data() {
        QTest::addColumn<AdvisorInput>("in");
        QTest::addColumn<QString>("expected");  // rule names in order, comma-separated

        QTest::newRow("healthy: no advice") << input(healthy(), 512 * MiB, 80 * MiB) << QString();
        QTest::newRow("nothing searched yet") << input(MetricsSnapshot{}) << QString();

        auto s = healthy();
        s.peak_allocated = 812 * MiB;
        QTest::newRow("peak over budget") << input(s, 512 * MiB) << QStringLiteral("BudgetExceeded");
        QTest::newRow("no budget: the big peak is a buffering recommendation")
            << input(s, 0) << QStringLiteral("LargeBufferedPeak");
        s.peak_allocated = 512 * MiB;
        QTest::newRow("peak equal to budget is within it")
            << input(s, 512 * MiB) << QStringLiteral("LargeBufferedPeak");

        s = healthy();
        QTest::newRow("resident over budget, engine within")
            << input(s, 64 * MiB, 600 * MiB) << QStringLiteral("ResidentOverBudget");
        QTest::newRow("resident ignored without budget") << input(s, 0, 600 * MiB) << QString();

        s = healthy();
        s.cache_hits = 3;
        s.cache_misses = 7;
        QTest::newRow("poor hit rate") << input(s) << QStringLiteral("PoorCacheHitRate");
        s.cache_hits = 0;
        s.cache_misses = 9;
        QTest::newRow("too few lookups to judge") << input(s) << QString();
        s.cache_hits = 5;
        s.cache_misses = 5;
        QTest::newRow("half the lookups hit: fine") << input(s) << QString();

        s = healthy();
        s.small_files_processed = 10;
        s.buffered_files_processed = 30;
        s.mmap_files_processed = 0;
        QTest::newRow("most files buffered") << input(s) << QStringLiteral("BufferedDominates");
        s.small_files_processed = 1;
        s.buffered_files_processed = 19;
        QTest::newRow("too few files to judge") << input(s) << QString();
        s.small_files_processed = 20;
        s.buffered_files_processed = 20;
        QTest::newRow("exactly half buffered: fine") << input(s) << QString();

        s = healthy();
        s.buffered_files_processed = 0;
        s.peak_allocated = 64 * MiB;
        QTest::newRow("big peak without buffered files: not buffering's fault") << input(s) << QString();
        s = healthy();
        s.large_file_threshold = kTinyMappingLimitForTests;
        s.peak_allocated = 4 * MiB;
        QTest::newRow("never advise mapping below 1 MiB") << input(s) << QString();

        // The attribution's results component: advised from 64 MiB and a quarter of resident.
        auto results = [](std::uint64_t bytes, std::uint64_t resident) {
            AdvisorInput in = input(healthy(), 0, resident);
            in.results_bytes = bytes;
            in.results_matches = 4'000'000;
            return in;
        };
        QTest::newRow("results list dominates") << results(210 * MiB, 400 * MiB)
                                                << QStringLiteral("ResultsDominate");
        QTest::newRow("results list large but a small share") << results(100 * MiB, 800 * MiB) << QString();
        QTest::newRow("results list a big share but small") << results(30 * MiB, 60 * MiB) << QString();
        AdvisorInput unmeasured = results(0, 400 * MiB);
        unmeasured.results_bytes.reset();
        QTest::newRow("results list not measured") << unmeasured << QString();

        s = healthy();
        s.small_file_threshold = 4 * KiB;
        s.large_file_threshold = 64 * KiB;
        s.mmap_files_processed = 50;
        QTest::newRow("many tiny mappings") << input(s) << QStringLiteral("TinyMappings");
        s.large_file_threshold = kDefaultLargeFileThreshold;
        QTest::newRow("many mappings of big files: fine") << input(s) << QString();

        s = healthy();
        s.peak_allocated = 900 * MiB;
        s.cache_hits = 1;
        s.cache_misses = 19;
        s.small_files_processed = 5;
        s.buffered_files_processed = 95;
        QTest::newRow("several at once: warnings first")
            << input(s, 256 * MiB) << QStringLiteral("BudgetExceeded,PoorCacheHitRate,BufferedDominates");
    }

    void rules() {
        QFETCH(AdvisorInput, in);
        QFETCH(QString, expected);
        const QList<Advice> advice = MemoryAdvisor::advise(in);
        QCOMPARE(ruleNames(advice), expected);
        for (const Advice& a : advice) {
            QVERIFY(!a.text.isEmpty());
            // Every recommendation that asks for a change names the setting as the dialog does.
            if (a.setting != AdviceSetting::None) {
                QVERIFY2(a.text.contains(MemoryAdvisor::settingName(a.setting)), qPrintable(a.text));
            }
            const bool warning = a.rule == AdviceRule::BudgetExceeded || a.rule == AdviceRule::ResidentOverBudget;
            QCOMPARE(a.severity == AdviceSeverity::Warning, warning);
        }
    }

    void budgetTextIsPlainAndComplete() {
        auto s = healthy();
        s.peak_allocated = 812 * MiB;
        const QList<Advice> advice = MemoryAdvisor::advise(input(s, 512 * MiB));
        QCOMPARE(advice.size(), 1);
        QCOMPARE(advice.first().setting, AdviceSetting::LargeFileThreshold);
        const QString expected =
            QStringLiteral("Peak memory 812\u00a0MiB exceeded the budget of 512\u00a0MiB: lower 'Large-"
                           "file threshold' so big files are memory-mapped instead of buffered, or "
                           "reduce 'Threads'.");
        QCOMPARE(advice.first().text, expected);
    }

    void recommendationsSuggestConcreteValues() {
        auto s = healthy();
        s.small_files_processed = 10;
        s.buffered_files_processed = 30;
        QList<Advice> advice = MemoryAdvisor::advise(input(s));
        QCOMPARE(advice.size(), 1);
        QVERIFY2(advice.first().text.contains(QStringLiteral("to 64\u00a0KiB")), qPrintable(advice.first().text));
        QVERIFY(advice.first().text.contains(QStringLiteral("30 of 42 files")));

        s = healthy();
        s.cache_hits = 2;
        s.cache_misses = 8;
        advice = MemoryAdvisor::advise(input(s));
        QCOMPARE(advice.size(), 1);
        QVERIFY2(advice.first().text.contains(QStringLiteral("Only 20% of pattern lookups hit the cache (2 of 10)")),
                 qPrintable(advice.first().text));

        s = healthy();
        s.peak_allocated = 12 * MiB;
        advice = MemoryAdvisor::advise(input(s));
        QCOMPARE(ruleNames(advice), QStringLiteral("LargeBufferedPeak"));
        QVERIFY2(advice.first().text.contains(QStringLiteral("Lower 'Large-file threshold' to 5\u00a0MiB")),
                 qPrintable(advice.first().text));
    }

    void resultsAdviceNamesSizeMatchesAndSetting() {
        AdvisorInput in = input(healthy(), 0, 400 * MiB);
        in.results_bytes = 210 * MiB;
        in.results_matches = 4'000'000;
        const QList<Advice> advice = MemoryAdvisor::advise(in);
        QCOMPARE(advice.size(), 1);
        QCOMPARE(advice[0].setting, AdviceSetting::MaxResultsShown);
        QVERIFY2(advice[0].text.contains(QStringLiteral("210")), qPrintable(advice[0].text));
        QVERIFY2(advice[0].text.contains(QLocale().toString(4'000'000ull)), qPrintable(advice[0].text));
        QVERIFY(advice[0].text.contains(QStringLiteral("Max results shown")));
    }

    void residentOverBudgetNamesTheLargestParts() {
        AdvisorInput in = input(healthy(), 64 * MiB, 600 * MiB);
        in.largest_components = {{"gui_results", QStringLiteral("Results list"), 410 * MiB},
                                 {"code_and_libraries", QStringLiteral("Code and libraries"), 90 * MiB}};
        QList<Advice> advice = MemoryAdvisor::advise(in);
        QCOMPARE(advice.size(), 1);
        QCOMPARE(advice[0].rule, AdviceRule::ResidentOverBudget);
        QCOMPARE(advice[0].setting, AdviceSetting::MaxResultsShown);
        QVERIFY2(advice[0].text.contains(QStringLiteral("Results list ") + formatBytes(410 * MiB)), qPrintable(advice[0].text));
        QVERIFY2(advice[0].text.contains(QStringLiteral("Code and libraries ") + formatBytes(90 * MiB)), qPrintable(advice[0].text));
        // When the results list is not the largest part, lowering it is not the advice.
        std::swap(in.largest_components[0], in.largest_components[1]);
        in.largest_components[0].bytes = 500 * MiB;
        advice = MemoryAdvisor::advise(in);
        QCOMPARE(advice.size(), 1);
        QCOMPARE(advice[0].setting, AdviceSetting::MemoryBudget);
        QVERIFY2(advice[0].text.contains(QStringLiteral("Code and libraries ") + formatBytes(500 * MiB)), qPrintable(advice[0].text));
    }

    void settingNames() {
        QCOMPARE(MemoryAdvisor::settingName(AdviceSetting::SmallFileThreshold), QStringLiteral("Small-file threshold"));
        QCOMPARE(MemoryAdvisor::settingName(AdviceSetting::LargeFileThreshold), QStringLiteral("Large-file threshold"));
        QCOMPARE(MemoryAdvisor::settingName(AdviceSetting::Threads), QStringLiteral("Threads"));
        QVERIFY(MemoryAdvisor::settingName(AdviceSetting::None).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMemoryAdvisor)
#include "test_memory_advisor.moc"
