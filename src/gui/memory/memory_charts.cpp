// MemoryCharts: the Qt Charts implementation of the memory view's live charts. Every Qt Charts
// include of the project is in this file (Qt Charts is deprecated from Qt 6.10; swapping in Qt
// Graphs touches only this file).
#include "gui/memory/memory_charts.h"

#include <QtCharts/QAreaSeries>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLegend>
#include <QtCharts/QLineSeries>
#include <QtCharts/QLogValueAxis>
#include <QtCharts/QValueAxis>

#include <QCheckBox>
#include <QCursor>
#include <QEvent>
#include <QPainter>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <cmath>

#include "gui/memory/byte_format.h"
#include "gui/memory/point_decimation.h"
#include "gui/memory/series_legend.h"
#include "gui/memory/stacked_components.h"

namespace codescout::gui {

namespace {

constexpr double kMinTimeSpanSeconds = 1.0;
constexpr int kTargetTicks = 5;
constexpr int kMinBuckets = 100;  // lines keep every point up to 200 samples

// The stacked chart plots KiB on a log axis; the smallest plotted value is 1 KiB (a log axis has
// no zero), so a layer below 1 KiB is drawn as a hairline rather than vanishing.
constexpr double kStackFloorKiB = 1.0;
// A single reading's column: this share of the time up to it, at least kMinColumnSeconds wide.
constexpr double kSingleReadingWidth = 0.03;
constexpr double kMinColumnSeconds = 0.005;

// The smallest 1-2-5 x 10^k step with at most kTargetTicks steps up to `span`.
double niceStep(double span) {
    if (span <= 0) return 1;
    const double raw = span / kTargetTicks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * magnitude >= raw) return m * magnitude;
    }
    return 10 * magnitude;
}

// The smallest of 1, 1.5, 2, 3, 4, 5, 6, 8 x 10^k not below `value`: a round axis end that leaves
// at most a third of the axis empty. niceStep() of each of these divides it evenly.
double niceCeil(double value) {
    if (value <= 0) return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (double m : {1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0}) {
        if (m * magnitude >= value * (1 - 1e-12)) return m * magnitude;
    }
    return 10 * magnitude;
}

// The value a counts line plots for one snapshot.
double valueOf(ChartSeries series, const MetricsSnapshot& s) {
    switch (series) {
    case ChartSeries::SmallFiles: return static_cast<double>(s.small_files_processed);
    case ChartSeries::BufferedFiles: return static_cast<double>(s.buffered_files_processed);
    case ChartSeries::MmapFiles: return static_cast<double>(s.mmap_files_processed);
    case ChartSeries::CacheHits: return static_cast<double>(s.cache_hits);
    case ChartSeries::CacheMisses: return static_cast<double>(s.cache_misses);
    }
    return 0;
}

// Line looks: colours readable on light and dark backgrounds; dashed lines for the cache lookups
// on the right axis.
struct SeriesStyle {
    QColor color;
    Qt::PenStyle style;
};
const std::array<SeriesStyle, kChartSeriesCount> kStyles{{
    {QColor(0x1f, 0x77, 0xb4), Qt::SolidLine},  // small files
    {QColor(0xd6, 0x27, 0x28), Qt::SolidLine},  // buffered files
    {QColor(0x2c, 0xa0, 0x2c), Qt::SolidLine},  // mmap files
    {QColor(0x17, 0xbe, 0xcf), Qt::DashLine},   // cache hits
    {QColor(0xff, 0x7f, 0x0e), Qt::DashLine},   // cache misses
}};

QPen penFor(int series) {
    const SeriesStyle& style = kStyles[static_cast<std::size_t>(series)];
    QPen pen(style.color);
    pen.setWidthF(2.0);
    pen.setStyle(style.style);
    return pen;
}

QColor paletteColor(std::size_t index) {
    static const std::array<QColor, 14> kColors{{
        QColor(0x1f, 0x77, 0xb4), QColor(0xae, 0xc7, 0xe8), QColor(0xff, 0x7f, 0x0e),
        QColor(0xff, 0xbb, 0x78), QColor(0x2c, 0xa0, 0x2c), QColor(0x98, 0xdf, 0x8a),
        QColor(0xd6, 0x27, 0x28), QColor(0xff, 0x98, 0x96), QColor(0x94, 0x67, 0xbd),
        QColor(0xc5, 0xb0, 0xd5), QColor(0x8c, 0x56, 0x4b), QColor(0xe3, 0x77, 0xc2),
        QColor(0x17, 0xbe, 0xcf), QColor(0x7f, 0x7f, 0x7f)}};
    return kColors[index % kColors.size()];
}

// The budget: a thin dotted grey line, a limit rather than a measurement.
QPen budgetPen() {
    QPen pen(QColor(0x7f, 0x7f, 0x7f));
    pen.setWidthF(1.5);
    pen.setStyle(Qt::DotLine);
    return pen;
}

bool isBytesUnit(const std::string& unit) { return unit == "bytes" || unit == "byte"; }

}  // namespace

struct MemoryCharts::Impl {
    MemoryCharts* owner = nullptr;
    QVBoxLayout* layout = nullptr;

    // 1. The stacked attribution chart.
    QChart* stackChart = nullptr;
    QChartView* stackView = nullptr;
    SeriesLegend* stackLegend = nullptr;
    QValueAxis* stackTime = nullptr;
    QLogValueAxis* stackAxis = nullptr;
    std::vector<std::string> stackNames;
    std::vector<QAreaSeries*> areas;
    std::vector<double> tops;  // bytes at the stack's top per plotted sample
    std::vector<double> areaMaxKiB;  // each area's highest upper edge, KiB
    double stackAxisMax = -1;
    QLineSeries* budgetLine = nullptr;  // two points across the time axis at the budget
    std::uint64_t budget = 0;
    int budgetLegendIndex = -1;

    // 2. Files and pattern cache.
    QChart* countsChart = nullptr;
    QChartView* countsView = nullptr;
    SeriesLegend* countsLegend = nullptr;
    std::array<QLineSeries*, kChartSeriesCount> series{};
    QValueAxis* countsTime = nullptr;
    QValueAxis* filesAxis = nullptr;
    QValueAxis* lookupsAxis = nullptr;
    std::array<QList<QPointF>, kChartSeriesCount> raw;  // counts, kept to re-fit without samples
    std::array<double, kChartSeriesCount> maxima{};
    double filesMax = -1;
    double lookupsMax = -1;

    // 3. Collector plugins.
    QChart* collectorChart = nullptr;
    QChartView* collectorView = nullptr;
    SeriesLegend* collectorLegend = nullptr;
    QValueAxis* collectorTime = nullptr;
    QValueAxis* collectorBytesAxis = nullptr;
    QValueAxis* collectorOtherAxis = nullptr;
    std::vector<collectors::SeriesInfo> collectorSeries;
    std::vector<QLineSeries*> collectorLines;
    std::vector<QList<QPointF>> collectorRaw;  // plottable readings only, raw units
    double collectorBytesMax = -1;
    double collectorOtherMax = -1;

    // Time range over everything plotted; every time axis shows the same window.
    struct Span {
        double first = 0;
        double last = 0;
        bool any = false;
    };
    Span sampleSpan, stackSpan, collectorSpan;
    double timeMin = -1;
    double timeMax = -1;

    QChart* makeChart(const QString& title);
    QValueAxis* makeValueAxis(QChart* chart, const QString& title, Qt::Alignment where);
    QChartView* makeView(QChart* chart, const QString& accessibleName);
    void applyTheme(const QPalette& palette);
    static void setCountRange(QValueAxis* axis, double& current, double maxValue);
    static double setBytesRange(QValueAxis* axis, double& current, double maxValue);
    void fitTime();
    void rebuildStack(const std::vector<std::string>& names);
    void addBudgetEntry();
    void fitStack();
    void rebuildCollectors(const std::vector<collectors::SeriesInfo>& infos);
    void fitCollectors();
    // Fits the counts axes to the visible series and hands each line its (thinned) points.
    void applyCounts();
    int buckets() const { return std::max(kMinBuckets, stackView->width() / 4); }
};

QChart* MemoryCharts::Impl::makeChart(const QString& title) {
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);  // live data: animations only lag behind
    chart->setTitle(title);
    QFont titleFont = chart->titleFont();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    // SeriesLegend below the chart replaces the built-in legend, which truncates names when narrow.
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    // Locale-aware axis numbers ("1,234" / "1.234"). With it on, Qt Charts renders nothing for
    // the %i and %d label formats, so the axes use %.0f for whole numbers.
    chart->setLocalizeNumbers(true);
    return chart;
}

QValueAxis* MemoryCharts::Impl::makeValueAxis(QChart* chart, const QString& title, Qt::Alignment where) {
    auto* axis = new QValueAxis;
    axis->setTitleText(title);
    axis->setLabelFormat(QStringLiteral("%.0f"));
    axis->setMinorTickCount(0);
    chart->addAxis(axis, where);
    return axis;
}

QChartView* MemoryCharts::Impl::makeView(QChart* chart, const QString& accessibleName) {
    auto* view = new QChartView(chart, owner);
    view->setRenderHint(QPainter::Antialiasing);
    view->setAccessibleName(accessibleName);
    view->setMinimumHeight(180);  // room for four labelled ticks
    return view;
}

void MemoryCharts::Impl::applyTheme(const QPalette& palette) {
    // Colours come from the widget palette (so light and dark desktops both work) rather than
    // from QChart::setTheme, which, applied after the axes exist, leaves value axes without labels.
    const QColor text = palette.color(QPalette::Text);
    QColor grid = text;
    grid.setAlpha(40);
    QColor axisLine = text;
    axisLine.setAlpha(120);
    for (QChart* chart : {stackChart, countsChart, collectorChart}) {
        chart->setBackgroundBrush(palette.brush(QPalette::Base));
        chart->setBackgroundPen(QPen(grid));
        chart->setTitleBrush(text);
    }
    for (int i = 0; i < kChartSeriesCount; ++i) series[static_cast<std::size_t>(i)]->setPen(penFor(i));
    budgetLine->setPen(budgetPen());
    for (QAbstractAxis* axis : std::initializer_list<QAbstractAxis*>{
             stackTime, stackAxis, countsTime, filesAxis, lookupsAxis, collectorTime, collectorBytesAxis,
             collectorOtherAxis}) {
        axis->setLabelsBrush(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(axisLine);
    }
}

void MemoryCharts::Impl::setCountRange(QValueAxis* axis, double& current, double maxValue) {
    const double step = std::max(1.0, niceStep(std::max(maxValue, 5.0)));
    const double axisMax = std::ceil(std::max(maxValue, 5.0) / step - 1e-9) * step;
    if (axisMax == current) return;
    current = axisMax;
    // Range and tick count chosen together so every tick lands on a whole step.
    axis->setTickCount(static_cast<int>(std::lround(axisMax / step)) + 1);
    axis->setRange(0, axisMax);
}

double MemoryCharts::Impl::setBytesRange(QValueAxis* axis, double& current, double maxValue) {
    // Plotted in one IEC unit named in the axis title ("Bytes (MiB)"): a printf-style label
    // format cannot switch units. Returns the unit's factor for scaling the points.
    const double top = std::max(maxValue, 1024.0);
    const ByteUnit unit = byteUnitFor(static_cast<std::uint64_t>(top));
    const double inUnit = top / static_cast<double>(unit.factor);
    const double step = niceStep(inUnit);
    const double ticks = std::ceil(inUnit / step - 1e-9);
    const double axisMax = ticks * step * static_cast<double>(unit.factor);
    if (axisMax != current) {
        current = axisMax;
        axis->setTitleText(MemoryCharts::tr("Bytes (%1)").arg(unit.symbol));
        axis->setLabelFormat(step < 1 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
        axis->setTickCount(static_cast<int>(ticks) + 1);
        axis->setRange(0, ticks * step);
    }
    return static_cast<double>(unit.factor);
}

void MemoryCharts::Impl::fitTime() {
    double first = 0;
    double last = 0;
    bool any = false;
    for (const Span& s : {sampleSpan, stackSpan, collectorSpan}) {
        if (!s.any) continue;
        first = any ? std::min(first, s.first) : s.first;
        last = any ? std::max(last, s.last) : s.last;
        any = true;
    }
    double lo = 0;
    double hi = 0;
    if (first < std::max(last - first, kMinTimeSpanSeconds)) {
        // The window starts at the search's start: grow in few, round jumps (1, 1.5, 2, 3 s ...),
        // so a short search fills the chart and a long one rarely moves the axis.
        hi = niceCeil(std::max(last, kMinTimeSpanSeconds));
    } else {
        // The rings have dropped the oldest samples: the window slides along with the search.
        const double step = niceStep(last - first);
        lo = std::floor(first / step) * step;
        hi = lo + niceCeil(last - lo);
    }
    if (lo == timeMin && hi == timeMax) return;
    timeMin = lo;
    timeMax = hi;
    const double step = niceStep(hi - lo);
    for (QValueAxis* axis : {stackTime, countsTime, collectorTime}) {
        axis->setLabelFormat(step < 1 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
        axis->setTickCount(static_cast<int>(std::lround((hi - lo) / step)) + 1);
        axis->setRange(lo, hi);
    }
    const double level = std::max(static_cast<double>(budget) / 1024.0, kStackFloorKiB);
    budgetLine->replace(budget > 0 ? QList<QPointF>{QPointF(timeMin, level), QPointF(timeMax, level)}
                                   : QList<QPointF>{});
}

MemoryCharts::MemoryCharts(QWidget* parent) : QWidget(parent), d_(std::make_unique<Impl>()) {
    d_->owner = this;
    d_->layout = new QVBoxLayout(this);
    d_->layout->setContentsMargins(0, 0, 0, 0);
    d_->layout->setSpacing(2);

    // 1. Where the memory is.
    d_->stackChart = d_->makeChart(tr("Where the memory is"));
    d_->stackTime = d_->makeValueAxis(d_->stackChart, tr("Elapsed (s)"), Qt::AlignBottom);
    d_->stackAxis = new QLogValueAxis;
    // Log scale: the engine's KiB-scale layers at the bottom stay readable under MiB totals.
    d_->stackAxis->setTitleText(tr("Memory (KiB, log scale)"));
    d_->stackAxis->setBase(10);
    // %.0f: with localized numbers Qt Charts draws no label for %g (as for %i and %d).
    d_->stackAxis->setLabelFormat(QStringLiteral("%.0f"));
    d_->stackAxis->setMinorTickCount(-1);
    d_->stackChart->addAxis(d_->stackAxis, Qt::AlignLeft);
    d_->budgetLine = new QLineSeries(this);
    d_->budgetLine->setName(tr("Memory budget"));
    d_->stackChart->addSeries(d_->budgetLine);
    d_->budgetLine->attachAxis(d_->stackTime);
    d_->budgetLine->attachAxis(d_->stackAxis);
    d_->stackView = d_->makeView(d_->stackChart, tr("Memory by component chart"));
    d_->stackLegend = new SeriesLegend(this);
    d_->stackLegend->setAccessibleName(tr("Memory by component chart legend"));
    connect(d_->stackLegend, &SeriesLegend::toggled, this, [this](int index, bool on) {
        if (index == d_->budgetLegendIndex) {
            d_->budgetLine->setVisible(on);
            d_->fitStack();
            return;
        }
        setComponentVisible(index, on);
    });
    d_->addBudgetEntry();

    // 2. Files and pattern cache.
    d_->countsChart = d_->makeChart(tr("Files and pattern cache"));
    const std::array<QString, kChartSeriesCount> names{tr("Small files"), tr("Buffered files"),
                                                       tr("Mapped files"), tr("Cache hits"),
                                                       tr("Cache misses")};
    d_->countsTime = d_->makeValueAxis(d_->countsChart, tr("Elapsed (s)"), Qt::AlignBottom);
    d_->filesAxis = d_->makeValueAxis(d_->countsChart, tr("Files"), Qt::AlignLeft);
    d_->lookupsAxis = d_->makeValueAxis(d_->countsChart, tr("Cache lookups"), Qt::AlignRight);
    d_->countsLegend = new SeriesLegend(this);
    d_->countsLegend->setAccessibleName(tr("Files and pattern cache chart legend"));
    for (int i = 0; i < kChartSeriesCount; ++i) {
        auto* line = new QLineSeries(this);
        line->setName(names[static_cast<std::size_t>(i)]);
        d_->countsChart->addSeries(line);
        line->attachAxis(d_->countsTime);
        const auto which = static_cast<ChartSeries>(i);
        const bool lookup = which == ChartSeries::CacheHits || which == ChartSeries::CacheMisses;
        line->attachAxis(lookup ? d_->lookupsAxis : d_->filesAxis);
        d_->series[static_cast<std::size_t>(i)] = line;
        d_->countsLegend->addEntry(line->name(), penFor(i));
    }
    connect(d_->countsLegend, &SeriesLegend::toggled, this,
            [this](int index, bool on) { setSeriesVisible(static_cast<ChartSeries>(index), on); });
    d_->countsView = d_->makeView(d_->countsChart, tr("Files per strategy and pattern cache chart"));

    // 3. Collector plugins.
    d_->collectorChart = d_->makeChart(tr("Collector plugins"));
    d_->collectorTime = d_->makeValueAxis(d_->collectorChart, tr("Elapsed (s)"), Qt::AlignBottom);
    d_->collectorBytesAxis = d_->makeValueAxis(d_->collectorChart, tr("Bytes"), Qt::AlignLeft);
    d_->collectorOtherAxis = d_->makeValueAxis(d_->collectorChart, tr("Other units"), Qt::AlignRight);
    d_->collectorView = d_->makeView(d_->collectorChart, tr("Collector plugins chart"));
    d_->collectorLegend = new SeriesLegend(this);
    d_->collectorLegend->setAccessibleName(tr("Collector plugins chart legend"));
    connect(d_->collectorLegend, &SeriesLegend::toggled, this, [this](int index, bool on) {
        d_->collectorLines.at(static_cast<std::size_t>(index))->setVisible(on);
        d_->fitCollectors();
    });

    d_->layout->addWidget(d_->stackView, 1);
    d_->layout->addWidget(d_->stackLegend);
    d_->layout->addWidget(d_->countsView, 1);
    d_->layout->addWidget(d_->countsLegend);
    d_->layout->addWidget(d_->collectorView, 1);
    d_->layout->addWidget(d_->collectorLegend);
    d_->collectorView->hide();
    d_->collectorLegend->hide();

    d_->applyTheme(palette());
    clear();
}

MemoryCharts::~MemoryCharts() = default;

// ---- 1. Where the memory is ----------------------------------------------------------------

void MemoryCharts::Impl::addBudgetEntry() {
    budgetLegendIndex = stackLegend->addEntry(budgetLine->name(), budgetPen());
    stackLegend->setChecked(budgetLegendIndex, budgetLine->isVisible());
    stackLegend->setEntryVisible(budgetLegendIndex, budget > 0);
    if (budget > 0) {
        stackLegend->setEntryText(budgetLegendIndex, MemoryCharts::tr("Budget (%1)").arg(formatBytes(budget)));
    }
}

void MemoryCharts::Impl::rebuildStack(const std::vector<std::string>& names) {
    for (QAreaSeries* area : areas) {
        stackChart->removeSeries(area);
        delete area;
    }
    areas.clear();
    // A new component list is rare (a new process layout): the legend is rebuilt from scratch,
    // components first, then the budget.
    stackLegend->clear();
    stackNames = names;
    for (std::size_t i = 0; i < names.size(); ++i) {
        auto* area = new QAreaSeries(new QLineSeries(owner), new QLineSeries(owner));
        area->setName(componentLabel(names[i]));
        QColor fill = paletteColor(i);
        area->setPen(QPen(fill.darker(130), 1.0));
        fill.setAlpha(200);
        area->setBrush(fill);
        stackChart->addSeries(area);
        area->attachAxis(stackTime);
        area->attachAxis(stackAxis);
        MemoryCharts* charts = owner;
        QObject::connect(area, &QAreaSeries::hovered, owner, [charts](const QPointF& point, bool state) {
            if (state) emit charts->componentsHovered(point.x(), QCursor::pos());
        });
        areas.push_back(area);
        stackLegend->addEntry(area->name(), QPen(paletteColor(i), 6));
    }
    addBudgetEntry();
}

void MemoryCharts::Impl::fitStack() {
    // The axis fits the visible layers (hiding the top ones zooms in on the engine's).
    double top = kStackFloorKiB;
    for (std::size_t i = 0; i < areas.size(); ++i) {
        if (areas[i]->isVisible()) top = std::max(top, areaMaxKiB[i]);
    }
    if (budget > 0 && budgetLine->isVisible()) top = std::max(top, static_cast<double>(budget) / 1024.0);
    // Whole decades, so the log axis's ticks fall on 1, 10, 100, ... KiB.
    const double axisMax = std::max(10.0, std::pow(10.0, std::ceil(std::log10(top) - 1e-9)));
    if (axisMax == stackAxisMax) return;
    stackAxisMax = axisMax;
    stackAxis->setRange(kStackFloorKiB, axisMax);
}

void MemoryCharts::plotAttribution(const AttributionHistory& history) {
    if (history.names() != d_->stackNames) d_->rebuildStack(history.names());
    const std::vector<StackedArea> stacked = stackComponents(history, thinSamples(history, d_->buckets()));
    const auto toKiB = [](QList<QPointF> points) {
        for (QPointF& p : points) p.setY(std::max(p.y() / 1024.0, kStackFloorKiB));
        return points;
    };
    // One reading (a search shorter than the probe's rest is probed only at its end): an area of
    // one point draws nothing, so it is drawn as a column ending at its moment.
    const auto drawn = [](QList<QPointF> points) {
        if (points.size() != 1) return points;
        const QPointF only = points.front();
        const double width = std::max(only.x() * kSingleReadingWidth, kMinColumnSeconds);
        if (only.x() >= width) points.prepend(QPointF(only.x() - width, only.y()));
        else points.append(QPointF(only.x() + width, only.y()));
        return points;
    };
    d_->tops.clear();
    d_->areaMaxKiB.assign(stacked.size(), 0);
    for (std::size_t i = 0; i < stacked.size(); ++i) {
        d_->areas[i]->upperSeries()->replace(drawn(toKiB(stacked[i].upper)));
        d_->areas[i]->lowerSeries()->replace(drawn(toKiB(stacked[i].lower)));
        for (const QPointF& p : stacked[i].upper) d_->areaMaxKiB[i] = std::max(d_->areaMaxKiB[i], p.y() / 1024.0);
    }
    if (!stacked.empty()) {
        for (const QPointF& p : stacked.back().upper) d_->tops.push_back(p.y());
    }
    d_->stackSpan = {history.empty() ? 0 : static_cast<double>(history.elapsedMs(0)) / 1000.0,
                     history.empty() ? 0 : static_cast<double>(history.elapsedMs(history.size() - 1)) / 1000.0,
                     !history.empty()};
    d_->fitStack();
    d_->fitTime();
}

int MemoryCharts::componentCount() const { return static_cast<int>(d_->areas.size()); }

QList<QPointF> MemoryCharts::componentUpperEdge(int index) const {
    return d_->areas.at(static_cast<std::size_t>(index))->upperSeries()->points();
}

QString MemoryCharts::componentName(int index) const { return d_->areas.at(static_cast<std::size_t>(index))->name(); }

bool MemoryCharts::isComponentVisible(int index) const {
    return d_->areas.at(static_cast<std::size_t>(index))->isVisible();
}

void MemoryCharts::setComponentVisible(int index, bool visible) {
    QAreaSeries* area = d_->areas.at(static_cast<std::size_t>(index));
    if (area->isVisible() == visible) return;
    area->setVisible(visible);
    d_->stackLegend->setChecked(index, visible);
    d_->fitStack();
}

double MemoryCharts::stackTop(int sample) const { return d_->tops.at(static_cast<std::size_t>(sample)); }

int MemoryCharts::stackPointCount() const { return static_cast<int>(d_->tops.size()); }

double MemoryCharts::stackAxisMax() const { return d_->stackAxisMax; }

QString MemoryCharts::stackAxisTitle() const { return d_->stackAxis->titleText(); }

void MemoryCharts::setBudget(std::uint64_t bytes) {
    if (bytes == d_->budget) return;
    d_->budget = bytes;
    d_->stackLegend->setEntryVisible(d_->budgetLegendIndex, bytes > 0);
    if (bytes > 0) {
        d_->stackLegend->setEntryText(d_->budgetLegendIndex, tr("Budget (%1)").arg(formatBytes(bytes)));
    }
    d_->timeMin = d_->timeMax = -1;  // re-draws the budget line across the window
    d_->fitTime();
    d_->fitStack();
}

bool MemoryCharts::isBudgetLineShown() const {
    return d_->budget > 0 && d_->budgetLine->isVisible() && d_->budgetLine->count() == 2;
}

// ---- 2. Files and pattern cache ------------------------------------------------------------

void MemoryCharts::plot(const SampleBuffer& samples) {
    const std::size_t n = samples.size();
    for (int i = 0; i < kChartSeriesCount; ++i) {
        const auto which = static_cast<ChartSeries>(i);
        QList<QPointF>& points = d_->raw[static_cast<std::size_t>(i)];
        points.clear();
        points.reserve(static_cast<qsizetype>(n));
        double maxValue = 0;
        for (std::size_t k = 0; k < n; ++k) {
            const MetricsSample& sample = samples.at(k);
            const double y = valueOf(which, sample.snapshot);
            maxValue = std::max(maxValue, y);
            points.append(QPointF(static_cast<double>(sample.elapsed_ms) / 1000.0, y));
        }
        d_->maxima[static_cast<std::size_t>(i)] = maxValue;
    }
    d_->sampleSpan = {n ? static_cast<double>(samples.at(0).elapsed_ms) / 1000.0 : 0,
                      n ? static_cast<double>(samples.latest().elapsed_ms) / 1000.0 : 0, n > 0};
    d_->applyCounts();
    d_->fitTime();
}

void MemoryCharts::Impl::applyCounts() {
    // Axes fit the visible series only, so hiding the hits zooms in on the misses.
    const auto visibleMax = [this](std::initializer_list<ChartSeries> which) {
        double m = 0;
        for (ChartSeries s : which) {
            const auto i = static_cast<std::size_t>(s);
            if (series[i]->isVisible()) m = std::max(m, maxima[i]);
        }
        return m;
    };
    setCountRange(filesAxis, filesMax,
                  visibleMax({ChartSeries::SmallFiles, ChartSeries::BufferedFiles, ChartSeries::MmapFiles}));
    setCountRange(lookupsAxis, lookupsMax, visibleMax({ChartSeries::CacheHits, ChartSeries::CacheMisses}));
    // One min/max pair per two pixels of width: the same picture at a fraction of the drawing cost.
    for (int i = 0; i < kChartSeriesCount; ++i) {
        // replace() redraws once; clear()+append() would redraw per point.
        series[static_cast<std::size_t>(i)]->replace(decimateMinMax(raw[static_cast<std::size_t>(i)], buckets()));
    }
}

void MemoryCharts::setSeriesVisible(ChartSeries which, bool visible) {
    QLineSeries* line = d_->series[static_cast<std::size_t>(which)];
    if (line->isVisible() == visible) return;
    line->setVisible(visible);
    d_->countsLegend->setChecked(static_cast<int>(which), visible);
    d_->applyCounts();
}

bool MemoryCharts::isSeriesVisible(ChartSeries which) const {
    return d_->series[static_cast<std::size_t>(which)]->isVisible();
}

int MemoryCharts::pointCount(ChartSeries series) const {
    return static_cast<int>(d_->series[static_cast<std::size_t>(series)]->count());
}

QString MemoryCharts::seriesName(ChartSeries series) const {
    return d_->series[static_cast<std::size_t>(series)]->name();
}

QPointF MemoryCharts::lastPoint(ChartSeries series) const {
    const QLineSeries* line = d_->series[static_cast<std::size_t>(series)];
    return line->count() ? line->at(line->count() - 1) : QPointF();
}

double MemoryCharts::timeAxisMax() const { return d_->timeMax; }

// ---- 3. Collector plugins ------------------------------------------------------------------

void MemoryCharts::Impl::rebuildCollectors(const std::vector<collectors::SeriesInfo>& infos) {
    for (QLineSeries* line : collectorLines) {
        collectorChart->removeSeries(line);
        delete line;
    }
    collectorLines.clear();
    collectorLegend->clear();
    collectorSeries = infos;
    collectorRaw.assign(infos.size(), {});
    for (std::size_t i = 0; i < infos.size(); ++i) {
        auto* line = new QLineSeries(owner);
        line->setName(QString::fromStdString(infos[i].name));
        QPen pen(paletteColor(i));
        pen.setWidthF(2.0);
        if (!isBytesUnit(infos[i].unit)) pen.setStyle(Qt::DashLine);  // the right axis, as in chart 2
        line->setPen(pen);
        collectorChart->addSeries(line);
        line->attachAxis(collectorTime);
        line->attachAxis(isBytesUnit(infos[i].unit) ? collectorBytesAxis : collectorOtherAxis);
        collectorLines.push_back(line);
        const int entry = collectorLegend->addEntry(line->name(), pen);
        collectorLegend->entry(entry)->setToolTip(
            MemoryCharts::tr("%1 (%2, from %3)")
                .arg(QString::fromStdString(infos[i].help), QString::fromStdString(infos[i].collector),
                     QString::fromStdString(infos[i].file)));
    }
    QStringList otherUnits;
    for (const collectors::SeriesInfo& info : infos) {
        const QString unit = QString::fromStdString(info.unit);
        if (!isBytesUnit(info.unit) && !otherUnits.contains(unit)) otherUnits << unit;
    }
    collectorOtherAxis->setTitleText(otherUnits.join(QStringLiteral(", ")));
    collectorOtherAxis->setVisible(!otherUnits.isEmpty());
    collectorBytesMax = collectorOtherMax = -1;
    const bool shown = !infos.empty();
    collectorView->setVisible(shown);
    collectorLegend->setVisible(shown);
}

void MemoryCharts::Impl::fitCollectors() {
    double bytesMax = 0;
    double otherMax = 0;
    for (std::size_t i = 0; i < collectorLines.size(); ++i) {
        if (!collectorLines[i]->isVisible()) continue;
        double& m = isBytesUnit(collectorSeries[i].unit) ? bytesMax : otherMax;
        for (const QPointF& p : collectorRaw[i]) m = std::max(m, p.y());
    }
    const double factor = setBytesRange(collectorBytesAxis, collectorBytesMax, bytesMax);
    setCountRange(collectorOtherAxis, collectorOtherMax, otherMax);
    for (std::size_t i = 0; i < collectorLines.size(); ++i) {
        QList<QPointF> points = decimateMinMax(collectorRaw[i], buckets());
        if (isBytesUnit(collectorSeries[i].unit)) {
            for (QPointF& p : points) p.setY(p.y() / factor);
        }
        collectorLines[i]->replace(points);
        // A single reading (a short search is probed only at its end) is no line: a marker.
        collectorLines[i]->setPointsVisible(points.size() == 1);
    }
}

void MemoryCharts::plotCollectors(const CollectorHistory& history) {
    if (history.series() != d_->collectorSeries) d_->rebuildCollectors(history.series());
    for (std::size_t s = 0; s < d_->collectorSeries.size(); ++s) {
        QList<QPointF>& points = d_->collectorRaw[s];
        points.clear();
        for (std::size_t i = 0; i < history.size(); ++i) {
            const CollectorValue& v = history.value(i, s);
            // Unavailable, unlimited and stale readings are no current number: a gap, never a 0.
            if (v.plottable()) points.append(QPointF(static_cast<double>(history.elapsedMs(i)) / 1000.0, v.value));
        }
        QString text = QString::fromStdString(d_->collectorSeries[s].name);
        if (!history.empty()) {
            const CollectorValue& latest = history.value(history.size() - 1, s);
            if (latest.stale) {
                text = tr("%1 — stale").arg(text);
            } else if (latest.state == collectors::ValueState::Unavailable) {
                text = tr("%1 — unavailable").arg(text);
            } else if (latest.state == collectors::ValueState::Unlimited) {
                text = tr("%1 — unlimited").arg(text);
            }
        }
        if (d_->collectorLegend->entry(static_cast<int>(s))->text() != text) {
            d_->collectorLegend->setEntryText(static_cast<int>(s), text);
        }
    }
    d_->collectorSpan = {history.empty() ? 0 : static_cast<double>(history.elapsedMs(0)) / 1000.0,
                         history.empty() ? 0 : static_cast<double>(history.elapsedMs(history.size() - 1)) / 1000.0,
                         !history.empty()};
    d_->fitCollectors();
    d_->fitTime();
}

bool MemoryCharts::isCollectorChartShown() const { return !d_->collectorView->isHidden(); }

int MemoryCharts::collectorSeriesCount() const { return static_cast<int>(d_->collectorLines.size()); }

QString MemoryCharts::collectorLegendText(int index) const { return d_->collectorLegend->entry(index)->text(); }

int MemoryCharts::collectorPointCount(int index) const {
    return static_cast<int>(d_->collectorLines.at(static_cast<std::size_t>(index))->count());
}

bool MemoryCharts::isCollectorOnBytesAxis(int index) const {
    return isBytesUnit(d_->collectorSeries.at(static_cast<std::size_t>(index)).unit);
}

QString MemoryCharts::collectorAxisTitle(bool bytesAxis) const {
    return (bytesAxis ? d_->collectorBytesAxis : d_->collectorOtherAxis)->titleText();
}

// ---- all -----------------------------------------------------------------------------------

void MemoryCharts::clear() {
    // Every chart keeps its series: the next search has the same components and plugins, and
    // re-creating a dozen area series, their axes and legend entries cost the GUI thread more per
    // search than all of its re-plots (bench/RESULTS.md). Only the points go.
    for (QAreaSeries* area : d_->areas) {
        area->upperSeries()->clear();
        area->lowerSeries()->clear();
    }
    d_->tops.clear();
    d_->areaMaxKiB.assign(d_->areas.size(), 0);
    d_->stackSpan = {};
    d_->fitStack();
    for (QList<QPointF>& points : d_->collectorRaw) points.clear();
    d_->collectorSpan = {};
    d_->fitCollectors();
    for (QList<QPointF>& points : d_->raw) points.clear();
    d_->maxima.fill(0);
    d_->sampleSpan = {};
    d_->applyCounts();
    d_->fitTime();
}

QImage MemoryCharts::renderImage() { return grab().toImage(); }

void MemoryCharts::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) d_->applyTheme(palette());
    QWidget::changeEvent(event);
}

}  // namespace codescout::gui
