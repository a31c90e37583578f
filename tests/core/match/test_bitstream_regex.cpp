// Tests of BitstreamRegex (bitstream_regex.h): a differential test against RE2 itself, with the
// options the line prefilter gives it, on generated patterns and ASCII texts, from every start
// position and with chunks small enough to cut every text; which patterns it must refuse; and
// that the line prefilter uses it for the benchmark's pattern and falls back to RE2 when a
// repetition does not settle.
#include <QTest>

#include <re2/re2.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/match/bitstream_regex.h"
#include "core/match/bitstream_sets.h"
#include "core/match/re2_line_prefilter.h"
#include "lcg.h"

using namespace codescout;

namespace {

// RE2 as Re2LinePrefilter compiles it (re2_line_prefilter.cpp).
std::unique_ptr<RE2> re2_program(const std::string& pattern) {
    RE2::Options options;
    options.set_encoding(RE2::Options::EncodingUTF8);
    options.set_never_nl(true);
    options.set_never_capture(true);
    options.set_log_errors(false);
    return std::make_unique<RE2>(pattern, options);
}

// The line (0-based) holding `pos`: the count of '\n' before it.
std::size_t line_of(const std::string& text, std::size_t pos) {
    std::size_t line = 0;
    for (std::size_t i = 0; i < pos; ++i) line += text[i] == '\n' ? 1 : 0;
    return line;
}

// RE2's answer: the first line, from `from`'s on, that has a match starting at or after `from`,
// each line asked alone ([start, its '\n') with the whole text as context); -1 for none.
long long re2_first_line(const RE2& re2, const std::string& text, std::size_t from) {
    std::size_t start = from;
    for (;;) {
        const std::size_t newline = text.find('\n', start);
        const std::size_t end = newline == std::string::npos ? text.size() : newline;
        if (re2.Match(text, start, end, RE2::UNANCHORED, nullptr, 0)) return static_cast<long long>(line_of(text, start));
        if (newline == std::string::npos) return -1;
        start = newline + 1;
    }
}

// Compares line_has_match() with RE2 on every line of `text`, asked in order (answers from the
// kept chunk) and then backwards (a new chunk each time), with one scratch throughout; "" when
// they agree.
std::string compare_lines_with_re2(const BitstreamRegex& bits, const RE2& re2, const std::string& text,
                                   BitstreamRegex::Scratch& scratch) {
    std::vector<std::pair<std::size_t, std::size_t>> lines;  // start, next start
    for (std::size_t start = 0;;) {
        const std::size_t newline = text.find('\n', start);
        const std::size_t next = newline == std::string::npos ? text.size() : newline + 1;
        lines.emplace_back(start, next);
        if (newline == std::string::npos) break;
        start = next;
    }
    for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t k = 0; k < lines.size(); ++k) {
            const auto [start, next] = lines[pass == 0 ? k : lines.size() - 1 - k];
            const auto got = bits.line_has_match(text, start, next, scratch);
            if (!got) continue;  // undecided
            const std::size_t end = next > start && text[next - 1] == '\n' ? next - 1 : next;
            const bool want = re2.Match(text, start, end, RE2::UNANCHORED, nullptr, 0);
            if (*got != want) {
                return "line at " + std::to_string(start) + ": " + (*got ? "match" : "none") + ", RE2 " +
                       (want ? "match" : "none") + " in \"" + text + "\" (pass " + std::to_string(pass) + ")";
            }
        }
    }
    return "";
}

class PatternMaker {
public:
    explicit PatternMaker(Lcg& random) : random_(random) {}
    std::string alternation(int depth) {
        std::string out = concatenation(depth);
        while (random_.next(5) == 0) out += "|" + concatenation(depth);
        return out;
    }

private:
    std::string concatenation(int depth) {
        std::string out;
        const std::uint32_t items = 1 + random_.next(4);
        for (std::uint32_t i = 0; i < items; ++i) out += quantified(depth);
        return out;
    }
    std::string quantified(int depth) {
        std::string atom = this->atom(depth);
        static const char* const kQuantifiers[] = {"*", "+", "?", "{2}", "{1,3}", "{2,}", "{0,2}", "*?", "+?", "{3}"};
        const bool assertion = atom == "^" || atom == "$" || atom == "\\b" || atom == "\\B";
        if (!assertion && random_.next(3) == 0) atom += kQuantifiers[random_.next(std::size(kQuantifiers))];
        return atom;
    }
    std::string atom(int depth) {
        static const char* const kAtoms[] = {
            "a", "b", "A", "_", " ", "-", "\\.", "1", ".", "\\w", "\\W", "\\s", "\\S", "\\d", "\\D", "[ab]", "[^a]",
            "[a-c_]", "[^\\s]", "[[:alpha:]]", "[^[:space:]b]", "[[:^alpha:]]", "[\\d\\-]", "\\x41", "\\x{62}", "\\n",
            "\\t", "[]a]", "[a-]", "^", "$", "\\b", "\\B", "[[:punct:]]", "[[:upper:]]", "\xC3\xA9", "[^\xC3\xA9]", "}",
            "[[:space:]]", "[[:cntrl:]]", "\\v", "\\f", "\\r", "[\\x00-\\x1f]", "[^\\x{7f}]", "[[:word:]]", "[[:xdigit:]]"};
        if (depth < 3 && random_.next(4) == 0) {
            static const char* const kGroups[] = {"(?:", "(?i:", "(", "(?im:"};
            return kGroups[random_.next(std::size(kGroups))] + alternation(depth + 1) + ")";
        }
        return kAtoms[random_.next(std::size(kAtoms))];
    }
    Lcg& random_;
};

std::string make_text(Lcg& random, std::size_t length) {
    static const char kAlphabet[] = "aAbB_ 1\t\n-.aab \r\v\f\x7f\x00kK";
    std::string text;
    for (std::size_t i = 0; i < length; ++i) text += kAlphabet[random.next(sizeof kAlphabet - 1)];
    return text;
}

// first_match_line() against RE2 from every start position of `text`, with `scratch` as it
// is (a kept chunk from other text included); "" when they agree.
std::string compare_first_lines_with_re2(const BitstreamRegex& bits, const RE2& re2, const std::string& text,
                                         BitstreamRegex::Scratch& scratch) {
    for (std::size_t from = 0; from <= text.size(); ++from) {
        bool undecided = false;
        const auto hit = bits.first_match_line(text, from, text.size(), scratch, undecided);
        if (undecided) continue;
        const long long got = hit ? static_cast<long long>(line_of(text, *hit)) : -1;
        const long long want = re2_first_line(re2, text, from);
        if (got != want) {
            return "from " + std::to_string(from) + ": line " + std::to_string(got) + ", RE2 " + std::to_string(want) +
                   " in \"" + text + "\"";
        }
    }
    return "";
}

// Compares BitstreamRegex with RE2 from every start position of `text`; "" when they agree.
std::string compare_with_re2(const std::string& pattern, const std::string& text, std::size_t chunk_bytes) {
    const std::string full = "(?m:" + pattern + ")";
    const auto re2 = re2_program(full);
    if (!re2->ok()) return "";  // not RE2 syntax: nothing to compare
    auto bits = BitstreamRegex::compile(full);
    if (!bits) return "";  // refused: RE2 does the job
    bits->set_chunk_bytes(chunk_bytes);
    BitstreamRegex::Scratch scratch;
    if (std::string lines = compare_lines_with_re2(*bits, *re2, text, scratch); !lines.empty()) {
        return "pattern " + full + ": " + lines + " (chunk " + std::to_string(chunk_bytes) + ")";
    }
    if (std::string first = compare_first_lines_with_re2(*bits, *re2, text, scratch); !first.empty()) {
        return "pattern " + full + " " + first + " (chunk " + std::to_string(chunk_bytes) + ")";
    }
    return "";
}

}  // namespace

class TestBitstreamRegex : public QObject {
    Q_OBJECT

private slots:
    void sameLinesAsRe2_data() {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("text");
        const char* const rows[][2] = {
            {"\\w{5}\\s+\\w{5}\\s+\\w{5}", "int x;\nstatic const struct device\n  hello world again\n"},
            {"\\w{5}\\s+\\w{5}", "abcd efghi\nabcde\tfghij\n"},
            {"^abc$", "xabc\nabc\nabcx\n"},
            {"^", ""},
            {"$", "\n\n"},
            {"\\bfoo\\b", "xfoo foo_ foo\n"},
            {"\\Bo", "o oo\n"},
            {"(?:ab)+c", "abababx\nababc\n"},
            {"a{2,}b?", "a\nba\naab\n"},
            {"(?i:HeLLo)", "say hello\n"},
            {"(?i:[^k])", "kK\nkx\n"},
            {"(?i:\\W)", "kK\nk!\n"},
            {"(?i:[[:upper:]])", "123\nabc\n"},
            {"[[:punct:]]", "abc\na_b\n"},
            {"a\\nb", "a\nb\n"},
            {"[^a]", "a\naaa\n\n"},
            {"x*", "\n\n"},
            {"\xC3\xA9|z", "abc\nz\n"},
            {"[]a]", "b]\n"},
            {"a.c", "a\nc\nabc\n"},
        };
        for (const auto& row : rows) {
            QTest::newRow(row[0]) << QString::fromUtf8(row[0]) << QString::fromUtf8(row[1]);
        }
    }
    void sameLinesAsRe2() {
        QFETCH(QString, pattern);
        QFETCH(QString, text);
        const std::string p = pattern.toStdString();
        QVERIFY2(BitstreamRegex::compile("(?m:" + p + ")").has_value(), qPrintable(pattern));
        for (std::size_t chunk : {std::size_t{1}, std::size_t{5}, BitstreamRegex::kChunkBytes}) {
            const std::string mismatch = compare_with_re2(p, text.toStdString(), chunk);
            QVERIFY2(mismatch.empty(), mismatch.c_str());
        }
    }

    // Generated patterns over generated texts. CODESCOUT_BITSTREAM_SEEDS runs more seeds.
    void generatedSameLinesAsRe2() {
        const int seeds = qEnvironmentVariableIsSet("CODESCOUT_BITSTREAM_SEEDS") ? qEnvironmentVariableIntValue("CODESCOUT_BITSTREAM_SEEDS") : 1500;
        int compiled = 0;
        for (int seed = 1; seed <= seeds; ++seed) {
            Lcg random(static_cast<std::uint32_t>(seed));
            const std::string pattern = PatternMaker(random).alternation(0);
            const std::string text = make_text(random, 1 + random.next(150));
            if (BitstreamRegex::compile("(?m:" + pattern + ")")) ++compiled;
            for (std::size_t chunk : {std::size_t{1}, std::size_t{9}, std::size_t{64}, BitstreamRegex::kChunkBytes}) {
                const std::string mismatch = compare_with_re2(pattern, text, chunk);
                QVERIFY2(mismatch.empty(), ("seed " + std::to_string(seed) + ": " + mismatch).c_str());
            }
        }
        // The generator mostly makes patterns the bitstreams take; were they all refused, the
        // comparison above would test nothing.
        QVERIFY2(compiled > seeds * 3 / 4, qPrintable(QString::number(compiled)));
    }

    // Long texts, where streams span many words and additions carry across them.
    void longLinesSameAsRe2() {
        Lcg random(7);
        for (const char* pattern : {"\\w{5}\\s+\\w{5}\\s+\\w{5}", "a[ab]*b", "(?:a|b)+_", "\\b\\w+\\b$", "[^_]{70,}"}) {
            std::string text;
            for (int i = 0; i < 3000; ++i) text += random.next(40) == 0 ? '\n' : "ab _ab"[random.next(6)];
            const std::string mismatch = compare_with_re2(pattern, text, BitstreamRegex::kChunkBytes);
            QVERIFY2(mismatch.empty(), mismatch.c_str());
            const std::string small = compare_with_re2(pattern, text, 100);
            QVERIFY2(small.empty(), small.c_str());
        }
    }

    // The kept chunk answers by the text, not by where it lies: a buffer filled again with other
    // text of the same size at the same address gets the new text's answers.
    void keptChunkFollowsTheText() {
        const std::string full = "(?m:\\w{3}\\s\\w{3})";
        auto bits = BitstreamRegex::compile(full);
        QVERIFY(bits);
        const auto re2 = re2_program(full);
        BitstreamRegex::Scratch scratch;
        std::string buffer = "abc def\nxy z\nabc def";
        QCOMPARE(bits->line_has_match(buffer, 0, 8, scratch), std::optional<bool>(true));
        QCOMPARE(bits->line_has_match(buffer, 8, 13, scratch), std::optional<bool>(false));
        buffer = "abc_def\nxyz abc\nabc de";  // same size, same address
        QVERIFY(compare_lines_with_re2(*bits, *re2, buffer, scratch).empty());
        QCOMPARE(bits->line_has_match(buffer, 0, 8, scratch), std::optional<bool>(false));
        QCOMPARE(bits->line_has_match(buffer, 8, 16, scratch), std::optional<bool>(true));
        QCOMPARE(bits->line_has_match(buffer, 16, buffer.size(), scratch), std::optional<bool>(false));
        // A kept chunk that went on past where this haystack ends after a '\n': the empty end
        // of the haystack is not the start of the kept chunk's next line ($ holds there, \b not).
        for (const char* pattern : {"(?m:^$)", "(?m:\\B$)"}) {
            auto each = BitstreamRegex::compile(pattern);
            QVERIFY(each);
            BitstreamRegex::Scratch shared;
            std::string text = "abc\nxyz";
            bool undecided = false;
            QCOMPARE(each->first_match_line(text, 0, text.size(), shared, undecided), std::optional<std::size_t>());
            text = "abc\n";
            QCOMPARE(each->first_match_line(text, 0, text.size(), shared, undecided), std::optional<std::size_t>(4));
        }
        // Texts one after the other through one scratch, some the start of the one before,
        // some the one before with a byte changed (the kept chunk's text is stale each time).
        for (const char* pattern : {"(?m:\\w{3}\\s\\w{3})", "(?m:\\b\\w+$)", "(?m:^$)", "(?m:a\\B)", "(?m:x*)"}) {
            auto each = BitstreamRegex::compile(pattern);
            QVERIFY(each);
            each->set_chunk_bytes(7);
            const auto each_re2 = re2_program(pattern);
            BitstreamRegex::Scratch shared;
            Lcg random(3);
            std::string last;
            for (int round = 0; round < 300; ++round) {
                const std::uint32_t kind = random.next(3);
                if (kind == 0 || last.empty()) buffer = make_text(random, 1 + random.next(80));
                else if (kind == 1) buffer = last.substr(0, random.next(static_cast<std::uint32_t>(last.size())) + 1);
                else (buffer = last)[random.next(static_cast<std::uint32_t>(last.size()))] = "a \nb"[random.next(4)];
                last = buffer;
                const std::string mismatch = compare_lines_with_re2(*each, *each_re2, buffer, shared);
                QVERIFY2(mismatch.empty(), (std::string(pattern) + ": " + mismatch).c_str());
                const std::string first = compare_first_lines_with_re2(*each, *each_re2, buffer, shared);
                QVERIFY2(first.empty(), (std::string(pattern) + ": " + first).c_str());
            }
        }
    }

    // A pattern that needs a byte no ASCII text has (\p{Greek} rewritten for ASCII lines) is
    // known not to match without evaluating anything.
    void neverMatchingPatternAnswersAtOnce() {
        auto bits = BitstreamRegex::compile("(?m:(?:[^\\x00-\\x{10FFFF}])+)");
        QVERIFY(bits);
        QVERIFY(!bits->can_match());
        QVERIFY(BitstreamRegex::compile("(?m:a|[^\\x00-\\x{10FFFF}])")->can_match());
        QVERIFY(BitstreamRegex::compile("(?m:a[^\\x00-\\x{10FFFF}]*)")->can_match());
    }

    void refuses_data() {
        QTest::addColumn<QString>("pattern");
        QTest::newRow("text start") << "(?m:\\Aa)";
        QTest::newRow("text end") << "(?m:a\\z)";
        QTest::newRow("^ outside (?m)") << "^a";
        QTest::newRow("dot-all") << "(?m:(?s:a.b))";
        QTest::newRow("property") << "(?m:\\pL)";
        QTest::newRow("octal") << "(?m:\\01)";
        QTest::newRow("caseless non-ASCII") << QString::fromUtf8("(?m:(?i:\xE2\x84\xAA))");
        QTest::newRow("flag negation") << "(?m:(?-i:a))";
        QTest::newRow("too many operations") << "(?m:(?:a{1000}){1000})";
        QTest::newRow("quoted") << "(?m:\\Qa\\E)";
    }
    void refuses() {
        QFETCH(QString, pattern);
        QVERIFY(!BitstreamRegex::compile(pattern.toStdString()).has_value());
    }

    // A repetition of a group that takes more than kMaxClosureSteps rounds to settle: undecided,
    // and the prefilter's answer then comes from RE2.
    void unsettledRepetitionFallsBackToRe2() {
        // From the line start alone, each round reaches one cursor more: 500 rounds.
        const std::string text = std::string(1000, 'a') + "b\n";
        auto bits = BitstreamRegex::compile("(?m:^(?:aa)+b)");
        QVERIFY(bits);
        BitstreamRegex::Scratch scratch;
        bool undecided = false;
        QVERIFY(!bits->first_match_line(text, 0, text.size(), scratch, undecided));
        QVERIFY(undecided);
        const auto prefilter = Re2LinePrefilter::create({"^(?:aa)+b"}, false);
        QVERIFY(prefilter && prefilter->uses_bitstreams());
        auto prefilter_scratch = prefilter->make_scratch();
        const auto hit = prefilter->candidate(text, 0, prefilter_scratch.get());
        QVERIFY(hit && *hit <= 1000);
    }

    // The AVX2, SSE2 and scalar fills agree on random sets (up to ten: more than AVX2 takes)
    // over random bytes, non-ASCII ones included, for every length around the word size.
    void setStreamsAgreeOnEveryPath() {
        Lcg random(11);
        for (int round = 0; round < 60; ++round) {
            std::vector<std::array<std::uint64_t, 2>> members(1 + random.next(10));
            for (auto& set : members) {
                const std::uint32_t kind = random.next(3);
                for (unsigned c = 0; c < 128; ++c) {
                    const bool in = kind == 0 ? random.next(8) == 0 : kind == 1 ? random.next(8) != 0 : (c >= 'a' && c <= 'k');
                    if (in) set[c >> 6] |= std::uint64_t{1} << (c & 63);
                }
            }
            const BitstreamSets sets(members);
            std::string text;
            const std::size_t n = random.next(300);
            for (std::size_t i = 0; i < n; ++i) text += static_cast<char>(random.next(256));
            const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
            std::vector<std::vector<std::uint64_t>> got[3];
            for (int path = 0; path < 3; ++path) {
                got[path].assign(members.size(), std::vector<std::uint64_t>(n / 64 + 1, 0xDEAD));
                std::vector<std::vector<std::uint64_t>*> out;
                for (auto& stream : got[path]) out.push_back(&stream);
                sets.fill(bytes, n, out.data(), static_cast<BitstreamSets::Path>(path));
            }
            for (std::size_t s = 0; s < members.size(); ++s) {
                for (std::size_t i = 0; i <= n; ++i) {
                    const bool want = i < n && bytes[i] < 0x80 && ((members[s][bytes[i] >> 6] >> (bytes[i] & 63)) & 1) != 0;
                    for (int path = 0; path < 3; ++path) {
                        const bool bit = ((got[path][s][i / 64] >> (i % 64)) & 1) != 0;
                        QVERIFY2(bit == want, qPrintable(QStringLiteral("round %1 set %2 byte %3 path %4").arg(round).arg(s).arg(i).arg(path)));
                    }
                }
            }
        }
    }

    // Matching lines with a non-matching one between each two, asked as lines_by_re2() asks
    // (next_line() from each line after the last answer): every byte is evaluated a few times at
    // most. Windows of 8 KiB after each non-matching line, as RE2 had them, evaluated 8 KiB per
    // line.
    void interleavedLinesEvaluateEachByteAFewTimes() {
        const auto prefilter = Re2LinePrefilter::create({"\\w+_\\w+_\\w+_\\w+_\\w+"}, false);
        QVERIFY(prefilter && prefilter->uses_bitstreams());
        std::string text;
        for (int i = 0; i < 2000; ++i) text += i % 2 == 0 ? "#define reg_a_b_c_d 0x1\n" : "// x\n";
        auto scratch = prefilter->make_scratch();
        std::size_t pos = 0;
        std::size_t matching = 0;
        while (pos < text.size()) {
            const auto verdict = prefilter->next_line(text, pos, scratch.get());
            if (!verdict) break;
            QVERIFY(verdict->holds_match);
            ++matching;
            pos = text.find('\n', verdict->pos) + 1;
        }
        QCOMPARE(matching, std::size_t{1000});
        const std::size_t evaluated = Re2LinePrefilter::evaluated_bytes(*scratch);
        QVERIFY2(evaluated <= 4 * text.size(), qPrintable(QStringLiteral("%1 bytes for %2").arg(evaluated).arg(text.size())));
    }

    void prefilterUsesBitstreams() {
        const auto words = Re2LinePrefilter::create({"\\w{5}\\s+\\w{5}\\s+\\w{5}\\s+\\w{5}\\s+\\w{5}"}, false);
        QVERIFY(words && words->uses_bitstreams());
        const std::string text = "int x;\nstatic const struct device *dev;\nwords words words words words\n";
        auto scratch = words->make_scratch();
        const auto verdict = words->next_line(text, 0, scratch.get());
        QVERIFY(verdict && verdict->holds_match);
        QCOMPARE(line_of(text, verdict->pos), std::size_t{2});
        QCOMPARE(words->line_holds_match(text, 0, 7, scratch.get()), std::optional<bool>(false));
        QCOMPARE(words->line_holds_match(text, 40, text.size(), scratch.get()), std::optional<bool>(true));
    }
};

QTEST_APPLESS_MAIN(TestBitstreamRegex)
#include "test_bitstream_regex.moc"
