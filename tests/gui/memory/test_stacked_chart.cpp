// The stacked memory chart (issue 8, item 2): its top is resident for every sample, legend
// entries hide their component, and the hover text lists each component's value at that moment.
#include <QCheckBox>

#include <algorithm>
#include <QTest>

#include "gui/memory/attribution_history.h"
#include "gui/memory/byte_format.h"
#include "gui/memory/memory_charts.h"
#include "gui/memory/memory_view.h"
#include "gui/memory/series_legend.h"
#include "gui/memory/stacked_components.h"

using namespace codescout;
using namespace codescout::gui;

namespace {

// Samples shaped like the real attribution: a KiB engine part, a GUI part that is
// unavailable in one sample, MiB other heap and libraries, and an unattributed remainder that is
// negative once (heap handed out but never touched). Each sums to its resident.
MemoryAttribution sample(int i)
{
    const std::int64_t engine = 4096 * (i + 1);
    const std::optional<std::int64_t> results = i == 2 ? std::nullopt : std::optional<std::int64_t>(1024 * 1024 * i);
    const std::int64_t heap = 8 << 20;
    const std::int64_t code = 20 << 20;
    const std::int64_t unattributed = i == 3 ? -50000 : 300000 * i;
    MemoryAttribution a;
    a.resident = static_cast<std::uint64_t>(engine + results.value_or(0) + heap + code + unattributed);
    a.components = {{"buffers_small", engine, true},
                    {"gui_results", results, true},
                    {"other_heap", heap, true},
                    {"code_and_libraries", code, false},
                    {"unattributed", unattributed, false}};
    return a;
}

AttributionHistory history()
{
    AttributionHistory h;
    for (int i = 0; i < 5; ++i)
        h.push(i * 100, sample(i));
    return h;
}

}  // namespace

class TestStackedChart : public QObject {
    Q_OBJECT
private slots:
    void stackTopIsResident();
    void chartTopIsResidentForEverySample();
    void aSingleReadingIsDrawnAsAColumn();
    void legendEntryHidesItsComponent();
    void hoverListsEveryComponentAtThatMoment();
    void longHistoriesKeepTheirPeaks();
};

void TestStackedChart::stackTopIsResident()
{
    const AttributionHistory h = history();
    const std::vector<StackedArea> areas = stackComponents(h);
    QCOMPARE(areas.size(), std::size_t{5});
    for (std::size_t i = 0; i < h.size(); ++i) {
        QCOMPARE(areas.back().upper.at(static_cast<qsizetype>(i)).y(), static_cast<double>(*h.resident(i)));
        for (std::size_t c = 1; c < areas.size(); ++c)  // each layer starts where the one below ends
            QCOMPARE(areas[c].lower.at(static_cast<qsizetype>(i)).y(),
                     areas[c - 1].upper.at(static_cast<qsizetype>(i)).y());
    }
}

void TestStackedChart::chartTopIsResidentForEverySample()
{
    MemoryCharts charts;
    const AttributionHistory h = history();
    charts.plotAttribution(h);
    QCOMPARE(charts.componentCount(), 5);
    QCOMPARE(charts.stackPointCount(), 5);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(charts.stackTop(i), static_cast<double>(*h.resident(static_cast<std::size_t>(i))));
    QCOMPARE(charts.componentName(1), QStringLiteral("Results list"));
}

// A search shorter than the probe's rest has one reading, its end state: an area of one point
// would draw nothing, so each component is a column ending at that moment, at its height.
void TestStackedChart::aSingleReadingIsDrawnAsAColumn()
{
    AttributionHistory one;
    const MemoryAttribution end = sample(4);
    one.push(400, end);
    MemoryCharts charts;
    charts.plotAttribution(one);
    QCOMPARE(charts.stackPointCount(), 1);
    QCOMPARE(charts.stackTop(0), static_cast<double>(*end.resident));
    for (int c = 0; c < charts.componentCount(); ++c) {
        const QList<QPointF> edge = charts.componentUpperEdge(c);
        QCOMPARE(edge.size(), 2);
        QVERIFY(edge[0].x() < edge[1].x());
        QCOMPARE(edge[1].x(), 0.4);
        QVERIFY(edge[0].x() >= 0.38);
        QCOMPARE(edge[0].y(), edge[1].y());
    }
    QCOMPARE(charts.componentUpperEdge(charts.componentCount() - 1)[1].y(), static_cast<double>(*end.resident) / 1024.0);
}

void TestStackedChart::legendEntryHidesItsComponent()
{
    MemoryCharts charts;
    charts.plotAttribution(history());
    SeriesLegend* legend = nullptr;
    for (SeriesLegend* l : charts.findChildren<SeriesLegend*>()) {
        if (l->accessibleName() == QStringLiteral("Memory by component chart legend"))
            legend = l;
    }
    QVERIFY(legend);
    QCOMPARE(legend->count(), 5 + 1);  // and the budget's entry, hidden without a budget
    QVERIFY(legend->entry(5)->isHidden());
    // Entries that arrive after the legend is on screen are shown too.
    charts.show();
    AttributionHistory other;
    MemoryAttribution a;
    a.resident = 10;
    a.components = {{"walker", 10, true}};
    other.push(0, a);
    charts.plotAttribution(other);
    QVERIFY(legend->entry(0)->isVisible());
    charts.plotAttribution(history());
    QVERIFY(legend->entry(4)->isVisible());
    QVERIFY(charts.isComponentVisible(2));
    legend->entry(2)->click();
    QVERIFY(!charts.isComponentVisible(2));
    QVERIFY(charts.isComponentVisible(1));
    legend->entry(2)->click();
    QVERIFY(charts.isComponentVisible(2));
}

void TestStackedChart::hoverListsEveryComponentAtThatMoment()
{
    MemoryView view;
    const AttributionHistory h = history();
    MemoryAttribution a;
    for (std::size_t i = 0; i < h.size(); ++i) {
        a.resident = static_cast<std::uint64_t>(*h.resident(i));
        a.components.clear();
        for (std::size_t c = 0; c < h.names().size(); ++c)
            a.components.push_back({h.names()[c], h.value(i, c), c < 3});
        view.addAttribution(a, h.elapsedMs(i));
    }
    const QString atThird = view.attributionTextAt(0.21);  // nearest sample: 200 ms
    QVERIFY2(atThird.contains(QStringLiteral("Small-file buffers: ") + formatBytes(4096 * 3)), qPrintable(atThird));
    QVERIFY2(atThird.contains(QStringLiteral("Results list: unavailable")), qPrintable(atThird));
    QVERIFY(atThird.contains(QStringLiteral("Other heap: ") + formatBytes(8 << 20)));
    QVERIFY(atThird.contains(formatBytes(static_cast<std::uint64_t>(*h.resident(2)))));
    const QString atFourth = view.attributionTextAt(0.3);
    QVERIFY2(atFourth.contains(QStringLiteral("Unattributed: -") + formatBytes(50000)), qPrintable(atFourth));
}

void TestStackedChart::longHistoriesKeepTheirPeaks()
{
    // 3,000 samples (the ring's default), one spike of resident at sample 1234.
    AttributionHistory h;
    for (int i = 0; i < 3000; ++i) {
        const std::int64_t heap = (i == 1234 ? 900 : 100) << 20;
        MemoryAttribution a;
        a.resident = static_cast<std::uint64_t>(heap + (1 << 20));
        a.components = {{"buffers_small", 1 << 20, true}, {"other_heap", heap, true}};
        h.push(i * 100, a);
    }
    const std::vector<std::size_t> kept = thinSamples(h, 100);
    QVERIFY2(kept.size() <= 102, qPrintable(QString::number(kept.size())));
    QCOMPARE(kept.front(), std::size_t{0});
    QCOMPARE(kept.back(), std::size_t{2999});
    QVERIFY(std::find(kept.begin(), kept.end(), std::size_t{1234}) != kept.end());
    QVERIFY(std::is_sorted(kept.begin(), kept.end()));
    QCOMPARE(thinSamples(h, 2000).size(), std::size_t{3000});  // few enough: every sample

    MemoryCharts charts;
    charts.resize(400, 900);
    charts.plotAttribution(h);
    QVERIFY(charts.stackPointCount() < 400);
    double highest = 0;
    for (int i = 0; i < charts.stackPointCount(); ++i) highest = std::max(highest, charts.stackTop(i));
    QCOMPARE(highest, static_cast<double>(*h.resident(1234)));  // the spike is drawn
}

QTEST_MAIN(TestStackedChart)
#include "test_stacked_chart.moc"
