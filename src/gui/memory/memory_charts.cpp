// MemoryCharts: the Qt Charts implementation of the memory view's two live charts. Every Qt
// Charts include of the project is in this file (Qt Charts is deprecated from Qt 6.10; swapping
// in Qt Graphs touches only this file).
#include "gui/memory/memory_charts.h"

#include <QtCharts/QAreaSeries>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLegend>
#include <QtCharts/QLineSeries>
#include <QtCharts/QLogValueAxis>
#include <QtCharts/QValueAxis>

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

constexpr int kBytesSeriesCount = 5;  // the first five ChartSeries are in bytes
constexpr double kMinTimeSpanSeconds = 1.0;
constexpr int kTargetTicks = 5;
constexpr int kMinBuckets = 100;  // lines keep every point up to 200 samples

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

// The value a series plots for one snapshot.
double valueOf(ChartSeries series, const MetricsSnapshot& s) {
    switch (series) {
    case ChartSeries::TotalAllocated: return static_cast<double>(s.total_allocated);
    case ChartSeries::PeakAllocated: return static_cast<double>(s.peak_allocated);
    case ChartSeries::MemoryMapped: return static_cast<double>(s.mmap_allocated);
    case ChartSeries::CacheSize: return static_cast<double>(s.cache_size);
    case ChartSeries::Resident: return static_cast<double>(s.resident_bytes);
    case ChartSeries::SmallFiles: return static_cast<double>(s.small_files_processed);
    case ChartSeries::BufferedFiles: return static_cast<double>(s.buffered_files_processed);
    case ChartSeries::MmapFiles: return static_cast<double>(s.mmap_files_processed);
    case ChartSeries::CacheHits: return static_cast<double>(s.cache_hits);
    case ChartSeries::CacheMisses: return static_cast<double>(s.cache_misses);
    }
    return 0;
}

// Line looks: colours readable on light and dark backgrounds; dashed lines for the "secondary"
// series of each group (peak beside allocated, cache lookups on the right axis).
struct SeriesStyle {
    QColor color;
    Qt::PenStyle style;
};
const std::array<SeriesStyle, kChartSeriesCount> kStyles{{
    {QColor(0x1f, 0x77, 0xb4), Qt::SolidLine},  // total allocated
    {QColor(0xd6, 0x27, 0x28), Qt::DashLine},   // peak
    {QColor(0x2c, 0xa0, 0x2c), Qt::SolidLine},  // mapped
    {QColor(0xff, 0x7f, 0x0e), Qt::SolidLine},  // cache
    {QColor(0x94, 0x67, 0xbd), Qt::SolidLine},  // resident
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

// The budget: a thin dotted grey line, a limit rather than a measurement.
// The stacked chart plots KiB on a log axis; the smallest plotted value is 1 KiB (a log axis has
// no zero), so a layer below 1 KiB is drawn as a hairline rather than vanishing.
constexpr double kStackFloorKiB = 1.0;

QColor componentColor(std::size_t index) {
    static const std::array<QColor, 14> kColors{{
        QColor(0x1f, 0x77, 0xb4), QColor(0xae, 0xc7, 0xe8), QColor(0xff, 0x7f, 0x0e),
        QColor(0xff, 0xbb, 0x78), QColor(0x2c, 0xa0, 0x2c), QColor(0x98, 0xdf, 0x8a),
        QColor(0xd6, 0x27, 0x28), QColor(0xff, 0x98, 0x96), QColor(0x94, 0x67, 0xbd),
        QColor(0xc5, 0xb0, 0xd5), QColor(0x8c, 0x56, 0x4b), QColor(0xe3, 0x77, 0xc2),
        QColor(0x17, 0xbe, 0xcf), QColor(0x7f, 0x7f, 0x7f)}};
    return kColors[index % kColors.size()];
}

QPen budgetPen() {
    QPen pen(QColor(0x7f, 0x7f, 0x7f));
    pen.setWidthF(1.5);
    pen.setStyle(Qt::DotLine);
    return pen;
}

}  // namespace

struct MemoryCharts::Impl {
    QChart* bytesChart = nullptr;
    QChart* countsChart = nullptr;
    QChartView* bytesView = nullptr;
    QChartView* countsView = nullptr;
    SeriesLegend* bytesLegend = nullptr;
    SeriesLegend* countsLegend = nullptr;
    std::array<QLineSeries*, kChartSeriesCount> series{};
    QLineSeries* budgetLine = nullptr;  // two points across the time axis at the budget
    std::uint64_t budget = 0;
    int budgetLegendIndex = -1;
    QValueAxis* bytesTime = nullptr;
    QValueAxis* bytesAxis = nullptr;  // values plotted in bytesUnit, the unit named in its title
    QValueAxis* countsTime = nullptr;
    QValueAxis* filesAxis = nullptr;
    QValueAxis* lookupsAxis = nullptr;

    // Current axis ranges, to touch the axes only when they change.
    double bytesMax = -1;
    ByteUnit bytesUnit;

    // The last plotted data in raw units (bytes, counts), kept to re-scale without the samples.
    std::array<QList<QPointF>, kChartSeriesCount> raw;
    std::array<double, kChartSeriesCount> maxima{};
    double timeFirst = 0;
    double timeLast = 0;
    double timeMin = -1;
    double timeMax = -1;
    double filesMax = -1;
    double lookupsMax = -1;

    // The stacked attribution chart.
    QChart* stackChart = nullptr;
    QChartView* stackView = nullptr;
    SeriesLegend* stackLegend = nullptr;
    QValueAxis* stackTime = nullptr;
    QLogValueAxis* stackAxis = nullptr;
    std::vector<std::string> stackNames;
    std::vector<QAreaSeries*> areas;
    std::vector<double> tops;  // raw bytes of the stack's top per sample

    void rebuildStack(const std::vector<std::string>& names, MemoryCharts* owner);

    QChart* makeChart(const QString& title);
    QValueAxis* makeValueAxis(QChart* chart, const QString& title, Qt::Alignment where);
    void applyTheme(const QPalette& palette);
    void setBytesRange(double maxValue);
    static void setCountRange(QValueAxis* axis, double& current, double maxValue);
    void setTimeRange(double first, double last);
    // Fits the axes to the visible series and hands every series its (thinned, scaled) points.
    void apply();
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

void MemoryCharts::Impl::applyTheme(const QPalette& palette) {
    // Colours come from the widget palette (so light and dark desktops both work) rather than
    // from QChart::setTheme, which, applied after the axes exist, leaves value axes without labels.
    const QColor text = palette.color(QPalette::Text);
    QColor grid = text;
    grid.setAlpha(40);
    QColor axisLine = text;
    axisLine.setAlpha(120);
    for (QChart* chart : {bytesChart, countsChart, stackChart}) {
        chart->setBackgroundBrush(palette.brush(QPalette::Base));
        chart->setBackgroundPen(QPen(grid));
        chart->setTitleBrush(text);
    }
    for (int i = 0; i < kChartSeriesCount; ++i) series[static_cast<std::size_t>(i)]->setPen(penFor(i));
    budgetLine->setPen(budgetPen());
    for (QAbstractAxis* axis : std::initializer_list<QAbstractAxis*>{
             bytesTime, bytesAxis, countsTime, filesAxis, lookupsAxis, stackTime, stackAxis}) {
        axis->setLabelsBrush(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(axisLine);
    }
}

void MemoryCharts::Impl::setBytesRange(double maxValue) {
    // The series are plotted in one IEC unit named in the axis title ("Memory (MiB)"), because a
    // printf-style label format cannot switch units; the numbers follow the chart's locale.
    const double top = std::max(maxValue, 1024.0);
    const ByteUnit unit = byteUnitFor(static_cast<std::uint64_t>(top));
    const double inUnit = top / static_cast<double>(unit.factor);
    const double step = niceStep(inUnit);
    const double ticks = std::ceil(inUnit / step - 1e-9);
    const double axisMax = ticks * step * static_cast<double>(unit.factor);
    if (axisMax == bytesMax && unit.factor == bytesUnit.factor) return;
    bytesMax = axisMax;
    bytesUnit = unit;
    bytesAxis->setTitleText(MemoryCharts::tr("Memory (%1)").arg(unit.symbol));
    bytesAxis->setLabelFormat(step < 1 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
    bytesAxis->setTickCount(static_cast<int>(ticks) + 1);
    bytesAxis->setRange(0, ticks * step);
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

void MemoryCharts::Impl::setTimeRange(double first, double last) {
    double lo = 0;
    double hi = 0;
    if (first < std::max(last - first, kMinTimeSpanSeconds)) {
        // The window starts at the search's start: grow in few, round jumps (1, 1.5, 2, 3 s ...),
        // so a short search fills the chart and a long one rarely moves the axis.
        hi = niceCeil(std::max(last, kMinTimeSpanSeconds));
    } else {
        // The ring has dropped the oldest samples: the window slides along with the search.
        const double step = niceStep(last - first);
        lo = std::floor(first / step) * step;
        hi = lo + niceCeil(last - lo);
    }
    if (lo == timeMin && hi == timeMax) return;
    timeMin = lo;
    timeMax = hi;
    const double step = niceStep(hi - lo);
    for (QValueAxis* axis : {bytesTime, countsTime}) {
        axis->setLabelFormat(step < 1 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
        axis->setTickCount(static_cast<int>(std::lround((hi - lo) / step)) + 1);
        axis->setRange(lo, hi);
    }
}

MemoryCharts::MemoryCharts(QWidget* parent) : QWidget(parent), d_(std::make_unique<Impl>()) {
    d_->bytesChart = d_->makeChart(tr("Memory"));
    d_->countsChart = d_->makeChart(tr("Files and pattern cache"));

    const std::array<QString, kChartSeriesCount> names{
        tr("Allocated"),     tr("Peak allocated"), tr("Memory-mapped"), tr("Pattern cache"),
        tr("Resident (process)"), tr("Small files"), tr("Buffered files"), tr("Mapped files"),
        tr("Cache hits"),    tr("Cache misses")};
    for (int i = 0; i < kChartSeriesCount; ++i) {
        auto* line = new QLineSeries(this);
        line->setName(names[static_cast<std::size_t>(i)]);
        (i < kBytesSeriesCount ? d_->bytesChart : d_->countsChart)->addSeries(line);
        d_->series[static_cast<std::size_t>(i)] = line;
    }

    d_->budgetLine = new QLineSeries(this);
    d_->budgetLine->setName(tr("Memory budget"));
    d_->bytesChart->addSeries(d_->budgetLine);

    d_->bytesTime = d_->makeValueAxis(d_->bytesChart, tr("Elapsed (s)"), Qt::AlignBottom);
    d_->bytesAxis = d_->makeValueAxis(d_->bytesChart, tr("Memory"), Qt::AlignLeft);
    d_->countsTime = d_->makeValueAxis(d_->countsChart, tr("Elapsed (s)"), Qt::AlignBottom);
    d_->filesAxis = d_->makeValueAxis(d_->countsChart, tr("Files"), Qt::AlignLeft);
    d_->lookupsAxis = d_->makeValueAxis(d_->countsChart, tr("Cache lookups"), Qt::AlignRight);
    d_->budgetLine->attachAxis(d_->bytesTime);
    d_->budgetLine->attachAxis(d_->bytesAxis);
    for (int i = 0; i < kChartSeriesCount; ++i) {
        QLineSeries* line = d_->series[static_cast<std::size_t>(i)];
        const auto which = static_cast<ChartSeries>(i);
        if (i < kBytesSeriesCount) {
            line->attachAxis(d_->bytesTime);
            line->attachAxis(d_->bytesAxis);
        } else {
            line->attachAxis(d_->countsTime);
            const bool lookup = which == ChartSeries::CacheHits || which == ChartSeries::CacheMisses;
            line->attachAxis(lookup ? d_->lookupsAxis : d_->filesAxis);
        }
    }

    auto makeView = [this](QChart* chart, const QString& accessibleName) {
        auto* view = new QChartView(chart, this);
        view->setRenderHint(QPainter::Antialiasing);
        view->setAccessibleName(accessibleName);
        view->setMinimumHeight(180);  // room for four labelled ticks
        return view;
    };
    d_->bytesView = makeView(d_->bytesChart, tr("Memory over time chart"));
    d_->countsView = makeView(d_->countsChart, tr("Files per strategy and pattern cache chart"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    // Legend check boxes hide or show their series; indexes are ChartSeries values (offset by
    // kBytesSeriesCount in the second legend).
    d_->bytesLegend = new SeriesLegend(this);
    d_->bytesLegend->setAccessibleName(tr("Memory chart legend"));
    d_->countsLegend = new SeriesLegend(this);
    d_->countsLegend->setAccessibleName(tr("Files and pattern cache chart legend"));
    for (int i = 0; i < kChartSeriesCount; ++i) {
        SeriesLegend* legend = i < kBytesSeriesCount ? d_->bytesLegend : d_->countsLegend;
        legend->addEntry(d_->series[static_cast<std::size_t>(i)]->name(), penFor(i));
    }
    d_->budgetLegendIndex = d_->bytesLegend->addEntry(d_->budgetLine->name(), budgetPen());
    d_->bytesLegend->setEntryVisible(d_->budgetLegendIndex, false);
    connect(d_->bytesLegend, &SeriesLegend::toggled, this, [this](int index, bool on) {
        if (index == d_->budgetLegendIndex) {
            d_->budgetLine->setVisible(on);
            d_->apply();
            return;
        }
        setSeriesVisible(static_cast<ChartSeries>(index), on);
    });
    connect(d_->countsLegend, &SeriesLegend::toggled, this, [this](int index, bool on) {
        setSeriesVisible(static_cast<ChartSeries>(index + kBytesSeriesCount), on);
    });

    layout->addWidget(d_->bytesView, 1);
    layout->addWidget(d_->bytesLegend);
    layout->addWidget(d_->countsView, 1);
    layout->addWidget(d_->countsLegend);

    d_->stackChart = d_->makeChart(tr("Where the memory is"));
    d_->stackTime = d_->makeValueAxis(d_->stackChart, tr("Elapsed (s)"), Qt::AlignBottom);
    d_->stackAxis = new QLogValueAxis;
    // Log scale: the engine's KiB-scale layers at the bottom stay readable under MiB totals.
    d_->stackAxis->setTitleText(tr("Memory (KiB, log scale)"));
    d_->stackAxis->setBase(10);
    d_->stackAxis->setLabelFormat(QStringLiteral("%g"));
    d_->stackAxis->setMinorTickCount(-1);
    d_->stackChart->addAxis(d_->stackAxis, Qt::AlignLeft);
    d_->stackView = makeView(d_->stackChart, tr("Memory by component chart"));
    d_->stackLegend = new SeriesLegend(this);
    d_->stackLegend->setAccessibleName(tr("Memory by component chart legend"));
    connect(d_->stackLegend, &SeriesLegend::toggled, this,
            [this](int index, bool on) { setComponentVisible(index, on); });
    layout->addWidget(d_->stackView, 1);
    layout->addWidget(d_->stackLegend);

    d_->applyTheme(palette());
    clear();
}

MemoryCharts::~MemoryCharts() = default;

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
    d_->timeFirst = n ? static_cast<double>(samples.at(0).elapsed_ms) / 1000.0 : 0;
    d_->timeLast = n ? static_cast<double>(samples.latest().elapsed_ms) / 1000.0 : 0;
    d_->apply();
}

void MemoryCharts::Impl::apply() {
    // Axes fit the visible series only, so hiding "Resident" zooms in on the engine's buffers.
    const auto visibleMax = [this](std::initializer_list<ChartSeries> which) {
        double m = 0;
        for (ChartSeries s : which) {
            const auto i = static_cast<std::size_t>(s);
            if (series[i]->isVisible()) m = std::max(m, maxima[i]);
        }
        return m;
    };
    const bool budgetShown = budget > 0 && budgetLine->isVisible();
    setBytesRange(std::max(visibleMax({ChartSeries::TotalAllocated, ChartSeries::PeakAllocated,
                                       ChartSeries::MemoryMapped, ChartSeries::CacheSize,
                                       ChartSeries::Resident}),
                           budgetShown ? static_cast<double>(budget) : 0.0));
    setCountRange(filesAxis, filesMax,
                  visibleMax({ChartSeries::SmallFiles, ChartSeries::BufferedFiles, ChartSeries::MmapFiles}));
    setCountRange(lookupsAxis, lookupsMax, visibleMax({ChartSeries::CacheHits, ChartSeries::CacheMisses}));
    setTimeRange(timeFirst, timeLast);

    const double scale = 1.0 / static_cast<double>(bytesUnit.factor);
    // One min/max pair per two pixels of width: the same picture at a fraction of the drawing cost.
    const int buckets = std::max(kMinBuckets, bytesView->width() / 4);
    for (int i = 0; i < kChartSeriesCount; ++i) {
        QList<QPointF> points = decimateMinMax(raw[static_cast<std::size_t>(i)], buckets);
        if (i < kBytesSeriesCount) {
            for (QPointF& p : points) p.setY(p.y() * scale);
        }
        // replace() redraws once; clear()+append() would redraw per point.
        series[static_cast<std::size_t>(i)]->replace(points);
    }
    const double level = static_cast<double>(budget) * scale;
    budgetLine->replace(budget > 0 ? QList<QPointF>{QPointF(timeMin, level), QPointF(timeMax, level)}
                                   : QList<QPointF>{});
}

void MemoryCharts::Impl::rebuildStack(const std::vector<std::string>& names, MemoryCharts* owner) {
    for (QAreaSeries* area : areas) {
        stackChart->removeSeries(area);
        delete area;
    }
    areas.clear();
    if (stackLegend->count() > 0) {
        // SeriesLegend has no removal: a new component list (a new process layout) is rare, so
        // the legend is rebuilt from scratch.
        delete stackLegend;
        stackLegend = new SeriesLegend(owner);
        stackLegend->setAccessibleName(MemoryCharts::tr("Memory by component chart legend"));
        QObject::connect(stackLegend, &SeriesLegend::toggled, owner,
                         [owner](int index, bool on) { owner->setComponentVisible(index, on); });
        static_cast<QVBoxLayout*>(owner->layout())->addWidget(stackLegend);
    }
    stackNames = names;
    for (std::size_t i = 0; i < names.size(); ++i) {
        auto* area = new QAreaSeries(new QLineSeries(owner), new QLineSeries(owner));
        area->setName(componentLabel(names[i]));
        QColor fill = componentColor(i);
        area->setPen(QPen(fill.darker(130), 1.0));
        fill.setAlpha(200);
        area->setBrush(fill);
        stackChart->addSeries(area);
        area->attachAxis(stackTime);
        area->attachAxis(stackAxis);
        QObject::connect(area, &QAreaSeries::hovered, owner, [owner](const QPointF& point, bool state) {
            if (state) emit owner->componentsHovered(point.x(), QCursor::pos());
        });
        areas.push_back(area);
        stackLegend->addEntry(area->name(), QPen(componentColor(i), 6));
    }
}

void MemoryCharts::plotAttribution(const AttributionHistory& history) {
    if (history.names() != d_->stackNames) d_->rebuildStack(history.names(), this);
    const std::vector<StackedArea> stacked = stackComponents(history);
    const auto toKiB = [](QList<QPointF> points) {
        for (QPointF& p : points) p.setY(std::max(p.y() / 1024.0, kStackFloorKiB));
        return points;
    };
    double top = kStackFloorKiB;
    d_->tops.clear();
    for (std::size_t i = 0; i < stacked.size(); ++i) {
        d_->areas[i]->upperSeries()->replace(toKiB(stacked[i].upper));
        d_->areas[i]->lowerSeries()->replace(toKiB(stacked[i].lower));
        if (d_->areas[i]->isVisible()) {
            for (const QPointF& p : stacked[i].upper) top = std::max(top, p.y() / 1024.0);
        }
    }
    if (!stacked.empty()) {
        for (const QPointF& p : stacked.back().upper) d_->tops.push_back(p.y());
    }
    const double first = history.empty() ? 0 : static_cast<double>(history.elapsedMs(0)) / 1000.0;
    const double last =
        history.empty() ? 0 : static_cast<double>(history.elapsedMs(history.size() - 1)) / 1000.0;
    d_->stackTime->setRange(first, std::max(last, first + kMinTimeSpanSeconds));
    // Whole decades, so the log axis's ticks fall on 1, 10, 100, ... KiB.
    d_->stackAxis->setRange(kStackFloorKiB, std::max(10.0, std::pow(10.0, std::ceil(std::log10(top)))));
}

int MemoryCharts::componentCount() const { return static_cast<int>(d_->areas.size()); }

QString MemoryCharts::componentName(int index) const {
    return d_->areas.at(static_cast<std::size_t>(index))->name();
}

bool MemoryCharts::isComponentVisible(int index) const {
    return d_->areas.at(static_cast<std::size_t>(index))->isVisible();
}

void MemoryCharts::setComponentVisible(int index, bool visible) {
    QAreaSeries* area = d_->areas.at(static_cast<std::size_t>(index));
    if (area->isVisible() == visible) return;
    area->setVisible(visible);
    d_->stackLegend->setChecked(index, visible);
}

double MemoryCharts::stackTop(int sample) const { return d_->tops.at(static_cast<std::size_t>(sample)); }

int MemoryCharts::stackPointCount() const { return static_cast<int>(d_->tops.size()); }

void MemoryCharts::clear() {
    plotAttribution(AttributionHistory{});
    for (QList<QPointF>& points : d_->raw) points.clear();
    d_->maxima.fill(0);
    d_->timeFirst = d_->timeLast = 0;
    d_->apply();
}

void MemoryCharts::setSeriesVisible(ChartSeries which, bool visible) {
    QLineSeries* line = d_->series[static_cast<std::size_t>(which)];
    if (line->isVisible() == visible) return;
    line->setVisible(visible);
    const int index = static_cast<int>(which);
    if (index < kBytesSeriesCount) {
        d_->bytesLegend->setChecked(index, visible);
    } else {
        d_->countsLegend->setChecked(index - kBytesSeriesCount, visible);
    }
    d_->apply();
}

void MemoryCharts::setBudget(std::uint64_t bytes) {
    if (bytes == d_->budget) return;
    d_->budget = bytes;
    d_->bytesLegend->setEntryVisible(d_->budgetLegendIndex, bytes > 0);
    if (bytes > 0) {
        d_->bytesLegend->setEntryText(d_->budgetLegendIndex, tr("Budget (%1)").arg(formatBytes(bytes)));
    }
    d_->apply();
}

bool MemoryCharts::isBudgetLineShown() const {
    return d_->budget > 0 && d_->budgetLine->isVisible() && d_->budgetLine->count() == 2;
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

double MemoryCharts::bytesAxisMax() const { return d_->bytesMax; }

QString MemoryCharts::bytesAxisTitle() const { return d_->bytesAxis->titleText(); }

QPointF MemoryCharts::lastPoint(ChartSeries series) const {
    const QLineSeries* line = d_->series[static_cast<std::size_t>(series)];
    return line->count() ? line->at(line->count() - 1) : QPointF();
}

double MemoryCharts::timeAxisMax() const { return d_->timeMax; }

QImage MemoryCharts::renderImage() { return grab().toImage(); }

void MemoryCharts::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) d_->applyTheme(palette());
    QWidget::changeEvent(event);
}

}  // namespace codescout::gui
