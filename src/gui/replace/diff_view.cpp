// DiffView (see the header).
#include "gui/replace/diff_view.h"

#include <KSyntaxHighlighting/Theme>

#include <QButtonGroup>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "gui/preview/syntax_repository.h"
#include "gui/replace/diff_editor.h"
#include "gui/replace/side_by_side.h"
#include "gui/replace/side_by_side_view.h"
#include "gui/settings/app_settings.h"

namespace codescout::gui {

namespace {

const QLatin1String kSideBySideValue("side-by-side");
const QLatin1String kUnifiedValue("unified");

}  // namespace

DiffView::DiffView(QWidget* parent)
    : QWidget(parent), title_(new QLabel(this)), note_(new QLabel(this)), unifiedButton_(new QToolButton(this)),
      sideBySideButton_(new QToolButton(this)), stack_(new QStackedWidget(this)),
      unified_(new DiffEditor(DiffEditor::Side::Unified, stack_)), sideBySide_(new SideBySideView(stack_)),
      lines_(std::make_shared<const std::vector<DiffLine>>())
{
    title_->setTextFormat(Qt::PlainText);
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    note_->setTextFormat(Qt::PlainText);
    note_->setWordWrap(true);
    note_->setVisible(false);
    unified_->setAccessibleName(tr("Replace diff"));
    unifiedButton_->setText(tr("Unified"));
    unifiedButton_->setToolTip(tr("Show the diff as one column: removed lines (-) above the lines that replace them (+)"));
    sideBySideButton_->setText(tr("Side by side"));
    sideBySideButton_->setToolTip(tr("Show the old file on the left and the new file on the right, line beside line"));
    auto* group = new QButtonGroup(this);
    for (QToolButton* button : {unifiedButton_, sideBySideButton_}) {
        button->setCheckable(true);
        button->setAutoRaise(true);
        group->addButton(button);
    }
    stack_->addWidget(unified_);
    stack_->addWidget(sideBySide_);

    auto* header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->addWidget(title_, 1);
    header->addWidget(unifiedButton_);
    header->addWidget(sideBySideButton_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(header);
    layout->addWidget(note_);
    layout->addWidget(stack_, 1);

    const bool sideBySide = AppSettings().value(Setting::DiffLayout).toString() == kSideBySideValue;
    layout_ = sideBySide ? Layout::SideBySide : Layout::Unified;
    (sideBySide ? sideBySideButton_ : unifiedButton_)->setChecked(true);
    stack_->setCurrentWidget(sideBySide ? static_cast<QWidget*>(sideBySide_) : unified_);
    connect(unifiedButton_, &QToolButton::toggled, this, [this](bool on) {
        if (on)
            setDiffLayout(Layout::Unified);
    });
    connect(sideBySideButton_, &QToolButton::toggled, this, [this](bool on) {
        if (on)
            setDiffLayout(Layout::SideBySide);
    });
    applyTheme();
}

void DiffView::showDiff(const QString& title, const QString& diff, const QString& note,
                        const KSyntaxHighlighting::Definition& definition)
{
    fileTitle_ = title;
    note_->setText(note);
    note_->setVisible(!note.isEmpty());
    diff_ = diff;
    definition_ = diff.size() <= kMaxHighlightedSize ? definition : KSyntaxHighlighting::Definition();
    lines_ = std::make_shared<const std::vector<DiffLine>>(parseUnifiedDiff(diff));
    ++generation_;
    showTitle();
    buildShownLayout();
}

QString DiffView::note() const { return note_->isVisibleTo(this) ? note_->text() : QString(); }

QString DiffView::definitionName() const { return definition_.isValid() ? definition_.name() : QString(); }

void DiffView::showTitle()
{
    const QString syntax = definitionName();
    title_->setText(syntax.isEmpty() || fileTitle_.isEmpty() ? fileTitle_ : tr("%1  (%2)").arg(fileTitle_, syntax));
}

void DiffView::setDiffLayout(Layout layout)
{
    if (layout == layout_)
        return;
    layout_ = layout;
    const bool sideBySide = layout == Layout::SideBySide;
    // When called directly; the button's own toggled() then finds the layout already set.
    (sideBySide ? sideBySideButton_ : unifiedButton_)->setChecked(true);
    AppSettings().setValue(Setting::DiffLayout, sideBySide ? kSideBySideValue : kUnifiedValue);
    buildShownLayout();
    stack_->setCurrentWidget(sideBySide ? static_cast<QWidget*>(sideBySide_) : unified_);
}

DiffStyle DiffView::style() const
{
    const KSyntaxHighlighting::Theme theme = themeForPalette(palette());
    return {definition_, theme, DiffColors::forTheme(theme, palette())};
}

void DiffView::buildShownLayout()
{
    if (layout_ == Layout::Unified && unifiedBuilt_ != generation_) {
        unified_->showLines(lines_, style());
        unifiedBuilt_ = generation_;
    } else if (layout_ == Layout::SideBySide && sideBySideBuilt_ != generation_) {
        sideBySide_->showRows(alignSideBySide(*lines_), style());
        sideBySideBuilt_ = generation_;
    }
}

void DiffView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QWidget::changeEvent(event);
}

void DiffView::applyTheme()
{
    using KSyntaxHighlighting::Theme;
    const Theme theme = themeForPalette(palette());
    for (DiffEditor* editor : {unified_, sideBySide_->left(), sideBySide_->right()})
        editor->setGutterColors(QColor::fromRgba(theme.editorColor(Theme::IconBorder)),
                                QColor::fromRgba(theme.editorColor(Theme::LineNumbers)),
                                QColor::fromRgba(theme.editorColor(Theme::CurrentLineNumber)));
    // A new palette restyles the layout shown now (keeping its scroll position); the other one is
    // rebuilt when it is chosen.
    const DiffStyle restyled = style();
    ++generation_;
    if (layout_ == Layout::Unified) {
        unified_->restyle(restyled);
        unifiedBuilt_ = generation_;
    } else {
        sideBySide_->restyle(restyled);
        sideBySideBuilt_ = generation_;
    }
}

}  // namespace codescout::gui
