// MemoryView: live memory charts, alerts and exports, fed by a MetricsSampler.
#include "gui/memory/memory_view.h"

#include <QAbstractButton>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImageWriter>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTableView>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

#include "core/match/thread_cpu_clock.h"
#include "gui/memory/byte_format.h"
#include "gui/memory/memory_charts.h"
#include "gui/memory/metrics_export.h"
#include "gui/memory/metrics_sampler.h"
#include "gui/memory/search_history.h"
#include "gui/memory/stacked_components.h"

namespace codescout::gui {

namespace {

bool writeAtomically(const QString& path, const QByteArray& data, QString* error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

}  // namespace

MemoryView::MemoryView(QWidget* parent) : QWidget(parent), replot_timer_(this) {
    setAccessibleName(tr("Memory view"));

    summary_ = new QLabel(this);
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    summary_->setAccessibleName(tr("Current memory counters"));

    alerts_label_ = new QLabel(this);
    alerts_label_->setWordWrap(true);
    alerts_label_->setTextFormat(Qt::RichText);
    alerts_label_->setAccessibleName(tr("Memory alerts and recommendations"));
    alerts_label_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse |
                                           Qt::LinksAccessibleByKeyboard);
    connect(alerts_label_, &QLabel::linkActivated, this, [this](const QString& link) {
        const QString prefix = QStringLiteral("setting:");
        if (!link.startsWith(prefix)) return;
        bool ok = false;
        const int value = link.mid(prefix.size()).toInt(&ok);
        if (ok) emit changeSettingRequested(static_cast<AdviceSetting>(value));
    });

    // Text above the charts keeps its full wrapped height; the charts take what is left.
    summary_->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    alerts_label_->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);

    collector_notes_label_ = new QLabel(this);
    collector_notes_label_->setWordWrap(true);
    collector_notes_label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    collector_notes_label_->setAccessibleName(tr("Collector plugin messages"));
    collector_notes_label_->hide();

    charts_ = new MemoryCharts(this);
    connect(charts_, &MemoryCharts::componentsHovered, this, [this](double seconds, const QPoint& where) {
        QToolTip::showText(where, attributionTextAt(seconds), charts_);
    });
    charts_->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);

    auto* exportPng = new QPushButton(tr("Export Chart…"), this);
    exportPng->setAccessibleName(tr("Export the charts as a PNG image"));
    auto* exportCsvButton = new QPushButton(tr("Export CSV…"), this);
    exportCsvButton->setAccessibleName(tr("Export the samples as CSV"));
    auto* exportProm = new QPushButton(tr("Export Prometheus…"), this);
    exportProm->setAccessibleName(tr("Export the current counters as Prometheus text"));
    export_status_ = new QLabel(this);
    export_status_->setWordWrap(true);
    export_status_->setAccessibleName(tr("Export status"));

    connect(exportPng, &QPushButton::clicked, this, [this] {
        chooseAndExport(tr("Export Chart"), tr("PNG images (*.png)"), QStringLiteral("png"),
                        &MemoryView::exportChartPng);
    });
    connect(exportCsvButton, &QPushButton::clicked, this, [this] {
        chooseAndExport(tr("Export Samples"), tr("CSV files (*.csv)"), QStringLiteral("csv"),
                        &MemoryView::exportCsv);
    });
    connect(exportProm, &QPushButton::clicked, this, [this] {
        chooseAndExport(tr("Export Counters"), tr("Prometheus text (*.prom *.txt)"),
                        QStringLiteral("prom"), &MemoryView::exportPrometheus);
    });

    history_ = new SearchHistory(this);
    history_view_ = new QTableView(this);
    history_view_->setModel(history_);
    history_view_->setAccessibleName(tr("Search history"));
    history_view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    history_view_->verticalHeader()->hide();
    history_view_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    history_view_->setMinimumHeight(100);
    // The table's corner button (select all) is a button like any other for a screen reader.
    if (auto* corner = history_view_->findChild<QAbstractButton*>())
        corner->setAccessibleName(tr("Select all searches"));
    auto* exportHistory = new QPushButton(tr("Export History…"), this);
    exportHistory->setAccessibleName(tr("Export the search history as CSV"));
    connect(exportHistory, &QPushButton::clicked, this, [this] {
        chooseAndExport(tr("Export Search History"), tr("CSV files (*.csv)"), QStringLiteral("csv"),
                        &MemoryView::exportHistoryCsv);
    });

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(exportPng);
    buttons->addWidget(exportCsvButton);
    buttons->addWidget(exportProm);
    buttons->addWidget(exportHistory);
    buttons->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(summary_);
    layout->addWidget(alerts_label_);
    layout->addWidget(charts_, 1);
    layout->addWidget(collector_notes_label_);
    layout->addWidget(history_view_);
    layout->addLayout(buttons);
    layout->addWidget(export_status_);

    replot_timer_.setSingleShot(true);
    connect(&replot_timer_, &QTimer::timeout, this, &MemoryView::refreshCharts);

    clear();
}

MemoryView::~MemoryView() = default;

void MemoryView::setSampler(MetricsSampler* sampler) {
    for (const QMetaObject::Connection& c : std::as_const(sampler_connections_)) disconnect(c);
    sampler_connections_.clear();
    sampler_ = sampler;
    if (!sampler) return;
    sampler_connections_ << connect(sampler, &MetricsSampler::sampled, this, &MemoryView::addSample)
                         << connect(sampler, &MetricsSampler::probed, this, &MemoryView::addProbeReading)
                         << connect(sampler, &MetricsSampler::started, this, &MemoryView::searchStarted)
                         << connect(sampler, &MetricsSampler::stopped, this, &MemoryView::searchStopped)
                         << connect(sampler, &QObject::destroyed, this, [this] {
                                sampler_ = nullptr;
                                sampler_connections_.clear();
                            });
}

void MemoryView::setMemoryBudget(quint64 bytes) {
    if (bytes == budget_) return;
    budget_ = bytes;
    charts_->setBudget(bytes);
    updateAdvice();
}

void MemoryView::setSampleCapacity(int capacity) {
    samples_.setCapacity(static_cast<std::size_t>(std::max(capacity, 1)));
    attribution_.setCapacity(static_cast<std::size_t>(std::max(capacity, 1)));
    collectors_.setCapacity(static_cast<std::size_t>(std::max(capacity, 1)));
    reportMemory();
    scheduleReplot(kAllCharts);
}

std::optional<MetricsSnapshot> MemoryView::latestSnapshot() const {
    if (samples_.empty()) return std::nullopt;
    return samples_.latest().snapshot;
}

QStringList MemoryView::alerts() const {
    QStringList texts;
    for (const Advice& a : advice_) texts << a.text;
    return texts;
}

void MemoryView::addSample(const codescout::MetricsSnapshot& snapshot, qint64 elapsedMs) {
    samples_.push(MetricsSample{elapsedMs, snapshot});
    max_resident_ = std::max(max_resident_, snapshot.resident_bytes);
    reportMemory();
    updateAdvice();
    scheduleReplot(kCountsChart | kSummary);
}

void MemoryView::addProbeReading(const codescout::gui::ProbeReading& reading, qint64 elapsedMs)
{
    for (const std::string& message : reading.collectorMessages)
        collector_notes_ << QString::fromStdString(message);
    if (!reading.collectorMessages.empty()) {
        while (collector_notes_.size() > kMaxCollectorNotes)
            collector_notes_.removeFirst();
        showCollectorNotes();
    }
    // An empty snapshot with no series kept: no plugin is loaded, nothing to keep per tick.
    if (!reading.collectors.empty() || !collectors_.series().empty())
        addCollectorReadings(reading.collectors, elapsedMs);
    addAttribution(reading.attribution, elapsedMs);
}

void MemoryView::addAttribution(const codescout::MemoryAttribution& attribution, qint64 elapsedMs)
{
    attribution_.push(elapsedMs, attribution);
    latest_attribution_ = attribution;
    reportMemory();
    updateAdvice();
    scheduleReplot(kStackChart);
    probe_answers_ = true;
    if (std::exchange(history_awaits_final_, false)) {
        const auto heap = attribution_.heapInUse(attribution_.size() - 1);
        history_->raiseLastPeaks(heap ? std::optional<std::uint64_t>(static_cast<std::uint64_t>(*heap)) : std::nullopt,
                                 attribution.resident);
    }
    if (std::exchange(awaiting_final_reading_, false)) {
        replot_timer_.stop();
        refreshCharts();
    }
}

void MemoryView::addCollectorReadings(const codescout::collectors::CollectorSnapshot& readings, qint64 elapsedMs)
{
    collectors_.push(elapsedMs, readings);
    reportMemory();
    scheduleReplot(kCollectorChart);
}

void MemoryView::showCollectorNotes()
{
    collector_notes_label_->setText(tr("Collector plugins: %1").arg(collector_notes_.join(QLatin1Char('\n'))));
    collector_notes_label_->setVisible(!collector_notes_.isEmpty());
}

QList<ComponentShare> MemoryView::largestComponents() const
{
    QList<ComponentShare> out;
    if (attribution_.empty())
        return out;
    const std::size_t last = attribution_.size() - 1;
    for (std::size_t c = 0; c < attribution_.names().size(); ++c) {
        const std::string& name = attribution_.names()[c];
        const auto value = attribution_.value(last, c);
        // "unattributed" is what nobody could name: not a part to point at.
        if (!value || *value <= 0 || name == "unattributed")
            continue;
        out.append({name, componentLabel(name), static_cast<std::uint64_t>(*value)});
    }
    std::sort(out.begin(), out.end(), [](const ComponentShare& a, const ComponentShare& b) { return a.bytes > b.bytes; });
    while (out.size() > 3)
        out.removeLast();
    return out;
}

std::optional<std::uint64_t> MemoryView::latestResultsBytes() const
{
    if (attribution_.empty())
        return std::nullopt;
    const auto& names = attribution_.names();
    const auto it = std::find(names.begin(), names.end(), std::string("gui_results"));
    if (it == names.end())
        return std::nullopt;
    const auto value = attribution_.value(attribution_.size() - 1, static_cast<std::size_t>(it - names.begin()));
    if (!value || *value < 0)
        return std::nullopt;
    return static_cast<std::uint64_t>(*value);
}

void MemoryView::setResultMatches(quint64 matches)
{
    results_matches_ = matches;
}

QString MemoryView::attributionTextAt(double seconds) const
{
    return describeSampleAt(attribution_, seconds, componentLabel);
}

void MemoryView::reportMemory()
{
    memory_.set(samples_.heapBytes() + attribution_.heapBytes() + collectors_.heapBytes());
}

void MemoryView::forgetSamples() {
    samples_.clear();
    attribution_.clear();
    collectors_.clearReadings();  // the plugins stay loaded: their chart keeps its series
    latest_attribution_.reset();
    reportMemory();
    max_resident_ = 0;
    replot_timer_.stop();
    awaiting_final_reading_ = false;
    history_awaits_final_ = false;
    // A search starts: its first second is drawn after that second (a short search is drawn
    // once, at its end); without a search running the interval is short and the next sample
    // is drawn at once.
    since_replot_.start();
    export_status_->clear();
}

void MemoryView::clear() {
    forgetSamples();
    search_live_ = false;
    charts_->clear();
    charts_dirty_ = 0;
    updateSummary();
    updateAdvice();
}

int MemoryView::replotInterval() const {
    if (!search_live_) return kMinReplotIntervalMs;
    const double byCost = static_cast<double>(last_draw_cpu_ns_) / 1e6 / kLiveDrawShare;
    return static_cast<int>(std::clamp(byCost, double{kLiveReplotIntervalMs}, double{kMaxLiveReplotIntervalMs}));
}

void MemoryView::scheduleReplot(int charts) {
    charts_dirty_ |= charts;
    // While the final probe reading is awaited the timer runs as its time limit: nothing earlier.
    // Hidden (dock closed): nothing to draw; showEvent plots what accumulated.
    if (!isVisible() || replot_timer_.isActive()) return;
    const qint64 interval = replotInterval();
    const qint64 since = since_replot_.isValid() ? since_replot_.elapsed() : interval;
    replot_timer_.start(static_cast<int>(std::max<qint64>(0, interval - since)));
}

void MemoryView::searchStarted() {
    forgetSamples();
    search_live_ = true;
    // The charts keep the last search's picture until this one's first re-plot replaces every
    // series' points: emptying them now would cost the GUI thread as much as a re-plot
    // (bench/gui-memory-attribution) while the search runs, to show nothing.
    scheduleReplot(kAllCharts | kSummary);
    updateAdvice();
}

bool MemoryView::expectsFinalReading() const {
    return probe_answers_ || (sampler_ != nullptr && sampler_->isProbing());
}

void MemoryView::searchStopped() {
    search_live_ = false;
    // Hidden: nothing to draw now (showEvent draws what accumulated). Nothing pending: drawn.
    if (!replot_timer_.isActive()) return;
    replot_timer_.stop();
    // The final sample arrived (stop() takes it before stopped()), and with the probe on, the
    // final reading follows on the probe's thread: the end state is drawn once, when it comes,
    // rather than twice (counts now, the stack again a moment later).
    if (expectsFinalReading()) {
        awaiting_final_reading_ = true;
        replot_timer_.start(kFinalReadingWaitMs);
        return;
    }
    refreshCharts();
}

void MemoryView::refreshCharts() {
    awaiting_final_reading_ = false;
    if (!charts_dirty_) return;
    // Only the charts whose data changed: the stacked chart's areas are the costliest to draw,
    // and the probe's readings arrive far less often than the counters.
    const std::int64_t cpuBefore = thread_cpu_nanoseconds();
    const int dirty = std::exchange(charts_dirty_, 0);
    if (dirty & kCountsChart) charts_->plot(samples_);
    if (dirty & kStackChart) charts_->plotAttribution(attribution_);
    if (dirty & kCollectorChart) charts_->plotCollectors(collectors_);
    if (dirty & kSummary) updateSummary();
    if (dirty & kAlerts) showAlerts();
    since_replot_.start();
    // Most of a re-plot's work comes after this function, in the events the new points post
    // (the chart scenes' updates and layout, the labels' relayout): a queued call runs after
    // those already posted, and the CPU time up to it is the re-plot's cost. The paint comes
    // later (Qt posts it at low priority) and is not in it: kLiveDrawShare leaves room for it.
    QMetaObject::invokeMethod(
        this, [this, cpuBefore] { last_draw_cpu_ns_ = thread_cpu_nanoseconds() - cpuBefore; }, Qt::QueuedConnection);
}

void MemoryView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (charts_dirty_) scheduleReplot(charts_dirty_);
}

void MemoryView::updateSummary() {
    if (samples_.empty()) {
        summary_->setText(tr("No search sampled yet."));
        return;
    }
    const MetricsSnapshot& s = samples_.latest().snapshot;
    const QLocale locale;
    const auto n = [&locale](std::uint64_t v) { return locale.toString(static_cast<qulonglong>(v)); };
    summary_->setText(
        tr("Allocated %1 (peak %2) · mapped %3 · pattern cache %4 · resident %5\n"
           "Files small/buffered/mapped: %6/%7/%8 · cache hits/misses: %9/%10")
            .arg(formatBytes(s.total_allocated), formatBytes(s.peak_allocated),
                 formatBytes(s.mmap_allocated), formatBytes(s.cache_size),
                 formatBytes(s.resident_bytes), n(s.small_files_processed),
                 n(s.buffered_files_processed), n(s.mmap_files_processed), n(s.cache_hits))
            .arg(n(s.cache_misses)));
}

void MemoryView::updateAdvice() {
    QList<Advice> fresh;
    if (!samples_.empty()) {
        AdvisorInput input;
        input.latest = samples_.latest().snapshot;
        input.max_resident_bytes = max_resident_;
        input.budget_bytes = budget_;
        input.results_bytes = latestResultsBytes();
        input.results_matches = results_matches_;
        input.largest_components = largestComponents();
        fresh = MemoryAdvisor::advise(input);
    }
    const QStringList before = alerts();
    advice_ = fresh;
    const QStringList after = alerts();
    // A rich-text label re-lays out the window on each new text: while a search runs its text
    // moves with the live charts, once a second.
    if (search_live_)
        scheduleReplot(kAlerts);
    else
        showAlerts();
    if (after != before) emit alertsChanged(after);
}

void MemoryView::showAlerts() {
    QString html;
    if (advice_.isEmpty()) {
        html = QStringLiteral("<i>%1</i>").arg(samples_.empty() ? tr("Alerts and recommendations appear here during a search.")
                                                               : tr("No memory alerts: this search used memory well."));
    }
    for (const Advice& a : std::as_const(advice_)) {
        // Plain symbols rather than icons: they survive copy-paste and screen readers. Both are in
        // the common text fonts (DejaVu, Noto): an emoji such as a light bulb showed as an empty
        // box on a desktop without an emoji font.
        const QString mark = a.severity == AdviceSeverity::Warning ? QStringLiteral("\u26A0") : QStringLiteral("\u2139");
        QString link;
        if (a.setting != AdviceSetting::None) {
            link = QStringLiteral(" <a href=\"setting:%1\">%2</a>")
                       .arg(static_cast<int>(a.setting))
                       .arg(tr("Change…").toHtmlEscaped());
        }
        html += QStringLiteral("<p>%1 %2%3</p>").arg(mark, a.text.toHtmlEscaped(), link);
    }
    if (alerts_label_->text() != html) alerts_label_->setText(html);
}

bool MemoryView::failExport(const QString& message) {
    export_status_->setText(message);
    emit exportFailed(message);
    return false;
}

bool MemoryView::exportChartPng(const QString& path) {
    if (charts_dirty_) refreshCharts();
    const QImage image = charts_->renderImage();
    if (image.isNull()) return failExport(tr("Could not render the charts to an image."));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return failExport(tr("Could not write %1: %2").arg(path, file.errorString()));
    }
    QImageWriter writer(&file, "png");
    if (!writer.write(image)) {
        file.cancelWriting();
        return failExport(tr("Could not write %1: %2").arg(path, writer.errorString()));
    }
    if (!file.commit()) return failExport(tr("Could not write %1: %2").arg(path, file.errorString()));
    export_status_->setText(tr("Charts saved to %1.").arg(path));
    return true;
}

void MemoryView::recordSearch(const QString& pattern, const codescout::SearchSummary& summary)
{
    // The buffers hold this search's samples: the view clears them when the sampler starts.
    SearchRecord record;
    record.pattern = pattern;
    record.finished = QDateTime::currentDateTimeUtc();
    record.duration_ms = std::chrono::duration_cast<std::chrono::milliseconds>(summary.elapsed).count();
    for (std::size_t i = 0; i < attribution_.size(); ++i) {
        if (const auto heap = attribution_.heapInUse(i))
            record.peak_heap = std::max(record.peak_heap.value_or(0), static_cast<std::uint64_t>(*heap));
    }
    for (std::size_t i = 0; i < samples_.size(); ++i) {
        if (const std::uint64_t resident = samples_.at(i).snapshot.resident_bytes; resident > 0)
            record.peak_resident = std::max(record.peak_resident.value_or(0), resident);
    }
    const MetricsSnapshot& m = summary.metrics;
    record.small_files = m.small_files_processed;
    record.buffered_files = m.buffered_files_processed;
    record.mmap_files = m.mmap_files_processed;
    record.cache_hits = m.cache_hits;
    record.cache_misses = m.cache_misses;
    history_->add(record);
    // The probe's final reading of this search (its end state) is still to come.
    history_awaits_final_ = !search_live_ && expectsFinalReading();
}

bool MemoryView::exportHistoryCsv(const QString& path) {
    QString error;
    if (!writeAtomically(path, history_->toCsv(), &error)) {
        return failExport(tr("Could not write %1: %2").arg(path, error));
    }
    export_status_->setText(tr("%n search(es) saved to %1.", nullptr, history_->rowCount()).arg(path));
    return true;
}

bool MemoryView::exportCsv(const QString& path) {
    QString error;
    if (!writeAtomically(path, samplesToCsv(samples_, attribution_, collectors_), &error)) {
        return failExport(tr("Could not write %1: %2").arg(path, error));
    }
    export_status_->setText(tr("%n sample(s) saved to %1.", nullptr, static_cast<int>(samples_.size())).arg(path));
    return true;
}

bool MemoryView::exportPrometheus(const QString& path) {
    if (samples_.empty()) return failExport(tr("Nothing to export yet: run a search first."));
    QString error;
    if (!writeAtomically(path, snapshotToPrometheus(samples_.latest().snapshot, latest_attribution_, collectors_.latest()),
                         &error)) {
        return failExport(tr("Could not write %1: %2").arg(path, error));
    }
    export_status_->setText(tr("Counters saved to %1.").arg(path));
    return true;
}

void MemoryView::chooseAndExport(const QString& caption, const QString& filter, const QString& suffix,
                                 bool (MemoryView::*exporter)(const QString&)) {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = dir + QStringLiteral("/codescout-memory.") + suffix;
    QString path = QFileDialog::getSaveFileName(this, caption, suggested, filter);
    if (path.isEmpty()) return;  // cancelled
    if (QFileInfo(path).suffix().isEmpty()) path += QLatin1Char('.') + suffix;
    (this->*exporter)(path);
}

}  // namespace codescout::gui
