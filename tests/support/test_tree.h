// A temporary directory tree for tests: write files (text or bytes), make directories, links and
// FIFOs, and get absolute paths back. Removed when the object goes away.
#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <string>

class TestTree {
public:
    TestTree();
    bool isValid() const { return dir_.isValid(); }

    // Root path as a std::string (what the engine takes).
    std::string root() const;
    // Absolute path of `relative` inside the tree.
    std::string path(const QString& relative) const;

    // Creates parent directories as needed; returns the absolute path.
    std::string write(const QString& relative, const QByteArray& content);
    std::string mkdir(const QString& relative);
    std::string symlink(const QString& target, const QString& linkRelative);
    std::string fifo(const QString& relative);

    // Runs a program with arguments in the tree's root; returns its exit code (-1 if it could not
    // start). Output is captured into `out` when given.
    int run(const QString& program, const QStringList& args, QByteArray* out = nullptr) const;

private:
    QTemporaryDir dir_;
};
