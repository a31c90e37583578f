// The whole-file diff of a Replace for one file (the edit layer's unified diff, the same text as
// `codescout-cli -r X --dry-run`), shown in place of the preview while Replace's Diff button is
// on. Two layouts, chosen with the Unified / Side by side buttons in its header and kept in the
// settings (Setting::DiffLayout):
// - unified: the diff text itself, line for line (copying from it gives a valid patch), with the
//   old and new line numbers in the gutter;
// - side by side: the old file's lines on the left, the new file's on the right, aligned hunk by
//   hunk with filler rows, scrolling together (SideBySideView).
// Both highlight the code in the file's own language (its definition as the preview picks it),
// colour removed and added lines red and green, and mark the characters each changed line changed
// (DiffEditor, DiffHighlighter). The layout not shown is built only when it is chosen.
#pragma once

#include <KSyntaxHighlighting/Definition>

#include <QWidget>

#include <memory>
#include <vector>

#include "gui/replace/diff_highlighter.h"
#include "gui/replace/diff_lines.h"

class QLabel;
class QStackedWidget;
class QToolButton;

namespace codescout::gui {

class DiffEditor;
class SideBySideView;

class DiffView : public QWidget {
    Q_OBJECT
public:
    // Diffs larger than this (UTF-16 units) are shown without language highlighting (it runs on
    // the GUI thread); the line colours and intra-line marks stay.
    static constexpr qsizetype kMaxHighlightedSize = 1024 * 1024;

    enum class Layout { Unified, SideBySide };

    explicit DiffView(QWidget* parent = nullptr);

    // `title`: the file; `note`: why there is no diff (skipped, nothing chosen), or empty;
    // `definition`: the file's syntax (definitionFor()), invalid for none.
    void showDiff(const QString& title, const QString& diff, const QString& note,
                  const KSyntaxHighlighting::Definition& definition = {});
    QString diffText() const { return diff_; }
    QString note() const;
    QString definitionName() const;  // the syntax the code is highlighted in, empty if none

    Layout diffLayout() const { return layout_; }
    void setDiffLayout(Layout layout);  // also remembered in the settings

    QToolButton* unifiedButton() const { return unifiedButton_; }
    QToolButton* sideBySideButton() const { return sideBySideButton_; }
    DiffEditor* unifiedEditor() const { return unified_; }
    SideBySideView* sideBySideView() const { return sideBySide_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyTheme();
    void showTitle();
    void buildShownLayout();
    DiffStyle style() const;

    QLabel* title_;
    QLabel* note_;
    QToolButton* unifiedButton_;
    QToolButton* sideBySideButton_;
    QStackedWidget* stack_;
    DiffEditor* unified_;
    SideBySideView* sideBySide_;
    Layout layout_ = Layout::Unified;
    QString diff_;
    QString fileTitle_;
    std::shared_ptr<const std::vector<DiffLine>> lines_;
    KSyntaxHighlighting::Definition definition_;
    // What each layout shows is current when its stamp equals generation_ (a new diff or theme
    // bumps it); the hidden layout catches up when it is chosen.
    quint64 generation_ = 1;
    quint64 unifiedBuilt_ = 0;
    quint64 sideBySideBuilt_ = 0;
};

}  // namespace codescout::gui
