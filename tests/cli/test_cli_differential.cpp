// Differential test against ripgrep: for a table of patterns and flags, `codescout-cli ARGS` and
// `rg ARGS` (both with --sort path --no-heading -n --color never in front) must print the same
// bytes and exit with the same status; without --sort (the parallel output path), the same lines
// or per-file blocks in any order. Run on a generated git tree full of corner cases
// (.gitignore/.ignore rules, hidden and binary files, CRLF, Unicode, Latin-1, long lines, no final
// newline) and on the Linux kernel sources (scripts/corpus.sh; skipped when they are missing).
#include <QDir>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "core/encoding/text_encoding.h"
#include "lcg.h"
#include "process_runner.h"
#include "rg_oracle.h"
#include "test_tree.h"

namespace {

// Every row once per mode, named "mode: row", with the mode's flags ("oursOnly") and the row's
// arguments.
template <std::size_t Modes, std::size_t Rows>
void add_rows_per_mode(const std::pair<const char*, QStringList> (&modes)[Modes],
                       const std::pair<const char*, QStringList> (&rows)[Rows]) {
    for (const auto& [mode, flags] : modes) {
        for (const auto& [name, args] : rows) {
            QTest::newRow(qPrintable(QStringLiteral("%1: %2").arg(QLatin1StringView(mode), QLatin1StringView(name))))
                << flags << args;
        }
    }
}

const QStringList kCommonArgs = {QStringLiteral("--sort"), QStringLiteral("path"), QStringLiteral("--no-heading"),
                                 QStringLiteral("-n"), QStringLiteral("--color"), QStringLiteral("never")};

// How an unsorted row's output is cut before the pieces are compared in sorted order.
enum class Unit {
    Lines,       // every output line on its own (--no-heading, -c, -l)
    FileBlocks,  // --heading: one block per file (its path, then its lines), blank-line separated
};

}  // namespace
Q_DECLARE_METATYPE(Unit)  // a column of unsorted_data()
namespace {

// The output cut into `unit`s, sorted: equal for two outputs that differ only in the order in
// which files were printed. A file block counts as one piece, so if the lines of two files were
// interleaved the blocks would no longer match rg's.
QByteArray sorted_units(const QByteArray& out, Unit unit) {
    QList<QByteArray> units;
    if (unit == Unit::Lines) {
        units = out.split('\n');
    } else {
        qsizetype start = 0;
        for (qsizetype gap = out.indexOf("\n\n"); gap >= 0; gap = out.indexOf("\n\n", start)) {
            units.append(out.mid(start, gap + 1 - start));  // with its last line's '\n'
            start = gap + 2;
        }
        units.append(out.mid(start));
    }
    std::sort(units.begin(), units.end());
    return units.join(unit == Unit::Lines ? "\n" : "\n=== next unit ===\n");
}

void write_generated_tree(TestTree& t) {
    // (QVERIFY in a void helper: returns early on failure, and the caller checks for failures.)
    // Ignore rules (the tree becomes a git repository below, so .gitignore applies).
    t.write(QStringLiteral(".gitignore"), "build/\n*.log\n!keep.log\n/rootonly.txt\n# comment\ntrailing.txt   \n");
    t.write(QStringLiteral("src/.gitignore"), "generated_*\n!generated_keep.c\n");
    t.write(QStringLiteral("docs/.ignore"), "draft*.md\n");
    t.write(QStringLiteral("build/out.txt"), "foo in build\n");
    t.write(QStringLiteral("app.log"), "foo in a log\n");
    t.write(QStringLiteral("keep.log"), "foo kept log\n");
    t.write(QStringLiteral("rootonly.txt"), "foo root only\n");
    t.write(QStringLiteral("src/rootonly.txt"), "foo not anchored here\n");
    t.write(QStringLiteral("trailing.txt"), "foo trailing spaces rule\n");
    t.write(QStringLiteral("src/generated_x.c"), "foo generated\n");
    t.write(QStringLiteral("src/generated_keep.c"), "foo generated but kept\n");
    t.write(QStringLiteral("docs/draft1.md"), "foo draft\n");
    t.write(QStringLiteral("docs/final.md"), "foo final\n# PM_RESUME docs\n");

    // Hidden entries.
    t.write(QStringLiteral(".hidden/secret.txt"), "foo secret\n");
    t.write(QStringLiteral(".dotfile"), "foo dotfile\n");
    t.write(QStringLiteral("src/.env"), "FOO=foo\n");

    // Sources.
    t.write(QStringLiteral("src/main.c"),
            "#include <stdio.h>\n"
            "/* power management */\n"
            "#define PM_RESUME 1\n"
            "#define PM_SUSPEND 2\n"
            "#define FOO_RESUME 3\n"
            "int foo(void) { return PM_RESUME; }\n"
            "int main(void) {\n"
            "    foo(); foo(); foo();\n"
            "    return a.b + aXb;\n"
            "}\n");
    t.write(QStringLiteral("src/util/helpers.h"),
            "static inline int foo_bar(int x) { return x; }\n"
            "static inline int bar_foo(int x) { return -x; }\n"
            "ERR_SYS PME_TURN_OFF LINK_REQ_RST CFG_BME_EVT\n"
            "alpha beta gamma delta epsilon zeta\n");
    t.write(QStringLiteral("hyphen.txt"), "foo-bar foo_bar foobar -foo- foo\nbar-foo\nfoo\n");

    // Line endings and encodings.
    t.write(QStringLiteral("crlf.txt"), "foo bar\r\nline two foo\r\nfoo\r\n\r\nlast PM_RESUME\r\n");
    t.write(QStringLiteral("unicode.txt"),
            "Straße STRASSE straße\n"
            "ΣΊΣΥΦΟΣ σίσυφος Σίσυφος\n"
            "café naïve résumé foo\n"
            "日本語 テキスト foo\n"
            "Ångström ÅNGSTRÖM\n"
            "emoji 😀 foo 😀\n"
            "digits 42 ٤٢ ４２\u00a0end\n");
    // Characters whose Script differs from their Script_Extensions (\\p{Greek} vs rg -P).
    t.write(QStringLiteral("scripts.txt"),
            "a\u0342b combining perispomeni\n"
            "\u03b1\u03b2 plain Greek\n"
            "\u3001 ideographic comma\n"
            "\u6f22\u5b57 Han\n"
            "latin only\n");
    t.write(QStringLiteral("latin1.txt"), "caf\xe9 foo\nna\xefve bar\n");
    t.write(QStringLiteral("noeol.txt"), "first foo\nlast foo");
    // Lines whose matches depend on reading each line alone (lines_alone.h).
    t.write(QStringLiteral("alone.txt"), "#include <algorithm>\n\n#include \"x.h\"\nx\nyz\n-- a\n--\nab \nS_kernel\n");
    t.write(QStringLiteral("escapes.txt"), "say \"foo\"\tC:\\path\\foo\x01\x1b[0m\x7f end\n");
    t.write(QStringLiteral("empty.txt"), "");
    t.write(QStringLiteral("blank_lines.txt"), "\n\nfoo\n\n\n\nfoo\n\n");
    t.write(QStringLiteral("long.txt"), QByteArray(150000, 'a') + " needle " + QByteArray(70000, 'b') + " foo\nshort foo\n");

    // Binary files: skipped during a walk.
    t.write(QStringLiteral("data.bin"), QByteArray("foo\0bar\nfoo\n", 12));
    t.write(QStringLiteral("image.png"), QByteArray("\x89PNG\r\n\x1a\n\0\0\0foo", 15));
    // NUL-terminated records holding '\n' (--null-data: an ordinary byte there).
    static const char records[] = "foo\nbar\0baz qux\0x\"y\nz\"\0\nlead\0trail\n\0a.b foo\0";
    t.write(QStringLiteral("records/nul.dat"), QByteArray(records, sizeof records - 1));

    // Sorting: "a/x" before "a-b/x" component-wise.
    t.write(QStringLiteral("a/x.txt"), "foo a\n");
    t.write(QStringLiteral("a-b/x.txt"), "foo a-b\n");
    t.write(QStringLiteral("a.b/x.txt"), "foo a.b\n");
    t.write(QStringLiteral("d1/d2/d3/d4/d5/deep.txt"), "foo deep\n");

    // Links: to a directory (followed with -L), a loop, a dangling one.
    t.write(QStringLiteral("linked/target/inner.txt"), "foo behind a link\n");
    t.symlink(QStringLiteral("../linked/target"), QStringLiteral("links/to_target"));
    t.symlink(QStringLiteral(".."), QStringLiteral("linked/target/loop"));
    t.symlink(QStringLiteral("nowhere"), QStringLiteral("links/dangling"));

    // A file name that is not UTF-8 (Latin-1 "é").
    {
        const std::string name = t.root() + "/latin1_name_\xe9.txt";
        std::FILE* f = std::fopen(name.c_str(), "wb");
        QVERIFY(f != nullptr);
        std::fputs("foo in a Latin-1 name\n", f);
        std::fclose(f);
    }

    // Many generated files with context to merge.
    const char* words[] = {"foo", "bar", "baz", "PM_RESUME", "FOO_RESUME", "hello", "world", "Foo", "FOO",
                           "alpha", "omega", "x", "lorem", "ipsum", "dolor", "sit", "amet", "-", "=", "{", "}"};
    Lcg rng(12345);
    for (int f = 0; f < 40; ++f) {
        QByteArray content;
        const std::uint32_t lines = 5 + rng.next(60);
        for (std::uint32_t l = 0; l < lines; ++l) {
            const std::uint32_t n = rng.next(9);
            for (std::uint32_t w = 0; w < n; ++w) {
                if (w) content += ' ';
                content += words[rng.next(sizeof words / sizeof *words)];
            }
            content += '\n';
        }
        t.write(QStringLiteral("gen/dir%1/file%2.txt").arg(f % 7).arg(f), content);
    }
    // One file of a few hundred KiB: crosses the buffered reader's chunk boundaries.
    QByteArray big;
    for (int l = 0; l < 30000; ++l) {
        const std::uint32_t n = rng.next(12);
        for (std::uint32_t w = 0; w < n; ++w) {
            if (w) big += ' ';
            big += words[rng.next(sizeof words / sizeof *words)];
        }
        big += '\n';
    }
    t.write(QStringLiteral("gen/big.txt"), big);
}

// 64-byte lines; "foo at N" lines at the given offsets (rounded down to a line), a NUL at `nul`.
QByteArray late_nul_file(qsizetype size, qsizetype nul, std::initializer_list<qsizetype> matches) {
    QByteArray content = QByteArray(QByteArray(63, 'x') + '\n').repeated(size / 64);
    for (const qsizetype at : matches) {
        const QByteArray label = "foo at " + QByteArray::number(at);
        content.replace(at / 64 * 64, label.size(), label);
    }
    content[nul] = '\0';
    return content;
}

void write_inputs_tree(TestTree& t) {
    constexpr qsizetype K = 1024;
    t.write(QStringLiteral("text.txt"), "foo one\nbar\nbar foo\nbaz\n");
    t.write(QStringLiteral("data.bin"), QByteArray("foo\0bar\nfoo\nbaz\n", 16));
    t.write(QStringLiteral("other/a.txt"), "foo in a\nbar\n");
    // Walked (and some named): NULs before, at and after rg's 64 KiB reads, with matches around.
    t.write(QStringLiteral("late/late_100k_30k.txt"), late_nul_file(100 * K, 30 * K + 5, {10, 50 * K, 90 * K}));
    t.write(QStringLiteral("late/late_100k_70k.txt"), late_nul_file(100 * K, 70 * K + 5, {10, 50 * K, 90 * K}));
    t.write(QStringLiteral("late/late_100k_65k.txt"), late_nul_file(100 * K, 65 * K + 5, {10, 64 * K + 64, 90 * K}));
    t.write(QStringLiteral("late/late_1m_130k.txt"), late_nul_file(K * K, 130 * K + 5, {10, 100 * K, 129 * K, 200 * K}));
    t.write(QStringLiteral("late/late_1m_500k.txt"), late_nul_file(K * K, 500 * K + 5, {10, 100 * K, 200 * K, 600 * K}));
    t.write(QStringLiteral("late/late_20m_15m.txt"), late_nul_file(20 * K * K, 15 * K * K + 5, {10, 5 * K * K, 16 * K * K}));
    t.write(QStringLiteral("late/late_20m_100k.txt"), late_nul_file(20 * K * K, 100 * K + 5, {10, 50 * K, 16 * K * K}));
    // rg's first read is 3 bytes (it looks for a BOM): a line end in them ends its first fill.
    QByteArray short_first = late_nul_file(70400, 65537, {60000});
    short_first.replace(0, 2, "f\n");
    t.write(QStringLiteral("late/short_first_line.txt"), short_first);
    // 100-byte lines: codescout's 2 MiB map windows end inside one of rg's reads; the first
    // match before that end, the NUL after it, in the same read: rg quits before finding it.
    QByteArray split = QByteArray(QByteArray(99, 'y') + '\n').repeated(30000);
    split.replace(2097100, 3, "foo");
    split[2097300] = '\0';
    t.write(QStringLiteral("late/split_read.txt"), split);
    QByteArray in_match = "foo a\n" + QByteArray(QByteArray(63, 'x') + '\n').repeated(1100) + QByteArray("foo\0c\n", 6);
    in_match += QByteArray(QByteArray(63, 'x') + '\n').repeated(10) + "foo b\n";
    t.write(QStringLiteral("late/nul_in_match.txt"), in_match);
    QByteArray in_context = "foo a\n" + QByteArray(QByteArray(63, 'x') + '\n').repeated(1100) + QByteArray("y\0\nfoo d\n", 8);
    in_context += QByteArray(QByteArray(63, 'x') + '\n').repeated(10) + "foo b\n";
    t.write(QStringLiteral("late/nul_in_context.txt"), in_context);
}

// `text` in UTF-16 (little or big endian), with a byte order mark or without.
QByteArray utf16(const QString& text, bool big_endian, bool bom) {
    QByteArray out;
    if (bom) out += big_endian ? QByteArray("\xFE\xFF") : QByteArray("\xFF\xFE");
    for (const QChar c : text) {
        const char hi = char(c.unicode() >> 8), lo = char(c.unicode() & 0xFF);
        out.append(big_endian ? hi : lo).append(big_endian ? lo : hi);
    }
    return out;
}

// Files in other encodings (enc/): byte order marks rg drops or decodes from, and text for -E.
void write_encodings_tree(TestTree& t) {
    t.write(QStringLiteral("enc/bom8.txt"), "\xEF\xBB\xBF" "foo at the start\nsecond foo\n\xEF\xBB\xBF" "foo kept BOM\n");
    t.write(QStringLiteral("enc/bom8_only.txt"), "\xEF\xBB\xBF");
    t.write(QStringLiteral("enc/bom16_only.txt"), "\xFF\xFE");
    t.write(QStringLiteral("enc/u16le.txt"),
            utf16(QStringLiteral("hello\r\nfoo bar\r\nbaz foo\r\nünïcödé foo 😀 end\r\nlast\r\n"), false, true));
    t.write(QStringLiteral("enc/u16be.txt"), utf16(QStringLiteral("line one\nfoo two\nthree\nfoo four\nfive"), true, true));
    t.write(QStringLiteral("enc/u16le_nobom.txt"), utf16(QStringLiteral("one\nfoo two\n"), false, false));
    t.write(QStringLiteral("enc/u16_double_bom.txt"), utf16(QStringLiteral("\uFEFFfoo after two BOMs\n"), false, true));
    // Odd length: the last byte is half a code unit (U+FFFD); a lone surrogate too.
    t.write(QStringLiteral("enc/u16_odd.txt"), utf16(QStringLiteral("foo\nbar foo\n"), false, true) + 'x');
    t.write(QStringLiteral("enc/u16_invalid.txt"),
            utf16(QStringLiteral("foo "), false, true) + QByteArray("\x00\xD8", 2) + utf16(QStringLiteral(" foo\n"), false, false));
    t.write(QStringLiteral("enc/latin1.txt"), "caf\xe9 foo\nna\xefve bar\n\x80uro foo\n");
    t.write(QStringLiteral("enc/sjis.txt"), "\x93\xFA\x96\x7B\x8C\xEA foo\nabc\n");
    t.write(QStringLiteral("enc/invalid8.txt"), "foo \xC3( \xFF bar\nfoo \xE2\x82\n");
    // Large files: the engine's raw and decoded blocks end inside multibyte characters (UTF-16
    // surrogate pairs, two-byte Shift_JIS) at many places, whatever the reading strategy.
    QString big;
    QByteArray sjis;
    for (int i = 0; i < 12000; ++i) {
        big += QStringLiteral("line %1 é%2 😀 %3\n").arg(i).arg(QString(i % 7, u'x'), i % 13 == 0 ? QStringLiteral("foo") : QString());
        sjis += "\x93\xFA\x96\x7B" + QByteArray(i % 5, 'y') + (i % 11 == 0 ? " foo " : " ") + QByteArray::number(i) + '\n';
    }
    t.write(QStringLiteral("enc/big/u16le_big.txt"), utf16(big, false, true));
    t.write(QStringLiteral("enc/big/u16be_big.txt"), utf16(big, true, true));
    t.write(QStringLiteral("enc/big/bom8_big.txt"), "\xEF\xBB\xBF" + big.toUtf8());
    t.write(QStringLiteral("enc/sjis_big/sjis_big.txt"), sjis);
    // Every byte on a line of its own (but '\n'): what each single-byte encoding decodes it to.
    QByteArray bytes;
    for (int b = 1; b < 256; ++b) {
        if (b != '\n') bytes += char(b) + QByteArray("\n");
    }
    t.write(QStringLiteral("enc/bytes/all_bytes.bin"), bytes);
    // A NUL character in UTF-16: binary after decoding.
    t.write(QStringLiteral("enc/nul/u16_nul.txt"), utf16(QStringLiteral("foo one\nfoo\u0000two\nfoo three\n"), false, true));
}

// Multi-line fixtures (-U): matches across lines, adjacent and overlapping groups, CRLF, a last
// line without '\n', NULs before and after rg's first 64 KiB (in a match, in context, elsewhere),
// Unicode and UTF-16 text.
void write_multiline_tree(TestTree& t) {
    t.write(QStringLiteral("a.txt"), "foo\nbar baz\nqux foo\nbar\nend");
    t.write(QStringLiteral("ctx.txt"), "l1\nl2\nl3\nfoo\nbar\nl6\nl7\nl8\nl9\nfoo\nbar\nfoo\nbar\nl14\n");
    t.write(QStringLiteral("b.txt"), "foo\nfoo boo\nx\nfoo\n");
    t.write(QStringLiteral("crlf.txt"), "x\r\nfoo\r\nbar\r\nfoo bar\r\n");
    t.write(QStringLiteral("code.c"),
            "int f(void)\n{\n    return 0;\n}\n\nstatic int\ng(int x)\n{\n    if (x)\n        return 1;\n"
            "    return\n        2;\n}\n/* a comment\n   over lines */\nint h;\n");
    t.write(QStringLiteral("uni.txt"), "Straße\nSTRASSE und\nσίσυφος\nΣΊΣΥΦΟΣ 😀\nend\n");
    t.write(QStringLiteral("u16/u16le.txt"), utf16(QStringLiteral("one foo\r\nbar two\r\nfoo\r\nbar\r\n"), false, true));
    const QByteArray filler = QByteArray(QByteArray(63, 'x') + '\n').repeated(1100);  // 70,400 bytes
    // Walked (bin/) and named: the walked ones quit, the named ones print up to the NUL.
    t.write(QStringLiteral("bin/early.txt"), QByteArray("foo\nbar\0\nfoo\nbar\n", 17));
    t.write(QStringLiteral("bin/late_in_match.txt"),
            "foo\nbar\n" + filler + QByteArray("foo \0\nbar\n", 10) + filler.left(192) + "foo\nbar\n");
    t.write(QStringLiteral("bin/late_in_ctx.txt"),
            "foo\nbar\n" + filler + QByteArray("zz\0zz\nfoo\nbar\n", 14) + filler.left(192) + "foo\nbar\n");
    t.write(QStringLiteral("bin/late_elsewhere.txt"),
            "foo\nbar\n" + filler + QByteArray("zz\0zz\n", 6) + filler.left(192) + "foo\nbar\n");
    // A big file: crosses read chunks and map windows; matches at its start, middle and end.
    QByteArray big;
    for (int i = 0; i < 40000; ++i) {
        big += i % 997 == 0 ? QByteArray("begin ") + QByteArray::number(i) + "\n  end\n" : QByteArray("line ") + QByteArray::number(i) + '\n';
    }
    t.write(QStringLiteral("big/big.txt"), big + "begin last\n  end");
}

// A generated register header like the kernel's AMD *_sh_mask.h (and bench/many-lines.sh): about
// 20,000 lines, nearly all matching '\w+_\w+_\w+_\w+_\w+', so a file's lines are many, cross
// every read and block boundary, and dense matches keep the prefilters switched off.
QByteArray register_header_text() {
    static const char* const kBlocks[] = {"NBIO", "BIF", "PCIE", "GFX", "SDMA"};
    static const char* const kFields[] = {"ENABLE", "VALID", "COUNT", "LIMIT", "OFFSET", "SELECT", "STALL"};
    QByteArray text = "/* many lines */\n#ifndef _regs_sh_mask_HEADER\n";
    for (int n = 0; text.count('\n') < 20000; ++n) {
        text += "\n// " + QByteArray(kBlocks[n % 5]).toLower() + "_cntl " + QByteArray::number(n) + "\n";
        for (int f = 0; f < 7; ++f) {
            const QByteArray name = QByteArray(kBlocks[n % 5]) + "_" + QByteArray::number(n) + "_CNTL__" + kFields[f] +
                                    "_" + QByteArray::number(f);
            text += "#define " + name + "__SHIFT" + QByteArray(30 + n % 7, ' ') + "0x" + QByteArray::number(f * 3, 16) + "\n";
            text += "#define " + name + "_MASK" + QByteArray(31 + n % 5, ' ') + "0x" +
                    QByteArray::number(7u << (f * 3), 16).toUpper().rightJustified(8, '0') + "L\n";
        }
    }
    return text;
}

void write_many_lines_tree(TestTree& t) {
    const QByteArray text = register_header_text();
    t.write(QStringLiteral("regs_sh_mask.h"), text + "#endif\n");
    // The same without a final newline, and in CRLF.
    t.write(QStringLiteral("regs_noeol.h"), text + "#endif");
    t.write(QStringLiteral("regs_crlf.h"), QByteArray(text).replace("\n", "\r\n"));
    // Non-ASCII lines among the ASCII ones: RE2 decides only ASCII lines (re2_line_prefilter.h),
    // PCRE2 these, where Unicode \w matches 'ä' and 'É' (some lines then match, some do not).
    QByteArray mixed;
    for (int n = 0; n < 3000; ++n) {
        switch (n % 6) {
        case 0: mixed += "#define \xC3\x89TAT_" + QByteArray::number(n) + "_CNTL__ENABLE_0 0x1\n"; break;
        case 1: mixed += "// \xC3\xA4_" + QByteArray::number(n) + " no match here\n"; break;
        case 2: mixed += "#define GFX_" + QByteArray::number(n) + "_CNTL__MASK_\xC3\xA4 0x2\n"; break;
        case 3: mixed += "short_line_" + QByteArray::number(n) + "\n"; break;
        default: mixed += "#define SDMA_" + QByteArray::number(n) + "_ADDR__VALID_1__SHIFT 0x3\n"; break;
        }
    }
    t.write(QStringLiteral("regs_mixed.h"), mixed);
}

// Seven copies of the register header (about 10 MB, 140,000 lines matching '\w+_\w+_\w+_\w+_\w+':
// more output than the standard printer's streams hold before they write a file in parts, sorted
// or not) with a NUL in the seventh, and a small header next to it. rg prints what it searched
// before the read that brought the NUL, then its warning.
void write_late_nul_tree(TestTree& t) {
    const QByteArray text = register_header_text();
    QByteArray big;
    for (int i = 0; i < 6; ++i) big += text;
    QByteArray last = text;
    last[last.size() / 2] = '\0';
    t.write(QStringLiteral("regs_late_nul.h"), big + last);
    t.write(QStringLiteral("regs_small.h"), text.left(20000) + "\n");
}

void add_row(const char* name, const QString& where, const QStringList& args) {
    QTest::newRow(name) << where << args;
}

// Of --stats output: the results, then only the lines ripgrep prints with numbers to compare (not
// its times, nor what codescout-cli adds: the skipped files, the memory block).
QByteArray rg_stats_view(const QByteArray& out) {
    static const QRegularExpression counts(QStringLiteral(
        "^\\d+ (matches|matched lines|files contained matches|files searched|bytes printed|bytes searched)$"));
    static const QRegularExpression block_start(QStringLiteral("(^|\n)\n\\d+ matches\n"));
    QRegularExpressionMatchIterator blocks = block_start.globalMatch(QString::fromLatin1(out));
    qsizetype start = -1;
    while (blocks.hasNext()) start = blocks.next().capturedStart();
    if (start < 0) return out;
    QByteArray kept = out.left(start) + "\n--stats--\n";
    for (const QByteArray& line : out.mid(start).split('\n'))
        if (counts.match(QString::fromLatin1(line)).hasMatch()) kept += line + '\n';
    return kept;
}

}  // namespace

class TestCliDifferential : public QObject {
    Q_OBJECT

private:
    TestTree tree_;
    QString generated_;
    TestTree inputs_;     // stdin, binary and late-NUL inputs (not a git repository)
    QString inputs_dir_;
    TestTree multiline_;  // -U inputs (write_multiline_tree)
    QString multiline_dir_;
    TestTree many_lines_;  // write_many_lines_tree
    QString many_lines_dir_;
    TestTree late_nul_;    // write_late_nul_tree
    QString late_nul_dir_;
    QString kernel_;
    QString kernel_skip_reason_;

    // `ours_only`: flags rg does not have (thresholds), put in front for codescout-cli only.
    // `known_difference`: a difference already understood and reported; the row is then an
    // expected failure, and turns into an unexpected pass (a test failure) once it is fixed.
    // `rg_out`, when given, receives rg's output. (void: QEXPECT_FAIL and QVERIFY return early.)
    void compare(const QString& cwd, const QStringList& args, const QStringList& ours_only = {},
                 const QString& known_difference = {}, QByteArray* rg_out = nullptr) {
        const QStringList full = kCommonArgs + args;
        const ProcessResult ours = run_cli(ours_only + full, cwd);
        const ProcessResult theirs = run_program(rg_path(), full, cwd);
        QVERIFY2(theirs.exit_code >= 0, "rg did not run");
        if (rg_out != nullptr) *rg_out = theirs.out;
        const QString context = QStringLiteral("args: %1\ncodescout-cli: %2\nrg: %3\n")
                                    .arg((ours_only + full).join(u' '), ours.describe(), theirs.describe());
        const QString difference = ours.out == theirs.out ? QString() : first_difference(ours.out, theirs.out);
        if (!known_difference.isEmpty()) QEXPECT_FAIL("", qPrintable(known_difference), Abort);
        QVERIFY2(ours.out == theirs.out && ours.exit_code == theirs.exit_code, qPrintable(context + difference));
    }

    // Runs `bash -c SCRIPT bash PROGRAM ARGS...` in `cwd` with codescout-cli and with rg as
    // PROGRAM: pipes, FIFOs and process substitution around the program; same bytes, same exit.
    void compare_script(const QString& script, const QStringList& args, const QString& cwd) {
        const QString bash = QStandardPaths::findExecutable(QStringLiteral("bash"));
        if (bash.isEmpty()) QSKIP("bash is needed for pipes, FIFOs and process substitution");
        const auto run = [&](const QString& program) {
            return run_program(bash, QStringList{QStringLiteral("-c"), script, QStringLiteral("bash"), program} + args, cwd);
        };
        const ProcessResult ours = run(cli_path());
        const ProcessResult theirs = run(rg_path());
        QVERIFY2(theirs.exit_code >= 0, "rg did not run");
        QVERIFY2(ours.out == theirs.out && ours.exit_code == theirs.exit_code,
                 qPrintable(QStringLiteral("codescout-cli: %1\nrg: %2\n").arg(ours.describe(), theirs.describe()) +
                            first_difference(ours.out, theirs.out)));
    }

private slots:
    void initTestCase() {
        if (rg_path().isEmpty()) QSKIP("rg is not installed: nothing to compare with");
        QVERIFY(tree_.isValid());
        generated_ = QString::fromStdString(tree_.root());
        const QString git = QStandardPaths::findExecutable(QStringLiteral("git"));
        QVERIFY2(!git.isEmpty(), "git is needed to make the generated tree a repository");
        write_generated_tree(tree_);
        if (QTest::currentTestFailed()) return;
        const ProcessResult init = run_program(git, {QStringLiteral("init"), QStringLiteral("-q")}, generated_);
        QVERIFY2(init.exit_code == 0, qPrintable(init.describe()));

        write_inputs_tree(inputs_);
        write_encodings_tree(inputs_);
        inputs_dir_ = QString::fromStdString(inputs_.root());
        write_multiline_tree(multiline_);
        multiline_dir_ = QString::fromStdString(multiline_.root());
        write_many_lines_tree(many_lines_);
        many_lines_dir_ = QString::fromStdString(many_lines_.root());
        write_late_nul_tree(late_nul_);
        late_nul_dir_ = QString::fromStdString(late_nul_.root());

        const QString source_dir = QProcessEnvironment::systemEnvironment().value(QStringLiteral("CODESCOUT_SOURCE_DIR"));
        if (source_dir.isEmpty()) {
            kernel_skip_reason_ = QStringLiteral("CODESCOUT_SOURCE_DIR is not set (run through ctest)");
            return;
        }
        const ProcessResult corpus = run_program(source_dir + QStringLiteral("/scripts/corpus.sh"), {}, source_dir);
        if (corpus.exit_code != 0) {
            kernel_skip_reason_ = QStringLiteral("no kernel sources: ") + QString::fromUtf8(corpus.err).trimmed();
            return;
        }
        kernel_ = QString::fromUtf8(corpus.out).trimmed();
    }

    // QDir cannot name a file whose name is not valid in the locale's encoding, so QTemporaryDir
    // would leave it (and its folder) behind.
    void cleanupTestCase() {
        if (!generated_.isEmpty()) std::remove((tree_.root() + "/latin1_name_\xe9.txt").c_str());
    }

    void generated_tree_data() {
        QTest::addColumn<QString>("where");  // unused: the rows name their paths
        QTest::addColumn<QStringList>("args");
        using L = QStringList;
        const QString g;
        add_row("literal", g, L{"foo", "."});
        add_row("implicit root", g, L{"foo"});
        add_row("no match", g, L{"zzzz_not_there", "."});
        add_row("-F with regex characters", g, L{"-F", "a.b", "."});
        add_row("regex dot", g, L{"a.b", "."});
        add_row("-i", g, L{"-i", "pm_resume", "."});
        add_row("-S lowercase", g, L{"-S", "foo", "."});
        add_row("-S uppercase", g, L{"-S", "Foo", "."});
        add_row("-w", g, L{"-w", "foo", "."});
        add_row("-w -i", g, L{"-w", "-i", "foo", "."});
        add_row("-x", g, L{"-x", "foo", "."});
        add_row("-x -F", g, L{"-x", "-F", "foo bar\r", "."});
        add_row("several -e", g, L{"-e", "foo", "-e", "PM_RESUME", "-e", "ΣΊΣΥΦΟΣ", "."});
        add_row("-F several -e", g, L{"-F", "-e", "foo(", "-e", "a.b", "."});
        add_row("-A2", g, L{"-A2", "foo", "."});
        add_row("-B2", g, L{"-B2", "foo", "."});
        add_row("-C1", g, L{"-C1", "foo", "."});
        add_row("-C3 merged groups", g, L{"-C3", "PM_RESUME", "gen"});
        add_row("-A1 -B4", g, L{"-A1", "-B4", "hello", "gen"});
        add_row("-c", g, L{"-c", "foo", "."});
        add_row("-l", g, L{"-l", "foo", "."});
        add_row("-m1", g, L{"-m1", "foo", "."});
        add_row("-m2 -A1", g, L{"-m2", "-A1", "foo", "gen"});
        add_row("-c -m3", g, L{"-c", "-m3", "foo", "."});
        add_row("-g include", g, L{"-g", "*.c", "foo", "."});
        add_row("-g exclude", g, L{"-g", "!*.txt", "foo", "."});
        add_row("-g dir glob", g, L{"-g", "gen/dir1/**", "foo"});
        add_row("-g several", g, L{"-g", "*.txt", "-g", "!gen/**", "foo"});
        // rg --hidden descends into .git; CodeScout never searches .git (issue 2), so these rows
        // exclude it from rg explicitly (test_cli_end_to_end checks our side).
        add_row("--hidden", g, L{"--hidden", "-g", "!.git", "foo", "."});
        add_row("--no-ignore", g, L{"--no-ignore", "foo", "."});
        add_row("--hidden --no-ignore", g, L{"--hidden", "--no-ignore", "-g", "!.git", "foo"});
        add_row("class regex", g, L{"[A-Z]+_RESUME", "."});
        add_row("\\w{5}\\s+\\w{5}", g, L{"\\w{5}\\s+\\w{5}", "."});
        add_row("alternation", g, L{"ERR_SYS|PME_TURN_OFF|LINK_REQ_RST|CFG_BME_EVT", "."});
        add_row("unicode -i", g, L{"-i", "straße", "."});
        add_row("unicode -i sigma", g, L{"-i", "σίσυφος", "."});
        add_row("unicode \\w", g, L{"caf\\w", "."});
        add_row("unicode \\b", g, L{"\\bnaïve\\b", "."});
        add_row("emoji", g, L{"😀", "."});
        add_row("-N", g, L{"-N", "foo", "."});
        add_row("--max-depth", g, L{"--max-depth", "1", "foo", "."});
        add_row("$ before CR", g, L{"foo$", "."});
        add_row("^ anchors", g, L{"^foo", "."});
        add_row("empty lines", g, L{"^$", "."});
        add_row("empty pattern -c", g, L{"-c", "", "."});
        add_row("empty match x*", g, L{"-c", "x*", "gen"});
        add_row("long line", g, L{"needle", "."});
        add_row("single file", g, L{"foo", "src/main.c"});
        add_row("single file -c", g, L{"-c", "foo", "src/main.c"});
        add_row("two files, roots in the order given", g, L{"foo", "src/main.c", "hyphen.txt"});
        add_row("two directories", g, L{"foo", "src", "gen", "a"});
        add_row("root with trailing slash", g, L{"foo", "src/"});
        add_row("root with ./", g, L{"foo", "./src"});
        add_row("explicit ignored file", g, L{"foo", "app.log"});
        add_row("explicit hidden file", g, L{"foo", ".dotfile", "src/main.c"});
        add_row("hyphen -w", g, L{"-w", "bar", "hyphen.txt"});
        add_row("links not followed", g, L{"foo", "links", "linked"});
        add_row("-L: link followed, loop reported", g, L{"-L", "foo", "links", "linked"});
        add_row("-L --files", g, L{"-L", "--files"});
        add_row("dangling link named", g, L{"foo", "links/dangling", "a"});
        add_row("unicode -w", g, L{"-w", "Straße", "."});
        add_row("unicode -w -i", g, L{"-w", "-i", "ångström", "."});
        add_row("unicode -x", g, L{"-x", "日本語 テキスト foo", "."});
        add_row("unicode \\d and \\s", g, L{"\\d+\\s", "."});
        add_row("-F -i", g, L{"-F", "-i", "PM_resume", "."});
        add_row("-F -w", g, L{"-F", "-w", "foo", "hyphen.txt", "src"});
        add_row("-x alternation", g, L{"-x", "foo|FOO=foo", "."});
        add_row("-w alternation", g, L{"-w", "foo|bar", "hyphen.txt", "src"});
        add_row("-w non-word pattern", g, L{"-w", "-e", "-foo-", "-e", "bar", "hyphen.txt"});
        add_row("-w -x", g, L{"-w", "-x", "foo", "."});
        add_row("-x -w (the last counts)", g, L{"-x", "-w", "foo", "."});
        // Smart case wants a literal character: classes alone stay case-sensitive (rg's default
        // syntax; rg -P does not ask).
        add_row("-S classes alone", g, L{"-S", "-o", "[[:upper:]]{2,}", "unicode.txt", "src"});
        add_row("-S \\p{Lu} alone", g, L{"-S", "-c", "\\p{Lu}", "."});
        add_row("-S \\p{Ll}+ with a literal elsewhere", g, L{"-S", "-c", "-e", "\\p{Ll}+", "-e", "xyz", "."});
        // A byte that is not UTF-8 is neither a word nor a non-word character to rg's -w ("caf"
        // in Latin-1 "caf\xe9" is no word), and no word character to rg -P's.
        add_row("-w beside a byte that is not UTF-8", g, L{"-w", "caf|na|foo|bar", "latin1.txt"});
        add_row("-w -F beside a byte that is not UTF-8", g, L{"-w", "-F", "-e", "caf", "-e", "ve", "-e", "foo", "latin1.txt"});
        add_row("-P -w beside a byte that is not UTF-8", g, L{"-P", "-w", "caf|na|foo", "latin1.txt"});
        add_row("-i class", g, L{"-i", "[a-z]+_resume", "."});
        add_row("-S escape is not uppercase", g, L{"-S", "\\Soo", "."});
        add_row("-S with uppercase", g, L{"-S", "\\SOO", "."});
        add_row("-e empty and another", g, L{"-c", "-e", "", "-e", "foo", "."});
        add_row("-e starting with dash", g, L{"-e", "-foo", "."});
        add_row("inline (?i)", g, L{"(?i)pm_RESUME", "."});
        add_row("\\p{Greek}", g, L{"\\p{Greek}+", "."});
        add_row("\\p{Greek}: the Script property", g, L{"\\p{Greek}", "scripts.txt"});
        add_row("-P \\p{Greek}: Script_Extensions", g, L{"-P", "\\p{Greek}", "scripts.txt"});
        add_row("[\\p{Han}] -o", g, L{"-o", "[\\p{Han}]+", "scripts.txt"});
        add_row("-P [\\p{Han}] -o", g, L{"-P", "-o", "[\\p{Han}]+", "scripts.txt"});
        add_row("\\P{Greek} -c", g, L{"-c", "^\\P{Greek}", "scripts.txt"});
        add_row("\\p{scx:Greek}", g, L{"\\p{scx:Greek}", "scripts.txt"});
        add_row("POSIX class", g, L{"[[:upper:]]{3,}_", "."});
        add_row("counted repetition", g, L{"o{2}", "src"});
        add_row("dot does not match newline", g, L{"foo.bar", "."});
        add_row("-- ends options", g, L{"--", "-foo-", "hyphen.txt"});
        add_row("--files", g, L{"--files"});
        add_row("--files --hidden", g, L{"--files", "--hidden", "-g", "!.git", "."});
        add_row("--files --no-ignore", g, L{"--files", "--no-ignore"});
        add_row("--files -g", g, L{"--files", "-g", "*.md"});
        add_row("--files --max-filesize", g, L{"--files", "--max-filesize", "100"});
        add_row("--max-filesize", g, L{"--max-filesize", "1K", "foo"});
        add_row("colour", g, L{"--color", "always", "-C1", "foo", "gen"});
        add_row("heading", g, L{"--heading", "-C1", "foo", "src"});
        add_row("heading colour", g, L{"--heading", "--color", "always", "-w", "foo", "."});
        add_row("-l colour", g, L{"-l", "--color", "always", "foo"});
        // Issue 10's everyday flags and rg's interactions between them.
        add_row("-v", g, L{"-v", "foo", "src", "hyphen.txt"});
        add_row("-v -C1", g, L{"-v", "-C1", "foo", "src", "hyphen.txt"});
        add_row("-v -c", g, L{"-v", "-c", "foo", "."});
        add_row("-v -l", g, L{"-v", "-l", "foo", "."});
        add_row("-v -o", g, L{"-v", "-o", "foo", "src"});
        add_row("-v -m2 -A1", g, L{"-v", "-m2", "-A1", "foo", "gen"});
        add_row("-v -x", g, L{"-v", "-x", "foo", "hyphen.txt", "blank_lines.txt"});
        add_row("-v colour -C1", g, L{"-v", "-C1", "--color", "always", "foo", "src"});
        add_row("-o", g, L{"-o", "foo|PM_\\w+", "."});
        add_row("-o -i unicode", g, L{"-o", "-i", "σίσυφος|straße|😀", "."});
        add_row("-o -c (counts matches)", g, L{"-o", "-c", "foo", "."});
        // An empty match at the end of a last line without a terminator: rg's printer does not
        // see it (rg_visible_spans.h), so the line prints whole, without a column or a submatch.
        for (const char* flag : {"-o", "--column", "--vimgrep"})
            add_row(qPrintable(QStringLiteral("%1 empty match at an unterminated end").arg(QLatin1StringView(flag))), g,
                    L{flag, "foo$|o?$", "noeol.txt"});
        add_row("-r empty match at an unterminated end", g, L{"-r", "<$0>", "o?$", "noeol.txt"});
        // ... nor counts it.
        add_row("--count-matches empty match at an unterminated end", g, L{"--count-matches", "foo$|o?$", "noeol.txt"});
        add_row("--count-matches $ at an unterminated end", g, L{"--count-matches", "$", "noeol.txt", "crlf.txt"});
        add_row("--count-matches \\b at an unterminated end", g, L{"--count-matches", "\\b", "noeol.txt"});
        // rg -P's printer seeks an empty line's matches right after the text before it: no ^
        // there, but $ and empty patterns (search_options.h, empty_line_after_its_text). The
        // file's first line is empty too, and is seen whole.
        add_row("-P -r ^ on empty lines", g, L{"-P", "-r", "X", "^", "blank_lines.txt"});
        add_row("-P --count-matches ^ on empty lines", g, L{"-P", "--count-matches", "^|foo", "blank_lines.txt"});
        add_row("-P -r $ and x* on empty lines", g, L{"-P", "-r", "<$0>", "$|x*", "blank_lines.txt"});
        add_row("-P --column ^ on empty lines", g, L{"-P", "--column", "^", "blank_lines.txt"});
        add_row("-P -o -b ^$ on empty lines", g, L{"-P", "-o", "-b", "^$|foo", "blank_lines.txt"});
        add_row("-r ^ on empty lines (not -P: seen)", g, L{"-r", "X", "^", "blank_lines.txt"});
        add_row("-o -c -v", g, L{"-o", "-c", "-v", "foo", "src"});
        add_row("-o -C1", g, L{"-o", "-C1", "PM_RESUME", "gen"});
        add_row("-o -b", g, L{"-o", "-b", "foo", "src", "unicode.txt"});
        add_row("-o --column", g, L{"-o", "--column", "foo", "."});
        add_row("-o colour", g, L{"-o", "--color", "always", "f(o)o", "src"});
        add_row("-r", g, L{"-r", "<$0>", "foo", "."});
        add_row("-r numbered groups", g, L{"-r", "$2_$1", "([A-Z]+)_(RESUME)", "."});
        add_row("-r named group", g, L{"-r", "${w}!$w", "(?P<w>\\w+)_RESUME", "."});
        add_row("-r $1a is a name, $$ a dollar", g, L{"-r", "$1a|${1}a|$$|$|$9", "f(o)o", "src"});
        add_row("-r -o", g, L{"-o", "-r", "[$1]", "f(o+)", "src"});
        add_row("-r -F (no groups)", g, L{"-F", "-r", "$0$0-$1", "a.b", "."});
        add_row("-r literal with a group reference", g, L{"-r", "[$1]", "PM_RESUME", "."});
        add_row("-r -w -i", g, L{"-w", "-i", "-r", "X", "foo", "."});
        add_row("-r several -e", g, L{"-e", "(foo)", "-e", "(bar)", "-r", "1=$1,2=$2", "hyphen.txt"});
        add_row("-r colour", g, L{"--color", "always", "-r", "XY", "foo", "src"});
        add_row("-r --column -b", g, L{"--column", "-b", "-r", "$0$0", "foo", "src"});
        add_row("-r -v -C1", g, L{"-v", "-C1", "-r", "X", "foo", "src"});
        add_row("-t c", g, L{"-t", "c", "foo"});
        add_row("-T txt", g, L{"-T", "txt", "foo"});
        add_row("-t md -t c", g, L{"-tmd", "-tc", "foo"});
        add_row("--type-add", g, L{"--type-add", "gen:*.txt", "-t", "gen", "-c", "foo", "gen"});
        add_row("--type-add include", g, L{"--type-add", "mine:include:c,markdown", "-tmine", "foo"});
        add_row("--type-clear then --type-add", g, L{"--type-clear", "c", "--type-add", "c:*.h", "-tc", "foo"});
        add_row("--type-add braces", g, L{"--type-add", "x:*.{md,h}", "-tx", "foo"});
        add_row("-t all", g, L{"-t", "all", "-c", "foo"});
        add_row("-T all", g, L{"-T", "all", "-c", "foo", "hyphen.txt"});
        add_row("-t with -g (the glob decides)", g, L{"-t", "c", "-g", "*.txt", "-c", "foo"});
        add_row("-t --files", g, L{"-t", "markdown", "--files"});
        add_row("--type-list", g, L{"--type-list"});
        add_row("--type-list --type-add --type-clear", g, L{"--type-add", "zz:*.zz", "--type-clear", "c", "--type-list"});
        add_row("--column", g, L{"--column", "foo", "."});
        add_row("--column -C1", g, L{"--column", "-C1", "PM_RESUME", "gen"});
        add_row("--column -v", g, L{"--column", "-v", "foo", "src"});
        add_row("--vimgrep", g, L{"--vimgrep", "foo", "src", "hyphen.txt"});
        add_row("--vimgrep single file", g, L{"--vimgrep", "foo", "hyphen.txt"});
        add_row("--vimgrep -C1", g, L{"--vimgrep", "-C1", "PM_RESUME", "src"});
        add_row("-u", g, L{"-u", "-c", "foo"});
        add_row("-uu", g, L{"-uu", "-g", "!.git", "-c", "foo"});
        add_row("-uuu", g, L{"-uuu", "-g", "!.git", "-c", "foo"});
        add_row("-a", g, L{"-a", "foo", "."});
        add_row("-a -c", g, L{"-a", "-c", "foo|bar", "."});
        add_row("--files-without-match", g, L{"--files-without-match", "foo", "."});
        add_row("--files-without-match -v", g, L{"--files-without-match", "-v", "", "src", "docs"});
        add_row("--count-matches", g, L{"--count-matches", "foo", "."});
        add_row("--count-matches -v", g, L{"--count-matches", "-v", "foo", "src"});
        add_row("--include-zero -c", g, L{"--include-zero", "-c", "foo", "src", "docs"});
        add_row("--include-zero --count-matches", g, L{"--include-zero", "--count-matches", "foo", "gen/dir1"});
        add_row("-M", g, L{"-M", "20", "foo", "."});
        add_row("-M --max-columns-preview", g, L{"-M", "20", "--max-columns-preview", "foo", "."});
        add_row("-M colour", g, L{"--color", "always", "-M", "30", "foo", "src"});
        add_row("-M preview colour", g, L{"--color", "always", "-M", "12", "--max-columns-preview", "o", "src", "unicode.txt"});
        add_row("-M -o", g, L{"-M", "2", "-o", "foo|PM_RESUME", "src"});
        add_row("-M -C1", g, L{"-M", "15", "-C1", "PM_RESUME", "gen"});
        add_row("-M 0 (no limit)", g, L{"-M", "0", "foo", "src"});
        add_row("-M preview unicode", g, L{"-M", "10", "--max-columns-preview", "foo", "unicode.txt"});
        add_row("-M -r", g, L{"-M", "10", "-r", "X", "foo", "src"});
        // --passthru and -A/-B/-C: the last given wins; with -m nothing after the last match.
        add_row("--passthru then -A1", g, L{"--passthru", "-A1", "foo", "src", "gen/dir1"});
        add_row("-B1 then --passthru", g, L{"-B1", "--passthru", "foo", "src"});
        add_row("--passthru -m1", g, L{"--passthru", "-m1", "foo", "src", "gen/dir1"});
        // rg measures a replaced line without its terminator, an original one with it: every
        // width from 4 to 40 puts some line of the tree right at the limit.
        for (int width = 4; width <= 40; ++width)
            add_row(qPrintable(QStringLiteral("-M %1 -r (replaced line at the limit)").arg(width)), g,
                    L{"-M", QString::number(width), "-r", "<$0>", "foo|PM_\\w+", "."});
        add_row("--trim", g, L{"--trim", "foo", "src"});
        add_row("--trim -o colour", g, L{"--trim", "-o", "--color", "always", "\\s+foo", "src"});
        add_row("-0", g, L{"-0", "foo", "src"});
        add_row("-0 -l", g, L{"-0", "-l", "foo"});
        add_row("-0 -c", g, L{"-0", "-c", "foo"});
        add_row("-0 --heading", g, L{"-0", "--heading", "foo", "src"});
        add_row("--passthru", g, L{"--passthru", "PM_RESUME", "src", "docs"});
        add_row("--passthru -v", g, L{"--passthru", "-v", "foo", "src"});
        add_row("--passthru -o", g, L{"--passthru", "-o", "foo", "src"});
        add_row("--no-messages", g, L{"--no-messages", "foo", "nope", "src"});
        add_row("-b", g, L{"-b", "foo", "src", "crlf.txt"});
        add_row("-b -C1", g, L{"-b", "-C1", "PM_RESUME", "gen"});
        add_row("--null-data", g, L{"--null-data", "foo", "hyphen.txt", "src"});
        add_row("--null-data -c", g, L{"--null-data", "-c", "foo", "."});
        // '\n' inside a record is an ordinary byte: classes and a literal \n match it, '.' does not
        // (unless (?s)), ^ and $ hold beside it. (Not compared: ^ with a class that takes '\n',
        // where rg's -o prints whole records with no submatch, or skips a record's start.)
        for (const char* pattern : {"\\s", "[^\"]+", "\\n", "\\x0a", "\\W", "[[:space:]]", "o\\nb", "(?s)o.b", "a.b|o.b", "o$",
                                    "r$", "^lead", "trail$", "\\w+$", "z\"\\s*$"})
            add_row(qPrintable(QStringLiteral("--null-data -o %1").arg(QLatin1StringView(pattern))), g,
                    L{"--null-data", "-o", "-n", "-b", pattern, "records/nul.dat"});
        // An empty line inside a record, and the one after a record's last '\n' (not under -o: rg
        // prints a record's whole text for an empty match at its start).
        add_row("--null-data ^$", g, L{"--null-data", "-n", "-b", "^$", "records/nul.dat"});
        add_row("--null-data ^\\s*$", g, L{"--null-data", "-c", "^\\s*$", "records/nul.dat"});
        add_row("--null-data -U", g, L{"--null-data", "-U", "-c", "o\\s+b|\\n", "records/nul.dat"});
        // With -U too a record is one line: rg counts records, not matches. (Not compared: what rg
        // -U lets match a record's NUL — \W, $ before it does not hold — as over a whole file.)
        add_row("--null-data -U -c, records", g, L{"--null-data", "-U", "-c", "o|z\"|\\n", "records/nul.dat"});
        add_row("--null-data -x", g, L{"--null-data", "-x", "lead|z\"", "records/nul.dat"});
        add_row("--null-data -w", g, L{"--null-data", "-w", "bar|lead", "records/nul.dat"});
        add_row("--null-data -P", g, L{"--null-data", "-P", "-o", "\\s\\w|\\R", "records/nul.dat"});
        add_row("-P", g, L{"-P", "(?<=PM_)RESUME", "."});
        // Each line alone, as rg asks PCRE2 about it (lines_alone.h).
        add_row("-P possessive, each line alone", g, L{"-P", "\\W++\\B", "alone.txt"});
        add_row("-P -w possessive", g, L{"-P", "-w", ".[[:alpha:]]{1,3}\\W*+\\B", "alone.txt", "src"});
        add_row("-P atomic group", g, L{"-P", "-c", "(?>\\s+)\\z", "alone.txt"});
        add_row("-P look-ahead at a line's end", g, L{"-P", "x(?=\\n)|x(?!\\n)|b(?!\\s)", "alone.txt"});
        add_row("-P look-behind at a line's start", g, L{"-P", "(?<=\\n)y|(?<!\\s)-", "alone.txt"});
        add_row("-P \\A and \\z per line", g, L{"-P", "\\A#|\\w\\z", "alone.txt"});
        // An inline (?i) after a negated class: RE2's prefilter must not fold the class too.
        add_row("(?i) part-way after [^a-z]", g, L{"[^a-z](?i:_K)", "alone.txt"});
    }

    // --stats: the lines ripgrep prints (its counts; the times and our own lines aside) and the
    // results before them. How rg counts what its printers stop at: a NUL in a walked file (the
    // reads before it), in a named one (the lines printed), -m (its reader's consumed bytes, or
    // a mapped file's last line), -l, -q and --files-without-match (every file read to its end).
    void stats_counts_data() {
        QTest::addColumn<QString>("where");  // "generated" or "inputs"
        QTest::addColumn<QStringList>("args");
        using L = QStringList;
        const QString g = QStringLiteral("generated");
        const QString in = QStringLiteral("inputs");
        add_row("lines", g, L{"foo", "."});
        add_row("-l", g, L{"-l", "foo", "."});
        add_row("-c", g, L{"-c", "foo", "."});
        add_row("--count-matches", g, L{"--count-matches", "foo", "."});
        add_row("--files-without-match", g, L{"--files-without-match", "foo", "."});
        add_row("-q", g, L{"-q", "foo", "."});
        add_row("-v -c", g, L{"-v", "-c", "foo", "."});
        add_row("-m1", g, L{"-m1", "foo", "."});
        add_row("-m2 -c", g, L{"-m2", "-c", "foo", "."});
        add_row("-m1 -A3 (matches in the trailing context)", g, L{"-m1", "-A3", "foo", "gen"});
        add_row("-m1 named file", g, L{"-m1", "foo", "crlf.txt"});
        add_row("-m2 no final newline", g, L{"-m2", "foo", "noeol.txt", "empty.txt"});
        add_row("-o", g, L{"-o", "foo|bar", "src", "gen"});
        // --stats makes rg's printer look at single matches: -M then says how many a line had.
        add_row("-M", g, L{"-M", "20", "foo|bar", "long.txt", "src"});
        add_row("-M --max-columns-preview", g, L{"-M", "20", "--max-columns-preview", "foo|o", "long.txt", "src"});
        add_row("late NULs, walked", in, L{"foo", "late"});
        add_row("late NULs, walked, -c", in, L{"-c", "foo", "late"});
        add_row("late NULs, walked, -l", in, L{"-l", "foo", "late"});
        add_row("late NULs, walked, -m2", in, L{"-m2", "foo", "late"});
        add_row("late NULs, walked, --passthru", in, L{"--passthru", "zzz", "late"});
        add_row("NUL, named", in, L{"foo", "data.bin"});
        add_row("NUL, named, -c", in, L{"-c", "foo", "data.bin"});
        add_row("NUL, named, -C1", in, L{"-C1", "foo", "data.bin", "text.txt"});
        add_row("NUL, named, no match", in, L{"zzz", "data.bin", "text.txt"});
        add_row("late NUL, named", in, L{"foo", "late/late_100k_70k.txt"});
    }

    void stats_counts() {
        QFETCH(QString, where);
        QFETCH(QStringList, args);
        const QString cwd = where == QStringLiteral("generated") ? generated_ : inputs_dir_;
        const QStringList full = kCommonArgs + QStringList{QStringLiteral("--stats")} + args;
        const ProcessResult ours = run_cli(full, cwd);
        const ProcessResult theirs = run_program(rg_path(), full, cwd);
        QVERIFY2(theirs.exit_code >= 0, "rg did not run");
        const QByteArray rg_kept = rg_stats_view(theirs.out);
        const QByteArray ours_kept = rg_stats_view(ours.out);
        QVERIFY2(rg_kept.contains("files searched"), "rg printed no statistics");
        QVERIFY2(ours_kept == rg_kept && ours.exit_code == theirs.exit_code,
                 qPrintable(QStringLiteral("args: %1\ncodescout-cli: %2\nrg: %3\n").arg(full.join(u' '), ours.describe(), theirs.describe()) +
                            first_difference(ours_kept, rg_kept)));
    }

    void generated_tree() {
        QFETCH(QStringList, args);
        QByteArray rg_out;
        compare(generated_, args, {}, {}, &rg_out);
        if (QTest::currentTestFailed()) return;
        // A row where neither prints anything would prove little.
        if (QByteArrayView(QTest::currentDataTag()) != "no match") {
            QVERIFY2(!rg_out.isEmpty(), "rg printed nothing: the row tests nothing");
        }
    }

    // Files where nearly every line matches, with every output option that changes whether the
    // search looks for single matches (ReportOptions::match_spans) and with each prefilter in
    // its dense mode: the literal one ("_"), RE2's (\w{4}\s+\d has no required literal) and
    // none (a literal pattern). Sorted, and unsorted with several threads.
    void many_matching_lines_data() {
        QTest::addColumn<QStringList>("args");
        using L = QStringList;
        const QString five = QStringLiteral("\\w+_\\w+_\\w+_\\w+_\\w+");
        const QString re2 = QStringLiteral("\\w{4}\\s+\\d");
        QTest::newRow("lines") << L{five, "."};
        QTest::newRow("lines -j1") << L{"-j1", five, "."};
        QTest::newRow("re2 prefilter") << L{re2, "."};
        QTest::newRow("literal") << L{"_MASK", "."};
        QTest::newRow("-c") << L{"-c", five, "."};
        QTest::newRow("--count-matches") << L{"--count-matches", "[A-Z]+_", "."};
        QTest::newRow("--color always") << L{"--color", "always", "[A-Z]+_", "."};
        QTest::newRow("-o") << L{"-o", five, "."};
        QTest::newRow("--column") << L{"--column", re2, "."};
        QTest::newRow("--vimgrep") << L{"--vimgrep", "[A-Z]+_[0-9]+", "."};
        QTest::newRow("-r") << L{"-r", "<$0>", "[A-Z]+_[0-9]+", "."};
        QTest::newRow("-M 60") << L{"-M", "60", five, "."};
        QTest::newRow("-M 60 --color always") << L{"-M", "60", "--color", "always", five, "."};
        QTest::newRow("-C1") << L{"-C1", five, "."};
        QTest::newRow("-v -A1") << L{"-v", "-A1", five, "."};
        QTest::newRow("-v -C1 --color always") << L{"-v", "-C1", "--color", "always", "SHIFT", "."};
        QTest::newRow("-m 5000 -A2") << L{"-m", "5000", "-A2", re2, "."};
        QTest::newRow("-b --trim") << L{"-b", "--trim", five, "."};
        // Lines decided by RE2's DFA (no spans wanted), and their counterparts that need spans or
        // that RE2 does not read exactly (PCRE2 decides).
        QTest::newRow("-l") << L{"-l", five, "."};
        QTest::newRow("-c -j1") << L{"-c", "-j1", five, "."};
        QTest::newRow("-c -j2") << L{"-c", "-j2", five, "."};
        QTest::newRow("lines -j2") << L{"-j2", five, "."};
        QTest::newRow("--color always -j2") << L{"--color", "always", "-j2", five, "."};
        QTest::newRow("-c -i") << L{"-c", "-i", "\\w+_cntl__\\w+", "."};
        QTest::newRow("-c re2 prefilter") << L{"-c", re2, "."};
        QTest::newRow("-c -w (no exact DFA)") << L{"-c", "-w", "\\w+_\\d+_CNTL__\\w+", "."};
        QTest::newRow("-P -c look-ahead (no exact DFA)") << L{"-P", "-c", "\\w+_\\w+(?=_MASK)", "."};
        QTest::newRow("-c possessive (no exact DFA)") << L{"-c", "[A-Z]++_\\w+_\\d", "."};
        QTest::newRow("-C2 -j2") << L{"-C2", "-j2", five, "."};
        QTest::newRow("-A1 -m 3000") << L{"-A1", "-m", "3000", five, "."};
        QTest::newRow("-v -c") << L{"-v", "-c", five, "."};
        QTest::newRow("\\p{Lu} classes -c") << L{"-c", "\\p{Lu}+_\\d+_\\p{Lu}+", "."};
    }
    void many_matching_lines() {
        QFETCH(QStringList, args);
        QByteArray rg_out;
        compare(many_lines_dir_, args, {}, {}, &rg_out);
        if (QTest::currentTestFailed()) return;
        const bool counts = args.contains(QStringLiteral("-c")) || args.contains(QStringLiteral("--count-matches")) ||
                            args.contains(QStringLiteral("-l"));
        QVERIFY2(rg_out.count('\n') > (counts ? 2 : 1000), "rg printed few lines: the row tests nothing");
        // Unsorted, in parallel: with headings each file's block (its lines in order) must be rg's;
        // counts are one line per file, and --vimgrep never has headings: compared line by line.
        const bool by_line = counts || args.contains(QStringLiteral("--vimgrep"));
        const QStringList unsorted = QStringList{by_line ? QStringLiteral("--no-heading") : QStringLiteral("--heading"),
                                                 QStringLiteral("-n"), QStringLiteral("--color"),
                                                 QStringLiteral("never")} + args;
        const ProcessResult ours = run_cli(unsorted, many_lines_dir_);
        const ProcessResult theirs = run_program(rg_path(), unsorted, many_lines_dir_);
        QCOMPARE(ours.exit_code, theirs.exit_code);
        const Unit unit = by_line ? Unit::Lines : Unit::FileBlocks;
        QVERIFY2(sorted_units(ours.out, unit) == sorted_units(theirs.out, unit),
                 "unsorted output differs from rg's beyond the order of the files");
    }

    // A walked file printed in parts while it is searched, then found binary by a NUL far in:
    // the lines before rg's read with the NUL print (those the search had formatted beyond it
    // are taken back), then rg's warning; with -m the search ends before the NUL. Sorted (parts
    // once the file's turn came) and unsorted with two threads.
    void late_nul_after_parts_data() {
        QTest::addColumn<QStringList>("args");
        using L = QStringList;
        const QString five = QStringLiteral("\\w+_\\w+_\\w+_\\w+_\\w+");
        QTest::newRow("lines") << L{five, "."};
        QTest::newRow("literal") << L{"_CNTL__", "."};
        QTest::newRow("--color always") << L{"--color", "always", "[A-Z]+_", "."};
        QTest::newRow("-b") << L{"-b", five, "."};
        QTest::newRow("-m 100000 (ends before the NUL)") << L{"-m", "100000", five, "."};
    }
    void late_nul_after_parts() {
        QFETCH(QStringList, args);
        QByteArray rg_out;
        compare(late_nul_dir_, args, {}, {}, &rg_out);
        if (QTest::currentTestFailed()) return;
        QVERIFY2(rg_out.size() > (9 << 20), "rg printed less than a stream holds: the row tests nothing");
        QCOMPARE(rg_out.contains("WARNING: stopped searching binary file"), !args.contains(QStringLiteral("-m")));
        const QStringList unsorted = QStringList{QStringLiteral("-j2"), QStringLiteral("--heading"), QStringLiteral("-n"),
                                                 QStringLiteral("--color"), QStringLiteral("never")} + args;
        const ProcessResult ours = run_cli(unsorted, late_nul_dir_);
        const ProcessResult theirs = run_program(rg_path(), unsorted, late_nul_dir_);
        QCOMPARE(ours.exit_code, theirs.exit_code);
        QVERIFY2(sorted_units(ours.out, Unit::FileBlocks) == sorted_units(theirs.out, Unit::FileBlocks),
                 "unsorted output differs from rg's beyond the order of the files");
    }

    // --json: every message must be rg's, byte for byte, once the times in "end" and "summary"
    // (which no two runs share) are set to zero.
    void json_output_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("many_lines");  // the tree of one 20,000-line header, not the generated one
        using L = QStringList;
        QTest::newRow("literal") << L{"foo", "."} << false;
        QTest::newRow("context") << L{"-C2", "PM_RESUME", "gen", "src"} << false;
        QTest::newRow("unicode and emoji") << L{"-i", "foo|σίσυφος|😀", "unicode.txt"} << false;
        QTest::newRow("latin-1 content and name") << L{"foo", "latin1.txt", "."} << false;
        QTest::newRow("CRLF and no final newline") << L{"foo", "crlf.txt", "noeol.txt"} << false;
        QTest::newRow("-N") << L{"-N", "-w", "foo", "hyphen.txt"} << false;
        QTest::newRow("several matches per line") << L{"o", "src/main.c"} << false;
        QTest::newRow("quotes and tabs") << L{"\\\\|\"|\t", "."} << false;
        QTest::newRow("-v (context lines carry submatches)") << L{"-v", "-C1", "foo", "src"} << false;
        QTest::newRow("-r (rg's JSON has no replacements)") << L{"-r", "X", "foo", "src"} << false;
        QTest::newRow("-P ^ on empty lines (no submatch)") << L{"-P", "^", "blank_lines.txt"} << false;
        // Bytes searched: where rg's reader stopped (what it had consumed), a mapped file's last line.
        QTest::newRow("-m2") << L{"-m2", "foo", "."} << false;
        QTest::newRow("-m1 named files") << L{"-m1", "foo", "crlf.txt", "noeol.txt"} << false;
        QTest::newRow("-m1 -A3 (matches in the trailing context)") << L{"-m1", "-A3", "foo", "gen"} << false;
        // --passthru prints files without a match: rg counts them as searched, not as matched.
        QTest::newRow("--passthru, files without a match") << L{"--passthru", "PM_RESUME", "src", "docs"} << false;
        QTest::newRow("--passthru, an empty file") << L{"--passthru", "foo", "empty.txt", "src/main.c"} << false;
        // Each record with its terminator, a NUL.
        QTest::newRow("--null-data") << L{"--null-data", "-B1", "foo|x|z", "records/nul.dat", "src"} << false;
        // Several MB of messages for one file: printed in parts, "bytes_printed" summed over them.
        QTest::newRow("a file printed in parts") << L{"-i", "_cntl__|mask"} << true;
        QTest::newRow("parts, with context") << L{"-C3", "STALL"} << true;
    }

    void json_output() {
        QFETCH(QStringList, args);
        QFETCH(bool, many_lines);
        const QStringList full = QStringList{QStringLiteral("--sort"), QStringLiteral("path"), QStringLiteral("--json")} + args;
        const QString& tree = many_lines ? many_lines_dir_ : generated_;
        const ProcessResult ours = run_cli(full, tree);
        const ProcessResult theirs = run_program(rg_path(), full, tree);
        const auto messages = [](const QByteArray& out) {
            // A per-file time has its keys in declaration order, the summary's sorted (rg 14).
            static const QRegularExpression duration(QStringLiteral(
                R"(\{"secs":\d+,"nanos":\d+,"human":"[0-9.]+s"\}|\{"human":"[0-9.]+s","nanos":\d+,"secs":\d+\})"));
            return QString::fromUtf8(out).replace(duration, QStringLiteral("\"TIME\"")).toUtf8();
        };
        const QByteArray a = messages(ours.out);
        const QByteArray b = messages(theirs.out);
        QVERIFY2(!b.isEmpty(), "rg found nothing: the row tests nothing");
        QVERIFY2(a == b, qPrintable(first_difference(a, b)));
        // Every time had one of the two forms: one per file, two in the summary.
        QVERIFY(a.count("{\"type\":\"end\"") > 0);
        QCOMPARE(a.count("\"TIME\""), a.count("{\"type\":\"end\"") + 2);
        QCOMPARE(ours.exit_code, theirs.exit_code);
    }

    // -q --json: rg prints its summary message still, with every file searched and counted.
    void json_quiet_summary_data() {
        QTest::addColumn<QStringList>("args");
        using L = QStringList;
        QTest::newRow("-q") << L{"-q", "foo", "."};
        QTest::newRow("--json -q, no match") << L{"-q", "zzz_nowhere", "."};
        QTest::newRow("-q -m1 -v") << L{"-q", "-m1", "-v", "foo", "gen"};
    }

    void json_quiet_summary() {
        QFETCH(QStringList, args);
        const QStringList full = QStringList{QStringLiteral("--sort"), QStringLiteral("path"), QStringLiteral("--json")} + args;
        const ProcessResult ours = run_cli(full, generated_);
        const ProcessResult theirs = run_program(rg_path(), full, generated_);
        static const QRegularExpression duration(QStringLiteral(R"(\{"human":"[0-9.]+s","nanos":\d+,"secs":\d+\})"));
        const QByteArray a = QString::fromUtf8(ours.out).replace(duration, QStringLiteral("\"TIME\"")).toUtf8();
        const QByteArray b = QString::fromUtf8(theirs.out).replace(duration, QStringLiteral("\"TIME\"")).toUtf8();
        QVERIFY2(b.startsWith("{\"data\":{\"elapsed_total\":\"TIME\""), b.constData());
        QVERIFY2(a == b, qPrintable(first_difference(a, b)));
        QCOMPARE(ours.exit_code, theirs.exit_code);
    }

    // On a terminal (a pseudo-terminal from script(1)) rg's defaults change: headings, colours,
    // line numbers. codescout-cli must print the same bytes there too.
    void terminal_output_data() {
        QTest::addColumn<QString>("args");
        QTest::newRow("lines") << QStringLiteral("foo src gen/dir1");
        QTest::newRow("context") << QStringLiteral("-C1 PM_RESUME gen");
        QTest::newRow("count") << QStringLiteral("-c foo gen");
        QTest::newRow("files") << QStringLiteral("-l -w foo");
        QTest::newRow("--no-heading") << QStringLiteral("--no-heading -i foo src");
        QTest::newRow("--color never") << QStringLiteral("--color never foo src");
        QTest::newRow("single file") << QStringLiteral("foo src/main.c");
        QTest::newRow("binary file named, and a text file") << QStringLiteral("foo data.bin src/main.c");
    }

    void terminal_output() {
        QFETCH(QString, args);
        const QString script = QStandardPaths::findExecutable(QStringLiteral("script"));
        if (script.isEmpty()) QSKIP("script(1) (util-linux) is needed for a pseudo-terminal");
        const auto on_tty = [&](const QString& program) {
            const QString command = QStringLiteral("env TERM=xterm-256color '%1' --sort path %2").arg(program, args);
            return run_program(script, {QStringLiteral("-qec"), command, QStringLiteral("/dev/null")}, generated_);
        };
        const ProcessResult ours = on_tty(cli_path());
        const ProcessResult theirs = on_tty(rg_path());
        // Proof that the output really went to a terminal: colours unless switched off.
        if (!args.contains(u"--color never")) QVERIFY2(ours.out.contains("\x1b[0m"), ours.out.constData());
        QVERIFY2(ours.out == theirs.out, qPrintable(first_difference(ours.out, theirs.out)));
        QCOMPARE(ours.exit_code, theirs.exit_code);
    }

    // The same rows with every file read in chunks, then every file memory-mapped: the three
    // reading strategies must print the same as rg (and so the same as each other).
    void strategies_data() {
        QTest::addColumn<QStringList>("oursOnly");
        QTest::addColumn<QStringList>("args");
        using L = QStringList;
        const std::pair<const char*, L> modes[] = {
            {"buffered", L{"--small-file-threshold=1", "--large-file-threshold=1G"}},
            {"mmap", L{"--small-file-threshold=1", "--large-file-threshold=2"}},
        };
        const std::pair<const char*, L> rows[] = {
            {"literal", L{"foo", "."}},
            {"-C2", L{"-C2", "foo", "gen"}},
            {"two words", L{"\\w{5}\\s+\\w{5}", "."}},
            {"long line", L{"needle", "."}},
            {"every line", L{"-c", "", "."}},
            {"$ before CR", L{"foo$", "."}},
            {"-m2 -A1", L{"-m2", "-A1", "foo", "gen"}},
            {"-l", L{"-l", "PM_RESUME"}},
            {"-w -i", L{"-w", "-i", "foo", "."}},
            {"-x", L{"-x", "foo", "."}},
            {"class", L{"[A-Z]+_RESUME", "."}},
            {"empty lines", L{"^$", "."}},
            {"no final newline", L{"foo", "noeol.txt"}},
            {"unicode -i", L{"-i", "σίσυφος", "."}},
        };
        add_rows_per_mode(modes, rows);
    }

    void strategies() {
        QFETCH(QStringList, oursOnly);
        QFETCH(QStringList, args);
        compare(generated_, args, oursOnly);
    }

    // Without --sort both tools search with several threads and print each file as soon as it is
    // done, in an order neither promises (rg's differs from run to run): the path every other row
    // skips. Four threads whatever the machine has, so that the parallel path is taken even on
    // one core. Compared as sorted lines (--no-heading, -c, -l) or sorted per-file blocks
    // (--heading: a file's block must stay whole, never interleaved with another's).
    void unsorted_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<Unit>("unit");
        using L = QStringList;
        const L lines = {"--threads", "4", "--no-heading", "-n", "--color", "never"};
        const L blocks = {"--threads", "4", "--heading", "-n", "--color", "never"};
        QTest::newRow("literal") << lines + L{"foo", "."} << Unit::Lines;
        QTest::newRow("-w -i") << lines + L{"-w", "-i", "foo", "."} << Unit::Lines;
        QTest::newRow("-C1") << lines + L{"-C1", "foo", "."} << Unit::Lines;
        QTest::newRow("\\w{5}\\s+\\w{5} (RE2 prefilter)") << lines + L{"\\w{5}\\s+\\w{5}", "."} << Unit::Lines;
        QTest::newRow("POSIX class (RE2 prefilter)") << lines + L{"[[:upper:]]{3,}_", "."} << Unit::Lines;
        QTest::newRow("unicode -i") << lines + L{"-i", "σίσυφος", "."} << Unit::Lines;
        QTest::newRow("-c") << lines + L{"-c", "foo", "."} << Unit::Lines;
        QTest::newRow("every line -c") << lines + L{"-c", "", "."} << Unit::Lines;
        QTest::newRow("-l") << lines + L{"-l", "PM_RESUME"} << Unit::Lines;
        QTest::newRow("-m1") << lines + L{"-m1", "foo", "."} << Unit::Lines;
        QTest::newRow("--files") << lines + L{"--files"} << Unit::Lines;
        QTest::newRow("heading") << blocks + L{"foo", "."} << Unit::FileBlocks;
        QTest::newRow("heading -C2") << blocks + L{"-C2", "PM_RESUME", "gen", "src"} << Unit::FileBlocks;
        QTest::newRow("heading \\w{5}\\s+\\w{5}") << blocks + L{"\\w{5}\\s+\\w{5}", "."} << Unit::FileBlocks;
        QTest::newRow("heading POSIX class") << blocks + L{"[[:upper:]]{3,}_", "."} << Unit::FileBlocks;
        QTest::newRow("-v") << lines + L{"-v", "foo", "."} << Unit::Lines;
        QTest::newRow("-o -r") << lines + L{"-o", "-r", "<$1>", "(fo+)", "."} << Unit::Lines;
        QTest::newRow("--vimgrep") << lines + L{"--vimgrep", "foo", "."} << Unit::Lines;
        QTest::newRow("--files-without-match") << lines + L{"--files-without-match", "foo", "."} << Unit::Lines;
        QTest::newRow("--include-zero -c") << lines + L{"--include-zero", "-c", "foo", "."} << Unit::Lines;
        QTest::newRow("-t c -T markdown") << lines + L{"-t", "c", "-t", "markdown", "-T", "c", "foo"} << Unit::Lines;
        QTest::newRow("heading --passthru") << blocks + L{"--passthru", "PM_RESUME", "src", "docs"} << Unit::FileBlocks;
    }

    void unsorted() {
        QFETCH(QStringList, args);
        QFETCH(Unit, unit);
        const ProcessResult ours = run_cli(args, generated_);
        const ProcessResult theirs = run_program(rg_path(), args, generated_);
        QVERIFY2(theirs.exit_code >= 0, "rg did not run");
        QVERIFY2(!theirs.out.isEmpty(), "rg printed nothing: the row tests nothing");
        const QString context = QStringLiteral("args: %1\ncodescout-cli: %2\nrg: %3\n")
                                    .arg(args.join(u' '), ours.describe(), theirs.describe());
        const QByteArray a = sorted_units(ours.out, unit);
        const QByteArray b = sorted_units(theirs.out, unit);
        QVERIFY2(a == b && ours.exit_code == theirs.exit_code, qPrintable(context + first_difference(a, b)));
    }

    // Inputs named explicitly or piped in, as rg 14 treats them (each row's behaviour was checked
    // against rg by hand first): standard input (no PATH with stdin redirected from a file, or
    // "-"), binary files named on the command line (rg searches them and prints "binary file
    // matches (found "\0" byte around offset N)" instead of lines), and NULs after rg's first
    // 64 KiB read (rg reports what it searched before the read that brought the NUL, with a
    // warning for walked files). `stdinFile`: a file of the tree put on stdin (empty: /dev/null).
    // `oursOnly`: thresholds forcing a reading strategy on codescout-cli. Late-NUL files:
    // late_<size>_<NUL offset>.txt, 64-byte lines, "foo" lines before and after the NUL.
    void explicit_inputs_data() {
        QTest::addColumn<QStringList>("oursOnly");
        QTest::addColumn<QString>("stdinFile");
        QTest::addColumn<QStringList>("args");
        using L = QStringList;
        const L none;
        const QString text = QStringLiteral("text.txt");
        const QString bin = QStringLiteral("data.bin");
        const QString late = QStringLiteral("late/late_100k_70k.txt");
        // stdin
        QTest::newRow("stdin, no path") << none << text << L{"foo"};
        QTest::newRow("stdin, -") << none << text << L{"foo", "-"};
        QTest::newRow("stdin, - and a file") << none << text << L{"foo", "-", "other/a.txt"};
        QTest::newRow("stdin, a file and -") << none << text << L{"foo", "other/a.txt", "-"};
        QTest::newRow("stdin, -H") << none << text << L{"-H", "foo", "-"};
        QTest::newRow("stdin, - twice") << none << text << L{"foo", "-", "-"};
        QTest::newRow("stdin, -c") << none << text << L{"-c", "foo"};
        QTest::newRow("stdin, -c - and a file") << none << text << L{"-c", "foo", "-", "other/a.txt"};
        QTest::newRow("stdin, -l") << none << text << L{"-l", "foo"};
        QTest::newRow("stdin, -l - and a file") << none << text << L{"-l", "foo", "-", "other/a.txt"};
        QTest::newRow("stdin, no match") << none << text << L{"zzz"};
        QTest::newRow("stdin, -C1") << none << text << L{"-C1", "bar"};
        QTest::newRow("stdin is ignored by --files") << none << text << L{"--files"};
        QTest::newRow("stdin, path given: stdin not read") << none << text << L{"foo", "other"};
        QTest::newRow("stdin, binary") << none << bin << L{"foo"};
        QTest::newRow("stdin, binary, -c (NUL as line end)") << none << bin << L{"-c", "bar"};
        QTest::newRow("stdin, binary, -l") << none << bin << L{"-l", "foo"};
        QTest::newRow("stdin, binary, with a file") << none << bin << L{"foo", "-", "other/a.txt"};
        QTest::newRow("stdin, binary, no match") << none << bin << L{"zzz"};
        QTest::newRow("stdin, late NUL") << none << late << L{"foo"};
        QTest::newRow("stdin, late NUL, -c") << none << late << L{"-c", "foo"};
        QTest::newRow("stdin, late NUL in a matching line") << none << QStringLiteral("late/nul_in_match.txt") << L{"foo"};
        // Binary files named explicitly (rg memory-maps up to 10 files: it notices a NUL in the
        // first 64 KiB, or inside a line it prints).
        QTest::newRow("binary file named") << none << QString() << L{"foo", bin};
        QTest::newRow("binary file named, -c") << none << QString() << L{"-c", "foo", bin};
        QTest::newRow("binary file named, -l") << none << QString() << L{"-l", "foo", bin};
        QTest::newRow("binary file named, no match") << none << QString() << L{"zzz", bin};
        QTest::newRow("binary file named, no match, -c") << none << QString() << L{"-c", "zzz", bin};
        QTest::newRow("binary file named, match after the NUL") << none << QString() << L{"baz", bin};
        QTest::newRow("binary file and a text file") << none << QString() << L{"foo", bin, "other/a.txt"};
        QTest::newRow("binary file and a text file, -c") << none << QString() << L{"-c", "foo", bin, "other/a.txt"};
        QTest::newRow("binary file and a text file, -l") << none << QString() << L{"-l", "foo", bin, "other/a.txt"};
        QTest::newRow("binary file and a directory (read as a stream)") << none << QString() << L{"-C1", "foo", bin, "other"};
        QTest::newRow("binary file and a directory, -c") << none << QString() << L{"-c", "bar", bin, "other"};
        QTest::newRow("binary file, -A1") << none << QString() << L{"-A1", "foo", bin};
        QTest::newRow("binary file, -a") << none << QString() << L{"-a", "foo", bin};
        QTest::newRow("stdin binary, -a") << none << bin << L{"-a", "-c", "foo|bar"};
        QTest::newRow("binary file, -v") << none << QString() << L{"-v", "bar", bin};
        QTest::newRow("walked late NULs, -a -c") << none << QString() << L{"-a", "-c", "foo", "late"};
        QTest::newRow("binary file named, --files-without-match") << none << QString() << L{"--files-without-match", "zzz", bin, "text.txt"};
        QTest::newRow("explicit late NUL, not in a printed line") << none << QString() << L{"foo", late};
        QTest::newRow("explicit late NUL in a matching line") << none << QString() << L{"foo", "late/nul_in_match.txt"};
        QTest::newRow("explicit late NUL in a context line") << none << QString() << L{"-B1", "foo", "late/nul_in_context.txt"};
        QTest::newRow("explicit late NUL, -c") << none << QString() << L{"-c", "foo", "late/nul_in_match.txt"};
        QTest::newRow("explicit late NUL next to a directory") << none << QString() << L{"foo", late, "other"};
        QTest::newRow("explicit late NUL next to a directory, -c") << none << QString() << L{"-c", "foo", "late/nul_in_match.txt", "other"};
        // More than 10 paths: rg reads them as streams (no memory maps), NULs end lines.
        L eleven{"foo", "late/nul_in_match.txt"};
        for (int i = 0; i < 10; ++i) eleven << QStringLiteral("other/a.txt");
        QTest::newRow("explicit late NUL among 11 paths") << none << QString() << eleven;
        QTest::newRow("explicit late NUL among 11 paths, -c") << none << QString() << (L{"-c"} + eleven);
        // Every reading strategy for explicit files with a NUL (a stream-mode NUL in a mapped file
        // makes codescout-cli read it again in chunks).
        const std::pair<const char*, L> modes[] = {
            {"whole", L{"--small-file-threshold=1G", "--large-file-threshold=2G"}},
            {"buffered", L{"--small-file-threshold=1", "--large-file-threshold=1G"}},
            {"mmap", L{"--small-file-threshold=1", "--large-file-threshold=2"}},
        };
        for (const auto& [mode, flags] : modes) {
            QTest::addRow("%s: binary file named", mode) << flags << QString() << L{"foo", bin};
            QTest::addRow("%s: explicit late NUL in a matching line", mode) << flags << QString() << L{"foo", "late/nul_in_match.txt"};
            QTest::addRow("%s: explicit late NUL next to a directory", mode) << flags << QString() << L{"foo", "late/nul_in_match.txt", "other"};
            QTest::addRow("%s: stdin late NUL", mode) << flags << late << L{"foo"};
        }
    }

    void explicit_inputs() {
        QFETCH(QStringList, oursOnly);
        QFETCH(QString, stdinFile);
        QFETCH(QStringList, args);
        compare_inputs(oursOnly, stdinFile, args);
    }

    // Text encodings (issue 10): BOMs as rg sniffs them (UTF-8's dropped, UTF-16 decoded), -E
    // with WHATWG labels, invalid sequences (U+FFFD as encoding_rs writes it), characters cut by
    // block ends in large files, each through every reading strategy of codescout-cli.
    void encodings_data() {
        QTest::addColumn<QStringList>("oursOnly");
        QTest::addColumn<QString>("stdinFile");
        QTest::addColumn<QStringList>("args");
        using L = QStringList;
        const std::pair<const char*, L> modes[] = {
            {"default", L{}},
            {"buffered", L{"--small-file-threshold=1", "--large-file-threshold=1G"}},
            {"mmap", L{"--small-file-threshold=1", "--large-file-threshold=2"}},
        };
        const std::pair<const char*, L> rows[] = {
            {"walked", L{"foo", "enc"}},
            {"walked -c", L{"-c", "foo", "enc"}},
            {"walked -l", L{"-l", "foo", "enc"}},
            {"UTF-8 BOM named", L{"foo", "enc/bom8.txt"}},
            {"UTF-8 BOM ^", L{"^foo", "enc/bom8.txt", "enc/u16le.txt"}},
            {"UTF-16LE named", L{"foo", "enc/u16le.txt"}},
            {"UTF-16 context", L{"-C1", "foo", "enc/u16le.txt", "enc/u16be.txt"}},
            {"UTF-16 -m1 -A1", L{"-m1", "-A1", "foo", "enc/u16be.txt"}},
            {"UTF-16 non-ASCII", L{"-i", "ÜNÏ\\w+|😀", "enc"}},
            {"UTF-16 every line", L{"", "enc/u16le.txt", "enc/u16be.txt"}},
            {"double BOM", L{"foo", "enc/u16_double_bom.txt"}},
            {"BOM only", L{"-c", "", "enc/bom8_only.txt", "enc/bom16_only.txt"}},
            {"BOM only, walked", L{"-c", "", "enc/bom8_only.txt", "enc/bom16_only.txt", "enc/nul"}},
            {"odd-length UTF-16", L{"", "enc/u16_odd.txt"}},
            {"lone surrogate", L{"foo", "enc/u16_invalid.txt"}},
            {"UTF-16 NUL walked", L{"foo", "enc/nul"}},
            {"UTF-16 NUL named", L{"foo", "enc/nul/u16_nul.txt"}},
            {"-E latin1", L{"-E", "latin1", "caf|uro", "enc/latin1.txt"}},
            {"-E windows-1252 é", L{"--encoding", "windows-1252", "é|€", "enc/latin1.txt"}},
            {"-E shift_jis", L{"-E", "shift_jis", "日本", "enc/sjis.txt"}},
            {"-E utf-16le without BOM", L{"-E", "utf-16le", "foo", "enc/u16le_nobom.txt"}},
            {"-E utf-8 invalid", L{"-E", "utf-8", "foo", "enc/invalid8.txt"}},
            {"no -E: invalid kept", L{"foo", "enc/invalid8.txt"}},
            {"-E none keeps BOM", L{"-E", "none", "foo", "enc/bom8.txt", "enc/u16le.txt"}},
            {"-E latin1, UTF-16 BOM wins", L{"-E", "latin1", "foo", "enc/u16le.txt"}},
            {"-E latin1 after UTF-8 BOM", L{"-E", "latin1", "foo", "enc/bom8.txt"}},
            {"--no-encoding", L{"-E", "latin1", "--no-encoding", "foo", "enc/latin1.txt", "enc/u16le.txt"}},
            {"-E auto", L{"-E", "auto", "foo", "enc/u16be.txt"}},
            {"-E x-user-defined", L{"-E", "x-user-defined", "", "enc/latin1.txt"}},
            {"unknown encoding", L{"-E", "klingon", "foo", "enc"}},
            {"replacement label refused", L{"-E", "iso-2022-kr", "foo", "enc"}},
            {"large UTF-16 and UTF-8 BOM", L{"-c", "é.*😀|foo", "enc/big"}},
            {"large UTF-16 lines", L{"-C1", "foo", "enc/big/u16be_big.txt"}},
            {"large Shift_JIS", L{"-E", "sjis", "本y+ foo", "enc/sjis_big"}},
            {"large Shift_JIS -c", L{"-E", "sjis", "-c", "日本", "enc/sjis_big"}},
        };
        for (const auto& [mode, flags] : modes) {
            for (const auto& [name, args] : rows) {
                QTest::addRow("%s: %s", mode, name) << flags << QString() << args;
            }
        }
        QTest::newRow("stdin UTF-16LE") << L{} << QStringLiteral("enc/u16le.txt") << L{"foo"};
        QTest::newRow("stdin UTF-8 BOM") << L{} << QStringLiteral("enc/bom8.txt") << L{"foo"};
        QTest::newRow("stdin -E shift_jis") << L{} << QStringLiteral("enc/sjis.txt") << L{"-E", "shift_jis", "本"};
        QTest::newRow("stdin large UTF-16") << L{} << QStringLiteral("enc/big/u16le_big.txt") << L{"-c", "foo"};
    }

    void encodings() {
        QFETCH(QStringList, oursOnly);
        QFETCH(QString, stdinFile);
        QFETCH(QStringList, args);
        compare_inputs(oursOnly, stdinFile, args);
    }

    // Every WHATWG label rg accepts names the same encoding for codescout-cli: each label
    // decodes every byte (all_bytes.bin, one per line) to what rg prints. ICU's tables differ
    // from the WHATWG index on a few single bytes of eight encodings (known, listed below): the
    // row fails when another encoding differs, and when a listed one stops differing.
    void encoding_labels() {
        // WHATWG name -> how ICU's converter differs from encoding_rs on single bytes.
        const QHash<QString, QString> known = {
            {QStringLiteral("IBM866"), QStringLiteral("ICU's IBM table swaps 0x1A, 0x1C and 0x7F")},
            {QStringLiteral("Shift_JIS"), QStringLiteral("ICU's ibm-943 swaps 0x1A, 0x1C, 0x7F; 0x80 is U+FFFD, not U+0080")},
            {QStringLiteral("KOI8-U"), QStringLiteral("WHATWG's KOI8-U is KOI8-RU: 0xAE, 0xBE")},
            {QStringLiteral("windows-1253"), QStringLiteral("0xAA: ICU maps it, WHATWG does not")},
            {QStringLiteral("windows-1255"), QStringLiteral("0xCA: WHATWG maps it to U+05BA, ICU does not")},
            {QStringLiteral("windows-874"), QStringLiteral("0xDB-0xDE, 0xFC-0xFF: ICU maps them to the PUA")},
            {QStringLiteral("EUC-JP"), QStringLiteral("lone 0x80-0x8D, 0x90-0xA0: ICU passes C1 through")},
            {QStringLiteral("EUC-KR"), QStringLiteral("lone 0x80: ICU's windows-949 passes it through as U+0080")},
        };
        QStringList failures;
        QSet<QString> differing;
        for (const auto& [label, name] : codescout::whatwg_labels()) {
            const QStringList args = kCommonArgs + QStringList{QStringLiteral("-E"), QString::fromLatin1(label), QString(),
                                                               QStringLiteral("enc/bytes/all_bytes.bin")};
            const ProcessResult ours = run_program(cli_path(), args, inputs_dir_);
            const ProcessResult theirs = run_program(rg_path(), args, inputs_dir_);
            QCOMPARE(ours.exit_code, theirs.exit_code);
            const QString encoding = QString::fromLatin1(name);
            if (ours.out == theirs.out) continue;
            differing.insert(encoding);
            if (!known.contains(encoding)) {
                failures << QStringLiteral("%1 (%2): %3").arg(QString::fromLatin1(label), encoding,
                                                             first_difference(ours.out, theirs.out));
            }
        }
        for (auto it = known.begin(); it != known.end(); ++it) {
            if (!differing.contains(it.key())) failures << it.key() + QStringLiteral(" no longer differs: update the list");
            else qInfo("known difference, %s: %s", qPrintable(it.key()), qPrintable(it.value()));
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
    }

    void compare_inputs(const QStringList& oursOnly, const QString& stdinFile, const QStringList& args) {
        const StdinSource source =
            stdinFile.isEmpty() ? StdinSource{} : StdinSource::from_file(inputs_dir_ + u'/' + stdinFile);
        const QStringList full = kCommonArgs + args;
        const ProcessResult ours = run_program(cli_path(), oursOnly + full, inputs_dir_, source);
        const ProcessResult theirs = run_program(rg_path(), full, inputs_dir_, source);
        QVERIFY2(theirs.exit_code >= 0, "rg did not run");
        const QString context = QStringLiteral("args: %1\ncodescout-cli: %2\nrg: %3\n")
                                    .arg((oursOnly + full).join(u' '), ours.describe(), theirs.describe());
        QVERIFY2(ours.out == theirs.out && ours.exit_code == theirs.exit_code,
                 qPrintable(context + first_difference(ours.out, theirs.out)));
    }

    // The same inputs with --json: begin/match/context messages byte for byte, and the end
    // messages' binary_offset (rg's per-file timings are left out).
    void explicit_inputs_json_data() {
        QTest::addColumn<QString>("stdinFile");
        QTest::addColumn<QStringList>("args");
        using L = QStringList;
        QTest::newRow("stdin") << QStringLiteral("text.txt") << L{"foo"};
        QTest::newRow("stdin binary (NUL as line end)") << QStringLiteral("data.bin") << L{"foo|bar"};
        QTest::newRow("stdin late NUL") << QStringLiteral("late/nul_in_match.txt") << L{"foo"};
        QTest::newRow("binary file named") << QString() << L{"foo|bar", "data.bin"};
        QTest::newRow("explicit late NUL in a match") << QString() << L{"foo", "late/nul_in_match.txt"};
        QTest::newRow("explicit late NUL elsewhere") << QString() << L{"foo", "late/late_100k_70k.txt"};
        QTest::newRow("walked late NULs") << QString() << L{"foo", "late"};
        QTest::newRow("UTF-16 files") << QString() << L{"-C1", "foo|ünï", "enc/u16le.txt", "enc/u16be.txt"};
        QTest::newRow("UTF-8 BOM") << QString() << L{"foo", "enc/bom8.txt"};
        QTest::newRow("-E latin1") << QString() << L{"-E", "latin1", "caf|uro", "enc/latin1.txt"};
        QTest::newRow("UTF-16 NUL walked and named") << QString() << L{"foo", "enc/nul", "enc/nul/u16_nul.txt"};
        QTest::newRow("stdin UTF-16") << QStringLiteral("enc/u16le.txt") << L{"foo"};
    }

    void explicit_inputs_json() {
        QFETCH(QString, stdinFile);
        QFETCH(QStringList, args);
        const StdinSource source =
            stdinFile.isEmpty() ? StdinSource{} : StdinSource::from_file(inputs_dir_ + u'/' + stdinFile);
        const QStringList full = QStringList{QStringLiteral("--sort"), QStringLiteral("path"), QStringLiteral("--json")} + args;
        const ProcessResult ours = run_program(cli_path(), full, inputs_dir_, source);
        const ProcessResult theirs = run_program(rg_path(), full, inputs_dir_, source);
        const auto messages = [](const QByteArray& out) {
            QByteArray kept;
            for (const QByteArray& line : out.split('\n')) {
                if (line.startsWith("{\"type\":\"begin\"") || line.startsWith("{\"type\":\"match\"") ||
                    line.startsWith("{\"type\":\"context\"")) {
                    kept += line + '\n';
                } else if (line.startsWith("{\"type\":\"end\"")) {
                    const qsizetype at = line.indexOf("\"binary_offset\":");
                    kept += "end " + line.mid(at, line.indexOf(',', at) - at) + '\n';
                }
            }
            return kept;
        };
        const QByteArray a = messages(ours.out);
        const QByteArray b = messages(theirs.out);
        QVERIFY2(!b.isEmpty(), "rg found nothing: the row tests nothing");
        QVERIFY2(a == b, qPrintable(first_difference(a, b)));
        QCOMPARE(ours.exit_code, theirs.exit_code);
    }

    // Walked files whose first NUL comes after rg's first 64 KiB read: rg prints the matches it
    // searched before the read holding the NUL, then a warning; -c prints nothing for them; -l
    // lists them if a match came first. Through every reading strategy of codescout-cli.
    void late_nul_walked_data() {
        QTest::addColumn<QStringList>("oursOnly");
        QTest::addColumn<QStringList>("args");
        using L = QStringList;
        const std::pair<const char*, L> modes[] = {
            {"defaults", L{}},
            {"whole", L{"--small-file-threshold=1G", "--large-file-threshold=2G"}},
            {"buffered", L{"--small-file-threshold=1", "--large-file-threshold=1G"}},
            {"mmap", L{"--small-file-threshold=1", "--large-file-threshold=2"}},
        };
        const std::pair<const char*, L> rows[] = {
            {"lines", L{"foo", "late"}},
            {"-c", L{"-c", "foo", "late"}},
            {"-l", L{"-l", "foo", "late"}},
            {"-A1", L{"-A1", "foo", "late"}},
            {"-m1", L{"-m1", "foo", "late"}},
            {"-c -m1", L{"-c", "-m1", "foo", "late"}},
            {"every line -c", L{"-c", "", "late"}},
        };
        add_rows_per_mode(modes, rows);
    }

    void late_nul_walked() {
        QFETCH(QStringList, oursOnly);
        QFETCH(QStringList, args);
        QByteArray rg_out;
        compare(inputs_dir_, args, oursOnly, {}, &rg_out);
    }

    // A named FIFO (with a writer process), process substitution and /dev/stdin: rg reads them.
    void streams_data() {
        QTest::addColumn<QString>("script");  // bash; "$@" is the program with its arguments
        QTest::newRow("named FIFO") << QStringLiteral("mkfifo f && { printf 'a foo\\nb\\nfoo c\\n' > f & } && \"$@\" foo f; s=$?; wait; rm -f f; exit $s");
        QTest::newRow("named FIFO and a file") << QStringLiteral("mkfifo f && { printf 'a foo\\nb\\n' > f & } && \"$@\" foo f other/a.txt; s=$?; wait; rm -f f; exit $s");
        QTest::newRow("named FIFO, binary") << QStringLiteral("mkfifo f && { printf 'foo\\0bar\\n' > f & } && \"$@\" foo f; s=$?; wait; rm -f f; exit $s");
        QTest::newRow("named FIFO, -c") << QStringLiteral("mkfifo f && { printf 'foo\\0foo\\nfoo\\n' > f & } && \"$@\" -c foo f; s=$?; wait; rm -f f; exit $s");
        QTest::newRow("process substitution") << QStringLiteral("\"$@\" foo <(printf 'x foo\\ny\\n')");
        QTest::newRow("process substitution and a file") << QStringLiteral("\"$@\" -c foo <(printf 'x foo\\ny\\n') other/a.txt");
        QTest::newRow("/dev/stdin from a pipe") << QStringLiteral("printf 'foo\\nbar\\n' | \"$@\" foo /dev/stdin");
        QTest::newRow("pipe, no path") << QStringLiteral("printf 'foo\\nbar foo\\n' | \"$@\" foo");
        QTest::newRow("pipe, --json") << QStringLiteral("printf 'foo\\n' | \"$@\" --json foo | grep -v '\"end\"\\|summary'");
        QTest::newRow("pipe, -l") << QStringLiteral("printf 'foo\\n' | \"$@\" -l foo");
        QTest::newRow("pipe, binary") << QStringLiteral("printf 'foo\\nx\\0y\\nfoo\\n' | \"$@\" foo");
        QTest::newRow("pipe, binary, -c") << QStringLiteral("printf 'foo\\nx\\0foo\\nfoo\\n' | \"$@\" -c foo");
        QTest::newRow("/dev/null named") << QStringLiteral("\"$@\" foo /dev/null");
    }

    void streams() {
        QFETCH(QString, script);
        compare_script(script, kCommonArgs, inputs_dir_);
    }

    // Without -n/-N: rg shows line numbers only on a terminal (terminal_output) and in --json,
    // never in piped output, and not for standard input alone even on a terminal.
    void default_line_numbers_data() {
        QTest::addColumn<QString>("script");  // bash; "$@" is the program
        QTest::newRow("walked tree") << QStringLiteral("\"$@\" --sort path foo .");
        QTest::newRow("context") << QStringLiteral("\"$@\" --sort path -C1 foo gen");
        QTest::newRow("count") << QStringLiteral("\"$@\" --sort path -c foo .");
        QTest::newRow("pipe") << QStringLiteral("printf 'foo\\nbar foo\\n' | \"$@\" foo");
        QTest::newRow("--json") << QStringLiteral("\"$@\" --sort path --json foo gen | grep -v '\"end\"\\|summary'");
    }

    void default_line_numbers() {
        QFETCH(QString, script);
        compare_script(script, {}, generated_);
    }

    // -U and --multiline-dotall against rg, through every reading strategy (the whole text is
    // read, decoded or mapped): blocks of lines, context, -c/-l/-v/-o/-r/-b/--column/--vimgrep,
    // NULs under rg's multi-line rules, and patterns for every matcher kind.
    void multiline_data() {
        QTest::addColumn<QStringList>("oursOnly");
        QTest::addColumn<QStringList>("args");
        using L = QStringList;
        const std::pair<const char*, L> modes[] = {
            {"defaults", L{}},
            {"whole", L{"--small-file-threshold=1G", "--large-file-threshold=2G"}},
            {"buffered", L{"--small-file-threshold=1", "--large-file-threshold=1G"}},
            {"mmap", L{"--small-file-threshold=1", "--large-file-threshold=2"}},
        };
        const std::pair<const char*, L> rows[] = {
            {"lines", L{"-U", "foo\\nbar", "a.txt", "ctx.txt"}},
            {"adjacent matches grouped, --column", L{"-U", "--column", "o\\nbar", "a.txt"}},
            {"-o --column -b", L{"-U", "-o", "--column", "-b", "o\\nbar", "a.txt"}},
            {"-b", L{"-U", "-b", "o\\nbar", "a.txt", "crlf.txt"}},
            {"-c counts matches", L{"-U", "-c", "foo\\nbar|o$", "."}},
            {"--count-matches", L{"-U", "--count-matches", "foo\\nbar", "a.txt", "ctx.txt"}},
            {"-c, no newline possible: lines", L{"-U", "-c", "o", "b.txt"}},
            {"$ makes it multi-line", L{"-U", "--column", "o$", "b.txt"}},
            {"-C1", L{"-U", "-C1", "foo\\nbar", "ctx.txt"}},
            {"-B2 -A1", L{"-U", "-B2", "-A1", "return\\s+\\d", "code.c"}},
            {"-m1 -A1 (rg prints a context line twice)", L{"-U", "-A1", "-m1", "foo\\nbar", "ctx.txt"}},
            {"-m2", L{"-U", "-m2", "foo\\nbar", "ctx.txt"}},
            {"-c -m2", L{"-U", "-c", "-m2", "foo\\nbar", "ctx.txt"}},
            {"-v", L{"-U", "-v", "foo\\nbar", "ctx.txt", "b.txt"}},
            {"-v -C1 --column", L{"-U", "-v", "-C1", "--column", "foo\\nfoo", "b.txt"}},
            {"-v -c (matches: none)", L{"-U", "-v", "-c", "--include-zero", "foo\\nfoo", "b.txt"}},
            {"-v -m1", L{"-U", "-v", "-m1", "foo\\nfoo", "b.txt"}},
            {"-l", L{"-U", "-l", "foo\\nbar", "."}},
            {"--files-without-match -v", L{"-U", "--files-without-match", "-v", "foo\\nfoo", "b.txt", "a.txt"}},
            {"-r", L{"-U", "-r", "X", "foo\\nbar", "ctx.txt"}},
            {"-r with groups", L{"-U", "-r", "<$2|$1>", "(\\w+)\\n(\\w+)", "b.txt"}},
            {"-r -o", L{"-U", "-o", "-r", "[$0]", "o\\nb", "a.txt"}},
            {"--vimgrep", L{"-U", "--vimgrep", "o\\nbar", "a.txt", "ctx.txt"}},
            {"--vimgrep -b", L{"-U", "--vimgrep", "-b", "o\\nf", "b.txt"}},
            {"--passthru", L{"-U", "--passthru", "foo\\nfoo", "b.txt"}},
            {"-o a match of only line ends", L{"-U", "-o", "o\\n", "b.txt"}},
            {"empty matches", L{"-U", "-o", "(?m)^", "b.txt"}},
            {"empty pattern (line by line)", L{"-U", "-c", "", "b.txt"}},
            {"match ending at EOF without newline", L{"-U", "bar\\nend$", "a.txt"}},
            {"\\z", L{"-U", "d\\z", "a.txt"}},
            {"CRLF", L{"-U", "foo\\r\\nbar", "crlf.txt"}},
            {"CRLF $ does not match before \\r", L{"-U", "foo$", "crlf.txt"}},
            {"dot stops at newline", L{"-U", "foo.bar", "a.txt"}},
            {"--multiline-dotall", L{"-U", "--multiline-dotall", "foo.bar", "a.txt"}},
            {"(?s)", L{"-U", "(?s)/\\*.*?\\*/", "code.c"}},
            {"--multiline-dotall without -U", L{"--multiline-dotall", "-c", "o.", "a.txt"}},
            {"\\s+ across lines", L{"-U", "static\\s+int\\s+g", "code.c"}},
            {"[^;]* across lines", L{"-U", "return[^;]*;", "code.c"}},
            {"literal (-F with a newline)", L{"-U", "-F", "foo\nbar", "a.txt", "ctx.txt"}},
            {"alternation of literals", L{"-U", "foo\\nbar|x\\nfoo", "."}},
            {"-i literals", L{"-U", "-i", "FOO\\nBAR", "ctx.txt"}},
            {"-w", L{"-U", "-w", "foo\\nbar", "ctx.txt", "a.txt"}},
            {"-x", L{"-U", "-x", "foo", "b.txt", "ctx.txt"}},
            {"RE2 prefilter's kind of pattern", L{"-U", "[a-z]{3}\\s+[a-z]{3}\\n", "."}},
            {"required literal on the second line", L{"-U", "\\w+\\s*\\n\\s+return", "code.c"}},
            {"unicode", L{"-U", "-i", "straße\\nstrasse|σίσυφος\\s+σίσυφος", "uni.txt"}},
            {"UTF-16", L{"-U", "foo\\r\\nbar", "u16"}},
            {"big file", L{"-U", "-n", "begin \\d+\\n\\s+end", "big"}},
            {"big file -c", L{"-U", "-c", "\\d\\n\\s", "big"}},
            {"binary walked", L{"-U", "-B1", "foo\\s+bar", "bin"}},
            {"binary walked -c", L{"-U", "-c", "-B1", "foo\\s+bar", "bin"}},
            {"binary walked -l", L{"-U", "-l", "foo\\s+bar", "bin"}},
            {"binary named", L{"-U", "-B1", "foo\\s+bar", "bin/early.txt", "bin/late_in_ctx.txt",
                               "bin/late_in_match.txt", "bin/late_elsewhere.txt"}},
            {"binary named -c", L{"-U", "-c", "foo\\s+bar", "bin/early.txt", "bin/late_in_ctx.txt",
                                  "bin/late_in_match.txt"}},
            {"match across a NUL, -a", L{"-U", "-a", "foo[^x]+bar", "bin/early.txt"}},
            {"\\n without -U is an error", L{"foo\\nbar", "a.txt"}},
            {"[\\n] without -U is an error", L{"[\\n]", "a.txt"}},
            {"class with \\n without -U is no error", L{"-c", "o[\\na]", "a.txt"}},
        };
        add_rows_per_mode(modes, rows);
    }

    void multiline() {
        QFETCH(QStringList, oursOnly);
        QFETCH(QStringList, args);
        compare(multiline_dir_, args, oursOnly);
    }

    // --json with -U: lines holding several lines, submatches with offsets into them.
    void multiline_json_data() {
        QTest::addColumn<QStringList>("args");
        using L = QStringList;
        QTest::newRow("blocks") << L{"-U", "o\\nbar|o$", "a.txt", "b.txt"};
        QTest::newRow("context") << L{"-U", "-C1", "foo\\nbar", "ctx.txt"};
        QTest::newRow("a match taking the line end") << L{"-U", "bar\\n", "ctx.txt"};
        QTest::newRow("-v context submatches") << L{"-U", "-v", "-C1", "o\\n", "b.txt"};
        QTest::newRow("binary named") << L{"-U", "foo\\s+bar", "bin/late_in_ctx.txt", "bin/early.txt"};
    }

    void multiline_json() {
        QFETCH(QStringList, args);
        const QStringList full = QStringList{QStringLiteral("--sort"), QStringLiteral("path"), QStringLiteral("--json")} + args;
        const ProcessResult ours = run_cli(full, multiline_dir_);
        const ProcessResult theirs = run_program(rg_path(), full, multiline_dir_);
        const auto messages = [](const QByteArray& out) {
            QByteArray kept;
            for (const QByteArray& line : out.split('\n')) {
                if (line.startsWith("{\"type\":\"begin\"") || line.startsWith("{\"type\":\"match\"") ||
                    line.startsWith("{\"type\":\"context\"")) {
                    kept += line + '\n';
                }
            }
            return kept;
        };
        QVERIFY2(!messages(theirs.out).isEmpty(), "rg found nothing: the row tests nothing");
        QVERIFY2(messages(ours.out) == messages(theirs.out), qPrintable(first_difference(messages(ours.out), messages(theirs.out))));
        QCOMPARE(ours.exit_code, theirs.exit_code);
    }

    // -U on standard input (read whole into memory).
    void multiline_stdin() {
        const QStringList full = kCommonArgs + QStringList{QStringLiteral("-U"), QStringLiteral("-C1"), QStringLiteral("foo\\nbar")};
        const StdinSource source = StdinSource::from_file(multiline_dir_ + QStringLiteral("/ctx.txt"));
        const ProcessResult ours = run_program(cli_path(), full, multiline_dir_, source);
        const ProcessResult theirs = run_program(rg_path(), full, multiline_dir_, source);
        QVERIFY2(ours.out == theirs.out, qPrintable(first_difference(ours.out, theirs.out)));
        QCOMPARE(ours.exit_code, theirs.exit_code);
    }

    // Random multi-line patterns (fixed seed) over the generated tree: words joined by line ends,
    // whitespace runs and classes that cross lines; -c and the lines themselves must be rg's.
    void multiline_random() {
        const char* words[] = {"foo", "bar", "baz", "hello", "world", "alpha", "omega", "x", "lorem", "ipsum", "-", "="};
        const char* joins[] = {"\\n", "\\s+", "\\s*\\n", "[^a]*?\\n", " \\n?", "\\W+", "$\\n^"};
        Lcg rng(2024);
        QStringList failures;
        for (int i = 0; i < 40; ++i) {
            QString pattern = QString::fromLatin1(words[rng.next(std::size(words))]);
            const std::uint32_t parts = 1 + rng.next(2);
            for (std::uint32_t p = 0; p < parts; ++p) {
                pattern += QString::fromLatin1(joins[rng.next(std::size(joins))]);
                pattern += QString::fromLatin1(words[rng.next(std::size(words))]);
            }
            QStringList args{QStringLiteral("-U"), pattern, QStringLiteral("gen")};
            if (rng.next(3) == 0) args.prepend(QStringLiteral("-c"));
            if (rng.next(4) == 0) args.prepend(QStringLiteral("-C1"));
            const QStringList full = kCommonArgs + args;
            const ProcessResult ours = run_cli(full, generated_);
            const ProcessResult theirs = run_program(rg_path(), full, generated_);
            if (ours.out != theirs.out || ours.exit_code != theirs.exit_code) {
                failures << args.join(u' ') + QStringLiteral("\n") + first_difference(ours.out, theirs.out) +
                                QStringLiteral("\n  ours: ") + ours.describe();
            }
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QStringLiteral("\n\n"))));
    }

    // A file larger than --multiline-max-size is an error for that file only: the others are
    // still searched and printed, and the exit status is rg's for file errors (2).
    void multiline_size_limit() {
        const QStringList args{QStringLiteral("--sort"), QStringLiteral("path"), QStringLiteral("--multiline-max-size"),
                               QStringLiteral("1K"), QStringLiteral("-U"), QStringLiteral("-c"), QStringLiteral("foo\\nbar"),
                               QStringLiteral("ctx.txt"), QStringLiteral("big/big.txt"), QStringLiteral("a.txt")};
        const ProcessResult ours = run_cli(args, multiline_dir_);
        QCOMPARE(ours.out, QByteArray("ctx.txt:3\na.txt:2\n"));  // named paths: in the order given
        QCOMPARE(ours.exit_code, 2);
        QVERIFY2(ours.err.contains("big/big.txt") && ours.err.contains("--multiline-max-size"), ours.err.constData());
        // Mapped files are searched in place, whatever the limit.
        const ProcessResult mapped = run_cli(QStringList{QStringLiteral("--small-file-threshold=1"), QStringLiteral("--large-file-threshold=1K")} + args, multiline_dir_);
        QCOMPARE(mapped.out, QByteArray("ctx.txt:3\na.txt:2\n"));
        QCOMPARE(mapped.exit_code, 0);
    }

    void kernel_data() {
        QTest::addColumn<QString>("where");
        QTest::addColumn<QStringList>("args");
        using L = QStringList;
        const QString pci = QStringLiteral("drivers/pci");
        const QString k = QStringLiteral("kernel");
        add_row("PM_RESUME", {}, L{"PM_RESUME", pci, k});
        add_row("-i PM_RESUME", {}, L{"-i", "PM_RESUME", pci, k});
        add_row("-w PM_RESUME", {}, L{"-w", "PM_RESUME", pci, k});
        add_row("[A-Z]+_RESUME", {}, L{"[A-Z]+_RESUME", pci, k});
        add_row("alternation", {}, L{"ERR_SYS|PME_TURN_OFF|LINK_REQ_RST|CFG_BME_EVT", pci, k});
        add_row("five words", {}, L{"\\w{5}\\s+\\w{5}\\s+\\w{5}\\s+\\w{5}\\s+\\w{5}", pci});
        add_row("\\w{5}\\s+\\w{5}", {}, L{"\\w{5}\\s+\\w{5}", pci});
        add_row("-F -c", {}, L{"-F", "-c", "->", pci, k});
        add_row("-l -i", {}, L{"-l", "-i", "spinlock", pci, k});
        add_row("-C2", {}, L{"-C2", "pci_pm_resume", pci});
        add_row("-x", {}, L{"-x", "\\s*return 0;", pci});
        add_row("-m3 -A1", {}, L{"-m3", "-A1", "static", pci});
        add_row("-g", {}, L{"-g", "*.h", "-w", "u32", pci});
        add_row("--files", {}, L{"--files", pci, k});
        add_row("whole tree PM_RESUME", {}, L{"PM_RESUME"});
        add_row("whole tree -w [A-Z]+_RESUME", {}, L{"-w", "[A-Z]+_RESUME"});
    }

    void kernel() {
        if (kernel_.isEmpty()) QSKIP(qPrintable(kernel_skip_reason_));
        QFETCH(QStringList, args);
        compare(kernel_, args);
    }

};

QTEST_GUILESS_MAIN(TestCliDifferential)
#include "test_cli_differential.moc"
