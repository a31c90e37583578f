// SideBySideView (see the header).
#include "gui/replace/side_by_side_view.h"

#include <QHBoxLayout>
#include <QScrollBar>
#include <QSplitter>

#include <memory>

#include "gui/replace/diff_editor.h"

namespace codescout::gui {

namespace {

// Each bar follows the other. The echo is ignored: the halves' widest lines differ, so a
// horizontal value one half cannot reach is clamped there, and that clamped value must not pull
// the other half back.
void follow(QScrollBar* a, QScrollBar* b)
{
    auto following = std::make_shared<bool>(false);
    const auto forward = [following](QScrollBar* to) {
        return [following, to](int value) {
            if (*following)
                return;
            *following = true;
            to->setValue(value);
            *following = false;
        };
    };
    QObject::connect(a, &QScrollBar::valueChanged, b, forward(b));
    QObject::connect(b, &QScrollBar::valueChanged, a, forward(a));
}

}  // namespace

SideBySideView::SideBySideView(QWidget* parent)
    : QWidget(parent), splitter_(new QSplitter(Qt::Horizontal, this)), left_(new DiffEditor(DiffEditor::Side::Old, splitter_)),
      right_(new DiffEditor(DiffEditor::Side::New, splitter_))
{
    left_->setAccessibleName(tr("Old file"));
    right_->setAccessibleName(tr("New file"));
    left_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    splitter_->setChildrenCollapsible(false);
    splitter_->setStretchFactor(0, 1);
    splitter_->setStretchFactor(1, 1);
    follow(left_->verticalScrollBar(), right_->verticalScrollBar());
    follow(left_->horizontalScrollBar(), right_->horizontalScrollBar());
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter_);
}

void SideBySideView::showRows(SideBySide rows, const DiffStyle& style)
{
    left_->showLines(std::make_shared<const std::vector<DiffLine>>(std::move(rows.left)), style);
    right_->showLines(std::make_shared<const std::vector<DiffLine>>(std::move(rows.right)), style);
}

void SideBySideView::restyle(const DiffStyle& style)
{
    left_->restyle(style);
    right_->restyle(style);
}

}  // namespace codescout::gui
