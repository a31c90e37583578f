// Collector plugins in the CLI's Prometheus output (see collector_metrics.h).
#include "cli/collector_metrics.h"

#include "core/collectors/collector_format.h"
#include "core/collectors/collector_paths.h"
#include "core/collectors/collector_registry.h"

namespace codescout::cli {

std::string collector_prometheus(ErrorReporter& errors) {
    collectors::CollectorRegistry registry(collectors::default_collector_search_path());
    const collectors::CollectorSnapshot snapshot = registry.sample_all(kCliCollectorTimeBox);
    for (const std::string& message : registry.take_messages()) {
        errors.report(SearchError{{}, "collector " + message, /*warning=*/true});
    }
    return collectors::format_prometheus(snapshot);
}

}  // namespace codescout::cli
