// The application started where it cannot open a window: no display variable at all, or a
// DISPLAY no X server answers (Qt's xcb plugin then ends the process with qFatal, an abort and
// a core dump). Either way the user gets one line on stderr and exit status 2.
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Outcome {
    QProcess::ExitStatus status;
    int code;
    QString stderrText;
};

Outcome startApp(const QProcessEnvironment& env)
{
    QTemporaryDir home;  // the app must not touch the real settings on the way out
    QProcess app;
    QProcessEnvironment e = env;
    e.insert(QStringLiteral("HOME"), home.path());
    e.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
    app.setProcessEnvironment(e);
    app.start(QStringLiteral(CODESCOUT_GUI_PATH), {home.path()});
    if (!app.waitForFinished(60'000))
        app.kill();
    return {app.exitStatus(), app.exitCode(), QString::fromLocal8Bit(app.readAllStandardError())};
}

// The environment of a desktop without a display: the test's own, less every display variable.
QProcessEnvironment withoutDisplay()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
        env.remove(QLatin1String(name));
    return env;
}

}  // namespace

class TestStartupWithoutDisplay : public QObject {
    Q_OBJECT
private slots:
    void noDisplayVariable()
    {
        const Outcome outcome = startApp(withoutDisplay());
        QCOMPARE(outcome.status, QProcess::NormalExit);
        QCOMPARE(outcome.code, 2);
        QCOMPARE(outcome.stderrText,
                 QStringLiteral("codescout: no display: set DISPLAY or WAYLAND_DISPLAY, or search "
                                "with codescout-cli\n"));
    }

    void displayThatDoesNotAnswer()
    {
        QProcessEnvironment env = withoutDisplay();
        // A display number no server uses: no socket, no lock file.
        int number = 180;
        while (QFile::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(number)) ||
               QFile::exists(QStringLiteral("/tmp/.X%1-lock").arg(number)))
            ++number;
        env.insert(QStringLiteral("DISPLAY"), QStringLiteral(":%1").arg(number));
        const Outcome outcome = startApp(env);
        // NormalExit: not the abort (CrashExit) Qt's qFatal would end in.
        QCOMPARE(outcome.status, QProcess::NormalExit);
        QCOMPARE(outcome.code, 2);
        QVERIFY2(outcome.stderrText.contains(QStringLiteral("codescout: cannot open a window: ")),
                 qPrintable(outcome.stderrText));
        QVERIFY2(outcome.stderrText.endsWith(QStringLiteral(
                     "codescout: no display: set DISPLAY or WAYLAND_DISPLAY, or search with codescout-cli\n")),
                 qPrintable(outcome.stderrText));
    }
};

QTEST_GUILESS_MAIN(TestStartupWithoutDisplay)
#include "test_startup_without_display.moc"
