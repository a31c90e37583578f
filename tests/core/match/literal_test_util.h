// Shared by the literal finder tests: the reference they compare against (a byte-by-byte search
// with the contract of LiteralSearcher::find: leftmost position, lowest needle index at that
// position), every hit as readable text, and random haystacks.
#pragma once

#include <QByteArray>
#include <QTest>

#include <initializer_list>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "core/match/literal_search.h"

namespace codescout::test {

inline char fold_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c; }

inline std::optional<LiteralSearcher::Hit> naive_find(const std::string& hay, std::size_t from,
                                                      const std::vector<LiteralNeedle>& needles) {
    for (std::size_t pos = from; pos < hay.size(); ++pos) {
        for (std::size_t k = 0; k < needles.size(); ++k) {
            const std::string& n = needles[k].bytes;
            if (n.size() > hay.size() - pos) continue;
            bool equal = true;
            for (std::size_t i = 0; i < n.size() && equal; ++i) {
                equal = needles[k].ascii_caseless ? fold_ascii(hay[pos + i]) == fold_ascii(n[i]) : hay[pos + i] == n[i];
            }
            if (equal) return LiteralSearcher::Hit{pos, k};
        }
    }
    return std::nullopt;
}

// Every hit of `searcher` (the reference when null), restarting one byte after the previous
// one: "pos:needle pos:needle ...".
inline QByteArray all_hits(const std::string& hay, const std::vector<LiteralNeedle>& needles,
                           const LiteralSearcher* searcher) {
    QByteArray out;
    std::size_t from = 0;
    while (true) {
        auto hit = searcher ? searcher->find(hay, from) : naive_find(hay, from, needles);
        if (!hit) break;
        if (hit->pos < from) return out + "(hit before from)";  // a broken searcher must not loop
        out += QByteArray::number(qulonglong(hit->pos)) + ':' + QByteArray::number(qulonglong(hit->needle)) + ' ';
        from = hit->pos + 1;
    }
    return out;
}

// Small alphabets make occurrences (and near misses) frequent; the full byte range covers the
// vector compares on bytes >= 0x80 and the OR-0x20 fold on non-letters like '@' and '['.
inline std::string random_text(std::mt19937& rng, std::size_t length, std::string_view alphabet) {
    std::string text(length, '\0');
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    for (char& c : text) c = alphabet[pick(rng)];
    return text;
}

inline std::string random_bytes(std::mt19937& rng, std::size_t length) {
    std::string text(length, '\0');
    std::uniform_int_distribution<int> pick(0, 255);
    for (char& c : text) c = static_cast<char>(pick(rng));
    return text;
}

// The columns and rows of the random-haystack tests: every level x needle count x case mode,
// each once over a small alphabet (frequent occurrences and near misses) and once over all
// byte values (an empty "alphabet").
inline void add_random_rows(const std::vector<SimdLevel>& levels, std::initializer_list<int> needle_counts) {
    QTest::addColumn<int>("level");
    QTest::addColumn<int>("needleCount");
    QTest::addColumn<bool>("caseless");
    QTest::addColumn<QByteArray>("alphabet");
    for (SimdLevel level : levels) {
        for (int count : needle_counts) {
            for (bool caseless : {false, true}) {
                const QByteArray name = QByteArray(simd_level_name(level)) + " needles=" + QByteArray::number(count) +
                                        (caseless ? " caseless" : " exact");
                QTest::newRow(name + " small alphabet") << static_cast<int>(level) << count << caseless
                                                        << QByteArray("abAB@[`{-_ \n");
                QTest::newRow(name + " all bytes") << static_cast<int>(level) << count << caseless << QByteArray();
            }
        }
    }
}

}  // namespace codescout::test
