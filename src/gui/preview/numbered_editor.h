// A read-only code view with a line-number gutter painted in the syntax theme's LineNumbers
// colours: the preview's editor and the Replace diff's views share it. By default the gutter shows
// each block's own 1-based number; a diff shows the file's numbers instead — one column per side
// (the side-by-side halves) or two (the unified view's old and new), blank where a line has none.
#pragma once

#include <QColor>
#include <QPlainTextEdit>

#include <vector>

namespace codescout::gui {

class NumberedEditor : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit NumberedEditor(QWidget* parent = nullptr);

    void setGutterColors(const QColor& background, const QColor& number, const QColor& currentNumber);

    // columns[c][block]: the number shown for `block` in column c, 0 for none. Empty: each block's
    // own number. Every column must have one entry per block of the document shown.
    void setNumberColumns(std::vector<std::vector<int>> columns);
    // The number column `column` shows for `block` (0: none), as painted.
    int shownNumber(int column, int block) const;

    int gutterWidth() const;
    void paintGutter(QPaintEvent* event);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    int columnCount() const;
    int columnDigits(int column) const;
    void updateGutterWidth();
    void updateGutter(const QRect& rect, int dy);

    QWidget* gutter_;
    QColor gutterBackground_;
    QColor gutterNumber_;
    QColor gutterCurrentNumber_;
    std::vector<std::vector<int>> columns_;
    std::vector<int> columnDigits_;  // the widest number of each of columns_, in digits
};

}  // namespace codescout::gui
