// Temporary trees for tests (see test_tree.h).
#include "test_tree.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <sys/stat.h>

TestTree::TestTree() : dir_(QDir::tempPath() + QStringLiteral("/codescout-test-XXXXXX")) {}

std::string TestTree::root() const { return dir_.path().toStdString(); }

std::string TestTree::path(const QString& relative) const { return dir_.filePath(relative).toStdString(); }

std::string TestTree::write(const QString& relative, const QByteArray& content) {
    const QString full = dir_.filePath(relative);
    QDir().mkpath(QFileInfo(full).absolutePath());
    QFile f(full);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(content) != content.size()) {
        qFatal("TestTree: cannot write %s", qPrintable(full));
    }
    return full.toStdString();
}

std::string TestTree::mkdir(const QString& relative) {
    const QString full = dir_.filePath(relative);
    QDir().mkpath(full);
    return full.toStdString();
}

std::string TestTree::symlink(const QString& target, const QString& linkRelative) {
    const QString full = dir_.filePath(linkRelative);
    QDir().mkpath(QFileInfo(full).absolutePath());
    if (!QFile::link(target, full)) qFatal("TestTree: cannot link %s", qPrintable(full));
    return full.toStdString();
}

std::string TestTree::fifo(const QString& relative) {
    const QString full = dir_.filePath(relative);
    QDir().mkpath(QFileInfo(full).absolutePath());
    if (::mkfifo(QFile::encodeName(full).constData(), 0644) != 0) qFatal("TestTree: mkfifo failed");
    return full.toStdString();
}

int TestTree::run(const QString& program, const QStringList& args, QByteArray* out) const {
    QProcess p;
    p.setWorkingDirectory(dir_.path());
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(program, args);
    if (!p.waitForStarted(10000)) return -1;
    p.closeWriteChannel();
    p.waitForFinished(120000);
    if (out) *out = p.readAllStandardOutput();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}
