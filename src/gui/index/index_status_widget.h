// The index indicator in the status bar: "Index: ready / building n% / stale / off / not
// indexed", a progress bar while building and a button to cancel the build; the tooltip says
// why (a note from the IndexManager).
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace codescout::gui {

class IndexManager;

class IndexStatusWidget : public QWidget {
    Q_OBJECT
public:
    explicit IndexStatusWidget(IndexManager* manager, QWidget* parent = nullptr);

    QString text() const;     // for tests
    QString details() const;  // the label's tooltip, for tests

private:
    void update();

    IndexManager* manager_;
    QLabel* label_;
    QProgressBar* progress_;
    QToolButton* cancel_;
};

}  // namespace codescout::gui
