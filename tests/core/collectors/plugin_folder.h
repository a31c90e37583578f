// Test helpers for collector plugins: a temporary plugin folder to copy built plugins (or write
// garbage) into, and an environment variable set for one scope (the real plugins read their
// /proc and cgroup roots from the environment when loaded).
#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <filesystem>
#include <optional>

class PluginFolder {
public:
    PluginFolder();
    bool isValid() const { return dir_.isValid(); }
    std::filesystem::path path() const;

    // Copies the plugin at `built` into the folder as `name`; returns the copy's path.
    std::filesystem::path copy(const QString& built, const QString& name);
    // Writes `bytes` into the folder as `name` (creating subfolders); returns its path.
    std::filesystem::path write(const QString& name, const QByteArray& bytes);

private:
    QTemporaryDir dir_;
};

// Sets (or, with nullopt, unsets) an environment variable until the end of the scope.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const std::optional<QByteArray>& value);
    ~ScopedEnv();
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* name_;
    std::optional<QByteArray> old_;
};

// A built test plugin (tests/core/collectors/plugins) by target name.
QString test_plugin(const char* name);
