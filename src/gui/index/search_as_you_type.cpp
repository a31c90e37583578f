// SearchAsYouType: a single-shot timer restarted by every edit.
#include "gui/index/search_as_you_type.h"

namespace codescout::gui {

SearchAsYouType::SearchAsYouType(std::function<bool()> enabled, std::function<void()> cancelRunning, QObject* parent)
    : QObject(parent), enabled_(std::move(enabled)), cancelRunning_(std::move(cancelRunning))
{
    timer_.setSingleShot(true);
    timer_.setInterval(kDebounce);
    connect(&timer_, &QTimer::timeout, this, [this] {
        if (enabled_())
            emit due();
    });
}

void SearchAsYouType::patternEdited()
{
    if (!enabled_())
        return;
    cancelRunning_();  // its results are for a pattern no longer typed
    timer_.start();
}

}  // namespace codescout::gui
