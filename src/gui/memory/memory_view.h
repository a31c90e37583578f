// MemoryView: the memory dock of the main window. Holds the live charts (where the memory is,
// files and pattern cache, collector plugins), the alerts and recommendations list, the search
// history and the export actions; fed by a MetricsSampler (counters on its tick, the attribution
// and the collectors' readings from its probe a moment later).
#pragma once

#include <QList>
#include <QElapsedTimer>
#include <QStringList>
#include <QTimer>
#include <QWidget>

#include <cstdint>
#include <optional>

#include "core/search/search_result.h"
#include "gui/memory/attribution_history.h"
#include "gui/memory/collector_history.h"
#include "gui/memory/gui_memory.h"
#include "gui/memory/memory_advisor.h"
#include "gui/memory/metrics_metatype.h"
#include "gui/memory/sample_buffer.h"

class QLabel;
class QTableView;

namespace codescout::gui {

class MemoryCharts;
class MetricsSampler;
class SearchHistory;

class MemoryView : public QWidget {
    Q_OBJECT
public:
    explicit MemoryView(QWidget* parent = nullptr);
    ~MemoryView() override;

    // Connects to sampled() (adds the sample) and started() (clears the series). The view does
    // not own the sampler; passing nullptr disconnects.
    void setSampler(MetricsSampler* sampler);
    void setMemoryBudget(quint64 bytes);  // 0 = no budget
    quint64 memoryBudget() const { return budget_; }
    // Ring-buffer bound (default SampleBuffer::kDefaultCapacity); keeps the newest samples.
    void setSampleCapacity(int capacity);
    static constexpr int kMinReplotIntervalMs = 40;
    // While a search runs: samples arrive every 100 ms, and re-plotting each one cost the GUI
    // thread 5-14% of the search's time (bench/RESULTS.md, the memory view's overhead). The live
    // charts and the summary move at most once a second, and less often when a re-plot costs
    // more than kLiveDrawShare of the time between two (a slow machine, a debug build: one
    // re-plot of the three charts measured 15-50 ms there), up to kMaxLiveReplotIntervalMs.
    // The search's end is drawn at once.
    static constexpr int kLiveReplotIntervalMs = 1000;
    static constexpr int kMaxLiveReplotIntervalMs = 10000;
    static constexpr double kLiveDrawShare = 0.005;
    // After a search stops, its final probe reading is awaited this long at most before the end
    // state is drawn (a probe that does not answer).
    static constexpr int kFinalReadingWaitMs = 500;

    // Current samples, for export and tests.
    const SampleBuffer& samples() const { return samples_; }
    const AttributionHistory& attribution() const { return attribution_; }
    const CollectorHistory& collectorReadings() const { return collectors_; }
    // The collector plugins' messages shown under the charts (load rejections, failures, late
    // samples), newest last, at most kMaxCollectorNotes.
    QStringList collectorNotes() const { return collector_notes_; }
    static constexpr int kMaxCollectorNotes = 5;
    // What the stacked chart's hover shows: each component's value at the sample nearest `seconds`.
    QString attributionTextAt(double seconds) const;
    // The last searches (issue 8, item 3), newest last.
    const SearchHistory& searchHistory() const { return *history_; }
    std::optional<MetricsSnapshot> latestSnapshot() const;
    QList<Advice> advice() const { return advice_; }
    QStringList alerts() const;  // the advice texts, as shown
    MemoryCharts* charts() const { return charts_; }

public slots:
    void addSample(const codescout::MetricsSnapshot& snapshot, qint64 elapsedMs);
    // What the sampler's probe measured for the tick at elapsedMs: both of the next two, and the
    // collector plugins' messages.
    void addProbeReading(const codescout::gui::ProbeReading& reading, qint64 elapsedMs);
    void addAttribution(const codescout::MemoryAttribution& attribution, qint64 elapsedMs);
    void addCollectorReadings(const codescout::collectors::CollectorSnapshot& readings, qint64 elapsedMs);
    // Each returns false (and emits exportFailed with a readable reason) on failure.
    bool exportChartPng(const QString& path);
    bool exportCsv(const QString& path);
    bool exportPrometheus(const QString& path);
    bool exportHistoryCsv(const QString& path);
    // Adds a row to the search history: figures from the summary, peaks from this search's samples.
    void recordSearch(const QString& pattern, const codescout::SearchSummary& summary);
    // The matches the results list holds, for the advice that names its memory.
    void setResultMatches(quint64 matches);
    void clear();
    // A search's samples begin (clear, then draw live: at most once per kLiveReplotIntervalMs)
    // and end (its end state drawn at once). The sampler's started/stopped drive these; a view
    // fed by hand is told the same.
    void searchStarted();
    void searchStopped();

signals:
    void alertsChanged(const QStringList& alerts);  // plain-language alerts/recommendations
    void exportFailed(const QString& message);
    // The user clicked "Change…" next to an advice: the window should open its settings at this one.
    void changeSettingRequested(codescout::gui::AdviceSetting setting);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void forgetSamples();  // the rings and the peaks; the charts are left as drawn
    void updateAdvice();
    void showAlerts();
    void refreshCharts();
    // Which charts need a re-plot (bits), so that a new sample does not redraw the stack.
    enum : int { kCountsChart = 1, kStackChart = 2, kCollectorChart = 4, kAllCharts = 7, kSummary = 8, kAlerts = 16 };
    void scheduleReplot(int charts);
    int replotInterval() const;
    void updateSummary();
    bool failExport(const QString& message);
    void reportMemory();
    std::optional<std::uint64_t> latestResultsBytes() const;
    QList<ComponentShare> largestComponents() const;
    void showCollectorNotes();
    void chooseAndExport(const QString& caption, const QString& filter, const QString& suffix,
                         bool (MemoryView::*exporter)(const QString&));

    SampleBuffer samples_;
    AttributionHistory attribution_{SampleBuffer::kDefaultCapacity};
    CollectorHistory collectors_{SampleBuffer::kDefaultCapacity};
    std::optional<MemoryAttribution> latest_attribution_;  // for the Prometheus export
    // The three rings above as allocated. Qt Charts' own copies of the plotted points are not
    // counted: QXYSeries exposes no capacity (they stay in "other heap").
    GuiBytes memory_{GuiComponent::ChartSamples};
    quint64 budget_ = 0;
    std::uint64_t max_resident_ = 0;
    QList<Advice> advice_;
    int charts_dirty_ = 0;
    bool search_live_ = false;  // between searchStarted() and searchStopped()
    // The GUI thread's CPU time for the last re-plot, including the layout and paint events Qt
    // Charts posts for it; sets the live interval.
    std::int64_t last_draw_cpu_ns_ = 0;
    // Whether a search's end brings the probe's final reading (its sampler probes, or a probe
    // reading has arrived before: the bench and tests feed the view by hand).
    bool expectsFinalReading() const;
    bool probe_answers_ = false;  // a probe reading has arrived: a search's end brings a final one
    bool history_awaits_final_ = false;  // the last history row's search ended before its final reading
    // The search stopped and its final probe reading (which the sampler always takes, and which
    // arrives after stopped()) is awaited, so that the end state is drawn once, complete.
    bool awaiting_final_reading_ = false;
    // Re-plots are coalesced: at most one per replotInterval() however fast samples arrive.
    // A child, so that what it triggers is seen as the view's own work (bench/gui-memory-attribution).
    QTimer replot_timer_;
    QElapsedTimer since_replot_;

    MemoryCharts* charts_ = nullptr;
    QLabel* alerts_label_ = nullptr;
    QLabel* summary_ = nullptr;
    QLabel* export_status_ = nullptr;
    QLabel* collector_notes_label_ = nullptr;
    QStringList collector_notes_;
    quint64 results_matches_ = 0;
    SearchHistory* history_ = nullptr;
    QTableView* history_view_ = nullptr;
    MetricsSampler* sampler_ = nullptr;
    QList<QMetaObject::Connection> sampler_connections_;
};

}  // namespace codescout::gui
