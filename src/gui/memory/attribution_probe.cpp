// AttributionProbe: a QThread-owned worker that runs measure_memory_attribution().
#include "gui/memory/attribution_probe.h"

#include "gui/memory/gui_memory.h"

namespace codescout::gui {

class AttributionProbe::Worker : public QObject {
public:
    explicit Worker(AttributionProbe* probe) : probe_(probe) {}

    void measure(qint64 elapsedMs)
    {
        MemoryAttribution attribution =
            attributeWithGui(measure_memory_attribution(), guiMemory().snapshot());
        probe_->busy_.store(false);
        emit probe_->measured(attribution, elapsedMs);
    }

private:
    AttributionProbe* probe_;
};

AttributionProbe::AttributionProbe(QObject* parent) : QObject(parent), worker_(new Worker(this))
{
    qRegisterMetaType<codescout::MemoryAttribution>();
    thread_.setObjectName(QStringLiteral("codescout-attribution"));
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    thread_.start(QThread::LowPriority);
}

AttributionProbe::~AttributionProbe()
{
    thread_.quit();
    thread_.wait();
}

bool AttributionProbe::request(qint64 elapsedMs)
{
    if (busy_.exchange(true))
        return false;
    QMetaObject::invokeMethod(worker_, [this, elapsedMs] { worker_->measure(elapsedMs); },
                              Qt::QueuedConnection);
    return true;
}

}  // namespace codescout::gui
