// The alert and recommendation rules of the memory view. Each rule reads only the snapshot's
// counters and thresholds, so its reasoning is visible in one place:
//  - small files are read whole with one call into a reused buffer (cheap);
//  - buffered files are read in fixed chunks, several calls each (costly when most files are);
//  - mapped files cost a mmap/munmap pair and page faults (costly for small files, cheap for big).
#include "gui/memory/memory_advisor.h"

#include <QLocale>
#include <QStringList>

#include <algorithm>

#include "core/search/file_strategy.h"
#include "gui/memory/byte_format.h"

namespace codescout::gui {

namespace {

QString count(std::uint64_t n) { return QLocale().toString(static_cast<qulonglong>(n)); }
QString bytes(std::uint64_t n) { return formatBytes(n); }

}  // namespace

QString MemoryAdvisor::settingName(AdviceSetting setting) {
    switch (setting) {
    case AdviceSetting::None: return {};
    case AdviceSetting::SmallFileThreshold: return tr("Small-file threshold");
    case AdviceSetting::LargeFileThreshold: return tr("Large-file threshold");
    case AdviceSetting::Threads: return tr("Threads");
    case AdviceSetting::MemoryBudget: return tr("Memory budget");
    case AdviceSetting::MaxResultsShown: return tr("Max results shown");
    }
    return {};
}

QList<Advice> MemoryAdvisor::advise(const AdvisorInput& input) {
    const MetricsSnapshot& s = input.latest;
    const std::uint64_t budget = input.budget_bytes;
    const QString smallName = settingName(AdviceSetting::SmallFileThreshold);
    const QString largeName = settingName(AdviceSetting::LargeFileThreshold);
    QList<Advice> out;

    // Warnings: a budget was set and something went over it.
    const bool overBudget = budget > 0 && s.peak_allocated > budget;
    if (overBudget) {
        out.append({AdviceRule::BudgetExceeded, AdviceSeverity::Warning,
                    tr("Peak memory %1 exceeded the budget of %2: lower '%3' so big files are "
                       "memory-mapped instead of buffered, or reduce '%4'.")
                        .arg(bytes(s.peak_allocated), bytes(budget), largeName,
                             settingName(AdviceSetting::Threads)),
                    AdviceSetting::LargeFileThreshold});
    } else if (budget > 0 && input.max_resident_bytes > budget && !input.largest_components.isEmpty()) {
        // The engine stayed within budget: the attribution says what the excess is.
        QStringList parts;
        for (const ComponentShare& c : input.largest_components) parts << tr("%1 %2").arg(c.label, bytes(c.bytes));
        const bool resultsFirst = input.largest_components.first().name == "gui_results";
        const AdviceSetting setting = resultsFirst ? AdviceSetting::MaxResultsShown : AdviceSetting::MemoryBudget;
        out.append({AdviceRule::ResidentOverBudget, AdviceSeverity::Warning,
                    (resultsFirst ? tr("The application's resident memory reached %1, above the budget of %2, "
                                       "while the search's own buffers peaked at %3. The largest parts: %4. "
                                       "Lower '%5' to keep fewer results in memory.")
                                  : tr("The application's resident memory reached %1, above the budget of %2, "
                                       "while the search's own buffers peaked at %3. The largest parts: %4, "
                                       "which the search settings do not control: raise '%5' if this is expected."))
                        .arg(bytes(input.max_resident_bytes), bytes(budget), bytes(s.peak_allocated),
                             QLocale().createSeparatedList(parts), settingName(setting)),
                    setting});
    } else if (budget > 0 && input.max_resident_bytes > budget) {
        // The engine stayed within budget, so the excess is the application around it.
        out.append({AdviceRule::ResidentOverBudget, AdviceSeverity::Warning,
                    tr("The application's resident memory reached %1, above the budget of %2, "
                       "while the search's own buffers peaked at %3: the rest is the application, "
                       "mapped file pages and the results kept in the window. Lower '%4' to keep "
                       "fewer results in memory.")
                        .arg(bytes(input.max_resident_bytes), bytes(budget), bytes(s.peak_allocated),
                             settingName(AdviceSetting::MaxResultsShown)),
                    AdviceSetting::MaxResultsShown});
    }

    // Recommendations.
    if (input.results_bytes && *input.results_bytes >= kLargeResultsBytes && input.max_resident_bytes > 0 &&
        static_cast<double>(*input.results_bytes) >=
            kLargeResultsShare * static_cast<double>(input.max_resident_bytes)) {
        const int percent = static_cast<int>(100 * *input.results_bytes / input.max_resident_bytes);
        out.append({AdviceRule::ResultsDominate, AdviceSeverity::Info,
                    tr("The results list holds %1 for %2 matches (%3% of the resident memory): "
                       "lower '%4' in Settings to keep fewer results in memory.")
                        .arg(bytes(*input.results_bytes), count(input.results_matches),
                             QLocale().toString(percent), settingName(AdviceSetting::MaxResultsShown)),
                    AdviceSetting::MaxResultsShown});
    }
    const std::uint64_t lookups = s.cache_hits + s.cache_misses;
    if (lookups >= kMinCacheLookups &&
        static_cast<double>(s.cache_hits) < kPoorHitRate * static_cast<double>(lookups)) {
        const int percent = static_cast<int>(100 * s.cache_hits / lookups);
        out.append({AdviceRule::PoorCacheHitRate, AdviceSeverity::Info,
                    tr("Only %1% of pattern lookups hit the cache (%2 of %3): most searches "
                       "compiled their pattern anew. This is expected while trying new patterns; "
                       "re-running a query from the pattern history reuses its compiled form.")
                        .arg(QLocale().toString(percent), count(s.cache_hits), count(lookups)),
                    AdviceSetting::None});
    }

    const std::uint64_t files =
        s.small_files_processed + s.buffered_files_processed + s.mmap_files_processed;
    const std::uint64_t raisedSmall = std::min(s.small_file_threshold * 2, s.large_file_threshold);
    if (s.buffered_files_processed >= kMinFilesForStrategyAdvice &&
        s.buffered_files_processed * 2 > files && raisedSmall > s.small_file_threshold) {
        out.append({AdviceRule::BufferedDominates, AdviceSeverity::Info,
                    tr("%1 of %2 files were larger than the '%3' (%4) and were read in chunks, "
                       "several system calls each: raise '%3' to %5 so they are read whole in one call.")
                        .arg(count(s.buffered_files_processed), count(files), smallName,
                             bytes(s.small_file_threshold), bytes(raisedSmall)),
                    AdviceSetting::SmallFileThreshold});
    }

    // Buffers as large as the large threshold mean files just below it were copied into memory;
    // mapping them would not. Never advised below kTinyMappingLimit, where TinyMappings says the
    // opposite, and not repeated when the budget warning already says the same.
    const std::uint64_t loweredLarge =
        std::max({s.large_file_threshold / 2, s.small_file_threshold, kTinyMappingLimit});
    if (!overBudget && s.buffered_files_processed > 0 &&
        s.peak_allocated >= s.large_file_threshold && loweredLarge < s.large_file_threshold) {
        out.append({AdviceRule::LargeBufferedPeak, AdviceSeverity::Info,
                    tr("Read buffers peaked at %1, as much as the '%2' (%3): files just below it "
                       "were copied into memory. Lower '%2' to %4 so they are memory-mapped instead.")
                        .arg(bytes(s.peak_allocated), largeName, bytes(s.large_file_threshold),
                             bytes(loweredLarge)),
                    AdviceSetting::LargeFileThreshold});
    }

    if (s.mmap_files_processed >= kMinFilesForStrategyAdvice &&
        s.large_file_threshold < kTinyMappingLimit) {
        out.append({AdviceRule::TinyMappings, AdviceSeverity::Info,
                    tr("%1 files were memory-mapped because the '%2' is only %3: mapping a small "
                       "file costs more system calls and page faults than reading it. Raise '%2' "
                       "to %4 (the default).")
                        .arg(count(s.mmap_files_processed), largeName, bytes(s.large_file_threshold),
                             bytes(kDefaultLargeFileThreshold)),
                    AdviceSetting::LargeFileThreshold});
    }
    return out;
}

}  // namespace codescout::gui
