// The edit layer's skip reasons (core/edit/skip_reason.h) in the user's language: a short label
// per reason; the engine's own sentence (English, with the specifics) goes with it as detail.
#pragma once

#include <QString>

#include "core/edit/skip_reason.h"

namespace codescout::gui {

QString skipReasonText(SkipReason reason);

}  // namespace codescout::gui
