// Temporary plugin folders and scoped environment variables for the collector tests.
#include "plugin_folder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

PluginFolder::PluginFolder() = default;

std::filesystem::path PluginFolder::path() const { return dir_.path().toStdString(); }

std::filesystem::path PluginFolder::copy(const QString& built, const QString& name) {
    const QString target = dir_.filePath(name);
    QFile::remove(target);
    if (!QFile::copy(built, target)) qFatal("cannot copy %s to %s", qPrintable(built), qPrintable(target));
    return target.toStdString();
}

std::filesystem::path PluginFolder::write(const QString& name, const QByteArray& bytes) {
    const QString target = dir_.filePath(name);
    QDir().mkpath(QFileInfo(target).path());
    QFile file(target);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) qFatal("cannot write %s", qPrintable(target));
    return target.toStdString();
}

ScopedEnv::ScopedEnv(const char* name, const std::optional<QByteArray>& value) : name_(name) {
    if (qEnvironmentVariableIsSet(name)) old_ = qgetenv(name);
    if (value) {
        qputenv(name, *value);
    } else {
        qunsetenv(name);
    }
}

ScopedEnv::~ScopedEnv() {
    if (old_) {
        qputenv(name_, *old_);
    } else {
        qunsetenv(name_);
    }
}

QString test_plugin(const char* name) {
#ifdef TEST_PLUGIN_DIR
    return QStringLiteral(TEST_PLUGIN_DIR "/%1.so").arg(QLatin1StringView(name));
#else
    Q_UNUSED(name);
    qFatal("TEST_PLUGIN_DIR is not defined for this test");
#endif
}
