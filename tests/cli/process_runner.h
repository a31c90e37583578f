// Runs codescout-cli (or rg) as a child process for the end-to-end tests: stdin is /dev/null unless
// said otherwise (rg, and codescout-cli, would otherwise search a piped stdin), stdout and stderr
// captured separately.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

struct ProcessResult {
    int exit_code = -1;  // -1: did not start, crashed or timed out
    QByteArray out;
    QByteArray err;
    QString describe() const;  // for failure messages
};

// The codescout-cli binary under test (from the build, CODESCOUT_CLI_PATH).
QString cli_path();

// Where the child's standard input comes from: /dev/null (the default), a file (a regular file
// on fd 0, as with `< file`), or bytes written into a pipe.
struct StdinSource {
    QString file;
    QByteArray pipe_data;
    bool use_pipe = false;
    static StdinSource from_file(const QString& path) { return {path, {}, false}; }
    static StdinSource from_pipe(const QByteArray& data) { return {{}, data, true}; }
};

ProcessResult run_program(const QString& program, const QStringList& args, const QString& cwd,
                          const StdinSource& stdin_source = {});
inline ProcessResult run_cli(const QStringList& args, const QString& cwd) { return run_program(cli_path(), args, cwd); }
