// LiteralSearcher against a naive reference: random haystacks and needles (lengths 1..40, needles
// planted at both buffer ends), one or several needles, exact and ASCII case-insensitive, on
// every SIMD level this CPU has (AVX2, SSE2, scalar).
#include <QtTest>

#include <random>
#include <string>
#include <vector>

#include "core/match/literal_search.h"
#include "literal_test_util.h"

using namespace codescout;
using codescout::test::add_random_rows;
using codescout::test::all_hits;
using codescout::test::random_bytes;
using codescout::test::random_text;

namespace {

std::vector<SimdLevel> levels() {
    std::vector<SimdLevel> result{SimdLevel::Scalar, SimdLevel::Sse2};
    if (best_simd_level() == SimdLevel::Avx2) result.push_back(SimdLevel::Avx2);
    return result;
}

}  // namespace

class TestLiteralSearch : public QObject {
    Q_OBJECT
private slots:
    void levelIsHonouredAndCapped() {
        LiteralSearcher sse2({{"needle", false}}, SimdLevel::Sse2);
        QCOMPARE(sse2.level(), SimdLevel::Sse2);
        LiteralSearcher scalar({{"needle", false}}, SimdLevel::Scalar);
        QCOMPARE(scalar.level(), SimdLevel::Scalar);
        LiteralSearcher best({{"needle", false}}, SimdLevel::Avx2);
        QCOMPARE(best.level(), best_simd_level());
    }

    void rejectsBadNeedleSets() {
        const auto make = [](std::vector<LiteralNeedle> needles) { return LiteralSearcher(std::move(needles)); };
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, make({}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, make({{"", false}}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 make(std::vector<LiteralNeedle>(LiteralSearcher::kMaxNeedles + 1, LiteralNeedle{"x", false})));
    }

    void pairOffsetsPreferRareBytes() {
        // 'e' and ' ' are common in text, 'Z' and 'q' are not.
        LiteralSearcher searcher({{"e eZe q", false}});
        const auto [first, second] = searcher.pair_offsets(0);
        QCOMPARE(first, std::size_t{3});
        QCOMPARE(second, std::size_t{6});
    }

    void plantedAtBufferEnds_data() {
        QTest::addColumn<int>("level");
        for (SimdLevel level : levels()) {
            QTest::newRow(simd_level_name(level)) << static_cast<int>(level);
        }
    }
    void plantedAtBufferEnds() {
        QFETCH(int, level);
        std::mt19937 rng(7);
        for (std::size_t length = 1; length <= 40; ++length) {
            const std::string needle = random_text(rng, length, "abcdefghij");
            for (std::size_t hay_size : {length, length + 1, length + 15, length + 31, length + 32,
                                         length + 33, length + 64, length + 100}) {
                std::string hay = random_text(rng, hay_size, "klmnopqrst");  // needle-free filler
                std::vector<std::size_t> planted{0, hay_size - length};
                for (std::size_t at : planted) hay.replace(at, length, needle);
                const std::vector<LiteralNeedle> needles{{needle, false}};
                LiteralSearcher searcher(needles, static_cast<SimdLevel>(level));
                QCOMPARE(all_hits(hay, needles, &searcher), all_hits(hay, needles, nullptr));
                const auto last = searcher.find(hay, hay_size - length);
                QVERIFY(last.has_value());
                QCOMPARE(last->pos, hay_size - length);
                QVERIFY(!searcher.find(hay, hay_size - length + 1).has_value());
            }
        }
    }

    void randomAgainstNaive_data() {
        add_random_rows(levels(), {1, 3, 8});
    }
    void randomAgainstNaive() {
        QFETCH(int, level);
        QFETCH(int, needleCount);
        QFETCH(bool, caseless);
        QFETCH(QByteArray, alphabet);
        std::mt19937 rng(static_cast<unsigned>(level * 1000 + needleCount * 10 + (caseless ? 1 : 0)));
        std::uniform_int_distribution<std::size_t> length_of(1, 40);
        std::uniform_int_distribution<std::size_t> hay_length(0, 700);
        for (int round = 0; round < 150; ++round) {
            const auto text = [&](std::size_t n) {
                return alphabet.isEmpty() ? random_bytes(rng, n)
                                          : random_text(rng, n, std::string_view(alphabet.constData(), alphabet.size()));
            };
            std::vector<LiteralNeedle> needles;
            for (int k = 0; k < needleCount; ++k) {
                // Short needles occur by chance; long ones only where planted below.
                const std::size_t n = round % 3 == 0 ? length_of(rng) : 1 + length_of(rng) % 4;
                needles.push_back({text(n), caseless && (k % 2 == 0 || needleCount == 1)});
            }
            std::string hay = text(hay_length(rng));
            for (const LiteralNeedle& needle : needles) {
                if (hay.size() >= needle.bytes.size() && rng() % 2 == 0) {
                    std::string planted = needle.bytes;
                    if (needle.ascii_caseless) {
                        for (char& c : planted) {
                            if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') && rng() % 2 == 0) c = static_cast<char>(c ^ 0x20);
                        }
                    }
                    hay.replace(rng() % (hay.size() - needle.bytes.size() + 1), planted.size(), planted);
                }
            }
            LiteralSearcher searcher(needles, static_cast<SimdLevel>(level));
            const QByteArray got = all_hits(hay, needles, &searcher);
            const QByteArray want = all_hits(hay, needles, nullptr);
            if (got != want) {
                qWarning() << "round" << round << "haystack" << QByteArray::fromStdString(hay).toHex();
                for (const auto& n : needles) qWarning() << "needle" << QByteArray::fromStdString(n.bytes).toHex() << n.ascii_caseless;
            }
            QCOMPARE(got, want);
        }
    }

    void fromBeyondEndFindsNothing() {
        LiteralSearcher searcher({{"ab", false}});
        QVERIFY(!searcher.find("xxab", 3).has_value());
        QVERIFY(!searcher.find("xxab", 4).has_value());
        QVERIFY(!searcher.find("xxab", 99).has_value());
        QVERIFY(!searcher.find("", 0).has_value());
    }
};

QTEST_GUILESS_MAIN(TestLiteralSearch)
#include "test_literal_search.moc"
