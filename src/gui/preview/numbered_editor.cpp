// NumberedEditor: the gutter's size and painting.
#include "gui/preview/numbered_editor.h"

#include <QFontDatabase>
#include <QPainter>
#include <QTextBlock>

#include <algorithm>

namespace codescout::gui {

namespace {

// The gutter widget only forwards painting to its editor.
class Gutter : public QWidget {
public:
    explicit Gutter(NumberedEditor* editor) : QWidget(editor), editor_(editor) {}
    QSize sizeHint() const override { return {editor_->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent* event) override { editor_->paintGutter(event); }

private:
    NumberedEditor* editor_;
};

int digitsOf(int number)
{
    int digits = 1;
    for (int n = std::max(1, number); n >= 10; n /= 10)
        ++digits;
    return digits;
}

}  // namespace

NumberedEditor::NumberedEditor(QWidget* parent) : QPlainTextEdit(parent), gutter_(new Gutter(this))
{
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    gutterBackground_ = palette().color(QPalette::AlternateBase);
    gutterNumber_ = palette().color(QPalette::PlaceholderText);
    gutterCurrentNumber_ = palette().color(QPalette::Text);
    connect(this, &QPlainTextEdit::blockCountChanged, this, [this] { updateGutterWidth(); });
    connect(this, &QPlainTextEdit::updateRequest, this, &NumberedEditor::updateGutter);
    connect(this, &QPlainTextEdit::cursorPositionChanged, gutter_, qOverload<>(&QWidget::update));
    updateGutterWidth();
}

void NumberedEditor::setGutterColors(const QColor& background, const QColor& number, const QColor& currentNumber)
{
    gutterBackground_ = background;
    gutterNumber_ = number;
    gutterCurrentNumber_ = currentNumber;
    gutter_->update();
}

void NumberedEditor::setNumberColumns(std::vector<std::vector<int>> columns)
{
    columns_ = std::move(columns);
    columnDigits_.clear();
    for (const std::vector<int>& column : columns_)
        columnDigits_.push_back(digitsOf(column.empty() ? 1 : *std::max_element(column.begin(), column.end())));
    updateGutterWidth();
    gutter_->update();
}

int NumberedEditor::shownNumber(int column, int block) const
{
    if (columns_.empty())
        return column == 0 && block >= 0 && block < blockCount() ? block + 1 : 0;
    if (column < 0 || static_cast<std::size_t>(column) >= columns_.size())
        return 0;
    const std::vector<int>& numbers = columns_[static_cast<std::size_t>(column)];
    return block >= 0 && static_cast<std::size_t>(block) < numbers.size() ? numbers[static_cast<std::size_t>(block)] : 0;
}

int NumberedEditor::columnCount() const
{
    return columns_.empty() ? 1 : static_cast<int>(columns_.size());
}

int NumberedEditor::columnDigits(int column) const
{
    return columns_.empty() ? digitsOf(blockCount()) : columnDigits_[static_cast<std::size_t>(column)];
}

int NumberedEditor::gutterWidth() const
{
    // One digit's space before each column and after the last.
    int characters = 1;
    for (int c = 0; c < columnCount(); ++c)
        characters += columnDigits(c) + 1;
    return fontMetrics().horizontalAdvance(QLatin1Char('9')) * characters;
}

void NumberedEditor::updateGutterWidth()
{
    setViewportMargins(gutterWidth(), 0, 0, 0);
    const QRect area = contentsRect();
    gutter_->setGeometry(QRect(area.left(), area.top(), gutterWidth(), area.height()));
}

void NumberedEditor::updateGutter(const QRect& rect, int dy)
{
    if (dy != 0)
        gutter_->scroll(0, dy);
    else
        gutter_->update(0, rect.y(), gutter_->width(), rect.height());
}

void NumberedEditor::resizeEvent(QResizeEvent* event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect area = contentsRect();
    gutter_->setGeometry(QRect(area.left(), area.top(), gutterWidth(), area.height()));
}

void NumberedEditor::paintGutter(QPaintEvent* event)
{
    QPainter painter(gutter_);
    painter.fillRect(event->rect(), gutterBackground_);
    const int current = textCursor().blockNumber();
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    const int lineHeight = fontMetrics().height();
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('9'));
    while (block.isValid() && top <= event->rect().bottom()) {
        const int bottom = top + qRound(blockBoundingRect(block).height());
        if (block.isVisible() && bottom >= event->rect().top()) {
            painter.setPen(block.blockNumber() == current ? gutterCurrentNumber_ : gutterNumber_);
            int left = 0;
            for (int c = 0; c < columnCount(); ++c) {
                const int width = (columnDigits(c) + 1) * digit;
                const int number = shownNumber(c, block.blockNumber());
                if (number > 0)
                    painter.drawText(left, top, width, lineHeight, Qt::AlignRight, QString::number(number));
                left += width;
            }
        }
        block = block.next();
        top = bottom;
    }
}

}  // namespace codescout::gui
