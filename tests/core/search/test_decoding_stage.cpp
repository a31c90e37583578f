// The decoding stage between reading and scanning (core/search/decoded_source.h): a UTF-16 file
// (BOM) and a Shift_JIS file (forced) give exactly the lines, numbers, offsets and spans of the
// same text stored as UTF-8, through every reading strategy and with blocks so small that they
// end inside characters everywhere; a UTF-8 BOM is dropped; the raw buffer is counted under
// buffers_decode while its searcher lives and given back after.
#include <QtTest>

#include <atomic>

#include "core/metrics/engine_memory.h"
#include "core/search/binary_policy.h"
#include "core/search/file_searcher.h"
#include "test_matchers.h"
#include "test_tree.h"

using namespace codescout;
using namespace codescout::testing;

namespace {

struct Strategy {
    const char* name;
    std::uint64_t small;  // small_file_threshold
    std::uint64_t large;  // large_file_threshold
    std::size_t chunk;
};
const Strategy kStrategies[] = {
    {"whole", 1u << 30, 1u << 31, 256 * 1024},
    {"buffered, 64 KiB chunks", 1, 1u << 30, 64 * 1024},
    {"buffered, 7-byte chunks", 1, 1u << 30, 7},
    {"mmap", 1, 2, 256 * 1024},
};

FileResult search_file(const std::string& path, const Strategy& strategy, EncodingOptions encoding = {}) {
    SubstringMatcher matcher("foo");
    SearchOptions options;
    options.processing.small_file_threshold = strategy.small;
    options.processing.large_file_threshold = strategy.large;
    options.processing.encoding = encoding;
    options.report.before_context = 1;
    MemoryMetrics metrics;
    std::atomic<bool> stop{false};
    ReadSizes sizes;
    sizes.chunk = strategy.chunk;
    FileSearcher searcher(matcher, options, *default_binary_policy(), metrics, stop, sizes);
    FileResult result;
    searcher.search(path, InputSpec{InputOrigin::Walked}, result);
    return result;
}

QString describe(const FileResult& r) {
    QString out = QStringLiteral("%1 matched, %2 matches, encoding '%3'\n")
                      .arg(r.matched_lines)
                      .arg(r.matches)
                      .arg(QString::fromLatin1(r.encoding.data(), qsizetype(r.encoding.size())));
    for (const LineRecord& line : r.lines) {
        out += QStringLiteral("%1@%2%3 %4").arg(line.number).arg(line.byte_offset).arg(line.is_context ? "-" : ":",
                                                                                       QString::fromUtf8(line.text.data(), qsizetype(line.text.size())));
        for (const auto& span : line.spans) out += QStringLiteral(" [%1,%2)").arg(span.begin).arg(span.end);
        out += u'\n';
    }
    return out;
}

// Lines whose non-ASCII characters land on every byte position modulo 4.
QString sample_text(int lines) {
    QString text;
    for (int i = 0; i < lines; ++i) {
        text += QStringLiteral("%1 %2é😀 %3 日本\n").arg(i).arg(QString(i % 5, u'x'), i % 3 == 0 ? QStringLiteral("foo") : QString());
    }
    return text;
}

QByteArray utf16(const QString& text, bool big_endian) {
    QByteArray out = big_endian ? QByteArray("\xFE\xFF") : QByteArray("\xFF\xFE");
    for (const QChar c : text) {
        const char hi = char(c.unicode() >> 8), lo = char(c.unicode() & 0xFF);
        out.append(big_endian ? hi : lo).append(big_endian ? lo : hi);
    }
    return out;
}

}  // namespace

class TestDecodingStage : public QObject {
    Q_OBJECT
private slots:
    void utf16_reads_like_utf8_data() {
        QTest::addColumn<int>("strategy");
        QTest::addColumn<bool>("bigEndian");
        for (int s = 0; s < int(std::size(kStrategies)); ++s) {
            QTest::addRow("%s, LE", kStrategies[s].name) << s << false;
            QTest::addRow("%s, BE", kStrategies[s].name) << s << true;
        }
    }
    void utf16_reads_like_utf8() {
        QFETCH(int, strategy);
        QFETCH(bool, bigEndian);
        TestTree tree;
        const QString text = sample_text(3000);
        const std::string plain = tree.write(QStringLiteral("plain.txt"), text.toUtf8());
        const std::string encoded = tree.write(QStringLiteral("u16.txt"), utf16(text, bigEndian));
        const FileResult expected = search_file(plain, kStrategies[0]);
        const FileResult got = search_file(encoded, kStrategies[strategy]);
        QCOMPARE(expected.matched_lines, 1000u);
        QCOMPARE(got.encoding, std::string_view(bigEndian ? "UTF-16BE" : "UTF-16LE"));
        QCOMPARE(describe(got).section(u'\n', 1), describe(expected).section(u'\n', 1));
    }

    void forced_shift_jis_and_utf8_bom() {
        TestTree tree;
        QByteArray sjis, utf8;
        for (int i = 0; i < 2000; ++i) {
            sjis += "\x93\xFA\x96\x7B" + QByteArray(i % 3, 'y') + (i % 4 == 0 ? " foo\n" : " x\n");
            utf8 += "日本" + QByteArray(i % 3, 'y') + (i % 4 == 0 ? " foo\n" : " x\n");
        }
        const std::string plain = tree.write(QStringLiteral("plain.txt"), utf8);
        const std::string encoded = tree.write(QStringLiteral("sjis.txt"), sjis);
        const std::string bom = tree.write(QStringLiteral("bom.txt"), "\xEF\xBB\xBF" + utf8);
        const QString expected = describe(search_file(plain, kStrategies[0])).section(u'\n', 1);
        for (const Strategy& strategy : kStrategies) {
            const FileResult got = search_file(encoded, strategy, {EncodingMode::Forced, "Shift_JIS"});
            QCOMPARE(got.encoding, std::string_view("Shift_JIS"));
            QCOMPARE(describe(got).section(u'\n', 1), expected);
            const FileResult dropped = search_file(bom, strategy);
            QCOMPARE(dropped.encoding, std::string_view("UTF-8"));
            QCOMPARE(describe(dropped).section(u'\n', 1), expected);
            // -E none: the BOM is part of the first line (which has no match here).
            QCOMPARE(search_file(bom, strategy, {EncodingMode::None, {}}).encoding, std::string_view());
        }
    }

    void decode_buffer_is_counted() {
        TestTree tree;
        const std::string path = tree.write(QStringLiteral("u16.txt"), utf16(sample_text(100), false));
        const auto decode_bytes = [] { return engine_memory().snapshot()[EngineComponent::DecodeBuffers]; };
        const std::uint64_t before = decode_bytes();
        {
            SubstringMatcher matcher("foo");
            SearchOptions options;
            MemoryMetrics metrics;
            std::atomic<bool> stop{false};
            FileSearcher searcher(matcher, options, *default_binary_policy(), metrics, stop);
            FileResult result;
            searcher.search(path, InputSpec{InputOrigin::Walked}, result);
            QCOMPARE(result.matched_lines, 34u);
            QVERIFY2(decode_bytes() >= before + 64 * 1024, qPrintable(QString::number(decode_bytes() - before)));
        }
        QCOMPARE(decode_bytes(), before);
    }
};

QTEST_GUILESS_MAIN(TestDecodingStage)
#include "test_decoding_stage.moc"
