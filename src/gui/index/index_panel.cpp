// IndexPanel: two labels, refreshed by a timer and by the end of each search.
#include "gui/index/index_panel.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>
#include <vector>

#include <sys/mman.h>
#include <unistd.h>

#include "core/index/indexed_search.h"
#include "core/metrics/engine_memory.h"
#include "core/search/search_result.h"
#include "gui/index/index_manager.h"
#include "gui/memory/byte_format.h"

namespace codescout::gui {

IndexPanel::IndexPanel(IndexManager* manager, QWidget* parent)
    : QWidget(parent), manager_(manager), mapping_(new QLabel(this)), search_(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mapping_);
    layout->addWidget(search_);
    mapping_->setAccessibleName(tr("Search index memory"));
    search_->setAccessibleName(tr("Search index counters"));
    mapping_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    search_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    search_->setText(tr("Index: no indexed search yet."));
    timer_.setInterval(1000);
    connect(&timer_, &QTimer::timeout, this, &IndexPanel::refreshMapping);
    connect(manager_, &IndexManager::stateChanged, this, &IndexPanel::refreshMapping);
    refreshMapping();
}

IndexPanel::Mapping IndexPanel::measureMappings()
{
    Mapping out;
    const EngineMemorySnapshot snapshot = engine_memory().snapshot();
    out.mapped = snapshot.index_mapped_bytes;
    const auto page = static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
    std::vector<unsigned char> pages;
    for (const auto& [start, end] : snapshot.index_mappings) {
        // The reader may unmap between the snapshot and here; mincore then fails (ENOMEM) and
        // the range counts as not resident, which it no longer is.
        pages.assign((end - start + page - 1) / page, 0);
        if (::mincore(reinterpret_cast<void*>(start), end - start, pages.data()) != 0)
            continue;
        for (const unsigned char p : pages)
            out.resident += (p & 1) ? page : 0;
    }
    out.resident = std::min(out.resident, out.mapped);
    return out;
}

void IndexPanel::refreshMapping()
{
    const Mapping m = measureMappings();
    if (m.mapped == 0)
        mapping_->setText(tr("Search index: not mapped."));
    else
        mapping_->setText(tr("Search index: %1 mapped, %2 resident.").arg(formatBytes(m.mapped), formatBytes(m.resident)));
}

void IndexPanel::recordSearch(const IndexUse* use, const SearchSummary& summary)
{
    const QLocale locale;
    if (use == nullptr || !use->gate) {
        search_->setText(tr("Last search: scanned without the index (%1 read).").arg(formatBytes(summary.bytes_read)));
    } else {
        const IndexGateCounters c = use->gate->counters();
        search_->setText(tr("Last search: %1 candidate files of %2 in the tree, %3 skipped unopened, %4 verified.")
                             .arg(locale.toString(static_cast<qulonglong>(c.walked - c.skipped)),
                                  locale.toString(static_cast<qulonglong>(c.walked)),
                                  locale.toString(static_cast<qulonglong>(c.skipped)),
                                  formatBytes(summary.bytes_read)));
    }
    refreshMapping();
}

QString IndexPanel::mappingText() const
{
    return mapping_->text();
}

QString IndexPanel::searchText() const
{
    return search_->text();
}

void IndexPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    timer_.start();
}

void IndexPanel::hideEvent(QHideEvent* event)
{
    timer_.stop();
    QWidget::hideEvent(event);
}

}  // namespace codescout::gui
