// The collector plugins' part of --metrics-format prometheus: loads the plugins (only when that
// output is asked for, so a plain search never runs plugin code), samples them once after the
// search, and returns their exposition. Problems with plugins are warnings on standard error
// ("codescout-cli: warning: collector FILE: ...") that leave the exit status alone: a broken
// plugin must not turn a successful search into a failed one.
#pragma once

#include <chrono>
#include <string>

#include "cli/error_reporter.h"

namespace codescout::cli {

// Generous, because the CLI samples once and a busy machine may be slow to schedule the
// collectors' threads; still bounded, so a hung plugin delays the exit by at most this.
inline constexpr std::chrono::milliseconds kCliCollectorTimeBox{1000};

// Prometheus text for every collector found on the default search path (possibly empty).
std::string collector_prometheus(ErrorReporter& errors);

}  // namespace codescout::cli
