// See index_query.h.
#include "core/index/index_query.h"

#include <algorithm>

#include "core/index/index_reader.h"
#include "core/index/index_text.h"
#include "core/index/trigram.h"
#include "core/match/pattern_text.h"
#include "core/match/required_literal.h"

namespace codescout {

namespace {

using Op = IndexQuery::Op;

IndexQuery all() { return IndexQuery{}; }

// The runs of a needle (index_query.h): its index characters cut at line ends and, caseless, at
// non-ASCII bytes; runs shorter than a trigram say nothing and are dropped.
std::vector<IndexQuery> runs_of(const std::string& needle, bool caseless) {
    std::vector<IndexQuery> runs;
    IndexQuery run;
    run.op = Op::Run;
    run.exact_case = !caseless;
    const auto close = [&] {
        if (run.text.size() >= 3) runs.push_back(run);
        run.text.clear();
        run.upper.clear();
    };
    for (const IndexChar& c : read_needle(needle)) {
        if (c.folded == '\n' || (caseless && c.folded >= 0x80)) {
            close();
            continue;
        }
        run.text.push_back(static_cast<char>(c.folded));
        if (!caseless) run.upper.push_back(c.upper);
    }
    close();
    return runs;
}

// The AND of a needle's runs; All if it has none.
IndexQuery needle_query(const std::string& needle, bool caseless) {
    std::vector<IndexQuery> runs = runs_of(needle, caseless);
    if (runs.empty()) return all();
    if (runs.size() == 1) return std::move(runs.front());
    IndexQuery q;
    q.op = Op::And;
    q.args = std::move(runs);
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

// The needles of one pattern, or nullopt when it has none to require. Caseless needles keep k
// and s: the index reads the KELVIN SIGN and the LONG S as k and s.
std::optional<std::vector<std::string>> needles_of(const std::string& pattern, bool fixed, bool caseless) {
    if (fixed) {
        if (pattern.empty()) return std::nullopt;
        return std::vector<std::string>{pattern};
    }
    return required_literals(pattern, caseless, CaselessKS::Keep);
}

std::string run_text(const IndexQuery& q) {
    std::string out = q.exact_case ? "\"" : "i\"";
    for (std::size_t i = 0; i < q.text.size(); ++i) {
        auto c = static_cast<unsigned char>(q.text[i]);
        if (q.exact_case && q.upper[i] && c >= 'a' && c <= 'z') c = static_cast<unsigned char>(c - ('a' - 'A'));
        if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
            out.push_back(static_cast<char>(c));
        } else {
            static const char* hex = "0123456789abcdef";
            out += "\\x";
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out + "\"";
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

// One trigram of a run: what its posting must carry (next-character and case bits) and how far
// into the run it starts.
struct RunStep {
    std::uint32_t trigram = 0;
    std::uint32_t required = 0;
    unsigned shift = 0;
    std::uint32_t frequency = 0;
};

std::vector<RunStep> steps_of(const IndexQuery& run, const IndexReader& reader) {
    const auto at = [&](std::size_t i) { return static_cast<unsigned char>(run.text[i]); };
    std::vector<RunStep> steps;
    for (std::size_t j = 0; j + 3 <= run.text.size(); ++j) {
        RunStep step;
        step.trigram = (std::uint32_t{at(j)} << 16) | (std::uint32_t{at(j + 1)} << 8) | at(j + 2);
        if (j + 3 < run.text.size()) step.required |= next_bit(at(j + 3));
        if (run.exact_case) {
            step.required |= case_bit((run.upper[j] ? 4u : 0u) | (run.upper[j + 1] ? 2u : 0u) | (run.upper[j + 2] ? 1u : 0u));
        }
        step.shift = static_cast<unsigned>(j);
        step.frequency = reader.document_frequency(step.trigram);
        steps.push_back(step);
    }
    return steps;
}

// Cheap size estimate, to intersect the rarest lists first.
std::uint64_t estimate(const IndexQuery& q, const IndexReader& reader) {
    switch (q.op) {
    case Op::All: return reader.file_count();
    case Op::Run: {
        std::uint64_t low = reader.file_count();
        for (const RunStep& s : steps_of(q, reader)) low = std::min<std::uint64_t>(low, s.frequency);
        return low;
    }
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

// The files that pass a run, ascending. Postings name documents (index_format.h: a large file's
// chunks of lines are documents of their own): a run holds no line end, so each occurrence lies
// within one chunk, and a file passes when one of its documents passes. Per document: the rarest
// trigram's postings first, then each other trigram's, keeping a document while its postings
// carry the required bits and leave a start offset (modulo 16) that every trigram so far agrees
// with. Lists after the first are read in place (PostingCursor) only as far as the documents
// still alive: a common trigram's long list costs its checksum and a partial decode, not a copy.
// The And of a needle's runs (split at its line ends) is then taken per file, not per document.
std::optional<std::vector<std::uint32_t>> run_documents(const IndexQuery& run, const IndexReader& reader);

// The files of ascending documents, ascending.
std::vector<std::uint32_t> files_of(const std::vector<std::uint32_t>& documents, const IndexReader& reader) {
    std::vector<std::uint32_t> ids;
    ids.reserve(documents.size());
    bool ascending = true;
    for (const std::uint32_t d : documents) {
        const std::uint32_t file = reader.file_of_document(d);
        if (!ids.empty() && file <= ids.back()) {
            if (file == ids.back()) continue;
            ascending = false;
        }
        ids.push_back(file);
    }
    if (!ascending) {
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    }
    return ids;
}

std::optional<std::vector<std::uint32_t>> run_ids(const IndexQuery& run, const IndexReader& reader) {
    auto documents = run_documents(run, reader);
    if (!documents) return std::nullopt;
    return files_of(*documents, reader);
}

// The documents that pass a run, ascending (see run_ids()).
std::optional<std::vector<std::uint32_t>> run_documents(const IndexQuery& run, const IndexReader& reader) {
    std::vector<RunStep> steps = steps_of(run, reader);
    std::stable_sort(steps.begin(), steps.end(), [](const RunStep& a, const RunStep& b) { return a.frequency < b.frequency; });
    struct Alive {
        std::uint32_t id;
        std::uint32_t starts;
    };
    std::vector<Alive> alive;
    bool first = true;
    for (const RunStep& step : steps) {
        auto cursor = reader.postings(step.trigram);
        if (!cursor) return std::nullopt;
        std::vector<Alive> next;
        Posting p;
        if (first) {
            next.reserve(cursor->size_left());
            while (cursor->next(p)) {
                if ((p.masks & step.required) != step.required) continue;
                const std::uint32_t starts = positions_from_start(p.masks, step.shift);
                if (starts != 0) next.push_back(Alive{p.id, starts});
            }
            if (cursor->damaged() || !cursor->consumed_exactly()) return std::nullopt;
            first = false;
        } else {
            bool have = cursor->next(p);
            for (const Alive& a : alive) {
                while (have && p.id < a.id) have = cursor->next(p);
                if (!have) break;
                if (p.id != a.id || (p.masks & step.required) != step.required) continue;
                const std::uint32_t starts = a.starts & positions_from_start(p.masks, step.shift);
                if (starts != 0) next.push_back(Alive{a.id, starts});
            }
            if (cursor->damaged()) return std::nullopt;
        }
        alive = std::move(next);
        if (alive.empty()) break;  // the rest cannot add anything
    }
    std::vector<std::uint32_t> documents;
    documents.reserve(alive.size());
    for (const Alive& a : alive) documents.push_back(a.id);
    return documents;
}

bool has_and(const IndexQuery& q) {
    if (q.op == Op::And) return true;
    return std::any_of(q.args.begin(), q.args.end(), has_and);
}

// The documents of a query without AND, ascending; nullopt on a damaged list.
std::optional<std::vector<std::uint32_t>> documents_of(const IndexQuery& q, const IndexReader& reader) {
    if (q.op == Op::Run) return run_documents(q, reader);
    std::vector<std::uint32_t> acc;
    for (const auto& a : q.args) {
        auto documents = documents_of(a, reader);
        if (!documents) return std::nullopt;
        acc = unite(acc, *documents);
    }
    return acc;
}

// Sorted ids; nullopt on a damaged list. Never called with All (evaluate handles it).
std::optional<std::vector<std::uint32_t>> ids_of(const IndexQuery& q, const IndexReader& reader) {
    switch (q.op) {
    case Op::All: break;
    case Op::Run: return run_ids(q, reader);
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
    case Op::Run: return run_text(*this);
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

std::optional<std::vector<bool>> evaluate_index_query(const IndexQuery& query, const IndexReader& reader,
                                                      std::vector<std::uint32_t>* documents) {
    if (documents != nullptr) documents->clear();
    if (!query.narrows()) return std::vector<bool>(reader.file_count(), true);
    std::optional<std::vector<std::uint32_t>> ids;
    if (documents != nullptr && !has_and(query)) {
        auto found = documents_of(query, reader);
        if (!found) return std::nullopt;
        ids = files_of(*found, reader);
        *documents = std::move(*found);
    } else {
        ids = ids_of(query, reader);
    }
    if (!ids) return std::nullopt;
    std::vector<bool> bits(reader.file_count(), false);
    for (const std::uint32_t id : *ids) bits[id] = true;
    return bits;
}

}  // namespace codescout
