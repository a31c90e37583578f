// stackComponents / describeSampleAt: the data behind the stacked memory chart and its hover text.
#include "gui/memory/stacked_components.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "gui/memory/byte_format.h"

namespace codescout::gui {

std::vector<StackedArea> stackComponents(const AttributionHistory& history)
{
    std::vector<std::size_t> all(history.size());
    for (std::size_t i = 0; i < all.size(); ++i)
        all[i] = i;
    return stackComponents(history, all);
}

std::vector<StackedArea> stackComponents(const AttributionHistory& history, const std::vector<std::size_t>& samples)
{
    std::vector<StackedArea> areas(history.names().size());
    for (std::size_t c = 0; c < areas.size(); ++c) {
        areas[c].name = history.names()[c];
        areas[c].lower.reserve(static_cast<qsizetype>(samples.size()));
        areas[c].upper.reserve(static_cast<qsizetype>(samples.size()));
    }
    for (const std::size_t i : samples) {
        const double x = static_cast<double>(history.elapsedMs(i)) / 1000.0;
        double below = 0;
        for (std::size_t c = 0; c < areas.size(); ++c) {
            const double bytes = static_cast<double>(history.value(i, c).value_or(0));
            areas[c].lower.append(QPointF(x, below));
            below += bytes;
            areas[c].upper.append(QPointF(x, below));
        }
    }
    return areas;
}

std::vector<std::size_t> thinSamples(const AttributionHistory& history, int buckets)
{
    const std::size_t n = history.size();
    std::vector<std::size_t> out;
    if (buckets < 1 || n <= 2 * static_cast<std::size_t>(buckets)) {
        out.reserve(n);
        for (std::size_t i = 0; i < n; ++i)
            out.push_back(i);
        return out;
    }
    const auto t0 = static_cast<double>(history.elapsedMs(0));
    const double span = std::max(1.0, static_cast<double>(history.elapsedMs(n - 1)) - t0);
    out.push_back(0);
    std::size_t i = 1;
    for (int b = 0; b < buckets && i < n - 1; ++b) {
        const double end = t0 + span * (b + 1) / buckets;
        std::size_t best = n;
        for (; i < n - 1 && static_cast<double>(history.elapsedMs(i)) <= end; ++i) {
            if (best == n || history.resident(i).value_or(0) > history.resident(best).value_or(0))
                best = i;
        }
        if (best != n)
            out.push_back(best);
    }
    out.push_back(n - 1);
    return out;
}

QString describeSampleAt(const AttributionHistory& history, double seconds,
                         QString (*label)(const std::string& name))
{
    if (history.empty())
        return {};
    std::size_t nearest = 0;
    double best = INFINITY;
    for (std::size_t i = 0; i < history.size(); ++i) {
        const double distance = std::abs(static_cast<double>(history.elapsedMs(i)) / 1000.0 - seconds);
        if (distance < best) {
            best = distance;
            nearest = i;
        }
    }
    const auto resident = history.resident(nearest);
    QStringList lines;
    lines << QCoreApplication::translate("MemoryCharts", "At %1 s: resident %2")
                 .arg(QString::number(static_cast<double>(history.elapsedMs(nearest)) / 1000.0, 'f', 1),
                      resident ? formatBytes(static_cast<std::uint64_t>(*resident))
                               : QCoreApplication::translate("MemoryCharts", "unavailable"));
    for (std::size_t c = 0; c < history.names().size(); ++c) {
        const auto value = history.value(nearest, c);
        QString text;
        if (!value)
            text = QCoreApplication::translate("MemoryCharts", "unavailable");
        else if (*value < 0)
            text = QLatin1Char('-') + formatBytes(static_cast<std::uint64_t>(-*value));
        else
            text = formatBytes(static_cast<std::uint64_t>(*value));
        lines << QStringLiteral("%1: %2").arg(label(history.names()[c]), text);
    }
    return lines.join(QLatin1Char('\n'));
}

QString componentLabel(const std::string& name)
{
    struct Entry {
        const char* name;
        const char* text;
    };
    static constexpr Entry kLabels[] = {
        {"buffers_small", QT_TRANSLATE_NOOP("MemoryCharts", "Small-file buffers")},
        {"buffers_buffered", QT_TRANSLATE_NOOP("MemoryCharts", "Chunk buffers")},
        {"buffers_decode", QT_TRANSLATE_NOOP("MemoryCharts", "Decoding buffers")},
        {"pattern_cache", QT_TRANSLATE_NOOP("MemoryCharts", "Pattern cache")},
        {"scratch", QT_TRANSLATE_NOOP("MemoryCharts", "Match scratch")},
        {"walker", QT_TRANSLATE_NOOP("MemoryCharts", "Directory walker")},
        {"index_build", QT_TRANSLATE_NOOP("MemoryCharts", "Index build")},
        {"gui_results", QT_TRANSLATE_NOOP("MemoryCharts", "Results list")},
        {"gui_preview", QT_TRANSLATE_NOOP("MemoryCharts", "Preview document")},
        {"gui_syntax_repository", QT_TRANSLATE_NOOP("MemoryCharts", "Syntax definitions")},
        {"gui_chart_samples", QT_TRANSLATE_NOOP("MemoryCharts", "Chart samples")},
        {"other_heap", QT_TRANSLATE_NOOP("MemoryCharts", "Other heap")},
        {"heap_free_kept", QT_TRANSLATE_NOOP("MemoryCharts", "Heap kept free")},
        {"mapped_files", QT_TRANSLATE_NOOP("MemoryCharts", "Mapped files")},
        {"index_mapping", QT_TRANSLATE_NOOP("MemoryCharts", "Search index")},
        {"code_and_libraries", QT_TRANSLATE_NOOP("MemoryCharts", "Code and libraries")},
        {"thread_stacks", QT_TRANSLATE_NOOP("MemoryCharts", "Thread stacks")},
        {"unattributed", QT_TRANSLATE_NOOP("MemoryCharts", "Unattributed")},
    };
    for (const Entry& e : kLabels) {
        if (name == e.name)
            return QCoreApplication::translate("MemoryCharts", e.text);
    }
    return QString::fromStdString(name);  // a component added later: its stable name
}

}  // namespace codescout::gui
