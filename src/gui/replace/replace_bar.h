// The Replace row under the pattern (Edit ▸ Replace, Ctrl+H, as in Kate and VS Code): the
// replacement with capture references ($1, ${name}, $$), Preserve case, the whole-file Diff
// toggle and the three ways to apply — every checked match, the checked matches of the selected
// result row, or of its file.
#pragma once

#include <QWidget>

class QCheckBox;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace codescout::gui {

class ReplaceBar : public QWidget {
    Q_OBJECT
public:
    explicit ReplaceBar(QWidget* parent = nullptr);

    QString replacement() const;
    void setReplacement(const QString& text);
    bool preserveCase() const;
    void setPreserveCase(bool on);
    bool diffShown() const;
    void focusReplacement();
    // While a replace runs, the buttons are off.
    void setBusy(bool busy);

    QLineEdit* replaceEdit() const { return edit_; }
    QPushButton* replaceAllButton() const { return all_; }
    QPushButton* replaceSelectedButton() const { return selected_; }
    QPushButton* replaceInFileButton() const { return inFile_; }
    QToolButton* diffButton() const { return diff_; }

signals:
    void replacementChanged();  // the text or Preserve case
    void diffToggled(bool on);
    void replaceAllRequested();
    void replaceSelectedRequested();
    void replaceInFileRequested();

private:
    QLineEdit* edit_;
    QCheckBox* preserveCase_;
    QToolButton* diff_;
    QPushButton* all_;
    QPushButton* selected_;
    QPushButton* inFile_;
};

}  // namespace codescout::gui
