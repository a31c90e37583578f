// --json: each message parsed back with QJsonDocument; rg's keys, the line terminator put back,
// non-UTF-8 bytes as base64, the summary.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "cli/json_printer.h"
#include "core/print/json_format.h"
#include "core/print/json_text.h"

using namespace codescout;
using namespace codescout::cli;

namespace {

QList<QJsonObject> parse_lines(const std::string& text) {
    QList<QJsonObject> out;
    for (const QByteArray& line : QByteArray::fromStdString(text).split('\n')) {
        if (line.isEmpty()) continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            qWarning("not a JSON object: %s (%s)", line.constData(), qPrintable(error.errorString()));
            return {};
        }
        out << doc.object();
    }
    return out;
}

OwnedLine line(std::uint64_t number, std::uint64_t offset, std::string text, std::vector<MatchSpan> spans,
                bool context = false) {
    OwnedLine l;
    l.number = number;
    l.byte_offset = offset;
    l.text = std::move(text);
    l.spans = std::move(spans);
    l.is_context = context;
    return l;
}

}  // namespace

class TestJsonPrinter : public QObject {
    Q_OBJECT

private slots:
    void file_messages() {
        FileResult r;
        r.path = "./dir/f.txt";
        // "foo1\nx\n\"q\"\tfoo\r\nlast foo" : 24 + 8 bytes, the last line without terminator.
        r.lines = {line(1, 0, "foo1", {{0, 3}}), line(2, 5, "x", {}, true), line(3, 7, "\"q\"\tfoo\r", {{4, 7}}),
                   line(4, 16, "last foo", {{5, 8}})};
        r.size = 24;
        r.matched_lines = 3;
        r.matches = 3;
        OutputPlan plan;
        plan.strip_dot_slash = true;
        std::string out;
        format_json_file(r, plan, out);
        const QList<QJsonObject> msgs = parse_lines(out);
        QCOMPARE(msgs.size(), 6);

        QCOMPARE(msgs[0][u"type"].toString(), QStringLiteral("begin"));
        QCOMPARE(msgs[0][u"data"][u"path"][u"text"].toString(), QStringLiteral("dir/f.txt"));

        const QJsonObject m1 = msgs[1][u"data"].toObject();
        QCOMPARE(msgs[1][u"type"].toString(), QStringLiteral("match"));
        QCOMPARE(m1[u"path"][u"text"].toString(), QStringLiteral("dir/f.txt"));
        QCOMPARE(m1[u"lines"][u"text"].toString(), QStringLiteral("foo1\n"));
        QCOMPARE(m1[u"line_number"].toInt(), 1);
        QCOMPARE(m1[u"absolute_offset"].toInt(), 0);
        const QJsonArray sub = m1[u"submatches"].toArray();
        QCOMPARE(sub.size(), 1);
        QCOMPARE(sub[0][u"match"][u"text"].toString(), QStringLiteral("foo"));
        QCOMPARE(sub[0][u"start"].toInt(), 0);
        QCOMPARE(sub[0][u"end"].toInt(), 3);

        QCOMPARE(msgs[2][u"type"].toString(), QStringLiteral("context"));
        QCOMPARE(msgs[2][u"data"][u"lines"][u"text"].toString(), QStringLiteral("x\n"));
        QCOMPARE(msgs[2][u"data"][u"submatches"].toArray().size(), 0);
        QCOMPARE(msgs[2][u"data"][u"absolute_offset"].toInt(), 5);

        // Escapes survive the round trip; CRLF lines keep their "\r".
        QCOMPARE(msgs[3][u"data"][u"lines"][u"text"].toString(), QStringLiteral("\"q\"\tfoo\r\n"));
        // The last line of a file without a final newline gets none.
        QCOMPARE(msgs[4][u"data"][u"lines"][u"text"].toString(), QStringLiteral("last foo"));

        const QJsonObject end = msgs[5][u"data"].toObject();
        QCOMPARE(msgs[5][u"type"].toString(), QStringLiteral("end"));
        QVERIFY(end[u"binary_offset"].isNull());
        QCOMPARE(end[u"stats"][u"matched_lines"].toInt(), 3);
        QCOMPARE(end[u"stats"][u"matches"].toInt(), 3);
        QCOMPARE(end[u"stats"][u"bytes_searched"].toInt(), 24);
        QCOMPARE(end[u"stats"][u"searches_with_match"].toInt(), 1);
        QVERIFY(end[u"stats"][u"bytes_printed"].toInt() > 0);
    }

    // The exact bytes of one match message, as rg 14 writes it.
    void match_message_bytes() {
        FileResult r;
        r.path = "a/one.txt";
        r.lines = {line(6, 13, "foo2", {{0, 3}})};
        r.size = 20;
        std::string out;
        format_json_file(r, OutputPlan{}, out);
        const std::string expected =
            "{\"type\":\"match\",\"data\":{\"path\":{\"text\":\"a/one.txt\"},\"lines\":{\"text\":\"foo2\\n\"},"
            "\"line_number\":6,\"absolute_offset\":13,\"submatches\":[{\"match\":{\"text\":\"foo\"},\"start\":0,\"end\":3}]}}\n";
        QVERIFY2(out.find(expected) != std::string::npos, out.c_str());
        QVERIFY(out.starts_with("{\"type\":\"begin\",\"data\":{\"path\":{\"text\":\"a/one.txt\"}}}\n"));
    }

    // An empty match at the very end of a last line without a terminator (`o?$` on "xfoo" at the
    // end of the file): rg lists no submatch for it (rg_visible_spans.h); earlier ones stay.
    void emptyMatchAtAnUnterminatedEndIsNoSubmatch() {
        FileResult r;
        r.path = "noeol.txt";
        r.lines = {line(1, 0, "ab", {{2, 2}}), line(2, 3, "xfo", {{2, 3}, {3, 3}})};
        r.size = 6;  // "ab\nxfo": the second line has no terminator
        std::string out;
        format_json_file(r, OutputPlan{}, out);
        const QList<QJsonObject> msgs = parse_lines(out);
        QCOMPARE(msgs[1][u"data"][u"submatches"].toArray().size(), 1);  // "ab\n": before its terminator
        const QJsonArray last = msgs[2][u"data"][u"submatches"].toArray();
        QCOMPARE(last.size(), 1);
        QCOMPARE(last[0][u"start"].toInt(), 2);
    }

    // The exact bytes of an "end" message: rg 14 writes its per-file elapsed time first, with
    // the keys in declaration order (the summary's are sorted), and counts in "bytes_printed"
    // the messages before "end".
    void end_message_bytes() {
        FileResult r;
        r.path = "a/one.txt";
        r.lines = {line(6, 13, "foo2", {{0, 3}})};
        r.size = 20;
        r.matched_lines = 1;
        r.matches = 1;
        r.elapsed = std::chrono::nanoseconds(1'500'000'123);
        std::string out;
        const std::uint64_t printed = format_json_file(r, OutputPlan{}, out);
        const std::size_t end_at = out.find("{\"type\":\"end\"");
        QVERIFY(end_at != std::string::npos);
        QCOMPARE(printed, std::uint64_t(end_at));
        const std::string expected = "{\"type\":\"end\",\"data\":{\"path\":{\"text\":\"a/one.txt\"},\"binary_offset\":null,"
                                     "\"stats\":{\"elapsed\":{\"secs\":1,\"nanos\":500000123,\"human\":\"1.500000s\"},"
                                     "\"searches\":1,\"searches_with_match\":1,\"bytes_searched\":20,\"bytes_printed\":" +
                                     std::to_string(end_at) + ",\"matched_lines\":1,\"matches\":1}}}\n";
        QCOMPARE(out.substr(end_at), expected);
    }

    // A file with many lines goes out in parts of about kFormatPartBytes: joined, they are the
    // whole output, and the file's "bytes_printed" does not depend on the parts.
    void parts_join_to_the_whole() {
        FileResult r;
        r.path = "big.h";
        std::uint64_t offset = 0;
        for (std::uint64_t n = 1; n <= 20'000; ++n) {
            std::string text = "#define REGISTER_" + std::to_string(n) + "__FIELD_MASK 0x00004000L";
            r.lines.push_back(line(n, offset, text, {{8, 20}}));
            offset += text.size() + 1;
        }
        r.size = offset;
        const std::string prefix = "earlier output\n";  // a block already holding another file
        std::string whole = prefix;
        const std::uint64_t printed_whole = format_json_file(r, OutputPlan{}, whole);

        std::string joined;
        std::size_t parts = 0;
        std::size_t largest = 0;
        std::string out = prefix;
        const std::uint64_t printed_parts = format_json_file(r, OutputPlan{}, out, [&](std::string& part) {
            ++parts;
            largest = std::max(largest, part.size());
            joined += part;
            part.clear();
        });
        joined += out;
        QVERIFY2(parts >= 4, "a 2.7 MB output should have gone out in parts");
        QVERIFY(largest < kFormatPartBytes + 1024);  // a part ends at the message that reaches the size
        QCOMPARE(joined, whole);
        QCOMPARE(printed_parts, printed_whole);
        QCOMPARE(printed_whole, std::uint64_t(whole.find("{\"type\":\"end\"") - prefix.size()));
    }

    void non_utf8_as_base64() {
        FileResult r;
        r.path = "bad\xff.txt";
        r.lines = {line(1, 0, "\xe9t\xe9 foo", {{4, 7}})};  // Latin-1 "été foo"
        r.size = 100;
        std::string out;
        format_json_file(r, OutputPlan{}, out);
        const QList<QJsonObject> msgs = parse_lines(out);
        QCOMPARE(msgs.size(), 3);
        QCOMPARE(QByteArray::fromBase64(msgs[0][u"data"][u"path"][u"bytes"].toString().toLatin1()),
                 QByteArray("bad\xff.txt"));
        const QJsonObject data = msgs[1][u"data"].toObject();
        QCOMPARE(QByteArray::fromBase64(data[u"lines"][u"bytes"].toString().toLatin1()), QByteArray("\xe9t\xe9 foo\n"));
        // The submatch itself is valid UTF-8, so it is text.
        QCOMPARE(data[u"submatches"][0][u"match"][u"text"].toString(), QStringLiteral("foo"));
    }

    void line_numbers_off_is_null() {
        FileResult r;
        r.path = "f";
        r.lines = {line(2, 4, "ab", {{0, 1}})};
        OutputPlan plan;
        plan.line_numbers = false;
        std::string out;
        format_json_file(r, plan, out);
        QVERIFY(parse_lines(out)[1][u"data"][u"line_number"].isNull());
    }

    // rg's summary sums the printed files (a file searched without a match counts nowhere), its
    // "elapsed" is their times summed, and "memory"/"skipped" come only with the metrics.
    void summary() {
        const auto printed_file = [](std::uint64_t size, std::uint64_t lines, std::uint64_t matches, int ms) {
            FileResult r;
            r.size = size;
            r.matched_lines = lines;
            r.matches = matches;
            r.elapsed = std::chrono::milliseconds(ms);
            return r;
        };
        JsonTotals totals;
        totals.add(printed_file(4000, 5, 6, 1000), 900);
        totals.add(printed_file(567, 2, 3, 500), 99);
        SearchSummary s;
        s.files_searched = 12;  // the search's own counts: not rg's summary
        s.bytes_searched = 99999;
        s.metrics.peak_allocated = 32768;
        s.metrics.small_files_processed = 11;
        s.skipped.binary = 2;
        std::string out;
        format_json_summary(totals, std::chrono::nanoseconds(2'000'000'123), &s, out);
        const QList<QJsonObject> msgs = parse_lines(out);
        QCOMPARE(msgs.size(), 1);
        QCOMPARE(msgs[0][u"type"].toString(), QStringLiteral("summary"));
        const QJsonObject data = msgs[0][u"data"].toObject();
        QCOMPARE(data[u"elapsed_total"][u"secs"].toInt(), 2);
        QCOMPARE(data[u"elapsed_total"][u"nanos"].toInt(), 123);
        QCOMPARE(data[u"elapsed_total"][u"human"].toString(), QStringLiteral("2.000000s"));
        const QJsonObject stats = data[u"stats"].toObject();
        QCOMPARE(stats[u"searches"].toInt(), 2);
        QCOMPARE(stats[u"searches_with_match"].toInt(), 2);
        QCOMPARE(stats[u"matched_lines"].toInt(), 7);
        QCOMPARE(stats[u"matches"].toInt(), 9);
        QCOMPARE(stats[u"bytes_searched"].toInt(), 4567);
        QCOMPARE(stats[u"bytes_printed"].toInt(), 999);
        QCOMPARE(stats[u"elapsed"][u"secs"].toInt(), 1);
        QCOMPARE(stats[u"elapsed"][u"nanos"].toInt(), 500000000);
        QCOMPARE(data[u"memory"][u"peak_allocated"].toInt(), 32768);
        QCOMPARE(data[u"memory"][u"small_files_processed"].toInt(), 11);
        QCOMPARE(data[u"skipped"][u"binary"].toInt(), 2);

        out.clear();
        format_json_summary(totals, std::chrono::nanoseconds(1), nullptr, out);
        QVERIFY(!parse_lines(out)[0][u"data"].toObject().contains(u"memory"));
    }

    void utf8_validation_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ascii") << QByteArray("abc") << true;
        QTest::newRow("empty") << QByteArray() << true;
        QTest::newRow("2-byte") << QByteArray("\xc3\xa9") << true;
        QTest::newRow("3-byte") << QByteArray("\xe2\x82\xac") << true;
        QTest::newRow("4-byte") << QByteArray("\xf0\x9f\x98\x80") << true;
        QTest::newRow("NUL") << QByteArray("a\0b", 3) << true;
        QTest::newRow("lone continuation") << QByteArray("\x80") << false;
        QTest::newRow("truncated") << QByteArray("\xe2\x82") << false;
        QTest::newRow("overlong 2-byte") << QByteArray("\xc0\xaf") << false;
        QTest::newRow("overlong 3-byte") << QByteArray("\xe0\x80\xaf") << false;
        QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << false;
        QTest::newRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << false;
        QTest::newRow("latin-1") << QByteArray("caf\xe9") << false;
    }

    void utf8_validation() {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, valid);
        QCOMPARE(is_valid_utf8(std::string_view(bytes.constData(), bytes.size())), valid);
    }

    void base64_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("1") << QByteArray("f");
        QTest::newRow("2") << QByteArray("fo");
        QTest::newRow("3") << QByteArray("foo");
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe\x80\x7f", 5);
    }

    void base64() {
        QFETCH(QByteArray, bytes);
        std::string out;
        append_base64(out, std::string_view(bytes.constData(), bytes.size()));
        QCOMPARE(QByteArray::fromStdString(out), bytes.toBase64());
    }

    void control_characters_escaped() {
        std::string out;
        append_json_string(out, std::string_view("a\x01\x1f\b\f\\\"\x7f", 8));
        QCOMPARE(out, std::string("\"a\\u0001\\u001f\\b\\f\\\\\\\"\x7f\""));
    }
};

QTEST_GUILESS_MAIN(TestJsonPrinter)
#include "test_json_printer.moc"
