// The GUI components of the memory attribution (issue 8, item 1): each moves by what its owner
// holds, the components still sum to resident, and the sampler measures off the GUI thread.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QThread>

#include <atomic>

#include "core/metrics/memory_attribution.h"
#include "gui/memory/attribution_probe.h"
#include "gui/memory/gui_memory.h"
#include "gui/memory/memory_view.h"
#include "gui/memory/metrics_sampler.h"
#include "gui/preview/preview_editor.h"
#include "gui/preview/preview_pane.h"
#include "gui/preview/syntax_repository.h"
#include "gui/results/results_model.h"

using namespace codescout;
using namespace codescout::gui;

namespace {

std::int64_t component(GuiComponent c)
{
    const auto value = guiMemory().snapshot()[c];
    if (!value)
        throw std::runtime_error(guiComponentName(c));
    return *value;
}

std::vector<CompactFile> files(int count, int linesEach)
{
    std::vector<CompactFile> out;
    for (int f = 0; f < count; ++f) {
        FileResult result;
        result.path = "/root/dir/file" + std::to_string(f) + ".cpp";
        for (int l = 0; l < linesEach; ++l) {
            OwnedLine line;
            line.number = static_cast<std::uint64_t>(l + 1);
            line.text = std::string(60, 'x') + " needle " + std::to_string(l);
            line.spans.push_back({61, 67});
            result.lines.push_back(std::move(line));
        }
        result.matched_lines = result.matches = static_cast<std::uint64_t>(linesEach);
        out.emplace_back(result, "/root");
    }
    return out;
}

std::int64_t sum(const MemoryAttribution& a)
{
    std::int64_t total = 0;
    for (const MemoryComponent& c : a.components)
        total += c.bytes.value_or(0);
    return total;
}

}  // namespace

class TestGuiAttribution : public QObject {
    Q_OBJECT
private slots:
    void resultsMoveByTheModelsOwnCount();
    void previewMovesByTheDocumentText();
    void syntaxRepositoryIsMeasuredAtLoad();
    void chartSamplesFollowTheRings();
    void guiComponentsComeOutOfOtherHeap();
    void withoutAllocatorFiguresTheyComeOutOfUnattributed();
    void probeMeasuresOnItsOwnThread();
    void probeRestsInProportionToItsCost();
    void samplerMeasuresOffTheGuiThreadAndSumsToResident();
};

void TestGuiAttribution::probeMeasuresOnItsOwnThread()
{
    AttributionProbe probe;
    std::atomic<QThread*> measuredOn{nullptr};
    connect(&probe, &AttributionProbe::measured, this,
            [&] { measuredOn.store(QThread::currentThread()); }, Qt::DirectConnection);
    QVERIFY(probe.request(7));
    QTRY_VERIFY(measuredOn.load() != nullptr);
    QVERIFY(measuredOn.load() != QThread::currentThread());
    QTRY_VERIFY(!probe.isBusy());
}

void TestGuiAttribution::probeRestsInProportionToItsCost()
{
    AttributionProbe probe;
    probe.setCollectorSearchPath({});
    QSignalSpy measured(&probe, &AttributionProbe::measured);
    QVERIFY(probe.request(1));
    QVERIFY(measured.wait(10000));
    QTRY_VERIFY(!probe.isBusy());
    // The reading cost the probe's thread at least a /proc read of CPU time; resting 199 times
    // that, an immediate request is refused (hundreds of ms at least), a forced one is not.
    const qint64 cost = measured.at(0).at(0).value<ProbeReading>().probeMicroseconds;
    QVERIFY2(!probe.request(2), qPrintable(QString::number(cost)));
    QVERIFY(probe.request(3, /*force=*/true));
    QVERIFY(measured.wait(10000));
    QTRY_VERIFY(!probe.isBusy());
    probe.setRestFactor(0);  // no rest: the next idle tick measures
    QVERIFY(probe.request(4));
    QVERIFY(measured.wait(10000));
    QCOMPARE(measured.last().at(1).toLongLong(), qint64{4});
}

void TestGuiAttribution::resultsMoveByTheModelsOwnCount()
{
    ResultsModel model;
    const std::int64_t before = component(GuiComponent::Results);
    model.addFiles(files(50, 40));
    const auto held = static_cast<std::int64_t>(model.heapBytes());
    QVERIFY(held > 50 * 40 * static_cast<std::int64_t>(sizeof(CompactLine)));
    QCOMPARE(component(GuiComponent::Results) - before, held);
    model.addFiles(files(10, 5));
    QCOMPARE(component(GuiComponent::Results) - before,
             static_cast<std::int64_t>(model.heapBytes()));
    model.clear();
    QCOMPARE(component(GuiComponent::Results) - before,
             static_cast<std::int64_t>(model.heapBytes()));
    {
        ResultsModel second;
        second.addFiles(files(3, 3));
        QCOMPARE(component(GuiComponent::Results) - before,
                 static_cast<std::int64_t>(model.heapBytes() + second.heapBytes()));
    }
    QCOMPARE(component(GuiComponent::Results) - before,
             static_cast<std::int64_t>(model.heapBytes()));
}

void TestGuiAttribution::previewMovesByTheDocumentText()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("known.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray line(99, 'a');
    for (int i = 0; i < 1000; ++i)
        file.write(line + '\n');  // 100,000 characters
    file.close();

    PreviewPane pane;
    const std::int64_t empty = component(GuiComponent::Preview);
    QSignalSpy shown(&pane, &PreviewPane::shown);
    pane.showMatch(path, 10, 0, {0, 1});
    QTRY_COMPARE(shown.count(), 1);
    const std::int64_t grown = component(GuiComponent::Preview) - empty;
    // characterCount() is the text plus the document's final paragraph separator.
    QCOMPARE(grown, static_cast<std::int64_t>(
                        (pane.editor()->document()->characterCount() - 1) * sizeof(QChar)));
    QVERIFY(grown >= 100000 * static_cast<std::int64_t>(sizeof(QChar)) - 2);
    pane.clear();
    QCOMPARE(component(GuiComponent::Preview), empty);
}

void TestGuiAttribution::syntaxRepositoryIsMeasuredAtLoad()
{
    syntaxRepository();
    const auto bytes = guiMemory().snapshot()[GuiComponent::SyntaxRepository];
    // glibc: measured and not trivially small (hundreds of definitions are indexed at load).
    QVERIFY(bytes.has_value());
    QVERIFY2(*bytes > 64 * 1024, qPrintable(QString::number(*bytes)));
}

void TestGuiAttribution::chartSamplesFollowTheRings()
{
    const std::int64_t before = guiMemory().snapshot()[GuiComponent::ChartSamples].value_or(0);
    MemoryView view;
    for (int i = 0; i < 20; ++i) {
        MetricsSnapshot snapshot;
        snapshot.resident_bytes = 1000u + static_cast<unsigned>(i);
        view.addSample(snapshot, i * 100);
    }
    MemoryAttribution attribution;
    attribution.resident = 100;
    attribution.components = {{"a", 60, true}, {"unattributed", 40, false}};
    view.addAttribution(attribution, 0);
    const auto rings = [&view] {
        return static_cast<std::int64_t>(view.samples().heapBytes() + view.attribution().heapBytes() +
                                         view.collectorReadings().heapBytes());
    };
    QCOMPARE(component(GuiComponent::ChartSamples) - before, rings());
    QVERIFY(view.samples().heapBytes() >= 20 * sizeof(MetricsSample));
    // The collector ring joins the component: one row of 100 readings holds at least their values.
    const std::int64_t withoutCollectors = rings();
    collectors::CollectorSnapshot readings(100);
    for (std::size_t i = 0; i < readings.size(); ++i)
        readings[i].series.name = "codescout_test_series_with_a_long_name_" + std::to_string(i);
    view.addCollectorReadings(readings, 0);
    QCOMPARE(component(GuiComponent::ChartSamples) - before, rings());
    QVERIFY(rings() - withoutCollectors >= static_cast<std::int64_t>(100 * sizeof(CollectorValue)));
    view.clear();
    QCOMPARE(component(GuiComponent::ChartSamples) - before, rings());
}

void TestGuiAttribution::guiComponentsComeOutOfOtherHeap()
{
    MemoryAttribution engine;
    engine.resident = 10000;
    engine.components = {{"buffers_small", 100, true},
                         {"other_heap", 5000, true},
                         {"code_and_libraries", 3000, false},
                         {"unattributed", 1900, false}};
    GuiMemorySnapshot gui;
    gui.bytes = {1000, 500, std::nullopt, 200};
    const MemoryAttribution out = attributeWithGui(engine, gui);
    QCOMPARE(sum(out), std::int64_t{10000});
    QCOMPARE(*out.find("other_heap")->bytes, std::int64_t{5000 - 1700});
    QCOMPARE(*out.find("unattributed")->bytes, std::int64_t{1900});
    QCOMPARE(*out.find("gui_results")->bytes, std::int64_t{1000});
    QVERIFY(!out.find("gui_syntax_repository")->bytes.has_value());  // unavailable, not zero
    QCOMPARE(out.components[1].name, std::string("gui_results"));      // before other_heap
}

void TestGuiAttribution::withoutAllocatorFiguresTheyComeOutOfUnattributed()
{
    MemoryAttribution engine;
    engine.resident = 10000;
    engine.components = {{"other_heap", std::nullopt, true}, {"unattributed", 7000, false},
                         {"code_and_libraries", 3000, false}};
    GuiMemorySnapshot gui;
    gui.bytes = {1000, 0, 0, 0};
    const MemoryAttribution out = attributeWithGui(engine, gui);
    QCOMPARE(sum(out), std::int64_t{10000});
    QCOMPARE(*out.find("unattributed")->bytes, std::int64_t{6000});
}

void TestGuiAttribution::samplerMeasuresOffTheGuiThreadAndSumsToResident()
{
    ResultsModel model;
    model.addFiles(files(20, 20));
    MetricsSampler sampler;
    sampler.setInterval(std::chrono::milliseconds{20});
    sampler.setProbeRestFactor(0);  // a reading at every idle tick
    sampler.setCollectorSearchPath({});  // no plugins: this test is about the attribution
    QSignalSpy spy(&sampler, &MetricsSampler::probed);
    QThread* deliveredOn = nullptr;
    connect(&sampler, &MetricsSampler::probed, this, [&] { deliveredOn = QThread::currentThread(); });
    sampler.start(std::make_shared<MemoryMetrics>());
    QTRY_VERIFY(spy.count() >= 3);
    sampler.stop();
    QCOMPARE(deliveredOn, QThread::currentThread());  // queued back to the GUI thread
    for (const QList<QVariant>& args : std::as_const(spy)) {
        const auto attribution = args.at(0).value<ProbeReading>().attribution;
        if (!attribution.resident)
            QSKIP("no /proc/self/smaps here: the attribution is unavailable");
        QCOMPARE(sum(attribution), static_cast<std::int64_t>(*attribution.resident));
        const MemoryComponent* results = attribution.find("gui_results");
        QVERIFY(results && results->bytes);
        QVERIFY(*results->bytes >= static_cast<std::int64_t>(model.heapBytes()));
    }
}

QTEST_MAIN(TestGuiAttribution)
#include "test_gui_attribution.moc"
