// composeInline (see inline_preview.h).
#include "gui/replace/inline_preview.h"

#include <algorithm>

namespace codescout::gui {

int InlinePreview::matchAt(qsizetype position) const
{
    for (const InlinePiece& piece : pieces) {
        if (position >= piece.start && position < piece.start + piece.length)
            return piece.match;
    }
    return -1;
}

InlinePreview composeInline(const QString& text, const QList<int>& spans, const QStringList& replacements,
                            const QList<bool>& chosen)
{
    InlinePreview out;
    qsizetype copied = 0;
    for (qsizetype i = 0; i + 1 < spans.size(); i += 2) {
        const int match = static_cast<int>(i / 2);
        const qsizetype begin = std::clamp<qsizetype>(spans[i], copied, text.size());
        const qsizetype end = std::clamp<qsizetype>(spans[i + 1], begin, text.size());
        out.text += QStringView(text).mid(copied, begin - copied);
        const bool isChosen = match < chosen.size() ? chosen[match] : true;
        const InlinePiece::Kind oldKind = isChosen ? InlinePiece::Kind::Old : InlinePiece::Kind::Unchosen;
        out.pieces.append({oldKind, out.text.size(), end - begin, match});
        out.text += QStringView(text).mid(begin, end - begin);
        if (isChosen && match < replacements.size()) {
            out.pieces.append({InlinePiece::Kind::New, out.text.size(), replacements[match].size(), match});
            out.text += replacements[match];
        }
        copied = end;
    }
    out.text += QStringView(text).mid(copied);
    return out;
}

}  // namespace codescout::gui
