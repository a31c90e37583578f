// See index_query.h.
#include "core/index/index_query.h"

#include <algorithm>
#include <set>

#include "core/index/index_reader.h"
#include "core/index/trigram.h"
#include "core/match/pattern_text.h"
#include "core/match/required_literal.h"

namespace codescout {

namespace {

using Op = IndexQuery::Op;

IndexQuery all() { return IndexQuery{}; }

IndexQuery trigram_query(std::uint32_t t) {
    IndexQuery q;
    q.op = Op::Trigram;
    q.trigram = t;
    return q;
}

// A byte that cannot join a trigram of a case-insensitive needle (see index_query.h).
bool breaks_caseless(unsigned char c) {
    const unsigned char folded = fold_ascii(c);
    return c >= 0x80 || folded == 'k' || folded == 's';
}

// The AND of the trigrams every occurrence of `needle` brings along; All if there are none.
IndexQuery needle_query(const std::string& needle, bool caseless) {
    std::set<std::uint32_t> trigrams;
    std::size_t run_start = 0;
    for (std::size_t i = 0; i <= needle.size(); ++i) {
        const bool end = i == needle.size();
        const auto c = end ? '\n' : static_cast<unsigned char>(needle[i]);
        if (end || c == '\n' || (caseless && breaks_caseless(c))) {
            for (std::size_t j = run_start; j + 3 <= i; ++j) {
                trigrams.insert(make_trigram(static_cast<unsigned char>(needle[j]), static_cast<unsigned char>(needle[j + 1]),
                                             static_cast<unsigned char>(needle[j + 2])));
            }
            run_start = i + 1;
        }
    }
    if (trigrams.empty()) return all();
    if (trigrams.size() == 1) return trigram_query(*trigrams.begin());
    IndexQuery q;
    q.op = Op::And;
    for (const std::uint32_t t : trigrams) q.args.push_back(trigram_query(t));
    return q;
}

// OR of the alternatives; All as soon as one of them is All.
IndexQuery any_of(std::vector<IndexQuery> alternatives) {
    if (alternatives.empty()) return all();
    for (const IndexQuery& q : alternatives) {
        if (!q.narrows()) return all();
    }
    if (alternatives.size() == 1) return std::move(alternatives.front());
    IndexQuery q;
    q.op = Op::Or;
    q.args = std::move(alternatives);
    return q;
}

// The needles of one pattern, or nullopt when it has none to require.
std::optional<std::vector<std::string>> needles_of(const std::string& pattern, bool fixed, bool caseless) {
    if (fixed) {
        if (pattern.empty()) return std::nullopt;
        return std::vector<std::string>{pattern};
    }
    return required_literals(pattern, caseless);
}

std::string trigram_text(std::uint32_t t) {
    std::string out = "'";
    for (int shift = 16; shift >= 0; shift -= 8) {
        const auto c = static_cast<unsigned char>((t >> shift) & 0xFF);
        if (c >= 0x20 && c < 0x7F && c != '\'' && c != '\\') {
            out.push_back(static_cast<char>(c));
        } else {
            static const char* hex = "0123456789abcdef";
            out += "\\x";
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out + "'";
}

std::vector<std::uint32_t> intersect(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
    std::vector<std::uint32_t> out;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

std::vector<std::uint32_t> unite(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
    std::vector<std::uint32_t> out;
    std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

// Cheap size estimate, to intersect the rarest lists first.
std::uint64_t estimate(const IndexQuery& q, const IndexReader& reader) {
    switch (q.op) {
    case Op::All: return reader.file_count();
    case Op::Trigram: return reader.document_frequency(q.trigram);
    case Op::And: {
        std::uint64_t low = reader.file_count();
        for (const auto& a : q.args) low = std::min(low, estimate(a, reader));
        return low;
    }
    case Op::Or: {
        std::uint64_t sum = 0;
        for (const auto& a : q.args) sum += estimate(a, reader);
        return sum;
    }
    }
    return reader.file_count();
}

// Sorted ids; nullopt on a damaged list. Never called with All (evaluate handles it).
std::optional<std::vector<std::uint32_t>> ids_of(const IndexQuery& q, const IndexReader& reader) {
    switch (q.op) {
    case Op::All: break;
    case Op::Trigram: return reader.posting_list(q.trigram);
    case Op::And: {
        std::vector<const IndexQuery*> order;
        for (const auto& a : q.args) order.push_back(&a);
        std::sort(order.begin(), order.end(), [&](const IndexQuery* x, const IndexQuery* y) {
            return estimate(*x, reader) < estimate(*y, reader);
        });
        std::optional<std::vector<std::uint32_t>> acc;
        for (const IndexQuery* a : order) {
            auto ids = ids_of(*a, reader);
            if (!ids) return std::nullopt;
            acc = acc ? intersect(*acc, *ids) : std::move(*ids);
            if (acc->empty()) break;  // the rest cannot add anything
        }
        return acc;
    }
    case Op::Or: {
        std::vector<std::uint32_t> acc;
        for (const auto& a : q.args) {
            auto ids = ids_of(a, reader);
            if (!ids) return std::nullopt;
            acc = unite(acc, *ids);
        }
        return acc;
    }
    }
    std::vector<std::uint32_t> every(reader.file_count());
    for (std::uint32_t i = 0; i < every.size(); ++i) every[i] = i;
    return every;
}

}  // namespace

std::string IndexQuery::to_string() const {
    switch (op) {
    case Op::All: return "all";
    case Op::Trigram: return trigram_text(trigram);
    case Op::And:
    case Op::Or: {
        std::string out = op == Op::And ? "and(" : "or(";
        for (std::size_t i = 0; i < args.size(); ++i) out += (i > 0 ? " " : "") + args[i].to_string();
        return out + ")";
    }
    }
    return "?";
}

IndexQuery plan_index_query(const PatternOptions& options) {
    const bool caseless = effective_caseless(options);
    std::vector<IndexQuery> alternatives;
    for (const std::string& pattern : options.patterns) {
        const auto needles = needles_of(pattern, options.fixed_strings, caseless);
        if (!needles) return all();
        for (const std::string& needle : *needles) alternatives.push_back(needle_query(needle, caseless));
    }
    return any_of(std::move(alternatives));
}

std::optional<std::vector<bool>> evaluate_index_query(const IndexQuery& query, const IndexReader& reader) {
    if (!query.narrows()) return std::vector<bool>(reader.file_count(), true);
    const auto ids = ids_of(query, reader);
    if (!ids) return std::nullopt;
    std::vector<bool> bits(reader.file_count(), false);
    for (const std::uint32_t id : *ids) bits[id] = true;
    return bits;
}

}  // namespace codescout
