// skipReasonText (see the header).
#include "gui/replace/skip_reason_text.h"

#include <QCoreApplication>

namespace codescout::gui {

QString skipReasonText(SkipReason reason)
{
    switch (reason) {
    case SkipReason::ChangedSinceSearch: return QCoreApplication::translate("SkipReason", "changed since the search");
    case SkipReason::ChangedSinceApply: return QCoreApplication::translate("SkipReason", "changed since the replace");
    case SkipReason::OutsideRoots: return QCoreApplication::translate("SkipReason", "outside the searched folder");
    case SkipReason::PathChanged: return QCoreApplication::translate("SkipReason", "path changed (a link appeared)");
    case SkipReason::HardLinked: return QCoreApplication::translate("SkipReason", "hard-linked");
    case SkipReason::ReadOnly: return QCoreApplication::translate("SkipReason", "read-only");
    case SkipReason::Binary: return QCoreApplication::translate("SkipReason", "binary");
    case SkipReason::TooLarge: return QCoreApplication::translate("SkipReason", "too large");
    case SkipReason::NotRegular: return QCoreApplication::translate("SkipReason", "not a regular file");
    case SkipReason::Missing: return QCoreApplication::translate("SkipReason", "missing");
    case SkipReason::InvalidEdits: return QCoreApplication::translate("SkipReason", "matches not found again");
    case SkipReason::WriteFailed: return QCoreApplication::translate("SkipReason", "write failed");
    case SkipReason::MetadataNotKept: return QCoreApplication::translate("SkipReason", "permissions could not be kept");
    case SkipReason::Cancelled: return QCoreApplication::translate("SkipReason", "not written (stopped)");
    case SkipReason::OtherEncoding: return QCoreApplication::translate("SkipReason", "other encoding");
    }
    return QString::fromLatin1(skip_code(reason));
}

}  // namespace codescout::gui
