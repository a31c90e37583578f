// The query bar's multi-line mode (-U in the engine): a "Multi-line" toggle next to the regex,
// case and word toggles, and, while it is on, a pattern editor several lines high in place of the
// one-line pattern field. In that editor Enter inserts a line break and Ctrl+Enter searches. Kept
// apart from QueryBar so the bar only forwards to it: query(), setQuery() and focus go through
// pattern()/setPattern()/isOn().
#pragma once

#include <QObject>
#include <QPlainTextEdit>
#include <QString>

class QComboBox;
class QHBoxLayout;
class QToolButton;

namespace codescout::gui {

// The editor: Ctrl+Enter (or Ctrl+Return) asks for a search, plain Enter is a line break.
class MultilinePatternEdit : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit MultilinePatternEdit(QWidget* parent = nullptr);
    QSize sizeHint() const override;

signals:
    void searchRequested();

protected:
    void keyPressEvent(QKeyEvent* event) override;
};

class MultilinePattern : public QObject {
    Q_OBJECT
public:
    // Puts the toggle after `after` and the editor after `field` in `row`, the editor hidden.
    MultilinePattern(QHBoxLayout* row, QComboBox* field, QToolButton* after, QWidget* parent);

    bool isOn() const;
    void setOn(bool on);
    // The pattern as the search takes it: the editor's text when on, else the field's.
    QString pattern() const;
    void setPattern(const QString& pattern);
    void focus();

    QToolButton* toggle() const { return toggle_; }
    MultilinePatternEdit* editor() const { return editor_; }

    // The note a result line shows when its match runs over `more` further lines.
    static QString moreLinesNote(int more);

signals:
    void searchRequested();

private:
    void apply(bool on);

    QComboBox* field_;
    QToolButton* toggle_;
    MultilinePatternEdit* editor_;
};

}  // namespace codescout::gui
