// Proving that a timer did *not* fire, without sleeping on a guess. Qt fires the due timers of a
// thread in the order of their deadlines (its timer list is kept sorted and activation stops at
// the first timer not yet due), so once a timer started now with a longer interval has fired,
// every timer that was already running with a shorter one has had its turn — and every event
// posted before the call has been delivered on the way.
#pragma once

#include <QSignalSpy>
#include <QTimer>

#include <chrono>

// Runs the event loop until each timer of this thread with an interval of at most `interval`,
// started before the call, has had the chance to fire. False if that did not happen within
// `timeout` (the event loop is stuck).
[[nodiscard]] inline bool waitPastTimers(std::chrono::milliseconds interval,
                                         std::chrono::milliseconds timeout = std::chrono::seconds(30))
{
    QTimer witness;
    witness.setSingleShot(true);
    // Precise, and twice the interval: a coarse timer may be scheduled up to 5% late.
    witness.setTimerType(Qt::PreciseTimer);
    witness.setInterval(2 * interval + std::chrono::milliseconds(1));
    QSignalSpy fired(&witness, &QTimer::timeout);
    witness.start();
    return fired.wait(timeout);
}
