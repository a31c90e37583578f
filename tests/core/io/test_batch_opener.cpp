// BatchOpener with io_uring and without: the same descriptors' contents and the same errors for
// the same names, in order; more names than a batch; the starts of a batch read at once (short
// at the end, the position after them, errors); closes deferred to the next batch (with the
// ring) and done at the latest when the opener goes, on another thread too.
#include <QtTest>

#include <cerrno>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

#include "core/io/batch_opener.h"
#include "test_tree.h"

using namespace codescout;

namespace {

bool isOpen(int fd) { return ::fcntl(fd, F_GETFD) >= 0; }

std::string contents(int fd) {
    std::string out;
    char buf[256];
    ssize_t n = 0;
    while ((n = ::read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
    return out;
}

// Opens `names` relative to `dir` with `opener`, reads each opened file, hands it back; returns
// "content" or "error <errno>" per name.
QStringList openAndRead(BatchOpener& opener, int dir, const std::vector<std::string>& names) {
    std::vector<const char*> raw;
    for (const auto& n : names) raw.push_back(n.c_str());
    std::vector<int> fds(names.size(), 12345);
    opener.open(dir, raw, fds);
    QStringList out;
    for (const int fd : fds) {
        if (fd < 0) {
            out << QStringLiteral("error %1").arg(-fd);
            continue;
        }
        const int flags = ::fcntl(fd, F_GETFL);
        const int fdFlags = ::fcntl(fd, F_GETFD);
        out << QString::fromStdString(contents(fd)) +
                   ((flags & O_NONBLOCK) != 0 && (fdFlags & FD_CLOEXEC) != 0 ? "" : " (flags differ)");
        opener.close_later(fd);
    }
    return out;
}

}  // namespace

class TestBatchOpener : public QObject {
    Q_OBJECT

private slots:
    void sameResultsWithAndWithoutRing_data() {
        QTest::addColumn<bool>("ring");
        QTest::newRow("io_uring where available") << true;
        QTest::newRow("plain system calls") << false;
    }

    void sameResultsWithAndWithoutRing() {
        QFETCH(bool, ring);
        TestTree t;
        std::vector<std::string> names;
        QStringList expected;
        for (int i = 0; i < 14; ++i) {
            const QString name = QStringLiteral("f%1.txt").arg(i);
            t.write(name, QStringLiteral("content %1").arg(i).toUtf8());
            names.push_back(name.toStdString());
            expected << QStringLiteral("content %1").arg(i);
        }
        names.insert(names.begin() + 3, "missing");
        expected.insert(3, QStringLiteral("error %1").arg(ENOENT));
        names.push_back("f1.txt/below-a-file");
        expected << QStringLiteral("error %1").arg(ENOTDIR);
        QCOMPARE(names.size(), BatchOpener::kBatch);

        const int dir = ::open(t.root().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        QVERIFY(dir >= 0);
        BatchOpener opener(ring);
        QCOMPARE(openAndRead(opener, dir, names), expected);
        QVERIFY(ring || !opener.uses_ring());
        // Again, with the first batch's closes submitted in front of the opens.
        QCOMPARE(openAndRead(opener, dir, names), expected);
        // More names than a batch: opened one by one, same answers.
        std::vector<std::string> many = names;
        many.insert(many.end(), names.begin(), names.end());
        QCOMPARE(openAndRead(opener, dir, many), expected + expected);
        ::close(dir);
    }

    void readsTheStartsOfABatch_data() { sameResultsWithAndWithoutRing_data(); }

    // Each file's first `length` bytes, the position left after them; a directory's error; a
    // descriptor that is not there skipped.
    void readsTheStartsOfABatch() {
        QFETCH(bool, ring);
        TestTree t;
        t.write("empty", "");
        t.write("short", "abcde");
        t.write("exact", "12345678");
        t.write("long", "0123456789abcdefghij");
        t.mkdir("dir");
        const int dir = ::open(t.root().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        QVERIFY(dir >= 0);
        BatchOpener opener(ring);
        const char* names[] = {"empty", "short", "exact", "long", "dir"};
        int fds[6] = {-1, -1, -1, -1, -1, -1};
        opener.open(dir, names, std::span<int>(fds, 5));
        for (int k = 0; k < 5; ++k) QVERIFY(fds[k] >= 0);
        constexpr std::size_t kLength = 8;
        char buffers[6][kLength] = {};
        char* into[6] = {buffers[0], buffers[1], buffers[2], buffers[3], buffers[4], buffers[5]};
        int got[6] = {7, 7, 7, 7, 7, 7};
        opener.read(fds, into, kLength, got);
        QCOMPARE(got[0], 0);
        QCOMPARE(got[1], 5);
        QCOMPARE(std::string(buffers[1], 5), std::string("abcde"));
        QCOMPARE(got[2], 8);
        QCOMPARE(got[3], 8);
        QCOMPARE(std::string(buffers[3], 8), std::string("01234567"));
        QCOMPARE(got[4], -EISDIR);
        QCOMPARE(got[5], 0);  // fds[5] is -1: skipped
        QCOMPARE(contents(fds[3]), std::string("89abcdefghij"));  // went on from the position
        QCOMPARE(contents(fds[2]), std::string());
        for (int k = 0; k < 5; ++k) opener.close_later(fds[k]);
        ::close(dir);
    }

    void closesAreDeferredToTheNextBatchThenDone() {
        TestTree t;
        t.write("a", "a");
        t.write("b", "b");
        const int dir = ::open(t.root().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        QVERIFY(dir >= 0);
        auto owned = std::make_unique<BatchOpener>();
        BatchOpener& opener = *owned;
        const char* names[] = {"a", "b"};
        int first[2] = {-1, -1};
        opener.open(dir, names, first);
        qInfo("io_uring %s", opener.uses_ring() ? "in use" : "unavailable here: plain system calls");
        QVERIFY(first[0] >= 0 && first[1] >= 0);
        opener.close_later(first[0]);
        opener.close_later(first[1]);
        // With the ring they stay open until the next batch; without it close_later closed them.
        QCOMPARE(isOpen(first[0]), opener.closes_with_batches());
        int second[2] = {-1, -1};
        opener.open(dir, std::span<const char* const>(names, 1), std::span<int>(second, 1));
        QVERIFY(second[0] >= 0);
        QVERIFY(!isOpen(first[1]));  // closed by the second batch (the first fd may be reused)
        opener.close_later(second[0]);
        ::close(dir);
        // The opener goes on another thread: what is pending is closed all the same.
        std::thread([&owned] { owned.reset(); }).join();
        QVERIFY(!isOpen(second[0]));
    }
};

QTEST_GUILESS_MAIN(TestBatchOpener)
#include "test_batch_opener.moc"
