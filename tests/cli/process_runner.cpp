// Child processes for the end-to-end tests (see process_runner.h).
#include "process_runner.h"

#include <QProcess>
#include <QProcessEnvironment>

#ifndef CODESCOUT_CLI_PATH
#error "CODESCOUT_CLI_PATH must name the codescout-cli binary"
#endif

QString cli_path() { return QStringLiteral(CODESCOUT_CLI_PATH); }

QString ProcessResult::describe() const {
    return QStringLiteral("exit %1, stderr: %2").arg(exit_code).arg(QString::fromUtf8(err.left(2000)));
}

ProcessResult run_program(const QString& program, const QStringList& args, const QString& cwd,
                          const StdinSource& stdin_source) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("RIPGREP_CONFIG_PATH"));  // a user's rg config would change its output
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(cwd);
    if (!stdin_source.use_pipe) {
        p.setStandardInputFile(stdin_source.file.isEmpty() ? QProcess::nullDevice() : stdin_source.file);
    }
    p.start(program, args);
    ProcessResult r;
    if (!p.waitForStarted(30000)) return r;
    if (stdin_source.use_pipe) {
        p.write(stdin_source.pipe_data);
        p.closeWriteChannel();
    }
    // Generous: this is about hangs, not speed (a slow 2-core machine under an -O1 build).
    if (!p.waitForFinished(600000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    r.exit_code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return r;
}
