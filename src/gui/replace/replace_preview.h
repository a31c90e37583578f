// What the results view shows while Replace is open: a check box on every file and line row
// (ReplaceSelection) and, once a replacement is typed, each chosen match followed by its
// replacement. The replacements come from the engine's Replacer (core/search/replacer.h) —
// the same template expansion and preserve-case rule as the apply — run over the line as the
// results list stored it. The stored line may be cut (long lines, indentation): a capture
// reference that looks outside the match may then preview differently from what the apply
// writes; the whole-file diff (DiffView) is always computed from the file itself.
#pragma once

#include <QObject>
#include <QStringList>

#include <memory>

#include "core/search/search_options.h"
#include "gui/replace/inline_preview.h"

class QModelIndex;

namespace codescout {
class Replacer;
}

namespace codescout::gui {

class ReplaceSelection;
class ResultsModel;

class ReplacePreview : public QObject {
    Q_OBJECT
public:
    ReplacePreview(const ResultsModel& model, ReplaceSelection& selection, QObject* parent = nullptr);
    ~ReplacePreview() override;

    // The search whose results are shown (its patterns name the matches).
    void setSearch(const SearchOptions& search);
    void setReplacement(const QString& text, bool preserveCase);
    void setCheckable(bool on);  // the Replace bar is open

    bool checkable() const { return checkable_; }
    // Check boxes and, with a replacement typed, the inline change.
    bool previewing() const { return checkable_ && !replacement_.isEmpty() && replacer_ != nullptr; }
    QString replacement() const { return replacement_; }
    bool preserveCase() const { return preserveCase_; }
    const SearchOptions& search() const { return search_; }
    ReplaceSelection& selection() const { return selection_; }

    // Check state of a file or line row (Qt::Checked for context rows: nothing to choose).
    Qt::CheckState checkState(const QModelIndex& index) const;
    void toggle(const QModelIndex& index);
    // Toggles match `match` (its index in the line's spans) of a line row.
    void toggleMatch(const QModelIndex& lineIndex, int match);

    // The line row's text (DisplayRole, UTF-16 spans as MatchSpansRole) composed with the
    // replacements; `lead` characters precede the stored text in `text` (an ellipsis).
    InlinePreview inlineFor(const QModelIndex& lineIndex, const QString& text, qsizetype lead) const;
    // The replacement of each stored match of a line row, in order.
    QStringList replacements(const QModelIndex& lineIndex) const;

signals:
    // Repaint: the replacement, the check states or the mode changed.
    void changed();

private:
    void rebuild();

    const ResultsModel& model_;
    ReplaceSelection& selection_;
    SearchOptions search_;
    QString replacement_;
    bool preserveCase_ = false;
    bool checkable_ = false;
    std::unique_ptr<const Replacer> replacer_;
};

}  // namespace codescout::gui
