// Shared by the index tests: a generated tree with words, case variants, non-ASCII text, binary
// and hidden files and ignore rules; building its index; and running a search with and without
// the index into a comparable, sorted list of result lines.
#pragma once

#include <QByteArray>
#include <QRandomGenerator>
#include <QString>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/index/index_builder.h"
#include "core/index/indexed_search.h"
#include "core/index/live_index.h"
#include "core/search/search_options.h"
#include "core/search/search_result.h"
#include "test_tree.h"

namespace index_test {

// Words the generated files are made of (and patterns are drawn from).
const std::vector<QByteArray>& vocabulary();

// Writes ~`files` files under `tree` from `random`: nested folders, a .git folder with a
// .gitignore that ignores "*.log" and "build/", a .ignore, hidden files, binary files.
void generate_tree(TestTree& tree, QRandomGenerator& random, int files);

// The "*_main.c" files of a generated tree that a walk searches (not under an ignored "build/"
// nor a hidden folder), sorted: files the tests edit and expect to find.
std::vector<std::string> searched_files(const std::string& root);

// A random line of words (for edits).
QByteArray random_line(QRandomGenerator& random);

// How a test index cuts files into chunks (IndexBuildOptions): the defaults chunk nothing a
// generated tree holds; tests of chunks pass small sizes.
struct Chunking {
    std::uint64_t file_threshold = 256u << 10;
    std::uint64_t chars = 16u << 10;
};

// Builds the index of `root` into `index_dir` (racy window 0: the tree was just written).
codescout::IndexBuildResult build_index(const std::string& root, const std::filesystem::path& index_dir,
                                        codescout::WalkOptions walk = {}, std::size_t run_buffer_pairs = 0,
                                        Chunking chunking = {});

struct Outcome {
    // "path:line:offset:spans:text" per result line ("-" before the spans: context), sorted;
    // "path:count=N:matches=M" for a file reported without lines
    std::vector<std::string> lines;
    std::vector<std::string> errors;
    codescout::SkipCounts skipped;   // the summary's counts of what the walk and search skipped
    std::uint64_t bytes_searched = 0;  // the summary's (as a scan counts them) ...
    std::uint64_t bytes_read = 0;      // ... and what the search read of them
    codescout::IndexUse use;         // with the index: what attach_index() did
};

// Runs `options`; with `index_dir`, through attach_index().
Outcome run(const codescout::SearchOptions& options, const std::filesystem::path* index_dir = nullptr);
// Runs `options` after `attach` (attach_index() with options of the test's choice).
Outcome run_with_attach(const codescout::SearchOptions& options,
                        const std::function<codescout::IndexUse(codescout::Search&)>& attach);
// Runs `options` through a live index (LiveIndex::attach()).
Outcome run_live(const codescout::SearchOptions& options, codescout::LiveIndex& live);

}  // namespace index_test
