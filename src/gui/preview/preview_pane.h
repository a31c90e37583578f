// The preview: a title line (file, syntax), a notice line (binary, truncated, unreadable) and the
// PreviewEditor. Files are loaded off the GUI thread; a newer request wins over an older one.
#pragma once

#include <QList>
#include <QPointer>
#include <QWidget>

#include <memory>

#include "gui/memory/gui_memory.h"
#include "gui/preview/file_loader.h"
#include "gui/preview/preview_editor.h"

class QLabel;

namespace KSyntaxHighlighting {
class SyntaxHighlighter;
}

namespace codescout::gui {

class PreviewEditor;

class PreviewPane : public QWidget {
    Q_OBJECT
public:
    // Files above this size are shown without syntax highlighting (it runs on the GUI thread).
    static constexpr qint64 kMaxHighlightedBytes = 1024 * 1024;

    explicit PreviewPane(QWidget* parent = nullptr);
    ~PreviewPane() override;

    // Shows `path` at 1-based `line` with the given match spans (see PreviewEditor::showLine).
    // `span`: a multi-line match's extent past `line` (PreviewEditor::showLine).
    void showMatch(const QString& path, int line, quint64 column, const QList<int>& spans,
                   const MatchExtent& span = {});
    void clear();

    QString currentPath() const { return path_; }
    QString definitionName() const;  // the syntax in use, empty if none
    QString notice() const;
    PreviewEditor* editor() const { return editor_; }

signals:
    // The file is loaded and the requested line shown (or a notice says why not).
    void shown(const QString& path, int line);

protected:
    void changeEvent(QEvent* event) override;

private:
    void onLoaded(const LoadedFile& file);
    void applyTheme();
    void resetHighlighter();
    void showPending();
    void setNotice(const QString& text);
    void reportMemory();

    QLabel* title_;
    QLabel* notice_;
    PreviewEditor* editor_;
    KSyntaxHighlighting::SyntaxHighlighter* highlighter_ = nullptr;
    QString path_;         // the file in the editor
    QString loadingPath_;  // the file being loaded, if any
    quint64 loadId_ = 0;
    GuiBytes memory_{GuiComponent::Preview};
    struct PendingLine {
        int line = 0;
        quint64 column = 0;
        QList<int> spans;
        MatchExtent extent;
    } pending_;
};

}  // namespace codescout::gui
