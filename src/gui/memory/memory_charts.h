// MemoryCharts: the two live charts of the memory view. This widget is the ONLY place that uses
// Qt Charts (deprecated from Qt 6.10): replacing the chart library means replacing
// memory_charts.cpp and nothing else. Chart 1 plots bytes over time (allocated, peak, mapped,
// cache, resident); chart 2 plots files per strategy and cache hits/misses over time; chart 3
// stacks the memory attribution's components (top = resident) on a log axis.
#pragma once

#include <QImage>
#include <QPointF>
#include <QStringList>
#include <QWidget>

#include <cstdint>
#include <memory>

#include "gui/memory/attribution_history.h"
#include "gui/memory/sample_buffer.h"

namespace codescout::gui {

// Every plotted line, in legend order.
enum class ChartSeries {
    TotalAllocated,
    PeakAllocated,
    MemoryMapped,
    CacheSize,
    Resident,
    SmallFiles,
    BufferedFiles,
    MmapFiles,
    CacheHits,
    CacheMisses,
};
inline constexpr int kChartSeriesCount = 10;

class MemoryCharts : public QWidget {
    Q_OBJECT
public:
    explicit MemoryCharts(QWidget* parent = nullptr);
    ~MemoryCharts() override;

    // Re-plots every series from the buffer (QXYSeries::replace, no clear()+append()); axes move
    // only when their range changes.
    void plot(const SampleBuffer& samples);
    // Re-plots the stacked attribution chart: one area per component, in attribution order.
    void plotAttribution(const AttributionHistory& history);
    void clear();

    // The stacked chart, for the legend, hover and tests. Index = component in attribution order.
    int componentCount() const;
    QString componentName(int index) const;
    bool isComponentVisible(int index) const;
    void setComponentVisible(int index, bool visible);  // the legend's check boxes call this too
    // The top of the stack (bytes) at plotted sample `sample`: resident, by construction.
    double stackTop(int sample) const;
    int stackPointCount() const;

    // A dotted horizontal line at the memory budget on the bytes chart, with its own legend entry;
    // 0 removes it. While shown, the bytes axis reaches up to the budget.
    void setBudget(std::uint64_t bytes);
    bool isBudgetLineShown() const;

    // What is plotted, for export and tests.
    int pointCount(ChartSeries series) const;
    // Axes fit the visible series. The legend's check boxes call this too.
    void setSeriesVisible(ChartSeries series, bool visible);
    bool isSeriesVisible(ChartSeries series) const;
    QString seriesName(ChartSeries series) const;
    // Upper bound of the bytes axis in bytes, and its title naming the unit ("Memory (MiB)").
    double bytesAxisMax() const;
    QString bytesAxisTitle() const;
    // The newest plotted point of a series (x in seconds, y in the axis unit).
    QPointF lastPoint(ChartSeries series) const;
    double timeAxisMax() const;  // seconds
    // Both charts as one image (QWidget::grab of the chart views).
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
