// The encoding layer: WHATWG labels as rg resolves them, the decoding plan a BOM or -E gives,
// and the decoders: one U+FFFD per malformed sequence (encoding_rs's rule), the same text whatever
// the block boundaries (every split of the input is tried), and an ICU converter for every name.
#include <QtTest>

#include <string>
#include <string_view>

#include "core/encoding/decoder.h"
#include "core/encoding/decoding_plan.h"
#include "core/encoding/text_encoding.h"

using namespace codescout;

namespace {

// Decodes `input` fed in pieces of `piece` bytes into an output of `out_size` bytes at a time.
std::string decode_in_pieces(std::string_view encoding, std::string_view input, std::size_t piece, std::size_t out_size) {
    const auto decoder = make_decoder(encoding);
    std::string text;
    std::string out(out_size, '\0');
    while (!input.empty()) {
        const std::string_view part = input.substr(0, piece);
        std::size_t taken = 0;
        while (taken < part.size()) {
            const DecodeStep step = decoder->decode(part.substr(taken), out.data(), out.size(), false);
            text.append(out.data(), step.produced);
            taken += step.consumed;
        }
        input.remove_prefix(part.size());
    }
    for (;;) {
        const DecodeStep step = decoder->decode({}, out.data(), out.size(), true);
        text.append(out.data(), step.produced);
        if (step.produced == 0) return text;
    }
}

// The WHATWG Encoding Standard's encodings (rg accepts all but "replacement").
const char* const kNames[] = {"UTF-8", "IBM866", "ISO-8859-2", "ISO-8859-3", "ISO-8859-4", "ISO-8859-5",
                              "ISO-8859-6", "ISO-8859-7", "ISO-8859-8", "ISO-8859-8-I", "ISO-8859-10",
                              "ISO-8859-13", "ISO-8859-14", "ISO-8859-15", "ISO-8859-16", "KOI8-R", "KOI8-U",
                              "macintosh", "windows-874", "windows-1250", "windows-1251", "windows-1252",
                              "windows-1253", "windows-1254", "windows-1255", "windows-1256", "windows-1257",
                              "windows-1258", "x-mac-cyrillic", "GBK", "gb18030", "Big5", "EUC-JP",
                              "ISO-2022-JP", "Shift_JIS", "EUC-KR", "UTF-16BE", "UTF-16LE", "x-user-defined"};

}  // namespace

class TestDecoder : public QObject {
    Q_OBJECT

private slots:
    void labels_data() {
        QTest::addColumn<QByteArray>("label");
        QTest::addColumn<QByteArray>("name");  // empty: unknown
        QTest::newRow("latin1 is windows-1252") << QByteArray("latin1") << QByteArray("windows-1252");
        QTest::newRow("ascii is windows-1252") << QByteArray("us-ascii") << QByteArray("windows-1252");
        QTest::newRow("case and spaces") << QByteArray(" \tShift_JIS\n") << QByteArray("Shift_JIS");
        QTest::newRow("utf-16 is LE") << QByteArray("utf-16") << QByteArray("UTF-16LE");
        QTest::newRow("gb2312 is GBK") << QByteArray("GB2312") << QByteArray("GBK");
        QTest::newRow("x-user-defined") << QByteArray("x-user-defined") << QByteArray("x-user-defined");
        QTest::newRow("replacement refused") << QByteArray("iso-2022-kr") << QByteArray();
        QTest::newRow("replacement itself refused") << QByteArray("replacement") << QByteArray();
        QTest::newRow("unknown") << QByteArray("klingon") << QByteArray();
        QTest::newRow("empty") << QByteArray("") << QByteArray();
        QTest::newRow("inner space") << QByteArray("utf 8") << QByteArray();
    }
    void labels() {
        QFETCH(QByteArray, label);
        QFETCH(QByteArray, name);
        const auto found = encoding_for_label(label.toStdString());
        QCOMPARE(found.has_value(), !name.isEmpty());
        if (found) QCOMPARE(QByteArray(found->data(), qsizetype(found->size())), name);
    }

    void every_encoding_has_a_decoder() {
        for (const char* name : kNames) {
            std::unique_ptr<Decoder> decoder;
            try {
                decoder = make_decoder(name);
            } catch (const DecoderUnavailable& e) {
                QFAIL(e.what());
            }
            QVERIFY(decoder != nullptr);
            // ASCII letters are themselves in every encoding the standard has (UTF-16 aside).
            const std::string text = std::string_view(name).starts_with("UTF-16") ? std::string() : decode_all("abc\n", name);
            if (!std::string_view(name).starts_with("UTF-16")) QCOMPARE(text, std::string("abc\n"));
        }
        QVERIFY_THROWS_EXCEPTION(DecoderUnavailable, make_decoder("klingon"));
    }

    void plans_data() {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<int>("mode");  // EncodingMode
        QTest::addColumn<QByteArray>("forced");
        QTest::addColumn<QByteArray>("plan");  // "ENCODING skip transcode", or "none"
        const int a = int(EncodingMode::Auto), f = int(EncodingMode::Forced), n = int(EncodingMode::None);
        QTest::newRow("plain text") << QByteArray("abc") << a << QByteArray() << QByteArray("none");
        QTest::newRow("UTF-8 BOM dropped") << QByteArray("\xEF\xBB\xBF") << a << QByteArray() << QByteArray("UTF-8 3 0");
        QTest::newRow("UTF-16LE BOM") << QByteArray("\xFF\xFE" "a") << a << QByteArray() << QByteArray("UTF-16LE 2 1");
        QTest::newRow("UTF-16BE BOM only") << QByteArray("\xFE\xFF") << a << QByteArray() << QByteArray("UTF-16BE 2 1");
        QTest::newRow("half a BOM") << QByteArray("\xFF") << a << QByteArray() << QByteArray("none");
        QTest::newRow("empty file") << QByteArray() << a << QByteArray() << QByteArray("none");
        QTest::newRow("forced") << QByteArray("abc") << f << QByteArray("Shift_JIS") << QByteArray("Shift_JIS 0 1");
        QTest::newRow("BOM wins over forced") << QByteArray("\xFE\xFF") << f << QByteArray("windows-1252") << QByteArray("UTF-16BE 2 1");
        QTest::newRow("forced after UTF-8 BOM") << QByteArray("\xEF\xBB\xBF") << f << QByteArray("windows-1252") << QByteArray("windows-1252 3 1");
        QTest::newRow("none keeps the BOM") << QByteArray("\xFF\xFE" "a") << n << QByteArray() << QByteArray("none");
    }
    void plans() {
        QFETCH(QByteArray, head);
        QFETCH(int, mode);
        QFETCH(QByteArray, forced);
        QFETCH(QByteArray, plan);
        const std::string forced_name = forced.toStdString();
        const EncodingOptions options{EncodingMode(mode), forced_name};
        const auto got = plan_decoding(head.toStdString(), options);
        const QByteArray text = got ? QByteArray(got->encoding.data(), qsizetype(got->encoding.size())) + ' ' +
                                          QByteArray::number(qulonglong(got->skip)) + ' ' + (got->transcode ? '1' : '0')
                                    : QByteArray("none");
        QCOMPARE(text, plan);
    }

    void decodes_data() {
        QTest::addColumn<QByteArray>("encoding");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("UTF-16LE with a surrogate pair")
            << QByteArray("UTF-16LE") << QByteArray("h\0i\0\n\0=\xD8\0\xDE!\0", 12) << QByteArray("hi\n\xF0\x9F\x98\x80!");
        QTest::newRow("UTF-16BE") << QByteArray("UTF-16BE") << QByteArray("\0a\0\xE9", 4) << QByteArray("a\xC3\xA9");
        QTest::newRow("UTF-16 lone surrogate") << QByteArray("UTF-16LE") << QByteArray("\0\xD8" "a\0", 4)
                                               << QByteArray("\xEF\xBF\xBD" "a");
        QTest::newRow("UTF-16 odd length") << QByteArray("UTF-16LE") << QByteArray("a\0b", 3) << QByteArray("a\xEF\xBF\xBD");
        QTest::newRow("UTF-8 maximal subparts") << QByteArray("UTF-8") << QByteArray("a\xC3(\xE2\x82\xFF" "b")
                                                << QByteArray("a\xEF\xBF\xBD(\xEF\xBF\xBD\xEF\xBF\xBD" "b");
        QTest::newRow("windows-1252 euro and C1") << QByteArray("windows-1252") << QByteArray("\x80\xE9\x81")
                                                  << QByteArray("\xE2\x82\xAC\xC3\xA9\xC2\x81");
        QTest::newRow("Shift_JIS") << QByteArray("Shift_JIS") << QByteArray("\x93\xFA\x96\x7B x") << QByteArray("日本 x");
        QTest::newRow("Shift_JIS cut lead byte") << QByteArray("Shift_JIS") << QByteArray("a\x93") << QByteArray("a\xEF\xBF\xBD");
        QTest::newRow("EUC-KR is UHC") << QByteArray("EUC-KR") << QByteArray("\xC7\xD1\x81\x41") << QByteArray("한\xEA\xB0\x82");
        QTest::newRow("x-user-defined") << QByteArray("x-user-defined") << QByteArray("a\x80\xFF")
                                        << QByteArray("a\xEF\x9E\x80\xEF\x9F\xBF");
    }
    void decodes() {
        QFETCH(QByteArray, encoding);
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, text);
        const std::string name = encoding.toStdString();
        const std::string bytes = input.toStdString();
        QCOMPARE(QByteArray::fromStdString(decode_all(bytes, name)), text);
        // Block boundaries anywhere, even inside a character, and outputs too small for one.
        for (std::size_t piece = 1; piece <= bytes.size(); ++piece) {
            for (const std::size_t out : {std::size_t(4), std::size_t(7), std::size_t(64)}) {
                QCOMPARE(QByteArray::fromStdString(decode_in_pieces(name, bytes, piece, out)), text);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestDecoder)
#include "test_decoder.moc"
