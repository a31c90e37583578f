// DiffView (see the header).
#include "gui/replace/diff_view.h"

#include <KSyntaxHighlighting/SyntaxHighlighter>

#include <QEvent>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

#include "gui/preview/syntax_repository.h"

namespace codescout::gui {

DiffView::DiffView(QWidget* parent)
    : QWidget(parent), title_(new QLabel(this)), note_(new QLabel(this)), text_(new QPlainTextEdit(this)),
      highlighter_(new KSyntaxHighlighting::SyntaxHighlighter(text_->document()))
{
    title_->setTextFormat(Qt::PlainText);
    note_->setTextFormat(Qt::PlainText);
    note_->setWordWrap(true);
    note_->setVisible(false);
    text_->setReadOnly(true);
    text_->setLineWrapMode(QPlainTextEdit::NoWrap);
    text_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text_->setAccessibleName(tr("Replace diff"));
    highlighter_->setDefinition(syntaxRepository().definitionForName(QStringLiteral("Diff")));
    applyTheme();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title_);
    layout->addWidget(note_);
    layout->addWidget(text_, 1);
}

void DiffView::showDiff(const QString& title, const QString& diff, const QString& note)
{
    title_->setText(title);
    note_->setText(note);
    note_->setVisible(!note.isEmpty());
    text_->setPlainText(diff);
}

QString DiffView::diffText() const { return text_->toPlainText(); }
QString DiffView::note() const { return note_->isVisibleTo(this) ? note_->text() : QString(); }

void DiffView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QWidget::changeEvent(event);
}

void DiffView::applyTheme()
{
    highlighter_->setTheme(themeForPalette(palette()));
    highlighter_->rehighlight();
}

}  // namespace codescout::gui
