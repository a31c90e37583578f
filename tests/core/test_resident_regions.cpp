// Resident bytes per mapping (resident_regions.h): the pagemap count agrees with smaps's Rss in
// this process, the fixture cases of the count (runs, guards, gaps), and the choice of smaps when
// pagemap cannot be read or the mappings are too large for it.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstring>
#include <fstream>

#include "core/metrics/resident_regions.h"

using namespace codescout;

namespace {

const std::uint64_t kPage = static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));

void write_file(const QString& path, const QByteArray& bytes) {
    std::ofstream out(path.toStdString(), std::ios::binary);
    out.write(bytes.constData(), bytes.size());
}

// A sparse pagemap: the entry of each page in `present` has bit 63 set, every other reads as 0.
void write_pagemap(const QString& path, const std::vector<std::uint64_t>& present, std::uint64_t end_address) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const std::uint64_t entry = std::uint64_t{1} << 63;
    for (std::uint64_t address : present) {
        QVERIFY(file.seek(static_cast<qint64>(address / kPage * 8)));
        QCOMPARE(file.write(reinterpret_cast<const char*>(&entry), 8), qint64{8});
    }
    QVERIFY(file.resize(static_cast<qint64>(end_address / kPage * 8)));
}

// The region holding `address` (the kernel may have merged a new mapping with a neighbour, so
// that no region starts where mmap() put it).
const SmapsRegion* region_at(const std::vector<SmapsRegion>& regions, std::uint64_t address) {
    for (const SmapsRegion& region : regions) {
        if (region.start <= address && address < region.end) return &region;
    }
    return nullptr;
}

QByteArray maps_line(std::uint64_t start, std::uint64_t end, const char* perms, const char* rest) {
    return QByteArray::number(static_cast<qulonglong>(start), 16) + '-' +
           QByteArray::number(static_cast<qulonglong>(end), 16) + ' ' + perms + ' ' + rest + '\n';
}

}  // namespace

class TestResidentRegions : public QObject {
    Q_OBJECT

private slots:
    // In this process: an anonymous mapping with 3 of its 8 pages touched and a file mapping with
    // 2 of its 4 pages read count the same through pagemap as through smaps, to the page.
    void pagemap_counts_what_smaps_counts() {
        // Under ASan or TSan the shadow reservation is terabytes of accessible mappings: then
        // smaps is read, and there is nothing to compare.
        const auto maps = ProcSource().read("maps");
        QVERIFY(maps);
        const auto listed = parse_smaps(*maps);
        QVERIFY(listed);
        std::uint64_t accessible_pages = 0;
        for (const SmapsRegion& region : *listed) {
            if (!region.guard() && region.name != "[vsyscall]") accessible_pages += (region.end - region.start) / kPage;
        }
        const ResidentRegions live = read_resident_regions();
        if (accessible_pages > kMaxPagemapPages) {
            QCOMPARE(live.source, RegionSource::smaps);
            QSKIP("this process's mappings are too large for pagemap (a sanitizer's shadow)");
        }
        QCOMPARE(live.source, RegionSource::pagemap);

        void* anon = ::mmap(nullptr, 8 * kPage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        QVERIFY(anon != MAP_FAILED);
        auto* bytes = static_cast<char*>(anon);
        for (int page : {0, 3, 7}) bytes[page * kPage] = 1;

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mapped"));
        write_file(path, QByteArray(static_cast<int>(4 * kPage), 'x'));
        const int fd = ::open(path.toLocal8Bit().constData(), O_RDONLY);
        QVERIFY(fd >= 0);
        void* file = ::mmap(nullptr, 4 * kPage, PROT_READ, MAP_PRIVATE, fd, 0);
        ::close(fd);
        QVERIFY(file != MAP_FAILED);
        volatile char sink = 0;
        sink = sink + static_cast<const char*>(file)[0] + static_cast<const char*>(file)[2 * kPage];

        const ResidentRegions by_pagemap = read_resident_regions();
        const auto smaps_text = ProcSource().read("smaps");
        QVERIFY(smaps_text);
        const auto by_smaps = parse_smaps(*smaps_text);
        QVERIFY(by_pagemap.regions && by_smaps);
        for (auto [start, expected] : {std::pair{reinterpret_cast<std::uint64_t>(anon), 3 * kPage},
                                       std::pair{reinterpret_cast<std::uint64_t>(file), 2 * kPage}}) {
            const SmapsRegion* a = region_at(*by_pagemap.regions, start);
            const SmapsRegion* b = region_at(*by_smaps, start);
            // The kernel may merge the anonymous mapping with a neighbour: then the merged regions compare.
            QVERIFY(a && b);
            QCOMPARE(a->end, b->end);
            QCOMPARE(a->rss, b->rss);
            QVERIFY(a->rss >= expected);
        }
        // The whole process: read a moment apart, with this test's own parse in between.
        std::uint64_t pagemap_total = 0, smaps_total = 0;
        for (const SmapsRegion& r : *by_pagemap.regions) pagemap_total += r.rss;
        for (const SmapsRegion& r : *by_smaps) smaps_total += r.rss;
        QVERIFY2(pagemap_total + (1 << 20) >= smaps_total && smaps_total + (1 << 20) >= pagemap_total,
                 qPrintable(QStringLiteral("pagemap %1, smaps %2").arg(pagemap_total).arg(smaps_total)));
        ::munmap(anon, 8 * kPage);
        ::munmap(file, 4 * kPage);
    }

    // Two regions side by side with a guard page between them are read as one run, a far one as
    // another; the guard's pages and the gaps never count, whatever the entries say.
    void fixture_counts_runs_guards_and_gaps() {
        QTemporaryDir dir;
        const std::uint64_t a = 0x10000000, guard = a + 4 * kPage, b = guard + kPage, c = 0x20000000;
        const std::uint64_t gap_page = b + 2 * kPage;  // between b's end and nothing: not a region
        write_file(dir.filePath(QStringLiteral("maps")),
                   maps_line(a, guard, "rw-p", "00000000 00:00 0") + maps_line(guard, b, "---p", "00000000 00:00 0") +
                       maps_line(b, b + 2 * kPage, "rw-p", "00000000 00:00 0") +
                       maps_line(c, c + 3 * kPage, "r-xp", "00000000 08:01 42 /usr/lib/libx.so"));
        write_pagemap(dir.filePath(QStringLiteral("pagemap")),
                      {a, a + 2 * kPage, guard, b + kPage, gap_page, c, c + kPage, c + 2 * kPage}, c + 4 * kPage);
        const ResidentRegions got = read_resident_regions(ProcSource(dir.path().toStdString()));
        QCOMPARE(got.source, RegionSource::pagemap);
        QVERIFY(got.regions);
        QCOMPARE(got.regions->size(), std::size_t{4});
        QCOMPARE(region_at(*got.regions, a)->rss, 2 * kPage);
        QCOMPARE(region_at(*got.regions, guard)->rss, std::uint64_t{0});
        QCOMPARE(region_at(*got.regions, b)->rss, kPage);
        const SmapsRegion* file_region = region_at(*got.regions, c);
        QVERIFY(file_region != nullptr);
        QCOMPARE(file_region->rss, 3 * kPage);
        QVERIFY(file_region->file_backed());
    }

    // A pagemap that ends before the mappings do (unreadable entries) is not trusted: smaps is
    // read; without smaps either, the regions are unavailable.
    void short_pagemap_falls_back_to_smaps() {
        QTemporaryDir dir;
        const std::uint64_t a = 0x10000000;
        write_file(dir.filePath(QStringLiteral("maps")), maps_line(a, a + 4 * kPage, "rw-p", "00000000 00:00 0"));
        write_pagemap(dir.filePath(QStringLiteral("pagemap")), {a}, a + 2 * kPage);
        const ProcSource source(dir.path().toStdString());
        ResidentRegions got = read_resident_regions(source);
        QCOMPARE(got.source, RegionSource::none);
        QVERIFY(!got.regions);

        write_file(dir.filePath(QStringLiteral("smaps")),
                   maps_line(a, a + 4 * kPage, "rw-p", "00000000 00:00 0") + "Rss:                  12 kB\n");
        got = read_resident_regions(source);
        QCOMPARE(got.source, RegionSource::smaps);
        QCOMPARE(got.regions->front().rss, std::uint64_t{12 * 1024});
    }

    // Mappings larger than kMaxPagemapPages are not read through pagemap (its entries grow with
    // the virtual size), even when pagemap would answer.
    void large_mappings_are_read_from_smaps() {
        QTemporaryDir dir;
        const std::uint64_t a = 0x10000000, size = (kMaxPagemapPages + 1) * kPage;
        write_file(dir.filePath(QStringLiteral("maps")), maps_line(a, a + size, "rw-p", "00000000 00:00 0"));
        write_pagemap(dir.filePath(QStringLiteral("pagemap")), {a}, a + size);
        write_file(dir.filePath(QStringLiteral("smaps")),
                   maps_line(a, a + size, "rw-p", "00000000 00:00 0") + "Rss:                   8 kB\n");
        const ResidentRegions got = read_resident_regions(ProcSource(dir.path().toStdString()));
        QCOMPARE(got.source, RegionSource::smaps);
        QCOMPARE(got.regions->front().rss, std::uint64_t{8 * 1024});
    }
};

QTEST_GUILESS_MAIN(TestResidentRegions)
#include "test_resident_regions.moc"
