// AttributionProbe: measures the memory attribution (engine + GUI components, see gui_memory.h)
// on a thread of its own. Reading /proc/self/smaps takes about a millisecond per few hundred
// mappings and may stall behind the kernel's mmap lock while a search maps files: the GUI thread
// must never wait for it. The sampler asks on its tick; the probe answers with a queued signal.
#pragma once

#include <QObject>
#include <QThread>

#include <atomic>

#include "gui/memory/metrics_metatype.h"

namespace codescout::gui {

class AttributionProbe : public QObject {
    Q_OBJECT
public:
    // Starts its own thread; the destructor stops it (waiting for a measurement in progress).
    explicit AttributionProbe(QObject* parent = nullptr);
    ~AttributionProbe() override;

    // GUI thread. Queues one measurement stamped `elapsedMs`, unless one is still running (a
    // slow /proc read skips ticks rather than piling them up). Returns whether it was queued.
    bool request(qint64 elapsedMs);
    bool isBusy() const { return busy_.load(); }

signals:
    // Emitted on the probe's thread; connect with the default (queued) connection.
    void measured(const codescout::MemoryAttribution& attribution, qint64 elapsedMs);

private:
    class Worker;
    QThread thread_;
    Worker* worker_;
    std::atomic<bool> busy_{false};
};

}  // namespace codescout::gui
