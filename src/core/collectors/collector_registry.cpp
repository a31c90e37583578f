// Loading all collector plugins and sampling them together (see collector_registry.h).
#include "core/collectors/collector_registry.h"

#include <system_error>
#include <utility>
#include <variant>

#include "core/collectors/collector_paths.h"
#include "core/collectors/collector_worker.h"
#include "core/collectors/plugin_library.h"

namespace codescout::collectors {

CollectorRegistry::CollectorRegistry(const std::vector<std::filesystem::path>& search_path) {
    for (const std::filesystem::path& file : collector_candidates(search_path)) {
        auto opened = PluginLibrary::open(file);
        if (auto* reason = std::get_if<std::string>(&opened)) {
            messages_.push_back(std::move(*reason));
            continue;
        }
        auto library = std::move(std::get<std::unique_ptr<PluginLibrary>>(opened));
        // Two series with one name would make the Prometheus output invalid and the charts
        // ambiguous: the first plugin (in search-path order) keeps the name.
        std::string clash;
        for (const SeriesInfo& mine : library->series()) {
            for (const auto& worker : workers_) {
                for (const SeriesInfo& theirs : worker->series()) {
                    if (clash.empty() && theirs.name == mine.name) {
                        clash = "series '" + mine.name + "' is already provided by " + worker->file();
                    }
                }
            }
        }
        if (!clash.empty()) {
            messages_.push_back(file.string() + ": " + clash + "; not loaded");
            continue;
        }
        try {
            workers_.push_back(std::make_unique<CollectorWorker>(std::move(library)));
        } catch (const std::system_error& e) {
            // Out of threads (a ulimit): this plugin is skipped, the search goes on.
            messages_.push_back(file.string() + ": cannot start its sampling thread: " + e.what());
        }
    }
}

CollectorRegistry::~CollectorRegistry() = default;

std::vector<SeriesInfo> CollectorRegistry::series() const {
    std::vector<SeriesInfo> out;
    for (const auto& worker : workers_) out.insert(out.end(), worker->series().begin(), worker->series().end());
    return out;
}

CollectorSnapshot CollectorRegistry::sample_all(std::chrono::milliseconds time_box) {
    std::lock_guard serialise(sample_mutex_);
    // All requests first, then one shared deadline: n slow plugins cost one time box, not n.
    for (const auto& worker : workers_) worker->request();
    const auto deadline = std::chrono::steady_clock::now() + time_box;
    CollectorSnapshot snapshot;
    std::vector<std::string> messages;
    for (const auto& worker : workers_) {
        std::vector<CollectorReading> readings = worker->collect(deadline, time_box, messages);
        snapshot.insert(snapshot.end(), std::make_move_iterator(readings.begin()),
                        std::make_move_iterator(readings.end()));
    }
    if (!messages.empty()) {
        std::lock_guard lock(messages_mutex_);
        messages_.insert(messages_.end(), messages.begin(), messages.end());
    }
    return snapshot;
}

std::vector<std::string> CollectorRegistry::take_messages() {
    std::lock_guard lock(messages_mutex_);
    return std::exchange(messages_, {});
}

}  // namespace codescout::collectors
