// RecentFolders: menu building and persistence.
#include "gui/window/recent_folders.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>

#include "gui/settings/app_settings.h"

namespace codescout::gui {

RecentFolders::RecentFolders(QMenu* menu, QAction* clearAction, AppSettings& settings,
                             QObject* parent)
    : QObject(parent), menu_(menu), clearAction_(clearAction), settings_(settings)
{
    connect(clearAction_, &QAction::triggered, this, [this] {
        settings_.setValue(Setting::RecentFolders, QStringList());
        rebuild();
    });
    rebuild();
}

QStringList RecentFolders::folders() const
{
    return settings_.value(Setting::RecentFolders).toStringList();
}

void RecentFolders::add(const QString& folder)
{
    settings_.pushRecent(Setting::RecentFolders, folder, AppSettings::kMaxRecentFolders);
    rebuild();
}

void RecentFolders::rebuild()
{
    menu_->clear();
    const QStringList list = folders();
    int number = 1;
    for (const QString& folder : list) {
        // Alt+1..9 style accelerators on the first nine entries.
        QString shown = QDir::toNativeSeparators(folder);
        shown.replace(QLatin1Char('&'), QLatin1String("&&"));  // not an accelerator
        const QString label = number <= 9 ? QStringLiteral("&%1  %2").arg(number).arg(shown) : shown;
        QAction* action = menu_->addAction(label);
        action->setEnabled(QFileInfo(folder).isDir());
        if (number <= 9)
            action->setShortcut(QKeySequence(QStringLiteral("Ctrl+Alt+%1").arg(number)));
        connect(action, &QAction::triggered, this, [this, folder] { emit folderChosen(folder); });
        ++number;
    }
    if (!list.isEmpty())
        menu_->addSeparator();
    menu_->addAction(clearAction_);
    clearAction_->setEnabled(!list.isEmpty());
    menu_->setEnabled(true);
}

}  // namespace codescout::gui
