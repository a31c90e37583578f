// The standard printer's bytes for one file (rg's --no-heading/--heading formats, -c, -l,
// colours), the writer's file separators and block atomicity, and a closed pipe.
#include <QTest>

#include <csignal>
#include <functional>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include "cli/error_reporter.h"
#include "cli/output_writer.h"
#include "core/print/standard_format.h"
#include "cli/standard_line_stream.h"
#include "cli/standard_printer.h"

using namespace codescout;
using namespace codescout::cli;

Q_DECLARE_METATYPE(codescout::OutputPlan)

namespace {

OwnedLine match(std::uint64_t number, std::string text, std::vector<MatchSpan> spans) {
    OwnedLine l;
    l.number = number;
    l.text = std::move(text);
    l.spans = std::move(spans);
    return l;
}

OwnedLine ctx(std::uint64_t number, std::string text) {
    OwnedLine l;
    l.number = number;
    l.text = std::move(text);
    l.is_context = true;
    return l;
}

// ./src/a.c: matches on 1 and 5, context 2 and 4 (3 missing: a "--" break) and 6.
FileResult sample() {
    FileResult r;
    r.path = "./src/a.c";
    r.lines = {match(1, "foo bar foo", {{0, 3}, {8, 11}}), ctx(2, "two"), ctx(4, "four"), match(5, "a foo\r", {{2, 5}}),
               ctx(6, "six")};
    r.matched_lines = 2;
    r.matches = 3;
    return r;
}

OutputPlan plan(OutputMode mode = OutputMode::Lines) {
    OutputPlan p;
    p.mode = mode;
    return p;
}

std::string read_all(std::FILE* f) {
    std::fflush(f);
    std::rewind(f);
    std::string data;
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
    return data;
}

// What check_whole_files() counted.
struct PrintedFiles {
    int files = 0;
    int lines = 0;
    int separators = 0;
};

// Checks printed output ("PATH:..." lines, files of context mode separated by "--") file by
// file: each file's lines together and complete, a separator only between whole files.
// `lines_of(path)`: the lines that file has; negative for a file that must not be printed.
// Fails the running test (check QTest::currentTestFailed()) at the first file out of place.
void check_whole_files(const QList<QByteArray>& lines, const std::function<int(const QByteArray&)>& lines_of,
                       PrintedFiles& printed) {
    QByteArray current;
    int in_file = 0;     // lines of the current file so far
    int file_lines = 0;  // lines the current file has
    for (const QByteArray& line : lines) {
        if (line.isEmpty()) continue;
        if (line == "--") {
            QCOMPARE(in_file, file_lines);
            ++printed.separators;
            continue;
        }
        const QByteArray path = line.left(line.indexOf(':'));
        if (in_file == file_lines) {
            current = path;
            in_file = 0;
            file_lines = lines_of(path);
            QVERIFY2(file_lines >= 0, "a file printed that should not be");
            ++printed.files;
        }
        QCOMPARE(path, current);
        ++in_file;
        ++printed.lines;
    }
    QCOMPARE(in_file, file_lines);
}

}  // namespace

class TestStandardFormat : public QObject {
    Q_OBJECT

private slots:
    void format_data() {
        QTest::addColumn<OutputPlan>("plan");
        QTest::addColumn<QByteArray>("expected");

        OutputPlan p = plan();
        QTest::newRow("no context: no breaks") << p
            << QByteArray("./src/a.c:1:foo bar foo\n./src/a.c-2-two\n./src/a.c-4-four\n./src/a.c:5:a foo\r\n./src/a.c-6-six\n");
        p.context = true;
        QTest::newRow("context: -- at the gap") << p
            << QByteArray("./src/a.c:1:foo bar foo\n./src/a.c-2-two\n--\n./src/a.c-4-four\n./src/a.c:5:a foo\r\n./src/a.c-6-six\n");
        p.strip_dot_slash = true;
        QTest::newRow("implicit root: no ./") << p
            << QByteArray("src/a.c:1:foo bar foo\nsrc/a.c-2-two\n--\nsrc/a.c-4-four\nsrc/a.c:5:a foo\r\nsrc/a.c-6-six\n");
        p.line_numbers = false;
        QTest::newRow("-N") << p
            << QByteArray("src/a.c:foo bar foo\nsrc/a.c-two\n--\nsrc/a.c-four\nsrc/a.c:a foo\r\nsrc/a.c-six\n");
        p.with_filename = false;
        QTest::newRow("-N single file") << p << QByteArray("foo bar foo\ntwo\n--\nfour\na foo\r\nsix\n");
        p.line_numbers = true;
        QTest::newRow("single file") << p << QByteArray("1:foo bar foo\n2-two\n--\n4-four\n5:a foo\r\n6-six\n");
        p.heading = true;
        QTest::newRow("heading, single file: no path line") << p
            << QByteArray("1:foo bar foo\n2-two\n--\n4-four\n5:a foo\r\n6-six\n");
        p.with_filename = true;
        QTest::newRow("heading") << p << QByteArray("src/a.c\n1:foo bar foo\n2-two\n--\n4-four\n5:a foo\r\n6-six\n");
        p.color = true;
        QTest::newRow("heading + colour (rg's escapes)") << p
            << QByteArray("\x1b[0m\x1b[35msrc/a.c\x1b[0m\n"
                          "\x1b[0m\x1b[32m1\x1b[0m:\x1b[0m\x1b[1m\x1b[31mfoo\x1b[0m bar \x1b[0m\x1b[1m\x1b[31mfoo\x1b[0m\n"
                          "\x1b[0m\x1b[32m2\x1b[0m-two\n--\n"
                          "\x1b[0m\x1b[32m4\x1b[0m-four\n"
                          "\x1b[0m\x1b[32m5\x1b[0m:a \x1b[0m\x1b[1m\x1b[31mfoo\x1b[0m\r\n"
                          "\x1b[0m\x1b[32m6\x1b[0m-six\n");
        p.heading = false;
        p.context = false;
        p.strip_dot_slash = false;
        QTest::newRow("colour, no heading") << p
            << QByteArray("\x1b[0m\x1b[35m./src/a.c\x1b[0m:\x1b[0m\x1b[32m1\x1b[0m:\x1b[0m\x1b[1m\x1b[31mfoo\x1b[0m bar "
                          "\x1b[0m\x1b[1m\x1b[31mfoo\x1b[0m\n"
                          "\x1b[0m\x1b[35m./src/a.c\x1b[0m-\x1b[0m\x1b[32m2\x1b[0m-two\n"
                          "\x1b[0m\x1b[35m./src/a.c\x1b[0m-\x1b[0m\x1b[32m4\x1b[0m-four\n"
                          "\x1b[0m\x1b[35m./src/a.c\x1b[0m:\x1b[0m\x1b[32m5\x1b[0m:a \x1b[0m\x1b[1m\x1b[31mfoo\x1b[0m\r\n"
                          "\x1b[0m\x1b[35m./src/a.c\x1b[0m-\x1b[0m\x1b[32m6\x1b[0m-six\n");

        QTest::newRow("-c") << plan(OutputMode::Count) << QByteArray("./src/a.c:2\n");
        p = plan(OutputMode::Count);
        p.with_filename = false;
        QTest::newRow("-c single file") << p << QByteArray("2\n");
        p = plan(OutputMode::Count);
        p.color = true;
        QTest::newRow("-c colour") << p << QByteArray("\x1b[0m\x1b[35m./src/a.c\x1b[0m:2\n");
        QTest::newRow("-l") << plan(OutputMode::FilesWithMatches) << QByteArray("./src/a.c\n");
        p = plan(OutputMode::FilesWithMatches);
        p.strip_dot_slash = true;
        QTest::newRow("-l implicit root") << p << QByteArray("src/a.c\n");
    }

    void format() {
        QFETCH(OutputPlan, plan);
        QFETCH(QByteArray, expected);
        std::string out;
        format_standard(sample(), plan, out);
        QCOMPARE(QByteArray::fromStdString(out), expected);
    }

    void odd_spans_are_clamped() {
        FileResult r;
        r.path = "f";
        r.lines = {match(3, "abc", {{1, 1}, {2, 9}, {7, 8}})};  // empty, past the end, beyond
        OutputPlan p = plan();
        p.color = true;
        std::string out;
        format_standard(r, p, out);
        QCOMPARE(QByteArray::fromStdString(out),
                 QByteArray("\x1b[0m\x1b[35mf\x1b[0m:\x1b[0m\x1b[32m3\x1b[0m:ab\x1b[0m\x1b[1m\x1b[31mc\x1b[0m\n"));
    }

    void non_utf8_bytes_pass_through() {
        FileResult r;
        r.path = "bin\xff";
        r.lines = {match(1, std::string("a\xff\xfe\0b", 5), {{0, 1}})};
        std::string out;
        format_standard(r, plan(), out);
        QCOMPARE(out, std::string("bin\xff:1:a\xff\xfe\0b\n", 13));
    }

    void file_separators() {
        OutputPlan p = plan();
        QCOMPARE(file_separator(p), std::string_view());
        p.context = true;
        QCOMPARE(file_separator(p), std::string_view("--\n"));
        p.heading = true;
        QCOMPARE(file_separator(p), std::string_view("\n"));
        p.mode = OutputMode::Count;
        QCOMPARE(file_separator(p), std::string_view());
    }

    // rg's BufferWriter: the separator goes between non-empty blocks, never first or last.
    void writer_separates_blocks() {
        std::FILE* f = std::tmpfile();
        QVERIFY(f);
        {
            OutputWriter w(fileno(f), 16);  // tiny buffer: forces flushes and direct writes
            QVERIFY(w.write_block("", "--\n"));
            QVERIFY(w.write_block("a:1:x\n", "--\n"));
            QVERIFY(w.write_block("", "--\n"));
            QVERIFY(w.write_block("b:2:a much longer line than the buffer\n", "--\n"));
            QVERIFY(w.write_block("c:3:z\n", "--\n"));
            QCOMPARE(w.bytes_written(), std::uint64_t(6 + 3 + 39 + 3 + 6));
        }
        QCOMPARE(read_all(f), std::string("a:1:x\n--\nb:2:a much longer line than the buffer\n--\nc:3:z\n"));
        std::fclose(f);
    }

    // Blocks from many threads arrive whole, never interleaved; so do the files printed in parts
    // (more than kFormatPartBytes of output), also between small files.
    void printer_blocks_stay_contiguous_data() {
        QTest::addColumn<int>("kLines");  // per file, alternating with 20 when `mixed`
        QTest::addColumn<int>("kFiles");
        QTest::addColumn<bool>("mixed");
        QTest::newRow("one block each") << 20 << 200 << false;
        QTest::newRow("in parts") << 8000 << 6 << false;
        QTest::newRow("in parts among small files") << 8000 << 20 << true;
    }
    void printer_blocks_stay_contiguous() {
        QFETCH(int, kLines);
        QFETCH(int, kFiles);
        QFETCH(bool, mixed);
        std::FILE* f = std::tmpfile();
        QVERIFY(f);
        constexpr int kThreads = 4;
        int total_lines = 0;
        for (int t = 0; t < kThreads; ++t) {
            for (int i = 0; i < kFiles; ++i) total_lines += mixed && i % 2 == 1 ? 20 : kLines;
        }
        {
            OutputWriter w(fileno(f), 4096);
            ErrorReporter errors(STDERR_FILENO);
            OutputPlan p = plan();
            p.context = true;
            StandardPrinter printer(p, w, errors);
            std::vector<std::thread> threads;
            for (int t = 0; t < kThreads; ++t) {
                threads.emplace_back([&printer, t, kLines, kFiles, mixed] {
                    for (int i = 0; i < kFiles; ++i) {
                        FileResult r;
                        r.path = "t" + std::to_string(t) + "_" + std::to_string(i);
                        const int lines = mixed && i % 2 == 1 ? 20 : kLines;
                        for (int n = 1; n <= lines; ++n) r.lines.push_back(match(n, std::string(50, 'x'), {}));
                        printer.on_file(std::move(r));
                    }
                });
            }
            for (auto& th : threads) th.join();
        }
        const QList<QByteArray> lines = QByteArray::fromStdString(read_all(f)).split('\n');
        std::fclose(f);
        PrintedFiles printed;
        check_whole_files(lines, [&](const QByteArray& path) {
            return mixed && path.split('_').last().toInt() % 2 == 1 ? 20 : kLines;
        }, printed);
        if (QTest::currentTestFailed()) return;
        QCOMPARE(printed.lines, total_lines);
        QCOMPARE(printed.separators, kThreads * kFiles - 1);
    }

    // Formatting in parts gives the same bytes, in parts of kFormatPartBytes (plus one line).
    void parts_are_the_whole() {
        FileResult r;
        r.path = "./many.h";
        for (std::uint64_t n = 1; n <= 20000; ++n) {
            r.lines.push_back(n % 7 == 0 ? ctx(n, std::string(n % 90, 'c')) : match(n, std::string(n % 100, 'm'), {}));
        }
        OutputPlan p = plan();
        p.context = true;
        p.heading = true;
        p.with_filename = true;
        std::string whole;
        format_standard(r, p, whole);
        std::string out;
        std::string joined;
        int drained = 0;
        format_standard(r, p, out, [&](std::string& part) {
            QVERIFY(part.size() >= kFormatPartBytes);
            QVERIFY(part.size() < kFormatPartBytes + 200);
            joined += part;
            part.clear();
            ++drained;
        });
        joined += out;
        QVERIFY(drained >= 2);
        QCOMPARE(joined.size(), whole.size());
        QVERIFY(joined == whole);
    }

    // A file's lines streamed (as the search hands them over, views valid only during the call)
    // print the bytes of the same lines collected, also when the stream writes them in parts
    // while the file is still being searched (its output beyond the hold size).
    void streamed_lines_print_as_collected_data() {
        QTest::addColumn<int>("kLines");
        QTest::addColumn<bool>("parts");  // more output than the stream holds
        QTest::newRow("held whole") << 2000 << false;
        QTest::newRow("in parts") << 200000 << true;
    }
    void streamed_lines_print_as_collected() {
        QFETCH(int, kLines);
        QFETCH(bool, parts);
        FileResult collected;
        collected.path = "./many.h";
        std::uint64_t offset = 0;
        for (std::uint64_t n = 1; n <= std::uint64_t(kLines); ++n) {
            OwnedLine line = n % 7 == 0 ? ctx(n, std::string(n % 90, 'c')) : match(n, std::string(n % 100, 'm'), {});
            if (n % 13 == 0) continue;  // a gap: "--" with context
            line.byte_offset = offset;
            offset += line.text.size() + 1;
            collected.lines.push_back(line);
            collected.matched_lines += line.is_context ? 0 : 1;
        }
        collected.size = offset;
        OutputPlan p = plan();
        p.context = true;
        p.heading = true;
        std::string whole;
        format_standard(collected, p, whole);

        std::FILE* f = std::tmpfile();
        QVERIFY(f);
        std::uint64_t written_before_finish = 0;
        {
            OutputWriter w(fileno(f), 4096);
            BlockPool pool;
            auto stream = std::make_shared<StandardLineStream>(p, w, pool, collected.path, nullptr, 1u << 20);
            std::size_t i = 0;
            for (const LineRecord& line : collected.lines) {
                std::string copy(line.text);  // gone after the call, as a read buffer moves on
                LineRecord view = line;
                view.text = copy;
                stream->line(view, true);
                copy.assign(copy.size(), '?');
                if (++i % 1000 == 0) stream->final_before(line.byte_offset);
            }
            written_before_finish = w.bytes_written();
            FileResult done;
            done.path = collected.path;
            done.matched_lines = collected.matched_lines;
            done.stream = stream;
            QVERIFY(stream->finish(done));
        }
        QCOMPARE(written_before_finish > 0, parts);
        const std::string printed = read_all(f);
        std::fclose(f);
        QCOMPARE(printed.size(), whole.size());
        QVERIFY(printed == whole);
    }

    // Lines the binary policy takes back (a NUL in the read after them) never print, with the
    // "--" and heading that came with them; what was final stays, and the counts come back.
    void streamed_lines_taken_back() {
        OutputPlan p = plan();
        p.context = true;
        p.heading = true;
        std::FILE* f = std::tmpfile();
        QVERIFY(f);
        FileResult expected;
        expected.path = "./late.h";
        {
            OutputWriter w(fileno(f), 4096);
            BlockPool pool;
            auto stream = std::make_shared<StandardLineStream>(p, w, pool, expected.path, nullptr, 0);
            // 40,000 lines of 100 bytes: matches, every 10th a context line, then a gap.
            std::uint64_t matched = 0;
            std::uint64_t spans = 0;
            TakenBack dropped_expected;
            constexpr std::uint64_t kCut = 3'000'000;  // a line start
            for (std::uint64_t n = 1; n <= 40000; ++n) {
                const std::uint64_t at = (n - 1) * 100;
                const bool context = n % 10 == 0;
                const std::uint64_t number = n + n / 10;  // a gap after every 10th line
                OwnedLine line = context ? ctx(number, std::string(99, 'c')) : match(number, std::string(99, 'm'), {{0, 3}});
                line.byte_offset = at;
                LineRecord view{line.number, at, line.text, line.spans, line.is_context};
                stream->line(view, true);
                if (at < kCut) {
                    expected.lines.push_back(line);
                    matched += context ? 0 : 1;
                    spans += context ? 0 : 1;
                } else if (!context) {
                    ++dropped_expected.matched_lines;
                    ++dropped_expected.matches;
                }
                if (n % 500 == 0) stream->final_before(std::min<std::uint64_t>(at, 2'900'000));
            }
            QVERIFY(w.bytes_written() > 0);  // parts went out before the NUL
            const TakenBack dropped = stream->take_back_from(kCut);
            QCOMPARE(dropped.matched_lines, dropped_expected.matched_lines);
            QCOMPARE(dropped.matches, dropped_expected.matches);
            expected.matched_lines = matched;
            expected.matches = spans;
            expected.binary = {BinaryAction::Stopped, kCut + 5, kCut};
            FileResult done;
            done.path = expected.path;
            done.binary = expected.binary;
            done.matched_lines = matched;  // a streamed file's counts are its own, as usual
            done.stream = stream;
            QVERIFY(stream->finish(done));
        }
        std::string whole;
        expected.size = 4'000'000;
        format_standard(expected, p, whole);
        const std::string printed = read_all(f);
        std::fclose(f);
        QCOMPARE(printed.size(), whole.size());
        QVERIFY(printed == whole);
    }

    // Streamed files from several threads, written in parts while they are searched, stay
    // contiguous among each other and among files printed whole; a file whose stream was
    // dropped (binary, failed) prints nothing.
    void streamed_files_stay_contiguous() {
        std::FILE* f = std::tmpfile();
        QVERIFY(f);
        constexpr int kThreads = 4;
        constexpr int kFiles = 4;
        // 9 MB of output, or little; the dropped file little too (once a part of a file is written, dropping it
        // cannot take that back: the search drops only binary files, which printed nothing, or failing ones).
        const auto lines_of = [](int i) { return i % 2 == 0 && i < kFiles ? 160000 : 20; };
        {
            OutputWriter w(fileno(f), 4096);
            ErrorReporter errors(STDERR_FILENO);
            OutputPlan p = plan();
            p.context = true;
            StandardPrinter printer(p, w, errors);
            std::vector<std::thread> threads;
            for (int t = 0; t < kThreads; ++t) {
                threads.emplace_back([&printer, &lines_of, t] {
                    for (int i = 0; i <= kFiles; ++i) {
                        FileResult r;
                        r.path = "t" + std::to_string(t) + "_" + std::to_string(i);
                        r.stream = printer.open_stream(r.path, nullptr);
                        const std::string text(50, 'x');
                        const int lines = lines_of(i);
                        for (int n = 1; n <= lines; ++n) {
                            const std::uint64_t at = std::uint64_t(n - 1) * 51;
                            r.stream->line(LineRecord{std::uint64_t(n), at, text, {}, false}, true);
                            if (n % 4096 == 0) r.stream->final_before(at);
                            r.matched_lines = std::uint64_t(n);
                        }
                        if (i == kFiles) continue;  // dropped: never delivered
                        printer.on_file(std::move(r));
                    }
                });
            }
            for (auto& th : threads) th.join();
        }
        const QList<QByteArray> lines = QByteArray::fromStdString(read_all(f)).split('\n');
        std::fclose(f);
        PrintedFiles printed;
        check_whole_files(lines, [&](const QByteArray& path) {
            const int i = path.split('_').last().toInt();
            return i < kFiles ? lines_of(i) : -1;  // file kFiles was dropped
        }, printed);
        if (QTest::currentTestFailed()) return;
        QCOMPARE(printed.files, kThreads * kFiles);
    }

    // The reader went away: the printer tells the search to stop, nothing crashes.
    void closed_pipe_stops_quietly() {
        std::signal(SIGPIPE, SIG_IGN);
        int fds[2];
        QCOMPARE(::pipe(fds), 0);
        ::close(fds[0]);
        OutputWriter w(fds[1], 64);
        ErrorReporter errors(STDERR_FILENO);
        StandardPrinter printer(plan(), w, errors);
        bool keep_going = true;
        for (int i = 0; i < 10 && keep_going; ++i) {
            FileResult r = sample();
            keep_going = printer.on_file(std::move(r));
        }
        QVERIFY(!keep_going);
        QVERIFY(w.closed());
        QCOMPARE(w.error(), 0);
        QVERIFY(!w.flush());
        QCOMPARE(errors.count(), std::uint64_t(0));  // a closed pipe is not an error
        ::close(fds[1]);
    }

    void errors_are_reported_on_stderr_format() {
        std::FILE* f = std::tmpfile();
        QVERIFY(f);
        ErrorReporter errors(fileno(f), /*strip_dot_slash=*/true);
        errors.report({"./a/b", "Permission denied (os error 13)"});
        errors.report({"", "walk stopped"});
        errors.report_message("invalid pattern 'a(': missing )");
        QCOMPARE(errors.count(), std::uint64_t(3));
        QCOMPARE(read_all(f), std::string("codescout-cli: a/b: Permission denied (os error 13)\n"
                                          "codescout-cli: walk stopped\n"
                                          "codescout-cli: invalid pattern 'a(': missing )\n"));
        std::fclose(f);
    }
};

QTEST_GUILESS_MAIN(TestStandardFormat)
#include "test_standard_format.moc"
