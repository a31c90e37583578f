// read_into(): the apply's read of each file into one reused buffer, with a single read() when
// the file has the size its status gave — and every other case (shrunk, grown, over the limit,
// a larger buffer left from the file before) read as read_to_end() would.
#include <QTest>

#include <cerrno>
#include <string>

#include <fcntl.h>
#include <unistd.h>

#include "core/edit/file_io.h"
#include "test_tree.h"

using namespace codescout;

namespace {

std::string pattern_bytes(std::size_t size, char seed) {
    std::string bytes(size, '\0');
    for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>(seed + static_cast<char>(i % 61));
    return bytes;
}

struct Opened {
    int fd;
    explicit Opened(const std::string& path) : fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {}
    ~Opened() { ::close(fd); }
};

}  // namespace

class TestFileIo : public QObject {
    Q_OBJECT

private slots:
    void readsWhatTheFileHolds_data() {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("expected");  // what its status said
        QTest::newRow("empty") << 0 << 0;
        QTest::newRow("as stated") << 4096 << 4096;
        QTest::newRow("large, as stated") << (1 << 20) + 7 << (1 << 20) + 7;
        QTest::newRow("shrunk since") << 1000 << 1003;
        QTest::newRow("shrunk to nothing") << 0 << 50;
        QTest::newRow("grown since") << 70000 << 1000;
        QTest::newRow("grown by one byte") << 1001 << 1000;
    }
    void readsWhatTheFileHolds() {
        QFETCH(int, size);
        QFETCH(int, expected);
        TestTree tree;
        const std::string bytes = pattern_bytes(static_cast<std::size_t>(size), 'a');
        const std::string path = tree.write("f", QByteArray::fromStdString(bytes));
        std::string buffer;
        std::size_t length = 99;
        const Opened file(path);
        QCOMPARE(read_into(file.fd, buffer, length, 1u << 30, static_cast<std::uint64_t>(expected)), 0);
        QCOMPARE(length, bytes.size());
        QVERIFY(buffer.compare(0, length, bytes) == 0);
    }

    // One read() when the size is as stated: a pipe that stays open would answer a second one
    // with EAGAIN (O_NONBLOCK), which read_into() would return.
    void noSecondReadWhenTheSizeIsAsStated() {
        int ends[2];
        QCOMPARE(::pipe2(ends, O_NONBLOCK | O_CLOEXEC), 0);
        const std::string bytes = pattern_bytes(3000, 'k');
        QCOMPARE(::write(ends[1], bytes.data(), bytes.size()), ssize_t(bytes.size()));
        std::string buffer;
        std::size_t length = 0;
        QCOMPARE(read_into(ends[0], buffer, length, 1u << 20, bytes.size()), 0);
        QCOMPARE(length, bytes.size());
        QVERIFY(buffer.compare(0, length, bytes) == 0);
        // Fewer bytes than stated: it reads on, and the open pipe says EAGAIN.
        QCOMPARE(::write(ends[1], bytes.data(), 100), ssize_t(100));
        QCOMPARE(read_into(ends[0], buffer, length, 1u << 20, 200), EAGAIN);
        ::close(ends[0]);
        ::close(ends[1]);
    }

    void overTheLimitIsEfbig() {
        TestTree tree;
        const std::string path = tree.write("f", QByteArray(5000, 'x'));
        std::string buffer;
        std::size_t length = 0;
        {
            const Opened file(path);
            QCOMPARE(read_into(file.fd, buffer, length, 4999, 5000), EFBIG);  // as stated, too large
        }
        const Opened file(path);
        QCOMPARE(read_into(file.fd, buffer, length, 4999, 10), EFBIG);  // grown past it
    }

    // The buffer of a larger file before: only `length` bytes are the file's, and nothing of
    // the earlier file shows through.
    void reusedBufferHoldsOnlyTheNewFile() {
        TestTree tree;
        const std::string big = tree.write("big", QByteArray::fromStdString(pattern_bytes(100000, 'A')));
        const std::string small = tree.write("small", "tiny\n");
        std::string buffer;
        std::size_t length = 0;
        {
            const Opened file(big);
            QCOMPARE(read_into(file.fd, buffer, length, 1u << 20, 100000), 0);
        }
        const std::size_t capacity = buffer.size();
        const Opened file(small);
        QCOMPARE(read_into(file.fd, buffer, length, 1u << 20, 5), 0);
        QCOMPARE(std::string(buffer.data(), length), std::string("tiny\n"));
        QCOMPARE(buffer.size(), capacity);  // not shrunk: no allocation for the next file
    }
};

QTEST_GUILESS_MAIN(TestFileIo)
#include "test_file_io.moc"
