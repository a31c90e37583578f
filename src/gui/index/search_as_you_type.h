// Search as you type (issue 12): each edit of the pattern cancels the search it started before
// and restarts a debounce timer; when the typing pauses for kDebounce, due() asks the window to
// search. Only while `enabled` holds (the folder's index is usable): without an index every
// keystroke would start a full scan of the folder.
#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

namespace codescout::gui {

class SearchAsYouType : public QObject {
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds kDebounce{150};

    // `enabled`: whether to search now; `cancelRunning`: stops the search this object started.
    SearchAsYouType(std::function<bool()> enabled, std::function<void()> cancelRunning, QObject* parent = nullptr);

    void patternEdited();
    void setDebounce(std::chrono::milliseconds interval) { timer_.setInterval(interval); }
    bool isPending() const { return timer_.isActive(); }

signals:
    // The typing paused: search now (the window's startSearch, typed variant).
    void due();

private:
    std::function<bool()> enabled_;
    std::function<void()> cancelRunning_;
    QTimer timer_;
};

}  // namespace codescout::gui
