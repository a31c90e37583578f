// MemoryAdvisor: turns a search's metrics into plain-language alerts and recommendations, each
// naming the setting to change (the seed's "What's Next" item 2). Pure rules over plain data, no
// widgets, so every rule is unit-tested; the texts go through Qt's translation system.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>
#include <string>

#include "core/metrics/memory_metrics.h"

namespace codescout::gui {

// Which rule produced an advice (stable ids for tests and for the GUI to react on).
enum class AdviceRule {
    BudgetExceeded,       // engine peak above the memory budget
    ResidentOverBudget,   // process RSS above the budget while the engine's peak is not
    PoorCacheHitRate,     // the pattern cache rarely hits
    BufferedDominates,    // most files are just too big to be read whole: many chunked reads
    LargeBufferedPeak,    // buffers as big as the large threshold: those files should be mapped
    TinyMappings,         // many files mapped because the large threshold is very low
    ResultsDominate,      // the results list holds a large share of the resident memory
};

// The user setting an advice asks to change (the GUI maps these to its settings keys).
enum class AdviceSetting {
    None,
    SmallFileThreshold,
    LargeFileThreshold,
    Threads,
    MemoryBudget,
    MaxResultsShown,
};

enum class AdviceSeverity { Info, Warning };

struct Advice {
    AdviceRule rule;
    AdviceSeverity severity;
    QString text;              // one or two plain sentences, translated
    AdviceSetting setting;     // the main setting to change
};

// One component of the memory attribution, for advice that names where the memory is.
struct ComponentShare {
    std::string name;  // stable ("gui_results", "other_heap", ...)
    QString label;     // as the chart's legend says it
    std::uint64_t bytes = 0;
};

struct AdvisorInput {
    MetricsSnapshot latest;              // counters at the end of (or during) the search
    std::uint64_t max_resident_bytes = 0;  // highest RSS seen over the samples (0 = unknown)
    std::uint64_t budget_bytes = 0;        // 0 = no budget
    // From the memory attribution: the results list's bytes (nullopt = not measured yet) and the
    // matches it holds.
    std::optional<std::uint64_t> results_bytes;
    std::uint64_t results_matches = 0;
    // The attribution's largest components at the latest sample, largest first (empty = not
    // measured): the resident-over-budget warning names them instead of guessing.
    QList<ComponentShare> largest_components;
};

class MemoryAdvisor {
    Q_DECLARE_TR_FUNCTIONS(codescout::gui::MemoryAdvisor)
public:
    // Rule thresholds, named so the tests and the texts agree with the code.
    static constexpr std::uint64_t kMinCacheLookups = 10;
    static constexpr double kPoorHitRate = 0.5;
    static constexpr std::uint64_t kMinFilesForStrategyAdvice = 20;
    // The results list is worth a recommendation from this size and this share of resident on.
    static constexpr std::uint64_t kLargeResultsBytes = 64ull * 1024 * 1024;
    static constexpr double kLargeResultsShare = 0.25;
    static constexpr std::uint64_t kTinyMappingLimit = 1024 * 1024;  // mapping below 1 MiB costs more than it saves

    // Warnings first, then recommendations, each at most once. Empty when all is well.
    static QList<Advice> advise(const AdvisorInput& input);

    // The user-visible name of a setting, as the settings dialog labels it ("Large-file threshold").
    static QString settingName(AdviceSetting setting);
};

}  // namespace codescout::gui
