// MultilinePattern: the toggle, the editor and the hand-over of the text between the one-line
// field and the editor (see multiline_pattern.h).
#include "gui/window/multiline_pattern.h"

#include <QComboBox>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QToolButton>

namespace codescout::gui {

namespace {

constexpr int kEditorLines = 4;  // high enough to see a few lines, low enough to leave the results room

}  // namespace

MultilinePatternEdit::MultilinePatternEdit(QWidget* parent) : QPlainTextEdit(parent)
{
    setTabChangesFocus(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setFixedHeight(sizeHint().height());
}

QSize MultilinePatternEdit::sizeHint() const
{
    const int lines = fontMetrics().lineSpacing() * kEditorLines;
    const int frame = 2 * (frameWidth() + static_cast<int>(document()->documentMargin()));
    return {QPlainTextEdit::sizeHint().width(), lines + frame};
}

void MultilinePatternEdit::keyPressEvent(QKeyEvent* event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && (event->modifiers() & Qt::ControlModifier)) {
        emit searchRequested();
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

MultilinePattern::MultilinePattern(QHBoxLayout* row, QComboBox* field, QToolButton* after, QWidget* parent)
    : QObject(parent), field_(field), toggle_(new QToolButton(parent)), editor_(new MultilinePatternEdit(parent))
{
    toggle_->setObjectName(QStringLiteral("multilineButton"));
    toggle_->setCheckable(true);
    toggle_->setAutoRaise(after->autoRaise());
    toggle_->setText(QStringLiteral("\u21B5"));  // ↵, like the other toggles' symbols
    toggle_->setShortcut(QKeySequence(Qt::ALT | Qt::Key_J));
    toggle_->setToolTip(tr("Multi-line (Alt+J): matches may span lines; the pattern field takes several "
                           "lines, Enter inserts a line break and Ctrl+Enter searches"));
    toggle_->setAccessibleName(tr("Multi-line"));
    editor_->setObjectName(QStringLiteral("multilinePatternEdit"));
    editor_->setPlaceholderText(tr("Search (Ctrl+Enter searches)"));
    editor_->setAccessibleName(tr("Multi-line search pattern"));
    editor_->hide();
    row->insertWidget(row->indexOf(after) + 1, toggle_);
    row->insertWidget(row->indexOf(field) + 1, editor_, 1);
    connect(toggle_, &QToolButton::toggled, this, &MultilinePattern::apply);
    connect(editor_, &MultilinePatternEdit::searchRequested, this, &MultilinePattern::searchRequested);
}

bool MultilinePattern::isOn() const
{
    return toggle_->isChecked();
}

void MultilinePattern::setOn(bool on)
{
    toggle_->setChecked(on);
}

QString MultilinePattern::pattern() const
{
    return isOn() ? editor_->toPlainText() : field_->currentText();
}

void MultilinePattern::setPattern(const QString& pattern)
{
    editor_->setPlainText(pattern);
    // The one-line field cannot show line breaks; it keeps the first line.
    field_->setEditText(pattern.section(QLatin1Char('\n'), 0, 0));
}

void MultilinePattern::focus()
{
    if (isOn()) {
        editor_->setFocus(Qt::ShortcutFocusReason);
        editor_->selectAll();
    } else {
        field_->setFocus(Qt::ShortcutFocusReason);
        field_->lineEdit()->selectAll();
    }
}

QString MultilinePattern::moreLinesNote(int more)
{
    return tr("+%Ln lines", nullptr, more);
}

void MultilinePattern::apply(bool on)
{
    // The text moves with the switch, so that toggling never loses what was typed.
    if (on) {
        if (editor_->toPlainText().section(QLatin1Char('\n'), 0, 0) != field_->currentText())
            editor_->setPlainText(field_->currentText());
    } else {
        field_->setEditText(editor_->toPlainText().section(QLatin1Char('\n'), 0, 0));
    }
    field_->setVisible(!on);
    editor_->setVisible(on);
    if (field_->hasFocus() || editor_->hasFocus() || toggle_->hasFocus())
        focus();
}

}  // namespace codescout::gui
