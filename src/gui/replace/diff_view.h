// The whole-file diff of a Replace for one file (the edit layer's unified diff, the same text as
// `codescout-cli -r X --dry-run`), highlighted with KSyntaxHighlighting's "Diff" definition in
// the palette's theme. Shown in place of the preview while Replace's Diff button is on.
#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace KSyntaxHighlighting {
class SyntaxHighlighter;
}

namespace codescout::gui {

class DiffView : public QWidget {
    Q_OBJECT
public:
    explicit DiffView(QWidget* parent = nullptr);

    // `title`: the file; `note`: why there is no diff (skipped, nothing chosen), or empty.
    void showDiff(const QString& title, const QString& diff, const QString& note);
    QString diffText() const;
    QString note() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyTheme();

    QLabel* title_;
    QLabel* note_;
    QPlainTextEdit* text_;
    KSyntaxHighlighting::SyntaxHighlighter* highlighter_;
};

}  // namespace codescout::gui
