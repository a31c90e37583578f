// See index_test_util.h.
#include "index_test_util.h"

#include <algorithm>
#include <functional>
#include <mutex>

#include "core/search/search.h"

using namespace codescout;

namespace index_test {

const std::vector<QByteArray>& vocabulary() {
    static const std::vector<QByteArray> words = {
        "alpha", "Beta", "GAMMA", "delta", "epsilon", "kernel", "Kernel", "KERNEL", "socket", "Sock",
        "mask", "struct", "static", "return", "printk", "spin_lock", "mutex_unlock", "foo_bar", "FooBar",
        "x86", "0x1F", "int", "for", "while", "if", "else", "null", "NULL", "ptr->next", "a[i]",
        "stra\xC3\x9F" "e", "Stra\xC3\x9F" "e", "caf\xC3\xA9", "CAF\xC3\x89", "\xC5\xBF" "ocket",  // ſocket
        "\xE2\x84\xAA" "ernel",  // Kelvin sign + "ernel"
        "\xC3\xBC" "ber", "\xC3\x9C" "BER", "na\xC3\xAFve", "emoji\xF0\x9F\x98\x80", "tab\there", "cr\r",
        "k", "s", "ks", "sk", "abc", "ABC", "xyz"};
    return words;
}

QByteArray random_line(QRandomGenerator& random) {
    const auto& words = vocabulary();
    QByteArray line;
    const int count = 1 + random.bounded(8);
    for (int i = 0; i < count; ++i) {
        if (i > 0) line += random.bounded(4) == 0 ? "(" : " ";
        line += words[random.bounded(static_cast<int>(words.size()))];
    }
    return line + "\n";
}

void generate_tree(TestTree& tree, QRandomGenerator& random, int files) {
    tree.mkdir(QStringLiteral(".git"));
    tree.write(QStringLiteral(".gitignore"), "*.log\nbuild/\n");
    tree.write(QStringLiteral("sub/.ignore"), "skipped_*\n");
    static const char* dirs[] = {"", "src/", "src/net/", "include/", "build/", "sub/", "sub/deep/x/", ".hidden/"};
    static const char* names[] = {"main.c", "util.h", "notes.txt", "trace.log", "skipped_a.c", ".dot.c", "data.bin", "readme.md"};
    for (int i = 0; i < files; ++i) {
        const QString dir = QString::fromLatin1(dirs[random.bounded(static_cast<int>(std::size(dirs)))]);
        const QString name = QString::fromLatin1(names[random.bounded(static_cast<int>(std::size(names)))]);
        const QString path = dir + QString::number(i) + QStringLiteral("_") + name;
        QByteArray content;
        const int lines = random.bounded(40);
        for (int l = 0; l < lines; ++l) content += random_line(random);
        if (name == QStringLiteral("data.bin")) content.insert(content.size() / 2, QByteArray("\0binary\0", 8));
        if (random.bounded(10) == 0 && !content.isEmpty()) content.chop(1);  // no final newline
        if (random.bounded(20) == 0) content.replace("\n", "\r\n");
        tree.write(path, content);
    }
}

IndexBuildResult build_index(const std::string& root, const std::filesystem::path& index_dir, WalkOptions walk,
                             std::size_t run_buffer_pairs, Chunking chunking) {
    IndexBuildOptions options;
    options.root = root;
    options.walk = std::move(walk);
    options.index_directory = index_dir;
    options.threads = 2;
    options.racy_window = std::chrono::nanoseconds(0);
    options.run_buffer_pairs = run_buffer_pairs;
    options.chunk_file_threshold = chunking.file_threshold;
    options.chunk_chars = chunking.chars;
    IndexBuilder builder(options);
    return builder.run();
}

namespace {

class CollectingSink : public ResultSink {
public:
    bool on_file(FileResult&& result) override {
        std::lock_guard lock(mutex);
        for (const LineRecord& line : result.lines) {
            std::string spans;
            for (const MatchSpan& s : line.spans) spans += std::to_string(s.begin) + "-" + std::to_string(s.end) + ",";
            lines.push_back(result.path + ":" + std::to_string(line.number) + ":" + std::to_string(line.byte_offset) +
                            (line.is_context ? "-" : ":") + spans + ":" + std::string(line.text));
        }
        if (result.lines.empty()) {
            lines.push_back(result.path + ":count=" + std::to_string(result.matched_lines) +
                            ":matches=" + std::to_string(result.matches));
        }
        return true;
    }
    void on_error(const SearchError& error) override {
        std::lock_guard lock(mutex);
        errors.push_back(error.path + ": " + error.message);
    }
    std::mutex mutex;
    std::vector<std::string> lines;
    std::vector<std::string> errors;
};

}  // namespace

namespace {

Outcome run_with(const SearchOptions& options, const std::function<IndexUse(Search&)>& attach) {
    Search search(options);
    Outcome outcome;
    if (attach) outcome.use = attach(search);
    CollectingSink sink;
    const SearchSummary summary = search.run(sink);
    outcome.skipped = summary.skipped;
    outcome.bytes_searched = summary.bytes_searched;
    outcome.bytes_read = summary.bytes_read;
    std::sort(sink.lines.begin(), sink.lines.end());
    std::sort(sink.errors.begin(), sink.errors.end());
    outcome.lines = std::move(sink.lines);
    outcome.errors = std::move(sink.errors);
    return outcome;
}

}  // namespace

Outcome run(const SearchOptions& options, const std::filesystem::path* index_dir) {
    if (index_dir == nullptr) return run_with(options, nullptr);
    return run_with(options, [&](Search& search) { return attach_index(search, options, *index_dir); });
}

Outcome run_with_attach(const SearchOptions& options, const std::function<IndexUse(Search&)>& attach) {
    return run_with(options, attach);
}

Outcome run_live(const SearchOptions& options, LiveIndex& live) {
    return run_with(options, [&](Search& search) { return live.attach(search, options); });
}

std::vector<std::string> searched_files(const std::string& root) {
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        const std::string path = entry.path().string();
        if (entry.is_regular_file() && path.ends_with("_main.c") && path.find("/build/") == std::string::npos &&
            path.find("/.hidden/") == std::string::npos) {
            files.push_back(path);
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace index_test
