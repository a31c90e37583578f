// Runs a Walker and collects what it produced, for the walk tests: visited paths (sorted, bytes
// escaped so non-UTF-8 names compare exactly), entries, errors and counters.
#pragma once

#include <QString>
#include <QStringList>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <string>
#include <vector>

#include "core/walk/walker.h"

// Bytes as a QString that is lossless: printable ASCII as is, everything else as \xNN.
inline QString escapedBytes(const std::string& s) {
    QString out;
    for (unsigned char c : s) {
        if (c >= 0x20 && c < 0x7f && c != '\\') out += QLatin1Char(static_cast<char>(c));
        else out += QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0'));
    }
    return out;
}

struct WalkOutcome {
    QStringList paths;  // display paths, or relative to `strip` when given
    std::vector<codescout::WalkEntry> entries;
    QStringList errors;    // "path: message"
    QStringList warnings;  // the subset of errors flagged as warnings (PathError::warning)
    codescout::WalkCounters counters;
};

inline WalkOutcome walkTree(codescout::WalkOptions options, unsigned threads = 2, const std::string& strip = {}) {
    WalkOutcome out;
    std::mutex mutex;
    std::atomic<bool> cancelled{false};
    codescout::Walker walker(std::move(options), threads);
    walker.run(
        [&](const codescout::WalkEntry& e) {
            std::lock_guard lock(mutex);
            out.entries.push_back(e);
            std::string p = e.path;
            if (!strip.empty() && p.starts_with(strip)) p = p.substr(strip.size());
            out.paths << escapedBytes(p);
            return true;
        },
        [&](const codescout::PathError& err) {
            std::lock_guard lock(mutex);
            out.errors << escapedBytes(err.path + ": " + err.message);
            if (err.warning) out.warnings << out.errors.back();
        },
        cancelled);
    out.paths.sort();
    out.counters = walker.counters();
    return out;
}
