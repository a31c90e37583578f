// The query bar's file-type field: a line edit for "cpp, rust, !js" whose completer lists
// ripgrep's type names (substring search, each with its globs) for the word being typed, and
// whose tooltip shows the globs of the types entered. The text's meaning is TypeFilter's.
#pragma once

#include <QLineEdit>

namespace codescout::gui {

class TypeFilterEdit : public QLineEdit {
    Q_OBJECT
public:
    explicit TypeFilterEdit(QWidget* parent = nullptr);

private:
    void updateToolTip();
};

}  // namespace codescout::gui
