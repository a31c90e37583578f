// Random regular expressions from a grammar against `rg -P` (issue 10) and against rg's default
// engine: over real text (this checkout's own sources and, when scripts/corpus.sh finds them, a
// folder of the Linux sources) and over generated text full of non-ASCII letters, codescout-cli
// and rg must print the same bytes and exit alike — with -P on both sides, and without it (the
// grammar then leaves out what only PCRE2 reads). What it guards: every path that decides lines
// without asking PCRE2 — the required literals and the SIMD literal finders, the RE2 superset
// rewrite, the line prefilter and its bitstreams — must never lose or add a line, a match or a
// count; and, without -P, every rewrite of rg's syntax for PCRE2 (POSIX classes, \u escapes).
//
// The seed is fixed, so CI runs the same cases every time; for longer runs on demand:
//   CODESCOUT_RANDOM_REGEXES=5000 CODESCOUT_RANDOM_SEED=7 ctest -R test_cli_random_regex
// (CODESCOUT_RANDOM_TEXT_DIR=DIR keeps the generated text in DIR, to reproduce a case by hand).
#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QTest>

#include <array>
#include <cstdint>
#include <string_view>

#include "lcg.h"
#include "process_runner.h"
#include "rg_oracle.h"
#include "test_tree.h"

namespace {

template <std::size_t N>
QString pick(Lcg& rng, const std::array<const char*, N>& choices) {
    return QString::fromUtf8(choices[rng.next(N)]);
}

// Words of real code (literals every match must contain), single letters whose case variants
// are not ASCII (k: the Kelvin sign, s: the long s), and non-ASCII letters.
constexpr std::array<const char*, 26> kLiterals = {
    "return", "static", "const", "std", "size_t", "PM_RESUME", "kernel", "match", "line", "error", "void", "struct",
    "a", "e", "k", "s", "K", "S", "_", " ", "-", "\\.", "0", "é", "ß", "\u212a"};
constexpr std::array<const char*, 22> kClasses = {
    "\\w", "\\W", "\\s", "\\S", "\\d", "\\D", ".", "[a-z]", "[^a-z]", "[A-Z_]", "[[:alpha:]]", "[[:punct:]]",
    "\\p{Lu}", "\\p{L}", "\\p{Greek}", "\\h", "[éa-c]", "[^\\s]", "\\x41", "\\t", "[0-9a-f]", "[ſk]"};
constexpr std::array<const char*, 4> kAssertions = {"^", "$", "\\b", "\\B"};
constexpr std::array<const char*, 12> kQuantifiers = {"*", "+", "?", "{2}", "{1,3}", "{2,}", "*?", "+?", "??", "*+", "++", "{0,2}"};
constexpr std::array<const char*, 5> kGroups = {"(?:", "(", "(?i:", "(?<name>", "(?>"};
constexpr std::array<const char*, 14> kFlags = {"", "", "", "-i", "-w", "-x", "-S", "-w -i", "-c", "-o", "-i -o",
                                                "--count-matches", "-v -c", "-l"};

// What rg's default engine (Rust's regex) does not read: possessive quantifiers, atomic groups, \h.
bool pcre2_only(const char* piece) {
    const std::string_view p(piece);
    return p == "*+" || p == "++" || p == "(?>" || p == "\\h";
}

class PatternGrammar {
public:
    // `pcre2`: also the constructs only PCRE2 reads (for rg -P); else only what both engines read.
    explicit PatternGrammar(std::uint32_t seed, bool pcre2 = true) : rng_(seed), pcre2_(pcre2) {}

    QString pattern() { return alternation(0); }
    QStringList flags() {
        const QString f = pick(rng_, kFlags);
        return f.isEmpty() ? QStringList{} : f.split(u' ');
    }

private:
    QString alternation(int depth) {
        QString out = concatenation(depth);
        while (rng_.next(5) == 0) out += u'|' + concatenation(depth);
        return out;
    }
    QString concatenation(int depth) {
        QString out;
        for (std::uint32_t i = 0, n = 1 + rng_.next(4); i < n; ++i) out += piece(depth);
        return out;
    }
    QString piece(int depth) {
        if (rng_.next(8) == 0) return pick(rng_, kAssertions);
        QString atom;
        if (depth < 2 && rng_.next(6) == 0) atom = allowed(kGroups) + alternation(depth + 1) + u')';
        else atom = rng_.next(2) == 0 ? pick(rng_, kLiterals) : allowed(kClasses);
        // A quantifier binds to the last character of a word: what PCRE2 and rg both do.
        if (rng_.next(3) == 0) atom += allowed(kQuantifiers);
        return atom;
    }
    // A choice the engine compared reads (drawn again until it is).
    template <std::size_t N>
    QString allowed(const std::array<const char*, N>& choices) {
        for (;;) {
            const char* choice = choices[rng_.next(N)];
            if (pcre2_ || !pcre2_only(choice)) return QString::fromUtf8(choice);
        }
    }

    Lcg rng_;
    bool pcre2_;
};

// Generated lines: words, punctuation and non-ASCII letters (the Kelvin sign, the long s, Greek,
// Cyrillic), some CRLF-terminated, one file without a final newline.
void write_random_text(const QString& dir, std::uint32_t seed) {
    constexpr std::array<const char*, 28> pieces = {
        "a", "A", "b", "_", " ", "  ", "\t", "-", ".", "1", "42", "k", "K", "s", "S", "é", "ß", "\u212a", "\u017f",
        "Ωμέγα", "слово", "return", "static", "PM_RESUME", "size_t", "kernel", "Wörter", "x"};
    Lcg rng(seed);
    for (int f = 0; f < 8; ++f) {
        QByteArray text;
        for (std::uint32_t l = 0, lines = 5 + rng.next(200); l < lines; ++l) {
            for (std::uint32_t p = 0, n = rng.next(16); p < n; ++p) text += QByteArray(pieces[rng.next(pieces.size())]);
            text += rng.next(10) == 0 ? "\r\n" : "\n";
        }
        if (f == 7) text.chop(1);
        QFile file(dir + QStringLiteral("/t%1.txt").arg(f));
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(text) == text.size());
    }
}

std::uint32_t env_number(const char* name, std::uint32_t fallback) {
    bool ok = false;
    const std::uint32_t value = qEnvironmentVariable(name).toUInt(&ok);
    return ok ? value : fallback;
}

}  // namespace

class TestCliRandomRegex : public QObject {
    Q_OBJECT

    TestTree generated_;
    QStringList roots_;  // absolute paths: the generated text, then the real text

private slots:
    void initTestCase() {
        if (rg_path().isEmpty()) QSKIP("rg is not installed: nothing to compare with");
        // CODESCOUT_RANDOM_TEXT_DIR: the generated text goes there and stays, to reproduce a case.
        QString text_dir = qEnvironmentVariable("CODESCOUT_RANDOM_TEXT_DIR");
        if (text_dir.isEmpty()) text_dir = QString::fromStdString(generated_.path(QStringLiteral("gen")));
        QVERIFY(QDir().mkpath(text_dir));
        write_random_text(text_dir, 11);
        if (QTest::currentTestFailed()) return;
        roots_ << QDir(text_dir).absolutePath();
        const QString source_dir = QProcessEnvironment::systemEnvironment().value(QStringLiteral("CODESCOUT_SOURCE_DIR"));
        if (source_dir.isEmpty()) return;  // not run through ctest: the generated text alone
        roots_ << source_dir + QStringLiteral("/src/core/match");
        const ProcessResult corpus = run_program(source_dir + QStringLiteral("/scripts/corpus.sh"), {}, source_dir);
        if (corpus.exit_code == 0) roots_ << QString::fromUtf8(corpus.out).trimmed() + QStringLiteral("/drivers/pci/pcie");
    }

    void randomPatternsPrintWhatRgPcre2Prints() { compare_with_rg(true); }
    void randomPatternsPrintWhatRgPrints() { compare_with_rg(false); }

private:
    // `pcre2`: -P on both sides (rg -P is the oracle); else both with their default engines.
    void compare_with_rg(bool pcre2) {
        const std::uint32_t count = env_number("CODESCOUT_RANDOM_REGEXES", 150);
        const std::uint32_t seed = env_number("CODESCOUT_RANDOM_SEED", 20261130);
        PatternGrammar grammar(seed, pcre2);
        QStringList failures;
        std::uint32_t compared = 0, matched = 0, refused = 0, backtracking = 0;
        for (std::uint32_t i = 0; i < count; ++i) {
            const QString pattern = grammar.pattern();
            const QStringList args = QStringList{pcre2 ? QStringLiteral("-P") : QStringLiteral("--no-pcre2"),
                                                 QStringLiteral("--sort"), QStringLiteral("path"),
                                                 QStringLiteral("--no-heading"), QStringLiteral("-n"), QStringLiteral("--color"),
                                                 QStringLiteral("never")} +
                                     grammar.flags() + QStringList{QStringLiteral("-e"), pattern} + roots_;
            const ProcessResult theirs = run_program(rg_path(), args, roots_.first());
            QVERIFY2(theirs.exit_code >= 0, "rg did not run");
            // rg refuses the pattern or hits PCRE2's backtracking limit in a file: the error texts
            // differ by design, so such a case is counted and not compared.
            if (theirs.exit_code == 2) {
                ++refused;
                continue;
            }
            const ProcessResult ours = run_program(cli_path(), args, roots_.first());
            // Against rg's default engine (finite automata, no backtracking limit), PCRE2 may give
            // up on a nested quantifier in a file and say so (exit 2): an engine's limit, counted
            // apart (and bounded below), not compared.
            if (!pcre2 && ours.exit_code == 2 && ours.err.contains("backtracking limit")) {
                ++backtracking;
                continue;
            }
            ++compared;
            if (theirs.exit_code == 0) ++matched;
            if (ours.out != theirs.out || ours.exit_code != theirs.exit_code) {
                failures << QStringLiteral("case %1: %2\n  exit %3 vs rg %4; %5")
                                .arg(i)
                                .arg(args.mid(7, args.size() - 7 - roots_.size()).join(u' '))
                                .arg(ours.exit_code)
                                .arg(theirs.exit_code)
                                .arg(first_difference(ours.out, theirs.out));
            }
        }
        qInfo("%s, seed %u: %u patterns, %u compared (%u with a match), %u refused by rg, %u past PCRE2's backtracking limit; roots: %s",
              pcre2 ? "-P" : "default engine", seed, count, compared, matched, refused, backtracking, qPrintable(roots_.join(u' ')));
        QVERIFY2(backtracking * 50 <= count, qPrintable(QStringLiteral("%1 of %2 past the backtracking limit").arg(backtracking).arg(count)));
        QVERIFY2(failures.isEmpty(), qPrintable(QStringLiteral("%1 of %2 differ:\n").arg(failures.size()).arg(compared) +
                                                failures.mid(0, 10).join(u'\n')));
        // The grammar must keep producing cases that compare something: most are compared, and a
        // good share of those find something.
        QVERIFY2(compared * 4 >= count * 3, qPrintable(QStringLiteral("only %1 of %2 compared").arg(compared).arg(count)));
        QVERIFY2(matched * 3 >= compared, qPrintable(QStringLiteral("only %1 of %2 matched").arg(matched).arg(compared)));
    }
};

QTEST_GUILESS_MAIN(TestCliRandomRegex)
#include "test_cli_random_regex.moc"
