// stackComponents / describeSampleAt: the data behind the stacked memory chart and its hover text.
#include "gui/memory/stacked_components.h"

#include <QCoreApplication>

#include <cmath>
#include <cstdlib>

#include "gui/memory/byte_format.h"

namespace codescout::gui {

std::vector<StackedArea> stackComponents(const AttributionHistory& history)
{
    std::vector<StackedArea> areas(history.names().size());
    for (std::size_t c = 0; c < areas.size(); ++c) {
        areas[c].name = history.names()[c];
        areas[c].lower.reserve(static_cast<qsizetype>(history.size()));
        areas[c].upper.reserve(static_cast<qsizetype>(history.size()));
    }
    for (std::size_t i = 0; i < history.size(); ++i) {
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
        {"pattern_cache", QT_TRANSLATE_NOOP("MemoryCharts", "Pattern cache")},
        {"scratch", QT_TRANSLATE_NOOP("MemoryCharts", "Match scratch")},
        {"walker", QT_TRANSLATE_NOOP("MemoryCharts", "Directory walker")},
        {"gui_results", QT_TRANSLATE_NOOP("MemoryCharts", "Results list")},
        {"gui_preview", QT_TRANSLATE_NOOP("MemoryCharts", "Preview document")},
        {"gui_syntax_repository", QT_TRANSLATE_NOOP("MemoryCharts", "Syntax definitions")},
        {"gui_chart_samples", QT_TRANSLATE_NOOP("MemoryCharts", "Chart samples")},
        {"other_heap", QT_TRANSLATE_NOOP("MemoryCharts", "Other heap")},
        {"mapped_files", QT_TRANSLATE_NOOP("MemoryCharts", "Mapped files")},
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
