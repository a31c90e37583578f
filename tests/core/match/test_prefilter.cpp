// Tests of the regex prefilters: which literals the required-literal parse picks (and where it
// must refuse), how patterns are rewritten for RE2's DFA (and where that must refuse), which path
// compile_matcher chooses, and a differential test against the plain PCRE2 RegexMatcher on
// generated haystacks (invalid UTF-8, long lines, matches at the edges, ASCII windows).
#include <QRandomGenerator>
#include <QTest>

#include <iterator>
#include <latch>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "core/match/line_match.h"
#include "core/match/pattern_cache.h"
#include "core/match/pattern_text.h"
#include "core/match/prefiltered_matcher.h"
#include "core/match/re2_line_prefilter.h"
#include "core/match/re2_superset.h"
#include "core/match/regex_matcher.h"
#include "core/match/required_literal.h"
#include "match_test_util.h"

using namespace codescout;
using codescout::test::all_matches;
using codescout::test::pattern_options;

namespace {

// What the searcher makes of a buffer (scanner.cpp): each candidate's line, re-checked alone when
// the candidate runs past the line's end; "line:begin-end" of the first match of each line.
QByteArray matching_lines(const Matcher& matcher, std::string_view buffer) {
    auto scratch = matcher.make_scratch();
    QByteArray out;
    std::size_t pos = 0;
    while (pos < buffer.size()) {
        const auto candidate = matcher.find(buffer, pos, *scratch);
        if (!candidate) break;
        if (candidate->begin > buffer.size() || (candidate->begin == buffer.size() && buffer.back() == '\n')) break;
        const std::size_t newline_before = candidate->begin == 0 ? std::string_view::npos : buffer.rfind('\n', candidate->begin - 1);
        const std::size_t line_start = newline_before == std::string_view::npos || newline_before < pos ? pos : newline_before + 1;
        const std::size_t newline = buffer.find('\n', candidate->begin);
        const std::size_t line_end = newline == std::string_view::npos ? buffer.size() : newline;
        std::optional<MatchRange> first;
        if (candidate->end <= line_end) {
            first = MatchRange{candidate->begin - line_start, candidate->end - line_start};
        } else {
            first = matcher.find(buffer.substr(line_start, line_end - line_start), 0, *scratch);
        }
        pos = line_end + 1;
        if (!first) continue;
        out += QByteArray::number(qulonglong(line_start)) + ':' + QByteArray::number(qulonglong(first->begin)) + '-' +
               QByteArray::number(qulonglong(first->end)) + ' ';
    }
    return out;
}

// The starts of the lines that hold a match, as a search that needs only the lines finds them
// (Matcher::find_matching_line), or, with `by_find`, through the searcher's protocol on find().
QByteArray matching_line_starts(const Matcher& matcher, std::string_view buffer, bool by_find) {
    auto scratch = matcher.make_scratch();
    QByteArray out;
    std::size_t pos = 0;
    while (pos < buffer.size()) {
        std::optional<std::size_t> line_start;
        if (by_find) {
            if (const auto match = first_line_match(matcher, buffer, pos, *scratch)) line_start = match->line_start;
        } else {
            line_start = matcher.find_matching_line(buffer, pos, *scratch);
        }
        if (!line_start) break;
        if (*line_start < pos || *line_start >= buffer.size() || (*line_start > 0 && buffer[*line_start - 1] != '\n')) {
            return "not a line start: " + QByteArray::number(qulonglong(*line_start));
        }
        out += QByteArray::number(qulonglong(*line_start)) + ' ';
        const std::size_t newline = buffer.find('\n', *line_start);
        if (newline == std::string_view::npos) break;
        pos = newline + 1;
    }
    return out;
}

// Lines of generated text where most lines match a register-name pattern: ASCII lines in runs
// (dense matches), now and then a line that does not match, a line with non-ASCII word
// characters (which PCRE2 must decide), a long run without any match (back to sparse).
std::string register_lines(QRandomGenerator& rng, int lines) {
    static const char* const kLines[] = {
        "#define NBIO_0_CNTL__ENABLE_0__SHIFT 0x0",  "#define GFX_1_MASK__VALID_1_MASK 0x00000038L",
        "// nbio_cntl 0",                             "",
        "#define \xC3\x89TAT_1_CNTL__ENABLE_2 0x1",   "// \xC3\xA4_1 \xC3\xA4_b",
        "#define X_\xC3\xA4_b_c_d 1",                 "a_b_c_d_e",
        "a_b_c_d_\xFF",                               "_____",
        "x_y_z_w",                                    "\tPM_RESUME = 1, K_k_S_s_\xE2\x84\xAA",
    };
    std::string out;
    for (int i = 0; i < lines; ++i) {
        if (rng.bounded(200) == 0) {
            for (int j = 0; j < 400; ++j) out += "no match on this line at all\n";
        }
        const int pick = rng.bounded(10) < 7 ? rng.bounded(2) : rng.bounded(static_cast<int>(std::size(kLines)));
        out += kLines[pick];
        out += '\n';
    }
    if (rng.bounded(2) == 0 && !out.empty()) out.pop_back();  // sometimes no final newline
    return out;
}

// Every match of each line searched alone (how the searcher collects a line's spans).
QByteArray per_line_matches(const Matcher& matcher, std::string_view buffer) {
    QByteArray out;
    std::size_t start = 0;
    while (start <= buffer.size()) {
        const std::size_t newline = buffer.find('\n', start);
        const std::size_t end = newline == std::string_view::npos ? buffer.size() : newline;
        out += all_matches(matcher, buffer.substr(start, end - start)) + '|';
        if (newline == std::string_view::npos) break;
        start = newline + 1;
    }
    return out;
}

const std::vector<std::string> kTokens = {
    "PM_RESUME", "_RESUME", "RESUME", "SUSPEND_RESUME", "A_RESUME", "pm_resume", "ab", "abc", "bcd", "ad", "abd",
    "abcd", "hello", "world", "fooba", "words", "ERR_SYS", "PME", "12345", " ", "  ", "\t", "\n", "\n", "\r\n",
    "x", "K", "k", "s", "S", "-", "_", "=", "(", ")", "\x0B", "\f", "{,3}", "a-b", "foo", "bar", "FooBar",
    "\xC3\xA9",          // é
    "\xC3\x89",          // É
    "\xE2\x84\xAA",      // KELVIN SIGN (folds to k)
    "\xC5\xBF",          // LATIN SMALL LETTER LONG S (folds to s)
    "\xE3\x80\x80",      // IDEOGRAPHIC SPACE (\s with UCP)
    "\xCE\xB1", "\xCE\xA9", "\xD0\x96", "\xE4\xB8\xAD",  // α Ω Ж 中 (\p{Greek}, \p{Cyrillic}, \p{Han})
    "\xFF", "\xC3", "\x80", "\xE2\x84",  // invalid UTF-8
};

std::string random_haystack(QRandomGenerator& rng, int tokens) {
    std::string out;
    for (int i = 0; i < tokens; ++i) out += kTokens[rng.bounded(static_cast<int>(kTokens.size()))];
    return out;
}

// The literal prefilter, counting how often the matcher asks it.
class CountingPrefilter final : public LinePrefilter {
public:
    explicit CountingPrefilter(const std::vector<std::string>& needles) : inner_(needles, false) {}
    std::optional<std::size_t> candidate(std::string_view haystack, std::size_t from,
                                         PrefilterScratch* scratch) const override {
        ++calls_;
        return inner_.candidate(haystack, from, scratch);
    }
    std::size_t memory_bytes() const override { return inner_.memory_bytes(); }
    std::string describe() const override { return "counting " + inner_.describe(); }
    int calls() const { return calls_; }

private:
    LiteralLinePrefilter inner_;
    mutable int calls_ = 0;
};

}  // namespace

class TestPrefilter : public QObject {
    Q_OBJECT

private slots:
    void requiredLiterals_data() {
        QTest::addColumn<QByteArray>("regex");
        QTest::addColumn<bool>("caseless");
        QTest::addColumn<QByteArray>("expected");  // needles joined by ',', or "none"
        QTest::newRow("class then literal") << QByteArray("[A-Z]+_RESUME") << false << QByteArray("_RESUME");
        QTest::newRow("longest run wins") << QByteArray("ab\\d+_RESUME") << false << QByteArray("_RESUME");
        QTest::newRow("escaped punctuation") << QByteArray("foo\\.bar\\(") << false << QByteArray("foo.bar(");
        QTest::newRow("optional char ends run") << QByteArray("abcd?ef") << false << QByteArray("abc");
        QTest::newRow("plus keeps one") << QByteArray("xyz+w") << false << QByteArray("xyz");
        QTest::newRow("{1} is the char") << QByteArray("ab{1}cd") << false << QByteArray("abcd");
        QTest::newRow("{0,2} drops it") << QByteArray("abc{0,2}de") << false << QByteArray("ab");
        QTest::newRow("optional group not required") << QByteArray("a(bc)?d") << false << QByteArray("none");
        QTest::newRow("group literal not used") << QByteArray("(hello)+x") << false << QByteArray("none");
        QTest::newRow("alternation each branch") << QByteArray("foo\\d|ba+rr") << false << QByteArray("ba,foo");
        QTest::newRow("alternation branch without") << QByteArray("foo\\d|\\w+") << false << QByteArray("none");
        QTest::newRow("word classes only") << QByteArray("\\w{5}\\s+\\w{5}") << false << QByteArray("none");
        QTest::newRow("caseless cut at k and s") << QByteArray("PM_RESUME\\d") << true << QByteArray("PM_RE");
        QTest::newRow("caseless non-ASCII cut") << QByteArray("ab\xC3\xA9" "cdx+") << true << QByteArray("cdx");
        QTest::newRow("sensitive non-ASCII kept") << QByteArray("\xC3\xA9t\xC3\xA9\\d") << false << QByteArray("\xC3\xA9t\xC3\xA9");
        QTest::newRow("multibyte char quantified") << QByteArray("ab\xC3\xA9?\\d") << false << QByteArray("ab");
        QTest::newRow("inline flags give up") << QByteArray("(?i)foo\\d") << false << QByteArray("none");
        QTest::newRow("scoped flags are an atom") << QByteArray("(?i:x)foo\\d") << false << QByteArray("foo");
        QTest::newRow("extended group gives up") << QByteArray("(?x: a # ) \n)foo\\d") << false << QByteArray("none");
        QTest::newRow("\\Q gives up") << QByteArray("\\Qa.b\\E\\d") << false << QByteArray("none");
        QTest::newRow("\\K gives up") << QByteArray("foo\\Kbar") << false << QByteArray("none");
        QTest::newRow("verb gives up") << QByteArray("(*UCP)foo\\d") << false << QByteArray("none");
        QTest::newRow("newline not in needle") << QByteArray("ab\\ncd\\d") << false << QByteArray("ab|cd");
        QTest::newRow("class with ] and [:alpha:]") << QByteArray("[]a[:alpha:]]foo[^]]") << false << QByteArray("foo");
        QTest::newRow("look-behind is an atom") << QByteArray("(?<=ab)cde") << false << QByteArray("cde");
        QTest::newRow("literal brace gives up") << QByteArray("ab{x}") << false << QByteArray("none");
        QTest::newRow("single char too short") << QByteArray("a\\d") << false << QByteArray("none");
    }
    void requiredLiterals() {
        QFETCH(QByteArray, regex);
        QFETCH(bool, caseless);
        QFETCH(QByteArray, expected);
        const auto needles = required_literals(regex.toStdString(), caseless);
        QByteArray got = "none";
        if (needles) {
            got.clear();
            for (const std::string& n : *needles) got += (got.isEmpty() ? "" : ",") + QByteArray::fromStdString(n);
        }
        // "newline not in needle": either run is correct; the parse picks by length then rarity.
        if (QByteArray(QTest::currentDataTag()) == "newline not in needle") {
            QVERIFY(got == "ab" || got == "cd");
            return;
        }
        QCOMPARE(got, expected);
    }

    void choosesPath_data() {
        QTest::addColumn<QByteArrayList>("patterns");
        QTest::addColumn<QByteArray>("flags");
        QTest::addColumn<QByteArray>("strategy");  // prefix of describe()
        QTest::newRow("benchmark class+literal") << QByteArrayList{"[A-Z]+_RESUME"} << QByteArray() << QByteArray("prefiltered literal:_RESUME pcre2");
        QTest::newRow("-w keeps the prefilter") << QByteArrayList{"[A-Z]+_RESUME"} << QByteArray("w") << QByteArray("prefiltered literal:_RESUME pcre2");
        QTest::newRow("-x keeps the prefilter") << QByteArrayList{"[A-Z]+_RESUME"} << QByteArray("x") << QByteArray("prefiltered literal:_RESUME pcre2");
        QTest::newRow("-i caseless needle") << QByteArrayList{"[a-z]+_resume"} << QByteArray("i") << QByteArray("prefiltered literal:ume pcre2");
        QTest::newRow("several patterns") << QByteArrayList{"foo\\d+", "[xy]barbaz"} << QByteArray() << QByteArray("prefiltered literal:foo,barbaz pcre2");
        QTest::newRow("one pattern without literal") << QByteArrayList{"foo\\d+", "\\d+"} << QByteArray() << QByteArray("prefiltered re2:(?m:(?:foo\\d+)|(?:\\d+)) pcre2");
        QTest::newRow("benchmark words") << QByteArrayList{"\\w{5}\\s+\\w{5}"} << QByteArray() << QByteArray("prefiltered re2:");
        QTest::newRow("-w words") << QByteArrayList{"\\w+\\d"} << QByteArray("w") << QByteArray("prefiltered re2:");
        QTest::newRow("back-reference stays pcre2") << QByteArrayList{"(\\w)\\1"} << QByteArray() << QByteArray("pcre2");
        QTest::newRow("-i non-ASCII stays pcre2") << QByteArrayList{"\\w+\xC3\xA9"} << QByteArray("i") << QByteArray("pcre2");
        QTest::newRow("pure literal stays literal") << QByteArrayList{"PM_RESUME"} << QByteArray("w") << QByteArray("literal");
        QTest::newRow("alternation of literals stays literal") << QByteArrayList{"ERR_SYS|PME_TURN_OFF"} << QByteArray() << QByteArray("literal");
        QTest::newRow("-i single literal with s stays literal") << QByteArrayList{"pm_resume"} << QByteArray("i") << QByteArray("literal ");
        QTest::newRow("empty-matching: every line a candidate") << QByteArrayList{"x*"} << QByteArray() << QByteArray("pcre2");
    }

    // Which matchers let RE2 decide lines (find_matching_line): only where it reads the
    // patterns exactly and -w / -x add nothing it was not given.
    void decidesLines_data() {
        QTest::addColumn<QByteArrayList>("patterns");
        QTest::addColumn<QByteArray>("flags");
        QTest::addColumn<bool>("decides");
        QTest::newRow("RE2 prefilter") << QByteArrayList{"\\w{5}\\s+\\w{5}"} << QByteArray() << true;
        QTest::newRow("literal prefilter") << QByteArrayList{"[A-Z]+_RESUME"} << QByteArray() << true;
        QTest::newRow("-i") << QByteArrayList{"[a-z]+_resume"} << QByteArray("i") << true;
        QTest::newRow("several patterns") << QByteArrayList{"foo\\d+", "\\d+x"} << QByteArray() << true;
        QTest::newRow("-w") << QByteArrayList{"[A-Z]+_RESUME"} << QByteArray("w") << false;
        QTest::newRow("-x") << QByteArrayList{"\\w+\\d"} << QByteArray("x") << false;
        QTest::newRow("look-ahead") << QByteArrayList{"\\w+(?=\\d)"} << QByteArray() << false;
        QTest::newRow("one of two loosened") << QByteArrayList{"foo\\d+", "\\w++x"} << QByteArray() << false;
    }
    void decidesLines() {
        QFETCH(QByteArrayList, patterns);
        QFETCH(QByteArray, flags);
        QFETCH(bool, decides);
        const auto matcher = compile_matcher(pattern_options(patterns, flags));
        QVERIFY2(matcher->describe().starts_with("prefiltered"), matcher->describe().c_str());
        QCOMPARE(matcher->describe().find("re2 decides") != std::string::npos, decides);
    }
    void choosesPath() {
        QFETCH(QByteArrayList, patterns);
        QFETCH(QByteArray, flags);
        QFETCH(QByteArray, strategy);
        const auto matcher = compile_matcher(pattern_options(patterns, flags));
        QVERIFY2(matcher->describe().starts_with(strategy.toStdString()), matcher->describe().c_str());
    }

    void sameAsPcre2_data() {
        QTest::addColumn<QByteArrayList>("patterns");
        QTest::addColumn<QByteArray>("flags");
        QTest::newRow("[A-Z]+_RESUME") << QByteArrayList{"[A-Z]+_RESUME"} << QByteArray();
        QTest::newRow("-w [A-Z]+_RESUME") << QByteArrayList{"[A-Z]+_RESUME"} << QByteArray("w");
        QTest::newRow("-x [A-Z]+_RESUME") << QByteArrayList{"[A-Z]+_RESUME"} << QByteArray("x");
        QTest::newRow("-i [a-z]+_resume") << QByteArrayList{"[a-z]+_resume"} << QByteArray("i");
        QTest::newRow("-i with k/s folding") << QByteArrayList{"\\w*_RESUME"} << QByteArray("i");
        QTest::newRow("anchored ^") << QByteArrayList{"^abc\\w*"} << QByteArray();
        QTest::newRow("anchored $") << QByteArrayList{"\\wbcd$"} << QByteArray();
        QTest::newRow("spaces around") << QByteArrayList{"\\s+hello\\s*"} << QByteArray();
        QTest::newRow("match may span lines") << QByteArrayList{"abc[^x]*world"} << QByteArray();
        QTest::newRow("alternation branches") << QByteArrayList{"ERR_\\w+|PME\\b|\\d{3}45"} << QByteArray();
        QTest::newRow("two patterns") << QByteArrayList{"fo+ba", "[A-Z]_RESUME"} << QByteArray();
        QTest::newRow("-w -j") << QByteArrayList{"\\w+ds"} << QByteArray("wj");
        QTest::newRow("optional group") << QByteArrayList{"a(bc)?d"} << QByteArray();
        QTest::newRow("look-behind") << QByteArrayList{"(?<=\\s)hello"} << QByteArray();
        QTest::newRow("look-behind over newline") << QByteArrayList{"(?<=\\n)hello"} << QByteArray();
        QTest::newRow("\\b non-ASCII") << QByteArrayList{"\\b\xC3\xA9" "\\w*"} << QByteArray();
        QTest::newRow("non-ASCII literal") << QByteArrayList{"\xC3\xA9\\S+"} << QByteArray();
        QTest::newRow("empty-matching") << QByteArrayList{"(?:_RESUME)?"} << QByteArray();
        QTest::newRow("\\r in line") << QByteArrayList{"ab.$"} << QByteArray();
        QTest::newRow("benchmark words") << QByteArrayList{"\\w{5}\\s+\\w{5}"} << QByteArray();
        // The RE2 path: what the rewrite changes or drops.
        QTest::newRow("re2 \\s holds VT") << QByteArrayList{"\\w\\s\\w"} << QByteArray();
        QTest::newRow("re2 \\S") << QByteArrayList{"x\\S\\S"} << QByteArray();
        QTest::newRow("re2 \\h \\v \\H \\V") << QByteArrayList{"\\h\\w|\\v\\w|s\\H\\V"} << QByteArray();
        QTest::newRow("re2 \\N") << QByteArrayList{"S\\N\\N\\d"} << QByteArray();
        QTest::newRow("re2 {,3}") << QByteArrayList{"x{,3}\\d"} << QByteArray();
        QTest::newRow("re2 literal braces") << QByteArrayList{"\\{,3}|o{x}"} << QByteArray();
        QTest::newRow("re2 look-ahead dropped") << QByteArrayList{"\\w+(?=\\d)|o(?!o)\\w"} << QByteArray();
        QTest::newRow("re2 look-behind dropped") << QByteArrayList{"(?<!f)oo?\\w|(?<=\\s)\\w"} << QByteArray();
        QTest::newRow("re2 atomic and possessive") << QByteArrayList{"(?>fo+)o|\\w++b|a?+-"} << QByteArray();
        QTest::newRow("re2 lazy") << QByteArrayList{"\\w+?b|a?" "?-"} << QByteArray();
        QTest::newRow("re2 \\Q..\\E") << QByteArrayList{"\\Qa-b\\E\\w?|\\Q(\\E+"} << QByteArray();
        QTest::newRow("re2 inline caseless") << QByteArrayList{"(?i)foo\\w|B(?i:AR)\\b"} << QByteArray();
        QTest::newRow("re2 caseless k and s") << QByteArrayList{"[ks]\\W|\\bS\\w"} << QByteArray("i");
        QTest::newRow("re2 hex escapes") << QByteArrayList{"\\x41\\w|\\x{2d}\\x62|\\x{e9}\\w"} << QByteArray();
        QTest::newRow("re2 classes") << QByteArrayList{"[[:upper:]][[:lower:]]+|[^\\w\\s]{2}|[\\]a-c-]d"} << QByteArray();
        QTest::newRow("re2 caseless classes") << QByteArrayList{"[[:upper:]]{3}|[^a-z]b"} << QByteArray("i");
        QTest::newRow("re2 \\p script") << QByteArrayList{"\\p{Greek}+"} << QByteArray();
        QTest::newRow("re2 \\p categories") << QByteArrayList{"\\p{Lu}\\p{Ll}+|\\PL\\d|\\p{^Lu}S"} << QByteArray();
        QTest::newRow("re2 \\p in classes") << QByteArrayList{"[\\p{Cyrillic}\\p{Han}]{2,}|[^\\p{L}\\s]x|[\\p{Greek}\\d]_"} << QByteArray();
        QTest::newRow("re2 \\p caseless") << QByteArrayList{"\\p{Lu}{2}|\\p{Ll}_|\\p{Greek}"} << QByteArray("i");
        QTest::newRow("re2 negated class stays in line") << QByteArrayList{"o[^x]+b"} << QByteArray();
        QTest::newRow("re2 \\b \\B near non-ASCII") << QByteArrayList{"\\Bfoo|bar\\b|\\bx"} << QByteArray();
        QTest::newRow("re2 non-ASCII in class") << QByteArrayList{"[\xC3\xA9K]\\w"} << QByteArray();
        QTest::newRow("re2 anchors") << QByteArrayList{"^\\s*\\w|\\w\\s*$"} << QByteArray();
        QTest::newRow("re2 -x") << QByteArrayList{"\\w+"} << QByteArray("x");
        QTest::newRow("re2 -w -j") << QByteArrayList{"\\w\\w"} << QByteArray("wj");
        QTest::newRow("re2 named group and comment") << QByteArrayList{"(?<n>fo)(?#note)o|(?P<m>b)ar"} << QByteArray();
        QTest::newRow("empty lines") << QByteArrayList{"^$"} << QByteArray();
        QTest::newRow("blank lines") << QByteArrayList{"^\\s*$"} << QByteArray();
        // (A literal \n is an error without -U, as in rg: a class that also holds \r is not.)
        QTest::newRow("re2 lines with a blank") << QByteArrayList{"^\\s+$|[\\n\\r][\\n\\r]|^\\s$"} << QByteArray();
        QTest::newRow("re2 dense matches") << QByteArrayList{"[a-z]"} << QByteArray();
        QTest::newRow("re2 dense matches -i") << QByteArrayList{"\\w"} << QByteArray("i");
        QTest::newRow("re2 several patterns") << QByteArrayList{"\\d{2}", "[A-Z]\\w", "s\\s"} << QByteArray();
    }
    void sameAsPcre2() {
        QFETCH(QByteArrayList, patterns);
        QFETCH(QByteArray, flags);
        const PatternOptions options = pattern_options(patterns, flags);
        const auto fast = compile_matcher(options);
        if (QByteArray(QTest::currentDataTag()).startsWith("re2 ")) {
            QVERIFY2(fast->describe().starts_with("prefiltered re2:"), fast->describe().c_str());
        }
        const RegexMatcher reference(combined_regex(options),
                                     flags.contains('i'));
        QRandomGenerator rng(20261125);
        std::vector<std::string> haystacks = {"", "\n", "PM_RESUME", "PM_RESUME\n", "\nPM_RESUME", "abc\nworld",
                                              "\xFF" "A_RESUME\xC3", std::string(100000, 'A') + "_RESUME"};
        // A long line with matches at both ends.
        haystacks.push_back("X_RESUME" + random_haystack(rng, 3000).erase(0, 0) + "_RESUME");
        for (int i = 0; i < 300; ++i) haystacks.push_back(random_haystack(rng, static_cast<int>(rng.bounded(80))));
        // Past the RE2 prefilter's first windows (8 KiB, doubling): plain ASCII with a match at
        // the end, and random text with non-ASCII lines here and there.
        haystacks.push_back(std::string(40000, 'a') + "\n" + std::string(30000, ' ') + "1x foo12 a_RESUME");
        for (int i = 0; i < 2; ++i) haystacks.push_back(random_haystack(rng, 6000));
        for (const std::string& haystack : haystacks) {
            const QByteArray got = matching_lines(*fast, haystack);
            const QByteArray want = matching_lines(reference, haystack);
            const QByteArray got_lines = per_line_matches(*fast, haystack);
            const QByteArray want_lines = per_line_matches(reference, haystack);
            if (got != want || got_lines != want_lines) {
                qWarning() << fast->describe().c_str() << "haystack" << QByteArray::fromStdString(haystack).toHex();
            }
            QCOMPARE(got, want);
            QCOMPARE(got_lines, want_lines);
        }
        QCOMPARE(fast->can_match_empty(), reference.can_match_empty());
        QVERIFY(fast->memory_bytes() >= reference.memory_bytes());
    }

    // A search that needs only the lines (find_matching_line, RE2 deciding ASCII lines where it
    // reads the pattern exactly) finds exactly the lines the searcher's protocol on PCRE2 finds.
    void linesOnlySameAsPcre2_data() {
        sameAsPcre2_data();
        QTest::newRow("re2 five words") << QByteArrayList{"\\w+_\\w+_\\w+_\\w+_\\w+"} << QByteArray();
        QTest::newRow("five words -i") << QByteArrayList{"\\w+_cntl__\\w+"} << QByteArray("i");
        QTest::newRow("re2 register classes") << QByteArrayList{"\\p{Lu}+_\\d+_\\p{Lu}+|\\bk_\\w"} << QByteArray();
        QTest::newRow("re2 register classes -i") << QByteArrayList{"[[:upper:]]+_\\d|s_s\\b"} << QByteArray("i");
        QTest::newRow("re2 lazy \\K branch reset") << QByteArrayList{"(?|(a)_|(x)_)\\K\\w+?_\\w"} << QByteArray();
        QTest::newRow("re2 \\A \\z dropped") << QByteArrayList{"\\A\\w+_\\w|\\w_\\w\\z"} << QByteArray();
        QTest::newRow("re2 inline (?i) loosened") << QByteArrayList{"a_(?i)B_c"} << QByteArray();
    }
    void linesOnlySameAsPcre2() {
        QFETCH(QByteArrayList, patterns);
        QFETCH(QByteArray, flags);
        const PatternOptions options = pattern_options(patterns, flags);
        const auto fast = compile_matcher(options);
        const RegexMatcher reference(combined_regex(options),
                                     flags.contains('i'));
        QRandomGenerator rng(20261129);
        std::vector<std::string> haystacks = {"", "\n", "a_b_c_d_e", "a_b_c_d_e\n", "\na_b_c_d_e\n\n", "PM_RESUME\n",
                                              "abc\nworld", "\xFF" "A_RESUME\xC3", std::string(100000, 'A') + "_RESUME"};
        for (int i = 0; i < 200; ++i) haystacks.push_back(random_haystack(rng, static_cast<int>(rng.bounded(80))));
        for (int i = 0; i < 20; ++i) haystacks.push_back(register_lines(rng, static_cast<int>(rng.bounded(2000))));
        for (int i = 0; i < 2; ++i) haystacks.push_back(random_haystack(rng, 6000));
        for (const std::string& haystack : haystacks) {
            const QByteArray got = matching_line_starts(*fast, haystack, false);
            const QByteArray want = matching_line_starts(reference, haystack, true);
            if (got != want) qWarning() << fast->describe().c_str() << "haystack" << QByteArray::fromStdString(haystack).toHex();
            QCOMPARE(got, want);
        }
    }

    // A match found from the middle of a line: the prefilter searches from `from`, PCRE2 sees the
    // bytes before it (for \b and look-behind).
    void findFromMidLine() {
        const auto matcher = compile_matcher(pattern_options({"\\b[A-Z]+_RESUME"}, ""));
        QVERIFY(matcher->describe().starts_with("prefiltered"));
        auto scratch = matcher->make_scratch();
        const std::string line = "xPM_RESUME A_RESUME";
        const auto from_one = matcher->find(line, 1, *scratch);
        QVERIFY(from_one);
        QCOMPARE(from_one->begin, std::size_t{11});
        QCOMPARE(all_matches(*matcher, line), QByteArray("11-19"));
    }

    // The same through RE2, where the byte before `from` decides: after 'é' (a word character
    // for PCRE2 with UCP, a non-word byte for RE2) \B holds, so RE2 must not judge that spot.
    void re2FromAfterNonAscii() {
        const auto matcher = compile_matcher(pattern_options({"\\B[fg][o0]"}, ""));
        QVERIFY2(matcher->describe().starts_with("prefiltered re2:"), matcher->describe().c_str());
        auto scratch = matcher->make_scratch();
        const std::string line = "\xC3\xA9" "fo fo";
        const auto match = matcher->find(line, 2, *scratch);
        QVERIFY(match);
        QCOMPARE(match->begin, std::size_t{2});
    }

    // A pattern whose DFA has millions of states: RE2 runs out of memory and crawls on with its
    // NFA, the prefilter notices and gives up, and PCRE2 searches alone, with the same answers.
    // (With (?:a|b){20} the bitstreams would search instead of RE2 (bitstream_regex.h), and they
    // have no states to run out of; four letters thirty times is beyond their kMaxCost.)
    void re2GivesUpWhenItsDfaOutgrowsItsMemory() {
        const PatternOptions options = pattern_options({"(?:a|b|c|d)*a(?:a|b|c|d){30}x"}, "");
        const auto matcher = compile_matcher(options);
        QVERIFY2(matcher->describe().starts_with("prefiltered re2:"), matcher->describe().c_str());
        QVERIFY(!Re2LinePrefilter::create({"(?:a|b|c|d)*a(?:a|b|c|d){30}x"}, false)->uses_bitstreams());
        QRandomGenerator rng(42);
        std::string haystack;
        while (haystack.size() < 2 * 1024 * 1024) {
            for (int i = 0; i < 60; ++i) haystack += rng.bounded(2) ? 'a' : 'b';
            // Matching lines only after 1.5 MB: RE2 has those to show its speed.
            if (haystack.size() > 1536 * 1024 && rng.bounded(100) == 0) haystack += 'x';
            haystack += '\n';
        }
        const RegexMatcher reference(combined_regex(options), false);
        const QByteArray want = matching_lines(reference, haystack);
        QVERIFY(want.contains('-'));  // some lines match
        QCOMPARE(matching_lines(*matcher, haystack), want);
        QVERIFY2(matcher->describe().find("gave up") != std::string::npos, matcher->describe().c_str());
    }

    // One RE2 prefilter shared by four threads, each with its own scratch and haystack (how the
    // searcher uses it; each scratch compiles its own copy of the RE2 program): every thread gets
    // PCRE2's answers. A fresh matcher per round, and the
    // threads released together, so that they build RE2's DFA states at the same time. Meant for
    // the tsan preset as much as for the answers: RE2 locks its DFA cache with absl::Mutex, which
    // ThreadSanitizer cannot see (tests/tsan.supp says why libre2 is left out of its checks).
    void re2SharedByThreads_data() {
        QTest::addColumn<QByteArray>("pattern");
        QTest::newRow("POSIX class") << QByteArray("[[:upper:]]{3,}_");
        QTest::newRow("two words") << QByteArray("\\w{5}\\s+\\w{5}");
    }
    void re2SharedByThreads() {
        QFETCH(QByteArray, pattern);
        constexpr int kThreads = 4;
        const PatternOptions options = pattern_options({pattern}, "");
        const RegexMatcher reference(combined_regex(options), false);
        QRandomGenerator rng(11);
        std::vector<std::string> haystacks;
        std::vector<QByteArray> want;
        for (int t = 0; t < kThreads; ++t) {
            haystacks.push_back(random_haystack(rng, 20'000));
            want.push_back(matching_lines(reference, haystacks.back()));
            QVERIFY(want.back().contains('-'));  // some lines match
        }
        for (int round = 0; round < 6; ++round) {
            const auto matcher = compile_matcher(options);
            QVERIFY2(matcher->describe().starts_with("prefiltered re2:"), matcher->describe().c_str());
            std::vector<QByteArray> got(kThreads);
            std::latch start(kThreads);
            std::vector<std::thread> threads;
            for (int t = 0; t < kThreads; ++t) {
                threads.emplace_back([&, t] {
                    start.arrive_and_wait();
                    got[t] = matching_lines(*matcher, haystacks[t]);
                });
            }
            for (auto& thread : threads) thread.join();
            for (int t = 0; t < kThreads; ++t) QCOMPARE(got[t], want[t]);
        }
    }

    // The benchmark's pattern on ordinary text never looks slow: RE2 keeps the job.
    void re2KeepsTheJobOnOrdinaryText() {
        const auto matcher = compile_matcher(pattern_options({"\\w{5}\\s+\\w{5}\\s+\\w{5}\\s+\\w{5}\\s+\\w{5}"}, ""));
        QRandomGenerator rng(7);
        const std::string text = random_haystack(rng, 500'000);
        const auto scratch = matcher->make_scratch();
        std::size_t pos = 0;
        while (auto match = matcher->find(text, pos, *scratch)) pos = match->end + 1;
        QVERIFY2(matcher->describe().find("gave up") == std::string::npos, matcher->describe().c_str());
    }

    // Dense matches switch the prefilter off, a far match switches it on again: the answers stay
    // PCRE2's through both changes, for either prefilter, with non-ASCII lines in between.
    void denseThenSparseMatches_data() {
        QTest::addColumn<QByteArray>("pattern");
        QTest::addColumn<QByteArray>("strategy");
        QTest::newRow("re2") << QByteArray("\\d") << QByteArray("prefiltered re2:");
        QTest::newRow("literal") << QByteArray("[0-9]_RESUME") << QByteArray("prefiltered literal:");
    }
    void denseThenSparseMatches() {
        QFETCH(QByteArray, pattern);
        QFETCH(QByteArray, strategy);
        const PatternOptions options = pattern_options({pattern}, "");
        const auto matcher = compile_matcher(options);
        QVERIFY2(matcher->describe().starts_with(strategy.toStdString()), matcher->describe().c_str());
        std::string haystack;
        for (int round = 0; round < 3; ++round) {
            for (int i = 0; i < 50; ++i) haystack += std::to_string(i % 10) + "_RESUME\n";
            for (int i = 0; i < 5000; ++i) haystack += i % 97 == 0 ? "\xC3\xA9t\xC3\xA9\n" : "plain words\n";
            haystack += "x7_RESUME y\n";
        }
        const RegexMatcher reference(combined_regex(options), false);
        QCOMPARE(matching_lines(*matcher, haystack), matching_lines(reference, haystack));
        QCOMPARE(all_matches(*matcher, haystack), all_matches(reference, haystack));
    }

    // The searcher's loop over a file where every line matches: find() for the next matching
    // line, then find_in_line() for the rest of that line's matches (which ends finding nothing).
    // Only the first few lines may go through the prefilter: the one-line searches must not end
    // the dense run (they did, and every matching line cost a prefilter call: an RE2 search with
    // its lock). The lines and spans stay PCRE2's.
    void spansOfALineKeepTheDenseRun() {
        const std::string regex = "\\w+_\\w+_\\w+";
        auto counting = std::make_unique<CountingPrefilter>(std::vector<std::string>{"_"});
        const CountingPrefilter& prefilter = *counting;
        const PrefilteredMatcher matcher(regex, false, std::move(counting));
        const RegexMatcher reference(regex, false);
        std::string haystack;
        for (int i = 0; i < 2000; ++i) haystack += "#define REG_" + std::to_string(i) + "_MASK 0x1 A_B_C\n";
        auto scratch = matcher.make_scratch();
        auto reference_scratch = reference.make_scratch();
        std::size_t pos = 0;
        int lines = 0;
        while (auto first = matcher.find(haystack, pos, *scratch)) {
            const std::size_t line_start = haystack.rfind('\n', first->begin) == std::string::npos
                                               ? 0 : haystack.rfind('\n', first->begin) + 1;
            const std::size_t line_end = haystack.find('\n', first->begin);
            const std::string_view line = std::string_view(haystack).substr(line_start, line_end - line_start);
            std::size_t next = first->end - line_start;
            std::vector<std::size_t> spans{first->begin - line_start};
            while (auto more = matcher.find_in_line(line, next, *scratch)) {
                spans.push_back(more->begin);
                next = more->end;
            }
            std::vector<std::size_t> want;
            std::size_t at = 0;
            while (const auto m = reference.find(line, at, *reference_scratch)) {
                want.push_back(m->begin);
                at = m->end;
            }
            QCOMPARE(spans, want);
            ++lines;
            pos = line_end + 1;
        }
        QCOMPARE(lines, 2000);
        // The first kDenseRun lines go through it: for the line's first match, its second, and
        // the search past the second that finds nothing. After that, none (before: every line).
        QVERIFY2(prefilter.calls() <= 3 * static_cast<int>(PrefilteredMatcher::kDenseRun),
                 qPrintable(QStringLiteral("%1 prefilter calls for 2000 dense lines").arg(prefilter.calls())));
    }

    void re2Rewrite_data() {
        QTest::addColumn<QByteArray>("regex");
        QTest::addColumn<bool>("caseless");
        QTest::addColumn<QByteArray>("expected");  // the RE2 pattern, or "none"
        QTest::newRow("words") << QByteArray("\\w{5}\\s+\\w{5}") << false << QByteArray("(?:\\w{5}[\\s\\x0B]+\\w{5})");
        QTest::newRow("caseless") << QByteArray("a.b") << true << QByteArray("(?i:a.b)");
        QTest::newRow("inline i makes it all caseless") << QByteArray("x(?i)y") << false << QByteArray("(?i:xy)");
        QTest::newRow("s and m flags vanish") << QByteArray("(?sm-U:a)") << false << QByteArray("(?:(?:a))");
        QTest::newRow("{,n}") << QByteArray("a{,3}") << false << QByteArray("(?:a{0,3})");
        QTest::newRow("{n,}") << QByteArray("a{2,}") << false << QByteArray("(?:a{2,})");
        QTest::newRow("brace literal") << QByteArray("a{x") << false << QByteArray("(?:a\\{x)");
        QTest::newRow("brace with space refused") << QByteArray("a{ 2}") << false << QByteArray("none");
        QTest::newRow("repeat over RE2's limit") << QByteArray("a{1001}") << false << QByteArray("none");
        QTest::newRow("look-ahead dropped") << QByteArray("a(?=b)c") << false << QByteArray("(?:ac)");
        QTest::newRow("quantified look-ahead refused") << QByteArray("a(?=b){2}") << false << QByteArray("none");
        QTest::newRow("possessive and lazy loosened") << QByteArray("a++b*?") << false << QByteArray("(?:a+b*)");
        QTest::newRow("\\x forms") << QByteArray("\\x7\\x{263a}\\x") << false << QByteArray("(?:\\x{7}\\x{263A}\\x{0})");
        QTest::newRow("\\Q quoted") << QByteArray("\\Q.*\\E+") << false << QByteArray("(?:\\.\\*+)");
        QTest::newRow("class escapes") << QByteArray("[\\s\\h\\b-]") << false << QByteArray("(?:[\\s\\x0B\\t \\x08\\-])");
        QTest::newRow("class range") << QByteArray("[a-f-]") << false << QByteArray("(?:[a-f\\-])");
        QTest::newRow("posix class") << QByteArray("[[:^alpha:]_]") << false << QByteArray("(?:[[:^alpha:]_])");
        QTest::newRow("unknown posix class") << QByteArray("[[:<:]]") << false << QByteArray("none");
        QTest::newRow("back-reference") << QByteArray("(a)\\1") << false << QByteArray("none");
        QTest::newRow("\\p without ASCII members") << QByteArray("\\p{Greek}+") << false << QByteArray("(?:[^\\x00-\\x{10FFFF}]+)");
        QTest::newRow("\\p one letter") << QByteArray("\\pN") << false
                                         << QByteArray("(?:[\\x{30}\\x{31}\\x{32}\\x{33}\\x{34}\\x{35}\\x{36}\\x{37}\\x{38}\\x{39}])");
        QTest::newRow("\\p in a class") << QByteArray("[\\p{Han}x-]") << false << QByteArray("(?:[\\x{10FFFF}x\\-])");
        QTest::newRow("\\P negated") << QByteArray("\\P{Any}") << false << QByteArray("(?:[^\\x00-\\x{10FFFF}])");
        QTest::newRow("\\p unknown name") << QByteArray("\\p{Klingon}") << false << QByteArray("none");
        QTest::newRow("\\p unclosed") << QByteArray("\\p{Greek") << false << QByteArray("none");
        QTest::newRow("extended mode") << QByteArray("(?x) a b") << false << QByteArray("none");
        QTest::newRow("verb") << QByteArray("(*UCP)a") << false << QByteArray("none");
        QTest::newRow("conditional") << QByteArray("(?(1)a|b)") << false << QByteArray("none");
        QTest::newRow("caseless non-ASCII") << QByteArray("\xE2\x84\xAA") << true << QByteArray("none");
        QTest::newRow("caseless \\x non-ASCII") << QByteArray("(?i)\\x{212A}") << false << QByteArray("none");
        // An inline (?i) folds the whole RE2 pattern: a superset, except for a negated class,
        // which folding shrinks ((?i)[^a-z] excludes A-Z too).
        QTest::newRow("(?i) part-way with [^a-z]") << QByteArray("[^a-z](?i:_)") << false << QByteArray("none");
        QTest::newRow("(?-i) part-way with [^a-z]") << QByteArray("(?-i:[^a-z])x") << true << QByteArray("none");
        QTest::newRow("(?i) part-way with [[:^lower:]]") << QByteArray("[[:^lower:]](?i)x") << false << QByteArray("none");
        QTest::newRow("(?i) part-way, no negated class") << QByteArray("[a-z](?i:_)") << false << QByteArray("(?i:[a-z](?:_))");
        QTest::newRow("sensitive non-ASCII kept") << QByteArray("\xC3\xA9+") << false << QByteArray("(?:\xC3\xA9+)");
    }
    void re2Rewrite() {
        QFETCH(QByteArray, regex);
        QFETCH(bool, caseless);
        QFETCH(QByteArray, expected);
        const auto rewritten = re2_superset_for_ascii(regex.toStdString(), caseless);
        QCOMPARE(rewritten ? QByteArray::fromStdString(*rewritten) : QByteArray("none"), expected);
    }

    // Whether a rewrite is exact: loosened by what it drops or widens, not by what changes only
    // where a match lies.
    void re2RewriteExact_data() {
        QTest::addColumn<QByteArray>("regex");
        QTest::addColumn<bool>("caseless");
        QTest::addColumn<bool>("exact");
        QTest::newRow("words") << QByteArray("\\w{5}\\s+\\w{5}") << false << true;
        QTest::newRow("caseless ASCII") << QByteArray("a.b") << true << true;
        QTest::newRow("classes and properties") << QByteArray("[[:upper:]]\\p{Lu}[^a-z]\\h\\v\\N") << false << true;
        QTest::newRow("lazy") << QByteArray("a+?b*?c??") << false << true;
        QTest::newRow("\\K") << QByteArray("a\\Kb") << false << true;
        QTest::newRow("branch reset, named, comment") << QByteArray("(?|(a)|(b))(?<n>c)(?#x)") << false << true;
        QTest::newRow("(?s) (?m) (?n) (?U)") << QByteArray("(?smnU)a.b") << false << true;
        QTest::newRow("(?i) where all folds") << QByteArray("a(?i)b") << true << true;
        QTest::newRow("(?-i) where nothing folds") << QByteArray("a(?-i)b") << false << true;
        QTest::newRow("[:upper:] case-sensitive") << QByteArray("[[:upper:]]") << false << true;
        QTest::newRow("[:upper:] caseless") << QByteArray("[[:upper:]]") << true << false;
        QTest::newRow("[:^lower:] caseless") << QByteArray("[[:^lower:]x]") << true << false;
        QTest::newRow("[:alpha:] caseless") << QByteArray("[[:alpha:]]") << true << true;
        QTest::newRow("\\pL caseless") << QByteArray("\\pL") << true << true;
        QTest::newRow("(?i) widens") << QByteArray("a(?i)b") << false << false;
        QTest::newRow("(?-i) ignored") << QByteArray("a(?-i:b)") << true << false;
        QTest::newRow("possessive") << QByteArray("a++b") << false << false;
        QTest::newRow("possessive brace") << QByteArray("a{2}+b") << false << false;
        QTest::newRow("atomic") << QByteArray("(?>a+)b") << false << false;
        QTest::newRow("look-ahead") << QByteArray("a(?=b)") << false << false;
        QTest::newRow("negative look-behind") << QByteArray("(?<!x)a") << false << false;
        QTest::newRow("\\A") << QByteArray("\\Aa") << false << false;
        QTest::newRow("\\z") << QByteArray("a\\z") << false << false;
        QTest::newRow("\\Z") << QByteArray("a\\Z") << false << false;
        QTest::newRow("\\G") << QByteArray("\\Ga") << false << false;
    }
    void re2RewriteExact() {
        QFETCH(QByteArray, regex);
        QFETCH(bool, caseless);
        QFETCH(bool, exact);
        const auto rewritten = re2_rewrite_for_ascii(regex.toStdString(), caseless);
        QVERIFY(rewritten);
        QCOMPARE(rewritten->exact, exact);
    }

    void findNonAscii_data() {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("at");  // -1: none
        for (int size : {0, 1, 15, 16, 17, 63, 64, 65, 200}) {
            QTest::addRow("%d none", size) << size << -1;
            if (size == 0) continue;
            for (int at : std::set<int>{0, size / 2, size - 1}) QTest::addRow("%d at %d", size, at) << size << at;
        }
    }
    void findNonAscii() {
        QFETCH(int, size);
        QFETCH(int, at);
        std::string text(static_cast<std::size_t>(size), 'a');
        if (at >= 0) text[static_cast<std::size_t>(at)] = '\x80';
        for (std::size_t from = 0; from <= text.size(); ++from) {
            const std::size_t want = at >= static_cast<int>(from) ? static_cast<std::size_t>(at) : text.size();
            QCOMPARE(find_non_ascii(text, from, text.size()), want);
        }
    }
};

QTEST_GUILESS_MAIN(TestPrefilter)
#include "test_prefilter.moc"
