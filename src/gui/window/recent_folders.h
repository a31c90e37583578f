// The File ▸ Recent Folders menu: most recent first, persisted in the settings, with a Clear
// entry; folders that no longer exist are shown disabled rather than silently dropped.
#pragma once

#include <QObject>

class QAction;
class QMenu;

namespace codescout::gui {

class AppSettings;

class RecentFolders : public QObject {
    Q_OBJECT
public:
    RecentFolders(QMenu* menu, QAction* clearAction, AppSettings& settings,
                  QObject* parent = nullptr);

    void add(const QString& folder);
    QStringList folders() const;

signals:
    void folderChosen(const QString& folder);

private:
    void rebuild();

    QMenu* menu_;
    QAction* clearAction_;
    AppSettings& settings_;
};

}  // namespace codescout::gui
