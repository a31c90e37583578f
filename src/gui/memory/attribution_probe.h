// AttributionProbe: measures the memory attribution (engine + GUI components, see gui_memory.h)
// and samples the collector plugins on a thread of its own. Reading /proc/self/smaps takes about
// a millisecond per few hundred mappings and may stall behind the kernel's mmap lock while a
// search maps files, and a plugin may take up to its time box: the GUI thread must never wait
// for either. The sampler asks on its tick; the probe answers with a queued signal.
//
// The plugins are loaded on the probe's thread at its first measurement (loading runs their
// constructors: never on the GUI thread), from the search path given, or else the default one
// (collector_paths.h).
#pragma once

#include <QObject>
#include <QThread>

#include <atomic>
#include <filesystem>
#include <vector>

#include "gui/memory/metrics_metatype.h"

namespace codescout::gui {

class AttributionProbe : public QObject {
    Q_OBJECT
public:
    // Starts its own thread; the destructor stops it (waiting for a measurement in progress,
    // which a hung plugin cannot prolong beyond the collectors' time box).
    explicit AttributionProbe(QObject* parent = nullptr);
    ~AttributionProbe() override;

    // GUI thread, before or between measurements: where to look for collector plugins. The
    // plugins are (re)loaded at the next measurement. An empty list loads none.
    void setCollectorSearchPath(const std::vector<std::filesystem::path>& path);

    // GUI thread. Queues one measurement stamped `elapsedMs`, unless one is still running (a
    // slow /proc read or plugin skips ticks rather than piling them up). Returns whether it was
    // queued.
    bool request(qint64 elapsedMs);
    bool isBusy() const { return busy_.load(); }

signals:
    // Emitted on the probe's thread; connect with the default (queued) connection.
    void measured(const codescout::gui::ProbeReading& reading, qint64 elapsedMs);

private:
    class Worker;
    QThread thread_;
    Worker* worker_;
    std::atomic<bool> busy_{false};
};

}  // namespace codescout::gui
