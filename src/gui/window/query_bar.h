// The query bar (forms/querybar.ui): pattern with history, regex/case/word toggles, include,
// exclude and extension filters, context lines, walk options, and the inline pattern error.
#pragma once

#include <QWidget>

#include <memory>

#include "gui/search/query.h"

namespace Ui {
class QueryBar;
}

namespace codescout::gui {

class TypeFilterEdit;
class MultilinePattern;

class QueryBar : public QWidget {
    Q_OBJECT
public:
    explicit QueryBar(QWidget* parent = nullptr);
    ~QueryBar() override;

    Query query() const;
    void setQuery(const Query& query);
    void setPattern(const QString& pattern);

    QStringList history() const;
    void setHistory(const QStringList& patterns);  // most recent first

    // Shows `message` under the pattern field (empty hides it).
    void showError(const QString& message);
    QString errorText() const;  // empty when no error is shown
    void setRunning(bool running);
    void focusPattern();

signals:
    void searchRequested();
    void cancelRequested();
    // The user edited the pattern (typing, pasting, clearing; not setPattern()) or clicked one of
    // the toggles of its reading (regex, case, whole word).
    void patternEdited();

private:
    std::unique_ptr<Ui::QueryBar> m_ui;
    TypeFilterEdit* typeEdit_;  // beside the globs (not in the form: added in the constructor)
    MultilinePattern* multiline_ = nullptr;  // the Multi-line toggle and editor (multiline_pattern.h)
};

}  // namespace codescout::gui
