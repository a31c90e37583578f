// SigbusGuard on its own, without a searcher: a watched mapping whose file was cut reads zeros
// from the faulting page on and says so (on the thread that owns it or another, every time); a
// fault outside every watched range reaches the handler installed before ours, which stays in
// place for the next watched fault; the slot table runs out and refills.
#include <QtTest>

#include <atomic>
#include <cstdint>
#include <thread>
#include <vector>

#include <csignal>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "core/io/sigbus_guard.h"
#include "test_tree.h"

using namespace codescout;

namespace {

const std::size_t kPage = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));

// The handler "someone else" installed before ours: it repairs faults in one range of its own
// (zeros, like ours) and counts every call. A call for any other address is a test failure.
std::atomic<std::uintptr_t> g_foreign_begin{0};
std::atomic<std::uintptr_t> g_foreign_end{0};
std::atomic<int> g_foreign_calls{0};
std::atomic<int> g_foreign_strays{0};

void foreign_handler(int, siginfo_t* info, void*) {
    g_foreign_calls.fetch_add(1);
    const auto address = reinterpret_cast<std::uintptr_t>(info->si_addr);
    const std::uintptr_t begin = g_foreign_begin.load();
    const std::uintptr_t end = g_foreign_end.load();
    if (address >= begin && address < end) {
        const std::uintptr_t from = address / kPage * kPage;
        if (::syscall(SYS_mmap, from, end - from, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != -1) return;
    }
    g_foreign_strays.fetch_add(1);
    ::signal(SIGBUS, SIG_DFL);  // let the fault kill the test rather than loop
}

// A file of `pages` pages of 'x', mapped read-only; cut() shrinks the file under the mapping.
class FileMapping {
public:
    FileMapping(TestTree& tree, const QString& name, std::size_t pages) : size_(pages * kPage) {
        path_ = tree.write(name, QByteArray(qsizetype(size_), 'x'));
        fd_ = ::open(path_.c_str(), O_RDWR | O_CLOEXEC);
        void* address = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd_, 0);
        data_ = address == MAP_FAILED ? nullptr : static_cast<const char*>(address);
    }
    ~FileMapping() {
        if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
        if (fd_ >= 0) ::close(fd_);
    }
    bool valid() const { return data_ != nullptr; }
    const char* data() const { return data_; }
    std::size_t size() const { return size_; }
    bool cut(std::size_t to) const { return ::ftruncate(fd_, static_cast<off_t>(to)) == 0; }
    // A read the compiler must perform (it may fault).
    char at(std::size_t offset) const { return static_cast<const volatile char*>(data_)[offset]; }

private:
    std::string path_;
    int fd_ = -1;
    const char* data_ = nullptr;
    std::size_t size_;
};

}  // namespace

class TestSigbusGuard : public QObject {
    Q_OBJECT

private slots:
    // Before any watch(): the guard's handler must find this one as the previous disposition.
    void initTestCase() {
        struct sigaction action {};
        action.sa_sigaction = foreign_handler;
        action.sa_flags = SA_SIGINFO;
        sigemptyset(&action.sa_mask);
        QCOMPARE(::sigaction(SIGBUS, &action, nullptr), 0);
    }

    void cutMappingReadsZerosFromTheFaultingPage() {
        TestTree tree;
        FileMapping file(tree, QStringLiteral("cut"), 4);
        QVERIFY(file.valid());
        SigbusGuard guard = SigbusGuard::watch(file.data(), file.size());
        QVERIFY(guard.active());
        QCOMPARE(file.at(3 * kPage), 'x');  // fault the last page in while the file is whole
        QVERIFY(!guard.truncated());

        QVERIFY(file.cut(kPage + 10));
        QCOMPARE(file.at(0), 'x');
        QCOMPARE(file.at(kPage + 5), 'x');   // the partial last page still maps the file
        QCOMPARE(file.at(kPage + 20), '\0');  // ... and reads zeros past its end, without a fault
        QVERIFY(!guard.truncated());
        QCOMPARE(file.at(3 * kPage), '\0');  // gone: faults, and the handler maps zeros
        QVERIFY(guard.truncated());
        QCOMPARE(file.at(2 * kPage + 1), '\0');
        QCOMPARE(file.at(kPage + 5), 'x');  // pages before the faulting one keep the file's bytes
        QCOMPARE(g_foreign_calls.load(), 0);
    }

    // The handler stays installed: fault after fault, mapping after mapping.
    void everyFaultIsHandled() {
        TestTree tree;
        for (int round = 0; round < 3; ++round) {
            FileMapping file(tree, QStringLiteral("cut%1").arg(round), 3);
            QVERIFY(file.valid());
            SigbusGuard guard = SigbusGuard::watch(file.data(), file.size());
            QVERIFY(file.cut(0));
            QCOMPARE(file.at(kPage), '\0');
            QVERIFY(guard.truncated());
        }
        QCOMPARE(g_foreign_calls.load(), 0);
    }

    // SIGBUS goes to the thread that read; the guard belongs to another.
    void faultOnAnotherThread() {
        TestTree tree;
        FileMapping file(tree, QStringLiteral("cut"), 3);
        QVERIFY(file.valid());
        SigbusGuard guard = SigbusGuard::watch(file.data(), file.size());
        QVERIFY(file.cut(0));
        char seen = 'x';
        std::thread reader([&] { seen = file.at(2 * kPage); });
        reader.join();
        QCOMPARE(seen, '\0');
        QVERIFY(guard.truncated());
    }

    // Not watched (never, or no longer): the previous handler gets the fault, and ours still
    // handles the next watched one.
    void unwatchedFaultGoesToThePreviousHandler() {
        TestTree tree;
        FileMapping foreign(tree, QStringLiteral("foreign"), 3);
        FileMapping released(tree, QStringLiteral("released"), 3);
        FileMapping watched(tree, QStringLiteral("watched"), 3);
        QVERIFY(foreign.valid() && released.valid() && watched.valid());
        SigbusGuard guard = SigbusGuard::watch(watched.data(), watched.size());
        SigbusGuard gone = SigbusGuard::watch(released.data(), released.size());
        gone.release();
        QVERIFY(!gone.active());

        const int before = g_foreign_calls.load();
        for (const FileMapping* file : {&foreign, &released}) {
            g_foreign_begin = reinterpret_cast<std::uintptr_t>(file->data());
            g_foreign_end = g_foreign_begin + file->size();
            QVERIFY(file->cut(0));
            QCOMPARE(file->at(kPage), '\0');
        }
        g_foreign_begin = 0;
        g_foreign_end = 0;
        QCOMPARE(g_foreign_calls.load(), before + 2);
        QCOMPARE(g_foreign_strays.load(), 0);

        QVERIFY(watched.cut(0));
        QCOMPARE(watched.at(kPage), '\0');
        QVERIFY(guard.truncated());
        QCOMPARE(g_foreign_calls.load(), before + 2);
    }

    void slotsRunOutAndComeBack() {
        // Addresses only: nothing here is read, so a reserved, inaccessible range will do.
        const std::size_t count = SigbusGuard::kSlots + 1;
        void* area = ::mmap(nullptr, count * kPage, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        QVERIFY(area != MAP_FAILED);
        {
            std::vector<SigbusGuard> guards;
            for (std::size_t i = 0; i < count; ++i) {
                guards.push_back(SigbusGuard::watch(static_cast<char*>(area) + i * kPage, kPage));
            }
            for (std::size_t i = 0; i < SigbusGuard::kSlots; ++i) QVERIFY(guards[i].active());
            QVERIFY(!guards.back().active());
            QVERIFY(!guards.back().truncated());
            guards[7].release();
            guards.back() = SigbusGuard::watch(static_cast<char*>(area) + (count - 1) * kPage, kPage);
            QVERIFY(guards.back().active());
        }
        ::munmap(area, count * kPage);
    }
};

QTEST_GUILESS_MAIN(TestSigbusGuard)
#include "test_sigbus_guard.moc"
