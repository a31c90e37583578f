// Runs codescout-cli (or rg) as a child process for the end-to-end tests: stdin is /dev/null (rg
// would otherwise search a piped stdin), stdout and stderr captured separately.
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

ProcessResult run_program(const QString& program, const QStringList& args, const QString& cwd);
inline ProcessResult run_cli(const QStringList& args, const QString& cwd) { return run_program(cli_path(), args, cwd); }
