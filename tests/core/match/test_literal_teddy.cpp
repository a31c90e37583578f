// LiteralSearcher's Teddy prefilter (literal_teddy.h) against a naive reference and against the
// packed pair: 1..32 needles of lengths 1..40, exact and ASCII case-insensitive, occurrences
// planted on both sides of 16/32/64-byte block boundaries and at the haystack ends, every start
// offset of short haystacks, on every SIMD level this CPU has. Seeds are fixed.
#include <QtTest>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "core/match/literal_search.h"
#include "core/match/literal_teddy.h"
#include "literal_test_util.h"

using namespace codescout;
using codescout::test::add_random_rows;
using codescout::test::all_hits;
using codescout::test::naive_find;
using codescout::test::random_bytes;
using codescout::test::random_text;

namespace {

// The needle as it may occur: for a caseless one, random letters flipped to the other case.
std::string occurrence(std::mt19937& rng, const LiteralNeedle& needle) {
    std::string text = needle.bytes;
    if (needle.ascii_caseless) {
        for (char& c : text) {
            if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z' && rng() % 2 == 0) c = static_cast<char>(c ^ 0x20);
        }
    }
    return text;
}

// The levels where Teddy runs: SSE2 (with SSSE3, which every x86-64 CPU since 2006 has) and AVX2.
std::vector<SimdLevel> teddy_levels() {
    std::vector<SimdLevel> result;
    for (SimdLevel level : {SimdLevel::Sse2, SimdLevel::Avx2}) {
        if (level <= best_simd_level() && __builtin_cpu_supports("ssse3")) result.push_back(level);
    }
    return result;
}

// Offsets where a block of 16, 32 or 64 positions ends or starts, and their neighbours.
std::vector<std::size_t> boundary_positions(std::size_t hay_size, std::size_t length) {
    std::vector<std::size_t> result;
    for (std::size_t edge = 16; edge < hay_size; edge += 16) {
        for (std::size_t delta : {0, 1, 2, 3}) {
            if (edge >= delta + 1 && edge - delta - 1 + length <= hay_size) result.push_back(edge - delta - 1);
            if (edge + delta + length <= hay_size) result.push_back(edge + delta);
        }
    }
    if (length <= hay_size) {
        result.push_back(0);
        result.push_back(hay_size - length);
    }
    return result;
}

}  // namespace

class TestLiteralTeddy : public QObject {
    Q_OBJECT
private slots:
    void autoPicksTeddyForSeveralNeedles() {
        const std::vector<LiteralNeedle> one{{"needle", false}};
        const std::vector<LiteralNeedle> two{{"needle", false}, {"haystack", true}};
        QCOMPARE(LiteralSearcher(one).strategy(), LiteralStrategy::PackedPair);
        for (SimdLevel level : teddy_levels()) {
            QCOMPARE(LiteralSearcher(two, level).strategy(), LiteralStrategy::Teddy);
            QCOMPARE(LiteralSearcher(one, level, LiteralStrategy::Teddy).strategy(), LiteralStrategy::Teddy);
            QCOMPARE(LiteralSearcher(two, level, LiteralStrategy::PackedPair).strategy(), LiteralStrategy::PackedPair);
        }
        // No pshufb without SIMD: the scalar level keeps the packed pair's scalar loop.
        QCOMPARE(LiteralSearcher(two, SimdLevel::Scalar, LiteralStrategy::Teddy).strategy(), LiteralStrategy::PackedPair);
        QCOMPARE(QByteArray(literal_strategy_name(LiteralStrategy::Teddy)), QByteArray("teddy"));
    }

    // The bucket tables themselves: distinct fingerprints get their own bucket while there are
    // buckets left, equal ones share one; bytes >= 0x80 (or a short needle's wildcard) turn off
    // the ASCII lookup shortcut; case-folded letters add the upper-case high nibble.
    void tablesGroupNeedlesByFingerprint() {
        const auto prepared = [](std::vector<std::pair<std::string, bool>> specs) {
            std::vector<LiteralSearcher::Needle> needles;
            for (auto& [bytes, caseless] : specs) {
                LiteralSearcher::Needle n;
                n.bytes = bytes;
                n.caseless = caseless;
                needles.push_back(n);
            }
            return needles;
        };
        const auto bucket_of = [](const TeddyTables& t, std::size_t needle) {
            for (std::size_t b = 0; b < TeddyTables::kBuckets; ++b) {
                for (std::size_t j = t.start[b]; j < t.start[b + 1]; ++j) {
                    if (t.order[j] == needle) return b;
                }
            }
            return TeddyTables::kBuckets;
        };
        const auto exact = build_teddy(prepared({{"ERR_SYS", false}, {"PME_TURN_OFF", false}, {"ERR_SYSTEM", false},
                                                 {"LINK_REQ_RST", false}, {"CFG_BME_EVT", false}}));
        QCOMPARE(exact->masks, std::size_t{3});
        QVERIFY(exact->ascii);
        QCOMPARE(exact->start[TeddyTables::kBuckets], std::uint8_t{5});
        QCOMPARE(bucket_of(*exact, 0), bucket_of(*exact, 2));  // same first bytes "ERR"
        std::vector<std::size_t> distinct{bucket_of(*exact, 0), bucket_of(*exact, 1), bucket_of(*exact, 3),
                                          bucket_of(*exact, 4)};
        std::sort(distinct.begin(), distinct.end());
        QCOMPARE(std::unique(distinct.begin(), distinct.end()), distinct.end());
        QVERIFY(distinct.back() < TeddyTables::kBuckets);
        // 'E' = 0x45: low nibble 5, high nibble 4 (and 6 for 'e' when caseless).
        const std::uint8_t bit = static_cast<std::uint8_t>(1u << bucket_of(*exact, 0));
        QVERIFY((exact->lo[0][5] & bit) != 0 && (exact->hi[0][4] & bit) != 0 && (exact->hi[0][6] & bit) == 0);

        const auto folded = build_teddy(prepared({{"err_sys", true}, {"pme", false}}));
        QCOMPARE(folded->masks, std::size_t{4});  // case folding: one more byte looked up
        const std::uint8_t fbit = static_cast<std::uint8_t>(1u << bucket_of(*folded, 0));
        QVERIFY((folded->hi[0][4] & fbit) != 0 && (folded->hi[0][6] & fbit) != 0);

        QVERIFY(!build_teddy(prepared({{"ab", false}, {"\xE2\x84\xAA", false}}))->ascii);
        QVERIFY(!build_teddy(prepared({{"abc", false}, {"x", false}}))->ascii);  // "x" then any byte
        QVERIFY(build_teddy(prepared({{"abc", false}, {"xyz", false}}))->ascii);
    }

    void lowestIndexWinsAtEqualPositions_data() {
        QTest::addColumn<int>("level");
        for (SimdLevel level : teddy_levels()) QTest::newRow(simd_level_name(level)) << static_cast<int>(level);
    }
    void lowestIndexWinsAtEqualPositions() {
        QFETCH(int, level);
        // Needles that are prefixes of one another, in shared and separate buckets (10 > 8).
        const std::vector<LiteralNeedle> needles{{"abcd", false}, {"ab", false},  {"abc", false}, {"a", false},
                                                 {"xyz", false},  {"ABCD", true}, {"q", false},   {"qq", false},
                                                 {"b", false},    {"bcd", false}};
        const LiteralSearcher searcher(needles, static_cast<SimdLevel>(level), LiteralStrategy::Teddy);
        std::string hay(100, '.');
        hay.replace(40, 4, "abcd");
        hay.replace(70, 3, "aBc");
        QCOMPARE(searcher.find(hay, 0), (LiteralSearcher::Hit{40, 0}));
        QCOMPARE(searcher.find(hay, 41), (LiteralSearcher::Hit{41, 8}));    // "b" before "bcd"
        // "aBc": only "a"; "ab" and "abc" are exact, "ABCD" is longer, "b" is exact.
        QCOMPARE(searcher.find(hay, 42), (LiteralSearcher::Hit{70, 3}));
        QCOMPARE(searcher.find(hay, 71), std::optional<LiteralSearcher::Hit>());
    }

    void plantedAtBlockBoundaries_data() {
        QTest::addColumn<int>("level");
        QTest::addColumn<int>("needleCount");
        QTest::addColumn<bool>("caseless");
        for (SimdLevel level : teddy_levels()) {
            for (int count : {2, 3, 5, 8, 9, 16, 30, 32}) {
                for (bool caseless : {false, true}) {
                    QTest::newRow(QByteArray(simd_level_name(level)) + " needles=" + QByteArray::number(count) +
                                  (caseless ? " caseless" : " exact"))
                        << static_cast<int>(level) << count << caseless;
                }
            }
        }
    }
    // One needle at a time planted at every boundary position of needle-free filler, with the
    // other needles present in the searcher (so their buckets are looked up too).
    void plantedAtBlockBoundaries() {
        QFETCH(int, level);
        QFETCH(int, needleCount);
        QFETCH(bool, caseless);
        std::mt19937 rng(static_cast<unsigned>(1000 * level + 2 * needleCount + (caseless ? 1 : 0)));
        std::uniform_int_distribution<std::size_t> length_of(1, 40);
        std::vector<LiteralNeedle> needles;
        for (int k = 0; k < needleCount; ++k) {
            needles.push_back({random_text(rng, length_of(rng), "abcdefghijABCDEFGHIJ_"), caseless && k % 3 != 1});
        }
        const LiteralSearcher teddy(needles, static_cast<SimdLevel>(level), LiteralStrategy::Teddy);
        QCOMPARE(teddy.strategy(), LiteralStrategy::Teddy);
        for (std::size_t hay_size : {1, 2, 3, 15, 16, 17, 18, 19, 31, 32, 33, 34, 35, 63, 64, 65, 66, 67, 100, 130}) {
            for (std::size_t k = 0; k < needles.size(); ++k) {
                for (std::size_t at : boundary_positions(hay_size, needles[k].bytes.size())) {
                    std::string hay = random_text(rng, hay_size, "klmnopqrst");  // no needle byte
                    hay.replace(at, needles[k].bytes.size(), occurrence(rng, needles[k]));
                    const QByteArray got = all_hits(hay, needles, &teddy);
                    const QByteArray want = all_hits(hay, needles, nullptr);
                    if (got != want) qWarning() << "size" << hay_size << "needle" << k << "at" << at;
                    QCOMPARE(got, want);
                    QVERIFY(!want.isEmpty());
                }
            }
        }
    }

    void everyStartOffset_data() {
        QTest::addColumn<int>("level");
        for (SimdLevel level : teddy_levels()) QTest::newRow(simd_level_name(level)) << static_cast<int>(level);
    }
    // find(hay, from) for every `from`, not only the ones after a previous hit.
    void everyStartOffset() {
        QFETCH(int, level);
        std::mt19937 rng(static_cast<unsigned>(level + 77));
        for (int round = 0; round < 40; ++round) {
            std::vector<LiteralNeedle> needles;
            const int count = 2 + round % 12;
            for (int k = 0; k < count; ++k) {
                needles.push_back({random_text(rng, 1 + rng() % 6, "abcAB"), (k + round) % 2 == 0});
            }
            const LiteralSearcher teddy(needles, static_cast<SimdLevel>(level), LiteralStrategy::Teddy);
            const std::string hay = random_text(rng, rng() % 150, "abcABxyz");
            for (std::size_t from = 0; from <= hay.size() + 1; ++from) {
                const auto got = teddy.find(hay, from);
                const auto want = naive_find(hay, from, needles);
                if (got != want) qWarning() << "round" << round << "from" << from << QByteArray::fromStdString(hay);
                QCOMPARE(got, want);
            }
        }
    }

    void randomAgainstNaiveAndPackedPair_data() {
        add_random_rows(teddy_levels(), {1, 2, 4, 7, 8, 9, 12, 16, 24, 30, 32});
    }
    // Random needles (lengths 1..40, often short so that they also occur by chance), planted with
    // random case flips into random haystacks of 0..1100 bytes.
    void randomAgainstNaiveAndPackedPair() {
        QFETCH(int, level);
        QFETCH(int, needleCount);
        QFETCH(bool, caseless);
        QFETCH(QByteArray, alphabet);
        std::mt19937 rng(static_cast<unsigned>(level * 7919 + needleCount * 31 + (caseless ? 1 : 0) +
                                               (alphabet.isEmpty() ? 5 : 0)));
        std::uniform_int_distribution<std::size_t> length_of(1, 40);
        std::uniform_int_distribution<std::size_t> hay_length(0, 1100);
        for (int round = 0; round < 60; ++round) {
            const auto text = [&](std::size_t n) {
                return alphabet.isEmpty() ? random_bytes(rng, n)
                                          : random_text(rng, n, std::string_view(alphabet.constData(), alphabet.size()));
            };
            std::vector<LiteralNeedle> needles;
            for (int k = 0; k < needleCount; ++k) {
                const std::size_t n = (round + k) % 3 == 0 ? length_of(rng) : 1 + length_of(rng) % 5;
                needles.push_back({text(n), caseless && (k + round) % 4 != 0});
            }
            std::string hay = text(hay_length(rng));
            for (const LiteralNeedle& needle : needles) {
                for (int copies = 0; copies < 2 && hay.size() >= needle.bytes.size(); ++copies) {
                    hay.replace(rng() % (hay.size() - needle.bytes.size() + 1), needle.bytes.size(),
                                occurrence(rng, needle));
                }
            }
            const LiteralSearcher teddy(needles, static_cast<SimdLevel>(level), LiteralStrategy::Teddy);
            const LiteralSearcher packed(needles, static_cast<SimdLevel>(level), LiteralStrategy::PackedPair);
            const QByteArray got = all_hits(hay, needles, &teddy);
            const QByteArray want = all_hits(hay, needles, nullptr);
            if (got != want) {
                qWarning() << "round" << round << "haystack" << QByteArray::fromStdString(hay).toHex();
                for (const auto& n : needles) qWarning() << "needle" << QByteArray::fromStdString(n.bytes).toHex() << n.ascii_caseless;
            }
            QCOMPARE(got, want);
            QCOMPARE(all_hits(hay, needles, &packed), want);
        }
    }

    void nonAsciiNeedles_data() {
        QTest::addColumn<int>("level");
        for (SimdLevel level : teddy_levels()) QTest::newRow(simd_level_name(level)) << static_cast<int>(level);
    }
    // The case-folding guards of LiteralMatcher (Kelvin sign, long s) next to caseless ASCII
    // needles: bytes >= 0x80 in the looked-up positions take the tables' non-ASCII variant.
    void nonAsciiNeedles() {
        QFETCH(int, level);
        const std::vector<LiteralNeedle> needles{
            {"ERR_SYS", true}, {"link_req", true}, {"\xE2\x84\xAA", false}, {"\xC5\xBF", false}};
        const LiteralSearcher teddy(needles, static_cast<SimdLevel>(level), LiteralStrategy::Teddy);
        std::string hay(200, 'x');
        hay.replace(31, 3, "\xE2\x84\xAA");
        hay.replace(63, 7, "err_Sys");
        hay.replace(95, 2, "\xC5\xBF");
        hay.replace(190, 8, "LINK_REQ");
        hay.replace(120, 2, "\xC5\xBE");  // not the long s
        QCOMPARE(all_hits(hay, needles, &teddy), QByteArray("31:2 63:0 95:3 190:1 "));
        QCOMPARE(all_hits(hay, needles, &teddy), all_hits(hay, needles, nullptr));
    }
};

QTEST_GUILESS_MAIN(TestLiteralTeddy)
#include "test_literal_teddy.moc"
