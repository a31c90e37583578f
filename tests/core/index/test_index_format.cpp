// The index file: what the builder writes is what the reader returns (every posting list and its
// masks checked against a plain reading of the files themselves; the collector fed byte by byte
// reads what it reads whole), and a damaged or foreign file is refused, never
// used: truncated, a flipped byte in each section, another format version, another folder. A
// search with a refused index gives the scan's results; a rebuild replaces the file.
#include <QtTest>

#include <fstream>
#include <map>
#include <set>
#include <span>

#include "core/index/checksum.h"
#include "core/index/index_location.h"
#include "core/index/index_reader.h"
#include "core/index/trigram.h"
#include "core/index/trigram_collector.h"
#include "core/index/walk_settings.h"
#include "index_test_util.h"

using namespace codescout;
namespace fmt = codescout::index_format;

namespace {

std::string read_file(const std::filesystem::path& path) {
    QFile f(QString::fromStdString(path.string()));
    if (!f.open(QIODevice::ReadOnly)) return {};
    return f.readAll().toStdString();
}

void write_file(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// The trigrams of a text with their posting masks, read the plain way (trigram.h,
// index_text.h): K (E2 84 AA) and long s (C5 BF) as capital-flagged 'k' and 's', other bytes
// folded; positions in characters read. Per chunk of lines (index_format.h's documents): a line
// is in chunk (its first character's position) / chunk_chars, 0 = one chunk; chunks without a
// trigram are left out.
std::vector<std::map<std::uint32_t, std::uint32_t>> reference_chunks(const std::string& text, std::uint64_t chunk_chars) {
    std::vector<std::pair<unsigned char, bool>> chars;
    for (std::size_t i = 0; i < text.size();) {
        if (text.compare(i, 3, "\xE2\x84\xAA") == 0) {
            chars.emplace_back('k', true);
            i += 3;
        } else if (text.compare(i, 2, "\xC5\xBF") == 0) {
            chars.emplace_back('s', true);
            i += 2;
        } else {
            const auto b = static_cast<unsigned char>(text[i++]);
            const bool capital = b >= 'A' && b <= 'Z';
            chars.emplace_back(capital ? static_cast<unsigned char>(b + 32) : b, capital);
        }
    }
    std::map<std::uint64_t, std::map<std::uint32_t, std::uint32_t>> chunks;
    std::size_t line_start = 0;
    for (std::size_t j = 0; j + 3 <= chars.size(); ++j) {
        if (j > 0 && chars[j - 1].first == '\n') line_start = j;
        const std::uint32_t t = (std::uint32_t{chars[j].first} << 16) | (std::uint32_t{chars[j + 1].first} << 8) | chars[j + 2].first;
        if (trigram_has_newline(t)) continue;
        std::uint32_t masks = position_bit(j) |
                              case_bit((chars[j].second ? 4u : 0u) | (chars[j + 1].second ? 2u : 0u) | (chars[j + 2].second ? 1u : 0u));
        if (j + 3 < chars.size()) masks |= next_bit(chars[j + 3].first);
        chunks[chunk_chars == 0 ? 0 : line_start / chunk_chars][t] |= masks;
    }
    std::vector<std::map<std::uint32_t, std::uint32_t>> out;
    for (auto& [number, grams] : chunks) out.push_back(std::move(grams));
    return out;
}

// Where each chunk of reference_chunks() starts: the byte offset and the line number of its
// chunk's first line (the first line whose first character's position / chunk_chars is the
// chunk's number), for the chunks that hold a trigram, in order.
std::vector<std::pair<std::uint64_t, std::uint64_t>> reference_chunk_starts(const std::string& text,
                                                                            std::uint64_t chunk_chars) {
    const auto chunks = reference_chunks(text, chunk_chars);
    std::map<std::uint64_t, std::pair<std::uint64_t, std::uint64_t>> first_line;  // chunk -> (byte, line)
    std::uint64_t chars = 0;
    std::uint64_t line = 1;
    bool line_starts = true;
    for (std::size_t i = 0; i < text.size();) {
        if (line_starts) first_line.try_emplace(chars / chunk_chars, i, line);
        line_starts = text[i] == '\n';
        if (line_starts) ++line;
        i += text.compare(i, 3, "\xE2\x84\xAA") == 0 ? 3 : text.compare(i, 2, "\xC5\xBF") == 0 ? 2 : 1;
        ++chars;
    }
    // The chunks of reference_chunks() are those with trigrams: the numbers of their lines.
    std::vector<std::pair<std::uint64_t, std::uint64_t>> out;
    std::vector<std::uint64_t> numbers;
    {
        // Recompute which chunk numbers hold a trigram (as reference_chunks() groups them).
        std::vector<unsigned char> folded;
        std::vector<std::uint64_t> start_of;  // per character: its line's first character
        std::uint64_t start = 0;
        for (std::size_t i = 0; i < text.size();) {
            const std::size_t step = text.compare(i, 3, "\xE2\x84\xAA") == 0 ? 3 : text.compare(i, 2, "\xC5\xBF") == 0 ? 2 : 1;
            folded.push_back(step == 1 ? static_cast<unsigned char>(text[i]) : 'x');
            start_of.push_back(start);
            if (text[i] == '\n') start = folded.size();
            i += step;
        }
        std::set<std::uint64_t> with;
        for (std::size_t j = 0; j + 3 <= folded.size(); ++j) {
            if (folded[j] == '\n' || folded[j + 1] == '\n' || folded[j + 2] == '\n') continue;
            with.insert(start_of[j] / chunk_chars);
        }
        numbers.assign(with.begin(), with.end());
    }
    if (numbers.size() != chunks.size()) return {};
    for (const std::uint64_t n : numbers) out.push_back(first_line.at(n));
    return out;
}

std::map<std::uint32_t, std::uint32_t> reference_grams(const std::string& text) {
    auto chunks = reference_chunks(text, 0);
    return chunks.empty() ? std::map<std::uint32_t, std::uint32_t>{} : std::move(chunks.front());
}

std::map<std::uint32_t, std::uint32_t> as_map(std::span<const Gram> grams) {
    std::map<std::uint32_t, std::uint32_t> out;
    for (const Gram& g : grams) {
        if (out.contains(g.trigram)) return {};  // listed twice: not what the collector promises
        out[g.trigram] = g.masks;
    }
    return out;
}

// The collector's chunks (after grams()), each as a map.
std::vector<std::map<std::uint32_t, std::uint32_t>> chunk_maps(TrigramCollector& collector) {
    const std::span<const Gram> grams(collector.grams());
    std::vector<std::map<std::uint32_t, std::uint32_t>> out;
    for (const auto& range : collector.chunks()) out.push_back(as_map(grams.subspan(range.begin, range.end - range.begin)));
    return out;
}

fmt::Header header_of(const std::string& bytes) {
    fmt::Header h;
    std::memcpy(&h, bytes.data(), sizeof h);
    return h;
}

}  // namespace

class TestIndexFormat : public QObject {
    Q_OBJECT

private:
    static constexpr index_test::Chunking kChunking{300, 100};
    TestTree tree_;
    TestTree cache_;
    std::filesystem::path dir_;
    std::filesystem::path file_;
    std::string pristine_;

    SearchOptions options(const std::string& pattern, bool fixed = false) const {
        SearchOptions o;
        o.walk.roots = {tree_.root()};
        o.pattern.patterns = {pattern};
        o.pattern.fixed_strings = fixed;
        o.threads = 2;
        return o;
    }

private slots:
    void initTestCase() {
        QRandomGenerator random(12);
        index_test::generate_tree(tree_, random, 120);
        dir_ = cache_.path(QStringLiteral("index"));
        // Small chunks: most generated files (up to ~2 KB) are indexed in several documents.
        const auto result = index_test::build_index(tree_.root(), dir_, {}, 0, kChunking);
        QVERIFY2(result.ok, result.error.c_str());
        QVERIFY(result.chunked_files > 20);
        QVERIFY(result.documents > result.files + 50);
        file_ = result.index_file;
        QCOMPARE(file_, index_file_for(dir_, canonical_root(tree_.root())));
        pristine_ = read_file(file_);
    }

    void init() { write_file(file_, pristine_); }

    void roundTripMatchesTheFiles() {
        auto opened = IndexReader::open(file_.string(), canonical_root(tree_.root()));
        QCOMPARE(opened.status, IndexOpenStatus::Ok);
        const IndexReader& reader = *opened.reader;
        // Every file the walk finds is recorded, binary ones without trigrams. Each file's
        // documents: itself, then the chunk documents naming it, in ascending order.
        std::map<std::uint32_t, std::vector<std::uint32_t>> documents;
        QVERIFY(reader.document_count() > reader.file_count());
        for (std::uint32_t id = 0; id < reader.file_count(); ++id) documents[id].push_back(id);
        for (std::uint32_t doc = reader.file_count(); doc < reader.document_count(); ++doc) {
            documents[reader.file_of_document(doc)].push_back(doc);
        }
        std::map<std::uint32_t, std::vector<Posting>> expected;
        std::uint64_t binary = 0;
        std::uint64_t chunked = 0;
        for (std::uint32_t id = 0; id < reader.file_count(); ++id) {
            const std::string rel(reader.path(id));
            QCOMPARE(reader.find(rel), std::optional<std::uint32_t>(id));
            QVERIFY2(!rel.ends_with(".log") && !rel.starts_with("build/") && !rel.starts_with(".hidden/"), rel.c_str());
            const std::string content = read_file(tree_.root() + "/" + rel);
            QCOMPARE(reader.file(id).size, content.size());
            if (content.find('\0') != std::string::npos) {
                QCOMPARE(reader.file(id).flags, std::uint32_t{fmt::kBinary});
                QCOMPARE(documents[id].size(), std::size_t{1});
                ++binary;
                continue;
            }
            QCOMPARE(reader.file(id).flags, std::uint32_t{fmt::kIndexed});
            const auto chunks = reference_chunks(content, content.size() > kChunking.file_threshold ? kChunking.chars : 0);
            QCOMPARE(documents[id].size(), std::max<std::size_t>(chunks.size(), 1));
            if (chunks.size() > 1) {
                ++chunked;
                // Each further chunk's start (format 5): its first line's byte and number.
                const auto starts = reference_chunk_starts(content, kChunking.chars);
                QCOMPARE(starts.size(), chunks.size());
                for (std::size_t c = 1; c < chunks.size(); ++c) {
                    const fmt::ChunkStart& start = reader.chunk_start(documents[id][c]);
                    QCOMPARE(start.offset, starts[c].first);
                    QCOMPARE(start.line, starts[c].second);
                    QCOMPARE(content[start.offset - 1], '\n');
                }
            }
            for (std::size_t c = 0; c < chunks.size(); ++c) {
                for (const auto& [trigram, masks] : chunks[c]) expected[trigram].push_back(Posting{documents[id][c], masks});
            }
        }
        QVERIFY(chunked > 20);
        for (auto& [trigram, postings] : expected) {
            std::sort(postings.begin(), postings.end(), [](const Posting& a, const Posting& b) { return a.id < b.id; });
        }
        QVERIFY(binary > 0);
        QVERIFY(!reader.find("no/such/file.c"));
        QCOMPARE(reader.header().trigram_count, expected.size());
        for (const auto& [trigram, ids] : expected) {
            const auto list = reader.posting_list(trigram);
            QVERIFY(list.has_value());
            QVERIFY(*list == ids);
            QCOMPARE(std::size_t{reader.document_frequency(trigram)}, ids.size());
            // The cursor the query reads in place gives the same postings, and ends where the list does.
            auto cursor = reader.postings(trigram);
            QVERIFY(cursor.has_value());
            std::vector<Posting> read;
            for (Posting p; cursor->next(p);) read.push_back(p);
            QVERIFY(!cursor->damaged() && cursor->consumed_exactly());
            QVERIFY(read == ids);
        }
        QVERIFY(reader.posting_list(make_trigram('\x01', '\x02', '\x03'))->empty());
    }

    // The collector reads a file fed in pieces as it reads it whole: K and long-s sequences cut by
    // a chunk's end, sequences cut off at the end of the file, capitals, line ends.
    void collectorReadsAcrossChunks() {
        const std::string text = "Kernel \xE2\x84\xAA" "ernel \xC5\xBF" "ocket\nSOCKET x\xE2\x84 y\xC5z \xE2\xE2\x84\xAA\xC5\xC5\xBF"
                                 "\nmask MASK mAsK\r\n\xE2\x84";
        const auto expected = reference_grams(text);
        QVERIFY(expected.contains((std::uint32_t{'k'} << 16) | (std::uint32_t{'e'} << 8) | 'r'));
        QVERIFY(expected.contains((std::uint32_t{'s'} << 16) | (std::uint32_t{'o'} << 8) | 'c'));
        TrigramCollector collector;
        for (int round = 0; round < 2; ++round) {  // the second round after reset(): nothing left over
            for (std::size_t piece = 1; piece <= 4; ++piece) {
                for (std::size_t i = 0; i < text.size(); i += piece) collector.feed(std::string_view(text).substr(i, piece));
                QVERIFY(as_map(collector.grams()) == expected);
                collector.reset();
            }
        }
        // A large file grows the table past its first size; the next file starts clean.
        std::string large;
        for (int i = 0; i < 20000; ++i) large += "w" + std::to_string(i * 7919) + "_" + std::to_string(i) + " ";
        collector.feed(large);
        QVERIFY(as_map(collector.grams()) == reference_grams(large));
        collector.reset();
        collector.feed(text);
        QVERIFY(as_map(collector.grams()) == expected);
        collector.reset();
    }

    // Chunked (index_format.h's documents), fed in pieces of any size: each chunk of lines
    // holds the trigrams of its lines, with the file's positions; a line longer than a chunk
    // stays whole; past its gram budget the collector folds the chunks into the whole file's.
    void collectorReadsChunksOfLines() {
        std::string text;
        for (int i = 0; i < 60; ++i) {
            text += "line " + std::to_string(i * 7919) + " Kernel \xE2\x84\xAA" "ernel ERR_SYS pm_resume\n";
            if (i % 17 == 0) text += std::string(150, 'q') + " a line longer than a chunk\n";
            if (i % 23 == 0) text += "\n\r\n";
        }
        text += "no final newline: kernel";
        TrigramCollector collector;
        for (const std::uint64_t chars : {40u, 64u, 100u, 1000u}) {
            const auto expected = reference_chunks(text, chars);
            QVERIFY(expected.size() > 1);
            for (std::size_t piece : {std::size_t{1}, std::size_t{7}, text.size()}) {
                collector.chunk_lines(chars);
                for (std::size_t i = 0; i < text.size(); i += piece) collector.feed(std::string_view(text).substr(i, piece));
                QVERIFY2(chunk_maps(collector) == expected, std::to_string(chars).c_str());
                collector.reset();
            }
        }
        // reset() ends the chunking: the next file is read whole.
        collector.feed(text);
        QCOMPARE(collector.chunks().size(), std::size_t{0});  // not before grams()
        QVERIFY(chunk_maps(collector) == reference_chunks(text, 0));
        collector.reset();
        // A budget of 200 grams is spent after a few chunks: one range, the whole file's trigrams.
        collector.chunk_lines(64, 200);
        collector.feed(text);
        QVERIFY(chunk_maps(collector) == reference_chunks(text, 0));
        collector.reset();
    }

    void damagedIndexIsRefused_data() {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<int>("expected");
        const int corrupt = static_cast<int>(IndexOpenStatus::Corrupt);
        QTest::newRow("empty") << "empty" << corrupt;
        QTest::newRow("shorter than the header") << "truncate-header" << corrupt;
        QTest::newRow("last byte missing") << "truncate-1" << corrupt;
        QTest::newRow("half") << "truncate-half" << corrupt;
        QTest::newRow("one byte more") << "append" << corrupt;
        QTest::newRow("magic") << "flip-0" << corrupt;
        QTest::newRow("header count") << "flip-header" << corrupt;
        QTest::newRow("file table") << "flip-files" << corrupt;
        QTest::newRow("paths") << "flip-paths" << corrupt;
        QTest::newRow("path table") << "flip-pathtable" << corrupt;
        QTest::newRow("trigram table") << "flip-trigrams" << corrupt;
        QTest::newRow("chunk table") << "flip-chunks" << corrupt;
        QTest::newRow("a chunk of no file") << "chunk-of-no-file" << corrupt;
        QTest::newRow("a chunk of a binary file") << "chunk-of-binary" << corrupt;
        QTest::newRow("chunk starts") << "flip-chunkstarts" << corrupt;
        QTest::newRow("a chunk starting at the file's start") << "chunk-start-zero" << corrupt;
        QTest::newRow("a chunk starting past its file") << "chunk-start-past" << corrupt;
        QTest::newRow("foreign version") << "version" << static_cast<int>(IndexOpenStatus::ForeignVersion);
    }

    void damagedIndexIsRefused() {
        QFETCH(QString, damage);
        QFETCH(int, expected);
        std::string bytes = pristine_;
        const fmt::Header h = header_of(bytes);
        const auto flip_in = [&](fmt::Section s) { bytes[h.sections[s].offset + h.sections[s].size / 2] ^= 0x10; };
        if (damage == "empty") bytes.clear();
        else if (damage == "truncate-header") bytes.resize(sizeof(fmt::Header) - 1);
        else if (damage == "truncate-1") bytes.pop_back();
        else if (damage == "truncate-half") bytes.resize(bytes.size() / 2);
        else if (damage == "append") bytes.push_back('x');
        else if (damage == "flip-0") bytes[0] ^= 1;
        else if (damage == "flip-header") bytes[offsetof(fmt::Header, file_count)] ^= 1;
        else if (damage == "flip-files") flip_in(fmt::Files);
        else if (damage == "flip-paths") flip_in(fmt::Paths);
        else if (damage == "flip-pathtable") flip_in(fmt::PathTable);
        else if (damage == "flip-trigrams") flip_in(fmt::Trigrams);
        else if (damage == "flip-chunks") flip_in(fmt::Chunks);
        else if (damage == "flip-chunkstarts") flip_in(fmt::ChunkStarts);
        else if (damage.startsWith("chunk-start-")) {
            // Well-formed bytes, checksums recomputed: each start must lie inside its file, after
            // its first line.
            const fmt::SectionRecord& starts = h.sections[fmt::ChunkStarts];
            QVERIFY(starts.size >= sizeof(fmt::ChunkStart));
            fmt::ChunkStart start;
            std::memcpy(&start, bytes.data() + starts.offset, sizeof start);
            start.offset = damage == "chunk-start-zero" ? 0 : std::uint64_t{1} << 40;
            std::memcpy(bytes.data() + starts.offset, &start, sizeof start);
            fmt::Header changed = h;
            changed.sections[fmt::ChunkStarts].checksum = checksum_of(bytes.data() + starts.offset, starts.size);
            changed.header_checksum = checksum_of(&changed, offsetof(fmt::Header, header_checksum));
            std::memcpy(bytes.data(), &changed, sizeof changed);
        }
        else if (damage.startsWith("chunk-of-")) {
            // Well-formed bytes, checksums recomputed: the chunk table itself must make sense.
            std::uint32_t file = static_cast<std::uint32_t>(h.file_count);
            const auto* files = reinterpret_cast<const fmt::FileRecord*>(bytes.data() + h.sections[fmt::Files].offset);
            if (damage == "chunk-of-binary") {
                file = 0;
                while (file < h.file_count && files[file].flags != fmt::kBinary) ++file;
                QVERIFY(file < h.file_count);
            }
            const fmt::SectionRecord& chunks = h.sections[fmt::Chunks];
            QVERIFY(chunks.size >= 4);
            std::memcpy(bytes.data() + chunks.offset + chunks.size - 4, &file, 4);
            fmt::Header changed = h;
            changed.sections[fmt::Chunks].checksum = checksum_of(bytes.data() + chunks.offset, chunks.size);
            changed.header_checksum = checksum_of(&changed, offsetof(fmt::Header, header_checksum));
            std::memcpy(bytes.data(), &changed, sizeof changed);
        }
        else if (damage == "version") {
            // A well-formed header of another version: its checksum is right, its version not ours.
            fmt::Header other = h;
            other.version = fmt::kVersion + 1;
            other.header_checksum = checksum_of(&other, offsetof(fmt::Header, header_checksum));
            std::memcpy(bytes.data(), &other, sizeof other);
        }
        write_file(file_, bytes);
        const auto opened = IndexReader::open(file_.string());
        QCOMPARE(static_cast<int>(opened.status), expected);
        QVERIFY(!opened.reader);
        QVERIFY(!opened.detail.empty());

        // A search asked to use it scans instead, with the scan's results.
        const SearchOptions o = options("kernel");
        const auto indexed = index_test::run(o, &dir_);
        QVERIFY(!indexed.use.used);
        QVERIFY(!indexed.use.notes.empty());
        QCOMPARE(indexed.lines, index_test::run(o).lines);

        // And a build replaces it.
        QVERIFY(index_test::build_index(tree_.root(), dir_, {}, 0, kChunking).ok);
        QCOMPARE(IndexReader::open(file_.string()).status, IndexOpenStatus::Ok);
    }

    // A flipped byte inside one posting list passes open() (lists are checked when used) but
    // not the query that reads that list: the search then scans.
    void damagedPostingListIsRefusedWhenRead() {
        std::string bytes = pristine_;
        const fmt::Header h = header_of(bytes);
        const auto* records = reinterpret_cast<const fmt::TrigramRecord*>(bytes.data() + h.sections[fmt::Trigrams].offset);
        // The list of a trigram of "kernel", which many files hold.
        const std::uint32_t target = make_trigram('e', 'r', 'n');
        std::uint64_t index = 0;
        while (index < h.trigram_count && records[index].trigram != target) ++index;
        QVERIFY(index < h.trigram_count);
        bytes[h.sections[fmt::Postings].offset + records[index].offset] ^= 0x01;
        write_file(file_, bytes);
        const auto opened = IndexReader::open(file_.string());
        QCOMPARE(opened.status, IndexOpenStatus::Ok);
        QVERIFY(!opened.reader->posting_list(target).has_value());
        QVERIFY(!opened.reader->postings(target).has_value());
        QVERIFY(opened.reader->posting_list(make_trigram('a', 'l', 'p')).has_value());

        const SearchOptions o = options("kernel");
        const auto indexed = index_test::run(o, &dir_);
        QVERIFY(!indexed.use.used);
        QCOMPARE(indexed.lines, index_test::run(o).lines);
        // A query that does not touch the damaged list still uses the index, correctly.
        const SearchOptions other = options("alpha");
        const auto unaffected = index_test::run(other, &dir_);
        QVERIFY(unaffected.use.used);
        QCOMPARE(unaffected.lines, index_test::run(other).lines);
    }

    void indexOfAnotherFolderIsRefused() {
        const auto opened = IndexReader::open(file_.string(), "/some/other/folder");
        QCOMPARE(opened.status, IndexOpenStatus::OtherRoot);
        QCOMPARE(IndexReader::open((dir_ / "absent.idx").string()).status, IndexOpenStatus::Missing);
    }

    void checksumIsStreamable() {
        QRandomGenerator random(3);
        std::string data(1000, '\0');
        for (char& c : data) c = static_cast<char>(random.bounded(256));
        const std::uint64_t whole = checksum_of(data);
        for (int trial = 0; trial < 50; ++trial) {
            Checksum sum;
            std::size_t at = 0;
            while (at < data.size()) {
                const std::size_t n = std::min<std::size_t>(data.size() - at, random.bounded(70));
                sum.update(data.data() + at, n);
                at += n;
            }
            QCOMPARE(sum.value(), whole);
        }
        std::string changed = data;
        changed[500] ^= 1;
        QVERIFY(checksum_of(changed) != whole);
        QVERIFY(checksum_of(data.substr(0, 999)) != whole);
    }

    void walkSettingsRoundTrip() {
        WalkOptions walk;
        walk.include_hidden = true;
        walk.respect_ignore_files = false;
        walk.max_depth = 3;
        walk.globs = {"*.c", "!odd%name\nwith newline"};
        walk.extensions = {"rs"};
        walk.ignore_globs = {"target"};
        const auto decoded = decode_walk_settings(encode_walk_settings(walk));
        QVERIFY(decoded.has_value());
        QCOMPARE(decoded->include_hidden, true);
        QCOMPARE(decoded->respect_ignore_files, false);
        QCOMPARE(decoded->max_depth, std::optional<std::size_t>(3));
        QCOMPARE(decoded->globs, walk.globs);
        QCOMPARE(decoded->extensions, walk.extensions);
        QCOMPARE(decoded->ignore_globs, walk.ignore_globs);
        QVERIFY(!decode_walk_settings("hidden=1\nunknown=2\n"));
        QVERIFY(!decode_walk_settings("glob=%zz\n"));
    }
};

QTEST_GUILESS_MAIN(TestIndexFormat)
#include "test_index_format.moc"
