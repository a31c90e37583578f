// The real codescout-cli on files of the mmap size that shrink and grow while it searches them
// with a regex through RE2's DFA (the crash of issue 11: an abort, one run in about fifty, when
// SIGBUS recovery jumped out of RE2 holding its lock). Every run must end by itself, with 0, 1
// or 2, and a file that shrank must be reported as changed, nothing else.
#include <QTest>

#include <atomic>
#include <chrono>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

#include "process_runner.h"
#include "test_tree.h"

class TestCliShrinkingFile : public QObject {
    Q_OBJECT

private slots:
    void shrinkingFilesDuringSearch() {
        QVERIFY2(QFileInfo(cli_path()).isExecutable(), qPrintable(cli_path()));
        TestTree tree;
        // 12 MiB: above the 10 MiB default mmap threshold. A few matches at the start, at the end
        // and every 64 KiB, so that RE2's scan runs over the whole file.
        QByteArray block = QByteArray("ab cd ef gh ij kl mn op\n").repeated(2730);
        block += "zebra fish quokk\n";
        const QByteArray content = block.repeated(12 * 16);
        std::vector<std::string> paths;
        for (int i = 0; i < 2; ++i) paths.push_back(tree.write(QStringLiteral("big%1.txt").arg(i), content));

        std::atomic<bool> done{false};
        std::thread mutator([&] {
            std::mt19937 random(7);
            std::uniform_int_distribution<qsizetype> size(0, content.size());
            while (!done.load()) {
                const int fd = ::open(paths[random() % paths.size()].c_str(), O_WRONLY | O_CLOEXEC);
                if (fd < 0) qFatal("open failed");
                if (::ftruncate(fd, size(random)) != 0) qFatal("ftruncate failed");
                std::this_thread::sleep_for(std::chrono::milliseconds(1 + random() % 5));
                if (::pwrite(fd, content.constData(), std::size_t(content.size()), 0) != content.size()) qFatal("pwrite failed");
                ::close(fd);
                std::this_thread::sleep_for(std::chrono::milliseconds(random() % 3));
            }
        });
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(4);
        int runs = 0;
        int changed = 0;
        QString failure;
        while (failure.isEmpty() && std::chrono::steady_clock::now() < deadline) {
            const ProcessResult r = run_cli({QStringLiteral("-c"), QStringLiteral("\\w{5}\\s+\\w{4}\\s+\\w{5}"),
                                             QStringLiteral(".")},
                                            QString::fromStdString(tree.root()));
            ++runs;
            const bool reported_change = r.err.contains("changed during search");
            changed += reported_change ? 1 : 0;
            // 2 only for a changed file; any other message on stderr is a failure as well.
            if (r.exit_code < 0 || r.exit_code > 2 || (r.exit_code == 2) != reported_change ||
                (!r.err.isEmpty() && !reported_change)) {
                failure = r.describe();
            }
        }
        done = true;
        mutator.join();
        qInfo("%d runs, %d reported a file that changed", runs, changed);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY(runs > 0);
    }
};

QTEST_GUILESS_MAIN(TestCliShrinkingFile)
#include "test_cli_shrinking_file.moc"
