// MemoryCharts: the live charts of the memory view. This widget is the ONLY place that uses
// Qt Charts (deprecated from Qt 6.10): replacing the chart library means replacing
// memory_charts.cpp and nothing else.
//  1. "Where the memory is": the memory attribution's components stacked (top = resident) on a
//     log axis, so the engine's KiB-scale parts stay readable under the MiB-scale heap and
//     libraries; the memory budget as a dotted line. (It replaces the earlier chart that drew the
//     engine's counters and resident on one linear MiB axis, where every engine line lay on zero.)
//  2. "Files and pattern cache": files per strategy and cache hits/misses over time.
//  3. "Collector plugins": the plugins' series, bytes on the left axis and every other unit on the
//     right; shown only when a plugin is loaded. Unavailable, unlimited and stale readings leave
//     gaps (never a 0) and the legend says which.
#pragma once

#include <QImage>
#include <QPointF>
#include <QStringList>
#include <QWidget>

#include <cstdint>
#include <memory>

#include "gui/memory/attribution_history.h"
#include "gui/memory/collector_history.h"
#include "gui/memory/sample_buffer.h"

namespace codescout::gui {

// The lines of the files and pattern cache chart, in legend order.
enum class ChartSeries {
    SmallFiles,
    BufferedFiles,
    MmapFiles,
    CacheHits,
    CacheMisses,
};
inline constexpr int kChartSeriesCount = 5;

class MemoryCharts : public QWidget {
    Q_OBJECT
public:
    explicit MemoryCharts(QWidget* parent = nullptr);
    ~MemoryCharts() override;

    // Re-plots the files and pattern cache chart from the buffer (QXYSeries::replace, no
    // clear()+append()); axes move only when their range changes.
    void plot(const SampleBuffer& samples);
    // Re-plots the stacked chart: one area per component, in attribution order; long histories
    // are thinned to the samples with the highest resident per pixel-sized bucket.
    void plotAttribution(const AttributionHistory& history);
    // Re-plots the collector chart (hidden while the history has no series).
    void plotCollectors(const CollectorHistory& history);
    void clear();

    // The stacked chart, for the legend, hover and tests. Index = component in attribution order.
    int componentCount() const;
    QString componentName(int index) const;
    // The upper edge of a component's area as drawn (x: seconds, y: KiB).
    QList<QPointF> componentUpperEdge(int index) const;
    bool isComponentVisible(int index) const;
    void setComponentVisible(int index, bool visible);  // the legend's check boxes call this too
    // The top of the stack (bytes) at plotted sample `sample`: resident, by construction.
    double stackTop(int sample) const;
    int stackPointCount() const;
    // Upper end of the stacked chart's log axis in KiB (a whole decade), and the axis title.
    double stackAxisMax() const;
    QString stackAxisTitle() const;

    // A dotted horizontal line at the memory budget on the stacked chart, with its own legend
    // entry; 0 removes it. While shown, the axis reaches up to the budget.
    void setBudget(std::uint64_t bytes);
    bool isBudgetLineShown() const;

    // The files and pattern cache chart, for export and tests.
    int pointCount(ChartSeries series) const;
    // Axes fit the visible series. The legend's check boxes call this too.
    void setSeriesVisible(ChartSeries series, bool visible);
    bool isSeriesVisible(ChartSeries series) const;
    QString seriesName(ChartSeries series) const;
    // The newest plotted point of a series (x in seconds, y in counts).
    QPointF lastPoint(ChartSeries series) const;
    double timeAxisMax() const;  // seconds

    // The collector chart. Index = series in CollectorHistory order.
    bool isCollectorChartShown() const;
    int collectorSeriesCount() const;
    QString collectorLegendText(int index) const;  // name, unit and state ("— stale", ...)
    int collectorPointCount(int index) const;      // points plotted (gaps left out)
    bool isCollectorOnBytesAxis(int index) const;
    QString collectorAxisTitle(bool bytesAxis) const;

    // Every chart as one image (QWidget::grab of the chart views).
    QImage renderImage();

signals:
    // The pointer is over the stacked chart at `seconds` (global position `where`): the view
    // answers with the values of that moment.
    void componentsHovered(double seconds, const QPoint& where);

protected:
    void changeEvent(QEvent* event) override;  // follows light/dark palette changes

private:
    struct Impl;
    std::unique_ptr<Impl> d_;
};

}  // namespace codescout::gui
