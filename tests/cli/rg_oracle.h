// What the tests that hold codescout-cli against ripgrep share: where rg is, and where two outputs
// first differ (for failure messages). Random cases use lcg.h.
#pragma once

#include <QByteArray>
#include <QString>

// rg on the PATH; empty when it is not installed (the tests then skip).
QString rg_path();

// Where two outputs first differ, with a little context.
QString first_difference(const QByteArray& ours, const QByteArray& theirs);
